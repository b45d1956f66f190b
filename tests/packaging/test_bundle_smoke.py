"""Runs packaging/smoke_test.py against the frozen one-folder bundle when one has been built
(`make bundle`); skipped otherwise — `make test` does not build the bundle (it takes minutes
and PyInstaller is a packaging-only dependency)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "rouei-wizard" / "rouei-wizard"
SMOKE = ROOT / "packaging" / "smoke_test.py"


@pytest.mark.skipif(not BUNDLE.is_file(), reason=f"no bundle at {BUNDLE.relative_to(ROOT)} (run `make bundle`)")
@pytest.mark.timeout(600)
def test_frozen_bundle_smoke() -> None:
    proc = subprocess.run([sys.executable, str(SMOKE), str(BUNDLE)], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "0 failed" in proc.stdout


def test_smoke_inputs_are_valid() -> None:
    """The sample incident the smoke test ships is valid and decided as the smoke test expects."""
    from datetime import date

    from wizard.engine.assess import assess
    from wizard.engine.incident import load_incident

    inc = load_incident(ROOT / "packaging" / "sample-incident.json", today=date(2026, 11, 4))
    out = assess(inc, today=date(2026, 11, 4))
    assert out["appi"]["grounds"] == [1, 3]
    assert out["appi"]["final"]["legal_deadline"] == "2027-01-04"
