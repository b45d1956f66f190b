"""Screens (issue 12, majors 1, 4, 5, 7): the GUI walk visits exactly the screens of
`main.py screens`; review after a path change; 修正 returns to 確認; the window fits."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from gui_support import TODAY, scenario
from gui_walk import answer, click_next, fill_page, walk
from PySide6.QtCore import QPoint, QRect, Qt

from wizard import cli
from wizard.engine import screens
from wizard.engine.session import Session

INCIDENTS = {"mail-1person": 15, "shop-ransomware": 30, "clinic-patients": 30, "isp-testserver": 30}


def _start(make_window: Any, answers: dict[str, Any], profile: bool) -> Any:
    w = make_window(start=False)
    if profile:
        w.storage.save_profile(screens.profile_answers(answers))
    w.files.new(ask=False)
    return w


@pytest.mark.parametrize("profile", [True, False], ids=["returning", "first-time"])
@pytest.mark.parametrize("case", sorted(INCIDENTS))
def test_gui_walk_visits_exactly_the_screens_of_main_py_screens(qtbot: Any, make_window: Any, incident_file: Any,
                                                                capsys: Any, case: str, profile: bool) -> None:
    answers = scenario(case)["incident"]["answers"]
    w = _start(make_window, answers, profile)
    seen = walk(qtbot, w, answers)
    assert w.current == "review"
    assert not w.review_page.missing.isVisible()  # nothing left open
    click_next(qtbot, w)
    assert w.current == "result"
    gui = [*seen, "review", "result"]

    expected = screens.walk(answers, profile=profile)
    assert gui == [sid for sid, _ in expected]
    argv = ["screens", str(incident_file(case))] + (["--profile"] if profile else [])
    assert cli.main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == f"{len(expected)} screens"
    assert [line.split("\t")[0] for line in out[:-1]] == gui
    if profile:  # SPEC §6: a returning user
        assert len(gui) <= INCIDENTS[case], gui
        assert not any(sid.startswith("org_") for sid in gui)
    on_path = {q.fact for q in w.session.path()}
    for fact, value in answers.items():  # every answer on the path went in through a widget
        if fact in on_path and value is not None:
            assert w.session.answers[fact] == value, fact
    gui_outcome = w.session.outcome(today=TODAY)
    assert gui_outcome["appi"] == Session(answers).outcome(today=TODAY)["appi"]
    text = w.result_page.browser.toPlainText()
    for r in gui_outcome["reasons"]:  # the reasons exactly as the engine gives them
        assert r["text"] in text, r["text"]


def test_screens_cli_bad_file_exit_2(tmp_path: Path, capsys: Any) -> None:
    f = tmp_path / "x.json"
    f.write_text(json.dumps({"format": "rouei-incident/1", "answers": {"org.name": "A"}}), encoding="utf-8")
    assert cli.main(["screens", str(f)]) == 2
    err = capsys.readouterr().err
    assert "org.prefecture" in err and "Traceback" not in err


def test_review_after_a_path_change_leads_through_new_questions(qtbot: Any, make_window: Any,
                                                                incident_file: Any) -> None:
    w = make_window()
    assert w.files.load(incident_file("mail-1person"))
    w.session.seen.update(q.id for q in w.session.path())  # as after a walk to the end
    w.show_page("review")
    assert w.remaining.text() == "質問はすべて終わりました"
    qtbot.mouseClick(w.review_page.fix_buttons["incident_cause"], Qt.MouseButton.LeftButton)
    assert w.current == "incident_cause"
    answer(qtbot, w, "loss")  # 紛失: 事業所の外にあったか is now needed
    assert w.session.remaining() >= 1
    assert w.remaining.text() == f"残り {w.session.remaining()} 問"  # never 「終わりました」 while one is open
    click_next(qtbot, w)
    assert w.current == "incident_facts"  # the new question first, not 確認
    assert "incident_left_premises" in w.question_page.order
    assert "未回答" in w.question_page.blocks["incident_left_premises"].text.text()  # pointed out
    assert "未回答" not in w.question_page.blocks["incident_role"].text.text()
    assert w.question_page.focusWidget() is not None
    answer(qtbot, w, "no", "incident_left_premises")
    fill_page(qtbot, w, {"incident.copy_exists": "no"})
    while w.current != "review":
        assert w.current not in ("result",)
        click_next(qtbot, w)
    assert w.session.remaining() == 0 and w.remaining.text() == "質問はすべて終わりました"


def test_review_next_goes_to_open_questions_before_the_result(qtbot: Any, make_window: Any,
                                                              incident_file: Any) -> None:
    w = make_window()
    assert w.files.load(incident_file("mail-1person"))
    w.session.seen.update(q.id for q in w.session.path())
    w.session.set_answer("incident.cause", "loss")  # changed elsewhere: new questions appear unanswered
    w.show_page("review")
    assert w.review_page.open_ids and w.review_page.missing.isVisible()
    assert "まだ回答していない質問" in w.review_page.missing.text()
    click_next(qtbot, w)
    assert w.current != "result" and w.fixing
    assert any(qid in w.review_page.open_ids for qid in w.question_page.order)


def test_fix_on_review_returns_to_review(qtbot: Any, make_window: Any, incident_file: Any) -> None:
    w = make_window()
    assert w.files.load(incident_file("clinic-patients"))
    w.session.seen.update(q.id for q in w.session.path())
    w.show_page("review")
    qtbot.mouseClick(w.review_page.fix_buttons["org_representative"], Qt.MouseButton.LeftButton)
    assert w.current == "org_identity" and w.question_page.active == "org_representative"
    answer(qtbot, w, "理事長 田中 誠二", "org_representative")
    click_next(qtbot, w)
    assert w.current == "review"  # not the next 40 questions
    assert w.session.answers["org.representative"] == "理事長 田中 誠二"


def test_opened_complete_file_lands_on_review_and_a_draft_where_left(qtbot: Any, make_window: Any,
                                                                     tmp_path: Path, dialogs: Any) -> None:
    answers = scenario("mail-1person")["incident"]["answers"]
    w = _start(make_window, answers, profile=False)
    walk(qtbot, w, answers)
    out = tmp_path / "done.json"
    dialogs.paths = [str(out)]
    assert w.files.save_as()
    w2 = make_window(start=False)
    assert w2.files.load(out)
    assert w2.current == "review" and w2.session.remaining() == 0
    assert w2.remaining.text() == "質問はすべて終わりました"

    w2.go_to("data_items")  # the user goes on working there and saves
    dialogs.paths = [str(tmp_path / "mid.json")]
    assert w2.files.save_as()
    w3 = make_window(start=False)
    assert w3.files.load(tmp_path / "mid.json")
    assert w3.current == "data_items"
    assert w3.focusWidget() is w3.next_button  # an answered page: Enter = 次へ, no blank line typed
    assert json.loads((tmp_path / "mid.json").read_text(encoding="utf-8"))["x-wizard"]["page"] == "data_items"


def test_position_updates_after_a_path_change(qtbot: Any, make_window: Any) -> None:
    w = make_window()
    w.go_to("mynumber_included")
    answer(qtbot, w, "no", "mynumber_included")
    before = w.question_page.position.text()
    answer(qtbot, w, "yes", "mynumber_included")  # one more screen (マイナンバーを含む情報)
    after = w.question_page.position.text()
    pos, total = w.session.screen_position("data_kinds")
    assert after == f"画面 {pos} / {total}" and after != before


def test_ransomware_preselects_malicious_yes_and_follows_the_cause(qtbot: Any, make_window: Any) -> None:
    w = make_window()
    w.go_to("incident_cause")
    answer(qtbot, w, "ransomware")
    click_next(qtbot, w)
    assert w.current == "incident_facts"
    assert w.question_page.field_for("incident_malicious").value() == "yes"  # SPEC §2.1 derived default
    click_next(qtbot, w)
    assert w.session.answers["incident.malicious"] == "yes"
    w.go_to("incident_cause")
    answer(qtbot, w, "misdelivery")
    w.go_to("incident_facts")
    assert w.question_page.field_for("incident_malicious").value() == "yes"  # an answer stays an answer


def test_email_and_prefecture_from_address(qtbot: Any, make_window: Any) -> None:
    w = make_window()
    w.go_to("org_email")
    for bad in ("suzuki-at-sakura", "suzuki@sakura", "a b@c.jp"):
        answer(qtbot, w, bad, "org_email")
        assert "メールアドレス" in w.question_page.blocks["org_email"].error.text(), bad
        assert not w.next_button.isEnabled()
    answer(qtbot, w, "suzuki@sakura.example.jp", "org_email")
    assert w.next_button.isEnabled() and w.session.answers["org.email"] == "suzuki@sakura.example.jp"

    w.go_to("org_address")
    answer(qtbot, w, "神奈川県横浜市中区本町1-1", "org_address")
    assert w.question_page.field_for("org_prefecture").value() == "神奈川県"
    answer(qtbot, w, "大阪府大阪市北区", "org_address")  # not chosen by the user yet: follows the address
    assert w.question_page.field_for("org_prefecture").value() == "大阪府"
    answer(qtbot, w, "東京都", "org_prefecture")
    answer(qtbot, w, "北海道札幌市", "org_address")  # the user's own choice stays
    assert w.question_page.field_for("org_prefecture").value() == "東京都"


@pytest.mark.parametrize("address,pref", [("神奈川県横浜市", "神奈川県"), ("〒231-0005 神奈川県横浜市", "神奈川県"),
                                          ("京都府京都市", "京都府"), ("東京都", "東京都"), ("横浜市中区", None),
                                          ("大阪市北区", None), ("", None)])
def test_prefecture_of(address: str, pref: str | None) -> None:
    from wizard.engine.session import prefecture_of

    assert prefecture_of(address) == pref


def test_invalid_known_on_and_sidebar_result_keeps_the_user_on_the_page(qtbot: Any, make_window: Any,
                                                                         incident_file: Any) -> None:
    w = make_window()
    assert w.files.load(incident_file("mail-1person"))
    w.go_to("incident_known_on")
    answer(qtbot, w, "2026-13-45", "incident_known_on")
    ids = w.sidebar.section_ids
    w.sidebar.list.itemClicked.emit(w.sidebar.list.item(ids.index("result")))
    assert w.current == "incident_when"  # not the result with the old date
    assert "存在しない日付" in w.question_page.blocks["incident_known_on"].error.text()
    assert w.banner.isVisible() and "移動していません" in w.banner_text.text()
    assert w.session.answers["incident.known_on"] == "2026-11-16"
    answer(qtbot, w, "2026-11-17", "incident_known_on")
    w.sidebar.list.itemClicked.emit(w.sidebar.list.item(ids.index("result")))
    assert w.current == "result" and w.session.answers["incident.known_on"] == "2026-11-17"


def test_ctrl_enter_in_a_text_box_goes_on_enter_makes_a_line(qtbot: Any, make_window: Any) -> None:
    w = make_window()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.go_to("incident_summary")
    area = w.question_page.field_for("incident_summary").edit
    area.setFocus()
    qtbot.keyClicks(area, "abc")
    qtbot.keyClick(area, Qt.Key.Key_Return)
    assert w.current == "incident_overview" and area.toPlainText() == "abc\n"
    assert "Ctrl+Enter" in w.question_page.blocks["incident_summary"].findChild(type(w.remaining), "hint").text()
    qtbot.keyClick(area, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert w.current == "incident_when" and w.session.answers["incident.summary"] == "abc"


def test_help_button_toggles_in_tab_order_and_promises_only_what_is_there(qtbot: Any, make_window: Any) -> None:
    w = make_window()
    w.go_to("data_sensitive")
    page = w.question_page
    assert page.help_button.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert page.help_button.text() == "？ ヘルプを隠す" and page.help_panel.isVisible()
    qtbot.mouseClick(page.help_button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert page.help_button.text() == "？ ヘルプを表示" and not page.help_panel.isVisible()
    qtbot.mouseClick(page.help_button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert page.help_panel.isVisible()
    page.focus_question("data_sensitive")
    body = page.help_panel.body.text()
    assert "「はい」「不明」を選ぶと" in body  # exactly the answers that have a note
    page.focus_question("data_financial")
    qtbot.waitUntil(lambda: page.active == "data_financial")
    assert "規則7条2号" in page.help_panel.body.text()
    w.go_to("incident_title")  # no notes: no promise
    assert "入力欄の下" not in page.help_panel.body.text()


def test_calendar_marks_holidays(qtbot: Any, make_window: Any) -> None:
    w = make_window()
    w.go_to("incident_known_on")
    field = w.question_page.field_for("incident_known_on")
    answer(qtbot, w, "2026-11-20", "incident_known_on")
    field.cal_button.click()
    assert field.calendar is not None
    from PySide6.QtCore import QDate

    fmt = field.calendar.dateTextFormat(QDate(2026, 11, 23))  # 勤労感謝の日
    assert fmt.toolTip() == "勤労感謝の日"
    assert field.calendar.dateTextFormat(QDate(2026, 11, 24)).toolTip() == ""
    field.calendar.setCurrentPage(2027, 1)
    assert field.calendar.dateTextFormat(QDate(2027, 1, 2)).toolTip() == "年末年始"


def test_focus_is_visible_on_radio_buttons_and_result_text() -> None:
    from wizard.gui.style import STYLE_SHEET

    assert "QRadioButton:focus" in STYLE_SHEET and "QTextBrowser:focus" in STYLE_SHEET


def test_window_with_frame_fits_the_available_geometry(make_window: Any, monkeypatch: Any) -> None:
    from wizard.gui.app import fit_to_screen, fitted

    assert fitted((0, 0, 1280, 720), (8, 38)) == (0, 0, 1272, 682)
    assert fitted((0, 0, 1920, 1080), (8, 38)) == (316, 161, 1280, 720)
    assert fitted((0, 30, 1280, 690), (0, 0)) == (0, 30, 1280, 690)  # a panel at the top
    assert fitted((0, 0, 1288, 758), (8, 38)) == (0, 0, 1280, 720)  # exactly enough
    assert fitted((0, 0, 1287, 758), (8, 38))[2] == 1279  # one pixel short
    w = make_window()
    avail = w.screen().availableGeometry()
    assert (avail.width(), avail.height()) == (1280, 720)  # tests run on a 1280×720 screen
    assert avail.contains(w.frameGeometry())
    assert w.height() < 720  # room for a title bar
    assert w.next_button.isVisible() and avail.contains(w.next_button.mapToGlobal(w.next_button.rect().bottomRight()))

    class Small:
        def availableGeometry(self) -> QRect:
            return QRect(0, 0, 1024, 600)

    monkeypatch.setattr(type(w), "screen", lambda self: Small())
    fit_to_screen(w)
    assert w.frameGeometry().width() <= 1024 and w.frameGeometry().height() <= 600


def test_screen_plan_robust_to_new_nodes() -> None:
    from wizard.engine.screens import Group, ScreenError, ScreenPlan

    g = Session().graph
    plan = ScreenPlan(g, (Group("pair", "二つ", ("incident_title", "incident_location")),))
    path = [g.nodes[n] for n in ("incident_title", "incident_summary", "incident_occurred_on",
                                 "incident_location", "incident_discovery")]
    cut = plan.screens(path)
    # sandwiched ungrouped nodes join the group; a node after the group is its own screen
    assert [sc.ids for sc in cut] == [("incident_title", "incident_summary", "incident_occurred_on",
                                       "incident_location"), ("incident_discovery",)]
    assert cut[1].title == "発覚の経緯" or cut[1].title
    plan = ScreenPlan(g, (Group("pair", "二つ", ("incident_title", "incident_location")),
                          Group("other", "他", ("org_name",))))
    split = plan.screens([g.nodes["incident_title"], g.nodes["org_name"], g.nodes["incident_location"]])
    assert [sc.id for sc in split] == ["pair", "other", "pair-2"]  # other groups' nodes split a run
    for bad, words in (((Group("x", "x", ("no_such_node",)),), "no_such_node"),
                       ((Group("x", "x", ("org_name",)), Group("y", "y", ("org_name",))), "画面 x にも"),
                       ((Group("review", "x", ("org_name",)),), "予約"),
                       ((Group("org_email", "x", ("org_name",)),), "同じID")):
        with pytest.raises(ScreenError, match=words):
            ScreenPlan(g, bad)


@pytest.mark.parametrize("doc,words", [
    ({"format": "rouei-screens/1", "screens": [{"id": "a", "title": "A", "nodes": ["org_name"], "page": 1}]}, "page"),
    ({"format": "rouei-screens/2", "screens": []}, "format"),
    ({"format": "rouei-screens/1", "screens": [{"id": "a", "title": "A", "nodes": []}]}, "nodes"),
    ({"format": "rouei-screens/1", "screens": [{"id": "a", "title": "A", "nodes": ["org_name"],
                                                "layout": "grid"}]}, "layout"),
])
def test_screens_file_is_strict(doc: dict[str, Any], words: str) -> None:
    with pytest.raises(screens.ScreenError, match=words):
        screens.parse_groups(doc)


def test_main_py_check_fails_on_a_screen_naming_an_unknown_node(tmp_path: Path) -> None:
    import shutil

    from wizard import ROOT
    from wizard.checks import run_checks

    for folder in ("questions", "rules", "templates"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    f = tmp_path / "questions" / "screens.json"
    doc = json.loads(f.read_text(encoding="utf-8"))
    doc["screens"][0]["nodes"].append("org_nickname")
    f.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    try:
        problems, _ = run_checks(tmp_path)
    finally:
        from wizard.engine.catalog import load_catalog

        load_catalog.cache_clear()
    assert any("org_nickname" in p for p in problems)


def _random_walk_answers(data: Any) -> dict[str, Any]:
    """Answers chosen question by question along the graph, as a user could give them."""
    from hypothesis import strategies as st

    from wizard.domain.facts import FACTS

    s = Session()
    for _ in range(80):
        q = next((q for q in s.path() if q.fact not in s.answers), None)
        if q is None:
            break
        f = FACTS[q.fact]
        if f.type == "tri":
            v: Any = data.draw(st.sampled_from(["yes", "no", "unknown"]))
        elif f.type == "bool":
            v = data.draw(st.booleans())
        elif f.type == "enum":
            v = data.draw(st.sampled_from(sorted(f.choices)))
        elif f.type == "int":
            v = data.draw(st.integers(0, 2000))
        elif f.type in ("date", "datenull"):
            v = "2026-11-02"
        elif f.type == "list":
            v = ["氏名"]
        else:
            v = "東京都" if q.fact == "org.prefecture" else "x"
        s.set_answer(q.fact, v)
    return s.answers


def test_screens_cut_every_path_into_pages_exactly() -> None:
    """Property: for any answers, the screens hold each question of the path once, in path order,
    with unique ids; the walk ends at 確認 and 結果."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=40, deadline=None)
    @given(st.data())
    def check(data: Any) -> None:
        answers = _random_walk_answers(data)
        s = Session(answers)
        cut = s.screens()
        assert [q.id for sc in cut for q in sc.questions] == [q.id for q in s.path()]
        assert len({sc.id for sc in cut}) == len(cut)
        shown = screens.walk(answers)
        assert shown[-2:] == [("review", "回答の確認"), ("result", "結果")]
        assert [sid for sid, _ in shown[:-2]] == [sc.id for sc in Session(answers).screens()]

    check()


def test_screens_holding_only_profile_answers_are_passed_by() -> None:
    answers = scenario("clinic-patients")["incident"]["answers"]
    s = Session(screens.profile_answers(answers))
    org_screens = [sc.id for sc in s.screens() if sc.section == "org" and all(s.is_answered(q) for q in sc.questions)]
    assert len(org_screens) >= 2 and s.landing() == "incident_overview"
    assert all(sid not in s._steps() for sid in org_screens)
    assert s.next_screen(org_screens[0]) == org_screens[1]  # opened from the sidebar: step through them
    assert s.previous_screen("incident_overview") == "org_other"  # 戻る still reaches 事業者情報
    s2 = Session({k: v for k, v in screens.profile_answers(answers).items() if k != "org.pmark"})
    # a blank optional answer in the profile is settled too (事業者情報 was done when the profile was
    # saved): its screen is passed by and not counted, so the first screen reads 「画面 1 / N」
    assert "org_other" not in s2._steps() and s2.landing() == "incident_overview"
    assert s2.screen_position("incident_overview")[0] == 1
    assert s2.previous_screen("incident_overview") == "org_other"  # 戻る still reaches 事業者情報
    s3 = Session({k: v for k, v in screens.profile_answers(answers).items() if k != "org.sector"})
    assert s3.landing() == "org_business"  # a required answer missing from the profile is asked
    assert "org_business" in s3._steps() and s3.screen_position("org_business")[0] == 1
    doc = s.to_document()
    assert set(Session(doc["answers"], extra={"x-wizard": doc.get("x-wizard")}).settled) == s.settled


def test_restored_draft_lands_where_the_user_left_off(qtbot: Any, make_window: Any, dialogs: Any) -> None:
    from gui_support import DEAD_PID

    answers = scenario("shop-ransomware")["incident"]["answers"]
    crashed = make_window(pid=DEAD_PID, register=False)
    for _ in range(5):  # five screens in, then the process is killed
        fill_page(qtbot, crashed, answers)
        click_next(qtbot, crashed)
    where = crashed.current
    rec = crashed.storage.recovery_path
    qtbot.waitUntil(lambda: rec.exists() and f'"page": "{where}"' in rec.read_text(encoding="utf-8"))
    crashed.hide()
    crashed.deleteLater()
    dialogs.picks = [(0, 0)]  # 「復元する」 the only draft
    w = make_window(start=False)
    assert w.files.offer_recovery()
    assert w.current == where and w.session.remaining() == Session(w.session.answers).remaining() - len(
        [q for q in Session(w.session.answers).open_questions() if q.id in w.session.seen])


def test_report_screens_say_first_whether_a_report_is_needed(qtbot: Any, make_window: Any,
                                                              incident_file: Any) -> None:
    w = make_window()
    assert w.files.load(incident_file("clinic-patients"))  # 要配慮個人情報: a report is needed
    w.go_to("report")
    status = w.question_page.status
    assert status.isVisible() and "個人情報保護委員会への報告が必要です" in status.text()
    w.go_to("response_measures")
    assert w.question_page.status.isVisible()
    w.go_to("incident_when")
    assert not w.question_page.status.isVisible()  # only where 公表・報告の種類 are asked
    assert w.files.load(incident_file("mail-1person"))  # one customer, nothing sensitive: no report
    w.go_to("report")
    assert "報告は必要ありません" in w.question_page.status.text()


def test_a_screen_that_left_the_path_still_resolves() -> None:
    s = Session(scenario("isp-testserver")["incident"]["answers"])
    assert any(sc.id == "telecom" for sc in s.screens())
    s.set_answer("org.sector", "general")  # 電気通信事業法の画面 is no longer on the path
    assert all(sc.id != "telecom" for sc in s.screens())
    off = s.screen("telecom")
    assert off.title == "電気通信事業法の報告" and "telecom_secrecy" in off.ids
    assert s.next_screen("telecom") in [sc.id for sc in s.screens()] + ["review"]
    s.leave_screen("telecom")
    with pytest.raises(KeyError):
        s.screen("no_such_screen")


def test_page_moves_open_no_stray_window_and_keep_the_window_active(qtbot: Any, make_window: Any,
                                                                  incident_file: Any) -> None:
    from PySide6.QtWidgets import QApplication

    w = make_window()
    assert w.files.load(incident_file("clinic-patients"))
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    for sid in ("incident_overview", "incident_facts", "data_kinds", "report"):
        w.go_to(sid)
        qtbot.wait(30)
        assert w.isActiveWindow(), sid  # a label shown before it had a parent used to open as a window
        stray = [t for t in QApplication.topLevelWidgets() if t.isVisible() and t is not w and t.isWindow()
                 and t.windowType().name in ("Window", "Widget")]
        assert not stray, (sid, stray)
