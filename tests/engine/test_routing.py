"""Routing (rules/routing.yaml, wizard/engine/routing.py): dated routes, the 地方整備局 of the head
office's region (法150条3項), 知事免許 → 知事 (法170条), and the loader's refusal of uncited or
undated routes.  Expectations come from the law and the official pages named in routing.yaml."""
from __future__ import annotations

import copy
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.engine.helpers import answers
from wizard import ROOT
from wizard.domain.facts import SECTORS
from wizard.engine.assess import assess_answers
from wizard.engine.catalog import load_catalog
from wizard.engine.routing import REGIME_2017, route_for, validate_routing
from wizard.engine.values import PREFECTURES

BRIEF_WORDS = ("rules.md", "routing.md", "[R]", "[V]", "S24", "訂正", "記憶に基づく", "legal/")


def run(**kw):
    return assess_answers(answers(**kw))


def routing():
    return load_catalog().routing


# --- 国土交通省: the 地方整備局長 of the head office's region ------------------------------------
MLIT_REGIONS = [
    ("新潟県", "北陸地方整備局"), ("富山県", "北陸地方整備局"), ("石川県", "北陸地方整備局"),
    ("長野県", "関東地方整備局"), ("山梨県", "関東地方整備局"), ("東京都", "関東地方整備局"),
    ("福井県", "近畿地方整備局"), ("大阪府", "近畿地方整備局"), ("静岡県", "中部地方整備局"),
    ("宮城県", "東北地方整備局"), ("広島県", "中国地方整備局"), ("愛媛県", "四国地方整備局"),
    ("福岡県", "九州地方整備局"), ("鹿児島県", "九州地方整備局"),
    ("北海道", "北海道開発局"), ("沖縄県", "沖縄総合事務局"),
]


@pytest.mark.parametrize("pref,office", MLIT_REGIONS)
@pytest.mark.parametrize("sup", ["national", "regional"])
def test_mlit_minister_or_bureau_licence_goes_to_the_bureau_of_the_head_office(pref, office, sup):
    o = run(org__sector="real_estate", org__supervisor=sup, org__prefecture=pref, data__sensitive="yes")
    appi = o["appi"]
    assert appi["destination"] == "mlit"
    assert appi["office"] == office
    assert appi["addressee"] == f"{office}長　殿"  # 北海道開発局長・沖縄総合事務局長 too
    assert "国土交通大臣　殿" not in appi["addressee"] and "本省" not in appi["addressee"]
    assert "150条1項・3項" in appi["route_cite"] and "170条" in appi["route_cite"]


def test_mlit_minister_licence_never_goes_to_the_ministry_itself():
    for pref in PREFECTURES:
        o = run(org__sector="real_estate", org__supervisor="national", org__prefecture=pref, data__sensitive="yes")
        assert o["appi"]["office"].endswith(("地方整備局", "北海道開発局", "沖縄総合事務局")), pref


@pytest.mark.parametrize("pref", ["大阪府", "北海道", "沖縄県", "新潟県"])
def test_mlit_prefecture_licence_goes_to_the_governor(pref):
    o = run(org__sector="real_estate", org__supervisor="prefecture", org__prefecture=pref, data__sensitive="yes")
    assert o["appi"]["destination"] == "mlit"
    assert (o["appi"]["office"], o["appi"]["addressee"]) == (pref, f"{pref}知事　殿")
    assert "170条" in o["appi"]["destination_name"]


def test_mlit_unanswered_licensor_takes_the_bureau_and_names_the_governor_alternative():
    o = run(org__sector="real_estate", org__prefecture="新潟県", data__sensitive="yes")
    assert o["appi"]["office"] == "北陸地方整備局"
    assert any("未回答" in w and "知事" in w and "170条" in w for w in o["warnings"])


def test_mlit_unverified_businesses_are_flagged():
    o = run(org__sector="real_estate", org__supervisor="national", data__sensitive="yes")
    assert any("要確認" in w and "建設業" in w and "測量業" in w and "住宅宿泊管理業" in w for w in o["warnings"])


@pytest.mark.parametrize("sup,office,addressee", [("national", "金融庁", "金融庁長官　殿"),
                                                   ("regional", "関東財務局", "関東財務局長　殿"),
                                                   ("prefecture", "新潟県", "新潟県知事　殿")])
def test_fsa_route_cites_150_and_the_order(sup, office, addressee):
    o = run(org__sector="finance", org__supervisor=sup, org__prefecture="新潟県", data__sensitive="yes",
            finance__customer_data="yes")
    assert (o["appi"]["office"], o["appi"]["addressee"]) == (office, addressee)
    cite = o["appi"]["route_cite"]
    assert "150条" in cite and "施行令" in cite and "170条" in cite


# --- dated routes: boundary twins on every date a route changes --------------------------------
def _boundaries():
    out = []
    for r in routing()["routes"]:
        if r.get("effective_to"):
            end = date.fromisoformat(str(r["effective_to"]))
            for s in r["sectors"]:
                out.append((s, end, r["id"]))
    return out


def test_every_dated_route_has_a_successor_the_day_after():
    for sector, end, rid in _boundaries():
        before, after = route_for(routing(), sector, end), route_for(routing(), sector, end + timedelta(days=1))
        assert before is not None and before["id"] == rid
        assert after is not None and after["id"] != rid, (sector, end)


@pytest.mark.parametrize("known,dest,alt,warned", [
    ("2022-03-31", "meti", None, True),    # the 2017 set: the 告示's 別途公表 route is not verified
    ("2022-04-01", "meti", None, False),   # METI page of 2022: 包括・個別信用購入あっせん業者 → METI
    ("2023-02-28", "meti", None, False),
    ("2023-03-01", "ppc", ["meti"], True),  # inside the unverified window: PPC, with a METI draft
    ("2026-11-22", "ppc", ["meti"], True),
    ("2026-11-23", "ppc", None, False),    # METI's current page: report to PPC
])
def test_credit_card_route_is_dated(known, dest, alt, warned):
    o = run(org__sector="credit_card", incident__known_on=known, data__financial="yes")
    appi = o["appi"]
    assert appi["destination"] == dest
    assert appi.get("destination_alternatives") == alt
    window = [w for w in o["warnings"] if "信用購入あっせん業者" in w or "別途公表" in w]
    assert bool(window) is warned
    if alt:
        assert appi["alternative_addressees"] == ["経済産業省商務・サービスグループ商取引監督課　御中"]
        assert known in window[0] and "個人情報保護委員会を報告先" in window[0]


@pytest.mark.parametrize("known,route_id", [("2022-03-31", "route2017.real_estate"),
                                            ("2022-04-01", "route.real_estate")])
def test_real_estate_twin_at_the_2022_switch(known, route_id):
    o = run(org__sector="real_estate", org__supervisor="national", org__prefecture="長野県",
            incident__known_on=known, data__sensitive="yes")
    assert o["appi"]["route"]["id"] == route_id and o["appi"]["office"] == "関東地方整備局"


@pytest.mark.parametrize("known,route_id,dest", [("2022-03-31", "route2017.general", "accredited_body"),
                                                 ("2022-04-01", "route.general", "ppc")])
def test_accredited_body_receives_reports_only_under_the_2017_set(known, route_id, dest):
    o = run(incident__known_on=known, org__accredited_body="一般財団法人日本情報経済社会推進協会",
            data__sensitive="yes", data__self_identifiable_only="no")
    assert o["appi"]["route"]["id"] == route_id
    assert o["appi"]["destination"] == dest


def test_every_sector_has_a_route_on_every_day_from_2017_05_30():
    r = routing()
    day = REGIME_2017
    while day <= date(2027, 12, 31):
        for s in SECTORS:
            assert route_for(r, s, day) is not None, (s, day)
        day += timedelta(days=29)
    assert route_for(r, "general", REGIME_2017 - timedelta(days=1)) is None


def test_routes_cite_primary_texts_never_the_brief():
    for r in routing()["routes"]:
        for key in ("cite", "warning", "source"):
            text = str(r.get(key) or "")
            assert not any(w in text for w in BRIEF_WORDS), (r["id"], key, text)
        assert r["confidence"] in {"V", "V2", "S", "R", "UNSURE"} and r["effective_from"]
        if r["confidence"] == "UNSURE":
            assert r.get("warning"), r["id"]  # an unsure route always tells the user


def test_route_warnings_reach_the_user_without_citing_the_brief():
    for sector in SECTORS:
        for known in ("2019-06-03", "2024-06-03", "2026-12-01"):
            o = run(org__sector=sector, org__supervisor="regional", incident__known_on=known, data__sensitive="yes",
                    data__self_identifiable_only="no")
            for w in o["warnings"]:
                assert not any(b in w for b in BRIEF_WORDS), (sector, known, w)


# --- the loader refuses uncited, undated or overlapping routes ----------------------------------
def _valid():
    return copy.deepcopy(routing())


@pytest.mark.parametrize("key", ["cite", "confidence", "source", "effective_from"])
def test_route_without_citation_tag_source_or_date_is_refused(key):
    r = _valid()
    r["routes"][0].pop(key)
    problems = validate_routing(r)
    assert any(key in p and r["routes"][0]["id"] in p for p in problems), problems


def test_gap_and_overlap_are_refused():
    r = _valid()
    i = next(n for n, x in enumerate(r["routes"]) if x["id"] == "route.credit_card.meti")
    r["routes"][i]["effective_to"] = "2023-02-27"  # one day missing before the window
    assert any("credit_card" in p and "空白又は重なり" in p for p in validate_routing(r))
    r["routes"][i]["effective_to"] = "2023-03-05"  # overlaps the window
    assert any("credit_card" in p for p in validate_routing(r))


def test_unknown_destination_and_sector_are_refused():
    r = _valid()
    r["routes"][0]["destination"] = "mof"
    r["routes"][1]["sectors"] = ["telecoms"]
    problems = validate_routing(r)
    assert any("mof" in p for p in problems) and any("telecoms" in p for p in problems)


def test_shipped_routing_is_valid():
    assert validate_routing(routing()) == []


def test_main_check_fails_on_a_route_without_citation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from wizard.checks import run_checks
    monkeypatch.setenv("ROUEI_CACHE_DIR", "")
    for sub in ("questions", "rules", "templates"):
        shutil.copytree(ROOT / sub, tmp_path / sub)
    f = tmp_path / "rules" / "routing.yaml"
    text = f.read_text(encoding="utf-8")
    start = text.index("  - id: route.telecom\n")
    cite = text.index("    cite:", start)
    f.write_text(text[:cite] + text[text.index("\n", cite) + 1:], encoding="utf-8")
    try:
        problems, _ = run_checks(tmp_path)
    finally:
        load_catalog.cache_clear()
    assert any("route.telecom" in p and "cite" in p for p in problems), problems


def test_destination_is_explained_with_its_route_and_citation():
    o = run(org__sector="real_estate", org__supervisor="national", org__prefecture="長野県", data__sensitive="yes")
    reason = next(r for r in o["reasons"] if r["rule"] == "route.real_estate")
    assert "関東地方整備局長" in reason["text"] and "150条1項・3項" in reason["cite"]
    assert {"org.sector", "org.prefecture", "org.supervisor", "incident.known_on"} <= set(reason["facts"])
    o = run(org__sector="credit_card", incident__known_on="2024-05-01", data__financial="yes")
    reason = next(r for r in o["reasons"] if r["rule"] == "route.credit_card.window")
    assert reason["confidence"] == "UNSURE" and "経済産業省" in reason["text"]
    assert not any(r["rule"].startswith("route") for r in run()["reasons"])  # nothing to report, no route


@pytest.mark.parametrize("pref,warned", [("新潟県", False), ("長野県", False), ("山梨県", False),
                                         ("福井県", True), ("沖縄県", True)])
def test_mlit_region_table_warns_only_where_no_page_was_checked(pref, warned):
    o = run(org__sector="real_estate", org__supervisor="national", org__prefecture=pref, data__sensitive="yes")
    assert any("管轄する地方整備局等" in w and pref in w for w in o["warnings"]) is warned
