"""Smoke test of the frozen one-folder bundle (run by `make bundle` and tests/packaging).

    python packaging/smoke_test.py dist/rouei-wizard/rouei-wizard

Runs the frozen program the way a user's machine would: no venv or Python on PATH
(PATH=/usr/bin:/bin, or an empty folder when those hold a python), an empty HOME in a temp folder, no PYTHON* variables, the
working directory outside the source tree, QT_QPA_PLATFORM=offscreen.  Checks
`assess` (text, --json, bad input → exit 2), `check`, `graph`, `render` (when the
bundle has templates/), `--screenshot` (when the bundle has Qt), the Japanese Qt
translation, and the bundle size (SPEC §7: ≤ 200 MB).  Exit 0 when every check passes.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE / "sample-incident.json"
RECIPIENTS = HERE / "sample-recipients.csv"
TODAY = "2026-11-04"
SIZE_BUDGET_MB = 200
TIMEOUT = 120


class SmokeFailure(AssertionError):
    pass


def check(cond: bool, message: str) -> None:
    if not cond:
        raise SmokeFailure(message)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def internal_dir(bundle: Path) -> Path:
    """PyInstaller ≥ 6 keeps everything but the executable in _internal/."""
    inner = bundle / "_internal"
    return inner if inner.is_dir() else bundle


def clean_env(home: Path) -> dict[str, str]:
    """No Python anywhere on PATH: an empty bin folder, unless /usr/bin and /bin have no python."""
    path = "/usr/bin:/bin"
    if shutil.which("python3", path=path) or shutil.which("python", path=path):
        empty = home.parent / "bin"
        empty.mkdir(exist_ok=True)
        path = str(empty)
    env = {
        "PATH": path,
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(home.parent / "tmp"),
        "XDG_RUNTIME_DIR": str(home.parent / "run"),
    }
    for name in ("TMPDIR", "XDG_RUNTIME_DIR"):
        Path(env[name]).mkdir(mode=0o700, exist_ok=True)
    return env


def docx_text(path: Path) -> str:
    """The text of a written document: a DOCX's body, or an e-mail draft's decoded body."""
    if path.suffix == ".eml":
        import email
        from email import policy

        msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        body = msg.get_body(preferencelist=("plain",))
        return f"{msg['Subject']}\n{body.get_content() if body is not None else ''}"
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


class Smoke:
    def __init__(self, exe: Path, work: Path) -> None:
        self.exe = exe
        self.bundle = exe.parent
        self.work = work
        home = work / "home"
        home.mkdir()
        self.env = clean_env(home)
        print(f"  environment: PATH={self.env['PATH']} HOME={home} (python on PATH: "
              f"{shutil.which('python3', path=self.env['PATH']) or 'none'})")
        self.passed: list[str] = []
        self.failed: list[tuple[str, str]] = []
        self.skipped: list[tuple[str, str]] = []
        self.incident = work / "incident.json"
        shutil.copy(SAMPLE, self.incident)
        shutil.copy(RECIPIENTS, work / "recipients.csv")

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        t0 = time.perf_counter()
        proc = subprocess.run([str(self.exe), *args], cwd=self.work, env=self.env, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", timeout=TIMEOUT)
        ms = (time.perf_counter() - t0) * 1000
        print(f"    $ rouei-wizard {' '.join(args)} → exit {proc.returncode} ({ms:.0f} ms)")
        check("Traceback" not in proc.stderr + proc.stdout, f"traceback printed:\n{proc.stderr[-2000:]}")
        return proc

    def ok(self, proc: subprocess.CompletedProcess[str], code: int = 0) -> None:
        check(proc.returncode == code,
              f"exit {proc.returncode}, expected {code}\nstdout: {proc.stdout[-1500:]}\nstderr: {proc.stderr[-1500:]}")

    def report(self, label: str) -> int:
        """Print the summary line and each skip and failure; the exit code (1 when anything failed)."""
        print(f"{label}: {len(self.passed)} passed, {len(self.failed)} failed, {len(self.skipped)} skipped")
        for name, why in self.skipped:
            print(f"  skipped {name}: {why}")
        for name, why in self.failed:
            print(f"  FAILED {name}: {why.splitlines()[0] if why else ''}")
        return 1 if self.failed else 0

    def step(self, name: str, func: Callable[[], None]) -> None:
        print(f"- {name}")
        try:
            func()
        except SmokeSkip as exc:
            self.skipped.append((name, str(exc)))
            print(f"  skipped: {exc}")
        except (SmokeFailure, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as exc:
            self.failed.append((name, str(exc)))
            print(f"  FAILED: {exc}")
        else:
            self.passed.append(name)
            print("  ok")

    # -- the checks ---------------------------------------------------------
    def assess_text(self) -> None:
        proc = self.run("assess", str(self.incident), "--today", TODAY)
        self.ok(proc)
        for text in ("報告義務: あり", "個人情報保護委員会", "令和8年11月6日"):
            check(text in proc.stdout, f"「{text}」 not in assess output:\n{proc.stdout[:1500]}")

    def assess_json(self) -> None:
        proc = self.run("assess", str(self.incident), "--json", "--today", TODAY)
        self.ok(proc)
        out = json.loads(proc.stdout)
        check(out["format"] == "rouei-outcome/1", f"format {out.get('format')}")
        check(out["ruleset"] == "appi-2022", f"ruleset {out['ruleset']}")
        appi = out["appi"]
        check(appi["required"] is True and appi["grounds"] == [1, 3], f"appi {appi}")
        check(appi["preliminary"] == {"target": "2026-11-04", "limit": "2026-11-06"}, f"{appi['preliminary']}")
        check(appi["final"]["legal_deadline"] == "2027-01-04" and appi["final"]["recommended"] == "2026-12-28",
              f"{appi['final']}")
        check("internal_record" in out["documents"], f"documents {out['documents']}")

    def bad_input(self) -> None:
        broken = self.work / "broken.json"
        broken.write_text('{"format": "rouei-incident/1", "answers": {"data.subjects": -1,', encoding="utf-8")
        proc = self.run("assess", str(broken))
        self.ok(proc, 2)
        check("broken.json" in proc.stderr and "エラー" in proc.stderr, f"stderr: {proc.stderr}")
        unknown = self.work / "unknown.yaml"
        unknown.write_text("format: rouei-incident/1\nanswers:\n  org.sector: bank\n", encoding="utf-8")
        proc = self.run("assess", str(unknown))
        self.ok(proc, 2)
        check("org.sector" in proc.stderr, f"stderr: {proc.stderr}")

    def check_cmd(self) -> None:
        proc = self.run("check")
        self.ok(proc)
        check("OK" in proc.stdout, f"stdout: {proc.stdout[-1000:]}")

    def graph(self) -> None:
        proc = self.run("graph")
        self.ok(proc)
        check(proc.stdout.lstrip().startswith(("flowchart", "graph")), f"mermaid? {proc.stdout[:200]}")
        proc = self.run("graph", "--format", "dot", "--ruleset", "appi-2022")
        self.ok(proc)
        check("digraph" in proc.stdout, f"dot? {proc.stdout[:200]}")

    def render(self) -> None:
        if not (internal_dir(self.bundle) / "templates" / "manifest.yaml").is_file():
            raise SmokeSkip("the bundle has no templates/manifest.yaml (documents not built yet)")
        out = self.work / "out"
        proc = self.run("render", str(self.incident), "--out", str(out), "--recipients",
                        str(self.work / "recipients.csv"), "--today", TODAY)
        self.ok(proc)
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        docs = manifest["documents"]
        ids = {d["id"] for d in docs}
        for need in ("appi_report", "subject_notice", "internal_record"):
            check(need in ids, f"{need} not in manifest {sorted(ids)}")
        for d in docs:
            path = out / d["path"]
            check(path.is_file(), f"{path} missing")
            text = docx_text(path)
            check("しののめ" in text, f"{d['path']}: the organisation name is missing")
        letters = sum(d.get("letters", 0) for d in docs if d["id"] == "subject_notice")
        check(letters == 2, f"{letters} letters, expected 2 (one row has no name)")
        check([e["row"] for e in manifest["errors"]] == [4], f"errors {manifest['errors']}")
        notices = "".join(docx_text(out / d["path"]) for d in docs if d["id"] == "subject_notice")
        check("𠮷" in notices, "𠮷 lost in the subject notice")
        before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
        proc = self.run("render", str(self.incident), "--out", str(out), "--today", TODAY)
        check(proc.returncode in (0, 2), f"second render exit {proc.returncode}: {proc.stderr[-800:]}")
        for p, data in before.items():
            if p.name != "manifest.json":
                check(p.read_bytes() == data, f"{p.name} was overwritten without --force")

    def _need_qt(self) -> None:
        qt = internal_dir(self.bundle) / "PySide6"
        if not qt.is_dir():
            raise SmokeSkip("the bundle has no PySide6 (GUI not built yet)")

    def translations(self) -> None:
        self._need_qt()
        found = list(internal_dir(self.bundle).rglob("qtbase_ja.qm"))
        check(bool(found), "qtbase_ja.qm is not in the bundle")

    def screenshot(self) -> None:
        self._need_qt()
        png = self.work / "window.png"
        proc = self.run("--screenshot", str(png))
        self.ok(proc)
        check(png_size(png) == (1280, 720), f"screenshot size {png_size(png)}")
        png2 = self.work / "result.png"
        proc = self.run("--screenshot", str(png2), "--open", str(self.incident), "--page", "result")
        self.ok(proc)
        check(png2.stat().st_size > 10_000, f"result screenshot only {png2.stat().st_size} bytes")

    def size(self) -> None:
        mb = folder_size(self.bundle) / 1e6
        files = sum(1 for p in self.bundle.rglob("*") if p.is_file())
        print(f"  bundle: {self.bundle} = {mb:.1f} MB in {files} files (budget {SIZE_BUDGET_MB} MB)")
        check(mb <= SIZE_BUDGET_MB, f"bundle is {mb:.1f} MB > {SIZE_BUDGET_MB} MB")


class SmokeSkip(Exception):
    pass


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("使い方: python packaging/smoke_test.py dist/rouei-wizard/rouei-wizard", file=sys.stderr)
        return 2
    exe = Path(argv[0]).resolve()
    if not exe.is_file() or not os.access(exe, os.X_OK):
        print(f"{exe}: 実行ファイルがありません（先に make bundle）", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="rouei-smoke-") as tmp:
        smoke = Smoke(exe, Path(tmp))
        for name, func in (
            ("assess (text)", smoke.assess_text),
            ("assess --json", smoke.assess_json),
            ("bad input → exit 2", smoke.bad_input),
            ("check", smoke.check_cmd),
            ("graph", smoke.graph),
            ("render", smoke.render),
            ("Qt Japanese translation", smoke.translations),
            ("--screenshot", smoke.screenshot),
            ("bundle size", smoke.size),
        ):
            smoke.step(name, func)
    return smoke.report("smoke")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
