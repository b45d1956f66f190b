"""`main.py schema`: a JSON Schema (draft 2020-12) of the incident file that editors can use.

Every public case validates; hostile files are rejected; and the schema agrees
with the program's own validator value by value for every fact.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from wizard.domain.facts import FACTS
from wizard.domain.schema import DATE_PATTERN, incident_schema, question_texts
from wizard.engine.catalog import load_catalog
from wizard.engine.incident import InputError, validate_document
from wizard.engine.values import MAX_INT, PREFECTURES, check_value, normalize

ROOT = Path(__file__).resolve().parents[2]
SHARED_CASES = ROOT.parent / "shared" / "contract" / "cases"
CASE_FILES = sorted((ROOT / "tests" / "engine" / "cases").glob("*.json")) + (
    sorted(SHARED_CASES.glob("*.json")) if SHARED_CASES.is_dir() else [])
INCIDENT_FILES = sorted((ROOT / "tests" / "gui" / "data").glob("*.json")) + [ROOT / "packaging" / "sample-incident.json"]

SCHEMA = incident_schema(question_texts(load_catalog().graph.nodes.values()))
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=FormatChecker())


def schema_ok(doc) -> bool:
    return VALIDATOR.is_valid(doc)


def program_ok(doc) -> bool:
    try:
        validate_document(doc, "test")
    except InputError:
        return False
    return True


def doc(**answers):
    return {"format": "rouei-incident/1", "answers": answers}


def test_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(SCHEMA["properties"]["answers"]["properties"]) == set(FACTS)


def test_cli_prints_the_same_schema():
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "schema"], capture_output=True, cwd=ROOT,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert json.loads(proc.stdout.decode("utf-8")) == SCHEMA


def test_there_are_public_cases():
    assert len(CASE_FILES) >= 40


@pytest.mark.parametrize("path", CASE_FILES + INCIDENT_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_public_case_validates(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    incident = data.get("incident", data)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(incident)]
    assert not errors
    assert program_ok(incident)


def test_every_question_text_is_in_a_description():
    texts = question_texts(load_catalog().graph.nodes.values())
    props = SCHEMA["properties"]["answers"]["properties"]
    assert len(texts) >= 40
    for fid, text in texts.items():
        assert text in props[fid]["description"], fid


HOSTILE = {
    "not an object": [],
    "no format": {"answers": {}},
    "wrong format": {"format": "rouei-incident/2", "answers": {}},
    "no answers": {"format": "rouei-incident/1"},
    "answers a list": {"format": "rouei-incident/1", "answers": []},
    "unknown top key": {**doc(), "answer": {}},
    "unknown fact": doc(**{"incident.tittle": "x"}),
    "tri as number": doc(**{"incident.malicious": 1}),
    "tri misspelt": doc(**{"incident.malicious": "Yes"}),
    "tri as list": doc(**{"incident.malicious": ["yes"]}),
    "enum as list": doc(**{"incident.cause": ["theft"]}),
    "enum unknown": doc(**{"incident.cause": "burglary"}),
    "enum upper case": doc(**{"org.sector": "General"}),
    "bool as string": doc(**{"org.pmark": "true"}),
    "int as string": doc(**{"data.subjects": "12"}),
    "int negative": doc(**{"data.subjects": -1}),
    "int fraction": doc(**{"data.subjects": 1.5}),
    "int too big": doc(**{"data.subjects": MAX_INT + 1}),
    "int as bool": doc(**{"data.subjects": True}),
    "date compact": doc(**{"incident.known_on": "20261104"}),
    "date slashes": doc(**{"incident.known_on": "2026/11/04"}),
    "date no day 30 Feb": doc(**{"incident.known_on": "2026-02-30"}),
    "date 29 Feb non-leap": doc(**{"incident.known_on": "2026-02-29"}),
    "date 31 Nov": doc(**{"incident.known_on": "2026-11-31"}),
    "date with time": doc(**{"incident.known_on": "2026-11-04T09:00"}),
    "date short year": doc(**{"incident.known_on": "26-11-04"}),
    "date as number": doc(**{"incident.known_on": 20261104}),
    "date null where required type": doc(**{"incident.known_on": None}),
    "date trailing newline": doc(**{"incident.known_on": "2026-11-04\n"}),
    "prefecture unknown": doc(**{"org.prefecture": "東京"}),
    "list of numbers": doc(**{"data.items": [1, 2]}),
    "list as string": doc(**{"data.items": "氏名"}),
    "text as object": doc(**{"incident.summary": {"a": 1}}),
    "report unknown key": {**doc(), "report": {"stage": "final", "previous_file": "a.json"}},
    "report stage unknown": {**doc(), "report": {"stage": "second"}},
    "recipients as list": {**doc(), "recipients": ["a.csv"]},
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_is_rejected_by_schema_and_program(name):
    assert not schema_ok(HOSTILE[name])
    assert not program_ok(HOSTILE[name])


def test_week_and_ordinal_dates_are_rejected_by_the_schema():
    # SPEC §2: exactly YYYY-MM-DD — date.fromisoformat of Python 3.11 also reads 2026-W45-3.
    for value in ("2026-W45-3", "2026-308", "2026-11-4", "+2026-11-04"):
        assert not schema_ok(doc(**{"incident.known_on": value})), value


def test_extensions_and_optional_parts_are_accepted():
    ok = {**doc(**{"x-note": {"any": ["thing"]}, "incident.occurred_on": None, "org.accredited_body": None,
                   "incident.malicious": True, "incident.known_on": "2024-02-29"}),
          "x-editor": 1, "recipients": "宛先.csv", "report": {"stage": "final", "previous": "prev.json"}}
    assert schema_ok(ok) and program_ok(ok)


# ------------------------------------------------------------------ in sync with the validator

PROBES = [None, True, False, 0, 1, -1, 12, MAX_INT, MAX_INT + 1, 2.5, "", "abc", "yes", "no", "unknown", "Yes",
          "2026-11-04", "2024-02-29", "2026-02-29", "1899-12-31", "1900-01-01", "2200-12-31", "2201-01-01",
          "2026-11-04T00:00", [], ["氏名"], [1], {"a": 1}, "x" * 100_001, ["x"] * 1001, *PREFECTURES[:2], "東京"]


@pytest.mark.parametrize("fid", sorted(FACTS))
def test_schema_and_validator_agree_for_every_fact(fid):
    f = FACTS[fid]
    probes = PROBES + list(f.choices) + [c.upper() for c in f.choices]
    for value in probes:
        program = check_value(fid, normalize(fid, value)) is None
        assert schema_ok(doc(**{fid: value})) == program, (fid, f.type, value)


@given(st.text(alphabet="0123456789-", min_size=10, max_size=10))
def test_date_pattern_agrees_with_the_validator(value):
    import re
    assert (re.fullmatch(DATE_PATTERN, value) is not None) == (check_value("incident.known_on", value) is None)


@given(st.dates())
def test_every_real_day_in_range_matches(d):
    ok = schema_ok(doc(**{"incident.known_on": d.isoformat()}))
    assert ok == (1900 <= d.year <= 2200)


def test_known_gap_integral_floats_only_the_program_rejects():
    # JSON Schema's data model treats 12.0 as the integer 12; the loader still says 「整数を書いてください」.
    assert schema_ok(doc(**{"data.subjects": 12.0}))
    assert not program_ok(doc(**{"data.subjects": 12.0}))


JSON_SCALARS = (st.none() | st.booleans() | st.integers(min_value=-10, max_value=MAX_INT + 10)
                | st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: not x.is_integer())
                | st.text(max_size=12) | st.sampled_from(["yes", "no", "unknown", "2026-11-04", "東京都", "theft"]))
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=6)


@given(st.sampled_from(sorted(FACTS)), JSON_VALUES)
def test_schema_and_validator_agree_on_any_json_value(fid, value):
    assert schema_ok(doc(**{fid: value})) == (check_value(fid, normalize(fid, value)) is None)


def test_yaml_files_validate_like_json(tmp_path):
    # An editor checks YAML with the same schema: the cases written as YAML still validate (and are read the same).
    import yaml

    from wizard.engine.yamlio import load_file
    for path in CASE_FILES[:10]:
        incident = json.loads(path.read_text(encoding="utf-8"))["incident"]
        y = tmp_path / (path.stem + ".yaml")
        y.write_text(yaml.safe_dump(incident, allow_unicode=True, sort_keys=False), encoding="utf-8")
        loaded = load_file(y)
        assert schema_ok(loaded), path.name
        assert validate_document(loaded, y.name).answers == validate_document(incident, path.name).answers


EXPECTED_JSON_TYPE = {"bool": "boolean", "int": "integer", "date": "string", "datenull": ["string", "null"],
                      "enum": "string", "str": "string", "text": "string", "strnull": ["string", "null"],
                      "list": "array"}


def test_every_fact_type_has_its_json_type():
    from wizard.domain.facts import Fact
    from wizard.domain.schema import fact_schema
    props = SCHEMA["properties"]["answers"]["properties"]
    for fid, f in FACTS.items():
        if f.type == "tri":
            assert props[fid]["enum"] == ["yes", "no", "unknown", True, False], fid
        elif fid == "org.prefecture":
            assert props[fid]["enum"] == list(PREFECTURES)
        else:
            assert props[fid]["type"] == EXPECTED_JSON_TYPE[f.type], fid
        if f.type == "enum":
            assert props[fid]["enum"] == list(f.choices), fid
        if f.type in ("date", "datenull"):
            assert props[fid]["pattern"] == DATE_PATTERN and props[fid]["format"] == "date", fid
    with pytest.raises(ValueError, match="JSON Schema"):
        fact_schema(Fact("x.new", "money", "新しい型"))
