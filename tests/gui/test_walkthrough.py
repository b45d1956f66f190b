"""Five public scenarios walked end to end through the real pages; the result
page must show what the engine (`assess`) decides for the same answers."""
from __future__ import annotations

from typing import Any

import pytest
from gui_support import TODAY, scenario
from gui_walk import click_next, walk

from wizard.domain.dates import format_date
from wizard.engine.session import Session
from wizard.gui.result_text import RAW_ID

CASES = ["S04", "S15", "S35", "S42", "S48-stolen", "S49"]
COMPARED = ("ruleset", "incident", "appi", "mynumber", "notify_subjects", "notify_controller",
            "publication", "sector_reports", "documents")


def dig(outcome: dict[str, Any], dotted: str) -> Any:
    v: Any = outcome
    for part in dotted.split("."):
        v = v[part] if v is not None else None
    return v


@pytest.mark.parametrize("case", CASES)
def test_scenario_walk_matches_assess(qtbot: Any, make_window: Any, case: str) -> None:
    sc = scenario(case)
    answers = sc["incident"]["answers"]
    w = make_window()
    seen = walk(qtbot, w, answers)
    assert w.current == "review"
    assert seen[0] == "org_identity"
    on_path = {q.fact for q in w.session.path()}
    for fact, value in answers.items():  # every scenario answer on the path went in through a widget
        if fact in on_path and value is not None:
            assert w.session.answers[fact] == value, fact
    assert not w.review_page.missing.isVisible()

    click_next(qtbot, w)  # 確認 → 結果
    assert w.current == "result"
    gui = w.session.outcome(today=TODAY)
    engine = Session(answers).outcome(today=TODAY)
    for key in COMPARED:
        assert gui[key] == engine[key], key
    for dotted, want in sc["expect"].items():
        if dotted.startswith("sector_reports."):
            assert sorted(r["id"] for r in gui["sector_reports"]) == sorted(want) or \
                set(want) <= {r["id"] for r in gui["sector_reports"]}
        else:
            assert dig(gui, dotted) == want, dotted

    text = w.result_page.browser.toPlainText()
    appi = gui["appi"]
    if appi["required"]:
        assert "報告が必要です" in text
        assert appi["office"] in text
        for d in (appi["preliminary"]["target"], appi["preliminary"]["limit"],
                  appi["final"]["legal_deadline"], appi["final"]["recommended"]):
            assert format_date(d, era=True, weekday=True) in text
        assert "、".join(f"{n}号" for n in appi["grounds"]) in text
    if gui["mynumber"]["required"]:
        assert "特定個人情報の漏えい等の報告" in text
        assert format_date(gui["mynumber"]["final"]["legal_deadline"], era=True, weekday=True) in text
    for r in gui["reasons"]:
        assert r["cite"] in text
    for warning in gui["warnings"]:  # word for word; a raw id in brackets only in small grey type
        assert RAW_ID.sub(r" \1", warning) in text
    for sr in gui["sector_reports"]:
        assert (sr.get("title") or "") in text
    assert set(w.result_page.copy_buttons) == {"概要", "項目", "本人の数", "原因", "二次被害", "本人への対応",
                                               "公表", "再発防止", "その他"}
