"""Recipients lists for per-person letters: CSV (UTF-8, UTF-8 with BOM, CP932) or XLSX.

The encoding is found by strict decoding attempts over the whole file (streamed,
nothing kept); a file no candidate decodes is an input error, never a guess.
Rows are streamed one at a time so memory does not grow with the list.
Row numbers are 1-based with the header as row 1.
"""
from __future__ import annotations

import codecs
import csv
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import DocumentInputError

BOM = codecs.BOM_UTF8
NAME = {"氏名", "名前", "お名前", "宛名", "name"}
ADDRESS_PREFIX = ("住所", "address", "ご住所")
EMAIL = {"メールアドレス", "メール", "電子メールアドレス", "e-mail", "email", "mail", "eメール"}
POSTAL = {"郵便番号", "〒", "postal", "zip", "postcode"}
HONORIFIC = {"敬称"}


@dataclass(frozen=True)
class Recipient:
    row: int
    name: str
    honorific: str
    postal: str
    address: str
    email: str


@dataclass(frozen=True)
class RowError:
    row: int
    reason: str


def _norm(header: Any) -> str:
    return unicodedata.normalize("NFKC", str(header or "")).strip().lstrip("\ufeff").lower()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def detect_encoding(path: Path) -> str:
    with path.open("rb") as fh:
        has_bom = fh.read(3) == BOM
    for enc in (["utf-8-sig"] if has_bom else ["utf-8", "cp932"]):
        dec = codecs.getincrementaldecoder(enc)(errors="strict")
        try:
            with path.open("rb") as fh:
                while chunk := fh.read(1 << 20):
                    dec.decode(chunk)
                dec.decode(b"", final=True)
            return enc
        except UnicodeDecodeError:
            continue
    raise DocumentInputError(
        f"宛先ファイル {path} の文字コードを判別できません。UTF-8（BOM付き・なし）又はShift_JIS（CP932）の"
        "CSVとして保存し直してください。")


class RecipientsFile:
    """Validated on open (encoding, header); rows streamed by `rows()`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise DocumentInputError(f"宛先ファイルが見つかりません: {path}")
        self.kind = "xlsx" if path.suffix.lower() in (".xlsx", ".xlsm") else "csv"
        self.encoding = detect_encoding(path) if self.kind == "csv" else ""
        header = next(self._raw_rows(), None)
        if header is None:
            raise DocumentInputError(f"宛先ファイル {path} が空です（1行目に見出し行が必要です）。")
        self.columns = self._columns(header[1])

    def _columns(self, header: list[Any]) -> dict[str, list[int]]:
        cols: dict[str, list[int]] = {"name": [], "address": [], "email": [], "postal": [], "honorific": []}
        for i, h in enumerate(header):
            n = _norm(h)
            if n in NAME:
                cols["name"].append(i)
            elif n.startswith(ADDRESS_PREFIX):
                cols["address"].append(i)
            elif n in EMAIL:
                cols["email"].append(i)
            elif n in POSTAL:
                cols["postal"].append(i)
            elif n in HONORIFIC:
                cols["honorific"].append(i)
        if not cols["name"] or not (cols["address"] or cols["email"]):
            found = "、".join(str(h) for h in header if h not in (None, "")) or "なし"
            raise DocumentInputError(
                f"宛先ファイル {self.path} の1行目（見出し）に必要な列がありません。必要な列：「氏名」と、「住所」又は"
                f"「メールアドレス」（任意：「郵便番号」「敬称」）。見つかった列：{found}")
        return cols

    def _raw_rows(self) -> Iterator[tuple[int, list[Any]]]:
        if self.kind == "xlsx":
            yield from self._xlsx_rows()
            return
        try:
            with self.path.open("r", encoding=self.encoding, newline="") as fh:
                yield from enumerate(csv.reader(fh), start=1)
        except csv.Error as exc:
            raise DocumentInputError(f"宛先ファイル {self.path} をCSVとして読めません: {exc}") from exc

    def _xlsx_rows(self) -> Iterator[tuple[int, list[Any]]]:
        from openpyxl import load_workbook

        try:
            wb = load_workbook(self.path, read_only=True, data_only=True)
        except Exception as exc:  # zipfile/openpyxl raise many kinds
            raise DocumentInputError(f"宛先ファイル {self.path} をExcel（.xlsx）として開けません: {exc}") from exc
        try:
            ws = wb.worksheets[0]
            for i, values in enumerate(ws.iter_rows(values_only=True), start=1):
                yield i, list(values)
        finally:
            wb.close()

    def _get(self, rec: list[Any], key: str, sep: str = "") -> str:
        vals = [_cell(rec[i]) for i in self.columns[key] if i < len(rec)]
        return sep.join(v for v in vals if v)

    def rows(self) -> Iterator[Recipient | RowError]:
        it = self._raw_rows()
        next(it, None)  # header
        for num, rec in it:
            if not any(_cell(v) for v in rec):
                continue  # an empty line holds no person
            name = self._get(rec, "name", " ")
            address = self._get(rec, "address", " ")
            email = self._get(rec, "email")
            if not name:
                yield RowError(num, "氏名がありません")
            elif not address and not email:
                yield RowError(num, "住所・メールアドレスのいずれもありません")
            else:
                yield Recipient(num, name, self._get(rec, "honorific") or "様", self._get(rec, "postal"),
                                address, email)

    def count(self) -> int:
        """Data rows (cheap streaming pass; used for progress totals)."""
        return sum(1 for _ in self.rows())
