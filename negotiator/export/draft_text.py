"""Writing a draft's own words into Word: numbers, indents, opening verbs in
italics, changes as revisions, and how a draft is named on a page.

Shared by the brief (``negotiator.export.brief``) and the amendments file
(``negotiator.export.amendments``); nothing here knows about positions.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from docx.shared import Mm

from negotiator.diff.worddiff import DELETE, EQUAL, INSERT
from negotiator.drafts.negotiations import ParagraphView
from negotiator.drafts.references import is_resolution_paragraph
from negotiator.export.docx_writer import Redline, WordDocument
from negotiator.storage.models import Draft
from negotiator.text.parse import ADVERBS

# The draft-text style's left indent (15 mm) and one step per sub-level.
BASE_INDENT_MM = 15
LEVEL_INDENT_MM = 8
# The footer holds the title, the drafts and "Page X of Y" on one line.
FOOTER_TITLE_CHARS = 48
# Unchanged words kept either side of a change in a short redline.
EXCERPT_CONTEXT_WORDS = 5
ELLIPSIS = "…"

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}


def long_date(day: dt.date, language: str = "en") -> str:
    """A date as a diplomat writes it: "4 December 2026", « 1er décembre 2026 »."""
    months = MONTHS.get(language, MONTHS["en"])
    number = "1er" if language == "fr" and day.day == 1 else str(day.day)
    return f"{number} {months[day.month - 1]} {day.year}"


def short(title: str) -> str:
    """A title short enough for the footer line."""
    if len(title) <= FOOTER_TITLE_CHARS:
        return title
    return title[: FOOTER_TITLE_CHARS - 1].rsplit(" ", 1)[0] + ELLIPSIS


def describe_draft(draft: Draft, language: str = "en") -> str:
    """ "Rev.1 (PC.DEL/112/26/Rev.1, 20 February 2026)"."""
    extra = [x for x in (draft.symbol, long_date(draft.date, language) if draft.date else None) if x]
    return f"{draft.label} ({', '.join(extra)})" if extra else draft.label


def draft_author(draft: Draft) -> str:
    """Who the revisions of a draft are attributed to: "Rev.2 (PC.DEL/112/26/Rev.2)"."""
    return f"{draft.label} ({draft.symbol})" if draft.symbol else draft.label


def draft_datetime(draft: Draft) -> dt.datetime:
    """When the revisions of a draft are dated: its issue date, else its import."""
    if draft.date:
        return dt.datetime(draft.date.year, draft.date.month, draft.date.day, tzinfo=dt.timezone.utc)
    imported = draft.imported_at or dt.datetime.now()
    return imported.replace(tzinfo=dt.timezone.utc)


def printed_number(number: str | None, *, heading: bool = False) -> str:
    """The number as printed before a text: "12." / "12 bis." / "(a)"; a
    heading's "I" or "A" becomes "I." / "A."."""
    if not number:
        return ""
    number = number.strip()
    if number.endswith((".", ")")):
        return number
    if number[0].isdigit() or (heading and number[-1].isalnum()):
        return number + "."
    return number


def number_run(wd: WordDocument, p: Any, row: ParagraphView) -> None:
    """The paragraph's number in bold, then a tab to the hanging indent."""
    printed = printed_number(row.number)
    wd.add_text(p, printed + "\t" if printed else "\t", bold=True)


def indent_level(p: Any, row: ParagraphView) -> None:
    """Sub-paragraphs sit one step further in per level."""
    if row.level:
        p.paragraph_format.left_indent = Mm(BASE_INDENT_MM + LEVEL_INDENT_MM * row.level)


_OPENING = re.compile(r"^\s*([^\W\d_]+)((?:\s+[^\W\d_]+){0,2})")
# Words that continue an opening verb or participle ("Calls upon", "Bearing in mind").
_OPENING_TAILS = ("upon", "on", "in mind", "note of", "note", "into account", "with")
# A paragraph opening with an article, a determiner or a pronoun ("The Centre
# shall", « Chaque État », "Todo Estado") opens with no verb to set in italics.
_NO_VERB_OPENING = frozenset({
    "the", "a", "an", "this", "these", "that", "those", "each", "every", "all", "any", "no",
    "such", "it", "its", "their", "they", "we", "our", "there", "nothing",
    "le", "la", "les", "l", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "chaque",
    "tout", "toute", "tous", "toutes", "aucun", "aucune", "il", "elle", "ils", "elles", "nous",
    "el", "los", "las", "uno", "una", "este", "esta", "estos", "estas", "cada", "todo", "toda",
    "todos", "todas", "ningún", "ninguna", "nada",
})


def opening_words(text: str, kind: str, reference: str) -> int:
    """How many leading characters are the opening verb or participle that UN
    and OSCE texts set in italics ("Recalling", "Also encourages", "Calls upon"):
    only in a resolution's or decision's own paragraphs, not in a treaty's articles."""
    if kind not in ("preambular", "operative") or not is_resolution_paragraph(reference):
        return 0
    m = _OPENING.match(text)
    if not m or not m.group(1)[0].isupper() or m.group(1).lower() in _NO_VERB_OPENING:
        return 0
    end = m.end(1)
    rest = m.group(2).split()
    if m.group(1).lower() in ADVERBS and rest:
        nxt = re.match(r"\s+[^\W\d_]+", text[end:])
        end += nxt.end() if nxt else 0
        rest = rest[1:]
    for tail in _OPENING_TAILS:
        t = re.match(rf"\s+{re.escape(tail)}\b", text[end:], re.IGNORECASE)
        if t and " ".join(rest).lower().startswith(tail):
            end += t.end()
            break
    return end


def write_text(wd: WordDocument, p: Any, ops: list[tuple[str, str]], row: ParagraphView, *,
               redline: Redline, author: str, date: dt.datetime | None,
               break_long_words: bool = True) -> None:
    """A paragraph's words (as diff ops) with its opening words in italics when
    they are unchanged."""
    if ops and ops[0][0] == EQUAL:
        n = opening_words(ops[0][1], row.kind, row.reference)
        if n:
            wd.add_text(p, ops[0][1][:n], italic=True, break_long_words=break_long_words)
            ops = [(EQUAL, ops[0][1][n:])] + ops[1:]
    wd.add_diff(p, ops, redline=redline, author=author, date=date,
                break_long_words=break_long_words)


def excerpt_ops(ops: tuple[tuple[str, str], ...] | list[tuple[str, str]],
                context: int = EXCERPT_CONTEXT_WORDS) -> list[tuple[str, str]]:
    """Word-diff ops cut down to the changes and a few unchanged words around
    each, the rest replaced by "…": a redline short enough for a table cell."""
    changed = [i for i, (op, text) in enumerate(ops) if op in (INSERT, DELETE) and text.strip()]
    if not changed:
        return []
    out: list[tuple[str, str]] = []
    for i, (op, text) in enumerate(ops):
        if op != EQUAL:
            out.append((op, text))
            continue
        after, before = i > changed[0], i < changed[-1]  # a change precedes / follows
        if not (after or before):
            continue
        words = text.split()
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() else ""
        if len(words) <= context * (2 if after and before else 1):
            out.append((EQUAL, text))
        elif after and before:
            out.append((EQUAL, f"{lead}{' '.join(words[:context])} {ELLIPSIS} "
                               f"{' '.join(words[-context:])}{trail}"))
        elif after:
            out.append((EQUAL, f"{lead}{' '.join(words[:context])} {ELLIPSIS}"))
        else:
            out.append((EQUAL, f"{ELLIPSIS} {' '.join(words[-context:])}{trail}"))
    return out
