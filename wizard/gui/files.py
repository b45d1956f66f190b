"""File menu, organisation profile and autosave/recovery for the window.

Never loses a draft: every change goes to a recovery file (atomic, 0600), a
broken or foreign file only produces a Japanese message in the window, and a
draft is never replaced without asking.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard.domain.facts import FACTS
from wizard.engine.graph import Question
from wizard.engine.incident import InputError, dump_document, load_incident
from wizard.engine.session import Session
from wizard.engine.values import check_value

if TYPE_CHECKING:
    from wizard.gui.main_window import MainWindow

SAVE, DISCARD, CANCEL = 0, 1, 2


class IncidentFiles:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.path: Path | None = None
        self.profile_offered = False
        self.autosave_failed = False

    # --- state -----------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.w.isWindowModified()

    def _set_clean(self) -> None:
        self.w.setWindowModified(False)
        name = self.path.name if self.path else "新しい事案"
        self.w.setWindowTitle(f"{name}[*] — 漏えい等対応ウィザード")

    def _start_dir(self) -> str:
        return str(self.path.parent) if self.path else str(Path.home())

    # --- File menu ----------------------------------------------------------------
    def new(self, ask: bool = True) -> None:
        if ask and not self.confirm_discard():
            return
        profile = self.w.storage.load_profile()
        self.path = None
        self.w.autosave_timer.stop()  # the old draft is being dropped on purpose
        self.w.set_session(Session(dict(profile), graph=self.w.graph))
        self.w.storage.remove_recovery()
        self._set_clean()
        if profile:
            self.w.show_banner("事業者情報を保存済みのプロファイルから入力しました。違う場合は「事業者情報」で直してください。",
                               error=False)
        else:
            self.w.banner.setVisible(False)

    def open(self, path: str | None = None) -> bool:
        if not self.confirm_discard():
            return False
        chosen = path or self.w.dialogs.open_file(self.w, "事案ファイルを開く", self._start_dir())
        return self.load(Path(chosen)) if chosen else False

    def load(self, path: Path) -> bool:
        """Open an incident file; on any problem show why and keep the current draft."""
        try:
            inc = load_incident(path)
        except InputError as exc:
            self.w.show_banner(f"ファイルを開けませんでした。今の回答はそのまま残っています。\n{exc}")
            return False
        except OSError as exc:
            self.w.show_banner(f"ファイルを読めませんでした（{path}）：{exc.strerror or exc}")
            return False
        except Exception as exc:  # never a traceback in front of the user
            self.w.show_banner(f"ファイルを開けませんでした（{path}）：{exc}")
            return False
        extra: dict[str, Any] = dict(inc.extensions)
        if inc.recipients:
            extra["recipients"] = inc.recipients
        if inc.report:
            extra["report"] = inc.report
        self.path = path
        self.w.autosave_timer.stop()
        self.w.set_session(Session(inc.answers, graph=self.w.graph, extra=extra))
        self.w.banner.setVisible(False)
        self._set_clean()
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        chosen = self.w.dialogs.save_file(self.w, "名前を付けて保存", self._start_dir())
        return self._write(Path(chosen)) if chosen else False

    def _write(self, path: Path) -> bool:
        self.w.autosave_timer.stop()  # saving supersedes the pending autosave
        if self.w.current not in ("", "review", "result"):
            self.w._commit(block=False)
        s = self.w.session
        off = s.inapplicable()  # kept until saved (SPEC §6), then dropped — only once the file is written
        doc = s.to_document()
        doc["answers"] = {k: v for k, v in doc["answers"].items() if k not in off}
        try:
            dump_document(doc, path)
        except OSError as exc:
            self.autosave()
            self.w.show_banner(f"保存できませんでした（{path}）：{exc.strerror or exc}。回答は自動保存に残っています。")
            return False
        for fact in off:
            s.clear_answer(fact)
        self.path = path
        self.w.dropped = set()
        self.w.storage.remove_recovery()
        self._set_clean()
        self.w.show_page(self.w.current or "review")
        return True

    # --- profile --------------------------------------------------------------------
    def save_profile(self) -> None:
        try:
            org = self.w.storage.save_profile(self.w.session.answers)
        except OSError as exc:
            self.w.show_banner(f"プロファイルを保存できませんでした：{exc.strerror or exc}")
            return
        self.profile_offered = True
        self.w.show_banner(f"事業者情報（{len(org)}項目）をプロファイルに保存しました。新しい事案で自動的に入力されます。",
                           error=False)

    def after_section(self, q: Question) -> None:
        """Leaving the 事業者情報 section: offer once to keep it as the profile."""
        nxt = self.w.session.next_question(q.id)
        if q.section != "org" or (nxt is not None and nxt.section == "org") or self.profile_offered:
            return
        org = {k: v for k, v in self.w.session.answers.items() if k.startswith("org.")}
        if not org or org == self.w.storage.load_profile():
            return
        self.profile_offered = True
        choice = self.w.dialogs.choose(
            self.w, "事業者情報の保存",
            "入力した事業者情報をプロファイルに保存しますか？\n次の事案から自動的に入力されます（このパソコンのみ）。",
            ["保存する", "保存しない"])
        if choice == 0:
            self.save_profile()

    # --- autosave and recovery ----------------------------------------------------------
    def autosave(self) -> None:
        try:
            self.w.storage.write_recovery(self.w.session.to_document(), self.path)
            self.autosave_failed = False
        except OSError as exc:
            if not self.autosave_failed:
                self.w.show_banner(f"自動保存できませんでした：{exc.strerror or exc}。こまめに「保存」してください。")
            self.autosave_failed = True

    def offer_recovery(self) -> bool:
        """At start-up: offer back a draft left by a crash or kill."""
        found = self.w.storage.orphaned_recoveries()
        if not found:
            return False
        rec = found[0]
        where = f"（{rec.source}）" if rec.source else ""
        choice = self.w.dialogs.choose(
            self.w, "下書きの復元",
            f"前回、保存しないまま終了した下書き{where}があります。\n最終更新：{rec.saved_at}　回答：{len(rec.answers)}件\n"
            "復元しますか？",
            ["復元する", "破棄する", "あとで決める"])
        if choice == 0:
            answers = {k: v for k, v in rec.answers.items()
                       if k in FACTS and check_value(k, v) is None}
            self.path = Path(rec.source) if rec.source else None
            self.w.set_session(Session(answers, graph=self.w.graph, extra=rec.extra))
            self._set_clean()
            self.w.mark_dirty()
            for r in found:
                self.w.storage.discard(r)
            self.w.show_banner("下書きを復元しました。保存するまでは自動保存ファイルに残ります。", error=False)
            return True
        if choice == 1:
            for r in found:
                self.w.storage.discard(r)
        return False

    # --- closing ----------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        if not self.dirty:
            return True
        choice = self.w.dialogs.choose(
            self.w, "保存されていない変更", "保存されていない変更があります。保存しますか？",
            ["保存する", "保存しない", "キャンセル"])
        if choice == SAVE:
            return self.save()
        return choice == DISCARD

    def confirm_close(self) -> bool:
        return self.confirm_discard()

    def clean_exit(self) -> None:
        self.w.autosave_timer.stop()
        self.w.storage.remove_recovery()
