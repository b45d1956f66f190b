"""The Japanese text summary of `assess` (what happened in law, what must be
done by when, and why)."""
from __future__ import annotations

from datetime import date
from typing import Any

from wizard.domain.dates import format_date
from wizard.domain.labels import DOC_JA, EXEMPT_JA, KIND_JA, PUBLICATION_JA


def _d(value: str | None, today: date) -> str:
    if not value:
        return "—"
    text = format_date(value, era=True, weekday=True)
    left = (date.fromisoformat(value) - today).days
    if left > 0:
        return f"{text}（あと{left}日）"
    if left == 0:
        return f"{text}（今日）"
    return f"{text}（{-left}日経過）"


def summary_text(o: dict[str, Any], answers: dict[str, Any], today: date) -> str:
    out: list[str] = []
    add = out.append
    title = answers.get("incident.title") or "（件名なし）"
    add(f"■ {title}")
    status = "" if o.get("ruleset_status") == "in_force" else f"【{o.get('ruleset_status')}】"
    add(f"  適用した規則: {o['ruleset'] or '－'} {status}{o.get('ruleset_title', '')}")
    add(f"  知った日: {format_date(o['known_on'], weekday=True)}　／　今日: {format_date(today.isoformat(), weekday=True)}")
    inc = o["incident"]
    if inc["occurred"]:
        kinds = "・".join(KIND_JA[k] for k in inc["kinds"]) or "漏えい等"
        add(f"\n1. 何が起きたか: {kinds}{'（のおそれ）' if inc.get('suspected') else ''}に当たります。")
    else:
        add("\n1. 何が起きたか: 法律上の漏えい・滅失・毀損には当たりません。")
    a = o["appi"]
    add("\n2. 個人情報保護法（法26条）")
    if a["required"]:
        grounds = "・".join(f"{n}号" for n in a["grounds"])
        add(f"  報告義務: あり（規則7条{grounds}）")
        add(f"  報告先: {a.get('addressee') or a.get('destination_name')}")
        pre, fin = a["preliminary"], a["final"]
        add(f"  速報: 目標 {_d(pre['target'], today)}、遅くとも {_d(pre['limit'], today)}")
        add(f"  確報（{fin['days']}日）: 推奨提出日 {_d(fin['recommended'], today)}／法定期限 {_d(fin['legal_deadline'], today)}")
    elif a.get("effort"):
        add(f"  当時の告示による報告（努力義務）: あり — 報告先 {a.get('addressee') or a.get('destination_name')}（速やかに）")
    else:
        why = f"（例外: {EXEMPT_JA.get(a['exempt'], a['exempt'])}）" if a.get("exempt") else ""
        add(f"  報告義務: なし{why}")
    m = o["mynumber"]
    if m["required"] or m.get("voluntary") or m.get("effort"):
        add("\n3. 番号法（特定個人情報）")
        if m["required"] and m.get("final"):
            add(f"  報告義務: あり（番号法規則2条{'・'.join(f'{n}号' for n in m['grounds'])}）— 個人情報保護委員会")
            add(f"  速報: 目標 {_d(m['preliminary']['target'], today)}、遅くとも {_d(m['preliminary']['limit'], today)}")
            add(f"  確報（{m['final']['days']}日）: 推奨提出日 {_d(m['final']['recommended'], today)}／法定期限 "
                f"{_d(m['final']['legal_deadline'], today)}")
        elif m["required"]:
            add("  重大事態として個人情報保護委員会へ直ちに報告（当時の規則）")
        else:
            add("  報告は努力義務（任意の報告）です。")
    add("\n4. 本人への通知: " + ("必要（速やかに）" if o["notify_subjects"]["required"] else "法律上の義務はありません"))
    if o["notify_controller"]["required"]:
        add("   委託元への通知: 必要（速やかに、規則9条）")
    add("5. 公表: " + PUBLICATION_JA.get(o["publication"], o["publication"]))
    if o["sector_reports"]:
        add("\n6. 業種別の報告")
        for s in o["sector_reports"]:
            line = f"  - {s.get('title', s['id'])}"
            if s.get("office"):
                line += f" — {s['office']}"
            if s.get("final"):
                line += f"（詳報・確報 {_d(s['final']['legal_deadline'], today)}まで）"
            add(line)
    add("\n■ 理由と根拠")
    for r in o["reasons"]:
        add(f"  - {r['text']}\n    根拠: {r['cite']}（{r['rule']}）")
    if o["warnings"]:
        add("\n■ 注意・要確認")
        for w in o["warnings"]:
            add(f"  ! {w}")
    add("\n■ 作成する文書: " + "、".join(DOC_JA.get(d, d) for d in o["documents"]))
    add("\n※ この結果は法律相談ではありません。判断に迷う点は弁護士や報告先に確認してください。")
    return "\n".join(out) + "\n"
