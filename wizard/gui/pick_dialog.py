"""A modal list with buttons: pick one item (e.g. one of several recovery drafts)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget


class PickDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, text: str, items: list[str],
                 buttons: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(640)
        col = QVBoxLayout(self)
        label = QLabel(text)
        label.setWordWrap(True)
        col.addWidget(label)
        self.list = QListWidget()
        self.list.addItems(items)
        self.list.setCurrentRow(0)
        self.list.setAccessibleName("下書きの一覧")
        col.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.buttons: list[QPushButton] = []
        self.chosen = -1
        for i, text_ in enumerate(buttons):
            b = QPushButton(text_)
            b.setAutoDefault(i == 0)
            b.setDefault(i == 0)
            b.clicked.connect(lambda _c=False, n=i: self._press(n))
            row.addWidget(b)
            self.buttons.append(b)
        col.addLayout(row)
        self.list.itemDoubleClicked.connect(lambda _item: self._press(0))
        self.list.setFocus()

    def _press(self, n: int) -> None:
        self.chosen = n
        self.accept()

    def result_pair(self) -> tuple[int, int]:
        if self.chosen < 0:
            return -1, -1
        return self.chosen, self.list.currentRow()
