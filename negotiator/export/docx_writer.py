"""Low-level Word output: a styled A4 document, real tracked changes, real comments.

Everything a brief or an amendments file needs from Word and that python-docx
does not offer directly is here, written with lxml onto python-docx's tree:

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
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from negotiator.domain.errors import NegotiatorError

Redline = Literal["tracked", "formatted"]
REDLINES: tuple[str, ...] = ("tracked", "formatted")

# Page and type. A4 with 25 mm margins is what ministries and the UN print on.
PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGIN_MM = 25
HEADER_DISTANCE_MM = 12
BODY_FONT = "Calibri"
# The draft's own words are set in a serif so they stand apart from commentary.
TEXT_FONT = "Times New Roman"
BODY_PT = 11
SMALL_PT = 9
LANGUAGE = "en-GB"
INK = "1F3864"  # dark navy for headings and the table header
GREY = "595959"
RULE = "A6A6A6"
DELETED_COLOUR = "C00000"
INSERTED_COLOUR = "1F4E9C"
TABLE_STYLE = "Brief Table"
DRAFT_TEXT_STYLE = "Draft Text"
CLASSIFICATION_STYLE = "Classification"
SMALL_STYLE = "Small Print"
LABEL_STYLE = "Label"

# A word longer than this gets zero-width break opportunities, so a pasted URL
# or a run of characters without spaces cannot push text off the page.
LONG_WORD_CHARS = 40
ZERO_WIDTH_SPACE = "\u200b"
# A single w:t this long is split into several (the same run); Word and
# LibreOffice read either, and short nodes keep their layout engines quick.
MAX_TEXT_NODE_CHARS = 4096
# Revision ids start far above comment ids (python-docx numbers comments 0, 1,
# ...), so every annotation id in the document is unique.
REVISION_ID_START = 1_000_000

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


class ExportError(NegotiatorError):
    """A Word document cannot be written (bad option, unwritable path)."""


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


def _run_properties(
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


def _make_run(text: str, rpr: etree._Element | None, *, deleted: bool = False) -> etree._Element:
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


# One twentieth of a point, Word's unit for widths, in python-docx's EMU.
TWIP = 635


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """A child element in the w: namespace with w: attributes, appended."""
    return etree.SubElement(parent, qn(tag), {qn(f"w:{k}"): v for k, v in attrs.items()})


def _text_runs(text: str, **fmt: object) -> list[etree._Element]:
    """Runs for already-cleaned text, one per writing direction."""
    return [_make_run(segment, _run_properties(rtl=rtl, **fmt))  # type: ignore[arg-type]
            for segment, rtl in direction_segments(text)]


def _field_runs(instruction: str, placeholder: str, rpr_kwargs: dict[str, object]) -> list[etree._Element]:
    """The five runs of a complex field (begin, instruction, separate, result, end)."""
    runs = []
    for kind in ("begin", None, "separate", "result", "end"):
        r = OxmlElement("w:r")
        rpr = _run_properties(**rpr_kwargs)  # type: ignore[arg-type]
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


_TABLE_STYLE_XML = f"""
<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="BriefTable">
  <w:name w:val="{TABLE_STYLE}"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="8" w:space="0" w:color="{INK}"/>
      <w:bottom w:val="single" w:sz="8" w:space="0" w:color="{INK}"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
      <w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:pPr><w:keepNext/></w:pPr>
    <w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tblPr/>
    <w:trPr><w:tblHeader/></w:trPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{INK}"/></w:tcPr>
  </w:tblStylePr>
  <w:tblStylePr w:type="firstCol">
    <w:rPr><w:b/><w:bCs/></w:rPr>
  </w:tblStylePr>
</w:style>
"""

_EXTRA_STYLES_XML = f"""
<w:styles {nsdecls("w")}>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="DraftText">
  <w:name w:val="{DRAFT_TEXT_STYLE}"/>
  <w:basedOn w:val="Normal"/>
  <w:qFormat/>
  <w:pPr>
    <w:pBdr><w:left w:val="single" w:sz="12" w:space="8" w:color="{RULE}"/></w:pBdr>
    <w:tabs><w:tab w:val="left" w:pos="851"/></w:tabs>
    <w:spacing w:before="60" w:after="120" w:line="264" w:lineRule="auto"/>
    <w:ind w:left="851" w:hanging="567"/>
  </w:pPr>
  <w:rPr>
    <w:rFonts w:ascii="{TEXT_FONT}" w:hAnsi="{TEXT_FONT}" w:eastAsia="{TEXT_FONT}" w:cs="{TEXT_FONT}"/>
    <w:sz w:val="23"/><w:szCs w:val="23"/>
  </w:rPr>
</w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Classification">
  <w:name w:val="{CLASSIFICATION_STYLE}"/>
  <w:basedOn w:val="Normal"/>
  <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>
  <w:rPr><w:b/><w:bCs/><w:caps/><w:color w:val="{DELETED_COLOUR}"/>
    <w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="SmallPrint">
  <w:name w:val="{SMALL_STYLE}"/>
  <w:basedOn w:val="Normal"/>
  <w:pPr><w:spacing w:before="0" w:after="60" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:color w:val="{GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Label">
  <w:name w:val="{LABEL_STYLE}"/>
  <w:basedOn w:val="Normal"/>
  <w:next w:val="Normal"/>
  <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="20"/></w:pPr>
  <w:rPr><w:b/><w:bCs/><w:smallCaps/><w:color w:val="{INK}"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="CommentText">
  <w:name w:val="annotation text"/>
  <w:basedOn w:val="Normal"/>
  <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
</w:style>
<w:style w:type="character" w:styleId="CommentReference">
  <w:name w:val="annotation reference"/>
  <w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>
</w:style>
</w:styles>
"""

# (style id, size pt, bold, colour, space before/after in twentieths, keep with next)
_HEADINGS = {
    "Title": (22, True, INK, 0, 120),
    "Subtitle": (13, False, GREY, 0, 240),
    "Heading1": (14, True, INK, 360, 120),
    "Heading2": (12, True, INK, 240, 80),
    "Heading3": (11, True, "262626", 200, 60),
}


# --------------------------------------------------------------------------- document


def _text_width(section: Section) -> int:
    """The width between the side margins (EMU); ``_setup_page`` sets all three."""
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
        self._setup_styles()
        # python-docx looks a style up by name through every style on each use;
        # a brief has thousands of paragraphs, so resolve names to ids once.
        self._style_ids = {st.name: st.style_id for st in self.document.styles}
        self._setup_page(self.document.sections[0])
        self._text_width = _text_width(self.document.sections[0])

    # ---- setup

    def _setup_styles(self) -> None:
        styles = self.document.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        fonts = rpr.find(qn("w:rFonts"))
        for attr in list(fonts.attrib):
            del fonts.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), BODY_FONT)
        lang = rpr.find(qn("w:lang"))
        lang.set(qn("w:val"), self.language)
        half = str(BODY_PT * 2)
        rpr.find(qn("w:sz")).set(qn("w:val"), half)
        rpr.find(qn("w:szCs")).set(qn("w:val"), half)
        spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
        spacing.set(qn("w:after"), "120")
        spacing.set(qn("w:line"), "259")

        for style_id, (size, bold, colour, before, after) in _HEADINGS.items():
            style = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
            if style is None:
                continue
            for old in style.findall(qn("w:rPr")) + style.findall(qn("w:pPr")):
                style.remove(old)
            ppr = parse_xml(
                f'<w:pPr {nsdecls("w")}>'
                + ("<w:keepNext/><w:keepLines/>" if style_id.startswith("Heading") else "")
                + (f'<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="4" w:color="{INK}"/></w:pBdr>'
                   if style_id == "Title" else "")
                + f'<w:spacing w:before="{before}" w:after="{after}" w:line="240" w:lineRule="auto"/>'
                + (f'<w:outlineLvl w:val="{int(style_id[-1]) - 1}"/>'
                   if style_id.startswith("Heading") else "")
                + "</w:pPr>"
            )
            rpr_xml = (
                f'<w:rPr {nsdecls("w")}>'
                f'<w:rFonts w:ascii="{BODY_FONT}" w:hAnsi="{BODY_FONT}" w:eastAsia="{BODY_FONT}" w:cs="{BODY_FONT}"/>'
                + ("<w:b/><w:bCs/>" if bold else "")
                + f'<w:color w:val="{colour}"/><w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
                + "</w:rPr>"
            )
            # schema order inside w:style: ..., pPr, rPr, tblPr ...
            style.append(ppr)
            style.append(parse_xml(rpr_xml))
        styles.append(parse_xml(_TABLE_STYLE_XML))
        extra = parse_xml(_EXTRA_STYLES_XML)
        for style in list(extra):
            sid = style.get(qn("w:styleId"))
            if styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{sid}']") is None:
                styles.append(style)

    @staticmethod
    def _setup_page(section: Section) -> None:
        section.page_width = Mm(PAGE_WIDTH_MM)
        section.page_height = Mm(PAGE_HEIGHT_MM)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(MARGIN_MM))
        section.header_distance = Mm(HEADER_DISTANCE_MM)
        section.footer_distance = Mm(HEADER_DISTANCE_MM)

    def new_section(self, *, landscape: bool = False) -> Section:
        """Start a new page section (A4, portrait or landscape), decorated on save."""
        section: Section = self.document.add_section()  # python-docx leaves this one unannotated
        self._setup_page(section)
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
        paragraph._p.append(_make_run("\t", None))
        small = {"size_pt": SMALL_PT, "colour": GREY}
        before, between = self.page_of
        paragraph._p.append(_make_run(before, _run_properties(**small)))  # type: ignore[arg-type]
        for r in _field_runs("PAGE", "1", small):
            paragraph._p.append(r)
        paragraph._p.append(_make_run(between, _run_properties(**small)))  # type: ignore[arg-type]
        for r in _field_runs("NUMPAGES", "1", small):
            paragraph._p.append(r)
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
            _sub(_sub(p, "w:pPr"), "w:pStyle", val=style_id)
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
            p.alignment = {
                "left": WD_ALIGN_PARAGRAPH.LEFT,
                "center": WD_ALIGN_PARAGRAPH.CENTER,
                "right": WD_ALIGN_PARAGRAPH.RIGHT,
                "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
            }[align]
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
        for r in _text_runs(text, bold=bold, italic=italic, size_pt=size_pt, colour=colour,
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
                    paragraph._p.append(_make_run(segment, _run_properties(rtl=rtl)))
                elif redline == "formatted":
                    deleted = op == "-"
                    rpr = _run_properties(
                        strike=deleted, underline=not deleted, rtl=rtl,
                        colour=DELETED_COLOUR if deleted else INSERTED_COLOUR,
                    )
                    paragraph._p.append(_make_run(segment, rpr))
                else:
                    paragraph._p.append(self._revision(op, segment, who, when, rtl=rtl))
            if op in "+-":
                changes += 1
                if op == "+":
                    plain_text.append(text)
        self.revisions += changes if redline == "tracked" else 0
        if is_mostly_rtl("".join(plain_text)):
            set_bidi(paragraph)
        return changes

    def _revision(self, op: str, text: str, author: str, date: str, *, rtl: bool = False) -> etree._Element:
        tag = "w:del" if op == "-" else "w:ins"
        wrapper = OxmlElement(tag, {qn("w:id"): str(self._take_id()), qn("w:author"): author,
                                    qn("w:date"): date})
        wrapper.append(_make_run(text, _run_properties(rtl=rtl), deleted=op == "-"))
        return wrapper

    def _take_id(self) -> int:
        rid = self._next_revision
        self._next_revision += 1
        return rid

    def add_revision(
        self,
        paragraph: Paragraph,
        op: Literal["+", "-"],
        text: str,
        *,
        author: str | None = None,
        date: dt.datetime | None = None,
    ) -> None:
        """Append one inserted ("+") or deleted ("-") stretch of text as a revision."""
        self.add_diff(paragraph, [(op, text)], redline="tracked", author=author, date=date,
                      break_long_words=False)

    def mark_paragraph_revision(
        self,
        paragraph: Paragraph,
        op: Literal["+", "-"],
        *,
        author: str | None = None,
        date: dt.datetime | None = None,
    ) -> None:
        """Mark the paragraph mark itself inserted or deleted, so accepting the
        change in Word adds or removes the whole paragraph, not only its words."""
        ppr = paragraph._p.get_or_add_pPr()
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            ppr.append(rpr)  # w:rPr is the last child of w:pPr but for sectPr/pPrChange
        who = clean_text(author if author is not None else self.author, break_long_words=False)
        rpr.insert(0, OxmlElement("w:del" if op == "-" else "w:ins", {
            qn("w:id"): str(self._take_id()), qn("w:author"): who,
            qn("w:date"): revision_date(date or self.created)}))

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
        p = paragraph._p
        start = OxmlElement("w:commentRangeStart", {qn("w:id"): cid})
        # after the paragraph properties and any earlier comments' starts, so
        # several comments on one paragraph keep the order they were added in
        at = 0
        while at < len(p) and p[at].tag in (qn("w:pPr"), qn("w:commentRangeStart")):
            at += 1
        p.insert(at, start)
        p.append(OxmlElement("w:commentRangeEnd", {qn("w:id"): cid}))
        ref = OxmlElement("w:r")
        ref.append(_run_properties(style="CommentReference"))
        ref.append(OxmlElement("w:commentReference", {qn("w:id"): cid}))
        p.append(ref)
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
        tbl = OxmlElement("w:tbl")
        tbl_pr = _sub(tbl, "w:tblPr")
        _sub(tbl_pr, "w:tblStyle", val=self._style_ids[TABLE_STYLE])
        _sub(tbl_pr, "w:tblW", w=str(sum(widths)), type="dxa")
        _sub(tbl_pr, "w:tblLayout", type="fixed")
        _sub(tbl_pr, "w:tblLook", val="0000", firstRow="1" if header else "0", lastRow="0",
             firstColumn="1" if first_column_bold else "0", lastColumn="0", noHBand="1",
             noVBand="1")
        grid = _sub(tbl, "w:tblGrid")
        for w in widths:
            _sub(grid, "w:gridCol", w=str(w))
        if header:
            # Direct formatting as well as the style's firstRow: LibreOffice
            # ignores conditional table-style formatting.
            self._table_row(tbl, header, widths, header=True, size_pt=size_pt)
        for row in rows:
            self._table_row(tbl, row, widths, bold_first=first_column_bold, size_pt=size_pt)
        self._append_block(tbl)
        return Table(tbl, self.document._body)

    def _table_row(self, tbl: etree._Element, cells: Sequence[str], widths: Sequence[int], *,
                   header: bool = False, bold_first: bool = False,
                   size_pt: float | None = None) -> None:
        tr = _sub(tbl, "w:tr")
        tr_pr = _sub(tr, "w:trPr")
        _sub(tr_pr, "w:cantSplit")
        if header:
            _sub(tr_pr, "w:tblHeader")
        for i, width in enumerate(widths):
            text = cells[i] if i < len(cells) else ""
            tc = _sub(tr, "w:tc")
            tc_pr = _sub(tc, "w:tcPr")
            _sub(tc_pr, "w:tcW", w=str(width), type="dxa")
            if header:
                _sub(tc_pr, "w:shd", val="clear", color="auto", fill=INK)
            bold = header or (bold_first and i == 0)
            colour = "FFFFFF" if header else None
            for line in clean_text(text).split("\n"):
                p = _sub(tc, "w:p")
                p_pr = _sub(p, "w:pPr")
                # tight rows: the table style's spacing is not honoured by LibreOffice
                _sub(p_pr, "w:spacing", before="40", after="40", line="240", lineRule="auto")
                for r in _text_runs(line, bold=bold, colour=colour, size_pt=size_pt):
                    p.append(r)
                if line and is_mostly_rtl(line):
                    set_bidi(Paragraph(p, None))  # type: ignore[arg-type]

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

    def cell_text(self, cell: _Cell, text: str, *, bold: bool = False, italic: bool = False,
                  colour: str | None = None) -> Paragraph:
        """Write text into a table cell's first paragraph (more lines, more paragraphs)."""
        lines = clean_text(text).split("\n")
        p: Paragraph = cell.paragraphs[0]  # python-docx leaves this one unannotated
        self.add_text(p, lines[0], bold=bold, italic=italic, colour=colour)
        for line in lines[1:]:
            self.add_text(cell.add_paragraph(), line, bold=bold, italic=italic, colour=colour)
        for para in cell.paragraphs:
            # tight rows: the table style's spacing is not honoured by LibreOffice
            para.paragraph_format.space_before = Pt(2)
            para.paragraph_format.space_after = Pt(2)
            para.paragraph_format.line_spacing = 1.0
        return p

    def cell_diff(self, table: Table, row: int, column: int,
                  ops: Iterable[tuple[str, str]]) -> Paragraph:
        """Add word-diff ops to a table cell as a new paragraph, struck and
        underlined (never tracked: accepting the brief's changes must not edit
        a commentary)."""
        tc = table._tbl.tr_lst[row].tc_lst[column]
        p = _sub(tc, "w:p")
        p_pr = _sub(p, "w:pPr")
        _sub(p_pr, "w:spacing", before="40", after="40", line="240", lineRule="auto")
        paragraph = Paragraph(p, None)  # type: ignore[arg-type]
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
