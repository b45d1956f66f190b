"""The wizard window: sections sidebar, one stacked page area (question /
確認 / 結果), Back/Next, File menu.  Navigation, progress and decisions all
come from the Session; this class only moves between what it is told."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wizard.domain.facts import display_value, label
from wizard.engine.graph import Graph, Question
from wizard.engine.screens import Screen
from wizard.engine.session import Session
from wizard.gui import prefill
from wizard.gui.dialogs import DialogService, QtDialogs
from wizard.gui.fields import UNANSWERED
from wizard.gui.files import IncidentFiles
from wizard.gui.menus import Menus
from wizard.gui.question_page import QuestionPage, outcome_preview
from wizard.gui.sidebar import Sidebar
from wizard.gui.storage import Storage

if TYPE_CHECKING:
    from wizard.gui.documents import DocumentActions
    from wizard.gui.result_page import ResultPage
    from wizard.gui.review_page import ReviewPage
from wizard.gui.style import STYLE_SHEET

REVIEW, RESULT = "review", "result"
TEXT_KINDS = {"text", "textarea", "list", "int", "date"}


def tr(text: str) -> str:
    return QCoreApplication.translate("QWizard", text)


class MainWindow(QMainWindow):
    def __init__(self, *, storage: Storage | None = None, dialogs: DialogService | None = None,
                 today: date | None = None, graph: Graph | None = None, fit: bool = True) -> None:
        super().__init__()
        self.today = today or date.today()
        self.dialogs: DialogService = dialogs or QtDialogs()
        self.storage = storage or Storage()
        self.graph = graph if graph is not None else Session().graph
        self.session = Session({}, graph=self.graph)
        self.current: str = ""  # a screen id, review or result
        self.dropped: set[str] = set()
        self.fixing = False  # came from 確認's 「修正」: 次へ returns there
        self.setWindowTitle("漏えい等対応ウィザード[*]")
        self.setStyleSheet(STYLE_SHEET)
        self._build()
        self.files = IncidentFiles(self)
        self._review: ReviewPage | None = None
        self._result: ResultPage | None = None
        self.docs: DocumentActions | None = None
        self.menus = Menus(self)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(400)
        self.autosave_timer.timeout.connect(self._flush)
        self.data_pending = False  # answers/typing not yet in the recovery file (else only the position)
        self._fitted_after_show = not fit  # --screenshot draws 1280×720 whatever the screen
        if fit:
            from wizard.gui.app import fit_to_screen

            fit_to_screen(self)

    # --- layout ----------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget()
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self.banner = QFrame()
        self.banner.setObjectName("banner")
        brow = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setObjectName("banner_text")
        self.banner_text.setWordWrap(True)
        close = QToolButton()
        close.setText("×")
        close.setToolTip("このお知らせを閉じる")
        close.clicked.connect(lambda: self.banner.setVisible(False))
        brow.addWidget(self.banner_text, 1)
        brow.addWidget(close)
        self.banner.setVisible(False)
        root.addWidget(self.banner)

        body = QHBoxLayout()
        body.setSpacing(0)
        self.sidebar = Sidebar()
        self.sidebar.section_chosen.connect(self._section_chosen)
        self.remaining = self.sidebar.remaining
        body.addWidget(self.sidebar)

        right = QVBoxLayout()
        self.stack = QStackedWidget()
        self.question_page = QuestionPage()
        self.question_page.edited.connect(self._edited)
        self.stack.addWidget(self.question_page)  # 確認 and 結果 are built on first use (start-up time)
        right.addWidget(self.stack, 1)
        nav = QHBoxLayout()
        nav.setContentsMargins(16, 6, 16, 10)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.clicked.connect(self.close)
        self.back_button = QPushButton(tr("< &Back"))
        self.back_button.setObjectName("back")
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(tr("&Next >"))
        self.next_button.setObjectName("next")
        self.next_button.clicked.connect(self.go_next)
        self.finish_button = QPushButton(tr("&Finish"))
        self.finish_button.clicked.connect(self.close)
        nav.addWidget(self.cancel_button)
        nav.addStretch(1)
        for b in (self.back_button, self.next_button, self.finish_button):
            b.setMinimumWidth(110)
            nav.addWidget(b)
        right.addLayout(nav)
        body.addLayout(right, 1)
        root.addLayout(body, 1)
        self.setCentralWidget(central)

    @property
    def review_page(self) -> ReviewPage:
        if self._review is None:
            from wizard.gui.review_page import ReviewPage

            self._review = ReviewPage()
            self._review.fix_requested.connect(self.fix)
            self.stack.addWidget(self._review)
        return self._review

    @property
    def result_page(self) -> ResultPage:
        if self._result is None:
            from wizard.gui.documents import DocumentActions
            from wizard.gui.result_page import ResultPage

            self._result = ResultPage()
            self.stack.addWidget(self._result)
            self.docs = DocumentActions(self)
        return self._result

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._fitted_after_show:  # the real frame is known once the window manager maps it
            self._fitted_after_show = True
            for delay in (0, 300):
                QTimer.singleShot(delay, self.refit)

    def refit(self) -> None:
        """Move/shrink the window back inside the screen when its frame sticks out."""
        screen = self.screen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        if not screen.availableGeometry().contains(self.frameGeometry()):
            from wizard.gui.app import fit_to_screen

            fit_to_screen(self)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        self.menus.after_first_paint()

    # --- messages ----------------------------------------------------------------
    def show_banner(self, text: str, error: bool = True) -> None:
        self.banner_text.setText(("⚠ " if error else "ℹ ") + text)
        self.banner.setStyleSheet("" if error else "QFrame#banner { background: #e8f1fb; border-color: #9cc0e6; }")
        self.banner.setVisible(True)

    # --- session ---------------------------------------------------------------
    def set_session(self, session: Session) -> None:
        """A new, opened or restored incident: start where the user left off."""
        self.session = session
        self.dropped = set()
        self.fixing = False
        self.current = ""
        self.autosave_timer.stop()  # the caller has dealt with the previous draft
        self.data_pending = False
        self.menus.sync_options()
        self.show_page(session.landing())

    def mark_dirty(self, immediate: bool = True) -> None:
        self.setWindowModified(True)
        if immediate:
            self._flush()
        else:
            self.data_pending = True
            self.autosave_timer.start()

    def _flush(self) -> None:
        self.autosave_timer.stop()
        self.data_pending = False
        self.files.autosave()

    # --- navigation ------------------------------------------------------------
    def show_page(self, target: str, focus: str | None = None) -> None:
        """Show a screen (or the screen of question `target`), 確認 or 結果."""
        s = self.session
        if target not in (REVIEW, RESULT) and target in self.graph.nodes and \
                all(sc.id != target for sc in s.screens()):
            focus = focus or target
            target = s.screen_for(target).id
        moved, s.page = s.page != target, target
        if not self.isWindowModified():
            self.autosave_timer.stop()  # just saved: nothing to recover
            self.data_pending = False
        elif self.data_pending:  # answers and typing are autosaved after a pause, or now on any
            self._flush()  # move, with the page the user is on
        elif moved:  # only the position changed: written after a pause (page moves stay fast)
            self.autosave_timer.start()
        if target != self.current:  # the box is about the change just made; 確認 lists them all
            self.dropped = set()
        self.current = target
        if target == REVIEW:
            self.fixing = False
            self.review_page.refresh(s)
            self.stack.setCurrentWidget(self.review_page)
        elif target == RESULT:
            self._show_result()
            self.stack.setCurrentWidget(self.result_page)
        else:
            screen = s.screen(target)
            self.question_page.show_screen(screen, self._values(screen), self._position(target))
            self.question_page.set_status(self._preview() if screen.preview else None)
            self.stack.setCurrentWidget(self.question_page)
            self._chain_tabs()
            self._refresh_feedback(show_error=None)
            first_open = next((q.id for q in screen.questions if s.is_open(q)), None)
            if self.fixing:  # back from 確認: point out what the change made necessary
                for q in screen.questions:
                    self.question_page.blocks[q.id].mark_open(s.is_open(q))
            if focus or first_open:
                self.question_page.focus_question(focus or first_open)
            else:  # a page already answered (stepping through an opened file): Enter = 次へ
                self.next_button.setFocus()
        self.back_button.setEnabled(s.previous_screen(target) is not None)
        self.next_button.setVisible(target != RESULT)
        self.finish_button.setVisible(target == RESULT)
        self.refresh_progress()

    def _values(self, screen: Screen) -> dict[str, Any]:
        """What each field shows: the answer, else what the session preselects."""
        s = self.session
        out: dict[str, Any] = {}
        for q in screen.questions:
            if q.fact in s.answers:
                out[q.id] = s.answers[q.fact]
            else:
                shown = prefill.shown_value(s, q)
                out[q.id] = UNANSWERED if shown is None else shown
        return out

    def _preview(self) -> str | None:
        """The engine's outcome so far, before 公表 and 報告の種類 are asked (None when it cannot tell yet)."""
        if self.session.missing_required():
            return None
        try:
            return outcome_preview(self.session.outcome(today=self.today))
        except Exception:  # noqa: BLE001 - a hint only; the result page shows any problem
            return None

    def _position(self, sid: str) -> str:
        pos, total = self.session.screen_position(sid)
        return f"画面 {pos} / {total}" if pos else "（今の回答では質問されない項目です）"

    def _chain_tabs(self) -> None:
        """Keyboard: the answers in page order, then 次へ, 戻る, キャンセル, the sidebar, ヘルプ."""
        chain = [*self.question_page.tab_stops(), self.next_button, self.back_button, self.cancel_button,
                 self.sidebar.list, self.question_page.help_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _show_result(self) -> None:
        s = self.session
        missing = s.missing_required()
        if missing:
            names = "、".join(label(q.fact) for q in missing)
            self.result_page.show_outcome(None, s.answers, self.today,
                                          f"必須の質問に未回答があります：{names}。「確認」から回答してください。")
            return
        try:
            outcome = s.outcome(today=self.today)
        except Exception as exc:  # engine problems are shown, never a traceback
            self.result_page.show_outcome(None, s.answers, self.today, f"結果を計算できませんでした：{exc}")
            return
        self.result_page.show_outcome(outcome, s.answers, self.today)

    def refresh_progress(self) -> None:
        self.sidebar.refresh(self.session, self.current)

    def _section_chosen(self, sid: str) -> None:
        if sid in (REVIEW, RESULT):
            self.go_to(sid)
            return
        qs = [q for q in self.session.path() if q.section == sid]
        if qs:
            target = next((q for q in qs if self.session.is_open(q)), qs[0])
            self.go_to(target.id)

    def go_to(self, target: str) -> bool:
        """Jump (sidebar, menus): an invalid entry on this page keeps the user here, with the error."""
        if self.current not in (REVIEW, RESULT, "") and not self._commit(block=True, require=False):
            self.show_banner("入力に誤りがあるため移動していません。赤字の項目を直すか、元に戻してください。")
            self.refresh_progress()
            return False
        self.show_page(target)
        return True

    def fix(self, qid: str) -> None:
        """「修正」 on 確認: change the answer, then back to 確認 (through any question the change adds)."""
        self.fixing = True
        self.show_page(qid, focus=qid)

    def go_next(self) -> None:
        s = self.session
        if self.current == REVIEW:
            nxt = s.next_screen(REVIEW)
            if nxt != RESULT:  # open questions on the path: lead through them first
                self.fixing = True
                self.show_banner(f"まだ回答していない質問が {s.remaining()} 問あります。回答すると確認の画面に戻ります。",
                                 error=False)
            self.show_page(nxt)
            return
        if self.current == RESULT:
            return
        if not self._commit(block=True):
            return
        screen = s.screen(self.current)
        s.leave_screen(self.current)
        self.files.after_section(screen.questions[-1])
        nxt = s.next_screen(self.current, fixing=self.fixing)
        if nxt == REVIEW:
            self.fixing = False
        self.show_page(nxt)

    def go_back(self) -> None:
        if self.current not in (REVIEW, RESULT, ""):
            self._commit(block=False)
        prev = self.session.previous_screen(self.current)
        if prev is not None:
            self.show_page(prev)

    # --- answers ---------------------------------------------------------------
    def _check(self, q: Question) -> tuple[Any, str | None]:
        fld = self.question_page.field_for(q.id)
        value = fld.value()
        err = fld.parse_error()
        if err is None:
            err = self.session.validate(q, None if value is UNANSWERED else value, self.today)
        return value, err

    def _store(self, q: Question, value: Any) -> bool:
        s = self.session
        if value is UNANSWERED:
            if q.fact not in s.answers:
                return False
            s.clear_answer(q.fact)
            return True
        if q.fact in s.answers and s.answers[q.fact] == value:
            return False
        self.dropped.update(s.set_answer(q.fact, value))
        return True

    def _page_questions(self) -> list[Question]:
        page = self.question_page
        return [page.blocks[qid].q for qid in page.order]

    def _commit(self, block: bool, require: bool = True) -> bool:
        """Store every valid value of the page; with block=True an invalid page stays (errors shown).
        `require=False` (jumping elsewhere): an empty required field does not hold the user back,
        a wrong entry (知った日 that is not a date) does."""
        if self.current in (REVIEW, RESULT, ""):
            return True
        changed = False
        bad: list[str] = []
        for q in self._page_questions():
            value, err = self._check(q)
            if err is not None and not require and value is UNANSWERED and \
                    self.question_page.field_for(q.id).parse_error() is None:
                continue  # empty: nothing to keep, nothing wrong
            if err is not None:
                bad.append(q.id)
                if block:
                    self.question_page.set_error(err, q.id)
                continue
            changed |= self._store(q, value)
        if changed:  # written by the page move that follows (show_page), with the new position
            self.mark_dirty(immediate=False)
        if bad and block:
            self.question_page.focus_question(bad[0])
            return False
        return True

    def _edited(self, qid: str) -> None:
        if self.current in (REVIEW, RESULT, "") or qid not in self.question_page.blocks:
            return
        q = self.session.question(qid)
        value, err = self._check(q)
        if err is None and self._store(q, value):
            self.mark_dirty(immediate=q.kind not in TEXT_KINDS)
        page = self.question_page
        s = self.session
        screen = s.screen(self.current) if any(sc.id == self.current for sc in s.screens()) else None
        if screen is not None and page.update_screen(screen, self._values(screen)):
            self._chain_tabs()
        for other in self._page_questions():  # preselections that follow this answer (cause → 不正の目的)
            block = page.blocks[other.id]
            if other.id != qid and not block.touched and other.fact not in s.answers:
                shown = prefill.shown_value(s, other)
                if shown is not None and block.field.value() != shown:
                    block.field.set_value(shown)
        page.position.setText(self._position(self.current))
        self._refresh_feedback(show_error=qid, err=err)
        self.refresh_progress()

    def _refresh_feedback(self, show_error: str | None, err: str | None = None) -> None:
        """Errors (shown only for the field just edited), notes, 次へ enabled, the 'no longer applies' box."""
        page = self.question_page
        ok = True
        for q in self._page_questions():
            block = page.blocks[q.id]
            e = err if q.id == show_error else self._check(q)[1]
            ok &= e is None
            if q.id == show_error:
                block.set_error(e)
            elif e is None:
                block.set_error(None)
            key = block.field.note_key()
            block.set_note(q.notes.get(key) if key else None)
        self.next_button.setEnabled(ok)
        off = set(self.session.inapplicable())
        rows = [(label(f), display_value(f, self.session.answers.get(f))) for f in sorted(self.dropped & off)]
        page.set_inapplicable(rows)

    # --- keyboard and closing ----------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        from PySide6.QtCore import Qt  # not at import: building the Qt namespace costs ~10 ms of start-up

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current != RESULT:
            focus = self.focusWidget()
            if isinstance(focus, QAbstractButton) and not focus.isCheckable():
                focus.animateClick()
            elif self.next_button.isEnabled():
                self.go_next()
            else:
                self._commit(block=True)
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.current not in (REVIEW, RESULT, ""):
            self._commit(block=False)
        if self.files.confirm_close():
            self.files.clean_exit()
            event.accept()
        else:
            event.ignore()
