"""続報: which words of a text changed since the previous report (続報: 規則8条2項の確報で変わった箇所に下線).

Sentences are matched first (difflib on sentences and lines); inside a changed sentence only
the changed words are marked, a word being a run of one script (kanji, kana, digits, latin)
or one punctuation mark.  Unchanged dates and phrases stay plain.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

_SENTENCE = re.compile(r"[^。\n]*(?:。|\n|$)")
_WORD = re.compile(r"[0-9０-９,，.．]+|[A-Za-zＡ-Ｚａ-ｚ]+|[\u4e00-\u9fff\u3400-\u4dbf々〆]+|[\u3040-\u309f]+"
                   r"|[\u30a0-\u30ffー]+|\s+|.", re.S)

Segment = dict[str, object]   # {"t": text, "u": underlined}


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(text) if s]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _push(out: list[Segment], text: str, underline: bool) -> None:
    if not text:
        return
    if out and out[-1]["u"] == underline:
        out[-1]["t"] = str(out[-1]["t"]) + text
    else:
        out.append({"t": text, "u": underline})


def _mark(out: list[Segment], text: str) -> None:
    """Underline the visible part; a line break stays plain (an underlined break shows nothing)."""
    body = text.rstrip("\n")
    _push(out, body, True)
    _push(out, text[len(body):], False)


def _words_diff(out: list[Segment], old: str, new: str) -> None:
    a, b = words(old), words(new)
    sm = SequenceMatcher(None, a, b, autojunk=False)
    if sm.ratio() < 0.5:   # a rewritten sentence reads better underlined as a whole
        _mark(out, new)
        return
    for op, _i1, _i2, j1, j2 in sm.get_opcodes():
        chunk = "".join(b[j1:j2])
        if op == "equal":
            _push(out, chunk, False)
        elif op in ("replace", "insert"):
            _mark(out, chunk)


def segments(old: str | None, new: str) -> list[Segment]:
    """`new` split into plain and underlined segments; `old` None means nothing to compare."""
    out: list[Segment] = []
    if old is None or old == new:
        _push(out, new, False)
        return out
    a, b = sentences(old), sentences(new)
    sm = SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            _push(out, "".join(b[j1:j2]), False)
        elif op == "insert":
            for s in b[j1:j2]:
                _mark(out, s)
        elif op == "replace":
            olds, news = a[i1:i2], b[j1:j2]
            for k, s in enumerate(news):
                if k < len(olds):
                    _words_diff(out, olds[k], s)
                else:
                    _mark(out, s)
    return out


def changed(segs: list[Segment]) -> bool:
    return any(s["u"] and str(s["t"]).strip() for s in segs)
