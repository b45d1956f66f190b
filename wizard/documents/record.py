"""Context of the internal record: every answer, every conclusion with reason and citation,
deadlines (legal and recommended, with weekday), warnings and the action checklist."""
from __future__ import annotations

from typing import Any

from wizard.domain.facts import FACTS, display_value, label
from wizard.domain.labels import KIND_JA, PUBLICATION_JA

from . import items as it
from .fmt import Fmt

DEST = {"ppc": "個人情報保護委員会", "mic": "総務省（総合通信局等）", "fsa": "金融庁（財務局等）",
        "meti": "経済産業省", "mlit": "国土交通省（地方整備局等）"}


def _yn(flag: Any) -> str:
    return "必要" if flag else "不要"


def _answer_value(f: Fmt, fid: str, value: Any) -> str:
    fact = FACTS.get(fid)
    if fact and fact.type in ("date", "datenull") and isinstance(value, str) and value:
        return f.date(value, weekday=True)
    if value is None:
        return "（回答なし・不明）"
    return display_value(fid, value)


def _conclusions(o: dict[str, Any]) -> list[dict[str, str]]:
    inc, appi, mn = o.get("incident") or {}, o.get("appi") or {}, o.get("mynumber") or {}
    occurred = "・".join(KIND_JA.get(k, k) for k in inc.get("kinds") or []) or "法律上の漏えい等に当たらない"
    if inc.get("suspected"):
        occurred += "（おそれを含む）"
    appi_text = _yn(appi.get("required"))
    if appi.get("effort"):
        appi_text = "報告が求められる（平成29年告示に基づく努力義務）"
    grounds = "・".join(f"第{g}号" for g in appi.get("grounds") or []) or "該当なし"
    if appi.get("exempt"):
        grounds += f"（例外：{it.EXEMPT.get(appi['exempt'], appi['exempt'])}）"
    dest = appi.get("office") or appi.get("destination_name") or DEST.get(str(appi.get("destination")), "－")
    mn_text = _yn(mn.get("required"))
    if mn.get("voluntary"):
        mn_text = "任意（努力義務）の報告を推奨"
    if mn.get("grounds"):
        mn_text += "（番号法規則第2条" + "・".join(f"第{g}号" for g in mn["grounds"]) + "）"
    ns = o.get("notify_subjects") or {}
    by = {"self": "（当社が通知）", "controller": "（委託元が通知）"}.get(str(ns.get("by")), "")
    sectors = "\n".join(f"{sr.get('title') or sr.get('id')}：{sr.get('office') or sr.get('destination') or ''}"
                        + (f"（{sr['note']}）" if sr.get("note") else "")
                        for sr in o.get("sector_reports") or []) or "なし"
    return [
        {"label": "漏えい等の発生", "value": occurred},
        {"label": "個人情報保護法26条1項の報告", "value": appi_text},
        {"label": "報告対象事態（規則7条）", "value": grounds},
        {"label": "報告先", "value": dest if appi.get("required") or appi.get("effort") else "－"},
        {"label": "番号法29条の4の報告", "value": mn_text},
        {"label": "本人への通知", "value": _yn(ns.get("required")) + by},
        {"label": "委託元への通知", "value": _yn((o.get("notify_controller") or {}).get("required"))},
        {"label": "公表", "value": PUBLICATION_JA.get(str(o.get("publication")), str(o.get("publication") or "－"))},
        {"label": "業種別の報告等", "value": sectors},
        {"label": "適用したルールセット", "value": str(o.get("ruleset") or "")},
    ]


def _deadlines(f: Fmt, o: dict[str, Any]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []

    def d(v: Any) -> str:
        return f.date(v, weekday=True) if v else "－"

    for key, name in (("appi", "個人情報保護法"), ("mynumber", "番号法")):
        part = o.get(key) or {}
        pre, fin = part.get("preliminary") or {}, part.get("final") or {}
        if pre:
            rows.append({"label": f"{name} 速報", "legal": d(pre.get("limit")), "recommended": d(pre.get("target")),
                         "note": "速やかに（概ね3〜5日以内）"})
        if fin:
            rows.append({"label": f"{name} 確報", "legal": d(fin.get("legal_deadline")),
                         "recommended": d(fin.get("recommended")), "note": f"知った日から{fin.get('days')}日以内"})
    for sr in o.get("sector_reports") or []:
        fin = sr.get("final") or {}
        rows.append({"label": str(sr.get("title") or sr.get("id")), "legal": d(fin.get("legal_deadline")),
                     "recommended": d(fin.get("recommended")),
                     "note": f"{fin['days']}日以内" if fin.get("days") else "期限の定めなし・指針を確認"})
    if not rows:
        rows.append({"label": "法定の報告期限", "legal": "なし", "recommended": "－", "note": "報告義務なし"})
    return rows


def _checklist(f: Fmt, o: dict[str, Any], deadlines: list[dict[str, str]]) -> list[dict[str, str]]:
    appi = o.get("appi") or {}
    due = {r["label"]: r["legal"] for r in deadlines}
    tasks = [
        ("個人情報保護責任者・経営者への報告", "直ちに"),
        ("被害拡大の防止（アクセス遮断・回収・削除依頼等）", "直ちに"),
        ("事実関係の調査・原因の究明", f.date(f.a.get("response.pending_until"), weekday=True) or "速やかに"),
        ("影響範囲の特定（本人の数・項目・本人の属性）", "速やかに"),
    ]
    if appi.get("required") or appi.get("effort"):
        tasks.append(("個人情報保護委員会等への速報", due.get("個人情報保護法 速報", "速やかに")))
        tasks.append(("同 確報", due.get("個人情報保護法 確報", "－")))
    mn = o.get("mynumber") or {}
    if mn.get("required") or mn.get("voluntary"):
        tasks.append(("番号法に基づく報告（個人情報保護委員会）", due.get("番号法 確報", "速やかに")))
    for sr in o.get("sector_reports") or []:
        name = str(sr.get("title") or sr.get("id"))
        tasks.append((f"{name}（{sr.get('office') or sr.get('destination') or ''}）", due.get(name, "－")))
    if (o.get("notify_controller") or {}).get("required"):
        tasks.append(("委託元への通知（規則9条の事項）", "速やかに"))
    tasks += [
        ("本人対応（本人への通知・問合せ窓口の設置）", "速やかに"),
        (f"公表の判断（{PUBLICATION_JA.get(str(o.get('publication')), '要検討')}）。公表文に個人を特定する情報・"
         "攻撃手法の詳細が含まれていないことを確認", "速やかに"),
        ("再発防止策の検討・実施", "確報まで"),
    ]
    if f.a.get("incident.malicious") in ("yes", "unknown"):
        tasks.append(("警察への相談・被害届の検討", "速やかに"))
    tasks.append(("本記録・提出文書の控えの保存", "随時"))
    return [{"task": t, "due": dd} for t, dd in tasks]


def internal_record(f: Fmt, o: dict[str, Any], documents: list[str]) -> dict[str, Any]:
    a = f.a
    known = f.date(a.get("incident.known_on"), weekday=True)
    deadlines = _deadlines(f, o)
    ordered = [k for k in FACTS if k in a] + sorted(k for k in a if k not in FACTS)
    reasons = [{"text": str(r.get("text", "")), "cite": str(r.get("cite", "")),
                "facts": "、".join(label(x) for x in r.get("facts") or [])} for r in o.get("reasons") or []]
    return {
        "date_text": f.report_date(),
        "title": "社内報告書（漏えい等事案の対応記録）",
        "meta": [
            {"label": "事業者", "value": f.org("name", "（未記入）")},
            {"label": "件名", "value": f.text("incident.title", "（未記入）")},
            {"label": "知った日", "value": known},
            {"label": "作成日", "value": f.date(o.get("today") or a.get("report.date"), weekday=True)},
        ],
        "conclusions": _conclusions(o),
        "deadlines": deadlines,
        "deadline_note": "※ 知った日を1日目として数えています。法定期限は行政機関の休日の場合に翌開庁日へ、推奨日は前の開庁日へ"
                         "寄せています（確報）。速報は「速やかに」が原則であり、推奨日までの報告を目標とします。",
        "reasons": reasons or [{"text": "（判断理由なし）", "cite": "", "facts": ""}],
        "warnings": [str(w) for w in o.get("warnings") or []] or ["特になし"],
        "documents": documents,
        "checklist": _checklist(f, o, deadlines),
        "answers": [{"label": f"{label(k)}（{k}）", "value": _answer_value(f, k, a[k])} for k in ordered],
        "footer_note": "本書は社内の判断記録です。法令の適用は個別の事情により異なります。不明点は報告先に確認してください。",
    }
