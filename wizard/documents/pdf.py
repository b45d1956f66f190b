"""DOCX → PDF through LibreOffice (one batched call; HOME and profile in a temporary folder inside
the output folder's staging area, removed afterwards)."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import DocumentInputError


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    exe = soffice()
    if not exe:
        raise DocumentInputError(
            "PDF形式で出力するには LibreOffice が必要ですが、見つかりません。LibreOffice をインストールするか、"
            "--format docx（既定）で出力してWordで開いてください。")
    return exe


def convert(files: list[Path], outdir: Path, timeout: float | None = None) -> list[Path]:
    """Convert all files in one soffice process; returns the PDFs in the order of `files`."""
    exe = require_soffice()
    if not files:
        return []
    # LibreOffice's profile beside the documents (inside the output folder's staging area), never $TMPDIR
    with tempfile.TemporaryDirectory(prefix=".rouei-lo-", dir=outdir) as home:
        env = dict(os.environ, HOME=home)
        cmd = [exe, f"-env:UserInstallation=file://{Path(home).as_posix()}/profile", "--headless",
               "--norestore", "--convert-to", "pdf", "--outdir", str(outdir), *map(str, files)]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True,
                              timeout=timeout or 120 + 5 * len(files), check=False)
    pdfs = [outdir / (f.stem + ".pdf") for f in files]
    missing = [p.name for p in pdfs if not p.exists()]
    if proc.returncode != 0 or missing:
        raise RuntimeError(f"LibreOffice による PDF 変換に失敗しました（終了コード {proc.returncode}、"
                           f"未作成: {', '.join(missing) or 'なし'}）: {proc.stderr.strip()[:500]}")
    return pdfs
