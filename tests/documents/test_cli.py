"""render_cli.run through the real engine: exit codes, manifest, no half-written output."""
from __future__ import annotations

import json
import shutil
from types import SimpleNamespace

import pytest
from docfixtures import CASES

pytest.importorskip("wizard.engine.assess")

from wizard.documents import pdf, render_cli  # noqa: E402


def _args(tmp_path, case="S49-designated", **kw):
    data = json.loads((CASES / f"{case}.json").read_text(encoding="utf-8"))
    inc = tmp_path / "incident.json"
    inc.write_text(json.dumps(data["incident"], ensure_ascii=False), encoding="utf-8")
    base = dict(file=str(inc), out=str(tmp_path / "out"), recipients=None, previous=None, format="docx",
                force=False, today="2027-06-30")
    base.update(kw)
    return SimpleNamespace(**base)


def test_render_ok(tmp_path, capsys) -> None:
    assert render_cli.run(_args(tmp_path)) == 0
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    ids = [d["id"] for d in manifest["documents"]]
    assert ids[0] == "appi_report" and "telecom_secrecy_report" in ids and ids[-1] == "internal_record"


def test_bad_incident_exit_2_without_traceback(tmp_path, capsys) -> None:
    args = _args(tmp_path)
    (tmp_path / "incident.json").write_text('{"format": "rouei-incident/1", "answers": {"bogus": 1}}',
                                            encoding="utf-8")
    assert render_cli.run(args) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "bogus" in err
    assert not (tmp_path / "out").exists()


def test_bad_recipients_exit_2(tmp_path, capsys) -> None:
    bad = tmp_path / "r.csv"
    bad.write_bytes(b"\xff\xfe\x00\x81")
    assert render_cli.run(_args(tmp_path, recipients=str(bad))) == 2
    assert "r.csv" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_pdf_without_libreoffice_exit_2(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    assert render_cli.run(_args(tmp_path, format="pdf")) == 2
    assert "LibreOffice" in capsys.readouterr().err


def test_followup_via_report_previous(tmp_path) -> None:
    args = _args(tmp_path)
    prev = tmp_path / "prev.json"
    shutil.copy(args.file, prev)
    args.previous = str(prev)
    assert render_cli.run(args) == 0
