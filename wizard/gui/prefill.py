"""What a field shows before the user answers it: the session's preselection, and for the
person-facing texts (org.self_name, notice.*) the sentences the letters and the 公表文 would
print (wizard.documents.audience.notice_defaults, 通則GL 3-5-4-3) — built from the structured
facts and the outcome, never from a response.* text.  The user sees them and may edit them;
what is saved is what the field holds.  (No Qt here; the engine does not import documents.)
"""
from __future__ import annotations

from typing import Any

from wizard.engine.graph import Question
from wizard.engine.session import Session

NOTICE_FACTS = frozenset({"org.self_name", "notice.addressee", "notice.period", "notice.summary", "notice.cause",
                          "notice.prevention"})


def notice_texts(s: Session) -> dict[str, str]:
    """The generated person-facing texts for the answers so far; a self-designation the user
    gave (「当店」) replaces the generated one (「当社」) in the other texts."""
    from wizard.documents.audience import notice_defaults  # on the notice page only: first paint stays light

    texts = notice_defaults(s.answers, s.outcome_now())
    given = s.answers.get("org.self_name")
    generated = texts.get("org.self_name", "")
    if isinstance(given, str) and given.strip() and generated and given.strip() != generated:
        mine = given.strip()
        texts = {k: (mine if k == "org.self_name" else v.replace(generated, mine)) for k, v in texts.items()}
    return texts


def shown_value(s: Session, q: Question) -> Any:
    """The preselection of an unanswered question (Session.shown_value), or its notice text."""
    if q.fact in NOTICE_FACTS:
        return notice_texts(s).get(q.fact) or None
    return s.shown_value(q)
