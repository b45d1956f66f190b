"""The routing and 2017 cases of tests/engine/cases_routes/ (contract format), driving the engine."""
import json
from pathlib import Path

import pytest

from tests.engine.helpers import check
from wizard.engine.assess import assess_answers
from wizard.engine.incident import validate_document

CASES = sorted((Path(__file__).parent / "cases_routes").glob("*.json"))


def test_cases_present():
    assert len(CASES) >= 18


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path):
    case = json.loads(path.read_text(encoding="utf-8"))
    assert case["id"] == path.stem
    incident = validate_document(case["incident"], path.name)
    outcome = json.loads(json.dumps(assess_answers(incident.answers), ensure_ascii=False))
    bad = {}
    for key, want in case["expect"].items():
        ok, got = check(outcome, key, want)
        if not ok:
            bad[key] = (got, want)
    assert not bad, f"{case['id']}: {bad}"
    assert outcome["reasons"] and all(r["cite"] and r["rule"] for r in outcome["reasons"])
