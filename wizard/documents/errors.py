"""Errors of the documents layer that are the user's input, not a bug (CLI exit 2)."""
from __future__ import annotations


class DocumentInputError(Exception):
    """A bad recipients file, a missing LibreOffice for --format pdf, …; the message is Japanese."""

    def __init__(self, message_ja: str) -> None:
        super().__init__(message_ja)
        self.message_ja = message_ja
