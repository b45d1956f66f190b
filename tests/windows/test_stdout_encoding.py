"""`rouei-wizard.exe assess FILE | …` on a Japanese Windows: stdout is a cp932 pipe.

Text output keeps the code page (what cmd, PowerShell and Notepad of that PC
read) and replaces only what cp932 lacks, saying so on stderr; JSON is UTF-8.
Simulated here with a cp932 TextIOWrapper over a BytesIO.
"""
import io
import json
import sys

from hypothesis import given
from hypothesis import strategies as st

from wizard import cli
from wizard.windows import CP932_LOOKALIKES, configure_stdio, lossy

TITLE = "𠮷田支店〜ノートPC盗難"
INCIDENT = {
    "format": "rouei-incident/1",
    "answers": {
        "org.name": "株式会社𠮷野商事", "org.sector": "general", "org.prefecture": "東京都",
        "incident.title": TITLE, "incident.known_on": "2026-11-04", "incident.cause": "theft",
        "incident.left_premises": "yes", "data.subjects": 12, "data.items": ["氏名", "住所"],
    },
}


def cp932_stream() -> tuple[io.TextIOWrapper, io.BytesIO]:
    raw = io.BytesIO()
    return io.TextIOWrapper(raw, encoding="cp932", newline="\r\n"), raw


def run(monkeypatch, args):
    out, out_raw = cp932_stream()
    err, err_raw = cp932_stream()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    rc = cli.main(args)
    out.flush()
    err.flush()
    return rc, out_raw.getvalue(), err_raw.getvalue()


def write_incident(tmp_path, doc=INCIDENT):
    path = tmp_path / "incident.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_text_output_to_a_cp932_pipe_replaces_and_says_so(monkeypatch, tmp_path):
    rc, out, err = run(monkeypatch, ["assess", write_incident(tmp_path), "--today", "2026-11-05"])
    assert rc == 0, err.decode("cp932")
    text = out.decode("cp932")  # strict: every byte is valid cp932
    assert "?田支店～ノートPC盗難" in text  # 𠮷 has no cp932 code; 〜 U+301C has its look-alike ～
    assert "報告義務: あり" in text
    assert "\r\n" in text
    note = err.decode("cp932")
    assert "cp932" in note and "--json" in note


def test_no_note_when_nothing_is_lost(monkeypatch, tmp_path):
    doc = json.loads(json.dumps(INCIDENT))
    doc["answers"].update({"incident.title": "ノートPC盗難〜社外", "org.name": "株式会社吉野商事"})
    rc, out, err = run(monkeypatch, ["assess", write_incident(tmp_path, doc), "--today", "2026-11-05"])
    assert rc == 0
    assert "ノートPC盗難～社外" in out.decode("cp932")
    assert err == b""


def test_json_is_utf8_whatever_the_code_page(monkeypatch, tmp_path):
    rc, out, err = run(monkeypatch, ["assess", write_incident(tmp_path), "--json", "--today", "2026-11-05"])
    assert rc == 0, err.decode("cp932")
    outcome = json.loads(out.decode("utf-8"))
    assert outcome["appi"]["required"] is True
    assert "個人情報保護委員会".encode() in out  # UTF-8 bytes, not cp932 ones
    assert "個人情報保護委員会".encode("cp932") not in out


def test_schema_is_utf8_json(monkeypatch):
    rc, out, _ = run(monkeypatch, ["schema"])
    assert rc == 0
    assert json.loads(out.decode("utf-8"))["properties"]["format"]["const"] == "rouei-incident/1"


def test_error_message_naming_a_cp932_less_key_is_shown_not_a_crash(monkeypatch, tmp_path):
    doc = json.loads(json.dumps(INCIDENT))
    doc["answers"]["𠮷"] = 1
    rc, out, err = run(monkeypatch, ["assess", write_incident(tmp_path, doc)])
    assert rc == 2
    msg = err.decode("cp932")
    assert "未知の事実ID「?」" in msg and "内部エラー" not in msg


def test_utf8_streams_are_left_alone():
    raw = io.BytesIO()
    s = io.TextIOWrapper(raw, encoding="utf-8")
    configure_stdio(s)
    assert s.errors == "strict"
    s.write(TITLE)
    s.flush()
    assert raw.getvalue().decode("utf-8") == TITLE


def test_streams_without_reconfigure_are_skipped():
    configure_stdio(None, object())  # pythonw.exe / a windowed exe has sys.stdout None


def _expected(text: str) -> tuple[str, bool]:
    """What a cp932 reader gets back, and whether a character was lost."""
    out, lost = [], False
    for ch in text:
        try:
            ch.encode("cp932")
            out.append(ch)
        except UnicodeEncodeError:
            alt = CP932_LOOKALIKES.get(ch)
            lost = lost or alt is None
            out.append("?" if alt is None else alt)
    return "".join(out).encode("cp932").decode("cp932"), lost


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40))
def test_any_text_reaches_a_cp932_pipe(text):
    raw = io.BytesIO()
    s = io.TextIOWrapper(raw, encoding="cp932", newline="\n")
    configure_stdio(s)
    s.write(text)
    s.flush()
    want, lost = _expected(text)
    assert raw.getvalue().decode("cp932") == want
    assert lossy(text, "cp932") == lost


def _process(args, tmp_path):
    """The real program with its standard streams as cp932 pipes (what a Japanese Windows gives)."""
    import os
    import subprocess
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONIOENCODING="cp932", QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(root / "main.py"), *args], capture_output=True, env=env,
                          cwd=tmp_path, timeout=120, check=False)


def test_process_with_cp932_pipes(tmp_path):
    path = write_incident(tmp_path)
    text = _process(["assess", path, "--today", "2026-11-05"], tmp_path)
    assert text.returncode == 0, text.stderr.decode("cp932", "replace")
    assert "?田支店～ノートPC盗難" in text.stdout.decode("cp932")
    assert "cp932" in text.stderr.decode("cp932")
    js = _process(["assess", path, "--json", "--today", "2026-11-05"], tmp_path)
    assert js.returncode == 0
    assert json.loads(js.stdout.decode("utf-8"))["appi"]["required"] is True
