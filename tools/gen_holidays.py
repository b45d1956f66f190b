"""Regenerate rules/holidays_jp.json from the `holidays` package (国民の祝日・振替休日・国民の休日)."""
import json
import sys
from pathlib import Path

import holidays

FROM, TO = 2000, 2050


def table() -> dict:
    days = {}
    for d, name in sorted(holidays.Japan(years=range(FROM, TO + 1), language="ja").items()):
        days[d.isoformat()] = name
    return {"source": f"holidays {holidays.__version__}", "from_year": FROM, "to_year": TO, "holidays": days}


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "rules" / "holidays_jp.json"
    out.write_text(json.dumps(table(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)
