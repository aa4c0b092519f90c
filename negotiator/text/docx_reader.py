"""Read a Word .docx draft into raw blocks, refusing unsafe or broken files first.

What a user sees in Word is what we import:

* **Safety before parsing** (``docx_package``): the zip and every XML part are
  checked before lxml or python-docx parse anything.
* **Body order.** Paragraphs and tables come in the order of ``w:body``; content
  controls (``w:sdt``) and custom XML wrappers are looked through.
* **Tables** are imported row by row: one block per row, the non-empty cells
  joined with ``" | "`` (paragraphs inside a cell joined by a line break),
  vertically merged continuation cells, deleted rows and empty rows skipped; a
  table nested in a cell gives that cell one line per row. Such a block has
  kind "other" so that a short header row is never taken for a section heading.
  One warning says how many tables were imported that way. A row is the unit a
  negotiator quotes ("the third row of the CBM table") and keeps cells that
  belong together in one paragraph for comparison between drafts.
* **Headings** come from the paragraph style (Title -> 0, "heading N" -> N, by the
  style's name, which Word writes in English even when the id is localised, such
  as "berschrift1") or from an outline level in the paragraph or its style chain.
* **Automatic numbering** is rendered as Word and LibreOffice display it
  (``docx_numbering``). An empty numbered paragraph still advances its counter
  (Word shows its number).
* **Tracked changes** are read as if all were accepted (inserted and moved-to
  text kept, deleted and moved-from text dropped) or, on request, all rejected
  (the reverse: the text before the revisions). A paragraph whose mark goes
  away (deleted on acceptance, inserted on rejection) is joined to the next
  paragraph exactly as Word joins them (no space added) and keeps its own style
  and numbering; if nothing of it remains, it disappears and the next paragraph
  keeps its own. Table rows and cells follow the same rule. One warning says
  which reading was used, and ``WordRead.has_tracked_changes`` says there were
  any. Formatting changes (w:rPrChange, w:pPrChange) are not revisions of the
  text and are ignored in both readings.
* **Footnotes and endnotes** referenced in a paragraph go to ``RawBlock.footnotes``
  in order; the reference mark is not part of the text. Comments, hidden text,
  field instructions and text boxes are not text of the draft (text boxes with
  text get a warning), nor is a table of contents (skipped with a warning), nor
  are page headers and footers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from negotiator.domain.errors import InputError
from negotiator.text.docx_numbering import LEVELS, Numbering, Styles, format_number
from negotiator.text.docx_package import (
    MAX_UNCOMPRESSED_BYTES,
    RATIO_CHECK_MIN_BYTES,
    RT_ENDNOTES,
    RT_FOOTNOTES,
    RT_NUMBERING,
    RT_STYLES,
    one_line,
    open_checked,
    part_element,
)
from negotiator.text.docx_xml import (
    ALT_CHUNK,
    BR,
    CELL_DEL,
    CELL_INS,
    CR,
    CUSTOM_XML,
    DEL,
    DEL_TEXT,
    DRAWING,
    ENDNOTE_REF,
    FOOTNOTE_REF,
    ILVL,
    INS,
    M_T,
    MC_ALTERNATE,
    MC_FALLBACK,
    MOVE_FROM,
    MOVE_TO,
    NO_BREAK_HYPHEN,
    NUMID,
    NUMPR,
    OBJECT,
    OUTLINE_LVL,
    PICT,
    PPR,
    PSTYLE,
    PTAB,
    RPR,
    SDT,
    SDT_CONTENT,
    SOFT_HYPHEN,
    SYM,
    TAB,
    TBL,
    TC,
    TCPR,
    TR,
    TRPR,
    TXBX_CONTENT,
    VANISH,
    VMERGE,
    W_VAL,
    P,
    R,
    T,
    is_on,
    to_int,
    val,
    wml,
)
from negotiator.text.parse import RawBlock
from negotiator.text.tracked import TrackedChanges

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

# The limits and the number formats are also read from here.
__all__ = ["MAX_UNCOMPRESSED_BYTES", "RATIO_CHECK_MIN_BYTES", "TABLE_CELL_SEPARATOR", "WordRead",
           "format_number", "read_docx", "read_word"]

TABLE_CELL_SEPARATOR = " | "
# Children of a paragraph (or of its inline wrappers) that never hold displayed text.
_SKIP_INLINE = {
    PPR, RPR, wml("sdtPr"), wml("sdtEndPr"), wml("commentReference"),
    wml("commentRangeStart"), wml("commentRangeEnd"), wml("bookmarkStart"), wml("bookmarkEnd"),
    wml("proofErr"), wml("permStart"), wml("permEnd"), wml("fldData"), wml("customXmlPr"),
    wml("smartTagPr"), wml("rPrChange"), wml("pPrChange"),
    wml("rt"),  # ruby (phonetic guide) text; the base text is kept
}
_TRACKED = {INS, DEL, MOVE_TO, MOVE_FROM}


@dataclass(frozen=True)
class WordRead:
    """What a Word document holds, read with one of the tracked-changes readings."""

    blocks: list[RawBlock]
    warnings: list[str]
    has_tracked_changes: bool


def read_docx(data: bytes, name: str,
              tracked_changes: TrackedChanges = TrackedChanges.ACCEPT) -> tuple[list[RawBlock], list[str]]:
    """Read a Word document into raw blocks in body order (see ``read_word``).

    Returns:
        The blocks (paragraphs and table rows) and the warnings for the user.
    """
    read = read_word(data, name, tracked_changes)
    return read.blocks, read.warnings


def read_word(data: bytes, name: str, tracked_changes: TrackedChanges = TrackedChanges.ACCEPT) -> WordRead:
    """Read a Word document into raw blocks in body order.

    Args:
        data: the bytes of the .docx (a zip archive).
        name: the file name, used in messages only.
        tracked_changes: import the text with every revision accepted, or rejected.

    Raises:
        InputError: the file is damaged, not a Word document, or unsafe to parse.
    """
    document, main = open_checked(data, name)
    try:
        reader = _Reader(document, name, TrackedChanges(tracked_changes))
        blocks, warnings = reader.read()
        return WordRead(blocks, warnings, reader.tracked)
    except InputError:
        raise
    except (ValueError, KeyError, IndexError, TypeError, etree.LxmlError, RecursionError) as exc:
        raise InputError(name, f"cannot be read as a Word document ({main}: {one_line(exc)})") from None


# ------------------------------------------------------------------ reader


@dataclass
class _Para:
    """One paragraph after tracked changes are accepted or rejected, before it is emitted."""

    props: etree._Element  # the w:p whose properties (style, numbering) apply
    text: list[str]
    notes: list[str]


class _Reader:
    def __init__(self, document: DocxDocument, name: str,
                 tracked_changes: TrackedChanges = TrackedChanges.ACCEPT) -> None:
        self.name = name
        self.mode = tracked_changes
        # The revision marks whose content stays in this reading, and those whose content goes.
        accept = tracked_changes == TrackedChanges.ACCEPT
        self.kept, self.dropped = ((INS, MOVE_TO), (DEL, MOVE_FROM)) if accept else ((DEL, MOVE_FROM), (INS, MOVE_TO))
        self.body = document.element.body
        self.warnings: list[str] = []
        self.styles = Styles(part_element(document, RT_STYLES))
        self.numbering = Numbering(part_element(document, RT_NUMBERING), self.styles, self.warnings)
        self.tracked = False
        self.text_boxes = 0
        self.tables = 0
        self.toc = 0
        self.alt_chunks = 0
        self.footnotes = self._notes(part_element(document, RT_FOOTNOTES), "footnote")
        self.endnotes = self._notes(part_element(document, RT_ENDNOTES), "endnote")

    def read(self) -> tuple[list[RawBlock], list[str]]:
        blocks: list[RawBlock] = []
        for _, payload in self._container(self.body):
            if isinstance(payload, _Para):
                block = self._block(payload)
                if block is not None:
                    blocks.append(block)
            else:
                rows = self._table_rows(payload)
                self.tables += 1
                blocks.extend(RawBlock(text, footnotes=tuple(notes), kind="other") for text, notes in rows)
        if self.tracked:
            reading = "accepted" if self.mode == TrackedChanges.ACCEPT else "rejected"
            self.warnings.append(f"the document contains tracked changes; imported as if all were {reading}")
        if self.tables:
            self.warnings.append(f"{self.tables} table(s) imported row by row")
        if self.text_boxes:
            self.warnings.append(f"text in {self.text_boxes} text box(es) or shape(s) was not imported")
        if self.toc:
            self.warnings.append("the table of contents was skipped")
        if self.alt_chunks:
            self.warnings.append(f"{self.alt_chunks} embedded document(s) (altChunk) were not imported")
        return blocks, self.warnings

    # -- structure

    def _container(self, container: etree._Element) -> Iterator[tuple[str, _Para | etree._Element]]:
        """Paragraphs (tracked changes applied, removed marks merged) and tables in order."""
        pending: _Para | None = None
        for el in self._block_elements(container):
            if el.tag == TBL:
                if pending is not None:
                    yield "para", pending
                    pending = None
                yield "table", el
                continue
            text: list[str] = []
            notes: list[str] = []
            self._inline(el, text, notes)
            para = _Para(el, text, notes)
            if pending is not None:
                # Joined as Word joins them; the first keeps its properties unless nothing of it is left.
                props = pending.props if "".join(pending.text).strip() else el
                para = _Para(props, pending.text + text, pending.notes + notes)
                pending = None
            if self._mark_removed(el):
                pending = para
            else:
                yield "para", para
        if pending is not None:
            yield "para", pending

    def _block_elements(self, container: etree._Element) -> Iterator[etree._Element]:
        for el in container:
            tag = el.tag
            if tag == P or tag == TBL:
                yield el
            elif tag == SDT:
                content = el.find(SDT_CONTENT)
                if content is not None:
                    yield from self._block_elements(content)
            elif tag == CUSTOM_XML:
                yield from self._block_elements(el)
            elif tag in _TRACKED:
                self.tracked = True
                if tag in self.kept:
                    yield from self._block_elements(el)
            elif tag == ALT_CHUNK:
                self.alt_chunks += 1

    def _mark_removed(self, p: etree._Element) -> bool:
        """Whether this reading removes the paragraph's mark (it then joins the next)."""
        ppr = p.find(PPR)
        rpr = ppr.find(RPR) if ppr is not None else None
        if rpr is None:
            return False
        removed = False
        for child in rpr:
            if child.tag in _TRACKED:
                self.tracked = True
                removed = removed or child.tag in self.dropped
        return removed

    def _number(self, p: etree._Element, style_id: str | None) -> tuple[str | None, int | None]:
        ppr = p.find(PPR)
        numpr = ppr.find(NUMPR) if ppr is not None else None
        nid = val(numpr.find(NUMID)) if numpr is not None else None
        ilvl = to_int(val(numpr.find(ILVL))) if numpr is not None else None
        if nid is None or ilvl is None:
            style_nid, style_ilvl = self.styles.numbering(style_id)
            nid = nid if nid is not None else style_nid
            ilvl = ilvl if ilvl is not None else style_ilvl
        if nid is None or nid == "0" or nid not in self.numbering.nums:
            return None, None
        if ilvl is None:
            ilvl = self.numbering.level_for_style(nid, style_id)
        label = self.numbering.label(nid, ilvl)
        return label, (min(max(ilvl, 0), LEVELS - 1) if label else None)

    def _block(self, para: _Para) -> RawBlock | None:
        p = para.props
        ppr = p.find(PPR)
        style_id = val(ppr.find(PSTYLE)) if ppr is not None else None
        if style_id is None or style_id not in self.styles.by_id:
            style_id = self.styles.default if style_id is None else style_id
        label, level = self._number(p, style_id)
        text = "".join(para.text)
        if not text.strip():
            return None
        if self.styles.is_toc(style_id):
            self.toc += 1
            return None
        heading = None
        outline = to_int(val(ppr.find(OUTLINE_LVL))) if ppr is not None else None
        if outline is not None:
            heading = outline + 1 if 0 <= outline <= 8 else None
        else:
            heading = self.styles.heading_level(style_id)
        return RawBlock(text, list_number=label, list_level=level, heading_level=heading,
                        footnotes=tuple(para.notes))

    def _table_rows(self, tbl: etree._Element) -> list[tuple[str, list[str]]]:
        rows: list[tuple[str, list[str]]] = []
        for tr in self._rows(tbl):
            trpr = tr.find(TRPR)
            if trpr is not None and (trpr.find(INS) is not None or trpr.find(DEL) is not None):
                self.tracked = True
                if trpr.find(self.dropped[0]) is not None:
                    continue
            cells: list[str] = []
            notes: list[str] = []
            for tc in self._cells(tr):
                tcpr = tc.find(TCPR)
                if tcpr is not None:
                    if tcpr.find(CELL_DEL) is not None or tcpr.find(CELL_INS) is not None:
                        self.tracked = True
                    if tcpr.find(CELL_DEL if self.mode == TrackedChanges.ACCEPT else CELL_INS) is not None:
                        continue
                    vmerge = tcpr.find(VMERGE)
                    if vmerge is not None and vmerge.get(W_VAL, "continue") == "continue":
                        continue
                lines: list[str] = []
                for _, payload in self._container(tc):
                    if not isinstance(payload, _Para):  # a nested table
                        self.tables += 1
                        for text, inner_notes in self._table_rows(payload):
                            lines.append(text)
                            notes.extend(inner_notes)
                        continue
                    block = self._block(payload)
                    if block is not None:
                        lines.append(f"{block.list_number} {block.text}" if block.list_number else block.text)
                        notes.extend(block.footnotes)
                cell = "\n".join(line.strip() for line in lines if line.strip())
                if cell:
                    cells.append(cell)
            if cells:
                rows.append((TABLE_CELL_SEPARATOR.join(cells), notes))
        return rows

    def _rows(self, tbl: etree._Element) -> Iterator[etree._Element]:
        for el in tbl:
            if el.tag == TR:
                yield el
            elif el.tag in (SDT, CUSTOM_XML, SDT_CONTENT):
                yield from self._rows(el)

    def _cells(self, tr: etree._Element) -> Iterator[etree._Element]:
        for el in tr:
            if el.tag == TC:
                yield el
            elif el.tag in (SDT, CUSTOM_XML, SDT_CONTENT):
                yield from self._cells(el)

    # -- text

    def _inline(self, el: etree._Element, out: list[str], notes: list[str]) -> None:
        """Displayed text of a paragraph (or of an inline wrapper), changes accepted or rejected."""
        for child in el:
            tag = child.tag
            if tag == R:
                self._run(child, out, notes)
            elif tag in _SKIP_INLINE:
                pass
            elif tag in _TRACKED:
                self.tracked = True
                if tag in self.kept:
                    self._inline(child, out, notes)
            elif tag == MC_ALTERNATE:
                self._alternate(child, out, notes)
            elif tag in (DRAWING, PICT, OBJECT):
                self._count_text_box(child)
            elif tag == M_T:
                out.append(child.text or "")
            elif isinstance(tag, str):
                # Hyperlinks, smart tags, content controls, simple fields, math, bidi wrappers.
                self._inline(child, out, notes)

    def _alternate(self, el: etree._Element, out: list[str], notes: list[str]) -> None:
        fallback = el.find(MC_FALLBACK)
        if fallback is not None:
            self._inline(fallback, out, notes)

    def _run(self, r: etree._Element, out: list[str], notes: list[str]) -> None:
        rpr = r.find(RPR)
        if rpr is not None and is_on(rpr.find(VANISH)):
            return  # hidden text is not part of what the reader sees
        for c in r:
            tag = c.tag
            if tag == T or tag == DEL_TEXT:  # deleted text is only reached when rejecting
                out.append(c.text or "")
            elif tag == TAB or tag == PTAB:
                out.append("\t")
            elif tag == BR or tag == CR:
                out.append("\n")
            elif tag == NO_BREAK_HYPHEN:
                out.append("-")
            elif tag == FOOTNOTE_REF:
                notes.append(self.footnotes.get(c.get(wml("id"), ""), ""))
            elif tag == ENDNOTE_REF:
                notes.append(self.endnotes.get(c.get(wml("id"), ""), ""))
            elif tag == SYM:
                char = c.get(wml("char")) or ""
                try:
                    code = int(char, 16)
                except ValueError:
                    continue
                # Symbol-font characters (U+F0xx) are glyph positions, not Unicode text.
                if not 0xE000 <= code <= 0xF8FF and 0 < code < 0x110000:
                    out.append(chr(code))
            elif tag in (DRAWING, PICT, OBJECT, MC_ALTERNATE):
                self._count_text_box(c)
            elif tag == SOFT_HYPHEN:
                pass  # only shown when Word breaks the line there

    def _count_text_box(self, el: etree._Element) -> None:
        """Text boxes and shapes float outside the flow of the text; we only count them."""
        if any((t.text or "").strip() for box in el.iter(TXBX_CONTENT) for t in box.iter(T)):
            self.text_boxes += 1

    def _notes(self, root: etree._Element | None, kind: str) -> dict[str, str]:
        notes: dict[str, str] = {}
        if root is None:
            return notes
        for note in root.iterchildren(wml(kind)):
            nid = note.get(wml("id"))
            if nid is None or note.get(wml("type")) in ("separator", "continuationSeparator",
                                                      "continuationNotice"):
                continue
            lines = []
            for _, para in self._container(note):
                if isinstance(para, _Para):
                    text = "".join(para.text).strip()
                    if text:
                        lines.append(text)
            notes[nid] = "\n".join(lines)
        return notes
