"""本人通知 by e-mail: one RFC 5322 message (.eml, UTF-8) per recipient.

Why .eml and not a CSV of 宛先/件名/本文: a .eml opens as a ready message in Outlook,
Thunderbird and Apple Mail (``X-Unsent: 1`` makes Outlook open it as an unsent draft), carries
its own charset (no CP932/UTF-8 guessing by Excel) and has no quoting that could run one
person's body into another's row.  The text is the letter's text (same sections, same voice)
without the postal layout: no address block, the sender signature at the end.
"""
from __future__ import annotations

import base64
import re
from email.header import Header
from email.utils import formataddr
from typing import Any

from .engine import clean

_LINE = re.compile(r"[\r\n\u2028\u2029]+")
_EMAIL = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$")


def valid(addr: str) -> bool:
    return bool(_EMAIL.match(addr)) and len(addr) <= 254 and addr.isascii()


def _one_line(text: str) -> str:
    return _LINE.sub(" ", clean(text)).strip()


def body(ctx: dict[str, Any], name_line: str) -> str:
    out = [name_line, "", ctx["title"], "", ctx["opening"], "", "記", ""]
    for sec in ctx["sections"]:
        out += [str(sec["heading"]), str(sec["body"]), ""]
    out += [ctx["closing"], "", "以上", "", "―――――――――――――――", *ctx["sender_lines"], ctx["date_text"]]
    return clean("\n".join(out)) + "\n"


def _header(text: str) -> str:
    return Header(_one_line(text), "utf-8", maxlinelen=76).encode()


def _address(name: str, addr: str) -> str | None:
    if not addr or not valid(addr):
        return None
    return formataddr((_one_line(name), addr), charset="utf-8")


def message(ctx: dict[str, Any], name_line: str, to_name: str, to_addr: str, from_addr: str) -> bytes:
    """One message: UTF-8 text body in base64, RFC 2047 headers; Outlook opens it as a draft (X-Unsent)."""
    headers = ["MIME-Version: 1.0", f"Subject: {_header(ctx['title'])}"]
    sender = _address(ctx["sender_lines"][0] if ctx["sender_lines"] else "", from_addr)
    if sender:
        headers.append(f"From: {sender}")
    to = _address(to_name, to_addr)
    if to:
        headers.append(f"To: {to}")
    headers += ["X-Unsent: 1", 'Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: base64"]
    payload = base64.encodebytes(body(ctx, name_line).encode("utf-8")).decode("ascii")
    return ("\r\n".join(headers) + "\r\n\r\n" + payload.replace("\n", "\r\n")).encode("ascii")
