"""Chair's drafts as Word would write them, to be printed to PDF by LibreOffice.

Built with python-docx plus the XML python-docx has no API for: automatic
numbering with hanging indents (numbering.xml), footnotes (footnotes.xml), a
running head and foot with PAGE / NUMPAGES fields, a two-column section.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

import docx
from docx.enum.section import WD_SECTION
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Pt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'
SYMBOL = "A/AC.290/2026/CRP.2"
JOB = "GE.26-01234 (E)"
SUP = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'


def _level(ilvl: int, fmt: str, text: str, indent_twips: int) -> str:
    # Hanging indent: the number at the left of the indent, the text at a tab.
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{indent_twips}"/></w:tabs>'
            f'<w:ind w:left="{indent_twips}" w:hanging="567"/></w:pPr></w:lvl>')


NUMBERING = (
    f'<w:numbering {NSDECL}><w:abstractNum w:abstractNumId="10">'
    + _level(0, "decimal", "%1.", 567) + _level(1, "lowerLetter", "(%2)", 1134)
    + _level(2, "lowerRoman", "(%3)", 1701)
    + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num></w:numbering>'
)


class Draft:
    """A .docx under construction: paragraphs, numbered items and footnotes."""

    def __init__(self, *, head: bool = True) -> None:
        self.doc = docx.Document()
        self.doc.styles["Normal"].font.size = Pt(12)
        self.notes: dict[int, str] = {}
        self.doc.part.numbering_part.element[:] = list(parse_xml(NUMBERING))
        if head:
            section = self.doc.sections[0]
            section.header.paragraphs[0].text = SYMBOL
            section.header.paragraphs[0].alignment = 2  # right
            foot = section.footer.paragraphs[0]
            foot._p.append(parse_xml(f'<w:r {NSDECL}><w:t xml:space="preserve">{JOB}     Page </w:t></w:r>'))
            foot._p.append(parse_xml(f'<w:fldSimple {NSDECL} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
            foot._p.append(parse_xml(f'<w:r {NSDECL}><w:t xml:space="preserve"> of </w:t></w:r>'))
            foot._p.append(parse_xml(f'<w:fldSimple {NSDECL} w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))

    def title(self, text: str) -> None:
        self.doc.add_paragraph(text, style="Title")

    def heading(self, text: str, level: int = 1) -> None:
        self.doc.add_heading(text, level=level)

    def para(self, *pieces: str | int, ilvl: int | None = None, italic_first: bool = False) -> None:
        """Strings are text, ints footnote numbers (the note must be added with ``note``)."""
        p = self.doc.add_paragraph()
        if ilvl is not None:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {NSDECL}><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>'))
        for k, piece in enumerate(pieces):
            if isinstance(piece, int):
                p._p.append(parse_xml(f'<w:r {NSDECL}>{SUP}<w:footnoteReference w:id="{piece}"/></w:r>'))
            elif italic_first and k == 0:
                word, _, rest = piece.partition(" ")
                p.add_run(word).italic = True
                p.add_run(" " + rest)
            else:
                p.add_run(piece)

    def hanging(self, label: str, *pieces: str | int, indent_twips: int = 567) -> None:
        """A number typed in the margin, a tab, then the text (what "3bis." or
        "Option (a):" look like in a chair's text); ints are footnote marks."""
        p = self.doc.add_paragraph()
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:ind {NSDECL} w:left="{indent_twips}" w:hanging="{indent_twips}"/>'))
        p.add_run(label)
        for piece in pieces:
            if isinstance(piece, int):
                p._p.append(parse_xml(f'<w:r {NSDECL}>{SUP}<w:footnoteReference w:id="{piece}"/></w:r>'))
            else:
                p.add_run(piece)

    def bold(self, text: str) -> None:
        self.doc.add_paragraph().add_run(text).bold = True

    def note(self, number: int, text: str) -> int:
        self.notes[number] = text
        return number

    def columns(self, count: int) -> None:
        """Start a new section (on the same page) with ``count`` columns."""
        section = self.doc.add_section(WD_SECTION.CONTINUOUS)
        section._sectPr.append(parse_xml(f'<w:cols {NSDECL} w:num="{count}" w:space="567"/>'))

    def bytes(self) -> bytes:
        if self.notes:
            self._footnotes_part()
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def _footnotes_part(self) -> None:
        styles = self.doc.styles.element
        styles.append(parse_xml(
            f'<w:style {NSDECL} w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
            '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style>'))
        notes = "".join(
            f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r>{SUP}<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r>'
            '</w:p></w:footnote>'
            for i, text in self.notes.items()
        )
        blob = (f'<w:footnotes {NSDECL}><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
                f'<w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" '
                f'w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>{notes}'
                '</w:footnotes>').encode()
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, self.doc.part.package)
        self.doc.part.relate_to(part, RT.FOOTNOTES)


CLAUSE = ("participating States [shall][should], in accordance with their national legislation "
          "and on a voluntary basis, exchange information on their national approaches to the "
          "security of and in the use of information and communication technologies")


def chairs_draft(paragraphs: int = 24, *, two_columns: bool = True) -> bytes:
    """A compilation-style chair's draft over several pages: title, preambular
    paragraphs, automatically numbered operative paragraphs with (a)/(i)
    sub-paragraphs, footnotes, a running head and foot, and an annex in two columns."""
    d = Draft()
    d.title("Draft report of the open-ended working group on security of ICTs")
    d.heading("A. Introduction")
    d.para("Recalling its resolutions 73/27 and 75/240 on developments in the field of "
           "information and telecommunications in the context of international security,",
           italic_first=True)
    d.para("Noting with concern that a number of States are developing ICT capabilities for "
           "military purposes", d.note(1, "See A/76/135, para. 7."),
           " and that the use of ICTs in future conflicts between States is becoming more likely,",
           italic_first=True)
    d.para("Reaffirming that international law, and in particular the Charter of the United Nations, "
           "is applicable and essential to maintaining peace and stability,", italic_first=True)
    d.heading("B. Recommendations")
    for i in range(1, paragraphs + 1):
        pieces: list[str | int] = [f"Recommends that {CLAUSE} (item {i})"]
        if i % 5 == 2:
            pieces += [d.note(i + 1, f"Proposal by a group of States for item {i}; see the "
                                     "compilation of proposals circulated on 12 March 2026."),
                       ", including through the points of contact directory"]
        pieces.append(";" if i % 3 else ", and to:")
        d.para(*pieces, ilvl=0)
        if i % 3 == 0:
            d.para(f"designate a national point of contact for item {i} [by 31 March][without delay];",
                   ilvl=1)
            d.para("report on the measures taken, including:", ilvl=1)
            d.para("legislative measures;", ilvl=2)
            d.para("[capacity-building][technical assistance] provided to other States;", ilvl=2)
    if two_columns:
        d.columns(2)
        d.heading("Annex")
        for i in range(1, 9):
            d.para(f"Measure {i}: States should consider exchanging views on {CLAUSE[:120]} "
                   f"and report to the group at its session [in 2027][annually].")
    return d.bytes()


def paginated_text_docx(text: str) -> bytes:
    """A paginated plain text (an IETF draft: form feeds between pages, a head
    and a foot on each) set line for line in a monospace font, one text page
    per PDF page: what printing such a text to PDF gives."""
    from docx.enum.text import WD_BREAK
    from docx.shared import Mm

    doc = docx.Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(12)
    section.left_margin = section.right_margin = Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Mono", Pt(9.5)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(11.5)
    first = True
    for page in text.replace("\r\n", "\n").split("\f"):
        lines = page.strip("\n").split("\n")
        for k, line in enumerate(lines):
            p = doc.add_paragraph()
            if k == 0 and not first:
                p.add_run().add_break(WD_BREAK.PAGE)
            if line:
                p.add_run(line)
        first = False
    doc.paragraphs[0]._p.getparent().remove(doc.paragraphs[0]._p) if not doc.paragraphs[0].text else None
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
