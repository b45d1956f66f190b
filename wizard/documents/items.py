"""Item texts shared by the regulator reports (the order of 別記様式第一; 規則8条1項 items)."""
from __future__ import annotations

import re
from typing import Any

from wizard.domain.facts import NOTICE_METHODS, POLICE, PUBLICATION_METHODS, SUBJECT_STATUS

from .fmt import Fmt, box, is_blank

APPI_GROUNDS = {
    1: "第1号　要配慮個人情報が含まれる個人データの漏えい等（そのおそれを含む。）",
    2: "第2号　不正に利用されることにより財産的被害が生じるおそれがある個人データの漏えい等",
    3: "第3号　不正の目的をもって行われたおそれがある行為による個人データ（取得し、又は取得しようとして"
       "いる個人情報であって個人データとして取り扱われることが予定されているものを含む。）の漏えい等",
    4: "第4号　個人データに係る本人の数が千人を超える漏えい等",
}
MYNUMBER_GROUNDS = {
    1: "第1号　情報提供ネットワークシステム等（イ・ロ・ハ）で管理される特定個人情報の漏えい等",
    2: "第2号　不正の目的をもって行われたおそれがある特定個人情報の漏えい等、又は不正の目的をもって"
       "特定個人情報が利用され、若しくは提供された事態（そのおそれを含む。）",
    3: "第3号　電磁的方法により不特定多数の者に閲覧され、又は閲覧されるおそれがある事態",
    4: "第4号　特定個人情報に係る本人の数が百人を超える事態",
}
EXEMPT = {
    "encryption": "高度な暗号化その他の個人の権利利益を保護するために必要な措置が講じられているため、報告対象外",
    "processor_notified": "委託元へ通知したため、委託先としての報告義務は免除（法26条1項ただし書）",
    "pseudonymized": "仮名加工情報である個人データのため、法26条の適用なし",
    "not_personal_data": "個人データに当たらないため、法26条の適用なし",
    "not_substantial": "実質的に外部に漏えいしていないと判断される（平成29年告示）",
    "minor_misdelivery": "誤送信・誤配のうち軽微なもの（平成29年告示）",
}
BUSINESS = {"general": "", "medical": "医療・介護", "telecom": "電気通信事業", "broadcast": "放送事業",
            "postal": "郵便・信書便事業", "finance": "金融業", "credit_bureau": "指定信用情報機関・認定割賦販売協会",
            "credit_card": "信用購入あっせん業", "real_estate": "不動産業"}
STAGE_TEXT = {"preliminary": "速報", "final": "確報", "combined": "速報兼確報"}


def stage_line(stage: str, followup: bool, previous: str | None) -> str:
    first = box(stage in ("preliminary", "combined"), "速報") + "　" + box(stage in ("final", "combined"), "確報")
    if stage == "combined":
        first += "（速報兼確報）"
    return first + "\n" + kind_line(followup, previous)


def kind_line(followup: bool, previous: str | None) -> str:
    if not followup:
        return "新規報告"
    return f"続報（前回報告：{previous or '日付未記入'}）"


def grounds_text(table: dict[int, str], grounds: list[int], exempt: str | None) -> str:
    lines = [box(n in grounds, t) for n, t in table.items()]
    if exempt:
        lines.append(f"（{EXEMPT.get(exempt, exempt)}）")
    return "\n".join(lines)


def timeline_lines(f: Fmt) -> list[str]:
    """response.timeline: one event a line, optionally starting with YYYY-MM-DD."""
    out = []
    for raw in str(f.a.get("response.timeline") or "").split("\n"):
        line = raw.strip()
        if not line:
            continue
        m = re.match(r"^(\d{4}-\d{2}-\d{2})[\s　:：]*(.*)$", line)
        out.append(f"{f.date(m.group(1))}　{m.group(2)}" if m else line)
    return out


def overview(f: Fmt) -> str:
    """概要 as a dated timeline (発生, 発覚, 発見者, 経緯), then the summary (別記様式第一「概要」)."""
    a = f.a
    occurred = f.date(a.get("incident.occurred_on")) if a.get("incident.occurred_on") else f.pending()
    place = a.get("incident.location")
    lines = [f"発生日：{occurred}" + (f"（発生場所：{place}）" if not is_blank(place) else ""),
             f"発覚日（知った日）：{f.date(a.get('incident.known_on'))}"]
    who = a.get("response.discoverer")
    if not is_blank(who):
        lines.append(f"発見者：{who}")
    lines.append(f"発覚の経緯：{f.text('incident.discovery')}")
    events = timeline_lines(f)
    if events:
        lines.append("経過：")
        lines += [f"　{e}" for e in events]
    lines.append(f"事案の概要：{f.text('incident.summary')}")
    if a.get("incident.role") == "processor":
        ctrl = a.get("incident.controller_name")
        lines.append("委託関係：当社は、" + (f"{ctrl}から" if not is_blank(ctrl) else "") +
                     "委託を受けて当該個人データを取り扱う委託先です。")
    return "\n".join(lines)


def kinds(outcome: dict[str, Any]) -> str:
    inc = outcome.get("incident") or {}
    k = inc.get("kinds") or []
    line = "　".join([box("leak" in k, "漏えい"), box("loss" in k, "滅失"), box("damage" in k, "毀損")])
    if inc.get("suspected"):
        line += "\n（いずれも発生したおそれがある事態を含む。）"
    return line


def data_items(f: Fmt, subject: str = "個人データ") -> str:
    a = f.a
    if subject == "特定個人情報":
        mn_items = a.get("mynumber.items")
        kinds_ = a.get("mynumber.subject_kinds")
        lines = [f"特定個人情報の項目：{'、'.join(map(str, mn_items)) if mn_items else '個人番号（その他の項目は' + f.pending() + '）'}",
                 f"本人の属性：{'、'.join(map(str, kinds_)) if kinds_ else f.text('data.subject_kinds')}",
                 f"媒体：{f.text('data.medium')}"]
        return "\n".join(lines)
    lines = [
        f"{subject}の項目：{f.items()}",
        f"本人の属性：{f.text('data.subject_kinds')}",
        f"媒体：{f.text('data.medium')}",
        "要配慮個人情報：" + f.tri("data.sensitive", "含む", "含まない"),
    ]
    if a.get("data.financial") == "yes":
        lines.append("不正に利用されることにより財産的被害が生じるおそれのある情報：含む")
    if a.get("org.sector") == "broadcast" or "broadcast.viewing_history" in a:
        lines.append("視聴履歴：" + f.tri("broadcast.viewing_history", "含む", "含まない"))
    if a.get("data.being_acquired"):
        lines.append("取得中又は取得予定の個人情報（個人データとして取り扱う予定のもの）を含む。")
    if a.get("data.encryption") == "yes":
        lines.append("暗号化等の措置：講じていた")
    return "\n".join(lines)


def cause(f: Fmt) -> str:
    detail = f.a.get("response.cause_detail")
    return f"{f.cause_label()}\n" + (str(detail) if not is_blank(detail) else f.pending())


def secondary_status(a: dict[str, Any]) -> str | None:
    """response.secondary_status, else read from the regulator text (an answer must tick a box)."""
    status = a.get("response.secondary_status")
    if status in ("yes", "no", "unknown"):
        return str(status)
    text = str(a.get("response.secondary_damage") or "").strip()
    if not text:
        return None
    if re.search(r"調査中|不明|確認中", text):
        return "unknown"
    return "no" if re.search(r"(?:ない|なし|無し|ありません|おりません)[。]?$", text) else "yes"


def secondary(f: Fmt) -> str:
    """有／無 with the content (規則8条1項5号)."""
    status = secondary_status(f.a)
    text = f.a.get("response.secondary_damage")
    line = "　".join([box(status == "yes", "有"), box(status == "no", "無"),
                     box(status not in ("yes", "no"), "調査中")])
    if not is_blank(text):
        return f"{line}\n{text}"
    return f"{line}\n" + ("" if status == "no" else f.pending()).strip()


def subject_response(f: Fmt) -> str:
    a = f.a
    status = a.get("response.subject_status")
    when = a.get("response.subject_date")
    if status not in SUBJECT_STATUS:
        status = "planned" if a.get("response.notice_method") else "undecided"
    line = "　".join([box(status == "done", "対応済"), box(status == "planned", "対応予定"),
                     box(status == "undecided", "未定")])
    method = NOTICE_METHODS.get(str(a.get("response.notice_method")), "")
    parts = [line]
    if method:
        parts.append(f"方法：{method}" + (f"（{f.date(when)}{'' if status == 'done' else '予定'}）" if when else ""))
    value = a.get("response.subject_response")
    if not is_blank(value):
        parts.append(str(value))
    elif status == "undecided":
        parts.append(f.pending("検討中"))
    return "\n".join(parts)


def publication_status(a: dict[str, Any]) -> str:
    """response.publication_status, else read from the free text (an answer must tick a box)."""
    status = a.get("response.publication_status")
    if status in ("done", "planned", "none", "undecided"):
        return str(status)
    text = str(a.get("response.publication") or "")
    if not text.strip():
        return "undecided"
    if re.search(r"しない|行わない|なし|見送|控える", text):
        return "none"
    if re.search(r"検討|未定", text):
        return "undecided"
    return "done" if re.search(r"済|しました|した。|掲載した", text) else "planned"


def publication_method(a: dict[str, Any]) -> str:
    method = a.get("response.publication_method")
    if method in PUBLICATION_METHODS:
        return str(method)
    text = str(a.get("response.publication") or "")
    for pattern, key in (("記者クラブ", "press_club"), ("記者会見", "press"), ("ウェブ|ホームページ|HP|サイト", "website")):
        if re.search(pattern, text):
            return key
    return "other" if text.strip() else ""


def publication(f: Fmt) -> str:
    """あり（予定を含む。）／なし／未定, 公表（予定）日, 方法 (別記様式第一「公表の実施状況」; 平成29年の報告書様式 ⑧)."""
    a = f.a
    status = publication_status(a)
    when = a.get("response.publication_date")
    method = publication_method(a)
    yes = status in ("done", "planned")
    line = "　".join([box(yes, "あり（予定を含む。）"), box(status == "none", "なし"),
                     box(not yes and status != "none", "未定")])
    parts = [line]
    if yes:
        parts.append(f"公表{'' if status == 'done' else '（予定）'}日：{f.date(when) if when else '未定'}")
        parts.append("公表方法：" + "　".join(box(method == k, v) for k, v in PUBLICATION_METHODS.items()))
    value = a.get("response.publication")
    if not is_blank(value):
        parts.append(str(value))
    elif not yes and status != "none":
        parts.append(f.pending("検討中"))
    return "\n".join(parts)


def prevention(f: Fmt) -> str:
    """実施済みの措置／今後実施予定の措置（時期）."""
    a = f.a
    done, planned = a.get("response.prevention"), a.get("response.prevention_planned")
    on = a.get("response.prevention_planned_on")
    if is_blank(done) and is_blank(planned):
        return f.pending("検討中")
    parts = []
    if not is_blank(done):
        parts.append(f"実施済みの措置：{done}" if not is_blank(planned) else str(done))
    if not is_blank(planned):
        parts.append(f"今後実施予定の措置：{planned}" + (f"（{f.date(on)}までに実施予定）" if on else ""))
    return "\n".join(parts)


def other(f: Fmt, outcome: dict[str, Any], *, sector_lines: bool = True, mynumber: bool = False) -> str:
    """その他参考となる事項: other reports (authorities, police), 委託関係, the user's own text."""
    a = f.a
    lines: list[str] = []
    if sector_lines:
        for sr in outcome.get("sector_reports") or []:
            if sr.get("id") in ("telecom_secrecy", "telecom_specific_user_info", "finance_sector_law") and sr.get("office"):
                lines.append(f"他の行政機関への報告：{sr.get('title') or sr.get('id')}（{sr['office']}）")
    appi, mn = outcome.get("appi") or {}, outcome.get("mynumber") or {}
    if mn.get("required") and appi.get("required") and outcome.get("ruleset") != "appi-2017":
        if mynumber:
            where = appi.get("office") or appi.get("destination_name") or "個人情報保護委員会"
            lines.append(f"個人情報保護法第26条第1項に基づく報告：{where}")
        else:
            lines.append("番号法第29条の4第1項に基づく報告：個人情報保護委員会")
    police = POLICE.get(str(a.get("response.police")))
    if police:
        lines.append(f"警察への相談・届出：{police}")
    value = a.get("response.other")
    if not is_blank(value):
        lines.append(str(value))
    return "\n".join(lines) if lines else "特になし"


def sender(f: Fmt) -> list[dict[str, str]]:
    a = f.a
    tel, mail = f.org("phone"), f.org("email")
    contact = "\n".join(x for x in (f"TEL：{tel}" if tel else "", f"E-mail：{mail}" if mail else "") if x)
    body = a.get("org.accredited_body")
    sector = BUSINESS.get(str(a.get("org.sector")), "")
    missing = "（未記入）"
    return [
        {"label": "事業者名", "value": f.org("name", missing)},
        {"label": "代表者", "value": f.org("representative", missing)},
        {"label": "所在地", "value": f.org("address", missing)},
        {"label": "担当部署", "value": f.org("department", missing)},
        {"label": "担当者", "value": f.org("contact_person", missing)},
        {"label": "連絡先", "value": contact or missing},
        {"label": "業種", "value": f.org("business_type", sector) or missing},
        {"label": "認定個人情報保護団体への加入", "value": f"有（団体名：{body}）" if body else "無"},
    ]


def addressee(outcome: dict[str, Any], section: str = "appi", fallback_ppc: bool = True) -> str:
    """「○○　殿」 for a position holder, 「○○　御中」 for an organisation — never both."""
    part = outcome.get(section) or {}
    given = part.get("addressee")
    if given:
        return str(given)
    office = part.get("office")
    dest = part.get("destination")
    if dest == "ppc" or (dest is None and fallback_ppc):
        return "個人情報保護委員会　御中"
    return office_addressee(office or part.get("destination_name") or "")


def office_addressee(office: str) -> str:
    if not office:
        return "（報告先）　御中"
    if office.endswith(("殿", "御中")):
        return office
    if office == "金融庁":
        return "金融庁長官　殿"
    if office.endswith(("局", "事務所", "支局")):
        return f"{office}長　殿"
    if office.endswith(("都", "道", "府", "県")):
        return f"{office}知事　殿"
    if office.endswith("委員会"):
        return f"{office}　御中"
    return f"{office}　殿"
