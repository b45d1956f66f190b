"""Which files a bundle holds: outcome `documents` ids → template, title and context.

The legal choices are the engine's (outcome JSON); this module only maps them
to layouts: the rule set picks the form generation (2017 forms for appi-2017),
and the outcome's addressee fields pick 殿/御中.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

from . import diff, notices, record, reports, reports2017
from .fmt import Fmt
from .reports import ReportMeta

TITLES = {
    "appi_report": "個人データの漏えい等事案の報告",
    "mynumber_report": "特定個人情報の漏えい等事案の報告",
    "telecom_secrecy_report": "通信の秘密の漏えいに関する報告書",
    "finance_report": "個人顧客情報の漏えい等事案の報告（業法・個人情報保護法）",
    "subject_notice": "本人通知（お詫びとお知らせ）",
    "public_notice": "公表文",
    "controller_notice": "委託元への通知",
    "internal_record": "社内報告書（判断記録）",
}
ORDER = list(TITLES)
REPORT_IDS = {"appi_report", "mynumber_report", "telecom_secrecy_report", "finance_report", "controller_notice"}


@dataclass
class Job:
    id: str
    title: str
    template: str
    stem: str
    context: dict[str, Any] = field(default_factory=dict)
    variant: str = ""   # distinguishes two files of one id (e.g. the PPC addressee variant)

    @property
    def key(self) -> str:
        return f"{self.id}:{self.variant}"


def report_meta(answers: dict[str, Any], report: dict[str, Any] | None, followup: bool,
                previous_date: str | None) -> ReportMeta:
    stage = str(answers.get("report.stage") or (report or {}).get("stage") or "preliminary")
    if stage not in ("preliminary", "final", "combined"):
        stage = "preliminary"
    again = followup or bool(previous_date)
    return ReportMeta(stage=stage, followup=again, previous_date=previous_date, number=2 if again else 1)


def combined_finance(outcome: dict[str, Any]) -> bool:
    """appi_report and the 業法 report go to the same office: one document with both bases (Q&A 4-10)."""
    appi = outcome.get("appi") or {}
    docs = outcome.get("documents") or []
    if not (appi.get("required") and appi.get("destination") == "fsa" and "finance_report" in docs
            and "appi_report" in docs):
        return False
    fin: dict[str, Any] = next((sr for sr in outcome.get("sector_reports") or [] if sr.get("id") == "finance_sector_law"),
                               {})
    return (fin.get("office") or appi.get("office")) == appi.get("office")


def plan(answers: dict[str, Any], outcome: dict[str, Any], meta: ReportMeta) -> list[Job]:
    f = Fmt(answers, outcome)
    wanted = list(dict.fromkeys(outcome.get("documents") or ["internal_record"]))
    combined = combined_finance(outcome)
    if combined:
        wanted.remove("appi_report")
    wanted.sort(key=lambda d: ORDER.index(d) if d in ORDER else len(ORDER))
    old = outcome.get("ruleset") == "appi-2017"
    jobs: list[Job] = []
    for doc_id in wanted:
        if doc_id == "appi_report":
            if old:
                jobs.append(Job(doc_id, "", "appi_report_2017.docx", "appi_report",
                                reports2017.appi_report_2017(f, outcome, meta)))
                continue
            jobs.append(Job(doc_id, "", "appi_report.docx", "appi_report", reports.appi_report(f, outcome, meta)))
            appi = outcome.get("appi") or {}
            # An unsettled or unverified route (routing.yaml `alternatives`): a draft for each other addressee.
            for alt, addr in zip(appi.get("destination_alternatives") or [], appi.get("alternative_addressees") or [],
                                 strict=False):
                alt_outcome = {**outcome, "appi": {**appi, "destination": alt, "addressee": addr}}
                jobs.append(Job(doc_id, "", "appi_report.docx", f"appi_report_{alt}",
                                reports.appi_report(f, alt_outcome, meta, addr), alt))
        elif doc_id == "mynumber_report":
            ctx = (reports2017.mynumber_report_2017(f, outcome, meta) if old
                   else reports.mynumber_report(f, outcome, meta))
            jobs.append(Job(doc_id, "", "mynumber_report_2017.docx" if old else "mynumber_report.docx",
                            doc_id, ctx))
            if old and (outcome.get("mynumber") or {}).get("serious"):
                jobs.append(Job(doc_id, "", "mynumber_report_2017.docx", "mynumber_report_serious_ppc",
                                reports2017.mynumber_report_2017(f, outcome, meta, to_ppc=True), "serious"))
        elif doc_id == "telecom_secrecy_report":
            jobs.append(Job(doc_id, "", "telecom_secrecy_report.docx", doc_id,
                            reports.telecom_secrecy_report(f, outcome, meta)))
            if any(sr.get("id") == "telecom_specific_user_info" for sr in outcome.get("sector_reports") or []):
                # Designated carriers: the 特定利用者情報 report goes to the same 総合通信局.
                jobs.append(Job(doc_id, "", "telecom_secrecy_report.docx", "telecom_specific_user_info_report",
                                reports.telecom_secrecy_report(f, outcome, meta, "telecom_specific_user_info"),
                                "specific_user_info"))
        elif doc_id == "finance_report":
            jobs.append(Job(doc_id, "", "finance_report.docx", doc_id,
                            reports.finance_report(f, outcome, meta, combined)))
        elif doc_id == "controller_notice":
            jobs.append(Job(doc_id, "", "controller_notice.docx", doc_id,
                            reports.controller_notice(f, outcome, meta)))
        elif doc_id == "subject_notice":
            jobs.append(Job(doc_id, "", "subject_notice.docx", doc_id,
                            notices.subject_notice(f, outcome, meta.previous_date, meta.number)))
        elif doc_id == "public_notice":
            jobs.append(Job(doc_id, "", "public_notice.docx", doc_id,
                            notices.public_notice(f, outcome, meta.stage, meta.previous_date, meta.number)))
        elif doc_id == "internal_record":
            jobs.append(Job(doc_id, "", "internal_record.docx", doc_id, {}))
        else:
            print(f"注意: 文書 {doc_id!r} には対応するテンプレートがないため作成しません。", file=sys.stderr)
    for job in jobs:
        if job.id in REPORT_IDS:
            job.title = str(job.context.get("title") or TITLES[job.id])
        else:
            job.title = TITLES.get(job.id, job.id)
        if job.variant in ("ppc", "serious"):
            job.title += "（個人情報保護委員会宛）"
    return jobs


def filing_notes(f: Fmt, outcome: dict[str, Any]) -> list[str]:
    notes = reports.usage_notes(f, outcome)
    if combined_finance(outcome):
        notes.append("個人情報保護法26条1項の報告と業法に基づく報告は、同じ報告先へ一つの報告書（両方の根拠を記載）で"
                     "提出します（金融分野Q&A 4-10）。")
    return notes


def fill_record(jobs: list[Job], answers: dict[str, Any], outcome: dict[str, Any], meta: ReportMeta,
                skipped: list[dict[str, Any]], extra_titles: list[str] | None = None) -> None:
    """The internal record is built last: it lists the documents written and the rows skipped."""
    f = Fmt(answers, outcome)
    titles = [j.title for j in jobs] + list(extra_titles or [])
    for job in jobs:
        if job.id == "internal_record":
            job.context = record.internal_record(f, outcome, titles, meta, skipped, filing_notes(f, outcome))


def mark_rows(current: list[Job], previous: list[Job] | None) -> None:
    """続報: each row text becomes `segs` — plain and underlined segments (only the changed words).

    Rows are matched by label within the same document; a new row is underlined as a whole.
    """
    before: dict[str, dict[str, str]] = {}
    for job in previous or []:
        before[job.key] = {r["label"]: r["text"] for r in job.context.get("rows", [])}
    for job in current:
        rows = job.context.get("rows")
        if rows is None:
            continue
        prev = before.get(job.key) if previous is not None else None
        changed_any = False
        for r in rows:
            old = None if prev is None else prev.get(r["label"], "")
            r["segs"] = diff.segments(old, r["text"])
            changed_any |= diff.changed(r["segs"])
        if previous is not None:
            job.context["diff_note"] = ("（注）前回報告から記載を変更した箇所に下線を引いています。" if changed_any
                                        else "（注）前回報告から記載の変更はありません。")
