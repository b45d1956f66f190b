"""Nothing the program ships points outside the repository.

A user who receives the bundle has only what is in it: README, docs, data files,
templates and the program itself never refer to the project's internal brief
(the specification, the legal research notes, the seed documents).  Sources are
named by their primary text (law, guideline section, official page) instead.
"""
import re
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ["README.md", "main.py", "docs", "packaging", "rules", "questions", "templates", "wizard"]
TEXT_SUFFIXES = {".md", ".py", ".yaml", ".yml", ".json", ".txt", ".csv", ".spec", ".nsi", ".sh", ".c", ".toml", ""}
OUTSIDE = re.compile(
    r"\.\./shared|shared/|SPEC\.md|legal/|rules\.md|routing\.md|forms\.md|scenarios\.md|deadlines-verified"
    r"|\bseeds?\b|STACK\.md|STYLE\.md|WINDOWS-BUILD"
    # the brief's own markers: confidence tags, corrections, "from memory"
    r"|\[(?:R|S|V2?)\]|訂正\d|記憶に基づく")
# Words that look like a reference but are not one.
ALLOWED = re.compile(r"random seed|hypothesis seed")


def _texts():
    for top in SCANNED:
        base = ROOT / top
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            rel = path.relative_to(ROOT).as_posix()
            if "__pycache__" in rel:
                continue
            if path.suffix == ".docx":
                with zipfile.ZipFile(path) as z:
                    for name in z.namelist():
                        if name.endswith(".xml"):
                            yield f"{rel}!{name}", z.read(name).decode("utf-8", "replace")
            elif path.suffix in TEXT_SUFFIXES:
                yield rel, path.read_text(encoding="utf-8", errors="replace")


def test_the_scan_sees_the_files():
    names = {rel.split("!")[0] for rel, _ in _texts()}
    assert {"README.md", "docs/guide.md", "docs/incident-file.md", "rules/appi-2022.yaml",
            "templates/appi_report.docx", "wizard/cli.py", "questions/10_incident.yaml"} <= names


def test_the_pattern_catches_what_it_should():
    for bad in ("../shared/SPEC.md §2", "legal/rules.md §3", "rules.md 訂正4", "seeds/004", "seeds 001・004",
                "forms.md §5.2", "routing.md §1", "STACK.md §4", "推定 [R]", "（訂正4）", "記憶に基づくもので"):
        assert OUTSIDE.search(bad), bad
    for good in ("rules/appi-2022.yaml", "questions/README", "通則GL 3-5-1-2", "templates/build.py"):
        assert not OUTSIDE.search(good), good


def test_no_reference_outside_the_repository():
    hits = []
    for rel, text in _texts():
        for no, line in enumerate(text.splitlines(), 1):
            m = OUTSIDE.search(line)
            if m and not ALLOWED.search(line):
                hits.append(f"{rel}:{no}: …{line[max(0, m.start() - 30):m.end() + 30].strip()}…")
    assert not hits, "リポジトリの外を指す参照があります:\n" + "\n".join(hits)
