"""Text compared as a reader compares it."""

from __future__ import annotations

import unicodedata


def collapse_whitespace(text: str) -> str:
    """Runs of whitespace (line breaks of a hard-wrapped text included) are one space."""
    return " ".join(text.split())


def same_wording(a: str, b: str) -> bool:
    """Whether two texts say the same words: whitespace and Unicode composition do not count."""
    return unicodedata.normalize("NFC", collapse_whitespace(a)) == unicodedata.normalize(
        "NFC", collapse_whitespace(b))
