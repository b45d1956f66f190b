"""Japanese for the few Qt strings that Qt's own qtbase_ja translation leaves in
English in the file dialogs (seen under Xvfb: 「Folder」, 「Drive」).

The strings live in i18n/qt_extra_ja.ts (reviewable text), compiled with
``pyside6-lrelease`` into the .qm beside it.  (Sizes and dates in the file list
follow the system locale, which is Japanese on a Japanese desktop.)
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

QM = Path(__file__).with_name("i18n") / "qt_extra_ja.qm"


def install() -> bool:
    """Once per application; True when the translation is installed."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    if app.property("rouei_qt_ja"):
        return True
    tr = QTranslator(app)
    if not tr.load(str(QM)):
        return False
    app.installTranslator(tr)
    app.setProperty("rouei_qt_ja", True)
    return True
