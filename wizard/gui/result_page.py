"""結果 page: the outcome as read from the engine, document buttons, and copy
buttons for PPC's online form."""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wizard.gui.ppc_fields import ppc_fields
from wizard.gui.question_page import message_label, scrolled
from wizard.gui.result_text import result_html

SHORT = {"漏えい等が発生し、又は発生したおそれがある個人データの項目": "項目",
         "二次被害又はそのおそれの有無及びその内容": "二次被害", "本人への対応の実施状況": "本人への対応",
         "公表の実施状況": "公表", "再発防止のための措置": "再発防止", "その他参考となる事項": "その他"}


REPORTER = (("org.name", "事業者の名称"), ("org.representative", "代表者"), ("org.address", "所在地"),
            ("org.department", "担当部署"), ("org.contact_person", "担当者"), ("org.phone", "電話番号"),
            ("org.email", "メールアドレス"))


def copy_panel_title(outcome: dict[str, Any] | None) -> str:
    """Names the actual destination of the report (関東総合通信局 …), not always 個人情報保護委員会."""
    appi = (outcome or {}).get("appi") or {}
    if not appi.get("required") and not appi.get("effort"):
        return "報告書の欄へのコピー"
    dest = appi.get("office") or appi.get("destination_name") or "個人情報保護委員会"
    if dest == "個人情報保護委員会":
        return "個人情報保護委員会<br>報告フォームへのコピー"
    return f"{dest}への<br>報告書の欄へのコピー"


class ResultPage(QWidget):
    make_documents = Signal()
    open_folder = Signal()
    choose_recipients = Signal()
    change_folder = Signal()
    choose_previous = Signal()

    def __init__(self) -> None:
        super().__init__()
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 12, 8, 8)
        left = QVBoxLayout()
        title = QLabel("結果：しなければならないことと期限")
        title.setObjectName("question")
        left.addWidget(title)
        self.browser = QTextBrowser()
        self.browser.setObjectName("result_text")
        self.browser.setOpenLinks(False)
        left.addWidget(self.browser, 1)
        self.recipients_label = message_label("recipients_status")
        self.recipients_label.setVisible(True)
        self.recipients_button = QPushButton("宛先リストを選ぶ(&R)…")
        self.recipients_button.setObjectName("choose_recipients")
        self.recipients_button.clicked.connect(self.choose_recipients.emit)
        self.destination_label = message_label("destination")
        self.destination_label.setVisible(True)
        self.destination_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_change_button = QPushButton("保存先を変更(&L)…")
        self.folder_change_button.setObjectName("change_folder")
        self.folder_change_button.clicked.connect(self.change_folder.emit)
        for lab, button in ((self.recipients_label, self.recipients_button),
                            (self.destination_label, self.folder_change_button)):
            line = QHBoxLayout()
            line.addWidget(lab, 1)
            line.addWidget(button)
            left.addLayout(line)
        row = QHBoxLayout()
        self.docs_button = QPushButton("文書を作成(&D)…")
        self.docs_button.setObjectName("make_documents")
        self.docs_button.clicked.connect(self.make_documents.emit)
        self.folder_button = QPushButton("フォルダーを開く(&O)")
        self.folder_button.setObjectName("open_folder")
        self.folder_button.setEnabled(False)
        self.folder_button.clicked.connect(self.open_folder.emit)
        self.previous_label = message_label("previous_report")
        self.previous_label.setVisible(True)
        self.previous_button = QPushButton("前回の報告を選ぶ(&P)…")
        self.previous_button.setObjectName("choose_previous")
        self.previous_button.setToolTip("続報（確報など）を作るとき、前回報告した事案ファイルを選ぶと、変わった箇所に下線を引きます。")
        self.previous_button.clicked.connect(self.choose_previous.emit)
        row.addWidget(self.docs_button)
        row.addWidget(self.folder_button)
        row.addWidget(self.previous_label, 1)
        row.addWidget(self.previous_button)
        left.addLayout(row)
        self.status = message_label("doc_status")
        left.addWidget(self.status)
        self.doc_list = QListWidget()
        self.doc_list.setObjectName("doc_list")
        self.doc_list.setMaximumHeight(110)
        self.doc_list.setVisible(False)
        left.addWidget(self.doc_list)
        outer.addLayout(left, 1)

        side = QFrame()
        side.setObjectName("help_panel")
        side.setFixedWidth(250)
        col = QVBoxLayout(side)
        self.copy_title = QLabel(f"<b>{copy_panel_title(None)}</b>")
        col.addWidget(self.copy_title)
        hint = QLabel("ボタンを押すと、その欄の文章をクリップボードにコピーします。")
        hint.setWordWrap(True)
        col.addWidget(hint)
        self.copy_col = QVBoxLayout()
        col.addLayout(self.copy_col)
        reporter_title = QLabel("<b>報告者の情報</b>")
        col.addWidget(reporter_title)
        self.reporter_col = QVBoxLayout()
        col.addLayout(self.reporter_col)
        self.copied = QLabel()
        self.copied.setWordWrap(True)
        col.addWidget(self.copied)
        col.addStretch(1)
        scroll = scrolled(side)
        scroll.setFixedWidth(262)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the buttons fit; no bar
        outer.addWidget(scroll)
        self.copy_buttons: dict[str, QPushButton] = {}
        self.reporter_buttons: dict[str, QPushButton] = {}
        self.fields: list[tuple[str, str]] = []

    def show_outcome(self, outcome: dict[str, Any] | None, answers: dict[str, Any], today: date | None,
                     problem: str | None = None) -> None:
        if outcome is None:
            self.browser.setHtml(f"<p style='color:#b00020'><b>{problem or '結果を表示できません。'}</b></p>")
        else:
            self.browser.setHtml(result_html(outcome, today))
        self.docs_button.setEnabled(outcome is not None)
        # a recipients list matters only when letters to the persons are among the documents
        notice = outcome is not None and "subject_notice" in (outcome.get("documents") or [])
        self.recipients_label.setVisible(notice)
        self.recipients_button.setVisible(notice)
        self.fields = ppc_fields(answers, outcome)
        self.copy_title.setText(f"<b>{copy_panel_title(outcome)}</b>")
        self.copy_buttons = {}
        self._fill(self.copy_col, [(SHORT.get(name, name), name, text) for name, text in self.fields],
                   self.copy_buttons)
        reporter = [(lab, lab, str(answers[k])) for k, lab in REPORTER if answers.get(k) not in (None, "")]
        self.reporter_buttons = {}
        self._fill(self.reporter_col, reporter, self.reporter_buttons)
        self.copied.setText("")

    def _fill(self, col: QVBoxLayout, entries: list[tuple[str, str, str]], into: dict[str, QPushButton]) -> None:
        while col.count():
            item = col.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        for short, name, text in entries:
            b = QPushButton(f"{short}をコピー")
            b.setToolTip(f"{name}\n\n{text}")
            b.setAccessibleName(f"{name}をコピー")
            b.clicked.connect(lambda _c=False, n=short, t=text: self._copy(n, t))
            into[short] = b
            col.addWidget(b)

    def _copy(self, name: str, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied.setText(f"「{name}」をコピーしました。")

    # --- documents of this incident ------------------------------------------------------
    def clear_documents(self) -> None:
        """A new incident: no list, no status, フォルダーを開く off until it has documents."""
        self.doc_list.clear()
        self.doc_list.setVisible(False)
        self.status.setText("")
        self.status.setVisible(False)
        self.folder_button.setEnabled(False)

    def show_previous(self, text: str) -> None:
        self.previous_label.setText(text)
        self.previous_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def show_destination(self, folder: str) -> None:
        self.destination_label.setText(f"保存先：{folder}")
        self.destination_label.setToolTip(folder)

    def show_recipients(self, text: str, skipped: list[tuple[int, str]], total: int, problem: bool = False) -> None:
        shown = ("⚠ " if problem else "") + text
        if skipped:
            rows = "、".join(f"{n}行目（{reason}）" for n, reason in skipped[:3])
            shown += f"\n飛ばす行：{rows}" + (f" ほか{total - 3}件" if total > 3 else "")
        self.recipients_label.setText(shown)
        self.recipients_label.setToolTip("\n".join(f"{n}行目: {r}" for n, r in skipped))

    def show_folder_problem(self, folder: str) -> None:
        self.status.setText(f"⚠ フォルダーを開くアプリが見つかりませんでした。文書はこのフォルダーにあります：{folder}")
        self.status.setVisible(True)

    def show_documents(self, manifest: dict[str, Any] | None, error: str | None, followup: bool = False) -> None:
        self.doc_list.clear()
        if error:
            self.status.setText(f"⚠ {error}")
            self.status.setObjectName("error")
        else:
            assert manifest is not None
            docs = manifest.get("documents") or []
            errs = manifest.get("errors") or []
            self.status.setObjectName("")
            self.status.setText(f"{len(docs)}件の文書を作成しました" + ("（続報：前回の報告との違いに下線）" if followup else "")
                                + "。" + (f"（{len(errs)}件の行を飛ばしました）" if errs else ""))
            for d in docs:
                letters = f"（{d['letters']}通）" if d.get("letters") else ""
                self.doc_list.addItem(f"{d.get('title', d.get('id', ''))}{letters} — {d.get('path', '')}")
            for e in errs:
                self.doc_list.addItem(f"⚠ {e.get('row', '')}行目: {e.get('reason', '')}")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setVisible(True)
        self.doc_list.setVisible(self.doc_list.count() > 0)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft)
