"""Through LibreOffice: page counts, A4, and no text outside the page (skipped without soffice)."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from docfixtures import KIND_CASE, case_answers, incident, outcome

from wizard.documents.api import render_bundle
from wizard.documents.pdf import soffice

pytestmark = pytest.mark.skipif(not soffice() or not shutil.which("pdftotext"),
                                reason="LibreOffice / poppler-utils not installed")

A4 = (595.3, 841.9)
MAX_PAGES = {"appi_report": 2, "mynumber_report": 2, "telecom_secrecy_report": 2, "subject_notice": 2,
             "public_notice": 1, "controller_notice": 2, "internal_record": 5, "finance_report": 2}


def _pages(pdf) -> tuple[int, tuple[float, float]]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    return pages, (w, h)


def _words_inside(pdf, size) -> None:
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">', html)
    assert words, f"{pdf.name}: no text"
    for x0, y0, x1, y1 in words:
        assert 0 <= float(x0) and float(x1) <= size[0] and 0 <= float(y0) and float(y1) <= size[1], pdf.name


@pytest.mark.parametrize("kind", ["telecom", "broadcast2017", "mynumber", "finance", "processor"])
def test_pdf_bundle(tmp_path, kind) -> None:
    m = render_bundle(incident(case_answers(KIND_CASE[kind], **{"mynumber.included": "yes"})), outcome(kind),
                      tmp_path, fmt="pdf")
    for d in m["documents"]:
        assert d["path"].endswith(".pdf")
        pages, size = _pages(tmp_path / d["path"])
        assert abs(size[0] - A4[0]) < 2 and abs(size[1] - A4[1]) < 2
        assert 1 <= pages <= MAX_PAGES[d["id"]], (d["path"], pages)
        _words_inside(tmp_path / d["path"], size)


def test_pdf_letters_one_page_each(tmp_path) -> None:
    src = tmp_path / "r.csv"
    src.write_text("氏名,住所\n" + "".join(f"宛先{i},東京都千代田区{i}\n" for i in range(3)), encoding="cp932")
    m = render_bundle(incident(case_answers("S01")), outcome("ppc"), tmp_path / "out", recipients_path=src,
                      fmt="pdf")
    letters = [d for d in m["documents"] if d["id"] == "subject_notice"]
    assert letters[0]["letters"] == 3
    pages, _ = _pages(tmp_path / "out" / letters[0]["path"])
    assert pages == 3
