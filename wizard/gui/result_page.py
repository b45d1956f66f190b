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


class ResultPage(QWidget):
    make_documents = Signal()
    open_folder = Signal()

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
        row = QHBoxLayout()
        self.docs_button = QPushButton("文書を作成(&D)…")
        self.docs_button.setObjectName("make_documents")
        self.docs_button.clicked.connect(self.make_documents.emit)
        self.folder_button = QPushButton("フォルダーを開く(&O)")
        self.folder_button.setObjectName("open_folder")
        self.folder_button.setEnabled(False)
        self.folder_button.clicked.connect(self.open_folder.emit)
        row.addWidget(self.docs_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
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
        col.addWidget(QLabel("<b>個人情報保護委員会<br>報告フォームへのコピー</b>"))
        hint = QLabel("ボタンを押すと、その欄の文章をクリップボードにコピーします。")
        hint.setWordWrap(True)
        col.addWidget(hint)
        self.copy_col = QVBoxLayout()
        col.addLayout(self.copy_col)
        self.copied = QLabel()
        self.copied.setWordWrap(True)
        col.addWidget(self.copied)
        col.addStretch(1)
        scroll = scrolled(side)
        scroll.setFixedWidth(262)
        outer.addWidget(scroll)
        self.copy_buttons: dict[str, QPushButton] = {}
        self.fields: list[tuple[str, str]] = []

    def show_outcome(self, outcome: dict[str, Any] | None, answers: dict[str, Any], today: date | None,
                     problem: str | None = None) -> None:
        if outcome is None:
            self.browser.setHtml(f"<p style='color:#b00020'><b>{problem or '結果を表示できません。'}</b></p>")
        else:
            self.browser.setHtml(result_html(outcome, today))
        self.docs_button.setEnabled(outcome is not None)
        self.fields = ppc_fields(answers)
        while self.copy_col.count():
            item = self.copy_col.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.copy_buttons = {}
        for name, text in self.fields:
            short = SHORT.get(name, name)
            b = QPushButton(f"{short}をコピー")
            b.setToolTip(f"{name}\n\n{text}")
            b.setAccessibleName(f"{name}をコピー")
            b.clicked.connect(lambda _c=False, n=short, t=text: self._copy(n, t))
            self.copy_buttons[short] = b
            self.copy_col.addWidget(b)
        self.copied.setText("")

    def _copy(self, name: str, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied.setText(f"「{name}」をコピーしました。")

    def show_documents(self, manifest: dict[str, Any] | None, error: str | None) -> None:
        self.doc_list.clear()
        if error:
            self.status.setText(f"⚠ {error}")
            self.status.setObjectName("error")
        else:
            assert manifest is not None
            docs = manifest.get("documents") or []
            errs = manifest.get("errors") or []
            self.status.setObjectName("")
            self.status.setText(f"{len(docs)}件の文書を作成しました。" + (f"（{len(errs)}件の行を飛ばしました）" if errs else ""))
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
