"""Smoke test of the Windows bundle under Wine (run by bundle-windows.sh and .ci/run).

    python3 packaging/windows/winsmoke.py dist-windows/rouei-wizard/rouei-wizard.exe
        [--installer dist-windows/rouei-wizard-setup-x64.exe] [--prefix build-windows/prefix]
        [--locale build-windows/locale] [--keep DIR]

Runs `wine rouei-wizard.exe ...` in the Japanese locale (ja_JP.UTF-8 generated into the work
folder, so Wine's ANSI code page is cp932, as on a Japanese Windows), always through pipes
(Wine cannot hand Python a regular file as stdout), and repeats packaging/smoke_test.py's
checks on it: assess (text, --json), bad input → exit 2, check, graph, render (𠮷 kept, the
nameless row reported), qtbase_ja.qm, the size (≤ 150 MB).  Added for Windows:

- assess with 𠮷 and 〜 (not in cp932) in the title, piped: must not crash;
- --screenshot 1280×720 must show glyphs, not tofu: the PNG is decoded here and its ink split
  into connected shapes; real Japanese text gives many distinct glyph shapes, boxes give a few
  repeated hollow rectangles (tofu_report());
- the real window (Qt's windows platform plugin, GDI fonts) under Xvfb, with the test-only
  mscms.dll stub: it appears (title …ウィザード), stays up, and its screen dump
  (build-windows/winsmoke-real-window.png) shows Japanese glyphs;
- the installer: silent install (/S) into %LOCALAPPDATA%\\Programs, Start-menu shortcut,
  uninstall entry, the installed program runs, silent uninstall removes all three;
- every file the program wrote into the Windows profile is under AppData, Documents or Temp
  (not e.g. %USERPROFILE%\\.cache).

Stdout is decoded as UTF-8 when it is valid UTF-8, else as cp932 (the console code page); the
encoding seen is printed.  Exit 0 when every check passes.
"""
from __future__ import annotations

import argparse
import glob
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))
import smoke_test as base  # noqa: E402  (packaging/smoke_test.py)

sys.path.insert(0, str(HERE))
from glyphcheck import (  # noqa: E402
    MAX_BOX_RATIO,
    MIN_DISTINCT_GLYPHS,
    grey_png,
    has_real_glyphs,
    tofu_report,
    tofu_report_rows,
    xwd_grey,
)

SIZE_BUDGET_MB = 150
TIMEOUT = 180
APPNAME = "漏えい等対応ウィザード"
NON_CP932_TITLE = "𠮷田支店〜ノートPC盗難"
# -- running the exe under Wine ----------------------------------------------------------------
def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): ASCII, else UTF-8 when the bytes are valid UTF-8, else the console code page cp932."""
    if data.isascii():
        return data.decode("ascii").replace("\r\n", "\n"), "ascii"
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc = data.decode("cp932", errors="replace"), "cp932"
    return text.replace("\r\n", "\n"), enc


def wine_env(home: Path, prefix: Path, locale: Path) -> dict[str, str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "WINEPREFIX": str(prefix),
        "WINEARCH": "win64",
        "WINEDEBUG": "-all",
        "WINEDLLOVERRIDES": "mscoree,mshtml=;winemenubuilder.exe=d",
        "LOCPATH": str(locale),
        "LANG": "ja_JP.UTF-8",
        "LC_ALL": "ja_JP.UTF-8",
        "TMPDIR": str(home.parent / "tmp"),
    }
    Path(env["TMPDIR"]).mkdir(mode=0o700, exist_ok=True)
    return env


# Starts the GUI under Xvfb, waits for its window (title …ウィザード), keeps it 3 s, dumps the
# screen, then ends the program it started (by its pid) and the prefix's wineserver.
REAL_WINDOW_SH = """
wine "$EXE" </dev/null >/dev/null 2>&1 &
pid=$!
i=0
while [ $i -lt 120 ]; do
    kill -0 $pid 2>/dev/null || { echo "the program ended before showing a window"; exit 3; }
    if xdotool search --onlyvisible --name 'ウィザード' >/dev/null 2>&1; then break; fi
    sleep 0.5; i=$((i + 1))
done
[ $i -lt 120 ] || { kill $pid; echo "no window within 60 s"; exit 4; }
sleep 3
kill -0 $pid 2>/dev/null || { echo "the program ended after showing its window"; exit 5; }
xdotool search --onlyvisible --name 'ウィザード' getwindowname
xwd -root -silent > "$DUMP"
kill $pid
wait $pid 2>/dev/null
wineserver -k
exit 0
"""


class WineSmoke(base.Smoke):
    def __init__(self, exe: Path, work: Path, prefix: Path, locale: Path, installer: Path | None,
                 keep: Path) -> None:
        super().__init__(exe, work)
        self.keep = keep
        self.env = wine_env(work / "home", prefix, locale)
        self.prefix = prefix
        self.installer = installer
        self.encodings: dict[str, str] = {}

    def run(self, *args: str, exe: Path | None = None) -> subprocess.CompletedProcess[str]:
        t0 = time.perf_counter()
        # Pipes for all three streams: Wine gives Python an invalid handle for a regular file.
        raw = subprocess.run(["wine", str(exe or self.exe), *args], cwd=self.work, env=self.env,
                             stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
        out, enc_out = decode(raw.stdout)
        err, enc_err = decode(raw.stderr)
        if raw.stdout:
            label = (args[0] if args else "gui") + (" --json" if "--json" in args else "")
            self.encodings[label] = enc_out
        ms = (time.perf_counter() - t0) * 1000
        print(f"    $ wine {Path(exe or self.exe).name} {' '.join(args)} → exit {raw.returncode} ({ms:.0f} ms, "
              f"stdout {enc_out if raw.stdout else '-'}, stderr {enc_err if raw.stderr else '-'})")
        base.check("Traceback" not in out + err, f"traceback printed:\n{err[-2000:]}")
        return subprocess.CompletedProcess(raw.args, raw.returncode, out, err)

    # -- Windows-only checks ---------------------------------------------------------------
    def non_cp932(self) -> None:
        data = json.loads(self.incident.read_text(encoding="utf-8"))
        data["answers"]["incident.title"] = NON_CP932_TITLE
        path = self.work / "kichi.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        proc = self.run("assess", str(path), "--today", base.TODAY)
        self.ok(proc)
        base.check("内部エラー" not in proc.stderr and "報告義務: あり" in proc.stdout,
                   f"assess (text) with {NON_CP932_TITLE}: {proc.stderr[-500:]}")
        proc = self.run("assess", str(path), "--json", "--today", base.TODAY)
        self.ok(proc)
        out = json.loads(proc.stdout)
        base.check(out["appi"]["required"] is True, f"appi {out['appi']}")
        if NON_CP932_TITLE[0] in proc.stdout or "incident.title" in proc.stdout:
            base.check(NON_CP932_TITLE in proc.stdout, "the title was altered in --json output")

    def screenshot(self) -> None:
        self._need_qt()
        for name, extra in (("window.png", ()), ("result.png", ("--open", str(self.incident), "--page", "result"))):
            png = self.work / name
            proc = self.run("--screenshot", str(png), *extra)
            self.ok(proc)
            base.check(base.png_size(png) == (1280, 720), f"{name}: size {base.png_size(png)}")
            report = tofu_report(png)
            print(f"  {name}: {report['shapes']} glyph shapes, {report['distinct']} distinct, "
                  f"{report['boxes']} boxes ({report['box_ratio']:.0%})")
            shutil.copy(png, self.keep / f"winsmoke-{name}")
            base.check(has_real_glyphs(report),
                       f"{name}: no Japanese glyphs (tofu): {report['distinct']} distinct shapes "
                       f"(need ≥ {MIN_DISTINCT_GLYPHS}), {report['box_ratio']:.0%} boxes (max {MAX_BOX_RATIO:.0%})")

    def real_window(self) -> None:
        """The real window (Qt's windows platform plugin, GDI fonts) under Xvfb: shown, alive, Japanese text."""
        self._need_qt()
        missing = [t for t in ("xvfb-run", "xwd", "xdotool") if shutil.which(t) is None]
        base.check(not missing, f"missing {missing} (tools/install-windows-build-deps.sh)")
        dump = self.work / "real-window.xwd"
        script = self.work / "realwin.sh"
        script.write_text(REAL_WINDOW_SH, encoding="utf-8")
        # mscms=n: the test-only mscms.dll stub of the prefix (Wine 8.0 lacks WcsCreateIccProfile).
        env = dict(self.env, WINEDLLOVERRIDES=self.env["WINEDLLOVERRIDES"] + ";mscms=n",
                   EXE=str(self.exe), DUMP=str(dump))
        t0 = time.perf_counter()
        proc = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "sh", str(script)], env=env,
                              cwd=self.work, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
        out = decode(proc.stdout + proc.stderr)[0].strip()
        print(f"    $ xvfb-run wine rouei-wizard.exe → exit {proc.returncode} "
              f"({(time.perf_counter() - t0) * 1000:.0f} ms): {out[-300:]}")
        base.check(proc.returncode == 0 and dump.is_file(), f"real window: {out[-800:]}")
        width, height, rows = xwd_grey(dump.read_bytes())
        (self.keep / "winsmoke-real-window.png").write_bytes(grey_png(width, height, rows))
        report = tofu_report_rows(width, height, rows)
        print(f"  real window: {report['distinct']} distinct glyph shapes, {report['box_ratio']:.0%} boxes")
        base.check(has_real_glyphs(report), f"real window without Japanese glyphs: {report}")

    def size(self) -> None:
        mb = base.folder_size(self.bundle) / 1e6
        print(f"  bundle: {self.bundle} = {mb:.1f} MB (budget {SIZE_BUDGET_MB} MB)")
        base.check(mb <= SIZE_BUDGET_MB, f"bundle is {mb:.1f} MB > {SIZE_BUDGET_MB} MB")

    PROFILE_DIRS = ("AppData/", "Documents/", "Temp/")

    def stray_profile_files(self) -> list[Path]:
        """Files in the Windows profile outside %APPDATA%, %LOCALAPPDATA%, Documents and %TEMP%."""
        return [path for user in (self.prefix / "drive_c" / "users").iterdir() for path in user.rglob("*")
                if path.is_file() and not path.relative_to(user).as_posix().startswith(self.PROFILE_DIRS)]

    def clear_stray_profile_files(self) -> None:
        """Left by an earlier build in this test prefix: removed so that this run is judged alone."""
        for path in self.stray_profile_files():
            print(f"  (removing {path.relative_to(self.prefix)} left by an earlier run)")
            path.unlink()

    def user_files(self) -> None:
        """Per-user files only where Windows keeps them (not e.g. %USERPROFILE%\\.cache)."""
        stray = [p.relative_to(self.prefix / "drive_c" / "users").as_posix() for p in self.stray_profile_files()]
        base.check(not stray, f"files written outside AppData/Documents/Temp: {stray[:5]}")

    def _reg_query(self) -> subprocess.CompletedProcess[bytes]:
        key = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\rouei-wizard"
        return subprocess.run(["wine", "reg", "query", key, "/v", "DisplayName"], env=self.env,
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)

    def _installed(self) -> tuple[list[str], list[str]]:
        users = self.prefix / "drive_c" / "users"
        exes = glob.glob(str(users / "*" / "AppData" / "Local" / "Programs" / "rouei-wizard" / "rouei-wizard.exe"))
        links = glob.glob(str(users / "*" / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu"
                              / "Programs" / f"{APPNAME}.lnk"))
        return exes, links

    def install(self) -> None:
        if self.installer is None:
            raise base.SmokeSkip("no installer given (--installer)")
        base.check(not any(self._installed()), "already installed before the test")
        proc = self.run("/S", exe=self.installer)
        self.ok(proc)
        exes, links = self._installed()
        base.check(len(exes) == 1, f"installed exe not found under %LOCALAPPDATA%\\Programs: {exes}")
        base.check(len(links) == 1, f"Start-menu shortcut {APPNAME}.lnk not found")
        reg = self._reg_query()
        base.check(reg.returncode == 0 and APPNAME in decode(reg.stdout)[0],
                   f"uninstall entry missing in HKCU: {decode(reg.stdout)[0][-300:]}")
        installed = Path(exes[0])
        proc = self.run("assess", str(self.incident), "--today", base.TODAY, exe=installed)
        self.ok(proc)
        base.check("報告義務: あり" in proc.stdout, f"installed program: {proc.stdout[:500]}")
        proc = self.run("/S", exe=installed.parent / "uninstall.exe")
        self.ok(proc)
        # The NSIS uninstaller copies itself to %TEMP% and works from there: wait for it.
        deadline = time.monotonic() + 60
        while any(self._installed()) or installed.parent.exists():
            base.check(time.monotonic() < deadline, f"uninstall left {self._installed()} / {installed.parent}")
            time.sleep(0.5)
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=TIMEOUT)
        base.check(self._reg_query().returncode != 0, "uninstall entry left in HKCU")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="Wine smoke test of the Windows bundle")
    ap.add_argument("exe", type=Path)
    ap.add_argument("--installer", type=Path)
    ap.add_argument("--prefix", type=Path, default=REPO / "build-windows" / "prefix")
    ap.add_argument("--locale", type=Path, default=REPO / "build-windows" / "locale")
    ap.add_argument("--keep", type=Path, help="copy the screenshots into this folder")
    args = ap.parse_args(argv)
    exe = args.exe.resolve()
    for path, what in ((exe, "rouei-wizard.exe（先に make bundle-windows）"), (args.prefix, "Wine prefix"),
                       (args.locale / "ja_JP.UTF-8", "ja_JP locale")):
        if not path.exists():
            print(f"エラー: {path}: {what} がありません", file=sys.stderr)
            return 2
    if shutil.which("wine") is None:
        print("エラー: wine がありません（tools/install-windows-build-deps.sh）", file=sys.stderr)
        return 2
    keep = args.keep.resolve() if args.keep else REPO / "build-windows"
    keep.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rouei-winsmoke-") as tmp:
        smoke = WineSmoke(exe, Path(tmp), args.prefix.resolve(), args.locale.resolve(),
                          args.installer.resolve() if args.installer else None, keep)
        smoke.clear_stray_profile_files()
        for name, func in (
            ("assess (text)", smoke.assess_text),
            ("assess --json", smoke.assess_json),
            ("assess, title not in cp932, piped", smoke.non_cp932),
            ("bad input → exit 2", smoke.bad_input),
            ("check", smoke.check_cmd),
            ("graph", smoke.graph),
            ("render", smoke.render),
            ("Qt Japanese translation", smoke.translations),
            ("--screenshot (glyphs, not tofu)", smoke.screenshot),
            ("real window under Xvfb", smoke.real_window),
            ("bundle size", smoke.size),
            ("installer: silent install, run, uninstall", smoke.install),
            ("user files in AppData/Documents only", smoke.user_files),
        ):
            smoke.step(name, func)
        subprocess.run(["wineserver", "-w"], env=smoke.env, timeout=TIMEOUT)
    print(f"  stdout encodings seen: {smoke.encodings}")
    return smoke.report("winsmoke")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
