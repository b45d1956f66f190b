"""文書を作成…, 宛先リスト, 保存先 and フォルダーを開く on the result page.

Each incident's documents go to a folder of its own under the documents root
(wizard.gui.doc_folder), file names start with the incident's date and 件名,
a recipients list is checked (letters and skipped rows shown) before anything
is rendered, and a 続報 uses ``report.previous`` like ``render --previous``.
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from wizard import userdirs
from wizard.engine.incident import Incident, InputError
from wizard.gui import doc_folder

if TYPE_CHECKING:
    from wizard.gui.main_window import MainWindow

SHOWN_ROW_ERRORS = 20


class RecipientsCheck:
    """A recipients list read once before rendering: how many letters, which rows are skipped."""

    def __init__(self, path: Path) -> None:
        from wizard.documents.recipients import RecipientsFile, RowError

        self.path = path
        self.letters = 0
        self.skipped: list[tuple[int, str]] = []
        self.skipped_total = 0
        for item in RecipientsFile(path).rows():
            if isinstance(item, RowError):
                self.skipped_total += 1
                if len(self.skipped) < SHOWN_ROW_ERRORS:
                    self.skipped.append((item.row, item.reason))
            else:
                self.letters += 1

    def summary(self) -> str:
        text = f"宛先リスト「{self.path.name}」：本人への通知 {self.letters:,}通"
        if self.skipped_total:
            text += f"、飛ばす行 {self.skipped_total:,}件"
        return text + ("" if self.letters else "（宛先のある行がないため、宛名なしの通知文を1通だけ作成します）")


def beside(folder: Path, value: str) -> Path | None:
    """A path written in an incident file → the file inside the incident's folder, or None.

    Same rule as the CLI (SPEC §5): no absolute path, no drive, no ``..``, and the resolved
    target stays inside the folder (a symlink out of it is refused too)."""
    win, posix = PureWindowsPath(value), PurePosixPath(value)
    if (not value.strip() or "\x00" in value or posix.is_absolute() or win.drive or win.root
            or ".." in posix.parts or ".." in win.parts):
        return None
    try:
        base = folder.resolve()
        target = (base / value).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    return target if target.is_relative_to(base) else None


class DocumentActions:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.folder: Path | None = None  # where this incident's documents were written
        self.chosen: Path | None = None  # a folder the user picked instead of the default
        self.id_saved = False
        self.recipients: RecipientsCheck | None = None
        self.recipients_problem: str | None = None
        self.previous_file: Path | None = None  # picked in this window (kept in the file when beside it)
        page = window.result_page
        page.make_documents.connect(self.make)
        page.open_folder.connect(self.open_folder)
        page.choose_recipients.connect(self.choose_recipients)
        page.change_folder.connect(self.change_folder)
        page.choose_previous.connect(self.choose_previous)
        self.reset()

    # --- per incident ------------------------------------------------------------
    def reset(self) -> None:
        """A new or opened incident: nothing of the previous one stays."""
        self.folder = None
        self.chosen = None
        self.recipients = None
        self.recipients_problem = None
        self.previous_file = None
        self.id_saved = doc_folder.ID_KEY in self.w.session.extra
        rel = self.w.session.extra.get("recipients")
        base = self.w.files.path.parent if self.w.files.path else None
        if isinstance(rel, str) and rel:
            self._recipients_from_file(rel, base)
        self.w.result_page.clear_documents()
        self.refresh()

    def _recipients_from_file(self, rel: str, base: Path | None) -> None:
        if base is None:
            self.recipients_problem = f"事案ファイルの宛先リスト「{rel}」は、事案を保存してから使えます。"
            return
        target = beside(base, rel)
        if target is None:
            self.recipients_problem = (f"事案ファイルの宛先リスト「{rel}」は事案ファイルのフォルダーの外にあるため使いません。"
                                       "「宛先リストを選ぶ…」で選んでください。")
            return
        self._check_recipients(target)

    def _check_recipients(self, path: Path) -> bool:
        from wizard.documents.errors import DocumentInputError

        try:
            self.recipients = RecipientsCheck(path)
            self.recipients_problem = None
            return True
        except (DocumentInputError, InputError) as exc:
            self.recipients, self.recipients_problem = None, str(exc)
        except Exception as exc:  # the parser is strict; anything else is still shown, not raised
            self.recipients, self.recipients_problem = None, f"宛先リスト {path.name} を読めませんでした（{type(exc).__name__}）"
        return False

    def today(self) -> str:
        return self.w.today.isoformat()

    def default_folder(self) -> Path:
        s = self.w.session
        ident = doc_folder.incident_id(s.extra)
        return doc_folder.incident_folder(self.w.storage.documents_root, s.answers, ident, self.today())

    def destination(self) -> Path:
        return self.chosen or self.folder or self.default_folder()

    def refresh(self) -> None:
        page = self.w.result_page
        try:
            dest = str(self.destination())
        except OSError as exc:
            dest = f"（決められません：{exc}）"
        page.show_destination(dest)
        prev = self.previous_file or self._written_previous()
        page.show_previous(f"続報：前回の報告「{prev.name}」と比べます" if prev else "")
        if self.recipients is not None:
            page.show_recipients(self.recipients.summary(), self.recipients.skipped, self.recipients.skipped_total)
        else:
            page.show_recipients(self.recipients_problem or "宛先リストなし（宛名なしの通知文を1通作成します）", [], 0,
                                 problem=self.recipients_problem is not None)

    # --- buttons -------------------------------------------------------------------
    def choose_recipients(self, path: str | None = None) -> bool:
        start = str(self.recipients.path.parent if self.recipients else
                    self.w.files.path.parent if self.w.files.path else Path.home())
        chosen = path or self.w.dialogs.recipients_file(self.w, "宛先リスト（CSV／Excel）を選ぶ", start)
        if not chosen:
            return False
        ok = self._check_recipients(Path(chosen))
        self.refresh()
        return ok

    def change_folder(self, path: str | None = None) -> bool:
        root = self.w.storage.documents_root
        chosen = path or self.w.dialogs.folder(self.w, "文書の保存先フォルダーを選んでください",
                                               str(root if root.is_dir() else Path.home()))
        if not chosen:
            return False
        folder = Path(chosen)
        ident = doc_folder.incident_id(self.w.session.extra)
        if not doc_folder.belongs_to(folder, ident):
            self.w.result_page.show_documents(None, f"フォルダー {folder} には別の事案（又は別のファイル）があります。"
                                                    "事案ごとに別のフォルダーを選んでください。")
            return False
        self.chosen = folder
        self.refresh()
        return True

    def incident(self) -> Incident:
        s = self.w.session
        off = set(s.inapplicable())
        answers = {k: v for k, v in s.answers.items() if k not in off}
        ext = {k: v for k, v in s.extra.items() if str(k).startswith("x-")}
        recipients = s.extra.get("recipients")
        report = s.extra.get("report")
        return Incident(self.w.files.path, answers, recipients if isinstance(recipients, str) else None,
                        report if isinstance(report, dict) else None, ext)

    def _written_previous(self) -> Path | None:
        report = self.w.session.extra.get("report")
        prev = report.get("previous") if isinstance(report, dict) else None
        base = self.w.files.path.parent if self.w.files.path else None
        return beside(base, prev) if isinstance(prev, str) and prev and base else None

    def choose_previous(self, path: str | None = None) -> bool:
        """Pick the previous report's incident file for a 続報 (like ``render --previous``)."""
        from wizard.engine.incident import load_incident

        start = str(self.w.files.path.parent if self.w.files.path else self.w.storage.documents_root)
        chosen = path or self.w.dialogs.open_file(self.w, "前回報告した事案ファイルを選ぶ", start)
        if not chosen:
            return False
        target = Path(chosen)
        try:
            load_incident(target)
        except (InputError, OSError) as exc:
            self.w.result_page.show_documents(None, f"前回の報告として使えません。\n{exc}")
            return False
        if self.w.files.path is not None and target.resolve() == self.w.files.path.resolve():
            self.w.result_page.show_documents(None, "今の事案ファイルそのものは前回の報告にできません。前回報告したときのファイルを選んでください。")
            return False
        self.previous_file = target
        base = self.w.files.path.parent if self.w.files.path else None
        if base is not None and beside(base, target.name) == target.resolve():
            report = dict(self.w.session.extra.get("report") or {})
            report["previous"] = target.name  # kept in the incident file, beside it (SPEC §2)
            self.w.session.extra["report"] = report
            self.w.mark_dirty()
        self.refresh()
        return True

    def previous(self, inc: Incident) -> Path | None:
        """The previous report's file for a 続報 (picked here, or report.previous beside the incident file)."""
        if self.previous_file is not None:
            return self.previous_file
        prev = (inc.report or {}).get("previous")
        if not isinstance(prev, str) or not prev:
            return None
        if inc.path is None:
            raise InputError(f"前回報告のファイル「{prev}」は、事案を保存してから使えます。")
        path = beside(inc.path.parent, prev)
        if path is None:
            raise InputError(f"事案ファイルに書かれた前回報告のファイル「{prev[:80]}」は使えません。"
                             "事案ファイルと同じフォルダー（又はその中のフォルダー）に置き、その名前を書いてください。")
        if not path.is_file():
            raise InputError(f"前回報告のファイルが見つかりません: {path}")
        return path

    def make(self, folder: str | None = None) -> dict[str, Any] | None:
        page = self.w.result_page
        s = self.w.session
        ident = doc_folder.incident_id(s.extra)
        try:
            target = Path(folder) if folder else self.destination()
        except OSError as exc:
            page.show_documents(None, f"保存先のフォルダーを決められませんでした：{exc}")
            return None
        if not doc_folder.belongs_to(target, ident):
            page.show_documents(None, f"フォルダー {target} には別の事案の文書があります。「保存先を変更…」で選び直してください。")
            return None
        try:
            from wizard.documents.api import render_bundle
            from wizard.documents.errors import DocumentInputError
        except ImportError:
            page.show_documents(None, "文書作成の機能が見つかりません（このバージョンには含まれていません）。"
                                      "結果の内容はこの画面と「コピー」ボタンで利用できます。")
            return None
        inc = self.incident()
        try:
            outcome = s.outcome(today=self.w.today)
        except Exception as exc:  # shown in the window, never a traceback
            page.show_documents(None, f"結果を計算できませんでした：{type(exc).__name__}: {exc}")
            return None
        letters = "subject_notice" in (outcome.get("documents") or [])
        if self.recipients_problem and letters:  # never one generic letter instead of the list the user meant
            page.show_documents(None, f"宛先リストに問題があるため作成しませんでした。\n{self.recipients_problem}")
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            previous = self.previous(inc)
            if target.parent == self.w.storage.documents_root and not target.parent.exists():
                userdirs.ensure(target.parent)  # the root too is for this user only
            doc_folder.claim(target, ident, str(s.answers.get("incident.title") or ""))
            manifest = render_bundle(inc, outcome, target, previous=previous,
                                     recipients_path=self.recipients.path if self.recipients and letters else None,
                                     name_prefix=doc_folder.file_prefix(s.answers, self.today()))
        except (InputError, DocumentInputError) as exc:
            page.show_documents(None, f"文書を作成できませんでした。\n{exc}")
            return None
        except OSError as exc:
            page.show_documents(None, f"文書を保存できませんでした（{target}）：{exc.strerror or exc}")
            return None
        except Exception as exc:  # shown in the window, never a traceback
            page.show_documents(None, f"文書の作成中に問題が起きました：{type(exc).__name__}: {exc}")
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.folder = target
        if not self.id_saved:  # the incident id is kept in the file, so its folder is found again
            self.id_saved = True
            self.w.mark_dirty()
        page.folder_button.setEnabled(True)
        page.show_documents(manifest, None, followup=previous is not None)
        self.refresh()
        return manifest

    def open_folder(self) -> bool:
        if self.folder is None:
            return False
        ok = QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
        if not ok:
            self.w.result_page.show_folder_problem(str(self.folder))
        return bool(ok)
