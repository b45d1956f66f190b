"""Qt stays inside wizard/gui; the CLI path imports no Qt/docx; CLI commands behave."""
import ast
import json
import subprocess
import sys
from pathlib import Path

from tests.engine.helpers import BASE

ROOT = Path(__file__).resolve().parents[2]
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def test_qt_imports_only_inside_wizard_gui():
    offenders = []
    for p in list((ROOT / "wizard").rglob("*.py")) + [ROOT / "main.py"]:
        if "gui" in p.relative_to(ROOT).parts[:2]:
            continue
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{p.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in QT]
    assert not offenders


def test_engine_and_domain_never_import_gui_or_documents():
    for p in list((ROOT / "wizard" / "engine").rglob("*.py")) + list((ROOT / "wizard" / "domain").rglob("*.py")):
        text = p.read_text(encoding="utf-8")
        assert "wizard.gui" not in text and "wizard.documents" not in text, p


def _incident(tmp_path, **changes):
    a = dict(BASE)
    a.update(changes)
    p = tmp_path / "i.json"
    p.write_text(json.dumps({"format": "rouei-incident/1", "answers": a}, ensure_ascii=False), encoding="utf-8")
    return p


def test_assess_path_imports_no_qt_or_docx(tmp_path):
    p = _incident(tmp_path, **{"data.sensitive": "yes"})
    code = (f"import sys, runpy; sys.argv=['main.py','assess',{str(p)!r},'--json'];\n"
            "from wizard.cli import main; import io, contextlib\n"
            "buf=io.StringIO()\n"
            "with contextlib.redirect_stdout(buf): rc=main(sys.argv[1:])\n"
            "heavy=[m for m in sys.modules if m.split('.')[0] in ('PySide6','docx','docxtpl','lxml','holidays','pydantic')]\n"
            "print(rc, heavy)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.stdout.strip() == "0 []", r.stdout + r.stderr


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_assess_json_and_text(tmp_path):
    p = _incident(tmp_path, **{"data.sensitive": "yes"})
    r = run("assess", str(p), "--json", "--today", "2026-11-23")
    assert r.returncode == 0
    o = json.loads(r.stdout)
    assert o["format"] == "rouei-outcome/1" and o["appi"]["grounds"] == [1]
    r = run("assess", str(p), "--today", "2026-11-23")
    assert r.returncode == 0
    assert "規則7条1号" in r.stdout and "令和8年12月1日（火）" in r.stdout and "理由と根拠" in r.stdout


def test_today_changes_wording_not_decisions(tmp_path):
    p = _incident(tmp_path, **{"data.sensitive": "yes"})
    a = json.loads(run("assess", str(p), "--json", "--today", "2026-11-03").stdout)
    b = json.loads(run("assess", str(p), "--json", "--today", "2027-03-01").stdout)
    for k in ("appi", "mynumber", "documents", "sector_reports"):
        assert a[k] == b[k]


def test_graph_and_check_commands():
    r = run("graph")
    assert r.returncode == 0 and r.stdout.startswith("flowchart TD")
    r = run("graph", "--format", "dot", "--ruleset", "appi-2017")
    assert r.returncode == 0 and "digraph" in r.stdout and "appi-2017" in r.stdout
    r = run("graph", "--ruleset", "nope")
    assert r.returncode == 2
    r = run("check")
    assert r.returncode == 0, r.stderr


def test_unknown_command_is_exit_2():
    r = run("frobnicate")
    assert r.returncode == 2 and "Traceback" not in r.stderr
