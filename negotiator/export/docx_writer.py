"""Low-level Word output: a styled A4 document, real tracked changes, real comments.

Everything a brief or an amendments file needs from Word and that python-docx
does not offer directly is here (``WordDocument``), written with lxml onto
python-docx's tree; the styles and page are set up by ``docx_styles``, the runs,
fields, revisions and tables built by ``docx_elements``:

- a document with real styles (Title, Subtitle, Heading 1-3, a table style,
  Normal in a readable font), A4 margins, a classification marking in the
  header and footer of every section and "Page X of Y" fields;
- paragraphs written from word-diff ops either as real revisions (``w:ins`` /
  ``w:del`` with author, date and unique ids, deleted text in ``w:delText``)
  that Word's Review pane lists and can accept, or as formatting only (struck
  red / underlined blue) for readers who print;
- comments anchored to a whole paragraph;
- text made safe for Word: characters XML forbids removed, very long words
  given break opportunities, right-to-left scripts marked ``w:rtl`` / ``w:bidi``.

Nothing here knows about negotiations; ``negotiator.brief`` composes documents.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from negotiator.domain.errors import NegotiatorError
from negotiator.export.docx_elements import (
    LONG_WORD_CHARS,
    ZERO_WIDTH_SPACE,
    anchor_comment,
    cell_paragraph,
    clean_text,
    direction_segments,
    is_mostly_rtl,
    keep_with_next,
    make_run,
    page_numbers,
    revision,
    revision_date,
    run_properties,
    set_bidi,
    sub,
    table_element,
    text_runs,
)
from negotiator.export.docx_styles import (
    CLASSIFICATION_STYLE,
    DELETED_COLOUR,
    DRAFT_TEXT_STYLE,
    GREY,
    INSERTED_COLOUR,
    LABEL_STYLE,
    LANGUAGE,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    SMALL_PT,
    SMALL_STYLE,
    TABLE_STYLE,
    setup_page,
    setup_styles,
)

# What the brief, the amendments file and the tests import from here.
__all__ = [
    "DRAFT_TEXT_STYLE", "LABEL_STYLE", "LONG_WORD_CHARS", "REDLINES", "SMALL_STYLE", "ZERO_WIDTH_SPACE",
    "ExportError", "Redline", "WordDocument", "clean_text", "direction_segments", "is_mostly_rtl",
    "keep_with_next", "revision_date", "set_bidi",
]

Redline = Literal["tracked", "formatted"]
REDLINES: tuple[str, ...] = ("tracked", "formatted")
# One twentieth of a point, Word's unit for widths, in python-docx's EMU.
TWIP = 635
# Revision ids start far above comment ids (python-docx numbers comments 0, 1,
# ...), so every annotation id in the document is unique.
REVISION_ID_START = 1_000_000
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


class ExportError(NegotiatorError):
    """A Word document cannot be written (bad option, unwritable path)."""


def _text_width(section: Section) -> int:
    """The width between the side margins (EMU); ``setup_page`` sets all three."""
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None:
        raise ExportError("the page section has no width or side margins")
    return width - left - right


class WordDocument:
    """A Word document being written: styles, sections, text, revisions, comments.

    Args:
        title: the document title (core properties, and the footer's note).
        classification: the marking printed in every header and footer
            ("RESTRICTED"); None or "" for none.
        author: who prepared it (core properties; default author of comments).
        footer_note: a short line at the bottom left of every page.
        created: the document's date (default now); tests pass a fixed one.
        language: the language tag of the document's own words ("en-GB", "fr-FR").
        page_of: the words around the page numbers: ("Page ", " of ") gives "Page 2 of 8".
    """

    def __init__(
        self,
        *,
        title: str,
        classification: str | None = None,
        author: str = "",
        footer_note: str | None = None,
        created: dt.datetime | None = None,
        language: str = LANGUAGE,
        page_of: tuple[str, str] = ("Page ", " of "),
    ) -> None:
        self.document: DocxDocument = Document()
        self.language = language
        self.page_of = page_of
        self.classification = clean_text(classification or "", break_long_words=False).strip()
        self.footer_note = clean_text(footer_note or "", break_long_words=False).strip()
        self.author = clean_text(author, break_long_words=False).strip()
        self.created = created or dt.datetime.now(dt.timezone.utc)
        self._next_revision = REVISION_ID_START
        self.revisions = 0
        props = self.document.core_properties
        props.title = clean_text(title, break_long_words=False)[:250]
        props.author = self.author[:250]
        props.last_modified_by = self.author[:250]
        props.created = self.created.replace(tzinfo=None)
        props.modified = self.created.replace(tzinfo=None)
        props.language = language
        props.comments = ""
        if self.classification:
            props.keywords = self.classification[:250]
        setup_styles(self.document, language)
        # python-docx looks a style up by name through every style on each use;
        # a brief has thousands of paragraphs, so resolve names to ids once.
        self._style_ids = {st.name: st.style_id for st in self.document.styles}
        setup_page(self.document.sections[0])
        self._text_width = _text_width(self.document.sections[0])

    def new_section(self, *, landscape: bool = False) -> Section:
        """Start a new page section (A4, portrait or landscape), decorated on save."""
        section: Section = self.document.add_section()  # python-docx leaves this one unannotated
        setup_page(section)
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(PAGE_HEIGHT_MM), Mm(PAGE_WIDTH_MM)
        return section

    def _decorate(self, section: Section) -> None:
        """Classification at the top and bottom of every page; note and page numbers."""
        text_width_mm = _text_width(section) / Mm(1)
        for part, is_footer in ((section.header, False), (section.footer, True)):
            part.is_linked_to_previous = False
            for p in list(part.paragraphs)[1:]:
                p._p.getparent().remove(p._p)
            first = part.paragraphs[0]
            first._p.clear_content()
            if is_footer:
                self._fill_footer(first, part, text_width_mm)
            elif self.classification:
                first.style = self.document.styles[CLASSIFICATION_STYLE]
                first.add_run(self.classification)

    def _fill_footer(self, paragraph: Paragraph, part: object, text_width_mm: float) -> None:
        paragraph.style = self.document.styles[SMALL_STYLE]
        fmt = paragraph.paragraph_format
        fmt.space_after = Pt(2)
        fmt.tab_stops.add_tab_stop(Mm(text_width_mm), alignment=2)  # right
        if self.footer_note:
            self.add_text(paragraph, self.footer_note, break_long_words=False)
        paragraph._p.append(make_run("\t", None))
        paragraph._p.extend(page_numbers(*self.page_of, {"size_pt": SMALL_PT, "colour": GREY}))
        if self.classification:
            mark = part.add_paragraph(style=self.document.styles[CLASSIFICATION_STYLE])  # type: ignore[attr-defined]
            mark.add_run(self.classification)

    # ---- writing

    def heading(self, text: str, level: int = 1) -> Paragraph:
        """A heading paragraph: level 0 is the Title, 1-3 Heading 1-3."""
        style = "Title" if level == 0 else f"Heading {min(max(level, 1), 3)}"
        p = self.paragraph(style=style)
        self.add_text(p, text)
        return p

    def _new_paragraph(self, style: str | None) -> Paragraph:
        p = OxmlElement("w:p")
        if style:
            style_id = self._style_ids.get(style)
            if style_id is None:
                raise ExportError(f"no paragraph style '{style}' in the document")
            sub(sub(p, "w:pPr"), "w:pStyle", val=style_id)
        self._append_block(p)
        return Paragraph(p, self.document._body)

    def paragraph(
        self,
        text: str = "",
        style: str | None = None,
        *,
        bold: bool = False,
        italic: bool = False,
        align: Literal["left", "center", "right", "justify"] | None = None,
        keep_with_next: bool = False,
    ) -> Paragraph:
        """Append a paragraph of (sanitised) text in a style."""
        p = self._new_paragraph(style)
        if text:
            self.add_text(p, text, bold=bold, italic=italic)
        if align:
            p.alignment = _ALIGN[align]
        if keep_with_next:
            p.paragraph_format.keep_with_next = True
        return p

    def add_text(
        self,
        paragraph: Paragraph,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        size_pt: float | None = None,
        colour: str | None = None,
        font: str | None = None,
        break_long_words: bool = True,
    ) -> list[Run]:
        """Append text to a paragraph as one run per writing direction.

        Returns:
            The runs added (python-docx objects, usable as comment anchors).
        """
        text = clean_text(text, break_long_words=break_long_words)
        runs: list[Run] = []
        for r in text_runs(text, bold=bold, italic=italic, size_pt=size_pt, colour=colour,
                            font=font):
            paragraph._p.append(r)
            runs.append(Run(r, paragraph))
        if text and is_mostly_rtl(text):
            set_bidi(paragraph)
        return runs

    def add_diff(
        self,
        paragraph: Paragraph,
        ops: Iterable[tuple[str, str]],
        *,
        redline: Redline = "tracked",
        author: str | None = None,
        date: dt.datetime | None = None,
        break_long_words: bool = True,
    ) -> int:
        """Append word-diff ops to a paragraph: "=" as plain text, "-" as deleted
        and "+" as inserted text, either as real revisions or as formatting.

        Args:
            paragraph: the paragraph to append to.
            ops: (op, text) pairs with op in "=", "-", "+" (``worddiff.word_diff``).
            redline: "tracked" for w:ins / w:del revisions Word can accept or
                reject; "formatted" for struck red / underlined blue text.
            author: the revisions' author (default the document's author).
            date: the revisions' date (default the document's date).
            break_long_words: add wrap opportunities to very long words.

        Returns:
            The number of revisions (or formatted changes) written.
        """
        if redline not in REDLINES:
            raise ExportError(f"unknown redline style '{redline}' (choose tracked or formatted)")
        who = clean_text(author if author is not None else self.author, break_long_words=False)
        when = revision_date(date or self.created)
        changes = 0
        plain_text: list[str] = []
        for op, raw in ops:
            text = clean_text(raw, break_long_words=break_long_words)
            if not text:
                continue
            if op == "=":
                plain_text.append(text)
            for segment, rtl in direction_segments(text):
                if op == "=":
                    paragraph._p.append(make_run(segment, run_properties(rtl=rtl)))
                elif redline == "formatted":
                    deleted = op == "-"
                    rpr = run_properties(
                        strike=deleted, underline=not deleted, rtl=rtl,
                        colour=DELETED_COLOUR if deleted else INSERTED_COLOUR,
                    )
                    paragraph._p.append(make_run(segment, rpr))
                else:
                    paragraph._p.append(revision(op, segment, self._take_id(), who, when, rtl=rtl))
            if op in "+-":
                changes += 1
                if op == "+":
                    plain_text.append(text)
        self.revisions += changes if redline == "tracked" else 0
        if is_mostly_rtl("".join(plain_text)):
            set_bidi(paragraph)
        return changes

    def _take_id(self) -> int:
        rid = self._next_revision
        self._next_revision += 1
        return rid

    def comment(
        self,
        paragraph: Paragraph,
        text: str,
        *,
        author: str | None = None,
        initials: str | None = None,
    ) -> int:
        """Attach a real Word comment to a whole paragraph.

        The range runs from the paragraph's start to its end (outside any
        revision), so the comment stays anchored whether the reader accepts or
        rejects the tracked changes.

        Returns:
            The comment's id.
        """
        who = clean_text(author if author is not None else self.author, break_long_words=False)
        if initials is None:
            initials = "".join(w[0] for w in who.split()[:3] if w).upper()
        body = clean_text(text, break_long_words=True)
        comment = self.document.comments.add_comment(text="", author=who, initials=initials)
        lines = body.split("\n") or [""]
        first = comment.paragraphs[0]
        self.add_text(first, lines[0])
        for line in lines[1:]:
            self.add_text(comment.add_paragraph(), line)
        cid = str(comment.comment_id)
        anchor_comment(paragraph._p, cid)
        return int(cid)

    def table(
        self,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        *,
        widths_mm: Sequence[float] | None = None,
        first_column_bold: bool = False,
        size_pt: float | None = None,
    ) -> Table:
        """A table in the brief's table style: fixed column widths, rows that
        never break across pages, a header row that repeats on every page.

        Built directly in XML: python-docx's cell API costs milliseconds per
        cell, and a brief has thousands of cells.
        """
        ncols = len(header) if header else max((len(r) for r in rows), default=1)
        total = int(self._text_width / TWIP)
        if widths_mm:
            widths = [int(Mm(w) / TWIP) for w in widths_mm][:ncols]
            widths += [max(total - sum(widths), 1)] * (ncols - len(widths))
        else:
            widths = [total // ncols] * ncols
        tbl = table_element(header, rows, widths, self._style_ids[TABLE_STYLE],
                            first_column_bold=first_column_bold, size_pt=size_pt)
        self._append_block(tbl)
        return Table(tbl, self.document._body)

    def _append_block(self, element: etree._Element) -> None:
        """Add a paragraph or table at the end of the body (before its sectPr)."""
        body = self.document.element.body
        try:
            last = body[-1]  # O(1) in lxml, unlike len(body)
        except IndexError:
            last = None
        if last is not None and last.tag == qn("w:sectPr"):
            last.addprevious(element)
        else:
            body.append(element)

    def cell_diff(self, table: Table, row: int, column: int,
                  ops: Iterable[tuple[str, str]]) -> Paragraph:
        """Add word-diff ops to a table cell as a new paragraph, struck and
        underlined (never tracked: accepting the brief's changes must not edit
        a commentary)."""
        tc = table._tbl.tr_lst[row].tc_lst[column]
        paragraph = Paragraph(cell_paragraph(tc), None)  # type: ignore[arg-type]
        self.add_diff(paragraph, ops, redline="formatted")
        return paragraph

    @staticmethod
    def keep_table_with_next(table: Table, *, last_row: bool = False) -> None:
        """Keep a table on one page (the Word technique: every paragraph of every
        row but the last keeps with the next); with ``last_row`` the table also
        keeps with what follows it."""
        rows = table._tbl.tr_lst
        for tr in rows if last_row else rows[:-1]:
            for p in tr.iter(qn("w:p")):
                keep_with_next(Paragraph(p, None))  # type: ignore[arg-type]

    def spacer(self, points: float = 4) -> Paragraph:
        """A small empty paragraph: keeps two tables apart (Word would show
        adjacent tables as one) and gives the page some air."""
        p = self._new_paragraph(SMALL_STYLE)
        fmt = p.paragraph_format
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.line_spacing = Pt(points)
        return p

    def page_break(self) -> None:
        self._new_paragraph(None).add_run().add_break(WD_BREAK.PAGE)

    # ---- saving

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Decorate every section and write the file atomically (a failed write
        leaves no half-written document behind).

        Raises:
            ExportError: the folder does not exist or cannot be written.
        """
        target = Path(path)
        if target.is_dir():
            raise ExportError(f"{target} is a folder; give a file name ending in .docx")
        if not target.parent.exists():
            raise ExportError(f"cannot write {target}: the folder {target.parent} does not exist")
        for section in self.document.sections:
            self._decorate(section)
        try:
            fd, tmp = tempfile.mkstemp(prefix=".negotiator-", suffix=".docx", dir=target.parent)
            os.close(fd)
            try:
                self.document.save(tmp)
                os.replace(tmp, target)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError as exc:
            raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from None
        return target
