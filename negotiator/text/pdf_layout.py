"""From the rows of a PDF's pages to the paragraphs a Word import gives.

Pure Python over ``negotiator.text.pdf_page`` rows; ``negotiator.text.pdf_reader`` runs it.

* Rows become paragraphs by what a reader sees: a wider gap than the line
  spacing, a line that ends short (the next line's first word would have
  fitted), a hanging number, a change of indentation, font size or weight.
  Across a page or column break only the last two count, plus the sentence end.
* A number set apart from its text by a tab ("3bis." hanging in the margin,
  "7ter.2" with a footnote mark stuck to it, "Option (a):") is the paragraph's
  number, as Word's automatic numbering is in a .docx; its level comes from the
  label and, for letters and romans, from how far it is indented.
* A hyphen at a line end is removed only when the joined word occurs elsewhere
  in the document unbroken; otherwise it stays ("confidence-" + "building").
* Footnote marks (raised small numbers) leave the text; the footnote texts from
  the foot of the page go with them to ``RawBlock.footnotes``.
* A short paragraph wholly bold or italic, without closing punctuation, is a
  heading; its level follows its font size.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from negotiator.text.parse import SUFFIXES, RawBlock, is_symbol_or_date, split_number
from negotiator.text.pdf_page import (
    Footnote,
    Page,
    Row,
    Word,
    body_size,
    cluster_rows,
    reading_order,
    remove_furniture,
    split_footnotes,
)

# A label set off by a gap wider than this (in ems) is a hanging number.
HANG_GAP_EM = 1.0
# A gap between lines this many times the usual line spacing ends a paragraph.
PARAGRAPH_GAP = 1.3
# Indentation changes smaller than this (in ems) are noise.
INDENT_EM = 0.8
HEADING_MAX_WORDS = 20
# Lines that all stop this share of the text width short of the mirrored left
# margin do not show where the right margin is.
MARGIN_UNREACHED = 0.15
_HANG_LABEL = re.compile(
    rf"^(?:(?:PP|OP)\s?\d{{1,4}}"
    rf"|\d{{1,4}}(?:\s?(?:{SUFFIXES}))?(?:\.\d{{1,3}})*(?:\s?(?:{SUFFIXES}))?[.):]?"
    r"|\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\)"
    r"|(?:[a-z]{1,2}|[ivxlc]{1,6})[.)]"
    r"|(?:[A-Z]|[IVXLC]{1,6})\."
    r"|(?:Option|Alt(?:ernative)?)\s+(?:\(\w{1,3}\)|\w{1,3})\s*:"
    r")$",
    re.IGNORECASE,
)
_BULLETS = {"•", "◦", "▪", "‣", "·", "–", "-", "○", "■", "□", "➢", "✓"}
_SENTENCE_END = re.compile(r"[.;:!?][\"'”’)\]]*$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# Private-use characters around a footnote mark while rows are joined.
_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
_GONE = "\ue002"  # where a mark was taken out
_MARK_RE = re.compile(f"{_MARK_OPEN}(\\d+):([^{_MARK_CLOSE}]*){_MARK_CLOSE}")


@dataclass
class Line:
    row: Row
    label: str | None = None  # a hanging number, as printed ("3bis.", "(a)", "Option 1:")
    label_x: float = 0.0
    bullet: bool = False
    words: list[Word] = field(default_factory=list)  # the words after the label
    marks: list[str] = field(default_factory=list)  # footnote marks inside the label

    @property
    def x0(self) -> float:
        return self.words[0].x0 if self.words else self.row.x0

    @property
    def size(self) -> float:
        return self.row.size

    @property
    def style(self) -> int:
        """BOLD / ITALIC when every word after the label has it."""
        words = [w for w in self.words if not self.row.is_mark(w)] or self.row.words
        out = 3
        for w in words:
            out &= w.style
        return out


@dataclass
class Paragraph:
    lines: list[Line]
    cont_x: float | None = None  # where its continuation lines start

    @property
    def first(self) -> Line:
        return self.lines[0]


@dataclass(frozen=True)
class Layout:
    blocks: list[RawBlock]
    pages: list[int]  # the page each block starts on (1-based)
    furniture_rows: int
    footnotes: int


def layout(pages: list[Page]) -> Layout:
    for page in pages:
        page.rows = cluster_rows(page.words, page.number)
    removed = remove_furniture(pages)
    size = body_size(pages)
    notes = split_footnotes(pages, size)
    rows = [row for page in pages for row in reading_order(page)]
    lines = [_line(row) for row in rows if row.words]
    geometry = _Geometry(lines, {page.number: page.width for page in pages})
    paragraphs = _paragraphs(lines, geometry)
    vocabulary = _vocabulary(lines)
    blocks, starts = _blocks(paragraphs, notes, vocabulary, geometry)
    return Layout(blocks, starts, removed, len(notes))


# ------------------------------------------------------------------ lines


def _line(row: Row) -> Line:
    """Split a hanging label ("1.", "(a)", "Option 1:", a bullet) off a row."""
    words = row.words
    line = Line(row, words=list(words))
    size = row.size
    label_words: list[Word] = []
    for k, w in enumerate(words[:4]):
        label_words.append(w)
        nxt = words[k + 1] if k + 1 < len(words) else None
        if nxt is None:
            break
        if nxt.x0 - w.x1 > HANG_GAP_EM * size:
            marks = [x.text for x in label_words if row.is_mark(x)]
            text = _join([x for x in label_words if not row.is_mark(x)])
            if text in _BULLETS:
                line.bullet, line.label_x, line.words = True, label_words[0].x0, list(words[k + 1:])
            elif _HANG_LABEL.match(text):
                line.label, line.label_x, line.marks = text, label_words[0].x0, marks
                line.words = list(words[k + 1:])
            break
    return line


def _join(words: list[Word]) -> str:
    out: list[str] = []
    for w in words:
        if out and not w.joined:
            out.append(" ")
        out.append(w.text)
    return "".join(out)


def _text(line: Line) -> str:
    """The words after the label, footnote marks wrapped for later removal."""
    out: list[str] = []
    for w in line.words:
        if out and not w.joined:
            out.append(" ")
        if line.row.is_mark(w):
            out.append(f"{_MARK_OPEN}{line.row.page}:{w.text}{_MARK_CLOSE}")
        else:
            out.append(w.text)
    return "".join(out)


class _Geometry:
    """Margins and line spacing measured on the document itself."""

    def __init__(self, lines: list[Line], page_widths: dict[int, float]) -> None:
        self.right: dict[str, float] = {}
        by_side: dict[str, list[float]] = {}
        for line in lines:
            by_side.setdefault(line.row.side, []).append(line.row.x1)
        for side, xs in by_side.items():
            xs.sort()
            self.right[side] = xs[int(len(xs) * 0.9)]
        full = [line for line in lines if line.row.side == "full"]
        if full:
            self.right["full"] = _right_margin(full, self.right["full"], page_widths)
        pitches: dict[float, Counter[float]] = {}
        for a, b in zip(lines, lines[1:]):
            if a.row.frame == b.row.frame and a.size == b.size and not self.short(a, b):
                gap = round(b.row.base - a.row.base, 0)
                if gap > 0:
                    pitches.setdefault(a.size, Counter())[gap] += 1
        # The most common gap; of gaps as common, the smallest (a short text's
        # paragraph spacing must not pass for its line spacing).
        self.pitch = {s: min(c.items(), key=lambda gap: (-gap[1], gap[0]))[0]
                      for s, c in pitches.items()}
        positions: dict[str, list[float]] = {}
        for line in lines:
            if line.label is not None or line.bullet:
                positions.setdefault(line.row.side, []).append(line.label_x)
        self.label_columns = {side: _clusters(xs) for side, xs in positions.items()}

    def short(self, prev: Line, line: Line) -> bool:
        """The previous line stopped although the next line's first word would have fitted."""
        first = line.words[0] if line.words else line.row.words[0]
        room = self.right.get(prev.row.side, prev.row.x1) - prev.row.x1
        return room > (first.x1 - first.x0) + 0.5 * prev.size

    def line_pitch(self, size: float) -> float:
        return self.pitch.get(size, 1.2 * size)

    def indent_rank(self, line: Line) -> int:
        columns = self.label_columns.get(line.row.side, [])
        return min(range(len(columns)), key=lambda k: abs(columns[k] - line.label_x)) if columns else 0


def _right_margin(lines: list[Line], usual: float, page_widths: dict[int, float]) -> float:
    """Where full-width lines end when they are full. A short text of one-line
    paragraphs never reaches its margin, and its longest line is no margin:
    when no line near the usual end stops inside a sentence (a line the text
    wrapped) and all stop far short of the mirror of the left margin (pages are
    set with margins about equal), the mirror is the margin."""
    size = Counter(line.size for line in lines).most_common(1)[0][0]
    if any(line.row.x1 >= usual - 2 * size and not _SENTENCE_END.search(_text(line))
           for line in lines):
        return usual
    left = sorted(line.row.x0 for line in lines)[len(lines) // 10]
    mirrored = min(page_widths.get(line.row.page, 0.0) for line in lines) - left
    return mirrored if mirrored - usual > MARGIN_UNREACHED * (mirrored - left) else usual


def _clusters(xs: list[float], tolerance: float = 4.0) -> list[float]:
    out: list[float] = []
    for x in sorted(xs):
        if not out or x - out[-1] > tolerance:
            out.append(x)
    return out


# ------------------------------------------------------------- paragraphs


def _paragraphs(lines: list[Line], geo: _Geometry) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    for line in lines:
        current = paragraphs[-1] if paragraphs else None
        if current is None or _starts_paragraph(current, line, geo):
            # Continuation lines go where the second line goes: under the text
            # (hanging indent), under the number (UN style) or at the margin.
            paragraphs.append(Paragraph([line]))
            continue
        if len(current.lines) == 1 and current.cont_x is None:
            current.cont_x = line.x0
        current.lines.append(line)
    return paragraphs


def _starts_paragraph(par: Paragraph, line: Line, geo: _Geometry) -> bool:
    prev = par.lines[-1]
    if line.label is not None or line.bullet:
        return True
    if abs(prev.size - line.size) > 0.6 or prev.style != line.style and (prev.style or line.style) & 1:
        return True
    if geo.short(prev, line):
        return True
    same_frame = prev.row.frame == line.row.frame
    em = line.size
    if same_frame and line.row.base - prev.row.base > PARAGRAPH_GAP * geo.line_pitch(prev.size):
        return True
    if par.cont_x is not None and abs(line.x0 - par.cont_x) > INDENT_EM * em:
        return True
    text = _text(line)
    if split_number(text) is not None and _SENTENCE_END.search(_text(prev)):
        return True  # a typed number ("12 bis.") after a finished sentence
    if not same_frame:
        # Across a page or column break only the sentence end is left to go by.
        ends = _MARK_RE.sub("", _text(prev)).rstrip()
        if ends.endswith((";", ":")):
            return True
        if ends.endswith((".", "!", "?")) and text[:1].isupper():
            return True
    return False


# ----------------------------------------------------------------- blocks


def _vocabulary(lines: list[Line]) -> set[str]:
    """Words the document writes unbroken (the last word of each line aside)."""
    vocab: set[str] = set()
    for line in lines:
        for w in line.words[:-1]:
            for m in _WORD.finditer(w.text):
                vocab.add(m.group().lower())
    return vocab


def _join_lines(parts: list[str], vocab: set[str]) -> str:
    text = ""
    for part in parts:
        if not text:
            text = part
            continue
        if text.endswith("\u00ad"):
            text = text[:-1] + part  # a soft hyphen: always a broken word
            continue
        if text.endswith("\x02"):
            text = text[:-1] + "-"  # PDFium's guess at a hyphenation: decided below
        m = re.search(r"([^\W\d_]+)-$", text)
        n = re.match(r"([^\W\d_]+)", part)
        if m and n and part[:1].islower():
            if (m.group(1) + n.group(1)).lower() in vocab:
                text = text[:-1] + part
            else:
                text += part  # "confidence-" + "building": a real hyphen
            continue
        # LibreOffice breaks a line between two bracketed alternatives
        # ("[shall]" / "[should]"); Word only at a space. Chains are the norm.
        text += ("" if text.endswith("]") and part.startswith("[") else " ") + part
    return text


def _blocks(paragraphs: list[Paragraph], notes: list[Footnote], vocab: set[str],
            geo: _Geometry) -> tuple[list[RawBlock], list[int]]:
    by_page = {(n.page, n.mark): n for n in notes}
    by_mark: dict[str, list[Footnote]] = {}
    for n in notes:
        by_mark.setdefault(n.mark, []).append(n)
    used: set[int] = set()

    def note_for(page: int, mark: str) -> Footnote | None:
        note = by_page.get((page, mark))
        if note is None:
            # Numbered through the document, a note may sit on the next page.
            candidates = [n for n in by_mark.get(mark, []) if id(n) not in used]
            note = candidates[0] if len(candidates) == 1 else None
        return note

    heading_sizes = sorted({p.first.size for p in paragraphs if _is_heading(p)}, reverse=True)
    blocks: list[RawBlock] = []
    starts: list[int] = []
    seen_body = False
    for par in paragraphs:
        text = _join_lines([_text(line) for line in par.lines], vocab)
        footnotes: list[str] = []
        first = par.first
        for mark in first.marks:
            note = note_for(first.row.page, mark)
            if note is not None:
                used.add(id(note))
                footnotes.append(_join_lines(note.text, vocab))

        def replace(m: re.Match[str]) -> str:
            note = note_for(int(m.group(1)), m.group(2))
            if note is None:
                return m.group(2)  # a raised number that no footnote explains
            used.add(id(note))
            footnotes.append(_join_lines(note.text, vocab))  # noqa: B023 - used in this iteration only
            return _GONE

        text = _MARK_RE.sub(replace, text)
        # PDFium puts a space after a raised mark even before a comma.
        text = re.sub(f"{_GONE}\\s+(?=[,.;:)\\]])", "", text).replace(_GONE, "").strip()
        text = re.sub(r"[ \t]{2,}", " ", text.replace("\x02", "-"))
        if not text and not first.label:
            continue
        heading_level = None
        if _is_heading(par) and first.label is None:
            rank = heading_sizes.index(first.size)
            # The first and largest heading before any body text is the title;
            # parse makes it level 0 as it does for a .txt.
            heading_level = None if (not seen_body and rank == 0) else max(1, rank)
        seen_body = seen_body or not (_is_heading(par) or is_symbol_or_date(text))
        list_number, list_level = _number(first, geo)
        blocks.append(RawBlock(text, list_number=list_number, list_level=list_level,
                               heading_level=heading_level, footnotes=tuple(footnotes)))
        starts.append(first.row.page)
    return blocks, starts


def _is_heading(par: Paragraph) -> bool:
    words = [w for line in par.lines for w in line.words]
    if not words or len(words) > HEADING_MAX_WORDS or par.first.bullet:
        return False
    style = 3
    for line in par.lines:
        style &= line.style
    last = words[-1].text
    return bool(style) and not _SENTENCE_END.search(last) and not last.endswith(",")


def _number(line: Line, geo: _Geometry) -> tuple[str | None, int | None]:
    """Word's way: a hanging label becomes the list number, with its level."""
    if line.label is None:
        return None, None
    label = line.label
    typed = split_number(label + " ")
    if typed is not None and not typed.rest.strip():
        label = typed.label
        level = typed.level
        if typed.style in ("letter", "roman"):
            level = max(1, geo.indent_rank(line))
    else:
        label = label.rstrip(":").strip() if label.lower().startswith(("option", "alt")) else label
        level = geo.indent_rank(line)
    return label, level

