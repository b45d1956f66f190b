"""Hypothesis strategies shared by the fuzz tests: hostile documents, hostile text and
valid answer sets drawn from the facts vocabulary (wizard.domain.facts.FACTS)."""
from __future__ import annotations

import os
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from wizard.domain.facts import FACTS, TRI
from wizard.engine.values import PREFECTURES

SCALE = 10 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 1


def scaled(n: int) -> int:
    return n * SCALE


# --- arbitrary JSON-ish documents ---------------------------------------------------
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
    st.sampled_from(list(TRI) + ["2026-11-02", "2026-02-30", "0000-01-01", "9999-12-31", "general",
                                 "misdelivery", "東京都", "", "x-", "rouei-incident/1"]),
)
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)), max_leaves=12)

fact_keys = st.sampled_from(sorted(FACTS))
answer_keys = st.one_of(fact_keys, st.text(max_size=15), st.sampled_from(["x-note", "X-no", "org", "org."]))


@st.composite
def incident_like(draw: st.DrawFn) -> Any:
    """Mostly well-formed incident documents with hostile values, sometimes anything at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(json_values)
    doc: dict[str, Any] = {}
    if draw(st.integers(0, 9)):
        doc["format"] = draw(st.sampled_from(["rouei-incident/1", "rouei-incident/2", None, 1]))
    if draw(st.integers(0, 9)):
        doc["answers"] = draw(st.dictionaries(answer_keys, json_values, max_size=12))
    if draw(st.booleans()):
        doc[draw(st.sampled_from(["recipients", "report", "x-extra", "extra"]))] = draw(json_values)
    return doc


# --- hostile text --------------------------------------------------------------------
ASTRAL = "𠮷𩸽😀👨‍👩‍👧‍👦🇯🇵𝔘"
SYNTAX = ["{{7*7}}", "{% if true %}x{% endif %}", "{{r x }}", "{_{", "}_}", "{#", "#}", "&amp;", "<w:t>",
          "]]>", "&", "<", ">", "\"", "'", "${x}", "%s", "\\", "｛｛　｝｝"]
CONTROL = "".join(chr(c) for c in range(0, 32)) + "\x7f"

hostile_text = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60),
    st.lists(st.one_of(st.sampled_from(SYNTAX), st.sampled_from(list(ASTRAL)),
                       st.sampled_from(list(CONTROL)), st.text(max_size=8)), max_size=12).map("".join),
)


@st.composite
def long_text(draw: st.DrawFn) -> str:
    unit = draw(st.text(alphabet="あア漢𠮷😀{}%&<>", min_size=1, max_size=5))
    return unit * draw(st.integers(1000, 3000))


# --- valid answer sets -----------------------------------------------------------------
KNOWN_FROM, KNOWN_TO = date(2017, 1, 1), date(2027, 12, 31)
TODAY = date(2028, 1, 1)
SUBJECT_COUNTS = st.one_of(st.sampled_from([0, 1, 2, 99, 100, 101, 999, 1000, 1001, 1002, 10**6]),
                           st.integers(0, 5000))


def _value(fact_id: str) -> st.SearchStrategy[Any]:
    f = FACTS[fact_id]
    t = f.type
    if fact_id == "org.prefecture":
        return st.sampled_from(PREFECTURES)
    if fact_id == "org.email":
        return st.sampled_from(["privacy@example.co.jp", "soumu@example.jp", ""])
    if t == "tri":
        return st.sampled_from(TRI)
    if t == "bool":
        return st.booleans()
    if t == "int":
        return SUBJECT_COUNTS
    if t == "enum":
        return st.sampled_from(sorted(f.choices))
    if t in ("date", "datenull"):
        return st.dates(KNOWN_FROM, KNOWN_TO).map(date.isoformat)
    if t == "list":
        return st.lists(st.sampled_from(["氏名", "住所", "電話番号", "メールアドレス", "病歴", "カード番号"]),
                        max_size=4)
    if t == "strnull":
        return st.one_of(st.none(), st.sampled_from(["一般財団法人日本データ通信協会", "認定団体"]))
    return st.sampled_from(["株式会社テスト", "総務部", "テキスト"])


OPTIONAL = [k for k in sorted(FACTS) if k not in
            ("org.sector", "incident.known_on", "incident.cause", "data.subjects",
             "incident.occurred_on", "mynumber.subjects", "report.date", "report.previous_date",
             "response.pending_until", "options.ruleset_2026_draft")]


@st.composite
def valid_answers(draw: st.DrawFn) -> dict[str, Any]:
    """A valid answer set: the four required facts plus any subset of the others."""
    known = draw(st.one_of(st.dates(KNOWN_FROM, KNOWN_TO), st.dates(date(2022, 3, 25), KNOWN_TO),
                           st.sampled_from([date(2022, 3, 31), date(2022, 4, 1), date(2024, 3, 31),
                                            date(2024, 4, 1), date(2026, 12, 28), date(2027, 4, 28)])))
    subjects = draw(SUBJECT_COUNTS)
    answers: dict[str, Any] = {
        "org.sector": draw(_value("org.sector")),
        "incident.known_on": known.isoformat(),
        "incident.cause": draw(_value("incident.cause")),
        "data.subjects": subjects,
    }
    for key in draw(st.lists(st.sampled_from(OPTIONAL), unique=True, max_size=len(OPTIONAL))):
        answers[key] = draw(_value(key))
    if draw(st.booleans()):
        answers["incident.occurred_on"] = draw(st.one_of(
            st.none(), st.dates(known - timedelta(days=400), known).map(date.isoformat)))
    if draw(st.booleans()):
        answers["mynumber.subjects"] = draw(st.integers(0, subjects))
    if draw(st.integers(0, 4)) == 0:
        answers["options.ruleset_2026_draft"] = draw(st.booleans())
    return answers
