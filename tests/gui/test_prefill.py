"""The person-facing texts are shown prefilled for editing (issue 10): generated safe sentences,
never a response.* text; what is saved is what the field holds.  報告の種類・報告日 are asked
only when a report is to be drafted; the result page copies the form fields with the outcome."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wizard.engine.session import REPORT_ONLY, Session, report_needed
from wizard.gui import prefill

ROOT = Path(__file__).resolve().parents[2]
SHOP = ROOT / "tests" / "documents" / "incidents" / "shop_preliminary.json"
ATTACK = ("EC-CUBE", "CVE-2021-20717", "198.51.100", "JavaScript", "WAF", "4.2.3")


def skimming_file(tmp_path: Path, **changes: Any) -> Path:
    doc = json.loads(SHOP.read_text(encoding="utf-8"))
    doc["answers"] = {k: v for k, v in doc["answers"].items() if not k.startswith("notice.") and k != "org.self_name"}
    doc["answers"].update(changes)
    p = tmp_path / "shop.json"
    p.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return p


def test_skimming_notice_page_shows_safe_sentences_never_the_regulator_text(make_window: Any, tmp_path: Path) -> None:
    w = make_window()
    assert w.files.load(skimming_file(tmp_path))
    w.show_page("notice_texts")
    page = w.question_page
    cause = page.field_for("notice_cause").value()
    assert "決済（入力）画面が改ざんされた" in cause  # the safe sentence for skimming
    shown = " ".join(str(page.field_for(q).value()) for q in page.order)
    assert not [t for t in ATTACK if t in shown]
    assert page.field_for("notice_self_name").value() == "当社"
    # what is saved is what the field holds: the user edits one text, keeps the others
    page.field_for("notice_prevention").set_value("決済画面の監視を強化いたします。")
    w.go_next()
    a = w.session.answers
    assert a["notice.prevention"] == "決済画面の監視を強化いたします。"
    assert a["notice.cause"] == cause
    assert not [t for t in ATTACK if any(t in str(a.get(k, "")) for k in prefill.NOTICE_FACTS)]


def test_an_answered_text_is_shown_as_answered_not_regenerated(make_window: Any, tmp_path: Path) -> None:
    w = make_window()
    assert w.files.load(skimming_file(tmp_path, **{"notice.cause": "当社サイトの不具合によるものです。"}))
    w.show_page("notice_texts")
    assert w.question_page.field_for("notice_cause").value() == "当社サイトの不具合によるものです。"


def test_own_self_designation_replaces_the_generated_one_in_the_other_texts(tmp_path: Path) -> None:
    doc = json.loads(skimming_file(tmp_path).read_text(encoding="utf-8"))
    s = Session(doc["answers"])
    assert "当社" in prefill.notice_texts(s)["notice.cause"]
    s.set_answer("org.self_name", "当店")
    texts = prefill.notice_texts(s)
    assert "当店" in texts["notice.cause"] and "当社" not in texts["notice.cause"]
    assert texts["org.self_name"] == "当店"


def _answers(name: str) -> dict[str, Any]:
    doc = json.loads((Path(__file__).parent / "data" / f"{name}.json").read_text(encoding="utf-8"))
    answers: dict[str, Any] = doc["incident"]["answers"]
    return answers


@pytest.mark.parametrize(("name", "asked"), [("mail-1person", False), ("shop-ransomware", True), ("S42", True)])
def test_report_stage_and_date_asked_only_when_a_report_is_drafted(name: str, asked: bool) -> None:
    s = Session(_answers(name))
    on_path = {q.id for q in s.path()}
    assert report_needed(s.outcome()) is asked
    assert (REPORT_ONLY <= on_path) is asked and (REPORT_ONLY & on_path == set()) is (not asked)


def test_report_needed_boundaries() -> None:
    none = {"appi": {"required": False}, "mynumber": {"required": False}}
    assert report_needed(None)  # cannot tell yet: ask
    assert not report_needed(none)
    for block, key in (("appi", "required"), ("appi", "effort"), ("mynumber", "required"),
                       ("mynumber", "effort"), ("mynumber", "voluntary")):
        assert report_needed({**none, block: {key: True}})


def test_result_copy_fields_list_the_other_reports_and_no_raw_ids(make_window: Any, incident_file: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    real = Session.outcome

    def with_telecom(self: Session, today: Any = None) -> dict[str, Any]:
        o = real(self, today=today)
        o["sector_reports"] = [*o.get("sector_reports", []), {
            "id": "telecom_secrecy", "title": "通信の秘密の漏えいの報告", "office": "関東総合通信局"}]
        return o

    monkeypatch.setattr(Session, "outcome", with_telecom)
    w = make_window()
    assert w.files.load(incident_file("shop-ransomware"))
    w.show_page("result")
    other = dict(w.result_page.fields)["その他参考となる事項"]
    assert "他の行政機関への報告：通信の秘密の漏えいの報告（関東総合通信局）" in other
    text = w.result_page.browser.toPlainText()
    assert "appi-2022" not in text
    html = w.result_page.browser.toHtml()
    assert "（appi." not in html and "（appi-" not in html  # ids at most in small grey type, never （id） in the text


def test_engine_ids_in_result_texts_go_to_small_grey_type_and_user_text_stays_text() -> None:
    from wizard.gui.result_text import plain

    out = plain("「不正の目的」（incident.malicious）が未回答 <b>x</b>（本人の数）")
    assert "（incident.malicious）" not in out and "<small style='color:#999'>incident.malicious</small>" in out
    assert "&lt;b&gt;" in out and "（本人の数）" in out  # Japanese brackets are not ids


def test_typing_the_self_designation_updates_the_untouched_texts_on_the_page(qtbot: Any, make_window: Any,
                                                                              tmp_path: Path) -> None:
    w = make_window()
    assert w.files.load(skimming_file(tmp_path))
    w.show_page("notice_texts")
    page = w.question_page
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    edit = page.field_for("notice_self_name").edit
    edit.setFocus()
    edit.selectAll()
    ev = QInputMethodEvent()  # what a Japanese IME sends (QTest cannot type kana)
    ev.setCommitString("当店")
    QApplication.sendEvent(edit, ev)
    qtbot.waitUntil(lambda: "当店" in page.field_for("notice_cause").value())
    assert "当社" not in page.field_for("notice_cause").value()


def test_report_questions_stay_while_a_required_answer_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = {k: v for k, v in _answers("mail-1person").items() if k != "incident.known_on"}
    s = Session(answers)
    monkeypatch.setattr(Session, "outcome", lambda self, today=None: pytest.fail("no engine run before the answers"))
    assert REPORT_ONLY <= {q.id for q in s.path()}  # the result cannot be computed yet: asked
    monkeypatch.undo()
    s.set_answer("incident.known_on", _answers("mail-1person")["incident.known_on"])
    assert not REPORT_ONLY & {q.id for q in s.path()}  # one person, no 7条 ground: no report, not asked
