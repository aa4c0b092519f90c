"""From raw blocks of text to paragraphs: typed numbers, kinds, sections, brackets.

Pure functions over plain values; both the plain-text and the Word reader feed
``build_paragraphs``. Word lists they see as ``RawBlock.list_number``; numbers
typed into the text ("12 bis", "(a)", "PP3") are found here.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

# Latin ordinal suffixes for paragraphs inserted during negotiation ("12 bis").
SUFFIXES = "bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies|alt"

# Up to six digits: drafts of 10,000 and more paragraphs number them so ("10000.").
_DIGITS = re.compile(
    rf"^(?P<num>\d{{1,6}}(?:\.\d{{1,3}})*)"
    rf"(?:(?P<sp>\s*)(?P<suf>{SUFFIXES})\b)?"
    rf"(?P<punct>[.):])?(?P<rest>\s+|$)",
    re.IGNORECASE,
)
_PP_OP = re.compile(
    rf"^(?P<tag>PP|OP)\s?(?P<num>\d{{1,6}})(?:\s*(?P<suf>{SUFFIXES})\b)?[.):]?(?:\s+|$)",
    re.IGNORECASE,
)
_PAREN = re.compile(r"^\((?P<lab>[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\)(?:\s+|$)")
_LOWER = re.compile(r"^(?P<lab>[a-z]{1,2}|[ivxlc]{1,6})(?P<p>[.)])\s+")
_UPPER = re.compile(r"^(?P<lab>[IVXLC]{1,6}|[A-Z])\.\s+")
_ROMAN = re.compile(r"^[ivxlc]+$")

# Words that open a preambular paragraph (participles and adjectives), and the
# verbs that open an operative one. Leading adverbs are skipped before lookup.
PREAMBULAR = {
    "acknowledging", "affirming", "alarmed", "aware", "bearing", "believing",
    "cognizant", "cognisant", "concerned", "conscious", "considering", "convinced",
    "desiring", "desirous", "determined", "emphasizing", "emphasising", "encouraged",
    "expressing", "guided", "having", "highlighting", "mindful", "noting",
    "reaffirming", "recalling", "recognizing", "recognising", "reiterating",
    "stressing", "taking", "underlining", "underscoring", "welcoming", "deploring",
    "regretting", "seeking", "acting", "appreciating", "observing", "referring",
}
OPERATIVE = {
    "accepts", "acknowledges", "adopts", "affirms", "agrees", "appeals", "approves",
    "authorizes", "authorises", "calls", "commends", "commits", "condemns",
    "confirms", "considers", "decides", "declares", "demands", "deplores",
    "designates", "directs", "emphasizes", "emphasises", "encourages", "endorses",
    "expresses", "invites", "notes", "reaffirms", "recalls", "recognizes",
    "recognises", "recommends", "regrets", "reiterates", "requests", "resolves",
    "stresses", "supports", "takes", "tasks", "underlines", "underscores", "urges",
    "welcomes", "instructs", "proclaims", "reminds", "appreciates", "highlights",
}
ADVERBS = {
    "also", "further", "furthermore", "again", "once", "strongly", "deeply",
    "gravely", "firmly", "fully", "moreover", "likewise", "further,", "also,",
}
# A block this short with no closing punctuation and no verb reads as a heading.
HEADING_MAX_WORDS = 12
# A heading that names a unit of the text by its word and identifier ("Article 9.
# Scope", "Chapter III" over "Organs" on the next line, "Article 12 bis").
UNIT_HEADING = re.compile(
    r"^(?P<word>article|art\.|artículo|artigo|artikel|rule|règle|regla|chapter|chapitre|"
    r"capítulo|part|partie|parte|section|annex|annexe|anexo|appendix|appendice)"
    r"\s+(?P<id>(?:\d+|[IVXLC]+)(?:\s+(?:bis|ter|quater|quinquies))?|[A-Z])\b\.?(?=\s|$)",
    re.IGNORECASE)
# A footnote pasted as a paragraph of its own opens with its mark ("² Including ...").
_FOOTNOTE_MARK = re.compile("^[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]*(?=\\s)")
_FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# A document's title runs longer than a heading ("Developments in the field of
# information and telecommunications in the context of international security"
# is 14 words); it is the first unpunctuated block before any heading or body text.
TITLE_MAX_WORDS = 40

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# Top matter of an issued document: its symbol ("PC.DEL/112/26/Rev.1",
# "A/C.1/79/L.12") and its date, on one line or on several. Short and
# unpunctuated, they would otherwise read as headings.
_SYMBOL = r"[A-Z][A-Za-z0-9.()-]*(?:/[A-Za-z0-9.()-]+)+"
_DATE = (
    rf"\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}"  # 16 January 2026
    rf"|(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}"  # January 16, 2026
    r"|\d{4}-\d{2}-\d{2}"  # 2026-01-16
)
_TOP_MATTER = re.compile(rf"(?:(?:{_SYMBOL}|{_DATE})[,;]?\s*)+")


@dataclass(frozen=True)
class RawBlock:
    """One paragraph as a reader found it, before interpretation."""

    text: str
    list_number: str | None = None  # Word's automatic number, resolved ("12.", "(a)")
    list_level: int | None = None
    heading_level: int | None = None  # 0 for Title, 1.. for Heading n
    footnotes: tuple[str, ...] = ()
    kind: str | None = None  # set when the reader knows better (a table row is "other")


@dataclass(frozen=True)
class ParsedParagraph:
    number: str | None
    level: int
    kind: str
    section: str | None
    text: str
    brackets: int
    brackets_balanced: bool
    footnotes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Brackets:
    count: int  # opening brackets, nested ones included
    balanced: bool
    depth: int  # deepest nesting


_BRACKETS = re.compile(r"[\[\]]")


def count_brackets(text: str) -> Brackets:
    """Square brackets of a text; a stray ']' or an unclosed '[' makes it unbalanced."""
    count = text.count("[")
    if not count and "]" not in text:
        return Brackets(0, True, 0)  # most paragraphs: two C scans, no Python loop
    depth = max_depth = 0
    balanced = True
    for ch in _BRACKETS.findall(text):  # the brackets only, in order
        if ch == "[":
            depth += 1
            max_depth = max(max_depth, depth)
        elif depth == 0:
            balanced = False
        else:
            depth -= 1
    return Brackets(count, balanced and depth == 0, max_depth)


def paragraph_brackets(text: str, footnotes: Sequence[str] = ()) -> Brackets:
    """The brackets of a paragraph: its text's and its footnotes' (text not
    agreed is not agreed in a footnote either); each piece balanced on its own."""
    found = count_brackets(text)
    for note in footnotes:
        more = count_brackets(note)
        found = Brackets(found.count + more.count, found.balanced and more.balanced,
                         max(found.depth, more.depth))
    return found


@dataclass(frozen=True)
class TypedNumber:
    label: str  # as displayed, without a trailing full stop: "12", "12 bis", "(a)", "PP3"
    level: int
    style: str  # "digit", "pp", "op", "letter", "roman", "upper"
    rest: str  # the text after the number


def split_number(text: str) -> TypedNumber | None:
    """Find a number typed at the start of a paragraph."""
    if m := _PP_OP.match(text):
        label = f"{m['tag'].upper()}{m['num']}" + (f" {m['suf'].lower()}" if m["suf"] else "")
        return TypedNumber(label, 0, m["tag"].lower(), text[m.end():])
    if m := _DIGITS.match(text):
        # A bare number ("2025 was...") is not numbering: ask for punctuation,
        # a suffix, or a tab after it.
        if m["punct"] or m["suf"] or m["rest"].startswith("\t") or (m["rest"] == "" and len(text) < 8):
            label = m["num"] + (f" {m['suf'].lower()}" if m["suf"] else "")
            if m["punct"] == ")":
                label += ")"
            return TypedNumber(label, m["num"].count("."), "digit", text[m.end():])
        return None
    if m := _PAREN.match(text):
        lab = m["lab"]
        style = "digit" if lab.isdigit() else ("roman" if _ROMAN.match(lab) else "letter")
        return TypedNumber(f"({lab})", 2 if style == "roman" else 1, style, text[m.end():])
    if m := _LOWER.match(text):
        lab = m["lab"]
        if len(lab) == 2 and not _ROMAN.match(lab):
            return None  # "an." / "to." are words, not numbers
        style = "roman" if _ROMAN.match(lab) and len(lab) > 1 else "letter"
        label = lab + (")" if m["p"] == ")" else "")
        return TypedNumber(label, 2 if style == "roman" else 1, style, text[m.end():])
    if m := _UPPER.match(text):
        return TypedNumber(m["lab"], 0, "upper", text[m.end():])
    return None


def _letter_before(label: str) -> str | None:
    core = label.strip("().")
    if len(core) == 1 and core.isalpha() and core not in "aA":
        return chr(ord(core) - 1)
    return None


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_LETTER = re.compile(r"[A-Za-z]")


def _opening_word(text: str) -> str:
    """The first significant word: the first that is no adverb (or, in a text of
    adverbs only, the last word read; "" without words)."""
    word = ""
    # The first 200 characters, read only as far as the answer needs.
    for m in _WORD.finditer(text, 0, 200):
        word = m.group().lower()
        if word not in ADVERBS:
            break
    return word


def infer_kind(text: str, number: TypedNumber | None, *, in_preamble: bool = True) -> str:
    """Heading, preambular, operative, sub-paragraph or other, from the words themselves.

    ``in_preamble``: no operative paragraph nor article read yet; after them, a
    paragraph opening with some other "-ing" word ("Nothing in this
    Convention ...") is no recital.
    """
    if number is not None and (
        number.style in ("letter", "roman") or number.label.startswith("(")
    ):
        return "sub-paragraph"
    first = _opening_word(text)
    if number is not None and number.style == "pp":
        return "preambular"
    if number is None and (is_symbol_or_date(text) or footnote_mark(text)):
        return "other"
    if number is None and _names_a_unit(text):
        return "heading"
    if first in PREAMBULAR or (in_preamble and first.endswith("ing") and first[:1]
                               and _starts_capitalised(text)
                               and first not in OPERATIVE and number is None):
        return "preambular"
    if first in OPERATIVE:
        return "operative"
    stripped = text.strip()
    if (
        stripped
        and not _ends_a_sentence(stripped)
        and "\n" not in stripped
        and (number is None or number.style in ("upper", "digit"))
        and len(stripped.split(None, HEADING_MAX_WORDS)) <= HEADING_MAX_WORDS
    ):
        return "heading"
    if number is not None and number.style in ("digit", "op"):
        return "operative"
    return "other"


def footnote_mark(text: str) -> str:
    """"2" for a footnote pasted as a paragraph ("² Including ..."), else ""."""
    m = _FOOTNOTE_MARK.match(text)
    return m.group().translate(_FROM_SUPERSCRIPT) if m else ""


def _opens_articles(typed: TypedNumber | None, text: str) -> bool:
    """"Article 1" (typed, or Word's numbering): the preamble is over."""
    label = f"{typed.label} {text}" if typed is not None else text
    return label[:3].lower() == "art" and UNIT_HEADING.match(label) is not None


def _names_a_unit(text: str) -> bool:
    """A unit's label with its title on the next line ("Article 2" / "Use of
    terms", "Chapter III" / "Organs"): a heading, though on two lines."""
    lines = text.strip().split("\n")
    return len(lines) == 2 and UNIT_HEADING.fullmatch(lines[0].strip()) is not None \
        and not _ends_a_sentence(lines[1]) \
        and len(text.split(None, HEADING_MAX_WORDS)) <= HEADING_MAX_WORDS


def is_symbol_or_date(text: str) -> bool:
    """A block made only of document symbols and dates (the top matter of an issued text)."""
    return bool(_TOP_MATTER.fullmatch(text.strip()))


def front_matter(paragraphs: Sequence[Any]) -> list[int]:
    """The places of an issued document's apparatus: the unnumbered blocks other
    than headings above its first heading (symbol and date, session and agenda
    lines, a chair's or co-facilitators' note). They are printed with the text
    but not negotiated in it. Empty when the document has no heading to stand above.

    ``paragraphs``: anything with ``number``, ``kind`` and ``text``, in document order.
    """
    found: list[int] = []
    for k, p in enumerate(paragraphs):
        if p.kind == "heading":
            return found
        if not p.number:
            found.append(k)
    return []


def _reads_as_title(text: str) -> bool:
    """An unnumbered single line, capitalised, not too long, with no closing punctuation."""
    stripped = text.strip()
    return (
        bool(stripped)
        and "\n" not in stripped
        and len(stripped.split(None, TITLE_MAX_WORDS)) <= TITLE_MAX_WORDS
        and not _ends_a_sentence(stripped)
        and _starts_capitalised(stripped)
        and not is_symbol_or_date(stripped)
    )


_SENTENCE_END = tuple(".;:,!?")


def _ends_a_sentence(text: str) -> bool:
    """Closing punctuation, inside the square brackets of a paragraph not yet
    agreed ("[The Parties shall cooperate.]" is no title) or before a footnote
    mark ("... meteorological services.²")."""
    return text.rstrip("] ⁰¹²³⁴⁵⁶⁷⁸⁹")[-1:] in _SENTENCE_END


def _starts_capitalised(text: str) -> bool:
    m = _LETTER.search(text)
    return bool(m and m.group().isupper())


def normalise_block(text: str) -> str:
    """Trim each line's ends and drop empty lines inside a block; keep line breaks."""
    if "\n" not in text and "\r" not in text:
        return text.strip()  # one line (most blocks): what the join below gives
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def build_paragraphs(blocks: Iterable[RawBlock]) -> list[ParsedParagraph]:
    """Interpret raw blocks: numbers (Word's or typed), kinds, sections, brackets."""
    out: list[ParsedParagraph] = []
    sections: list[tuple[int, str]] = []  # (heading level, title) stack
    last_letter_at: str | None = None  # last letter label at level 1, to tell (i) from (i)
    before_body = True  # nothing but top matter (symbol, date) read so far: a title may come
    in_preamble = True  # no operative paragraph nor article read so far
    for block in blocks:
        text = normalise_block(block.text)
        if not text and not block.list_number:
            continue
        typed: TypedNumber | None = None
        if block.list_number:
            label = block.list_number.strip().rstrip(".")
            typed = split_number(block.list_number.strip() + " ")
            level = block.list_level if block.list_level is not None else (typed.level if typed else 0)
            style = typed.style if typed else "digit"
            typed = TypedNumber(label, level, style, text)
        else:
            typed = split_number(text)
            if typed is not None:
                # "(i)" right after "(h)" is the ninth letter, not roman one.
                prev = _letter_before(typed.label)
                if typed.style == "roman" and prev is not None and last_letter_at == prev:
                    typed = TypedNumber(typed.label, 1, "letter", typed.rest)
                text = typed.rest.strip()
        if typed is not None and typed.style == "letter" and typed.level == 1:
            last_letter_at = typed.label.strip("().").lower()

        if block.kind is not None:
            kind = block.kind
        elif block.heading_level is not None:
            kind = "heading"
        else:
            kind = infer_kind(text, typed, in_preamble=in_preamble)
        brackets = paragraph_brackets(text, block.footnotes)
        # The title of a text pasted as plain text: a heading at level 0, as Word's
        # Title style is, so .txt and .docx give the same sections. (A kind the
        # reader decided itself, such as a table row's, stays as it is.)
        is_title = (
            before_body
            and block.heading_level is None
            and getattr(block, "kind", None) is None
            and typed is None
            and kind in ("heading", "other")
            and _reads_as_title(text)
        )
        if is_title:
            kind = "heading"
        if not (kind == "other" and is_symbol_or_date(text)):
            before_body = False
        if kind == "operative" or kind == "heading" and _opens_articles(typed, text):
            in_preamble = False
        if kind == "heading":
            level = 1 if block.heading_level is None else block.heading_level
            if is_title:
                level = 0
            title = f"{typed.label}. {text}" if typed and typed.style == "upper" else text
            while sections and sections[-1][0] >= level:
                sections.pop()
            sections.append((level, title))
            last_letter_at = None
        section = " / ".join(t for _, t in sections) or None
        out.append(
            ParsedParagraph(
                number=typed.label if typed else None,
                level=typed.level if typed else 0,
                kind=kind,
                section=section,
                text=text,
                brackets=brackets.count,
                brackets_balanced=brackets.balanced,
                footnotes=tuple(block.footnotes),
            )
        )
    return out


_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def compared_text(text: str, footnotes: Sequence[str] | None) -> str:
    """The text a comparison reads of a paragraph: its text, then each footnote on
    a line of its own after its superscript number in the paragraph ("¹ ...").

    Superscripts, not square brackets (disputed text) nor a word of any
    language. Without footnotes it is the text itself, so drafts without
    footnotes compare (and checksum) exactly as before.
    """
    if not footnotes:
        return text
    return "\n".join([text, *(f"{str(k).translate(_SUPERSCRIPT_DIGITS)} {note}"
                              for k, note in enumerate(footnotes, 1))])


def content_checksum(paragraphs: Sequence[ParsedParagraph]) -> str:
    """Identity of a draft's content (footnotes included), independent of file
    format and database."""
    h = hashlib.sha256()
    for p in paragraphs:
        h.update((p.number or "").encode())
        h.update(b"\x1e")
        h.update(" ".join(compared_text(p.text, p.footnotes).split()).encode())
        h.update(b"\x1f")
    return h.hexdigest()
