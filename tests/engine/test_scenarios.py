"""Scenarios of the kinds in legal/scenarios.md with other facts, dates and sectors."""
import pytest

from tests.engine.helpers import answers
from wizard.domain.facts import label
from wizard.engine.assess import assess_answers


def run(**kw):
    return assess_answers(answers(**kw))


# --- routing -------------------------------------------------------------------------
@pytest.mark.parametrize("pref,office", [("山梨県", "関東総合通信局"), ("新潟県", "信越総合通信局"),
                                         ("長野県", "信越総合通信局"), ("沖縄県", "沖縄総合通信事務所"),
                                         ("福井県", "北陸総合通信局"), ("北海道", "北海道総合通信局")])
def test_telecom_report_goes_to_the_bureau_of_the_head_office(pref, office):
    o = run(org__sector="telecom", org__prefecture=pref, org__telecom_designated=False, telecom__secrecy="yes",
            incident__cause="insider", incident__malicious="yes")
    assert o["appi"]["destination"] == "mic"
    assert o["appi"]["office"] == office
    assert o["appi"]["addressee"].endswith("殿") and "御中" not in o["appi"]["addressee"]
    sec = {s["id"]: s for s in o["sector_reports"]}
    assert sec["telecom_secrecy"]["office"] == office
    assert sec["telecom_secrecy"]["final"]["days"] == 30
    assert "telecom_secrecy_report" in o["documents"]


def test_telecom_secrecy_needs_no_appi_ground_and_not_when_nothing_leaked():
    o = run(org__sector="telecom", telecom__secrecy="yes", data__subjects=3, incident__cause="other")
    assert o["appi"]["required"] is False
    assert [s["id"] for s in o["sector_reports"]] == ["telecom_secrecy"]
    o = run(org__sector="telecom", telecom__secrecy="yes", incident__unviewed_confirmed="yes")
    assert o["sector_reports"] == []


@pytest.mark.parametrize("sup,pref,office,addressee", [
    ("national", "東京都", "金融庁", "金融庁長官　殿"),
    ("regional", "新潟県", "関東財務局", "関東財務局長　殿"),
    ("regional", "福岡県", "福岡財務支局", "福岡財務支局長　殿"),
    ("regional", "熊本県", "九州財務局", "九州財務局長　殿"),
    ("prefecture", "大阪府", "大阪府", "大阪府知事　殿"),
])
def test_finance_destination_follows_the_supervisor(sup, pref, office, addressee):
    o = run(org__sector="finance", org__supervisor=sup, org__prefecture=pref, finance__customer_data="yes",
            data__financial="yes")
    assert o["appi"]["destination"] == "fsa"
    assert (o["appi"]["office"], o["appi"]["addressee"]) == (office, addressee)
    assert "finance_sector_law" in [s["id"] for s in o["sector_reports"]]


def test_finance_sector_law_report_even_without_a_ground():
    o = run(org__sector="finance", org__supervisor="national", finance__customer_data="yes")
    assert o["appi"]["required"] is False
    assert [s["id"] for s in o["sector_reports"]] == ["finance_sector_law"]
    assert "finance_report" in o["documents"]


@pytest.mark.parametrize("sector,dest", [("credit_bureau", "meti"), ("credit_card", "ppc"), ("medical", "ppc"),
                                         ("real_estate", "mlit"), ("postal", "mic"), ("broadcast", "mic")])
def test_delegated_sectors(sector, dest):
    o = run(org__sector=sector, org__supervisor="regional", data__sensitive="yes")
    assert o["appi"]["destination"] == dest


@pytest.mark.parametrize("sector", ["broadcast", "postal"])
def test_broadcast_and_postal_route_is_flagged_unsure(sector):
    o = run(org__sector=sector, data__sensitive="yes", org__prefecture="愛媛県")
    assert o["appi"]["office"] == "四国総合通信局"
    assert o["appi"]["destination_alternatives"] == ["ppc"]
    assert any("要確認" in w and "振り分け" in w for w in o["warnings"])


def test_pmark_and_accredited_body_for_any_incident():
    o = run(org__pmark=True, org__accredited_body="一般財団法人日本データ通信協会")
    ids = {s["id"]: s for s in o["sector_reports"]}
    assert set(ids) == {"pmark", "accredited_body"}
    assert ids["pmark"]["final"]["days"] == 30 and ids["pmark"]["preliminary"] is None
    assert ids["accredited_body"]["final"] is None
    o = run(org__pmark=True, incident__cause="theft", incident__malicious="yes", incident__left_premises="yes")
    assert {s["id"]: s for s in o["sector_reports"]}["pmark"]["final"]["days"] == 60
    o = run(org__pmark=True, incident__unviewed_confirmed="yes")
    assert o["sector_reports"] == []


# --- 不明 takes the protective branch and says so ----------------------------------------
@pytest.mark.parametrize("fact,ground", [("data__sensitive", 1), ("data__financial", 2)])
def test_unknown_sensitive_or_financial_reports(fact, ground):
    o = run(**{fact: "unknown"})
    assert o["appi"]["grounds"] == [ground] and o["appi"]["required"]
    assert any("不明" in w for w in o["warnings"])


def test_missing_fact_on_path_is_unknown_with_a_warning_naming_it():
    o = run(data__sensitive=...)
    assert o["appi"]["grounds"] == [1]
    assert any(f"「{label('data.sensitive')}」が未回答" in w for w in o["warnings"])


def test_off_path_answers_are_ignored():
    o = run(incident__left_premises="yes", data__key_compromised="yes")
    assert o["appi"]["required"] is False
    assert "incident.left_premises" in o["inapplicable_answers"]


def test_mynumber_unknown_counts_as_included():
    o = run(mynumber__included="unknown", incident__cause="theft", incident__malicious="yes",
            incident__left_premises="yes")
    assert o["mynumber"]["required"] is True and 2 in o["mynumber"]["grounds"]
    assert o["mynumber"]["final"]["days"] == 60  # the theft itself is certain: a 2号 event if My Number was in it
    assert any("マイナンバーを含むか「不明」" in w for w in o["warnings"])


def test_encryption_with_unknown_key_handling_is_not_exempt():
    o = run(data__subjects=5000, data__encryption="yes", data__key_compromised="unknown", incident__cause="loss",
            incident__left_premises="yes")
    assert o["appi"]["required"] is True and o["appi"]["exempt"] is None
    o = run(data__subjects=5000, data__encryption="yes", data__key_compromised="no", incident__cause="loss",
            incident__left_premises="yes")
    assert o["appi"]["exempt"] == "encryption" and o["appi"]["grounds"] == [4]


def test_encryption_lost_when_key_leaked_with_it():
    o = run(data__sensitive="yes", data__encryption="yes", data__key_compromised="yes")
    assert o["appi"]["required"] and o["appi"]["exempt"] is None


@pytest.mark.parametrize("changes,exempt", [({"data__is_personal_data": "no"}, "not_personal_data"),
                                            ({"data__pseudonymized": True}, "pseudonymized")])
def test_out_of_scope_data(changes, exempt):
    o = run(data__sensitive="yes", **changes)
    assert o["appi"]["exempt"] == exempt and o["appi"]["grounds"] == [1] and not o["appi"]["required"]


def test_processor_that_has_not_notified_must_report_and_notify():
    o = run(incident__role="processor", incident__controller_notified="no", data__sensitive="yes")
    assert o["appi"]["required"] is True
    assert o["notify_controller"]["required"] is True
    assert o["notify_subjects"] == {"required": True, "by": "self"}


def test_processor_that_notified_is_exempt():
    o = run(incident__role="processor", incident__controller_notified="yes", data__sensitive="yes")
    assert o["appi"]["exempt"] == "processor_notified"
    assert o["notify_subjects"] == {"required": False, "by": "controller"}
    assert "controller_notice" in o["documents"] and "appi_report" not in o["documents"]


# --- what happened in law ---------------------------------------------------------------
@pytest.mark.parametrize("changes,kinds", [
    ({"incident__cause": "loss", "incident__left_premises": "no", "incident__copy_exists": "no"}, ["loss"]),
    ({"incident__cause": "loss", "incident__left_premises": "no", "incident__copy_exists": "yes"}, []),
    ({"incident__cause": "loss", "incident__left_premises": "unknown"}, ["leak", "loss"]),
    ({"incident__cause": "disposal_error", "incident__left_premises": "no", "incident__copy_exists": "no"}, ["loss"]),
    ({"incident__cause": "deletion_error", "incident__copy_exists": "yes"}, []),
    ({"incident__cause": "ransomware", "incident__malicious": "yes", "incident__copy_exists": "no",
      "incident__unviewed_confirmed": "unknown"}, ["leak", "damage"]),
    ({"incident__cause": "theft", "incident__malicious": "yes", "incident__unviewed_confirmed": "yes"}, []),
])
def test_kinds(changes, kinds):
    o = run(**changes)
    assert sorted(o["incident"]["kinds"]) == sorted(kinds)
    assert o["incident"]["occurred"] is bool(kinds)


def test_intentional_provision_is_not_a_leak_and_flags_art27():
    o = run(incident__cause="intentional_provision", data__subjects=5000)
    assert o["incident"] == {"occurred": False, "kinds": [], "suspected": False}
    assert any("法27条" in w for w in o["warnings"])


def test_ransomware_mentions_the_common_form():
    o = run(incident__cause="ransomware", incident__malicious="yes", incident__copy_exists="no")
    assert any("ランサムウェア事案共通様式" in w for w in o["warnings"])


def test_dual_mynumber_and_appi_duty_warns_about_one_form():
    o = run(incident__cause="insider", incident__malicious="yes", mynumber__included="yes", mynumber__subjects=5,
            mynumber__system="other", mynumber__misuse="yes", mynumber__public_exposure="no")
    assert o["appi"]["grounds"] == [3] and o["mynumber"]["grounds"] == [2]
    assert o["mynumber"]["final"]["days"] == 60
    assert any("兼ねられるか" in w for w in o["warnings"])


def test_mynumber_voluntary_report_when_no_ground():
    o = run(mynumber__included="yes", mynumber__subjects=3, mynumber__system="other", mynumber__misuse="no",
            mynumber__public_exposure="no")
    assert o["mynumber"]["required"] is False and o["mynumber"]["voluntary"] is True
    assert "mynumber_report" in o["documents"]


def test_draft_2026_is_off_unless_enabled_and_labelled():
    assert run(data__sensitive="yes")["ruleset"] == "appi-2022"
    o = run(data__sensitive="yes", options__ruleset_2026_draft=True)
    assert o["ruleset"] == "appi-2026-draft" and o["ruleset_status"] == "not_in_force"
    assert any("未施行" in w for w in o["warnings"])
    assert o["appi"]["required"] is True and o["notify_subjects"]["required"] is True


# --- the 2017 告示 regime (seeds 001/004) ------------------------------------------------
def test_2017_minor_misdelivery_exemption():
    o = run(incident__known_on="2021-06-01", data__address_only=True)
    assert o["ruleset"] == "appi-2017"
    assert o["appi"]["effort"] is False and o["appi"]["exempt"] == "minor_misdelivery"


def test_2017_not_substantial_when_encrypted():
    o = run(incident__known_on="2021-06-01", incident__cause="loss", incident__left_premises="yes",
            data__encryption="yes", data__key_compromised="no")
    assert o["appi"]["exempt"] == "not_substantial"


def test_2017_broadcaster_reports_to_bureau_by_effort():
    o = run(incident__known_on="2020-02-03", org__sector="broadcast", org__prefecture="宮城県")
    assert o["appi"]["required"] is False and o["appi"]["effort"] is True
    assert o["appi"]["office"] == "東北総合通信局"
    assert o["appi"]["preliminary"] is None and o["appi"]["final"] is None


MN17 = dict(incident__known_on="2021-06-01", incident__cause="loss", incident__left_premises="no",
            incident__copy_exists="no", mynumber__included="yes", mynumber__subjects=10, mynumber__system="other",
            mynumber__misuse="no", mynumber__public_exposure="no", org__mynumber_role="employer",
            response__subjects_contacted="yes", response__investigation_done="yes")


@pytest.mark.parametrize("employees,exempt", [(100, True), (101, False)])
def test_2017_mynumber_small_business_boundary(employees, exempt):
    o = run(org__employee_count=employees, **MN17)
    assert o["mynumber"]["small_business_exempt"] is exempt
    assert o["mynumber"]["effort"] is (not exempt)


def test_2017_mynumber_serious_incident():
    o = run(org__employee_count=30, **{**MN17, "mynumber__subjects": 101, "data__subjects": 101})
    assert o["mynumber"]["serious"] is True and o["mynumber"]["small_business_exempt"] is False


@pytest.mark.parametrize("employees,noted", [(100, True), (101, False)])
def test_employee_count_only_notes_the_small_business_guidance(employees, noted):
    # asked only when My Number is involved (the only place the count still matters)
    small = run(org__employee_count=employees, data__sensitive="yes", mynumber__included="yes",
                mynumber__subjects=5, mynumber__system="other")
    assert small["appi"]["required"] is True  # reporting never turns on employee count today
    assert any(r["rule"] == "appi.gl.small_business" for r in small["reasons"]) is noted


def test_each_reason_appears_once():
    o = run(incident__cause="insider", incident__malicious="yes", mynumber__included="yes", mynumber__subjects=200,
            mynumber__system="other", mynumber__misuse="yes", mynumber__public_exposure="no", org__employee_count=5)
    rules = [r["rule"] for r in o["reasons"]]
    assert len(rules) == len(set(rules))


def test_informational_facts_do_not_raise_missing_warnings():
    o = run(org__employee_count=...)
    assert not any("org.employee_count" in w for w in o["warnings"])


def test_leak_only_suspected_but_malice_certain_is_60_days():
    # ransomware, restored from backup, forensics pending (S21-pending): a 3号 おそれ event
    o = run(incident__cause="ransomware", incident__malicious="yes", incident__copy_exists="yes",
            incident__unviewed_confirmed="unknown", data__subjects=3000)
    assert o["appi"]["grounds"] == [3, 4] and o["appi"]["final"]["days"] == 60
    assert any("閲覧・取得" in w or "確認できない" in w for w in o["warnings"])


def test_mynumber_misuse_unknown_plans_30_days():
    o = run(incident__cause="misdelivery", mynumber__included="yes", mynumber__subjects=5, mynumber__system="other",
            mynumber__misuse="unknown", mynumber__public_exposure="no")
    assert o["mynumber"]["grounds"] == [2] and o["mynumber"]["final"]["days"] == 30
