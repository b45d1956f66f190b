"""Every modal dialog of the window goes through one injectable service.

The window never calls QMessageBox/QFileDialog directly, so tests pass a
scripted stand-in (tests/gui/conftest.py) and no nested event loop is ever
left open.
"""
from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

INCIDENT_FILTER = "事案ファイル (*.json *.yaml *.yml);;すべてのファイル (*)"


class DialogService(Protocol):
    def choose(self, parent: QWidget | None, title: str, text: str, buttons: list[str]) -> int:
        """Index of the button pressed; -1 when the dialog was closed."""
        ...

    def open_file(self, parent: QWidget | None, title: str, start: str) -> str | None: ...

    def save_file(self, parent: QWidget | None, title: str, start: str) -> str | None: ...

    def folder(self, parent: QWidget | None, title: str, start: str) -> str | None: ...


class QtDialogs:
    """The real dialogs (Japanese labels come from the loaded Qt translation)."""

    def choose(self, parent: QWidget | None, title: str, text: str, buttons: list[str]) -> int:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        made = [box.addButton(label, QMessageBox.ButtonRole.ActionRole) for label in buttons]
        if made:
            box.setDefaultButton(made[0])
            box.setEscapeButton(made[-1])
        box.exec()
        clicked = box.clickedButton()
        return made.index(clicked) if clicked in made else -1  # type: ignore[arg-type]

    def open_file(self, parent: QWidget | None, title: str, start: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(parent, title, start, INCIDENT_FILTER)
        return path or None

    def save_file(self, parent: QWidget | None, title: str, start: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(parent, title, start, INCIDENT_FILTER)
        if path and not path.lower().endswith((".json", ".yaml", ".yml")):
            path += ".json"
        return path or None

    def folder(self, parent: QWidget | None, title: str, start: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path = QFileDialog.getExistingDirectory(parent, title, start)
        return path or None
