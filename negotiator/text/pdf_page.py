"""One PDF page as rows of words: clustering by baseline, running heads and
feet, footnote areas, and columns in reading order.

Pure Python over the words ``negotiator.text.pdf_worker`` extracted; no PDFium here.
``negotiator.text.pdf_layout`` joins the rows into paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

BOLD, ITALIC = 1, 2
# Running heads and feet live in these top and bottom shares of the page
# (a text printed as it was paginated keeps its foot well above the margin).
FURNITURE_ZONE = 0.35
FURNITURE_ROWS = 3  # at most this many rows from the top or the bottom
# A row repeated (digits aside) in the same zone on this share of pages is furniture.
REPEAT_SHARE = 0.4
# Footnotes are set smaller than body text (Word: 10 on 12 pt, UN: 9 on 10).
FOOTNOTE_SIZE_RATIO = 0.92
# A word this much smaller than its row and raised above it is a superscript.
SUPERSCRIPT_RATIO = 0.85
MARK = re.compile(r"^(?:\d{1,3}|[*\u2020\u2021\u00a7]{1,3}|[a-z])$")
_DIGITS = re.compile(r"\d+")
# Page furniture that needs no repetition to be recognised: page numbers
# ("5", "- 5 -", "Page 5 of 40", "5/40"), UN job numbers ("GE.24-01234 (E)",
# "24-01234 (E)"), barcode text ("*2401234*").
_PAGE_FURNITURE = re.compile(
    r"^(?:(?:page|p\.|seite|página|pagina)\s*)?#+(?:\s*(?:of|/|de|sur|von)\s*#+)?$"
    r"|^[-\u2013\u2014]\s*#+\s*[-\u2013\u2014]$"
    r"|^[ivxlc]{1,6}$"
    r"|^(?:[a-z]{2}\.)?##-#####\s*(?:\([a-z]\))?.*$"
    r"|^\*#+\*$",
)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    base: float  # baseline, in points from the top of the page
    size: float
    style: int
    joined: bool  # no space before it (a style change, a superscript mark)

    @property
    def bold(self) -> bool:
        return bool(self.style & BOLD)

    @property
    def italic(self) -> bool:
        return bool(self.style & ITALIC)


@dataclass
class Row:
    """Words on one baseline, left to right (one line of one column)."""

    words: list[Word]
    page: int  # 1-based
    frame: str = ""  # rows of one frame are one column segment, read top to bottom
    side: str = "full"  # "full", "left" or "right": which right margin applies

    # Cached: asked for every word of every row while paragraphs are joined.
    @cached_property
    def base(self) -> float:
        return max(self.words, key=lambda w: w.size).base

    @cached_property
    def size(self) -> float:
        sizes: Counter[float] = Counter()
        for w in self.words:
            sizes[round(w.size, 1)] += len(w.text)
        return sizes.most_common(1)[0][0]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    def is_mark(self, word: Word) -> bool:
        """A superscript footnote mark (smaller, raised, a number or symbol)."""
        size = self.size
        return (word.size < SUPERSCRIPT_RATIO * size and word.base < self.base - 0.15 * size
                and bool(MARK.match(word.text)))

    @property
    def plain(self) -> str:
        return join_words(self.words)


def join_words(words: list[Word]) -> str:
    out: list[str] = []
    for w in words:
        if out and not w.joined:
            out.append(" ")
        out.append(w.text)
    return "".join(out)


@dataclass
class Page:
    number: int
    width: float
    height: float
    words: list[Word]
    images: int = 0
    chars: int = 0
    error: str | None = None
    rows: list[Row] = field(default_factory=list)


def cluster_rows(words: list[Word], page: int) -> list[Row]:
    """Rows by baseline: a word joins the current row when its baseline is within
    half the larger font size (a raised superscript stays on its line)."""
    rows: list[Row] = []
    current: list[Word] = []
    ref = ref_size = 0.0
    for w in sorted(words, key=lambda w: (w.base, w.x0)):
        if current and abs(w.base - ref) <= 0.5 * max(ref_size, w.size):
            current.append(w)
            if w.size > ref_size:
                ref, ref_size = w.base, w.size
            continue
        if current:
            rows.append(Row(sorted(current, key=lambda w: w.x0), page))
        current, ref, ref_size = [w], w.base, w.size
    if current:
        rows.append(Row(sorted(current, key=lambda w: w.x0), page))
    return rows


def _norm(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text.lower()).split())


def remove_furniture(pages: list[Page]) -> int:
    """Drop running heads, feet and page numbers; returns how many rows went."""
    def edge_block(rows: list[Row]) -> list[Row]:
        """The rows nearest one edge, up to the first gap wider than a line:
        a header or footer stands apart from the body (and from footnotes)."""
        block = rows[:1]
        for row in rows[1:FURNITURE_ROWS]:
            if abs(row.base - block[-1].base) > 1.6 * max(row.size, block[-1].size):
                break
            block.append(row)
        return block

    def zones(page: Page) -> list[tuple[str, Row]]:
        out = [("top", r) for r in edge_block(page.rows) if r.base < page.height * FURNITURE_ZONE]
        out += [("bottom", r) for r in edge_block(page.rows[::-1])
                if r.base > page.height * (1 - FURNITURE_ZONE)]
        return out

    seen: dict[tuple[str, str], set[int]] = {}
    for page in pages:
        for zone, row in zones(page):
            seen.setdefault((zone, _norm(row.plain)), set()).add(page.number)
    with_text = sum(1 for p in pages if p.rows)
    needed = max(2, REPEAT_SHARE * with_text)
    removed = 0
    for page in pages:
        drop = set()
        for zone, row in zones(page):
            norm = _norm(row.plain)
            if len(norm.split()) > 15:
                continue  # body text, however often it repeats
            if _PAGE_FURNITURE.match(norm) or (with_text > 1 and len(seen[(zone, norm)]) >= needed):
                drop.add(id(row))
        removed += len(drop)
        page.rows = [r for r in page.rows if id(r) not in drop]
    return removed


def body_size(pages: list[Page]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for row in page.rows:
            for w in row.words:
                sizes[round(w.size, 1)] += len(w.text)
    return sizes.most_common(1)[0][0] if sizes else 12.0


@dataclass
class Footnote:
    page: int
    mark: str
    text: list[str]


def split_footnotes(pages: list[Page], size: float) -> list[Footnote]:
    """Take the footnote area off the foot of each page: the run of small rows at
    the bottom whose first row opens with a mark (or continues the last note of
    the previous page)."""
    notes: list[Footnote] = []
    for page in pages:
        i = len(page.rows)
        while i > 0 and page.rows[i - 1].size <= FOOTNOTE_SIZE_RATIO * size:
            i -= 1
        zone = page.rows[i:]
        # The area starts at its first row that opens with a mark; small rows
        # above it are body text (a note set small, a caption).
        start = next((k for k, row in enumerate(zone) if _opening_mark(row)), None)
        continues = bool(notes) and notes[-1].page == page.number - 1
        if start is None and not (zone and continues and i > 0):
            continue
        if start is None or (start > 0 and continues):
            start = 0
        zone = zone[start:]
        if not zone:
            continue
        page.rows = page.rows[: i + start]
        for row in zone:
            mark = _opening_mark(row)
            if mark is not None:
                notes.append(Footnote(page.number, mark[0], [mark[1]]))
            elif notes:
                notes[-1].text.append(row.plain)
    return notes


def _opening_mark(row: Row) -> tuple[str, str] | None:
    """(mark, rest of the row) when a footnote text opens the row: "¹ See ..." or "1 See ..."."""
    first = row.words[0]
    if len(row.words) < 2 or not MARK.match(first.text) or first.text.isalpha():
        return None
    raised = first.size < SUPERSCRIPT_RATIO * row.size
    if raised or first.text.isdigit() or not first.text.isalnum():
        return first.text, join_words(row.words[1:])
    return None


def reading_order(page: Page) -> list[Row]:
    """The page's rows in reading order with their frames: one frame for a
    single-column page; on a two-column page, full-width rows in their own
    frames and, between them, the left column then the right column."""
    rows = page.rows
    for row in rows:
        row.frame, row.side = f"{page.number}", "full"
    gutter = _gutter(rows)
    if gutter is None:
        return rows
    g0, g1 = gutter
    out: list[Row] = []
    band: list[Word] = []
    band_no = 0

    def flush() -> None:
        nonlocal band, band_no
        if not band:
            return
        band_no += 1
        for side in ("left", "right"):
            words = [w for w in band if (w.x1 <= g0 + 1) == (side == "left")]
            for row in cluster_rows(words, page.number):
                row.frame, row.side = f"{page.number}.{band_no}{side[0]}", side
                out.append(row)
        band = []

    for row in rows:
        if any(w.x0 < g1 and w.x1 > g0 for w in row.words):
            flush()
            band_no += 1
            row.frame = f"{page.number}.{band_no}f"
            if out and out[-1].side == "full" and out[-1].frame.endswith("f"):
                row.frame = out[-1].frame  # consecutive full-width rows share a frame
            out.append(row)
        else:
            band.extend(row.words)
    flush()
    return out


def _gutter(rows: list[Row]) -> tuple[float, float] | None:
    """A vertical strip in the middle of the text that no row of a column band
    crosses, with several rows on either side of it; None for one column."""
    if len(rows) < 6:
        return None
    left = min(r.x0 for r in rows)
    right = max(r.x1 for r in rows)
    width = right - left
    if width < 100:
        return None
    step = 2.0
    bins = int(width / step) + 1
    cover = [0] * bins
    for row in rows:
        spans: list[list[float]] = []
        for w in row.words:
            if spans and w.x0 - spans[-1][1] < 1.0 * w.size:
                spans[-1][1] = w.x1  # a word space is not a gutter
            else:
                spans.append([w.x0, w.x1])
        for a, b in spans:
            for k in range(int((a - left) / step), min(bins, int((b - left) / step) + 1)):
                cover[k] += 1
    lo, hi = int(bins * 0.3), int(bins * 0.7)
    middle = cover[lo:hi]
    if not middle:
        return None
    least = min(middle)
    typical = sorted(cover)[len(cover) // 2]
    if least > 0.5 * typical:
        return None
    # The widest run of least-covered bins in the middle.
    best = (0, 0)
    k = lo
    while k < hi:
        if cover[k] <= least:
            j = k
            while j < hi and cover[j] <= least:
                j += 1
            if j - k > best[1] - best[0]:
                best = (k, j)
            k = j
        else:
            k += 1
    g0, g1 = left + best[0] * step, left + best[1] * step
    if g1 - g0 < 6:
        return None
    lefts = sum(1 for r in rows if any(w.x1 <= g0 + 1 for w in r.words)
                and not any(w.x0 < g1 and w.x1 > g0 for w in r.words))
    rights = sum(1 for r in rows if any(w.x0 >= g1 - 1 for w in r.words)
                 and not any(w.x0 < g1 and w.x1 > g0 for w in r.words))
    if lefts < 3 or rights < 3:
        return None
    return g0, g1
