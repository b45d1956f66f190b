"""File menu, organisation profile and autosave for the window.

Never loses a draft: every change goes to a recovery file (atomic, 0600), a
broken or foreign file only produces a Japanese message in the window, a failed
save of any kind keeps the draft, and a file changed by another window since we
read it is not overwritten without asking.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard.engine.graph import Question
from wizard.engine.incident import InputError, dump_document, load_incident
from wizard.engine.session import Session
from wizard.gui.dialogs import INCIDENT_SUFFIXES
from wizard.gui.doc_folder import safe_name
from wizard.gui.recovery import Recovery
from wizard.gui.validate_bridge import surrogate_keys

if TYPE_CHECKING:
    from wizard.gui.main_window import MainWindow

SAVE, DISCARD, CANCEL = 0, 1, 2
Fingerprint = tuple[int, int, str]  # (mtime_ns, size, sha256) of the file as we last read or wrote it


def fingerprint(path: Path) -> Fingerprint | None:
    try:
        st = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, digest


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, UnicodeError):
        return "文字として保存できない符号が回答に含まれています"
    if isinstance(exc, OSError):
        return str(exc.strerror or exc)
    return f"{type(exc).__name__}: {exc}"


class IncidentFiles:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.path: Path | None = None
        self.fingerprint: Fingerprint | None = None
        self.profile_offered = False
        self.autosave_failed = False
        self.recovery = Recovery(self)

    # --- state -----------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.w.isWindowModified()

    def _set_clean(self) -> None:
        self.w.setWindowModified(False)
        name = self.path.name if self.path else "新しい事案"
        self.w.setWindowTitle(f"{name}[*] — 漏えい等対応ウィザード")

    def _start_dir(self) -> str:
        if self.path:
            return str(self.path.parent)
        root = self.w.storage.documents_root
        return str(root if root.is_dir() else Path.home())

    def adopt(self, session: Session) -> None:
        """Make `session` the window's incident; nothing of the previous incident stays on screen."""
        self.w.autosave_timer.stop()
        self.w.set_session(session)
        docs = getattr(self.w, "docs", None)
        if docs is not None:  # after set_session: the folder, recipients and list are this incident's
            docs.reset()

    # --- start-up --------------------------------------------------------------------
    def start(self, path: str | None = None) -> None:
        """Every start path: open FILE (if given), then offer the drafts of crashed windows."""
        if path:
            if not self.open(path):
                self.new(ask=False, keep_banner=True)
        else:
            self.new(ask=False)
        self.offer_recovery()

    # --- File menu ----------------------------------------------------------------
    def new(self, ask: bool = True, keep_banner: bool = False) -> None:
        if ask and not self.confirm_discard():
            return
        self.recovery.closing_without_save()
        profile, problems = self.w.storage.read_profile()
        self.path = None
        self.fingerprint = None
        self.profile_offered = False
        self.adopt(Session(dict(profile), graph=self.w.graph))
        self.w.storage.remove_recovery()
        self._set_clean()
        if problems:
            self.w.show_banner("保存済みの事業者情報（プロファイル）に誤りがあるため、使いませんでした。"
                               "事業者情報を入力し直し、保存し直してください。\n" + "\n".join(problems[:5]))
        elif profile:
            self.w.show_banner("事業者情報を保存済みのプロファイルから入力しました。違う場合は「事業者情報」で直してください。",
                               error=False)
        elif not keep_banner:
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
            self.w.show_banner(f"ファイルを開けませんでした（{path}）：{_error_text(exc)}")
            return False
        bad = surrogate_keys(inc.to_document())
        if bad:
            self.w.show_banner(f"ファイルを開けませんでした。今の回答はそのまま残っています。\n{path}: "
                               f"「{'」「'.join(bad[:5])}」に文字として使えない符号（対になっていないサロゲート）があります。")
            return False
        extra: dict[str, Any] = dict(inc.extensions)
        if inc.recipients:
            extra["recipients"] = inc.recipients
        if inc.report:
            extra["report"] = inc.report
        self.recovery.closing_without_save()
        self.path = path
        self.fingerprint = fingerprint(path)
        self.adopt(Session(inc.answers, graph=self.w.graph, extra=extra))
        self.w.banner.setVisible(False)
        self._set_clean()
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def suggested_name(self) -> str:
        a = self.w.session.answers
        day = str(a.get("incident.known_on") or self.w.today.isoformat())
        title = safe_name(str(a.get("incident.title") or ""), 40)
        return f"{day}_{title}.json" if title else f"{day}_事案.json"

    def save_as(self) -> bool:
        start = self.path if self.path else Path(self._start_dir()) / self.suggested_name()
        chosen = self.w.dialogs.save_file(self.w, "名前を付けて保存", str(start))
        if not chosen:
            return False
        target = Path(chosen)
        if target.suffix.lower() not in INCIDENT_SUFFIXES:
            target = target.with_name(target.name + ".json")
            if target.exists() and self.w.dialogs.choose(
                    self.w, "名前を付けて保存", f"「{target.name}」は既にあります。置き換えますか？\n（{target.parent}）",
                    ["置き換えない", "置き換える"]) != 1:
                return False
        return self._write(target, asked=target != self.path)

    def _changed_elsewhere(self, path: Path) -> bool:
        if self.fingerprint is None:
            return path.exists() and path == self.path
        try:
            st = path.stat()
        except FileNotFoundError:
            return False
        except OSError:
            return True
        if (st.st_mtime_ns, st.st_size) == self.fingerprint[:2]:
            return False
        now = fingerprint(path)
        return now is None or now[2] != self.fingerprint[2]

    def _write(self, path: Path, asked: bool = False) -> bool:
        self.w.autosave_timer.stop()  # saving supersedes the pending autosave
        if self.w.current not in ("", "review", "result"):
            self.w._commit(block=False)
        if not asked and path == self.path and self._changed_elsewhere(path):
            choice = self.w.dialogs.choose(
                self.w, "ファイルが変更されています",
                f"「{path.name}」は、開いた後に別のウィンドウ又はプログラムで変更（又は作成）されました。\n"
                "このまま保存すると、その変更は失われます。",
                ["保存しない", "別の名前で保存", "上書きする"])
            if choice == 1:
                return self.save_as()
            if choice != 2:
                self.autosave()
                return False
        s = self.w.session
        off = s.inapplicable()  # kept until saved (SPEC §6), then dropped — only once the file is written
        doc = s.to_document()
        doc["answers"] = {k: v for k, v in doc["answers"].items() if k not in off}
        try:
            dump_document(doc, path)
        except Exception as exc:  # every failure keeps the draft (issue 11 item 4)
            self.autosave()
            self.w.show_banner(f"保存できませんでした（{path}）：{_error_text(exc)}。"
                               + ("フォルダーがありません。別の場所を選んでください。" if not path.parent.is_dir() else "")
                               + "回答は自動保存に残っています。")
            return False
        for fact in off:
            s.clear_answer(fact)
        self.path = path
        self.fingerprint = fingerprint(path)
        self.w.dropped = set()
        self.w.storage.remove_recovery()
        self.recovery.saved()
        self._set_clean()
        self.w.show_page(self.w.current or "review")
        return True

    # --- profile --------------------------------------------------------------------
    def _other_profile_name(self, org: dict[str, Any]) -> str | None:
        """The organisation name of a saved profile that is not this one (None if none/same)."""
        saved, problems = self.w.storage.read_profile()
        if problems and self.w.storage.profile_path.exists():
            return "（読めないプロファイル）"
        name = saved.get("org.name")
        return str(name) if saved and name and name != org.get("org.name") else None

    def save_profile(self, ask: bool = True) -> None:
        org = {k: v for k, v in self.w.session.answers.items() if k.startswith("org.")}
        other = self._other_profile_name(org)
        if ask and other and self.w.dialogs.choose(
                self.w, "事業者情報の保存",
                f"保存済みのプロファイルは別の事業者（{other}）のものです。上書きしますか？",
                ["上書きしない", "上書きする"]) != 1:
            return
        try:
            org = self.w.storage.save_profile(self.w.session.answers)
        except Exception as exc:
            self.w.show_banner(f"プロファイルを保存できませんでした：{_error_text(exc)}")
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
        other = self._other_profile_name(org)
        if other:  # the safe answer first: Enter never replaces another organisation's profile
            text = (f"入力した事業者情報をプロファイルに保存しますか？\n保存済みのプロファイルは別の事業者（{other}）のものです。"
                    "保存すると置き換わります。")
            if self.w.dialogs.choose(self.w, "事業者情報の保存", text, ["保存しない", "置き換えて保存する"]) == 1:
                self.save_profile(ask=False)
            return
        choice = self.w.dialogs.choose(
            self.w, "事業者情報の保存",
            "入力した事業者情報をプロファイルに保存しますか？\n次の事案から自動的に入力されます（このパソコンのみ）。",
            ["保存する", "保存しない"])
        if choice == 0:
            self.save_profile(ask=False)

    # --- autosave and recovery ----------------------------------------------------------
    def autosave(self) -> None:
        try:
            self.w.storage.write_recovery(self.w.session.to_document(), self.path)
            self.autosave_failed = False
        except Exception as exc:
            if not self.autosave_failed:
                self.w.show_banner(f"自動保存できませんでした：{_error_text(exc)}。こまめに「保存」してください。")
            self.autosave_failed = True

    def offer_recovery(self) -> bool:
        """Offer back the drafts left by crashed or killed windows (see wizard.gui.recovery)."""
        return self.recovery.offer()

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
        self.recovery.closing_without_save()
