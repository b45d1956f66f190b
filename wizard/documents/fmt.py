"""Formatting of answers for documents: dates (和暦/西暦), 調査中, 最大○名, checkboxes."""
from __future__ import annotations

from datetime import date
from typing import Any

from wizard.domain import dates
from wizard.domain.facts import CAUSES, display_value, label

ON, OFF = "☑", "☐"


def box(flag: bool, text: str) -> str:
    return f"{ON if flag else OFF} {text}"


def is_blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == "unknown"


class Fmt:
    """Per-document formatting bound to one incident's answers and outcome."""

    def __init__(self, answers: dict[str, Any], outcome: dict[str, Any]) -> None:
        self.a = answers
        self.o = outcome
        self.era = answers.get("options.era") != "seireki"

    # -- dates ------------------------------------------------------------
    def date(self, value: Any, weekday: bool = False) -> str:
        if value in (None, ""):
            return ""
        try:
            return dates.format_date(value, era=self.era, weekday=weekday)
        except ValueError:
            return str(value)

    def report_date(self) -> str:
        value = self.a.get("report.date") or self.o.get("today") or date.today().isoformat()
        return self.date(value)

    # -- unknown items ------------------------------------------------------
    def pending(self, word: str = "調査中") -> str:
        until = self.a.get("response.pending_until")
        if until:
            try:
                return f"{word}（{dates.format_date(dates.as_date(until), era=self.era)}頃判明見込み）"
            except ValueError:
                pass
        return f"{word}（判明次第、追って報告します。）"

    def text(self, fact_id: str, word: str = "調査中") -> str:
        value = self.a.get(fact_id)
        if is_blank(value):
            return self.pending(word)
        return display_value(fact_id, value)

    def date_or_pending(self, fact_id: str) -> str:
        value = self.a.get(fact_id)
        return self.date(value) if value else self.pending()

    def tri(self, fact_id: str, yes: str, no: str) -> str:
        value = self.a.get(fact_id)
        if value in ("yes", True):
            return yes
        if value in ("no", False):
            return no
        return self.pending()

    # -- counts, names, labels ------------------------------------------------
    def count(self, fact_id: str = "data.subjects", exact_id: str = "data.subjects_exact") -> str:
        n = self.a.get(fact_id)
        if not isinstance(n, int) or isinstance(n, bool):
            return self.pending()
        if self.a.get(exact_id) is True:
            return f"{n:,}名"
        return f"最大{n:,}名（報告時点で把握した数。確定していません）"

    def count_short(self, fact_id: str = "data.subjects") -> str:
        n = self.a.get(fact_id)
        if not isinstance(n, int) or isinstance(n, bool):
            return "調査中"
        return f"{n:,}名" if self.a.get("data.subjects_exact") is True else f"最大{n:,}名"

    def items(self) -> str:
        value = self.a.get("data.items")
        return "、".join(str(v) for v in value) if value else self.pending()

    def cause_label(self) -> str:
        return CAUSES.get(str(self.a.get("incident.cause")), "その他")

    def org(self, key: str, default: str = "") -> str:
        value = self.a.get(f"org.{key}")
        return str(value) if value not in (None, "") else default

    @staticmethod
    def label(fact_id: str) -> str:
        return label(fact_id)
