"""Facts → outcome (SPEC §3).  Every conclusion carries its rule id and citation;
「不明」 takes the branch that protects the persons and says so."""
from __future__ import annotations

from datetime import date
from typing import Any

from wizard.domain.facts import FACTS
from wizard.engine import deadlines
from wizard.engine.catalog import Catalog, load_catalog
from wizard.engine.evaluate import Evaluation, build_env, ground_numbers, suspected
from wizard.engine.incident import Incident, InputError, missing_required
from wizard.engine.routing import appi_route, mic_office, route_reason

REGIME_2022 = date(2022, 4, 1)
RANSOMWARE_FORM = date(2025, 10, 1)
OUTCOME_FORMAT = "rouei-outcome/1"


def choose_ruleset(known: date, draft: bool) -> str:
    if known < REGIME_2022:
        return "appi-2017"
    return "appi-2026-draft" if draft else "appi-2022"


def assess(incident: Incident, today: date | None = None, *, draft: bool = False) -> dict[str, Any]:
    try:
        return assess_answers(incident.answers, today=today, draft=draft)
    except InputError as exc:
        if incident.path is None:
            raise
        raise InputError(f"{incident.path}: {exc}") from None


def assess_answers(answers: dict[str, Any], today: date | None = None, *, draft: bool = False,
                   catalog: Catalog | None = None) -> dict[str, Any]:
    cat = catalog or load_catalog()
    missing = missing_required(answers)
    if missing:
        lines = []
        for fact in missing:
            q = cat.graph.by_fact(fact)
            lines.append(f"  - {fact}（{FACTS[fact].label}）: {q.text if q else ''}")
        raise InputError("判断に必要な回答がありません:\n" + "\n".join(lines))
    known = date.fromisoformat(answers["incident.known_on"])
    if today is not None and known > today:
        raise InputError(f"incident.known_on: 知った日（{known.isoformat()}）が今日（{today.isoformat()}）より後です")
    draft = draft or answers.get("options.ruleset_2026_draft") is True
    rs = cat.rulesets[choose_ruleset(known, draft)]
    ev = build_env(cat, rs, answers, known)
    if rs.id == "appi-2017":
        from wizard.engine.assess2017 import assess_2017
        out = assess_2017(ev, cat)
    else:
        out = _assess_current(ev, cat)
    for w in rs.warnings:
        ev.warn(w)
    out.setdefault("ruleset_title", rs.title)  # a 知った日 before every rule set says so itself (assess2017)
    out.setdefault("ruleset_status", rs.status)
    out["reasons"] = ev.reasons
    out["warnings"] = ev.warnings
    out["today"] = (today or date.today()).isoformat()
    out["known_on"] = known.isoformat()
    out["inapplicable_answers"] = sorted(k for k in answers if k in FACTS and k not in ev.on_path
                                         and not k.startswith("options."))
    return out


def occurrence(ev: Evaluation) -> tuple[bool, list[str]]:
    kinds: list[str] = []
    for r in ev.ruleset.group("kind", ev.known):
        v = ev.value(r)
        if v is not False and r.kind:
            if r.kind not in kinds:
                kinds.append(r.kind)
            ev.reason(r, unknown=v is None)
    occurred = ev.env.get("occurred") is not False
    for r in ev.ruleset.group("none", ev.known):  # what did not happen, and why (true either way)
        if ev.value(r) is True:
            ev.reason(r)
    return occurred, kinds


def _exemption(ev: Evaluation, group: str) -> str | None:
    for r in ev.ruleset.group(group, ev.known):
        v = ev.value(r)
        if v is True:
            ev.reason(r)
            return r.exempt
        if v is None and r.unknown_text:
            facts = ev.deciders(r)
            if facts:
                ev.warn(f"{ev.named(facts)}が「不明」（又は未回答）のため: {r.unknown_text}（{r.cite}）")
    return None


def _grounds(ev: Evaluation, group: str) -> tuple[list[int], list[int]]:
    numbers, uncertain, fired = ground_numbers(ev, group)
    for r in fired:
        v = ev.value(r)
        ev.reason(r, unknown=v is None)
    return numbers, uncertain


def _notes_rules(ev: Evaluation) -> None:
    for r in ev.ruleset.group("note", ev.known):
        if ev.value(r) is True:
            ev.reason(r)


def _appi(ev: Evaluation, cat: Catalog, occurred: bool) -> dict[str, Any]:
    grounds, uncertain = _grounds(ev, "appi_ground") if occurred else ([], [])
    if occurred and not grounds:
        if ev.env.get("personal") is False:
            ev.reason(ev.ruleset.rule("appi.exempt.not_personal_data"))
        else:
            ev.reason(ev.ruleset.rule("appi.r7.none"))
    if ev.env.get("personal") is None and grounds:
        ev.warn("個人データに当たるか「不明」のため、個人データとして扱いました（法16条3項）。")
    exempt = _exemption(ev, "appi_exempt") if grounds else None
    required = bool(grounds) and exempt is None
    block: dict[str, Any] = {"required": required, "grounds": grounds, "grounds_uncertain": uncertain,
                             "exempt": exempt, "destination": None, "destination_name": None, "office": None,
                             "addressee": None, "preliminary": None, "final": None}
    if required:
        route, warns = appi_route(cat.routing, ev.answers)
        block.update(route)
        ev.reasons.append(route_reason(block, ev.on_path))
        for w in warns:
            ev.warn(w)
        block["preliminary"] = deadlines.preliminary(ev.known)
        # 60 days when the event is a 3号 event; a leak that is only おそれ is still within 3号
        # (規則7条「発生したおそれがある事態」), but a 不正の目的 that is only 不明 is not (SPEC §3).
        malice_known = ev.env.get("malicious") in ("yes", True)
        days = 60 if 3 in grounds and malice_known else 30
        block["final"] = deadlines.final(ev.known, days)
        ev.reason(ev.ruleset.rule("appi.r8.preliminary"))
        ev.reason(ev.ruleset.rule("appi.r8.final"))
        if 3 in grounds and not malice_known:
            ev.warn("3号（不正の目的）は「不正の目的をもって行われたおそれがある行為か」が「不明」の回答だけに基づくため、"
                    "確報の日付は30日で計算しました。これは計画上の日付で、法定の期限ではありません（不正の目的によるおそれが"
                    "確認されれば3号の事態として60日以内、そうでなければ他の号に当たる場合に30日以内: 規則8条2項）。"
                    "迷うときは早めに報告してください。")
    return block


def _mynumber(ev: Evaluation) -> dict[str, Any]:
    included = ev.env.get("mn_included")
    block: dict[str, Any] = {"required": False, "grounds": [], "grounds_uncertain": [], "exempt": None,
                             "destination": "ppc", "preliminary": None, "final": None, "voluntary": False}
    if included is False:
        return block
    if included is None:
        ev.warn("マイナンバーを含むか「不明」のため、含むものとして判断しました（PPCの振り分け問1の案内）。")
    grounds, uncertain = _grounds(ev, "mn_ground")
    exempt = _exemption(ev, "mn_exempt") if grounds else None
    required = bool(grounds) and exempt is None
    block.update({"required": required, "grounds": grounds, "grounds_uncertain": uncertain, "exempt": exempt})
    if required:
        block["preliminary"] = deadlines.preliminary(ev.known)
        certain_malice = ev.env.get("malicious") in ("yes", True) or ev.env.get("mynumber.misuse") == "yes"
        days = 60 if 2 in grounds and certain_malice else 30
        block["final"] = deadlines.final(ev.known, days)
        ev.reason(ev.ruleset.rule("mn.r3.final"))
        if 2 in grounds and not certain_malice:
            ev.warn("番号法規則2条2号（不正の目的）が「不明」の回答だけに基づくため、特定個人情報の確報の日付は30日で計算しました。"
                    "これは計画上の日付で、法定の期限ではありません（不正の目的が確認されれば60日以内: 番号法規則3条2項）。")
    elif not grounds and ev.env.get("protected") is not True:
        for r in ev.ruleset.group("mn_voluntary", ev.known):
            if ev.value(r) is not False:
                block["voluntary"] = True
                ev.reason(r)
    return block


def _sector(ev: Evaluation, cat: Catalog, appi: dict[str, Any], mn: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    pref = ev.answers.get("org.prefecture")
    for r in ev.ruleset.group("sector", ev.known):
        v = ev.value(r)
        if v is False:
            continue
        ev.reason(r, unknown=v is None)
        entry: dict[str, Any] = {"id": r.report, "rule": r.id, "cite": r.cite, "note": r.text,
                                 "preliminary": None, "final": None}
        if r.report in ("telecom_secrecy", "telecom_specific_user_info"):
            office = mic_office(cat.routing, pref) or "（所轄の）総合通信局"
            head = "沖縄総合通信事務所長" if office == "沖縄総合通信事務所" else f"{office}長"
            entry.update({"destination": "mic", "office": office, "addressee": f"{head}　殿",
                          "first_report": "速やかに（電話・電子メール可）",
                          "final": deadlines.final_no_rollover(ev.known, 30)})
            entry["title"] = ("通信の秘密の漏えいに関する報告" if r.report == "telecom_secrecy"
                              else "特定利用者情報の漏えいに関する報告")
        elif r.report == "finance_sector_law":
            route, _ = appi_route(cat.routing, {**ev.answers, "org.sector": "finance"})
            entry.update({"destination": "fsa", "office": route["office"], "addressee": route["addressee"],
                          "title": "業法に基づく顧客情報の漏えい等の報告",
                          "preliminary": deadlines.preliminary(ev.known), "first_report": "速やかに（概ね3〜5日以内）"})
        elif r.report == "accredited_body":
            entry.update({"destination": None, "office": ev.answers.get("org.accredited_body"), "addressee": None,
                          "title": "認定個人情報保護団体への連絡（指針を確認）", "advisory": True})
        elif r.report == "pmark":
            days = 60 if ev.env.get("malicious") in ("yes", True) else 30
            serious = bool(appi["grounds"] or mn["grounds"])
            entry.update({"destination": "pmark", "office": "Pマークポータル（審査機関・JIPDEC）", "addressee": None,
                          "title": "プライバシーマーク 事故等の報告",
                          "preliminary": deadlines.preliminary(ev.known) if serious else None,
                          "final": deadlines.final_no_rollover(ev.known, days)})
        out.append(entry)
    return out


def _publication(ev: Evaluation, appi: dict[str, Any], mn: dict[str, Any]) -> str:
    ev.reason(ev.ruleset.rule("appi.gl.publication"))
    if not (appi["required"] or mn["required"]):
        return "not_recommended"
    if ev.answers.get("response.notice_method") == "public":
        return "substitute"
    subjects = ev.env.get("data.subjects") or 0
    if subjects > 1000 or 2 in appi["grounds"] or ev.env.get("incident.cause") == "skimming":
        return "recommended"
    return "optional"


def _notes(ev: Evaluation, appi: dict[str, Any], mn: dict[str, Any], occurred: bool) -> None:
    env = ev.env
    cause = env.get("incident.cause")
    if cause == "ransomware" and ev.known >= RANSOMWARE_FORM:
        ev.warn("ランサムウェア事案は、関係省庁申合せの「ランサムウェア事案共通様式」（令和7年10月1日以降）を使い、"
                "個人情報保護委員会・所管省庁・警察へ同一内容で報告できます。")
    if appi["required"] and mn["required"]:
        ev.warn("【要確認】PPCの特定個人情報の報告フォームで個人情報保護法26条の報告も兼ねられるかは確認できていません"
                "（兼ねられない場合は別途報告）。報告先が異なる業種では両方に報告してください。")
    if cause == "insider":
        ev.warn("【要確認】知った日は、いずれかの部署が事態を知った日です（通則GL 3-5-3-3）。不正を行った従業者本人が知っていた"
                "ことは含めない扱いは、行政機関等向けQ&A 3-4-1からの類推で、民間事業者について明示されたものではありません。")
    items = " ".join(env.get("data.items") or [])
    if "口座" in items and env.get("data.financial") != "yes":
        ev.warn("【要確認】銀行口座番号だけの漏えいが規則7条2号に当たるかは、財産的被害が発生する蓋然性を考慮して判断する"
                "とされ（通則GL 3-5-3-1(2)）、漏えいについて明示した例は見当たりません。報告先に確認してください。")
    if ev.answers.get("report.stage") == "final" and not occurred:
        ev.warn("【要確認】速報後に漏えい等がなかったと判明した場合の取下げの手続は示されていません。確報で調査結果（漏えい等なし）を"
                "報告する実務に従ってください。本人通知は不要になります（通則GL 3-5-4-3）。")
    if env.get("org.sector") == "medical" and cause in ("ransomware", "malware", "unauthorized_access"):
        ev.warn("【要確認】医療機関のサイバー攻撃事案は、厚生労働省の医療情報システムの安全管理ガイドラインに基づく連絡も求められます（未確認）。")


def _current_documents(appi: dict[str, Any], mn: dict[str, Any], sector: list[dict[str, Any]],
                       notify: bool, controller: bool, publication: str) -> list[str]:
    docs = []
    if appi["required"]:
        docs.append("appi_report")
    if mn["required"] or mn.get("voluntary"):
        docs.append("mynumber_report")
    ids = {s["id"] for s in sector}
    if ids & {"telecom_secrecy", "telecom_specific_user_info"}:
        docs.append("telecom_secrecy_report")
    if "finance_sector_law" in ids:
        docs.append("finance_report")
    if notify:
        docs.append("subject_notice")
    if publication in ("recommended", "substitute"):
        docs.append("public_notice")
    if controller:
        docs.append("controller_notice")
    docs.append("internal_record")
    return docs


def _assess_current(ev: Evaluation, cat: Catalog) -> dict[str, Any]:
    occurred, kinds = occurrence(ev)
    appi = _appi(ev, cat, occurred)
    _notes_rules(ev)
    mn = _mynumber(ev)
    processor_exempt = "processor_notified" in (appi["exempt"], mn["exempt"])
    notify = appi["required"] or mn["required"]
    if appi["required"]:
        ev.reason(ev.ruleset.rule("appi.r10"))
    if mn["required"]:
        ev.reason(ev.ruleset.rule("mn.r5"))
    controller = ev.env.get("incident.role") == "processor" and bool(appi["grounds"] or mn["grounds"])
    if controller:
        ev.reason(ev.ruleset.rule("appi.r9.controller"))
    sector = _sector(ev, cat, appi, mn)
    publication = _publication(ev, appi, mn)
    _notes(ev, appi, mn, occurred)
    return {
        "format": OUTCOME_FORMAT,
        "ruleset": ev.ruleset.id,
        "incident": {"occurred": occurred, "kinds": kinds if occurred else [],
                     "suspected": suspected(ev, occurred, kinds)},
        "appi": appi,
        "mynumber": mn,
        "notify_subjects": {"required": notify, "by": "controller" if processor_exempt else "self"},
        "notify_controller": {"required": controller},
        "publication": publication,
        "sector_reports": sector,
        "documents": _current_documents(appi, mn, sector, notify, controller, publication),
    }
