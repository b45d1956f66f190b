"""Answer widgets, one per question kind (questions/*.yaml `kind:`).

Each field shows a value and hands one back; it decides nothing.  ``value()``
returns UNANSWERED when the user has given no answer, so that 「不明」 for a
nullable date (None) stays distinguishable from "not answered yet".
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCalendarWidget

from wizard.domain.dates import format_date
from wizard.domain.facts import FACTS, TRI_LABELS
from wizard.engine.graph import Question
from wizard.engine.values import PREFECTURES


class _Unanswered:
    def __repr__(self) -> str:
        return "UNANSWERED"


UNANSWERED: Any = _Unanswered()


class Field(QWidget):
    """Base: `edited` fires on every user change."""

    edited = Signal()

    def __init__(self, q: Question) -> None:
        super().__init__()
        self.q = q
        self.setObjectName(f"field_{q.id}")

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def parse_error(self) -> str | None:
        """A problem the field itself sees (e.g. text that is not a date)."""
        return None

    def focus_target(self) -> QWidget:
        return self

    def last_tab_stop(self) -> QWidget:
        """The field's last keyboard stop; Tab from here goes to 次へ."""
        return self.tab_stops()[-1]

    def tab_stops(self) -> list[QWidget]:
        """The field's keyboard stops in visual order (the page chains them explicitly)."""
        return [self.focus_target()]

    def note_key(self) -> str | None:
        v = self.value()
        if v is UNANSWERED:
            return None
        if isinstance(v, bool):
            return "true" if v else "false"
        return None if v is None else str(v)


class OptionsField(Field):
    """Radio buttons for choice / tri / bool; Alt+digit selects an option (when the screen has
    only one set of options); `horizontal` puts them on one row (「まとめて入力」)."""

    def __init__(self, q: Question, options: list[tuple[Any, str]], horizontal: bool = False,
                 mnemonics: bool = True) -> None:
        super().__init__(q)
        lay = QHBoxLayout(self) if horizontal else QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(14 if horizontal else 2 if len(options) > 8 else 6)  # long lists stay on one screen
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        self.values = [v for v, _ in options]
        for i, (_, text) in enumerate(options):
            mnemonic = (f"&{i + 1} " if i < 9 else "   ") if mnemonics else ""
            b = QRadioButton(f"{mnemonic}{text}")
            b.setObjectName(f"opt_{q.id}_{i}")
            self.group.addButton(b, i)
            self.buttons.append(b)
            lay.addWidget(b)
        self.group.idClicked.connect(lambda _i: self.edited.emit())

    def button_for(self, value: Any) -> QRadioButton:
        return self.buttons[self.values.index(value)]

    def value(self) -> Any:
        i = self.group.checkedId()
        return UNANSWERED if i < 0 else self.values[i]

    def set_value(self, value: Any) -> None:
        if value in self.values:
            self.buttons[self.values.index(value)].setChecked(True)
        else:
            self.group.setExclusive(False)
            for b in self.buttons:
                b.setChecked(False)
            self.group.setExclusive(True)

    def focus_target(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked if checked is not None else self.buttons[0]

    def tab_stops(self) -> list[QWidget]:
        return list(self.buttons)


def parse_date_text(text: str) -> date | str | None:
    """'2026-09-17', '2026/9/17', '20260917' (full-width too) → date; '' → None; else an error text."""
    t = unicodedata.normalize("NFKC", text).strip()
    if not t:
        return None
    m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", t) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", t)
    if not m:
        return "日付は 2026-09-17 の形式で入力してください"
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return f"「{text.strip()}」は存在しない日付です"


def closures_around(year: int, month: int) -> list[tuple[date, str]]:
    """Holidays and year-end closures of the shown month and its neighbours (the calendar shows
    a few days of each), from wizard/engine/calendar.py (rules/holidays_jp.json)."""
    from datetime import timedelta

    from wizard.engine.calendar import closure_reason

    first = date(year, month, 1) - timedelta(days=14)
    out = []
    for i in range(62):
        d = first + timedelta(days=i)
        why = closure_reason(d)
        if why and why not in ("土曜日", "日曜日"):
            out.append((d, why))
    return out


class DateField(Field):
    """Line edit (keyboard first) + calendar toggle + 「不明」 where allowed; shows 和暦 and weekday.
    Alt+C / Alt+U only on the first date of a screen (`mnemonics`)."""

    def __init__(self, q: Question, mnemonics: bool = True) -> None:
        super().__init__(q)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.edit = QLineEdit()
        self.edit.setObjectName(f"date_{q.id}")
        self.edit.setPlaceholderText(q.placeholder or "例: 2026-09-17")
        self.edit.setMaximumWidth(220)
        self.edit.textChanged.connect(self._changed)
        self.cal_button = QToolButton()
        self.cal_button.setText("カレンダー(&C)" if mnemonics else "カレンダー")
        self.cal_button.setCheckable(True)
        self.preview = QLabel()
        self.preview.setObjectName("date_preview")
        row.addWidget(self.edit)
        row.addWidget(self.cal_button)
        row.addWidget(self.preview, 1)
        lay.addLayout(row)
        self.unknown: QCheckBox | None = None
        allow = q.allow_unknown and FACTS[q.fact].type == "datenull"
        if allow:
            self.unknown = QCheckBox(f"{q.unknown_label}(&U)" if mnemonics else q.unknown_label)
            self.unknown.setObjectName(f"unknown_{q.id}")
            self.unknown.toggled.connect(self._unknown_toggled)
            lay.addWidget(self.unknown)
        self.calendar: QCalendarWidget | None = None  # built when first opened
        self.cal_button.toggled.connect(self._toggle_calendar)

    def _toggle_calendar(self, on: bool) -> None:
        if self.calendar is None:
            from PySide6.QtWidgets import QCalendarWidget

            self.calendar = QCalendarWidget()
            self.calendar.setMaximumSize(420, 260)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
            self.calendar.currentPageChanged.connect(self._mark_closures)
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self.calendar)
        v = parse_date_text(self.edit.text())
        if isinstance(v, date):
            self.calendar.setSelectedDate(QDate(v.year, v.month, v.day))
        self._mark_closures(self.calendar.yearShown(), self.calendar.monthShown())
        self.calendar.setVisible(on)
        if on:
            self.calendar.setFocus()

    def _mark_closures(self, year: int, month: int) -> None:
        """祝日・振替休日・年末年始 in red with their name as tooltip (the deadlines skip them)."""
        from PySide6.QtGui import QColor, QTextCharFormat

        assert self.calendar is not None
        for day, name in closures_around(year, month):
            fmt = QTextCharFormat()
            fmt.setForeground(QColor("#c62828"))
            fmt.setFontWeight(700)
            fmt.setToolTip(name)
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)

    def _picked(self, qd: QDate) -> None:
        self.edit.setText(qd.toString("yyyy-MM-dd"))
        self.cal_button.setChecked(False)
        self.edit.setFocus()

    def _unknown_toggled(self, on: bool) -> None:
        self.edit.setEnabled(not on)
        self.cal_button.setEnabled(not on)
        self._changed()

    def _changed(self, *_: Any) -> None:
        self._update_preview()
        self.edited.emit()

    def _update_preview(self) -> None:
        v = parse_date_text(self.edit.text())
        self.preview.setText(format_date(v, era=True, weekday=True) if isinstance(v, date) else "")

    def value(self) -> Any:
        if self.unknown is not None and self.unknown.isChecked():
            return None
        v = parse_date_text(self.edit.text())
        return v.isoformat() if isinstance(v, date) else UNANSWERED

    def parse_error(self) -> str | None:
        if self.unknown is not None and self.unknown.isChecked():
            return None
        v = parse_date_text(self.edit.text())
        return v if isinstance(v, str) else None

    def set_value(self, value: Any) -> None:
        if self.unknown is not None:
            self.unknown.blockSignals(True)
            self.unknown.setChecked(value is None)
            self.unknown.blockSignals(False)
            self.edit.setEnabled(value is not None)
        self.edit.blockSignals(True)
        self.edit.setText(value if isinstance(value, str) else "")
        self.edit.blockSignals(False)
        self._update_preview()

    def focus_target(self) -> QWidget:
        return self.edit

    def tab_stops(self) -> list[QWidget]:
        return [self.edit, self.cal_button] + ([self.unknown] if self.unknown is not None else [])


class IntField(Field):
    def __init__(self, q: Question) -> None:
        super().__init__(q)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"int_{q.id}")
        self.edit.setPlaceholderText(q.placeholder or "例: 1200")
        self.edit.setMaximumWidth(220)
        self.edit.textChanged.connect(lambda _t: self.edited.emit())
        lay.addWidget(self.edit)
        lay.addStretch(1)

    def _parse(self) -> int | str | None:
        t = unicodedata.normalize("NFKC", self.edit.text()).strip().replace(",", "").replace("人", "")
        if not t:
            return None
        if re.fullmatch(r"[-−]?\d+", t):
            return int(t.replace("−", "-"))
        if re.fullmatch(r"[-−]?\d*\.\d+", t):
            return "人数・件数は整数で入力してください（小数は使えません）"
        return "数字で入力してください（例: 1200）"

    def value(self) -> Any:
        v = self._parse()
        return v if isinstance(v, int) else UNANSWERED

    def parse_error(self) -> str | None:
        v = self._parse()
        return v if isinstance(v, str) else None

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        self.edit.setText(str(value) if isinstance(value, int) and not isinstance(value, bool) else "")
        self.edit.blockSignals(False)

    def focus_target(self) -> QWidget:
        return self.edit


class TextField(Field):
    def __init__(self, q: Question) -> None:
        super().__init__(q)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"text_{q.id}")
        self.edit.setPlaceholderText(q.placeholder or (f"例: {q.examples[0]}" if q.examples else ""))
        self.edit.textChanged.connect(lambda _t: self.edited.emit())
        lay.addWidget(self.edit)

    def value(self) -> Any:
        t = self.edit.text().strip()
        return t if t else UNANSWERED

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        self.edit.setText(value if isinstance(value, str) else "")
        self.edit.blockSignals(False)

    def focus_target(self) -> QWidget:
        return self.edit


class _Area(QPlainTextEdit):
    """Enter makes a new line; Ctrl+Enter goes on to the window (次へ)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        from PySide6.QtCore import Qt  # not at import: the Qt namespace costs start-up time

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.ignore()  # Ctrl+Enter: the window's 次へ
            return
        super().keyPressEvent(event)


class TextAreaField(Field):
    """Free text; for `list` questions one entry per line."""

    def __init__(self, q: Question, as_list: bool) -> None:
        super().__init__(q)
        self.as_list = as_list
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.edit = _Area()
        self.edit.setObjectName(f"area_{q.id}")
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(64)
        self.edit.setMaximumHeight(130)
        hint = "1行に1つずつ入力してください" if as_list else ""
        self.edit.setPlaceholderText(q.placeholder or hint)
        self.edit.textChanged.connect(self.edited.emit)
        lay.addWidget(self.edit)
        keys = QLabel(("1行に1項目ずつ入力します。" if as_list else "") + "Enter で改行、Ctrl+Enter で次へ進みます。")
        keys.setObjectName("hint")
        lay.addWidget(keys)

    def value(self) -> Any:
        text = self.edit.toPlainText()
        if self.as_list:
            items = [line.strip() for line in text.splitlines() if line.strip()]
            return items if items else UNANSWERED
        text = text.strip()
        return text if text else UNANSWERED

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        if isinstance(value, list):
            self.edit.setPlainText("\n".join(str(v) for v in value))
        else:
            self.edit.setPlainText(value if isinstance(value, str) else "")
        self.edit.blockSignals(False)

    def focus_target(self) -> QWidget:
        return self.edit


class PrefectureField(Field):
    def __init__(self, q: Question) -> None:
        super().__init__(q)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        self.combo.setObjectName(f"pref_{q.id}")
        self.combo.addItem("（選択してください）", None)
        for p in PREFECTURES:
            self.combo.addItem(p, p)
        self.combo.setMaxVisibleItems(16)
        self.combo.currentIndexChanged.connect(lambda _i: self.edited.emit())
        lay.addWidget(self.combo)
        lay.addStretch(1)

    def value(self) -> Any:
        v = self.combo.currentData()
        return v if isinstance(v, str) else UNANSWERED

    def set_value(self, value: Any) -> None:
        self.combo.blockSignals(True)
        i = self.combo.findData(value) if isinstance(value, str) else 0
        self.combo.setCurrentIndex(max(i, 0))
        self.combo.blockSignals(False)

    def focus_target(self) -> QWidget:
        return self.combo


def options_of(q: Question) -> list[tuple[Any, str]] | None:
    """(value, label) of a question answered by radio buttons; None for the other kinds."""
    if q.kind == "choice":
        return list(q.options)
    if q.kind == "tri":
        opts: list[tuple[Any, str]] = [("yes", TRI_LABELS["yes"]), ("no", TRI_LABELS["no"])]
        if q.allow_unknown:
            opts.append(("unknown", q.unknown_label or TRI_LABELS["unknown"]))
        return opts
    if q.kind == "bool":
        return [(True, "はい"), (False, "いいえ")]
    return None


def is_row(q: Question) -> bool:
    """Short yes/no-like options fit on the question's row of a 「まとめて入力」 screen."""
    opts = options_of(q)
    return opts is not None and len(opts) <= 4 and sum(len(t) for _, t in opts) <= 16


def make_field(q: Question, row: bool = False, mnemonics: bool = True) -> Field:
    opts = options_of(q)
    if opts is not None:
        return OptionsField(q, opts, horizontal=row, mnemonics=mnemonics)
    if q.kind == "date":
        return DateField(q, mnemonics=mnemonics)
    if q.kind == "int":
        return IntField(q)
    if q.kind in ("textarea", "list"):
        return TextAreaField(q, as_list=q.kind == "list")
    if q.kind == "prefecture":
        return PrefectureField(q)
    return TextField(q)
