"""Tracked changes in a Word draft read both ways: all accepted (the text as the
chair proposes it) or all rejected (the text before the revisions), and the
command line refusing to choose for the user.

The .docx files are built with python-docx and lxml; the pandoc ones from the
shared corpus were saved by Word.
"""

from __future__ import annotations

import io
import itertools
import os
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest
from lxml import etree

from negotiator.text.docx_reader import read_word
from negotiator.text.importer import read_bytes, read_file
from negotiator.text.tracked import TrackedChanges

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CORPUS_DOCX = Path(__file__).resolve().parents[2].parent.parent / "shared" / "corpus" / "docx"
if not CORPUS_DOCX.exists():
    CORPUS_DOCX = Path(os.environ.get("NEGOTIATOR_CORPUS", "/work/shared/corpus")) / "docx"
ACCEPT, REJECT = TrackedChanges.ACCEPT, TrackedChanges.REJECT
_ids = itertools.count(1)


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _rev(tag: str, body: str) -> str:
    return f'<w:{tag} w:id="{next(_ids)}" w:author="Chair" w:date="2026-03-04T10:00:00Z">{body}</w:{tag}>'


def ins(text: str) -> str:
    return _rev("ins", run(text))


def dele(text: str) -> str:
    return _rev("del", f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r>')


def para(*pieces: str, mark: str | None = None) -> str:
    """A w:p; ``mark`` "ins" or "del" tracks the paragraph mark itself."""
    ppr = f"<w:pPr><w:rPr>{_rev(mark, '')}</w:rPr></w:pPr>" if mark else ""
    return f"<w:p>{ppr}{''.join(p if p.startswith('<') else run(p) for p in pieces)}</w:p>"


def row(cells: tuple[str, ...], mark: str | None = None) -> str:
    trpr = f"<w:trPr>{_rev(mark, '')}</w:trPr>" if mark else ""
    return "<w:tr>" + trpr + "".join(f"<w:tc>{para(c)}</w:tc>" for c in cells) + "</w:tr>"


def make_docx(*body: str) -> bytes:
    document = docx.Document()
    sect = document.element.body[-1]
    for xml in body:
        for el in etree.fromstring(f'<root xmlns:w="{W_NS}">{xml}</root>'):
            sect.addprevious(el)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def chair_revision() -> bytes:
    """Rev.1 with the chair's open revisions: words, a joined and a split paragraph, a table row."""
    return make_docx(
        para("1. Decides to ", dele("consider"), ins("establish"), " a working group;"),
        para("2. Requests the Secretariat to report ", ins("annually "), "on progress;"),
        para("3. Welcomes the contribution of the Secretariat ", mark="del"),
        para("and of the Conflict Prevention Centre;"),
        para("4. Encourages participating States ", mark="ins"),
        para("5. to share national assessments;"),
        para(dele("6. Calls upon all States to refrain from harmful activity;"), mark="del"),
        "<w:tbl><w:tblPr/>" + row(("Measure", "Due")) + row(("CBM 17", "2027"), mark="ins")
        + row(("CBM 3", "2026"), mark="del") + "</w:tbl>",
    )


def texts(data: bytes, reading: TrackedChanges) -> list[str]:
    return [p.text for p in read_bytes(data, "rev1.docx", tracked_changes=reading).paragraphs]


def test_accept_all_keeps_insertions_and_drops_deletions() -> None:
    assert texts(chair_revision(), ACCEPT) == [
        "Decides to establish a working group;",
        "Requests the Secretariat to report annually on progress;",
        "Welcomes the contribution of the Secretariat and of the Conflict Prevention Centre;",
        "Encourages participating States",
        "to share national assessments;",
        "Measure | Due",
        "CBM 17 | 2027",
    ]


def test_reject_all_gives_the_text_before_the_revisions() -> None:
    assert texts(chair_revision(), REJECT) == [
        "Decides to consider a working group;",
        "Requests the Secretariat to report on progress;",
        "Welcomes the contribution of the Secretariat",
        "and of the Conflict Prevention Centre;",
        # The inserted paragraph mark is undone: the two paragraphs are one again.
        "Encourages participating States 5. to share national assessments;",
        "Calls upon all States to refrain from harmful activity;",
        "Measure | Due",
        "CBM 3 | 2026",
    ]


def test_the_draft_says_it_had_tracked_changes_and_which_reading_was_used() -> None:
    accepted = read_bytes(chair_revision(), "rev1.docx", tracked_changes=ACCEPT)
    rejected = read_bytes(chair_revision(), "rev1.docx", tracked_changes=REJECT)
    assert accepted.has_tracked_changes and rejected.has_tracked_changes
    assert "the document contains tracked changes; imported as if all were accepted" in accepted.warnings
    assert "the document contains tracked changes; imported as if all were rejected" in rejected.warnings
    clean = read_bytes(make_docx(para("1. Decides to establish a working group;")), "clean.docx")
    assert not clean.has_tracked_changes
    assert not any("tracked" in w for w in clean.warnings)


def test_accept_is_the_default_of_the_core_readers() -> None:
    read = read_word(chair_revision(), "rev1.docx")
    assert read.has_tracked_changes
    assert read.blocks[0].text.endswith("Decides to establish a working group;")


def test_word_moves_read_both_ways() -> None:
    path = CORPUS_DOCX / "pandoc-track_changes_move.docx"
    if not path.exists():
        pytest.skip(f"no corpus file {path}")
    accepted = read_file(path, tracked_changes=ACCEPT)
    rejected = read_file(path, tracked_changes=REJECT)
    assert [p.text for p in accepted.paragraphs] == [
        "Here is some text.", "Here is the text to be moved.", "Here is some more text."]
    assert [p.text for p in rejected.paragraphs] == [
        "Here is some text.", "Here is some more text.", "Here is the text to be moved."]
    assert accepted.has_tracked_changes and rejected.has_tracked_changes


def test_word_paragraph_marks_read_both_ways() -> None:
    path = CORPUS_DOCX / "pandoc-paragraph_insertion_deletion.docx"
    if not path.exists():
        pytest.skip(f"no corpus file {path}")
    assert [p.text for p in read_file(path, tracked_changes=ACCEPT).paragraphs] == ["This is a", "splitParagraph."]
    # Before the revisions: the inserted mark did not split "This is a split" yet,
    # and the deleted one still ended it.
    assert [p.text for p in read_file(path, tracked_changes=REJECT).paragraphs] == ["This is a split", "Paragraph."]


def test_cli_refuses_to_choose_for_the_user(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "rev1.docx"
    path.write_bytes(chair_revision())
    assert cli("new", "ICT CBMs", "--forum", "OSCE PC").code == 0
    refused = cli("import", "ICT CBMs", str(path), "--label", "Rev.1")
    assert refused.code == 1
    assert refused.err.count("\n") == 1
    assert "tracked changes" in refused.err and "--tracked-changes accept" in refused.err
    assert cli("drafts", "ICT CBMs", "--json").out.strip() == "[]"  # nothing stored

    assert cli("import", "ICT CBMs", str(path), "--label", "Rev.1", "--tracked-changes", "reject").code == 0
    shown = cli("show", "ICT CBMs", "Rev.1").out
    assert "consider a working group" in shown and "establish" not in shown


def test_cli_imports_a_file_without_tracked_changes_without_asking(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "zero.docx"
    path.write_bytes(make_docx(para("1. Decides to establish a working group;")))
    cli("new", "ICT CBMs", "--forum", "OSCE PC")
    assert cli("import", "ICT CBMs", str(path), "--label", "Zero draft").code == 0
