"""Strict, safe YAML/JSON reading with line numbers (no Qt, no eval).

- yaml.SafeLoader only (no `!!python/object` tags), aliases refused (no
  "billion laughs"), a size limit, UTF-8 only.
- Mappings come back as `LineDict`: a dict that remembers the line of each key,
  so error messages can name the line.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MAX_BYTES = 5 * 1024 * 1024


class LoadError(ValueError):
    """A file could not be read; `line` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class LineDict(dict):  # type: ignore[type-arg]
    """dict with the 1-based line of the mapping and of each key."""

    line: int | None = None
    key_lines: dict[str, int]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines = {}

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key, self.line)


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """UTF-8 text of a regular file of at most `max_bytes` (a FIFO or a device is refused at once)."""
    from wizard.fileio import FileReadError, read_limited

    try:
        raw = read_limited(path, max_bytes)
    except FileReadError as exc:
        raise LoadError(str(exc)) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LoadError("文字コードがUTF-8ではありません（UTF-8で保存してください）", line) from None


def lone_surrogate_path(obj: Any, path: str = "") -> str | None:
    """The key path (e.g. `answers.org.name`) of the first string holding a lone surrogate
    (JSON `"\\ud800"`): such text cannot be saved as UTF-8, so it is refused at load."""
    stack: list[tuple[str, Any]] = [(path, obj)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            if _has_surrogate(value):
                return where or "（最上位）"
        elif isinstance(value, dict):
            for k, v in value.items():
                key = str(k)
                sub = f"{where}.{key}" if where else key
                if _has_surrogate(key):
                    return (where + "." if where else "") + key.encode("utf-8", "replace").decode("utf-8")
                stack.append((sub, v))
        elif isinstance(value, list | tuple):
            stack.extend((f"{where}[{i}]", v) for i, v in enumerate(value))
    return None


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def parse_yaml(text: str, trusted: bool = False) -> Any:
    """Parse YAML safely; `trusted` (our own data files) uses libyaml for speed.

    PyYAML is imported only here, so reading JSON files never pays for it."""
    from wizard.engine.yamlload import parse_yaml as _parse

    return _parse(text, trusted)


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise LoadError(f"キー「{k}」が重複しています")
        out[k] = v
    return out


_JSON_JA = (  # json's messages, in Japanese (the English text never reaches the user)
    ("Expecting value", "値がありません"),
    ("Expecting property name enclosed in double quotes", "キーは二重引用符（\"）で囲んでください"),
    ("Expecting ',' delimiter", "「,」がありません"),
    ("Expecting ':' delimiter", "「:」がありません"),
    ("Unterminated string", "文字列の引用符（\"）が閉じられていません"),
    ("Invalid control character", "文字列の中に改行・タブなどの制御文字があります（\\n などで書いてください）"),
    ("Extra data", "JSONの値の後に余分な文字があります"),
    ("Invalid \\uXXXX escape", "\\u の後は16進数4桁です"),
    ("Invalid \\escape", "使えない「\\」の書き方があります"),
)


def _json_msg(msg: str) -> str:
    for english, japanese in _JSON_JA:
        if msg.startswith(english):
            return japanese
    return "書式の誤り"


def parse_json(text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_json_object, parse_constant=_bad_constant)
    except json.JSONDecodeError as exc:
        raise LoadError(f"JSONの書式が正しくありません（{exc.lineno}行{exc.colno}列: {_json_msg(exc.msg)}）",
                        exc.lineno) from None
    except RecursionError:
        raise LoadError("JSONの入れ子が深すぎます") from None
    except LoadError:
        raise
    except ValueError:  # an integer of more than 4,300 digits
        raise LoadError("JSONの値を読めません（桁数が多すぎる数があります。4,300桁まで）") from None


def _bad_constant(name: str) -> Any:
    raise LoadError(f"JSONに使えない値 {name} が含まれています")


def load_file(path: Path, max_bytes: int = MAX_BYTES) -> Any:
    text = read_text(path, max_bytes)
    if not text.strip():
        raise LoadError("ファイルが空です")
    if path.suffix.lower() == ".json":
        return parse_json(text)
    return parse_yaml(text)


def to_plain(obj: Any) -> Any:
    """LineDict trees → JSON-able trees that keep the line numbers (for caching)."""
    if isinstance(obj, LineDict):
        return {"__ld__": [obj.line, obj.key_lines, {k: to_plain(v) for k, v in obj.items()}]}
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_plain(v) for v in obj]
    return obj


def from_plain(obj: Any) -> Any:
    if isinstance(obj, dict):
        packed = obj.get("__ld__")
        if packed is not None and len(obj) == 1:
            d = LineDict({k: from_plain(v) for k, v in packed[2].items()})
            d.line, d.key_lines = packed[0], packed[1]
            return d
        return {k: from_plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [from_plain(v) for v in obj]
    return obj
