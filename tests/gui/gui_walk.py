"""Drive the real pages as a user would: click radios, type ASCII with keyClicks,
commit Japanese through an input-method event, then click 次へ."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from wizard.gui.fields import DateField, IntField, OptionsField, PrefectureField, TextAreaField, TextField


def ime_commit(widget: QWidget, text: str) -> None:
    ev = QInputMethodEvent()
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        ime_commit(widget, text)


def answer(qtbot: Any, window: Any, value: Any, qid: str | None = None) -> None:
    """Enter `value` in the field of question `qid` (default: the page's active question)."""
    page = window.question_page
    field = page.field_for(qid) if qid else page.field
    if isinstance(field, OptionsField):
        button = field.button_for(value)  # click on the label text, where a person clicks
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(12, button.height() // 2))
    elif isinstance(field, DateField):
        if value is None:
            assert field.unknown is not None
            qtbot.mouseClick(field.unknown, Qt.MouseButton.LeftButton, pos=QPoint(12, field.unknown.height() // 2))
        else:
            field.edit.clear()
            qtbot.keyClicks(field.edit, value)
    elif isinstance(field, IntField):
        field.edit.clear()
        qtbot.keyClicks(field.edit, str(value))
    elif isinstance(field, PrefectureField):
        field.combo.setCurrentIndex(field.combo.findData(value))
    elif isinstance(field, TextAreaField):
        field.edit.clear()
        lines = value if isinstance(value, list) else str(value).split("\n")
        for i, line in enumerate(lines):
            if i:
                qtbot.keyClick(field.edit, Qt.Key.Key_Return)
            type_text(qtbot, field.edit, line)
    elif isinstance(field, TextField):
        field.edit.clear()
        if value is not None:
            type_text(qtbot, field.edit, value)
    else:  # pragma: no cover
        raise AssertionError(f"unknown field {field!r}")


def click_next(qtbot: Any, window: Any) -> None:
    assert window.next_button.isEnabled(), (window.current, window.question_page.error.text())
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)


def fill_page(qtbot: Any, window: Any, answers: dict[str, Any]) -> list[str]:
    """Answer every question the page shows from `answers` (new ones appear as answers are
    given: 事業の分野 → 監督官庁); returns the question ids seen on the page."""
    page = window.question_page
    done: list[str] = []
    while True:
        todo = [qid for qid in page.order if qid not in done]
        if not todo:
            return done
        for qid in todo:
            done.append(qid)
            q = window.session.question(qid)
            if q.fact in answers and (answers[q.fact] is not None or q.kind == "date"):
                answer(qtbot, window, answers[q.fact], qid)


def walk(qtbot: Any, window: Any, answers: dict[str, Any], limit: int = 60) -> list[str]:
    """Fill every screen from `answers` and click 次へ until 確認; returns the screen ids shown."""
    seen: list[str] = []
    while window.current not in ("review", "result"):
        assert len(seen) < limit, "the walk does not end"
        seen.append(window.current)
        fill_page(qtbot, window, answers)
        click_next(qtbot, window)
    return seen
