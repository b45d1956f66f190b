"""templates/: manifest ↔ files ↔ build script; layout basics (A4, Japanese fonts, unsplit tags)."""
from __future__ import annotations

import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from wizard.documents.check import check_templates, load_manifest
from wizard.documents.engine import TEMPLATES_DIR

FILES = sorted(TEMPLATES_DIR.glob("*.docx"))


def test_check_templates_is_clean() -> None:
    assert check_templates() == []


def test_manifest_lists_every_template() -> None:
    listed = {e["file"] for e in load_manifest()["templates"].values()}
    assert listed == {p.name for p in FILES}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a4_fonts_and_whole_tags(path) -> None:
    doc = Document(str(path))
    sec = doc.sections[0]
    assert abs(sec.page_width - Mm(210)) < Mm(1) and abs(sec.page_height - Mm(297)) < Mm(1)
    fonts = doc.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "MS Mincho"
    assert doc.styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsia")) == "MS Gothic"
    for run in doc.element.body.iter(qn("w:r")):
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        opens = len(re.findall(r"\{[{%]", text))
        closes = len(re.findall(r"[}%]\}", text))
        assert opens == closes, f"{path.name}: a Jinja tag is split across runs: {text!r}"


def test_check_reports_drift(tmp_path) -> None:
    import shutil

    for p in TEMPLATES_DIR.iterdir():
        if p.is_file():
            shutil.copy(p, tmp_path / p.name)
    (tmp_path / "appi_report.docx").write_bytes(b"broken")
    manifest = (tmp_path / "manifest.yaml").read_text(encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(manifest.replace("keys: [date_text, addressee, sender, title, "
                                                             "voluntary_note, intro, rows, diff_note, notes]\n  "
                                                             "mynumber_report:", "keys: [date_text]\n  "
                                                             "mynumber_report:", 1), encoding="utf-8")
    problems = check_templates(tmp_path)
    assert any("appi_report.docx" in p and "一致しません" in p for p in problems)
