"""Command line (SPEC §4).  Exit codes: 0 done, 2 bad input (Japanese message
naming the file, line or key), 1 internal error (message + log path).

Heavy imports (Qt, python-docx) stay out of the `assess` path: they are
imported inside the commands that need them.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from wizard.windows import configure_stdio, screenshot_env, use_utf8, write_text

USAGE_EPILOG = """コマンド:
  (なし)                      ウィザード（画面）を起動
  assess FILE [--json]        事案ファイルを判定（報告の要否・期限・理由）
  render FILE --out DIR       報告書・通知文などの文書（DOCX/PDF）を作成
  graph [--format mermaid]    質問のフローチャートを出力
  check                       questions/・rules/・templates/ を検査
  schema                      事案ファイルの JSON Schema（draft 2020-12）を出力
  --screenshot PNG            ウィザード画面をPNGに描画して終了
  screens FILE [--profile]    この回答で表示される画面の一覧（最後に画面数）
"""


class BadInput(Exception):
    pass


# argparse's own messages, in Japanese (argparse looks `_` and `ngettext` up at call time).
_ARGPARSE_JA = {
    "usage: ": "使い方: ",
    "positional arguments": "引数",
    "options": "オプション",
    "show this help message and exit": "このヘルプを表示して終了",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "不明な引数: %s",
    "the following arguments are required: %s": "次の指定が必要です: %s",
    "expected one argument": "値を1つ指定してください",
    "expected at most one argument": "値は1つまでです",
    "expected at least one argument": "値を1つ以上指定してください",
    "ambiguous option: %(option)s could match %(matches)s": "オプション %(option)s があいまいです（候補: %(matches)s）",
    "invalid choice: %(value)r (choose from %(choices)s)": "%(value)r は使えません（使える値: %(choices)s）",
    "invalid %(type)s value: %(value)r": "値 %(value)r が正しくありません",
    "ignored explicit argument %r": "このオプションには値を付けられません（%r）",
    "not allowed with argument %s": "%s と同時には指定できません",
    "one of the arguments %s is required": "%s のいずれかが必要です",
    "unexpected option string: %s": "想定外のオプション: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "コマンド %(parser_name)r はありません（使えるコマンド: %(choices)s）",
    "can't open '%(filename)s': %(error)s": "「%(filename)s」を開けません: %(error)s",
}


def _argparse_ja() -> None:
    def gettext(message: str) -> str:
        return _ARGPARSE_JA.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        if singular == "expected %s argument":
            return "値を%s個指定してください"
        return singular if n == 1 else plural

    setattr(argparse, "_", gettext)  # noqa: B010 - module attribute looked up at call time
    setattr(argparse, "ngettext", ngettext)  # noqa: B010


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise BadInput(f"コマンドの指定が正しくありません: {message}\n使い方: python main.py -h")


def _today(value: str | None) -> date | None:
    from wizard.domain.dates import parse_iso_date

    if value is None:
        return None
    try:
        return parse_iso_date(value)
    except ValueError:
        raise BadInput(f"--today: 「{value[:40]}」は YYYY-MM-DD 形式の日付ではありません（例: 2026-11-04）") from None


def build_parser() -> argparse.ArgumentParser:
    _argparse_ja()
    p = _Parser(prog="main.py", description="漏えい等対応ウィザード", epilog=USAGE_EPILOG,
                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--screenshot", metavar="PNG", help="画面をPNGに描画して終了")
    p.add_argument("--open", metavar="FILE", help="事案ファイルを開く")
    p.add_argument("--page", metavar="ID", help="--screenshot で表示するページ（質問ID, review, result）")
    p.add_argument("--replace", action="store_true", help="--screenshot: 既存のPNGを置き換える")
    sub = p.add_subparsers(dest="command")
    a = sub.add_parser("assess", help="事案ファイルを判定")
    a.add_argument("file")
    a.add_argument("--json", action="store_true", help="判定結果をJSONで出力")
    a.add_argument("--today", help="今日の日付（YYYY-MM-DD）")
    a.add_argument("--draft-2026", action="store_true", help="未施行の令和8年改正を試算に使う")
    r = sub.add_parser("render", help="文書を作成")
    r.add_argument("file")
    r.add_argument("--out", required=True)
    r.add_argument("--recipients")
    r.add_argument("--previous")
    r.add_argument("--format", choices=["docx", "pdf"], default="docx")
    r.add_argument("--force", action="store_true", help="既存のファイルを上書きする")
    r.add_argument("--today")
    r.add_argument("--draft-2026", action="store_true")
    g = sub.add_parser("graph", help="質問のフローチャート")
    g.add_argument("--format", choices=["mermaid", "dot"], default="mermaid")
    g.add_argument("--ruleset", default=None, help="規則セットID（表示用の注記）")
    sub.add_parser("check", help="questions/・rules/・templates/ の検査")
    sub.add_parser("schema", help="事案ファイルの JSON Schema（draft 2020-12）を出力")
    sc = sub.add_parser("screens", help="この回答でウィザードが表示する画面の一覧")
    sc.add_argument("file")
    sc.add_argument("--profile", action="store_true", help="事業者情報はプロファイルに保存済みとする")
    return p


def cmd_assess(args: argparse.Namespace) -> int:
    from wizard.engine.assess import assess
    from wizard.engine.incident import load_incident
    today = _today(args.today) or date.today()  # a 知った日 after today is bad input (SPEC §4)
    incident = load_incident(args.file, today=today)
    outcome = assess(incident, today=today, draft=args.draft_2026)
    if args.json:
        use_utf8(sys.stdout)
        sys.stdout.write(json.dumps(outcome, ensure_ascii=False, indent=2) + "\n")
    else:
        from wizard.engine.summary import summary_text
        write_text(sys.stdout, summary_text(outcome, incident.answers, today), sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from wizard.domain.schema import incident_schema, question_texts
    from wizard.engine.catalog import load_catalog
    schema = incident_schema(question_texts(load_catalog().graph.nodes.values()))
    use_utf8(sys.stdout)
    sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return 0


def cmd_graph(args: argparse.Namespace) -> int:
    from wizard.engine.catalog import load_catalog
    from wizard.engine.graph import dot, mermaid
    cat = load_catalog()
    if args.ruleset and args.ruleset not in cat.rulesets:
        raise BadInput(f"--ruleset: 「{args.ruleset}」という規則セットはありません（{', '.join(cat.rulesets)}）")
    text = mermaid(cat.graph) if args.format == "mermaid" else dot(cat.graph)
    if args.ruleset:
        rs = cat.rulesets[args.ruleset]
        prefix = "%% " if args.format == "mermaid" else "// "
        text = f"{prefix}{rs.id}: {rs.title}（{rs.status}）\n" + text
    sys.stdout.write(text)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from wizard.checks import run_checks
    problems, notes = run_checks()
    for n in notes:
        print(n)
    for pr in problems:
        print(f"エラー: {pr}", file=sys.stderr)
    if problems:
        return 2
    print("OK: questions/・rules/・templates/ に問題はありません")
    return 0


def cmd_screens(args: argparse.Namespace) -> int:
    from wizard.engine.screens import print_walk
    return print_walk(args.file, args.profile)


def cmd_render(args: argparse.Namespace) -> int:
    try:
        from wizard.documents import render_cli
    except ImportError as exc:
        raise BadInput(f"文書作成の機能を読み込めません（{exc}）") from None
    return int(render_cli.run(args))


def _log_internal_error() -> str:
    import traceback

    from wizard.errorlog import append_log
    log = append_log(traceback.format_exc(), "main.py")
    return str(log) if log else "（ログを書けませんでした）"


def _screenshot_checks(args: argparse.Namespace) -> None:
    """--screenshot: a broken --open file is bad input (exit 2) before any window is drawn; an
    existing PNG is never replaced silently (--replace)."""
    from pathlib import Path

    target = Path(args.screenshot)
    if not args.screenshot or target.suffix.lower() != ".png":
        raise BadInput(f"--screenshot: 「{args.screenshot}」: 保存先は .png のファイル名で指定してください")
    if target.is_dir():
        raise BadInput(f"--screenshot: {target}: フォルダーです。PNGのファイル名を指定してください")
    if (target.exists() or target.is_symlink()) and not args.replace:
        raise BadInput(f"--screenshot: {target} は既にあります（置き換えるときは --replace を付けてください）")
    if not target.parent.is_dir():
        raise BadInput(f"--screenshot: 保存先のフォルダー {target.parent} がありません")
    if args.replace and target.is_symlink():
        target.unlink()  # replace the link itself, never write through it
    if args.open:
        from wizard.engine.incident import load_incident
        load_incident(args.open)  # InputError → exit 2


def dispatch(args: argparse.Namespace, rest: list[str]) -> int:
    if args.screenshot is not None:
        _screenshot_checks(args)
    if args.screenshot:
        import os  # Qt reads these when it starts: set them before importing it
        os.environ.update(screenshot_env(sys.platform, os.environ, os.path.isdir))
        from wizard.gui.app import screenshot
        return int(screenshot(args.screenshot, args.open, args.page))
    if args.command is None:
        from wizard.gui.app import run_gui
        gui_args = ([args.open] if args.open else []) + rest
        return int(run_gui(gui_args))
    handlers: dict[str, Any] = {"assess": cmd_assess, "graph": cmd_graph, "check": cmd_check, "render": cmd_render,
                                "schema": cmd_schema,
                                "screens": cmd_screens}
    return int(handlers[args.command](args))


def main(argv: list[str]) -> int:
    from wizard.engine.catalog import CatalogError
    from wizard.engine.graph import GraphError
    from wizard.engine.incident import InputError
    configure_stdio(sys.stdout, sys.stderr)  # a cp932 pipe replaces 𠮷 instead of crashing (wizard/windows.py)
    if argv and argv[0].lower().endswith((".json", ".yaml", ".yml")):
        argv = ["--open", argv[0], *argv[1:]]  # `python main.py FILE` opens the file in the wizard
    try:
        args, rest = build_parser().parse_known_args(argv)
        if rest and (args.command is not None or args.screenshot is not None):
            raise BadInput(f"不明な引数: {' '.join(rest)}")
        return dispatch(args, rest)
    except (BadInput, InputError) as exc:
        from wizard.fileio import for_terminal
        print(f"エラー: {for_terminal(str(exc))}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # -h prints help and exits 0
        return int(exc.code or 0) if isinstance(exc.code, int | None) else 2
    except (CatalogError, GraphError) as exc:
        print(f"エラー（プログラムのデータ）: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("中断しました", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - last line of defence: never a traceback
        path = _log_internal_error()
        print(f"内部エラーが発生しました（{type(exc).__name__}）。詳細はログを見てください: {path}", file=sys.stderr)
        return 1
