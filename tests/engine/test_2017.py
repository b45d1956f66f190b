"""The appi-2017 set (平成29年個人情報保護委員会告示第1号, 平成27年特定個人情報保護委員会告示第2号,
旧重大事態規則, 電気通信事業法28条) and the days before it.  Expectations come from seeds 001/004
(the 告示 text and the 2017 MIC broadcasting page) and 電気通信事業法28条・施行規則57条."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.engine.helpers import answers
from wizard.domain.facts import CAUSES, SECTORS, label
from wizard.engine.assess import assess_answers
from wizard.engine.catalog import load_catalog

OLD = "2019-06-03"  # a Monday inside the 2017 regime
# words of the current law (規則7条・速報/確報) and of the brief must not explain a 2017 outcome
FORBIDDEN = ("規則7条", "速報", "確報", "rules.md", "routing.md", "[R]", "S24", "訂正", "記憶に基づく")


def run(**kw):
    kw.setdefault("incident__known_on", OLD)
    kw.setdefault("data__self_identifiable_only", "no")
    return assess_answers(answers(**kw))


def texts(o):
    return [r["text"] for r in o["reasons"]] + [r["cite"] for r in o["reasons"]] + o["warnings"]


# --- 2017-05-29 / 2017-05-30 -------------------------------------------------------------------
def test_day_before_the_2017_set_is_outside_every_rule_set():
    o = run(incident__known_on="2017-05-29", data__sensitive="yes")
    assert o["ruleset"] is None and o["ruleset_status"] == "out_of_scope"
    assert o["appi"]["effort"] is False and o["appi"]["required"] is False and o["appi"]["destination"] is None
    assert o["mynumber"]["required"] is False and o["mynumber"]["effort"] is False
    assert o["documents"] == ["internal_record"]
    assert [r["rule"] for r in o["reasons"]] == ["appi2017.outside"]
    assert any("分野別ガイドライン" in w and "判断していません" in w for w in o["warnings"])
    assert not any("不明" in w for w in o["warnings"])  # nothing was decided on an answer


def test_first_day_of_the_2017_set_asks_for_the_effort_report():
    o = run(incident__known_on="2017-05-30", data__sensitive="yes")
    assert o["ruleset"] == "appi-2017"
    assert o["appi"]["effort"] is True and o["appi"]["required"] is False
    assert o["appi"]["destination"] == "ppc" and o["appi"]["preliminary"] is None and o["appi"]["final"] is None
    assert "appi_report" in o["documents"]


def test_before_2017_my_number_and_telecom_are_flagged_not_decided():
    o = run(incident__known_on="2016-10-03", org__sector="telecom", telecom__secrecy="yes",
            mynumber__included="yes", mynumber__subjects=500)
    assert o["sector_reports"] == [] and o["mynumber"]["required"] is False
    assert any("28条" in w and "要確認" in w for w in o["warnings"])
    assert any("番号法28条の4" in w and "要確認" in w for w in o["warnings"])


# --- 電気通信事業法28条 under the 2017 set ------------------------------------------------------
@pytest.mark.parametrize("pref,office", [("東京都", "関東総合通信局"), ("新潟県", "信越総合通信局"),
                                         ("沖縄県", "沖縄総合通信事務所")])
def test_2017_telecom_secrecy_report_to_the_bureau(pref, office):
    o = run(org__sector="telecom", org__prefecture=pref, telecom__secrecy="yes", incident__cause="insider",
            incident__malicious="yes", data__subjects=3)
    sec = {s["id"]: s for s in o["sector_reports"]}
    assert set(sec) == {"telecom_secrecy"}
    rep = sec["telecom_secrecy"]
    assert rep["office"] == office and rep["destination"] == "mic" and rep["addressee"].endswith("殿")
    # 施行規則57条: within 30 days of knowing; 知った日 2019-06-03 is day 1 → day 30 = 2019-07-02
    assert rep["final"]["days"] == 30 and rep["final"]["legal_deadline"] == "2019-07-02"
    assert "telecom_secrecy_report" in o["documents"]
    assert "電気通信事業法28条" in rep["cite"]


@pytest.mark.parametrize("secrecy,sector,unviewed,want", [("no", "telecom", "no", False),
                                                          ("yes", "general", "no", False),
                                                          ("yes", "telecom", "yes", False),
                                                          ("unknown", "telecom", "no", True)])
def test_2017_telecom_secrecy_only_for_a_carrier_whose_secrecy_leaked(secrecy, sector, unviewed, want):
    o = run(org__sector=sector, telecom__secrecy=secrecy, incident__unviewed_confirmed=unviewed)
    assert bool(o["sector_reports"]) is want


# --- 認定個人情報保護団体の対象事業者 (告示 3(1)) ------------------------------------------------
def test_2017_member_reports_to_its_accredited_body():
    body = "一般財団法人日本情報経済社会推進協会"
    o = run(org__accredited_body=body, data__sensitive="yes")
    assert o["appi"]["effort"] is True
    assert o["appi"]["destination"] == "accredited_body"
    assert (o["appi"]["office"], o["appi"]["addressee"]) == (body, f"{body}　御中")
    assert "3(1)" in o["appi"]["route_cite"]


def test_2017_telecom_member_of_the_centre_reports_there_and_secrecy_still_to_the_bureau():
    body = "電気通信個人情報保護推進センター"
    o = run(org__sector="telecom", org__accredited_body=body, telecom__secrecy="yes")
    assert o["appi"]["destination"] == "accredited_body" and o["appi"]["office"] == body
    assert [s["office"] for s in o["sector_reports"]] == ["関東総合通信局"]


@pytest.mark.parametrize("body,dest", [("一般財団法人放送セキュリティセンター", "accredited_body"),
                                       ("一般財団法人日本情報経済社会推進協会", "mic")])
def test_2017_broadcaster_reports_to_sarc_only_when_a_member_of_it(body, dest):
    o = run(org__sector="broadcast", org__prefecture="宮城県", org__accredited_body=body)
    assert o["appi"]["destination"] == dest
    if dest == "mic":
        assert o["appi"]["office"] == "東北総合通信局"


# --- the third 「実質的に漏えいしていない」 example (告示 3(2)① ※3) -------------------------------
@pytest.mark.parametrize("self_only,financial,effort", [("yes", "no", False), ("no", "no", True),
                                                        ("yes", "yes", True), ("unknown", "no", True)])
def test_2017_only_the_business_can_identify(self_only, financial, effort):
    o = run(data__self_identifiable_only=self_only, data__financial=financial)
    assert o["appi"]["effort"] is effort
    assert (o["appi"]["exempt"] == "not_substantial") is (not effort)
    if not effort:
        assert any(r["rule"] == "appi2017.exempt.self_only" for r in o["reasons"])


def test_self_identifiable_question_is_asked_only_in_the_2017_window():
    graph = load_catalog().graph

    def asked(known):
        return "data.self_identifiable_only" in {q.fact for q in graph.walk(answers(incident__known_on=known))}

    assert asked("2017-05-30") and asked("2022-03-31")
    assert not asked("2017-05-29") and not asked("2022-04-01") and not asked("2026-11-02")


def test_self_identifiable_unanswered_in_2017_is_unknown_and_said_so():
    o = assess_answers(answers(incident__known_on=OLD))
    assert o["appi"]["effort"] is True
    assert any(f"「{label('data.self_identifiable_only')}」が未回答" in w for w in o["warnings"])


# --- the old My Number 重大事態: 閲覧可能となり、かつ閲覧された ------------------------------------
EXPOSED = dict(incident__cause="misconfiguration", incident__malicious="no", mynumber__included="yes",
               mynumber__subjects=20, data__subjects=20, mynumber__system="other", mynumber__misuse="no",
               mynumber__public_exposure="yes", org__employee_count=500, org__mynumber_role="employer")


def test_2017_exposure_alone_is_not_a_serious_incident():
    o = run(incident__unviewed_confirmed="yes", **EXPOSED)
    assert o["mynumber"]["serious"] is False and o["mynumber"]["required"] is False
    assert any(r["rule"] == "mn2017.serious.exposure_only" for r in o["reasons"])


def test_2017_exposure_and_viewing_is_a_serious_incident():
    o = run(incident__unviewed_confirmed="no", **EXPOSED)
    assert o["mynumber"]["serious"] is True and o["mynumber"]["required"] is True
    fired = [r for r in o["reasons"] if r["rule"].startswith("mn2017.serious")]
    assert [r["rule"] for r in fired] == ["mn2017.serious.viewed"] and not fired[0]["unknown"]


def test_2017_exposure_with_viewing_unknown_is_treated_as_serious_and_said_so():
    o = run(incident__unviewed_confirmed="unknown", **EXPOSED)
    assert o["mynumber"]["serious"] is True
    assert any(r["rule"] == "mn2017.serious.viewed" and r["unknown"] for r in o["reasons"])


@pytest.mark.parametrize("subjects,serious", [(100, False), (101, True)])
def test_2017_serious_incident_count_boundary(subjects, serious):
    o = run(**{**EXPOSED, "mynumber__public_exposure": "no", "mynumber__subjects": subjects,
               "data__subjects": subjects})
    assert o["mynumber"]["serious"] is serious


# --- 2017 words, never the brief ----------------------------------------------------------------
def test_2017_rule_texts_cite_the_kokuji_never_the_brief():
    rs = load_catalog().rulesets["appi-2017"]
    for r in rs.rules:
        for text in (r.text, r.cite, r.unknown_text, r.warning, r.unsure):
            assert not any(w in text for w in FORBIDDEN), (r.id, text)
        assert r.cite and r.confidence


@settings(max_examples=60, deadline=None)
@given(cause=st.sampled_from(sorted(CAUSES)), sector=st.sampled_from(sorted(SECTORS)),
       tri=st.fixed_dictionaries({k: st.sampled_from(["yes", "no", "unknown"]) for k in (
           "incident.unviewed_confirmed", "incident.left_premises", "incident.copy_exists", "data.sensitive",
           "data.encryption", "mynumber.included", "telecom.secrecy", "data.self_identifiable_only",
           "mynumber.public_exposure", "mynumber.misuse")}),
       known=st.sampled_from(["2017-05-30", "2019-06-03", "2022-03-31"]),
       member=st.sampled_from([None, "一般財団法人放送セキュリティセンター", "電気通信個人情報保護推進センター"]))
def test_2017_outcomes_speak_2017_terms(cause, sector, tri, known, member):
    a = answers(incident__known_on=known, incident__cause=cause, org__sector=sector, org__supervisor="regional",
                org__accredited_body=member, mynumber__subjects=50, mynumber__system="other")
    a.update(tri)
    o = assess_answers(a)
    assert o["ruleset"] == "appi-2017" and o["appi"]["required"] is False
    for t in texts(o):
        assert not any(w in t for w in FORBIDDEN), t
    if o["appi"]["effort"]:
        assert o["appi"]["destination"] in ("ppc", "mic", "fsa", "meti", "mlit", "accredited_body")
        assert o["appi"]["final"] is None and o["appi"]["preliminary"] is None
    for s in o["sector_reports"]:
        assert s["id"] == "telecom_secrecy" and sector == "telecom"


@settings(max_examples=60, deadline=None)
@given(data=st.data(), known=st.sampled_from(["2017-05-30", "2019-06-03", "2022-03-31", "2017-05-29"]))
def test_2017_complete_answers_never_speak_of_unknown(data, known):
    """Not asked is not 不明: with every question on the path answered (no 「不明」), no reason or warning
    of the 2017 set (or of the days before it) says 不明."""
    from wizard.domain.facts import FACTS
    graph = load_catalog().graph
    a = {"incident.known_on": known, "org.accredited_body": None, "org.pmark": False,
         "org.sector": data.draw(st.sampled_from(sorted(SECTORS))),
         "incident.cause": data.draw(st.sampled_from(sorted(CAUSES))), "data.subjects": data.draw(st.integers(1, 2000))}
    for _ in range(40):
        missing = [q for q in graph.walk(a) if q.fact not in a]
        if not missing:
            break
        for q in missing:
            fact = FACTS[q.fact]
            if fact.type == "tri":
                a[q.fact] = data.draw(st.sampled_from(["yes", "no"]))
            elif fact.type == "bool":
                a[q.fact] = data.draw(st.booleans())
            elif fact.type == "int":
                a[q.fact] = data.draw(st.integers(0, 2000))
            elif fact.type == "enum":
                a[q.fact] = data.draw(st.sampled_from(sorted(fact.choices)))
            elif fact.type == "list":
                a[q.fact] = ["氏名"]
            elif fact.type in ("date", "datenull"):
                a[q.fact] = known
            else:
                a[q.fact] = "東京都" if q.fact == "org.prefecture" else "テスト"
    o = assess_answers(a)
    for t in [r["text"] for r in o["reasons"]] + o["warnings"]:
        assert "不明" not in t, (t, a)
    assert not any(r["unknown"] for r in o["reasons"])
