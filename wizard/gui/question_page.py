"""The one generic question page: renders whatever Screen the session hands it —
one or several questions (text, required mark, field, inline error, answer
note) and the 「?」 help panel of the question being answered."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wizard.engine.graph import SECTIONS, Question
from wizard.engine.screens import Screen
from wizard.gui.fields import Field, TextAreaField, is_row, make_field, options_of
from wizard.gui.style import ERROR, h

HELP_SHOWN, HELP_HIDDEN = "？ ヘルプを隠す", "？ ヘルプを表示"


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
    if not visible:  # never setVisible(True) here: a label without a parent would open as a window
        label.hide()
    return label


def outcome_preview(outcome: dict[str, Any]) -> str:
    """What the answers so far mean, in one short paragraph (the engine's outcome, worded)."""
    from wizard.domain.dates import format_date
    from wizard.domain.labels import PUBLICATION_JA

    a, m = outcome["appi"], outcome["mynumber"]
    parts = []
    if a.get("required"):
        pre = a.get("preliminary") or {}
        when = f"（速報は {format_date(pre['limit'], era=True, weekday=True)}まで）" if pre.get("limit") else ""
        parts.append(f"{a.get('office') or a.get('destination_name')}への報告が必要です{when}。")
    else:
        parts.append("個人情報保護法による報告は必要ありません。")
    if m.get("required"):
        parts.append("特定個人情報（マイナンバー）の報告も必要です。")
    for sr in outcome.get("sector_reports") or []:
        if sr.get("title"):
            parts.append(f"{sr['title']}も必要です。")
    if outcome.get("notify_subjects", {}).get("required"):
        parts.append("本人への通知が必要です。")
    pub = PUBLICATION_JA.get(str(outcome.get("publication")))
    if pub:
        parts.append(f"{pub}。")
    return "ここまでの回答では、" + "".join(parts) + "（理由と期限は「結果」の画面に表示します）"


def note_answers(q: Question) -> str:
    """「はい」「不明」: the answers whose explanation appears under the field."""
    labels = dict(options_of(q) or [])
    names = []
    for key in q.notes:
        for value, text in labels.items():
            if (str(value).lower() if isinstance(value, bool) else str(value)) == key:
                names.append(f"「{text}」")
    return "".join(names)


class HelpPanel(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("help_panel")
        self.setFixedWidth(330)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 12)
        self.title = QLabel("<b>この質問について</b>")
        self.title.setWordWrap(True)
        self.body = QLabel()
        self.body.setObjectName("help_body")
        self.body.setWordWrap(True)
        holder = QWidget()  # label on top, stretch below (no Qt-namespace alignment at start-up)
        hl = QVBoxLayout(holder)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(self.body)
        hl.addStretch(1)
        lay.addWidget(self.title)
        lay.addWidget(scrolled(holder), 1)

    def show_question(self, q: Question, several: bool = False) -> None:
        from wizard.domain.facts import label

        self.title.setText(f"<b>{h(label(q.fact))}</b>" if several else "<b>この質問について</b>")
        parts: list[str] = []
        if q.help:
            parts.append(f"<p>{h(q.help)}</p>")
        if q.examples:
            items = "".join(f"<li>{h(e)}</li>" for e in q.examples)
            parts.append(f"<p><b>例</b></p><ul style='margin-left:-20px'>{items}</ul>")
        parts.append(f"<p><b>根拠</b><br>{h(q.cite)}</p>")
        if q.effective:
            parts.append(f"<p><b>適用</b><br>{h(q.effective)}</p>")
        answers = note_answers(q)
        if answers:
            parts.append(f"<p style='color:#555'>{h(answers)}を選ぶと、結果への影響が入力欄の下に表示されます。</p>")
        if several:
            parts.append("<p style='color:#555'>この画面の別の質問の説明は、その質問を選ぶと表示されます。</p>")
        self.body.setText("<qt>" + "".join(parts) + "</qt>")


class QuestionBlock(QWidget):
    """One question of a screen: its text, field, inline error and the chosen answer's note."""

    def __init__(self, q: Question, big: bool, row: bool, mnemonics: bool) -> None:
        super().__init__()
        self.q = q
        self.setObjectName(f"block_{q.id}")
        self.touched = False  # the user changed this field since the screen was shown
        self.field: Field = make_field(q, row=row, mnemonics=mnemonics)
        if not big and isinstance(self.field, TextAreaField):
            self.field.edit.setMaximumHeight(88)  # several text boxes share the screen
        self.text = message_label("question" if big else "question_small", visible=True)
        mark = " <span style='color:#b00020'>＊</span><span style='font-size:10pt;color:#b00020'>必須</span>" \
            if q.required else ""
        self.base_text = f"{h(q.text)}{mark}"
        self.text.setText(f"<qt>{self.base_text}</qt>")
        self._error: QLabel | None = None  # made when first needed (page moves stay fast)
        self._note: QLabel | None = None
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 2 if big else 6, 0, 2)
        col.setSpacing(4)
        if row:
            line = QHBoxLayout()
            line.addWidget(self.text, 1)
            line.addWidget(self.field)
            col.addLayout(line)
        else:
            col.addWidget(self.text)
            col.addWidget(self.field)
        self.col = col

    def mark_open(self, on: bool) -> None:
        """Point out a question that still needs an answer (after a change made it necessary)."""
        flag = f" <span style='color:{ERROR};font-size:10pt'>⚠ 未回答</span>" if on else ""
        self.text.setText(f"<qt>{self.base_text}{flag}</qt>")

    @property
    def error(self) -> QLabel:
        if self._error is None:
            self._error = message_label("error")
            self.col.insertWidget(self.col.count() if self._note is None else self.col.count() - 1, self._error)
        return self._error

    @property
    def note(self) -> QLabel:
        if self._note is None:
            self._note = message_label("note")
            self.col.addWidget(self._note)
        return self._note

    def set_error(self, message: str | None) -> None:
        if message or self._error is not None:
            self.error.setText(f"⚠ {message}" if message else "")
            self.error.setVisible(bool(message))

    def set_note(self, text: str | None) -> None:
        if text or self._note is not None:
            self.note.setText(f"ℹ {text}" if text else "")
            self.note.setVisible(bool(text))


class QuestionPage(QWidget):
    edited = Signal(str)  # question id

    def __init__(self) -> None:
        super().__init__()
        self.shown: Screen | None = None
        self.blocks: dict[str, QuestionBlock] = {}
        self.order: list[str] = []
        self.active: str | None = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        main = QWidget()
        col = QVBoxLayout(main)
        col.setContentsMargins(24, 12, 24, 8)
        col.setSpacing(6)
        top = QHBoxLayout()
        self.caption = QLabel()
        self.caption.setObjectName("section_caption")
        self.position = QLabel()
        self.position.setObjectName("position")
        self.help_button = QToolButton()
        self.help_button.setObjectName("help_button")
        self.help_button.setText(HELP_SHOWN)
        self.help_button.setToolTip("この質問の説明と根拠の表示を切り替えます（F1）")
        self.help_button.setCheckable(True)
        self.help_button.setChecked(True)
        self.help_key = QAction(self)  # F1 (its key is set by Menus.install_shortcuts)
        self.help_key.triggered.connect(self.help_button.toggle)
        self.addAction(self.help_key)
        top.addWidget(self.caption)
        top.addStretch(1)
        top.addWidget(self.position)
        top.addWidget(self.help_button)
        col.addLayout(top)

        self.title = message_label("question")
        col.addWidget(self.title)
        self.status = message_label("note")  # 「ここまでの回答では…」 on the screens that ask about reports
        col.addWidget(self.status)
        self.holder_box = QVBoxLayout()
        self.holder_box.setContentsMargins(0, 0, 0, 0)
        col.addLayout(self.holder_box)
        self.holder, self.block_box = self._new_holder()
        self.inapplicable = message_label("inapplicable")
        col.addWidget(self.inapplicable)
        col.addStretch(1)

        self.scroller = scrolled(main)
        outer.addWidget(self.scroller, 1)
        self.help_panel = HelpPanel()
        outer.addWidget(self.help_panel)
        self.help_button.toggled.connect(self._help_toggled)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # --- the screen -----------------------------------------------------------------
    @property
    def field(self) -> Field | None:
        """The field of the active question (the first one until another gets the focus)."""
        block = self.blocks.get(self.active or "") or (self.blocks[self.order[0]] if self.order else None)
        return block.field if block is not None else None

    def field_for(self, qid: str) -> Field:
        return self.blocks[qid].field

    def _new_holder(self) -> tuple[QWidget, QVBoxLayout]:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        self.holder_box.addWidget(holder)
        return holder, box

    def show_screen(self, screen: Screen, values: dict[str, Any], position: str) -> None:
        """Build the page for `screen` with `values` (question id → value) in its fields."""
        old = self.holder
        self.holder_box.removeWidget(old)
        old.hide()
        old.deleteLater()
        self.blocks, self.order = {}, []
        self.holder, self.block_box = self._new_holder()
        self.holder.hide()  # the blocks are shown together, with one polish and layout pass
        self.shown = screen
        several = len(screen.questions) > 1
        self.title.setText(f"<qt>{h(screen.title)}</qt>" if several else "")
        self.title.setVisible(several)
        self.caption.setText(SECTIONS.get(screen.section, screen.section))
        self._sync(screen, values, batch=True)
        self.holder.show()
        self.position.setText(position)
        self.set_active(screen.questions[0].id)
        self.scroller.verticalScrollBar().setValue(0)

    def update_screen(self, screen: Screen, values: dict[str, Any]) -> bool:
        """The same screen after an answer changed which of its questions apply: keep the
        fields that stay (with what is typed in them), add and remove the others.  True when
        the questions changed."""
        if tuple(self.order) == screen.ids:
            self.shown = screen
            return False
        for qid in [x for x in self.order if x not in screen.ids]:
            self._remove(qid)
        self.shown = screen
        self._sync(screen, values)
        if self.active not in self.blocks:
            self.set_active(screen.questions[0].id)
        return True

    def _sync(self, screen: Screen, values: dict[str, Any], batch: bool = False) -> None:
        several = len(screen.questions) > 1
        options = [q for q in screen.questions if options_of(q) is not None]
        dates = [q for q in screen.questions if q.kind == "date"]
        for i, q in enumerate(screen.questions):
            if q.id in self.blocks:
                continue
            row = screen.layout == "compact" and is_row(q)
            block = QuestionBlock(q, big=not several, row=row, mnemonics=q in (options[:1] + dates[:1]))
            block.field.set_value(values.get(q.id))
            block.field.edited.connect(lambda qid=q.id: self._edited(qid))
            self.blocks[q.id] = block
            self.block_box.insertWidget(i, block)
            if not batch:
                block.show()  # the layout would only show it on the next event-loop pass
        self.order = list(screen.ids)

    def _remove(self, qid: str) -> None:
        block = self.blocks.pop(qid)
        self.block_box.removeWidget(block)
        block.hide()
        block.deleteLater()
        if qid in self.order:
            self.order.remove(qid)

    def _edited(self, qid: str) -> None:
        self.blocks[qid].touched = True
        self.edited.emit(qid)

    def tab_stops(self) -> list[QWidget]:
        return [w for qid in self.order for w in self.blocks[qid].field.tab_stops()]

    # --- focus and help ----------------------------------------------------------------
    def set_active(self, qid: str) -> None:
        if qid not in self.blocks:
            return
        self.active = qid
        self.help_panel.show_question(self.blocks[qid].q, several=len(self.order) > 1)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        w = new
        while w is not None and not isinstance(w, QuestionBlock):
            w = w.parentWidget()
        if isinstance(w, QuestionBlock) and w.q.id in self.blocks and w.q.id != self.active:
            self.set_active(w.q.id)

    def _help_toggled(self, on: bool) -> None:
        self.help_panel.setVisible(on)
        self.help_button.setText(HELP_SHOWN if on else HELP_HIDDEN)

    def focus_question(self, qid: str | None = None) -> None:
        qid = qid if qid in self.blocks else (self.order[0] if self.order else None)
        if qid is not None:
            self.set_active(qid)
            self.blocks[qid].field.focus_target().setFocus()

    def focus_field(self) -> None:
        self.focus_question(self.active)

    # --- messages ----------------------------------------------------------------------
    def set_error(self, message: str | None, qid: str | None = None) -> None:
        key = qid or self.active or (self.order[0] if self.order else None)
        if key in self.blocks:
            self.blocks[key].set_error(message)

    @property
    def error(self) -> QLabel:
        """The error label of the active question."""
        return self.blocks[self.active or self.order[0]].error

    @property
    def note(self) -> QLabel:
        return self.blocks[self.active or self.order[0]].note

    @property
    def text(self) -> QLabel:
        return self.blocks[self.active or self.order[0]].text

    def set_status(self, text: str | None) -> None:
        self.status.setText(f"ℹ {h(text)}" if text else "")
        self.status.setVisible(bool(text))

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
