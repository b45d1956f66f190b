"""Contexts of the 本人通知 letter (規則10条: five items + protective steps) and the 公表文.

Audience (SPEC §2.1/§5): everything here comes from `audience` (notice.* texts or safe
generated sentences from structured facts); no `response.*` narrative, no deadlines, no
internal notes, no promise the user did not make.
"""
from __future__ import annotations

import math
from typing import Any

from . import audience as au
from .engine import clean
from .fmt import Fmt, is_blank

# Letter page model (templates/build.py: A4, 20 mm side margins, 10 pt Mincho, 1.1 line spacing).
CHARS_PER_LINE = 47
LINE_MM = 4.0
PARA_MM = 0.7
HEADING_MM = 7.0
PAGE_MM = 250.0
HEAD_MM = 82.0   # date, address (3 lines reserved), name, sender, title, opening, 記
TAIL_MM = 16.0   # closing, 以上, page label


def _lines(text: str) -> int:
    """Printed lines of a paragraph (half-width characters count half)."""
    def width(line: str) -> float:
        return sum(0.5 if ord(c) < 0x2000 else 1.0 for c in line)
    return sum(max(1, math.ceil(width(line) / CHARS_PER_LINE)) for line in clean(text).split("\n"))


def _height(text: str) -> float:
    return _lines(text) * LINE_MM + PARA_MM


def _sender_lines(f: Fmt) -> list[str]:
    return [x for x in (f.org("name", "（事業者名）"), f.org("representative")) if x]


def _contact(f: Fmt) -> str:
    desk = f.a.get("response.contact_desk")   # person-facing by its question (問合せ窓口)
    if not is_blank(desk):
        return str(desk)
    parts = [f.org("name"), f.org("department"), f"電話：{f.org('phone')}" if f.org("phone") else "",
             f"電子メール：{f.org('email')}" if f.org("email") else ""]
    return "\n".join(p for p in parts if p) or "（問合せ窓口を記入してください）"


def sections(f: Fmt, o: dict[str, Any], public: bool) -> list[dict[str, Any]]:
    a = f.a
    s = au.self_name(a)
    target = f"対象となる方：{au.period(f)}"
    if public:
        target += f"（{f.count_short()}）"
    items = au.items_text(a)
    items_body = f"{items}\n" + ("（対象となる方ご本人の情報のうち、上記の項目が対象となった可能性があります。）"
                                 if not public else "")
    response = [*au.reported_to(f, o), au.prevention(f)]
    steps = "\n".join(f"・{x}" for x in au.protective_steps(a))
    return [
        {"heading": "1　概要", "body": f"{au.summary(f, o)}\n{target}"},
        {"heading": "2　漏えい等が発生し、又は発生したおそれがある個人情報の項目", "body": items_body.rstrip("\n")},
        {"heading": "3　原因", "body": au.cause(f)},
        {"heading": "4　二次被害又はそのおそれの有無及びその内容", "body": au.secondary(f, o)},
        {"heading": f"5　{au.addressee_word(a) if not public else '皆様'}へのお願い", "body": steps},
        {"heading": f"6　{s}の対応と再発防止策", "body": "\n".join(response)},
        {"heading": "7　お問合せ窓口", "body": _contact(f)},
    ]


def paginate(secs: list[dict[str, Any]], head_mm: float = HEAD_MM) -> int:
    """Mark the sections that start a new page; returns the number of pages.

    A page break falls only between sections, so a continuation page starts with a heading.
    """
    used, page = head_mm, 1
    for sec in secs:
        h = HEADING_MM + _height(str(sec["body"]))
        if used + h > PAGE_MM - TAIL_MM and used > head_mm:
            page += 1
            sec["new_page"] = True
            used = 12.0
        else:
            sec["new_page"] = False
        used += h
    n = page
    page = 1
    for sec in secs:
        if sec["new_page"]:
            sec["prev_label"] = f"－ {page}／{n} －"
            page += 1
            sec["page_label"] = f"（{page}／{n}枚目）"
        else:
            sec["prev_label"] = sec["page_label"] = ""
    return n


def title(o: dict[str, Any], number: int = 1) -> str:
    suffix = {1: "", 2: "（第二報）", 3: "（第三報）"}.get(number, f"（第{number}報）")
    return f"個人情報の{au.leak_word(o)}に関するお詫びとお知らせ{suffix}"


def _opening(f: Fmt, o: dict[str, Any], previous: str | None, public: bool) -> str:
    a = f.a
    s, who = au.self_name(a), ("関係する皆様" if public else au.addressee_word(a))
    laws = au.laws(o)
    basis = (f"{'及び'.join(laws)}に基づき、" if laws and not public else "")
    if previous:
        return (f"{previous}付けでお知らせいたしました個人情報の{au.leak_word(o)}について、その後の調査で判明した"
                f"事項を{basis}下記のとおりお知らせいたします。{who}には多大なるご迷惑とご心配をおかけしておりますことを、"
                "重ねて深くお詫び申し上げます。")
    return (f"このたび、{s}が取り扱う個人情報について{au.leak_word(o)}が生じていることが判明いたしました。"
            f"{who}には多大なるご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。"
            f"{basis}下記のとおりお知らせいたします。")


def subject_notice(f: Fmt, o: dict[str, Any], previous: str | None = None, number: int = 1) -> dict[str, Any]:
    """Everything but `letters` (one dict per recipient, added by the caller)."""
    secs = sections(f, o, public=False)
    opening = _opening(f, o, previous, public=False)
    pages = paginate(secs, HEAD_MM + _height(opening) - 4 * LINE_MM)
    return {
        "date_text": f.report_date(),
        "sender_lines": _sender_lines(f),
        "title": title(o, number),
        "opening": opening,
        "sections": secs,
        "pages": pages,
        "last_label": f"－ {pages}／{pages} －" if pages > 1 else "",
        "closing": "このたびは誠に申し訳ございません。重ねて深くお詫び申し上げます。",
    }


def generic_letter(f: Fmt) -> dict[str, Any]:
    return {"address_lines": [], "name_line": au.collective(au.addressee_word(f.a))}


def recipient_letter(name: str, honorific: str, postal: str, address: str, email: str) -> dict[str, Any]:
    lines = []
    if postal:
        lines.append(postal if postal.startswith("〒") else f"〒{postal}")
    if address:
        lines.append(address)
    if email and not address:
        lines.append(email)
    return {"address_lines": lines, "name_line": f"{name}　{honorific or '様'}"}


def public_notice(f: Fmt, o: dict[str, Any], stage: str, previous: str | None = None,
                  number: int = 1) -> dict[str, Any]:
    if number == 1 and stage == "preliminary":
        suffix_title = title(o) + "（第一報）"
    else:
        suffix_title = title(o, number)
    return {
        "date_text": f.report_date(),
        "addressee": au.public_addressee(f.a),
        "sender_lines": _sender_lines(f),
        "title": suffix_title,
        "opening": _opening(f, o, previous, public=True),
        "sections": sections(f, o, public=True),
        "closing": f"今後、新たにお知らせすべき事実が判明した場合は、{au.self_name(f.a)}のウェブサイト等でお知らせいたします。",
    }
