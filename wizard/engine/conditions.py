"""A small, safe condition language for questions/ and rules/ (never `eval`).

Expressions are parsed with Python's `ast` in "eval" mode and only a short
allow-list of node types is accepted; they are then compiled into closures.
Values follow three-valued (Kleene) logic: True, False, or None (= 不明).

- A bare fact id (``data.sensitive``) reads a tri/bool fact as a truth value:
  "yes"/True → True, "no"/False → False, "unknown"/missing → None.
- Comparisons (``== != < <= > >= in  not in``) compare the raw answer; when the
  answer is missing the result is None.  ISO dates compare as strings.
- ``and``/``or``/``not`` are Kleene operators.
- ``known(x)`` is True when a fact has a definite answer (not missing, not "unknown").
- Derived values (e.g. ``leak``) are plain names without a dot.
- ``NOT_ASKED`` marks a fact the question graph did not ask on this path (SPEC §3
  "Not asked is not 不明"): it is *not applicable*, never unknown.  As a truth value
  it is False; it equals nothing, is in no list, and every ordering with it is False.
"""
from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Tri = bool | None
Env = Mapping[str, Any]
_MISSING = object()


class _NotAsked:
    """The not-applicable value of a fact that is off the question path."""
    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_ASKED"

    def __bool__(self) -> bool:
        return False


NOT_ASKED = _NotAsked()


class ConditionError(ValueError):
    """The expression is not in the condition language."""


def truth(value: Any) -> Tri:
    if value is NOT_ASKED:
        return False
    if value is True or value == "yes":
        return True
    if value is False or value == "no":
        return False
    if value is None or value == "unknown" or value is _MISSING:
        return None
    if isinstance(value, int | float):
        return bool(value)
    if isinstance(value, str):
        return bool(value)
    if isinstance(value, list):
        return bool(value)
    return None


def kleene(values: list[Callable[[Env], Tri]], env: Env, decisive: bool) -> Tri:
    """Kleene and (decisive=False) / or (decisive=True): the decisive value wins at once,
    otherwise any 不明 makes the whole 不明."""
    result: Tri = not decisive
    for f in values:
        v = f(env)
        if v is decisive:
            return decisive
        if v is None:
            result = None
    return result


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


_CMP: dict[type, Callable[[Any, Any], bool]] = {
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}


def _not_asked_cmp(op: type, a: Any, b: Any) -> bool:
    """A comparison where one side is NOT_ASKED: it equals nothing and is in nothing."""
    if op is ast.NotEq:
        return True
    if op is ast.NotIn:
        return b is NOT_ASKED or a is NOT_ASKED or a not in b
    return False  # ==, in, and every ordering


@dataclass(frozen=True)
class Condition:
    source: str
    names: frozenset[str]
    _fn: Callable[[Env], Tri]

    def __call__(self, env: Env) -> Tri:
        return self._fn(env)


class _Compiler:
    def __init__(self, source: str) -> None:
        self.source = source
        self.names: set[str] = set()

    def fail(self, what: str) -> ConditionError:
        return ConditionError(f"条件式 {self.source!r} に使えない要素があります: {what}")

    def value(self, node: ast.AST) -> Callable[[Env], Any]:
        """Compile a node that yields a raw value (fact answer or literal)."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str | int | float | bool | type(None)):
            const = node.value
            return lambda env: const
        if isinstance(node, ast.List | ast.Tuple):
            items = [self.value(e) for e in node.elts]
            return lambda env: [f(env) for f in items]
        name = _dotted(node)
        if name is not None:
            self.names.add(name)
            return lambda env: env.get(name, _MISSING)
        return self.truth(node)

    def truth(self, node: ast.AST) -> Callable[[Env], Tri]:
        if isinstance(node, ast.BoolOp):
            parts = [self.truth(v) for v in node.values]
            decisive = isinstance(node.op, ast.Or)
            return lambda env: kleene(parts, env, decisive)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            inner = self.truth(node.operand)

            def _not(env: Env) -> Tri:
                v = inner(env)
                return None if v is None else not v

            return _not
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Constant) and isinstance(node.value, bool):
            const = node.value
            return lambda env: const
        name = _dotted(node)
        if name is not None:
            self.names.add(name)
            return lambda env: truth(env.get(name, _MISSING))
        raise self.fail(type(node).__name__)

    def compare(self, node: ast.Compare) -> Callable[[Env], Tri]:
        left = self.value(node.left)
        pairs = []
        for op, right in zip(node.ops, node.comparators, strict=True):
            fn = _CMP.get(type(op))
            if fn is None:
                raise self.fail(type(op).__name__)
            pairs.append((fn, self.value(right), type(op)))

        def _cmp(env: Env) -> Tri:
            a = left(env)
            result: Tri = True
            for fn, right_fn, op in pairs:
                b = right_fn(env)
                if a is NOT_ASKED or b is NOT_ASKED:
                    if not _not_asked_cmp(op, a, b):
                        return False
                elif a is _MISSING or b is _MISSING or a is None or b is None:
                    result = None
                else:
                    try:
                        if not fn(a, b):
                            return False
                    except TypeError:
                        return None
                a = b
            return result

        return _cmp

    def call(self, node: ast.Call) -> Callable[[Env], Tri]:
        fname = _dotted(node.func)
        if fname != "known" or len(node.args) != 1 or node.keywords:
            raise self.fail(f"関数 {fname}")
        arg = _dotted(node.args[0])
        if arg is None:
            raise self.fail("known() の引数")
        self.names.add(arg)
        return lambda env: env.get(arg, _MISSING) not in (_MISSING, None, "unknown", NOT_ASKED)


_ALLOWED = (
    ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not, ast.Compare, ast.Name,
    ast.Attribute, ast.Constant, ast.List, ast.Tuple, ast.Load, ast.Call,
    ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.In, ast.NotIn,
)


def compile_condition(source: str) -> Condition:
    if not isinstance(source, str) or not source.strip():
        raise ConditionError("条件式が空です")
    if len(source) > 2000:
        raise ConditionError("条件式が長すぎます")
    try:
        tree = ast.parse(" ".join(source.split()), mode="eval")
    except SyntaxError as exc:
        raise ConditionError(f"条件式 {source!r} の構文が正しくありません: {exc.msg}") from None
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED):
            raise ConditionError(f"条件式 {source!r} に使えない要素があります: {type(node).__name__}")
    comp = _Compiler(source)
    fn = comp.truth(tree.body)
    return Condition(source, frozenset(comp.names), fn)
