"""Recipients lists (issue 11 items 1, 14, 18, 19): a letter never carries another row's content."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hostilekit import assert_japanese_only, cli, docx_text, write_incident
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.documents import recipients as rmod
from wizard.documents.errors import DocumentInputError
from wizard.documents.recipients import Recipient, RecipientsFile, RowError


def _csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def _people(n: int) -> list[str]:
    return [f"氏名{i}様,東京都千代田区{i}番地" for i in range(2, n + 2)]


def test_issue_case_stray_quotes_make_every_touched_row_an_error(tmp_path: Path, capsys) -> None:
    """Row 5 starts with a stray quote, row 12 ends with one: rows 5–12 are errors, 12 letters, and
    no letter shows any of the eight swallowed people (before: 13 letters, the 12th showing 8 persons)."""
    lines = ["氏名,住所", *_people(20)]
    lines[4] = '"' + lines[4]
    lines[11] = lines[11] + '"'
    folder = tmp_path / "case"
    write_incident(folder)
    _csv(folder / "recipients.csv", lines)
    rc, out, err = cli("render", str(folder / "incident.json"), "--out", str(tmp_path / "out"),
                       "--recipients", str(folder / "recipients.csv"), "--today", "2026-11-04", capsys=capsys)
    assert rc == 0, err
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(e["row"] for e in manifest["errors"]) == list(range(5, 13))
    assert all("5行目〜12行目" in e["reason"] for e in manifest["errors"])
    letters = [d for d in manifest["documents"] if d["id"] == "subject_notice"]
    assert sum(d["letters"] for d in letters) == 12
    text = "".join(docx_text(tmp_path / "out" / d["path"]) for d in letters)
    for i in range(5, 13):
        assert f"氏名{i}様" not in text and f"千代田区{i}番地" not in text
    for i in [*range(2, 5), *range(13, 22)]:
        assert f"氏名{i}様" in text


def test_a_swallowed_delimiter_or_a_shifted_row_is_an_error(tmp_path: Path) -> None:
    lines = ["氏名,住所,メールアドレス",
             '"山田,東京都港区",yamada@example.jp',        # the quote swallowed the comma: name+address in one
             "佐藤,東京都新宿区1,2丁目,sato@example.jp",     # one comma too many: the e-mail shifted
             '鈴木,"東京都"中野区,suzuki@example.jp',        # a quote in the middle of a cell
             "田中,東京都\u2028中野区,t@example.jp",          # a line separator inside a cell
             '"Smith, John",Tokyo,smith@example.jp']          # well-formed quoting: kept
    items = list(RecipientsFile(_csv(tmp_path / "r.csv", lines)).rows())
    errors = {i.row: i.reason for i in items if isinstance(i, RowError)}
    assert set(errors) == {2, 3, 4, 5}, errors
    assert "少なく" in errors[2] and "多く" in errors[3] and "引用符" in errors[4] and "改行" in errors[5]
    assert [i.name for i in items if isinstance(i, Recipient)] == ["Smith, John"]


def test_a_line_break_inside_a_quoted_cell_errors_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text('氏名,住所\n"山田\n太郎",東京都\n佐藤,大阪府\n', encoding="utf-8")
    f = RecipientsFile(path)
    items = list(f.rows())
    assert [(i.row, type(i).__name__) for i in items] == [(2, "RowError"), (3, "RowError"), (4, "Recipient")]
    assert f.physical_lines == 4 and f.records == 2  # the mismatch is reported, row by row


def test_a_runaway_quote_past_the_field_limit_is_a_japanese_file_error(tmp_path: Path) -> None:
    lines = ["氏名,住所", '"山田,東京都', *(f"行{i},{'x' * 200}" for i in range(2000))]
    with pytest.raises(DocumentInputError) as exc:
        RecipientsFile(_csv(tmp_path / "r.csv", lines)).count()
    assert "2行目から始まる欄が長すぎます" in str(exc.value)
    assert_japanese_only(str(exc.value))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 3), st.sampled_from(['"', '""', '",', ',"', '"\n', '\n"'])),
                min_size=1, max_size=6),
       st.integers(3, 12))
def test_broken_quoting_never_yields_a_letter_with_two_persons(tmp_path_factory, damage, n) -> None:
    """Property: stray quotes anywhere in a list; every letter holds exactly one person's own data."""
    rows = [[f"P{i:02d}名", f"P{i:02d}住所", f"p{i:02d}@example.jp"] for i in range(n)]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["氏名", "住所", "メールアドレス"])
    w.writerows(rows)
    text = buf.getvalue()
    for where, junk in damage:  # insert each piece of damage next to a cell of some row
        marks = [m.start() for m in re.finditer("P[0-9]{2}", text)]
        pos = marks[(where * 7) % len(marks)]
        text = text[:pos] + junk + text[pos:]
    path = tmp_path_factory.mktemp("q") / "r.csv"
    path.write_text(text, encoding="utf-8")
    try:
        items = list(RecipientsFile(path).rows())
    except DocumentInputError:
        return  # the whole file refused with a message: no letter at all
    for item in items:
        if isinstance(item, Recipient):
            persons = set(re.findall("[Pp]([0-9]{2})", item.name + item.address + item.email))
            assert len(persons) == 1, item
            assert '"' not in item.name + item.address + item.email, item


def test_mixed_encodings_are_named_by_line(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("氏名,住所\n山田,東京都\n".encode() + "佐藤,大阪府\n".encode("cp932"))
    with pytest.raises(DocumentInputError) as exc:
        RecipientsFile(path)
    assert "3行目で文字コードが混在" in str(exc.value)
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + "氏名,住所\n".encode() + "佐藤,大阪府\n".encode("cp932"))
    with pytest.raises(DocumentInputError) as exc:
        RecipientsFile(bom)
    assert "2行目で文字コードが混在" in str(exc.value)
    # one encoding throughout is fine, either one
    for enc in ("utf-8", "cp932", "utf-8-sig"):
        ok = _csv(tmp_path / f"{enc}.csv", ["氏名,住所", "山田,東京都", "佐藤,大阪府"], enc)
        assert RecipientsFile(ok).count() == 2


def test_the_first_line_of_a_foreign_file_is_never_echoed(tmp_path: Path) -> None:
    path = _csv(tmp_path / "passwd.csv", ["root:x:0:0:root:/root:/bin/bash", "daemon:x:1:1::/usr/sbin"])
    with pytest.raises(DocumentInputError) as exc:
        RecipientsFile(path)
    assert "x:0:0" not in str(exc.value) and "bash" not in str(exc.value) and "daemon" not in str(exc.value)
    assert "該当する列なし" in str(exc.value)


def test_the_error_list_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rmod, "MAX_ROW_ERRORS", 10)
    lines = ["氏名,住所", *(f"名{i}," for i in range(25)), "山田,東京都"]
    items = list(RecipientsFile(_csv(tmp_path / "r.csv", lines)).rows())
    errors = [i for i in items if isinstance(i, RowError)]
    assert len(errors) == 11
    assert "12行目以降の15行" in errors[-1].reason and "合計 25行" in errors[-1].reason
    assert errors[-1].rows == 15 and all(e.rows == 1 for e in errors[:-1])
    assert [i.name for i in items if isinstance(i, Recipient)] == ["山田"]


def test_a_long_cell_is_a_row_error_not_cut(tmp_path: Path) -> None:
    lines = ["氏名,住所", "山田," + "長" * (rmod.MAX_CELL + 1), "佐藤," + "短" * rmod.MAX_CELL]
    items = list(RecipientsFile(_csv(tmp_path / "r.csv", lines)).rows())
    assert isinstance(items[0], RowError) and "長すぎます" in items[0].reason
    assert isinstance(items[1], Recipient) and items[1].address == "短" * rmod.MAX_CELL


def test_rows_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rmod, "MAX_ROWS", 5)
    ok = _csv(tmp_path / "ok.csv", ["氏名,住所", *_people(5)])
    assert RecipientsFile(ok).count() == 5
    big = _csv(tmp_path / "big.csv", ["氏名,住所", *_people(6)])
    with pytest.raises(DocumentInputError, match="行が多すぎます（上限 5行）"):
        RecipientsFile(big).count()


# --- XLSX ------------------------------------------------------------------------------------
def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_xlsx_formula_without_value_and_date_as_name_are_row_errors(tmp_path: Path) -> None:
    from datetime import datetime

    path = _xlsx(tmp_path / "r.xlsx", [["氏名", "住所", "郵便番号"], ["=B3", "東京都", "1000001"],
                                       [datetime(2026, 1, 1), "大阪府", "5300001"], ["山田", "京都府", 600001],
                                       ["佐藤", "福岡県", "8100001"]])
    items = list(RecipientsFile(path).rows())  # openpyxl stores no cached value for a formula
    reasons = {i.row: i.reason for i in items if isinstance(i, RowError)}
    assert "数式" in reasons[2] and "計算結果が保存されていません" in reasons[2]
    assert "日付" in reasons[3]
    assert "先頭の0" in reasons[4]
    assert [i.name for i in items if isinstance(i, Recipient)] == ["佐藤"]
    assert not any("00:00:00" in str(i) for i in items)


def test_xlsx_that_is_not_a_zip_says_so_in_japanese(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(DocumentInputError) as exc:
        RecipientsFile(path)
    assert "ZIP形式ではありません" in str(exc.value)
    assert_japanese_only(str(exc.value))


def test_xlsx_bomb_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A huge shared-strings table or sheet in a small archive (the 1 MB file with a 1 GB string,
    scaled down) is refused from the sizes the archive declares, before openpyxl reads it."""
    import zipfile

    base = _xlsx(tmp_path / "base.xlsx", [["氏名", "住所"], ["山田", "東京都"]])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("xl/sharedStrings.xml", "<sst><si><t>" + "x" * 3_000_000 + "</t></si></sst>")
    assert bomb.stat().st_size < 100_000
    monkeypatch.setattr(rmod, "XLSX_MAX_SHARED", 1_000_000)
    with pytest.raises(DocumentInputError, match="sharedStrings.xml.*上限"):
        RecipientsFile(bomb)
    monkeypatch.setattr(rmod, "XLSX_MAX_SHARED", 32 * 1024 * 1024)
    monkeypatch.setattr(rmod, "XLSX_MAX_TOTAL", 2_000_000)
    with pytest.raises(DocumentInputError, match="展開後の大きさが上限"):
        RecipientsFile(bomb)
    monkeypatch.setattr(rmod, "XLSX_MAX_TOTAL", 160 * 1024 * 1024)
    monkeypatch.setattr(rmod, "XLSX_MAX_STRINGS", 0)  # 50 M tiny strings, scaled down: counted first
    with pytest.raises(DocumentInputError, match="文字列の数が多すぎます"):
        RecipientsFile(bomb)
    assert RecipientsFile(base).count() == 1


def test_control_and_bidi_characters_never_reach_a_letter(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "c"
    write_incident(folder)
    _csv(folder / "r.csv", ["氏名,住所", "山田\u202e太郎\u2066\u009f,東京都\u200f港区", "佐藤\u0085花子,大阪府"])
    rc, _, err = cli("render", str(folder / "incident.json"), "--out", str(tmp_path / "out"),
                     "--recipients", str(folder / "r.csv"), "--today", "2026-11-04", capsys=capsys)
    assert rc == 0, err
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    letter = next(d for d in manifest["documents"] if d["id"] == "subject_notice")
    text = docx_text(tmp_path / "out" / letter["path"])
    assert "山田太郎" in text and "東京都港区" in text
    assert not re.search("[\u0080-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]", text)
    assert "花子" not in text  # NEL (U+0085) breaks a line: that row is an error, not a letter
    assert [e["row"] for e in manifest["errors"]] == [3] and "改行" in manifest["errors"][0]["reason"]


def test_xlsx_claiming_the_last_cell_of_the_sheet_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A few-KB sheet with one cell at XFD1048576 made openpyxl pad 1 M rows × 16,384 columns (hung)."""
    import zipfile

    base = _xlsx(tmp_path / "base.xlsx", [["氏名", "住所"], ["山田", "東京都"]])
    far = tmp_path / "far.xlsx"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(far, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', data)
                data = data.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr">'
                                    b"<is><t>x</t></is></c></row></sheetData>")
            dst.writestr(info, data)
    monkeypatch.setattr(rmod, "MAX_ROWS", 5_000)
    with pytest.raises(DocumentInputError, match="行が多すぎます"):
        RecipientsFile(far).count()
    monkeypatch.setattr(rmod, "MAX_ROWS", 1_100_000)
    items = list(RecipientsFile(far).rows())  # padded empty rows cost O(1) each
    assert [i.name for i in items if isinstance(i, Recipient)] == ["山田"]


def test_shifted_columns_are_row_errors(tmp_path: Path) -> None:
    lines = ["氏名,住所,メールアドレス", "100-0001,東京都,", "yamada@example.jp,東京都,", "佐藤,,s@example.jp",
             "John Smith @ ACME,London,"]
    items = list(RecipientsFile(_csv(tmp_path / "r.csv", lines)).rows())
    reasons = {i.row: i.reason for i in items if isinstance(i, RowError)}
    assert "数字・記号だけ" in reasons[2] and "メールアドレスのよう" in reasons[3]
    assert [i.name for i in items if isinstance(i, Recipient)] == ["佐藤", "John Smith @ ACME"]


def test_two_name_columns_are_refused_not_joined(tmp_path: Path) -> None:
    """「氏名,氏名,住所」 joined two persons into one addressee; 住所1・住所2 stay one address."""
    for header in ("氏名,氏名,住所", "氏名,住所,メール,メールアドレス", "名前,宛名,住所"):
        with pytest.raises(DocumentInputError, match="複数あります"):
            RecipientsFile(_csv(tmp_path / "r.csv", [header, "山田,佐藤,東京都,x"]))
    ok = RecipientsFile(_csv(tmp_path / "ok.csv", ["氏名,住所1,住所2", "山田,東京都千代田区,一番町1"]))
    assert [i.address for i in ok.rows() if isinstance(i, Recipient)] == ["東京都千代田区 一番町1"]
