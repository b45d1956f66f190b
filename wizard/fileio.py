"""Reading user files safely, and saying what went wrong in Japanese (no Qt).

- Only regular files are read: a FIFO, a device (/dev/zero, /dev/urandom), a
  socket or a folder is refused without blocking (the file is opened with
  O_NONBLOCK and checked with fstat before a single byte is read).
- At most ``limit + 1`` bytes are ever read, whatever the size the file system
  claims (special files report 0).
- ``os_error_ja`` turns an OSError into a Japanese phrase (errno, never the
  English strerror).
"""
from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path
from typing import IO, Any

_ERRNO_JA = {
    errno.ENOENT: "見つかりません",
    errno.EACCES: "アクセスする権限がありません",
    errno.EPERM: "アクセスする権限がありません",
    errno.ENAMETOOLONG: "ファイル名又はパスが長すぎます",
    errno.ENOSPC: "ディスクの空き容量が足りません",
    errno.EROFS: "読み取り専用の場所です",
    errno.EISDIR: "ファイルではなくフォルダーです",
    errno.ENOTDIR: "パスの途中がフォルダーではありません",
    errno.ELOOP: "シンボリックリンクが多すぎる（又は循環している）か、リンクは使えません",
    errno.EEXIST: "同じ名前のものが既にあります",
    errno.EIO: "入出力エラーが発生しました（媒体の故障などの可能性があります）",
    errno.EBUSY: "使用中です",
    errno.EMFILE: "開いているファイルが多すぎます",
    errno.ENXIO: "読み込めない種類のファイルです",
    errno.EINVAL: "名前又はパスに使えない文字が含まれています",
}
if hasattr(errno, "EDQUOT"):
    _ERRNO_JA[errno.EDQUOT] = "ディスクの使用量の上限（クォータ）を超えました"


def os_error_ja(exc: OSError) -> str:
    """A Japanese phrase for an OSError (never the English strerror)."""
    if isinstance(exc, FileNotFoundError):
        return _ERRNO_JA[errno.ENOENT]
    if isinstance(exc, PermissionError):
        return _ERRNO_JA[errno.EACCES]
    if exc.errno in _ERRNO_JA:
        return _ERRNO_JA[exc.errno]
    if exc.errno:
        return f"読み書きできません（エラー番号 {exc.errno}）"
    return "読み書きできません"


class FileReadError(ValueError):
    """A file could not be read as a regular file; the message is Japanese (without the path)."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "ファイルではなくフォルダーです"
    if stat.S_ISFIFO(mode):
        return "名前付きパイプ（FIFO）は読み込めません。通常のファイルを指定してください"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "デバイスファイルは読み込めません。通常のファイルを指定してください"
    if stat.S_ISSOCK(mode):
        return "ソケットは読み込めません。通常のファイルを指定してください"
    return "通常のファイルではありません"


def open_regular(path: str | Path) -> IO[bytes]:
    """Open ``path`` for binary reading if and only if it is a regular file.

    Never blocks on a FIFO: the name is checked with ``stat`` first and opened with
    O_NONBLOCK, then the opened descriptor is checked again (a name swapped for a
    FIFO in between is still refused)."""
    p = Path(path)
    try:
        st = os.stat(p)
    except OSError as exc:
        raise FileReadError(os_error_ja(exc)) from None
    except ValueError:  # an embedded NUL in the name
        raise FileReadError("ファイル名に使えない文字が含まれています") from None
    if not stat.S_ISREG(st.st_mode):
        raise FileReadError(_kind(st.st_mode))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except OSError as exc:
        raise FileReadError(os_error_ja(exc)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileReadError(_kind(st.st_mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_limited(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (reads at most limit + 1)."""
    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            raise FileReadError(f"ファイルが大きすぎます（{size:,} バイト、上限 {limit:,} バイト）")
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise FileReadError(os_error_ja(exc)) from None
    if len(data) > limit:
        raise FileReadError(f"ファイルが大きすぎます（上限 {limit:,} バイト）")
    return data


class LimitedReader(io.RawIOBase):
    """A raw binary stream over ``fh`` that fails once more than ``limit`` bytes were read
    (wrap it in io.BufferedReader / io.TextIOWrapper)."""

    def __init__(self, fh: IO[bytes], limit: int) -> None:
        super().__init__()
        self.fh, self.limit, self.done = fh, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        want = min(len(view), self.limit + 1 - self.done)
        data = self.fh.read(max(want, 1))
        self.done += len(data)
        if self.done > self.limit:
            raise FileReadError(f"ファイルが大きすぎます（上限 {self.limit:,} バイト）")
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self.fh.close()
        finally:
            super().close()


_TERMINAL_UNSAFE = {c: f"\\x{c:02x}" for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if c != 0x0A}
_TERMINAL_UNSAFE.update({c: f"\\u{c:04x}" for c in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F),
                                                     *range(0x2066, 0x206A))})


def for_terminal(text: str) -> str:
    """A message that may quote file content, safe to print: control characters (ESC sequences
    that could rewrite the terminal) and bidi overrides are shown as escapes."""
    return text.translate(_TERMINAL_UNSAFE)
