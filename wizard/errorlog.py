"""The internal-error log: in the per-user state folder, 0600, never through a symlink.

Never the shared temp folder (another local user could plant a symlink there and
receive our tracebacks, which may quote personal data).  No Qt.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from wizard.userdirs import ensure, state_dir

LOG_NAME = "error.log"
MAX_LOG_BYTES = 1 << 20  # one old generation is kept as error.log.1


def log_path() -> Path:
    return state_dir() / LOG_NAME


def _rotate(path: Path) -> None:
    try:
        if path.stat().st_size > MAX_LOG_BYTES and not path.is_symlink():
            os.replace(path, path.with_name(LOG_NAME + ".1"))
    except OSError:
        pass


def append_log(text: str, where: str = "") -> Path | None:
    """Append one entry; returns the log's path, or None when it could not be written."""
    try:
        path = ensure(state_dir()) / LOG_NAME
        _rotate(path)
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags, 0o600)
        try:
            if os.name == "posix":
                os.fchmod(fd, 0o600)
            head = f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {where}\n"
            data = memoryview((head + text.rstrip("\n") + "\n\n").encode("utf-8", "backslashreplace"))
            while data:
                data = data[os.write(fd, data):]
        finally:
            os.close(fd)
    except OSError:
        return None
    return path
