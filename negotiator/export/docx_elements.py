"""WordprocessingML built with lxml onto python-docx's tree: runs (one per
writing direction, tabs and breaks as Word writes them), complex fields,
revision wrappers, table rows; and text made safe for them (characters XML
forbids removed, very long words given break opportunities, right-to-left
scripts found). Nothing here holds a document; ``docx_writer.WordDocument`` does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from negotiator.export.docx_styles import INK

# A word longer than this gets zero-width break opportunities, so a pasted URL
# or a run of characters without spaces cannot push text off the page.
LONG_WORD_CHARS = 40
ZERO_WIDTH_SPACE = "\u200b"
# A single w:t this long is split into several (the same run); Word and
# LibreOffice read either, and short nodes keep their layout engines quick.
MAX_TEXT_NODE_CHARS = 4096

# Characters XML 1.0 forbids (C0 controls other than tab/newline/CR, lone
# surrogates, U+FFFE/U+FFFF) and C1 controls, which carry no meaning in a draft.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]"
)
_LONG_WORD = re.compile(rf"[^\s{ZERO_WIDTH_SPACE}]{{{LONG_WORD_CHARS + 1},}}")
# Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan,
# Arabic supplements and presentation forms.
_RTL_CHARS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_RTL_RUN = re.compile(rf"[{_RTL_CHARS}](?:[^\S\n\t]*[{_RTL_CHARS}0-9\u0660-\u0669\u06f0-\u06f9"
                      rf"\u060c\u061b\u061f\u06d4.,:;!?()\-\"']*)*")
_RTL_ONE = re.compile(rf"[{_RTL_CHARS}]")
_LETTER = re.compile(r"[^\W\d_]")


# --------------------------------------------------------------------------- text


def clean_text(text: str, *, break_long_words: bool = True) -> str:
    """Make text safe for WordprocessingML.

    Removes characters XML 1.0 forbids and C1 controls, turns vertical tab, form
    feed and Unicode line/paragraph separators into line breaks, and (unless
    ``break_long_words`` is False) puts zero-width spaces into words longer than
    ``LONG_WORD_CHARS`` so they can wrap.

    Args:
        text: any Python string, including lone surrogates.
        break_long_words: add wrap opportunities to very long words.

    Returns:
        A string lxml accepts and Word displays.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for sep in ("\v", "\f", "\u2028", "\u2029", "\x85"):
        text = text.replace(sep, "\n")
    text = _FORBIDDEN.sub("", text)
    if break_long_words and len(text) > LONG_WORD_CHARS:
        text = _LONG_WORD.sub(_break_word, text)
    return text


def _break_word(match: re.Match[str]) -> str:
    word = match.group(0)
    return ZERO_WIDTH_SPACE.join(
        word[i : i + LONG_WORD_CHARS] for i in range(0, len(word), LONG_WORD_CHARS)
    )


def direction_segments(text: str) -> list[tuple[str, bool]]:
    """Split text into (segment, is_rtl) pieces: right-to-left words and the
    spaces and punctuation between them form one RTL segment."""
    if not _RTL_ONE.search(text):
        return [(text, False)] if text else []
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _RTL_RUN.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m.group(0), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def is_mostly_rtl(text: str) -> bool:
    """True when most letters of the text are right-to-left (Arabic, Hebrew)."""
    if not _RTL_ONE.search(text):
        return False
    letters = _LETTER.findall(text[:2000])
    if not letters:
        return False
    rtl = sum(1 for c in letters if _RTL_ONE.match(c))
    return rtl * 2 > len(letters)


def revision_date(when: dt.datetime | None = None) -> str:
    """A w:date value: UTC, seconds, with a Z (the form Word writes)."""
    when = when or dt.datetime.now(dt.timezone.utc)
    if when.tzinfo is not None:
        when = when.astimezone(dt.timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")

# --------------------------------------------------------------------------- XML helpers


def run_properties(
    *,
    bold: bool = False,
    italic: bool = False,
    size_pt: float | None = None,
    colour: str | None = None,
    font: str | None = None,
    strike: bool = False,
    underline: bool = False,
    rtl: bool = False,
    style: str | None = None,
) -> etree._Element | None:
    """A w:rPr in schema order, or None when nothing is set."""
    if not (style or font or bold or italic or strike or colour or size_pt or underline or rtl):
        return None
    rpr = OxmlElement("w:rPr")
    # SubElement keeps python-docx's element classes (same parser) and is
    # several times faster than OxmlElement, which matters over 100,000 elements.
    sub = etree.SubElement
    if style:
        sub(rpr, _W_RSTYLE, {_W_VAL: style})
    if font:
        sub(rpr, qn("w:rFonts"), {qn("w:ascii"): font, qn("w:hAnsi"): font,
                                  qn("w:cs"): font, qn("w:eastAsia"): font})
    if bold:
        sub(rpr, _W_B)
        sub(rpr, _W_BCS)
    if italic:
        sub(rpr, _W_I)
        sub(rpr, _W_ICS)
    if strike:
        sub(rpr, qn("w:strike"))
    if colour:
        sub(rpr, _W_COLOR, {_W_VAL: colour})
    if size_pt:
        half = str(int(round(size_pt * 2)))
        sub(rpr, qn("w:sz"), {_W_VAL: half})
        sub(rpr, qn("w:szCs"), {_W_VAL: half})
    if underline:
        sub(rpr, qn("w:u"), {_W_VAL: "single"})
    if rtl:
        sub(rpr, _W_RTL)
    return rpr


_W_VAL, _W_RSTYLE, _W_B, _W_BCS, _W_I, _W_ICS = (
    qn("w:val"), qn("w:rStyle"), qn("w:b"), qn("w:bCs"), qn("w:i"), qn("w:iCs"))
_W_COLOR, _W_RTL, _W_T, _W_DELTEXT, _W_TAB, _W_BR = (
    qn("w:color"), qn("w:rtl"), qn("w:t"), qn("w:delText"), qn("w:tab"), qn("w:br"))
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BREAKS = re.compile(r"(\t|\n)")


def make_run(text: str, rpr: etree._Element | None, *, deleted: bool = False) -> etree._Element:
    """A w:r holding text; tabs and line breaks become w:tab / w:br; deleted
    text goes into w:delText as Word requires inside w:del."""
    r = OxmlElement("w:r")
    if rpr is not None:
        r.append(rpr)
    tag = _W_DELTEXT if deleted else _W_T
    sub = etree.SubElement
    for piece in _BREAKS.split(text) if ("\t" in text or "\n" in text) else (text,):
        if piece == "\t":
            sub(r, _W_TAB)
        elif piece == "\n":
            sub(r, _W_BR)
        elif piece:
            for i in range(0, len(piece), MAX_TEXT_NODE_CHARS):
                t = sub(r, tag, {_XML_SPACE: "preserve"})
                t.text = piece[i : i + MAX_TEXT_NODE_CHARS]
    return r


def sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """A child element in the w: namespace with w: attributes, appended."""
    return etree.SubElement(parent, qn(tag), {qn(f"w:{k}"): v for k, v in attrs.items()})


def text_runs(text: str, **fmt: object) -> list[etree._Element]:
    """Runs for already-cleaned text, one per writing direction."""
    return [make_run(segment, run_properties(rtl=rtl, **fmt))  # type: ignore[arg-type]
            for segment, rtl in direction_segments(text)]


def field_runs(instruction: str, placeholder: str, rpr_kwargs: dict[str, object]) -> list[etree._Element]:
    """The five runs of a complex field (begin, instruction, separate, result, end)."""
    runs = []
    for kind in ("begin", None, "separate", "result", "end"):
        r = OxmlElement("w:r")
        rpr = run_properties(**rpr_kwargs)  # type: ignore[arg-type]
        if rpr is not None:
            r.append(rpr)
        if kind is None:
            instr = OxmlElement("w:instrText")
            instr.text = f" {instruction} "
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(instr)
        elif kind == "result":
            t = OxmlElement("w:t")
            t.text = placeholder
            r.append(t)
        else:
            r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
        runs.append(r)
    return runs


def revision(op: str, text: str, rid: int, author: str, date: str, *, rtl: bool = False) -> etree._Element:
    """A w:del ("-") or w:ins ("+") holding one run of text."""
    tag = "w:del" if op == "-" else "w:ins"
    wrapper = OxmlElement(tag, {qn("w:id"): str(rid), qn("w:author"): author, qn("w:date"): date})
    wrapper.append(make_run(text, run_properties(rtl=rtl), deleted=op == "-"))
    return wrapper


def page_numbers(before: str, between: str, fmt: dict[str, object]) -> list[etree._Element]:
    """ "Page 2 of 8": the words around PAGE and NUMPAGES fields, in one format."""
    return [make_run(before, run_properties(**fmt)),  # type: ignore[arg-type]
            *field_runs("PAGE", "1", fmt),
            make_run(between, run_properties(**fmt)),  # type: ignore[arg-type]
            *field_runs("NUMPAGES", "1", fmt)]


def mark_paragraph(p: etree._Element, op: str, rid: int, author: str, date: str) -> None:
    """Mark a paragraph's mark itself deleted ("-") or inserted ("+")."""
    ppr = p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)  # w:rPr is the last child of w:pPr but for sectPr/pPrChange
    rpr.insert(0, OxmlElement("w:del" if op == "-" else "w:ins", {
        qn("w:id"): str(rid), qn("w:author"): author, qn("w:date"): date}))


def anchor_comment(p: etree._Element, cid: str) -> None:
    """Anchor comment ``cid`` to the whole of paragraph ``p``: its range from the
    paragraph's start to its end, its reference mark last."""
    start = OxmlElement("w:commentRangeStart", {qn("w:id"): cid})
    # after the paragraph properties and any earlier comments' starts, so
    # several comments on one paragraph keep the order they were added in
    at = 0
    while at < len(p) and p[at].tag in (qn("w:pPr"), qn("w:commentRangeStart")):
        at += 1
    p.insert(at, start)
    p.append(OxmlElement("w:commentRangeEnd", {qn("w:id"): cid}))
    ref = OxmlElement("w:r")
    ref.append(run_properties(style="CommentReference"))
    ref.append(OxmlElement("w:commentReference", {qn("w:id"): cid}))
    p.append(ref)


def cell_paragraph(tc: etree._Element) -> etree._Element:
    """A new paragraph at the end of a table cell, with tight spacing (LibreOffice
    does not honour the table style's)."""
    p = sub(tc, "w:p")
    sub(sub(p, "w:pPr"), "w:spacing", before="40", after="40", line="240", lineRule="auto")
    return p


def table_element(header: Sequence[str] | None, rows: Sequence[Sequence[str]], widths: Sequence[int],
                  style_id: str, *, first_column_bold: bool = False,
                  size_pt: float | None = None) -> etree._Element:
    """A w:tbl with fixed column widths (twentieths of a point) in a table style."""
    tbl = OxmlElement("w:tbl")
    tbl_pr = sub(tbl, "w:tblPr")
    sub(tbl_pr, "w:tblStyle", val=style_id)
    sub(tbl_pr, "w:tblW", w=str(sum(widths)), type="dxa")
    sub(tbl_pr, "w:tblLayout", type="fixed")
    sub(tbl_pr, "w:tblLook", val="0000", firstRow="1" if header else "0", lastRow="0",
        firstColumn="1" if first_column_bold else "0", lastColumn="0", noHBand="1", noVBand="1")
    grid = sub(tbl, "w:tblGrid")
    for w in widths:
        sub(grid, "w:gridCol", w=str(w))
    if header:
        # Direct formatting as well as the style's firstRow: LibreOffice
        # ignores conditional table-style formatting.
        table_row(tbl, header, widths, header=True, size_pt=size_pt)
    for row in rows:
        table_row(tbl, row, widths, bold_first=first_column_bold, size_pt=size_pt)
    return tbl


def table_row(tbl: etree._Element, cells: Sequence[str], widths: Sequence[int], *,
              header: bool = False, bold_first: bool = False, size_pt: float | None = None) -> None:
    """A w:tr of one paragraph per line in each cell; a header row repeats on every page."""
    tr = sub(tbl, "w:tr")
    tr_pr = sub(tr, "w:trPr")
    sub(tr_pr, "w:cantSplit")
    if header:
        sub(tr_pr, "w:tblHeader")
    for i, width in enumerate(widths):
        text = cells[i] if i < len(cells) else ""
        tc = sub(tr, "w:tc")
        tc_pr = sub(tc, "w:tcPr")
        sub(tc_pr, "w:tcW", w=str(width), type="dxa")
        if header:
            sub(tc_pr, "w:shd", val="clear", color="auto", fill=INK)
        bold = header or (bold_first and i == 0)
        colour = "FFFFFF" if header else None
        for line in clean_text(text).split("\n"):
            p = cell_paragraph(tc)
            for r in text_runs(line, bold=bold, colour=colour, size_pt=size_pt):
                p.append(r)
            if line and is_mostly_rtl(line):
                set_bidi(Paragraph(p, None))  # type: ignore[arg-type]


def keep_with_next(paragraph: Paragraph) -> None:
    """Keep a paragraph on the same page as the next one (w:keepNext)."""
    paragraph.paragraph_format.keep_with_next = True


def set_bidi(paragraph: Paragraph) -> None:
    """Make a paragraph right-to-left (w:bidi), for Arabic or Hebrew text."""
    ppr = paragraph._p.get_or_add_pPr()
    if ppr.find(qn("w:bidi")) is None:
        bidi = OxmlElement("w:bidi")
        # w:bidi comes after w:pBdr/w:shd/w:tabs/w:suppressAutoHyphens... and
        # before w:spacing/w:ind/w:jc; placing it before those is schema-valid.
        for tag in ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
                    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                    "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"):
            found = ppr.find(qn(tag))
            if found is not None:
                found.addprevious(bidi)
                break
        else:
            ppr.append(bidi)
