"""Walk incidents through the REAL window (xcb, under Xvfb with a window manager) by
keyboard only, and take a picture of the whole screen at every screen.

    xvfb-run -a -s "-screen 0 1280x720x24" sh -c \
        "openbox & sleep 0.5; QT_QPA_PLATFORM=xcb .venv/bin/python tests/gui/real_window_walk.py OUT_DIR"

Keys only: Tab moves to each question, arrow keys + Space pick an option, text goes in
through an input-method commit (what a Japanese IME sends; QTest cannot type kana), Enter
(Ctrl+Enter in a text box) goes on.  A returning user (profile saved) starts at 新規.
Prints per incident: the screens shown, their count, the time, and whether the window with
its frame stayed inside the screen.  Not collected by pytest (needs a display).

    real_window_walk.py OUT_DIR [all | case:screen,...] [--first-time]

`all` takes a picture of every screen (and of each dialog); `--first-time` walks as a new
user (no profile: 事業者情報 typed in, the 事業者情報の保存 dialog answered with Enter).
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication, QInputMethodEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from wizard.engine import screens  # noqa: E402
from wizard.gui.app import make_app  # noqa: E402
from wizard.gui.fields import DateField, IntField, OptionsField, PrefectureField, TextAreaField  # noqa: E402

CASES = ["mail-1person", "clinic-patients", "shop-ransomware", "isp-testserver"]


def pump(ms: int = 30) -> None:
    QTest.qWait(ms)


def focus() -> QWidget | None:
    return QApplication.focusWidget()


def key(k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    w = focus()
    assert w is not None, "no keyboard focus"
    QTest.keyClick(w, k, mod)
    pump(15)


def commit_text(text: str) -> None:
    w = focus()
    assert w is not None
    QTest.keyClick(w, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select what is there
    ev = QInputMethodEvent()
    ev.setCommitString(text)
    QApplication.sendEvent(w, ev)
    pump(10)


def tab_to(stops: list[QWidget], limit: int = 60) -> None:
    for _ in range(limit):
        if focus() in stops:
            return
        key(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {stops[0].objectName()}")


def enter_answer(field: Any, value: Any) -> None:
    if isinstance(field, OptionsField):
        tab_to(field.tab_stops())
        target = field.button_for(value)
        trail = []
        for _ in range(2 * len(field.buttons) + 2):
            if focus() is target:
                break
            trail.append(focus().objectName() if focus() else None)
            row = type(field.layout()).__name__ == "QHBoxLayout"  # a row of 「まとめて入力」: ← →
            forward = field.buttons.index(focus()) < field.buttons.index(target)
            key((Qt.Key.Key_Right if forward else Qt.Key.Key_Left) if row else
                (Qt.Key.Key_Down if forward else Qt.Key.Key_Up))
        if not target.isChecked():
            key(Qt.Key.Key_Space)
        assert field.value() == value, (field.q.id, field.value(), value, trail)
    elif isinstance(field, DateField):
        if value is None:
            assert field.unknown is not None
            tab_to([field.unknown])
            if not field.unknown.isChecked():
                key(Qt.Key.Key_Space)
        else:
            tab_to([field.edit])
            key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClicks(field.edit, value)
    elif isinstance(field, PrefectureField):
        tab_to([field.combo])
        i = field.combo.findData(value)
        while field.combo.currentIndex() < i:
            key(Qt.Key.Key_Down)
        while field.combo.currentIndex() > i:
            key(Qt.Key.Key_Up)
    elif isinstance(field, IntField):
        tab_to([field.edit])
        key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(field.edit, str(value))
    elif isinstance(field, TextAreaField):
        tab_to([field.edit])
        commit_text("\n".join(value) if isinstance(value, list) else str(value))
    else:
        tab_to([field.edit])
        commit_text(str(value))
    pump(10)


def shoot(out: Path, name: str) -> None:
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0).save(str(out / f"{name}.png"))  # the whole screen: frame and title bar included


def answer_dialogs(out: Path, name: str, log: list[str]) -> QTimer:
    """A modal dialog opened by a key press: picture it, then Enter (its default button)."""
    def check() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isVisible():
            log.append(modal.windowTitle())
            shoot(out, f"{name}-dialog-{len(log)}")
            QTest.keyClick(modal, Qt.Key.Key_Return)
    timer = QTimer()
    timer.setInterval(150)
    timer.timeout.connect(check)
    timer.start()
    return timer


def walk_case(case: str, out: Path, shots: set[str], first_time: bool = False) -> dict[str, Any]:
    from wizard.gui.main_window import MainWindow
    from wizard.gui.storage import Storage

    answers = json.loads((ROOT / "tests/gui/data" / f"{case}.json").read_text(encoding="utf-8"))["incident"]["answers"]
    home = Path(tempfile.mkdtemp(prefix=f"walk-{case}-"))
    storage = Storage(home)
    if not first_time:
        storage.save_profile(screens.profile_answers(answers))  # a returning user
    dialogs: list[str] = []
    name = f"{case}{'-first' if first_time else ''}"
    timer = answer_dialogs(out, name, dialogs)
    w = MainWindow(storage=storage)
    w.show()
    pump(400)  # the window manager maps and frames it
    t0 = time.perf_counter()
    w.files.new(ask=False)
    w.activateWindow()
    QTest.qWaitForWindowActive(w, 3000)
    pump(50)
    if focus() is None:  # the new page's first field, as the window gave it before activation
        w.question_page.focus_field()
    shown: list[str] = []
    fits = True
    avail = w.screen().availableGeometry()
    while w.current not in ("review", "result"):
        assert len(shown) < 60
        shown.append(w.current)
        fits &= avail.contains(w.frameGeometry())
        done: list[str] = []
        while True:
            todo = [qid for qid in w.question_page.order if qid not in done]
            if not todo:
                break
            for qid in todo:
                done.append(qid)
                q = w.session.question(qid)
                if q.fact in answers and (answers[q.fact] is not None or q.kind == "date"):
                    enter_answer(w.question_page.field_for(qid), answers[q.fact])
        if f"{case}:{w.current}" in shots or "all" in shots:
            shoot(out, f"{name}-{len(shown):02d}-{w.current}")
        before = w.current
        in_area = isinstance(focus(), TextAreaField.__mro__[0]) or type(focus()).__name__ == "_Area"
        key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier if in_area else Qt.KeyboardModifier.NoModifier)
        pump(20)
        assert w.current != before, (before, w.question_page.blocks[w.question_page.order[0]].q.id)
    shown.append("review")
    if f"{case}:review" in shots or "all" in shots:
        shoot(out, f"{name}-{len(shown):02d}-review")
    w.next_button.setFocus()
    key(Qt.Key.Key_Return)  # 確認 → 結果 (Enter on a button clicks it after its press animation)
    for _ in range(50):
        if w.current == "result":
            break
        pump(20)
    pump(200)
    shown.append(w.current)
    elapsed = time.perf_counter() - t0
    if f"{case}:result" in shots or "all" in shots:
        shoot(out, f"{name}-{len(shown):02d}-result")
        bar = w.result_page.browser.verticalScrollBar()
        page = 1
        while bar.value() < bar.maximum():  # the rest of the result text, a screen at a time
            bar.setValue(bar.value() + bar.pageStep())
            pump(50)
            shoot(out, f"{name}-{len(shown):02d}-result-{page}")
            page += 1
    timer.stop()
    expected = [sid for sid, _ in screens.walk(answers, profile=not first_time)]
    w.setWindowModified(False)
    w.close()
    pump(50)
    return {"case": name, "screens": len(shown), "dialogs": dialogs, "same_as_main_py_screens": shown == expected,
            "seconds": round(elapsed, 2), "frame_inside_screen": fits, "shown": shown,
            "frame": [w.frameGeometry().width(), w.frameGeometry().height()],
            "available": [avail.width(), avail.height()]}


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--first-time"]
    first_time = "--first-time" in sys.argv
    out = Path(args[0] if args else "walk-shots")
    out.mkdir(parents=True, exist_ok=True)
    shots = set(args[1].split(",")) if len(args) > 1 else {
        f"{c}:{s}" for c in CASES for s in ("incident_when", "incident_facts", "data_kinds", "report", "review", "result")}
    make_app([])
    ok = True
    for case in CASES:
        r = walk_case(case, out, shots, first_time)
        ok &= r["same_as_main_py_screens"] and r["frame_inside_screen"]
        print(json.dumps(r, ensure_ascii=False), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    import os

    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown (PySide6 can abort while finalizing a walked window)
