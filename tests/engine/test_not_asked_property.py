"""SPEC §3 "Not asked is not 不明", as a property over the whole question graph.

Walk the graph from its start, answering each question the graph actually asks with a
definite answer (never 「不明」), until the end.  For every such complete answer set:
no reason and no warning speaks of 不明 or 未回答, no reason is marked unknown, and no
ground is "uncertain".  Then the converse: answering one on-path yes/no question
「不明」 makes the reasons that it decided name exactly that question.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.domain.facts import FACTS, label
from wizard.engine.assess import assess_answers
from wizard.engine.catalog import load_catalog
from wizard.engine.graph import END
from wizard.engine.values import PREFECTURES

TODAY = date(2027, 6, 30)
FIRST = date(2017, 5, 30)  # the earliest rule set (appi-2017); appi-2022 from 2022-04-01
WORDS = ("不明", "未回答")
BRIEF = ("rules.md", "訂正", "記憶に基づく", "[R]")  # user text cites the law, never our brief


def _plain(texts: list[str]) -> list[str]:
    """Texts that show a raw fact id or cite the brief (a question is named by its Japanese label)."""
    return [t for t in texts if any(fid in t for fid in FACTS) or any(b in t for b in BRIEF)]


def _answer(draw: Any, fact: str, kind: str, answers: dict[str, Any]) -> Any:
    f = FACTS[fact]
    if kind == "choice":
        return draw(st.sampled_from(sorted(f.choices)))
    if kind == "prefecture":
        return draw(st.sampled_from(PREFECTURES))
    if kind == "tri":
        return draw(st.sampled_from(["yes", "no"]))
    if kind == "bool":
        return draw(st.booleans())
    if kind == "date":
        if fact == "incident.occurred_on":
            return (FIRST + timedelta(days=draw(st.integers(0, 3400)))).isoformat()
        if fact == "incident.known_on":
            low = max(FIRST, date.fromisoformat(answers.get("incident.occurred_on") or FIRST.isoformat()))
            return (low + timedelta(days=draw(st.integers(0, 60)))).isoformat()
        return (TODAY - timedelta(days=draw(st.integers(0, 30)))).isoformat()
    if kind == "int":
        if fact == "mynumber.subjects":
            return draw(st.integers(0, answers.get("data.subjects", 0)))
        return draw(st.one_of(st.sampled_from([0, 1, 99, 100, 101, 1000, 1001]), st.integers(0, 5000)))
    if kind == "list":
        return draw(st.lists(st.sampled_from(["氏名", "住所", "個人番号", "口座番号"]), min_size=1, max_size=3))
    return "テスト"  # text, textarea


@st.composite
def complete_answers(draw: Any) -> dict[str, Any]:
    """A complete, definite answer set, built by walking the graph as the wizard does."""
    graph = load_catalog().graph
    answers: dict[str, Any] = {}
    nid = graph.start
    for _ in range(200):
        if nid == END:
            break
        q = graph.nodes[nid]
        answers[q.fact] = _answer(draw, q.fact, q.kind, answers)
        path = graph.walk(answers)
        ids = [p.id for p in path]
        nxt = ids.index(nid) + 1
        nid = ids[nxt] if nxt < len(ids) else END
    for fact in list(answers):  # a changed answer may have taken earlier questions off the path
        if fact not in {q.fact for q in graph.walk(answers)}:
            del answers[fact]
    return answers


def _texts(o: dict[str, Any]) -> list[str]:
    return [r["text"] for r in o["reasons"]] + list(o["warnings"])


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(complete_answers())
def test_complete_definite_answers_never_speak_of_unknown(answers):
    o = assess_answers(answers, today=TODAY)
    bad = [t for t in _texts(o) if any(w in t for w in WORDS)]
    assert bad == [], (answers, bad)
    assert _plain(_texts(o)) == [], answers
    assert not any(r["unknown"] for r in o["reasons"])
    assert o["appi"]["grounds_uncertain"] == [] and o["mynumber"]["grounds_uncertain"] == []
    # a reason never rests on a question the user was not shown
    on_path = {q.fact for q in load_catalog().graph.walk(answers)}
    for r in o["reasons"]:
        assert set(r["facts"]) <= on_path, r


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(complete_answers(), st.data())
def test_one_unknown_answer_is_named_by_the_reasons_it_decided(answers, data):
    graph = load_catalog().graph
    tri = [q.fact for q in graph.walk(answers) if q.kind == "tri"]
    fact = data.draw(st.sampled_from(tri))
    answers[fact] = "unknown"
    o = assess_answers(answers, today=TODAY)
    assert _plain(_texts(o)) == [], answers
    on_path = {q.fact for q in graph.walk(answers)}
    # 不明 only of the answer made 「不明」 or of a question its answer put on the path and nobody answered
    may_be_unknown = {fact} | {f for f in on_path if f not in answers}
    for r in o["reasons"]:
        if r["unknown"]:
            assert r["unknown_facts"], r
            assert set(r["unknown_facts"]) <= on_path
            assert set(r["unknown_facts"]) <= may_be_unknown, (fact, r)
            assert all(label(f) in r["text"] for f in r["unknown_facts"]), r
    for w in o["warnings"]:
        if "「不明」（又は未回答）" in w:
            named = [f for f in on_path if f"「{label(f)}」" in w.split("が「不明」")[0]]
            assert named, w


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(complete_answers(), st.data())
def test_an_unanswered_question_is_named_in_japanese(answers, data):
    """Leaving an on-path question out (a file written by hand) is reported by its label, never its id."""
    graph = load_catalog().graph
    optional = [q.fact for q in graph.walk(answers) if q.kind == "tri" and not q.required]
    if not optional:
        return
    answers.pop(data.draw(st.sampled_from(optional)))
    assert _plain(_texts(assess_answers(answers, today=TODAY))) == [], answers
