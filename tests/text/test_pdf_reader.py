"""PDF import: drafts printed to PDF by LibreOffice read back as the same
paragraphs, numbers and footnotes as the .docx they came from; running heads,
page numbers and footnote areas gone; hostile and scanned PDFs refused or
reported in one line, nothing stored."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from docx.shared import Pt

from negotiator.domain.errors import InputError
from negotiator.text import pdf_reader
from negotiator.text.importer import read_bytes, read_file
from negotiator.text.pdf_layout import _join_lines
from tests.conftest import CORPUS, DEMO
from tests.docx_checks import convert_all
from tests.text import pdf_bytes
from tests.text.pdf_fixtures import SYMBOL, Draft, chairs_draft, paginated_text_docx

IETF = CORPUS / "securitytxt-rfc9116" / "raw"
IETF_DRAFTS = ["draft-foudil-securitytxt-03.txt", "draft-foudil-securitytxt-09.txt"]
DEMO_DRAFTS = ["zero-draft", "rev1", "rev2"]
DECIDES = "Decides to remain seized of the matter."


def _same(p) -> tuple:
    # Line breaks are layout, not text (the content checksum ignores them too).
    return (p.number, " ".join(p.text.split()), p.footnotes, p.kind, p.level, p.section)


def _proposals() -> bytes:
    """Numbers typed in the margin ("3bis.", "Option (a):"), a footnote on a number,
    a bold line as the heading."""
    d = Draft(head=False)
    d.bold("Consolidated proposals")
    d.hanging("3.", "\t", "Decides to establish a points of contact directory;")
    d.hanging("3bis.", "\t", "[Encourages participating States to nominate technical and "
              "diplomatic points of contact and to keep the directory up to date;]")
    d.hanging("7ter.2", d.note(1, "Proposed by the European Union."), "\t",
              "Requests the Chairmanship to convene an informal meeting on the review;")
    d.hanging("Option (a):", "\t", "[Decides to review this decision annually;]", indent_twips=1701)
    d.hanging("Option (b):", "\t", "[Requests a report every two years;]", indent_twips=1701)
    return d.bytes()


# A chair's note of one-line paragraphs: none reaches the right margin.
SHORT_NOTE = [
    "The Chair thanks delegations for their comments.",
    "Written proposals are welcome until Friday.",
    "Co-sponsors are invited to inform the Secretariat.",
    "Informal consultations resume on Monday.",
    "The room is booked from ten to one.",
]


def _short_note(*, spaced: bool) -> bytes:
    d = Draft(head=False)
    if not spaced:  # one line after the other, nothing between paragraphs
        d.doc.styles["Normal"].paragraph_format.space_after = Pt(0)
        d.doc.styles["Normal"].paragraph_format.space_before = Pt(0)
    for line in SHORT_NOTE:
        d.para(line)
    return d.bytes()


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every .docx the tests below print, printed to PDF by one LibreOffice run
    (each test reads its own file back): the .docx's name -> its PDF."""
    work = tmp_path_factory.mktemp("printed")
    made = {"chair": chairs_draft(), "proposals": _proposals(), "note": _short_note(spaced=True),
            "tight-note": _short_note(spaced=False)}
    for name in IETF_DRAFTS:
        if (IETF / name).exists():  # else the test skips, saying why
            made[Path(name).stem] = paginated_text_docx((IETF / name).read_text(encoding="utf-8"))
    sources = [DEMO / f"{name}.docx" for name in DEMO_DRAFTS]
    for name, data in made.items():
        sources.append(work / f"{name}.docx")
        sources[-1].write_bytes(data)
    return {source.stem: pdf for source, pdf in convert_all(sources, work, "pdf", "pdf").items()}


# ------------------------------------------------------- PDFs LibreOffice prints


@pytest.mark.soffice
def test_chairs_draft_reads_as_its_docx(printed: dict[str, Path]) -> None:
    """Automatic numbering with (a)/(i) levels, footnotes (one pushed to the next
    page), a running head and a "GE... Page X of Y" foot on 7 pages, paragraphs
    across page breaks, and an annex in two columns."""
    pdf = read_file(printed["chair"])
    docx = read_file(printed["chair"].parents[1] / "chair.docx")
    assert [_same(p) for p in pdf.paragraphs] == [_same(p) for p in docx.paragraphs]
    assert sum(1 for p in pdf.paragraphs if p.footnotes) == 6
    assert {p.number for p in pdf.paragraphs} >= {"1", "24", "(a)", "(b)", "(i)", "(ii)"}
    text = "\n".join(p.text for p in pdf.paragraphs)
    assert SYMBOL not in text and "GE.26" not in text and not re.search(r"Page \d", text)
    assert pdf.warnings == []
    assert pdf.pages[0] == 1 and pdf.pages[-1] > 5  # the preview's page per paragraph


@pytest.mark.soffice
@pytest.mark.parametrize("name", DEMO_DRAFTS)
def test_demo_drafts_read_as_their_docx(printed: dict[str, Path], name: str) -> None:
    docx = read_file(DEMO / f"{name}.docx")
    pdf = read_file(printed[name])
    assert [_same(p) for p in pdf.paragraphs] == [_same(p) for p in docx.paragraphs]
    assert pdf.content_checksum == docx.content_checksum


@pytest.mark.soffice
def test_hanging_labels_footnote_on_number_bold_heading_and_options(printed: dict[str, Path]) -> None:
    pdf = read_file(printed["proposals"])
    got = [(p.number, p.kind, p.text, p.footnotes) for p in pdf.paragraphs]
    assert got == [
        (None, "heading", "Consolidated proposals", ()),
        ("3", "operative", "Decides to establish a points of contact directory;", ()),
        ("3 bis", "operative", "[Encourages participating States to nominate technical and diplomatic "
                               "points of contact and to keep the directory up to date;]", ()),
        ("7ter.2", "operative", "Requests the Chairmanship to convene an informal meeting on the review;",
         ("Proposed by the European Union.",)),
        ("Option (a)", "operative", "[Decides to review this decision annually;]", ()),
        ("Option (b)", "operative", "[Requests a report every two years;]", ()),
    ]


@pytest.mark.soffice
@pytest.mark.parametrize("name", ["note", "tight-note"])
def test_one_line_paragraphs_stay_apart_when_no_line_reaches_the_margin(
        printed: dict[str, Path], name: str) -> None:
    """A short text's longest line is no right margin, and its paragraph spacing
    no line spacing: the paragraph after the longest line is not joined to it."""
    assert [p.text for p in read_file(printed[name]).paragraphs] == SHORT_NOTE


def test_hyphen_at_a_line_end_is_undone_only_for_a_word_the_text_uses() -> None:
    vocabulary = {"information", "exchange"}
    assert _join_lines(["the infor-", "mation exchange"], vocabulary) == "the information exchange"
    assert _join_lines(["confidence-", "building measures"], vocabulary) == "confidence-building measures"
    assert _join_lines(["infor\u00ad", "mal"], set()) == "informal"  # a soft hyphen always goes
    assert _join_lines(["[shall]", "[should]"], set()) == "[shall][should]"
    assert _join_lines(["Decides", "to"], set()) == "Decides to"


# ------------------------------------------------------- a real paginated text


def _ietf_draft(name: str) -> str:
    path = IETF / name
    if not path.exists():
        pytest.skip(f"the shared corpus is not here ({path}); set NEGOTIATOR_CORPUS")
    return path.read_text(encoding="utf-8")


@pytest.mark.soffice
@pytest.mark.parametrize("name", IETF_DRAFTS)
def test_ietf_draft_heads_and_feet_are_removed_and_pages_joined(printed: dict[str, Path], name: str) -> None:
    text = _ietf_draft(name)
    pdf = read_file(printed[Path(name).stem])
    foot = re.search(r"^(.*?)\s{2,}Expires", text, re.M).group(1)  # "Foudil & Shafranovich"
    head = text.split("\f")[1].strip().splitlines()[0]  # "Internet-Draft   A Method ...   February 2018"
    for p in pdf.paragraphs:
        assert "[Page" not in p.text and not p.text.startswith(foot), p.text
        assert " ".join(head.split()) not in " ".join(p.text.split()), p.text
    # A paragraph cut by the first page break comes back whole.
    body = " ".join(text.split("\f")[0].split("\n\n")[-3].split())
    first_words = body[:40]
    joined = [p for p in pdf.paragraphs if " ".join(p.text.split()).startswith(first_words)]
    assert len(joined) == 1 and len(joined[0].text) > len(body), body


# ----------------------------------------------------------- command line


def test_import_pdf_through_the_cli(cli, tmp_path: Path) -> None:
    path = tmp_path / "rev1.pdf"
    path.write_bytes(pdf_bytes.text_and_scan_pdf(["PC.DEL/101/26", "", "1. Decides to establish a working group on ICT security;", "",
                                                  f"2.   {DECIDES}"]))
    assert cli("new", "ICT CBMs", "--forum", "OSCE PC").code == 0
    result = cli("import", "ICT CBMs", str(path), "--label", "Rev.1")
    assert result.code == 0, result.err
    assert "page 2 is an image with no text: OCR it first" in result.err
    rows = json.loads(cli("show", "ICT CBMs", "Rev.1", "--json").out)
    assert [(r["number"], r["text"]) for r in rows] == [
        (None, "PC.DEL/101/26"), ("1", "Decides to establish a working group on ICT security;"),
        ("2", DECIDES)]


# ------------------------------------------------------ hostile and broken PDFs

HOSTILE = {
    "damaged": (lambda: b"%PDF-1.7\n" + b"\x00garbage" * 100, "is a damaged PDF"),
    "named .pdf, not a PDF": (lambda: b"Decides to remain seized.", "is not a PDF file"),
    "scanned": (pdf_bytes.scan_only_pdf, "is a scanned PDF (pages are images with no text): OCR it first"),
    "huge page count": (lambda: pdf_bytes.many_pages_pdf(5000), "declares 5000 pages (limit 2000)"),
    "text bomb": (pdf_bytes.text_bomb_pdf, "holds 1445998 characters (limit 100000)"),
    "page tree loop": (pdf_bytes.page_tree_loop_pdf, "contains no text"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_pdf_is_refused_in_one_line_and_changes_nothing(cli, tmp_path: Path, case: str) -> None:
    make, problem = HOSTILE[case]
    good = tmp_path / "zero.pdf"
    good.write_bytes(pdf_bytes.text_pdf([DECIDES]))
    bad = tmp_path / "rev1.pdf"
    bad.write_bytes(make())
    assert cli("new", "ICT CBMs", "--forum", "OSCE PC").code == 0
    assert cli("import", "ICT CBMs", str(good), "--label", "Zero").code == 0
    before = cli("drafts", "ICT CBMs", "--json").out
    start = time.perf_counter()
    result = cli("import", "ICT CBMs", str(bad), "--label", "Rev.1")
    assert time.perf_counter() - start < 10
    assert result.code == 1
    assert "rev1.pdf" in result.err and problem in result.err, result.err
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert cli("drafts", "ICT CBMs", "--json").out == before


def test_compression_bomb_ends_the_reader_not_the_application(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real limit is 1 GB; a lower one keeps the test's bomb quick to build.
    monkeypatch.setattr(pdf_reader, "WORKER_MEMORY_BYTES", 256 * 1024 * 1024)
    with pytest.raises(InputError) as info:
        read_bytes(pdf_bytes.flate_bomb_pdf(400), "bomb.pdf")
    assert "exceeded the PDF reader's limits (256 MB" in str(info.value)


def test_reader_that_hangs_is_stopped_by_the_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "WORKER_TIMEOUT_SECONDS", 0.01)
    with pytest.raises(InputError, match="took more than 0.01 s to read"):
        read_bytes(pdf_bytes.text_pdf([DECIDES]), "slow.pdf")


def test_form_that_draws_itself_and_broken_xref_are_read() -> None:
    # PDFium stops the recursion and rebuilds a bad cross-reference table.
    assert [p.text for p in read_bytes(pdf_bytes.form_recursion_pdf(), "loop.pdf").paragraphs] == ["Loop"]
    repaired = read_bytes(pdf_bytes.text_pdf([DECIDES], broken_xref=True), "xref.pdf")
    assert [p.text for p in repaired.paragraphs] == [DECIDES]


@pytest.mark.soffice
def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    from tests.docx_checks import convert

    source = tmp_path / "secret.docx"
    d = Draft(head=False)
    d.para(DECIDES)
    source.write_bytes(d.bytes())
    target = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
              '"DocumentOpenPassword":{"type":"string","value":"s3cret"}}')
    pdf = convert(source, tmp_path, target, "pdf")
    with pytest.raises(InputError, match="is an encrypted \\(password-protected\\) PDF"):
        read_file(pdf)


def test_render_page_for_the_preview() -> None:
    image = pdf_reader.render_page(pdf_bytes.text_pdf([DECIDES]), 1, width_px=300)
    assert image.width == 300 and image.height == 425
    assert len(image.pixels) == image.stride * image.height
    assert min(image.pixels) < 100 < 250 < max(image.pixels)  # black text on white
    with pytest.raises(InputError, match="has no page 2"):
        pdf_reader.render_page(pdf_bytes.text_pdf([DECIDES]), 2)
