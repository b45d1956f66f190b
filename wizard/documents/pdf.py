"""DOCX → PDF through LibreOffice (one batched call; HOME and profile in a temporary folder inside
the output folder's staging area, removed afterwards)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from wizard.windows import find_soffice, profile_url

from .errors import DocumentInputError


def soffice() -> str | None:
    """On PATH, else (Windows) in LibreOffice's default folder, which its installer does not add to PATH."""
    return find_soffice(sys.platform, os.environ, shutil.which, os.path.isfile)


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
        cmd = [exe, f"-env:UserInstallation={profile_url(Path(home))}", "--headless",
               "--norestore", "--convert-to", "pdf", "--outdir", str(outdir), *map(str, files)]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, errors="replace",
                              timeout=timeout or 120 + 5 * len(files), check=False)
    pdfs = [outdir / (f.stem + ".pdf") for f in files]
    missing = [p.name for p in pdfs if not p.exists()]
    if proc.returncode != 0 or missing:
        raise RuntimeError(f"LibreOffice による PDF 変換に失敗しました（終了コード {proc.returncode}、"
                           f"未作成: {', '.join(missing) or 'なし'}）: {proc.stderr.strip()[:500]}")
    return pdfs
