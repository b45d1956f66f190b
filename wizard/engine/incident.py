"""Incident files (SPEC §2): strict loading and atomic saving.

JSON or YAML (safe loader, no aliases, size limit), validated against the facts
vocabulary; every problem is reported in Japanese naming the key and the line.
The validator is driven by the FACTS table (one schema) rather than pydantic:
importing pydantic alone costs ~60 ms, more than a third of the CLI's whole
start-up budget (SPEC §7).
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from wizard.domain.facts import FACTS, REQUIRED_FOR_ASSESS
from wizard.engine.values import check_value, cross_checks, normalize
from wizard.engine.yamlio import LineDict, LoadError, load_file, lone_surrogate_path

INCIDENT_FORMAT = "rouei-incident/1"
TOP_KEYS = {"format", "answers", "recipients", "report"}
REPORT_KEYS = {"stage", "previous"}
MAX_PROBLEMS = 50  # a file with a million bad keys gets 50 lines and a count, not 25 MB of messages
PROFILE_FORMAT = "rouei-profile/1"


class InputError(ValueError):
    """Bad input; `str(exc)` is a complete Japanese message (exit code 2)."""


@dataclass
class Incident:
    path: Path | None
    answers: dict[str, Any]
    recipients: str | None = None
    report: dict[str, Any] | None = None
    extensions: dict[str, Any] = field(default_factory=dict)

    def to_document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"format": INCIDENT_FORMAT, "answers": dict(self.answers)}
        if self.recipients:
            doc["recipients"] = self.recipients
        if self.report:
            doc["report"] = self.report
        doc.update(self.extensions)
        return doc


def _where(name: str, data: Any, key: str | None) -> str:
    line = data.line_of(key) if isinstance(data, LineDict) and key else None
    return f"{name} {line}行目" if line else name


def shown(key: Any, limit: int = 60) -> str:
    """A key as written, shortened for messages (a 1 MB key is not echoed whole)."""
    text = str(key)
    return text if len(text) <= limit else text[:limit] + f"…（{len(text):,}文字）"


def _raise(problems: list[str]) -> None:
    if len(problems) > MAX_PROBLEMS:
        rest = len(problems) - MAX_PROBLEMS
        problems = problems[:MAX_PROBLEMS] + [f"（ほかに {rest:,}件の問題があります。上から順に直してください）"]
    raise InputError("\n".join(problems))


def _surrogates(doc: Any, name: str) -> None:
    where = lone_surrogate_path(doc)
    if where is not None:
        raise InputError(f"{name}: 「{shown(where)}」に文字として使えない符号（対になっていないサロゲート"
                         "\\ud800 など）が含まれています。この値を書き直してください")



def _checked_answers(raw: dict[Any, Any], name: str, problems: list[str], org_only: bool = False) -> dict[str, Any]:
    """The valid answers of `raw` (normalised); every bad key or value is added to `problems`.
    `x-` keys are user extensions and skipped; `org_only` accepts only the organisation facts."""
    answers: dict[str, Any] = {}
    for key, value in raw.items():
        if str(key).startswith("x-"):
            continue
        if key not in FACTS or (org_only and not str(key).startswith("org.")):
            what = "事業者情報の項目ではないキー" if org_only else "未知の事実ID"
            problems.append(f"{_where(name, raw, key)}: {what}「{shown(key)}」")
            continue
        value = normalize(key, value)
        msg = check_value(key, value)
        if msg:
            problems.append(f"{_where(name, raw, key)}: 「{key}」（{FACTS[key].label}）: {msg}")
        else:
            answers[key] = value
    return answers

def validate_profile(doc: Any, name: str = "事業者情報（プロフィール）") -> dict[str, Any]:
    """Check an organisation profile exactly like the `org.*` answers of an incident file.

    Accepts `{"format": "rouei-profile/1", "answers": {...}}` or the bare answers dict;
    returns the validated answers (only `org.*` facts; `x-` keys dropped) or raises
    InputError naming every bad key (a list as 名称, an unknown 業種, −5 従業員 …)."""
    _surrogates(doc, name)
    if isinstance(doc, dict) and "answers" in doc:
        extra = set(map(str, doc)) - {"format", "answers"}
        problems = [f"{_where(name, doc, k)}: 未知のキー「{shown(k)}」" for k in sorted(extra) if not k.startswith("x-")]
        if doc.get("format") not in (None, PROFILE_FORMAT):
            problems.append(f"{_where(name, doc, 'format')}: 「format」は \"{PROFILE_FORMAT}\" です")
        raw = doc["answers"]
    else:
        problems, raw = [], doc
    if not isinstance(raw, dict):
        _raise(problems + [f"{name}: 事業者情報はキーと値の組でなければなりません"])
    answers = _checked_answers(raw, name, problems, org_only=True)
    if problems:
        _raise(problems)
    return answers


def validate_document(doc: Any, name: str = "入力", today: date | None = None) -> Incident:
    """Check a parsed incident document; raise InputError listing every problem."""
    problems: list[str] = []
    if not isinstance(doc, dict):
        raise InputError(f"{name}: 最上位はキーと値の組（JSONのオブジェクト）でなければなりません")
    _surrogates(doc, name)
    for key in doc:
        if key not in TOP_KEYS and not str(key).startswith("x-"):
            problems.append(f"{_where(name, doc, key)}: 未知のキー「{shown(key)}」（使えるキー: format, answers, recipients, report）")
    fmt = doc.get("format")
    if fmt != INCIDENT_FORMAT:
        problems.append(f"{_where(name, doc, 'format')}: 「format」は \"{INCIDENT_FORMAT}\" でなければなりません"
                        f"（値: {shown(repr(fmt))}）")
    raw = doc.get("answers")
    answers: dict[str, Any] = {}
    if not isinstance(raw, dict):
        problems.append(f"{_where(name, doc, 'answers')}: 「answers」（回答の一覧）がないか、キーと値の組ではありません")
        raw = {}
    answers.update(_checked_answers(raw, name, problems))
    for key, msg in cross_checks(answers, today):
        problems.append(f"{_where(name, raw, key)}: 「{key}」: {msg}")
    recipients = doc.get("recipients")
    if recipients is not None and not isinstance(recipients, str):
        problems.append(f"{_where(name, doc, 'recipients')}: 「recipients」はファイル名（文字列）です")
        recipients = None
    report = doc.get("report")
    if report is not None:
        if not isinstance(report, dict) or set(report) - REPORT_KEYS:
            problems.append(f"{_where(name, doc, 'report')}: 「report」は {{\"stage\": …, \"previous\": …}} の形です")
            report = None
        else:
            if report.get("stage") is not None and (not isinstance(report["stage"], str)
                                                    or report["stage"] not in FACTS["report.stage"].choices):
                problems.append(f"{_where(name, report, 'stage')}: report.stage は preliminary, final, combined のいずれかです")
            prev = report.get("previous")
            if prev is not None and (not isinstance(prev, str) or not prev.strip()):
                problems.append(f"{_where(name, report, 'previous')}: report.previous は前回報告の事案ファイル名（文字列）です")
    if isinstance(recipients, str) and not recipients.strip():
        problems.append(f"{_where(name, doc, 'recipients')}: 「recipients」が空です（宛先ファイル名を書くか、キーを削除してください）")
    if problems:
        _raise(problems)
    ext = {k: v for k, v in doc.items() if str(k).startswith("x-")}
    return Incident(None, answers, recipients, dict(report) if report else None, ext)


def missing_required(answers: dict[str, Any]) -> list[str]:
    return [k for k in REQUIRED_FOR_ASSESS if answers.get(k) in (None, "")]


def load_incident(path: str | Path, today: date | None = None) -> Incident:
    p = Path(path)
    if p.suffix.lower() not in (".json", ".yaml", ".yml"):
        raise InputError(f"{p}: 事案ファイルは .json / .yaml / .yml です")
    try:
        doc = load_file(p)
    except LoadError as exc:
        where = f"{p} {exc.line}行目" if exc.line else str(p)
        raise InputError(f"{where}: {exc.message}") from None
    inc = validate_document(doc, str(p), today)
    inc.path = p
    return inc


def load_profile(path: str | Path) -> dict[str, Any]:
    """Read and validate a saved organisation profile (JSON); InputError names the file and key."""
    p = Path(path)
    try:
        doc = load_file(p)
    except LoadError as exc:
        where = f"{p} {exc.line}行目" if exc.line else str(p)
        raise InputError(f"{where}: {exc.message}") from None
    return validate_profile(doc, str(p))


def atomic_write_text(path: Path, text: str, mode: int = 0o600) -> None:
    """Write via a temp file in the same folder + os.replace; 0600 on POSIX."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if os.name == "posix":
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def dump_document(doc: dict[str, Any], path: Path) -> None:
    """Save an incident document as JSON or YAML by the file's suffix.

    Text that cannot be written as UTF-8 (a lone surrogate) is an InputError naming the key,
    raised before anything is written; the previous file stays as it was."""
    path = Path(path)
    where = lone_surrogate_path(doc)
    if where is not None:
        raise InputError(f"{path}: 「{shown(where)}」に文字として使えない符号（対になっていないサロゲート）が含まれているため"
                         "保存できません。この値を書き直してください")
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml
        text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    else:
        import json
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    atomic_write_text(path, text)
