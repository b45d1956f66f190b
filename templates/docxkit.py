"""Small python-docx helpers for the template build script (templates/build.py).

Every Jinja tag is written into a single run here, so Word never splits a tag.
Page size, Japanese fonts and table layout live in code.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

MINCHO = "MS Mincho"
GOTHIC = "MS Gothic"
FIXED_TIME = datetime(2026, 1, 1, tzinfo=UTC)
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _set_fonts(rpr_owner, face: str) -> None:
    rfonts = rpr_owner.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), face)


def new_document(title: str, *, body_pt: float = 10.5, margin_mm: float = 22, line: float = 1.15) -> DocumentObject:
    """A4, Mincho body and Gothic headings, fixed core properties."""
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin = sec.bottom_margin = Mm(margin_mm)
    sec.left_margin = sec.right_margin = Mm(margin_mm)
    sec.header_distance = sec.footer_distance = Mm(10)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(body_pt)
    _set_fonts(normal.element, MINCHO)
    pf = normal.paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(2), line
    for name in ("Title", "Heading 1", "Heading 2"):
        st = doc.styles[name]
        _set_fonts(st.element, GOTHIC)
        st.font.color.rgb = None
        st.font.bold = True
        st.font.italic = False
        st.font.size = Pt({"Title": 14, "Heading 1": 12, "Heading 2": body_pt}[name])
        st.paragraph_format.space_before = Pt(8 if name == "Heading 1" else 4 if name == "Heading 2" else 0)
        st.paragraph_format.space_after = Pt(4)
        st.element.get_or_add_pPr()
    # The built-in Title style carries a bottom border; drop it for a plain centred title.
    ppr = doc.styles["Title"].element.pPr
    if ppr is not None:
        for bdr in ppr.findall(qn("w:pBdr")):
            ppr.remove(bdr)
    cp = doc.core_properties
    cp.title, cp.author, cp.last_modified_by, cp.comments = title, "漏えい等対応ウィザード", "", ""
    cp.created = cp.modified = FIXED_TIME
    cp.revision = 1
    return doc


def para(doc, text: str = "", *, align: str = "left", bold: bool = False, size: float | None = None,
         gothic: bool = False, style: str | None = None, underline: bool = False,
         keep_next: bool = False, space_after: float | None = None) -> Paragraph:
    p = doc.add_paragraph(style=style)
    p.alignment = ALIGN[align]
    if keep_next:
        p.paragraph_format.keep_with_next = True
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    if text:
        add_run(p, text, bold=bold, size=size, gothic=gothic, underline=underline)
    return p


def add_run(p: Paragraph, text: str, *, bold: bool = False, size: float | None = None,
            gothic: bool = False, underline: bool = False, grey: bool = False):
    r = p.add_run(text)
    if grey:
        r.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
    r.bold = bold or None
    if underline:
        r.underline = True
    if size:
        r.font.size = Pt(size)
    if gothic:
        _set_fonts(r._element, GOTHIC)
    return r


def tag(doc, text: str) -> Paragraph:
    """A paragraph holding only a docxtpl {%p ... %} tag (removed at render time)."""
    return para(doc, text)


def page_break(doc) -> Paragraph:
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    return p


def _borders(tbl: Table, on: bool) -> None:
    tblPr = tbl._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single" if on else "nil")
        if on:
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    tblPr.append(borders)


def table(doc, widths_mm: list[float], *, borders: bool = True, align: str = "left") -> Table:
    tbl = doc.add_table(rows=0, cols=len(widths_mm))
    tbl.autofit = False
    tbl.alignment = {"left": WD_TABLE_ALIGNMENT.LEFT, "right": WD_TABLE_ALIGNMENT.RIGHT,
                     "center": WD_TABLE_ALIGNMENT.CENTER}[align]
    _borders(tbl, borders)
    for col, w in zip(tbl.columns, widths_mm, strict=True):
        col.width = Mm(w)
    return tbl


def row(tbl: Table, cells: Sequence[list[tuple[str, dict]] | str], *, header: bool = False,
        cant_split: bool = False) -> None:
    """Append a row; each cell is a str (one run) or a list of (text, run-options) runs."""
    r = tbl.add_row()
    if cant_split:
        trPr = r._tr.get_or_add_trPr()
        el = OxmlElement("w:cantSplit")
        trPr.append(el)
    for i, spec in enumerate(cells):
        cell = r.cells[i]
        cell.width = tbl.columns[i].width
        p = cell.paragraphs[0]
        p.paragraph_format.space_after = Pt(0)
        runs = [(spec, {})] if isinstance(spec, str) else spec
        for text, opts in runs:
            if text:
                add_run(p, text, bold=opts.get("bold", header), underline=opts.get("underline", False),
                        gothic=opts.get("gothic", header), size=opts.get("size"), grey=opts.get("grey", False))
        if header:
            shd = OxmlElement("w:shd")
            shd.set(qn("w:val"), "clear")
            shd.set(qn("w:color"), "auto")
            shd.set(qn("w:fill"), "E7E6E6")
            cell._tc.get_or_add_tcPr().append(shd)


def loop_rows(tbl: Table, loop: str, cells: Sequence[list[tuple[str, dict]] | str]) -> None:
    """`{%tr for ... %}` row, the repeated row, `{%tr endfor %}` row."""
    pad: list[list[tuple[str, dict]] | str] = [""] * (len(cells) - 1)
    row(tbl, [f"{{%tr {loop} %}}", *pad])
    row(tbl, cells, cant_split=True)
    row(tbl, ["{%tr endfor %}", *pad])


def to_bytes(doc: DocumentObject) -> bytes:
    """Save with normalized zip entries so that rebuilds are byte-identical."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            # ZipInfo() says "made on MS-DOS" (0) on win32 and "Unix" (3) elsewhere: fix it, so
            # that `main.py check` rebuilds the committed bytes on Windows too.
            info.create_system = 3
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()
