"""PyYAML safe loaders with line numbers (imported lazily by wizard.engine.yamlio)."""
from __future__ import annotations

from typing import Any

import yaml

from wizard.engine.yamlio import LineDict, LoadError


def _construct_mapping(self: Any, node: Any, deep: bool = False) -> LineDict:
    self.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = self.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise LoadError("キーには文字列を使ってください", key_node.start_mark.line + 1)
        key = str(key) if not isinstance(key, str) else key
        if key in result:
            raise LoadError(f"キー「{key}」が重複しています", key_node.start_mark.line + 1)
        result[key] = self.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


class _Loader(yaml.SafeLoader):
    """Pure-Python safe loader for untrusted files: refuses aliases."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise LoadError("YAMLの別名（エイリアス *name）は使えません", event.start_mark.line + 1)
        return super().compose_node(parent, index)

    construct_mapping = _construct_mapping  # type: ignore[assignment]


class _TrustedLoader(yaml.CSafeLoader):  # type: ignore[misc]
    """libyaml-backed safe loader with line numbers, for the program's own questions/ and rules/."""

    construct_mapping = _construct_mapping  # type: ignore[assignment]


# Dates stay ISO strings (JSON and YAML files then mean the same thing).
_Loader.yaml_constructors = dict(_Loader.yaml_constructors)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_str)  # type: ignore[type-var]
_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_TrustedLoader.yaml_constructors = dict(_TrustedLoader.yaml_constructors)
_TrustedLoader.add_constructor("tag:yaml.org,2002:timestamp", _TrustedLoader.construct_yaml_str)  # type: ignore[type-var]
_TrustedLoader.add_constructor("tag:yaml.org,2002:map", _TrustedLoader.construct_mapping)


def parse_yaml(text: str, trusted: bool = False) -> Any:
    """Parse YAML safely; `trusted` (our own data files) uses libyaml for speed."""
    try:
        return yaml.load(text, Loader=_TrustedLoader if trusted else _Loader)  # noqa: S506 - safe loaders
    except LoadError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or "構文エラー"
        if "could not determine a constructor" in str(exc):
            problem = "使えないタグ（!!python/… など）が含まれています"
        raise LoadError(f"YAMLの書式が正しくありません（{problem}）", line) from None
    except yaml.YAMLError as exc:
        raise LoadError(f"YAMLの書式が正しくありません（{exc}）") from None
    except RecursionError:
        raise LoadError("YAMLの入れ子が深すぎます") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise LoadError(f"YAMLの値を読めません（{exc}）") from None


