"""Render every document kind, reopen with python-docx and check what a reader would check."""
from __future__ import annotations

import json

import pytest
from docfixtures import ALL_KINDS, KIND_CASE, case_answers, docx_text, incident, outcome

from wizard.documents.api import render_bundle


def render(tmp_path, kind: str, **answers):
    a = case_answers(KIND_CASE[kind], **answers)
    out = tmp_path / kind
    manifest = render_bundle(incident(a), outcome(kind), out)
    texts = {}
    for d in manifest["documents"]:
        key = d["path"].removesuffix(".docx")
        texts[key] = docx_text(out / d["path"])
    return manifest, texts


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_kind_renders_what_the_outcome_lists(tmp_path, kind) -> None:
    manifest, texts = render(tmp_path, kind)
    ids = [d["id"] for d in manifest["documents"]]
    expected = set(outcome(kind)["documents"])
    if kind == "finance":  # 法26条 and 業法 to the same office: one document (金融分野Q&A 4-10)
        expected.discard("appi_report")
    assert set(ids) == expected
    for name, text in texts.items():
        assert "{{" not in text and "{%" not in text, name
        assert not ("殿" in text.split("\n")[1] and "御中" in text.split("\n")[1]), name


def test_ppc_report(tmp_path) -> None:
    _, t = render(tmp_path, "ppc")
    r = t["appi_report"]
    assert "個人情報保護委員会　御中" in r and "殿" not in r
    assert "個人データの漏えい等事案の報告について（速報）" in r
    assert "下記のとおり報告します。" in r and "\n記\n" in r and "以上" in r
    assert "☑ 第3号" in r and "☑ 第4号" in r and "☐ 第1号" in r and "☐ 第2号" in r
    assert "☑ 速報" in r and "☐ 確報" in r and "新規報告" in r
    # rules.md §12 order of the items
    labels = ["報告種別", "報告対象事態", "概要", "発生事実", "漏えい等が発生し、又は発生したおそれがある個人データの項目",
              "漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数", "原因",
              "二次被害又はそのおそれの有無及びその内容", "本人への対応の実施状況", "公表の実施状況",
              "再発防止のための措置", "その他参考となる事項"]
    positions = [r.index("\n" + label) for label in labels]
    assert positions == sorted(positions)
    assert "令和8年7月8日" not in r and "※" not in r  # deadlines are internal notes: record only
    assert "令和8年7月8日（水）" in t["internal_record"]
    assert "株式会社あおばセミナー企画" in r and "代表取締役　山田太郎" in r
    assert "20名" in r


def test_telecom_reports(tmp_path) -> None:
    _, t = render(tmp_path, "telecom")
    for name in ("appi_report", "telecom_secrecy_report"):
        assert "関東総合通信局長　殿" in t[name] and "御中" not in t[name]
    s = t["telecom_secrecy_report"]
    assert "通信の秘密の漏えいに関する報告書（第一報）" in s and "☑ 第一報" in s and "☐ 詳報" in s
    assert "登録又は届出番号" in s and "通信の秘密を漏えいされた当事者への対応状況" in s


def test_finance_report_lists_both_bases(tmp_path) -> None:
    _, t = render(tmp_path, "finance")
    f = t["finance_report"]
    assert "金融庁長官　殿" in f and "御中" not in f
    assert "個人情報の保護に関する法律第26条第1項" in f and "銀行法施行規則" in f
    assert "☑ 第2号" in f and "appi_report" not in t


def test_bank_basis_names_only_the_bank_law(tmp_path) -> None:
    _, t = render(tmp_path, "finance", **{"org.business_type": "銀行業", "org.name": "株式会社しずなみ銀行"})
    f = t["finance_report"]
    assert "銀行法施行規則第13条の6の5の2" in f
    assert "金融商品取引業等に関する内閣府令" not in f and "保険業法" not in f


def test_mynumber_report_and_notice(tmp_path) -> None:
    _, t = render(tmp_path, "mynumber", **{"mynumber.included": "yes"})
    m = t["mynumber_report"]
    assert "特定個人情報の漏えい等事案の報告について（速報）" in m and "個人情報保護委員会　御中" in m
    assert "☑ 第2号" in m and "☑ 第4号" in m and "☐ 第1号" in m and "☐ 第3号" in m
    assert "任意" not in m
    assert "番号変更請求" in t["subject_notice"]


def test_voluntary_mynumber_is_marked(tmp_path) -> None:
    _, t = render(tmp_path, "voluntary_mynumber")
    assert "任意（努力義務）" in t["mynumber_report"]


def test_controller_notice(tmp_path) -> None:
    _, t = render(tmp_path, "processor")
    c = t["controller_notice"]
    assert "第26条第1項ただし書" in c and "規則第9条" in c and "（委託元の名称）　御中" in c
    _, t = render(tmp_path / "named", "processor", **{"incident.controller_name": "東西生命保険株式会社"})
    assert "東西生命保険株式会社　御中" in t["controller_notice"]


def test_broadcast_2017_forms(tmp_path) -> None:
    _, t = render(tmp_path, "broadcast2017", **{"org.sector": "broadcast", "broadcast.viewing_history": "no"})
    a, m, serious = t["appi_report"], t["mynumber_report"], t["mynumber_report_serious_ppc"]
    assert "関東総合通信局長　殿" in a and "関東総合通信局長　殿" in m
    for label in ("①報告種別", "②事案の概要", "③発生事実", "⑧公表（予定）", "⑪その他", "視聴履歴"):
        assert label in a
    for label in ("②重大事態（そのおそれのある事案を含む。）の該当の有無", "☑ 該当する", "⑩その他"):
        assert label in m
    assert "個人情報保護委員会　御中" in serious and "（重大事態）" in serious  # 重大事態: also directly to PPC
    for text in (a, m, serious, t["internal_record"]):
        assert "速報" not in text and "確報" not in text
    for text in (a, m, serious):
        assert "規則7条" not in text and "第7条" not in text


def test_subject_notice_has_the_five_items_and_steps(tmp_path) -> None:
    _, t = render(tmp_path, "ppc", **{"incident.cause": "unauthorized_access", "data.financial": "yes",
                                      "data.items": ["氏名", "ログインID", "パスワード", "クレジットカード番号"]})
    n = t["subject_notice"]
    for heading in ("概要", "個人情報の項目", "原因", "二次被害又はそのおそれの有無及びその内容",
                    "お客様へのお願い", "お問合せ窓口"):
        assert heading in n
    assert "パスワードを変更" in n and "再発行" in n and "0120-000-000" in n and "お客様各位" in n
    assert "手数料" not in n and "負担" not in n  # no promise the user did not make
    assert "個人情報の保護に関する法律第26条第2項" in n and "個人情報保護委員会へ報告いたしました" in n


def test_protective_steps_fit_the_items(tmp_path) -> None:
    _, t = render(tmp_path, "ppc", **{"data.items": ["氏名", "住所"], "data.financial": "no"})
    n = t["subject_notice"]
    assert "パスワード" not in n and "カード" not in n and "口座" not in n and "番号変更" not in n
    _, t = render(tmp_path / "b", "ppc", **{"data.items": ["氏名", "口座番号"], "data.financial": "no"})
    assert "入出金明細" in t["subject_notice"] and "パスワード" not in t["subject_notice"]


def test_public_notice_keeps_details_out(tmp_path) -> None:
    secret = "SQLインジェクションで管理画面から山田一郎様の記録を取得"
    _, t = render(tmp_path, "ppc", **{"incident.cause": "unauthorized_access", "incident.summary": secret,
                                      "response.cause_detail": secret})
    p = t["public_notice"]
    assert secret not in p and "山田一郎" not in p
    assert "差し控え" in p and "不正アクセス" in p


def test_internal_record(tmp_path) -> None:
    _, t = render(tmp_path, "telecom")
    r = t["internal_record"]
    for task in ("責任者", "調査", "影響範囲", "再発防止", "本人への通知", "公表の判断"):
        assert task in r
    assert "個人情報保護法施行規則7条3号" in r and "本人の数が確定していません。" in r
    assert "令和8年6月12日（金）" in r and "令和8年7月7日（火）" in r  # legal + recommended
    assert "通信の秘密の漏えいに関する報告書 第一報" in r and "通信の秘密の漏えいに関する報告書 詳報" in r
    assert "事業者の名称（org.name）" not in r and "appi-2022" not in r


def test_seireki_maximum_and_pending(tmp_path) -> None:
    _, t = render(tmp_path, "ppc", **{"options.era": "seireki", "data.subjects_exact": False,
                                      "response.prevention": None, "response.pending_until": "2026-07-01"})
    r = t["appi_report"]
    assert "2026年6月10日" in r and "令和" not in r
    assert "最大20名" in r
    assert "検討中（2026年7月1日頃判明見込み）" in r


def test_manifest_shape(tmp_path) -> None:
    manifest, _ = render(tmp_path, "ppc")
    on_disk = json.loads((tmp_path / "ppc" / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk == manifest and set(manifest) == {"documents", "errors"}
    for d in manifest["documents"]:
        expected = {"id", "title", "path"} | ({"letters"} if d["id"] == "subject_notice" else set())
        assert set(d) == expected and (tmp_path / "ppc" / d["path"]).is_file()
    assert [d["letters"] for d in manifest["documents"] if d["id"] == "subject_notice"] == [1]


def test_no_silent_overwrite_and_force(tmp_path) -> None:
    a, o = case_answers("S01"), outcome("ppc")
    first = render_bundle(incident(a), o, tmp_path)
    before = (tmp_path / "appi_report.docx").read_bytes()
    second = render_bundle(incident(a), o, tmp_path)
    assert [d["path"] for d in second["documents"]][0] == "appi_report (2).docx"
    assert (tmp_path / "appi_report.docx").read_bytes() == before
    assert (tmp_path / "manifest (2).json").is_file()
    third = render_bundle(incident(a), o, tmp_path, force=True)
    assert [d["path"] for d in third["documents"]] == [d["path"] for d in first["documents"]]
    assert not list(tmp_path.glob(".tmp-*"))


def test_long_letter_continues_with_addressee_and_page_number(tmp_path) -> None:
    long = "当社のサイトにおいて、お客様の情報が第三者に閲覧された可能性があることが判明いたしました。" * 40
    _, t = render(tmp_path, "ppc", **{"notice.summary": long})
    n = t["subject_notice"]
    assert "お客様各位　（2／2枚目）" in n and "－ 1／2 －" in n and "－ 2／2 －" in n
    _, t = render(tmp_path / "short", "ppc")
    assert "枚目" not in t["subject_notice"]   # a short letter stays on one page
