"""--screenshot on Windows: Qt's offscreen platform there scans only QT_QPA_FONTDIR."""
import os
import sys
from pathlib import Path

import pytest

from wizard import cli
from wizard.windows import qt_font_env, screenshot_env

WIN = {"WINDIR": "C:\\Windows", "QT_QPA_PLATFORM": "offscreen"}


def yes(path: str) -> bool:
    return True


def test_offscreen_on_windows_points_at_windows_fonts():
    assert qt_font_env("win32", WIN, yes) == {"QT_QPA_FONTDIR": "C:\\Windows\\Fonts"}


def test_systemroot_when_windir_is_missing():
    env = {"SystemRoot": "D:\\WINNT", "QT_QPA_PLATFORM": "offscreen"}
    assert qt_font_env("win32", env, yes) == {"QT_QPA_FONTDIR": "D:\\WINNT\\Fonts"}


def test_default_windows_folder_when_no_variable():
    seen = []
    assert qt_font_env("win32", {"QT_QPA_PLATFORM": "offscreen"}, lambda p: seen.append(p) or True) \
        == {"QT_QPA_FONTDIR": "C:\\Windows\\Fonts"}
    assert seen == ["C:\\Windows\\Fonts"]


@pytest.mark.parametrize("qpa", ["offscreen", "OFFSCREEN", "offscreen:fontengine=freetype"])
def test_offscreen_spellings(qpa):
    assert qt_font_env("win32", {**WIN, "QT_QPA_PLATFORM": qpa}, yes)


@pytest.mark.parametrize("platform, env", [
    ("linux", WIN),                                           # fontconfig does the job there
    ("darwin", WIN),
    ("win32", {**WIN, "QT_QPA_FONTDIR": "E:\\fonts"}),        # the user's choice wins
    ("win32", {**WIN, "QT_QPA_PLATFORM": "windows"}),         # the windows plugin uses GDI/DirectWrite
    ("win32", {"WINDIR": "C:\\Windows"}),                     # no platform chosen: not offscreen
])
def test_nothing_to_add(platform, env):
    assert qt_font_env(platform, env, yes) == {}


def test_missing_fonts_folder_adds_nothing():
    assert qt_font_env("win32", WIN, lambda p: False) == {}


def test_screenshot_env_goes_offscreen_without_display():
    assert screenshot_env("win32", {"WINDIR": "C:\\Windows"}, yes) == {
        "QT_QPA_PLATFORM": "offscreen", "QT_QPA_FONTDIR": "C:\\Windows\\Fonts"}
    assert screenshot_env("linux", {}, yes) == {"QT_QPA_PLATFORM": "offscreen"}
    assert screenshot_env("linux", {"DISPLAY": ":5"}, yes) == {}
    assert screenshot_env("win32", {"QT_QPA_PLATFORM": "windows", "WINDIR": "C:\\Windows"}, yes) == {}


def test_cli_sets_the_font_folder_before_the_window_is_drawn(monkeypatch, tmp_path):
    windir = str(tmp_path / "win")
    Path(windir + "\\Fonts").mkdir()  # the name ntpath.join gives, as a Linux folder
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("QT_QPA_FONTDIR", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("WINDIR", windir)
    seen = {}

    def fake_screenshot(png, open_file, page):
        seen.update(fontdir=os.environ.get("QT_QPA_FONTDIR"), png=png)
        return 0

    import wizard.gui.app as app
    monkeypatch.setattr(app, "screenshot", fake_screenshot)
    assert cli.main(["--screenshot", str(tmp_path / "x.png")]) == 0
    assert seen == {"fontdir": windir + "\\Fonts", "png": str(tmp_path / "x.png")}
