"""The two MIC broadcasting report forms of the appi-2017 rule set (総合通信局長 宛; 平成29年告示 era).

Labels are those of the MIC broadcasting forms (総務省 放送分野の漏えい等報告の案内, 平成29年):
11 items for 個人データ, 10 items for 特定個人情報.
"""
from __future__ import annotations

from typing import Any

from . import items as it
from .fmt import Fmt, box
from .reports import ReportMeta, _base


def _facts_2017(o: dict[str, Any], mynumber: bool) -> str:
    inc = o.get("incident") or {}
    k = inc.get("kinds") or []
    suspected = bool(inc.get("suspected"))
    if mynumber:
        return "　".join([box("leak" in k, "漏えい"), box("loss" in k, "滅失"), box("damage" in k, "毀損")])
    return "　".join([box("leak" in k and not suspected, "漏えい"), box("leak" in k and suspected, "漏えいのおそれ"),
                     box("loss" in k, "滅失"), box("damage" in k, "毀損")])


def _publication_2017(f: Fmt) -> str:
    """⑧公表（予定）: 【事案の公表】 and 【公表方法】 boxes from the structured answer (平成29年の報告書様式)."""
    a = f.a
    status = it.publication_status(a)
    method = it.publication_method(a)
    when = a.get("response.publication_date")
    yes = status in ("done", "planned")
    date_text = f.date(when) if (yes and when) else "　　年　月　日"
    lines = ["【事案の公表】" + "　".join([box(yes, f"あり（予定も含む。）　公表（予定）{date_text}"),
                                        box(status == "none", "なし"), box(not yes and status != "none", "未定")]),
             "【公表方法】" + "　".join([box(yes and method == "website", "HPに掲載"),
                                     box(yes and method == "press", "記者会見"),
                                     box(yes and method == "press_club", "記者クラブ等への資料配布"),
                                     box(yes and method == "other", "その他（　）")])]
    text = a.get("response.publication")
    if text:
        lines.append(str(text))
    elif not yes and status != "none":
        lines.append(f.pending("検討中"))
    return "\n".join(lines)


def _overview_2017(f: Fmt) -> str:
    """発覚日 / 発生日 first (the 2017 form's order), then place, finder, history and summary."""
    a = f.a
    occurred = f.date(a.get("incident.occurred_on")) if a.get("incident.occurred_on") else f.pending()
    rest = it.overview(f).split("\n")[2:]
    place = a.get("incident.location")
    head = [f"発覚日：{f.date(a.get('incident.known_on'))}　発生日：{occurred}"]
    if place:
        head.append(f"発生場所：{place}")
    return "\n".join(head + rest)


def _addressee_2017(o: dict[str, Any]) -> str:
    appi = o.get("appi") or {}
    if appi.get("addressee"):
        return str(appi["addressee"])
    if appi.get("office"):
        return it.office_addressee(str(appi["office"]))
    return "個人情報保護委員会　御中"


def appi_report_2017(f: Fmt, o: dict[str, Any], meta: ReportMeta) -> dict[str, Any]:
    rows = [
        ("①報告種別", it.kind_line(meta.followup, meta.previous_date)),
        ("②事案の概要", _overview_2017(f)),
        ("③発生事実", _facts_2017(o, False)),
        ("④漏えい、滅失又は毀損した情報の内容", it.data_items(f, "情報")),
        ("⑤漏えい、滅失又は毀損した情報に係る本人の数", f.count()),
        ("⑥発生原因", it.cause(f)),
        ("⑦二次被害（そのおそれを含む。）の有無（被害がある場合はその内容）", it.secondary(f)),
        ("⑧公表（予定）", _publication_2017(f)),
        ("⑨本人への対応等", it.subject_response(f)),
        ("⑩再発防止策等", it.prevention(f)),
        ("⑪その他", it.other(f, o)),
    ]
    return _base(f, "個人データの漏えい等事案の報告について", _addressee_2017(o), "下記のとおり報告します。", rows)


def mynumber_report_2017(f: Fmt, o: dict[str, Any], meta: ReportMeta, to_ppc: bool = False) -> dict[str, Any]:
    """The 2017 form; `to_ppc`: the 重大事態 report made directly to 個人情報保護委員会 as well (総務省 放送分野の報告の案内、平成29年)."""
    mn = o.get("mynumber") or {}
    serious = bool(mn.get("serious") or mn.get("required"))
    types = [it.MYNUMBER_GROUNDS[g] for g in mn.get("grounds") or [] if g in it.MYNUMBER_GROUNDS]
    serious_text = box(serious, "該当する") + "・" + box(not serious, "該当しない")
    if serious and types:
        serious_text += "\n" + "\n".join(types)
    count_id = "mynumber.subjects" if f.a.get("mynumber.subjects") is not None else "data.subjects"
    rows = [
        ("①報告種別", it.kind_line(meta.followup, meta.previous_date)),
        ("②重大事態（そのおそれのある事案を含む。）の該当の有無", serious_text),
        ("③事案の概要", _overview_2017(f)),
        ("④発生事実", _facts_2017(o, True)),
        ("⑤漏えい、滅失又は毀損した情報の内容", it.data_items(f, "特定個人情報")),
        ("⑥漏えい、滅失又は毀損した特定個人情報に係る本人の数", f.count(count_id)),
        ("⑦公表（予定）", _publication_2017(f)),
        ("⑧本人への対応等", it.subject_response(f)),
        ("⑨再発防止策等", it.prevention(f)),
        ("⑩その他", it.other(f, o)),
    ]
    if serious and to_ppc:   # 重大事態: also reported directly to 個人情報保護委員会 (総務省 放送分野の報告の案内、平成29年)
        return _base(f, "特定個人情報の漏えい等事案（重大事態）の報告について", "個人情報保護委員会　御中",
                     "特定個人情報の漏えい等事案（重大事態）が発生しましたので、下記のとおり報告します。", rows)
    return _base(f, "特定個人情報の漏えい等事案の報告について", _addressee_2017(o), "下記のとおり報告します。", rows)
