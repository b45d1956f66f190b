"""What the program does differently on Windows — small pure functions, tested on Linux.

Each function takes the platform name and the environment (or a file test) as
arguments, so that a test can ask "what would happen on win32" without Windows:

- ``qt_font_env``: Qt's ``offscreen`` platform on Windows uses the FreeType font
  database, which scans only ``QT_QPA_FONTDIR``: point it at ``%WINDIR%\\Fonts``
  (else ``--screenshot`` draws every glyph as a box).
- ``configure_stdio`` / ``use_utf8``: console code pages (cp932 on a Japanese
  Windows) cannot encode every character a user may type (𠮷, 〜 U+301C).
  Text output replaces what the stream cannot encode instead of crashing;
  JSON output is always UTF-8 (RFC 8259 §8.1).
- ``soffice_candidates``: LibreOffice's installer does not put ``soffice.exe``
  on PATH; look in its default folders too.

No Qt, no I/O beyond what the caller passes in.
"""
from __future__ import annotations

import codecs
import ntpath
from collections.abc import Callable, Mapping
from pathlib import PurePath
from typing import Any, TextIO

# --------------------------------------------------------------------------- Qt fonts


def qt_font_env(platform: str, environ: Mapping[str, str],
                isdir: Callable[[str], bool]) -> dict[str, str]:
    """Environment variables to add before Qt starts (empty when nothing is needed).

    Only on Windows, only for the ``offscreen`` platform, and never over a
    ``QT_QPA_FONTDIR`` the user set.  The folder must exist.
    """
    if platform != "win32" or environ.get("QT_QPA_FONTDIR"):
        return {}
    qpa = environ.get("QT_QPA_PLATFORM", "")
    if qpa.split(":", 1)[0].strip().lower() != "offscreen":
        return {}
    windir = environ.get("WINDIR") or environ.get("SystemRoot") or "C:\\Windows"
    fonts = ntpath.join(windir, "Fonts")
    return {"QT_QPA_FONTDIR": fonts} if isdir(fonts) else {}


def screenshot_env(platform: str, environ: Mapping[str, str],
                   isdir: Callable[[str], bool]) -> dict[str, str]:
    """What `--screenshot` adds to the environment before Qt is imported.

    No display (always so on Windows, where DISPLAY does not exist) → the
    ``offscreen`` platform, and on Windows its font folder.
    """
    add: dict[str, str] = {}
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY") and not environ.get("QT_QPA_PLATFORM"):
        add["QT_QPA_PLATFORM"] = "offscreen"
    add.update(qt_font_env(platform, {**environ, **add}, isdir))
    return add


# --------------------------------------------------------------------------- stdout / stderr

# Characters that Japanese text often holds in their Unicode form but that cp932
# has only as another code point (the JIS X 0208 ↔ Microsoft mapping differences).
CP932_LOOKALIKES = {
    "\u301c": "\uff5e",  # 〜 WAVE DASH → ～ FULLWIDTH TILDE
    "\u2016": "\u2225",  # ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO
    "\u2212": "\uff0d",  # − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS
    "\u00a2": "\uffe0",  # ¢ → ￠
    "\u00a3": "\uffe1",  # £ → ￡
    "\u00ac": "\uffe2",  # ¬ → ￢
    "\u2014": "\u2015",  # — EM DASH → ― HORIZONTAL BAR
}
ERRORS = "rouei-replace"


def _replace(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a cp932 look-alike where one exists, else "?"."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    out = []
    for ch in bad:
        alt = CP932_LOOKALIKES.get(ch)
        try:
            if alt is not None:
                alt.encode(exc.encoding)
                out.append(alt)
                continue
        except (UnicodeEncodeError, LookupError):
            pass
        out.append("?")
    return "".join(out), exc.end


codecs.register_error(ERRORS, _replace)

UNSAFE_NOTE = ("注意: 出力先の文字コード（{enc}）で表せない文字を「?」などに置き換えました。"
               "元の文字は事案ファイル、又は --json（UTF-8）の出力で確認してください。")


def is_utf(encoding: str | None) -> bool:
    try:
        name = codecs.lookup(encoding or "ascii").name
    except LookupError:
        return False
    return name.startswith("utf")


def configure_stdio(*streams: Any) -> None:
    """Text streams that cannot encode every character replace instead of failing.

    A Windows console is UTF-16 inside Python (nothing to do); a pipe or a file
    gets the ANSI code page (cp932 on a Japanese Windows), which is also what
    cmd, PowerShell and Notepad of that machine expect.  So the code page is
    kept (UTF-8 mode would turn every Japanese word into mojibake there) and
    only characters it lacks are replaced.
    """
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or is_utf(getattr(stream, "encoding", None)):
            continue
        try:
            reconfigure(errors=ERRORS)
        except (ValueError, OSError):  # a closed or detached stream: leave it
            pass


def use_utf8(stream: TextIO) -> None:
    """JSON is UTF-8 whatever the code page (RFC 8259 §8.1)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None or is_utf(getattr(stream, "encoding", None)):
        return
    try:
        stream.flush()
        reconfigure(encoding="utf-8", errors="strict")
    except (ValueError, OSError):
        pass


def lossy(text: str, encoding: str | None) -> bool:
    """True when `text` written in `encoding` would lose characters (a look-alike is no loss)."""
    if is_utf(encoding):
        return False
    enc = encoding or "ascii"
    try:
        text.encode(enc)
        return False
    except UnicodeEncodeError:
        pass
    except LookupError:
        return False
    for ch in set(text):
        try:
            ch.encode(enc)
        except UnicodeEncodeError:
            alt = CP932_LOOKALIKES.get(ch)
            try:
                if alt is None:
                    return True
                alt.encode(enc)
            except UnicodeEncodeError:
                return True
    return False


def write_text(stream: TextIO, text: str, note_to: TextIO | None) -> None:
    """Write `text`; when the stream's code page loses characters, say so once on `note_to`."""
    encoding = getattr(stream, "encoding", None)
    stream.write(text)
    if note_to is not None and lossy(text, encoding):
        stream.flush()
        note_to.write(UNSAFE_NOTE.format(enc=encoding) + "\n")


# --------------------------------------------------------------------------- LibreOffice

def soffice_candidates(platform: str, environ: Mapping[str, str]) -> list[str]:
    """Default install locations of LibreOffice's soffice.exe, most likely first (Windows only)."""
    if platform != "win32":
        return []
    roots: list[str] = []
    for var in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
        v = environ.get(var)
        if v:
            roots.append(v)
    roots += ["C:\\Program Files", "C:\\Program Files (x86)"]
    out: list[str] = []
    for root in roots:
        exe = ntpath.join(root, "LibreOffice", "program", "soffice.exe")
        if exe.lower() not in (o.lower() for o in out):
            out.append(exe)
    return out


def find_soffice(platform: str, environ: Mapping[str, str],
                 which: Callable[[str], str | None], isfile: Callable[[str], bool]) -> str | None:
    """soffice on PATH, else (Windows) in LibreOffice's default folder."""
    for name in ("soffice", "libreoffice"):
        hit = which(name)
        if hit:
            return hit
    for exe in soffice_candidates(platform, environ):
        if isfile(exe):
            return exe
    return None


def profile_url(home: PurePath) -> str:
    """LibreOffice's -env:UserInstallation URL for a profile folder inside `home`.

    ``file:///C:/Users/...`` on Windows (``file://`` + ``C:/...`` would name a host "C:"),
    percent-encoded (a user folder may be named in Japanese).
    """
    return (home / "profile").as_uri()
