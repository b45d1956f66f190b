"""Deadlines of SPEC §3 (通則GL 3-5-3-3 / 3-5-3-4: 知った日 is day 1)."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from wizard.engine.calendar import next_business_day, previous_business_day


def day_n(known: date, n: int) -> date:
    """The n-th day counting 知った日 as day 1."""
    return known + timedelta(days=n - 1)


def preliminary(known: date) -> dict[str, str]:
    """速報: target = day 3 moved later (never after the limit); limit = day 5 moved earlier (never before 知った日)."""
    limit = max(previous_business_day(day_n(known, 5)), known)
    target = min(next_business_day(day_n(known, 3)), limit)
    return {"target": target.isoformat(), "limit": limit.isoformat()}


def final(known: date, days: int) -> dict[str, Any]:
    """確報: legal deadline = day N moved later; recommended = day N moved earlier."""
    last = day_n(known, days)
    recommended = max(previous_business_day(last), known)
    return {"days": days, "legal_deadline": next_business_day(last).isoformat(),
            "recommended": recommended.isoformat()}


def final_no_rollover(known: date, days: int) -> dict[str, Any]:
    """Telecom 詳報 / Pマーク: day N itself, not moved later (conservative); recommended moved earlier."""
    last = day_n(known, days)
    return {"days": days, "legal_deadline": last.isoformat(),
            "recommended": max(previous_business_day(last), known).isoformat()}
