"""Japanese date formatting (和暦) — no Qt, no I/O.

A tiny own function instead of japanera/PyICU: the era table is explicit, a
new era is a one-line change plus tests.
"""
from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

_ERAS: tuple[tuple[date, str], ...] = (
    (date(2019, 5, 1), "令和"),
    (date(1989, 1, 8), "平成"),
    (date(1926, 12, 25), "昭和"),
    (date(1912, 7, 30), "大正"),
    (date(1873, 1, 1), "明治"),
)
WEEKDAYS_JA = "月火水木金土日"


def parse_iso_date(value: str) -> date:
    """Exactly `YYYY-MM-DD` (ASCII digits) → date; ValueError otherwise.

    Python 3.11's `date.fromisoformat` also takes `20260917`, `2026-W38-4` and
    `2026-259`: those are not dates a user wrote in our format."""
    if not isinstance(value, str) or not _ISO.fullmatch(value):
        raise ValueError(f"日付は YYYY-MM-DD の形式です: {str(value)[:40]!r}")
    return date.fromisoformat(value)


def as_date(value: date | str) -> date:
    return value if isinstance(value, date) else parse_iso_date(value)


def wareki(value: date | str, gannen: bool = True) -> str:
    """令和8年11月23日 (元年 for the first year unless gannen=False)."""
    d = as_date(value)
    for start, name in _ERAS:
        if d >= start:
            y = d.year - start.year + 1
            year = "元" if y == 1 and gannen else str(y)
            return f"{name}{year}年{d.month}月{d.day}日"
    raise ValueError(f"和暦に変換できない日付です: {d.isoformat()}")


def seireki(value: date | str) -> str:
    d = as_date(value)
    return f"{d.year}年{d.month}月{d.day}日"


def weekday_ja(value: date | str) -> str:
    return WEEKDAYS_JA[as_date(value).weekday()]


def format_date(value: date | str | None, era: bool = True, weekday: bool = False) -> str:
    """和暦 (default) or 西暦, optionally with （曜日）; None → empty string."""
    if value is None or value == "":
        return ""
    d = as_date(value)
    text = wareki(d) if era else seireki(d)
    return f"{text}（{weekday_ja(d)}）" if weekday else text
