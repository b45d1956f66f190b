"""Text for the fields of PPC's online report form, from the answers (no Qt).

Each entry is (label, text); the result page puts a copy button beside each.
"""
from __future__ import annotations

from typing import Any

from wizard.domain.dates import format_date
from wizard.domain.facts import CAUSES

PENDING = "調査中"


def _text(answers: dict[str, Any], key: str) -> str:
    v = answers.get(key)
    if v is None or v == "" or v == []:
        return PENDING
    if isinstance(v, list):
        return "、".join(str(x) for x in v)
    return str(v)


def ppc_fields(answers: dict[str, Any]) -> list[tuple[str, str]]:
    a = answers
    occurred = format_date(a["incident.occurred_on"]) if a.get("incident.occurred_on") else PENDING
    known = format_date(a["incident.known_on"]) if a.get("incident.known_on") else PENDING
    summary = "\n".join([
        f"発生日：{occurred}",
        f"発覚日：{known}",
        f"発生場所：{_text(a, 'incident.location')}",
        f"発覚の経緯：{_text(a, 'incident.discovery')}",
        f"概要：{_text(a, 'incident.summary')}",
    ])
    items = _text(a, "data.items")
    if a.get("data.medium"):
        items += f"\n媒体：{a['data.medium']}"
    n = a.get("data.subjects")
    if isinstance(n, int):
        count = f"{n:,}人" if a.get("data.subjects_exact") else f"最大{n:,}人"
        if a.get("data.subject_kinds"):
            count += f"（{'、'.join(a['data.subject_kinds'])}）"
    else:
        count = PENDING
    cause = a.get("response.cause_detail") or (
        CAUSES.get(str(a.get("incident.cause")), PENDING) if a.get("incident.cause") else PENDING)
    return [
        ("概要", summary),
        ("漏えい等が発生し、又は発生したおそれがある個人データの項目", items),
        ("本人の数", count),
        ("原因", str(cause)),
        ("二次被害又はそのおそれの有無及びその内容", _text(a, "response.secondary_damage")),
        ("本人への対応の実施状況", _text(a, "response.subject_response")),
        ("公表の実施状況", _text(a, "response.publication")),
        ("再発防止のための措置", _text(a, "response.prevention")),
        ("その他参考となる事項", _text(a, "response.other")),
    ]
