"""Text for the fields of PPC's online report form, from the answers (no Qt).

Each entry is (label, text); the result page puts a copy button beside each.  The fields follow
the report draft (wizard/documents/items.py): the nine items of 規則8条1項, with the choices the
form has (二次被害 有/無, 本人への対応 済/予定/未定, 公表 あり/なし/未定 with date and method,
再発防止 実施済み/予定) as separate fields, and 概要 split into 発生日/発覚日/発見者/経緯.
"""
from __future__ import annotations

from typing import Any

from wizard.documents import items as it
from wizard.documents.fmt import Fmt, is_blank
from wizard.domain.facts import NOTICE_METHODS, POLICE, PUBLICATION_METHODS, STAGES, SUBJECT_STATUS

PENDING = "調査中"


def _choice(value: Any, table: dict[str, str], default: str = "未定") -> str:
    return table.get(str(value), default)


def _or(f: Fmt, key: str, default: str) -> str:
    value = f.a.get(key)
    return default if is_blank(value) else f.text(key)


ITEMS = ["概要", "漏えい等が発生し、又は発生したおそれがある個人データの項目", "本人の数", "原因",
         "二次被害又はそのおそれの有無及びその内容", "本人への対応の実施状況", "公表の実施状況", "再発防止のための措置",
         "その他参考となる事項"]
# which sub-fields make up each of the nine items (規則8条1項)
GROUPS = {
    "概要": ("概要：",),
    "二次被害又はそのおそれの有無及びその内容": ("二次被害：",),
    "本人への対応の実施状況": ("本人への対応",),
    "公表の実施状況": ("公表：",),
    "再発防止のための措置": ("再発防止のための措置：",),
    "その他参考となる事項": ("その他：",),
}


def ppc_fields(answers: dict[str, Any], outcome: dict[str, Any] | None = None) -> list[tuple[str, str]]:
    """The nine items of the form, one copy button each; each text holds its sub-fields as
    「見出し：内容」 lines (the same structured fields as the report draft)."""
    detail = ppc_form_fields(answers, outcome)
    by_label = dict(detail)
    out = []
    for item in ITEMS:
        prefixes = GROUPS.get(item)
        if prefixes is None:
            key = item if item in by_label else next(k for k in by_label if k.startswith(item[:4]))
            out.append((item, by_label[key]))
            continue
        lines = []
        for label, text in detail:
            if label.startswith(prefixes):
                head = label.split("：", 1)[1] if "：" in label else label
                lines.append(f"{head}：{text}")
        out.append((item, "\n".join(lines)))
    return out


def ppc_form_fields(answers: dict[str, Any], outcome: dict[str, Any] | None = None) -> list[tuple[str, str]]:
    """Every field of the form separately (header, 概要 split into 発生日/発覚日/発見者/経緯, the choices)."""
    a = answers
    o = outcome or {}
    f = Fmt(a, o)
    occurred = f.date(a.get("incident.occurred_on")) if a.get("incident.occurred_on") else f.pending()
    fields: list[tuple[str, str]] = [
        ("報告者の氏名又は名称", f.org("name", PENDING)),
        ("代表者", f.org("representative")),
        ("所在地", f.org("address")),
        ("担当部署・担当者", "　".join(x for x in (f.org("department"), f.org("contact_person")) if x)),
        ("連絡先", "　".join(x for x in (f.org("phone"), f.org("email")) if x)),
        ("報告の種類", STAGES.get(str(a.get("report.stage")), "速報")),
    ]
    grounds = (o.get("appi") or {}).get("grounds")
    if grounds:
        fields.append(("報告対象事態（規則7条）", "・".join(f"第{g}号" for g in grounds)))
    fields += [
        ("概要：発生日", occurred),
        ("概要：発覚日", f.date(a.get("incident.known_on")) or PENDING),
        ("概要：発生場所", f.text("incident.location")),
        ("概要：発見者", f.text("response.discoverer")),
        ("概要：発覚の経緯・経過", f.text("incident.discovery") + "".join(
            f"\n{line}" for line in it.timeline_lines(f))),
        ("概要：事案の概要", f.text("incident.summary")),
        ("漏えい等が発生し、又は発生したおそれがある個人データの項目", it.data_items(f)),
        ("本人の数", f.count()),
        ("原因", it.cause(f)),
        ("二次被害：有無", {"yes": "有", "no": "無"}.get(str(it.secondary_status(a)), PENDING)),
        ("二次被害：内容", f.text("response.secondary_damage")),
    ]
    status = a.get("response.subject_status") or ("planned" if a.get("response.notice_method") else "undecided")
    fields += [
        ("本人への対応：実施状況", _choice(status, SUBJECT_STATUS)),
        ("本人への対応：方法・時期", "　".join(x for x in (
            NOTICE_METHODS.get(str(a.get("response.notice_method")), ""),
            f.date(a.get("response.subject_date"))) if x) or "未定"),
        ("本人への対応：補足", _or(f, "response.subject_response", "特になし")),
    ]
    pub = it.publication_status(a)
    pub_label = {"done": "あり", "planned": "あり（予定）", "none": "なし"}.get(pub, "未定")
    fields += [
        ("公表：実施状況", pub_label),
        ("公表：公表（予定）日", (f.date(a.get("response.publication_date")) or "未定") if pub in ("done", "planned") else "－"),
        ("公表：公表方法", PUBLICATION_METHODS.get(it.publication_method(a), "－") if pub in ("done", "planned") else "－"),
        ("公表：補足", _or(f, "response.publication", "特になし")),
        ("再発防止のための措置：実施済み", _or(f, "response.prevention", "検討中")),
        ("再発防止のための措置：今後の予定", _or(f, "response.prevention_planned", "検討中") + (
            f"（{f.date(a['response.prevention_planned_on'])}までに実施予定）"
            if a.get("response.prevention_planned_on") else "")),
        ("その他：警察への相談・届出", POLICE.get(str(a.get("response.police")), "未回答")),
        ("その他：その他参考となる事項", it.other(f, o) if o else _or(f, "response.other", "特になし")),
    ]
    return [(label, text if not is_blank(text) else PENDING) for label, text in fields]
