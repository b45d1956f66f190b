"""Entry points called by wizard/cli.py: ``run_gui(argv)`` and ``screenshot()``."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

APP_NAME = "rouei-wizard"
PAGE_HELP = "ページIDは画面ID（例: incident_when）、質問ID（例: incident_cause）か review / result です"


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


WANTED = (1280, 720)
FRAME_GUESS = (8, 38)  # window-manager frame (width, height) assumed until the real one is known


def fitted(avail: tuple[int, int, int, int], frame: tuple[int, int],
           wanted: tuple[int, int] = WANTED) -> tuple[int, int, int, int]:
    """(x, y, width, height) of the window inside the screen's available area `avail`
    (x, y, w, h), the frame (extra width, extra height) included, centred."""
    ax, ay, aw, ah = avail
    fw, fh = frame
    w = max(1, min(wanted[0], aw - fw))
    h = max(1, min(wanted[1], ah - fh))
    return ax + max(0, (aw - w - fw) // 2), ay + max(0, (ah - h - fh) // 2), w, h


def fit_to_screen(window: QWidget) -> None:
    """Open inside the available geometry of the window's screen, frame included (SPEC §6):
    on a 1280×720 screen the title bar and 戻る/次へ stay visible."""
    screen = window.screen()
    if screen is None:
        return
    a = screen.availableGeometry()
    frame = window.frameGeometry()
    fw, fh = frame.width() - window.width(), frame.height() - window.height()
    if fw <= 0 and fh <= 0:  # not mapped by the window manager yet
        fw, fh = FRAME_GUESS
    x, y, w, h = fitted((a.x(), a.y(), a.width(), a.height()), (fw, fh))
    window.setMinimumSize(min(960, w), min(600, h))
    window.resize(w, h)
    window.move(x, y)


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
        window = MainWindow(storage=Storage(Path(tmp)), fit=False)
        window.menus.pending_keys = []  # a picture needs no keyboard shortcuts (setting them builds Qt's enums)
        window.setMinimumSize(960, 600)
        window.resize(1280, 720)  # the picture is 1280×720 whatever the screen
        window.show()
        if open_file:
            window.files.open(open_file)
        else:
            window.files.new(ask=False)
        if page:
            screens = {sc.id for sc in window.session.screens()}
            known = page in ("review", "result") or page in window.graph.nodes or page in screens
            if not known:
                print(f"--page {page}: そのページはありません。{PAGE_HELP}", file=sys.stderr)
                window.setWindowModified(False)
                window.close()
                return 2
            window.go_to(page)
        app.processEvents()
        ok = window.grab().save(png, "PNG", 80)  # lighter compression: ~40 % faster, no bigger for a UI picture
        window.setWindowModified(False)
        window.close()
        app.processEvents()
    if not ok:
        print(f"{png}: 画像を書き込めませんでした", file=sys.stderr)
        return 1
    return 0
