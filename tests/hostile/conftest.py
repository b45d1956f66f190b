"""Hostile inputs (issue 11): every file, path and value an attacker or a clumsy user can give."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Logs, cache and config of each test in a folder of its own (never the user's)."""
    base = tmp_path_factory.mktemp("userdirs")
    for var in ("XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(var, str(base / var.lower()))
    monkeypatch.delenv("ROUEI_CACHE_DIR", raising=False)
