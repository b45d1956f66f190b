"""Where the documents of one incident go (no Qt).

One folder per incident under the documents root (wizard.userdirs.documents_dir()),
named ``<知った日>_<件名>`` with every character a file system (Windows included)
refuses taken out.  A marker file records which incident the folder belongs to,
so a second incident with the same date and title gets ``… (2)`` instead of
mixing its files into the first one's folder.
"""
from __future__ import annotations

import json
import re
import unicodedata
import uuid
from pathlib import Path
from typing import Any

MARKER = ".rouei-incident.json"
ID_KEY = "x-incident-id"
_BAD = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_name(text: str, limit: int = 40) -> str:
    """A file-name part: no separators, controls, bidi overrides or Windows-reserved names."""
    text = unicodedata.normalize("NFC", text.encode("utf-8", "replace").decode("utf-8"))
    text = _BAD.sub("", text.replace("/", "・").replace("\\", "・"))
    text = re.sub(r"\s+", " ", text).strip(" .")[:limit].strip(" .")
    if text.split(".")[0].upper() in _RESERVED:
        text = f"_{text}"
    return text


def folder_name(answers: dict[str, Any], today: str) -> str:
    day = safe_name(str(answers.get("incident.known_on") or today), 10) or today
    title = safe_name(str(answers.get("incident.title") or ""))
    return f"{day}_{title or '件名なし'}"


def incident_id(extra: dict[str, Any]) -> str:
    """The incident's id (kept in the incident file as an ``x-`` extension); made on first use."""
    value = extra.get(ID_KEY)
    if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{32}", value):
        value = uuid.uuid4().hex
        extra[ID_KEY] = value
    return value


def owner(folder: Path) -> str | None:
    """The incident id a folder belongs to; '' for a folder with files but no marker; None if free."""
    marker = folder / MARKER
    try:
        doc = json.loads(marker.read_text(encoding="utf-8"))
        return str(doc.get("id", "")) if isinstance(doc, dict) else ""
    except FileNotFoundError:
        pass
    except (OSError, ValueError):
        return ""
    try:
        return "" if any(folder.iterdir()) else None
    except FileNotFoundError:
        return None
    except OSError:
        return ""


def belongs_to(folder: Path, ident: str) -> bool:
    """May this incident's documents go into `folder` (its own, or an empty/new folder)?"""
    who = owner(folder)
    return who is None or who == ident


def claim(folder: Path, ident: str, title: str) -> None:
    """Create the folder (for this user only) and mark it as this incident's."""
    from wizard.engine.incident import atomic_write_text

    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    marker = folder / MARKER
    if not marker.exists():
        atomic_write_text(marker, json.dumps({"id": ident, "title": title}, ensure_ascii=False) + "\n")


def incident_folder(root: Path, answers: dict[str, Any], ident: str, today: str) -> Path:
    """The folder for this incident under `root`: its own if it exists, else the first free name."""
    base = folder_name(answers, today)
    for n in range(1, 1000):
        cand = root / (base if n == 1 else f"{base} ({n})")
        if belongs_to(cand, ident):
            return cand
    raise OSError(f"{root} に空いているフォルダー名がありません")


def file_prefix(answers: dict[str, Any], today: str) -> str:
    """What each file name starts with, so a file says which incident it belongs to."""
    return folder_name(answers, today) + "_"
