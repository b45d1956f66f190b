"""The one generic question page: renders whatever Question the session hands
it (text, required mark, field, inline error, answer note, 「?」 help panel)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wizard.engine.graph import SECTIONS, Question
from wizard.gui.fields import Field, make_field
from wizard.gui.style import h


def scrolled(widget: QWidget) -> QScrollArea:
    """A frameless scroll area that resizes `widget` to its width."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


def message_label(name: str, visible: bool = False) -> QLabel:
    """A wrapping label styled by object name (style.STYLE_SHEET), hidden until used."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setVisible(visible)
    return label


class HelpPanel(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("help_panel")
        self.setFixedWidth(330)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 12)
        title = QLabel("<b>この質問について</b>")
        self.body = QLabel()
        self.body.setObjectName("help_body")
        self.body.setWordWrap(True)
        holder = QWidget()  # label on top, stretch below (no Qt-namespace alignment at start-up)
        hl = QVBoxLayout(holder)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(self.body)
        hl.addStretch(1)
        lay.addWidget(title)
        lay.addWidget(scrolled(holder), 1)

    def show_question(self, q: Question) -> None:
        parts: list[str] = []
        if q.help:
            parts.append(f"<p>{h(q.help)}</p>")
        if q.examples:
            items = "".join(f"<li>{h(e)}</li>" for e in q.examples)
            parts.append(f"<p><b>例</b></p><ul style='margin-left:-20px'>{items}</ul>")
        parts.append(f"<p><b>根拠</b><br>{h(q.cite)}</p>")
        if q.effective:
            parts.append(f"<p><b>適用</b><br>{h(q.effective)}</p>")
        if q.notes:
            parts.append("<p style='color:#555'>回答によっては、結果が変わります。選んだ回答の説明は入力欄の下に表示されます。</p>")
        self.body.setText("<qt>" + "".join(parts) + "</qt>")


class QuestionPage(QWidget):
    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.q: Question | None = None
        self.field: Field | None = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        main = QWidget()
        col = QVBoxLayout(main)
        col.setContentsMargins(24, 16, 24, 8)
        col.setSpacing(10)
        top = QHBoxLayout()
        self.caption = QLabel()
        self.caption.setObjectName("section_caption")
        self.position = QLabel()
        self.position.setObjectName("position")
        self.help_button = QToolButton()
        self.help_button.setObjectName("help_button")
        self.help_button.setText("？ ヘルプ")
        self.help_button.setToolTip("この質問の説明と根拠（F1）")
        self.help_button.setCheckable(True)
        self.help_button.setChecked(True)
        self.help_key = QAction(self)  # F1 (its key is set by MainWindow.install_shortcuts)
        self.help_key.triggered.connect(self.help_button.toggle)
        self.addAction(self.help_key)
        top.addWidget(self.caption)
        top.addStretch(1)
        top.addWidget(self.position)
        top.addWidget(self.help_button)
        col.addLayout(top)

        self.text = message_label("question", visible=True)
        col.addWidget(self.text)

        self.field_box = QVBoxLayout()
        col.addLayout(self.field_box)
        self.error = message_label("error")
        self.note = message_label("note")
        self.inapplicable = message_label("inapplicable")
        for label in (self.error, self.note, self.inapplicable):
            col.addWidget(label)
        col.addStretch(1)

        self.scroller = scrolled(main)
        outer.addWidget(self.scroller, 1)
        self.help_panel = HelpPanel()
        outer.addWidget(self.help_panel)
        self.help_button.toggled.connect(self.help_panel.setVisible)

    def show_question(self, q: Question, value: Any, position: str) -> None:
        self.q = q
        if self.field is not None:
            self.field_box.removeWidget(self.field)
            self.field.hide()
            self.field.deleteLater()
        self.field = make_field(q)
        self.field.set_value(value)
        self.field.edited.connect(self.edited.emit)
        self.field_box.addWidget(self.field)
        self.field.show()  # the layout would only show it on the next event-loop pass
        mark = " <span style='color:#b00020'>＊</span><span style='font-size:10pt;color:#b00020'>必須</span>" \
            if q.required else ""
        self.text.setText(f"<qt>{h(q.text)}{mark}</qt>")
        self.caption.setText(SECTIONS.get(q.section, q.section))
        self.position.setText(position)
        self.help_panel.show_question(q)
        self.set_error(None)
        self.scroller.verticalScrollBar().setValue(0)

    def focus_field(self) -> None:
        if self.field is not None:
            self.field.focus_target().setFocus()

    def set_error(self, message: str | None) -> None:
        self.error.setText(f"⚠ {message}" if message else "")
        self.error.setVisible(bool(message))

    def set_note(self, text: str | None) -> None:
        self.note.setText(f"ℹ {text}" if text else "")
        self.note.setVisible(bool(text))

    def set_inapplicable(self, rows: list[tuple[str, str]]) -> None:
        if not rows:
            self.inapplicable.setVisible(False)
            return
        items = "".join(f"<li>{h(label)}：{h(value)}</li>" for label, value in rows)
        self.inapplicable.setText(
            "<qt><b>回答の変更により、次の回答は使われなくなりました</b>（判断には使いません。保存するまでは残っています）"
            f"<ul style='margin-left:-20px'>{items}</ul></qt>"
        )
        self.inapplicable.setVisible(True)
