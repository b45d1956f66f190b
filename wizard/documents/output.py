"""Atomic, non-overwriting output of a whole bundle.

Every file of a render is first written into a staging folder inside the
target folder (`DIR/.rouei-staging-XXXX`, same file system, readable by the
user only).  Only when everything is written does `write_manifest` take the
folder lock (`DIR/.rouei-lock`), move the files to their final names — `os.link`
(never replaces an existing name: `appi_report (2).docx`) or, with --force,
`os.replace` — and write `manifest.json` last.  So:

- a render killed before the swap changes nothing in DIR (the old manifest still
  describes the files there); its staging folder is removed by the next render
  into DIR (a staging folder whose lock is no longer held is stale);
- with --force the old manifest is removed before any file is replaced, so a
  render killed during the swap leaves no manifest that lies;
- concurrent renders into one folder take turns for the swap: each keeps its own
  manifest (`manifest.json`, older ones `manifest (N).json`);
- a full disk or a folder we cannot write to is a DocumentInputError in Japanese,
  and no partial file is left behind.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from wizard.fileio import os_error_ja

from .errors import DocumentInputError

STAGING_PREFIX = ".rouei-staging-"
LOCK_NAME = ".rouei-lock"
HOLD_NAME = ".hold"


def _lock(fh: IO[bytes], blocking: bool = True) -> bool:
    """An advisory lock on an open file (fcntl on POSIX, msvcrt on Windows)."""
    if sys.platform == "win32":
        import msvcrt

        mode = msvcrt.LK_LOCK if blocking else msvcrt.LK_NBLCK
        while True:
            try:
                fh.seek(0)
                msvcrt.locking(fh.fileno(), mode, 1)
                return True
            except OSError:
                if not blocking:
                    return False
                time.sleep(0.05)  # LK_LOCK gives up after 10 s; keep waiting
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _open_lock(path: Path) -> IO[bytes]:
    """Open (create) a lock file without following a symlink planted in its place."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    return os.fdopen(os.open(path, flags, 0o600), "ab")


def _unlock(fh: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    import fcntl

    fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


class OutputDir:
    def __init__(self, path: Path, force: bool = False) -> None:
        self.path = Path(path)
        self.force = force
        self.taken: set[str] = set()
        self.staging: Path | None = None
        self._hold: IO[bytes] | None = None

    # --- checks and staging ------------------------------------------------------------
    def _fail(self, what: str, exc: OSError | None = None) -> DocumentInputError:
        detail = f": {os_error_ja(exc)}" if exc is not None else ""
        return DocumentInputError(f"出力先 {self.path} に{what}{detail}")

    def prepare(self) -> None:
        """Check the output folder, create it if needed, open a staging folder inside it."""
        if not str(self.path) or str(self.path).strip() == "":
            raise DocumentInputError("出力先のフォルダー（--out）が空です。フォルダー名を指定してください。")
        try:
            exists, is_dir = self.path.exists(), self.path.is_dir()
            if exists and not is_dir:
                raise DocumentInputError(f"出力先 {self.path} はフォルダーではありません（既にあるファイル又は特殊なファイル"
                                         "です）。別のフォルダー名を指定してください。")
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._fail("フォルダーを作成できません", exc) from None
        try:
            # under the folder lock: no other render can take our fresh folder for a stale one
            with _open_lock(self.path / LOCK_NAME) as lock:
                _lock(lock)
                try:
                    self._clean_stale()
                    self.staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.path))
                    self._hold = _open_lock(self.staging / HOLD_NAME)  # held until the swap
                    _lock(self._hold)
                finally:
                    _unlock(lock)
        except OSError as exc:
            self.abort()
            raise self._fail("書き込めません", exc) from None

    def _clean_stale(self) -> None:
        """Remove staging folders left by killed renders (their hold lock is free)."""
        try:
            entries = [p for p in self.path.iterdir() if p.name.startswith(STAGING_PREFIX) and p.is_dir()
                       and not p.is_symlink()]
        except OSError:
            return
        for folder in entries:
            try:
                with _open_lock(folder / HOLD_NAME) as fh:
                    if not _lock(fh, blocking=False):
                        continue  # another render is still writing there
                    _unlock(fh)
            except FileNotFoundError:
                # a folder without hold file: being created right now, or very old
                try:
                    if time.time() - folder.stat().st_mtime < 3600:
                        continue
                except OSError:
                    continue
            except OSError:
                continue
            shutil.rmtree(folder, ignore_errors=True)

    def __del__(self) -> None:
        # a render that raised (a bug, Ctrl+C) drops its OutputDir: the staged files go with it,
        # and the output folder is as it was
        try:
            self.abort()
        except Exception:  # noqa: BLE001, S110 - never raise from a finalizer
            pass

    def abort(self) -> None:
        """Throw the staged files away (nothing in the output folder changes)."""
        if self._hold is not None:
            try:
                self._hold.close()
            except OSError:
                pass
            self._hold = None
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None

    def staging_dir(self) -> Path:
        """The staging folder inside the output folder (created by `prepare`)."""
        return self._stage_dir()

    def _stage_dir(self) -> Path:
        if self.staging is None:
            self.prepare()
        assert self.staging is not None
        return self.staging

    def _candidates(self, name: str) -> Iterator[str]:
        stem, dot, ext = name.rpartition(".")
        if not dot:
            stem, ext = name, ""
        yield name
        for n in range(2, 10_000):
            yield f"{stem} ({n}){dot}{ext}"

    def _write_bytes(self, fh: IO[bytes], data: bytes) -> None:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())

    def _tmp(self, data: bytes, folder: Path) -> Path:
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".part")
        except OSError as exc:
            self.abort()
            raise self._fail("書き込めません", exc) from None
        try:
            with os.fdopen(fd, "wb") as fh:
                self._write_bytes(fh, data)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            self.abort()  # a full disk leaves no partial file and no half bundle
            raise self._fail("書き込めません", exc) from None
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return Path(tmp)

    def write(self, name: str, data: bytes) -> str:
        """Stage `data` under `name` (or a free variant); returns the staged name.

        The final name is chosen by `write_manifest`, which rewrites the manifest's paths."""
        folder = self._stage_dir()
        tmp = self._tmp(data, folder)
        try:
            for cand in self._candidates(name):
                if cand in self.taken:
                    continue
                try:
                    os.replace(tmp, folder / cand)
                except OSError as exc:
                    self.abort()
                    raise self._fail("書き込めません", exc) from None
                self.taken.add(cand)
                return cand
            raise DocumentInputError(f"出力先 {self.path} に空いているファイル名が見つかりません: {name}")
        finally:
            tmp.unlink(missing_ok=True)

    # --- the swap ------------------------------------------------------------------------
    def _place(self, src: Path, name: str) -> str:
        for cand in self._candidates(name):
            target = self.path / cand
            if self.force:
                os.replace(src, target)
                return cand
            try:
                os.link(src, target)
            except FileExistsError:
                continue
            except OSError:  # file systems without hard links
                if target.exists() or target.is_symlink():
                    continue
                os.replace(src, target)
                return cand
            src.unlink()
            return cand
        raise DocumentInputError(f"出力先 {self.path} に空いているファイル名が見つかりません: {name}")

    def write_manifest(self, manifest: dict[str, Any]) -> Path:
        """Move the staged files into place and write manifest.json last (under the folder lock).

        The manifest's `path` entries are rewritten to the final names; an older
        manifest.json is kept as `manifest (N).json` (removed first with --force)."""
        staging = self._stage_dir()
        target = self.path / "manifest.json"
        try:
            with _open_lock(self.path / LOCK_NAME) as lock:
                _lock(lock)
                try:
                    if self.force:
                        target.unlink(missing_ok=True)
                    for entry in manifest.get("documents", []):
                        staged = staging / entry["path"]
                        if entry.get("path") and staged.is_file():
                            entry["path"] = self._place(staged, entry["path"])
                    data = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
                    if target.exists() and not self.force:
                        for cand in list(self._candidates("manifest.json"))[1:]:
                            try:
                                os.link(target, self.path / cand)
                                break
                            except FileExistsError:
                                continue
                    tmp = self._tmp(data, staging)
                    os.replace(tmp, target)
                finally:
                    _unlock(lock)
        except OSError as exc:
            self.abort()
            raise self._fail("書き込めません", exc) from None
        self.abort()  # the staging folder is empty now (or holds only files the manifest does not list)
        return target
