"""GUI budgets (SPEC §7, issue 12): process start → first painted window (offscreen) vs a
bare QWizard hello-world measured in the same run; `main.py --screenshot` as a whole
process vs a bare QWizard script that shows, grabs and saves the same 1280×720 window;
the 次へ transition time (screens of several questions included).

Prints one JSON object per line:
{"name", "value", "unit", "baseline_name", "baseline", "ratio", "budget"}; budget is a number
(bound on value) or {"value": ms, "ratio": ×baseline} as bench/run_all.py reads it.
No assertions: CI compares value/ratio with budget.  Usage: python bench/bench_gui.py [--runs N]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Each child prints time.time() at the first Paint event of its window, then quits.
_FIRST_PAINT = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject
class _Spy(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print(repr(time.time()), flush=True)
            app.quit()
        return False
"""
BARE = _FIRST_PAINT + r"""
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage
app = QApplication(sys.argv)
tr = QTranslator(app)
tr.load(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan), "qtbase", "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
app.installTranslator(tr)
w = QWizard()
page = QWizardPage(); page.setTitle("こんにちは")
QVBoxLayout(page).addWidget(QLabel("Hello, world"))
w.addPage(page)
spy = _Spy(); w.installEventFilter(spy)
w.resize(1280, 720); w.show()
app.exec()
"""
BARE_SHOT = r"""
import sys
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage
app = QApplication(sys.argv)
tr = QTranslator(app)
tr.load(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan), "qtbase", "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
app.installTranslator(tr)
w = QWizard()
page = QWizardPage(); page.setTitle("こんにちは")
QVBoxLayout(page).addWidget(QLabel("Hello, world"))
w.addPage(page)
w.resize(1280, 720); w.show()
app.processEvents()
sys.exit(0 if w.grab().save(sys.argv[1]) else 1)
"""
APP = _FIRST_PAINT + r"""
import wizard.cli  # the real entry path: main.py → wizard.cli → wizard.gui.app
from pathlib import Path
from wizard.gui.app import make_app
from wizard.gui.main_window import MainWindow
from wizard.gui.storage import Storage
app = make_app([])
w = MainWindow(storage=Storage(Path(sys.argv[1])))
spy = _Spy(); w.installEventFilter(spy)
w.show()
if not w.files.offer_recovery():
    w.files.new(ask=False)
app.exec()
"""


CPU: dict[str, list[float]] = {}  # CPU time of each child process (user + system), less sensitive to load


def _child_cpu_ms() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (r.ru_utime + r.ru_stime) * 1000


def first_paint_ms(code: str, args: list[str], pycache: str, tag: str = "") -> float:
    # Cached bytecode as in an installed app (in a private folder, never in the repo).
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=pycache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cpu0 = _child_cpu_ms()
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=60, check=True).stdout
    painted = float(out.strip().splitlines()[0])
    if tag:
        CPU.setdefault(tag, []).append(_child_cpu_ms() - cpu0)
    return (painted - start) * 1000


class _NoDialogs:
    """Answers every question with the last button (never opens a modal dialog)."""

    def choose(self, parent: object, title: str, text: str, buttons: list[str]) -> int:
        return len(buttons) - 1

    def open_file(self, *args: object) -> None:
        return None

    save_file = folder = open_file


def process_ms(argv: list[str], pycache: str, home: str) -> float:
    """Wall time of a whole process (start to exit), offscreen, cached bytecode."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=pycache,
               ROUEI_WIZARD_HOME=home)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    subprocess.run([sys.executable, *argv], capture_output=True, env=env, cwd=ROOT, timeout=60, check=True)
    return (time.perf_counter() - start) * 1000


def screenshot_ms(runs: int) -> tuple[float, float]:
    """(median of `main.py --screenshot`, median of the bare QWizard show+grab+save script)."""
    bare: list[float] = []
    ours: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as pycache:
        png = str(Path(tmp) / "shot.png")
        bare_cmd = ["-c", BARE_SHOT, png]
        ours_cmd = [str(ROOT / "main.py"), "--screenshot", png, "--replace"]
        process_ms(bare_cmd, pycache, tmp)
        process_ms(ours_cmd, pycache, tmp)
        for _ in range(runs):
            bare.append(process_ms(bare_cmd, pycache, tmp))
            ours.append(process_ms(ours_cmd, pycache, tmp))
    return statistics.median(ours), statistics.median(bare)


def transition_ms(clicks: int) -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from wizard.gui.app import make_app
    from wizard.gui.main_window import MainWindow
    from wizard.gui.storage import Storage

    app = make_app([])
    case = json.loads((ROOT / "tests/gui/data/S04.json").read_text(encoding="utf-8"))["incident"]
    with tempfile.TemporaryDirectory() as tmp:
        inc = Path(tmp) / "S04.json"
        inc.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
        w = MainWindow(storage=Storage(Path(tmp) / "home"), dialogs=_NoDialogs(), fit=False)
        w.resize(1280, 720)
        w.show()
        w.files.load(inc)
        first = w.session.screens()[0].id
        w.go_to(first)
        app.processEvents()
        times: list[float] = []
        while len(times) < clicks:
            if w.current in ("review", "result"):
                w.go_to(first)
                app.processEvents()
            t0 = time.perf_counter()
            w.go_next()  # the 次へ slot
            QApplication.processEvents()  # layout + paint of the new page
            w.repaint()
            times.append((time.perf_counter() - t0) * 1000)
        w.setWindowModified(False)
        w.close()
    return statistics.median(times)


def line(name: str, value: float, unit: str, baseline_name: str | None, baseline: float | None,
         budget: float | dict[str, float]) -> str:
    """budget: a number bounds the value; {"value", "ratio"} bounds both (bench/run_all.py)."""
    ratio = round(value / baseline, 3) if baseline else None
    return json.dumps({"name": name, "value": round(value, 2), "unit": unit, "baseline_name": baseline_name,
                       "baseline": round(baseline, 2) if baseline else None, "ratio": ratio, "budget": budget},
                      ensure_ascii=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--clicks", type=int, default=200)
    args = ap.parse_args()
    bare: list[float] = []
    ours: list[float] = []
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as pycache:
        first_paint_ms(BARE, [], pycache)  # warm the file cache and write bytecode for both
        first_paint_ms(APP, [home], pycache)
        for _ in range(args.runs):  # interleaved so machine noise hits both alike
            bare.append(first_paint_ms(BARE, [], pycache, "bare"))
            ours.append(first_paint_ms(APP, [home], pycache, "ours"))
    b, o = statistics.median(bare), statistics.median(ours)
    print(line("gui_first_window", o, "ms", "bare_qwizard_first_window", b, {"value": 1000, "ratio": 1.5}))
    print(line("gui_first_window_cpu", statistics.median(CPU["ours"]), "ms", "bare_qwizard_first_window_cpu",
               statistics.median(CPU["bare"]), None))  # information: CPU time of the whole child process
    shot, bare_shot = screenshot_ms(args.runs)
    print(line("gui_screenshot_process", shot, "ms", "bare_qwizard_show_grab_save", bare_shot, {"ratio": 1.5}))
    print(line("gui_next_transition", transition_ms(args.clicks), "ms", None, None, 30))
    return 0


if __name__ == "__main__":
    sys.exit(main())
