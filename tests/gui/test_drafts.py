"""Recovery drafts (issue 11 items 2, 4, 5): every draft listed, only the chosen one
touched, reused pids and other versions, drafts on every start path."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from gui_support import DEAD_PID
from gui_walk import answer

from wizard.gui import storage as storage_mod
from wizard.gui.storage import Storage, japanese_time, writer_running


def _crash(make_window: Any, qtbot: Any, title: str, pid: int = DEAD_PID) -> Path:
    """A window that types a title and is then killed (no closeEvent): its draft stays."""
    w = make_window(pid=pid, register=False)
    w.go_to("incident_title")
    answer(qtbot, w, title)
    w.go_to("incident_cause")
    answer(qtbot, w, "theft")
    rec: Path = w.storage.recovery_path
    qtbot.waitUntil(lambda: rec.exists() and title in rec.read_text(encoding="utf-8"))
    w.hide()
    w.setWindowModified(False)
    w.autosave_timer.stop()
    w.deleteLater()
    return rec


def _write_draft(home: Path, name: str, answers: dict[str, Any], **meta: Any) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    p = home / name
    meta.setdefault("pid", DEAD_PID)
    meta.setdefault("saved_at", "2026-12-01T20:12:04")
    p.write_text(json.dumps({"format": meta.pop("file_format", "rouei-incident/1"), "answers": answers,
                             "x-recovery": meta}, ensure_ascii=False), encoding="utf-8")
    return p


def test_two_crashed_windows_both_listed_restore_one_keeps_other(qtbot: Any, make_window: Any, dialogs: Any) -> None:
    first = _crash(make_window, qtbot, "一つ目の事案", pid=DEAD_PID)
    second = _crash(make_window, qtbot, "二つ目の事案", pid=DEAD_PID + 1)
    assert first != second
    dialogs.picks = [(0, 1)]  # 「復元する」 the second row
    w = make_window(start=False)
    assert w.files.offer_recovery()
    _title, text = next(c for c in dialogs.calls if c[0] == "下書きの復元")
    assert "一つ目の事案" in text and "二つ目の事案" in text and "2件" in text
    rows = text.split("\n")[-2:]
    restored_title = w.session.answers["incident.title"]
    assert restored_title in rows[1]
    other = first if restored_title == "二つ目の事案" else second
    assert other.exists()  # the draft not chosen is left alone
    assert w.storage.recovery_path.exists()


def test_discard_deletes_only_that_draft_and_lists_again(qtbot: Any, make_window: Any, dialogs: Any) -> None:
    a = _crash(make_window, qtbot, "残す下書き", pid=DEAD_PID)
    b = _crash(make_window, qtbot, "消す下書き", pid=DEAD_PID + 1)
    w = make_window(start=False)
    found = w.storage.orphaned_recoveries()
    row = next(i for i, r in enumerate(found) if r.title == "消す下書き")
    dialogs.picks = [(1, row), (2, 0)]  # 「破棄する」 one, then 「あとで決める」
    dialogs.choices = [1]  # 「削除する」 in the confirmation
    assert not w.files.offer_recovery()
    assert a.exists() and not b.exists()
    assert sum(1 for t, _ in dialogs.calls if t == "下書きの復元") == 2  # listed again after the discard


def test_discard_needs_confirmation_first_button_keeps(qtbot: Any, make_window: Any, dialogs: Any) -> None:
    a = _crash(make_window, qtbot, "確認して残す")
    w = make_window(start=False)
    dialogs.picks = [(1, 0), (-1, -1)]
    dialogs.choices = [0]  # the default button: 「削除しない」
    assert not w.files.offer_recovery()
    assert a.exists()
    assert dialogs.buttons[-1][0] == "削除しない"


def test_recovery_time_in_japanese(home: Path) -> None:
    assert japanese_time("2026-12-01T20:12:04") == "2026年12月1日 20:12"
    assert japanese_time("2026-01-05T09:03:00") == "2026年1月5日 09:03"
    assert japanese_time("garbage") == "garbage"
    _write_draft(home, "recovery-1-aaaa.json", {"incident.title": "時刻の表示"})
    rec = Storage(home).orphaned_recoveries()[0]
    assert "2026年12月1日 20:12" in rec.describe() and "T20:12" not in rec.describe()


def test_reused_pid_does_not_hide_a_draft(home: Path) -> None:
    me = os.getpid()  # alive, but the draft's writer started at another time / before a reboot
    s = Storage(home)
    started = storage_mod.process_start(me)
    assert started  # Linux: /proc/<pid>/stat
    other_start = _write_draft(home, f"recovery-{me}-0001.json", {"incident.title": "A"},
                               pid=me, boot=s.me["boot"], started=str(int(started) + 1))
    other_boot = _write_draft(home, f"recovery-{me}-0002.json", {"incident.title": "B"},
                              pid=me, boot="another-boot", started=started)
    running = _write_draft(home, f"recovery-{me}-0003.json", {"incident.title": "C"},
                           pid=me, boot=s.me["boot"], started=started)
    paths = {r.path for r in Storage(home, pid=DEAD_PID).orphaned_recoveries()}
    assert other_start in paths and other_boot in paths
    assert running not in paths  # its writer (this very process) still runs


def test_writer_running_boundaries() -> None:
    me = {"pid": os.getpid(), "boot": "b1", "started": storage_mod.process_start(os.getpid())}
    assert writer_running(dict(me), me)
    assert not writer_running(dict(me, boot="b2"), me)
    assert not writer_running(dict(me, started="1"), me)
    assert not writer_running(dict(me, pid=DEAD_PID), me)
    assert not writer_running(dict(me, pid=True), me)
    assert not writer_running({}, me)


def test_writer_running_when_the_start_time_cannot_be_read(monkeypatch: Any) -> None:
    me = {"pid": os.getpid(), "boot": "b1", "started": "123"}
    monkeypatch.setattr(storage_mod, "process_start", lambda pid: "")
    assert writer_running(dict(me), me)  # a live pid we cannot check: its draft is not taken from it


def test_a_new_process_never_writes_over_an_old_draft_with_its_pid(home: Path) -> None:
    old = _write_draft(home, f"recovery-{DEAD_PID}.json", {"incident.title": "古い形式の名前"})
    s = Storage(home, pid=DEAD_PID)
    s.write_recovery({"format": "rouei-incident/1", "answers": {"incident.title": "新しい"}}, None)
    assert s.recovery_path != old and "古い形式の名前" in old.read_text(encoding="utf-8")
    assert old in {r.path for r in s.orphaned_recoveries()}


def test_draft_of_another_version_warns_keeps_file_and_names_what_was_lost(
        qtbot: Any, make_window: Any, dialogs: Any, home: Path, tmp_path: Path) -> None:
    draft = _write_draft(home, "recovery-7-abcd.json",
                         {"incident.title": "旧版の下書き", "incident.old_question": "yes",
                          "data.subjects": -3, "incident.cause": "theft"},
                         program="0.0.9", file_format="rouei-incident/0")
    dialogs.picks = [(0, 0)]
    w = make_window(start=False)
    assert w.files.offer_recovery()
    banner = w.banner_text.text()
    assert "別のバージョン" in banner and "0.0.9" in banner
    assert "incident.old_question" in banner and "data.subjects" in banner
    assert w.session.answers == {"incident.title": "旧版の下書き", "incident.cause": "theft"}
    assert draft.exists()  # kept although restored
    out = tmp_path / "saved.json"
    dialogs.paths = [str(out)]
    assert w.files.save_as()
    assert not draft.exists()  # saved: the draft has done its job


def test_draft_of_another_version_survives_closing_without_save(make_window: Any, dialogs: Any,
                                                                 home: Path) -> None:
    draft = _write_draft(home, "recovery-8-abcd.json", {"incident.title": "旧版"}, program="0.0.9")
    dialogs.picks = [(0, 0)]
    w = make_window(start=False)
    assert w.files.offer_recovery()
    assert w.close()  # 「保存しない」
    assert draft.exists()


def test_same_version_draft_taken_over_by_the_window(make_window: Any, dialogs: Any,
                                                              home: Path) -> None:
    from wizard import __version__

    draft = _write_draft(home, "recovery-9-abcd.json", {"incident.title": "同じ版"}, program=__version__)
    dialogs.picks = [(0, 0)]
    w = make_window(start=False)
    assert w.files.offer_recovery()
    assert "別のバージョン" not in w.banner_text.text()
    assert not draft.exists()  # all of it is in this window's own draft now: a later crash lists it once
    assert len(w.storage.orphaned_recoveries()) == 0 and w.storage.recovery_path.exists()
    assert w.close()  # 「保存しない」: the user let it go
    assert not draft.exists()


def test_main_py_file_start_path_offers_drafts(qtbot: Any, make_window: Any, dialogs: Any,
                                                incident_file: Any) -> None:
    draft = _crash(make_window, qtbot, "起動時の下書き")
    w = make_window(start=False)
    w.files.start(str(incident_file("S04")))  # `python main.py FILE`
    assert any(t == "下書きの復元" for t, _ in dialogs.calls)
    assert w.files.path is not None and w.files.path.name == "S04.json"  # 「あとで決める」: the file stays open
    assert draft.exists()


def test_plain_start_offers_drafts(qtbot: Any, make_window: Any, dialogs: Any) -> None:
    _crash(make_window, qtbot, "普通の起動")
    dialogs.picks = [(0, 0)]
    w = make_window(start=False)
    w.files.start(None)
    assert w.session.answers.get("incident.title") == "普通の起動"


def test_lone_surrogate_in_the_answers_never_loses_the_draft(qtbot: Any, make_window: Any, dialogs: Any,
                                                            tmp_path: Path) -> None:
    w = make_window()
    w.go_to("incident_title")
    answer(qtbot, w, "ふつう")
    w.go_to("review")  # no page open whose field would be committed over the answer set below
    w.session.set_answer("incident.summary", "壊れた\ud800文字")  # e.g. pasted from a broken source
    w.mark_dirty()
    rec = w.storage.recovery_path
    assert json.loads(rec.read_text(encoding="ascii"))["answers"]["incident.summary"] == "壊れた\ud800文字"
    dialogs.paths = [str(tmp_path / "x.json")]
    assert not w.files.save_as()  # cannot be written as UTF-8: a message, not a crash
    assert "保存できませんでした" in w.banner_text.text()
    assert not (tmp_path / "x.json").exists()
    dialogs.choices = [0]  # closing with 「保存する」 → the save fails → the window stays open
    dialogs.paths = [str(tmp_path / "y.json")]
    assert not w.close()
    assert w.isVisible() and rec.exists()
    w.setWindowModified(False)


def test_default_folders_follow_userdirs_and_env_override(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.delenv(storage_mod.ENV_HOME, raising=False)
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_STATE_HOME", "state"), ("XDG_DATA_HOME", "data"),
                     ("XDG_DOCUMENTS_DIR", "docs")):
        monkeypatch.setenv(var, str(tmp_path / sub))
    monkeypatch.setattr(storage_mod.sys, "platform", "linux")
    s = Storage()
    assert s.folder == tmp_path / "config" / "rouei-wizard"
    assert s.drafts == tmp_path / "state" / "rouei-wizard" / "drafts"
    assert s.documents_root == tmp_path / "docs" / "漏えい等対応"
    legacy = tmp_path / "data" / "rouei-wizard" / "profile.json"  # where Qt's AppDataLocation put it before
    legacy.parent.mkdir(parents=True)
    legacy.write_text(json.dumps({"format": "rouei-profile/1", "answers": {"org.name": "旧い場所"}},
                                 ensure_ascii=False), encoding="utf-8")
    assert s.load_profile() == {"org.name": "旧い場所"}
    s.save_profile({"org.name": "新しい場所"})
    assert s.profile_path.exists() and s.load_profile() == {"org.name": "新しい場所"}
    monkeypatch.setenv(storage_mod.ENV_HOME, str(tmp_path / "portable"))
    t = Storage()
    assert t.folder == t.drafts == tmp_path / "portable"
    assert t.documents_root == tmp_path / "portable" / "documents"
    assert t.load_profile() == {}  # the override never reads the user's real profile
