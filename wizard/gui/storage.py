"""Files the window keeps besides the incident file: the organisation profile
and the autosave (recovery) file.  No widgets here; every write is atomic and
0600 on POSIX (wizard.engine.incident.atomic_write_text).

Recovery files are named ``recovery-<pid>.json`` so that two windows running at
the same time never clobber each other's draft; at start-up only the drafts of
processes that no longer run are offered back.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from wizard.engine.incident import INCIDENT_FORMAT, atomic_write_text

PROFILE_FORMAT = "rouei-profile/1"
ENV_HOME = "ROUEI_WIZARD_HOME"


def default_data_dir() -> Path:
    """$ROUEI_WIZARD_HOME, else Qt's AppDataLocation, else ~/.config/rouei-wizard."""
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env)
    try:
        from PySide6.QtCore import QStandardPaths

        loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        if loc:
            return Path(loc)
    except ImportError:  # pragma: no cover - Qt is a hard dependency of the GUI
        pass
    return Path.home() / ".config" / "rouei-wizard"


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return pid < 2**31
    return True


@dataclass
class Recovered:
    path: Path
    answers: dict[str, Any]
    source: str | None  # the incident file the draft belonged to, if any
    saved_at: str
    extra: dict[str, Any]


class Storage:
    def __init__(self, folder: Path | None = None, pid: int | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_data_dir()
        self.pid = os.getpid() if pid is None else pid

    def _ensure(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(self.folder, 0o700)

    # --- organisation profile -------------------------------------------------
    @property
    def profile_path(self) -> Path:
        return self.folder / "profile.json"

    def load_profile(self) -> dict[str, Any]:
        try:
            doc = json.loads(self.profile_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(doc, dict) or doc.get("format") != PROFILE_FORMAT:
            return {}
        answers = doc.get("answers")
        if not isinstance(answers, dict):
            return {}
        return {k: v for k, v in answers.items() if isinstance(k, str) and k.startswith("org.")}

    def save_profile(self, answers: dict[str, Any]) -> dict[str, Any]:
        org = {k: v for k, v in answers.items() if k.startswith("org.")}
        self._ensure()
        doc = {"format": PROFILE_FORMAT, "answers": org}
        atomic_write_text(self.profile_path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return org

    # --- recovery (autosave) --------------------------------------------------
    @property
    def recovery_path(self) -> Path:
        return self.folder / f"recovery-{self.pid}.json"

    def write_recovery(self, document: dict[str, Any], source: Path | None) -> None:
        doc = dict(document)
        doc["format"] = INCIDENT_FORMAT
        doc["x-recovery"] = {
            "pid": self.pid,
            "source": str(source) if source else None,
            "saved_at": datetime.now().isoformat(timespec="seconds"),
        }
        self._ensure()
        atomic_write_text(self.recovery_path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")

    def remove_recovery(self) -> None:
        try:
            self.recovery_path.unlink()
        except FileNotFoundError:
            pass

    def orphaned_recoveries(self) -> list[Recovered]:
        """Drafts left by processes that ended without a clean exit, newest first."""
        out: list[Recovered] = []
        if not self.folder.is_dir():
            return out
        for p in self.folder.glob("recovery-*.json"):
            if p == self.recovery_path:
                continue
            try:
                doc = json.loads(p.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not isinstance(doc, dict) or not isinstance(doc.get("answers"), dict):
                continue
            raw_meta = doc.get("x-recovery")
            meta: dict[str, Any] = raw_meta if isinstance(raw_meta, dict) else {}
            raw_pid = meta.get("pid")
            pid = raw_pid if isinstance(raw_pid, int) else 0
            if pid != self.pid and _pid_alive(pid):
                continue  # another window is still running and owns this draft
            extra = {k: v for k, v in doc.items() if k in ("recipients", "report", "x-wizard")}
            out.append(Recovered(p, dict(doc["answers"]), meta.get("source"), str(meta.get("saved_at", "")), extra))
        out.sort(key=lambda r: r.saved_at, reverse=True)
        return out

    @staticmethod
    def discard(rec: Recovered) -> None:
        try:
            rec.path.unlink()
        except FileNotFoundError:
            pass
