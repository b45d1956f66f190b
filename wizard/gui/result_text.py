"""The result page's content as HTML, built from Session.outcome() (no Qt).

The GUI decides nothing here either: every obligation, date and reason is read
from the outcome; this module only words and formats it (和暦 + 曜日).
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from wizard.domain.dates import format_date
from wizard.domain.labels import DOC_JA, KIND_JA, PUBLICATION_JA  # same words as `assess`
from wizard.gui.style import ERROR, WARN_BG, h

DESTINATIONS = {  # for blocks that carry only the code (e.g. the My Number report)
    "ppc": "個人情報保護委員会", "mic": "総務大臣（総合通信局等）", "fsa": "金融庁（財務局等）",
    "meti": "経済産業省", "mlit": "国土交通省（地方整備局等）",
}
SECTOR_TITLES = {
    "telecom_secrecy": "通信の秘密の漏えいの報告（電気通信事業法28条）",
    "telecom_specific_user_info": "特定利用者情報の漏えいの報告（電気通信事業法）",
    "finance_sector_law": "業法上の報告（金融分野）",
    "accredited_body": "認定個人情報保護団体への報告（加入団体の指針を確認）",
    "pmark": "プライバシーマーク事故報告（審査機関）",
}


RAW_ID = re.compile(r"[（(]([a-z][a-z0-9_]*\.[a-z0-9_.]+)[）)]")  # 「（incident.malicious）」 in an engine text


def plain(text: Any) -> str:
    """An engine text, escaped, with a raw fact or rule id in brackets set in small grey type."""
    return RAW_ID.sub(lambda m: f" <small style='color:#999'>{m.group(1)}</small>", h(text))


def day(value: Any, today: date | None = None) -> str:
    if not value:
        return "—"
    text = h(format_date(value, era=True, weekday=True))
    extra = f" <span style='color:#666'>({h(value)})</span>"
    if today is not None:
        try:
            left = (date.fromisoformat(str(value)) - today).days
        except ValueError:
            left = None
        if left is not None:
            extra += f" <b>あと{left}日</b>" if left >= 0 else f" <b style='color:{ERROR}'>{-left}日経過</b>"
    return text + extra


def _deadlines(block: dict[str, Any], today: date | None) -> str:
    rows: list[str] = []
    pre = block.get("preliminary") or None
    fin = block.get("final") or None
    if pre:
        rows.append(f"<tr><td>速報（目標）</td><td>{day(pre.get('target'), today)}</td></tr>")
        rows.append(f"<tr><td>速報（期限）</td><td>{day(pre.get('limit'), today)}</td></tr>")
    if fin:
        rows.append(f"<tr><td>確報（法定期限・{h(fin.get('days', ''))}日）</td>"
                    f"<td>{day(fin.get('legal_deadline'), today)}</td></tr>")
        rows.append(f"<tr><td>確報（推奨提出日）</td><td>{day(fin.get('recommended'), today)}</td></tr>")
    if not rows:
        return ""
    return "<table cellspacing='0' cellpadding='3'>" + "".join(rows) + "</table>"


def _report_block(title: str, block: dict[str, Any], today: date | None, grounds_label: str) -> str:
    if not block:
        return ""
    required = block.get("required")
    parts = [f"<h3>{h(title)}</h3>"]
    grounds = block.get("grounds") or []
    gtext = "、".join(f"{n}号" for n in grounds) if grounds else "該当なし"
    if required:
        dest = block.get("destination_name") or DESTINATIONS.get(block.get("destination") or "", "")
        office = block.get("office")
        addressee = block.get("addressee")
        parts.append(f"<p><b style='color:{ERROR}'>報告が必要です。</b> 該当：{h(grounds_label)} {h(gtext)}</p>")
        where = h(dest) + (f"（提出先：{h(office)}）" if office and office != dest else "")
        parts.append(f"<p>報告先：<b>{where}</b>" + (f"　宛名：{h(addressee)}" if addressee else "") + "</p>")
        if block.get("method"):
            parts.append(f"<p>{h(block['method'])}</p>")
        parts.append(_deadlines(block, today))
    elif block.get("effort"):
        parts.append(f"<p><b>報告に努める事案です</b>（旧告示）。該当：{h(gtext)}</p>")
        parts.append(_deadlines(block, today))
    else:
        parts.append("<p>法令上の報告義務はありません。" + (f"（該当：{h(gtext)}）" if grounds else "") + "</p>")
    if block.get("exempt"):
        parts.append(f"<p>除外事由：{h(block['exempt'])}</p>")
    if block.get("voluntary"):
        parts.append("<p>報告義務はありませんが、個人情報保護委員会への報告に努めてください（特定個人情報GL）。</p>")
    return "".join(parts)


def summary(outcome: dict[str, Any]) -> str:
    """One box at the top: who must be told, and the nearest dates."""
    rows: list[str] = []
    for key, name in (("appi", "個人情報保護法の報告"), ("mynumber", "番号法の報告")):
        b = outcome.get(key) or {}
        if not b.get("required"):
            continue
        where = b.get("office") or b.get("destination_name") or DESTINATIONS.get(b.get("destination") or "", "")
        pre = (b.get("preliminary") or {}).get("limit")
        fin = (b.get("final") or {}).get("legal_deadline")
        dates = "、".join(x for x in (f"速報 {format_date(pre, weekday=True)}まで" if pre else "",
                                      f"確報 {format_date(fin, weekday=True)}まで" if fin else "") if x)
        rows.append(f"<li><b>{h(name)}：必要</b>（{h(where)}）　{h(dates)}</li>")
    if not rows:
        rows.append("<li><b>法令上の報告：不要</b></li>")
    ns = outcome.get("notify_subjects") or {}
    rows.append(f"<li><b>本人への通知：{'必要' if ns.get('required') else '法令上は不要'}</b></li>")
    for sr in outcome.get("sector_reports") or []:
        title = sr.get("title") or SECTOR_TITLES.get(sr.get("id", ""), sr.get("id", ""))
        where = sr.get("office") or DESTINATIONS.get(sr.get("destination") or "", "")
        rows.append(f"<li>{h(title)}（{h(where)}）</li>")
    return ("<table width='100%' cellpadding='8' style='background:#e8f1fb'><tr><td>"
            f"<b>まとめ</b><ul>{''.join(rows)}</ul></td></tr></table>")


def result_html(outcome: dict[str, Any], today: date | None = None) -> str:
    parts: list[str] = [summary(outcome)]
    inc = outcome.get("incident") or {}
    kinds = "・".join(KIND_JA.get(k, k) for k in inc.get("kinds") or [])
    parts.append("<h2>何が起きたか（法律上の評価）</h2>")
    if inc.get("occurred"):
        suspected = "（おそれを含む）" if inc.get("suspected") else ""
        parts.append(f"<p>個人データの<b>{h(kinds)}</b>{suspected}に当たります。</p>")
    else:
        parts.append("<p>法律上の漏えい・滅失・毀損には当たりません。</p>")
    ruleset = outcome.get("ruleset_title") or outcome.get("ruleset", "")
    parts.append(f"<p style='color:#666'>適用した規則：{h(ruleset)}</p>")
    if outcome.get("ruleset_status") not in (None, "in_force"):
        parts.append(f"<p style='color:{ERROR}'><b>この規則は施行されていません（試算）。</b></p>")

    parts.append("<h2>しなければならないこと</h2>")
    parts.append(_report_block("個人情報保護委員会等への報告（個人情報保護法26条）",
                               outcome.get("appi") or {}, today, "規則7条"))
    mn = outcome.get("mynumber") or {}
    if mn.get("required") or mn.get("voluntary") or mn.get("grounds"):
        parts.append(_report_block("特定個人情報の漏えい等の報告（番号法29条の4）", mn, today, "番号法規則2条"))
    ns = outcome.get("notify_subjects") or {}
    parts.append("<h3>本人への通知</h3>")
    if ns.get("required"):
        by = "委託元が行います" if ns.get("by") == "controller" else "自社が行います"
        parts.append(f"<p><b>必要です</b>（{by}）。状況に応じて速やかに通知してください（規則10条）。</p>")
    else:
        parts.append("<p>法令上の義務はありません。</p>")
    if (outcome.get("notify_controller") or {}).get("required"):
        parts.append("<h3>委託元への通知</h3><p><b>必要です</b>（規則9条）。速やかに委託元へ通知してください。</p>")
    pub = outcome.get("publication")
    if pub:
        parts.append(f"<h3>公表</h3><p>{h(PUBLICATION_JA.get(pub, pub))}</p>")
    for sr in outcome.get("sector_reports") or []:
        title = sr.get("title") or SECTOR_TITLES.get(sr.get("id", ""), sr.get("id", ""))
        where = sr.get("office") or DESTINATIONS.get(sr.get("destination") or "", "")
        parts.append(f"<h3>{h(title)}</h3><p>提出先：{h(where)}</p>")
        if sr.get("first_report"):
            parts.append(f"<p>第一報：{h(sr['first_report'])}</p>")
        if sr.get("note"):
            parts.append(f"<p>{h(sr['note'])}</p>")
        parts.append(_deadlines(sr, today))

    warnings = outcome.get("warnings") or []
    if warnings:  # 不明 answers that decided a branch and UNSURE points, styled to stand out
        items = "".join(f"<li>{plain(w)}</li>" for w in warnings)
        parts.append(f"<br><table width='100%' cellpadding='8' style='background:{WARN_BG}'><tr><td>"
                     f"<b>⚠ 確認が必要な点（{len(warnings)}件）</b><ul>{items}</ul></td></tr></table>")
    reasons = outcome.get("reasons") or []
    if reasons:
        parts.append("<h2>判断の理由と根拠</h2><ol>")
        for r in reasons:
            rid = f" <small style='color:#999'>{h(r['rule'])}</small>" if r.get("rule") else ""  # for support only
            cite = f"<br><span style='color:#666'>根拠：{h(r.get('cite', ''))}</span>{rid}"
            parts.append(f"<li>{plain(r.get('text', ''))}{cite}</li>")
        parts.append("</ol>")
    docs = outcome.get("documents") or []
    if docs:
        names = "、".join(DOC_JA.get(d, d) for d in docs)
        parts.append(f"<h3>作成する文書</h3><p>{h(names)}（「文書を作成…」で作成します）</p>")
    return "".join(parts)
