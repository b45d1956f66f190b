"""Recipients lists for per-person letters: CSV (UTF-8, UTF-8 with BOM, CP932) or XLSX.

A letter must never carry another person's name or address, so the
reading is strict and row-local:

- The encoding is decided line by line over the whole file (streamed): a file
  whose lines are partly UTF-8 and partly Shift_JIS is refused naming the line
  where the encoding changes, never decoded into garbage.
- Every CSV record is checked against the physical lines it came from: a record
  that spans lines (a stray `"` that swallows the following rows, a cell with a
  line break) makes every line it touches an error; a record with more or fewer
  cells than the header where a quote could have swallowed a `,`, a quote used
  wrongly, or a line break inside a used cell is an error for that row.
- Only regular files are read (a FIFO or a device is refused at once); sizes,
  rows and cell lengths are capped; XLSX archives are checked for their
  uncompressed size before openpyxl reads them.
- The manifest lists at most MAX_ROW_ERRORS bad rows, then one line with the count.

Rows are streamed one at a time so memory does not grow with the list. Row
numbers are the physical line numbers (CSV) or sheet rows (XLSX), header = 1.
"""
from __future__ import annotations

import codecs
import csv
import io
import itertools
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import IO, Any

from wizard.fileio import FileReadError, LimitedReader, open_regular

from .errors import DocumentInputError

BOM = codecs.BOM_UTF8
NAME = {"氏名", "名前", "お名前", "宛名", "name"}
ADDRESS_PREFIX = ("住所", "address", "ご住所")
EMAIL = {"メールアドレス", "メール", "電子メールアドレス", "e-mail", "email", "mail", "eメール"}
POSTAL = {"郵便番号", "〒", "postal", "zip", "postcode"}
HONORIFIC = {"敬称"}
USED = ("name", "address", "email", "postal", "honorific")
LABEL = {"name": "氏名", "address": "住所", "email": "メールアドレス", "postal": "郵便番号", "honorific": "敬称"}

MAX_CSV_BYTES = 256 * 1024 * 1024
MAX_ROWS = 1_000_000
MAX_CELL = 1_000          # characters in a name, address, e-mail, postal code or honorific
MAX_ROW_ERRORS = 1_000    # listed one by one; the rest are counted in one more entry
XLSX_MAX_TOTAL = 160 * 1024 * 1024     # uncompressed bytes of the whole archive
XLSX_MAX_MEMBER = 64 * 1024 * 1024     # one worksheet (a single 64 MB cell peaks at ~350 MB)
XLSX_MAX_SHARED = 24 * 1024 * 1024     # sharedStrings.xml is read whole by openpyxl
XLSX_MAX_MEMBERS = 10_000
XLSX_MAX_COLUMNS = 256
XLSX_MAX_STRINGS = 400_000             # openpyxl parses ~30,000 shared strings a second
# characters that break a line in Word or in Python (a name holding one is two lines of a letter)
_BREAKS = set("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_NOT_A_NAME = re.compile(r"[\d\s\-‐－ー－.,．，+()（）#＃]+")  # a postal code or phone number in the name column
_SUSPECT = re.compile('[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"]')  # a break or a quote: look closer


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
    rows: int = 1  # the summary entry past MAX_ROW_ERRORS stands for this many rows


def _norm(header: Any) -> str:
    """A header as compared: NFKC, lower case, no spaces at all (「氏　名」 = 「氏名」)."""
    text = unicodedata.normalize("NFKC", str(header or "")).lstrip("\ufeff").lower()
    return "".join(text.split())


def _visible(text: str) -> bool:
    """True when the text has a character that prints (a name of only controls, zero-width
    or space characters would make a letter addressed to nobody)."""
    if text.isprintable() and text.strip():
        return True
    return any(unicodedata.category(ch)[0] not in "CZ" for ch in text)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _shown(text: Any, limit: int = 20) -> str:
    t = str(text)
    return t if len(t) <= limit else t[:limit] + "…"


def resolve_beside(incident_file: str | Path, value: str, what: str = "宛先ファイル") -> Path:
    """A path written inside an incident file, resolved beside that file.

    A received incident file must not pull arbitrary files into letters: an absolute
    path, a drive, `..`, or a symlink that leads out of the incident file's folder is
    refused (DocumentInputError; the GUI may ask the user to pick the file instead)."""
    return resolve_in(Path(incident_file).parent, value, what, f"事案ファイル {incident_file}")


def resolve_in(folder: Path, value: str, what: str, source: str = "事案ファイル") -> Path:
    """`value` (a relative path written in a file from `folder`) → a path inside `folder`."""
    text = str(value)
    win = PureWindowsPath(text)
    posix = PurePosixPath(text)
    bad = (not text.strip() or "\x00" in text or posix.is_absolute() or bool(win.drive) or bool(win.root)
           or ".." in posix.parts or ".." in win.parts)
    if not bad:
        try:
            base = Path(folder).resolve()
            target = (base / text).resolve()
            bad = not target.is_relative_to(base)
        except (OSError, RuntimeError, ValueError):
            bad = True
    if bad:
        raise DocumentInputError(
            f"{source} に書かれた{what}「{_shown(text, 80)}」は使えません。事案ファイルと同じフォルダー"
            f"（又はその中のフォルダー）にあるファイルの名前だけを書けます。別の場所のファイルを使うときは、"
            f"コマンドで --recipients / --previous に指定するか、画面でファイルを選んでください。")
    return target


# --- encoding -------------------------------------------------------------------------------
def _enc_name(enc: str) -> str:
    return "Shift_JIS（CP932）" if enc == "cp932" else "UTF-8"


def detect_encoding(path: Path) -> str:
    """'utf-8-sig', 'utf-8' or 'cp932', decided line by line (a mixed file is refused)."""
    try:
        fh = open_regular(path)
    except FileReadError as exc:
        raise DocumentInputError(f"宛先ファイル {path} を読めません: {exc}") from None
    with fh:
        bom = fh.read(3) == BOM
        fh.seek(0 if not bom else 3)
        first: tuple[str, int] | None = None  # (encoding, line) of the first non-ASCII line
        for num, line in enumerate(LimitedReaderLines(fh, MAX_CSV_BYTES), start=1):
            if line.isascii():
                continue
            try:
                line.decode("utf-8")
                enc = "utf-8"
            except UnicodeDecodeError:
                enc = "cp932"
                try:
                    line.decode("cp932")
                except UnicodeDecodeError:
                    raise DocumentInputError(
                        f"宛先ファイル {path} の{num}行目の文字コードを判別できません。UTF-8（BOM付き・なし）又は"
                        "Shift_JIS（CP932）のCSVとして保存し直してください。") from None
            if bom and enc != "utf-8":
                raise DocumentInputError(
                    f"宛先ファイル {path} の{num}行目で文字コードが混在しています（先頭はUTF-8の印（BOM）付きですが、"
                    f"{num}行目はUTF-8ではありません）。一つの文字コードで保存し直してください。")
            if first is None:
                first = (enc, num)
            elif first[0] != enc:
                raise DocumentInputError(
                    f"宛先ファイル {path} の{num}行目で文字コードが混在しています（{first[1]}行目は{_enc_name(first[0])}、"
                    f"{num}行目は{_enc_name(enc)}）。一つの文字コードで保存し直してください。")
    if bom:
        return "utf-8-sig"
    return first[0] if first else "utf-8"


def LimitedReaderLines(fh: IO[bytes], limit: int) -> Iterator[bytes]:  # noqa: N802 - reads like a class
    """Binary lines of `fh`, failing (Japanese message) past `limit` bytes."""
    done = 0
    try:
        for line in fh:
            done += len(line)
            if done > limit:
                raise DocumentInputError(f"宛先ファイルが大きすぎます（上限 {limit:,} バイト）")
            yield line
    except OSError as exc:
        from wizard.fileio import os_error_ja
        raise DocumentInputError(f"宛先ファイルを読めません: {os_error_ja(exc)}") from None


class _Lines:
    """Text lines fed to csv.reader, counted (the physical line number of each record)."""

    def __init__(self, fh: Any) -> None:
        self.fh = fh
        self.n = 0
        self.first = ""     # the first line of the record being read
        self.fresh = True   # the next line starts a record

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line: str = next(self.fh)
        self.n += 1
        if len(line) > 200_000:
            raise DocumentInputError(f"宛先ファイルの{self.n}行目が長すぎます（200,000文字まで）")
        if self.fresh:
            self.first, self.fresh = line, False
        return line


@dataclass
class _Raw:
    start: int          # first physical line
    end: int            # last physical line
    cells: list[Any]
    line: str = ""      # the raw text when the record is one line (CSV)
    problem: str = ""   # a reason found while reading (formula without value …)


class RecipientsFile:
    """Validated on open (regular file, size, encoding, header); rows streamed by `rows()`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.kind = "xlsx" if self.path.suffix.lower() in (".xlsx", ".xlsm") else "csv"
        try:
            open_regular(self.path).close()
        except FileReadError as exc:
            raise DocumentInputError(f"宛先ファイル {self.path} を読めません: {exc}") from None
        self.encoding = detect_encoding(self.path) if self.kind == "csv" else ""
        self.physical_lines = 0
        self.records = 0
        header = next(self._raw_rows(), None)
        if header is None:
            raise DocumentInputError(f"宛先ファイル {self.path} が空です（1行目に見出し行が必要です）。")
        if header.end != header.start:
            raise DocumentInputError(
                f"宛先ファイル {self.path} の見出し行（1行目〜{header.end}行目）が複数の行につながっています"
                "（引用符（\"）が閉じられていない可能性があります）。")
        self.width = len(header.cells)
        self.columns = self._columns(header.cells)
        self._used = sorted({i for k in USED for i in self.columns[k]})

    def _columns(self, header: list[Any]) -> dict[str, list[int]]:
        cols: dict[str, list[int]] = {k: [] for k in USED}
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
        for key in ("name", "email", "postal", "honorific"):
            if len(cols[key]) > 1:  # two 氏名 columns could be two persons in one letter
                where = "・".join(f"{i + 1}列目" for i in cols[key])
                raise DocumentInputError(
                    f"宛先ファイル {self.path} の1行目（見出し）に「{LABEL[key]}」に当たる列が複数あります（{where}）。"
                    "1人分の列が1つずつになるよう、列名を変えるか列を削除してください（住所は 住所1・住所2 のように分けられます）。")
        if not cols["name"] or not (cols["address"] or cols["email"]):
            known = [str(header[i]) for k in USED for i in cols[k]]
            # the first line of a file that is not a recipients list is never echoed
            found = "、".join(_shown(h) for h in known[:10]) if known else "該当する列なし（見出し行がないか、列名が違います）"
            raise DocumentInputError(
                f"宛先ファイル {self.path} の1行目（見出し）に必要な列がありません。必要な列：「氏名」と、「住所」又は"
                f"「メールアドレス」（任意：「郵便番号」「敬称」）。見つかった列：{found}。使える列名：氏名・名前・お名前・宛名／"
                "住所（住所1、住所2…）・ご住所／メールアドレス・メール・電子メールアドレス／郵便番号・〒／敬称")
        return cols

    # --- raw records ------------------------------------------------------------------
    def _raw_rows(self) -> Iterator[_Raw]:
        if self.kind == "xlsx":
            yield from self._xlsx_rows()
        else:
            yield from self._csv_rows()

    def _csv_rows(self) -> Iterator[_Raw]:
        try:
            raw = open_regular(self.path)
        except FileReadError as exc:
            raise DocumentInputError(f"宛先ファイル {self.path} を読めません: {exc}") from None
        text = io.TextIOWrapper(io.BufferedReader(LimitedReader(raw, MAX_CSV_BYTES)), encoding=self.encoding,
                                errors="strict", newline="")
        lines = _Lines(text)
        reader = csv.reader(lines)
        end = 0
        try:
            with text:
                while True:
                    start = end + 1
                    try:
                        cells = next(reader)
                    except StopIteration:
                        break
                    except csv.Error as exc:
                        raise DocumentInputError(self._csv_error(start, lines.n, exc)) from None
                    end = lines.n
                    self.physical_lines = end
                    lines.fresh = True
                    yield _Raw(start, end, cells, lines.first if end == start else "")
        except FileReadError as exc:
            raise DocumentInputError(f"宛先ファイル {self.path} を読めません: {exc}") from None
        except UnicodeDecodeError:
            raise DocumentInputError(f"宛先ファイル {self.path} の文字コードが途中で変わっています。"
                                     "一つの文字コードで保存し直してください。") from None
        except OSError as exc:
            from wizard.fileio import os_error_ja
            raise DocumentInputError(f"宛先ファイル {self.path} を読めません: {os_error_ja(exc)}") from None

    def _csv_error(self, start: int, now: int, exc: csv.Error) -> str:
        if "field larger than field limit" in str(exc):
            return (f"宛先ファイル {self.path} の{start}行目から始まる欄が長すぎます（{csv.field_size_limit():,}文字を超えて"
                    f"{now}行目まで続いています）。引用符（\"）が閉じられていない可能性があります。CSVを確認してください。")
        return f"宛先ファイル {self.path} の{start}行目をCSVとして読めません（書式の誤り）。"

    def _xlsx_rows(self) -> Iterator[_Raw]:
        try:
            fh, fh2 = open_regular(self.path), open_regular(self.path)
        except FileReadError as exc:
            raise DocumentInputError(f"宛先ファイル {self.path} を読めません: {exc}") from None
        with fh, fh2:
            has_formulas = self._check_zip(fh)
            from openpyxl import load_workbook

            try:
                wb_values = load_workbook(fh, read_only=True, data_only=True)
                # the same sheet with formulas (only when there are any): a formula cell without a
                # stored value is reported
                wb_formulas = load_workbook(fh2, read_only=True, data_only=False) if has_formulas else wb_values
            except Exception:  # zipfile/openpyxl/lxml raise many kinds; their text is English
                raise DocumentInputError(
                    f"宛先ファイル {self.path} をExcel（.xlsx）として開けません。ファイルが壊れているか、"
                    "Excel形式ではありません（.xls は .xlsx 又はCSVで保存し直してください）。") from None
            try:
                if not wb_values.worksheets:
                    return
                ws_values = wb_values.worksheets[0]
                # a sheet may claim XFD1048576: columns are capped, and the empty rows openpyxl pads
                # with (one shared tuple) are skipped in O(1) each
                width = min(ws_values.max_column or XLSX_MAX_COLUMNS, XLSX_MAX_COLUMNS)
                values = ws_values.iter_rows(max_col=width)
                formulas = (wb_formulas.worksheets[0].iter_rows(max_col=width) if has_formulas
                            else itertools.repeat(()))
                empty: Any = None
                for i, (vrow, frow) in enumerate(zip(values, formulas, strict=False), start=1):
                    self.physical_lines = i
                    if i > MAX_ROWS + 1:
                        raise DocumentInputError(f"宛先ファイル {self.path} の行が多すぎます（上限 {MAX_ROWS:,}行）。"
                                                 "ファイルを分けてください。")
                    if vrow is empty and not frow:
                        continue
                    cells: list[Any] = []
                    for col, (v, f) in enumerate(itertools.zip_longest(vrow, frow), start=1):
                        value = getattr(v, "value", None)
                        if value is None and getattr(f, "data_type", None) == "f":
                            value = _Formula(col)
                        cells.append(value)
                    if i > 1 and all(c is None for c in cells):
                        empty = vrow
                        continue
                    yield _Raw(i, i, cells, "", "")
            except DocumentInputError:
                raise
            except Exception:
                raise DocumentInputError(f"宛先ファイル {self.path} の途中が壊れていて読めません"
                                         f"（{self.physical_lines + 1}行目付近）。") from None
            finally:
                wb_values.close()
                wb_formulas.close()

    def _check_zip(self, fh: IO[bytes]) -> bool:
        """Refuse archives whose declared uncompressed size is too large (zipfile never
        returns more than the declared size: a lying header fails its CRC check) or whose
        shared-strings table holds too many strings; True when a worksheet has formulas."""
        size = os.fstat(fh.fileno()).st_size
        if size > XLSX_MAX_TOTAL:
            raise DocumentInputError(f"宛先ファイル {self.path} が大きすぎます（{size:,} バイト、上限 {XLSX_MAX_TOTAL:,} バイト）。")
        try:
            with zipfile.ZipFile(fh) as zf:
                infos = zf.infolist()
                self._check_sizes(infos)
                strings = sum(_count(zf, i, (b"si>",)) // 2 + _count(zf, i, (b"si/>",))
                              for i in infos if i.filename.lower().endswith("sharedstrings.xml"))
                if strings > XLSX_MAX_STRINGS:
                    raise DocumentInputError(
                        f"宛先ファイル {self.path} の文字列の数が多すぎます（約{strings:,}個、上限 {XLSX_MAX_STRINGS:,}個）。"
                        "CSVで保存するか、ファイルを分けてください。")
                formulas = any(_count(zf, i, (b"<f>", b"<f ", b":f>", b":f ")) for i in infos
                               if i.filename.lower().startswith("xl/worksheets/"))
        except DocumentInputError:
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, RuntimeError):
            raise DocumentInputError(
                f"宛先ファイル {self.path} をExcel（.xlsx）として開けません（ZIP形式ではありません）。ファイルが壊れているか、"
                "拡張子が違います（.xls は .xlsx 又はCSVで保存し直してください）。") from None
        fh.seek(0)
        return formulas

    def _check_sizes(self, infos: list[zipfile.ZipInfo]) -> None:
        mb = 1024 * 1024
        if len(infos) > XLSX_MAX_MEMBERS:
            raise DocumentInputError(f"宛先ファイル {self.path} の中のファイルが多すぎます（上限 {XLSX_MAX_MEMBERS:,}個）。")
        total = sum(i.file_size for i in infos)
        if total > XLSX_MAX_TOTAL:
            raise DocumentInputError(f"宛先ファイル {self.path} は展開後の大きさが上限（{XLSX_MAX_TOTAL // mb:,} MB）を"
                                     f"超えています（{total // mb:,} MB）。CSVで保存するか、ファイルを分けてください。")
        for info in infos:
            shared = info.filename.lower().endswith("sharedstrings.xml")
            cap = XLSX_MAX_SHARED if shared else XLSX_MAX_MEMBER
            if info.file_size > cap:
                what = "文字列の表（sharedStrings.xml）" if shared else info.filename
                raise DocumentInputError(
                    f"宛先ファイル {self.path} の{_shown(what, 60)}は展開後の大きさが上限（{cap // mb:,} MB）を超えています"
                    f"（{info.file_size // mb:,} MB）。CSVで保存するか、ファイルを分けてください。")

    # --- rows -------------------------------------------------------------------------
    def _get(self, rec: list[Any], key: str, sep: str = "") -> str:
        vals = [_cell(rec[i]) for i in self.columns[key] if i < len(rec)]
        return sep.join(v for v in vals if v)

    def _problem(self, raw: _Raw) -> str:
        """Why this record cannot become a letter ('' when it can)."""
        if raw.problem:
            return raw.problem
        if self.kind == "csv" and len(raw.cells) == self.width and '"' not in raw.line:
            # the common case, fast: all cells are text; only length and line breaks to check
            used = [raw.cells[i] for i in self._used]
            if max(map(len, used), default=0) <= MAX_CELL and not _SUSPECT.search("".join(used)):
                return ""
        if self.kind == "csv":
            if raw.line and raw.line.count('"') and not _strict_ok(raw.line):
                return "引用符（\"）の使い方が正しくありません（CSVの書式の誤り）"
            if len(raw.cells) > self.width:
                return (f"欄の数（{len(raw.cells)}）が見出しの列の数（{self.width}）より多くなっています"
                        "（住所などの「,」が引用符で囲まれていない可能性があります）")
            if len(raw.cells) < self.width and '"' in raw.line:
                return (f"欄の数（{len(raw.cells)}）が見出しの列の数（{self.width}）より少なく、引用符（\"）が"
                        "区切りの「,」を含んでいます（引用符の誤りの可能性があります）")
        for key in USED:
            for i in self.columns[key]:
                if i >= len(raw.cells):
                    continue
                v = raw.cells[i]
                label = LABEL[key]
                if isinstance(v, _Formula):
                    return (f"「{label}」の欄（{v.col}列目）は数式で、計算結果が保存されていません（Excelで開いて保存し直すか、"
                            "値として貼り付けてください）")
                if isinstance(v, datetime | date | time):
                    return f"「{label}」の欄が日付・時刻の値になっています（文字列として入力し直してください）"
                if isinstance(v, bool):
                    return f"「{label}」の欄が TRUE/FALSE の値になっています"
                if isinstance(v, float) and not v.is_integer():
                    return f"「{label}」の欄が小数の値になっています"
                text = _cell(v)
                if len(text) > MAX_CELL:
                    return f"「{label}」の欄が長すぎます（{len(text):,}文字、上限 {MAX_CELL:,}文字）"
                if _BREAKS.intersection(text):
                    return f"「{label}」の欄に改行が含まれています（1人分の値が複数の行にわたっています）"
                if self.kind == "csv" and '"' in text:
                    return f"「{label}」の欄に引用符（\"）が含まれています（CSVの書式の誤りの可能性があります）"
                if key == "postal" and isinstance(v, int | float) and len(text) < 7:
                    return "「郵便番号」が数値として保存され、先頭の0が失われています（文字列として入力し直してください）"
        return ""

    def _rows(self) -> Iterator[Recipient | RowError]:
        it = self._raw_rows()
        next(it, None)  # header
        for raw in it:
            self.records += 1
            if raw.start - 1 > MAX_ROWS:
                raise DocumentInputError(f"宛先ファイル {self.path} の行が多すぎます（上限 {MAX_ROWS:,}行）。"
                                         "ファイルを分けてください。")
            if raw.end != raw.start:
                reason = (f"引用符（\"）が閉じられていないため、{raw.start}行目〜{raw.end}行目が1件の宛先としてつながって"
                          f"います（{raw.end - raw.start + 1}行分）。この範囲の行からは通知文を作成していません")
                for n in range(raw.start, raw.end + 1):
                    yield RowError(n, reason)
                continue
            if not any(_cell(v) for v in raw.cells):
                continue  # an empty line holds no person
            problem = self._problem(raw)
            name = self._get(raw.cells, "name", " ")
            address = self._get(raw.cells, "address", " ")
            email = self._get(raw.cells, "email")
            if problem:
                yield RowError(raw.start, problem)
            elif not name:
                yield RowError(raw.start, "氏名がありません")
            elif not _visible(name):
                yield RowError(raw.start, "氏名がありません（表示されない文字だけです）")
            elif _NOT_A_NAME.fullmatch(name):
                yield RowError(raw.start, "「氏名」の欄が数字・記号だけです（列がずれている可能性があります）")
            elif "@" in name and " " not in name.strip():
                yield RowError(raw.start, "「氏名」の欄がメールアドレスのようです（列がずれている可能性があります）")
            elif not address and not email:
                yield RowError(raw.start, "住所・メールアドレスのいずれもありません")
            else:
                yield Recipient(raw.start, name, self._get(raw.cells, "honorific") or "様",
                                self._get(raw.cells, "postal"), address, email)

    def rows(self) -> Iterator[Recipient | RowError]:
        """Recipients and bad rows in file order; past MAX_ROW_ERRORS bad rows, one summary entry."""
        self.records = 0
        errors = 0
        first_hidden = 0
        for item in self._rows():
            if isinstance(item, RowError):
                errors += 1
                if errors > MAX_ROW_ERRORS:
                    first_hidden = first_hidden or item.row
                    continue
            yield item
        if errors > MAX_ROW_ERRORS:
            yield RowError(first_hidden, f"このほか{first_hidden}行目以降の{errors - MAX_ROW_ERRORS:,}行も作成できません"
                                         f"でした（一覧は最初の{MAX_ROW_ERRORS:,}行まで。合計 {errors:,}行）",
                           errors - MAX_ROW_ERRORS)

    def count(self) -> int:
        """Data rows (cheap streaming pass; used for progress totals). Raises on a bad file."""
        return sum(1 for _ in self.rows())


@dataclass(frozen=True)
class _Formula:
    """An XLSX formula cell without a stored result."""

    col: int

    def __str__(self) -> str:
        return ""


def _count(zf: zipfile.ZipFile, info: zipfile.ZipInfo, needles: tuple[bytes, ...]) -> int:
    """Occurrences of the byte strings in one archive member, streamed (sizes checked before)."""
    total, tail = 0, b""
    with zf.open(info) as member:
        while chunk := member.read(1 << 20):
            data = tail + chunk
            total += sum(data.count(n) for n in needles)
            tail = data[-8:]
            total -= sum(tail.count(n) for n in needles)  # counted again with the next chunk
    return total + sum(tail.count(n) for n in needles)


def _strict_ok(line: str) -> bool:
    try:
        for _ in csv.reader([line], strict=True):
            pass
    except csv.Error:
        return False
    return True
