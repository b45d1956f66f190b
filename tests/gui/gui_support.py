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

    def choose(self, parent: Any, title: str, text: str, buttons: list[str]) -> int:
        self.calls.append((title, text))
        return self.choices.pop(0) if self.choices else self.default_choice

    def _path(self, title: str) -> str | None:
        self.calls.append((title, ""))
        return self.paths.pop(0) if self.paths else None

    def open_file(self, parent: Any, title: str, start: str) -> str | None:
        return self._path(title)

    def save_file(self, parent: Any, title: str, start: str) -> str | None:
        return self._path(title)

    def folder(self, parent: Any, title: str, start: str) -> str | None:
        return self._path(title)


def scenario(name: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    return doc
