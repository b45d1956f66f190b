"""The result page's documents (issue 12 items 2, 3, 6; issue 11 item 19): cleared per
incident, one folder per incident, recipients counted before rendering, 続報,
the copy panel naming the real destination, フォルダーを開く feedback."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from wizard.gui import doc_folder

RECIPIENTS = "氏名,住所,メールアドレス\n山田 太郎,東京都千代田区1-1,\n,大阪府大阪市2-2,\n鈴木 花子,,hanako@example.jp\n佐藤 次郎,,\n"


def _patients(incident_file: Any) -> Path:
    p: Path = incident_file("S04").parent / "patients.csv"
    p.write_text(RECIPIENTS, encoding="utf-8")
    return p


def _result(w: Any, path: Path) -> None:
    assert w.files.load(path)
    w.go_to("result")


def _render(w: Any) -> dict[str, Any]:
    assert w.docs is not None
    manifest = w.docs.make()
    assert manifest is not None, w.result_page.status.text()
    return manifest


def test_new_or_opened_incident_never_shows_previous_documents(make_window: Any, incident_file: Any) -> None:
    w = make_window()
    _result(w, incident_file("S04"))
    _render(w)
    page = w.result_page
    assert page.doc_list.count() > 0 and page.folder_button.isEnabled()
    old_folder = str(w.docs.folder)
    w.docs.choose_recipients(str(_patients(incident_file)))
    w.files.new()  # 新規
    w.go_to("result")
    assert old_folder not in page.destination_label.text()
    assert "patients" not in page.recipients_label.text()
    assert page.doc_list.count() == 0 and not page.doc_list.isVisible()
    assert not page.folder_button.isEnabled() and not page.status.isVisible()
    _result(w, incident_file("S04"))
    _render(w)
    assert page.folder_button.isEnabled()
    _result(w, incident_file("S15"))  # 開く another incident
    assert page.doc_list.count() == 0 and not page.folder_button.isEnabled()
    assert "BCC" not in page.destination_label.text() and "ノートPC" in page.destination_label.text()
    assert w.docs is not None and w.docs.folder is None


def test_each_incident_gets_its_own_folder_never_mixed(make_window: Any, home: Path, tmp_path: Path,
                                                       incident_file: Any) -> None:
    w = make_window()
    _result(w, incident_file("S04"))
    first = _render(w)
    folder_a = w.docs.folder
    # a second incident with the same date and title (another file) must not land in the same folder
    twin = json.loads(incident_file("S04").read_text(encoding="utf-8"))
    twin_path = tmp_path / "twin" / "S04.json"
    twin_path.parent.mkdir()
    twin_path.write_text(json.dumps(twin, ensure_ascii=False), encoding="utf-8")
    _result(w, twin_path)
    _render(w)
    folder_b = w.docs.folder
    assert folder_a != folder_b and folder_b.name.endswith(" (2)")
    assert folder_a.parent == folder_b.parent == home / "documents"
    names_a = {p.name for p in folder_a.iterdir()}
    assert {d["path"] for d in first["documents"]} <= names_a
    assert not any("(2)" in n for n in names_a)  # nothing of the second incident in the first folder
    assert all(n.startswith("2026-09-17_メールマガジンのBCC漏れ_") for n in names_a if n.endswith(".docx"))


def test_same_incident_reuses_its_folder_after_saving(make_window: Any, dialogs: Any, tmp_path: Path,
                                                     incident_file: Any) -> None:
    w = make_window()
    _result(w, incident_file("S04"))
    _render(w)
    folder = w.docs.folder
    saved = tmp_path / "kept.json"
    dialogs.paths = [str(saved)]
    assert w.files.save_as()  # the incident id goes into the file (x-incident-id)
    assert doc_folder.ID_KEY in json.loads(saved.read_text(encoding="utf-8"))
    _result(w, saved)
    assert w.docs.destination() == folder


def test_folder_of_another_incident_is_refused(make_window: Any, home: Path, incident_file: Any) -> None:
    w = make_window()
    _result(w, incident_file("S04"))
    _render(w)
    taken = w.docs.folder
    _result(w, incident_file("S15"))
    assert not w.docs.change_folder(str(taken))
    assert "別の事案" in w.result_page.status.text()


def test_recipients_counted_before_rendering(make_window: Any, tmp_path: Path, incident_file: Any,
                                             monkeypatch: Any) -> None:
    csv = tmp_path / "patients.csv"
    csv.write_text(RECIPIENTS, encoding="utf-8")
    w = make_window()
    _result(w, incident_file("S04"))
    import wizard.documents.api as api

    calls: list[Any] = []
    real = api.render_bundle
    monkeypatch.setattr(api, "render_bundle", lambda *a, **k: calls.append(k) or real(*a, **k))
    assert w.docs.choose_recipients(str(csv))
    text = w.result_page.recipients_label.text()
    assert not calls  # shown before anything is rendered
    assert "2通" in text and "飛ばす行 2件" in text and "3行目" in text and "5行目" in text
    manifest = _render(w)
    letters = sum(d.get("letters", 0) for d in manifest["documents"] if d["id"] == "subject_notice")
    assert letters == 2
    assert sorted(e["row"] for e in manifest["errors"]) == [3, 5]
    assert calls[0]["recipients_path"] == csv


def test_bad_recipients_file_shown_and_blocks_rendering(make_window: Any, tmp_path: Path,
                                                        incident_file: Any) -> None:
    bad = tmp_path / "list.csv"
    bad.write_text("名前だけ\nA\n", encoding="utf-8")
    w = make_window()
    _result(w, incident_file("S04"))
    assert not w.docs.choose_recipients(str(bad))
    assert "必要な列" in w.result_page.recipients_label.text()
    assert w.docs.make() is None
    assert "宛先リストに問題" in w.result_page.status.text()


def test_incident_recipients_outside_its_folder_not_used(make_window: Any, tmp_path: Path) -> None:
    outside = tmp_path / "secret.csv"
    outside.write_text(RECIPIENTS, encoding="utf-8")
    folder = tmp_path / "case"
    folder.mkdir()
    from gui_support import scenario

    doc = dict(scenario("S04")["incident"], recipients="../secret.csv")
    inc = folder / "case.json"
    inc.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    w = make_window()
    _result(w, inc)
    assert w.docs.recipients is None
    assert "外" in w.result_page.recipients_label.text()
    assert "山田" not in w.result_page.recipients_label.text()


def test_followup_uses_report_previous(make_window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from gui_support import scenario

    base = scenario("S04")["incident"]
    first = tmp_path / "first.json"
    first.write_text(json.dumps(base, ensure_ascii=False), encoding="utf-8")
    second_doc = json.loads(json.dumps(base))
    second_doc["answers"]["data.subjects"] = 1300
    second_doc["report"] = {"stage": "final", "previous": "first.json"}
    second = tmp_path / "second.json"
    second.write_text(json.dumps(second_doc, ensure_ascii=False), encoding="utf-8")
    import wizard.documents.api as api

    calls: list[Any] = []
    real = api.render_bundle
    monkeypatch.setattr(api, "render_bundle", lambda *a, **k: calls.append(k) or real(*a, **k))
    w = make_window()
    _result(w, second)
    _render(w)
    assert calls[-1]["previous"] == first
    assert "続報" in w.result_page.status.text()


def test_followup_with_missing_previous_is_a_message(make_window: Any, tmp_path: Path) -> None:
    from gui_support import scenario

    doc = dict(scenario("S04")["incident"], report={"stage": "final", "previous": "gone.json"})
    p = tmp_path / "second.json"
    p.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    w = make_window()
    _result(w, p)
    assert w.docs.make() is None
    assert "前回報告のファイルが見つかりません" in w.result_page.status.text()


def test_open_folder_without_file_manager_gives_feedback(make_window: Any, incident_file: Any,
                                                         monkeypatch: Any) -> None:
    import wizard.gui.documents as docs_mod

    w = make_window()
    _result(w, incident_file("S04"))
    _render(w)
    monkeypatch.setattr(docs_mod.QDesktopServices, "openUrl", staticmethod(lambda url: False))
    assert not w.docs.open_folder()
    text = w.result_page.status.text()
    assert "開くアプリが見つかりませんでした" in text and str(w.docs.folder) in text


def test_copy_panel_names_the_real_destination_and_reporter_buttons(make_window: Any, incident_file: Any) -> None:
    from wizard.gui.result_page import copy_panel_title

    assert "関東総合通信局" in copy_panel_title({"appi": {"required": True, "office": "関東総合通信局"}})
    assert "個人情報保護委員会" not in copy_panel_title({"appi": {"required": True, "office": "関東総合通信局"}})
    assert "個人情報保護委員会" in copy_panel_title({"appi": {"required": True, "destination_name": "個人情報保護委員会"}})
    w = make_window()
    _result(w, incident_file("S49"))
    outcome = w.session.outcome(today=w.today)
    office = outcome["appi"].get("office") or outcome["appi"].get("destination_name")
    assert office and office in w.result_page.copy_title.text()
    assert "事業者の名称" in w.result_page.reporter_buttons
    w.result_page.reporter_buttons["事業者の名称"].click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == w.session.answers["org.name"]


@given(st.text(max_size=80))
def test_safe_name_never_leaves_the_folder(text: str) -> None:
    name = doc_folder.safe_name(text)
    assert "/" not in name and "\\" not in name and ".." != name and len(name) <= 40
    assert not any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF or c in '<>:"|?*\u202e\u2066' for c in name)
    assert name == name.strip(" .")
    assert name.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}


def test_folder_name_examples() -> None:
    assert doc_folder.folder_name({"incident.known_on": "2026-11-20", "incident.title": "誤送信/FAX: 3件?"},
                                  "2026-12-01") == "2026-11-20_誤送信・FAX 3件"
    assert doc_folder.folder_name({}, "2026-12-01") == "2026-12-01_件名なし"
    assert doc_folder.folder_name({"incident.title": "CON"}, "2026-12-01") == "2026-12-01__CON"


def test_recipients_row_only_when_letters_are_made(qtbot: Any, make_window: Any, incident_file: Any) -> None:
    from wizard.gui.result_page import ResultPage

    page = ResultPage()
    qtbot.addWidget(page)
    page.show_outcome({"documents": ["appi_report", "internal_record"]}, {}, None)
    assert page.recipients_button.isHidden() and page.recipients_label.isHidden()
    page.show_outcome({"documents": ["subject_notice"]}, {}, None)
    assert not page.recipients_button.isHidden()
    w = make_window()
    _result(w, incident_file("S04"))
    assert not w.result_page.recipients_button.isHidden()


def test_followup_previous_outside_the_folder_is_refused(make_window: Any, tmp_path: Path) -> None:
    from gui_support import scenario

    outside = tmp_path / "other.json"
    outside.write_text(json.dumps(scenario("S04")["incident"], ensure_ascii=False), encoding="utf-8")
    case = tmp_path / "case"
    case.mkdir()
    for prev in ("../other.json", str(outside)):
        doc = dict(scenario("S04")["incident"], report={"stage": "final", "previous": prev})
        p = case / "second.json"
        p.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        w = make_window()
        _result(w, p)
        assert w.docs.make() is None
        assert "使えません" in w.result_page.status.text()


def test_beside_rule() -> None:
    from wizard.gui.documents import beside

    base = Path("/srv/case")
    assert beside(base, "list.csv") == Path("/srv/case/list.csv").resolve()
    assert beside(base, "sub/list.csv") is not None
    for bad in ("../x.csv", "/etc/shadow", "C:\\x.csv", "sub/../../x", "", "a\x00b"):
        assert beside(base, bad) is None, bad


def test_previous_report_picked_in_the_window(make_window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from gui_support import scenario

    base = scenario("S04")["incident"]
    first = tmp_path / "first.json"
    first.write_text(json.dumps(base, ensure_ascii=False), encoding="utf-8")
    second = tmp_path / "second.json"
    changed = json.loads(json.dumps(base))
    changed["answers"]["data.subjects"] = 1300
    second.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    import wizard.documents.api as api

    calls: list[Any] = []
    real = api.render_bundle
    monkeypatch.setattr(api, "render_bundle", lambda *a, **k: calls.append(k) or real(*a, **k))
    w = make_window()
    _result(w, second)
    assert w.result_page.previous_label.text() == ""
    assert not w.docs.choose_previous(str(second))  # the incident itself is no previous report
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert not w.docs.choose_previous(str(broken))
    assert "前回の報告として使えません" in w.result_page.status.text()
    assert w.docs.choose_previous(str(first))
    assert "first.json" in w.result_page.previous_label.text()
    assert w.session.extra["report"]["previous"] == "first.json" and w.isWindowModified()  # kept, beside it
    _render(w)
    assert calls[-1]["previous"] == first
    assert "続報" in w.result_page.status.text()
    elsewhere = tmp_path / "other" / "old.json"
    elsewhere.parent.mkdir()
    elsewhere.write_text(json.dumps(base, ensure_ascii=False), encoding="utf-8")
    assert w.docs.choose_previous(str(elsewhere))
    assert w.session.extra["report"]["previous"] == "first.json"  # not beside: used now, not written
    _render(w)
    assert calls[-1]["previous"] == elsewhere
