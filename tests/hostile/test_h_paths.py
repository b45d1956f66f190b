"""Paths and special files (issue 11 items 10, 13, 17): received files pull nothing in, never hang."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hostilekit import assert_japanese_only, cli, cli_subprocess, write_incident
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.documents.errors import DocumentInputError
from wizard.documents.recipients import RecipientsFile, resolve_beside
from wizard.engine.incident import InputError, load_incident
from wizard.fileio import FileReadError, open_regular, read_limited

OUTSIDE = ["/etc/shadow", "/etc/passwd", "../../etc/passwd", "/proc/self/environ", "..", "../x.csv",
           "sub/../../x.csv", "C:\\Windows\\win.ini", "..\\..\\x.csv", "\\\\server\\share\\x.csv", "", "   "]


@pytest.mark.parametrize("value", OUTSIDE)
def test_recipients_in_an_incident_file_cannot_leave_its_folder(tmp_path: Path, capsys, value: str) -> None:
    folder = tmp_path / "inbox"
    inc = write_incident(folder, recipients=value)
    rc, out, err = cli("render", str(inc), "--out", str(tmp_path / "out"), "--today", "2026-11-04", capsys=capsys)
    assert rc == 2, err
    assert "使えません" in err or "空です" in err, err
    assert "root:" not in err and "PATH=" not in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_symlink_leading_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.csv").write_text("氏名,住所\n秘密,東京都\n", encoding="utf-8")
    folder = tmp_path / "inbox"
    inc = write_incident(folder)
    (folder / "link.csv").symlink_to(tmp_path / "secret.csv")
    with pytest.raises(DocumentInputError, match="同じフォルダー"):
        resolve_beside(inc, "link.csv")
    (folder / "sub").mkdir()
    (folder / "sub" / "ok.csv").write_text("氏名,住所\n山田,東京都\n", encoding="utf-8")
    assert resolve_beside(inc, "sub/ok.csv") == (folder / "sub" / "ok.csv").resolve()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["..", ".", "a", "b", "", "/", "\\", "C:", "~"]), min_size=1, max_size=6))
def test_any_path_outside_the_folder_is_refused(tmp_path: Path, parts: list[str]) -> None:
    """Property: a path is accepted only when it resolves inside the incident file's folder."""
    folder = tmp_path / "inbox"
    folder.mkdir(exist_ok=True)
    inc = folder / "incident.json"
    value = "/".join(parts) if parts[0] != "\\" else "\\".join(parts)
    try:
        target = resolve_beside(inc, value)
    except DocumentInputError:
        return
    assert target.is_relative_to(folder.resolve()), value


def test_a_relative_recipients_path_is_resolved_beside_the_incident_not_the_cwd(tmp_path, capsys, monkeypatch) -> None:
    folder = tmp_path / "inbox"
    inc = write_incident(folder, recipients="r.csv")
    (folder / "r.csv").write_text("氏名,住所\n山田花子,東京都\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rc, _, err = cli("render", str(inc), "--out", str(tmp_path / "out"), "--today", "2026-11-04", capsys=capsys)
    assert rc == 0, err
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert sum(d.get("letters", 0) for d in manifest["documents"]) == 1 and manifest["errors"] == []


# --- special files --------------------------------------------------------------------------
def _specials(tmp_path: Path) -> list[Path]:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    return [fifo, Path("/dev/zero"), Path("/dev/urandom"), Path("/dev/null"), tmp_path]


def test_open_regular_refuses_every_special_file(tmp_path: Path) -> None:
    """Property over the kinds of special file: FIFO, character devices, a folder (never blocks)."""
    for path in _specials(tmp_path):
        with pytest.raises(FileReadError):
            open_regular(path)
    (tmp_path / "ok.txt").write_bytes(b"x" * 10)
    assert read_limited(tmp_path / "ok.txt", 10) == b"x" * 10
    with pytest.raises(FileReadError, match="大きすぎます"):
        read_limited(tmp_path / "ok.txt", 9)


@pytest.mark.parametrize("role", ["incident", "recipients", "previous"])
def test_a_fifo_or_device_as_any_input_is_refused_at_once(tmp_path: Path, role: str) -> None:
    """The real program, in a child: a hang fails through the timeout (before: blocked for ever)."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    inc = write_incident(tmp_path / "inbox")
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    for special in (fifo, zero):
        args = {"incident": ["render", str(special)],
                "recipients": ["render", str(inc), "--recipients", str(special)],
                "previous": ["render", str(inc), "--previous", str(special)]}[role]
        proc = cli_subprocess(*args, "--out", str(tmp_path / "out"), "--today", "2026-11-04", timeout=20)
        assert proc.returncode == 2, proc.stderr
        assert "通常のファイル" in proc.stderr or "デバイス" in proc.stderr or "パイプ" in proc.stderr, proc.stderr
        assert "見つかりません" not in proc.stderr


def test_dev_zero_and_a_folder_as_incident_are_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputError, match="デバイスファイル"):
        load_incident(link)
    (tmp_path / "dir.json").mkdir()
    with pytest.raises(InputError, match="フォルダー"):
        load_incident(tmp_path / "dir.json")


def test_an_unreadable_or_missing_recipients_file_is_exit_2_in_japanese(tmp_path: Path, capsys) -> None:
    inc = write_incident(tmp_path / "inbox")
    rc, _, err = cli("render", str(inc), "--out", str(tmp_path / "out"), "--recipients",
                     str(tmp_path / "none.csv"), "--today", "2026-11-04", capsys=capsys)
    assert rc == 2 and "見つかりません" in err
    rc, _, err = cli("render", str(inc), "--out", str(tmp_path / "out"), "--recipients",
                     str(tmp_path), "--today", "2026-11-04", capsys=capsys)
    assert rc == 2 and "フォルダー" in err
    assert_japanese_only(err)


def test_a_5000_character_file_name_is_exit_2_in_japanese(tmp_path: Path, capsys) -> None:
    name = str(tmp_path / ("あ" * 5000 + ".json"))
    rc, _, err = cli("assess", name, capsys=capsys)
    assert rc == 2, err
    assert "長すぎます" in err
    assert_japanese_only(err)
    with pytest.raises(DocumentInputError):
        RecipientsFile(Path(name[:-5] + ".csv"))


def test_report_previous_of_the_wrong_type_is_exit_2(tmp_path: Path, capsys) -> None:
    for value in (5, ["a.json"], {"x": 1}, ""):
        inc = write_incident(tmp_path / "inbox", report={"stage": "final", "previous": value})
        rc, _, err = cli("render", str(inc), "--out", str(tmp_path / "out"), "--today", "2026-11-04", capsys=capsys)
        assert rc == 2, (value, err)
        assert "report.previous" in err


def test_render_bundle_resolves_a_relative_previous_beside_the_incident(tmp_path: Path) -> None:
    """The GUI passes report.previous as written: it may not leave the incident's folder either."""
    from wizard.documents.api import render_bundle
    from wizard.engine.assess import assess

    (tmp_path / "outside.json").write_text("{}", encoding="utf-8")
    inc = load_incident(write_incident(tmp_path / "inbox"))
    with pytest.raises(DocumentInputError, match="report.previous"):
        render_bundle(inc, assess(inc), tmp_path / "out", previous="../outside.json")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("code", sorted({getattr(__import__("errno"), n) for n in (
    "ENOENT", "EACCES", "EPERM", "ENAMETOOLONG", "ENOSPC", "EROFS", "EISDIR", "ENOTDIR", "ELOOP", "EEXIST", "EIO",
    "EBUSY", "EMFILE", "ENXIO", "EINVAL", "EDQUOT", "EXDEV")}))
def test_every_os_error_reads_in_japanese(code: int) -> None:
    from wizard.fileio import os_error_ja

    text = os_error_ja(OSError(code, os.strerror(code)))
    assert text and os.strerror(code) not in text
    assert_japanese_only(text)


def test_an_unreadable_file_is_named_in_japanese(tmp_path: Path, capsys, monkeypatch) -> None:
    """Root reads everything, so the file system's EACCES is simulated at open()."""
    import errno

    from wizard import fileio

    inc = write_incident(tmp_path / "inbox")
    locked = tmp_path / "locked.csv"
    locked.write_text("氏名,住所\n山田,東京都\n", encoding="utf-8")
    real = fileio.os.open

    def deny(path, *a, **k):
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *a, **k)

    monkeypatch.setattr(fileio.os, "open", deny)
    rc, _, err = cli("render", str(inc), "--out", str(tmp_path / "out"), "--recipients", str(locked),
                     "--today", "2026-11-04", capsys=capsys)
    assert rc == 2 and "アクセスする権限がありません" in err and str(locked) in err
    assert_japanese_only(err)
