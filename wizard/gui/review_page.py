"""確認 page: every answer on the current path with a 「修正」 button back to its
question; answers that no longer apply are listed separately."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.domain.dates import format_date
from wizard.domain.facts import FACTS, display_value, label
from wizard.engine.graph import SECTIONS
from wizard.engine.session import Session, is_answered
from wizard.gui.question_page import scrolled
from wizard.gui.style import ERROR, h


def shown(fact: str, value: object) -> str:
    """display_value, with dates in 和暦 and weekday as on the result page."""
    f = FACTS.get(fact)
    if f is not None and f.type in ("date", "datenull") and isinstance(value, str):
        try:
            return format_date(value, era=True, weekday=True)
        except ValueError:
            return value
    return display_value(fact, value)


class ReviewPage(QWidget):
    fix_requested = Signal(str)  # question id

    def __init__(self) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 8)
        title = QLabel("回答の確認")
        title.setObjectName("question")
        outer.addWidget(title)
        intro = QLabel("回答を確認してください。直すときは「修正」を押します。よければ「次へ」で結果を表示します。")
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.missing = QLabel()
        self.missing.setObjectName("error")
        self.missing.setWordWrap(True)
        outer.addWidget(self.missing)
        self.scroller = scrolled(QWidget())
        outer.addWidget(self.scroller, 1)
        self.fix_buttons: dict[str, QPushButton] = {}
        self.inapplicable_facts: list[str] = []
        self.open_ids: list[str] = []  # questions on the path still to answer (highlighted)
        self._shown_key: object = None

    def refresh(self, session: Session) -> None:
        key = (id(session), session._key(), tuple(sorted(session.seen)))
        if key == self._shown_key:  # nothing changed since it was built (確認 ⇄ 結果)
            return
        self._shown_key = key
        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(16)
        self.fix_buttons = {}
        self.open_ids = []
        row = 0
        current = None
        for q in session.path():
            if q.section != current:
                current = q.section
                head = QLabel(f"<b>{h(SECTIONS.get(q.section, q.section))}</b>")
                head.setContentsMargins(0, 10, 0, 2)
                grid.addWidget(head, row, 0, 1, 3)
                row += 1
            answered = is_answered(q, session.answers)
            is_open = session.is_open(q)
            value = shown(q.fact, session.answers.get(q.fact)) if answered else \
                ("⚠ 未回答（「次へ」で回答します）" if is_open else "（未回答）")
            star = f" <span style='color:{ERROR}'>＊</span>" if q.required else ""
            name = QLabel(h(label(q.fact)) + star)
            name.setWordWrap(True)
            name.setMinimumWidth(260)
            if answered:
                val = QLabel(h(value))
            elif is_open:
                val = QLabel(f"<b style='color:{ERROR}'>{h(value)}</b>")
                val.setObjectName("open_answer")
                self.open_ids.append(q.id)
            else:
                val = QLabel(f"<span style='color:#888'>{h(value)}</span>")
            val.setWordWrap(True)
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            fix = QPushButton("修正")
            fix.setObjectName("fix")
            fix.setAccessibleName(f"{label(q.fact)}を修正")
            fix.clicked.connect(lambda _c=False, qid=q.id: self.fix_requested.emit(qid))
            self.fix_buttons[q.id] = fix
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(val, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(fix, row, 2, Qt.AlignmentFlag.AlignTop)
            row += 1
        self.inapplicable_facts = session.inapplicable()
        if self.inapplicable_facts:
            head = QLabel("<b>使われなくなった回答</b>（今の回答では質問されないため、判断には使いません。保存すると削除されます）")
            head.setWordWrap(True)
            head.setObjectName("inapplicable")
            head.setContentsMargins(0, 10, 0, 2)
            grid.addWidget(head, row, 0, 1, 3)
            row += 1
            for fact in self.inapplicable_facts:
                grid.addWidget(QLabel(h(label(fact))), row, 0)
                v = QLabel(f"<span style='color:#888'>{h(shown(fact, session.answers.get(fact)))}</span>")
                v.setWordWrap(True)
                grid.addWidget(v, row, 1)
                row += 1
        grid.setRowStretch(row, 1)
        self.scroller.setWidget(body)
        missing = session.missing_required()
        texts = []
        if missing:
            names = "、".join(label(q.fact) for q in missing)
            texts.append(f"⚠ 必須の質問に未回答があります：{names}")
        if self.open_ids:
            texts.append(f"⚠ まだ回答していない質問が {len(self.open_ids)} 問あります（回答の変更で新しく必要になった質問を含みます）。"
                         "「次へ」で順に回答してから結果に進みます。")
        self.missing.setText("\n".join(texts))
        self.missing.setVisible(bool(texts))
