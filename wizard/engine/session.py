"""The interview state the GUI drives (no Qt): answers, the current path through
the question graph cut into screens, navigation, progress and inline validation.

The GUI decides nothing: it asks this object which screen comes next, how many
questions are still open, which answers no longer apply, and what the outcome is.
`main.py screens` walks the same object (wizard/engine/screens.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from wizard.domain.facts import FACTS, MALICIOUS_CAUSES
from wizard.engine.graph import SECTIONS, Graph, Question
from wizard.engine.screens import PAGES, Screen, ScreenPlan
from wizard.engine.values import PREFECTURES, check_value, cross_checks, normalize

INCIDENT_FORMAT = "rouei-incident/1"
PROGRESS_KEY = "x-wizard"  # where the window left off; an "x-" key is kept and ignored by assess (SPEC §2)
REVIEW, RESULT = PAGES
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
# Asked only when the outcome so far calls for a report to 個人情報保護委員会 (or the delegated ministry):
# required, an effort under the 2017 告示, or a voluntary My Number report (規則8条; 別記様式第一).
REPORT_ONLY = frozenset({"report_stage", "report_date"})


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


def report_needed(outcome: dict[str, Any] | None) -> bool:
    """A report to 個人情報保護委員会 (or the delegated ministry) is to be drafted: the APPI or the My
    Number block is required, an effort (2017 告示) or a voluntary report.  None (cannot tell yet) asks."""
    if outcome is None:
        return True
    return any(bool(b.get(k)) for b in (outcome.get("appi") or {}, outcome.get("mynumber") or {})
               for k in ("required", "effort", "voluntary"))


def prefecture_of(address: Any) -> str | None:
    """東京都千代田区… → 東京都 (an address that starts with a prefecture name)."""
    if not isinstance(address, str):
        return None
    text = address.strip().lstrip("〒0123456789０１２３４５６７８９-ー－ 　")
    return next((p for p in PREFECTURES if text.startswith(p)), None)


class Session:
    def __init__(self, answers: dict[str, Any] | None = None, *, graph: Graph | None = None,
                 extra: dict[str, Any] | None = None, plan: ScreenPlan | None = None) -> None:
        if graph is None:
            from wizard.engine.catalog import load_catalog
            graph = load_catalog().graph
        self.graph = graph
        self.plan = plan if plan is not None else ScreenPlan.load(graph)
        self.answers: dict[str, Any] = dict(answers or {})
        self.extra: dict[str, Any] = dict(extra or {})  # other top-level keys of the incident file
        self.seen: set[str] = set()  # questions the user has left with 次へ (a blank optional one is done)
        self.settled: set[str] = set()  # settled by the organisation profile: 次へ passes their screens by
        self.page: str | None = None
        self._path_cache: tuple[Any, list[Question], list[Screen] | None] | None = None
        self._outcome_cache: tuple[Any, dict[str, Any] | None] | None = None
        progress = self.extra.pop(PROGRESS_KEY, None)
        if isinstance(progress, dict):
            page = progress.get("page")
            self.page = page if isinstance(page, str) else None
            for name in ("seen", "settled"):
                ids = progress.get(name)
                if isinstance(ids, list):
                    setattr(self, name, {i for i in ids if isinstance(i, str) and i in graph.nodes})
        elif self.answers and all(k.startswith("org.") for k in self.answers):
            # A new incident started from the organisation profile: 事業者情報 was done when the
            # profile was saved, so the wizard starts after it and passes by screens holding only
            # profile answers (a returning user; `screens --profile`).
            org = {nid for nid, q in graph.nodes.items() if q.fact.startswith("org.")}
            self.seen = set(org)
            # settled: what the profile answers, and what it left blank where a blank is an answer
            # (an optional question such as 認定個人情報保護団体): nothing there is still open
            self.settled = {nid for nid in org if is_answered(graph.nodes[nid], self.answers)
                            or not graph.nodes[nid].required}

    # --- path and screens ------------------------------------------------------
    def _key(self) -> tuple[tuple[str, str], ...]:
        return tuple((k, repr(v)) for k, v in self.answers.items())

    def path(self) -> list[Question]:
        key = self._key()  # the path is asked for many times per page move: walk once per answer set
        if self._path_cache is None or self._path_cache[0] != key:
            walked = self.graph.walk(self.answers)
            # the outcome decides only once every required answer on the path is given (until then
            # the result cannot be computed and they are asked; no engine run at first paint)
            if any(q.id in REPORT_ONLY for q in walked) and all(is_answered(q, self.answers) for q in walked
                                                               if q.required) \
                    and not report_needed(self.outcome_now()):
                walked = [q for q in walked if q.id not in REPORT_ONLY]
            self._path_cache = (key, walked, None)
        return list(self._path_cache[1])

    def outcome_now(self) -> dict[str, Any] | None:
        """The outcome of the answers as they stand (None when the engine cannot tell yet), once per
        answer set: it decides whether 報告の種類・報告日 are asked (and the GUI prefills the notice texts from it)."""
        key = self._key()
        if self._outcome_cache is None or self._outcome_cache[0] != key:
            try:
                out: dict[str, Any] | None = self.outcome()
            except Exception:  # noqa: BLE001 - incomplete answers: ask (report_needed(None) is True)
                out = None
            self._outcome_cache = (key, out)
        return self._outcome_cache[1]

    def question(self, qid: str) -> Question:
        return self.graph.nodes[qid]

    def screens(self) -> list[Screen]:
        path = self.path()
        assert self._path_cache is not None
        key, walked, cut = self._path_cache
        if cut is None:
            cut = self.plan.screens(path)
            self._path_cache = (key, walked, cut)
        return list(cut)

    def screen(self, sid: str) -> Screen:
        """A screen of the current path, or (for a question id off the path) that question alone."""
        for sc in self.screens():
            if sc.id == sid:
                return sc
        if sid in self.graph.nodes:
            return self.screen_for(sid)
        gid = sid.rsplit("-", 1)[0] if sid not in self.plan.groups else sid
        group = self.plan.groups.get(gid)
        if group is None:
            raise KeyError(sid)
        # a screen whose questions the answers just took off the path: all of its questions
        qs = tuple(q for nid, q in self.graph.nodes.items() if self.plan.group_of.get(nid) == gid)
        return Screen(sid, group.title, qs, group.layout, group.preview)

    def screen_for(self, qid: str) -> Screen:
        """The screen that shows question `qid` (a page of its own when it is off the path)."""
        for sc in self.screens():
            if qid in sc.ids:
                return sc
        q = self.graph.nodes[qid]
        return Screen(q.id, FACTS[q.fact].label, (q,))

    def is_answered(self, q: Question) -> bool:
        return is_answered(q, self.answers)

    def is_open(self, q: Question) -> bool:
        """Still to be answered: unanswered and required, or unanswered and never passed with 次へ."""
        return not self.is_answered(q) and (q.required or q.id not in self.seen)

    def open_questions(self) -> list[Question]:
        return [q for q in self.path() if self.is_open(q)]

    def _first_open_screen(self, after: str | None = None) -> str | None:
        screens = self.screens()
        ids = [sc.id for sc in screens]
        start = ids.index(after) + 1 if after in ids else 0
        for sc in screens[start:] + screens[:start]:
            if any(self.is_open(q) for q in sc.questions):
                return sc.id
        return None

    def landing(self) -> str:
        """Where an opened file or a new incident starts: where the user left off, else the first
        screen with an open question, else 確認."""
        if self.page in PAGES and not self.open_questions():
            return self.page
        if self.page and any(sc.id == self.page for sc in self.screens()):
            return self.page
        return self._first_open_screen() or REVIEW

    def next_screen(self, sid: str, fixing: bool = False) -> str:
        """The screen after `sid`.  While fixing an answer from 確認 (`fixing`), the next screen
        with an open question (one the change made necessary), else back to 確認."""
        if sid == REVIEW:
            return self._first_open_screen() or RESULT
        ids = [sc.id for sc in self.screens()]
        if fixing or sid not in ids:
            return self._first_open_screen(after=sid) or REVIEW
        steps = self._steps()
        i = ids.index(sid)
        if sid not in steps:  # stepping through 事業者情報 opened from the sidebar: every screen
            return ids[i + 1] if i + 1 < len(ids) else REVIEW
        later = [x for x in ids[i + 1:] if x in steps]
        return later[0] if later else REVIEW

    def _steps(self) -> list[str]:
        """Screen ids in order; a screen whose every question the profile answered is passed by
        (the sidebar still opens it)."""
        return [sc.id for sc in self.screens()
                if not all(q.id in self.settled and not self.is_open(q) for q in sc.questions)]

    def previous_screen(self, sid: str) -> str | None:
        ids = [sc.id for sc in self.screens()]
        if sid == RESULT:
            return REVIEW
        steps = self._steps()
        if sid == REVIEW:
            return steps[-1] if steps else (ids[-1] if ids else None)
        if sid in ids:
            i = ids.index(sid)
            earlier = [x for x in ids[:i] if x in steps]
            return earlier[-1] if earlier else (ids[i - 1] if i > 0 else None)
        return None

    def leave_screen(self, sid: str) -> None:
        """次へ on screen `sid`: its questions count as done even where left blank."""
        self.seen.update(self.screen(sid).ids)

    def screen_position(self, sid: str) -> tuple[int, int]:
        """(1-based index of the screen, number of screens); 0 when off the path.  Counted over the
        screens 次へ shows (a returning user's profile screens are passed by, so 「画面 1 / 11」, not
        「画面 5 / 15」); a passed-by screen opened from the sidebar counts among all screens."""
        ids = [sc.id for sc in self.screens()]
        steps = self._steps()
        if sid in steps:
            return (steps.index(sid) + 1, len(steps))
        return (ids.index(sid) + 1 if sid in ids else 0, len(ids))

    def remaining(self) -> int:
        """Open questions on the current path (exact; 0 = nothing left to answer)."""
        return len(self.open_questions())

    # --- the older one-question API (kept for the file helpers) ---------------------
    def first_question(self) -> Question:
        return self.path()[0]

    def first_unanswered(self) -> Question | None:
        return next((q for q in self.path() if not is_answered(q, self.answers)), None)

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

    def accepts_none(self, q: Question) -> bool:
        return FACTS[q.fact].type == "datenull"

    def shown_value(self, q: Question) -> Any:
        """What the page preselects for an unanswered question: its `default:`, or what the
        answers already imply (SPEC §2.1: 不正の目的 from the cause; the prefecture of the address)."""
        if q.default is not None:
            return q.default
        if q.fact == "incident.malicious":
            cause = self.answers.get("incident.cause")
            if isinstance(cause, str) and cause != "intentional_provision":
                return "yes" if cause in MALICIOUS_CAUSES else "no"
        if q.fact == "org.prefecture":
            return prefecture_of(self.answers.get("org.address"))
        return None

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
        if q.fact == "org.email" and not EMAIL.fullmatch(str(value).strip()):
            return "メールアドレスの形式ではありません（例: soumu@example.co.jp）"
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
        if self.page or self.seen:
            doc[PROGRESS_KEY] = {"page": self.page, "seen": sorted(self.seen), "settled": sorted(self.settled)}
        return doc
