"""The docxtpl rendering core: a safe Jinja environment and template loading.

Autoescape on (an unescaped `&` silently truncates the document),
control characters stripped before escaping (a `\\x0b` silently deletes every
escaped entity after it), StrictUndefined (a template typo fails loudly).
User text is data, never template source: it is inserted by `{{ }}` only, so
`{{7*7}}` stays literal.  docxtpl's post-render un-escaping of `{_{` `}_}` `{_%`
`%_}` is defeated by writing the `_` of such sequences as a character reference.
"""
from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from wizard import ROOT

TEMPLATES_DIR = ROOT / "templates"
# C0 and C1 controls, non-characters, lone surrogates, and the bidirectional overrides/isolates
# (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) that can make a name or an address read
# differently from what it is ("Trojan Source" in a letter).
_BAD = re.compile("[\x00-\x08\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff"
                  "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_DOCXTPL_MARKERS = re.compile(r"\{_(?=[{%])|%_(?=\})|\}_(?=\})")


def clean(text: str) -> str:
    """Text from Excel/Word/JSON → text that is valid in XML 1.0 (\\x0b → line break)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x07", "")
    return _BAD.sub("", text)


def finalize(value: Any) -> Any:
    """Runs on every `{{ }}` output: None → '', str → cleaned and escaped Markup."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        safe = str(escape(clean(value)))
        safe = _DOCXTPL_MARKERS.sub(lambda m: m.group(0)[0] + "&#95;", safe)
        return Markup(safe)
    return value


def make_env() -> jinja2.Environment:
    return jinja2.Environment(autoescape=True, finalize=finalize, undefined=jinja2.StrictUndefined)


@lru_cache(maxsize=32)
def template_bytes(path: Path) -> bytes:
    return path.read_bytes()


def render_docx(template: str | Path, context: dict[str, Any]) -> bytes:
    """Render one template (file name under templates/ or a path) to DOCX bytes."""
    from docxtpl import DocxTemplate

    path = template if isinstance(template, Path) else TEMPLATES_DIR / template
    tpl = DocxTemplate(io.BytesIO(template_bytes(path)))
    tpl.render(context, jinja_env=make_env())
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def undeclared_variables(path: Path) -> set[str]:
    from docxtpl import DocxTemplate

    return set(DocxTemplate(str(path)).get_undeclared_template_variables(jinja_env=make_env()))
