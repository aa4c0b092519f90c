"""The look of our Word documents: A4 pages, fonts, colours and the styles
(Title, Subtitle, Heading 1-3, the table style, the draft's own text, the
classification marking, small print, labels, comments)."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Mm

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

TABLE_STYLE_XML = f"""
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

EXTRA_STYLES_XML = f"""
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
HEADINGS = {
    "Title": (22, True, INK, 0, 120),
    "Subtitle": (13, False, GREY, 0, 240),
    "Heading1": (14, True, INK, 360, 120),
    "Heading2": (12, True, INK, 240, 80),
    "Heading3": (11, True, "262626", 200, 60),
}


def setup_styles(document: DocxDocument, language: str) -> None:
    """Our fonts, sizes, headings and extra styles in a new python-docx document."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = rpr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), BODY_FONT)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), language)
    half = str(BODY_PT * 2)
    rpr.find(qn("w:sz")).set(qn("w:val"), half)
    rpr.find(qn("w:szCs")).set(qn("w:val"), half)
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    spacing.set(qn("w:after"), "120")
    spacing.set(qn("w:line"), "259")

    for style_id, (size, bold, colour, before, after) in HEADINGS.items():
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
    styles.append(parse_xml(TABLE_STYLE_XML))
    extra = parse_xml(EXTRA_STYLES_XML)
    for style in list(extra):
        sid = style.get(qn("w:styleId"))
        if styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{sid}']") is None:
            styles.append(style)

def setup_page(section: Section) -> None:
    """An A4 page with our margins."""
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    section.header_distance = Mm(HEADER_DISTANCE_MM)
    section.footer_distance = Mm(HEADER_DISTANCE_MM)
