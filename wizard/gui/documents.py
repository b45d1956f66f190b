"""文書を作成… and フォルダーを開く on the result page."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from wizard.engine.incident import Incident, InputError

if TYPE_CHECKING:
    from wizard.gui.main_window import MainWindow


class DocumentActions:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.folder: Path | None = None
        page = window.result_page
        page.make_documents.connect(self.make)
        page.open_folder.connect(self.open_folder)

    def incident(self) -> Incident:
        s = self.w.session
        off = set(s.inapplicable())
        answers = {k: v for k, v in s.answers.items() if k not in off}
        ext = {k: v for k, v in s.extra.items() if str(k).startswith("x-")}
        recipients = s.extra.get("recipients")
        report = s.extra.get("report")
        return Incident(self.w.files.path, answers, recipients if isinstance(recipients, str) else None,
                        report if isinstance(report, dict) else None, ext)

    def make(self, folder: str | None = None) -> dict[str, Any] | None:
        page = self.w.result_page
        start = str(self.folder or (self.w.files.path.parent if self.w.files.path else Path.home()))
        chosen = folder or self.w.dialogs.folder(self.w, "文書の保存先フォルダーを選んでください", start)
        if not chosen:
            return None
        try:
            from wizard.documents.api import render_bundle
        except ImportError:
            page.show_documents(None, "文書作成の機能が見つかりません（このバージョンには含まれていません）。"
                                      "結果の内容はこの画面と「コピー」ボタンで利用できます。")
            return None
        inc = self.incident()
        recipients_path = None
        if inc.recipients and inc.path is not None:
            recipients_path = (inc.path.parent / inc.recipients).resolve()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            outcome = self.w.session.outcome(today=self.w.today)
            manifest = render_bundle(inc, outcome, Path(chosen), recipients_path=recipients_path)
        except InputError as exc:
            page.show_documents(None, f"文書を作成できませんでした。\n{exc}")
            return None
        except Exception as exc:  # shown in the window, never a traceback
            page.show_documents(None, f"文書の作成中に問題が起きました：{exc}")
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.folder = Path(chosen)
        page.folder_button.setEnabled(True)
        page.show_documents(manifest, None)
        return manifest

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
