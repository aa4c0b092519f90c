"""Word import: numbering as Word shows it, headings, tables, footnotes, tracked
changes, and refusal of damaged or hostile files.

The .docx files are built here with python-docx and lxml; numbering.xml is
written by hand so that each numbering rule is exercised on purpose.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import shutil
import struct
import subprocess
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from negotiator.domain.errors import InputError
from negotiator.text.docx_reader import MAX_UNCOMPRESSED_BYTES, format_number, read_docx
from negotiator.text.importer import read_bytes, read_file

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'
# The shared corpus (read, never copied), found as tests/conftest.py finds it.
_ROOT = Path(__file__).resolve().parents[2]
CORPUS_DOCX = _ROOT.parent.parent / "shared" / "corpus" / "docx"
if not CORPUS_DOCX.exists():
    CORPUS_DOCX = Path(os.environ.get("NEGOTIATOR_CORPUS", "/work/shared/corpus")) / "docx"
# A 1,000-paragraph numbered draft must open without the user noticing a wait.
MAX_SECONDS_FOR_1000_PARAGRAPHS = 1.0
_ids = itertools.count(100)


# ------------------------------------------------------------ building .docx


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def inserted(*pieces: str) -> str:
    body = "".join(p if p.startswith("<") else run(p) for p in pieces)
    return f'<w:ins w:id="{next(_ids)}" w:author="Belgium" w:date="2025-03-03T10:00:00Z">{body}</w:ins>'


def deleted(text: str) -> str:
    return (f'<w:del w:id="{next(_ids)}" w:author="Belgium" w:date="2025-03-03T10:00:00Z">'
            f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')


def para(*pieces: str, style: str | None = None, num: int | None = None, ilvl: int | None = None,
         mark_deleted: bool = False, outline: int | None = None) -> str:
    """A w:p; plain strings become runs, strings starting with '<' are raw XML."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None or ilvl is not None:
        ppr += "<w:numPr>"
        ppr += f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr += f'<w:numId w:val="{num}"/>' if num is not None else ""
        ppr += "</w:numPr>"
    if outline is not None:
        ppr += f'<w:outlineLvl w:val="{outline}"/>'
    if mark_deleted:
        ppr += (f'<w:rPr><w:del w:id="{next(_ids)}" w:author="Belgium" '
                f'w:date="2025-03-03T10:00:00Z"/></w:rPr>')
    content = "".join(p if p.startswith("<") else run(p) for p in pieces)
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{content}</w:p>"


def table(*rows: tuple[str, ...]) -> str:
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{para(c) if c else '<w:p/>'}</w:tc>" for c in row) + "</w:tr>"
        for row in rows
    )
    return f"<w:tbl><w:tblPr/>{cells}</w:tbl>"


def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'{extra}<w:lvlText w:val="{text}"/></w:lvl>')


def _children(xml: str) -> list[etree._Element]:
    return list(etree.fromstring(f"<root {NSDECL}>{xml}</root>"))


def make_docx(body: list[str], numbering: str = "", styles: str = "",
              footnotes: dict[int, str] | None = None) -> bytes:
    """A real .docx: python-docx's template with our body, numbering, styles and footnotes."""
    document = docx.Document()
    sect = document.element.body[-1]
    for xml in body:
        for el in _children(xml):
            sect.addprevious(el)
    if numbering:
        document.part.numbering_part.element[:] = _children(numbering)
    if styles:
        document.styles.element.extend(_children(styles))
    if footnotes is not None:
        notes = "".join(
            f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>{run(" " + text)}</w:p></w:footnote>'
            for i, text in footnotes.items()
        )
        blob = (f'<w:footnotes {NSDECL}><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
                f'<w:separator/></w:r></w:p></w:footnote>{notes}</w:footnotes>').encode()
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def footnote_ref(note_id: int) -> str:
    return f'<w:r><w:footnoteReference w:id="{note_id}"/></w:r>'


# Operative paragraphs "1." with sub-paragraphs "(a)" and "(i)"; num 2 restarts the
# same list (startOverride); num 4 shares its counters; the preambular style carries
# its own numbering "PP1" through the style, its level found by w:pStyle.
NUMBERING = (
    '<w:abstractNum w:abstractNumId="10">'
    + level(0, "decimal", "%1.") + level(1, "lowerLetter", "(%2)") + level(2, "lowerRoman", "(%3)")
    + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="30">'
    + level(0, "decimal", "PP%1", extra='<w:pStyle w:val="Preambular"/>')
    + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="10"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="30"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="10"/></w:num>'
)
STYLES = (
    '<w:style w:type="paragraph" w:styleId="Preambular"><w:name w:val="Preambular Para"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="PreambularItalic"><w:name w:val="Preambular Italic"/>'
    '<w:basedOn w:val="Preambular"/></w:style>'
    # A German Word names its heading style by id "berschrift1" but keeps the
    # English built-in name.
    '<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/>'
    '<w:basedOn w:val="Normal"/></w:style>'
)
TITLE = "Draft decision on confidence-building measures to reduce the risks of conflict from ICT use"


def decision_docx(tracked: bool = True) -> bytes:
    """An OSCE-style draft decision; with ``tracked`` it carries Belgium's tracked changes."""
    body = [
        para(TITLE, style="Title"),
        para("Preamble", style="Heading1"),
        para("Recalling the confidence-building measures adopted in 2013 and 2016,", style="Preambular"),
        para("Noting with concern the growing use of ICT for malicious purposes,", style="PreambularItalic"),
        para("Operative part", style="Heading1"),
        para("Decides to establish an informal working group on ICT security;", num=1, ilvl=0),
        para("Requests the participating States to:", num=1, ilvl=0),
        para("nominate national points of contact by 31 March;", num=1, ilvl=1),
        para("share their national threat assessments", footnote_ref(1), " on a voluntary basis;",
             num=1, ilvl=1),
        para("through the existing communication network;", num=1, ilvl=2),
        para("in one of the official languages;", num=1, ilvl=2),
        para("Encourages the participating States to report through the ",
             '<w:hyperlink w:anchor="platform">' + run("information-sharing platform") + "</w:hyperlink>",
             '<w:sdt><w:sdtPr><w:alias w:val="Date"/></w:sdtPr><w:sdtContent>'
             + run(" before the annual review") + "</w:sdtContent></w:sdt>",
             '<w:smartTag w:uri="urn:x" w:element="place">' + run(" in Vienna") + "</w:smartTag>",
             ";", num=4, ilvl=0),
    ]
    if tracked:
        body += [
            para("Invites the Chairmanship to report ", deleted("annually "),
                 inserted("twice a year "), "on [progress] achieved;", num=1, ilvl=0),
            para("Welcomes the contribution of the Secretariat ", num=1, ilvl=0, mark_deleted=True),
            para("and of the Conflict Prevention Centre;", num=1, ilvl=0),
            para(deleted("Calls upon all States to refrain from harmful ICT activity;"),
                 num=1, ilvl=0, mark_deleted=True),
        ]
    else:
        body += [
            para("Invites the Chairmanship to report twice a year on [progress] achieved;", num=1, ilvl=0),
            para("Welcomes the contribution of the Secretariat and of the Conflict Prevention Centre;",
                 num=1, ilvl=0),
        ]
    body += [
        para("Decides to remain seized of the matter.", num=1, ilvl=0),
        para("   "),  # an empty paragraph is skipped
        para("Annex", style="berschrift1"),
        table(("Measure", "Responsible", "Deadline"),
              ("Points of contact", "participating States", "31 March"),
              ("", "", ""),
              ("Threat assessments", "", "annual review")),
        para("The informal working group shall meet at least twice a year.", num=2, ilvl=0),
        para("It shall report to the Security Committee.", num=2, ilvl=0),
        para("Its meetings shall be open to all participating States.", num=4, ilvl=0),
    ]
    return make_docx(body, NUMBERING, STYLES,
                     footnotes={1: "Including assessments prepared by national CERTs."})


EXPECTED_NUMBERS = [
    (None, "heading", TITLE),
    (None, "heading", "Preamble"),
    ("PP1", "preambular", "Recalling the confidence-building measures adopted in 2013 and 2016,"),
    ("PP2", "preambular", "Noting with concern the growing use of ICT for malicious purposes,"),
    (None, "heading", "Operative part"),
    ("1", "operative", "Decides to establish an informal working group on ICT security;"),
    ("2", "operative", "Requests the participating States to:"),
    ("(a)", "sub-paragraph", "nominate national points of contact by 31 March;"),
    ("(b)", "sub-paragraph", "share their national threat assessments on a voluntary basis;"),
    ("(i)", "sub-paragraph", "through the existing communication network;"),
    ("(ii)", "sub-paragraph", "in one of the official languages;"),
    # num 4 shares the counters of num 1 (same abstract definition), as in Word.
    ("3", "operative", "Encourages the participating States to report through the information-sharing "
                       "platform before the annual review in Vienna;"),
    ("4", "operative", "Invites the Chairmanship to report twice a year on [progress] achieved;"),
    ("5", "operative", "Welcomes the contribution of the Secretariat and of the Conflict Prevention Centre;"),
    ("6", "operative", "Decides to remain seized of the matter."),
    (None, "heading", "Annex"),
    (None, "other", "Measure | Responsible | Deadline"),
    (None, "other", "Points of contact | participating States | 31 March"),
    (None, "other", "Threat assessments | annual review"),
    # num 2 restarts the list with its startOverride; num 4 then continues the shared count.
    ("1", "operative", "The informal working group shall meet at least twice a year."),
    ("2", "operative", "It shall report to the Security Committee."),
    ("3", "operative", "Its meetings shall be open to all participating States."),
]


# ------------------------------------------------------------------- reading


def test_decision_numbers_kinds_and_text_through_read_file(tmp_path: Path) -> None:
    path = tmp_path / "decision.docx"
    path.write_bytes(decision_docx())
    draft = read_file(path)
    assert [(p.number, p.kind, p.text) for p in draft.paragraphs] == EXPECTED_NUMBERS
    assert "the document contains tracked changes; imported as if all were accepted" in draft.warnings
    assert draft.warnings.count("the document contains tracked changes; imported as if all were accepted") == 1
    assert "1 table(s) imported row by row" in draft.warnings
    by_text = {p.text: p for p in draft.paragraphs}
    note = by_text["share their national threat assessments on a voluntary basis;"]
    assert note.footnotes == ("Including assessments prepared by national CERTs.",)
    assert note.level == 1
    assert by_text["through the existing communication network;"].level == 2


def test_decision_through_the_cli(cli, tmp_path: Path) -> None:
    path = tmp_path / "zero-draft.docx"
    path.write_bytes(decision_docx())
    assert cli("new", "ICT CBMs", "--forum", "OSCE PC").code == 0
    result = cli("import", "ICT CBMs", str(path), "--label", "Zero draft", "--tracked-changes", "accept")
    assert result.code == 0, result.err
    assert "tracked changes; imported as if all were accepted" in result.err
    rows = json.loads(cli("show", "ICT CBMs", "Zero draft", "--json").out)
    assert [r["number"] for r in rows] == [n for n, _, _ in EXPECTED_NUMBERS]
    assert [r["text"] for r in rows] == [t for _, _, t in EXPECTED_NUMBERS]
    by_number = {r["number"]: r for r in rows if r["section"] and r["section"].endswith("Operative part")}
    assert by_number["1"]["kind"] == "operative"
    assert by_number["(a)"]["kind"] == "sub-paragraph" and by_number["(a)"]["level"] == 1
    assert by_number["(ii)"]["level"] == 2
    assert by_number["(b)"]["footnotes"] == ["Including assessments prepared by national CERTs."]
    sections = {r["text"]: r["section"] for r in rows}
    assert sections["Recalling the confidence-building measures adopted in 2013 and 2016,"] == f"{TITLE} / Preamble"
    assert sections["Decides to remain seized of the matter."] == f"{TITLE} / Operative part"
    assert sections["Points of contact | participating States | 31 March"] == f"{TITLE} / Annex"
    # A table row is never taken for a heading, however short.
    assert {r["kind"] for r in rows if " | " in r["text"]} == {"other"}
    assert by_number["4"]["brackets"] == 1
    drafts = json.loads(cli("drafts", "ICT CBMs", "--json").out)
    assert "1 table(s) imported row by row" in drafts[0]["warnings"]


def test_deleted_and_inserted_text_and_merged_paragraphs() -> None:
    blocks, warnings = read_docx(decision_docx(), "decision.docx")
    texts = [b.text for b in blocks]
    assert not any("annually" in t for t in texts)
    assert not any("Calls upon" in t for t in texts)
    merged = [b for b in blocks if b.text.startswith("Welcomes")]
    assert len(merged) == 1 and merged[0].list_number == "5."
    assert warnings.count("the document contains tracked changes; imported as if all were accepted") == 1


def test_same_draft_without_tracked_changes_has_no_warning_and_same_content() -> None:
    clean = read_bytes(decision_docx(tracked=False), "clean.docx")
    tracked = read_bytes(decision_docx(tracked=True), "tracked.docx")
    assert not any("tracked" in w for w in clean.warnings)
    assert clean.content_checksum == tracked.content_checksum


def test_shared_counters_restart_and_levels() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + level(0, "decimal", "%1.") + level(1, "lowerLetter", "(%2)") + level(2, "lowerRoman", "(%3)")
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = [
        para("Alpha", num=1, ilvl=0), para("Beta", num=1, ilvl=0), para("Gamma", num=1, ilvl=1),
        para("Delta", num=1, ilvl=1), para("Epsilon", num=1, ilvl=2), para("Zeta", num=3, ilvl=0),
        para("Eta", num=3, ilvl=1), para("Theta", num=2, ilvl=0), para("Iota", num=2, ilvl=0),
        para("Kappa", num=1, ilvl=0), para("Lambda", num=3, ilvl=0), para("Mu", num=1, ilvl=2),
        para("Nu", num=2, ilvl=0),
        para("", num=1, ilvl=0),  # empty but numbered: Word shows "8." and counts it
        para("Xi", num=1, ilvl=0),
        para("Omicron", num=0),  # numId 0 switches numbering off
    ]
    blocks, warnings = read_docx(make_docx(body, numbering), "lists.docx")
    assert [(b.list_number, b.list_level, b.text) for b in blocks] == [
        ("1.", 0, "Alpha"), ("2.", 0, "Beta"), ("(a)", 1, "Gamma"), ("(b)", 1, "Delta"),
        ("(i)", 2, "Epsilon"), ("3.", 0, "Zeta"), ("(a)", 1, "Eta"), ("1.", 0, "Theta"),
        ("2.", 0, "Iota"), ("3.", 0, "Kappa"), ("4.", 0, "Lambda"), ("(i)", 2, "Mu"),
        ("5.", 0, "Nu"), ("7.", 0, "Xi"), (None, None, "Omicron"),
    ]
    assert warnings == []


def test_multilevel_text_formats_restart_and_legal_numbering() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + level(0, "upperRoman", "Chapter %1")
        + level(1, "decimalZero", "Section %1.%2", extra="<w:isLgl/>")
        + level(2, "upperLetter", "%1.%2.%3")
        + level(3, "lowerLetter", "%4)", extra='<w:lvlRestart w:val="0"/>')
        + level(4, "bullet", "\u2022")
        + level(5, "none", "")
        + level(6, "ordinal", "%7")
        + level(7, "chineseCounting", "%8\u3001")
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = [
        para("Section before any chapter", num=1, ilvl=1),  # the parent counts from its start
        para("Purposes", num=1, ilvl=0),
        para("Scope", num=1, ilvl=1),
        para("Definitions", num=1, ilvl=2),
        para("first", num=1, ilvl=3),
        para("second", num=1, ilvl=3),
        para("More definitions", num=1, ilvl=2),
        para("third, never restarted", num=1, ilvl=3),
        para("a bullet", num=1, ilvl=4),
        para("no number", num=1, ilvl=5),
        para("ordinal", num=1, ilvl=6),
        para("ordinal again", num=1, ilvl=6),
        para("chinese", num=1, ilvl=7),
        para("chinese again", num=1, ilvl=7),
        para("Cooperation", num=1, ilvl=0),
    ]
    blocks, warnings = read_docx(make_docx(body, numbering), "treaty.docx")
    assert [b.list_number for b in blocks] == [
        "Section 1.01", "Chapter II", "Section 2.01", "II.01.A", "a)", "b)", "II.01.B", "c)",
        None, None, "1st", "2nd", "1\u3001", "2\u3001", "Chapter III",
    ]
    assert warnings == ["Word numbering format 'chineseCounting' is shown as decimal numbers"]


def test_number_formats() -> None:
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27, 28, 53)] == ["a", "z", "aa", "bb", "aaa"]
    assert [format_number(n, "upperRoman") for n in (4, 9, 14, 40, 1999)] == ["IV", "IX", "XIV", "XL", "MCMXCIX"]
    assert [format_number(n, "ordinal") for n in (1, 2, 3, 4, 11, 12, 13, 21, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "112th"]
    assert format_number(7, "decimalZero") == "07" and format_number(12, "decimalZero") == "12"
    assert format_number(3, "bullet") is None and format_number(3, "chineseCounting") is None


def test_numbering_through_num_style_link() -> None:
    # Word's "list styles": the abstract definition used by the paragraphs only links
    # to a numbering style; the levels live in the definition that style points to.
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="ArticleList"/>'
        + level(0, "decimal", "Article %1") + "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ArticleList"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    )
    styles = ('<w:style w:type="numbering" w:styleId="ArticleList"><w:name w:val="Article List"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    body = [para("Definitions", num=2, ilvl=0), para("Scope", num=2, ilvl=0)]
    blocks, _ = read_docx(make_docx(body, numbering, styles), "convention.docx")
    assert [b.list_number for b in blocks] == ["Article 1", "Article 2"]


def test_headings_by_style_name_outline_level_and_localised_id() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 2"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="UNSection"><w:name w:val="UN Section"/>'
        '<w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="UNSubsection"><w:name w:val="UN Subsection"/>'
        '<w:basedOn w:val="UNSection"/></w:style>'
    )
    body = [
        para("Report of the Open-ended Working Group", style="Title"),
        para("Introduction", style="Heading1"),
        para("Existing and potential threats", style="Titre1"),
        para("Rules, norms and principles", style="UNSection"),
        para("Confidence-building measures", style="UNSubsection"),
        para("Capacity-building", outline=0),
        para("The Group met five times.", style="Heading2", outline=9),
    ]
    blocks, _ = read_docx(make_docx(body, styles=styles), "report.docx")
    assert [b.heading_level for b in blocks] == [0, 1, 2, 3, 3, 1, None]


def test_runs_breaks_tabs_hidden_text_fields_and_comments() -> None:
    W_R = "<w:r>{}</w:r>"
    body = [
        para(
            "Reaffirms", W_R.format("<w:tab/>"), "that", W_R.format("<w:br/>"), "international law",
            W_R.format("<w:cr/>"), "applies", W_R.format("<w:noBreakHyphen/>"), "in full",
            W_R.format('<w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t>'),
            W_R.format('<w:fldChar w:fldCharType="begin"/>'), W_R.format("<w:instrText> PAGE </w:instrText>"),
            W_R.format('<w:fldChar w:fldCharType="separate"/>'), W_R.format("<w:t>;</w:t>"),
            W_R.format('<w:fldChar w:fldCharType="end"/>'),
            '<w:commentRangeStart w:id="0"/>', '<w:commentRangeEnd w:id="0"/>',
            W_R.format('<w:commentReference w:id="0"/>'),
        ),
    ]
    document = docx.Document(io.BytesIO(make_docx(body)))
    paragraph = document.add_paragraph("Decides to convene a review conference in 2027.")
    document.add_comment(paragraph.runs, text="Belgium: too early, prefer 2028", author="BE")
    out = io.BytesIO()
    document.save(out)
    blocks, _ = read_docx(out.getvalue(), "comments.docx")
    assert [b.text for b in blocks] == [
        "Reaffirms\tthat\ninternational law\napplies-in full;",
        "Decides to convene a review conference in 2027.",
    ]


def test_paragraph_with_deleted_mark_and_no_text_left_disappears() -> None:
    numbering = ('<w:abstractNum w:abstractNumId="0">' + level(0, "decimal", "%1.") + "</w:abstractNum>"
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    body = [
        para("Stresses the role of regional organizations;", num=1, ilvl=0),
        para(deleted("Notes the report of the Secretary-General;"), num=1, ilvl=0, mark_deleted=True),
        para("Requests a further report;", style="Heading1", mark_deleted=True),
        para("by its next session.", num=1, ilvl=0),
        para(inserted("Decides to include the item in its provisional agenda."), num=1, ilvl=0),
    ]
    blocks, warnings = read_docx(make_docx(body, numbering), "amendments.docx")
    # The deleted paragraph is gone; the heading whose mark was deleted keeps its own
    # properties, as Word does when it joins the two paragraphs.
    assert [(b.list_number, b.heading_level, b.text) for b in blocks] == [
        ("1.", None, "Stresses the role of regional organizations;"),
        (None, 1, "Requests a further report;by its next session."),
        ("2.", None, "Decides to include the item in its provisional agenda."),
    ]
    assert warnings == ["the document contains tracked changes; imported as if all were accepted"]


def test_tables_merged_cells_nested_tables_text_boxes_and_contents() -> None:
    numbering = ('<w:abstractNum w:abstractNumId="0">' + level(0, "decimal", "%1.") + "</w:abstractNum>"
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    styles = '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>'
    compilation = (
        "<w:tbl>"
        '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + para("Norms") + "</w:tc>"
        "<w:tc>" + para("States shall not", num=1, ilvl=0) + para("States should not", num=1, ilvl=0)
        + "</w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
        "<w:tc>" + table(("EU", "supports option 2"), ("G77", "reserves")) + "<w:p/></w:tc></w:tr>"
        '<w:tr><w:trPr><w:del w:id="7" w:author="Chair" w:date="2025-03-03T10:00:00Z"/></w:trPr>'
        "<w:tc>" + para("A row the Chair deleted") + "</w:tc></w:tr>"
        "</w:tbl>"
    )
    body = [
        para("Introduction\t3", style="TOC1"),
        para("Options for paragraph 12", style="Heading1"),
        compilation,
        para("Notes the compilation", '<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Draft - not for '
             "circulation</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>", ";", num=1, ilvl=0),
    ]
    blocks, warnings = read_docx(make_docx(body, numbering, styles), "compilation.docx")
    assert [(b.list_number, b.kind, b.text) for b in blocks] == [
        (None, None, "Options for paragraph 12"),
        (None, "other", "Norms | 1. States shall not\n2. States should not"),
        (None, "other", "EU | supports option 2\nG77 | reserves"),
        ("3.", None, "Notes the compilation;"),
    ]
    assert sorted(warnings) == sorted([
        "the document contains tracked changes; imported as if all were accepted",
        "2 table(s) imported row by row",
        "text in 1 text box(es) or shape(s) was not imported",
        "the table of contents was skipped",
    ])


def test_thousand_numbered_paragraphs_read_fast() -> None:
    numbering = ('<w:abstractNum w:abstractNumId="0">' + level(0, "decimal", "%1.")
                 + level(1, "lowerLetter", "(%2)") + level(2, "lowerRoman", "(%3)") + "</w:abstractNum>"
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    body = [para(f"Decides that measure {i} shall apply to all [participating States];",
                 style="ListParagraph", num=1, ilvl=i % 3) for i in range(1000)]
    data = make_docx(body, numbering)
    start = time.perf_counter()
    draft = read_bytes(data, "long.docx")
    elapsed = time.perf_counter() - start
    assert len(draft.paragraphs) == 1000
    assert draft.paragraphs[-1].number == "334"
    assert elapsed < MAX_SECONDS_FOR_1000_PARAGRAPHS, f"{elapsed:.2f} s"


# -------------------------------------------------------------- bad input


def _rezip(data: bytes, replace: dict[str, bytes | None]) -> bytes:
    """A copy of a .docx with some members replaced (None removes one)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in replace:
                continue
            dst.writestr(info, src.read(info))
        for member, blob in replace.items():
            if blob is not None:
                dst.writestr(member, blob)
    return out.getvalue()


def _set_declared_size(data: bytes, member: str, size: int) -> bytes:
    """Lie about a member's uncompressed size in the zip's central directory."""
    buf = bytearray(data)
    pos = buf.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", buf, pos + 28)[0]
        if buf[pos + 46:pos + 46 + name_len].decode() == member:
            struct.pack_into("<I", buf, pos + 24, size)
            return bytes(buf)
        pos = buf.find(b"PK\x01\x02", pos + 4)
    raise AssertionError(f"{member} not in the archive")


SMALL = make_docx([para("Decides to remain seized of the matter.")])
XXE = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
       b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
       b"</w:body></w:document>")
LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                     for i in range(1, 10))
          + b']>\n<w:styles xmlns:w="' + W_NS.encode() + b'"><w:style w:styleId="&lol9;"/></w:styles>')
UTF16_XXE = ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hosts">]>'
             f'<w:settings xmlns:w="{W_NS}"/>').encode("utf-16")


def _bomb() -> bytes:
    # 60 MB of one byte compresses about 1000:1: a real bomb member, but a small, fast file.
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(SMALL)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("word/media/padding.bin", b"\0" * (60 * 1024 * 1024))
    return out.getvalue()


BAD_FILES = {
    "text renamed .docx": (lambda: b"Draft decision\n\n1. Decides to meet again.\n",
                           "not a Word .docx file"),
    "truncated zip": (lambda: SMALL[: len(SMALL) // 2], "damaged or truncated zip"),
    "corrupt member": (lambda: (lambda b: b[:200] + bytes(x ^ 0x5A for x in b[200:800]) + b[800:])(
        bytearray(_rezip(SMALL, {}))), "damaged"),
    "zip bomb by ratio": (_bomb, "zip bomb"),
    "zip bomb by declared size": (
        lambda: _set_declared_size(SMALL, "word/document.xml", MAX_UNCOMPRESSED_BYTES + 1), "zip bomb"),
    "member larger than declared": (lambda: _set_declared_size(SMALL, "word/document.xml", 10), "damaged"),
    "external entity": (lambda: _rezip(SMALL, {"word/document.xml": XXE}), "DOCTYPE or ENTITY"),
    "billion laughs": (lambda: _rezip(SMALL, {"word/styles.xml": LAUGHS}), "DOCTYPE or ENTITY"),
    "utf-16 entity": (lambda: _rezip(SMALL, {"word/settings.xml": UTF16_XXE}), "DOCTYPE or ENTITY"),
    "no document.xml": (lambda: _rezip(SMALL, {"word/document.xml": None}), "no word/document.xml"),
    "empty zip": (lambda: (lambda o: (zipfile.ZipFile(o, "w").writestr("notes.txt", "minutes"), o.getvalue())[1])(
        io.BytesIO()), "not a Word document"),
    "broken xml": (lambda: _rezip(SMALL, {"word/document.xml": b"<w:document><w:body>"}),
                   "cannot be read as a Word document"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_docx_is_refused_and_changes_nothing(cli, tmp_path: Path, case: str) -> None:
    make, problem = BAD_FILES[case]
    good = tmp_path / "zero-draft.docx"
    good.write_bytes(SMALL)
    bad = tmp_path / "rev1.docx"
    bad.write_bytes(make())
    assert cli("new", "ICT CBMs", "--forum", "OSCE PC").code == 0
    assert cli("import", "ICT CBMs", str(good), "--label", "Zero draft").code == 0
    before = cli("drafts", "ICT CBMs", "--json").out
    start = time.perf_counter()
    result = cli("import", "ICT CBMs", str(bad), "--label", "Rev.1")
    assert time.perf_counter() - start < 5
    assert result.code == 1
    assert "rev1.docx" in result.err and problem in result.err, result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert cli("drafts", "ICT CBMs", "--json").out == before


def test_refusal_raises_input_error_before_any_xml_is_parsed() -> None:
    with pytest.raises(InputError) as info:
        read_docx(_rezip(SMALL, {"word/document.xml": XXE}), "rev1.docx")
    assert info.value.source == "rev1.docx"
    assert "word/document.xml" in info.value.problem


def test_macro_enabled_document_is_read() -> None:
    data = SMALL
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        types = z.read("[Content_Types].xml")
    types = types.replace(CT.WML_DOCUMENT_MAIN.encode(), b"application/vnd.ms-word.document.macroEnabled.main+xml")
    blocks, _ = read_docx(_rezip(data, {"[Content_Types].xml": types}), "draft.docm")
    assert [b.text for b in blocks] == ["Decides to remain seized of the matter."]


# ----------------------------------------------------------- real files


def _corpus(name: str) -> Path:
    path = CORPUS_DOCX / name
    if not path.exists():
        pytest.skip(f"corpus file {path} is absent (the shared corpus is not on this machine)")
    return path


def test_every_corpus_file_imports() -> None:
    if not CORPUS_DOCX.is_dir():
        pytest.skip(f"no corpus at {CORPUS_DOCX}")
    files = sorted(CORPUS_DOCX.glob("*.docx"))
    assert files
    for path in files:
        draft = read_file(path)
        assert draft.paragraphs, path.name
        assert all(p.text.strip() for p in draft.paragraphs), path.name


def test_corpus_moved_paragraph_appears_once() -> None:
    draft = read_file(_corpus("pandoc-track_changes_move.docx"))
    assert [p.text for p in draft.paragraphs] == [
        "Here is some text.", "Here is the text to be moved.", "Here is some more text."]
    assert "the document contains tracked changes; imported as if all were accepted" in draft.warnings


def test_corpus_paragraph_mark_insertion_and_deletion() -> None:
    draft = read_file(_corpus("pandoc-paragraph_insertion_deletion.docx"))
    # The inserted mark keeps "This is a" apart; the deleted one joins " split" to
    # "Paragraph." exactly as Word's "Accept all" does (no space is added).
    assert [p.text for p in draft.paragraphs] == ["This is a", "splitParagraph."]


def test_corpus_footnotes_endnotes_and_multilevel_numbers() -> None:
    blocks, _ = read_docx(_corpus("docx2python-example.docx").read_bytes(), "example.docx")
    notes = {b.text: b.footnotes for b in blocks if b.footnotes}
    assert notes == {
        "Reference footnote 1": ("First footnote",), "Reference footnote 2": ("Second footnote",),
        "Reference endnote 1": ("First endnote",), "Reference endnote 2": ("Second endnote",),
    }
    lines = [line for b in blocks for cell in b.text.split(" | ") for line in cell.split("\n")]
    assert lines[:13] == [
        "I. expect I", "A. expect A", "B. expect B", "1. expect 1", "a) expect a", "b) expect b",
        "(1) expect 1", "(a) expect a", "(i) expect i", "(ii) expect ii", "II. This should be II",
        "A. This should be A), not C)", "bullet no indent",
    ]


def test_corpus_unrendered_format_warns_once() -> None:
    draft = read_file(_corpus("docx2python-libreoffice_conversion.docx"))
    assert draft.warnings.count(
        "Word numbering format 'chineseCountingThousand' is shown as decimal numbers") == 1


# ------------------------------------------------------- LibreOffice check

_LABEL = re.compile(r"^\(?([0-9]{1,3}|[A-Za-z]{1,2}|[ivxlcIVXLC]{1,7}|PP[0-9]+)[.)]?\s")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _our_lines(blocks) -> tuple[list[str], list[str]]:
    """(numbered lines we produce, every line we produce) as LibreOffice would print them."""
    numbered: list[str] = []
    every: list[str] = []
    for b in blocks:
        if b.kind == "other":  # a table row: each cell line, its label already in front
            for cell in b.text.split(" | "):
                for line in cell.split("\n"):
                    if line.strip():
                        every.append(_norm(line))
                        if re.match(r"^\(?([0-9]{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,7})[.)]\s", line):
                            numbered.append(_norm(line))
            continue
        line = _norm(f"{b.list_number} {b.text}" if b.list_number else b.text)
        every.append(line)
        if b.list_number:
            numbered.append(line)
    return numbered, every


def _in_order(wanted: list[str], lines: list[str]) -> list[str]:
    """The wanted lines (compared on their first four words) not found in order in lines."""
    missing, i = [], 0
    for item in wanted:
        key = " ".join(item.split()[:4])
        j = i
        while j < len(lines) and not lines[j].startswith(key):
            j += 1
        if j == len(lines):
            missing.append(item)
        else:
            i = j + 1
    return missing


@pytest.mark.soffice
def test_numbers_match_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    docs = {"decision.docx": decision_docx(tracked=False)}
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2") + level(2, "lowerLetter", "%3)")
        + "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="1">' + level(0, "upperRoman", "%1.", start=4) + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>'
    )
    docs["lists.docx"] = make_docx([
        para("Sub-item before its parent", num=1, ilvl=1), para("First article", num=1, ilvl=0),
        para("Its first clause", num=1, ilvl=1), para("A point", num=1, ilvl=2),
        para("Another point", num=1, ilvl=2), para("Second clause", num=1, ilvl=1),
        para("Roman part four", num=3, ilvl=0), para("Second article", num=1, ilvl=0),
        para("Restarted list", num=2, ilvl=0), para("Continues restarted", num=2, ilvl=0),
        para("Old list continues the shared count", num=1, ilvl=0), para("Roman part five", num=3, ilvl=0),
    ], numbering)
    inputs = []
    for name, data in docs.items():
        (tmp_path / name).write_bytes(data)
        inputs.append(tmp_path / name)
    for name in ("docx2python-example.docx", "docx2python-invalid_tag_name.docx"):
        path = CORPUS_DOCX / name
        if path.exists():
            inputs.append(path)
    out = tmp_path / "out"
    profile = tmp_path / "profile"
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "txt:Text",
         "--outdir", str(out), *map(str, inputs)],
        check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)},
    )
    for path in inputs:
        txt = out / (path.stem + ".txt")
        assert txt.exists(), f"LibreOffice did not convert {path.name}"
        lo_lines = [_norm(line) for line in txt.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
        blocks, _ = read_docx(path.read_bytes(), path.name)
        numbered, every = _our_lines(blocks)
        assert len(numbered) >= 10, path.name
        assert _in_order(numbered, lo_lines) == [], path.name
        lo_numbered = [line for line in lo_lines if _LABEL.match(line)]
        assert _in_order(lo_numbered, every) == [], path.name
