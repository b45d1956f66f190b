"""Per-user folders on Windows (wizard/userdirs.py), checked with sys.platform = win32.

On Windows the folders live inside the user's profile, whose ACL (the user,
SYSTEM, Administrators) every new file inherits: that is what stands in for
0600/0700 there, so `ensure` does not chmod.
"""
import os
import sys
from pathlib import Path

import pytest

from wizard import userdirs


@pytest.fixture
def win(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "win32")
    env = {"APPDATA": tmp_path / "Roaming", "LOCALAPPDATA": tmp_path / "Local", "USERPROFILE": tmp_path}
    for k, v in env.items():
        monkeypatch.setenv(k, str(v))
    return tmp_path


def test_windows_folders(win):
    assert userdirs.config_dir() == win / "Roaming" / "rouei-wizard"
    assert userdirs.state_dir() == win / "Local" / "rouei-wizard"
    assert userdirs.cache_dir() == win / "Local" / "rouei-wizard" / "cache"
    assert userdirs.documents_dir() == win / "Documents" / "漏えい等対応"


def test_relative_variables_are_not_trusted(win, monkeypatch):
    monkeypatch.setenv("APPDATA", "relative\\Roaming")
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: win / "home"))
    assert userdirs.config_dir() == win / "home" / "AppData" / "Roaming" / "rouei-wizard"


def test_ensure_does_not_chmod_on_windows(win, monkeypatch):
    def no_chmod(*a, **k):
        raise AssertionError("chmod on Windows")
    monkeypatch.setattr(os, "chmod", no_chmod)
    target = userdirs.ensure(win / "Local" / "rouei-wizard")
    assert target.is_dir()


def test_ensure_is_0700_on_posix(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    target = userdirs.ensure(tmp_path / "a" / "b")
    assert target.stat().st_mode & 0o777 == 0o700
