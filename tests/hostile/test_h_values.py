"""Incident and profile values (issue 11 items 4, 7, 15, 16, 18): strict, named, bounded."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostilekit import SAMPLE, assert_japanese_only, cli, write_incident
from hypothesis import given
from hypothesis import strategies as st

from wizard.domain.dates import parse_iso_date
from wizard.engine import incident as incmod
from wizard.engine.incident import (
    InputError,
    load_incident,
    load_profile,
    validate_document,
    validate_profile,
)
from wizard.engine.yamlio import LoadError, lone_surrogate_path, parse_yaml


def _yaml_incident(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "incident.yaml"
    path.write_text("format: rouei-incident/1\nanswers:\n" + body, encoding="utf-8")
    return path


def test_a_lone_surrogate_is_refused_at_load_naming_the_key(tmp_path: Path, capsys) -> None:
    path = tmp_path / "s.json"
    text = json.dumps(SAMPLE, ensure_ascii=True).replace("\\u682a\\u5f0f", "\\ud800\\u5f0f", 1)
    assert "\\ud800" in text
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="answers.org.name"):
        load_incident(path)
    rc, _, err = cli("assess", str(path), "--today", "2026-11-04", capsys=capsys)
    assert rc == 2 and "answers.org.name" in err and "サロゲート" in err
    assert lone_surrogate_path({"a": ["ok", {"b\udc00": 1}]}) == "a[1].b?"
    assert lone_surrogate_path({"a": ["ok", "𠮷"]}) is None


def test_yaml_base60_octal_hex_numbers_are_errors(tmp_path: Path) -> None:
    for bad in ("20:00", "010", "0x4B0", "1_200", "0b101", "1:30.5", ".inf", ".NaN", "+0755"):
        path = _yaml_incident(tmp_path, f"  data.subjects: {bad}\n")
        with pytest.raises(InputError, match="10進数") as exc:
            load_incident(path)
        assert "3行目" in str(exc.value)
    path = _yaml_incident(tmp_path, "  data.subjects: 1200\n  org.sector: general\n")
    assert load_incident(path).answers["data.subjects"] == 1200


def test_a_yaml_key_is_shown_as_written(tmp_path: Path) -> None:
    path = _yaml_incident(tmp_path, "  yes: 1\n  on: 2\n  null: 3\n")
    with pytest.raises(InputError) as exc:
        load_incident(path)
    msg = str(exc.value)
    assert "「yes」" in msg and "「on」" in msg and "「null」" in msg and "True" not in msg


def test_yaml_node_cap_and_bounded_errors(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("format: rouei-incident/1\nanswers:\n" + "".join(f"  k{i}: [1, 2, 3]\n" for i in range(8000)),
                    encoding="utf-8")
    with pytest.raises(InputError, match="要素が多すぎます"):
        load_incident(path)
    many = tmp_path / "many.json"
    many.write_text(json.dumps({"format": "rouei-incident/1", "answers": {f"k{i}": 1 for i in range(5000)}}),
                    encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_incident(many)
    lines = str(exc.value).splitlines()
    assert len(lines) == incmod.MAX_PROBLEMS + 1 and "ほかに 4,950件" in lines[-1]


def test_a_huge_key_is_shortened_in_messages() -> None:
    with pytest.raises(InputError) as exc:
        validate_document({"format": "rouei-incident/1", "answers": {"x" * 1_000_000: 1}})
    assert len(str(exc.value)) < 300


@pytest.mark.parametrize("value", ["20260917xx", "2026-W38-4", "20260917", "2026-259", "２０２６-09-17",
                                   "2026-09-17T00:00", "2026-9-17", " 2026-09-17"])
def test_dates_are_exactly_yyyy_mm_dd(value: str) -> None:
    doc = {"format": "rouei-incident/1", "answers": {**SAMPLE["answers"], "incident.known_on": value}}
    with pytest.raises(InputError, match="incident.known_on"):
        validate_document(doc)
    with pytest.raises(ValueError):
        parse_iso_date(value)


@given(st.dates())
def test_every_real_date_in_iso_form_parses(d) -> None:
    assert parse_iso_date(d.isoformat()) == d


@pytest.mark.parametrize("today", ["2026-W48-1", "20261130", "2026-11-30x", "2026-02-30"])
def test_today_option_is_exact_too(tmp_path: Path, capsys, today: str) -> None:
    inc = write_incident(tmp_path)
    for cmd in (["assess", str(inc)], ["render", str(inc), "--out", str(tmp_path / "out")]):
        rc, _, err = cli(*cmd, "--today", today, capsys=capsys)
        assert rc == 2 and "--today" in err, err


def test_order_checks_compare_dates() -> None:
    doc = {"format": "rouei-incident/1", "answers": {**SAMPLE["answers"], "incident.occurred_on": "2026-11-03",
                                                     "incident.known_on": "2026-11-02"}}
    with pytest.raises(InputError, match="発生日"):
        validate_document(doc)


def test_validate_profile_like_an_incident(tmp_path: Path) -> None:
    good = {"org.name": "株式会社テスト", "org.sector": "general", "org.employee_count": 12, "x-note": "メモ"}
    assert validate_profile({"format": "rouei-profile/1", "answers": good}) == {
        "org.name": "株式会社テスト", "org.sector": "general", "org.employee_count": 12}
    with pytest.raises(InputError) as exc:
        validate_profile({"format": "rouei-profile/1", "answers": {
            "org.name": ["a"], "org.sector": "spaceport", "org.employee_count": -5, "incident.cause": "loss"}})
    msg = str(exc.value)
    for key in ("org.name", "org.sector", "org.employee_count", "incident.cause"):
        assert key in msg
    path = tmp_path / "profile.json"
    path.write_text('{"format": "rouei-profile/1", "answers": {"org.name": "\\ud800"}}', encoding="utf-8")
    with pytest.raises(InputError, match="サロゲート"):
        load_profile(path)


def test_japanese_messages_for_bad_files(tmp_path: Path, capsys) -> None:
    cases = {"bad.json": b"{", "bin.json": b"\xff\xfe\x00", "deep.json": b"[" * 100_000 + b"]" * 100_000,
             "alias.yaml": b"a: &x 1\nb: *x\n", "tag.yaml": b"a: !!python/object:os.system x\n"}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        rc, _, err = cli("assess", str(tmp_path / name), capsys=capsys)
        assert rc == 2, (name, err)
        assert_japanese_only(err)


def test_parse_yaml_refuses_a_million_items_quickly() -> None:
    with pytest.raises(LoadError, match="要素が多すぎます"):
        parse_yaml("[" + "1," * 1_000_000 + "1]")


def test_saving_text_with_a_lone_surrogate_names_the_key_and_keeps_the_old_file(tmp_path: Path) -> None:
    from wizard.engine.incident import dump_document

    path = tmp_path / "saved.json"
    path.write_text("old", encoding="utf-8")
    for target in (path, tmp_path / "saved.yaml"):
        with pytest.raises(InputError, match="answers.org.name"):
            dump_document({"format": "rouei-incident/1", "answers": {"org.name": "\udcff"}}, target)
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["saved.json"]


@pytest.mark.parametrize(("text", "words"), [
    ("a:\n\tb: 1\n", "タブ"), ("a: b: c\n", "「:」"), ('a: "x\n', "閉じられていません"),
    ("a: 1\nb: \x07\n", "U+0007"), ("a: " + "[" * 50_000 + "]" * 50_000, "深すぎます")])
def test_yaml_syntax_errors_are_explained_in_japanese(text: str, words: str) -> None:
    with pytest.raises(LoadError) as exc:
        parse_yaml(text)
    assert words in exc.value.message
    assert_japanese_only(exc.value.message)
