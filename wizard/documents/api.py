"""render_bundle: the one entry point the CLI and the GUI use to write a document bundle."""
from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from . import emails, notices
from .engine import render_docx
from .errors import DocumentInputError
from .fmt import Fmt
from .output import OutputDir
from .plan import Job, fill_record, mark_rows, plan, report_meta
from .recipients import Recipient, RecipientsFile, RowError

LETTERS_PER_FILE = 500
Progress = Callable[[int, int], None]


def _assess(incident: Any) -> dict[str, Any]:
    from wizard.engine.assess import assess

    return assess(incident)


def _previous(previous: Any, base: Path | None) -> Any:
    """A previous incident: an Incident-like object (has .answers) or a path to its file."""
    if hasattr(previous, "answers"):
        return previous
    from wizard.engine.incident import load_incident

    path = Path(previous)
    if not path.is_absolute() and base is not None:  # written in the incident file: beside it only
        from .recipients import resolve_in

        path = resolve_in(base, str(previous), "前回報告のファイル（report.previous）")
    return load_incident(path)


class _Sink:
    """Writes DOCX directly, or collects them for one batched LibreOffice call."""

    def __init__(self, out: OutputDir, fmt: str) -> None:
        self.out, self.fmt = out, fmt
        self.entries: list[dict[str, Any]] = []
        # PDF sources are staged inside the output folder (never the shared temp folder)
        self._tmp = tempfile.TemporaryDirectory(prefix=".rouei-pdf-", dir=out.staging_dir()) if fmt == "pdf" else None
        self._pending: list[tuple[dict[str, Any], Path]] = []

    def add(self, doc_id: str, title: str, stem: str, data: bytes, letters: int | None = None) -> None:
        entry: dict[str, Any] = {"id": doc_id, "title": title, "path": ""}
        if letters is not None:
            entry["letters"] = letters
        self.entries.append(entry)
        if self._tmp is None:
            entry["path"] = self.out.write(f"{stem}.docx", data)
        else:
            tmp = Path(self._tmp.name) / f"{len(self._pending):05d}_{stem}.docx"
            tmp.write_bytes(data)
            self._pending.append((entry, tmp))

    def add_raw(self, doc_id: str, title: str, name: str, data: bytes, letters: int | None = None) -> None:
        """A file that is never converted (an e-mail draft)."""
        entry: dict[str, Any] = {"id": doc_id, "title": title, "path": self.out.write(name, data)}
        if letters is not None:
            entry["letters"] = letters
        self.entries.append(entry)

    def finish(self) -> None:
        if self._tmp is None:
            return
        from . import pdf

        try:
            pdfs = pdf.convert([t for _, t in self._pending], Path(self._tmp.name))
            for (entry, tmp), p in zip(self._pending, pdfs, strict=True):
                entry["path"] = self.out.write(tmp.stem.split("_", 1)[1] + ".pdf", p.read_bytes())
        finally:
            self._tmp.cleanup()


class _Channels:
    """Which recipient gets a letter and who an e-mail (response.notice_method)."""

    def __init__(self, method: Any) -> None:
        self.email_first = method in ("email", "both")
        self.letter_too = method != "email"

    def split(self, r: Recipient) -> tuple[bool, bool]:
        has_addr, has_mail = bool(r.address), bool(r.email)
        mail = has_mail and (self.email_first or not has_addr)
        letter = has_addr and (self.letter_too or not has_mail)
        return letter, mail


def _letters(recips: RecipientsFile, errors: list[dict[str, Any]], channels: _Channels,
             mails: list[Recipient]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for item in recips.rows():
        if isinstance(item, RowError):
            errors.append({"row": item.row, "reason": item.reason, **({"rows": item.rows} if item.rows > 1 else {})})
            continue
        assert isinstance(item, Recipient)
        if item.email and not emails.valid(item.email):
            errors.append({"row": item.row, "reason": "メールアドレスの形式が正しくありません（電子メールは作成しません）"})
            item = Recipient(item.row, item.name, item.honorific, item.postal, item.address, "")
            if not item.address:
                continue
        letter, mail = channels.split(item)
        if mail:
            mails.append(item)
        if not letter:
            continue
        chunk.append(notices.recipient_letter(item.name, item.honorific, item.postal, item.address, ""))
        if len(chunk) >= LETTERS_PER_FILE:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def render_bundle(incident: Any, outcome: dict[str, Any], out_dir: str | Path, *,
                  recipients_path: str | Path | None = None, previous: Any = None, fmt: str = "docx",
                  force: bool = False, progress: Progress | None = None, name_prefix: str = "") -> dict[str, Any]:
    """Render every document the outcome lists into `out_dir`; returns the manifest (SPEC §4).

    `previous`: the previous report's incident (object or file path) for a 続報.
    `name_prefix`: put before every file name (the GUI names the incident there).
    Raises DocumentInputError (or the engine's InputError) before writing anything
    when the input is bad.
    """
    if fmt not in ("docx", "pdf"):
        raise DocumentInputError(f"出力形式 {fmt!r} には対応していません（docx 又は pdf）。")
    if fmt == "pdf":
        from .pdf import require_soffice

        require_soffice()
    answers = dict(incident.answers)
    base = Path(incident.path).parent if getattr(incident, "path", None) else None
    recips = RecipientsFile(Path(recipients_path)) if recipients_path else None
    fmt_now = Fmt(answers, outcome)
    prev_jobs: list[Job] | None = None
    prev_date = answers.get("report.previous_date")
    if previous is not None:
        prev_inc = _previous(previous, base)
        prev_answers = dict(prev_inc.answers)
        prev_outcome = _assess(prev_inc)
        prev_date = prev_date or prev_answers.get("report.date")
        prev_meta = report_meta(prev_answers, getattr(prev_inc, "report", None), False, None)
        prev_jobs = plan(prev_answers, prev_outcome, prev_meta)
    meta = report_meta(answers, getattr(incident, "report", None), previous is not None,
                       fmt_now.date(prev_date) if prev_date else None)
    jobs = plan(answers, outcome, meta)
    jobs = [dataclasses.replace(job, stem=name_prefix + job.stem) for job in jobs]
    mark_rows(jobs, prev_jobs)
    channels = _Channels(answers.get("response.notice_method"))

    rendered = [(job, render_docx(job.template, job.context)) for job in jobs
                if job.id not in ("subject_notice", "internal_record")]
    n_rows = recips.count() if recips else 0
    total = len(rendered) + (n_rows if recips else 1 if any(j.id == "subject_notice" for j in jobs) else 0)
    done = 0
    out = OutputDir(Path(out_dir), force)
    out.prepare()
    sink = _Sink(out, fmt)
    errors: list[dict[str, Any]] = []
    by_id = {id(job): data for job, data in rendered}
    mail_entries = 0
    for job in jobs:
        if job.id == "internal_record":
            continue
        if job.id != "subject_notice":
            sink.add(job.id, job.title, job.stem, by_id[id(job)])
            done += 1
        elif recips is None:
            generic = notices.generic_letter(fmt_now)
            if channels.letter_too:
                ctx = dict(job.context, letters=[generic])
                sink.add(job.id, job.title, job.stem, render_docx(job.template, ctx), letters=1)
            if channels.email_first:
                sink.add_raw(job.id, f"{job.title}（電子メール）", f"{job.stem}_email.eml",
                             emails.message(job.context, generic["name_line"], "", "", fmt_now.org("email")), letters=1)
            done += 1
        else:
            first, start_done = 1, done
            mails: list[Recipient] = []
            for i, chunk in enumerate(_letters(recips, errors, channels, mails), start=1):
                ctx = dict(job.context, letters=chunk)
                title = f"{job.title}（{first:,}〜{first + len(chunk) - 1:,}通目）"
                sink.add(job.id, title, f"{job.stem}_{i:03d}", render_docx(job.template, ctx), letters=len(chunk))
                first += len(chunk)
                done = min(total, done + len(chunk))
                if progress:
                    progress(done, total)
            for k, r in enumerate(mails, start=1):
                name_line = f"{r.name}　{r.honorific or '様'}"
                sink.add_raw(job.id, f"{job.title}（電子メール {k:,}通目）", f"{job.stem}_email_{k:05d}.eml",
                             emails.message(job.context, name_line, r.name, r.email, fmt_now.org("email")), letters=1)
            mail_entries += len(mails)
            if first == 1 and not mails:  # no usable row: keep a generic letter so the notice is not lost
                errors.append({"row": 1, "reason": "有効な宛先の行が1行もありません（宛名なしの通知文を1通作成しました）"})
                ctx = dict(job.context, letters=[notices.generic_letter(fmt_now)])
                sink.add(job.id, job.title, job.stem, render_docx(job.template, ctx), letters=1)
            done = start_done + n_rows
        if progress:
            progress(done, total)
    extra = [f"本人通知（電子メール）{mail_entries:,}通"] if mail_entries else []
    fill_record(jobs, answers, outcome, meta, errors, extra)
    for job in jobs:
        if job.id == "internal_record":
            sink.add(job.id, job.title, job.stem, render_docx(job.template, job.context))
            done += 1
    sink.finish()
    manifest = {"documents": sink.entries, "errors": errors}
    out.write_manifest(manifest)
    return manifest
