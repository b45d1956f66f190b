"""The appi-2017 rule set (知った日 before 2022-04-01): the effort-based 告示 regime
(平成29年個人情報保護委員会告示第1号, 平成27年特定個人情報保護委員会告示第2号) — no legal duty to report, but an effort to report (`effort`),
its two exemptions, and the old My Number small-business test and 重大事態."""
from __future__ import annotations

from typing import Any

from wizard.engine.assess import OUTCOME_FORMAT, occurrence
from wizard.engine.catalog import Catalog
from wizard.engine.evaluate import Evaluation
from wizard.engine.routing import appi_route


def _first_true(ev: Evaluation, group: str) -> str | None:
    for r in ev.ruleset.group(group, ev.known):
        if ev.value(r) is True:
            ev.reason(r)
            return r.exempt
    return None


def assess_2017(ev: Evaluation, cat: Catalog) -> dict[str, Any]:
    occurred, kinds = occurrence(ev)
    report_rule = ev.ruleset.rule("appi2017.report")
    v = ev.value(report_rule) if occurred else False
    exempt = None
    effort = False
    if v is not False:
        ev.reason(report_rule, unknown=v is None)
        exempt = _first_true(ev, "effort_exempt")
        effort = exempt is None
    elif not occurred:
        ev.reason(ev.ruleset.rule("appi2017.none"))
    appi: dict[str, Any] = {"required": False, "effort": effort, "grounds": [], "grounds_uncertain": [],
                            "exempt": exempt, "destination": None, "destination_name": None, "office": None,
                            "addressee": None, "preliminary": None, "final": None}
    if effort:
        route, warns = appi_route(cat.routing, ev.answers)
        body = ev.answers.get("org.accredited_body")
        if ev.answers.get("org.sector") not in ("telecom", "broadcast", "postal", "finance", "real_estate",
                                                 "credit_bureau") and body:
            route.update({"destination": "accredited_body", "destination_name": body, "office": body,
                          "addressee": f"{body}　御中"})
        if ev.answers.get("org.sector") == "broadcast" and body and "放送セキュリティセンター" in body:
            route.update({"destination": "accredited_body", "destination_name": body, "office": body,
                          "addressee": f"{body}　御中"})
        route.pop("destination_alternatives", None)
        appi.update(route)
        ev.reason(ev.ruleset.rule("appi2017.deadline"))
    mn = _mynumber_2017(ev, occurred)
    ev.reason(ev.ruleset.rule("appi2017.notice"))
    docs = []
    if effort:
        docs.append("appi_report")
    if mn["required"] or mn["effort"]:
        docs.append("mynumber_report")
    docs.append("internal_record")
    ev.warn("知った日が令和4年3月31日以前のため、当時の告示（努力義務の報告制度）で判断しました。現在の法律（報告・本人通知の義務）とは異なります。")
    return {
        "format": OUTCOME_FORMAT,
        "ruleset": ev.ruleset.id,
        "incident": {"occurred": occurred, "kinds": kinds if occurred else [], "suspected": ev.env.get("occurred") is None},
        "appi": appi,
        "mynumber": mn,
        "notify_subjects": {"required": False, "recommended": occurred, "by": "self"},
        "notify_controller": {"required": False},
        "publication": "optional" if occurred else "not_recommended",
        "sector_reports": [],
        "documents": docs,
    }


def _mynumber_2017(ev: Evaluation, occurred: bool) -> dict[str, Any]:
    block: dict[str, Any] = {"required": False, "effort": False, "grounds": [], "grounds_uncertain": [],
                             "exempt": None, "destination": "ppc", "preliminary": None, "final": None,
                             "serious": False, "small_business_exempt": False, "voluntary": False}
    if ev.env.get("mn_included") is False or not occurred:
        return block
    serious_rule = ev.ruleset.rule("mn2017.serious")
    sv = ev.value(serious_rule)
    if sv is not False:
        block["serious"] = True
        block["required"] = True
        ev.reason(serious_rule, unknown=sv is None)
    small = ev.ruleset.rule("mn2017.small_business")
    if not block["serious"] and ev.value(small) is True:
        block["small_business_exempt"] = True
        block["exempt"] = "small_business"
        ev.reason(small)
        return block
    effort_rule = ev.ruleset.rule("mn2017.report")
    if ev.value(effort_rule) is not False:
        block["effort"] = True
        ev.reason(effort_rule)
    return block
