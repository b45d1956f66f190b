"""Type checks for single answers, shared by the incident loader and the GUI's
inline validation.  Messages are Japanese and name what is expected."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from wizard.domain.dates import parse_iso_date
from wizard.domain.facts import FACTS, TRI

PREFECTURES = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
    "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
    "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
    "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
)
MAX_TEXT = 100_000
MAX_INT = 10**10
# SPEC §2.1: org.email is an e-mail address (local part, @, a domain with a dot), or empty; surrounding
# spaces are allowed (the wizard strips them).  The JSON Schema uses the same pattern (wizard/domain/schema.py).
EMAIL_PATTERN = r"^(?:[ \u3000]*[^@\s]+@[^@\s]+\.[^@\s.]+[ \u3000]*)?$"


def _date_ok(v: Any) -> str | None:
    # YYYY-MM-DD only: Python 3.11's fromisoformat also takes other ISO 8601 forms ("1900010100")
    if not isinstance(v, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", v):
        return "日付は YYYY-MM-DD の形式で書いてください"
    try:
        d = parse_iso_date(v)
    except ValueError:
        return f"「{v}」は存在しない日付です"
    if d.year < 1900:
        return f"「{v}」は古すぎる日付です"
    if d.year > 2200:
        return f"「{v}」は先すぎる日付です"
    return None


def normalize(fact_id: str, value: Any) -> Any:
    """JSON true/false for tri facts become "yes"/"no"; else unchanged."""
    f = FACTS.get(fact_id)
    if f is not None and f.type == "tri" and isinstance(value, bool):
        return "yes" if value else "no"
    return value


def check_value(fact_id: str, value: Any) -> str | None:
    """None when `value` fits the fact's type; else a Japanese message."""
    f = FACTS[fact_id]
    t = f.type
    if t == "tri":
        return None if value in TRI else "「yes」「no」「unknown」のいずれか（又は true/false）を書いてください"
    if t == "bool":
        return None if isinstance(value, bool) else "true か false を書いてください"
    if t == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return "0以上の整数を書いてください"
        if value < 0:
            return "人数・件数は0以上の整数です（負の数は使えません）"
        return None if value <= MAX_INT else "数が大きすぎます"
    if t == "date":
        return _date_ok(value)
    if t == "datenull":
        return None if value is None else _date_ok(value)
    if t == "enum":
        if isinstance(value, str) and value in f.choices:
            return None
        return f"「{value}」は使えません。使える値: {', '.join(f.choices)}"
    if t in ("str", "text"):
        if not isinstance(value, str):
            return "文字列を書いてください"
        if fact_id == "org.prefecture" and value not in PREFECTURES:
            return f"「{value}」は都道府県名ではありません（例: 東京都、大阪府、北海道）"
        if fact_id == "org.email" and not re.search(EMAIL_PATTERN, value):
            return f"「{value[:80]}」はメールアドレスの形式ではありません（例: soumu@example.co.jp）"
        return None if len(value) <= MAX_TEXT else f"長すぎます（{MAX_TEXT:,}文字まで）"
    if t == "strnull":
        if value is None:
            return None
        return None if isinstance(value, str) and len(value) <= MAX_TEXT else "文字列又は null を書いてください"
    if t == "list":
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            return "文字列の一覧（例: [\"氏名\", \"住所\"]）を書いてください"
        return None if len(value) <= 1000 else "項目が多すぎます（1,000個まで）"
    return None


def cross_checks(answers: dict[str, Any], today: date | None) -> list[tuple[str, str]]:
    """(fact id, message) for impossible combinations: future dates, 知った日 < 発生日."""
    problems: list[tuple[str, str]] = []
    known = answers.get("incident.known_on")
    occurred = answers.get("incident.occurred_on")
    if today is not None:
        for key in ("incident.known_on", "incident.occurred_on"):
            v = answers.get(key)
            if isinstance(v, str) and _date_ok(v) is None and parse_iso_date(v) > today:
                problems.append((key, f"{FACTS[key].label}（{v}）が今日（{today.isoformat()}）より後です"))
    if isinstance(known, str) and isinstance(occurred, str) and _date_ok(known) is None and _date_ok(occurred) is None:
        if parse_iso_date(occurred) > parse_iso_date(known):
            problems.append(("incident.known_on", f"知った日（{known}）が発生日（{occurred}）より前です"))
    subj, mn = answers.get("data.subjects"), answers.get("mynumber.subjects")
    if isinstance(subj, int) and isinstance(mn, int) and not isinstance(mn, bool) and mn > subj:
        problems.append(("mynumber.subjects", f"マイナンバーに係る本人の数（{mn:,}人）が本人の数（{subj:,}人）を超えています"))
    return problems
