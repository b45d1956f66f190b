"""The menu bar: ファイル (新規／開く／保存／名前を付けて保存, profile, 終了) and
オプション (the not-in-force 2026 rules, 西暦 dates) — options are answers too."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from wizard.gui.main_window import MainWindow

OPTIONS = (("options.ruleset_2026_draft", "令和8年改正（未施行）の規則で試算する(&D)"),
           ("options.era", "文書の日付を西暦にする(&W)"))


class Menus:
    def __init__(self, w: MainWindow) -> None:
        self.w = w
        f = w.files
        menu = w.menuBar().addMenu("ファイル(&F)")
        entries: list[tuple[str, str, Any]] = [
            ("新規(&N)", "Ctrl+N", f.new),  # strings: QKeySequence.StandardKey costs ~5 ms to build
            ("開く(&O)…", "Ctrl+O", f.open),
            ("保存(&S)", "Ctrl+S", f.save),
            ("名前を付けて保存(&A)…", "Ctrl+Shift+S", f.save_as),
        ]
        self.actions: dict[str, QAction] = {}
        # The first setShortcut() builds PySide's whole Qt namespace (~15–25 ms), so keys are
        # set right after the first paint (MainWindow.paintEvent) instead of before it.
        self.pending_keys: list[tuple[QAction, str]] = []
        for text, key, slot in entries:
            act = QAction(text, w)
            self.pending_keys.append((act, key))
            act.triggered.connect(lambda _c=False, s=slot: s())
            menu.addAction(act)
            self.actions[text] = act
        menu.addSeparator()
        prof = QAction("事業者情報をプロファイルに保存(&P)", w)
        prof.triggered.connect(lambda _c=False: f.save_profile())
        menu.addAction(prof)
        menu.addSeparator()
        quit_act = QAction("終了(&X)", w)
        quit_act.triggered.connect(w.close)
        menu.addAction(quit_act)
        self.pending_keys += [(quit_act, "Ctrl+Q"), (w.question_page.help_key, "F1")]
        opts = w.menuBar().addMenu("オプション(&T)")
        self.options: dict[str, QAction] = {}
        # Alt+F is ファイル(&F) (the Windows convention); Qt's translated 完了(&F) would clash with it.
        w.finish_button.setText(w.finish_button.text().replace("(&F)", "(&E)").replace("&F", "&E"))
        for fact, text in OPTIONS:
            act = QAction(text, w)
            act.setCheckable(True)
            act.toggled.connect(lambda on, fact=fact: self.set_option(fact, on))
            opts.addAction(act)
            self.options[fact] = act

    def after_first_paint(self) -> None:
        if self.pending_keys:
            QTimer.singleShot(0, self.install_shortcuts)

    def install_shortcuts(self) -> None:
        for act, key in self.pending_keys:
            act.setShortcut(QKeySequence(key))
        self.pending_keys = []

    def set_option(self, fact: str, on: bool) -> None:
        w = self.w
        value: Any = ("seireki" if on else "wareki") if fact == "options.era" else on
        if w.session.answers.get(fact, "wareki" if fact == "options.era" else False) == value:
            return
        w.session.set_answer(fact, value)
        w.mark_dirty()
        if fact == "options.ruleset_2026_draft" and on:
            w.show_banner("令和8年改正（令和8年法律第56号）は未施行です。結果は試算で、現在の義務ではありません。",
                          error=False)
        if w.current == "result":
            w.show_page("result")

    def sync_options(self) -> None:
        for fact, act in self.options.items():
            v = self.w.session.answers.get(fact)
            act.blockSignals(True)
            act.setChecked(v == "seireki" if fact == "options.era" else v is True)
            act.blockSignals(False)
