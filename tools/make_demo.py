"""Write the demo negotiation shipped in ``resources/demo/``.

This file is the single source of the demo: three successive drafts of a
fictional OSCE Permanent Council decision on ICT confidence-building measures,
the actors at the table, a dozen positions, and the true links between the
drafts that the alignment tests check. It writes, into ``resources/demo/``:

- ``zero-draft.txt``, ``rev1.txt``, ``rev2.txt``: one paragraph per block,
  numbers typed in the text ("1.", "(a)", "7 bis.");
- ``zero-draft.docx``, ``rev1.docx``, ``rev2.docx``: the same drafts as a
  delegation receives them, with Word's automatic list numbering for operative
  paragraphs and sub-paragraphs (the "7 bis" label typed, as delegations do);
- ``demo.json``: metadata, expected paragraphs and links, and positions.

The texts are written for this project (fictional, in our own words). Output is
deterministic: running it twice gives the same bytes.

Run from the project root::

    python tools/make_demo.py
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor, Twips

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "demo"

TITLE = (
    "Draft decision on enhancing ICT-related confidence-building measures "
    "to reduce the risks of conflict"
)
FORUM = "OSCE Permanent Council"
OUR_DELEGATION = "Belgium"

# Roles of blocks. Each role has one parsed kind and one Word layout.
TOP = "top"  # document symbol and date, on two lines of one block
DOC_TITLE = "title"
CHAPEAU = "chapeau"  # "The Permanent Council,"
PP = "pp"  # preambular paragraph, unnumbered
HEADING = "heading"  # section heading with its typed roman number
OP = "op"  # operative paragraph, numbered 1., 2., ... (Word list level 0)
BIS = "bis"  # inserted alternative paragraph "7 bis", label typed
OPTION = "option"  # a further option of the operative paragraph above, unnumbered
SUB = "sub"  # sub-paragraph (a), (b) (Word list level 1)
SUBSUB = "subsub"  # sub-sub-paragraph (i), (ii) (Word list level 2)

KIND_OF_ROLE = {
    TOP: "other",
    DOC_TITLE: "heading",
    CHAPEAU: "other",
    PP: "preambular",
    HEADING: "heading",
    OP: "operative",
    BIS: "operative",
    OPTION: "other",
    SUB: "sub-paragraph",
    SUBSUB: "sub-paragraph",
}

ZERO, REV1, REV2 = "Zero draft", "Rev.1", "Rev.2"


@dataclass(frozen=True)
class DraftInfo:
    label: str
    symbol: str
    date: dt.date
    stem: str  # file name without suffix


DRAFTS = (
    DraftInfo(ZERO, "PC.DEL/112/26", dt.date(2026, 1, 16), "zero-draft"),
    DraftInfo(REV1, "PC.DEL/112/26/Rev.1", dt.date(2026, 2, 20), "rev1"),
    DraftInfo(REV2, "PC.DEL/112/26/Rev.2", dt.date(2026, 3, 20), "rev2"),
)


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


# ---------------------------------------------------------------------------
# The texts. A key names one logical paragraph (its lineage) across drafts; a
# text given as a plain string is the same in every draft that has the key.
# ---------------------------------------------------------------------------

ROLE: dict[str, str] = {}
TEXT: dict[str, str | dict[str, str]] = {}


def para(key: str, role: str, text: str | dict[str, str]) -> None:
    """Declare a paragraph: the same text everywhere, or a text per draft label."""
    ROLE[key] = role
    TEXT[key] = text


def carry(key: str, label: str, source: str) -> None:
    """The paragraph reads in draft ``label`` word for word as in draft ``source``."""
    texts = TEXT[key]
    assert isinstance(texts, dict)
    texts[label] = texts[source]


para("top", TOP, {d.label: f"{d.symbol}\n{_long_date(d.date)}" for d in DRAFTS})
para("title", DOC_TITLE, TITLE)
para("chapeau", CHAPEAU, "The Permanent Council,")

para("pp_recalling", PP,
     "Recalling Permanent Council Decision No. 1039 of 26 April 2012, Decision No. 1106 of "
     "3 December 2013 and Decision No. 1202 of 10 March 2016 on confidence-building measures "
     "to reduce the risks of conflict stemming from the use of information and communication "
     "technologies (ICTs),")
para("pp_reaffirming", PP,
     "Reaffirming the comprehensive, co-operative and indivisible nature of security in the "
     "OSCE area, and that the commitments of participating States apply equally to their "
     "conduct in the use of ICTs,")
para("pp_law", PP, {
    ZERO: "Recalling also that international law, and in particular the Charter of the United "
          "Nations, [applies][is applicable] to the use of ICTs by States and is essential to "
          "maintaining peace, security and stability in the ICT environment,",
    REV1: "Recalling also that international law, and in particular the Charter of the United "
          "Nations, is applicable to the use of ICTs by States and is essential to maintaining "
          "peace, security and stability in the ICT environment,",
})
carry("pp_law", REV2, REV1)
para("pp_noting", PP,
     "Noting with appreciation the work of the Informal Working Group established by Decision "
     "No. 1039 and the progress made by participating States in implementing the "
     "confidence-building measures adopted to date,")
para("pp_women", PP, {
    REV1: "Recognizing the importance of the full, equal and meaningful participation of women "
          "in [decision-making on] ICT security[, including in the implementation of the "
          "confidence-building measures],",
    REV2: "Recognizing the importance of the full, equal and meaningful participation of women "
          "in ICT security, including in the implementation of the confidence-building measures,",
})
para("pp_concerned", PP, {
    ZERO: "Concerned that the [malicious] use of ICTs [by State and non-State actors] may "
          "[threaten international peace and security][give rise to tensions between "
          "participating States], and that misperception and miscalculation in the ICT "
          "environment may lead to unintended escalation,",
    # The same words: only the brackets around "malicious" went.
    REV1: "Concerned that the malicious use of ICTs [by State and non-State actors] may "
          "[threaten international peace and security][give rise to tensions between "
          "participating States], and that misperception and miscalculation in the ICT "
          "environment may lead to unintended escalation,",
    REV2: "Concerned that the malicious use of ICTs [by State and non-State actors] may give rise "
          "to tensions between participating States and affect international peace and "
          "security, and that misperception and miscalculation in the ICT environment may lead "
          "to unintended escalation,",
})
para("pp_bearing", PP,
     "Bearing in mind that timely communication and the voluntary exchange of information "
     "between participating States can reduce the risks of misperception, escalation and "
     "conflict,")
para("pp_welcoming", PP, {
    ZERO: "Welcoming the contribution of other regional and subregional organizations[, as well "
          "as of relevant United Nations bodies,] to the development of confidence-building "
          "measures in the ICT field,",
})

para("h_general", HEADING, "I. General provisions")
para("op_enhance", OP,
     "Decides to enhance the implementation of the OSCE confidence-building measures to reduce "
     "the risks of conflict stemming from the use of ICTs, as set out in this decision;")
para("op_voluntary", OP,
     "Reaffirms that the confidence-building measures are voluntary [and politically binding] "
     "in nature and are implemented by participating States in accordance with their national "
     "priorities and capacities;")
para("op_contacts", OP, {
    ZERO: "Decides that each participating State shall designate national points of contact at "
          "the policy and technical levels and inform the Secretariat of any change without "
          "delay;",
    REV1: "Decides that each participating State should designate national points of contact "
          "at the policy and technical levels and inform the Secretariat of any change without "
          "delay;",
})
carry("op_contacts", REV2, REV1)
para("op_network", OP, {
    ZERO: "Encourages participating States to make use of the OSCE Communications Network to "
          "facilitate [rapid][timely] communication between points of contact in the event of "
          "an ICT incident;",
    REV2: "Encourages participating States to make use of the OSCE Communications Network to "
          "facilitate timely communication between points of contact in the event of an ICT "
          "incident;",
})
carry("op_network", REV1, ZERO)

para("h_measures", HEADING, "II. Confidence-building measures")
para("op_share", OP, {
    ZERO: "[Strongly] encourages participating States to share information on their national "
          "approaches to ICT security, including national strategies, policies and "
          "legislation[, as well as their national doctrines and the organization of their "
          "military cyber capabilities];",
})
para("op_share_policies", OP,
     "Strongly encourages participating States to share information on their national "
     "approaches to ICT security, including national strategies, policies and legislation;")
para("op_share_doctrines", OP, {
    REV1: "[Invites participating States to share, on a voluntary basis, information on their "
          "national doctrines and on the organization of their military cyber capabilities;]",
    REV2: "Invites participating States to share, on a voluntary basis, information on their "
          "national doctrines relevant to the use of ICTs[, including military doctrines];",
})
para("op_consult", OP, {
    ZERO: "Calls upon participating States, when an ICT incident [originating from their "
          "territory] may affect another participating State, to:",
    REV2: "Calls upon participating States, when an ICT incident may affect another "
          "participating State, to:",
})
carry("op_consult", REV1, ZERO)
para("sub_acknowledge", SUB, {
    ZERO: "Acknowledge receipt of a request for consultations [within 48 hours][as soon as "
          "possible];",
    REV1: "Acknowledge receipt of a request for consultations as soon as possible and in any "
          "case within 72 hours;",
})
carry("sub_acknowledge", REV2, REV1)
para("sub_inform", SUB, {
    ZERO: "Provide, to the extent possible, relevant information on the incident through the "
          "designated points of contact[, including technical indicators of compromise];",
    # The same words: only the brackets went.
    REV2: "Provide, to the extent possible, relevant information on the incident through the "
          "designated points of contact, including technical indicators of compromise;",
})
carry("sub_inform", REV1, ZERO)
para("op_notify", OP, {
    ZERO: "Decides that participating States [shall][should] notify the other participating "
          "States, through the OSCE Communications Network, of significant ICT incidents "
          "affecting their critical infrastructure that [[may] have][are assessed to have] an "
          "impact beyond their territory;",
    REV1: "Decides that participating States [shall][should] notify the other participating "
          "States, through the OSCE Communications Network, of significant ICT incidents "
          "affecting their critical infrastructure that [may have][are assessed to have] an "
          "impact beyond their territory;",
    REV2: "Invites participating States to notify the other participating States, through the "
          "OSCE Communications Network, of significant ICT incidents affecting their critical "
          "infrastructure that may have an impact beyond their territory;",
})
para("bis_inform", BIS, {
    ZERO: "[Encourages participating States, on a voluntary basis, to inform the other "
          "participating States, through the OSCE Communications Network, of ICT incidents "
          "that may affect them;]",
})
carry("bis_inform", REV1, ZERO)
_CRITICAL = (
    "Encourages participating States to co-operate, bilaterally and within the OSCE, in "
    "protecting critical infrastructure that relies on ICTs and whose disruption could have "
    "effects beyond national borders, such as electricity and water supply networks, "
    "financial market infrastructure, health-care systems, transport, and the undersea "
    "cables and satellite systems on which international communications depend, by exchanging, through the "
    "designated points of contact and on a voluntary basis, information on relevant threats, "
    "vulnerabilities and mitigation measures, by giving due consideration to requests for "
    "assistance from a participating State whose critical infrastructure is affected by an "
    "ICT incident, and by taking {measures} measures, in accordance with national legislation "
    "and international law, to address such incidents when they originate from or transit "
    "through their territory;"
)
# A long paragraph where one word changes: "appropriate" becomes "reasonable".
para("op_critical", OP, {
    ZERO: _CRITICAL.format(measures="appropriate"),
    REV1: _CRITICAL.format(measures="reasonable"),
    REV2: _CRITICAL.format(measures="reasonable"),
})
para("op_exercises", OP, {
    ZERO: "Encourages participating States to take part in table-top and scenario-based "
          "exercises, organized by the Secretariat or by participating States, to test "
          "communication channels and consultation procedures in the event of an ICT incident;",
    # Brackets added in Rev.1, and taken out again in Rev.2.
    REV1: "Encourages participating States to take part in table-top and scenario-based "
          "exercises, organized by the Secretariat [or by participating States][at the request "
          "of participating States], to test communication channels and consultation "
          "procedures in the event of an ICT incident;",
    REV2: "Encourages participating States to take part in table-top, technical and "
          "scenario-based exercises, organized by the Secretariat or by participating States, "
          "to test communication channels and consultation procedures in the event of an ICT "
          "incident;",
})
para("op_capacity", OP,
     "Encourages participating States in a position to do so to support[, on a voluntary "
     "basis,] capacity-building activities that assist other participating States, upon "
     "request, in implementing the confidence-building measures;")
para("op_stakeholders", OP, {
    ZERO: "Invites participating States to engage, as appropriate, with the private sector, "
          "academia, technical communities and civil society in the implementation of the "
          "confidence-building measures;",
    REV1: "Invites participating States to engage, as appropriate [and in accordance with "
          "national legislation], with the private sector, academia, technical communities and "
          "civil society in the implementation of the confidence-building measures;",
})
para("op_capacity_stakeholders", OP, {
    REV2: "Encourages participating States in a position to do so to support, on a voluntary "
          "basis, capacity-building activities that assist other participating States, upon "
          "request, in implementing the confidence-building measures, and to engage, as "
          "appropriate and in accordance with national legislation, with the private sector, "
          "academia, technical communities and civil society to that end;",
})

para("h_review", HEADING, "III. Implementation and review")
para("op_secretariat", OP,
     "Requests the Secretariat, within existing resources, to support the implementation of "
     "this decision, including by maintaining the directory of points of contact and by "
     "conducting regular communication checks;")
para("op_iwg", OP, "Tasks the Informal Working Group established by Decision No. 1039 to:")
para("sub_review", SUB,
     "Review the implementation of the confidence-building measures adopted to date and "
     "identify ways to strengthen it;")
para("sub_develop", SUB, {
    ZERO: "Develop, by [the end of 2026][the 2026 Ministerial Council], proposals for additional "
          "confidence-building measures, including on:",
    REV2: "Develop, by the end of 2026, proposals for additional confidence-building measures, "
          "including on:",
})
carry("sub_develop", REV1, REV2)
para("subsub_infrastructure", SUBSUB, {
    ZERO: "The protection of critical infrastructure[, including critical infrastructure of a "
          "cross-border nature];",
    REV2: "The protection of critical infrastructure, including critical infrastructure of a "
          "cross-border nature;",
})
carry("subsub_infrastructure", REV1, REV2)
para("subsub_capacity", SUBSUB, {
    ZERO: "[Capacity-building][Assistance to participating States upon request];",
    REV2: "Capacity-building, including assistance to participating States upon request;",
})
carry("subsub_capacity", REV1, REV2)
para("subsub_private", SUBSUB, {
    REV2: "Co-operation with the private sector in responding to ICT incidents;",
})
para("op_review", OP, {
    ZERO: "Option 1: [Decides to review the implementation of this decision annually at a "
          "dedicated meeting of the Permanent Council.]",
    REV2: "Decides to review the implementation of this decision annually at a dedicated "
          "meeting of the Permanent Council, on the basis of a report by the Chairmanship.",
})
carry("op_review", REV1, ZERO)
para("option_report", OPTION, {
    ZERO: "Option 2: [Requests the Chairmanship to report to the Permanent Council on the "
          "implementation of this decision [every two years][annually], on the basis of the "
          "work of the Informal Working Group.]",
})
carry("option_report", REV1, ZERO)

# The order of paragraphs in each draft.
ORDER: dict[str, list[str]] = {
    ZERO: [
        "top", "title", "chapeau",
        "pp_recalling", "pp_reaffirming", "pp_law", "pp_noting", "pp_concerned", "pp_bearing",
        "pp_welcoming",
        "h_general", "op_enhance", "op_voluntary", "op_contacts", "op_network",
        "h_measures", "op_share", "op_consult", "sub_acknowledge", "sub_inform",
        "op_notify", "bis_inform", "op_critical", "op_exercises", "op_capacity",
        "op_stakeholders",
        "h_review", "op_secretariat", "op_iwg", "sub_review", "sub_develop",
        "subsub_infrastructure", "subsub_capacity", "op_review", "option_report",
    ],
    REV1: [
        "top", "title", "chapeau",
        "pp_recalling", "pp_reaffirming", "pp_law", "pp_noting", "pp_women", "pp_concerned",
        "pp_bearing",
        "h_general", "op_enhance", "op_voluntary", "op_contacts",
        "h_measures", "op_share_policies", "op_share_doctrines", "op_consult",
        "sub_acknowledge", "sub_inform", "op_network",
        "op_notify", "bis_inform", "op_critical", "op_exercises", "op_capacity",
        "op_stakeholders",
        "h_review", "op_secretariat", "op_iwg", "sub_review", "sub_develop",
        "subsub_infrastructure", "subsub_capacity", "op_review", "option_report",
    ],
    REV2: [
        "top", "title", "chapeau",
        "pp_recalling", "pp_reaffirming", "pp_law", "pp_noting", "pp_women", "pp_concerned",
        "pp_bearing",
        "h_general", "op_enhance", "op_voluntary", "op_contacts",
        "h_measures", "op_share_policies", "op_share_doctrines", "op_consult",
        "sub_acknowledge", "sub_inform", "op_network",
        "op_notify", "op_critical", "op_exercises", "op_capacity_stakeholders",
        "h_review", "op_secretariat", "op_iwg", "sub_review", "sub_develop",
        "subsub_infrastructure", "subsub_capacity", "subsub_private", "op_review",
    ],
}

# One paragraph becoming several, and several becoming one, between two drafts.
SPLITS: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    (ZERO, REV1): {"op_share": ("op_share_policies", "op_share_doctrines")},
}
MERGES: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    (REV1, REV2): {
        "op_capacity_stakeholders": ("op_capacity", "op_stakeholders"),
        # The chair's compromise on the review, drawn from both options.
        "op_review": ("op_review", "option_report"),
    },
}
# Paragraphs the chair moved to another place (checked against the order below).
MOVES: dict[tuple[str, str], set[str]] = {(ZERO, REV1): {"op_network"}, (REV1, REV2): set()}


# ---------------------------------------------------------------------------
# Paragraphs as a reader should find them
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    key: str
    role: str
    number: str | None  # as `negotiator show` displays it: "12", "7 bis", "(a)", "I"
    text: str  # without the number
    pp_number: int | None = None  # negotiators' shorthand PP1, PP2, ...

    @property
    def kind(self) -> str:
        return KIND_OF_ROLE[self.role]

    @property
    def level(self) -> int:
        return {SUB: 1, SUBSUB: 2}.get(self.role, 0)

    @property
    def brackets(self) -> int:
        return self.text.count("[")

    @property
    def shorthand(self) -> str | None:
        """How a delegate names the paragraph: "7", "7 bis", "6 (a)", "PP3"."""
        return f"PP{self.pp_number}" if self.pp_number else self.number


def _roman(n: int) -> str:
    return ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][n - 1]


def text_of(key: str, label: str) -> str:
    value = TEXT[key]
    if isinstance(value, str):
        return value
    if label not in value:
        raise KeyError(f"{key} has no text in {label}")
    return value[label]


def blocks(label: str) -> list[Block]:
    """The paragraphs of one draft, numbered as the chair's text numbers them."""
    out: list[Block] = []
    op = sub = subsub = pp = 0
    for key in ORDER[label]:
        role = ROLE[key]
        text = text_of(key, label)
        number: str | None = None
        pp_number = None
        if role == OP:
            op += 1
            sub = subsub = 0
            number = str(op)
        elif role == BIS:
            number = f"{op} bis"
        elif role == SUB:
            sub += 1
            subsub = 0
            number = f"({chr(ord('a') + sub - 1)})"
        elif role == SUBSUB:
            subsub += 1
            number = f"({_roman(subsub)})"
        elif role == HEADING:
            number, text = text.split(". ", 1)
        elif role == PP:
            pp += 1
            pp_number = pp
        out.append(Block(key, role, number, text, pp_number))
    return out


def find(label: str, key: str) -> tuple[int, Block]:
    for i, b in enumerate(blocks(label)):
        if b.key == key:
            return i, b
    raise KeyError(f"{key} is not in {label}")


# ---------------------------------------------------------------------------
# Plain text
# ---------------------------------------------------------------------------


def typed(block: Block) -> str:
    """A block as it is typed in plain text: the number written before the words."""
    if block.role in (OP, BIS):
        return f"{block.number}. {block.text}"
    if block.role in (SUB, SUBSUB):
        return f"{block.number} {block.text}"
    if block.role == HEADING:
        return f"{block.number}. {block.text}"
    return block.text


def plain_text(label: str) -> str:
    return "\n\n".join(typed(b) for b in blocks(label)) + "\n"


# ---------------------------------------------------------------------------
# Word
# ---------------------------------------------------------------------------

FONT = "Times New Roman"
INDENT = 567  # twips: 1 cm, the step of each list level
NUM_ID = 20
ABSTRACT_NUM_ID = 20
# Preambular openings longer than one word, set in italics as a whole.
ITALIC_OPENINGS = ("Bearing in mind", "Noting with appreciation", "Recalling also")
AUTHOR = "OSCE Chairmanship"


def _set_fonts(rpr_parent: object) -> None:
    """Times New Roman for every script, without the theme fonts that would win over it."""
    rpr = rpr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for name in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(name), FONT)


def _style_document(doc: Document) -> None:
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    _set_fonts(normal.element)
    rpr = normal.element.get_or_add_rPr()
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="en-GB"/>'))
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(12)
    fmt.line_spacing = 1.0
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    # Document defaults too, so no part of the file falls back to the theme's Calibri.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts is not None:
            for attr in list(fonts.attrib):
                del fonts.attrib[attr]
            for name in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                fonts.set(qn(name), FONT)

    for name, size, align in (("Title", 14, WD_ALIGN_PARAGRAPH.CENTER),
                              ("Heading 1", 12, WD_ALIGN_PARAGRAPH.LEFT)):
        style = doc.styles[name]
        _set_fonts(style.element)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        ppr = style.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.space_before = Pt(12)
        fmt.space_after = Pt(12)
        fmt.keep_with_next = True
        rpr = style.element.get_or_add_rPr()
        for tag in ("w:spacing", "w:kern"):
            for el in rpr.findall(qn(tag)):
                rpr.remove(el)

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(25)


def _add_numbering(doc: Document) -> None:
    """One multilevel list: "1." decimal, "(a)" lower letter, "(i)" lower roman."""
    numbering = doc.part.numbering_part.element
    levels = []
    for ilvl, (fmt, text) in enumerate(
        (("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"))
    ):
        left = INDENT * (ilvl + 1)
        levels.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
            f'<w:ind w:left="{left}" w:hanging="{INDENT}"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/></w:rPr></w:lvl>'
        )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ABSTRACT_NUM_ID}">'
        f'<w:nsid w:val="4F534345"/><w:multiLevelType w:val="multilevel"/>'
        f'<w:tmpl w:val="0C0A0001"/>{"".join(levels)}</w:abstractNum>'
    )
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{NUM_ID}">'
        f'<w:abstractNumId w:val="{ABSTRACT_NUM_ID}"/></w:num>'
    )
    # The schema wants every abstractNum before the first num.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)


def _number(paragraph: object, ilvl: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()  # type: ignore[attr-defined]
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = NUM_ID


def _italic_opening(text: str) -> int:
    for opening in ITALIC_OPENINGS:
        if text.startswith(opening + " "):
            return len(opening)
    return len(text.split(" ", 1)[0])


def build_docx(info: DraftInfo) -> bytes:
    """A draft as a Word file, numbered by Word itself."""
    doc = Document()
    _style_document(doc)
    _add_numbering(doc)
    for block in blocks(info.label):
        if block.role == TOP:
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            first, second = block.text.split("\n")
            p.add_run(first).add_break()
            p.add_run(second)
            p.paragraph_format.space_after = Pt(24)
        elif block.role == DOC_TITLE:
            doc.add_paragraph(block.text, style="Title")
        elif block.role == HEADING:
            doc.add_paragraph(f"{block.number}. {block.text}", style="Heading 1")
        elif block.role == CHAPEAU:
            p = doc.add_paragraph(block.text)
            p.paragraph_format.first_line_indent = Twips(INDENT)
        elif block.role == PP:
            p = doc.add_paragraph()
            p.paragraph_format.first_line_indent = Twips(INDENT)
            cut = _italic_opening(block.text)
            p.add_run(block.text[:cut]).italic = True
            p.add_run(block.text[cut:])
        elif block.role in (OP, SUB, SUBSUB):
            p = doc.add_paragraph(block.text)
            _number(p, block.level)
        elif block.role == BIS:
            # Not in Word's list: the delegation typed the label, then a tab.
            p = doc.add_paragraph(f"{block.number}.\t{block.text}")
            p.paragraph_format.left_indent = Twips(INDENT)
            p.paragraph_format.first_line_indent = Twips(-INDENT)
        elif block.role == OPTION:
            p = doc.add_paragraph(block.text)
            p.paragraph_format.left_indent = Twips(INDENT)
        else:  # pragma: no cover - every role is handled above
            raise ValueError(block.role)

    stamp = dt.datetime.combine(info.date, dt.time(9, 0))
    props = doc.core_properties
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.title = TITLE
    props.subject = info.symbol
    props.comments = f"{info.label}, fictional demo text written for Negotiator"
    props.keywords = "OSCE; ICT; confidence-building measures"
    props.category = ""
    props.revision = 1
    props.created = stamp
    props.modified = stamp
    buffer = io.BytesIO()
    doc.save(buffer)
    return _fixed_zip(buffer.getvalue(), stamp)


def _fixed_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """Rewrite the zip with a fixed time on every entry, so output is byte for byte stable."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------
# The true links between drafts
# ---------------------------------------------------------------------------


def _longest_increasing(values: Sequence[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []  # positions
    back: list[int | None] = [None] * len(values)
    for i, v in enumerate(values):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if values[tails[mid]] < v:
                lo = mid + 1
            else:
                hi = mid
        back[i] = tails[lo - 1] if lo else None
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    keep: set[int] = set()
    pos: int | None = tails[-1] if tails else None
    while pos is not None:
        keep.add(pos)
        pos = back[pos]
    return keep


@dataclass
class _Link:
    status: tuple[str, ...]
    old: tuple[int, ...]
    new: tuple[int, ...]


def expected_links(old_label: str, new_label: str) -> list[dict[str, object]]:
    """Links from one draft to the next, in the order of the new draft, deleted
    paragraphs where they stood in the old one (the contract of negotiator.diff.align).

    Statuses, as negotiator.diff.align gives them: "unchanged"; "renumbered" (the
    same words under another number); "modified" (other words, a change of
    brackets alone included, whatever the number); "split" (one old, several
    new); "merged" (several old, one new); "moved" (out of the order of the
    other paragraphs) before "modified", "split" or "merged" when they apply;
    "added"; "deleted". A deleted paragraph comes right after the link of the
    nearest earlier old paragraph that kept its place.
    """
    old, new = blocks(old_label), blocks(new_label)
    old_at = {b.key: i for i, b in enumerate(old)}
    splits = SPLITS.get((old_label, new_label), {})
    merges = MERGES.get((old_label, new_label), {})
    split_of = {part: src for src, parts in splits.items() for part in parts}

    pairs = [(old_at[b.key], j) for j, b in enumerate(new) if b.key in old_at]
    in_order = _longest_increasing([o for o, _ in pairs])
    moved_keys = {new[j].key for p, (_, j) in enumerate(pairs) if p not in in_order}
    if moved_keys != MOVES[(old_label, new_label)]:
        raise AssertionError(f"moves {moved_keys} differ from the declared ones")

    links: list[_Link] = []
    for j, b in enumerate(new):
        moved = ("moved",) if b.key in moved_keys else ()
        if b.key in split_of:
            src = split_of[b.key]
            if b.key == splits[src][0]:
                parts = tuple(find(new_label, k)[0] for k in splits[src])
                links.append(_Link(("split",), (old_at[src],), parts))
        elif b.key in merges:
            links.append(_Link(("merged",), tuple(old_at[k] for k in merges[b.key]), (j,)))
        elif b.key in old_at:
            i = old_at[b.key]
            if old[i].text != b.text:
                status: tuple[str, ...] = (*moved, "modified")
            elif moved:
                status = moved
            elif old[i].number != b.number:
                status = ("renumbered",)
            else:
                status = ("unchanged",)
            links.append(_Link(status, (i,), (j,)))
        else:
            links.append(_Link(("added",), (), (j,)))

    # Deleted paragraphs go after the link of the nearest earlier old paragraph
    # that kept its place (at the start when there is none).
    used = {i for link in links for i in link.old}
    kept_place = {i: pos for pos, link in enumerate(links) if "moved" not in link.status
                  for i in link.old}
    after: dict[int, list[_Link]] = {}
    last = -1
    for i in range(len(old)):
        if i in kept_place:
            last = kept_place[i]
        elif i not in used:
            after.setdefault(last, []).append(_Link(("deleted",), (i,), ()))
    ordered = list(after.get(-1, []))
    for pos, link in enumerate(links):
        ordered.append(link)
        ordered.extend(after.get(pos, []))

    return [
        {
            "status": list(link.status),
            "old": list(link.old),
            "new": list(link.new),
            "old_numbers": [old[i].shorthand for i in link.old],
            "new_numbers": [new[j].shorthand for j in link.new],
            "keys": sorted({old[i].key for i in link.old} | {new[j].key for j in link.new}),
        }
        for link in ordered
    ]


# ---------------------------------------------------------------------------
# Actors and positions (data only for now)
# ---------------------------------------------------------------------------

ACTORS = [
    {"name": "Belgium", "kind": "state", "note": "our delegation"},
    {"name": "European Union", "kind": "group",
     "note": "EU delegation to the OSCE, speaking for the 27 after coordination in Vienna"},
    {"name": "Chairmanship", "kind": "chair", "note": "holds the pen; circulates the drafts"},
    {"name": "Russian Federation", "kind": "state", "note": ""},
    {"name": "United States", "kind": "state", "note": ""},
    {"name": "Switzerland", "kind": "state", "note": ""},
    {"name": "Türkiye", "kind": "state", "note": ""},
    {"name": "Kazakhstan", "kind": "state", "note": ""},
]

STANCES = ("support", "support with amendments", "oppose", "reserve", "no position")


def _position(actor: str, label: str, key: str, stance: str, *, amendment: str = "",
              rationale: str, red_line: str = "", fallback: str = "",
              priority: str = "medium") -> dict[str, object]:
    index, block = find(label, key)
    assert stance in STANCES
    return {
        "actor": actor, "draft": label, "paragraph": block.shorthand, "index": index,
        "key": key, "stance": stance, "amendment": amendment, "rationale": rationale,
        "red_line": red_line, "fallback": fallback, "priority": priority,
    }


def positions() -> list[dict[str, object]]:
    return [
        _position(
            "Belgium", ZERO, "op_share", "support with amendments",
            amendment="Keep 'strongly'; move the words after 'legislation' into a separate "
                      "paragraph on military doctrines, so that the first part can be agreed now.",
            rationale="Transparency on national approaches is the core of the existing CBMs; "
                      "the military part blocks consensus on the whole paragraph.",
            fallback="Accept 'on a voluntary basis' for the part on military capabilities.",
            priority="high"),
        _position(
            "Belgium", ZERO, "op_notify", "support with amendments",
            amendment="Replace '[shall][should]' with 'shall'.",
            rationale="Notification of incidents affecting critical infrastructure is the added "
                      "value of this decision; instructions from capital favour a firm wording.",
            red_line="No deletion of the notification of incidents affecting critical "
                     "infrastructure.",
            fallback="'Invites participating States to notify', as long as the notification "
                     "itself stays in the operative part.",
            priority="high"),
        _position(
            "European Union", ZERO, "op_notify", "support with amendments",
            amendment="Replace '[shall][should]' with 'should'.",
            rationale="EU-coordinated line: the CBMs are voluntary; 'should' keeps all 27 on "
                      "board and is more likely to reach consensus.",
            fallback="'Invites participating States to notify'."),
        _position(
            "Belgium", ZERO, "bis_inform", "oppose",
            rationale="An alternative to paragraph 7 that empties it: voluntary information on "
                      "any incident instead of notification of significant ones.",
            red_line="Paragraph 7 bis must not replace paragraph 7.",
            fallback="Keep 7 bis only as an addition to paragraph 7, never instead of it."),
        _position(
            "Russian Federation", ZERO, "op_share", "oppose",
            amendment="Delete '[, as well as their national doctrines and the organization of "
                      "their military cyber capabilities]'.",
            rationale="Information on military capabilities goes beyond the voluntary nature of "
                      "the CBMs.",
            red_line="No exchange of information on military cyber capabilities."),
        _position(
            "Russian Federation", ZERO, "op_notify", "oppose",
            amendment="Replace the paragraph with paragraph 7 bis.",
            rationale="A decision cannot create obligations of notification; prefers the "
                      "voluntary wording of 7 bis.",
            fallback="'Invites participating States to notify'."),
        _position(
            "United States", ZERO, "op_voluntary", "support with amendments",
            amendment="Delete '[and politically binding]'.",
            rationale="The CBMs adopted since 2012 are described as voluntary; adding a new "
                      "qualifier reopens agreed language."),
        _position(
            "Switzerland", ZERO, "op_review", "support with amendments",
            amendment="Merge the two options: an annual review by the Permanent Council on the "
                      "basis of a report by the Chairmanship.",
            rationale="Both options have merit; a single annual review avoids a new meeting "
                      "cycle."),
        _position(
            "Chairmanship", ZERO, "op_review", "no position",
            rationale="Will propose a compromise text after hearing delegations on both options."),
        _position(
            "Belgium", ZERO, "op_contacts", "reserve",
            rationale="Awaiting instructions from capital on 'shall designate': the national "
                      "policy-level contact is not yet designated."),
        _position(
            "Belgium", REV1, "op_share_doctrines", "support",
            rationale="Our proposal to split paragraph 5 was taken up; the new paragraph 5 "
                      "remains bracketed.",
            red_line="No deletion of the reference to national doctrines.",
            fallback="'national doctrines relevant to the use of ICTs', without the word "
                     "'military'.",
            priority="high"),
        _position(
            "Belgium", REV1, "op_exercises", "support with amendments",
            amendment="Delete '[at the request of participating States]' and keep '[or by "
                      "participating States]'.",
            rationale="Exercises organized by participating States themselves have proven "
                      "useful; no need to channel every exercise through the Secretariat."),
        _position(
            "European Union", REV1, "pp_women", "support with amendments",
            amendment="Delete '[decision-making on]'; keep the reference to the implementation "
                      "of the CBMs.",
            rationale="Agreed language from OSCE texts on women, peace and security."),
        _position(
            "Türkiye", REV1, "pp_concerned", "support with amendments",
            amendment="Keep '[by State and non-State actors]'.",
            rationale="Non-State actors, including terrorist groups, are part of the threat."),
    ]


def _note(label: str, key: str, text: str, author: str) -> dict[str, object]:
    index, block = find(label, key)
    return {"draft": label, "index": index, "key": key, "text": text, "author": author}


def notes() -> list[dict[str, object]]:
    return [
        _note(REV1, "op_network", "Capital (Cyber Desk): notification of incidents is our "
              "priority; coordinate with NL and EE before the next round.", "Cyber Desk"),
        _note(REV1, "op_share_doctrines", "Talk to the Swiss delegation: they may co-sponsor "
              "the reference to national doctrines.", "J. Peeters"),
    ]


def statuses() -> list[dict[str, object]]:
    """Paragraph agreement a delegation would have recorded by Rev.2."""
    index, _ = find(REV1, "op_enhance")
    return [{"draft": REV1, "index": index, "key": "op_enhance", "status": "agreed_ad_ref",
             "holder": "Capital (legal service)", "due": "2026-04-15", "set_by": "demo"}]


# ---------------------------------------------------------------------------
# demo.json
# ---------------------------------------------------------------------------


def demo_metadata() -> dict[str, object]:
    drafts = []
    for info in DRAFTS:
        paras = blocks(info.label)
        drafts.append({
            "label": info.label,
            "symbol": info.symbol,
            "date": info.date.isoformat(),
            "file": f"{info.stem}.docx",
            "text_file": f"{info.stem}.txt",
            "paragraphs": len(paras),
            "brackets": sum(b.brackets for b in paras),
        })
    expected_paragraphs = {
        info.label: [
            {"index": i, "key": b.key, "number": b.number, "level": b.level, "kind": b.kind,
             "brackets": b.brackets}
            for i, b in enumerate(blocks(info.label))
        ]
        for info in DRAFTS
    }
    transitions = []
    for a, b in zip(DRAFTS, DRAFTS[1:]):
        transitions.append({"old": a.label, "new": b.label,
                            "links": expected_links(a.label, b.label)})
    return {
        "title": TITLE,
        "forum": FORUM,
        "delegation": OUR_DELEGATION,
        "note": "A fictional negotiation written for Negotiator's demo and tests; "
                "not an OSCE document.",
        "actors": ACTORS,
        "drafts": drafts,
        "expected": {
            "conventions": (
                "Indices are 0-based, in document order as `negotiator show --json` lists "
                "them, counting the symbol block, the title, the chapeau and the headings. "
                "Links come in the order of the new draft; a deleted paragraph comes right "
                "after the link of the nearest earlier old paragraph that kept its place. "
                "Statuses follow negotiator.diff.align: 'unchanged'; 'renumbered' (the same words "
                "under another number); 'modified' (other words, a change of brackets alone "
                "included, whatever the number); 'split' (one old, several new); 'merged' "
                "(several old, one new); 'moved' (out of the order of the other paragraphs) "
                "before 'modified', 'split' or 'merged' when they apply; 'added'; 'deleted'. "
                "'keys' name the logical paragraphs (lineages) of tools/make_demo.py; "
                "'old_numbers'/'new_numbers' are as delegates say them ('PP3' for the third "
                "preambular paragraph)."
            ),
            "paragraphs": expected_paragraphs,
            "transitions": transitions,
        },
        "positions": positions(),
        "notes": notes(),
        "statuses": statuses(),
    }


def render() -> dict[str, bytes]:
    """Every file of resources/demo/, by name."""
    files: dict[str, bytes] = {}
    for info in DRAFTS:
        files[f"{info.stem}.txt"] = plain_text(info.label).encode("utf-8")
        files[f"{info.stem}.docx"] = build_docx(info)
    files["demo.json"] = (
        json.dumps(demo_metadata(), ensure_ascii=False, indent=2) + "\n"
    ).encode("utf-8")
    return files


def main(argv: Sequence[str] | None = None) -> int:
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    for name, data in render().items():
        (out / name).write_bytes(data)
        print(f"wrote {out / name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
