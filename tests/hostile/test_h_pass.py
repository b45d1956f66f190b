"""The hostile pass beyond issue 11's list: inputs an attacker or a clumsy user gives the CLI.

Every case must end in exit 2 (or 0 where the input is fine) with a Japanese message that names
the file, no traceback, no English, no echo of foreign content, and nothing half-written."""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hostilekit import SAMPLE, assert_japanese_only, cli, english_words, write_incident

Setup = Callable[[Path], list[str]]


def _inc(tmp: Path, **answers: object) -> Path:
    doc = json.loads(json.dumps(SAMPLE))
    doc["answers"].update(answers)
    path = tmp / "i.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _raw(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


def _render(tmp: Path, *extra: str, inc: Path | None = None) -> list[str]:
    return ["render", str(inc or write_incident(tmp / "inbox")), "--out", str(tmp / "out"), "--today", "2026-11-04",
            *extra]


def _recips(tmp: Path, data: bytes, name: str = "r.csv") -> list[str]:
    return _render(tmp, "--recipients", str(_raw(tmp, name, data)))


BAD: dict[str, Setup] = {
    "utf16 incident": lambda t: ["assess", str(_raw(t, "u.json", json.dumps(SAMPLE).encode("utf-16")))],
    "duplicate key": lambda t: ["assess", str(_raw(t, "d.json", b'{"format": "a", "format": "b"}'))],
    "NaN value": lambda t: ["assess", str(_raw(t, "n.json", b'{"format": NaN}'))],
    "huge integer": lambda t: ["assess", str(_raw(t, "h.json", b'{"a": ' + b"9" * 5000 + b"}"))],
    "empty file": lambda t: ["assess", str(_raw(t, "e.json", b""))],
    "yaml two documents": lambda t: ["assess", str(_raw(t, "m.yaml", b"a: 1\n---\nb: 2\n"))],
    "yaml datetime as date": lambda t: ["assess", str(_raw(t, "dt.yaml", (
        b"format: rouei-incident/1\nanswers:\n  incident.known_on: 2026-11-02 10:00:00\n")))],
    "float subjects": lambda t: ["assess", str(_inc(t, **{"data.subjects": 1200.0}))],
    "1e3 subjects": lambda t: ["assess", str(_raw(t, "f.json", json.dumps(SAMPLE).replace(
        '"data.subjects": 250', '"data.subjects": 1e3').encode()))],
    "too many subjects": lambda t: ["assess", str(_inc(t, **{"data.subjects": 10**11}))],
    "uppercase tri": lambda t: ["assess", str(_inc(t, **{"data.sensitive": "YES"}))],
    "known_on after today": lambda t: ["assess", str(_inc(t)), "--today", "2026-11-01"],
    "wrong suffix": lambda t: ["assess", str(_raw(t, "i.txt", json.dumps(SAMPLE).encode()))],
    "stdin dash": lambda t: ["assess", "-"],
    "terminal escape key": lambda t: ["assess", str(_raw(t, "esc.json", json.dumps(
        {"format": "rouei-incident/1", "answers": {"\x1b]0;owned\x07\x1b[2J": 1}}).encode()))],
    "recipients empty file": lambda t: _recips(t, b""),
    "recipients png": lambda t: _recips(t, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10),
    "recipients zip as csv": lambda t: _recips(t, b"PK\x03\x04" + b"\x00\xff" * 100),
    "recipients xls as xlsx": lambda t: _recips(t, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "r.xlsx"),
    "recipients semicolons": lambda t: _recips(t, "氏名;住所\n山田;東京都\n".encode()),
    "recipients header only in cp932 garbage": lambda t: _recips(t, b"\x82\xa0\xff\xfe\n"),
    "recipients itself the incident": lambda t: _render(t, "--recipients", str(write_incident(t / "x"))),
    "out under a file": lambda t: ["render", str(write_incident(t / "inbox")), "--out",
                                   str(_raw(t, "f", b"x") / "sub"), "--today", "2026-11-04"],
    "previous is garbage": lambda t: _render(t, "--previous", str(_raw(t, "p.json", b"\x00\x01"))),
    "previous missing": lambda t: _render(t, "--previous", str(t / "none.json")),
    "format pdf without soffice": lambda t: _render(t, "--format", "pdf"),
    "today empty": lambda t: ["assess", str(_inc(t)), "--today", ""],
    "x- extension with a lone surrogate": lambda t: ["assess", str(_raw(t, "s.json", json.dumps(
        {**SAMPLE, "x-note": "\ud800"}, ensure_ascii=True).encode()))],
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_hostile_input_is_a_clear_japanese_exit_2(tmp_path: Path, capsys, monkeypatch, case: str) -> None:
    if case == "format pdf without soffice":
        monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    argv = BAD[case](tmp_path)
    rc, _out, err = cli(*argv, capsys=capsys)
    assert rc == 2, (case, err)
    assert err.startswith("エラー"), err
    assert_japanese_only(err)
    assert english_words(err, str(tmp_path)) == [], err
    assert "\x1b" not in err and "\x07" not in err
    out = tmp_path / "out"
    assert not out.exists() or not [p for p in out.iterdir() if not p.name.startswith(".")], case


GOOD: dict[str, Setup] = {
    "incident with BOM": lambda t: ["assess", str(_raw(t, "b.json", b"\xef\xbb\xbf" + json.dumps(SAMPLE).encode()))],
    "old Mac line ends": lambda t: _recips(t, "氏名,住所\r山田,東京都\r".encode()),
    "full-width space in header": lambda t: _recips(t, "氏　名,住　所\n山田　太郎,東京都\n".encode()),
    "NUL in an unused cell": lambda t: _recips(t, "氏名,住所,備考\n山田,東京都,a\x00b\n".encode()),
    "far future today": lambda t: ["assess", str(_inc(t)), "--today", "9999-12-31"],
}


@pytest.mark.parametrize("case", sorted(GOOD))
def test_odd_but_valid_input_works(tmp_path: Path, capsys, case: str) -> None:
    rc, _out, err = cli(*GOOD[case](tmp_path), capsys=capsys)
    assert rc == 0, (case, err)
    if (tmp_path / "out" / "manifest.json").exists():
        manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["errors"] == [] and sum(d.get("letters", 0) for d in manifest["documents"]) == 1


def test_a_name_of_invisible_characters_is_no_letter(tmp_path: Path, capsys) -> None:
    rc, _, err = cli(*_recips(tmp_path, "氏名,住所\n\u200b\u3000\x01,東京都\n山田,大阪府\n".encode()), capsys=capsys)
    assert rc == 0, err
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [e["row"] for e in manifest["errors"]] == [2]


def test_planted_symlinks_in_the_output_folder_are_never_followed(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched", encoding="utf-8")
    for name in (".rouei-lock", "manifest.json", "appi_report.docx", "internal_record.docx"):
        (out / name).symlink_to(victim)
    rc, _, err = cli(*_render(tmp_path), capsys=capsys)
    assert rc == 2 and "出力先" in err  # the lock file is a symlink: refused, nothing written
    (out / ".rouei-lock").unlink()
    for force in ([], ["--force"]):
        rc, _, err = cli(*_render(tmp_path), *force, capsys=capsys)
        assert rc == 0, err
        assert victim.read_text(encoding="utf-8") == "untouched"
    assert not (out / "manifest.json").is_symlink()


def test_an_unwritable_log_folder_does_not_hide_the_error(tmp_path: Path, capsys, monkeypatch) -> None:
    from wizard.documents import api

    (tmp_path / "state-file").write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state-file"))
    monkeypatch.setattr(api, "render_bundle", lambda *a, **k: 1 / 0)
    rc, _, err = cli(*_render(tmp_path), capsys=capsys)
    assert rc == 1 and "ログを書けませんでした" in err
    assert os.path.isfile(tmp_path / "state-file")
