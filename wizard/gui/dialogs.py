"""Every modal dialog of the window goes through one injectable service.

The window never calls QMessageBox/QFileDialog directly, so tests pass a
scripted stand-in (tests/gui/gui_support.py) and no nested event loop is ever
left open.  The real file dialogs are Qt's own (non-native) dialog with every
label in Japanese, a suggested file name, the ``.json`` suffix added *before*
the overwrite question, and a folder that does not exist yet offered to be
created instead of Qt's 'Directory not found'.
"""
from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QWidget

INCIDENT_FILTER = "事案ファイル (*.json *.yaml *.yml);;すべてのファイル (*)"
RECIPIENTS_FILTER = "宛先リスト (*.csv *.xlsx *.xlsm);;すべてのファイル (*)"
INCIDENT_SUFFIXES = (".json", ".yaml", ".yml")


class DialogService(Protocol):
    def choose(self, parent: QWidget | None, title: str, text: str, buttons: list[str]) -> int:
        """Index of the button pressed; -1 when the dialog was closed.  buttons[0] is the default."""
        ...

    def pick(self, parent: QWidget | None, title: str, text: str, items: list[str],
             buttons: list[str]) -> tuple[int, int]:
        """(button index, chosen item index) from a list; (-1, -1) when closed."""
        ...

    def open_file(self, parent: QWidget | None, title: str, start: str) -> str | None: ...

    def save_file(self, parent: QWidget | None, title: str, start: str) -> str | None:
        """`start` may be a folder or a suggested file path."""
        ...

    def folder(self, parent: QWidget | None, title: str, start: str) -> str | None: ...

    def recipients_file(self, parent: QWidget | None, title: str, start: str) -> str | None: ...


def escape_index(buttons: list[str]) -> int:
    """The button Esc presses: キャンセル / あとで決める, else the first 「…しない」「…ない」, else the default.

    Never the last button blindly: in 「保存しない／別の名前で保存／上書きする」 that would overwrite."""
    for i, label in enumerate(buttons):
        if label.startswith(("キャンセル", "あとで")):
            return i
    for i, label in enumerate(buttons):
        if label.endswith("ない"):
            return i
    return 0


class JapaneseFileDialog(QFileDialog):
    """Qt's own file dialog, labelled in Japanese; creates a missing folder when asked to."""

    def __init__(self, parent: QWidget | None, title: str, start: str, name_filter: str) -> None:
        from wizard.gui import qt_ja

        qt_ja.install()
        super().__init__(parent, title, start, name_filter)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = {QFileDialog.DialogLabel.LookIn: "場所：", QFileDialog.DialogLabel.FileName: "ファイル名：",
                  QFileDialog.DialogLabel.FileType: "ファイルの種類：", QFileDialog.DialogLabel.Reject: "キャンセル"}
        for which, text in labels.items():
            self.setLabelText(which, text)

    def _missing_folder(self) -> Path | None:
        files = self.selectedFiles()
        if not files:
            return None
        target = Path(files[0])
        folder = target if self.fileMode() == QFileDialog.FileMode.Directory else target.parent
        return None if folder.exists() else folder

    def accept(self) -> None:
        folder = self._missing_folder()
        directory = self.fileMode() == QFileDialog.FileMode.Directory
        if folder is not None and (directory or self.acceptMode() == QFileDialog.AcceptMode.AcceptSave):
            if QtDialogs().choose(self, "フォルダーがありません",
                                  f"フォルダー「{folder}」はまだありません。作成しますか？",
                                  ["作成する", "キャンセル"]) != 0:
                return
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                QtDialogs().choose(self, "フォルダーを作成できません",
                                   f"フォルダー「{folder}」を作成できませんでした（{exc.strerror or exc}）。"
                                   "別の場所を選んでください。", ["OK"])
                return
            self.selectFile(self.selectedFiles()[0])  # absolute, so Qt finds what was just made
        super().accept()


def _run(dialog: JapaneseFileDialog) -> str | None:
    if not dialog.exec():
        return None
    files = dialog.selectedFiles()
    return files[0] if files else None


class QtDialogs:
    """The real dialogs (Qt's Japanese translation plus our own labels)."""

    def choose(self, parent: QWidget | None, title: str, text: str, buttons: list[str]) -> int:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        made = [box.addButton(label, QMessageBox.ButtonRole.ActionRole) for label in buttons]
        if made:
            box.setDefaultButton(made[0])
            box.setEscapeButton(made[escape_index(buttons)])
        box.exec()
        clicked = box.clickedButton()
        return made.index(clicked) if clicked in made else -1  # type: ignore[arg-type]

    def pick(self, parent: QWidget | None, title: str, text: str, items: list[str],
             buttons: list[str]) -> tuple[int, int]:
        from wizard.gui.pick_dialog import PickDialog

        dlg = PickDialog(parent, title, text, items, buttons)
        dlg.exec()
        return dlg.result_pair()

    def open_file(self, parent: QWidget | None, title: str, start: str) -> str | None:
        dlg = JapaneseFileDialog(parent, title, start, INCIDENT_FILTER)
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
        dlg.setLabelText(QFileDialog.DialogLabel.Accept, "開く")
        return _run(dlg)

    def save_file(self, parent: QWidget | None, title: str, start: str) -> str | None:
        start_path = Path(start)
        folder, name = (start_path, "") if start_path.is_dir() or not start_path.suffix else (
            start_path.parent, start_path.name)
        dlg = JapaneseFileDialog(parent, title, str(folder), INCIDENT_FILTER)
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setDefaultSuffix("json")  # added before Qt asks whether to overwrite (issue 11 item 3)
        dlg.setLabelText(QFileDialog.DialogLabel.Accept, "保存")
        if name:
            dlg.selectFile(name)
        return _run(dlg)

    def folder(self, parent: QWidget | None, title: str, start: str) -> str | None:
        dlg = JapaneseFileDialog(parent, title, start, "")
        dlg.setFileMode(QFileDialog.FileMode.Directory)
        dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dlg.setLabelText(QFileDialog.DialogLabel.Accept, "このフォルダーを選ぶ")
        dlg.setLabelText(QFileDialog.DialogLabel.FileName, "フォルダー：")
        return _run(dlg)

    def recipients_file(self, parent: QWidget | None, title: str, start: str) -> str | None:
        dlg = JapaneseFileDialog(parent, title, start, RECIPIENTS_FILTER)
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
        dlg.setLabelText(QFileDialog.DialogLabel.Accept, "選ぶ")
        return _run(dlg)
