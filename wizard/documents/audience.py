"""Texts for the persons and the public (通則GL 3-5-4-3, 3-5-4-4; 規則10条).

Letters and the 公表文 are built only from `notice.*` texts, structured facts (cause category,
items, count, period, dates) and the outcome — never from a `response.*` text, which is written
for the regulator and may hold attack details.  The one person-facing `response.*` field is
`response.contact_desk` (its question asks for the 問合せ窓口 given to the persons).

`notice_defaults(answers)` gives the GUI the generated texts to show prefilled for editing.
"""
from __future__ import annotations

from typing import Any

from .fmt import Fmt, is_blank
from .items import secondary_status

ATTACKS = frozenset({"unauthorized_access", "malware", "ransomware", "skimming", "tampering", "insider", "theft"})

# Safe sentences per cause category: no technique, version, address or system name.
CAUSE_SENTENCES = {
    "misdelivery": "{s}から書類又は電子メールを送付する際、宛先の確認が不十分であったことによるものです。",
    "loss": "{s}において、個人情報を記録した{medium}を紛失したことによるものです。",
    "theft": "{s}が管理していた、個人情報を記録した{medium}が盗難に遭ったことによるものです。",
    "unauthorized_access": "{s}のシステムが第三者による不正アクセスを受けたことによるものです。",
    "malware": "{s}の端末がマルウェア（コンピュータウイルス）に感染したことによるものです。",
    "ransomware": "{s}のシステムがランサムウェア（身代金を要求するコンピュータウイルス）による攻撃を受けたことによるものです。",
    "insider": "{s}の従業者等が個人情報を不正に持ち出したことによるものです。",
    "misconfiguration": "{s}のシステムの設定に誤りがあり、外部から閲覧できる状態になっていたことによるものです。",
    "skimming": "{s}のウェブサイトが第三者による不正アクセスを受け、決済（入力）画面が改ざんされたことによるものです。",
    "tampering": "{s}がご案内したリンク先や返信用の書類等が、第三者により改ざんされたことによるものです。",
    "disposal_error": "{s}において、個人情報を記録した{medium}を誤って廃棄したことによるものです。",
    "deletion_error": "{s}において、個人情報を記録したデータを誤って消去したことによるものです。",
    "intentional_provision": "{s}が、本来提供すべきでない第三者に個人情報を提供したことによるものです。",
    "other": "現在、{s}において原因を調査しております。",
}
CAUSE_WORDS = {
    "misdelivery": "誤送付", "loss": "紛失", "theft": "盗難", "unauthorized_access": "不正アクセス",
    "malware": "マルウェア感染", "ransomware": "ランサムウェアによる攻撃", "insider": "従業者等による不正な持ち出し",
    "misconfiguration": "システムの設定誤り", "skimming": "第三者によるウェブサイトの改ざん",
    "tampering": "第三者による改ざん", "disposal_error": "誤廃棄", "deletion_error": "誤消去",
    "intentional_provision": "第三者への誤った提供", "other": "事故",
}
PREVENTION_SENTENCES = {
    "misdelivery": "送付前の宛先確認の手順を見直し、徹底してまいります。",
    "loss": "個人情報を記録した書類・媒体の持ち出しと保管の管理を見直し、徹底してまいります。",
    "disposal_error": "書類・媒体の廃棄の手順を見直し、徹底してまいります。",
    "deletion_error": "データの取扱いとバックアップの手順を見直してまいります。",
    "misconfiguration": "システムの設定変更時の確認体制を見直してまいります。",
}


# -- how the organisation names itself, and how it addresses the persons --------------------------
def self_name(a: dict[str, Any]) -> str:
    """org.self_name, else a default from the business type, the sector and the name."""
    given = a.get("org.self_name")
    if not is_blank(given):
        return str(given)
    text = f"{a.get('org.business_type') or ''} {a.get('org.name') or ''}"
    for words, name in ((("信用金庫",), "当金庫"), (("信用組合", "労働金庫"), "当組合" if "信用組合" in text else "当金庫"),
                        (("銀行",), "当行"), (("健康保険組合", "共済組合", "協同組合", "組合"), "当組合"),
                        (("病院", "クリニック", "診療所", "医院", "歯科"), "当院"), (("薬局",), "当薬局"),
                        (("大学",), "本学"), (("学校", "学園", "高等学校", "中学校", "小学校"), "当校"),
                        (("財団法人", "社団法人", "医療法人", "社会福祉法人", "NPO法人", "特定非営利活動法人", "学校法人",
                          "独立行政法人", "国立大学法人"), "当法人"),
                        (("協会",), "当協会"), (("株式会社", "有限会社", "合同会社", "合資会社", "合名会社"), "当社")):
        if any(w in text for w in words):
            return name
    if a.get("org.sector") == "medical":
        return "当院"
    return "当社"


def addressee_word(a: dict[str, Any]) -> str:
    """notice.addressee, else from data.subject_kinds / the sector: お客様 / 患者様 / 加入者の皆様 …"""
    given = a.get("notice.addressee")
    if not is_blank(given):
        return str(given)
    kinds = " ".join(str(k) for k in a.get("data.subject_kinds") or [])
    kinds += " " + " ".join(str(k) for k in a.get("mynumber.subject_kinds") or [])
    for words, word in ((("患者",), "患者様"), (("被保険者", "加入者", "組合員"), "加入者の皆様"),
                        (("学生", "生徒", "児童"), "保護者・学生の皆様" if "保護者" in kinds else "学生の皆様"),
                        (("会員",), "会員の皆様"), (("視聴者",), "視聴者の皆様"), (("利用者", "契約者"), "ご利用者の皆様"),
                        (("応募者",), "応募者の皆様"), (("従業員", "職員", "社員"), "従業員の皆様")):
        if any(w in kinds for w in words):
            return word
    if a.get("org.sector") == "medical":
        return "患者様"
    if a.get("org.sector") == "finance" and "銀行" in f"{a.get('org.business_type') or ''}{a.get('org.name') or ''}":
        return "お客さま"
    return "お客様"


def public_addressee(a: dict[str, Any]) -> str:
    word = addressee_word(a)
    return f"{word}・関係者各位" if word.endswith(("様", "さま")) else "関係者各位"


def collective(word: str) -> str:
    """The salutation of a letter without a name: お客様各位 / 加入者の皆様へ."""
    if word.endswith("皆様"):
        return f"{word}へ"
    return f"{word}各位"


# -- what happened, in words for the persons -------------------------------------------------------
def leak_word(o: dict[str, Any]) -> str:
    inc = o.get("incident") or {}
    kinds = inc.get("kinds") or ["leak"]
    word = "漏えい" if "leak" in kinds else ("滅失" if "loss" in kinds else "毀損")
    return f"{word}のおそれ" if inc.get("suspected") else word


def _medium(a: dict[str, Any]) -> str:
    m = a.get("data.medium")
    if is_blank(m):
        return "書類又は媒体"
    return "書類" if str(m) in ("紙", "紙媒体", "書面") else str(m)


def items_text(a: dict[str, Any], mynumber_only: bool = False) -> str:
    base = list(a.get("mynumber.items") or []) if mynumber_only else list(a.get("data.items") or [])
    if not mynumber_only and a.get("mynumber.included") == "yes":
        for x in a.get("mynumber.items") or ["個人番号（マイナンバー）"]:
            if x not in base:
                base.append(x)
    return "、".join(str(x) for x in base) if base else "調査中"


def summary(f: Fmt, o: dict[str, Any]) -> str:
    a = f.a
    given = a.get("notice.summary")
    if not is_blank(given):
        return str(given)
    s = self_name(a)
    known = f.date(a.get("incident.known_on"))
    cause = CAUSE_WORDS.get(str(a.get("incident.cause")), "事故")
    occurred = a.get("incident.occurred_on")
    mn = a.get("mynumber.included") == "yes" and (o.get("mynumber") or {}).get("required")
    what = "個人番号（マイナンバー）を含む個人情報" if mn else "個人情報"
    when = f"発生日は{f.date(occurred)}です。" if occurred else "発生日は現在調査しております。"
    return (f"{s}が取り扱う{addressee_word(a)}の{what}について、{cause}により{leak_word(o)}が生じたことが、"
            f"{known}に判明いたしました。{when}")


def cause(f: Fmt) -> str:
    a = f.a
    given = a.get("notice.cause")
    if not is_blank(given):
        return str(given)
    c = str(a.get("incident.cause") or "other")
    text = CAUSE_SENTENCES.get(c, CAUSE_SENTENCES["other"]).format(s=self_name(a), medium=_medium(a))
    if c == "misdelivery":
        medium = str(a.get("data.medium") or "")
        if "紙" in medium or "郵" in medium or "FAX" in medium:
            text = text.replace("書類又は電子メールを送付する際", "書類を送付する際")
        elif "メール" in medium:
            text = text.replace("書類又は電子メールを送付する際", "電子メールを送信する際")
    if c in ATTACKS:
        text += "手口の詳細については、被害の拡大を防ぐため、お知らせを差し控えさせていただきます。"
    return text


def prevention(f: Fmt) -> str:
    a = f.a
    given = a.get("notice.prevention")
    if not is_blank(given):
        return str(given)
    c = str(a.get("incident.cause") or "other")
    specific = PREVENTION_SENTENCES.get(c, "原因の調査結果を踏まえ、システムと管理体制の見直しを行ってまいります。")
    return f"{self_name(a)}は、本件を厳粛に受け止め、{specific}"


def period(f: Fmt) -> str:
    a = f.a
    given = a.get("notice.period")
    if not is_blank(given):
        return str(given)
    kinds = "、".join(str(k) for k in a.get("data.subject_kinds") or []) or addressee_word(a)
    return f"{self_name(a)}の{kinds}のうち、本件の対象となった方"


def secondary(f: Fmt, o: dict[str, Any]) -> str:
    """From the structured answer only (response.secondary_damage is the regulator's text)."""
    a = f.a
    status = secondary_status(a)   # the yes/no only; the regulator's text itself is never printed
    if status == "yes":
        head = "現時点で、本件に関連する二次被害（そのおそれを含みます。）が確認されています。"
    elif status == "no":
        head = "現時点で、本件に関連する二次被害は確認されておりません。"
    else:
        head = "現時点で、二次被害の有無を確認しております。"
    risks = []
    joined = items_text(a)
    if a.get("data.financial") == "yes" or "カード" in joined:
        risks.append("カード番号等が不正に利用される")
    if any(w in joined for w in ("メール", "電話")):
        risks.append(f"{self_name(a)}や関係機関を装った不審な電子メール・電話等が届く")
    if a.get("mynumber.included") == "yes":
        risks.append("個人番号（マイナンバー）が不正に用いられる")
    if risks:
        head += "今後、" + "、".join(risks) + "おそれがあります。"
    return head


def protective_steps(a: dict[str, Any]) -> list[str]:
    """Steps that fit the items that leaked (パスワード変更, カード再発行, 番号変更請求)."""
    s = self_name(a)
    joined = items_text(a)
    steps = [f"{s}を名乗る不審な電話・電子メール・SMS等にご注意ください。本件に関連して、{s}から暗証番号等を"
             "お尋ねしたり、リンク先で情報の入力をお願いしたりすることはありません。"]
    if any(w in joined for w in ("パスワード", "ログインID", "ＩＤ", "認証")):
        steps.append(f"{s}のサービスのパスワードを変更してください。他のサービスで同じパスワードをお使いの場合は、"
                     "そちらも変更してください。")
    if a.get("data.financial") == "yes" or "カード" in joined:
        steps.append("クレジットカードのご利用明細に身に覚えのない請求がないかご確認ください。不審な請求がある場合や"
                     "カードの再発行をご希望の場合は、カード裏面に記載のカード会社の窓口へご相談ください。")
    if "口座" in joined:
        steps.append("預金口座の入出金明細に身に覚えのないお取引がないかご確認ください。不審な点がございましたら、"
                     "下記の窓口までご連絡ください。")
    if a.get("mynumber.included") == "yes":
        steps.append("個人番号（マイナンバー）が漏えいして不正に用いられるおそれがあると認められるときは、"
                     "お住まいの市区町村長に個人番号の変更を請求すること（番号変更請求）ができます（番号法第7条第2項）。")
    return steps


# -- which law applies, and to whom a report was made ----------------------------------------------
def laws(o: dict[str, Any]) -> list[str]:
    out = []
    if (o.get("appi") or {}).get("required"):
        out.append("個人情報の保護に関する法律第26条第2項")
    if (o.get("mynumber") or {}).get("required") and o.get("ruleset") != "appi-2017":
        out.append("行政手続における特定の個人を識別するための番号の利用等に関する法律（番号法）第29条の4第2項")
    return out


def reported_to(f: Fmt, o: dict[str, Any]) -> list[str]:
    """「…へ報告いたしました」 for every report the outcome requires (names only; no deadlines)."""
    a = f.a
    done = "報告いたしました" if a.get("report.date") else "報告いたします"
    dests: list[str] = []
    appi, mn = o.get("appi") or {}, o.get("mynumber") or {}
    if appi.get("required") or appi.get("effort"):
        dests.append(str(appi.get("office") or appi.get("destination_name") or "個人情報保護委員会"))
    if mn.get("required") or mn.get("effort"):
        dests.append("個人情報保護委員会")
    for sr in o.get("sector_reports") or []:
        if sr.get("id") in ("telecom_secrecy", "telecom_specific_user_info", "finance_sector_law") and sr.get("office"):
            dests.append(str(sr["office"]))
    dests = list(dict.fromkeys(dests))
    lines = [f"本件は、{'及び'.join(dests)}へ{done}。"] if dests else []
    police = a.get("response.police")
    if police == "reported":
        lines.append("警察にも相談しております。")
    elif police == "planned":
        lines.append("警察にも相談する予定です。")
    return lines


def notice_defaults(answers: dict[str, Any], outcome: dict[str, Any] | None = None) -> dict[str, str]:
    """The person-facing texts as the documents would print them, for the GUI to prefill.

    Call with the session's answers (and the outcome if at hand); show each value in the
    matching `notice.*` / `org.self_name` field when that field is still empty.
    """
    o = outcome or {"incident": {"kinds": ["leak"], "suspected": True}}
    bare = {k: v for k, v in answers.items() if not k.startswith("notice.") and k != "org.self_name"}
    f = Fmt(bare, o)
    return {
        "org.self_name": self_name(bare),
        "notice.addressee": addressee_word(bare),
        "notice.period": period(f),
        "notice.summary": summary(f, o),
        "notice.cause": cause(f),
        "notice.prevention": prevention(f),
    }
