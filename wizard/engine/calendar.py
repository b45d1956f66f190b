"""行政機関の休日 (行政機関の休日に関する法律1条): Saturdays, Sundays, 国民の祝日
(incl. 振替休日・国民の休日) and 12/29–1/3.

The holidays come from the maintained `holidays` package.  Importing it costs
~55 ms, a third of the CLI's start-up budget, so the years 2000–2050 are kept
in rules/holidays_jp.json, generated from the package by
`python tools/gen_holidays.py`; a test checks the table against the package,
and years outside the table fall back to the package itself.
"""
from __future__ import annotations

import json
from datetime import date, timedelta
from functools import lru_cache

from wizard import ROOT

TABLE = ROOT / "rules" / "holidays_jp.json"


@lru_cache(maxsize=1)
def _table() -> tuple[range, dict[str, str]]:
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    return range(data["from_year"], data["to_year"] + 1), data["holidays"]


@lru_cache(maxsize=64)
def _library_year(year: int) -> dict[str, str]:
    import holidays  # slow import, only for years outside the table

    return {d.isoformat(): name for d, name in holidays.Japan(years=year, language="ja").items()}


def holiday_name(d: date) -> str | None:
    years, table = _table()
    if d.year in years:
        return table.get(d.isoformat())
    return _library_year(d.year).get(d.isoformat())


def closure_reason(d: date) -> str | None:
    """Why `d` is not a business day of government offices, or None."""
    if (d.month == 12 and d.day >= 29) or (d.month == 1 and d.day <= 3):
        return "年末年始"
    name = holiday_name(d)
    if name:
        return name
    if d.weekday() == 5:
        return "土曜日"
    if d.weekday() == 6:
        return "日曜日"
    return None


def is_business_day(d: date) -> bool:
    return closure_reason(d) is None


def next_business_day(d: date) -> date:
    """d itself when it is a business day, else the next one."""
    while not is_business_day(d):
        d += timedelta(days=1)
    return d


def previous_business_day(d: date) -> date:
    while not is_business_day(d):
        d -= timedelta(days=1)
    return d
