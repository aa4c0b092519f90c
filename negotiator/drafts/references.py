"""How a paragraph is referred to: one rule for the table, the comparison, the
brief, the command line and signals.

A user is shown the document's own labels, as delegates say them: "PP 3" for
the third preambular paragraph (unnumbered in the issued text), "OP 12 bis"
for an operative paragraph, "OP 6 (a) (ii)" for a sub-paragraph, "Section II"
for a numbered heading, "¶ 2" (or "II ¶ 2") for an unnumbered paragraph of a
section, "Footnote 2" for a footnote pasted as a paragraph. In a treaty,
whose articles number their paragraphs afresh, a paragraph is cited with its
article: "Art. 9(1)", "Art. 9(1)(a)", "Art. 3 ¶ 1" under the heading
"Article 9". Every label printed anywhere is accepted back as input, as is
the bare number ("12 bis", "6 (a)", "9(1)(a)"), "Article" for "Art." and, as
an escape hatch for scripts, "#INDEX" (the 0-based place in `show --json`).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.domain.errors import NotFound
from negotiator.domain.vocabulary import ParagraphKind
from negotiator.domain.wording import ordinal
from negotiator.storage.models import Draft, Paragraph
from negotiator.text.parse import UNIT_HEADING, footnote_mark, is_symbol_or_date

TOP_MATTER_LABEL = "Symbol and date"
# An unnumbered heading is named by its opening words.
HEADING_LABEL_CHARS = 40

_DIGIT_NUMBER = re.compile(r"^\d+(?:\.\d+)*(?:\s*[a-z]+)?$", re.IGNORECASE)
_TYPED_TAG = re.compile(r"^(PP|OP)\s*(.+)$", re.IGNORECASE)
# "OP 8 bis of Rev.1" / « PP 2 de D1 »: how the brief and `positions` name a deleted paragraph.
_OF_DRAFT = re.compile(r"^(?P<ref>.+?)\s+(?:of|de)\s+(?P<draft>\S.*)$")

# Word joiners too: the brief holds "Art. 9(3)(c)" on one line with them, and
# a reference copied from it comes back with them.
_KEY_NOISE = re.compile(r"[\s.,\u2060]+|\bno\b", re.IGNORECASE)
# "¶", "§" and "para" stay in a key as one mark: "Art. 2 ¶ 1" is not "Article 21",
# nor "¶ 1" the paragraph numbered 1.
_PARAGRAPH_MARK = re.compile(r"[¶§]|\bpara(?:graph)?s?\b", re.IGNORECASE)
# An alternative text or its label: "Option 2:", "Alt 1: [...]", « Variante B ».
_OPTION = re.compile(r"^(?P<word>option|opción|alternative|alt|variant|variante)\.?\s+"
                     r"(?P<id>\d+|[A-Z])\b", re.IGNORECASE)
# "Article 9" typed for "Art. 9".
_ARTICLE_WORD = re.compile(r"^(?:article|artículo|artigo|artikel)(?=\s*\d)", re.IGNORECASE)
# Units whose paragraphs are numbered afresh, and how a citation shortens them.
_NUMBERING_UNITS = {"article": "Art.", "art.": "Art.", "artículo": "Art.", "artigo": "Art.",
                    "artikel": "Art.", "rule": "Rule", "règle": "Règle", "regla": "Regla"}
# Keyed by plain str: the stored kind arrives as a str (ParagraphKind is a StrEnum).
_KIND_TAGS: dict[str, str] = {ParagraphKind.OPERATIVE: "OP ", ParagraphKind.PREAMBULAR: "PP "}
# Plain values: read once per paragraph of every draft, an enum member costs ten times more.
_HEADING, _PREAMBULAR = ParagraphKind.HEADING.value, ParagraphKind.PREAMBULAR.value


class ReferenceFacts(Protocol):
    """Anything that carries what the reference rule reads (a stored row, a
    paragraph just parsed and not yet stored)."""

    @property
    def number(self) -> str | None: ...
    @property
    def level(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def section(self) -> str | None: ...
    @property
    def text(self) -> str: ...


class ParagraphFacts(NamedTuple):
    """What the reference rule reads of a paragraph (rows with these fields,
    such as a comparison's, can be given as they are)."""

    number: str | None
    level: int
    kind: str
    section: str | None
    text: str


def reference_labels(paragraphs: Sequence[ReferenceFacts]) -> list[str]:
    """The label of each paragraph of a draft, in document order; labels are unique."""
    labels: list[str] = []
    parents: dict[int, str] = {}  # level -> label of the last numbered paragraph there
    preambular = 0
    in_section: dict[str, int] = {}  # unnumbered paragraphs counted per section prefix
    section_prefix = ""
    unit = ""  # "Art. 9" under the heading "Article 9": its paragraphs are cited with it
    for p in paragraphs:
        number = (p.number or "").strip().rstrip(".")
        if p.kind == _PREAMBULAR:
            preambular += 1
        if p.kind == _HEADING:
            named = _unit_heading(number, p.text)
            label = named[0] if named else _heading_label(number, p.text)
            unit = named[1] if named else ""
            # "II ¶ 1", "Art. 3 ¶ 1", "Chapter III ¶ 1"; under a title with no
            # number, "¶ n" counts on, so it stays unique.
            section_prefix = f"{unit or (named[0] if named else number)} " if named or number else ""
            parents.clear()
        elif not number and is_symbol_or_date(p.text):
            label = TOP_MATTER_LABEL
        elif not number and (mark := footnote_mark(p.text)):
            label = f"Footnote {mark}"
        elif not number and (option := _OPTION.match(p.text)) and p.text[option.end():].strip(" :"):
            # "Alt 2: [...]" under "2. Alt 1: [...]": cited with the paragraph (or
            # article) it is an alternative of, as delegates say it: "Art. 11(2) Alt 2".
            # (A bare "Option 2:" over its text stays a paragraph of its section.)
            anchor = parents.get(0) or unit or section_prefix.strip()
            label = f"{anchor} {option['word'][0].upper()}{option['word'][1:]} {option['id']}".strip()
        elif number and p.level > 0:
            parent = parents.get(p.level - 1) or next(
                (parents[lv] for lv in sorted(parents, reverse=True) if lv < p.level), unit)
            label = f"{parent}{number}" if unit and number.startswith("(") \
                else f"{parent} {number}".strip()
            parents[p.level] = label
            for deeper in [lv for lv in parents if lv > p.level]:
                del parents[deeper]
        elif number and unit and _DIGIT_NUMBER.match(number):
            label = f"{unit}({number})"
            parents = {0: label}
        elif number:
            label = _top_level_label(number, p.kind)
            parents = {0: label}
        elif p.kind == _PREAMBULAR:
            label = f"PP {preambular}"
        else:
            in_section[section_prefix] = in_section.get(section_prefix, 0) + 1
            label = f"{section_prefix}¶ {in_section[section_prefix]}"
        labels.append(label)
    return _made_unique(labels)


def is_resolution_paragraph(label: str) -> bool:
    """Whether a paragraph so labelled is a resolution's or decision's recital or
    operative paragraph ("PP 3", "OP 12 bis", "OP 6 (a)"), whose opening verb or
    participle is set in italics; an article's paragraph ("Art. 9(1)") is not."""
    return label.startswith(("PP ", "OP "))


def _unit_heading(number: str, text: str) -> tuple[str, str] | None:
    """("Article 9", "Art. 9") for the heading "Article 9. Scope" (or Word's number
    "Article 9" before the title "Scope"); ("Chapter III", "") for a unit that
    does not number its paragraphs afresh; None for any other heading."""
    m = UNIT_HEADING.match(f"{number} {text}" if number else text)
    if m is None:
        return None
    word, ident = m["word"], " ".join(m["id"].split())
    short = _NUMBERING_UNITS.get(word.lower(), "")
    return f"{word.rstrip('.')} {ident}", f"{short} {ident}" if short else ""


def _heading_label(number: str, text: str) -> str:
    if number:
        return number if " " in number else f"Section {number}"
    words = " ".join(text.split())
    return words if len(words) <= HEADING_LABEL_CHARS else words[:HEADING_LABEL_CHARS - 1].rstrip() + "…"


def _top_level_label(number: str, kind: str) -> str:
    typed = _TYPED_TAG.match(number)
    if typed:  # "PP3" / "OP 4" typed in the text
        return f"{typed[1].upper()} {typed[2].strip()}"
    if _DIGIT_NUMBER.match(number):
        tag = _KIND_TAGS.get(kind, "")
        return f"{tag}{number}"
    return number


def _made_unique(labels: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out: list[str] = []
    for label in labels:
        n = seen.get(label, 0) + 1
        seen[label] = n
        out.append(label if n == 1 else f"{label}, {ordinal(n)} occurrence")
    return out


def reference_key(text: str) -> str:
    """How typed references are compared: case, spaces and dots do not count;
    "Article 9" is "Art. 9"; "para", "§" and "¶" are one mark."""
    text = _PARAGRAPH_MARK.sub("¶", _ARTICLE_WORD.sub("art", text.strip()))
    return _KEY_NOISE.sub("", text).casefold()


def typed_keys(text: str) -> tuple[str, ...]:
    """The keys what a user typed is read as, first the closest: "para 12" is
    the paragraph labelled so, else the one numbered 12 ("OP 12")."""
    key = reference_key(text)
    return (key, key[1:]) if key.startswith("¶") and len(key) > 1 else (key,)


def reference_keys(label: str, number: str | None) -> tuple[str, ...]:
    """Every typed form that names a paragraph: its label ("OP 6 (a)"), its stored
    number ("(a)") and its label without the OP/PP tag ("6 (a)")."""
    keys = [reference_key(label)]
    if number:
        keys.append(reference_key(number.rstrip(".")))
    bare = _bare(label)
    if bare is not None:
        keys.append(reference_key(bare))
    return tuple(k for k in keys if k)


def _bare(label: str) -> str | None:
    """The label without its tag: "6 (a)" of "OP 6 (a)", "9(1)" of "Art. 9(1)"."""
    if label[:3] in ("OP ", "PP "):
        return label[3:]
    if label.startswith("Art. ") and "(" in label:
        return label[5:]
    return None


def in_another_draft(ref: str) -> tuple[str, str] | None:
    """("PP 2", "D1") for "PP 2 of D1" or « PP 2 de D1 »: a paragraph named with
    the draft it stood in last (a deleted one, as the brief and `positions` print it)."""
    m = _OF_DRAFT.match(" ".join(ref.split()))
    return (m["ref"], m["draft"]) if m else None


def _examples(labels: Sequence[str]) -> str:
    """Two of the draft's own labels to show how a paragraph is named: an
    operative or article paragraph and a recital where there are some."""
    picked = [found for prefixes in (("OP ", "Art. "), ("PP ",))
              if (found := next((label for label in labels if label.startswith(prefixes)), None))]
    return " or ".join(f"'{label}'" for label in (picked or list(labels[:2])))


def find_by_reference(ref: str, labels: Sequence[str], numbers: Sequence[str | None],
                      where: str) -> int:
    """The index of the paragraph a user named, by label ("OP 12 bis", "PP 3"), by
    number ("12 bis"), or by "#INDEX".

    Args:
        ref: what the user typed.
        labels: `reference_labels` of the draft.
        numbers: the stored numbers of the same paragraphs.
        where: how to name the draft in an error ("'Rev.2'").

    Raises:
        NotFound: no paragraph, or a bare number that several paragraphs carry.
    """
    text = ref.strip()
    if text.startswith("#") and text[1:].isdigit():
        index = int(text[1:])
        if index >= len(labels):
            raise NotFound(f"{where} has no paragraph {text} (it has {len(labels)} paragraphs)")
        return index
    hits: list[int] = []
    for key in typed_keys(text):
        hits = hits or _named(key, labels, numbers)
    if not hits:
        raise NotFound(f"{where} has no paragraph '{text}' "
                       f"(name it as the table or the brief shows it, e.g. {_examples(labels)})")
    if len(hits) > 1:
        raise NotFound(f"{where} has {len(hits)} paragraphs '{text}': "
                       + ", ".join(labels[i] for i in hits))
    return hits[0]


def _named(key: str, labels: Sequence[str], numbers: Sequence[str | None]) -> list[int]:
    """The paragraphs a typed key names: by label, else by stored number, else by
    the label without its tag ("6 (a)" for "OP 6 (a)", "9(1)" for "Art. 9(1)")."""
    if not key:
        return []
    hits = [i for i, label in enumerate(labels) if reference_key(label) == key]
    if not hits:
        hits = [i for i, number in enumerate(numbers)
                if number and reference_key(number.rstrip(".")) == key]
    if not hits:
        hits = [i for i, label in enumerate(labels)
                if (bare := _bare(label)) is not None and reference_key(bare) == key]
    return hits


# A draft never changes once imported, so its labels are computed once: one edit
# in the window then costs what it touches, not a pass over a 3,000-paragraph draft.
# Keyed by draft id and content checksum, so another store's draft 7 is not this one.
_LABELS: OrderedDict[tuple[int, str], tuple[str, ...]] = OrderedDict()
_LABELS_KEPT = 32


def draft_references(session: Session, draft_id: int) -> list[str]:
    """The reference label of every paragraph of a stored draft, in document order."""
    checksum = session.scalar(select(Draft.content_checksum).where(Draft.id == draft_id)) or ""
    key = (draft_id, checksum)
    if key in _LABELS:
        _LABELS.move_to_end(key)
        return list(_LABELS[key])
    rows = session.execute(
        select(Paragraph.number, Paragraph.level, Paragraph.kind, Paragraph.section, Paragraph.text)
        .where(Paragraph.draft_id == draft_id).order_by(Paragraph.ordinal)).all()
    labels = reference_labels([ParagraphFacts(*row) for row in rows])
    if checksum:
        _LABELS[key] = tuple(labels)
        while len(_LABELS) > _LABELS_KEPT:
            _LABELS.popitem(last=False)
    return labels


def paragraph_reference(session: Session, paragraph: Paragraph) -> str:
    """How a user names one stored paragraph ("OP 4")."""
    return draft_references(session, paragraph.draft_id)[paragraph.ordinal]
