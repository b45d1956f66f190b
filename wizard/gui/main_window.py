"""The wizard window: sections sidebar, one stacked page area (question /
確認 / 結果), Back/Next, File menu.  Navigation, progress and decisions all
come from the Session; this class only moves between what it is told."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QPaintEvent
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
from wizard.engine.session import Session
from wizard.gui.dialogs import DialogService, QtDialogs
from wizard.gui.fields import UNANSWERED
from wizard.gui.files import IncidentFiles
from wizard.gui.menus import Menus
from wizard.gui.question_page import QuestionPage
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
                 today: date | None = None, graph: Graph | None = None) -> None:
        super().__init__()
        self.today = today or date.today()
        self.dialogs: DialogService = dialogs or QtDialogs()
        self.storage = storage or Storage()
        self.graph = graph if graph is not None else Session().graph
        self.session = Session({}, graph=self.graph)
        self.current: str = ""
        self.dropped: set[str] = set()
        self.setWindowTitle("漏えい等対応ウィザード[*]")
        self.setStyleSheet(STYLE_SHEET)
        self.resize(1280, 720)
        self.setMinimumSize(960, 600)
        self._build()
        self.files = IncidentFiles(self)
        self._review: ReviewPage | None = None
        self._result: ResultPage | None = None
        self.docs: DocumentActions | None = None
        self.menus = Menus(self)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(400)
        self.autosave_timer.timeout.connect(self.files.autosave)

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
            self._review.fix_requested.connect(self.go_to)
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
        self.session = session
        self.dropped = set()
        self.menus.sync_options()
        first = session.first_unanswered()
        if first is None:
            self.show_page(REVIEW)
        else:
            self.show_page(first.id)

    def mark_dirty(self, immediate: bool = True) -> None:
        self.setWindowModified(True)
        if immediate:
            self.autosave_timer.stop()
            self.files.autosave()
        else:
            self.autosave_timer.start()

    # --- navigation ------------------------------------------------------------
    def show_page(self, target: str) -> None:
        if self.autosave_timer.isActive():  # typing is autosaved after a pause, or now on any move
            self.autosave_timer.stop()
            self.files.autosave()
        if target != self.current:  # the box is about the change just made; 確認 lists them all
            self.dropped = set()
        self.current = target
        s = self.session
        if target == REVIEW:
            self.review_page.refresh(s)
            self.stack.setCurrentWidget(self.review_page)
        elif target == RESULT:
            self._show_result()
            self.stack.setCurrentWidget(self.result_page)
        else:
            q = s.question(target)
            value = s.answers.get(q.fact, UNANSWERED)
            if value is UNANSWERED and q.default is not None:
                value = q.default
            pos, total = s.position(q.id)
            where = f"問 {pos} / {total}" if pos else "（今の回答では質問されない項目です）"
            self.question_page.show_question(q, value, where)
            self.stack.setCurrentWidget(self.question_page)
            field = self.question_page.field
            if field is not None:  # keyboard: the answer, then 次へ, 戻る, キャンセル, the sidebar
                chain = [field.last_tab_stop(), self.next_button, self.back_button, self.cancel_button,
                         self.sidebar.list, self.question_page.help_button]
                for a, b in zip(chain, chain[1:], strict=False):
                    QWidget.setTabOrder(a, b)
            self._refresh_feedback(q, show_error=False)
            self.question_page.focus_field()
        self.back_button.setEnabled(target in (REVIEW, RESULT) or s.previous_question(target) is not None)
        self.next_button.setVisible(target != RESULT)
        self.finish_button.setVisible(target == RESULT)
        self.refresh_progress()

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
            target = next((q for q in qs if q.fact not in self.session.answers), qs[0])
            self.go_to(target.id)

    def go_to(self, target: str) -> None:
        if self.current not in (REVIEW, RESULT, ""):
            self._commit(block=False)
        self.show_page(target)

    def go_next(self) -> None:
        if self.current == REVIEW:
            self.show_page(RESULT)
            return
        if self.current == RESULT:
            return
        if not self._commit(block=True):
            return
        q = self.session.question(self.current)
        self.files.after_section(q)
        nxt = self.session.next_question(q.id)
        self.show_page(REVIEW if nxt is None else nxt.id)

    def go_back(self) -> None:
        if self.current == RESULT:
            self.show_page(REVIEW)
            return
        if self.current == REVIEW:
            prev = self.session.previous_question(None)
        else:
            self._commit(block=False)
            prev = self.session.previous_question(self.current)
        if prev is not None:
            self.show_page(prev.id)

    # --- answers ---------------------------------------------------------------
    def _check(self, q: Question) -> tuple[Any, str | None]:
        fld = self.question_page.field
        assert fld is not None
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

    def _commit(self, block: bool) -> bool:
        """Store the page's value if valid; with block=True an invalid page stays."""
        q = self.session.question(self.current)
        value, err = self._check(q)
        if err is not None:
            if block:
                self.question_page.set_error(err)
                self.question_page.focus_field()
            return False
        if self._store(q, value):
            self.mark_dirty()
        return True

    def _edited(self) -> None:
        if self.current in (REVIEW, RESULT, ""):
            return
        q = self.session.question(self.current)
        value, err = self._check(q)
        if err is None and self._store(q, value):
            self.mark_dirty(immediate=q.kind not in TEXT_KINDS)
        self._refresh_feedback(q, show_error=True, value=value, err=err)
        self.refresh_progress()

    def _refresh_feedback(self, q: Question, show_error: bool, value: Any = UNANSWERED,
                          err: str | None = None) -> None:
        page = self.question_page
        if not show_error:
            value, err = self._check(q)
        page.set_error(err if show_error and err else None)
        self.next_button.setEnabled(err is None)
        key = page.field.note_key() if page.field is not None else None
        page.set_note(q.notes.get(key) if key else None)
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
