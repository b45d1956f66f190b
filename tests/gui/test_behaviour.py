"""Back/edit, inline validation, keyboard, help and notes on the real window."""
from __future__ import annotations

from typing import Any

import pytest
from gui_support import TODAY
from gui_walk import answer, click_next, ime_commit
from PySide6.QtCore import QPoint, Qt

from wizard.engine.session import Session


def test_japanese_buttons_and_fits_720p(make_window: Any) -> None:
    w = make_window()
    assert w.next_button.text() == "次へ(&N) >"
    assert w.back_button.text() == "< 戻る(&B)"
    assert w.cancel_button.text() == "キャンセル"
    assert w.finish_button.text() == "完了(&E)"  # Alt+F is ファイル(&F) (issue 12)
    w.resize(1280, 720)
    assert w.width() <= 1280 and w.height() <= 720
    assert w.minimumSizeHint().width() <= 1280 and w.minimumSizeHint().height() <= 720


def test_back_keeps_answers_and_changed_cause_lists_inapplicable(qtbot: Any, make_window: Any,
                                                                  incident_file: Any) -> None:
    w = make_window()
    assert w.files.load(incident_file("S15"))
    w.go_to("incident_cause")
    assert w.question_page.field.value() == "theft"
    assert "盗難は不正の目的" in w.question_page.note.text()  # the answer's note under the field
    click_next(qtbot, w)
    assert w.current == "incident_facts" and "incident_malicious" in w.question_page.order
    qtbot.mouseClick(w.back_button, Qt.MouseButton.LeftButton)
    assert w.current == "incident_cause"
    assert w.question_page.field.value() == "theft"  # Back keeps the answer
    assert not w.question_page.inapplicable.isVisible()

    answer(qtbot, w, "intentional_provision")  # later answers stop applying
    assert w.question_page.inapplicable.isVisible()
    shown = w.question_page.inapplicable.text()
    assert "不正の目的をもって行われたおそれがある行為か" in shown
    assert "incident.malicious" in w.session.inapplicable()
    assert w.session.answers["incident.malicious"] == "yes"  # kept, not deleted
    w.go_to("review")
    assert "incident.malicious" in w.review_page.inapplicable_facts
    assert "incident_malicious" not in w.review_page.fix_buttons
    # the engine excludes them: the outcome equals one computed without them
    kept = {k: v for k, v in w.session.answers.items() if k not in w.session.inapplicable()}
    assert w.session.outcome(today=TODAY)["appi"] == Session(kept).outcome(today=TODAY)["appi"]

    qtbot.mouseClick(w.review_page.fix_buttons["incident_cause"], Qt.MouseButton.LeftButton)
    assert w.current == "incident_cause"
    answer(qtbot, w, "theft")  # changing back: nothing is lost
    assert not w.question_page.inapplicable.isVisible()
    assert w.session.inapplicable() == Session(w.session.answers).inapplicable()


def test_inline_validation_blocks_next(qtbot: Any, make_window: Any) -> None:
    w = make_window()
    w.go_to("incident_known_on")
    page = w.question_page
    known = page.blocks["incident_known_on"]
    assert "必須" in known.text.text()  # required mark
    assert not w.next_button.isEnabled()  # required and empty
    answer(qtbot, w, "2099-01-01", "incident_known_on")
    assert known.error.isVisible() and "今日" in known.error.text()
    assert not w.next_button.isEnabled()
    answer(qtbot, w, "2026-02-30", "incident_known_on")
    assert "存在しない日付" in known.error.text()
    answer(qtbot, w, "2026/11/2", "incident_known_on")  # other spellings are accepted
    assert not known.error.isVisible()
    assert w.session.answers["incident.known_on"] == "2026-11-02"
    assert "令和8年11月2日（月）" in known.field.preview.text()

    occurred = page.blocks["incident_occurred_on"]
    answer(qtbot, w, "2026-11-05", "incident_occurred_on")  # after 知った日
    assert "知った日" in occurred.error.text()
    assert not w.next_button.isEnabled()
    answer(qtbot, w, None, "incident_occurred_on")  # 不明
    assert not occurred.error.isVisible()
    assert w.session.answers["incident.occurred_on"] is None

    w.go_to("data_subjects")
    subjects = page.blocks["data_subjects"]
    for bad, words in (("-3", "0以上"), ("1.5", "整数"), ("abc", "数字")):
        answer(qtbot, w, bad, "data_subjects")
        assert words in subjects.error.text(), bad
        assert not w.next_button.isEnabled()
        qtbot.keyClick(subjects.field.edit, Qt.Key.Key_Return)  # Enter does not pass an error
        assert w.current == "data_scope"
    answer(qtbot, w, "1,200", "data_subjects")
    assert w.session.answers["data.subjects"] == 1200
    assert w.next_button.isEnabled()


def test_keyboard_enter_moves_on_and_japanese_typing(qtbot: Any, make_window: Any) -> None:
    w = make_window()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)  # mnemonics (Alt+…) need the active window
    w.go_to("org_name")
    edit = w.question_page.field.edit
    assert edit.hasFocus() or w.question_page.field.focus_target() is edit
    ime_commit(edit, "株式会社テスト")
    answer(qtbot, w, "東京都", "org_prefecture")
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter = 次へ
    assert w.session.answers["org.name"] == "株式会社テスト"
    assert w.current == "org_contact"
    qtbot.keyClick(w.question_page.field.edit, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Alt+B = 戻る
    qtbot.waitUntil(lambda: w.current == "org_identity")
    w.go_to("org_sector")
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    sector = w.question_page.field_for("org_sector")
    third = sector.values[2]
    qtbot.keyClick(sector.buttons[0], Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # Alt+digit picks an option
    qtbot.waitUntil(lambda: w.session.answers.get("org.sector") == third)


def test_help_panel_and_sidebar_progress(qtbot: Any, make_window: Any) -> None:
    w = make_window()
    w.go_to("incident_cause")
    body = w.question_page.help_panel.body.text()
    q = w.session.question("incident_cause")
    assert q.cite.split("、")[0] in body and "根拠" in body
    qtbot.mouseClick(w.question_page.help_button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not w.question_page.help_panel.isVisible()
    assert w.question_page.help_button.text() == "？ ヘルプを表示"
    before = w.session.remaining()
    assert before == len(w.session.open_questions()) and f"残り {before} 問" == w.remaining.text()
    answer(qtbot, w, "intentional_provision")
    after = w.session.remaining()
    assert after != before and w.remaining.text() == f"残り {after} 問"
    items = w.sidebar.item_texts()
    assert [t.split("　")[0] for t in items] == ["事業者情報", "事案の概要", "個人データ", "マイナンバー", "業種別",
                                                 "対応状況", "確認", "結果"]
    assert w.sidebar.list.currentItem().text().startswith("事案の概要")


def test_file_shortcuts_and_f1_after_first_paint(qtbot: Any, make_window: Any) -> None:
    w = make_window()
    qtbot.waitUntil(lambda: not w.menus.pending_keys)  # installed right after the first paint
    assert w.menus.actions["保存(&S)"].shortcut().toString() == "Ctrl+S"
    assert w.menus.actions["名前を付けて保存(&A)…"].shortcut().toString() == "Ctrl+Shift+S"
    assert w.question_page.help_key.shortcut().toString() == "F1"
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.go_to("org_name")
    assert w.question_page.help_panel.isVisible()
    qtbot.keyClick(w.question_page.field.edit, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: not w.question_page.help_panel.isVisible())


def test_sidebar_jumps_to_sections(qtbot: Any, make_window: Any, incident_file: Any) -> None:
    w = make_window()
    assert w.files.load(incident_file("S42"))
    ids = w.sidebar.section_ids
    w.sidebar.list.itemClicked.emit(w.sidebar.list.item(ids.index("mynumber")))
    assert any(w.session.question(q).section == "mynumber" for q in w.question_page.order)
    w.sidebar.list.itemActivated.emit(w.sidebar.list.item(ids.index("review")))  # Enter on the list
    assert w.current == "review"


def test_draft_2026_option_is_labelled_not_in_force(make_window: Any, incident_file: Any) -> None:
    w = make_window()
    assert w.files.load(incident_file("S15"))
    w.go_to("result")
    assert "施行されていません" not in w.result_page.browser.toPlainText()
    w.menus.options["options.ruleset_2026_draft"].setChecked(True)
    assert w.session.answers["options.ruleset_2026_draft"] is True
    assert w.session.outcome(today=TODAY)["ruleset"] == "appi-2026-draft"
    assert "この規則は施行されていません（試算）" in w.result_page.browser.toPlainText()
    assert "未施行" in w.banner_text.text()
    w.menus.options["options.era"].setChecked(True)
    assert w.session.answers["options.era"] == "seireki"


@pytest.mark.parametrize("qid,value", [("incident_title", "ABC"), ("incident_known_on", "2026-11-02"),
                                       ("incident_cause", "loss"), ("data_items", ["氏名"])])
def test_tab_goes_from_the_answer_to_next(qtbot: Any, make_window: Any, qid: str, value: Any) -> None:
    w = make_window()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.go_to(qid)
    answer(qtbot, w, value, qid)
    assert w.next_button.isEnabled()
    last = w.question_page.tab_stops()[-1]  # the last answer widget of the screen
    last.setFocus()
    qtbot.waitUntil(last.hasFocus)
    qtbot.keyClick(last, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: w.focusWidget() is w.next_button)
