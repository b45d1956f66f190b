"""Helpers of the hostile-input tests (issue 11)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = json.loads((ROOT / "packaging" / "sample-incident.json").read_text(encoding="utf-8"))


def write_incident(folder: Path, name: str = "incident.json", **top: Any) -> Path:
    doc = json.loads(json.dumps(SAMPLE))
    doc.update(top)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def cli(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from wizard.cli import main

    rc = main([*argv])
    out, err = capsys.readouterr()
    return rc, out, err


def cli_subprocess(*argv: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    """The real program in a child (a hang fails the test through the timeout)."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=_child_env())


def _child_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return env


def docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


ENGLISH = ("Error", "error:", "No such", "Permission denied", "Traceback", "zip file", "field limit",
           "No space", "required:", "usage:", "invalid choice", "expected one", "File name too long")


def assert_japanese_only(text: str) -> None:
    for word in ENGLISH:
        assert word not in text, (word, text)


# words a Japanese message may hold: formats, products, option and value names of our own vocabulary
ALLOWED_WORDS = {"PDF", "YAML", "JSON", "UTF", "BOM", "CSV", "Excel", "xlsx", "xls", "LibreOffice", "docx", "pdf", "Word",
                 "Shift_JIS", "CP932", "yes", "no", "unknown", "true", "false", "null", "format", "answers",
                 "recipients", "report", "previous", "stage", "preliminary", "final", "combined", "python",
                 "FIFO", "ZIP", "sharedStrings", "xml", "TRUE", "FALSE", "MB", "png", "replace", "force",
                 "today", "out", "json", "yml", "yaml", "YYYY", "MM", "DD", "csv", "rouei", "incident", "profile", "inf", "NaN", "name"}


def english_words(text: str, *paths: str) -> list[str]:
    """English words left in a message once paths, fact ids and options are taken out."""
    import re

    for p in sorted(paths, key=len, reverse=True):
        text = text.replace(p, "")
    text = re.sub(r"/[^\s（）、。：]*|--[\w-]+|[\w-]+(\.[\w-]+)+|\\[xu][0-9a-fA-F]+|「[^」]*」", "", text)
    return [w for w in re.findall(r"[A-Za-z][A-Za-z_]{2,}", text) if w not in ALLOWED_WORDS]
