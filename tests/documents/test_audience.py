"""Self-designation, addressee and the generated person-facing texts (SPEC §2.1 Audience)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wizard.documents.audience import addressee_word, collective, notice_defaults, self_name
from wizard.domain.facts import CAUSES


@pytest.mark.parametrize(("answers", "expected"), [
    ({"org.name": "株式会社しずなみ銀行", "org.sector": "finance", "org.business_type": "銀行業"}, "当行"),
    ({"org.name": "みなみ製作所健康保険組合", "org.business_type": "健康保険組合"}, "当組合"),
    ({"org.name": "医療法人あおば会", "org.sector": "medical", "org.business_type": "クリニック"}, "当院"),
    ({"org.name": "あおば信用金庫", "org.sector": "finance"}, "当金庫"),
    ({"org.name": "公益財団法人ひかり財団"}, "当法人"),
    ({"org.name": "株式会社あかしや雑貨店"}, "当社"),
    ({"org.name": "株式会社しずなみ銀行", "org.self_name": "弊行"}, "弊行"),
])
def test_self_name(answers, expected) -> None:
    assert self_name(answers) == expected


@pytest.mark.parametrize(("answers", "expected"), [
    ({"data.subject_kinds": ["患者"]}, "患者様"),
    ({"data.subject_kinds": ["被保険者"]}, "加入者の皆様"),
    ({"data.subject_kinds": ["顧客"]}, "お客様"),
    ({"data.subject_kinds": ["預金者"], "org.sector": "finance", "org.name": "しずなみ銀行"}, "お客さま"),
    ({"data.subject_kinds": ["顧客"], "notice.addressee": "会員様"}, "会員様"),
])
def test_addressee(answers, expected) -> None:
    assert addressee_word(answers) == expected


def test_collective_salutation() -> None:
    assert collective("お客様") == "お客様各位" and collective("加入者の皆様") == "加入者の皆様へ"


@given(st.sampled_from(sorted(CAUSES)), st.lists(st.sampled_from(["氏名", "パスワード", "口座番号", "住所"])),
       st.text(max_size=30))
def test_defaults_never_carry_regulator_text(cause, items, detail) -> None:
    secret = "CVE-2021-20717 198.51.100.7 " + detail
    answers = {"incident.cause": cause, "data.items": items, "response.cause_detail": secret,
               "response.prevention": secret, "response.secondary_damage": secret, "incident.summary": secret,
               "incident.known_on": "2026-06-18", "org.name": "株式会社あかしや雑貨店"}
    out = notice_defaults(answers)
    assert set(out) == {"org.self_name", "notice.addressee", "notice.period", "notice.summary", "notice.cause",
                        "notice.prevention"}
    for text in out.values():
        assert "CVE" not in text and "198.51" not in text
        assert len(detail) < 8 or detail not in text


def test_defaults_ignore_the_users_own_notice_texts() -> None:
    out = notice_defaults({"incident.cause": "loss", "notice.cause": "自作の文", "org.self_name": "弊社",
                           "incident.known_on": "2026-06-18", "data.medium": "USBメモリ"})
    assert out["notice.cause"] != "自作の文" and "USBメモリ" in out["notice.cause"]
    assert out["org.self_name"] == "当社"
