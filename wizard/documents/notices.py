"""Contexts of the 本人通知 letter (規則10条: five items + protective steps) and the 公表文."""
from __future__ import annotations

from typing import Any

from wizard.domain.facts import CAUSES

from . import items as it
from .fmt import Fmt, is_blank

ATTACKS = {"unauthorized_access", "malware", "ransomware", "skimming", "tampering", "insider", "theft"}


def _leak_word(o: dict[str, Any]) -> str:
    inc = o.get("incident") or {}
    kinds = inc.get("kinds") or ["leak"]
    word = "漏えい" if "leak" in kinds else ("滅失" if "loss" in kinds else "毀損")
    return f"{word}のおそれ" if inc.get("suspected") else word


def _sender_lines(f: Fmt) -> list[str]:
    return [x for x in (f.org("name", "（事業者名）"), f.org("representative")) if x]


def _contact(f: Fmt) -> str:
    desk = f.a.get("response.contact_desk")
    if not is_blank(desk):
        return str(desk)
    parts = [f.org("name"), f.org("department"), f"電話：{f.org('phone')}" if f.org("phone") else "",
             f"電子メール：{f.org('email')}" if f.org("email") else ""]
    return "\n".join(p for p in parts if p) or "（問合せ窓口を記入してください）"


def protective_steps(f: Fmt, o: dict[str, Any]) -> list[str]:
    a = f.a
    items_text = "、".join(str(x) for x in a.get("data.items") or [])
    steps = ["当社を名乗る不審な電話・電子メール・SMS等にご注意ください。当社から、お電話やメールでパスワード・"
             "カード番号・暗証番号をお尋ねすることはありません。本通知に関連してリンク先でログイン情報の入力を"
             "お願いすることもありません。"]
    if a.get("incident.cause") in ATTACKS or any(w in items_text for w in ("パスワード", "ID", "ＩＤ")):
        steps.append("当社サービスのパスワードを変更してください。他のサービスで同じパスワードをお使いの場合は、"
                     "そちらも変更してください。")
    if a.get("data.financial") in ("yes", "unknown") or "カード" in items_text:
        steps.append("クレジットカードのご利用明細に身に覚えのない請求がないかご確認ください。ご不安な場合は、"
                     "カード会社にカードの再発行をご相談ください（再発行の手数料は当社が負担します）。")
    if a.get("mynumber.included") in ("yes", "unknown"):
        steps.append("マイナンバー（個人番号）が不正に用いられるおそれがあると認められるときは、お住まいの市区町村に"
                     "個人番号の変更を請求することができます（番号変更請求）。")
    return steps


def _sections(f: Fmt, o: dict[str, Any], public: bool) -> list[dict[str, str]]:
    a = f.a
    known = f.date(a.get("incident.known_on"))
    occurred = f.date(a.get("incident.occurred_on")) if a.get("incident.occurred_on") else "調査中"
    cause_label = CAUSES.get(str(a.get("incident.cause")), "その他")
    if public:
        summary = (f"{known}、当社が取り扱う個人情報について、{cause_label}による{_leak_word(o)}が"
                   f"判明しました（発生日：{occurred}）。")
        cause = cause_label + "によるものです。" + (
            "手口の詳細については、被害の拡大を防ぐため公表を控えさせていただきます。"
            if a.get("incident.cause") in ATTACKS else "")
        target = f"対象となる方：{f.text('data.subject_kinds')}　{f.count_short()}"
        items = f"{target}\n対象となる情報：{f.items()}"
    else:
        summary = f"発生日：{occurred}\n当社が把握した日：{known}\n{f.text('incident.summary')}"
        detail = a.get("response.cause_detail")
        cause = cause_label + ("\n" + str(detail) if not is_blank(detail) else "\n詳細は調査中です。")
        items = f"{f.items()}\n（お客様ご自身の情報のうち、上記の項目が対象となった可能性があります。）"
    secondary = a.get("response.secondary_damage")
    secondary_text = str(secondary) if not is_blank(secondary) else f.pending()
    appi = o.get("appi") or {}
    reported = appi.get("office") or appi.get("destination_name")
    steps = protective_steps(f, o)
    others = "\n".join(f"・{s}" for s in steps)
    if reported and (appi.get("required") or appi.get("effort")):
        others += f"\n・本件は、{reported}へ報告しています（又は報告する予定です）。"
    return [
        {"heading": "1　概要", "body": summary},
        {"heading": "2　漏えい等が発生し、又は発生したおそれがある個人情報の項目", "body": items},
        {"heading": "3　原因", "body": cause},
        {"heading": "4　二次被害又はそのおそれの有無及びその内容", "body": secondary_text},
        {"heading": "5　その他参考となる事項（お客様へのお願い）", "body": others},
        {"heading": "6　当社の対応と再発防止策", "body": f.text("response.prevention", "検討中")},
        {"heading": "7　お問合せ窓口", "body": _contact(f)},
    ]


def _title(o: dict[str, Any]) -> str:
    return f"個人情報の{_leak_word(o)}に関するお詫びとお知らせ"


def subject_notice(f: Fmt, o: dict[str, Any]) -> dict[str, Any]:
    """Everything but `letters` (one dict per recipient, added by the caller)."""
    return {
        "date_text": f.report_date(),
        "sender_lines": _sender_lines(f),
        "title": _title(o),
        "opening": (f"このたび、当社が取り扱うお客様の個人情報について{_leak_word(o)}が生じていることが判明いたしました。"
                    "お客様には多大なるご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。"
                    "個人情報の保護に関する法律第26条第2項に基づき、下記のとおりお知らせいたします。"),
        "sections": _sections(f, o, public=False),
        "closing": "このたびは誠に申し訳ございません。重ねて深くお詫び申し上げます。",
    }


def generic_letter() -> dict[str, Any]:
    return {"address_lines": [], "name_line": "お客様各位"}


def recipient_letter(name: str, honorific: str, postal: str, address: str, email: str) -> dict[str, Any]:
    lines = []
    if postal:
        lines.append(postal if postal.startswith("〒") else f"〒{postal}")
    if address:
        lines.append(address)
    if email and not address:
        lines.append(email)
    return {"address_lines": lines, "name_line": f"{name}　{honorific or '様'}"}


def public_notice(f: Fmt, o: dict[str, Any], stage: str) -> dict[str, Any]:
    suffix = "（第一報）" if stage == "preliminary" else ""
    return {
        "date_text": f.report_date(),
        "addressee": "お客様・関係者各位",
        "sender_lines": _sender_lines(f),
        "title": _title(o) + suffix,
        "opening": (f"このたび、当社が取り扱う個人情報について{_leak_word(o)}が生じていることが判明いたしました。"
                    "関係する皆様に多大なるご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。"),
        "sections": _sections(f, o, public=True),
        "closing": "今後、新たにお知らせすべき事実が判明した場合は、当社ウェブサイト等でお知らせいたします。",
        "addressee_note": it.STAGE_TEXT.get(stage, ""),
    }
