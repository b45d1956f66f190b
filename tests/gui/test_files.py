"""Files and safety: save/open, 0600, profile, autosave recovery after a crash,
broken or foreign files, the unsaved-changes prompt, documents, --screenshot."""
from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from gui_support import DEAD_PID, scenario
from gui_walk import answer, click_next, ime_commit

from wizard.engine.incident import load_incident


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_save_and_open_roundtrip_0600(qtbot: Any, make_window: Any, dialogs: Any, tmp_path: Path,
                                      incident_file: Any) -> None:
    w = make_window()
    assert w.files.open(str(incident_file("S04")))
    assert w.session.answers == scenario("S04")["incident"]["answers"]
    w.go_to("incident_title")
    answer(qtbot, w, "BCC漏れ（第2報）")
    assert w.isWindowModified()
    out = tmp_path / "saved.yaml"
    dialogs.paths = [str(out)]
    assert w.files.save_as()
    assert not w.isWindowModified()
    if os.name == "posix":
        assert _mode(out) == 0o600
    inc = load_incident(out)  # the same format the CLI reads
    assert inc.answers["incident.title"] == "BCC漏れ（第2報）"
    assert not w.storage.recovery_path.exists()  # saved: nothing left to recover


def test_profile_saved_once_and_prefilled(qtbot: Any, make_window: Any, dialogs: Any, home: Path) -> None:
    w = make_window()
    w.go_to("org_name")
    ime_commit(w.question_page.field.edit, "株式会社みどり")
    w.go_to("org_pmark")
    dialogs.choices = [0]  # 「保存する」 when leaving 事業者情報
    answer(qtbot, w, False)
    click_next(qtbot, w)
    assert any(t == "事業者情報の保存" for t, _ in dialogs.calls)
    profile = home / "profile.json"
    assert json.loads(profile.read_text(encoding="utf-8"))["answers"]["org.name"] == "株式会社みどり"
    if os.name == "posix":
        assert _mode(profile) == 0o600
    w.setWindowModified(False)
    w.files.new()
    assert w.session.answers["org.name"] == "株式会社みどり"
    assert w.banner.isVisible() and "プロファイル" in w.banner_text.text()


def _draft_answers(path: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return dict(doc["answers"])


def test_autosave_recovery_after_crash(qtbot: Any, make_window: Any, dialogs: Any, home: Path) -> None:
    crashed = make_window(pid=DEAD_PID, register=False)
    crashed.go_to("incident_title")
    answer(qtbot, crashed, "ノートPCの盗難")
    crashed.go_to("incident_cause")
    answer(qtbot, crashed, "theft")
    rec = crashed.storage.recovery_path
    assert rec.name.startswith(f"recovery-{DEAD_PID}-")
    qtbot.waitUntil(lambda: rec.exists() and _draft_answers(rec).get("incident.cause") == "theft")
    qtbot.waitUntil(lambda: _draft_answers(rec).get("incident.title") == "ノートPCの盗難")
    if os.name == "posix":
        assert _mode(rec) == 0o600
    draft = dict(crashed.session.answers)
    crashed.hide()  # dropped without closeEvent: the recovery file stays, as after a kill
    crashed.deleteLater()

    dialogs.picks = [(0, 0)]  # 「復元する」 the first (only) draft
    w = make_window(start=False)
    assert w.files.offer_recovery()
    title, text = next(c for c in dialogs.calls if c[0] == "下書きの復元")
    assert "ノートPCの盗難" in text and "回答：" in text
    assert w.session.answers == draft
    assert w.storage.recovery_path.exists() and w.isWindowModified()

    w.close()  # clean exit (dialog answers 「保存しない」) removes both drafts
    assert not w.storage.recovery_path.exists()
    assert not rec.exists()


def test_recovery_not_offered_for_a_running_window(make_window: Any, home: Path) -> None:
    other = make_window(pid=os.getppid(), register=False)  # a live process owns this draft
    other.mark_dirty()
    assert other.storage.recovery_path.exists()
    w = make_window(start=False)
    assert w.storage.orphaned_recoveries() == []
    other.storage.remove_recovery()
    other.setWindowModified(False)
    other.deleteLater()


@pytest.mark.parametrize("content,name,words", [
    ("{not json", "broken.json", "開けませんでした"),
    (json.dumps({"format": "other/1", "answers": {}}), "foreign.json", "format"),
    (json.dumps({"format": "rouei-incident/1", "answers": {"data.subjects": -5}}), "bad.json", "data.subjects"),
    ("PK\x03\x04", "report.docx", ".json"),
])
def test_broken_or_foreign_file_shows_message_keeps_draft(qtbot: Any, make_window: Any, dialogs: Any, tmp_path: Path,
                                                          content: str, name: str, words: str) -> None:
    w = make_window()
    w.go_to("incident_title")
    answer(qtbot, w, "下書き")
    before = dict(w.session.answers)
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    dialogs.choices = [1]  # 「保存しない」 for the unsaved draft prompt
    dialogs.paths = [str(bad)]
    assert not w.files.open()
    assert w.banner.isVisible()
    assert words in w.banner_text.text()
    assert "Traceback" not in w.banner_text.text()
    assert w.session.answers == before  # the draft is not lost
    assert w.isVisible()


def test_unsaved_changes_prompt_on_close(qtbot: Any, make_window: Any, dialogs: Any) -> None:
    w = make_window()
    w.go_to("incident_title")
    answer(qtbot, w, "未保存")
    dialogs.choices = [2]  # キャンセル
    assert not w.close()
    assert w.isVisible()
    assert dialogs.calls[-1][0] == "保存されていない変更"


def test_documents_button(qtbot: Any, make_window: Any, dialogs: Any, home: Path, incident_file: Any) -> None:
    w = make_window()
    assert w.files.load(incident_file("S04"))
    w.go_to("result")
    assert not w.result_page.folder_button.isEnabled()
    w.result_page.docs_button.click()  # no folder dialog: the incident's own folder under the documents root
    text = w.result_page.status.text()
    assert "作成しました" in text, text
    out = home / "documents" / "2026-09-17_メールマガジンのBCC漏れ"
    assert w.docs is not None and w.docs.folder == out
    assert w.result_page.doc_list.count() >= 1
    assert w.result_page.folder_button.isEnabled()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert all(d["path"].startswith("2026-09-17_メールマガジンのBCC漏れ_") for d in manifest["documents"])
    if os.name == "posix":
        assert _mode(out) == 0o700 and _mode(out / ".rouei-incident.json") == 0o600
        assert _mode(out.parent) == 0o700


def test_screenshot_writes_png(tmp_path: Path, incident_file: Any) -> None:
    from wizard.gui.app import screenshot

    png = tmp_path / "result.png"
    assert screenshot(str(png), str(incident_file("S49")), "result") == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot(str(tmp_path / "x.png"), None, "no_such_page") == 2


def test_inapplicable_answers_kept_until_saved(qtbot: Any, make_window: Any, dialogs: Any, tmp_path: Path,
                                               incident_file: Any) -> None:
    w = make_window()
    assert w.files.load(incident_file("S15"))
    w.go_to("incident_cause")
    answer(qtbot, w, "intentional_provision")
    assert "incident.malicious" in w.session.answers  # kept while editing
    rec = w.storage.recovery_path
    qtbot.waitUntil(lambda: rec.exists() and "incident.malicious" in rec.read_text(encoding="utf-8"))
    out = tmp_path / "saved.json"
    dialogs.paths = [str(out)]
    assert w.files.save_as()
    saved = load_incident(out).answers
    assert "incident.malicious" not in saved and saved["incident.cause"] == "intentional_provision"
    assert w.session.inapplicable() == []


def test_typing_is_autosaved_at_the_latest_when_moving_on(qtbot: Any, make_window: Any) -> None:
    w = make_window()
    w.go_to("incident_title")
    answer(qtbot, w, "途中まで")
    assert w.autosave_timer.isActive()  # debounced while typing
    click_next(qtbot, w)
    assert not w.autosave_timer.isActive()
    assert "途中まで" in w.storage.recovery_path.read_text(encoding="utf-8")


def test_save_into_a_missing_folder_keeps_the_draft(qtbot: Any, make_window: Any, dialogs: Any,
                                                     tmp_path: Path) -> None:
    w = make_window()
    w.go_to("incident_title")
    answer(qtbot, w, "保存できない")
    dialogs.paths = [str(tmp_path / "no" / "such" / "dir" / "x.json")]
    assert not w.files.save_as()
    assert "保存できませんでした" in w.banner_text.text()
    assert "保存できない" in w.storage.recovery_path.read_text(encoding="utf-8")
    assert w.isWindowModified()
