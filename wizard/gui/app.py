"""Entry points called by wizard/cli.py: ``run_gui(argv)`` and ``screenshot()``."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

APP_NAME = "rouei-wizard"
PAGE_HELP = "ページIDは質問ID（例: incident_cause）か review / result です"


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Qt's Japanese translation and a Japanese UI font."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication([APP_NAME, *(argv or [])])
    app.setApplicationName(APP_NAME)
    # No applicationDisplayName: X11 would append it to titles that already name the app.
    app.setOrganizationName("")
    if not app.property("rouei_translated"):
        path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        japan = QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)
        tr = QTranslator(app)
        if tr.load(japan, "qtbase", "_", path):  # 戻る／次へ／キャンセル／完了
            app.installTranslator(tr)
        QLocale.setDefault(japan)
        # One Japanese UI font for Latin and kana alike, so that line heights are even
        # (a fallback list: Qt resolves the first installed one; no font-database scan).
        font = QFont(app.font())
        font.setFamilies(["IPAexGothic", "Noto Sans CJK JP", "Yu Gothic UI", "Meiryo UI", "Hiragino Sans"])
        font.setPointSize(11)
        app.setFont(font)
        app.setProperty("rouei_translated", True)
    return app


def run_gui(argv_rest: list[str]) -> int:
    """`python main.py [FILE]`: the wizard window."""
    app = make_app(argv_rest)
    from wizard.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    window.files.start(argv_rest[0] if argv_rest else None)  # drafts are offered on every start path
    return app.exec()


def screenshot(png: str, open_file: str | None, page: str | None) -> int:
    """Draw the window at 1280×720 into `png` and exit 0 (offscreen when there is no display)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_app([])
    from wizard.gui.main_window import MainWindow
    from wizard.gui.storage import Storage

    with tempfile.TemporaryDirectory(prefix="rouei-shot-") as tmp:  # never touch the user's profile/drafts
        window = MainWindow(storage=Storage(Path(tmp)))
        window.resize(1280, 720)
        window.show()
        if open_file:
            window.files.open(open_file)
        else:
            window.files.new(ask=False)
        if page:
            known = page in ("review", "result") or page in window.graph.nodes
            if not known:
                print(f"--page {page}: そのページはありません。{PAGE_HELP}", file=sys.stderr)
                window.setWindowModified(False)
                window.close()
                return 2
            window.go_to(page)
        app.processEvents()
        ok = window.grab().save(png)
        window.setWindowModified(False)
        window.close()
        app.processEvents()
    if not ok:
        print(f"{png}: 画像を書き込めませんでした", file=sys.stderr)
        return 1
    return 0
