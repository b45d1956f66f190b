"""Every public scenario of legal/scenarios.md as a data file (copied from the
contract cases so CI does not depend on ../shared) driving the engine."""
import json
from pathlib import Path

import pytest

from tests.engine.helpers import check
from wizard.engine.assess import assess_answers
from wizard.engine.incident import validate_document

CASES = sorted((Path(__file__).parent / "cases").glob("*.json"))
NEW_CASES = sorted((Path(__file__).parent / "cases_new").glob("*.json"))


def test_cases_present():
    assert len(CASES) >= 40


@pytest.mark.parametrize("path", CASES + NEW_CASES, ids=[p.stem for p in CASES + NEW_CASES])
def test_case(path):
    case = json.loads(path.read_text(encoding="utf-8"))
    incident = validate_document(case["incident"], path.name)
    outcome = json.loads(json.dumps(assess_answers(incident.answers), ensure_ascii=False))
    bad = {}
    for key, want in case["expect"].items():
        ok, got = check(outcome, key, want)
        if not ok:
            bad[key] = (got, want)
    assert not bad, f"{case['id']}: {bad}"
    # every conclusion is explained with a citation
    assert outcome["reasons"] and all(r["cite"] and r["rule"] for r in outcome["reasons"])
    for needle in case.get("expect_warnings_contain", []):
        assert any(needle in w for w in outcome["warnings"]), (case["id"], needle, outcome["warnings"])
    for needle in case.get("expect_warnings_lack", []):
        assert not any(needle in w for w in outcome["warnings"]), (case["id"], needle, outcome["warnings"])


def test_new_cases_cover_the_boundary_twins():
    """Issue 9: 100/101 for each My Number 4号 limb, 1000/1001 with 毀損, tampering with and
    without backup, wiper with and without exfiltration, skimming on both sides of 2024-04-01."""
    ids = {p.stem for p in NEW_CASES}
    for twin in (["N-mn4i-100", "N-mn4i-101"], ["N-mn4ro-100", "N-mn4ro-101"], ["N-mn4ha-100", "N-mn4ha-101"],
                 ["N-appi4-damage-1000", "N-appi4-damage-1001"], ["N-tamper-backup-no", "N-tamper-backup-yes"],
                 ["N-wiper-exfil-no", "N-wiper-exfil-yes"], ["N-skimming-2024-03-31", "N-skimming-2024-04-01"]):
        assert set(twin) <= ids, twin
    for path in NEW_CASES:
        case = json.loads(path.read_text(encoding="utf-8"))
        assert case["id"] == path.stem and case["note"] and case["expect"]
        assert set(case) <= {"id", "title", "incident", "expect", "note", "expect_warnings_contain",
                             "expect_warnings_lack"}
