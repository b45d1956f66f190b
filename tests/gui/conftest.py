"""GUI tests: offscreen Qt, a scripted dialog service, a private data folder."""
from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # a 1280×720 screen, the smallest the wizard must fit (SPEC §6)
    _screen = os.path.join(tempfile.mkdtemp(prefix="rouei-qpa-"), "screen.json")
    with open(_screen, "w", encoding="utf-8") as fh:
        fh.write('{"screens": [{"name": "720p", "x": 0, "y": 0, "width": 1280, "height": 720, "logicalDpi": 96}]}')
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_support import TODAY, ScriptedDialogs, scenario


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
