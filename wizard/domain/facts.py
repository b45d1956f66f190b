"""The facts vocabulary of SPEC §2.1 (stable ids), with types and Japanese labels.

One table serves the incident-file validator, the question graph checks, the
GUI labels and the documents.  No Qt, no I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, field

TRI = ("yes", "no", "unknown")
TRI_LABELS = {"yes": "はい", "no": "いいえ", "unknown": "不明"}

SECTORS = {
    "general": "一般（下記以外）",
    "medical": "医療・介護",
    "telecom": "電気通信事業者",
    "broadcast": "放送事業者・受信者情報取扱事業者",
    "postal": "郵便・信書便事業者",
    "finance": "金融（金融庁所管の業法対象：銀行・保険・金融商品取引業等）",
    "credit_bureau": "指定信用情報機関・認定割賦販売協会",
    "credit_card": "包括・個別信用購入あっせん業者",
    "real_estate": "不動産関係（宅建業・マンション管理業・賃貸住宅管理業・不動産鑑定業等）",
}
CAUSES = {
    "misdelivery": "誤送付・誤送信（BCC漏れを含む）",
    "loss": "紛失",
    "theft": "盗難",
    "unauthorized_access": "不正アクセス",
    "malware": "マルウェア感染",
    "ransomware": "ランサムウェア",
    "insider": "従業者等の不正な持ち出し",
    "misconfiguration": "設定ミスによる公開",
    "skimming": "入力ページの改ざん（ウェブスキミング）",
    "tampering": "リンク・返信用封筒等の改ざん",
    "disposal_error": "誤廃棄",
    "deletion_error": "誤消去",
    "intentional_provision": "意図的な第三者提供",
    "other": "その他",
}
SUPERVISORS = {
    "national": "国（金融庁本庁・国土交通大臣）",
    "regional": "地方の出先機関（財務局・財務支局・地方整備局）",
    "prefecture": "都道府県知事",
}
MYNUMBER_ROLES = {
    "none": "マイナンバーを取り扱わない",
    "employer": "個人番号関係事務のみ（従業員の源泉徴収・社会保険等）",
    "administrator": "個人番号利用事務実施者（健康保険組合等）",
}
MYNUMBER_SYSTEMS = {
    "network": "情報提供ネットワークシステム（及びこれに接続された電子計算機）",
    "administration": "個人番号利用事務を処理する情報システム",
    "public_relation": "行政機関等が個人番号関係事務を処理する情報システム",
    "other": "上記以外（社内の給与システム・紙・メール等）",
}
ROLES = {"self": "自社が取り扱う個人データ", "processor": "委託を受けて取り扱う個人データ（委託先）"}
NOTICE_METHODS = {"letter": "郵送", "email": "電子メール", "both": "郵送と電子メール", "public": "公表（代替措置）"}
PUBLICATION_STATUS = {"done": "公表済み", "planned": "公表予定", "none": "公表しない", "undecided": "未定"}
PUBLICATION_METHODS = {"website": "ホームページに掲載", "press": "記者会見", "press_club": "記者クラブ等への資料配布",
                       "other": "その他"}
SUBJECT_STATUS = {"done": "対応済（通知済み）", "planned": "対応予定", "undecided": "未定"}
POLICE = {"reported": "相談・届出済み", "planned": "相談・届出の予定", "none": "相談・届出はしていない"}
STAGES = {"preliminary": "速報", "final": "確報", "combined": "速報兼確報"}
ERAS = {"wareki": "和暦", "seireki": "西暦"}


@dataclass(frozen=True)
class Fact:
    id: str
    type: str  # str, text, int, bool, tri, date, datenull, list, strnull, enum
    label: str
    choices: dict[str, str] = field(default_factory=dict)


def _f(fid: str, typ: str, label: str, choices: dict[str, str] | None = None) -> Fact:
    return Fact(fid, typ, label, choices or {})


FACTS: dict[str, Fact] = {f.id: f for f in [
    # Organisation
    _f("org.name", "str", "事業者の名称"),
    _f("org.representative", "str", "代表者の役職・氏名"),
    _f("org.address", "str", "所在地（本店）"),
    _f("org.prefecture", "str", "本店所在地の都道府県"),
    _f("org.department", "str", "担当部署"),
    _f("org.contact_person", "str", "担当者"),
    _f("org.phone", "str", "電話番号"),
    _f("org.email", "str", "電子メールアドレス"),
    _f("org.business_type", "str", "業種"),
    _f("org.registration_number", "str", "電気通信事業の登録番号・届出番号"),
    _f("org.sector", "enum", "業種の区分", SECTORS),
    _f("org.supervisor", "enum", "監督官庁（免許・登録をした者）", SUPERVISORS),
    _f("org.employee_count", "int", "従業員数"),
    _f("org.mynumber_role", "enum", "マイナンバーの取扱い", MYNUMBER_ROLES),
    _f("org.telecom_designated", "bool", "電気通信事業法27条の5の指定を受けている"),
    _f("org.accredited_body", "strnull", "加入している認定個人情報保護団体"),
    _f("org.pmark", "bool", "プライバシーマーク付与事業者"),
    _f("org.self_name", "str", "通知文・公表文での自社の呼び方（当社・当行・当組合・当院など）"),
    # Incident
    _f("incident.title", "str", "件名"),
    _f("incident.summary", "text", "事案の概要"),
    _f("incident.occurred_on", "datenull", "発生日"),
    _f("incident.known_on", "date", "知った日（発覚日）"),
    _f("incident.location", "str", "発生場所"),
    _f("incident.discovery", "text", "発覚の経緯"),
    _f("incident.cause", "enum", "事案の種類", CAUSES),
    _f("incident.malicious", "tri", "不正の目的をもって行われたおそれがある行為か"),
    _f("incident.left_premises", "tri", "書類・媒体が事業所の外にあったか"),
    _f("incident.unviewed_confirmed", "tri", "第三者に閲覧・取得されていないことが確認できるか"),
    _f("incident.copy_exists", "tri", "同じ内容のデータが他に保管されているか"),
    _f("incident.destroyed", "tri", "個人データが消去・破壊された（又はそのおそれがある）か"),
    _f("incident.altered", "tri", "個人データの内容が意図しない形で変更された（改ざん・誤った上書き等）か"),
    _f("incident.unusable", "tri", "内容を保ちつつ利用できなくなった（暗号化・復号鍵の喪失等）か"),
    _f("incident.role", "enum", "漏えい等した個人データの取扱いの立場", ROLES),
    _f("incident.controller_notified", "tri", "委託元に規則8条1項の事項を通知した（する）か"),
    _f("incident.controller_name", "str", "委託元の名称"),
    # Data
    _f("data.is_personal_data", "tri", "個人データに当たるか"),
    _f("data.pseudonymized", "bool", "仮名加工情報である個人データか"),
    _f("data.being_acquired", "bool", "取得中・取得予定の個人情報か"),
    _f("data.subjects", "int", "本人の数（最大）"),
    _f("data.subjects_exact", "bool", "本人の数は確定しているか"),
    _f("data.items", "list", "漏えい等した個人データの項目"),
    _f("data.subject_kinds", "list", "本人の属性"),
    _f("data.medium", "str", "媒体"),
    _f("data.method_info", "bool", "匿名加工情報の加工方法等情報か"),
    _f("data.address_only", "bool", "宛名及び送信者名以外の個人データを含まない誤送信・誤配か"),
    _f("data.self_identifiable_only", "tri",
       "漏えい等したデータから事業者以外の者が本人を識別できず、それだけで本人に被害が生じるおそれもないか"),
    _f("data.sensitive", "tri", "要配慮個人情報を含むか"),
    _f("data.financial", "tri", "不正に利用されることにより財産的被害が生じるおそれがあるか"),
    _f("data.encryption", "tri", "高度な暗号化等の措置が講じられていたか"),
    _f("data.key_compromised", "tri", "復号鍵・パスワードが漏えい等しているか"),
    _f("mynumber.included", "tri", "特定個人情報（マイナンバー）を含むか"),
    _f("mynumber.subjects", "int", "特定個人情報に係る本人の数（最大）"),
    _f("mynumber.system", "enum", "特定個人情報を管理していた情報システム", MYNUMBER_SYSTEMS),
    _f("mynumber.misuse", "tri", "特定個人情報が不正の目的で利用・提供された（おそれ）か"),
    _f("mynumber.public_exposure", "tri", "電磁的方法により不特定多数の者に閲覧され（る）おそれがあるか"),
    _f("mynumber.unlawful_use", "tri", "番号法9条に反して利用された（おそれがある）か（例：個人番号を管理IDに流用）"),
    _f("mynumber.unlawful_provision", "tri", "番号法19条に反して提供された（おそれがある）か（例：グループ会社への提供）"),
    _f("mynumber.items", "list", "漏えい等した特定個人情報の項目"),
    _f("mynumber.subject_kinds", "list", "特定個人情報に係る本人の属性"),
    _f("telecom.secrecy", "tri", "通信の秘密の漏えいか"),
    _f("telecom.specific_user_info", "tri", "特定利用者情報の漏えいか"),
    _f("broadcast.viewing_history", "tri", "視聴履歴を含むか"),
    _f("finance.customer_data", "tri", "個人である顧客の情報を含むか"),
    # Response
    _f("response.cause_detail", "text", "原因"),
    _f("response.secondary_damage", "text", "二次被害又はそのおそれの有無及びその内容"),
    _f("response.subject_response", "text", "本人への対応の実施状況"),
    _f("response.publication", "text", "公表の実施状況"),
    _f("response.prevention", "text", "再発防止のための措置"),
    _f("response.other", "text", "その他参考となる事項"),
    _f("response.contact_desk", "text", "問合せ窓口"),
    _f("response.notice_method", "enum", "本人への通知の方法", NOTICE_METHODS),
    _f("response.pending_until", "datenull", "調査中の事項が判明する見込みの日"),
    _f("response.subjects_contacted", "tri", "影響を受ける可能性のある本人全てに連絡したか"),
    _f("response.investigation_done", "tri", "事実関係の調査を終え、再発防止策を決定しているか"),
    # Structured fields of the report form (規則8条1項・別記様式第一)
    _f("response.discoverer", "str", "発見者（誰が発見したか）"),
    _f("response.timeline", "text", "経緯（1行に1件：日付と出来事）"),
    _f("response.secondary_status", "tri", "二次被害又はそのおそれがあるか"),
    _f("response.subject_status", "enum", "本人への対応の状況", SUBJECT_STATUS),
    _f("response.subject_date", "datenull", "本人への通知日（予定日）"),
    _f("response.publication_status", "enum", "公表の状況", PUBLICATION_STATUS),
    _f("response.publication_date", "datenull", "公表日（予定日）"),
    _f("response.publication_method", "enum", "公表の方法", PUBLICATION_METHODS),
    _f("response.police", "enum", "警察への相談・届出", POLICE),
    _f("response.prevention_planned", "text", "今後実施予定の再発防止策"),
    _f("response.prevention_planned_on", "datenull", "予定の再発防止策の実施予定日"),
    # Texts for the persons and the public (SPEC §2.1 Audience): never response.*
    _f("notice.summary", "text", "本人・公表向けの事案の概要"),
    _f("notice.cause", "text", "本人・公表向けの原因の説明"),
    _f("notice.prevention", "text", "本人・公表向けの再発防止策"),
    _f("notice.period", "text", "対象となる方（期間・条件）"),
    _f("notice.addressee", "str", "通知の宛名の呼び方（お客様・患者様・加入者の皆様など）"),
    _f("report.stage", "enum", "報告の種類", STAGES),
    _f("report.date", "date", "報告日"),
    _f("report.previous_date", "datenull", "前回報告日"),
    # Options
    _f("options.ruleset_2026_draft", "bool", "令和8年改正（未施行）の規則を試算に使う"),
    _f("options.era", "enum", "文書の日付表記", ERAS),
]}

REQUIRED_FOR_ASSESS = ("org.sector", "incident.known_on", "incident.cause", "data.subjects")

# Derived default for incident.malicious (SPEC §2.1).
MALICIOUS_CAUSES = frozenset(
    {"theft", "unauthorized_access", "malware", "ransomware", "insider", "skimming", "tampering"}
)


def label(fact_id: str) -> str:
    f = FACTS.get(fact_id)
    return f.label if f else fact_id


def display_value(fact_id: str, value: object) -> str:
    """A value as a person reads it (はい/いいえ/不明, enum labels, lists joined)."""
    f = FACTS.get(fact_id)
    if value is None:
        return "不明" if f and f.type in ("datenull",) else "（未回答）"
    if f is None:
        return str(value)
    if f.type == "tri":
        return TRI_LABELS.get(str(value), str(value))
    if f.type == "bool":
        return "はい" if value else "いいえ"
    if f.type == "enum":
        return f.choices.get(str(value), str(value))
    if f.type == "list" and isinstance(value, list):
        return "、".join(str(v) for v in value)
    if f.type == "int" and isinstance(value, int):
        return f"{value:,}"
    return str(value)
