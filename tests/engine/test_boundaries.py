"""Boundary pairs for every threshold and date the rules turn on."""
import pytest

from tests.engine.helpers import answers
from wizard.engine.assess import assess_answers


def run(**kw):
    return assess_answers(answers(**kw))


@pytest.mark.parametrize("n,grounds", [(999, []), (1000, []), (1001, [4]), (20000, [4])])
def test_4go_counts_more_than_1000(n, grounds):
    o = run(data__subjects=n)
    assert o["appi"]["grounds"] == grounds
    assert o["appi"]["required"] is bool(grounds)
    assert o["notify_subjects"]["required"] is bool(grounds)


@pytest.mark.parametrize("n,grounds", [(99, []), (100, []), (101, [4])])
def test_mynumber_more_than_100(n, grounds):
    o = run(mynumber__included="yes", mynumber__subjects=n, mynumber__system="other", mynumber__misuse="no",
            mynumber__public_exposure="no", data__subjects=n)
    assert o["mynumber"]["grounds"] == grounds
    assert o["mynumber"]["required"] is bool(grounds)
    assert o["mynumber"]["destination"] == "ppc"
    assert o["appi"]["grounds"] == []


@pytest.mark.parametrize("known,grounds,days", [("2024-03-31", [], None), ("2024-04-01", [3], 60)])
def test_skimming_of_data_being_acquired_from_2024_04_01(known, grounds, days):
    o = run(incident__known_on=known, incident__cause="skimming", incident__malicious="yes",
            data__being_acquired=True, data__financial="yes", data__subjects=300)
    assert o["appi"]["grounds"] == grounds
    assert (o["appi"]["final"] or {}).get("days") == days
    if not grounds:  # before the widening the old text is cited
        assert any(r["rule"] == "appi.r7.n3.acquiring_before" for r in o["reasons"])


def test_skimming_of_stored_personal_data_was_3go_before_2024_too():
    o = run(incident__known_on="2024-03-31", incident__cause="skimming", incident__malicious="yes",
            data__being_acquired=False, data__financial="yes")
    assert o["appi"]["grounds"] == [2, 3]


@pytest.mark.parametrize("known,ruleset,required", [("2022-03-31", "appi-2017", False),
                                                     ("2022-04-01", "appi-2022", True)])
def test_regime_change_on_2022_04_01(known, ruleset, required):
    o = run(incident__known_on=known, data__sensitive="yes")
    assert o["ruleset"] == ruleset
    assert o["appi"]["required"] is required
    if ruleset == "appi-2017":
        assert o["appi"]["effort"] is True
        assert o["appi"]["final"] is None


@pytest.mark.parametrize("cause,malicious,days", [
    ("theft", "yes", 60), ("misdelivery", "no", 30), ("misconfiguration", "unknown", 30),
    ("unauthorized_access", "yes", 60)])
def test_30_or_60_days(cause, malicious, days):
    o = run(incident__cause=cause, incident__malicious=malicious, data__sensitive="yes",
            incident__left_premises="yes")
    assert o["appi"]["final"]["days"] == days


def test_3go_resting_on_unknown_plans_30_days_and_warns():
    o = run(incident__cause="misconfiguration", incident__malicious="unknown", data__subjects=50)
    assert o["appi"]["required"] is True
    assert o["appi"]["grounds"] == [3]
    assert o["appi"]["grounds_uncertain"] == [3]
    assert o["appi"]["final"]["days"] == 30
    assert any("60日" in w for w in o["warnings"])
    assert any("不明" in w and "不正の目的" in w for w in o["warnings"])


def test_60_days_when_3go_combines_with_others():
    o = run(incident__cause="insider", incident__malicious="yes", data__sensitive="yes", data__financial="yes",
            data__subjects=5000)
    assert o["appi"]["grounds"] == [1, 2, 3, 4]
    assert o["appi"]["final"]["days"] == 60


# --- deadline arithmetic: 知った日 is day 1 ------------------------------------------
@pytest.mark.parametrize("known,days,legal,recommended", [
    ("2026-11-02", 30, "2026-12-01", "2026-12-01"),   # day 30 a Tuesday
    ("2026-11-02", 60, "2027-01-04", "2026-12-28"),   # day 60 = 12/31 年末年始
    ("2026-10-30", 60, "2026-12-28", "2026-12-28"),   # day 60 = 12/28 (月)
    ("2026-02-20", 30, "2026-03-23", "2026-03-19"),   # day 30 Saturday; 3/20 春分の日
    ("2026-12-05", 30, "2027-01-04", "2026-12-28"),   # day 30 = 1/3
])
def test_final_deadlines(known, days, legal, recommended):
    from datetime import date

    from wizard.engine.deadlines import final
    f = final(date.fromisoformat(known), days)
    assert (f["legal_deadline"], f["recommended"]) == (legal, recommended)


@pytest.mark.parametrize("known,target,limit", [
    ("2026-11-02", "2026-11-04", "2026-11-06"),  # Monday
    ("2026-11-20", "2026-11-24", "2026-11-24"),  # Friday; 11/23 勤労感謝の日
    ("2026-09-17", "2026-09-18", "2026-09-18"),  # シルバーウィーク: 9/21 敬老, 9/22 国民の休日, 9/23 秋分
    ("2026-12-25", "2026-12-28", "2026-12-28"),  # 年末年始 from 12/29
    ("2026-12-31", "2027-01-04", "2027-01-04"),  # day 5 = 1/4 (月) is a business day
    ("2026-12-29", "2026-12-29", "2026-12-29"),  # days 1–5 all closed: never before 知った日
    ("2026-05-01", "2026-05-01", "2026-05-01"),  # GW: 5/3–5/6 (5/6 振替休日)
])
def test_preliminary_deadlines(known, target, limit):
    from datetime import date

    from wizard.engine.deadlines import preliminary
    assert preliminary(date.fromisoformat(known)) == {"target": target, "limit": limit}


def test_deadlines_do_not_depend_on_today():
    from datetime import date
    a = assess_answers(answers(data__sensitive="yes"), today=date(2026, 11, 3))
    b = assess_answers(answers(data__sensitive="yes"), today=date(2027, 6, 30))
    assert a["appi"]["final"] == b["appi"]["final"] and a["appi"]["preliminary"] == b["appi"]["preliminary"]
