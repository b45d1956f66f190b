"""Loads and checks questions/ and rules/ once per process (strict: unknown keys,
missing citations, bad conditions, dates → CatalogError naming file and line)."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from wizard import ROOT
from wizard.domain.facts import FACTS
from wizard.engine.conditions import Condition, ConditionError, compile_condition
from wizard.engine.graph import Graph, graph_from_docs, read_docs
from wizard.engine.yamlio import LoadError, from_plain, parse_yaml, to_plain

RULESET_KEYS = {"id", "title", "status", "effective_from", "effective_to", "cite", "source", "derived",
                "rules", "extends", "warnings", "promulgated"}
RULE_KEYS = {"id", "group", "when", "cite", "confidence", "text", "unknown_text", "warning", "unsure",
             "effective_from", "effective_to", "number", "exempt", "kind", "report"}
CONFIDENCE = {"V", "V2", "S", "R", "UNSURE"}
GROUPS = {"kind", "none", "appi_ground", "appi_none", "appi_exempt", "mn_ground", "mn_exempt", "mn_voluntary",
          "mn_none", "sector", "notice", "controller", "publication", "deadline", "note", "effort",
          "effort_exempt", "mn_serious", "mn_small", "draft"}


CACHE_VERSION = "catalog-cache/2"


class CatalogError(ValueError):
    pass


@dataclass
class Rule:
    id: str
    group: str
    cite: str
    confidence: str
    text: str
    when: Condition | None = None
    unknown_text: str = ""
    warning: str = ""
    unsure: str = ""
    effective_from: date | None = None
    effective_to: date | None = None
    number: int | None = None
    exempt: str | None = None
    kind: str | None = None
    report: str | None = None

    def in_force(self, on: date) -> bool:
        return (self.effective_from is None or self.effective_from <= on) and (
            self.effective_to is None or on <= self.effective_to)

    def facts(self) -> list[str]:
        return sorted(n for n in (self.when.names if self.when else ()) if n in FACTS)


@dataclass
class RuleSet:
    id: str
    title: str
    status: str
    effective_from: date | None
    effective_to: date | None
    cite: str
    derived: list[tuple[str, Condition]]
    rules: list[Rule]
    warnings: list[str] = field(default_factory=list)
    extends: str | None = None

    def group(self, name: str, on: date) -> list[Rule]:
        return [r for r in self.rules if r.group == name and r.in_force(on)]

    def rule(self, rid: str) -> Rule:
        for r in self.rules:
            if r.id == rid:
                return r
        raise KeyError(rid)

    def decision_facts(self) -> set[str]:
        names: set[str] = set()
        for _, c in self.derived:
            names |= c.names
        for r in self.rules:
            if r.when and r.group != "note":  # notes inform; they never decide
                names |= r.when.names
        return {n for n in names if n in FACTS}


@dataclass
class Catalog:
    graph: Graph
    rulesets: dict[str, RuleSet]
    routing: dict[str, Any]


def _date(v: Any, where: str) -> date | None:
    if v is None:
        return None
    try:
        return date.fromisoformat(str(v))
    except ValueError:
        raise CatalogError(f"{where}: 日付「{v}」が正しくありません") from None


def _load_yaml(path: Path) -> Any:
    try:
        return parse_yaml(path.read_text(encoding="utf-8"), trusted=True)
    except LoadError as exc:
        line = f" {exc.line}行目" if exc.line else ""
        raise CatalogError(f"{path.name}{line}: {exc.message}") from None


def _rule(raw: dict[str, Any], where: str, derived_names: set[str]) -> Rule:
    rid = raw.get("id")
    w = f"{where}（規則 {rid}）"
    if set(raw) - RULE_KEYS:
        raise CatalogError(f"{w}: 未知のキー {sorted(set(raw) - RULE_KEYS)}")
    for key in ("id", "group", "cite", "confidence", "text"):
        if not raw.get(key):
            raise CatalogError(f"{w}: 「{key}」がありません（すべての規則に根拠 cite と確度 confidence が必要です）")
    if raw["confidence"] not in CONFIDENCE:
        raise CatalogError(f"{w}: confidence は {sorted(CONFIDENCE)} のいずれかです")
    if raw["group"] not in GROUPS:
        raise CatalogError(f"{w}: group「{raw['group']}」は使えません")
    cond = None
    if raw.get("when"):
        try:
            cond = compile_condition(str(raw["when"]))
        except ConditionError as exc:
            raise CatalogError(f"{w}: {exc}") from None
        for name in cond.names:
            if name not in FACTS and name not in derived_names and name != "malicious":
                raise CatalogError(f"{w}: 条件の名前「{name}」は事実IDでも派生値でもありません")
    return Rule(
        id=str(rid), group=raw["group"], cite=str(raw["cite"]), confidence=raw["confidence"],
        text=str(raw["text"]).strip(), when=cond, unknown_text=str(raw.get("unknown_text", "")).strip(),
        warning=str(raw.get("warning", "")).strip(), unsure=str(raw.get("unsure", "")).strip(),
        effective_from=_date(raw.get("effective_from"), w), effective_to=_date(raw.get("effective_to"), w),
        number=raw.get("number"), exempt=raw.get("exempt"), kind=raw.get("kind"), report=raw.get("report"),
    )


def _check_rule_dates(r: Rule, raw: dict[str, Any], where: str, status: str,
                      set_from: date | None, set_to: date | None) -> None:
    """Every rule carries its effective dates: in a rule set in force each rule states
    its own effective_from; the dates lie inside the set's and are in order."""
    w = f"{where}（規則 {r.id}）"
    if status == "in_force" and "effective_from" not in raw:
        raise CatalogError(f"{w}: 「effective_from」がありません（施行中の規則セットでは、すべての規則に施行日が必要です）")
    if r.effective_from and r.effective_to and r.effective_to < r.effective_from:
        raise CatalogError(f"{w}: effective_to（{r.effective_to}）が effective_from（{r.effective_from}）より前です")
    # A note that says the set does NOT apply (e.g. appi2017.outside, 知った日 before the set) is dated
    # before the set by design; it must end before the set begins.
    if r.group == "note" and set_from and r.effective_to and r.effective_to < set_from:
        return
    if set_from and r.effective_from and r.effective_from < set_from:
        raise CatalogError(f"{w}: effective_from（{r.effective_from}）が規則セットの施行日（{set_from}）より前です")
    if set_to and r.effective_to and r.effective_to > set_to:
        raise CatalogError(f"{w}: effective_to（{r.effective_to}）が規則セットの終期（{set_to}）より後です")


def load_ruleset(path: Path, base: RuleSet | None = None, raw: Any = None) -> RuleSet:
    if raw is None:
        raw = _load_yaml(path)
    where = path.name
    if not isinstance(raw, dict):
        raise CatalogError(f"{where}: 最上位はキーと値の組です")
    if set(raw) - RULESET_KEYS:
        raise CatalogError(f"{where}: 未知のキー {sorted(set(raw) - RULESET_KEYS)}")
    for key in ("id", "title", "status", "cite"):
        if not raw.get(key):
            raise CatalogError(f"{where}: 「{key}」がありません")
    derived: list[tuple[str, Condition]] = list(base.derived) if base else []
    names = {"malicious"} | {n for n, _ in derived}
    for name, src in (raw.get("derived") or {}).items():
        try:
            cond = compile_condition(str(src))
        except ConditionError as exc:
            raise CatalogError(f"{where}（派生値 {name}）: {exc}") from None
        unknown = {n for n in cond.names if n not in FACTS and n not in names}
        if unknown:
            raise CatalogError(f"{where}（派生値 {name}）: 定義前の名前 {sorted(unknown)} を使っています")
        derived.append((str(name), cond))
        names.add(str(name))
    rules = list(base.rules) if base else []
    seen = {r.id for r in rules}
    set_from = _date(raw.get("effective_from"), where)
    set_to = _date(raw.get("effective_to"), where)
    status = str(raw["status"])
    if status != "not_in_force" and set_from is None:
        raise CatalogError(f"{where}: 「effective_from」がありません（施行日のない規則セットは使えません）")
    if set_from and set_to and set_to < set_from:
        raise CatalogError(f"{where}: effective_to（{set_to}）が effective_from（{set_from}）より前です")
    for item in raw.get("rules") or []:
        r = _rule(item, where, names)
        if r.id in seen:
            raise CatalogError(f"{where}: 規則ID「{r.id}」が重複しています")
        _check_rule_dates(r, item, where, status, set_from, set_to)
        seen.add(r.id)
        rules.append(r)
    return RuleSet(
        id=str(raw["id"]), title=str(raw["title"]), status=str(raw["status"]),
        effective_from=_date(raw.get("effective_from"), where), effective_to=_date(raw.get("effective_to"), where),
        cite=str(raw["cite"]), derived=derived, rules=rules, warnings=list(raw.get("warnings") or []),
        extends=raw.get("extends"),
    )


def read_rule_docs(folder: Path) -> list[tuple[str, Any]]:
    return [(p.name, _load_yaml(p)) for p in sorted(folder.glob("*.yaml")) if p.name != "routing.yaml"]


def load_rulesets(folder: Path) -> dict[str, RuleSet]:
    return rulesets_from_docs(read_rule_docs(folder))


def rulesets_from_docs(docs: list[tuple[str, Any]]) -> dict[str, RuleSet]:
    out: dict[str, RuleSet] = {}
    pending = list(docs)
    # load bases first (a set may extend another)
    for _ in range(len(pending) + 1):
        rest = []
        for name, head in pending:
            base_id = head.get("extends") if isinstance(head, dict) else None
            if base_id and base_id not in out:
                rest.append((name, head))
                continue
            rs = load_ruleset(Path(name), out.get(base_id) if base_id else None, raw=head)
            out[rs.id] = rs
        pending = rest
        if not pending:
            break
    if pending:
        raise CatalogError(f"規則セットの extends を解決できません: {[n for n, _ in pending]}")
    return out


def _cache_dir() -> Path | None:
    env = os.environ.get("ROUEI_CACHE_DIR")
    if env == "":
        return None
    if env:
        return Path(env)
    from wizard.userdirs import cache_dir

    return cache_dir()


def _code_bytes(path: Path) -> bytes:
    """The loader's source; in a frozen bundle (no .py files) the build's identity instead."""
    try:
        return path.read_bytes()
    except OSError:
        import sys

        from wizard import __version__
        try:
            built = os.stat(sys.executable).st_mtime_ns
        except OSError:
            built = 0
        return f"{__version__}|{sys.executable}|{built}".encode()


def _source_key(root: Path) -> str:
    """sha256 over the cache format, the loader's own code and every questions/ and rules/ file."""
    files = sorted((root / "questions").glob("*.yaml")) + sorted((root / "rules").glob("*.yaml"))
    h = hashlib.sha256(CACHE_VERSION.encode())
    for code in ("catalog.py", "graph.py", "yamlio.py", "yamlload.py"):
        h.update(code.encode() + b"\0" + _code_bytes(Path(__file__).parent / code))
    for f in files:
        h.update(f"{f.parent.name}/{f.name}\0".encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def _read_cache(cache: Path, key: str) -> dict[str, Any] | None:
    """The cached parse when the file is exactly what we wrote for these sources, else None.

    The payload's sha256 is checked (an edited or truncated cache — `> 1000` made
    `> 100000`, `{}` — is never used, and is rebuilt); it is not a secret: the cache
    only saves parsing time, and the folder is the user's own (0700)."""
    try:
        if not cache.is_file() or cache.is_symlink():
            return None
        doc = json.loads(cache.read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != CACHE_VERSION or doc.get("key") != key:
            return None
        payload = doc.get("payload")
        if not isinstance(payload, str) or hashlib.sha256(payload.encode("utf-8")).hexdigest() != doc.get("sha256"):
            return None
        parsed = from_plain(json.loads(payload))
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return None
    if not (isinstance(parsed, dict) and isinstance(parsed.get("questions"), list)
            and isinstance(parsed.get("rules"), list) and isinstance(parsed.get("routing"), dict)):
        return None
    return cast(dict[str, Any], parsed)


def _write_cache(cache: Path, key: str, parsed: dict[str, Any]) -> None:
    try:
        payload = json.dumps(to_plain(parsed), ensure_ascii=False)
        doc = {"format": CACHE_VERSION, "key": key, "sha256": hashlib.sha256(payload.encode("utf-8")).hexdigest(),
               "payload": payload}
        from wizard.userdirs import ensure

        ensure(cache.parent)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(doc, ensure_ascii=False))
        os.replace(tmp, cache)
    except (OSError, TypeError, ValueError):
        pass


def _parse_sources(root: Path) -> dict[str, Any]:
    return {"questions": read_docs(root / "questions"), "rules": read_rule_docs(root / "rules"),
            "routing": _load_yaml(root / "rules" / "routing.yaml")}


def _parsed_sources(root: Path, use_cache: bool = True) -> dict[str, Any]:
    """Parsed questions/ and rules/ documents, cached as JSON keyed by their bytes.

    libyaml parsing of the ~60 KB of data costs ~40 ms per run; reading a JSON
    cache costs a few. The key is a hash of the file names and contents (and of the
    loader's code), so an edited file is always re-read (and re-checked); a cache
    whose content does not match its digest is ignored and rewritten."""
    key = _source_key(root)
    folder = _cache_dir() if use_cache else None
    cache = folder / f"catalog-{key[:24]}.json" if folder else None
    if cache is not None:
        parsed = _read_cache(cache, key)
        if parsed is not None:
            return parsed
    parsed = _parse_sources(root)
    if cache is not None:
        _write_cache(cache, key, parsed)
    return parsed


def _build(parsed: dict[str, Any]) -> Catalog:
    graph = graph_from_docs([tuple(d) for d in parsed["questions"]])  # type: ignore[misc]
    rulesets = rulesets_from_docs([tuple(d) for d in parsed["rules"]])  # type: ignore[misc]
    routing = parsed["routing"]
    from wizard.engine.routing import validate_routing  # dated, cited routes (rules/routing.yaml)
    if problems := validate_routing(routing):
        raise CatalogError("\n".join(problems))
    for needed in ("appi-2022", "appi-2017", "appi-2026-draft"):
        if needed not in rulesets:
            raise CatalogError(f"規則セット {needed} がありません")
    return Catalog(graph, rulesets, routing)


@lru_cache(maxsize=1)
def load_catalog(root: Path = ROOT) -> Catalog:
    try:
        return _build(_parsed_sources(root))
    except Exception:  # noqa: BLE001 - whatever a damaged cache does, the sources decide
        return _build(_parsed_sources(root, use_cache=False))
