"""Offering recovery drafts back (after a crash, a kill, or a second window).

Every draft left by a process that no longer runs is listed (title, time in
Japanese, number of answers); only the one restored or discarded is touched.
A draft from another program or file format version is restored with a
warning that names what could not be taken over, and its file is kept until
the incident is saved.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard.domain.facts import FACTS
from wizard.engine.session import Session
from wizard.engine.values import check_value, normalize
from wizard.gui.storage import Recovered
from wizard.gui.validate_bridge import surrogate_keys

if TYPE_CHECKING:
    from wizard.gui.files import IncidentFiles

RESTORE, DISCARD, LATER = 0, 1, 2
SHOWN_VALUE = 40


def split_answers(raw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """(answers that are valid today, lines naming each one that is not)."""
    good: dict[str, Any] = {}
    lost: list[str] = []
    for key, value in raw.items():
        shown = str(value).encode("utf-8", "backslashreplace").decode("utf-8")
        shown = shown if len(shown) <= SHOWN_VALUE else shown[:SHOWN_VALUE] + "…"
        name = str(key).encode("utf-8", "backslashreplace").decode("utf-8")
        if key not in FACTS:
            lost.append(f"「{name}」＝{shown}（このバージョンにない項目）")
            continue
        if surrogate_keys({key: value}):
            lost.append(f"「{name}」（{FACTS[key].label}）（文字として使えない符号を含む）")
            continue
        value = normalize(key, value)
        msg = check_value(key, value)
        if msg:
            lost.append(f"「{name}」（{FACTS[key].label}）＝{shown}（{msg}）")
        else:
            good[key] = value
    return good, lost


class Recovery:
    def __init__(self, files: IncidentFiles) -> None:
        self.files = files
        self.restored: Recovered | None = None  # its file stays until the incident is saved
        self.keep_on_exit = False  # a foreign or partly restored draft survives 保存しない

    def offer(self) -> bool:
        """List every orphaned draft; True when one was restored."""
        w = self.files.w
        while True:
            found = w.storage.orphaned_recoveries()
            if not found:
                return False
            button, row = w.dialogs.pick(
                w, "下書きの復元",
                f"保存しないまま終了した下書きが{len(found)}件あります。復元する下書きを選んでください。\n"
                "（選ばなかった下書きはそのまま残り、次回の起動時にも表示されます）",
                [r.describe() for r in found], ["復元する", "破棄する", "あとで決める"])
            if button == RESTORE and 0 <= row < len(found):
                self.restore(found[row])
                return True
            if button == DISCARD and 0 <= row < len(found):
                sure = w.dialogs.choose(w, "下書きの破棄", f"この下書きを削除します。元に戻せません。\n{found[row].describe()}",
                                        ["削除しない", "削除する"])
                if sure == 1:
                    w.storage.discard(found[row])
                continue
            return False

    def restore(self, rec: Recovered) -> None:
        w, files = self.files.w, self.files
        answers, lost = split_answers(rec.answers)
        extra = {k: v for k, v in rec.extra.items() if not surrogate_keys({k: v})}
        files.path = Path(rec.source) if rec.source else None
        files.fingerprint = None  # the file on disk is not what this draft was based on: ask before saving
        files.adopt(Session(answers, graph=w.graph, extra=extra))
        w.mark_dirty()
        self.restored = rec
        self.keep_on_exit = rec.foreign or bool(lost)
        parts = [f"下書き「{rec.describe()}」を復元しました。"]
        if rec.foreign:
            parts.append(f"この下書きは別のバージョン（プログラム {rec.program or '不明'}、形式 {rec.file_format}）で"
                         f"作られました。内容を確認してください。")
        if lost:
            parts.append(f"次の{len(lost)}件は復元できませんでした：" + "、".join(lost[:8]) +
                         (f" ほか{len(lost) - 8}件" if len(lost) > 8 else ""))
        if self.keep_on_exit:
            parts.append(f"元の下書きファイルは保存するまで残します（{rec.path}）。")
        else:
            parts.append("保存するまでは自動保存ファイルに残ります。")
            if not files.autosave_failed and w.storage.recovery_path.exists():
                w.storage.discard(rec)  # everything it held is now in this window's own draft
                self.restored = None
        w.show_banner("\n".join(parts), error=rec.foreign or bool(lost))

    def saved(self) -> None:
        """The incident was written: the restored draft has done its job."""
        if self.restored is not None:
            self.files.w.storage.discard(self.restored)
        self.restored = None
        self.keep_on_exit = False

    def closing_without_save(self) -> None:
        if self.restored is not None and not self.keep_on_exit:
            self.files.w.storage.discard(self.restored)
        self.restored = None
