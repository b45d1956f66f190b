"""`python main.py render FILE --out DIR …` (SPEC §4): exit 0 done, 2 bad input, 1 internal error."""
from __future__ import annotations

import inspect
import sys
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Any

from .errors import DocumentInputError

LOG = Path(tempfile.gettempdir()) / "rouei-wizard" / "render-error.log"


def _today(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise DocumentInputError(f"--today の値 {value!r} は日付（YYYY-MM-DD）ではありません。") from exc


def _call(func: Any, *args: Any, today: date | None) -> Any:
    if today is not None and "today" in inspect.signature(func).parameters:
        return func(*args, today=today)
    return func(*args)


class _Progress:
    """Progress on stderr for long runs (once per letters file, at most every 0.5 s)."""

    def __init__(self) -> None:
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if total >= 1000 and (now - self.last > 0.5 or done >= total):
            self.last = now
            print(f"作成中: {done:,}/{total:,}", file=sys.stderr, flush=True)


def _relative(incident: Any, value: str | None) -> Path | None:
    if not value:
        return None
    path = Path(value)
    if not path.is_absolute():
        path = Path(incident.path).parent / path
    return path


def run(args: Any) -> int:
    from wizard.engine.incident import InputError, load_incident

    try:
        from wizard.engine.assess import assess

        today = _today(getattr(args, "today", None))
        incident = _call(load_incident, Path(args.file), today=today)
        outcome = _call(assess, incident, today=today)
        recipients = Path(args.recipients) if getattr(args, "recipients", None) else _relative(
            incident, getattr(incident, "recipients", None))
        previous: Any = Path(args.previous) if getattr(args, "previous", None) else _relative(
            incident, (getattr(incident, "report", None) or {}).get("previous"))
        if previous is not None and not Path(previous).is_file():
            raise DocumentInputError(f"前回報告のファイルが見つかりません: {previous}")
        if previous is not None:
            previous = _call(load_incident, Path(previous), today=today)
        from .api import render_bundle

        manifest = render_bundle(incident, outcome, Path(args.out), recipients_path=recipients,
                                 previous=previous, fmt=getattr(args, "format", None) or "docx",
                                 force=bool(getattr(args, "force", False)), progress=_Progress())
    except (InputError, DocumentInputError) as exc:
        print(f"エラー: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        LOG.parent.mkdir(parents=True, exist_ok=True)
        with LOG.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} render {args.file}\n{traceback.format_exc()}\n")
        print(f"内部エラーのため文書を作成できませんでした: {exc}\n詳細はログを確認してください: {LOG}",
              file=sys.stderr)
        return 1
    docs = manifest["documents"]
    letters = sum(d.get("letters", 0) for d in docs if d["id"] == "subject_notice")
    print(f"{len(docs)}件のファイルを {args.out} に作成しました（本人通知 {letters:,}通、"
          f"スキップした宛先 {len(manifest['errors'])}行）。", file=sys.stderr)
    for d in docs:
        print(str(Path(args.out) / d["path"]))
    return 0
