"""`main.py check` on Windows: the template rebuild must equal the committed bytes.

zipfile.ZipInfo() records the creating system from sys.platform at construction
(0 = MS-DOS on win32, 3 = Unix elsewhere), and that byte is part of every zip
header.  templates/docxkit.py sets it explicitly; here sys.platform is win32.
"""
import io
import sys
import zipfile

from wizard.documents.check import check_templates
from wizard.documents.engine import TEMPLATES_DIR


def _zip_bytes(name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
    return out.getvalue()


def test_win32_zipinfo_differs_so_the_simulation_is_real(monkeypatch):
    linux = _zip_bytes("word/document.xml", b"<w:document/>")
    monkeypatch.setattr(sys, "platform", "win32")
    assert zipfile.ZipInfo("a").create_system == 0
    assert _zip_bytes("word/document.xml", b"<w:document/>") != linux  # one header byte apart


def test_check_rebuilds_committed_templates_on_win32(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    problems = check_templates()
    assert not [p for p in problems if "一致しません" in p], problems


def test_committed_templates_say_unix(monkeypatch):
    docs = sorted(TEMPLATES_DIR.glob("*.docx"))
    assert len(docs) >= 10
    for path in docs:
        with zipfile.ZipFile(path) as z:
            assert {i.create_system for i in z.infolist()} == {3}, path.name
