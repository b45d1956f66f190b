"""Property tests of the decision engine (SPEC §3): for any valid answer set drawn from the
facts vocabulary, the outcome is internally consistent — deadlines ordered, grounds backed
by the facts, the right rule set, every reason cited."""
from __future__ import annotations

import json
from datetime import date
from typing import Any

from fuzzkit import TODAY, scaled, valid_answers
from hypothesis import example, given, settings

from wizard.domain.facts import MALICIOUS_CAUSES
from wizard.engine.assess import REGIME_2022, assess_answers
from wizard.engine.calendar import is_business_day
from wizard.engine.catalog import load_catalog
from wizard.engine.incident import validate_document

BASE_2022 = {"org.sector": "general", "incident.known_on": "2026-11-02", "incident.cause": "theft",
             "data.subjects": 1001}


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _check_deadlines(block: dict[str, Any], known: date, where: str, rollover: bool = True) -> None:
    """Ordered deadlines; `rollover`: the legal deadline moves to a business day (APPI, My Number;
    the telecom 詳報 and the Pマーク report keep day N itself)."""
    pre = block.get("preliminary")
    if pre:
        target, limit = _d(pre["target"]), _d(pre["limit"])
        assert target is not None and limit is not None
        assert known <= target <= limit, (where, pre)
        assert (limit - known).days <= 4, (where, pre)
        if limit > known:
            assert is_business_day(limit), (where, "limit on a closed day", pre)
    fin = block.get("final")
    if fin:
        assert fin["days"] in (30, 60), (where, fin)
        rec, legal = _d(fin.get("recommended")), _d(fin.get("legal_deadline"))
        if rec and legal:
            assert known <= rec <= legal, (where, fin)
            assert is_business_day(rec) or rec == known, (where, fin)
            if rollover:
                assert is_business_day(legal), (where, fin)
                assert (legal - known).days + 1 >= fin["days"], (where, fin)
            else:
                assert (legal - known).days + 1 == fin["days"], (where, fin)


def _tri(answers: dict[str, Any], key: str) -> Any:
    return answers.get(key)


def _malicious(answers: dict[str, Any]) -> str:
    given_ = answers.get("incident.malicious")
    if given_ is not None:
        return str(given_)
    return "yes" if answers["incident.cause"] in MALICIOUS_CAUSES else "no"


@settings(max_examples=scaled(400))
@given(valid_answers())
@example(dict(BASE_2022))
@example(dict(BASE_2022, **{"incident.known_on": "2022-03-31"}))
@example(dict(BASE_2022, **{"incident.known_on": "2022-04-01", "data.subjects": 1000}))
@example(dict(BASE_2022, **{"incident.known_on": "2026-12-30", "options.ruleset_2026_draft": True}))
def test_outcome_is_consistent(answers: dict[str, Any]) -> None:
    inc = validate_document({"format": "rouei-incident/1", "answers": answers}, "fuzz", TODAY)
    assert inc.answers == answers
    out = assess_answers(answers, today=TODAY, catalog=load_catalog())
    json.dumps(out, ensure_ascii=False)
    known = date.fromisoformat(answers["incident.known_on"])

    # the rule set follows 知った日 (and the explicit 2026 option)
    draft = answers.get("options.ruleset_2026_draft") is True
    want = "appi-2017" if known < REGIME_2022 else ("appi-2026-draft" if draft else "appi-2022")
    if known < date(2017, 5, 30):
        want = None  # outside every rule set (SPEC §1)
    assert out["ruleset"] == want

    appi = out["appi"]
    grounds = appi["grounds"]
    assert set(grounds) <= {1, 2, 3, 4} and grounds == sorted(set(grounds)), grounds
    if appi.get("required"):
        assert grounds, appi
        assert appi["preliminary"] and appi["final"], appi
    _check_deadlines(appi, known, "appi")

    if out["ruleset"] is None:  # outside every rule set: nothing is claimed
        assert not grounds and not appi.get("required") and not appi.get("effort"), appi
    elif out["ruleset"] != "appi-2017":
        subjects = answers["data.subjects"]
        if 4 in grounds:
            assert subjects > 1000, (subjects, appi)
        if subjects > 1000 and out["incident"]["occurred"] and answers.get("data.being_acquired") is not True \
                and appi.get("exempt") is None:
            assert 4 in grounds, appi
        if 1 in grounds:
            assert _tri(answers, "data.sensitive") != "no", appi
        if 2 in grounds:
            assert _tri(answers, "data.financial") != "no", appi
        if 3 in grounds:
            assert _malicious(answers) != "no", appi
        if appi.get("required") and appi.get("final"):
            certain = set(grounds) - set(appi.get("grounds_uncertain") or [])
            if appi["final"]["days"] == 60:
                assert 3 in grounds, appi
            if 3 in certain:
                assert appi["final"]["days"] == 60, appi
        if not out["incident"]["occurred"]:
            assert not appi.get("required"), appi
    else:
        assert appi.get("required") is not True, "the 2017 告示 asked for reports, it did not require them"

    mn = out["mynumber"]
    assert mn["destination"] in ("ppc", None)
    assert set(mn.get("grounds") or []) <= {1, 2, 3, 4}
    if mn.get("required"):
        if out["ruleset"] == "appi-2017":
            assert mn.get("serious") is True, mn  # 2017: the 重大事態 report, not 規則2条 grounds
        else:
            assert mn["grounds"], mn
        assert answers.get("mynumber.included") != "no", mn
    _check_deadlines(mn, known, "mynumber")

    for rep in out.get("sector_reports") or []:
        assert rep["id"] in {"telecom_secrecy", "telecom_specific_user_info", "finance_sector_law",
                             "accredited_body", "pmark"}, rep
        if rep.get("final"):
            _check_deadlines(rep, known, rep["id"], rollover=False)
        if rep["id"] == "pmark":
            assert answers.get("org.pmark") is True, rep
        if rep["id"] == "telecom_secrecy":
            assert answers["org.sector"] == "telecom", rep

    if (appi.get("required") or mn.get("required")) and out["ruleset"] != "appi-2017":
        assert out["notify_subjects"]["required"] or out["notify_subjects"].get("by") == "controller" \
            or appi.get("exempt") == "processor_notified", out["notify_subjects"]
    assert out["publication"] in ("recommended", "optional", "substitute", "not_recommended")
    assert "internal_record" in out["documents"]
    if appi.get("required") or appi.get("effort"):
        assert "appi_report" in out["documents"] or out["ruleset"] == "appi-2017", out["documents"]
    for reason in out["reasons"]:
        assert str(reason.get("cite") or "").strip(), reason
        assert str(reason.get("text") or "").strip(), reason
    assert all(isinstance(w, str) and w.strip() for w in out["warnings"])
    if draft and known >= REGIME_2022:
        assert any("未施行" in w or "施行されていません" in w or "施行前" in w for w in out["warnings"]) \
            or "未施行" in str(out.get("ruleset_title")) or out.get("ruleset_status") == "not_in_force"
