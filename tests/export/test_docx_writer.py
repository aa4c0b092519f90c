"""negotiator.export.docx_writer: files written to disk and read back with python-docx,
lxml and LibreOffice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.shared import Mm

from negotiator.export.docx_writer import (
    LONG_WORD_CHARS,
    ZERO_WIDTH_SPACE,
    ExportError,
    WordDocument,
    clean_text,
    direction_segments,
    is_mostly_rtl,
)
from tests.docx_checks import (
    NS,
    W,
    body,
    check_well_formed_revisions,
    convert_all,
    libreoffice_view,
    paragraph_text,
    parts,
    pdf_text,
)

WHEN = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.timezone.utc)
OLD = "Calls upon States to consider voluntary measures to protect critical infrastructure."
NEW = "Calls upon all States to adopt measures to protect critical infrastructure."
OPS = [
    ("=", "Calls upon "),
    ("+", "all "),
    ("=", "States to "),
    ("-", "consider voluntary"),
    ("+", "adopt"),
    ("=", " measures to protect critical infrastructure."),
]


def _doc(**kw: object) -> WordDocument:
    args = {"title": "Brief", "classification": "RESTRICTED", "author": "Belgium",
            "footer_note": "OEWG on ICT security", "created": WHEN}
    args.update(kw)
    return WordDocument(**args)  # type: ignore[arg-type]


def _paragraphs(path: Path) -> list:
    return body(path).findall(".//w:body/w:p", NS)


def test_document_is_a4_with_real_styles(tmp_path: Path) -> None:
    wd = _doc()
    wd.heading("Brief for the Head of Delegation", 0)
    wd.heading("Executive summary", 1)
    wd.heading("Section B", 2)
    wd.heading("Operative paragraph 3", 3)
    wd.paragraph("Body text.")
    wd.table(["Measure", "Rev.1", "Rev.2"], [["Brackets", "12", "4"]], widths_mm=[90, 35, 35])
    path = wd.save(tmp_path / "styles.docx")

    d = docx.Document(str(path))
    section = d.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert abs(section.left_margin - Mm(25)) < Mm(1)
    assert [p.style.name for p in d.paragraphs[:5]] == [
        "Title", "Heading 1", "Heading 2", "Heading 3", "Normal"]
    assert d.tables[0].style.name == "Brief Table"
    defaults = parts(path)["word/styles.xml"].find(".//w:docDefaults//w:rFonts", NS)
    assert defaults.get(f"{W}ascii") == "Calibri"
    assert d.core_properties.author == "Belgium"
    # the header row repeats on every page the table spans
    assert d.tables[0].rows[0]._tr.find(f".//{W}tblHeader") is not None


def test_tracked_changes_have_author_date_and_rebuild_both_texts(tmp_path: Path) -> None:
    wd = _doc()
    p = wd.paragraph(style="Draft Text")
    wd.add_text(p, "3. ", bold=True)
    changes = wd.add_diff(p, OPS, author="Chair", date=WHEN)
    path = wd.save(tmp_path / "tracked.docx")

    assert changes == 3
    counts = check_well_formed_revisions(path)
    assert counts == {"ins": 2, "del": 1, "comments": 0}
    xml = body(path)
    for rev in xml.findall(".//w:ins", NS) + xml.findall(".//w:del", NS):
        assert rev.get(f"{W}author") == "Chair"
        assert rev.get(f"{W}date") == "2026-03-14T09:30:00Z"
    assert [t.text for t in xml.findall(".//w:del//w:delText", NS)] == ["consider voluntary"]
    para = _paragraphs(path)[0]
    assert paragraph_text(para, accepted=True) == "3. " + NEW
    assert paragraph_text(para, accepted=False) == "3. " + OLD
    # python-docx's own reader sees only the unchanged words (it skips w:ins)
    assert "adopt" not in docx.Document(str(path)).paragraphs[0].text


def test_formatted_redline_uses_formatting_not_revisions(tmp_path: Path) -> None:
    wd = _doc()
    p = wd.paragraph()
    wd.add_diff(p, OPS, redline="formatted")
    path = wd.save(tmp_path / "formatted.docx")

    xml = body(path)
    assert not xml.findall(".//w:ins", NS) and not xml.findall(".//w:del", NS)
    runs = docx.Document(str(path)).paragraphs[0].runs
    struck = [r.text for r in runs if r.font.strike]
    underlined = [r.text for r in runs if r.font.underline]
    assert struck == ["consider voluntary"]
    assert underlined == ["all ", "adopt"]
    assert all(str(r.font.color.rgb) == "C00000" for r in runs if r.font.strike)


def test_unknown_redline_is_refused() -> None:
    wd = _doc()
    with pytest.raises(ExportError, match="tracked or formatted"):
        wd.add_diff(wd.paragraph(), OPS, redline="colour")  # type: ignore[arg-type]


def test_comments_are_anchored_to_their_paragraph(tmp_path: Path) -> None:
    wd = _doc()
    wd.paragraph("PP1 Recalling its earlier resolutions.")
    target = wd.paragraph()
    wd.add_diff(target, OPS)
    wd.comment(target, "Capital: hold firm on 'adopt'.\nFallback: 'consider adopting'.",
               author="Belgium", initials="BE")
    wd.comment(target, "EU line: support.", author="EU coordination")
    path = wd.save(tmp_path / "comments.docx")

    counts = check_well_formed_revisions(path)
    assert counts["comments"] == 2
    paras = _paragraphs(path)
    assert not paras[0].findall(".//w:commentRangeStart", NS)
    starts = paras[1].findall("w:commentRangeStart", NS)
    assert len(starts) == 2
    # the range covers the whole paragraph: start before the first run, end after the last
    children = [c.tag for c in paras[1] if c.tag != f"{W}pPr"]
    assert children[0] == f"{W}commentRangeStart"
    d = docx.Document(str(path))
    comments = {c.comment_id: c for c in d.comments}
    first = comments[int(starts[0].get(f"{W}id"))]
    assert first.author == "Belgium" and first.initials == "BE"
    assert first.text == "Capital: hold firm on 'adopt'.\nFallback: 'consider adopting'."
    assert comments[int(starts[1].get(f"{W}id"))].initials == "EC"


def test_classification_in_every_sections_header_and_footer(tmp_path: Path) -> None:
    wd = _doc(classification="EU Restricted")
    wd.paragraph("Page one.")
    wd.new_section(landscape=True)
    wd.paragraph("A landscape annex.")
    wd.new_section()
    wd.paragraph("Back to portrait.")
    path = wd.save(tmp_path / "sections.docx")

    d = docx.Document(str(path))
    assert len(d.sections) == 3
    assert d.sections[1].page_width > d.sections[1].page_height
    for section in d.sections:
        assert not section.header.is_linked_to_previous
        assert "EU Restricted" in "\n".join(p.text for p in section.header.paragraphs)
        assert "EU Restricted" in "\n".join(p.text for p in section.footer.paragraphs)
        instructions = "".join(
            e.text for e in section.footer._element.iter(f"{W}instrText"))
        assert "PAGE" in instructions and "NUMPAGES" in instructions


def test_no_classification_means_no_marking(tmp_path: Path) -> None:
    wd = _doc(classification=None)
    wd.paragraph("Unclassified note.")
    path = wd.save(tmp_path / "plain.docx")
    d = docx.Document(str(path))
    assert not "".join(p.text for p in d.sections[0].header.paragraphs).strip()
    assert "Page" in d.sections[0].footer.paragraphs[0].text


def test_save_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    wd = _doc()
    with pytest.raises(ExportError, match="does not exist"):
        wd.save(tmp_path / "nowhere" / "brief.docx")
    with pytest.raises(ExportError, match="is a folder"):
        wd.save(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_clean_text_removes_what_xml_forbids() -> None:
    assert clean_text("a\x00b\x07c\x1b[31md\ud800e\ufffff\x85g") == "abc[31mdef\ng"
    assert clean_text("line\vbreak\fpage\u2028sep") == "line\nbreak\npage\nsep"
    assert clean_text("tab\tkept\nnewline kept") == "tab\tkept\nnewline kept"
    long = "x" * (LONG_WORD_CHARS * 3 + 5)
    broken = clean_text(f"see {long} here")
    assert broken.replace(ZERO_WIDTH_SPACE, "") == f"see {long} here"
    assert all(len(w) <= LONG_WORD_CHARS for w in broken.replace(ZERO_WIDTH_SPACE, " ").split())
    assert clean_text(long, break_long_words=False) == long


def test_direction_segments_split_arabic_and_hebrew() -> None:
    segs = direction_segments("States agree: تدابير بناء الثقة 12, then שלום end")
    assert [rtl for _, rtl in segs] == [False, True, False, True, False]
    assert "".join(s for s, _ in segs) == "States agree: تدابير بناء الثقة 12, then שלום end"
    assert is_mostly_rtl("تدابير بناء الثقة in English")
    assert not is_mostly_rtl("Confidence-building measures (تدابير)")


def _hostile_document(tmp_path: Path) -> tuple[Path, str, str]:
    long_word = "https://example.org/" + "a1b2c3" * 300
    big = ("Encourages States to strengthen cooperation on capacity-building. " * 160)[:10_000]
    big_marker = big + " ENDOFBIGPARAGRAPH"
    hostile = (
        "Bell\x07 NUL\x00 escape\x1b[0m FFFF\uffff lone\ud83d surrogate, "
        "C1\x9b control, vertical\vtab, emoji 🌍, combining e\u0301, ZWJ 👩\u200d💻, "
        "BOM\ufeff, bidi override \u202eevil\u202c end."
    )
    arabic = "يدعو جميع الدول إلى اتخاذ تدابير بناء الثقة في مجال تكنولوجيا المعلومات"
    hebrew = "קורא לכל המדינות לנקוט צעדים"
    wd = _doc(classification="RESTRICTED\x00\x07", author="Bel\x01gium")
    wd.heading("Hostile \x0b heading " + long_word, 1)
    wd.paragraph(hostile)
    wd.paragraph(long_word)
    wd.paragraph(big_marker, style="Draft Text")
    p_ar = wd.paragraph(style="Draft Text")
    wd.add_text(p_ar, arabic)
    p_mix = wd.paragraph()
    wd.add_diff(p_mix, [("=", "Mixed " + hebrew + " "), ("-", arabic + "\x00"),
                        ("+", hostile), ("=", " tail " + long_word)])
    wd.add_diff(wd.paragraph(), [("-", big), ("+", big.upper())])
    wd.comment(p_mix, "Comment with " + hostile + "\n" + arabic, author="Del\x02egation")
    table = wd.table(["Actor\x00", "Position"], [[hostile, arabic], [long_word, big[:3000]]])
    assert table is not None
    path = wd.save(tmp_path / "hostile.docx")
    return path, arabic, big


def test_hostile_text_exports_to_a_valid_file(tmp_path: Path) -> None:
    path, arabic, big = _hostile_document(tmp_path)

    check_well_formed_revisions(path)  # also parses every part and rejects XML-forbidden chars
    d = docx.Document(str(path))
    paras = _paragraphs(path)
    assert "Bell NUL escape[0m FFFF lone surrogate" in paragraph_text(paras[1])
    assert len(paragraph_text(paras[3])) == len(big) + len(" ENDOFBIGPARAGRAPH")
    ar = paras[4]
    assert ar.find("w:pPr/w:bidi", NS) is not None
    assert all(r.find("w:rPr/w:rtl", NS) is not None for r in ar.findall("w:r", NS))
    assert paragraph_text(ar) == arabic
    mixed_rtl = [r for r in paras[5].iter(f"{W}r") if r.find("w:rPr/w:rtl", NS) is not None]
    assert mixed_rtl, "Hebrew and Arabic runs in a mixed paragraph carry w:rtl"
    assert d.sections[0].header.paragraphs[0].text == "RESTRICTED"
    assert {c.author for c in d.comments} == {"Delegation"}


def _two_page_brief(work: Path) -> Path:
    """A heading, a paragraph with tracked changes and a comment, a page break."""
    wd = _doc()
    wd.heading("Brief for the Head of Delegation", 0)
    p = wd.paragraph(style="Draft Text")
    wd.add_text(p, "OP3 ", bold=True)
    wd.add_diff(p, OPS)
    wd.comment(p, "Our red line: no weakening of 'adopt'.")
    wd.page_break()
    wd.paragraph("Second page.")
    return wd.save(work / "render.docx")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """The documents the LibreOffice tests read, printed to PDF by one LibreOffice
    run (its start-up is most of a conversion's cost): name -> (.docx, PDF)."""
    work = tmp_path_factory.mktemp("printed")
    sources = [_two_page_brief(work), _hostile_document(work)[0]]
    return {source.stem: (source, pdf) for source, pdf in convert_all(sources, work, "pdf", "pdf").items()}


@pytest.mark.soffice
def test_libreoffice_renders_classification_pages_and_changes(
        printed: dict[str, tuple[Path, Path]], tmp_path: Path) -> None:
    path, pdf = printed["render"]
    text = pdf_text(pdf)
    assert text.count("RESTRICTED") >= 4  # header and footer of both pages
    assert "Page 1 of 2" in text and "Page 2 of 2" in text
    assert "OP3" in text and "adopt" in text and "consider voluntary" in text
    comments, changes = libreoffice_view(path, tmp_path)
    assert comments == ["Our red line: no weakening of 'adopt'."]
    assert changes == 3


@pytest.mark.soffice
def test_libreoffice_opens_the_hostile_file(printed: dict[str, tuple[Path, Path]]) -> None:
    text = pdf_text(printed["hostile"][1])
    assert "ENDOFBIGPARAGRAPH" in text
    assert "RESTRICTED" in text
