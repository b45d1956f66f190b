"""Hostile but valid text comes through intact in every document, and never as template source."""
from __future__ import annotations

import pytest
from docfixtures import ALL_KINDS, KIND_CASE, case_answers, docx_shape, docx_text, incident, outcome

from wizard.documents.api import render_bundle
from wizard.domain.facts import FACTS

HOSTILE = "A&B <tag> \"q\" 'a' {{7*7}} {% raw %}x{% endraw %} {_{ 𠮷野家 😀\x0b二行目\x00\x07\x0c\x1f終"
LONG = "長" * 10_000
# The same text made harmless, with the same visible length and line breaks (letters are paginated by length).
CLEAN = "".join("x" if c in "&<>\"'{}%_" else "\n" if c == "\x0b" else "" if c < " " else c for c in HOSTILE)
TEXT_FACTS = [k for k, f in FACTS.items() if f.type in ("str", "text") and not k.startswith(("report.", "options."))]


def _answers(kind: str, value: str) -> dict:
    a = case_answers(KIND_CASE[kind])
    for k in TEXT_FACTS:
        a[k] = value
    a["data.items"] = [value, "氏名"]
    a["data.subject_kinds"] = [value]
    a["incident.summary"] = value + LONG
    return a


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_hostile_text_is_kept_literal_and_layout_unchanged(tmp_path, kind) -> None:
    clean = render_bundle(incident(_answers(kind, CLEAN)), outcome(kind), tmp_path / "clean")
    bad = render_bundle(incident(_answers(kind, HOSTILE)), outcome(kind), tmp_path / "bad")
    for c, b in zip(clean["documents"], bad["documents"], strict=True):
        assert docx_shape(tmp_path / "clean" / c["path"]) == docx_shape(tmp_path / "bad" / b["path"]), b["path"]
        text = docx_text(tmp_path / "bad" / b["path"])
        if b["id"] in ("public_notice",):
            continue  # built from structured facts only; free text is kept out on purpose
        assert "A&B <tag> \"q\" 'a' {{7*7}} {% raw %}x{% endraw %} {_{ 𠮷野家 😀\n二行目終" in text, b["path"]
        assert "49" not in text.replace("2049", "")
        if b["id"] in ("appi_report", "internal_record"):
            assert LONG in text
        if b["id"] in ("subject_notice", "public_notice"):
            assert LONG not in text  # incident.summary is written for the regulator
