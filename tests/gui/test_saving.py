"""Saving and opening safely (issue 11 items 3, 4, 7, 8; issue 12 minors): the suffix
before the overwrite question, lone surrogates, every save error, bad profiles,
two windows on one file, Alt+F, Japanese file dialogs."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from gui_walk import answer, click_next, ime_commit

from wizard.engine.incident import load_incident


def _open_s04(w: Any, incident_file: Any) -> Path:
    path: Path = incident_file("S04")
    assert w.files.load(path)
    return path


def test_save_as_adds_json_then_asks_before_replacing(qtbot: Any, make_window: Any, dialogs: Any,
                                                      tmp_path: Path, incident_file: Any) -> None:
    other = tmp_path / "report.json"
    other.write_text('{"format": "rouei-incident/1", "answers": {"incident.title": "別の事案"}}', encoding="utf-8")
    before = other.read_text(encoding="utf-8")
    w = make_window()
    _open_s04(w, incident_file)
    dialogs.paths = [str(tmp_path / "report")]  # typed without the suffix
    dialogs.choices = [0]  # the default button
    assert not w.files.save_as()
    assert dialogs.buttons[-1][0] == "置き換えない"
    assert "report.json" in dialogs.calls[-1][1]
    assert other.read_text(encoding="utf-8") == before  # the other incident is untouched
    dialogs.paths = [str(tmp_path / "report")]
    dialogs.choices = [1]  # 「置き換える」
    assert w.files.save_as()
    assert load_incident(other).answers["incident.title"] == "メールマガジンのBCC漏れ"


def test_save_as_new_name_gets_json_without_a_question(make_window: Any, dialogs: Any, tmp_path: Path,
                                                       incident_file: Any) -> None:
    w = make_window()
    _open_s04(w, incident_file)
    n = len(dialogs.calls)
    dialogs.paths = [str(tmp_path / "fresh")]
    assert w.files.save_as()
    assert (tmp_path / "fresh.json").exists()
    assert [t for t, _ in dialogs.calls[n:]] == ["名前を付けて保存"]


def test_save_as_suggests_a_file_name(make_window: Any, dialogs: Any) -> None:
    w = make_window()
    w.session.set_answer("incident.title", "BCC漏れ/第1報")
    w.session.set_answer("incident.known_on", "2026-11-20")
    w.files.save_as()  # the scripted dialog is cancelled
    assert dialogs.starts[-1].endswith("2026-11-20_BCC漏れ・第1報.json")


def test_file_with_lone_surrogate_shows_banner_naming_key(qtbot: Any, make_window: Any, dialogs: Any,
                                                          tmp_path: Path) -> None:
    bad = tmp_path / "surrogate.json"
    bad.write_text('{"format": "rouei-incident/1", "answers": {"incident.title": "A\\ud800B"}}', encoding="utf-8")
    w = make_window()
    w.go_to("incident_title")
    answer(qtbot, w, "今の下書き")
    before = dict(w.session.answers)
    dialogs.choices = [1]
    assert not w.files.open(str(bad))
    text = w.banner_text.text()
    assert "incident.title" in text and "Traceback" not in text
    assert w.session.answers == before


@pytest.mark.parametrize("error", [UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed"),
                                   PermissionError(13, "Permission denied"), RuntimeError("boom")])
def test_every_save_error_is_caught_and_keeps_the_draft(qtbot: Any, make_window: Any, dialogs: Any,
                                                        tmp_path: Path, monkeypatch: Any,
                                                        error: Exception) -> None:
    import wizard.gui.files as files_mod

    def fail(doc: Any, path: Path) -> None:
        raise error

    monkeypatch.setattr(files_mod, "dump_document", fail)
    w = make_window()
    w.go_to("incident_title")
    answer(qtbot, w, "失いたくない回答")
    dialogs.choices = [0]  # close → 「保存する」 → the save fails
    dialogs.paths = [str(tmp_path / "x.json")]
    assert not w.close()
    assert w.isVisible() and w.isWindowModified()
    assert "保存できませんでした" in w.banner_text.text()
    assert "失いたくない回答" in w.storage.recovery_path.read_text(encoding="utf-8")
    w.setWindowModified(False)


@pytest.mark.parametrize("answers,key", [
    ({"org.name": ["株式会社A", "株式会社B"]}, "org.name"),
    ({"org.name": "株式会社A", "org.sector": "space_travel"}, "org.sector"),
    ({"org.name": "株式会社A", "org.employee_count": -5}, "org.employee_count"),
    ({"org.name": "株式会社A", "incident.title": "事業者情報ではない"}, "incident.title"),
])
def test_bad_profile_is_refused_and_never_copied(make_window: Any, home: Path, answers: dict[str, Any],
                                                 key: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "profile.json").write_text(json.dumps({"format": "rouei-profile/1", "answers": answers},
                                                  ensure_ascii=False), encoding="utf-8")
    w = make_window()  # 新規
    assert not any(k.startswith("org.") for k in w.session.answers)
    assert "incident.title" not in w.session.answers
    text = w.banner_text.text()
    assert w.banner.isVisible() and "プロファイル" in text and key in text


def test_good_profile_is_used(make_window: Any, home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "profile.json").write_text(json.dumps({"format": "rouei-profile/1", "answers": {
        "org.name": "株式会社A", "org.employee_count": 0}}, ensure_ascii=False), encoding="utf-8")
    w = make_window()
    assert w.session.answers == {"org.name": "株式会社A", "org.employee_count": 0}


def test_profile_of_another_organisation_not_replaced_by_enter(qtbot: Any, make_window: Any, dialogs: Any,
                                                               home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    profile = home / "profile.json"
    profile.write_text(json.dumps({"format": "rouei-profile/1", "answers": {"org.name": "株式会社みどり"}},
                                  ensure_ascii=False), encoding="utf-8")
    w = make_window()
    w.go_to("org_name")
    field = w.question_page.field
    field.edit.clear()
    ime_commit(field.edit, "株式会社あおば")
    w.go_to("org_pmark")
    answer(qtbot, w, False)
    dialogs.choices = [0]  # Enter: the default button
    click_next(qtbot, w)
    title, text = next(c for c in dialogs.calls if c[0] == "事業者情報の保存")
    assert "株式会社みどり" in text
    assert dialogs.buttons[-1][0] == "保存しない"
    assert json.loads(profile.read_text(encoding="utf-8"))["answers"]["org.name"] == "株式会社みどり"


def test_menu_save_profile_asks_before_replacing_another_organisation(make_window: Any, dialogs: Any,
                                                                      home: Path) -> None:
    w = make_window()
    w.session.set_answer("org.name", "株式会社みどり")
    w.files.save_profile()
    w.session.set_answer("org.name", "株式会社あおば")
    dialogs.choices = [0]  # 「上書きしない」
    w.files.save_profile()
    assert json.loads((home / "profile.json").read_text(encoding="utf-8"))["answers"]["org.name"] == "株式会社みどり"
    dialogs.choices = [1]
    w.files.save_profile()
    assert json.loads((home / "profile.json").read_text(encoding="utf-8"))["answers"]["org.name"] == "株式会社あおば"


def test_two_windows_on_one_file_second_save_asks(qtbot: Any, make_window: Any, dialogs: Any,
                                                  incident_file: Any) -> None:
    path = incident_file("S04")
    one = make_window(pid=11)
    two = make_window(pid=12)
    assert one.files.load(path) and two.files.load(path)
    one.session.set_answer("incident.title", "一つ目の窓")
    one.mark_dirty()
    assert one.files.save()
    two.session.set_answer("incident.title", "二つ目の窓")
    two.mark_dirty()
    dialogs.choices = [0]  # the default: 「保存しない」
    assert not two.files.save()
    assert dialogs.calls[-1][0] == "ファイルが変更されています"
    assert load_incident(path).answers["incident.title"] == "一つ目の窓"
    assert "二つ目の窓" in two.storage.recovery_path.read_text(encoding="utf-8")
    dialogs.choices = [2]  # 「上書きする」
    assert two.files.save()
    assert load_incident(path).answers["incident.title"] == "二つ目の窓"
    n = len(dialogs.calls)
    two.session.set_answer("incident.title", "もう一度")
    assert two.files.save()  # our own last write: no question
    assert len(dialogs.calls) == n
    one.setWindowModified(False)


def test_unchanged_file_saves_without_asking(make_window: Any, dialogs: Any, incident_file: Any) -> None:
    w = make_window()
    path = _open_s04(w, incident_file)
    w.session.set_answer("incident.title", "変更")
    n = len(dialogs.calls)
    assert w.files.save()
    assert len(dialogs.calls) == n
    assert load_incident(path).answers["incident.title"] == "変更"


def test_alt_keys_unique_on_the_result_page(make_window: Any, incident_file: Any) -> None:
    import re

    w = make_window()
    _open_s04(w, incident_file)
    w.go_to("result")
    texts = [a.text() for a in w.menuBar().actions()]
    from PySide6.QtWidgets import QPushButton

    texts += [b.text() for b in w.findChildren(QPushButton) if b.isVisible()]
    keys = [m.group(1).upper() for t in texts if (m := re.search(r"&(\w)", t))]
    assert len(keys) == len(set(keys)), texts
    assert "ファイル(&F)" in texts and w.finish_button.text() == "完了(&E)"


def test_file_dialogs_japanese_and_create_missing_folder(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QFileDialog

    from wizard.gui import dialogs as dialogs_mod

    dlg = dialogs_mod.JapaneseFileDialog(None, "名前を付けて保存", str(tmp_path), dialogs_mod.INCIDENT_FILTER)
    qtbot.addWidget(dlg)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dlg.setDefaultSuffix("json")
    assert dlg.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert dlg.labelText(QFileDialog.DialogLabel.LookIn) == "場所："
    assert dlg.labelText(QFileDialog.DialogLabel.FileName) == "ファイル名："
    asked: list[str] = []
    monkeypatch.setattr(dialogs_mod.QtDialogs, "choose",
                        lambda self, parent, title, text, buttons: asked.append(text) or 0)
    missing = tmp_path / "まだない" / "下"
    dlg.selectFile(str(missing / "x.json"))
    dlg.accept()
    assert asked and "まだない" in asked[0]
    assert missing.is_dir()
    assert dlg.selectedFiles()[0].endswith("x.json")


def test_extra_qt_translation_installed_and_current(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    from PySide6.QtCore import QCoreApplication

    from wizard.gui import qt_ja

    assert qt_ja.install()
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms") == "フォルダー"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    tool = str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease")
    assert tool, "pyside6-lrelease ships with PySide6"
    out = tmp_path / "x.qm"
    subprocess.run([tool, str(qt_ja.QM.with_suffix(".ts")), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == qt_ja.QM.read_bytes(), "rebuild qt_extra_ja.qm with pyside6-lrelease"


def test_pick_dialog_returns_button_and_row(qtbot: Any) -> None:
    from wizard.gui.pick_dialog import PickDialog

    dlg = PickDialog(None, "下書きの復元", "選んでください", ["一", "二", "三"], ["復元する", "破棄する", "あとで決める"])
    qtbot.addWidget(dlg)
    assert dlg.buttons[0].isDefault() and dlg.list.currentRow() == 0
    dlg.list.setCurrentRow(2)
    dlg.buttons[1].click()
    assert dlg.result_pair() == (1, 2)
    closed = PickDialog(None, "t", "x", ["一"], ["復元する"])
    qtbot.addWidget(closed)
    closed.reject()
    assert closed.result_pair() == (-1, -1)


def test_folder_dialog_offers_to_create_a_missing_folder(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QFileDialog

    from wizard.gui import dialogs as dialogs_mod

    dlg = dialogs_mod.JapaneseFileDialog(None, "保存先", str(tmp_path), "")
    qtbot.addWidget(dlg)
    dlg.setFileMode(QFileDialog.FileMode.Directory)
    answers = iter([1, 0])  # first 「キャンセル」, then 「作成する」
    monkeypatch.setattr(dialogs_mod.QtDialogs, "choose", lambda self, parent, title, text, buttons: next(answers))
    target = tmp_path / "新しいフォルダー"
    dlg.selectFile(str(target))
    dlg.accept()
    assert not target.exists() and dlg.result() == 0  # cancelled: nothing made, the dialog stays
    dlg.accept()
    assert target.is_dir()


@pytest.mark.parametrize("buttons,esc", [
    (["保存する", "保存しない", "キャンセル"], 2),
    (["保存しない", "別の名前で保存", "上書きする"], 0),
    (["置き換えない", "置き換える"], 0),
    (["保存する", "保存しない"], 1),
    (["作成する", "キャンセル"], 1),
    (["OK"], 0),
])
def test_escape_never_presses_a_destructive_button(buttons: list[str], esc: int) -> None:
    from wizard.gui.dialogs import escape_index

    assert escape_index(buttons) == esc


def test_real_message_box_escape_is_the_safe_button(qtbot: Any) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from wizard.gui.dialogs import QtDialogs

    def press_escape() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(200, press_escape)
    assert QtDialogs().choose(None, "ファイルが変更されています", "…", ["保存しない", "別の名前で保存", "上書きする"]) == 0
