"""Keyboard only: a returning user reports a one-person mis-sent e-mail with Tab, arrow keys,
Space, typed text (input-method commits) and Enter / Ctrl+Enter — the same steps as the
real-window walk under Xvfb (real_window_walk.py), here on the offscreen 1280×720 screen."""
from __future__ import annotations

from pathlib import Path
from typing import Any


def test_keyboard_only_walk_of_the_one_person_mis_sent_email(qtbot: Any, tmp_path: Path, home: Path,
                                                             monkeypatch: Any) -> None:
    import real_window_walk as rw

    monkeypatch.setattr(rw.tempfile, "mkdtemp", lambda prefix="": str(home))
    r = rw.walk_case("mail-1person", tmp_path, shots={"mail-1person:result"})
    assert r["same_as_main_py_screens"], r["shown"]
    assert r["screens"] <= 15 and r["shown"][-1] == "result"
    assert r["frame_inside_screen"]
    shot = tmp_path / f"mail-1person-{r['screens']:02d}-result.png"  # named by its place in the walk
    assert shot.read_bytes()[:4] == b"\x89PNG"
    assert r["dialogs"] == []  # a returning user: no 事業者情報の保存 question
