"""Context of the internal record (SPEC §5): every answer, every conclusion with the engine's
reason and citation, every deadline of the outcome (legal and recommended, with weekday), the
report history, the recipient rows skipped, how each document is filed, and a checklist that
fits the role.  Internal notes live here and nowhere else."""
from __future__ import annotations

import re
from typing import Any

from wizard.domain.facts import FACTS, STAGES, display_value, label
from wizard.domain.labels import KIND_JA, PUBLICATION_JA

from . import audience as au
from . import items as it
from .audience import ATTACKS
from .fmt import Fmt

DEST = {"ppc": "個人情報保護委員会", "mic": "総務省（総合通信局等）", "fsa": "金融庁（財務局等）",
        "meti": "経済産業省", "mlit": "国土交通省（地方整備局等）", "accredited_body": "認定個人情報保護団体"}
RULESETS = {
    "appi-2022": "個人情報保護法（令和2年改正法・令和4年4月1日施行）による報告・本人通知の義務",
    "appi-2026-draft": "令和8年改正法（未施行）による試算",
    "appi-2017": "平成29年個人情報保護委員会告示第1号等による報告（努力義務）の制度（令和4年3月31日まで）",
}
# A brief reference must never reach a reader (common rules): strip it if the engine's text has one.
_BRIEF = re.compile(r"[（(]\s*(?:rules|routing|forms|scenarios)\.md[^）)]*[）)]|\s*\[(?:R|V|V2|S|UNSURE)\]"
                    r"|(?:rules|routing|forms|scenarios)\.md\s*(?:§\s*[\d.]+)?|訂正\d+")


_RAW_ID = re.compile(r"[（(](?:org|incident|data|mynumber|telecom|broadcast|finance|response|notice|report|options)"
                     r"\.[a-z_]+[）)]")
_MEMORY = re.compile("は" + "記憶" + r"に基づくもので、?")  # a brief marker, never shown


def plain(text: str) -> str:
    """The engine's text for a reader: without brief references and raw fact ids."""
    text = _MEMORY.sub("は", _BRIEF.sub("", text))
    return _RAW_ID.sub("", text).strip()


def _yn(flag: Any) -> str:
    return "必要" if flag else "不要"


def _answer_value(f: Fmt, fid: str, value: Any) -> str:
    fact = FACTS.get(fid)
    if fact and fact.type in ("date", "datenull") and isinstance(value, str) and value:
        return f.date(value, weekday=True)
    if value is None:
        return "不明" if fact and fact.type == "datenull" else "（回答なし）"
    return display_value(fid, value)


def _dest(part: dict[str, Any]) -> str:
    return str(part.get("office") or part.get("destination_name") or DEST.get(str(part.get("destination")), "－"))


def _conclusions(o: dict[str, Any]) -> list[dict[str, str]]:
    inc, appi, mn = o.get("incident") or {}, o.get("appi") or {}, o.get("mynumber") or {}
    old = o.get("ruleset") == "appi-2017"
    occurred = "・".join(KIND_JA.get(k, k) for k in inc.get("kinds") or []) or "法律上の漏えい等に当たらない"
    if inc.get("suspected") and inc.get("kinds"):
        occurred += "（おそれを含む）"
    rows = [{"label": "漏えい等の発生", "value": occurred}]
    if old:
        effort = "報告するよう努める（努力義務）" if appi.get("effort") else "報告は求められない"
        if appi.get("exempt"):
            effort += f"（{it.EXEMPT.get(appi['exempt'], appi['exempt'])}）"
        rows.append({"label": "個人情報保護委員会等への報告（平成29年告示）", "value": effort})
        rows.append({"label": "報告先", "value": _dest(appi) if appi.get("effort") else "－"})
        if mn.get("serious"):
            mn_text = "重大事態に該当：個人情報保護委員会へ直ちに報告する"
        elif mn.get("small_business_exempt"):
            mn_text = "報告を要しない（従業員100人以下の事業者の4要件を満たす）"
        elif mn.get("effort") or mn.get("required"):
            mn_text = "報告するよう努める（努力義務）"
        else:
            mn_text = "報告は求められない"
        rows.append({"label": "特定個人情報の報告（平成27年告示・重大事態）", "value": mn_text})
        ns = o.get("notify_subjects") or {}
        rows.append({"label": "本人への連絡", "value": "望ましい（当時の告示：本人への連絡等）"
                     if ns.get("recommended") or ns.get("required") else "求められない"})
    else:
        rows.append({"label": "個人情報保護法26条1項の報告", "value": _yn(appi.get("required"))})
        grounds = "・".join(f"第{g}号" for g in appi.get("grounds") or []) or "該当なし"
        if appi.get("exempt"):
            grounds += f"（例外：{it.EXEMPT.get(appi['exempt'], appi['exempt'])}）"
        rows.append({"label": "報告対象事態（個人情報保護法施行規則7条）", "value": grounds})
        rows.append({"label": "報告先", "value": _dest(appi) if appi.get("required") else "－"})
        mn_text = _yn(mn.get("required"))
        if mn.get("voluntary") and not mn.get("required"):
            mn_text = "義務なし。任意の報告（努力義務）を推奨"
        if mn.get("grounds"):
            mn_text += "（番号法規則2条" + "・".join(f"第{g}号" for g in mn["grounds"]) + "）"
        rows.append({"label": "番号法29条の4第1項の報告", "value": mn_text})
        ns = o.get("notify_subjects") or {}
        by = {"self": "（当社が通知）", "controller": "（委託元が通知）"}.get(str(ns.get("by")), "")
        rows.append({"label": "本人への通知", "value": _yn(ns.get("required")) + (by if ns.get("required") else "")})
    rows.append({"label": "委託元への通知", "value": _yn((o.get("notify_controller") or {}).get("required"))})
    rows.append({"label": "公表", "value": PUBLICATION_JA.get(str(o.get("publication")), "－")})
    sectors = "\n".join(f"{sr.get('title') or sr.get('id')}：{sr.get('office') or DEST.get(str(sr.get('destination')), '')}"
                        for sr in o.get("sector_reports") or []) or "なし"
    rows.append({"label": "業種別の報告等", "value": sectors})
    rows.append({"label": "適用した制度", "value": RULESETS.get(str(o.get("ruleset")), str(o.get("ruleset") or "－"))})
    return rows


def deadlines(f: Fmt, o: dict[str, Any]) -> list[dict[str, str]]:
    """One row per deadline of the outcome (APPI, My Number, telecom 第一報・詳報, 業法, Pマーク)."""
    rows: list[dict[str, str]] = []

    def d(v: Any) -> str:
        return f.date(v, weekday=True) if v else "－"

    def add(label_: str, legal: str, rec: str, note: str) -> None:
        rows.append({"label": label_, "legal": legal, "recommended": rec, "note": note})

    old = o.get("ruleset") == "appi-2017"
    appi, mn = o.get("appi") or {}, o.get("mynumber") or {}
    if old:
        if appi.get("effort"):
            add(f"報告（{_dest(appi)}）", "日数の定めなし", "速やかに", "平成29年告示：速やかに報告するよう努める")
        if mn.get("serious"):
            add("特定個人情報 重大事態の報告（個人情報保護委員会）", "直ちに", "直ちに", "重大事態は直ちに報告")
        elif mn.get("effort"):
            add("特定個人情報の報告", "日数の定めなし", "速やかに", "平成27年告示：速やかに報告するよう努める")
    for key, name in (("appi", "個人情報保護法"), ("mynumber", "番号法")):
        part = o.get(key) or {}
        if old:
            break
        pre, fin = part.get("preliminary") or {}, part.get("final") or {}
        if pre:
            add(f"{name} 速報", d(pre.get("limit")), d(pre.get("target")), "速やかに（概ね3〜5日以内）")
        if fin:
            note = f"知った日から{fin.get('days')}日以内"
            add(f"{name} 確報", d(fin.get("legal_deadline")), d(fin.get("recommended")), note)
    for sr in o.get("sector_reports") or []:
        name = str(sr.get("title") or sr.get("id"))
        pre, fin = sr.get("preliminary") or {}, sr.get("final") or {}
        first = sr.get("first_report")
        if sr.get("id") in ("telecom_secrecy", "telecom_specific_user_info"):
            add(f"{name} 第一報", "速やかに", d(f.a.get("incident.known_on")) if not pre else d(pre.get("target")),
                str(first or "速やかに（電話・電子メール可）"))
            if fin:
                add(f"{name} 詳報", d(fin.get("legal_deadline")), d(fin.get("recommended")),
                    f"知った日から{fin.get('days')}日以内（様式第五十の二）")
            continue
        if pre:
            add(f"{name} 第一報", d(pre.get("limit")), d(pre.get("target")), str(first or "速やかに"))
        if fin:
            add(f"{name}（確報）" if pre else name, d(fin.get("legal_deadline")), d(fin.get("recommended")),
                f"知った日から{fin.get('days')}日以内")
        if not pre and not fin:
            add(name, "期限の定めなし", "速やかに", "加入団体の指針を確認" if sr.get("advisory") else "速やかに")
    if not rows:
        add("法定の報告期限", "なし", "－", "報告は求められない")
    return rows


def _checklist(f: Fmt, o: dict[str, Any], dl: list[dict[str, str]]) -> list[dict[str, str]]:
    appi, mn = o.get("appi") or {}, o.get("mynumber") or {}
    due = {r["label"]: r["legal"] for r in dl}
    processor = f.a.get("incident.role") == "processor"
    exempt_processor = processor and "processor_notified" in (appi.get("exempt"), mn.get("exempt"))
    tasks = [
        ("個人情報保護責任者・経営者への報告", "直ちに"),
        ("被害拡大の防止（アクセス遮断・回収・削除依頼等）", "直ちに"),
        ("事実関係の調査・原因の究明", f.date(f.a.get("response.pending_until"), weekday=True) or "速やかに"),
        ("影響範囲の特定（本人の数・項目・本人の属性）", "速やかに"),
    ]
    if (o.get("notify_controller") or {}).get("required") or processor:
        tasks.append(("委託元への通知（個人情報保護法施行規則9条の事項）", "速やかに"))
    if exempt_processor:
        tasks.append(("委託元が行う報告・本人通知への協力（当社自身の速報・確報は不要）", "委託元の求めに応じて"))
    for r in dl:
        if r["legal"] in ("なし",):
            continue
        tasks.append((f"{r['label']}の提出", r["legal"] if r["legal"] != "－" else r["recommended"]))
    if (o.get("notify_subjects") or {}).get("required") or (o.get("notify_subjects") or {}).get("recommended"):
        tasks.append(("本人への通知・問合せ窓口の設置", "速やかに"))
    if o.get("publication") in ("recommended", "substitute", "optional"):
        tasks.append((f"公表の判断（{PUBLICATION_JA.get(str(o.get('publication')), '要検討')}）。公表文に個人を特定する"
                      "情報・攻撃手法の詳細が含まれていないことを確認", "速やかに"))
    if {"subject_notice", "public_notice"} & set(o.get("documents") or []):
        tasks.append(("通知文・公表文に、報告書向けの技術的な記載が入っていないことの確認", "発送・掲載前"))
    tasks.append(("再発防止策の検討・実施", due.get("個人情報保護法 確報", "速やかに")))
    if f.a.get("incident.malicious") in ("yes", "unknown") or f.a.get("incident.cause") in ATTACKS:
        tasks.append(("警察への相談・被害届の検討", "速やかに"))
    tasks.append(("本記録・提出文書の控えの保存", "随時"))
    return [{"task": t, "due": dd} for t, dd in tasks]


def _history(f: Fmt, meta: Any, old: bool) -> list[str]:
    a = f.a
    stage = STAGES.get(str(getattr(meta, "stage", "") or a.get("report.stage")), "")
    lines = []
    prev = getattr(meta, "previous_date", None)
    if prev:
        lines.append(f"前回の報告：{prev}（提出済み）")
    this = f.date(a.get("report.date"), weekday=True) or "（報告日未記入）"
    lines.append(f"今回の報告：{this}" + (f"（{stage}）" if stage and not old else ""))
    if not prev:
        lines.append("これまでの報告：なし（初回の報告）")
    return lines


def _person_texts(f: Fmt, o: dict[str, Any]) -> list[dict[str, str]]:
    """What the letters and the 公表文 say, and whether the user wrote it or it was generated."""
    if not {"subject_notice", "public_notice"} & set(o.get("documents") or []):
        return []
    a = f.a
    rows = [("自社の呼び方", "org.self_name", au.self_name(a)), ("本人の呼び方", "notice.addressee", au.addressee_word(a)),
            ("対象となる方", "notice.period", au.period(f)), ("概要", "notice.summary", au.summary(f, o)),
            ("原因", "notice.cause", au.cause(f)), ("再発防止策", "notice.prevention", au.prevention(f))]
    return [{"label": lab, "text": text, "source": "回答" if a.get(fid) not in (None, "") else "自動作成"}
            for lab, fid, text in rows]


def internal_record(f: Fmt, o: dict[str, Any], documents: list[str], meta: Any = None,
                    skipped: list[dict[str, Any]] | None = None, filing: list[str] | None = None) -> dict[str, Any]:
    a = f.a
    dl = deadlines(f, o)
    old = o.get("ruleset") == "appi-2017"
    ordered = [k for k in FACTS if k in a] + sorted(k for k in a if k not in FACTS)
    if old:  # the 2017 告示 knew no 速報/確報: the stage answer does not apply
        ordered = [k for k in ordered if k != "report.stage"]
    reasons = [{"text": plain(str(r.get("text", ""))), "cite": plain(str(r.get("cite", ""))),
                "facts": "、".join(label(x) for x in r.get("facts") or []), "rule": str(r.get("rule") or "")}
               for r in o.get("reasons") or []]
    note = ("※ 当時の告示には報告の日数の定めがないため、日付は計算していません。" if old else
            "※ 知った日を1日目として数えています。確報の法定期限は行政機関の休日の場合に翌開庁日へ、推奨日は前の開庁日へ"
            "寄せています。速報は「速やかに」が原則で、推奨日までの報告を目標とします。")
    return {
        "date_text": f.report_date(),
        "title": "社内報告書（漏えい等事案の対応記録）",
        "meta": [
            {"label": "事業者", "value": f.org("name", "（未記入）")},
            {"label": "件名", "value": f.text("incident.title", "（未記入）")},
            {"label": "知った日", "value": f.date(a.get("incident.known_on"), weekday=True)},
            {"label": "作成日", "value": f.date(o.get("today") or a.get("report.date"), weekday=True)},
        ],
        "conclusions": _conclusions(o),
        "deadlines": dl,
        "deadline_note": note,
        "history": _history(f, meta, old),
        "reasons": reasons or [{"text": "（判断理由なし）", "cite": "", "facts": "", "rule": ""}],
        "warnings": [plain(str(w)) for w in o.get("warnings") or []] or ["特になし"],
        "documents": documents,
        "filing": filing or ["特になし"],
        "skipped": [f"{e.get('row')}行目：{e.get('reason')}" for e in skipped or []] or ["なし"],
        "checklist": _checklist(f, o, dl),
        "person_texts": _person_texts(f, o),
        "answers": [{"label": label(k), "id": k, "value": _answer_value(f, k, a[k])} for k in ordered],
        "footer_note": "本書は社内の判断記録です。法令の適用は個別の事情により異なります。不明点は報告先に確認してください。",
    }
