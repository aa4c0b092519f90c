"""Small rules of English the messages share."""

from __future__ import annotations


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """ "1 draft", "3 drafts", "0 drafts"."""
    return f"{count} {noun if count == 1 else plural_form or noun + 's'}"
