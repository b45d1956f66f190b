"""The sections sidebar: per-section answered/total on the current path and an
exact 残り N 問 (the open questions of the path) — all counts come from Session."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from wizard.engine.session import Session

PAGES = ("review", "result")


class Sidebar(QWidget):
    section_chosen = Signal(str)  # section id, or review / result

    def __init__(self) -> None:
        super().__init__()
        self.setFixedWidth(230)
        col = QVBoxLayout(self)
        col.setContentsMargins(8, 10, 8, 8)
        self.list = QListWidget()
        self.list.setObjectName("sidebar")
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.remaining = QLabel()
        self.remaining.setObjectName("remaining")
        self.remaining.setWordWrap(True)
        col.addWidget(QLabel("<b>進み具合</b>"))
        col.addWidget(self.list, 1)
        col.addWidget(self.remaining)
        self.section_ids: list[str] = []
        self.greyed: dict[str, bool] = {}  # rows drawn grey (対象外)

    def refresh(self, session: Session, current: str) -> None:
        """`current`: a screen id, or review / result."""
        section: str | None = current if current in PAGES else None
        if current and section is None:
            try:
                section = session.screen(current).section
            except KeyError:
                section = None
        self.list.blockSignals(True)
        infos = session.sections()
        if [i.id for i in infos] != self.section_ids:  # built once; later only the texts change
            self.list.clear()
            self.greyed = {}
            for _ in infos:
                self.list.addItem(QListWidgetItem())
        self.section_ids = []
        for row, info in enumerate(infos):
            if info.id in PAGES:
                text = info.title
            elif info.total == 0:
                text = f"{info.title}　（対象外）"
            else:
                text = f"{info.title}　{info.answered}/{info.total}"
            item = self.list.item(row)
            if item.text() != text:
                item.setText(text)
            grey = info.total == 0 and info.id not in PAGES  # nothing to ask here on this path
            if grey != self.greyed.get(info.id, False):  # QBrush builds Qt's enums: only when it changes
                item.setForeground(QBrush(QColor("#999999" if grey else "#000000")))
                self.greyed[info.id] = grey
            self.section_ids.append(info.id)
            if info.id == section:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        left = session.remaining()
        self.remaining.setText(f"残り {left} 問" if left else "質問はすべて終わりました")

    def _chosen(self, item: QListWidgetItem) -> None:
        self.section_chosen.emit(self.section_ids[self.list.row(item)])

    def item_texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
