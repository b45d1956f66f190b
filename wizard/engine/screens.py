"""Screens: which questions of the current path share one page of the wizard
(questions/screens.json), and the screen walk of `main.py screens` (no Qt).

The graph (questions/*.yaml) decides which questions are asked and in which
order; this module only cuts that path into pages.  A screen shows the nodes of
its group that are on the path, in path order.  A node in no group is a screen
of its own; an ungrouped node that lies on the path between two nodes of one
group is shown on that group's screen (so a question added to a flowchart in
the middle of a page appears on the page, not as a lonely extra screen).  A group
may also claim nodes by id prefix (`match`, e.g. "notice_"): for a family of
questions whose members change; a prefix may match nothing yet, a named node must exist.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard import ROOT
from wizard.domain.facts import label

if TYPE_CHECKING:
    from wizard.engine.graph import Graph, Question
    from wizard.engine.session import Session

SCREENS_FILE = ROOT / "questions" / "screens.json"
FORMAT = "rouei-screens/1"
TOP_KEYS = {"format", "note", "screens"}
GROUP_KEYS = {"id", "title", "nodes", "match", "layout", "preview", "note"}
PREFIX = re.compile(r"[a-z][a-z0-9_]*")
LAYOUTS = ("form", "compact")
PAGES = ("review", "result")
PAGE_TITLES = {"review": "回答の確認", "result": "結果"}


class ScreenError(ValueError):
    pass


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    nodes: tuple[str, ...]
    layout: str = "form"
    match: tuple[str, ...] = ()
    preview: bool = False  # show what the answers so far mean (報告が必要か) before these questions


@dataclass(frozen=True)
class Screen:
    id: str
    title: str
    questions: tuple[Question, ...]
    layout: str = "form"
    preview: bool = False

    @property
    def section(self) -> str:
        return self.questions[0].section

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)


def _err(name: str, where: str, msg: str) -> ScreenError:
    return ScreenError(f"{name}（{where}）: {msg}")


def parse_groups(doc: Any, name: str = "questions/screens.json") -> tuple[Group, ...]:
    if not isinstance(doc, dict):
        raise ScreenError(f"{name}: 最上位はキーと値の組で書いてください")
    for key in doc:
        if key not in TOP_KEYS:
            raise _err(name, "最上位", f"未知のキー「{key}」")
    if doc.get("format") != FORMAT:
        raise _err(name, "format", f"format は「{FORMAT}」です")
    raw = doc.get("screens")
    if not isinstance(raw, list):
        raise _err(name, "screens", "screens は画面の一覧です")
    out: list[Group] = []
    for i, item in enumerate(raw, start=1):
        where = f"{i}番目の画面"
        if not isinstance(item, dict):
            raise _err(name, where, "画面はキーと値の組で書いてください")
        gid = item.get("id")
        if not isinstance(gid, str) or not gid:
            raise _err(name, where, "id がありません")
        where = f"画面 {gid}"
        for key in item:
            if key not in GROUP_KEYS:
                raise _err(name, where, f"未知のキー「{key}」")
        title, layout = item.get("title"), item.get("layout", "form")
        nodes, match = item.get("nodes", []), item.get("match", [])
        if not isinstance(title, str) or not title.strip():
            raise _err(name, where, "title（画面の見出し）がありません")
        if not isinstance(nodes, list) or not all(isinstance(n, str) and n for n in nodes):
            raise _err(name, where, "nodes は質問IDの一覧です")
        if not isinstance(match, list) or not all(isinstance(m, str) and PREFIX.fullmatch(m) for m in match):
            raise _err(name, where, "match は質問IDの先頭部分（例: notice_）の一覧です")
        if not nodes and not match:
            raise _err(name, where, "nodes（質問ID）か match（IDの先頭部分）が必要です")
        if layout not in LAYOUTS:
            raise _err(name, where, f"layout は {' / '.join(LAYOUTS)} のいずれかです")
        preview = item.get("preview", False)
        if not isinstance(preview, bool):
            raise _err(name, where, "preview は true / false です")
        out.append(Group(gid, title.strip(), tuple(nodes), str(layout), tuple(match), preview))
    return tuple(out)


@lru_cache(maxsize=4)
def load_groups(path: Path = SCREENS_FILE) -> tuple[Group, ...]:
    from wizard.engine.yamlio import LoadError, parse_json

    try:
        doc = parse_json(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScreenError(f"{path.name}: 読めません（{exc.strerror or exc}）") from None
    except LoadError as exc:
        raise ScreenError(f"{path.name}: {exc.message}") from None
    return parse_groups(doc, f"questions/{path.name}")


class ScreenPlan:
    """Groups checked against one graph; cuts a path into screens."""

    def __init__(self, graph: Graph, groups: tuple[Group, ...] = ()) -> None:
        self.graph = graph
        self.groups = {g.id: g for g in groups}
        self.group_of: dict[str, str] = {}
        for g in groups:
            if g.id in PAGES:
                raise ScreenError(f"画面 {g.id}: review / result は予約された名前です")
            if g.id in graph.nodes and g.id not in g.nodes:
                raise ScreenError(f"画面 {g.id}: 別の質問と同じIDです（画面IDと質問IDは重ならないようにします）")
            for nid in g.nodes:
                if nid not in graph.nodes:
                    raise ScreenError(f"画面 {g.id}: 質問「{nid}」は questions/ にありません")
                if nid in self.group_of:
                    raise ScreenError(f"画面 {g.id}: 質問「{nid}」は画面 {self.group_of[nid]} にも入っています")
                self.group_of[nid] = g.id
        if len(self.groups) != len(groups):
            raise ScreenError("画面IDが重複しています")
        for nid in graph.nodes:  # prefixes: the first group (in file order) that claims the node
            if nid not in self.group_of:
                g2 = next((g for g in groups if any(nid.startswith(m) for m in g.match)), None)
                if g2 is not None:
                    self.group_of[nid] = g2.id

    @classmethod
    def load(cls, graph: Graph, path: Path = SCREENS_FILE) -> ScreenPlan:
        return cls(graph, load_groups(path))

    def _keys(self, path: list[Question]) -> list[str]:
        """The group (or own id) of each question on `path`, sandwiched nodes joined."""
        keys = [self.group_of.get(q.id, "") for q in path]
        for i, k in enumerate(keys):
            if k:
                continue
            before = next((keys[j] for j in range(i - 1, -1, -1) if keys[j]), "")
            after = next((self.group_of.get(path[j].id, "") for j in range(i + 1, len(path))
                          if self.group_of.get(path[j].id)), "")
            keys[i] = before if before and before == after else path[i].id
        return keys

    def screens(self, path: list[Question]) -> list[Screen]:
        out: list[Screen] = []
        runs: dict[str, int] = {}
        keys = self._keys(path)
        i = 0
        while i < len(path):
            key = keys[i]
            j = i
            while j < len(path) and keys[j] == key:
                j += 1
            qs = tuple(path[i:j])
            runs[key] = runs.get(key, 0) + 1
            sid = key if runs[key] == 1 else f"{key}-{runs[key]}"
            g = self.groups.get(key)
            if g is not None:
                out.append(Screen(sid, g.title, qs, g.layout, g.preview))
            else:
                out.append(Screen(sid, label(qs[0].fact), qs))
            i = j
        return out


# --- the screen walk of `main.py screens FILE [--profile]` ---------------------------

def profile_answers(answers: dict[str, Any]) -> dict[str, Any]:
    """The part of an incident's answers that the organisation profile keeps."""
    return {k: v for k, v in answers.items() if k.startswith("org.")}


def walk(answers: dict[str, Any], profile: bool = False, limit: int = 500) -> list[tuple[str, str]]:
    """(screen id, title) of every screen the wizard shows from 新規 to the result
    when the user enters `answers` (and leaves the rest as the screens show it).

    The same Session calls as the window: start where a new incident starts,
    fill each screen, 次へ, until 確認 and 結果."""
    from wizard.engine.session import Session

    s = Session(profile_answers(answers) if profile else {})
    shown: list[tuple[str, str]] = []
    sid: str | None = s.landing()
    while sid not in (None, *PAGES):
        if len(shown) >= limit:
            raise ScreenError("画面の順序が終わりません（質問の流れを確認してください）")
        screen = s.screen(sid)
        shown.append((screen.id, screen.title))
        fill_screen(s, sid, answers)
        sid = s.next_screen(sid)
    shown.append(("review", PAGE_TITLES["review"]))
    shown.append(("result", PAGE_TITLES["result"]))
    return shown


def fill_screen(s: Session, sid: str, answers: dict[str, Any]) -> None:
    """What a user entering `answers` does on screen `sid`: answer what the file answers, keep
    what the screen shows preselected; until the questions on the screen stop changing."""
    done: set[str] = set()
    while True:
        screen = s.screen(sid)
        todo = [q for q in screen.questions if q.id not in done]
        if not todo:
            break
        for q in todo:
            done.add(q.id)
            if q.fact in answers:
                if answers[q.fact] is not None or s.accepts_none(q):
                    s.set_answer(q.fact, answers[q.fact])
            else:
                shown = s.shown_value(q)
                if shown is not None:
                    s.set_answer(q.fact, shown)
    missing = [q for q in s.screen(sid).questions if q.required and not s.is_answered(q)]
    if missing:
        names = "、".join(f"{q.fact}（{label(q.fact)}）" for q in missing)
        raise ScreenError(f"必須の回答がありません: {names}")
    s.leave_screen(sid)


def screen_of(screens: list[Screen], qid: str) -> Screen | None:
    return next((sc for sc in screens if qid in sc.ids), None)


def print_walk(file: str, profile: bool) -> int:
    """`main.py screens FILE [--profile]`: one line per screen (id, title), then `N screens`."""
    import sys

    from wizard.engine.incident import InputError, load_incident

    inc = load_incident(file)
    try:
        shown = walk(inc.answers, profile=profile)
    except ScreenError as exc:
        raise InputError(f"{file}: {exc}") from None
    for sid, title in shown:
        sys.stdout.write(f"{sid}\t{title}\n")
    sys.stdout.write(f"{len(shown)} screens\n")
    return 0
