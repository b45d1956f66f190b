"""Per-user folders of the program, on Linux (XDG) and on Windows.

- config: the organisation profile (Linux ``$XDG_CONFIG_HOME/rouei-wizard``,
  Windows ``%APPDATA%\\rouei-wizard``)
- state: recovery drafts and error logs (Linux ``$XDG_STATE_HOME/rouei-wizard``,
  Windows ``%LOCALAPPDATA%\\rouei-wizard``)
- cache: the compiled rules catalogue (Linux ``$XDG_CACHE_HOME/rouei-wizard``,
  Windows ``%LOCALAPPDATA%\\rouei-wizard\\cache``)
- documents: the default root for the documents of each incident (the user's
  Documents folder + ``漏えい等対応``)

Never the shared temp folder: another local user could plant a symlink there.
``ensure`` creates a folder readable only by the user (0700 on POSIX; on
Windows the per-user profile folders already carry an ACL for the user alone).
No Qt, no network.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "rouei-wizard"
DOCUMENTS_SUBFOLDER = "漏えい等対応"


def _windows() -> bool:
    return sys.platform == "win32"


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value and Path(value).is_absolute() else None


def config_dir() -> Path:
    if _windows():
        return (_env_path("APPDATA") or Path.home() / "AppData" / "Roaming") / APP
    return (_env_path("XDG_CONFIG_HOME") or Path.home() / ".config") / APP


def state_dir() -> Path:
    if _windows():
        return (_env_path("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / APP
    return (_env_path("XDG_STATE_HOME") or Path.home() / ".local" / "state") / APP


def cache_dir() -> Path:
    if _windows():
        return (_env_path("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / APP / "cache"
    return (_env_path("XDG_CACHE_HOME") or Path.home() / ".cache") / APP


def documents_dir() -> Path:
    """The user's Documents folder (Windows: the profile's Documents; Linux: XDG or ~/Documents)."""
    if _windows():
        base = _env_path("USERPROFILE") or Path.home()
        return base / "Documents" / DOCUMENTS_SUBFOLDER
    xdg = _env_path("XDG_DOCUMENTS_DIR")
    if xdg is None:
        docs = Path.home() / "Documents"
        xdg = docs if docs.is_dir() else Path.home()
    return xdg / DOCUMENTS_SUBFOLDER


def ensure(path: Path) -> Path:
    """Create ``path`` (and parents) for this user only; return it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not _windows():
        try:
            os.chmod(path, 0o700)
        except OSError:
            pass
    return path
