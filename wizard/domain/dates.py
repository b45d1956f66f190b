"""Japanese date formatting (和暦) — no Qt, no I/O.

A tiny own function instead of japanera/PyICU: the era table is explicit, a
new era is a one-line change plus tests.
"""
from __future__ import annotations

from datetime import date

_ERAS: tuple[tuple[date, str], ...] = (
    (date(2019, 5, 1), "令和"),
    (date(1989, 1, 8), "平成"),
    (date(1926, 12, 25), "昭和"),
    (date(1912, 7, 30), "大正"),
    (date(1873, 1, 1), "明治"),
)
WEEKDAYS_JA = "月火水木金土日"


def as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


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
