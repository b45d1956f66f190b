"""Shared helpers of the GUI tests (a unique module name: conftest.py names collide across test folders)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
TODAY = date(2026, 11, 23)
DEAD_PID = 4_194_305  # above Linux's pid_max: a process that cannot be running


class ScriptedDialogs:
    """Stands in for every modal dialog: answers from a queue, records each call."""

    def __init__(self) -> None:
        self.choices: list[int] = []
        self.default_choice = 1  # 「保存しない」/「破棄する」 unless a test says otherwise
        self.paths: list[str | None] = []
        self.calls: list[tuple[str, str]] = []
        self.buttons: list[list[str]] = []  # the buttons of each choose(), [0] being the default
        self.picks: list[tuple[int, int]] = []  # (button, row) answers of pick(); closed when empty
        self.starts: list[str] = []  # the start folder / suggested name of each file dialog

    def choose(self, parent: Any, title: str, text: str, buttons: list[str]) -> int:
        self.calls.append((title, text))
        self.buttons.append(list(buttons))
        return self.choices.pop(0) if self.choices else self.default_choice

    def _path(self, title: str, start: str = "") -> str | None:
        self.calls.append((title, ""))
        self.starts.append(start)
        return self.paths.pop(0) if self.paths else None

    def pick(self, parent: Any, title: str, text: str, items: list[str], buttons: list[str]) -> tuple[int, int]:
        self.calls.append((title, text + "\n" + "\n".join(items)))
        return self.picks.pop(0) if self.picks else (-1, -1)

    def open_file(self, parent: Any, title: str, start: str) -> str | None:
        return self._path(title, start)

    def recipients_file(self, parent: Any, title: str, start: str) -> str | None:
        return self._path(title, start)

    def save_file(self, parent: Any, title: str, start: str) -> str | None:
        return self._path(title, start)

    def folder(self, parent: Any, title: str, start: str) -> str | None:
        return self._path(title, start)


def scenario(name: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    return doc
