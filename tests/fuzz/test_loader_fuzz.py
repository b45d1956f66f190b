"""Fuzzing the incident loader (SPEC §2, §4): whatever the file holds, the result is a
valid Incident or an InputError with a Japanese message — never another exception; the
CLI turns bad files into exit 2 with a message naming the file and no traceback."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from fuzzkit import TODAY, incident_like, json_values, scaled
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wizard.domain.facts import REQUIRED_FOR_ASSESS
from wizard.engine.assess import assess_answers
from wizard.engine.catalog import load_catalog
from wizard.engine.incident import Incident, InputError, load_incident, validate_document

ROOT = Path(__file__).resolve().parents[2]
JAPANESE = set("のはをがにでてすま")


def _japanese(msg: str) -> bool:
    return bool(JAPANESE & set(msg))


def _load_and_assess(path: Path, today: date | None = TODAY) -> Any:
    """What `assess` does with a file: load, then decide; returns the outcome or the InputError."""
    try:
        inc = load_incident(path, today=today)
        assert isinstance(inc, Incident)
        return assess_answers(inc.answers, today=today, catalog=load_catalog())
    except InputError as exc:
        assert str(exc).strip() and _japanese(str(exc)), repr(exc)
        return exc


@settings(max_examples=scaled(300))
@given(incident_like())
@example({"format": "rouei-incident/1", "answers": {"incident.known_on": "9999-12-31", "org.sector": "general",
                                                    "incident.cause": "theft", "data.subjects": 5}})
@example({"format": "rouei-incident/1", "answers": {"data.subjects": True, "org.sector": ["general"]}})
@example({"format": "rouei-incident/1", "answers": {"incident.occurred_on": "2026-12-01",
                                                    "incident.known_on": "2026-11-01"}})
def test_any_document_gives_incident_or_input_error(doc: Any) -> None:
    try:
        inc = validate_document(doc, "fuzz.json", TODAY)
    except InputError as exc:
        assert _japanese(str(exc)), str(exc)
        return
    try:
        outcome = assess_answers(inc.answers, today=TODAY, catalog=load_catalog())
    except InputError as exc:
        assert _japanese(str(exc)), str(exc)
        return
    json.dumps(outcome, ensure_ascii=False)  # the outcome is plain JSON


YAML_PIECES = ["format: rouei-incident/1\n", "answers:\n", "  org.sector: general\n", "  data.subjects: 5\n",
               "  incident.known_on: 2026-11-02\n", "  incident.cause: loss\n", "&a [1]\n", "*a\n",
               "!!python/object/apply:os.system ['true']\n", "? [x]\n: y\n", "- - - -\n", "{", "}", "[", "]",
               "\t", "'", '"', "%YAML 1.1\n", "---\n", "...\n", "<<: {a: 1}\n", "\x00", "\ufeff", "𠮷",
               "  data.subjects: 1_0\n", "  data.subjects: 0x1F\n", "  incident.known_on: 2026-02-30\n",
               "  incident.known_on: 2026-11-02T10:00:00\n", "  data.sensitive: yes\n", "  data.sensitive: y\n"]
yaml_like = st.lists(st.sampled_from(YAML_PIECES), max_size=14).map("".join)
file_bytes = st.one_of(
    st.binary(max_size=300),
    yaml_like.map(lambda s: s.encode("utf-8")),
    yaml_like.map(lambda s: s.encode("utf-16")),
    json_values.map(lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8")),
    incident_like().map(lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8")),
    incident_like().map(lambda v: yaml.safe_dump(v, allow_unicode=True).encode("utf-8")),
    incident_like().map(lambda v: json.dumps(v).encode("utf-8")[: len(json.dumps(v)) // 2]),
)


@settings(max_examples=scaled(300), suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                           HealthCheck.too_slow])
@given(data=file_bytes, suffix=st.sampled_from([".json", ".yaml", ".yml", ".JSON"]))
@example(data=b"[" * 100_000, suffix=".json")
@example(data=b"[" * 100_000, suffix=".yaml")
@example(data=b"- " * 5_000, suffix=".yaml")
@example(data=b"\xef\xbb\xbf{}", suffix=".json")
@example(data=b"", suffix=".yaml")
@example(data=b"a: &x [*x]\n", suffix=".yaml")
def test_any_file_gives_incident_or_input_error(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"incident{suffix}"
        path.write_bytes(data)
        _load_and_assess(path)


# --- found by fuzzing and fixed in the engine (kept as regression tests) ----------------

def test_far_future_known_on_without_today_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "far.json"
    path.write_text(json.dumps({"format": "rouei-incident/1", "answers": {
        "incident.known_on": "9999-12-31", "org.sector": "general", "incident.cause": "theft",
        "data.subjects": 5}}), encoding="utf-8")
    assert isinstance(_load_and_assess(path, today=None), InputError)


@pytest.mark.parametrize("doc", [
    {"format": "rouei-incident/1", "answers": {"org.sector": ["general"]}},
    {"format": "rouei-incident/1", "answers": {"incident.cause": {"a": 1}}},
    {"format": "rouei-incident/1", "answers": {}, "report": {"stage": ["final"]}},
])
def test_enum_given_a_list_is_bad_input(doc: dict[str, Any]) -> None:
    with pytest.raises(InputError):
        validate_document(doc, "fuzz.json", TODAY)


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_huge_integer_is_bad_input(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"big{suffix}"
    digits = "1" + "0" * 5000
    if suffix == ".json":
        text = json.dumps({"format": "rouei-incident/1", "answers": {"data.subjects": 0}}).replace("0}", digits + "}")
    else:
        text = f"format: rouei-incident/1\nanswers:\n  data.subjects: {digits}\n"
    path.write_text(text, encoding="utf-8")
    assert isinstance(_load_and_assess(path), InputError)


# --- through the command line: exit 2, Japanese, the file named, no traceback -----------

BAD_FILES: dict[str, bytes] = {
    "deep.json": b"[" * 100_000,
    "binary.yaml": bytes(range(256)),
    "latin1.json": '{"format": "rouei-incident/1", "answers": {"org.name": "café"}}'.encode("latin-1"),
    "tag.yaml": b"format: rouei-incident/1\nanswers: !!python/object/apply:os.system ['true']\n",
    "alias.yaml": b"format: rouei-incident/1\nanswers: &a {org.name: *a}\n",
    "unknown.json": b'{"format": "rouei-incident/1", "answers": {"org.colour": "red"}}',
    "wrongtype.yaml": b"format: rouei-incident/1\nanswers:\n  data.subjects: many\n",
    "missing.json": b'{"format": "rouei-incident/1", "answers": {"org.name": "x"}}',
    "empty.yaml": b"",
    "truncated.json": b'{"format": "rouei-incident/1", "answers": {"org.sector": "gen',
}


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_cli_bad_file_exit_2(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_FILES[name])
    proc = _cli("assess", str(path), "--json", "--today", "2026-11-23")
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stderr.startswith("エラー"), proc.stderr
    # the file is named, or (missing answers) every missing fact id is
    assert name in proc.stderr or all(k in proc.stderr for k in REQUIRED_FOR_ASSESS), proc.stderr
    assert proc.stdout == ""


@pytest.mark.parametrize("args", [["assess", "does-not-exist.json"], ["assess", "."], ["assess", "x.txt"],
                                  ["assess"], ["render", "x.json"], ["graph", "--format", "png"]])
def test_cli_bad_arguments_exit_2(args: list[str]) -> None:
    proc = _cli(*args)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr and _japanese(proc.stderr), proc.stderr


@settings(max_examples=scaled(5))
@given(data=st.binary(min_size=1, max_size=200))
def test_cli_random_bytes_exit_2(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "random.json"
        path.write_bytes(data)
        proc = _cli("assess", str(path), "--today", "2026-11-23")
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and "random.json" in proc.stderr
