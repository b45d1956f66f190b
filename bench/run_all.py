"""`make bench`: run every bench/bench_*.py, print one table, record it in bench/README.md.

    python bench/run_all.py [--quick] [--only NAME ...] [--no-readme]

Each benchmark prints JSON lines {"name", "value", "unit", "baseline_name", "baseline",
"ratio", "budget"} (other keys are kept for the log).  `budget` is either a number in the
figure's own unit (value ≤ budget), {"ratio": r} (ratio ≤ r), {"value": v, "ratio": r}
(both), or null (information only).  Baselines are measured by each benchmark in the
same run.  The benchmarks SPEC §7 and issue 6 expect are listed in EXPECTED; a missing
one is reported as "not present", a failing one as "error".  `--quick` skips the long
extra runs (100,000 letters).  The raw lines go to bench/results/ (git-ignored).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
README = BENCH / "README.md"
RESULTS = BENCH / "results"
START, END = "<!-- bench-table:start -->", "<!-- bench-table:end -->"
TIMEOUT = 600  # seconds per benchmark run; a hung benchmark is reported, the others still run
LONG_TIMEOUT = {"bench_letters.py --n 100000": 3600}

# script → what it measures (SPEC §7); reported as "not present" when the file is missing.
EXPECTED = {
    "bench_cli.py": "assess one incident, whole process vs import yaml, jinja2",
    "bench_gui.py": "GUI first paint vs bare QWizard; page transition",
    "bench_bundle.py": "full document bundle for one incident",
    "bench_letters.py": "10,000 本人通知 letters vs bare python-docx (time, peak memory)",
}
# Extra runs of a script with other arguments (skipped by --quick).
EXTRA_RUNS = {"bench_letters.py": [["--n", "100000"]]}
APP_BUNDLE = ROOT / "dist" / "rouei-wizard"
APP_BUNDLE_BUDGET_MB = 200.0


@dataclass
class Row:
    script: str
    name: str
    value: float | None = None
    unit: str = ""
    baseline_name: str | None = None
    baseline: float | None = None
    ratio: float | None = None
    budget: Any = None
    status: str = ""  # pass / FAIL / info / not present / error
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def judge(value: float | None, ratio: float | None, budget: Any) -> str:
    """pass / FAIL / info for one figure against its budget (see the module docstring)."""
    if budget is None or value is None:
        return "info"
    checks: list[bool] = []
    if isinstance(budget, int | float) and not isinstance(budget, bool):
        checks.append(value <= budget)
    elif isinstance(budget, dict):
        if budget.get("value") is not None:
            checks.append(value <= float(budget["value"]))
        if budget.get("ratio") is not None:
            checks.append(ratio is not None and ratio <= float(budget["ratio"]))
    if not checks:
        return "info"
    return "pass" if all(checks) else "FAIL"


def budget_text(budget: Any, unit: str) -> str:
    if budget is None:
        return "—"
    if isinstance(budget, int | float) and not isinstance(budget, bool):
        return f"≤ {budget:g} {unit}"
    if isinstance(budget, dict):
        parts = []
        if budget.get("value") is not None:
            parts.append(f"≤ {float(budget['value']):g} {unit}")
        if budget.get("ratio") is not None:
            parts.append(f"≤ {float(budget['ratio']):g}×")
        return ", ".join(parts) or "—"
    return str(budget)


def parse_lines(script: str, text: str) -> list[Row]:
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(d, dict) or "name" not in d:
            continue
        value = d.get("value")
        value = float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
        ratio = d.get("ratio")
        ratio = float(ratio) if isinstance(ratio, int | float) else None
        row = Row(script, str(d["name"]), value, str(d.get("unit") or ""), d.get("baseline_name"),
                  d.get("baseline"), ratio, d.get("budget"))
        if ratio is None and value is not None and isinstance(row.baseline, int | float) and row.baseline:
            row.ratio = round(value / float(row.baseline), 3)
        row.extra = {k: v for k, v in d.items() if k not in
                     ("name", "value", "unit", "baseline_name", "baseline", "ratio", "budget")}
        row.status = judge(row.value, row.ratio, row.budget)
        if str(d["name"]).endswith("_error"):
            row.status, row.note = "error", f"exit {d.get('value')}"
        rows.append(row)
    return rows


def run_script(path: Path, args: list[str], log: list[str]) -> list[Row]:
    label = path.name + (" " + " ".join(args) if args else "")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    print(f"… {label}", file=sys.stderr, flush=True)
    start = time.perf_counter()
    limit = LONG_TIMEOUT.get(label, TIMEOUT)
    try:
        proc = subprocess.run([sys.executable, str(path), *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=limit)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        log.append(f"### {label} (timed out after {limit} s)\n{out}")
        print(f"  {label}: timed out after {limit} s", file=sys.stderr, flush=True)
        return parse_lines(label, out) + [Row(label, "—", status="error", note=f"timed out after {limit} s")]
    took = time.perf_counter() - start
    log.append(f"### {label} (exit {proc.returncode}, {took:.1f} s)\n{proc.stdout}\n{proc.stderr[-4000:]}")
    print(f"  {label}: exit {proc.returncode} in {took:.1f} s", file=sys.stderr, flush=True)
    rows = parse_lines(label, proc.stdout)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["(no message)"])[-1]
        rows.append(Row(label, "—", status="error", note=f"exit {proc.returncode}: {tail[:160]}"))
    elif not rows:
        rows.append(Row(label, "—", status="error", note="printed no JSON figures"))
    return rows


def app_bundle_row() -> Row:
    if not APP_BUNDLE.is_dir():
        return Row("dist/rouei-wizard", "app_bundle_size", status="not present", note="run `make bundle` first")
    size = sum(p.stat().st_size for p in APP_BUNDLE.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    row = Row("dist/rouei-wizard", "app_bundle_size", round(size, 1), "MB", budget=APP_BUNDLE_BUDGET_MB)
    row.status = judge(row.value, None, row.budget)
    row.note = f"{sum(1 for p in APP_BUNDLE.rglob('*') if p.is_file())} files (existing build; not rebuilt)"
    return row


def machine() -> dict[str, str]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError, ValueError):
        pass
    return {"date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            "nproc": str(usable), "cpu": model or "unknown", "memory": mem,
            "python": platform.python_version(), "os": f"{platform.system()} {platform.release()}"}


def fmt(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:,.3f}".rstrip("0").rstrip(".") if abs(v) < 100 else f"{v:,.1f}"
    return str(v)


def table(rows: list[Row]) -> str:
    head = "| benchmark | figure | value | baseline | ratio | budget | result |\n|---|---|---:|---|---:|---|---|\n"
    lines = []
    for r in rows:
        value = f"{fmt(r.value)} {r.unit}".strip() if r.value is not None else "—"
        base = f"{fmt(r.baseline)} {r.unit} ({r.baseline_name})" if r.baseline is not None else "—"
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "—"
        result = r.status + (f": {r.note}" if r.note else "")
        lines.append(f"| {r.script} | {r.name} | {value} | {base} | {ratio} | {budget_text(r.budget, r.unit)} "
                     f"| {result.replace('|', '/')} |")
    return head + "\n".join(lines) + "\n"


def write_readme(text_table: str, info: dict[str, str]) -> None:
    block = (f"{START}\nLatest run: **{info['date']}** on {info['cpu']}, {info['nproc']} CPUs usable, "
             f"{info['memory']} RAM, Python {info['python']}, {info['os']}.\n\n{text_table}{END}")
    old = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    if START in old and END in old:
        new = old[:old.index(START)] + block + old[old.index(END) + len(END):]
    else:
        new = old.rstrip("\n") + "\n\n## Latest results\n\n" + block + "\n"
    README.write_text(new, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description="run every bench/bench_*.py and print one table")
    ap.add_argument("--quick", action="store_true", help="skip the long extra runs (100,000 letters)")
    ap.add_argument("--only", nargs="*", help="bench_*.py names to run (default: all)")
    ap.add_argument("--no-readme", action="store_true", help="do not rewrite bench/README.md")
    args = ap.parse_args()
    present = sorted(p.name for p in BENCH.glob("bench_*.py"))
    names = sorted(set(present) | set(EXPECTED))
    if args.only:
        wanted = {n if n.endswith(".py") else f"{n}.py" for n in args.only}
        names = [n for n in names if n in wanted]
    rows: list[Row] = []
    log: list[str] = []
    for name in names:
        path = BENCH / name
        if not path.exists():
            rows.append(Row(name, "—", status="not present", note=EXPECTED.get(name, "")))
            continue
        rows += run_script(path, [], log)
        if not args.quick:
            for extra in EXTRA_RUNS.get(name, []):
                rows += run_script(path, extra, log)
    if not args.only:
        rows.append(app_bundle_row())
    info = machine()
    text = table(rows)
    print(f"\nBenchmarks {info['date']} — {info['cpu']}, nproc {info['nproc']}, Python {info['python']}\n")
    print(text)
    fails = [r for r in rows if r.status in ("FAIL", "error")]
    missing = [r for r in rows if r.status == "not present"]
    print(f"{sum(r.status == 'pass' for r in rows)} within budget, {len(fails)} over budget or failed, "
          f"{len(missing)} not present")
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"{stamp}.log").write_text("\n".join(log), encoding="utf-8")
    (RESULTS / f"{stamp}.json").write_text(json.dumps(
        {"machine": info, "rows": [r.__dict__ for r in rows]}, ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.no_readme and not args.only:
        write_readme(text, info)
        print(f"recorded in {README.relative_to(ROOT)}", file=sys.stderr)
    return 1 if fails else 0


if __name__ == "__main__":
    raise SystemExit(main())
