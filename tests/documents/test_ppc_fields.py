"""Copy fields of the PPC online form follow the report's structured fields (no Qt needed)."""
from __future__ import annotations

from docfixtures import case_answers, outcome

from wizard.gui.ppc_fields import ITEMS, ppc_fields, ppc_form_fields


def test_structured_choices_are_separate_fields() -> None:
    a = case_answers("S01", **{"response.secondary_status": "no", "response.subject_status": "done",
                               "response.subject_date": "2026-06-11", "response.publication_status": "planned",
                               "response.publication_date": "2026-06-15", "response.publication_method": "website",
                               "response.discoverer": "受信者", "response.police": "none",
                               "response.prevention_planned": "研修", "response.prevention_planned_on": "2026-08-01"})
    fields = dict(ppc_form_fields(a, outcome("ppc")))
    assert fields["二次被害：有無"] == "無"
    assert fields["本人への対応：実施状況"] == "対応済（通知済み）"
    assert "令和8年6月11日" in fields["本人への対応：方法・時期"]
    assert fields["公表：実施状況"] == "あり（予定）" and fields["公表：公表（予定）日"] == "令和8年6月15日"
    assert fields["公表：公表方法"] == "ホームページに掲載"
    assert fields["概要：発見者"] == "受信者" and fields["報告対象事態（規則7条）"] == "第3号・第4号"
    assert "令和8年8月1日までに実施予定" in fields["再発防止のための措置：今後の予定"]
    assert all(v and "None" not in v for v in fields.values())


def test_unanswered_choices_say_so() -> None:
    fields = dict(ppc_form_fields(case_answers("S01", **{"response.secondary_damage": None})))
    assert fields["二次被害：有無"] == "調査中" and fields["公表：実施状況"] == "未定"
    assert fields["公表：公表（予定）日"] == "－"


def test_nine_items_carry_their_sub_fields() -> None:
    a = case_answers("S01", **{"response.publication_status": "done", "response.publication_date": "2026-06-12",
                               "response.publication_method": "press"})
    items = ppc_fields(a)
    assert [label for label, _ in items] == ITEMS
    by = dict(items)
    assert "発生日：" in by["概要"] and "発覚日：" in by["概要"] and "発見者：" in by["概要"]
    assert "公表（予定）日：令和8年6月12日" in by["公表の実施状況"] and "公表方法：記者会見" in by["公表の実施状況"]
    assert by["二次被害又はそのおそれの有無及びその内容"].startswith("有無：無")
