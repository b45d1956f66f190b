"""Fuzzing the document rendering (SPEC §5): hostile but valid text — astral characters (𠮷,
emoji), control characters, template syntax, XML specials, very long strings — in the
incident's free-text fields and in the recipients file comes out in DOCX files that open
with python-docx and contain the text (control characters stripped)."""
from __future__ import annotations

import copy
import csv
import json
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fuzzkit import hostile_text, long_text, scaled
from hypothesis import example, given, settings
from hypothesis import strategies as st

api = pytest.importorskip("wizard.documents.api", reason="wizard.documents.api is not there yet (issue 4)")
docx = pytest.importorskip("docx", reason="python-docx is not installed")

from wizard.engine.assess import assess  # noqa: E402
from wizard.engine.incident import validate_document  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = json.loads((ROOT / "packaging" / "sample-incident.json").read_text(encoding="utf-8"))
TODAY = date(2026, 11, 4)
# field → the documents that must show it (internal_record shows every answer)
FIELDS = {
    "incident.summary": ("appi_report", "internal_record"),
    "response.cause_detail": ("appi_report", "internal_record"),
    "response.secondary_damage": ("appi_report", "internal_record"),
    "response.subject_response": ("appi_report", "internal_record"),
    "response.publication": ("appi_report", "internal_record"),
    "response.prevention": ("appi_report", "internal_record"),
    "response.other": ("appi_report", "internal_record"),
    "response.contact_desk": ("subject_notice", "internal_record"),
}
_DROPPED = re.compile("[\x00-\x1f\x7f-\x9f\ufffe\uffff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def squash(text: str) -> str:
    """Compare texts without whitespace and control characters (line breaks become paragraphs
    or <w:br/> in Word; control characters are stripped by design)."""
    return "".join(ch for ch in _DROPPED.sub("", text) if not ch.isspace())


def docx_text(path: Path) -> str:
    """All text of a DOCX as python-docx sees it (body paragraphs and table cells, nested)."""
    document = docx.Document(str(path))
    parts: list[str] = []

    def walk(container: Any) -> None:
        for p in container.paragraphs:
            parts.append(p.text)
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    walk(cell)

    walk(document)
    for section in document.sections:
        walk(section.header)
        walk(section.footer)
    return "\n".join(parts)


def render(answers: dict[str, Any], recipients: Path | None = None) -> tuple[dict[str, Any], Path, Any]:
    doc = copy.deepcopy(SAMPLE)
    doc["answers"].update(answers)
    incident = validate_document(doc, "fuzz.json", TODAY)
    outcome = assess(incident, today=TODAY)
    tmp = tempfile.mkdtemp(prefix="fuzz-render-")
    out = Path(tmp) / "out"
    manifest = api.render_bundle(incident, outcome, out, recipients_path=recipients)
    return manifest, out, tmp


def texts_by_id(manifest: dict[str, Any], out: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in manifest["documents"]:
        path = out / entry["path"]
        assert path.is_file(), entry
        found[entry["id"]] = found.get(entry["id"], "") + docx_text(path)
    return found


field_texts = st.fixed_dictionaries({}, optional={k: st.one_of(hostile_text, long_text()) for k in FIELDS})


@settings(max_examples=scaled(20))
@given(texts=field_texts)
@example(texts={"incident.summary": "𠮷野家で😀{{7*7}}{% if 1 %}x{% endif %}\x0bA\x0cB\x07C&<>\"'",
                "response.other": "{_{ }_} {_% %_} {{r x}} ]]>", "response.contact_desk": "a" * 10_000})
def test_hostile_text_survives_rendering(texts: dict[str, str]) -> None:
    import shutil

    manifest, out, tmp = render(texts)
    try:
        docs = texts_by_id(manifest, out)
        assert {"appi_report", "internal_record"} <= set(docs), sorted(docs)
        from wizard.documents.fmt import is_blank

        for key, value in texts.items():
            want = squash(value)
            if not want or is_blank(value):  # "unknown" is the tri-state 不明 and prints 調査中 by design
                continue
            for doc_id in FIELDS[key]:
                if doc_id in docs:
                    assert want in squash(docs[doc_id]), (key, doc_id, value[:200])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


names = st.one_of(hostile_text, st.sampled_from(["山田 𠮷子", "鈴木, \"一郎\"", "O'Brien\n太郎", "=cmd|' /C calc'!A0"]))


def _physical_lines(text: str) -> int:
    """Lines as Python's reader with newline="" counts them (\\n, \\r, \\r\\n end a line)."""
    return len(re.findall(r"\r\n|\r|\n", text))


@settings(max_examples=scaled(10))
@given(rows=st.lists(st.tuples(names, hostile_text), min_size=1, max_size=6))
def test_hostile_recipients_become_letters_or_errors(rows: list[tuple[str, str]]) -> None:
    """Every row is a letter with its own name, or every physical line it covers is a listed error
    (a cell that spans lines is an error for each line it touches: SPEC §5)."""
    import io
    import shutil

    with tempfile.TemporaryDirectory() as t:
        csv_path = Path(t) / "recipients.csv"
        spans: list[tuple[int, int]] = []  # physical (first, last) line of each record
        line = 2
        with csv_path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["氏名", "住所", "メールアドレス"])
            for name, address in rows:
                buf = io.StringIO()
                csv.writer(buf).writerow([name, address, ""])
                n = _physical_lines(buf.getvalue())
                spans.append((line, line + n - 1))
                line += n
                fh.write(buf.getvalue())
        try:
            manifest, out, tmp = render({}, recipients=csv_path)
        except api.DocumentInputError:
            return  # e.g. a recipients file the reader refuses as a whole, with a message
        try:
            letters = sum(d.get("letters", 0) for d in manifest["documents"] if d["id"] == "subject_notice")
            fallback = [e for e in manifest["errors"] if "有効な宛先" in e["reason"]]
            if fallback:  # no usable row: one generic letter instead, said as a file-level error
                assert letters == 1 and len(fallback) == 1
                letters = 0
            skipped = {e["row"] for e in manifest["errors"] if e not in fallback}
            assert skipped <= {n for a, b in spans for n in range(a, b + 1)}, manifest
            single = [(a, rows[i]) for i, (a, b) in enumerate(spans) if a == b]
            for a, b in spans:
                if a != b:
                    assert set(range(a, b + 1)) <= skipped, (a, b, manifest)
            blank = sum(1 for _a, (name, address) in single if not (name.strip() or address.strip()))
            made = [a for a, _ in single if a not in skipped]
            assert letters <= len(made) and letters + blank >= len(made), manifest
            notices = "".join(docx_text(out / d["path"]) for d in manifest["documents"]
                              if d["id"] == "subject_notice")
            for a, (name, _address) in single:
                if a not in skipped and squash(name):
                    assert squash(name) in squash(notices), (a, name)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
