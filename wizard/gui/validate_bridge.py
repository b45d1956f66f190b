"""Checks the GUI needs before it trusts a file it did not just write (no Qt).

- ``validate_profile``: the organisation profile is checked like the answers of an
  incident file (same FACTS table and value checks), so a bad profile is refused
  with a message instead of being copied into every new incident.
- ``surrogate_keys``: a lone surrogate (``"\\ud800"`` in JSON) cannot be written as
  UTF-8; the window refuses such a file at load and names the key.

The profile check is the engine's own (wizard.engine.incident.validate_profile).
"""
from __future__ import annotations

from typing import Any


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    if isinstance(value, list):
        return any(_has_surrogate(v) for v in value)
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    return False


def surrogate_keys(doc: Any, prefix: str = "") -> list[str]:
    """Dotted keys whose value (or name) holds a lone surrogate, e.g. ['answers.org.name']."""
    out: list[str] = []
    if isinstance(doc, dict):
        for k, v in doc.items():
            key = f"{prefix}{k}"
            if _has_surrogate(k) or (not isinstance(v, dict) and _has_surrogate(v)):
                out.append(key.encode("utf-8", "backslashreplace").decode("utf-8"))
            elif isinstance(v, dict):
                out += surrogate_keys(v, key + ".")
    elif _has_surrogate(doc):
        out.append(prefix.rstrip(".") or "（最上位）")
    return out


def validate_profile(raw: Any, name: str = "プロファイル") -> tuple[dict[str, Any], list[str]]:
    """(valid org.* answers, problems); problems name the file and the key in Japanese.

    One validator for the CLI and the GUI: the engine's ``validate_profile``."""
    from wizard.engine.incident import InputError
    from wizard.engine.incident import validate_profile as strict

    try:
        return dict(strict(raw, name)), []
    except InputError as exc:
        return {}, str(exc).splitlines()
