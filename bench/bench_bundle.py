"""Benchmark: the whole document bundle for one incident (budget ≤ 1 s).

    python bench/bench_bundle.py

Measures a whole `render` process (incident load, assess, every document of the
outcome; S49-designated: 5 files) against a process that only imports python-docx
and docxtpl, plus the in-process render time (warm).  One JSON object per line.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT.parent / "shared" / "contract" / "cases" / "S49-designated.json"
RENDER = """
import sys, types
from wizard.documents import render_cli
args = types.SimpleNamespace(file=sys.argv[1], out=sys.argv[2], recipients=None, previous=None,
                             format="docx", force=True, today=None)
sys.exit(render_cli.run(args))
"""
IMPORTS = "import docx, docxtpl, jinja2, yaml"


def timed(code: str, *argv: str, runs: int = 5) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, *argv], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as t:
        tmp = Path(t)
        inc = tmp / "incident.json"
        inc.write_text(json.dumps(json.loads(CASE.read_text(encoding="utf-8"))["incident"], ensure_ascii=False),
                       encoding="utf-8")
        process = timed(RENDER, str(inc), str(tmp / "out"))
        imports = timed(IMPORTS)

        from wizard.documents.api import render_bundle
        from wizard.engine.assess import assess
        from wizard.engine.incident import load_incident

        incident = load_incident(inc)
        outcome = assess(incident)
        render_bundle(incident, outcome, tmp / "warm", force=True)
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            manifest = render_bundle(incident, outcome, tmp / "warm", force=True)
            best = min(best, time.perf_counter() - start)
    files = len(manifest["documents"])
    for name, value, bname, bval in (
        (f"bundle_render_process_{files}_files", process, "python -c 'import docx, docxtpl, jinja2, yaml'", imports),
        (f"bundle_render_inprocess_{files}_files", best, None, None),
    ):
        print(json.dumps({"name": name, "value": round(value, 3), "unit": "s", "baseline_name": bname,
                          "baseline": round(bval, 3) if bval else None,
                          "ratio": round(value / bval, 3) if bval else None, "budget": 1.0},
                         ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
