"""Files the window keeps besides the incident file: the organisation profile
and the autosave (recovery) drafts.  No widgets here; every write is atomic and
0600 on POSIX (wizard.engine.incident.atomic_write_text).

Where: the profile in the per-user config folder, drafts in the per-user state
folder (wizard.userdirs: XDG on Linux, %APPDATA% / %LOCALAPPDATA% on Windows);
``$ROUEI_WIZARD_HOME`` puts both into one folder (tests, portable use).

Drafts are named ``recovery-<pid>-<token>.json``: a new process never writes
over an old draft, even when the system gives it the same pid again.  Each
draft records who wrote it (pid, boot id, the process's start time), the
program version and the file format; at start-up a draft is hidden only while
the very process that wrote it still runs — a reused pid of another process
after a reboot or a crash does not count.
"""
from __future__ import annotations

import json
import os
import secrets
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from wizard import __version__
from wizard.engine.incident import INCIDENT_FORMAT, atomic_write_text

PROFILE_FORMAT = "rouei-profile/1"
ENV_HOME = "ROUEI_WIZARD_HOME"
DRAFT_GLOB = "recovery-*.json"


def default_dirs() -> tuple[Path, Path]:
    """(profile folder, drafts folder): $ROUEI_WIZARD_HOME for both, else userdirs."""
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env), Path(env)
    from wizard import userdirs

    return userdirs.config_dir(), userdirs.state_dir() / "drafts"


def legacy_profile_paths() -> list[Path]:
    """Where versions before 0.2 kept the profile (Qt's AppDataLocation with no organisation)."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA")
        return [Path(base) / "rouei-wizard" / "profile.json"] if base else []
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return [Path(data) / "rouei-wizard" / "profile.json"]


# --- who wrote a draft ----------------------------------------------------------------------
def boot_id() -> str:
    """Changes at every boot (Linux); '' where the system does not tell."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""


def process_start(pid: int) -> str:
    """A token that differs between two processes that had the same pid; '' if unknown."""
    if pid <= 0:
        return ""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return _windows_start(pid)
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    fields = stat.rpartition(")")[2].split()  # the name may hold spaces and parentheses
    return fields[19] if len(fields) > 19 else ""  # field 22: start time in clock ticks after boot


def _windows_start(pid: int) -> str:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ""
    try:
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *[ctypes.byref(t) for t in times]):
            return ""
        return str((times[0].dwHighDateTime << 32) | times[0].dwLowDateTime)
    finally:
        kernel32.CloseHandle(handle)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - os.kill(pid, 0) would end the process there
        return bool(_windows_start(pid))
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return pid < 2**31
    return True


def writer_running(meta: dict[str, Any], me: dict[str, Any]) -> bool:
    """Does the process that wrote a draft (its x-recovery block) still run?"""
    pid = meta.get("pid")
    if not isinstance(pid, int) or isinstance(pid, bool) or not _pid_alive(pid):
        return False
    if meta.get("boot") and me.get("boot") and meta["boot"] != me["boot"]:
        return False  # written before a reboot: whoever has that pid now is someone else
    started = meta.get("started")
    if started:
        now = process_start(pid)
        return now in (started, "")  # unreadable (e.g. /proc hidepid): assume it is the writer, never steal
    return True  # an old draft without a start time: a live pid may own it, keep it hidden


def japanese_time(iso: str) -> str:
    """'2026-12-01T20:12:04' → '2026年12月1日 20:12' (unreadable text is shown as it is)."""
    try:
        t = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or "不明"
    return f"{t.year}年{t.month}月{t.day}日 {t.hour:02d}:{t.minute:02d}"


@dataclass
class Recovered:
    path: Path
    answers: dict[str, Any]
    source: str | None  # the incident file the draft belonged to, if any
    saved_at: str
    extra: dict[str, Any]
    program: str = ""  # program version that wrote the draft ('' = before versions were recorded)
    file_format: str = INCIDENT_FORMAT
    title: str = ""
    raw_answers: dict[str, Any] = field(default_factory=dict)

    @property
    def foreign(self) -> bool:
        """Written by another program or file format version."""
        return self.program != __version__ or self.file_format != INCIDENT_FORMAT

    def describe(self) -> str:
        org = self.raw_answers.get("org.name") or self.answers.get("org.name")
        title = self.title or (Path(self.source).name if self.source else "件名なし")
        if isinstance(org, str) and org:
            title += f"（{org}）"
        ver = f"　※別のバージョン（{self.program or '不明'}）" if self.foreign else ""
        return f"{title}　最終更新：{japanese_time(self.saved_at)}　回答：{len(self.raw_answers or self.answers)}件{ver}"


class Storage:
    def __init__(self, folder: Path | None = None, pid: int | None = None, *,
                 drafts_folder: Path | None = None, documents_root: Path | None = None) -> None:
        """`folder` (tests, --screenshot) keeps profile, drafts and documents in one private folder."""
        if folder is not None:
            self.folder = Path(folder)
            self.drafts = Path(drafts_folder) if drafts_folder is not None else self.folder
            self.documents_root = documents_root or self.folder / "documents"
        else:
            self.folder, self.drafts = default_dirs()
            if drafts_folder is not None:
                self.drafts = Path(drafts_folder)
            from wizard import userdirs

            env = os.environ.get(ENV_HOME)
            self.documents_root = documents_root or (Path(env) / "documents" if env else userdirs.documents_dir())
        self.pid = os.getpid() if pid is None else pid
        self.me = {"pid": self.pid, "boot": boot_id(), "started": process_start(self.pid)}
        self._token = secrets.token_hex(4)

    @staticmethod
    def _ensure(folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(folder, 0o700)

    # --- organisation profile -------------------------------------------------
    @property
    def profile_path(self) -> Path:
        return self.folder / "profile.json"

    def _profile_file(self) -> Path | None:
        if self.profile_path.exists():
            return self.profile_path
        if os.environ.get(ENV_HOME) or self.folder != default_dirs()[0]:
            return None
        return next((p for p in legacy_profile_paths() if p.is_file()), None)

    def read_profile(self) -> tuple[dict[str, Any], list[str]]:
        """(org.* answers, problems).  A profile with any problem yields no answers at all."""
        from wizard.gui.validate_bridge import validate_profile

        path = self._profile_file()
        if path is None:
            return {}, []
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            return {}, [f"{path}: 読めません（{type(exc).__name__}）"]
        if not isinstance(doc, dict) or doc.get("format") != PROFILE_FORMAT:
            return {}, [f"{path}: 「format」が \"{PROFILE_FORMAT}\" ではありません"]
        answers, problems = validate_profile(doc.get("answers"), str(path))
        return ({}, problems) if problems else (answers, [])

    def load_profile(self) -> dict[str, Any]:
        return self.read_profile()[0]

    def save_profile(self, answers: dict[str, Any]) -> dict[str, Any]:
        org = {k: v for k, v in answers.items() if k.startswith("org.")}
        self._ensure(self.folder)
        doc = {"format": PROFILE_FORMAT, "answers": org}
        atomic_write_text(self.profile_path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return org

    # --- recovery (autosave) --------------------------------------------------
    @property
    def recovery_path(self) -> Path:
        return self.drafts / f"recovery-{self.pid}-{self._token}.json"

    def write_recovery(self, document: dict[str, Any], source: Path | None) -> None:
        doc = dict(document)
        doc["format"] = INCIDENT_FORMAT
        doc["x-recovery"] = dict(self.me, source=str(source) if source else None, program=__version__,
                                 saved_at=datetime.now().isoformat(timespec="seconds"))
        self._ensure(self.drafts)
        text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: ASCII escapes can always be written
            text = json.dumps(doc, ensure_ascii=True, indent=1) + "\n"
        atomic_write_text(self.recovery_path, text)

    def remove_recovery(self) -> None:
        try:
            self.recovery_path.unlink()
        except FileNotFoundError:
            pass

    def orphaned_recoveries(self) -> list[Recovered]:
        """Drafts left by processes that ended without a clean exit, newest first."""
        out: list[Recovered] = []
        if not self.drafts.is_dir():
            return out
        for p in self.drafts.glob(DRAFT_GLOB):
            if p == self.recovery_path:
                continue
            rec = self._read_draft(p)
            if rec is not None:
                out.append(rec)
        out.sort(key=lambda r: r.saved_at, reverse=True)
        return out

    def _read_draft(self, p: Path) -> Recovered | None:
        try:
            doc = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(doc, dict) or not isinstance(doc.get("answers"), dict):
            return None
        raw_meta = doc.get("x-recovery")
        meta: dict[str, Any] = raw_meta if isinstance(raw_meta, dict) else {}
        if writer_running(meta, self.me):
            return None  # another window is still running and owns this draft
        extra = {k: v for k, v in doc.items() if k in ("recipients", "report") or
                 (str(k).startswith("x-") and k != "x-recovery")}
        answers = dict(doc["answers"])
        title = answers.get("incident.title")
        source = meta.get("source")
        return Recovered(p, answers, source if isinstance(source, str) else None, str(meta.get("saved_at", "")),
                         extra, str(meta.get("program") or ""), str(doc.get("format")),
                         title if isinstance(title, str) else "", answers)

    @staticmethod
    def discard(rec: Recovered) -> None:
        try:
            rec.path.unlink()
        except FileNotFoundError:
            pass
