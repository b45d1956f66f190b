"""Benchmark: `python main.py assess FILE --json` as a whole process (SPEC §7: ≤ 1.5× the
baseline `python -c "import yaml, jinja2"` on the same machine, same run).

    python bench/bench_cli.py [--runs 15] [--profile]

Runs are interleaved (baseline, assess, assess text, baseline, …) after two warm-up
rounds, so a noisy neighbour hits both sides alike; the figure is the median wall time.
When the frozen bundle exists (dist/rouei-wizard/rouei-wizard) its `assess --json` is
measured too, for information (no budget: the bootloader unpacks nothing in one-folder
mode, but it is a different interpreter start).

`--profile` prints `-X importtime` (the 15 slowest imports) and a cProfile of one
in-process assess to stderr, for finding where the time goes when the budget is missed.

Prints one JSON object per line: name, value, unit, baseline_name, baseline, ratio, budget
(`budget` here is {"ratio": 1.5}: the ratio to the baseline, not the value, is budgeted).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INCIDENT = ROOT / "packaging" / "sample-incident.json"
BUNDLE = ROOT / "dist" / "rouei-wizard" / "rouei-wizard"
TODAY = "2026-11-04"
BASELINE_NAME = 'python -c "import yaml, jinja2"'
RATIO_BUDGET = 1.5


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} → exit {proc.returncode}: {proc.stderr.decode()[-500:]}")
    return elapsed


def profile(env: dict[str, str]) -> None:
    cmd = [sys.executable, "-X", "importtime", "main.py", "assess", str(INCIDENT), "--json", "--today", TODAY]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            parts = [p.strip() for p in line[len("import time:"):].split("|")]
            if parts[0].isdigit():
                rows.append((int(parts[1]), int(parts[0]), parts[2]))
    rows.sort(reverse=True)
    print("-X importtime, slowest cumulative imports (µs cumulative, µs self, module):", file=sys.stderr)
    for cum, own, name in rows[:15]:
        print(f"  {cum:>8} {own:>8}  {name}", file=sys.stderr)
    code = (
        "import cProfile, pstats, io, sys\n"
        "from datetime import date\n"
        "pr = cProfile.Profile(); pr.enable()\n"
        "from wizard.engine.incident import load_incident\n"
        "from wizard.engine.assess import assess\n"
        f"inc = load_incident({str(INCIDENT)!r}, today=date.fromisoformat({TODAY!r}))\n"
        f"assess(inc, today=date.fromisoformat({TODAY!r}))\n"
        "pr.disable(); s = io.StringIO()\n"
        "pstats.Stats(pr, stream=s).sort_stats('cumulative').print_stats(25); print(s.getvalue(), file=sys.stderr)\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(ROOT)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    py = sys.executable
    sides: dict[str, list[str]] = {
        "baseline": [py, "-c", "import yaml, jinja2"],
        "cli_assess_json": [py, "main.py", "assess", str(INCIDENT), "--json", "--today", TODAY],
        "cli_assess_text": [py, "main.py", "assess", str(INCIDENT), "--today", TODAY],
    }
    if BUNDLE.is_file():
        sides["bundle_assess_json"] = [str(BUNDLE), "assess", str(INCIDENT), "--json", "--today", TODAY]
    times: dict[str, list[float]] = {k: [] for k in sides}
    for i in range(args.runs + 2):
        for name, cmd in sides.items():
            t = timed(cmd, env)
            if i >= 2:
                times[name].append(t)
    base = statistics.median(times["baseline"]) * 1000
    print(json.dumps({"name": "cli_baseline_import_yaml_jinja2", "value": round(base, 1), "unit": "ms",
                      "baseline_name": None, "baseline": None, "ratio": None, "budget": None}), flush=True)
    for name in sides:
        if name == "baseline":
            continue
        value = statistics.median(times[name]) * 1000
        budget = {"ratio": RATIO_BUDGET} if name.startswith("cli_") else None
        print(json.dumps({"name": name, "value": round(value, 1), "unit": "ms",
                          "baseline_name": BASELINE_NAME, "baseline": round(base, 1),
                          "ratio": round(value / base, 3), "budget": budget,
                          "runs": args.runs, "spread_ms": [round(min(times[name]) * 1000, 1),
                                                          round(max(times[name]) * 1000, 1)]},
                         ensure_ascii=False), flush=True)
    if args.profile:
        profile(env)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
