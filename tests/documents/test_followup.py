"""続報 (--previous): changed items underlined, unchanged not, previous report date stated."""
from __future__ import annotations

from docfixtures import case_answers, incident, outcome
from docx import Document

from wizard.documents import api
from wizard.documents.api import render_bundle


def _rows(path):
    """label → set of underline flags of the visible runs of the value cell."""
    return {label: {u for _, u in runs} for label, runs in _runs(path).items()}


def _runs(path):
    doc = Document(str(path))
    table = max(doc.tables, key=lambda t: len(t.rows))
    result = {}
    for row in table.rows:
        label, cell = row.cells[0].text, row.cells[1]
        result[label] = [(r.text, bool(r.underline)) for p in cell.paragraphs for r in p.runs if r.text.strip()]
    return result


def _underlined(path, label):
    return "".join(t for t, u in _runs(path)[label] if u)


def test_changed_items_underlined_only(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(api, "_assess", lambda inc: outcome("ppc"))
    prev = case_answers("S01")
    cur = case_answers("S01", **{"response.prevention": "全社員に研修を実施した。", "report.stage": "final",
                                 "report.date": "2026-07-01"})
    m = render_bundle(incident(cur), outcome("ppc"), tmp_path, previous=incident(prev))
    path = tmp_path / next(d["path"] for d in m["documents"] if d["id"] == "appi_report")
    rows = _rows(path)
    assert rows["再発防止のための措置"] == {True}   # a wholly new sentence
    assert rows["報告種別"] == {True, False}       # only the changed words of the row
    for label in ("概要", "原因", "発生事実", "二次被害又はそのおそれの有無及びその内容"):
        assert rows[label] == {False}, label
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "前回報告から記載を変更した箇所に下線" in text
    cells = "\n".join(c.text for t in Document(str(path)).tables for r in t.rows for c in r.cells)
    assert "続報（前回報告：令和8年6月10日）" in cells


def test_first_report_has_no_underline(tmp_path) -> None:
    m = render_bundle(incident(case_answers("S01")), outcome("ppc"), tmp_path)
    path = tmp_path / next(d["path"] for d in m["documents"] if d["id"] == "appi_report")
    assert all(v == {False} for v in _rows(path).values())


def test_only_changed_words_are_underlined(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(api, "_assess", lambda inc: outcome("ppc"))
    prev = case_answers("S01", **{"incident.summary": "受講者20名に案内メールを送信した。宛先をBCCにしなかった。"})
    cur = case_answers("S01", **{"incident.summary": "受講者25名に案内メールを送信した。宛先をBCCにしなかった。",
                                 "report.stage": "final", "report.date": "2026-07-01"})
    m = render_bundle(incident(cur), outcome("ppc"), tmp_path, previous=incident(prev))
    path = tmp_path / next(d["path"] for d in m["documents"] if d["id"] == "appi_report")
    assert _underlined(path, "概要") == "25"          # not the dates, not the unchanged sentence
    whole = "".join(t for t, _ in _runs(path)["概要"])
    assert "発覚日（知った日）" in whole and "宛先をBCCにしなかった。" in whole


def test_second_letter_says_second_notice(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(api, "_assess", lambda inc: outcome("ppc"))
    cur = case_answers("S01", **{"report.stage": "final", "report.date": "2026-07-01"})
    m = render_bundle(incident(cur), outcome("ppc"), tmp_path, previous=incident(case_answers("S01")))
    from docfixtures import docx_text
    text = docx_text(tmp_path / next(d["path"] for d in m["documents"] if d["id"] == "subject_notice"))
    assert "お詫びとお知らせ（第二報）" in text and "令和8年6月10日付けでお知らせいたしました" in text
