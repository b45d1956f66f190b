"""Command-line messages (issue 11 items 17, 18, 19): Japanese, exit 2 for bad input, nothing replaced."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostilekit import assert_japanese_only, cli, write_incident

ARGV_ERRORS = [
    (["render", "x.json"], "--out"),
    (["render", "x.json", "--out"], "--out"),
    (["render", "x.json", "--out", "o", "--format", "rtf"], "rtf"),
    (["assess"], "file"),
    (["nosuch"], "nosuch"),
    (["assess", "x.json", "--bogus"], "--bogus"),
    (["graph", "--format"], "--format"),
]


@pytest.mark.parametrize(("argv", "named"), ARGV_ERRORS)
def test_argparse_errors_are_japanese(capsys, argv: list[str], named: str) -> None:
    rc, _, err = cli(*argv, capsys=capsys)
    assert rc == 2
    assert ("コマンドの指定が正しくありません" in err or "不明な引数" in err) and named in err
    assert_japanese_only(err)
    for word in ("the following", "unrecognized", "invalid choice", "expected", "choose from"):
        assert word not in err


def test_help_is_japanese(capsys) -> None:
    rc, out, _ = cli("-h", capsys=capsys)
    assert rc == 0
    assert "使い方:" in out and "このヘルプを表示して終了" in out and "usage:" not in out


def test_screenshot_of_a_broken_file_is_exit_2_and_draws_nothing(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "rouei-incident/1", "answers": {"org.sector": "spaceport"}}', encoding="utf-8")
    png = tmp_path / "shot.png"
    rc, _, err = cli("--screenshot", str(png), "--open", str(bad), capsys=capsys)
    assert rc == 2 and "org.sector" in err
    assert not png.exists() and not list(tmp_path.glob("*.png"))


def test_an_existing_png_is_never_replaced_silently(tmp_path: Path, capsys) -> None:
    png = tmp_path / "shot.png"
    png.write_bytes(b"old picture")
    rc, _, err = cli("--screenshot", str(png), capsys=capsys)
    assert rc == 2 and "既にあります" in err and "--replace" in err
    assert png.read_bytes() == b"old picture"
    rc, _, err = cli("--screenshot", str(tmp_path / "shot.txt"), capsys=capsys)
    assert rc == 2 and ".png" in err


def test_screenshot_replace_writes_a_whole_png(tmp_path: Path, capsys) -> None:
    png = tmp_path / "shot.png"
    png.write_bytes(b"old picture")
    rc, _, err = cli("--screenshot", str(png), "--replace", capsys=capsys)
    assert rc == 0, err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shot.png"]


def test_render_honours_draft_2026(tmp_path: Path, capsys) -> None:
    inc = write_incident(tmp_path / "inbox")
    rc, _, err = cli("render", str(inc), "--out", str(tmp_path / "draft"), "--draft-2026", "--today", "2026-11-04",
                     capsys=capsys)
    assert rc == 0, err
    assert "未施行" in err
    from hostilekit import docx_text

    draft = docx_text(tmp_path / "draft" / "internal_record.docx")
    rc, _, err = cli("render", str(inc), "--out", str(tmp_path / "now"), "--today", "2026-11-04", capsys=capsys)
    now = docx_text(tmp_path / "now" / "internal_record.docx")
    assert rc == 0 and draft.count("未施行") > now.count("未施行")  # the record says what the draft assumed


def test_internal_error_messages_carry_no_english_exception_text(tmp_path: Path, capsys, monkeypatch) -> None:
    from wizard import cli as climod

    def boom(args):
        raise ValueError("some English internals")

    monkeypatch.setitem(climod.__dict__, "cmd_check", boom)
    rc, _, err = cli("check", capsys=capsys)
    assert rc == 1 and "some English internals" not in err and "error.log" in err


def test_previous_report_in_the_incident_is_resolved_beside_it(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "inbox"
    write_incident(folder, name="first.json")
    inc = write_incident(folder, name="second.json", report={"stage": "final", "previous": "first.json"})
    rc, _, err = cli("render", str(inc), "--out", str(tmp_path / "out"), "--today", "2026-11-04", capsys=capsys)
    assert rc == 0, err
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["errors"] == []
    bad = write_incident(folder, name="third.json", report={"stage": "final", "previous": "../first.json"})
    rc, _, err = cli("render", str(bad), "--out", str(tmp_path / "out2"), "--today", "2026-11-04", capsys=capsys)
    assert rc == 2 and "report.previous" in err
