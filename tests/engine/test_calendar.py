"""行政機関の休日 and 和暦."""
from datetime import date

import pytest

from wizard.domain.dates import format_date, wareki, weekday_ja
from wizard.engine.calendar import closure_reason, is_business_day


def test_holiday_table_matches_the_holidays_package():
    import json

    import holidays

    from wizard.engine.calendar import TABLE
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    lib = {d.isoformat(): n for d, n in holidays.Japan(years=range(data["from_year"], data["to_year"] + 1),
                                                        language="ja").items()}
    assert data["holidays"] == lib


@pytest.mark.parametrize("d,open_", [
    ("2026-11-23", False), ("2026-11-24", True), ("2026-05-06", False), ("2026-09-22", False),
    ("2026-12-28", True), ("2026-12-29", False), ("2027-01-03", False), ("2027-01-04", True),
    ("2026-11-21", False), ("2026-11-22", False), ("2060-01-05", True), ("2060-01-01", False)])
def test_business_days(d, open_):
    assert is_business_day(date.fromisoformat(d)) is open_


def test_closure_reasons():
    assert closure_reason(date(2026, 12, 31)) == "年末年始"
    assert closure_reason(date(2026, 5, 6)) == "振替休日"
    assert closure_reason(date(2026, 9, 22)) == "国民の休日"


@pytest.mark.parametrize("d,text", [("2019-05-01", "令和元年5月1日"), ("2019-04-30", "平成31年4月30日"),
                                    ("1989-01-07", "昭和64年1月7日"), ("1989-01-08", "平成元年1月8日"),
                                    ("2026-11-23", "令和8年11月23日"), ("2027-01-04", "令和9年1月4日")])
def test_wareki(d, text):
    assert wareki(d) == text


def test_format_date_options():
    assert format_date("2026-11-23", weekday=True) == "令和8年11月23日（月）"
    assert format_date("2026-11-23", era=False) == "2026年11月23日"
    assert format_date(None) == "" and weekday_ja("2026-11-22") == "日"
