"""Test fixtures: incidents from the public contract cases plus hand-made outcomes.

The outcomes mirror SPEC §3 (with the extra fields the engine provides) so the
document tests do not depend on the engine's decisions.
"""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from wizard import ROOT

CASES = ROOT / "tests" / "engine" / "cases"  # copies of the public contract cases

RESPONSE = {
    "incident.location": "本社営業部",
    "incident.discovery": "受信者からの電話連絡により判明した。",
    "response.cause_detail": "宛先の確認を怠った。",
    "response.secondary_damage": "現時点で二次被害は確認されていない。",
    "response.prevention": "送信前の宛先確認を二名で行う運用に改めた。",
    "response.contact_desk": "お客様相談窓口　電話 0120-000-000（平日9時〜17時）",
    "response.notice_method": "letter",
    "org.representative": "代表取締役　山田太郎",
    "org.address": "東京都千代田区丸の内一丁目1番1号",
    "org.department": "総務部",
    "org.contact_person": "佐藤花子",
    "org.phone": "03-0000-0000",
    "org.email": "privacy@example.co.jp",
    "report.date": "2026-06-10",
    "report.stage": "preliminary",
}


def case_answers(case_id: str, **extra: Any) -> dict[str, Any]:
    data = json.loads((CASES / f"{case_id}.json").read_text(encoding="utf-8"))
    answers = dict(data["incident"]["answers"])
    answers.update(RESPONSE)
    answers.update(extra)
    return answers


def incident(answers: dict[str, Any], path: Path | None = None, report: dict | None = None) -> SimpleNamespace:
    return SimpleNamespace(path=path or Path("/tmp/incident.json"), answers=answers, recipients=None,
                           report=report)


def _deadlines(days: int = 30) -> dict[str, Any]:
    return {"preliminary": {"target": "2026-06-10", "limit": "2026-06-12"},
            "final": {"days": days, "legal_deadline": "2026-07-08", "recommended": "2026-07-07"}}


def outcome(kind: str) -> dict[str, Any]:
    """kind: ppc, telecom, finance, mynumber, processor, broadcast2017, voluntary_mynumber."""
    o: dict[str, Any] = {
        "format": "rouei-outcome/1", "ruleset": "appi-2022", "today": "2026-06-10",
        "incident": {"occurred": True, "kinds": ["leak"], "suspected": True},
        "appi": {"required": True, "grounds": [3, 4], "exempt": None, "destination": "ppc",
                 "destination_name": "個人情報保護委員会", "office": None,
                 "addressee": "個人情報保護委員会　御中", **_deadlines(60)},
        "mynumber": {"required": False, "grounds": [], "exempt": None, "destination": "ppc",
                     "preliminary": None, "final": None, "voluntary": False},
        "notify_subjects": {"required": True, "by": "self"},
        "notify_controller": {"required": False},
        "publication": "recommended",
        "sector_reports": [],
        "reasons": [{"rule": "appi.r7.n3", "cite": "個人情報保護法施行規則7条3号",
                     "text": "不正の目的をもって行われたおそれがある行為による漏えい等", "facts": ["incident.cause"]}],
        "warnings": ["本人の数が確定していません。"],
        "documents": ["appi_report", "subject_notice", "public_notice", "internal_record"],
    }
    if kind == "telecom":
        o["appi"].update(destination="mic", destination_name="総務省", office="関東総合通信局",
                         addressee="関東総合通信局長　殿", grounds=[3])
        o["sector_reports"] = [{"id": "telecom_secrecy", "destination": "mic", "office": "関東総合通信局",
                                "addressee": "関東総合通信局長　殿", "title": "通信の秘密の漏えいに関する報告書",
                                "final": {"days": 30, "legal_deadline": "2026-07-08", "recommended": "2026-07-08"},
                                "note": "電気通信事業法28条"}]
        o["documents"] = ["appi_report", "telecom_secrecy_report", "subject_notice", "internal_record"]
    elif kind == "finance":
        o["appi"].update(destination="fsa", destination_name="金融庁", office="金融庁",
                         addressee="金融庁長官　殿", grounds=[2])
        o["sector_reports"] = [{"id": "finance_sector_law", "destination": "fsa", "office": "金融庁",
                                "addressee": "金融庁長官　殿", "title": "業法に基づく報告", "final": None, "note": ""}]
        o["documents"] = ["appi_report", "finance_report", "subject_notice", "internal_record"]
    elif kind == "mynumber":
        o["mynumber"] = {"required": True, "grounds": [2, 4], "exempt": None, "destination": "ppc",
                         "voluntary": False, **_deadlines(60)}
        o["documents"] = ["appi_report", "mynumber_report", "subject_notice", "internal_record"]
    elif kind == "voluntary_mynumber":
        o["appi"].update(required=False, grounds=[], destination=None, preliminary=None, final=None)
        o["mynumber"] = {"required": False, "grounds": [], "exempt": None, "destination": "ppc",
                         "voluntary": True, "preliminary": None, "final": None}
        o["notify_subjects"] = {"required": False, "by": "self"}
        o["documents"] = ["mynumber_report", "internal_record"]
    elif kind == "processor":
        o["appi"].update(exempt="processor_notified", required=False, destination=None)
        o["notify_subjects"] = {"required": False, "by": "controller"}
        o["notify_controller"] = {"required": True}
        o["documents"] = ["controller_notice", "internal_record"]
    elif kind == "broadcast2017":
        o["ruleset"] = "appi-2017"
        o["appi"].update(required=False, effort=True, destination="mic", office="関東総合通信局",
                         addressee="関東総合通信局長　殿", grounds=[])
        o["mynumber"] = {"required": False, "grounds": [], "exempt": None, "destination": "ppc",
                         "voluntary": False, "serious": True, "small_business_exempt": False}
        o["documents"] = ["appi_report", "mynumber_report", "subject_notice", "internal_record"]
    return o


ALL_KINDS = ["ppc", "telecom", "finance", "mynumber", "processor", "broadcast2017", "voluntary_mynumber"]
KIND_CASE = {"ppc": "S01", "telecom": "S49-designated", "finance": "S01", "mynumber": "S01",
             "processor": "S01", "broadcast2017": "S01", "voluntary_mynumber": "S01"}


def docx_text(path: Path) -> str:
    """All text of a DOCX (body paragraphs and table cells, in document order)."""
    from docx import Document

    doc = Document(str(path))
    parts: list[str] = []
    body = doc.element.body
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append(Paragraph(child, doc).text)
        elif tag == "tbl":
            for row in Table(child, doc).rows:
                parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def docx_shape(path: Path) -> tuple[int, int, int]:
    """(body paragraphs, tables, paragraphs inside tables) — equal for clean and hostile renders."""
    from docx import Document

    doc = Document(str(path))
    cells = sum(len(c.paragraphs) for t in doc.tables for r in t.rows for c in r.cells)
    return len(doc.paragraphs), len(doc.tables), cells
