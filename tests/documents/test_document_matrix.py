"""Document checker: render a matrix of incidents through the real engine and read every document
as its reader would (SPEC §5 Audience; issue 10).

Matrix: the seven incidents of tests/documents/incidents (shop ×2 stages, ISP 通信の秘密, regional bank,
健康保険組合 My Number, mailing contractor, 2021 broadcaster) × report stages × e-mail/letter, plus
sector/destination variants.  On each document's text: no response.* text in letters/公表文/e-mails,
no raw ids, None/True/template residue or brief references, no 「※」 notes outside the internal
record, the right law cited in letters, every deadline of the outcome in the record.
"""
from __future__ import annotations

import json
import re
from email import message_from_bytes
from email.policy import default as email_default
from pathlib import Path
from typing import Any

import pytest
from docfixtures import docx_text

from wizard.documents.api import render_bundle
from wizard.engine.assess import assess
from wizard.engine.incident import load_incident

HERE = Path(__file__).parent / "incidents"
SEVEN = ["shop_preliminary", "shop_final", "isp_secrecy", "bank_loss", "kenpo_mynumber", "mailing_processor",
         "broadcast_2021"]
OUTGOING_PERSON = ("subject_notice", "public_notice")
RAW_ID = re.compile(r"\b(?:org|incident|data|mynumber|telecom|broadcast|finance|response|notice|report|options)"
                    r"\.[a-z_]+\b")
RESIDUE = ("{{", "}}", "{%", "%}", "None", "True", "False", "appi-2022", "appi-2017", "appi-2026", "rules.md",
           "routing.md", "[R]", "[V]", "訂正", "記憶に基づく", "S24")
POLITE = ("ます。", "です。", "ました。", "でした。", "ません。", "ください。", "ございます。", "ございません。")
PERSON_SAFE = {"response.contact_desk", "response.notice_method", "response.pending_until",
               "response.subject_status", "response.publication_status", "response.publication_method",
               "response.secondary_status", "response.police", "response.subject_date", "response.publication_date",
               "response.prevention_planned_on"}

VARIANTS: list[tuple[str, dict[str, Any]]] = [
    (name, {}) for name in SEVEN
] + [
    ("shop_preliminary", {"report.stage": "combined", "response.notice_method": "email"}),
    ("isp_secrecy", {"report.stage": "final", "org.telecom_designated": True, "telecom.specific_user_info": "yes"}),
    ("bank_loss", {"report.stage": "final", "org.supervisor": "national", "options.era": "seireki"}),
    ("kenpo_mynumber", {"data.subjects": 1500, "response.notice_method": "both", "report.stage": "preliminary"}),
    ("mailing_processor", {"incident.controller_notified": "no"}),
    ("broadcast_2021", {"org.accredited_body": None, "mynumber.included": "no"}),
    ("shop_preliminary", {"org.sector": "medical", "org.business_type": "クリニック", "org.name": "医療法人あおば会",
                          "data.subject_kinds": ["患者"], "data.sensitive": "yes"}),
    ("bank_loss", {"org.sector": "real_estate", "org.business_type": "宅地建物取引業", "org.supervisor": "national",
                   "finance.customer_data": "no"}),
    ("shop_preliminary", {"org.pmark": True, "incident.cause": "ransomware", "incident.unusable": "yes"}),
]


def _bundle(tmp: Path, name: str, extra: dict[str, Any]) -> tuple[dict, dict, dict[str, str], dict[str, Any]]:
    tmp.mkdir(parents=True, exist_ok=True)
    src = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
    src["answers"].update(extra)
    if "report" in src:
        src["report"]["previous"] = str(HERE / src["report"]["previous"])
    if src.get("recipients"):
        src["recipients"] = str(HERE / src["recipients"])
    path = tmp / f"{name}.json"
    path.write_text(json.dumps(src, ensure_ascii=False), encoding="utf-8")
    inc = load_incident(path)
    outcome = assess(inc)
    prev = (src.get("report") or {}).get("previous")
    manifest = render_bundle(inc, outcome, tmp / "out", recipients_path=src.get("recipients"), previous=prev)
    texts = {}
    for d in manifest["documents"]:
        p = tmp / "out" / d["path"]
        if p.suffix == ".eml":
            msg = message_from_bytes(p.read_bytes(), policy=email_default)
            texts[d["path"]] = str(msg["Subject"]) + "\n" + msg.get_content()
        else:
            texts[d["path"]] = docx_text(p)
    return inc.answers, outcome, texts, manifest


def _doc_id(manifest: dict, path: str) -> str:
    return next(d["id"] for d in manifest["documents"] if d["path"] == path)


def _deadline_dates(o: dict[str, Any]) -> list[str]:
    out = []
    for part in (o.get("appi") or {}, o.get("mynumber") or {}, *(o.get("sector_reports") or [])):
        for key in ("preliminary", "final"):
            block = part.get(key) or {}
            out += [v for k, v in block.items() if k in ("target", "limit", "legal_deadline", "recommended") and v]
    return out


def _regulator_texts(a: dict[str, Any]) -> list[str]:
    """Distinctive pieces of the response.* texts (written for the regulator)."""
    pieces = []
    for k, v in a.items():
        if k.startswith("response.") and k not in PERSON_SAFE and isinstance(v, str) and len(v) >= 8:
            pieces += [s for s in re.split(r"[。、\n]", v) if len(s) >= 8]
    return pieces


@pytest.mark.parametrize(("name", "extra"), VARIANTS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(VARIANTS)])
def test_every_document_reads_right_for_its_audience(tmp_path, name, extra) -> None:
    from wizard.domain.dates import format_date

    a, o, texts, manifest = _bundle(tmp_path, name, extra)
    era = a.get("options.era") != "seireki"
    assert {_doc_id(manifest, p) for p in texts} >= set(o["documents"]) - {"appi_report"}
    secret = _regulator_texts(a)
    for path, text in texts.items():
        doc = _doc_id(manifest, path)
        for bad in RESIDUE:
            assert bad not in text, (path, bad)
        if doc != "internal_record":
            assert not RAW_ID.search(text), (path, RAW_ID.search(text))
            assert "※" not in text, path
            assert "要確認" not in text, path
        else:
            assert not re.search(r"（(?:org|incident|data|response)\.[a-z_]+）", text), path
        if doc in OUTGOING_PERSON:
            for s in secret:
                assert s not in text, (path, s)
            assert not re.search(r"CVE-\d|\d+\.\d+\.\d+\.\d+|WAF|EC-CUBE|JavaScript", text), path
            assert "手数料" not in text and "負担します" not in text, path
            if doc == "subject_notice":
                appi, mn = o["appi"].get("required"), o["mynumber"].get("required")
                assert ("第26条第2項" in text) == bool(appi), path
                assert ("第29条の4第2項" in text) == bool(mn and o["ruleset"] != "appi-2017"), path
                if appi or mn:
                    assert "報告いたしました" in text or "報告いたします" in text, path
                for sentence in re.findall(r"[^。\n]+。", text):       # です・ます, not だ・である
                    assert re.sub(r"（[^（）]*）。$", "。", sentence).endswith(POLITE), (path, sentence)
    record = next(t for p, t in texts.items() if _doc_id(manifest, p) == "internal_record")
    for d in _deadline_dates(o):
        assert format_date(d, era=era, weekday=True) in record, (name, d)
    if o["ruleset"] == "appi-2017":
        assert "速報" not in record and "確報" not in record
    for e in manifest["errors"]:
        assert f"{e['row']}行目" in record


def test_voice_and_addressee_follow_the_organisation(tmp_path) -> None:
    _, _, texts, manifest = _bundle(tmp_path / "k", "kenpo_mynumber", {})
    letter = next(t for p, t in texts.items() if _doc_id(manifest, p) == "subject_notice")
    assert "当組合" in letter and "加入者の皆様" in letter and "当社" not in letter and "お客様" not in letter
    assert "第26条第2項" not in letter and "番号法）第29条の4第2項" in letter
    assert "個人情報保護委員会へ報告いたしました" in letter and "番号変更請求" in letter
    _, _, texts, manifest = _bundle(tmp_path / "b", "bank_loss", {})
    letter = next(t for p, t in texts.items() if _doc_id(manifest, p) == "subject_notice")
    assert "当行" in letter and "お客さま" in letter and "入出金明細" in letter and "パスワード" not in letter
    assert "東海財務局へ報告いたしました" in letter


def test_email_only_rows_get_an_email_not_a_postal_letter(tmp_path) -> None:
    _, _, texts, manifest = _bundle(tmp_path, "shop_preliminary", {})
    mails = [d for d in manifest["documents"] if d["path"].endswith(".eml")]
    letters = [d for d in manifest["documents"] if d["id"] == "subject_notice" and d["path"].endswith(".docx")]
    assert len(mails) == 2 and sum(d["letters"] for d in letters) == 2     # both: 田中 gets both, 鈴木 an e-mail
    raw = (tmp_path / "out" / mails[0]["path"]).read_bytes()
    msg = message_from_bytes(raw, policy=email_default)
    assert msg["X-Unsent"] == "1" and "〒" not in msg.get_content()
    assert msg["Subject"] == "個人情報の漏えいに関するお詫びとお知らせ"
    record = next(t for p, t in texts.items() if _doc_id(manifest, p) == "internal_record")
    assert "5行目" in record  # the empty row of the list is recorded as skipped


def test_final_report_underlines_changed_words_and_letter_is_second(tmp_path) -> None:
    from docx import Document

    _, _, texts, manifest = _bundle(tmp_path, "shop_final", {})
    letter = next(t for p, t in texts.items() if p.startswith("subject_notice_0"))
    assert "（第二報）" in letter and "令和8年6月19日付けでお知らせいたしました" in letter
    report = Document(str(tmp_path / "out" / "appi_report.docx"))
    table = max(report.tables, key=lambda t: len(t.rows))
    under = {r.cells[0].text: "".join(x.text for p in r.cells[1].paragraphs for x in p.runs if x.underline)
             for r in table.rows}
    assert under["概要"] == ""                              # nothing changed there: dates stay plain
    assert "2,870名" in under["漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数"]
    assert under["二次被害又はそのおそれの有無及びその内容"].strip() == "41"
    record = next(t for p, t in texts.items() if _doc_id(manifest, p) == "internal_record")
    assert "前回の報告：令和8年6月19日" in record


def test_telecom_record_has_first_report_and_detailed_report(tmp_path) -> None:
    _, o, texts, manifest = _bundle(tmp_path, "isp_secrecy", {})
    record = next(t for p, t in texts.items() if _doc_id(manifest, p) == "internal_record")
    assert "通信の秘密の漏えいに関する報告 第一報" in record and "通信の秘密の漏えいに関する報告 詳報" in record
    sent = next(t for p, t in texts.items() if _doc_id(manifest, p) == "telecom_secrecy_report")
    assert "※" not in sent and "以上" in sent


def test_processor_checklist_has_no_own_final_report(tmp_path) -> None:
    _, _, texts, manifest = _bundle(tmp_path, "mailing_processor", {})
    record = next(t for p, t in texts.items() if _doc_id(manifest, p) == "internal_record")
    assert "委託元への通知" in record and "当社自身の速報・確報は不要" in record
    assert "個人情報保護法 確報の提出" not in record


def test_bank_finance_and_appi_are_one_document(tmp_path) -> None:
    _, o, texts, manifest = _bundle(tmp_path, "bank_loss", {})
    ids = [d["id"] for d in manifest["documents"]]
    assert "appi_report" in o["documents"] and "appi_report" not in ids and "finance_report" in ids
    fin = next(t for p, t in texts.items() if _doc_id(manifest, p) == "finance_report")
    assert "個人情報の保護に関する法律第26条第1項" in fin and "銀行法施行規則第13条の6の5の2" in fin
    assert "保険業法" not in fin and "金融商品取引業等" not in fin and "別途" not in fin


def test_2021_broadcaster_fills_publication_boxes_and_serious_draft(tmp_path) -> None:
    _, o, texts, manifest = _bundle(tmp_path, "broadcast_2021", {})
    appi = next(t for p, t in texts.items() if p == "appi_report.docx")
    assert "☑ あり（予定も含む。）" in appi and "☑ HPに掲載" in appi
    mn = next(t for p, t in texts.items() if p == "mynumber_report.docx")
    assert "特定個人情報の項目：個人番号、氏名" in mn and "本人の属性：従業員\n" in mn
    if o["mynumber"].get("serious"):
        assert any("serious" in p for p in texts)
    record = next(t for p, t in texts.items() if _doc_id(manifest, p) == "internal_record")
    assert "報告義務なし" not in record and "必要" not in record.split("3　報告の経過")[0].split("1　判定結果")[1]


def test_record_shows_the_person_facing_texts_and_their_source(tmp_path) -> None:
    _, _, texts, manifest = _bundle(tmp_path, "shop_preliminary", {})
    record = next(t for p, t in texts.items() if _doc_id(manifest, p) == "internal_record")
    assert "本人通知・公表文に載せる文面" in record
    assert "対象となる方 | 2026年4月12日から6月18日までに当社通販サイトでクレジットカード決済をされた方 | 回答" in record
    assert "| 自動作成" in record
