"""Issue 9: what happened to the data (漏えい・滅失・毀損) for every cause, the 2024 widening
of 3号, "not asked is not 不明", My Number limbs and the warnings the law asks for."""
import pytest

from tests.engine.helpers import answers
from wizard.domain.facts import label
from wizard.engine.assess import assess_answers
from wizard.engine.catalog import load_catalog
from wizard.engine.conditions import NOT_ASKED, compile_condition

ATTACK = {"incident__cause": "unauthorized_access", "incident__malicious": "yes", "incident__destroyed": "no",
          "incident__altered": "no", "incident__unusable": "no"}


def run(**kw):
    return assess_answers(answers(**kw))


def rules_of(o):
    return [r["rule"] for r in o["reasons"]]


# --- the not-applicable value --------------------------------------------------------
@pytest.mark.parametrize("src,want", [
    ("x.a", False), ("not x.a", True), ("x.a == 'no'", False), ("x.a != 'no'", True), ("x.a in ['no']", False),
    ("x.a not in ['no']", True), ("x.a <= 100", False), ("x.a > 100", False), ("known(x.a)", False),
    ("x.a or x.b", None), ("x.a and x.b", False),
])
def test_not_asked_reads_as_not_applicable_never_unknown(src, want):
    assert compile_condition(src)({"x.a": NOT_ASKED}) is want


def test_graph_edges_see_unasked_facts_as_not_applicable():
    """The response edge reads org.employee_count, which is asked only with My Number: without My Number the
    2017 small-business questions are not asked (before: the unasked count was 不明 and took the branch)."""
    graph = load_catalog().graph
    a = answers(incident__known_on="2021-06-01", mynumber__included="no")
    ids = [q.id for q in graph.walk(a)]
    assert "response_subjects_contacted" not in ids and "org_employee_count" not in ids
    a = answers(incident__known_on="2021-06-01", mynumber__included="yes", org__employee_count=30)
    ids = [q.id for q in graph.walk(a)]
    assert "org_employee_count" in ids and "response_subjects_contacted" in ids


def test_unasked_answers_do_not_decide_or_speak():
    """A mis-sent e-mail to 8,412 persons, counted exactly: 4号 with no word of 不明, and an answer the graph
    did not ask (取得中) is ignored and listed as not applicable."""
    o = run(data__subjects=8412, data__subjects_exact=True, data__being_acquired=True, incident__copy_exists="no")
    assert o["appi"]["grounds"] == [4] and o["appi"]["grounds_uncertain"] == []
    assert not any("不明" in t for t in [r["text"] for r in o["reasons"]] + o["warnings"])
    assert {"data.being_acquired", "incident.copy_exists"} <= set(o["inapplicable_answers"])


def test_an_unknown_reason_names_the_answer_that_decided_it_not_the_one_answered_yes():
    o = run(data__sensitive="yes", incident__unviewed_confirmed="unknown")
    n1 = next(r for r in o["reasons"] if r["rule"] == "appi.r7.n1")
    assert n1["unknown"] and n1["unknown_facts"] == ["incident.unviewed_confirmed"]
    assert label("incident.unviewed_confirmed") in n1["text"]
    assert label("data.sensitive") not in n1["text"]
    assert not any(f"「{label('data.sensitive')}」が「不明」" in w for w in o["warnings"])


# --- 滅失・毀損 for every cause; every 号 applies to them ------------------------------------
@pytest.mark.parametrize("what,kind", [("destroyed", "loss"), ("altered", "damage"), ("unusable", "damage")])
@pytest.mark.parametrize("extra,ground", [
    ({"data__sensitive": "yes"}, 1), ({"data__financial": "yes"}, 2), ({"data__subjects": 1001}, 4),
])
def test_each_ground_applies_to_loss_and_damage_without_a_leak(what, kind, extra, ground):
    kw = {"incident__cause": "other", "incident__malicious": "no", "incident__unviewed_confirmed": "yes",
          "incident__destroyed": "no", "incident__altered": "no", "incident__unusable": "no",
          "incident__copy_exists": "no", f"incident__{what}": "yes", **extra}
    o = run(**kw)
    assert o["incident"]["kinds"] == [kind]
    assert o["appi"]["grounds"] == [ground] and o["appi"]["required"] is True
    assert o["appi"]["final"]["days"] == 30


@pytest.mark.parametrize("what,kind", [("destroyed", "loss"), ("altered", "damage"), ("unusable", "damage")])
def test_ground_3_applies_to_loss_and_damage_by_an_attack(what, kind):
    o = run(**{**ATTACK, "incident__unviewed_confirmed": "yes", "incident__copy_exists": "no", f"incident__{what}": "yes"})
    assert o["incident"]["kinds"] == [kind] and o["appi"]["grounds"] == [3]
    assert o["appi"]["final"]["days"] == 60


@pytest.mark.parametrize("what,copy,kinds", [
    ("destroyed", "yes", []), ("unusable", "yes", []), ("altered", "yes", ["damage"]),
    ("destroyed", "no", ["loss"]), ("unusable", "no", ["damage"]), ("altered", "no", ["damage"]),
])
def test_the_copy_exception_covers_loss_and_lost_keys_but_not_tampering(what, copy, kinds):
    o = run(**{**ATTACK, "incident__unviewed_confirmed": "yes", "incident__copy_exists": copy, f"incident__{what}": "yes"})
    assert o["incident"]["kinds"] == kinds
    if what == "altered" and copy == "yes":
        assert "appi.note.altered_backup" in rules_of(o)


def test_ransomware_is_unusable_without_being_asked():
    o = run(incident__cause="ransomware", incident__malicious="yes", incident__unviewed_confirmed="yes",
            incident__destroyed="no", incident__altered="no", incident__copy_exists="no")
    assert o["incident"]["kinds"] == ["damage"] and o["appi"]["grounds"] == [3]
    path = [q.fact for q in load_catalog().graph.walk(answers(incident__cause="ransomware"))]
    assert "incident.unusable" not in path and "incident.copy_exists" in path


def test_unanswered_consequences_count_as_none_and_say_so():
    o = run(incident__cause="unauthorized_access", incident__malicious="yes")
    assert o["incident"]["kinds"] == ["leak"]
    assert any(label("incident.altered") in w and "未回答" in w for w in o["warnings"])


def test_not_asked_on_the_mis_sent_mail_path():
    path = [q.fact for q in load_catalog().graph.walk(answers())]
    assert not {"incident.destroyed", "incident.altered", "incident.unusable", "incident.copy_exists",
                "org.employee_count", "org.mynumber_role"} & set(path)


def test_encryption_does_not_remove_a_lost_key():
    o = run(incident__cause="other", incident__malicious="no", incident__unviewed_confirmed="yes",
            incident__destroyed="no", incident__altered="no", incident__unusable="yes", incident__copy_exists="no",
            data__subjects=1500, data__encryption="yes", data__key_compromised="no")
    assert o["appi"]["required"] is True and o["appi"]["exempt"] is None and o["appi"]["grounds"] == [4]
    o = run(data__subjects=1500, data__encryption="yes", data__key_compromised="no")  # leak only: excluded
    assert o["appi"]["exempt"] == "encryption" and o["appi"]["required"] is False


# --- 3号 widening (規則7条3号かっこ書, 2024-04-01) ----------------------------------------------
@pytest.mark.parametrize("known,required", [("2024-03-31", False), ("2024-04-01", True)])
def test_skimming_widening_is_not_cancelled_by_not_personal_data(known, required):
    o = run(incident__cause="skimming", incident__malicious="yes", incident__known_on=known,
            data__is_personal_data="no", data__being_acquired=True, data__sensitive="yes", data__subjects=5000)
    assert o["appi"]["required"] is required and o["appi"]["exempt"] is None
    assert o["appi"]["grounds"] == ([3] if required else [])  # 1号 and 4号 need 個人データ
    assert o["notify_subjects"]["required"] is required


def test_not_personal_data_still_exempts_outside_the_widening():
    o = run(data__is_personal_data="no", data__sensitive="yes")
    assert o["appi"]["exempt"] == "not_personal_data" and o["appi"]["required"] is False
    o = run(data__is_personal_data="no")
    assert "appi.exempt.not_personal_data" in rules_of(o) and "appi.r7.none" not in rules_of(o)


def test_method_info_is_not_personal_data_but_needs_safety_measures():
    o = run(data__is_personal_data="no", data__method_info=True)
    assert o["appi"]["required"] is False
    assert "appi.note.method_info" in rules_of(o)
    assert any("法43条2項" in w for w in o["warnings"])


# --- timing and unsettled points -------------------------------------------------------------
def test_30_days_only_because_malice_is_unknown_is_a_planning_date():
    o = run(incident__cause="misconfiguration", incident__malicious="unknown", incident__destroyed="no",
            incident__altered="no", incident__unusable="no")
    assert o["appi"]["grounds"] == [3] and o["appi"]["final"]["days"] == 30
    assert any("計画上の日付" in w and "法定の期限ではありません" in w for w in o["warnings"])
    o = run(incident__cause="misconfiguration", incident__malicious="yes", incident__destroyed="no",
            incident__altered="no", incident__unusable="no")
    assert o["appi"]["final"]["days"] == 60 and not any("計画上の日付" in w for w in o["warnings"])


def test_internal_loss_of_card_data_warns_that_2_is_unsettled():
    internal = run(incident__cause="loss", incident__left_premises="no", incident__copy_exists="no",
                   data__financial="yes")
    assert internal["incident"]["kinds"] == ["loss"] and internal["appi"]["grounds"] == [2]
    assert any("蓋然性" in w for w in internal["warnings"])
    leaked = run(data__financial="yes")
    assert leaked["appi"]["grounds"] == [2] and not any("蓋然性" in w for w in leaked["warnings"])


# --- My Number --------------------------------------------------------------------------------
MN = {"mynumber__included": "yes", "mynumber__system": "other", "mynumber__misuse": "no",
      "mynumber__unlawful_use": "no", "mynumber__unlawful_provision": "no", "mynumber__public_exposure": "no"}
NO_LEAK = {"incident__cause": "other", "incident__unviewed_confirmed": "yes", "incident__destroyed": "no",
           "incident__altered": "no", "incident__unusable": "no"}


@pytest.mark.parametrize("limb", ["unlawful_use", "unlawful_provision"])
@pytest.mark.parametrize("n,required", [(100, False), (101, True)])
def test_my_number_4_counts_unlawful_use_and_provision(limb, n, required):
    o = run(**{**MN, **NO_LEAK, f"mynumber__{limb}": "yes", "mynumber__subjects": n, "data__subjects": n})
    assert o["incident"]["occurred"] is False and o["appi"]["required"] is False
    assert o["mynumber"]["required"] is required and o["mynumber"]["voluntary"] is (not required)
    assert o["mynumber"]["grounds"] == ([4] if required else [])
    assert o["notify_subjects"]["required"] is required
    assert ("mynumber_report" in o["documents"]) is True  # the report, required or voluntary


def test_my_number_not_involved_no_voluntary_report():
    o = run(**{**MN, **NO_LEAK, "mynumber__subjects": 500, "data__subjects": 500})
    assert o["mynumber"]["required"] is False and o["mynumber"]["voluntary"] is False


@pytest.mark.parametrize("included,art27,art19", [("no", True, False), ("yes", False, True),
                                                  ("unknown", True, True)])
def test_intentional_provision_names_the_law_that_applies(included, art27, art19):
    o = run(incident__cause="intentional_provision", mynumber__included=included, mynumber__subjects=3,
            mynumber__system="other")
    assert any("法27条（第三者提供の制限）" in w for w in o["warnings"]) is art27
    assert any("番号法19条" in w for w in o["warnings"]) is art19
    assert o["incident"]["kinds"] == []


def test_my_number_public_exposure_without_proof_of_viewing_is_flagged():
    o = run(**{**MN, "incident__cause": "misconfiguration", "incident__unviewed_confirmed": "yes",
               "incident__destroyed": "no", "incident__altered": "no", "incident__unusable": "no",
               "mynumber__public_exposure": "yes", "mynumber__subjects": 3})
    assert o["mynumber"]["grounds"] == [3] and o["mynumber"]["required"] is True
    assert any("閲覧可能な状態だったことだけで" in w for w in o["warnings"])


def test_my_number_questions_ask_items_kinds_and_the_organisation_only_with_my_number():
    path = [q.fact for q in load_catalog().graph.walk(answers(mynumber__included="yes"))]
    for fact in ("mynumber.items", "mynumber.subject_kinds", "org.employee_count", "org.mynumber_role",
                 "mynumber.unlawful_use", "mynumber.unlawful_provision"):
        assert fact in path


@pytest.mark.parametrize("cause", ["unauthorized_access", "malware", "ransomware", "insider", "misconfiguration",
                                   "other", "deletion_error"])
def test_alteration_is_asked_for_every_cause_where_stored_data_can_be_changed(cause):
    o = run(incident__cause=cause, incident__malicious=..., incident__altered="yes",  # malice from the cause
            incident__unviewed_confirmed="yes", data__being_acquired=False)
    assert "damage" in o["incident"]["kinds"]
    assert o["appi"]["grounds"] == ([3] if cause in {"unauthorized_access", "malware", "ransomware", "insider"}
                                    else [])


@pytest.mark.parametrize("cause", ["theft", "skimming", "tampering", "misdelivery"])
def test_outflow_causes_are_leaks_only(cause):
    """Theft and loss outside are 漏えい, not 滅失 (GL 3-5-1-3 ※2); skimmed or redirected data never reached the
    business's store.  Their consequences are not asked, and an answer given anyway is not applicable."""
    o = run(incident__cause=cause, incident__malicious=..., incident__left_premises="yes",
            incident__destroyed="yes", incident__altered="yes", incident__copy_exists="no")
    assert o["incident"]["kinds"] == ["leak"]
    assert {"incident.destroyed", "incident.altered"} <= set(o["inapplicable_answers"])


# --- user-facing text cites the law, never the brief ----------------------------------------------
BRIEF_WORDS = ("rules.md", "S24", "訂正", "[R]", "[V]", "[V2]", "[S]", "[UNSURE]", "記憶に基づく", "legal/")


def _user_texts(rs_id):
    cat = load_catalog()
    rs = cat.rulesets[rs_id]
    for r in rs.rules:
        yield f"{rs_id}:{r.id}", " ".join([r.text, r.unknown_text, r.warning, r.unsure, r.cite])
    yield f"{rs_id}:source", rs.cite + " ".join(rs.warnings)


@pytest.mark.parametrize("rs_id", ["appi-2022", "appi-2026-draft"])
def test_rules_never_cite_the_brief(rs_id):
    bad = [where for where, text in _user_texts(rs_id) if any(w in text for w in BRIEF_WORDS)]
    assert bad == []


def test_questions_never_cite_the_brief():
    graph = load_catalog().graph
    for q in graph.nodes.values():
        text = " ".join([q.text, q.help, q.cite, *q.examples, *q.notes.values()])
        assert not any(w in text for w in BRIEF_WORDS), q.id


def test_ruleset_sources_name_primary_texts():
    import yaml

    from wizard import ROOT
    for name in ("appi-2022.yaml", "appi-2026-draft.yaml"):
        head = yaml.safe_load((ROOT / "rules" / name).read_text(encoding="utf-8"))
        assert "rules.md" not in head["source"] and "legal/" not in head["source"]
        assert "法" in head["source"]


@pytest.mark.parametrize("old", ["3-5-1-1（漏えい", "3-5-1-2（滅失", "3-5-1-3（毀損"])
def test_no_pre_2024_guideline_numbering(old):
    graph = load_catalog().graph
    texts = [q.cite + q.help for q in graph.nodes.values()]
    texts += [r.cite + r.text for r in load_catalog().rulesets["appi-2022"].rules]
    assert not any(old in t for t in texts)


@pytest.mark.parametrize("cause", ["skimming", "tampering"])
@pytest.mark.parametrize("known", ["2024-03-31", "2024-04-01"])
def test_unanswered_acquiring_is_no_and_from_2024_the_user_is_asked_to_answer_it(cause, known):
    """Unanswered 取得中 counts as いいえ (the data is then 個人データ: 3号 by the malicious act); from 2024-04-01
    a warning says that the answer decides 3号 for data that is not yet 個人データ."""
    o = run(incident__cause=cause, incident__malicious="yes", incident__known_on=known, data__being_acquired=...)
    assert o["appi"]["required"] is True and o["appi"]["grounds"] == [3]
    assert "appi.r7.n3" in rules_of(o)
    assert any("取得する予定" in w or "入力する予定" in w for w in o["warnings"]) is (known >= "2024-04-01")
