"""Japanese words for outcome values (SPEC §3), shared by the CLI summary, the GUI
and the documents so that all three say the same thing."""
from __future__ import annotations

KIND_JA = {"leak": "漏えい", "loss": "滅失", "damage": "毀損"}
EXEMPT_JA = {
    "encryption": "高度な暗号化等の措置",
    "processor_notified": "委託元への通知（委託先の例外）",
    "pseudonymized": "仮名加工情報",
    "not_personal_data": "個人データに当たらない",
    "not_substantial": "実質的に漏えいしていない（平成29年告示）",
    "minor_misdelivery": "軽微な誤送付（平成29年告示）",
}
PUBLICATION_JA = {
    "recommended": "公表を推奨します（二次被害の防止・本人に連絡できない場合に備えて）",
    "optional": "公表は任意です（事案の内容に応じて検討）",
    "substitute": "本人への通知に代えて公表し、問合せ窓口を設けます（代替措置）",
    "not_recommended": "公表の必要はありません",
}
DOC_JA = {
    "appi_report": "個人データの漏えい等事案の報告書（下書き）",
    "mynumber_report": "特定個人情報の漏えい等事案の報告書（下書き）",
    "telecom_secrecy_report": "通信の秘密の漏えいに関する報告書",
    "finance_report": "金融分野の報告書（法26条・業法）",
    "subject_notice": "本人への通知文",
    "public_notice": "公表文",
    "controller_notice": "委託元への通知文",
    "internal_record": "社内報告書・判断記録",
}
