"""Colours and the one style sheet of the window (kept in one place)."""
from __future__ import annotations

ERROR = "#b00020"
NOTE_BG = "#e8f1fb"
WARN_BG = "#fff4d6"
MUTED = "#555555"
FOCUS = "#1a5fb4"  # keyboard focus must be visible on every control (radio groups, the result text)
FOCUS_BG = "#d5e4f7"

STYLE_SHEET = f"""
QLabel#error {{ color: {ERROR}; font-weight: bold; }}
QLabel#note {{ background: {NOTE_BG}; border: 1px solid #9cc0e6; border-radius: 4px; padding: 6px; }}
QLabel#inapplicable, QLabel#banner_warn {{ background: {WARN_BG}; border: 1px solid #e0b84c; border-radius: 4px;
    padding: 6px; }}
QFrame#banner {{ background: #fde7e9; border: 1px solid {ERROR}; border-radius: 4px; }}
QLabel#question {{ font-size: 17pt; font-weight: bold; }}
QLabel#section_caption, QLabel#position {{ color: {MUTED}; }}
QLabel#remaining {{ font-weight: bold; padding: 4px 2px; }}
QFrame#help_panel {{ background: #f6f6f2; border-left: 1px solid #cccccc; }}
QListWidget#sidebar {{ font-size: 11pt; }}
QListWidget#sidebar::item {{ padding: 7px 4px; }}
QPushButton#fix {{ padding: 1px 10px; }}
QLabel#question_small {{ font-size: 12pt; font-weight: bold; }}
QLabel#hint {{ color: {MUTED}; font-size: 9pt; }}
QRadioButton:focus, QCheckBox:focus {{ background: {FOCUS_BG}; border-radius: 3px; }}
QTextBrowser:focus {{ border: 2px solid {FOCUS}; }}
"""


def h(text: object) -> str:
    """HTML-escape user text and keep line breaks (no `html` import: start-up time)."""
    s = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace('"', "&quot;").replace("'", "&#x27;").replace("\n", "<br>")
