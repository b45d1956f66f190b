"""GUI tests: offscreen Qt, a scripted dialog service, a private data folder."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

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


@pytest.fixture(scope="session", autouse=True)
def _japanese_app(qapp: Any) -> None:
    from wizard.gui.app import make_app

    make_app()


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def make_window(qtbot: Any, dialogs: ScriptedDialogs, home: Path) -> Iterator[Callable[..., Any]]:
    from wizard.gui.main_window import MainWindow
    from wizard.gui.storage import Storage

    def make(pid: int | None = None, register: bool = True, start: bool = True) -> MainWindow:
        w = MainWindow(storage=Storage(home, pid=pid), dialogs=dialogs, today=TODAY)
        if register:
            qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        if start:
            w.files.new(ask=False)
        return w

    yield make


@pytest.fixture
def incident_file(tmp_path: Path) -> Callable[[str], Path]:
    """The incident part of a public scenario, as the file a user would open."""

    def write(name: str) -> Path:
        p = tmp_path / f"{name}.json"
        p.write_text(json.dumps(scenario(name)["incident"], ensure_ascii=False), encoding="utf-8")
        return p

    return write
