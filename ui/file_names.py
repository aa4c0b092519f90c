"""File names suggested from what the user wrote (a negotiation's title, a draft's
label or symbol): the one rule for what a name may hold, shared by the export
dialog and position packages. No Qt, so importing it loads nothing else."""

from __future__ import annotations

import re

# Characters no file system takes in a name (Windows is the strictest), and control
# characters; a slash (as in a document symbol, "PC.DEL/112/26") becomes a hyphen.
SLASHES = re.compile(r"[\\/]")
UNSAFE_FILE_CHARS = re.compile(r'[:*?"<>|\x00-\x1f\x7f]+')
# A negotiation's title in a file name: enough words to recognise it.
TITLE_CHARS = 40


def file_part(text: str, limit: int = TITLE_CHARS) -> str:
    """Text fit for a file name on any system: slashes become "-", other unsafe
    characters spaces, spaces are collapsed, cut at a word boundary; no leading
    or trailing dot, hyphen or space."""
    clean = " ".join(UNSAFE_FILE_CHARS.sub(" ", SLASHES.sub("-", text)).split())
    if len(clean) > limit:
        cut = clean[:limit + 1]
        clean = cut[:cut.rfind(" ")] if " " in cut else clean[:limit]
    return clean.strip(" .-")
