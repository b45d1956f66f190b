"""Loose ends of issue 9: reasons that are true of the answers, the 2017 おそれ, the e-mail address,
data being acquired and 4号."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.engine.helpers import answers
from wizard.domain.facts import FACTS, label
from wizard.engine.assess import assess_answers
from wizard.engine.catalog import load_catalog
from wizard.engine.values import check_value

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT / "tests" / "documents" / "incidents" / "bank_loss.json"
TODAY = date(2027, 6, 30)


def _bank() -> dict:
    return json.loads(BANK.read_text(encoding="utf-8"))["answers"]


def _reason(o: dict, rule: str) -> dict:
    found = [r for r in o["reasons"] if r["rule"] == rule]
    assert found, [r["rule"] for r in o["reasons"]]
    return found[0]


def _texts(o: dict) -> list[str]:
    return [r["text"] for r in o["reasons"]] + list(o["warnings"])


# --- 1. the bank: 不明 about the place of the loss, not about 個人顧客 -----------------------------

def test_bank_reason_names_the_unknown_place_not_the_answered_customer_data():
    o = assess_answers(_bank(), today=TODAY)
    r = _reason(o, "finance.sector_law")
    assert "個人顧客の情報を含むか不明" not in r["text"]
    assert r["unknown_facts"] == ["incident.left_premises"]
    assert f"「{label('incident.left_premises')}」" in r["text"]
    assert label("finance.customer_data") not in r["text"]


def test_bank_with_customer_data_unknown_names_that_question():
    a = {**_bank(), "finance.customer_data": "unknown", "incident.left_premises": "yes",
         "incident.unviewed_confirmed": "no", "data.financial": "yes"}
    r = _reason(assess_answers(a, today=TODAY), "finance.sector_law")
    assert r["unknown_facts"] == ["finance.customer_data"]
    assert f"「{label('finance.customer_data')}」" in r["text"]


def test_bank_with_everything_answered_has_no_unknown_sector_reason():
    a = {**_bank(), "finance.customer_data": "yes", "incident.left_premises": "yes",
         "incident.unviewed_confirmed": "no", "data.financial": "yes"}
    o = assess_answers(a, today=TODAY)
    assert not _reason(o, "finance.sector_law")["unknown"]
    assert not [t for t in _texts(o) if "不明" in t]


def test_every_unknown_text_speaks_of_the_deciding_answers_not_of_one_presumed_fact():
    """An unknown_text is shown whatever fact behind the rule was 不明 (the names follow it), so it
    may not presume which one it was (the bank's 「個人顧客の情報を含むか不明」 for an unknown place)."""
    cat = load_catalog()
    for rs in cat.rulesets.values():
        for r in rs.rules:
            if r.unknown_text:
                assert "を決める回答に「不明」があるため" in r.unknown_text, (rs.id, r.id, r.unknown_text)


def test_warnings_name_the_question_not_its_fact_id():
    o = assess_answers(_bank(), today=TODAY)
    for t in _texts(o):
        assert not any(fid in t for fid in FACTS), t
    assert any(f"「{label('incident.unviewed_confirmed')}」が未回答" in w for w in o["warnings"])


# --- 3. a loss outside the office is a 漏えいのおそれ, in both rule sets --------------------------

@pytest.mark.parametrize("known", ["2021-06-04", "2026-11-02"])
def test_medium_lost_outside_is_a_suspected_leak(known):
    a = answers(incident__cause="loss", incident__left_premises="yes", incident__known_on=known,
                incident__unviewed_confirmed=..., data__subjects=650)
    inc = assess_answers(a, today=TODAY)["incident"]
    assert "leak" in inc["kinds"] and inc["suspected"] is True


@pytest.mark.parametrize("known", ["2021-06-04", "2026-11-02"])
def test_medium_lost_inside_is_a_loss_not_a_suspicion(known):
    a = answers(incident__cause="loss", incident__left_premises="no", incident__copy_exists="no",
                incident__known_on=known, incident__unviewed_confirmed=..., data__subjects=650)
    inc = assess_answers(a, today=TODAY)["incident"]
    assert inc["kinds"] == ["loss"] and inc["suspected"] is False


def test_broadcast_2021_fixture_is_suspected():
    doc = json.loads((BANK.parent / "broadcast_2021.json").read_text(encoding="utf-8"))["answers"]
    o = assess_answers(doc, today=TODAY)
    assert o["ruleset"] == "appi-2017" and o["incident"]["suspected"] is True


# --- 4. org.email is an e-mail address ---------------------------------------------------------

@pytest.mark.parametrize("good", ["privacy@example.co.jp", "a@b.jp", " soumu@example.com "])
def test_email_addresses_pass(good):
    assert check_value("org.email", good) is None


@pytest.mark.parametrize("bad", ["suzuki-at-sakura", "a@b", "a@@b.jp", "a b@c.jp", "@example.jp"])
def test_invalid_email_is_named(bad):
    msg = check_value("org.email", bad)
    assert msg and "メールアドレスの形式ではありません" in msg


def test_assess_rejects_invalid_email_with_exit_2_naming_the_key(tmp_path):
    doc = json.loads(BANK.read_text(encoding="utf-8"))
    doc["answers"]["org.email"] = "suzuki-at-sakura"
    f = tmp_path / "bad.json"
    f.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "assess", str(f), "--json"],
                       capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.returncode == 2
    assert "org.email" in r.stderr and "Traceback" not in r.stderr and r.stdout == ""


# --- 5. data being acquired: 3号 only, and the reason says why not 4号 ---------------------------

def _skimming(n: int, acquiring: str, **more) -> dict:
    base = {"incident__cause": "skimming", "incident__malicious": "yes", "data__being_acquired": acquiring,
            "data__subjects": n, "data__financial": "no"}
    return answers(**{**base, **more})


def test_skimming_data_being_acquired_is_3_only_and_says_why_not_4():
    o = assess_answers(_skimming(3000, "yes"), today=TODAY)
    assert o["appi"]["required"] and o["appi"]["grounds"] == [3]
    note = _reason(o, "appi.r7.n3.acquiring_only")["text"]
    assert "取得中の情報は、まだ個人データではないため、4号（本人の数が1,000人超）" in note


def test_skimming_of_personal_data_already_held_is_3_and_4():
    o = assess_answers(_skimming(3000, "no"), today=TODAY)
    assert o["appi"]["grounds"] == [3, 4]
    assert "appi.r7.n3.acquiring_only" not in [r["rule"] for r in o["reasons"]]


@pytest.mark.parametrize(("n", "noted"), [(1000, False), (1001, True)])
def test_acquiring_note_at_the_4号_boundary(n, noted):
    o = assess_answers(_skimming(n, "yes"), today=TODAY)
    assert o["appi"]["grounds"] == [3]
    assert ("appi.r7.n3.acquiring_only" in [r["rule"] for r in o["reasons"]]) is noted


def test_acquiring_card_numbers_say_why_not_2号():
    o = assess_answers(_skimming(10, "yes", data__financial="yes"), today=TODAY)
    assert o["appi"]["grounds"] == [3]
    assert "2号（財産的被害のおそれ）" in _reason(o, "appi.r7.n3.acquiring_only")["text"]


@pytest.mark.parametrize(("value", "ok"), [("1900-01-01", True), ("1900010100", False), ("2026-W45-3", False),
                                           ("２０２６-11-02", False)])
def test_dates_are_written_yyyy_mm_dd_only(value, ok):
    assert (check_value("incident.known_on", value) is None) is ok
