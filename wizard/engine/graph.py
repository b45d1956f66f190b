"""The question graph: one YAML file per regulator flowchart in questions/.

Loading is strict (unknown keys, dangling `goto`, unreachable nodes, cycles,
missing citations, facts outside the vocabulary, conditions that read facts not
asked before → GraphError naming file, line and node).  Walking the graph with
a set of answers gives the current path: the questions that matter.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wizard.domain.facts import FACTS
from wizard.engine.conditions import NOT_ASKED, Condition, ConditionError, compile_condition
from wizard.engine.yamlio import LineDict, LoadError, parse_yaml

END = "END"
SECTIONS = {
    "org": "事業者情報",
    "incident": "事案の概要",
    "data": "個人データ",
    "mynumber": "マイナンバー",
    "sector": "業種別",
    "response": "対応状況",
    "review": "確認",
    "result": "結果",
}
KINDS = {  # question kind → fact types it may store
    "choice": {"enum"}, "prefecture": {"str"}, "tri": {"tri"}, "bool": {"bool"}, "date": {"date", "datenull"},
    "int": {"int"}, "text": {"str", "strnull"}, "textarea": {"text", "str"}, "list": {"list"},
}
NODE_KEYS = {
    "id", "fact", "kind", "section", "text", "help", "examples", "cite", "effective", "required", "default",
    "unknown_label", "notes", "next", "placeholder", "allow_unknown", "show_if_2017",
}
FLOW_KEYS = {"flow", "title", "cite", "effective", "order", "start", "nodes"}


class GraphError(ValueError):
    pass


@dataclass(frozen=True)
class Edge:
    target: str
    cond: Condition | None


@dataclass
class Question:
    id: str
    fact: str
    kind: str
    section: str
    text: str
    cite: str
    flow: str
    help: str = ""
    examples: list[str] = field(default_factory=list)
    effective: str = ""
    required: bool = False
    default: Any = None
    allow_unknown: bool = True
    unknown_label: str = "不明"
    placeholder: str = ""
    notes: dict[str, str] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    file: str = ""
    line: int | None = None

    @property
    def options(self) -> list[tuple[str, str]]:
        """(value, label) pairs for choice questions, in vocabulary order."""
        f = FACTS[self.fact]
        return list(f.choices.items())

    def next_id(self, env: Mapping[str, Any]) -> str:
        """First edge whose condition is not definitely false (不明 takes the branch)."""
        for e in self.edges:
            if e.cond is None or e.cond(env) is not False:
                return e.target
        return END


@dataclass
class Graph:
    start: str
    nodes: dict[str, Question]
    flows: list[dict[str, Any]]

    def walk(self, env: Mapping[str, Any]) -> list[Question]:
        """The questions on the current path, in order.  An edge condition sees only the
        facts asked so far on this path; any other fact is NOT_ASKED (not applicable),
        never 不明 (SPEC §3 "Not asked is not 不明")."""
        out: list[Question] = []
        nid = self.start
        seen: set[str] = set()
        view = _AskedView(env, set())
        while nid != END and nid not in seen:
            seen.add(nid)
            q = self.nodes[nid]
            out.append(q)
            view.asked.add(q.fact)
            if q.default is not None:
                view.defaults[q.fact] = q.default  # an unanswered question counts as its default, as in assess
            nid = q.next_id(view)
        return out

    def by_fact(self, fact: str) -> Question | None:
        for q in self.nodes.values():
            if q.fact == fact:
                return q
        return None


_ABSENT = object()


class _AskedView(Mapping[str, Any]):
    """The answers as an edge condition may read them: facts not asked yet on this
    path are NOT_ASKED."""

    def __init__(self, answers: Mapping[str, Any], asked: set[str]) -> None:
        self.answers = answers
        self.asked = asked
        self.defaults: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        value = self.get(key, _ABSENT)
        if value is _ABSENT:
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        if key in FACTS and key not in self.asked:
            return NOT_ASKED
        if key in self.answers:
            return self.answers[key]
        return self.defaults.get(key, default)

    def __iter__(self) -> Any:
        return iter(self.answers)

    def __len__(self) -> int:
        return len(self.answers)


def _err(file: str, line: int | None, node: str | None, msg: str) -> GraphError:
    where = f"{file}" + (f" {line}行目" if line else "") + (f"（ノード {node}）" if node else "")
    return GraphError(f"{where}: {msg}")


def _parse_node(raw: Any, file: str, flow: str) -> Question:
    if not isinstance(raw, LineDict):
        raise _err(file, None, None, "ノードはキーと値の組で書いてください")
    line = raw.line
    nid = raw.get("id")
    if not isinstance(nid, str) or not nid:
        raise _err(file, line, None, "id がありません")
    for key in raw:
        if key not in NODE_KEYS:
            raise _err(file, raw.line_of(key), nid, f"未知のキー「{key}」")
    for key in ("fact", "kind", "section", "text", "cite"):
        if not raw.get(key):
            raise _err(file, line, nid, f"「{key}」がありません（すべての質問に根拠 cite が必要です）")
    fact, kind = raw["fact"], raw["kind"]
    if fact not in FACTS:
        raise _err(file, raw.line_of("fact"), nid, f"事実ID「{fact}」は語彙にありません")
    if kind not in KINDS:
        raise _err(file, raw.line_of("kind"), nid, f"種類「{kind}」は使えません（{', '.join(KINDS)}）")
    if FACTS[fact].type not in KINDS[kind]:
        raise _err(file, raw.line_of("kind"), nid, f"種類「{kind}」は事実「{fact}」（{FACTS[fact].type}）に合いません")
    if raw["section"] not in SECTIONS:
        raise _err(file, raw.line_of("section"), nid, f"セクション「{raw['section']}」は使えません")
    edges: list[Edge] = []
    nxt = raw.get("next", END)
    if isinstance(nxt, str):
        edges.append(Edge(nxt, None))
    elif isinstance(nxt, list):
        for item in nxt:
            if not isinstance(item, dict) or "goto" not in item or set(item) - {"if", "goto"}:
                raise _err(file, raw.line_of("next"), nid, "next の各要素は {if: 条件, goto: ノード} です")
            cond = None
            if "if" in item:
                try:
                    cond = compile_condition(str(item["if"]))
                except ConditionError as exc:
                    raise _err(file, raw.line_of("next"), nid, str(exc)) from None
            edges.append(Edge(str(item["goto"]), cond))
    else:
        raise _err(file, raw.line_of("next"), nid, "next はノードIDか条件付きの一覧です")
    notes = raw.get("notes") or {}
    return Question(
        id=nid, fact=fact, kind=kind, section=raw["section"], text=str(raw["text"]).strip(), cite=str(raw["cite"]),
        flow=flow, help=str(raw.get("help", "")).strip(), examples=list(raw.get("examples") or []),
        effective=str(raw.get("effective", "")), required=bool(raw.get("required", False)),
        default=raw.get("default"), allow_unknown=bool(raw.get("allow_unknown", True)),
        unknown_label=str(raw.get("unknown_label", "不明")), placeholder=str(raw.get("placeholder", "")),
        notes={str(k): str(v) for k, v in notes.items()}, edges=edges, file=file, line=line,
    )


def read_docs(folder: Path) -> list[tuple[str, Any]]:
    """(file name, parsed document) for every questions/*.yaml, in name order."""
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise GraphError(f"{folder}: 質問ファイル（*.yaml）がありません")
    docs = []
    for path in files:
        try:
            docs.append((path.name, parse_yaml(path.read_text(encoding="utf-8"), trusted=True)))
        except LoadError as exc:
            raise _err(path.name, exc.line, None, exc.message) from None
    return docs


def load_graph(folder: Path) -> Graph:
    return graph_from_docs(read_docs(folder))


def graph_from_docs(docs: list[tuple[str, Any]]) -> Graph:
    nodes: dict[str, Question] = {}
    flows: list[dict[str, Any]] = []
    start: str | None = None
    for name, doc in docs:
        path = Path(name)
        if not isinstance(doc, LineDict):
            raise _err(path.name, None, None, "最上位はキーと値の組で書いてください")
        for key in doc:
            if key not in FLOW_KEYS:
                raise _err(path.name, doc.line_of(key), None, f"未知のキー「{key}」")
        for key in ("flow", "title", "cite", "nodes"):
            if key not in doc:
                raise _err(path.name, doc.line, None, f"「{key}」がありません")
        flows.append({"flow": doc["flow"], "title": doc["title"], "cite": doc["cite"], "file": path.name})
        for raw in doc["nodes"] or []:
            q = _parse_node(raw, path.name, str(doc["flow"]))
            if q.id in nodes:
                raise _err(path.name, q.line, q.id, f"ノードIDが重複しています（{nodes[q.id].file}）")
            nodes[q.id] = q
        if doc.get("start"):
            if start is not None:
                raise _err(path.name, doc.line_of("start"), None, "start は一つのファイルだけに書きます")
            start = str(doc["start"])
    if start is None:
        raise GraphError("どの質問ファイルにも start がありません")
    graph = Graph(start, nodes, flows)
    check_graph(graph)
    return graph


def check_graph(g: Graph) -> None:
    if g.start not in g.nodes:
        raise GraphError(f"start「{g.start}」というノードがありません")
    for q in g.nodes.values():
        for e in q.edges:
            if e.target != END and e.target not in g.nodes:
                raise _err(q.file, q.line, q.id, f"行き先「{e.target}」というノードがありません")
    # cycles (iterative DFS with colours)
    colour: dict[str, int] = {}
    order: list[str] = []
    stack: list[tuple[str, int]] = [(g.start, 0)]
    while stack:
        nid, i = stack.pop()
        if i == 0:
            if colour.get(nid) == 2:
                continue
            colour[nid] = 1
        targets = [e.target for e in g.nodes[nid].edges if e.target != END]
        if i < len(targets):
            stack.append((nid, i + 1))
            t = targets[i]
            if colour.get(t) == 1:
                q = g.nodes[nid]
                raise _err(q.file, q.line, nid, f"質問が循環しています（{nid} → {t}）")
            if colour.get(t) is None:
                stack.append((t, 0))
        else:
            colour[nid] = 2
            order.append(nid)
    for nid, q in g.nodes.items():
        if nid not in colour:
            raise _err(q.file, q.line, nid, "どこからも到達できないノードです")
    # conditions may read only facts asked at this node or before it on some path
    ancestors: dict[str, set[str]] = {nid: set() for nid in g.nodes}
    for nid in reversed(order):  # topological order
        q = g.nodes[nid]
        known = ancestors[nid] | {q.fact}
        for e in q.edges:
            if e.target != END:
                ancestors[e.target] |= known
    for nid, q in g.nodes.items():
        known = ancestors[nid] | {q.fact}
        for e in q.edges:
            if e.cond is None:
                continue
            for name in e.cond.names:
                if name not in FACTS:
                    raise _err(q.file, q.line, nid, f"条件の事実ID「{name}」は語彙にありません")
                if name not in known:
                    raise _err(q.file, q.line, nid, f"条件が、まだ質問していない「{name}」を参照しています")
    # every node must be able to reach END without conditions failing forever
    for q in g.nodes.values():
        if q.edges and all(e.cond is not None for e in q.edges):
            raise _err(q.file, q.line, q.id, "条件のない最後の行き先（既定の next）がありません")


def mermaid(g: Graph) -> str:
    lines = ["flowchart TD"]
    for q in g.nodes.values():
        text = q.text.splitlines()[0].replace('"', "'")[:40]
        lines.append(f'  {q.id}["{text}<br/><small>{q.cite}</small>"]')
    lines.append("  END([結果])")
    for q in g.nodes.values():
        for e in q.edges:
            label = f"|{e.cond.source.replace('|', '/')[:60]}|" if e.cond else ""
            lines.append(f"  {q.id} -->{label} {e.target}")
    return "\n".join(lines) + "\n"


def dot(g: Graph) -> str:
    lines = ["digraph questions {", "  rankdir=TB;", '  node [shape=box, fontname="IPAexGothic"];']
    for q in g.nodes.values():
        text = q.text.splitlines()[0].replace('"', "'")[:40]
        lines.append(f'  {q.id} [label="{text}\\n{q.cite}"];')
    lines.append('  END [shape=oval, label="結果"];')
    for q in g.nodes.values():
        for e in q.edges:
            label = ' [label="' + e.cond.source[:60].replace('"', "'") + '"]' if e.cond else ""
            lines.append(f"  {q.id} -> {e.target}{label};")
    lines.append("}")
    return "\n".join(lines) + "\n"


