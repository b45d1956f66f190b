"""The two MIC broadcasting report forms of the appi-2017 rule set (総合通信局長 宛; 平成29年告示 era).

Labels are those of the MIC broadcasting forms (総務省 放送分野の漏えい等報告の案内, 平成29年):
11 items for 個人データ, 10 items for 特定個人情報.
"""
from __future__ import annotations

from typing import Any

from . import items as it
from .fmt import Fmt, box
from .reports import ReportMeta, _base

NOTE_2017 = ("※ 本書は平成29年個人情報保護委員会告示第1号等に基づく報告（努力義務）の様式（総務省・放送分野の報告書様式）"
             "に準拠しています。")


def _facts_2017(o: dict[str, Any], mynumber: bool) -> str:
    inc = o.get("incident") or {}
    k = inc.get("kinds") or []
    suspected = bool(inc.get("suspected"))
    if mynumber:
        return "　".join([box("leak" in k, "漏えい"), box("loss" in k, "滅失"), box("damage" in k, "毀損")])
    return "　".join([box("leak" in k and not suspected, "漏えい"), box("leak" in k and suspected, "漏えいのおそれ"),
                     box("loss" in k, "滅失"), box("damage" in k, "毀損")])


def _publication_2017(f: Fmt) -> str:
    text = f.a.get("response.publication")
    lines = ["【事案の公表】" + "　".join([box(False, "あり（予定も含む。）　公表（予定）　　年　月　日"),
                                        box(False, "なし"), box(not text, "未定")]),
             "【公表方法】" + "　".join([box(False, "HPに掲載"), box(False, "記者会見"),
                                     box(False, "記者クラブ等への資料配布"), box(False, "その他（　）")])]
    if text:
        lines.append(str(text))
    else:
        lines.append(f.pending("検討中"))
    return "\n".join(lines)


def _overview_2017(f: Fmt) -> str:
    a = f.a
    occurred = f.date(a.get("incident.occurred_on")) if a.get("incident.occurred_on") else f.pending()
    return (f"発覚日：{f.date(a.get('incident.known_on'))}　発生日：{occurred}\n"
            + it.overview(f).split("\n", 2)[2])


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
        ("⑦二次被害（そのおそれを含む。）の有無（被害がある場合はその内容）", f.text("response.secondary_damage")),
        ("⑧公表（予定）", _publication_2017(f)),
        ("⑨本人への対応等", it.subject_response(f)),
        ("⑩再発防止策等", f.text("response.prevention", "検討中")),
        ("⑪その他", it.other(f, o)),
    ]
    return _base(f, "個人データの漏えい等事案の報告について", _addressee_2017(o), "下記のとおり報告します。",
                 rows, [NOTE_2017])


def mynumber_report_2017(f: Fmt, o: dict[str, Any], meta: ReportMeta) -> dict[str, Any]:
    mn = o.get("mynumber") or {}
    serious = bool(mn.get("serious") or mn.get("required"))
    types = [it.MYNUMBER_GROUNDS[g] for g in mn.get("grounds") or [] if g in it.MYNUMBER_GROUNDS]
    serious_text = box(serious, "該当する") + "・" + box(not serious, "該当しない")
    if serious and types:
        serious_text += "\n" + "\n".join(types)
    if serious:
        serious_text += "\n※ 重大事態に該当する場合は、個人情報保護委員会へも直ちに直接報告します。"
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
        ("⑨再発防止策等", f.text("response.prevention", "検討中")),
        ("⑩その他", it.other(f, o)),
    ]
    return _base(f, "特定個人情報の漏えい等事案の報告について", _addressee_2017(o), "下記のとおり報告します。",
                 rows, [NOTE_2017])
