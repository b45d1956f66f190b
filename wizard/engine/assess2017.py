"""The appi-2017 rule set (知った日 2017-05-30 to 2022-03-31): the effort-based 告示 regime
(平成29年個人情報保護委員会告示第1号, 平成27年特定個人情報保護委員会告示第2号) — no legal duty
to report under the 個人情報保護法, an effort to report (`effort`) with its exemptions, the old
My Number 重大事態 and small-business test, and the 電気通信事業法28条 report (a legal duty
then too).  A 知った日 before 2017-05-30 is outside every rule set: the outcome says so."""
from __future__ import annotations

from typing import Any

from wizard.domain.facts import FACTS
from wizard.engine import deadlines
from wizard.engine.assess import OUTCOME_FORMAT
from wizard.engine.catalog import Catalog
from wizard.engine.evaluate import Evaluation, suspected
from wizard.engine.routing import REGIME_2017, appi_route, mic_addressee, mic_office, route_reason

NOT_APPLICABLE = {"tri": "no", "bool": False}
KIND_FLAGS = (("leak", "leak"), ("loss", "lost"), ("damage", "damaged"))


def _fill_not_applicable(ev: Evaluation) -> None:
    """A fact the question graph did not ask takes its not-applicable value (SPEC §3 "Not asked is not
    不明"); only an on-path fact left unanswered or answered 「不明」 stays unknown.  Derived values are
    then recomputed."""
    changed = False
    for fid in ev.ruleset.decision_facts():
        if fid in ev.on_path or fid in ev.env:
            continue
        value = NOT_APPLICABLE.get(FACTS[fid].type)
        if value is not None:
            ev.env[fid] = value
            changed = True
    if changed:
        for name, cond in ev.ruleset.derived:
            ev.env[name] = cond(ev.env)


def _first_true(ev: Evaluation, group: str) -> str | None:
    for r in ev.ruleset.group(group, ev.known):
        if ev.value(r) is True:
            ev.reason(r)
            return r.exempt
    return None


def _occurrence(ev: Evaluation) -> tuple[bool, list[str]]:
    kinds: list[str] = []
    for r in ev.ruleset.group("kind", ev.known):
        v = ev.value(r)
        if v is not False and r.kind:
            kinds.append(r.kind)
            ev.reason(r, unknown=v is None)
    occurred = ev.env.get("occurred") is not False
    if not occurred:
        for r in ev.ruleset.group("none", ev.known):
            if ev.value(r) is True:
                ev.reason(r)
    return occurred, kinds


def _notes(ev: Evaluation) -> None:
    for r in ev.ruleset.group("note", ev.known):
        if ev.value(r) is True:
            ev.reason(r)


def _appi_block(**values: Any) -> dict[str, Any]:
    block: dict[str, Any] = {"required": False, "effort": False, "grounds": [], "grounds_uncertain": [],
                             "exempt": None, "destination": None, "destination_name": None, "office": None,
                             "addressee": None, "preliminary": None, "final": None}
    block.update(values)
    return block


def _mn_block() -> dict[str, Any]:
    return {"required": False, "effort": False, "grounds": [], "grounds_uncertain": [], "exempt": None,
            "destination": "ppc", "preliminary": None, "final": None, "serious": False,
            "small_business_exempt": False, "voluntary": False}


def assess_2017(ev: Evaluation, cat: Catalog) -> dict[str, Any]:
    _fill_not_applicable(ev)
    if ev.known < REGIME_2017:
        return _outside(ev)
    occurred, kinds = _occurrence(ev)
    report_rule = ev.ruleset.rule("appi2017.report")
    v = ev.value(report_rule) if occurred else False
    exempt = None
    effort = False
    if v is not False:
        ev.reason(report_rule, unknown=v is None)
        exempt = _first_true(ev, "effort_exempt")
        effort = exempt is None
    elif occurred:
        ev.reason(ev.ruleset.rule("appi2017.not_covered"))
    else:
        ev.reason(ev.ruleset.rule("appi2017.none"))
    appi = _appi_block(effort=effort, exempt=exempt)
    if effort:
        route, warns = appi_route(cat.routing, ev.answers)
        appi.update(route)
        ev.reasons.append(route_reason(appi, ev.on_path))
        for w in warns:
            ev.warn(w)
        ev.reason(ev.ruleset.rule("appi2017.deadline"))
    _notes(ev)
    mn = _mynumber_2017(ev, occurred)
    sector = _sector_2017(ev, cat)
    ev.reason(ev.ruleset.rule("appi2017.notice"))
    docs = []
    if effort:
        docs.append("appi_report")
    if mn["required"] or mn["effort"]:
        docs.append("mynumber_report")
    if sector:
        docs.append("telecom_secrecy_report")
    docs.append("internal_record")
    ev.warn("知った日が令和4年3月31日以前のため、当時の告示（努力義務の報告制度）で判断しました。現在の法律（報告・本人通知の義務）とは異なります。")
    return {
        "format": OUTCOME_FORMAT,
        "ruleset": ev.ruleset.id,
        "incident": {"occurred": occurred, "kinds": kinds if occurred else [],
                     "suspected": suspected(ev, occurred, kinds)},
        "appi": appi,
        "mynumber": mn,
        "notify_subjects": {"required": False, "recommended": occurred, "by": "self"},
        "notify_controller": {"required": False},
        "publication": "optional" if occurred else "not_recommended",
        "sector_reports": sector,
        "documents": docs,
    }


def _sector_2017(ev: Evaluation, cat: Catalog) -> list[dict[str, Any]]:
    """電気通信事業法28条: 通信の秘密の漏えい → the 総合通信局 of the head office (速やかに + 30 days)."""
    out = []
    for r in ev.ruleset.group("sector", ev.known):
        v = ev.value(r)
        if v is False:
            continue
        ev.reason(r, unknown=v is None)
        office = mic_office(cat.routing, ev.answers.get("org.prefecture")) or "（所轄の）総合通信局"
        out.append({"id": r.report, "rule": r.id, "cite": r.cite, "note": r.text, "destination": "mic",
                    "office": office, "addressee": mic_addressee(office), "title": "通信の秘密の漏えいに関する報告",
                    "first_report": "速やかに（電話・電子メール可）", "preliminary": None,
                    "final": deadlines.final_no_rollover(ev.known, 30)})
    return out


def _mynumber_2017(ev: Evaluation, occurred: bool) -> dict[str, Any]:
    block = _mn_block()
    if ev.env.get("mn_included") is False or not occurred:
        return block
    for r in ev.ruleset.group("mn_serious", ev.known):
        sv = ev.value(r)
        if sv is not False:
            block["serious"] = block["required"] = True
            ev.reason(r, unknown=sv is None)
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


def _outside(ev: Evaluation) -> dict[str, Any]:
    """知った日 before 2017-05-30: no rule set of this program applies; say so, claim no report."""
    occurred = ev.env.get("occurred") is not False
    kinds = [k for k, name in KIND_FLAGS if ev.env.get(name) is not False] if occurred else []
    ev.warnings.clear()  # nothing was decided, so no answer 「不明」 decided anything
    ev.reason(ev.ruleset.rule("appi2017.outside"))
    ev.warn("知った日が平成29年5月29日以前のため、このプログラムのどの規則セットも適用されません。当時の各省庁の"
            "分野別ガイドラインによる報告の扱いは判断していません（報告の要否・報告先は当時のガイドラインで確認してください）。")
    if ev.env.get("mn_included") is not False:
        ev.warn("【要確認】特定個人情報については、平成27年特定個人情報保護委員会告示第2号や旧番号法28条の4（重大事態の報告）が"
                "当時も適用されていた可能性がありますが、このプログラムでは判断していません。")
    if ev.answers.get("org.sector") == "telecom":
        ev.warn("【要確認】電気通信事業者の通信の秘密の漏えいには、当時も電気通信事業法28条の報告義務があった可能性があります。"
                "このプログラムでは判断していません。")
    return {
        "format": OUTCOME_FORMAT,
        "ruleset": None,
        "ruleset_title": "規則セットの対象外（平成29年5月29日以前に知った事案）",
        "ruleset_status": "out_of_scope",
        "incident": {"occurred": occurred, "kinds": kinds, "suspected": suspected(ev, occurred, kinds)},
        "appi": _appi_block(),
        "mynumber": _mn_block(),
        "notify_subjects": {"required": False, "recommended": False, "by": "self"},
        "notify_controller": {"required": False},
        "publication": "optional" if occurred else "not_recommended",
        "sector_reports": [],
        "documents": ["internal_record"],
    }

