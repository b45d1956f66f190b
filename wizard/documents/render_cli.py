"""`python main.py render FILE --out DIR …` (SPEC §4): exit 0 done, 2 bad input, 1 internal error."""
from __future__ import annotations

import inspect
import sys
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Any

from .errors import DocumentInputError


def _today(value: Any) -> date | None:
    from wizard.domain.dates import parse_iso_date

    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return parse_iso_date(str(value))
    except ValueError as exc:
        raise DocumentInputError(f"--today の値「{str(value)[:40]}」は日付（YYYY-MM-DD）ではありません。") from exc


def _call(func: Any, *args: Any, today: date | None, **kwargs: Any) -> Any:
    if today is not None and "today" in inspect.signature(func).parameters:
        return func(*args, today=today, **kwargs)
    return func(*args, **kwargs)


class _Progress:
    """Progress on stderr for long runs (once per letters file, at most every 0.5 s)."""

    def __init__(self) -> None:
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if total >= 1000 and (now - self.last > 0.5 or done >= total):
            self.last = now
            print(f"作成中: {done:,}/{total:,}", file=sys.stderr, flush=True)


def _relative(incident: Any, value: str | None, what: str) -> Path | None:
    """A path written in the incident file: beside it, never outside its folder."""
    from .recipients import resolve_beside

    if value is None:
        return None
    return resolve_beside(Path(incident.path), value, what)


def _log(args: Any) -> Path | None:
    from wizard.errorlog import append_log

    return append_log(traceback.format_exc(), f"render {getattr(args, 'file', '')}")


def run(args: Any) -> int:
    from wizard.engine.incident import InputError, load_incident

    try:
        from wizard.engine.assess import assess

        if not str(args.out).strip():
            raise DocumentInputError("出力先のフォルダー（--out）が空です。フォルダー名を指定してください。")
        today = _today(getattr(args, "today", None))
        incident = _call(load_incident, Path(args.file), today=today)
        draft = bool(getattr(args, "draft_2026", False))
        outcome = _call(assess, incident, today=today, **({"draft": True} if draft else {}))
        recipients = Path(args.recipients) if getattr(args, "recipients", None) is not None else _relative(
            incident, getattr(incident, "recipients", None), "宛先ファイル（recipients）")
        previous: Any = Path(args.previous) if getattr(args, "previous", None) is not None else _relative(
            incident, (getattr(incident, "report", None) or {}).get("previous"), "前回報告のファイル（report.previous）")
        if previous is not None:
            previous = _call(load_incident, Path(previous), today=today)
        from .api import render_bundle

        manifest = render_bundle(incident, outcome, Path(args.out), recipients_path=recipients,
                                 previous=previous, fmt=getattr(args, "format", None) or "docx",
                                 force=bool(getattr(args, "force", False)), progress=_Progress())
    except (InputError, DocumentInputError) as exc:
        from wizard.fileio import for_terminal

        print(f"エラー: {for_terminal(str(exc))}", file=sys.stderr)
        return 2
    except Exception as exc:
        log = _log(args)
        where = f"詳細はログを確認してください: {log}" if log else "（ログを書けませんでした）"
        print(f"内部エラーのため文書を作成できませんでした（{type(exc).__name__}）。\n{where}", file=sys.stderr)
        return 1
    if getattr(args, "draft_2026", False):
        print("注意: 未施行の令和8年改正（令和8年法律第56号）の規則で試算した文書です。施行前の提出には使えません"
              "（社内報告書に適用した規則セットを記録しています）。", file=sys.stderr)
    docs = manifest["documents"]
    letters = sum(d.get("letters", 0) for d in docs if d["id"] == "subject_notice")
    skipped = sum(e.get("rows", 1) for e in manifest["errors"] if "有効な宛先" not in e["reason"])
    print(f"{len(docs)}件のファイルを {args.out} に作成しました（本人通知 {letters:,}通、"
          f"スキップした宛先 {skipped:,}行）。", file=sys.stderr)
    for d in docs:
        print(str(Path(args.out) / d["path"]))
    return 0
