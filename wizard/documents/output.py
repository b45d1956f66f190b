"""Atomic, non-overwriting file output.

Every file is written to a temporary file in the target folder and then moved
into place: `os.link` (fails if the name exists, so nothing is ever replaced by
accident) or, with --force, `os.replace`.  An existing name gets a new one:
`appi_report (2).docx`.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


class OutputDir:
    def __init__(self, path: Path, force: bool = False) -> None:
        self.path = path
        self.force = force
        self.taken: set[str] = set()

    def prepare(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)

    def _candidates(self, name: str):
        stem, dot, ext = name.rpartition(".")
        if not dot:
            stem, ext = name, ""
        yield name
        for n in range(2, 10_000):
            yield f"{stem} ({n}){dot}{ext}"

    def _tmp(self, data: bytes) -> Path:
        fd, tmp = tempfile.mkstemp(dir=self.path, prefix=".tmp-", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return Path(tmp)

    def write(self, name: str, data: bytes) -> str:
        """Write `data` under `name` (or a free variant of it); returns the name used."""
        tmp = self._tmp(data)
        try:
            for cand in self._candidates(name):
                if cand in self.taken:
                    continue
                target = self.path / cand
                if self.force:
                    os.replace(tmp, target)
                    self.taken.add(cand)
                    return cand
                try:
                    os.link(tmp, target)
                except FileExistsError:
                    continue
                except OSError:  # file systems without hard links
                    if target.exists():
                        continue
                    os.replace(tmp, target)
                    self.taken.add(cand)
                    return cand
                self.taken.add(cand)
                return cand
            raise OSError(f"空いているファイル名が見つかりません: {name}")
        finally:
            tmp.unlink(missing_ok=True)

    def write_manifest(self, manifest: dict[str, Any]) -> Path:
        """manifest.json always has that name; an older one is kept as `manifest (N).json`."""
        target = self.path / "manifest.json"
        data = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        if target.exists() and not self.force:
            for cand in list(self._candidates("manifest.json"))[1:]:
                try:
                    os.link(target, self.path / cand)
                    break
                except FileExistsError:
                    continue
        tmp = self._tmp(data)
        os.replace(tmp, target)
        return target
