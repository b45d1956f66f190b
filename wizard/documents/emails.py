"""本人通知 by e-mail: one RFC 5322 message (.eml, UTF-8) per recipient.

Why .eml and not a CSV of 宛先/件名/本文: a .eml opens as a ready message in Outlook,
Thunderbird and Apple Mail (``X-Unsent: 1`` makes Outlook open it as an unsent draft), carries
its own charset (no CP932/UTF-8 guessing by Excel) and has no quoting that could run one
person's body into another's row.  The text is the letter's text (same sections, same voice)
without the postal layout: no address block, the sender signature at the end.
"""
from __future__ import annotations

import re
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from typing import Any

from .engine import clean

_LINE = re.compile(r"[\r\n\u2028\u2029]+")
_EMAIL = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$")


def _one_line(text: str) -> str:
    return _LINE.sub(" ", clean(text)).strip()


def body(ctx: dict[str, Any], name_line: str) -> str:
    out = [name_line, "", ctx["title"], "", ctx["opening"], "", "記", ""]
    for sec in ctx["sections"]:
        out += [str(sec["heading"]), str(sec["body"]), ""]
    out += [ctx["closing"], "", "以上", "", "―――――――――――――――", *ctx["sender_lines"], ctx["date_text"]]
    return clean("\n".join(out)) + "\n"


def message(ctx: dict[str, Any], name_line: str, to_name: str, to_addr: str, from_addr: str) -> bytes:
    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = _one_line(ctx["title"])
    if to_addr and _EMAIL.match(to_addr):
        local, domain = to_addr.rsplit("@", 1)
        msg["To"] = Address(display_name=_one_line(to_name), username=local, domain=domain)
    if from_addr and _EMAIL.match(from_addr):
        local, domain = from_addr.rsplit("@", 1)
        sender = _one_line(ctx["sender_lines"][0]) if ctx["sender_lines"] else ""
        msg["From"] = Address(display_name=sender, username=local, domain=domain)
    msg["X-Unsent"] = "1"
    msg.set_content(body(ctx, name_line), charset="utf-8", cte="base64")
    return msg.as_bytes()
