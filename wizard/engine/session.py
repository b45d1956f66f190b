"""The interview state the GUI drives (no Qt): answers, the current path through
the question graph, navigation, progress and inline validation.

The GUI decides nothing: it asks this object which question comes next, how
many remain, which answers no longer apply, and what the outcome is.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from wizard.domain.facts import FACTS
from wizard.engine.graph import SECTIONS, Graph, Question
from wizard.engine.values import check_value, cross_checks, normalize

INCIDENT_FORMAT = "rouei-incident/1"


@dataclass(frozen=True)
class SectionInfo:
    id: str
    title: str
    total: int
    answered: int


def is_answered(q: Question, answers: dict[str, Any]) -> bool:
    if q.fact not in answers:
        return False
    v = answers[q.fact]
    if v is None:
        return FACTS[q.fact].type == "datenull"  # 不明 for a nullable date is an answer
    return not (isinstance(v, str) and v == "" and q.required)


class Session:
    def __init__(self, answers: dict[str, Any] | None = None, *, graph: Graph | None = None,
                 extra: dict[str, Any] | None = None) -> None:
        if graph is None:
            from wizard.engine.catalog import load_catalog
            graph = load_catalog().graph
        self.graph = graph
        self.answers: dict[str, Any] = dict(answers or {})
        self.extra: dict[str, Any] = dict(extra or {})  # other top-level keys of the incident file

    # --- path and navigation -------------------------------------------------
    def path(self) -> list[Question]:
        return self.graph.walk(self.answers)

    def question(self, qid: str) -> Question:
        return self.graph.nodes[qid]

    def first_question(self) -> Question:
        return self.path()[0]

    def first_unanswered(self) -> Question | None:
        for q in self.path():
            if not is_answered(q, self.answers):
                return q
        return None

    def next_question(self, qid: str | None) -> Question | None:
        """The question after `qid` on the current path; None = go to the review page."""
        p = self.path()
        ids = [q.id for q in p]
        if qid is None:
            return p[0]
        if qid in ids:
            i = ids.index(qid)
            return p[i + 1] if i + 1 < len(p) else None
        return self.first_unanswered()

    def previous_question(self, qid: str | None) -> Question | None:
        p = self.path()
        ids = [q.id for q in p]
        if qid is None:  # from the review page back to the last question
            return p[-1]
        if qid in ids:
            i = ids.index(qid)
            return p[i - 1] if i > 0 else None
        return None

    def remaining(self, qid: str | None) -> int:
        """Questions still ahead on the current path (after `qid`)."""
        ids = [q.id for q in self.path()]
        if qid is None or qid not in ids:
            return len(ids)
        return len(ids) - ids.index(qid) - 1

    def position(self, qid: str) -> tuple[int, int]:
        """(1-based index of qid on the path, path length)."""
        ids = [q.id for q in self.path()]
        return (ids.index(qid) + 1 if qid in ids else 0, len(ids))

    def sections(self) -> list[SectionInfo]:
        p = self.path()
        out = []
        for sid, title in SECTIONS.items():
            qs = [q for q in p if q.section == sid]
            out.append(SectionInfo(sid, title, len(qs), sum(is_answered(q, self.answers) for q in qs)))
        return out

    # --- answers ---------------------------------------------------------------
    def on_path_facts(self) -> set[str]:
        return {q.fact for q in self.path()}

    def set_answer(self, fact: str, value: Any) -> list[str]:
        """Store an answer; returns the facts that stopped applying because of it."""
        before = self.on_path_facts()
        self.answers[fact] = normalize(fact, value)
        after = self.on_path_facts()
        return sorted(f for f in before - after if f in self.answers)

    def clear_answer(self, fact: str) -> None:
        self.answers.pop(fact, None)

    def inapplicable(self) -> list[str]:
        """Answered facts that are off the current path (kept, not used)."""
        on = self.on_path_facts()
        return sorted(f for f in self.answers if f in FACTS and f not in on and not f.startswith("options."))

    def validate(self, q: Question, value: Any, today: date | None = None) -> str | None:
        """Japanese message for the field, or None when the value is acceptable."""
        if value is None or value == "" or value == []:
            if q.required:
                return "この項目は必須です"
            return None
        problem = check_value(q.fact, normalize(q.fact, value))
        if problem:
            return problem
        trial = dict(self.answers)
        trial[q.fact] = normalize(q.fact, value)
        for fact, message in cross_checks(trial, today):
            if fact == q.fact or (q.fact == "incident.occurred_on" and fact == "incident.known_on"):
                return message
        return None

    # --- results and files -----------------------------------------------------
    def missing_required(self) -> list[Question]:
        return [q for q in self.path() if q.required and not is_answered(q, self.answers)]

    def outcome(self, today: date | None = None) -> dict[str, Any]:
        from wizard.engine.assess import assess_answers
        return assess_answers(self.answers, today=today)

    def to_document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"format": INCIDENT_FORMAT, "answers": dict(self.answers)}
        doc.update({k: v for k, v in self.extra.items() if k not in ("format", "answers")})
        return doc
