"""PyYAML safe loaders with line numbers (imported lazily by wizard.engine.yamlio)."""
from __future__ import annotations

import re
from typing import Any

import yaml

from wizard.engine.yamlio import LineDict, LoadError

MAX_NODES = 20_000  # an incident file has a few hundred; a million items would freeze the GUI
_DECIMAL_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_DECIMAL_FLOAT = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")


def _key_text(key_node: Any, key: Any) -> str:
    """A key as the user wrote it (`yes:` stays "yes", never "True")."""
    if isinstance(key_node, yaml.ScalarNode) and not isinstance(key, str):
        return str(key_node.value)
    return key if isinstance(key, str) else str(key)


def _construct_mapping(self: Any, node: Any, deep: bool = False) -> LineDict:
    self.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = self.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise LoadError("キーには文字列を使ってください", key_node.start_mark.line + 1)
        key = _key_text(key_node, key)
        if key in result:
            raise LoadError(f"キー「{key}」が重複しています", key_node.start_mark.line + 1)
        result[key] = self.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


class _Loader(yaml.SafeLoader):
    """Pure-Python safe loader for untrusted files: refuses aliases, caps the number of
    nodes, and reads numbers only in decimal (YAML 1.1's `20:00` = 1200, `010` = 8,
    `0x1F`, `1_000` are errors: a count must mean what it looks like)."""

    nodes = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise LoadError("YAMLの別名（エイリアス *name）は使えません", event.start_mark.line + 1)
        self.nodes += 1
        if self.nodes > MAX_NODES:
            event = self.peek_event()
            raise LoadError(f"YAMLの要素が多すぎます（上限 {MAX_NODES:,} 個）。事案ファイルではないようです",
                            event.start_mark.line + 1)
        return super().compose_node(parent, index)

    def construct_yaml_int(self, node: Any) -> int:
        text = str(node.value)
        if not _DECIMAL_INT.fullmatch(text):
            raise LoadError(f"「{text[:40]}」は10進数の整数として読めません（60進数・8進数・16進数・区切りの"
                            "「_」は使えません。数は 1200 のように数字だけで、文字列なら引用符で囲んでください）",
                            node.start_mark.line + 1)
        return int(text)

    def construct_yaml_float(self, node: Any) -> float:
        text = str(node.value)
        if not _DECIMAL_FLOAT.fullmatch(text):
            raise LoadError(f"「{text[:40]}」は10進数の数として読めません（60進数・.inf・.nan などは使えません。"
                            "文字列なら引用符で囲んでください）", node.start_mark.line + 1)
        return float(text)

    construct_mapping = _construct_mapping  # type: ignore[assignment]


class _TrustedLoader(yaml.CSafeLoader):  # type: ignore[misc]
    """libyaml-backed safe loader with line numbers, for the program's own questions/ and rules/."""

    construct_mapping = _construct_mapping  # type: ignore[assignment]


# Dates stay ISO strings (JSON and YAML files then mean the same thing).
_Loader.yaml_constructors = dict(_Loader.yaml_constructors)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_str)  # type: ignore[type-var]
_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)
_TrustedLoader.yaml_constructors = dict(_TrustedLoader.yaml_constructors)
_TrustedLoader.add_constructor("tag:yaml.org,2002:timestamp", _TrustedLoader.construct_yaml_str)  # type: ignore[type-var]
_TrustedLoader.add_constructor("tag:yaml.org,2002:map", _TrustedLoader.construct_mapping)


_YAML_JA = (  # PyYAML's problems, in Japanese (the English text never reaches the user)
    ("could not determine a constructor", "使えないタグ（!!python/… など）が含まれています"),
    ("but found another document", "1つのファイルに複数の文書（---）があります"),
    ("that cannot start any token", "字下げにタブ文字、又は使えない記号があります（字下げは半角スペースで）"),
    ("mapping values are not allowed here", "ここに「:」は使えません（値に「: 」を含めるときは引用符で囲んでください）"),
    ("could not find expected ':'", "「:」が見つかりません"),
    ("expected <block end>", "字下げがそろっていません"),
    ("found unexpected end of stream", "引用符又は括弧が閉じられていません"),
    ("found unknown escape character", "使えない「\\」の書き方があります"),
    ("expected ',' or ']'", "「]」又は「,」がありません"),
    ("expected ',' or '}'", "「}」又は「,」がありません"),
    ("found character", "使えない文字があります"),
    ("special characters are not allowed", "使えない制御文字があります"),
    ("unacceptable character", "使えない制御文字があります"),
    ("found duplicate anchor", "アンカー（&name）が重複しています"),
)


def _yaml_problem(problem: str, full: str) -> str:
    for english, japanese in _YAML_JA:
        if english in problem or english in full:
            return japanese
    return "構文エラー"


def parse_yaml(text: str, trusted: bool = False) -> Any:
    """Parse YAML safely; `trusted` (our own data files) uses libyaml for speed."""
    try:
        return yaml.load(text, Loader=_TrustedLoader if trusted else _Loader)  # noqa: S506 - safe loaders
    except LoadError:
        raise
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        raise LoadError(f"YAMLに使えない制御文字（U+{exc.character:04X}）があります" if isinstance(exc.character, int)
                        else "YAMLに使えない文字があります", line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        # our own data files keep PyYAML's exact words for the developer
        problem = str(exc.problem or "構文エラー") if trusted else _yaml_problem(str(exc.problem or ""), str(exc))
        raise LoadError(f"YAMLの書式が正しくありません（{problem}）", line) from None
    except yaml.YAMLError:
        raise LoadError("YAMLの書式が正しくありません（構文エラー）") from None
    except RecursionError:
        raise LoadError("YAMLの入れ子が深すぎます") from None
    except ValueError:  # e.g. an integer of more than 4,300 digits
        raise LoadError("YAMLの値を読めません（桁数が多すぎる数などがあります）") from None


