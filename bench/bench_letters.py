"""Benchmark: N 本人通知 letters from a CP932 CSV through the real render path, against a bare
python-docx script writing the same letters (500 per file, page breaks) in the same run.

    python bench/bench_letters.py [--n 10000] [--no-baseline]

Each side runs in its own subprocess; wall time and that child's peak RSS (os.wait4) are measured.
Prints one JSON object per line: name, value, unit, baseline_name, baseline, ratio, budget.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT.parent / "shared" / "contract" / "cases" / "S04.json"

REAL = """
import sys, types
from wizard.documents import render_cli
args = types.SimpleNamespace(file=sys.argv[1], out=sys.argv[2], recipients=sys.argv[3], previous=None,
                             format="docx", force=True, today=None)
sys.exit(render_cli.run(args))
"""

BASELINE = """
import csv, sys
from pathlib import Path
from docx import Document
from docx.enum.text import WD_BREAK
src, out = sys.argv[1], Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
SECTIONS = [("1　概要", "発生日：令和8年9月17日\\nメールマガジン送信時にBCCではなくTO欄に入力して一斉送信した。"),
            ("2　項目", "メールアドレス"), ("3　原因", "誤送付・誤送信"), ("4　二次被害", "調査中"),
            ("5　その他参考となる事項", "不審な電話・電子メールにご注意ください。"),
            ("6　当社の対応と再発防止策", "検討中"), ("7　お問合せ窓口", "お客様相談窓口")]
def letter(doc, row):
    doc.add_paragraph("令和8年9月20日")
    doc.add_paragraph(row["郵便番号"]); doc.add_paragraph(row["住所"])
    doc.add_paragraph(row["氏名"] + "　様")
    doc.add_paragraph("株式会社ひかり通販")
    doc.add_paragraph("個人情報の漏えいに関するお詫びとお知らせ")
    doc.add_paragraph("このたび、当社が取り扱うお客様の個人情報について漏えいが生じていることが判明いたしました。")
    doc.add_paragraph("記")
    for h, b in SECTIONS:
        doc.add_paragraph(h); doc.add_paragraph(b)
    doc.add_paragraph("重ねて深くお詫び申し上げます。"); doc.add_paragraph("以上")
with open(src, encoding="cp932", newline="") as fh:
    doc, n, part = None, 0, 0
    for row in csv.DictReader(fh):
        if doc is None:
            doc = Document()
        elif n:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        letter(doc, row); n += 1
        if n == 500:
            part += 1; doc.save(out / f"letters_{part:03d}.docx"); doc, n = None, 0
    if doc is not None:
        part += 1; doc.save(out / f"letters_{part:03d}.docx")
"""


CHANNEL = "letter"


def make_inputs(tmp: Path, n: int) -> tuple[Path, Path]:
    data = json.loads(CASE.read_text(encoding="utf-8"))["incident"]
    data["answers"].update({"org.representative": "代表取締役　山田太郎", "response.contact_desk": "お客様相談窓口",
                            "report.date": "2026-09-20", "response.notice_method": CHANNEL})
    inc = tmp / "incident.json"
    inc.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    csv_path = tmp / "recipients.csv"
    with csv_path.open("w", encoding="cp932", newline="") as fh:
        fh.write("氏名,郵便番号,住所,メールアドレス\r\n")
        for i in range(n):
            fh.write(f"山田 太郎{i},530-{i % 10000:04d},大阪府大阪市北区梅田{i}丁目 & 〈ビル〉{i}号,user{i}@example.jp\r\n")
    return inc, csv_path


def run_child(code: str, *argv: str) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB of that child, exit code)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *argv], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--email", action="store_true", help="notice by e-mail: one .eml per recipient")
    args = ap.parse_args()
    global CHANNEL
    CHANNEL = "email" if args.email else "letter"
    with tempfile.TemporaryDirectory(prefix="bench-letters-") as t:
        tmp = Path(t)
        inc, csv_path = make_inputs(tmp, args.n)
        wall, rss, rc = run_child(REAL, str(inc), str(tmp / "out"), str(csv_path))
        if rc != 0:
            print(json.dumps({"name": "letters_error", "value": rc}), flush=True)
            return 1
        manifest = json.loads((tmp / "out" / "manifest.json").read_text(encoding="utf-8"))
        letters = sum(d.get("letters", 0) for d in manifest["documents"] if d["id"] == "subject_notice")
        assert letters == args.n, letters
        b_wall = b_rss = None
        if not args.no_baseline:
            b_wall, b_rss, b_rc = run_child(BASELINE, str(csv_path), str(tmp / "baseline"))
            assert b_rc == 0
    base = "bare python-docx script (same letters, 500 per file)"
    time_budget = 20.0 * args.n / 10_000 if args.n <= 10_000 else None
    kind = "emails" if args.email else "letters"
    for name, value, unit, bval, budget in (
        (f"{kind}_{args.n}_wall", wall, "s", b_wall, time_budget),
        (f"{kind}_{args.n}_peak_rss", rss, "MB", b_rss, 500.0),
    ):
        print(json.dumps({"name": name, "value": round(value, 3), "unit": unit,
                          "baseline_name": base if bval is not None else None,
                          "baseline": round(bval, 3) if bval is not None else None,
                          "ratio": round(value / bval, 3) if bval else None, "budget": budget},
                         ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
