"""Helpers for engine tests: a base incident and the contract-style comparison."""
from __future__ import annotations

import copy
from typing import Any

BASE: dict[str, Any] = {
    "org.name": "株式会社テスト", "org.sector": "general", "org.prefecture": "東京都",
    "org.pmark": False, "org.accredited_body": None,
    "incident.known_on": "2026-11-02", "incident.cause": "misdelivery", "incident.malicious": "no",
    "incident.unviewed_confirmed": "no", "incident.role": "self",
    "data.is_personal_data": "yes", "data.subjects": 10, "data.sensitive": "no", "data.financial": "no",
    "data.encryption": "no", "mynumber.included": "no",
}


def answers(**changes: Any) -> dict[str, Any]:
    """BASE with changes; keyword names use __ for dots (data__subjects=5)."""
    a = copy.deepcopy(BASE)
    for k, v in changes.items():
        key = k.replace("__", ".")
        if v is ...:
            a.pop(key, None)
        else:
            a[key] = v
    return a


def get(d: dict[str, Any], path: str) -> Any:
    cur: Any = d
    for part in path.split("."):
        cur = cur[part]
    return cur


def check(outcome: dict[str, Any], key: str, want: Any) -> tuple[bool, Any]:
    if key in ("sector_reports.ids", "sector_reports.ids_exactly"):
        ids = sorted(r["id"] for r in outcome.get("sector_reports") or [])
        return (sorted(want) == ids if key.endswith("exactly") else set(want) <= set(ids)), ids
    try:
        got = get(outcome, key)
    except (KeyError, TypeError):
        return False, "<missing>"
    if key == "incident.kinds":
        return sorted(got) == sorted(want), got
    return got == want, got
