"""Recipients lists: three CSV encodings and XLSX, bad rows in the manifest, chunking, bad files."""
from __future__ import annotations

import pytest
from docfixtures import case_answers, docx_text, incident, outcome

from wizard.documents import api
from wizard.documents.api import render_bundle
from wizard.documents.errors import DocumentInputError

ROWS = [
    ["氏名", "郵便番号", "住所", "メールアドレス", "敬称"],
    ["山田 太郎", "100-0001", "東京都千代田区千代田1-1", "", ""],
    ["", "100-0002", "東京都千代田区2", "", ""],            # row 3: no name
    ["𠮷田 花子", "", "", "hanako@example.jp", "殿"],
    ["鈴木 一郎", "", "", "", ""],                          # row 5: neither address nor e-mail
    ["", "", "", "", ""],                                   # empty line: no person
    ["佐藤 & <次郎>", "", "大阪府大阪市北区1", "", ""],
]


def _csv(path, encoding: str) -> None:
    text = "\r\n".join(",".join(f'"{c}"' for c in r) for r in ROWS) + "\r\n"
    if encoding == "cp932":
        text = text.replace("𠮷", "吉")
    path.write_bytes(text.encode(encoding))


def _run(tmp_path, recipients):
    out = tmp_path / "out"
    m = render_bundle(incident(case_answers("S01")), outcome("ppc"), out, recipients_path=recipients)
    letters = [d for d in m["documents"] if d["id"] == "subject_notice"]
    return m, letters, out


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_csv_encodings(tmp_path, encoding) -> None:
    src = tmp_path / "r.csv"
    _csv(src, encoding)
    m, letters, out = _run(tmp_path, src)
    assert [d["letters"] for d in letters] == [2, 1]   # two postal letters; the e-mail-only row gets an e-mail
    assert m["errors"] == [{"row": 3, "reason": "氏名がありません"},
                           {"row": 5, "reason": "住所・メールアドレスのいずれもありません"}]
    text = docx_text(out / letters[0]["path"])
    assert "山田 太郎　様" in text and "〒100-0001" in text and "佐藤 & <次郎>　様" in text
    assert "花子" not in text and "hanako@" not in text
    mail = (out / letters[1]["path"]).read_bytes()
    assert letters[1]["path"].endswith(".eml") and b"hanako@example.jp" in mail


def test_xlsx(tmp_path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in ROWS:
        ws.append([c or None for c in r])
    src = tmp_path / "r.xlsx"
    wb.save(src)
    m, letters, _ = _run(tmp_path, src)
    assert [d["letters"] for d in letters] == [2, 1]
    assert [e["row"] for e in m["errors"]] == [3, 5]


def test_chunks_and_page_breaks(tmp_path, monkeypatch) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    monkeypatch.setattr(api, "LETTERS_PER_FILE", 2)
    src = tmp_path / "r.csv"
    src.write_text("氏名,住所\n" + "".join(f"人{i},住所{i}\n" for i in range(5)), encoding="utf-8")
    m, letters, out = _run(tmp_path, src)
    assert [d["letters"] for d in letters] == [2, 2, 1]
    assert [d["path"] for d in letters] == ["subject_notice_001.docx", "subject_notice_002.docx",
                                            "subject_notice_003.docx"]
    doc = Document(str(out / letters[0]["path"]))
    breaks = [b for b in doc.element.body.iter(qn("w:br")) if b.get(qn("w:type")) == "page"]
    assert len(breaks) == 1


def test_undecodable_file_is_an_input_error_and_writes_nothing(tmp_path) -> None:
    src = tmp_path / "bad.csv"
    src.write_bytes("氏名,住所\n".encode() + b"\x81\xff\xfe\x80\n")
    with pytest.raises(DocumentInputError, match="bad.csv"):
        _run(tmp_path, src)
    assert not (tmp_path / "out").exists()


def test_missing_columns(tmp_path) -> None:
    src = tmp_path / "cols.csv"
    src.write_text("名前だけ,電話\nA,1\n", encoding="utf-8")
    with pytest.raises(DocumentInputError, match="必要な列"):
        _run(tmp_path, src)


def test_list_without_a_usable_row_still_gives_one_notice(tmp_path) -> None:
    src = tmp_path / "r.csv"
    src.write_text("氏名,住所\n,\n鈴木 一郎,\n", encoding="utf-8")
    m, letters, _ = _run(tmp_path, src)
    assert [d["letters"] for d in letters] == [1]
    assert {"row": 3, "reason": "住所・メールアドレスのいずれもありません"} in m["errors"]
    assert any(e["row"] == 1 and "有効な宛先" in e["reason"] for e in m["errors"])


def test_email_drafts_are_one_message_per_row_and_headers_stay_single_line(tmp_path) -> None:
    from email import message_from_bytes
    from email.policy import default

    src = tmp_path / "r.csv"
    src.write_text('氏名,メールアドレス,住所\n"山田 太郎 Bcc: evil@example.com",taro@example.jp,\n'
                   "鈴木 花子,not-an-address,\n田中 次郎,jiro@example.jp,大阪府大阪市北区1\n", encoding="utf-8")
    a = case_answers("S01", **{"response.notice_method": "email"})
    m = render_bundle(incident(a), outcome("ppc"), tmp_path / "out", recipients_path=src)
    mails = [d for d in m["documents"] if d["path"].endswith(".eml")]
    assert len(mails) == 2 and not [d for d in m["documents"] if d["path"].startswith("subject_notice_0")]
    assert {"row": 3, "reason": "メールアドレスの形式が正しくありません（電子メールは作成しません）"} in m["errors"]
    first = message_from_bytes((tmp_path / "out" / mails[0]["path"]).read_bytes(), policy=default)
    assert first["Bcc"] is None and first["To"].addresses[0].addr_spec == "taro@example.jp"
    assert first.get_content().startswith("山田 太郎 Bcc: evil@example.com　様\n")
    assert "〒" not in first.get_content() and "大阪府" not in first.get_content()
