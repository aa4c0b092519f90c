"""Footnotes are part of what a comparison reads: a change in a footnote is a
change, a draft differing only in its footnotes is not "identical", and list
items turned into a chapeau's footnotes are found merged into it."""

from __future__ import annotations

import json

import pytest

from negotiator.drafts import negotiations
from negotiator.drafts.comparison import compare_drafts, compute_comparison
from negotiator.storage.store import Store
from negotiator.text.importer import read_bytes
from negotiator.text.parse import ParsedParagraph, compared_text, content_checksum
from tests.test_comparison_cache import no_computing
from tests.text.test_docx_reader import footnote_ref, make_docx, para

CHAPEAU = "Requests the participating States to:"
ITEMS = [
    "nominate national points of contact for ICT security by the end of March;",
    "share their national threat assessments with the informal working group;",
    "report every year on the implementation of the confidence-building measures;",
]
OTHER = [
    "Decides to establish an informal working group on ICT security;",
    "Decides to remain seized of the matter.",
]


def docx(*paragraphs: tuple[str, list[str]]) -> bytes:
    """A real .docx of "N. text" paragraphs, each with its footnotes."""
    body, notes = [], {}
    for k, (text, footnotes) in enumerate(paragraphs, 1):
        refs = []
        for note in footnotes:
            notes[len(notes) + 1] = note
            refs.append(footnote_ref(len(notes)))
        body.append(para(f"{k}. {text}", *refs))
    return make_docx(body, footnotes=notes)


@pytest.fixture
def store(store_url: str):
    """On SQLite and PostgreSQL: footnotes are read only where present, by the JSON text."""
    st = Store(store_url)
    with st.transaction() as s:
        negotiations.create_negotiation(s, "CBMs", "OSCE PC")
    yield st
    st.close()


def add(store: Store, label: str, blob: bytes) -> list[str]:
    with store.transaction() as s:
        neg = negotiations.find_negotiation(s, "CBMs")
        return negotiations.import_draft(s, neg, read_bytes(blob, f"{label}.docx"), label).warnings


def test_a_change_in_a_footnote_alone_is_a_modification_that_shows_the_words(cli, tmp_path):
    zero = docx((OTHER[0], []), (CHAPEAU + " report;", ["Subject to national legislation."]),
                (OTHER[1], []))
    rev1 = docx((OTHER[0], []), (CHAPEAU + " report;", ["Without prejudice to national legislation."]),
                (OTHER[1], []))
    (tmp_path / "zero.docx").write_bytes(zero)
    (tmp_path / "rev1.docx").write_bytes(rev1)
    assert cli("new", "CBMs", "--forum", "OSCE PC").code == 0
    assert cli("import", "CBMs", str(tmp_path / "zero.docx"), "--label", "Zero").code == 0
    assert cli("import", "CBMs", str(tmp_path / "rev1.docx"), "--label", "Rev.1").code == 0
    result = cli("diff", "CBMs", "Zero", "Rev.1", "--json")
    assert result.code == 0, result.err
    entries = json.loads(result.out)["paragraphs"]
    assert [e["status"] for e in entries] == ["unchanged", "modified", "unchanged"]
    ops = entries[1]["ops"]
    assert ["-", "Subject"] in ops and ["+", "Without prejudice"] in ops
    # The footnote stands on its own line after its superscript number.
    assert "".join(t for op, t in ops if op != "-") == (
        CHAPEAU + " report;\n¹ Without prejudice to national legislation.")


def test_a_footnote_added_to_an_otherwise_identical_draft_is_not_identical(store, monkeypatch):
    plain = docx((OTHER[0], []), (OTHER[1], []))
    assert add(store, "Zero", plain) == []
    assert add(store, "Rev.1", plain) == ["this text is identical to draft 'Zero'"]
    noted = docx((OTHER[0], ["Pending consultations in capitals."]), (OTHER[1], []))
    assert add(store, "Rev.2", noted) == []
    with store.read() as s:
        neg = negotiations.find_negotiation(s, "CBMs")
        rev1, rev2 = (negotiations.find_draft(s, neg, label) for label in ("Rev.1", "Rev.2"))
        result = compare_drafts(s, rev1, rev2)
        assert result == compute_comparison(s, rev1, rev2)  # stored == fresh
    assert [list(e.kinds) for e in result.entries] == [["modified"], ["unchanged"]]
    assert result.entries[0].ops == (
        ("=", OTHER[0]), ("+", "\n¹ Pending consultations in capitals."))
    # Kept whole, a footnoted paragraph's ops are read back from the draft with its footnotes.
    assert add(store, "Rev.3", noted) == ["this text is identical to draft 'Rev.2'"]
    with store.read() as s:
        neg = negotiations.find_negotiation(s, "CBMs")
        rev2, rev3 = (negotiations.find_draft(s, neg, label) for label in ("Rev.2", "Rev.3"))
        fresh = compute_comparison(s, rev2, rev3)
        with monkeypatch.context() as patch:
            no_computing(patch)  # read back from the store, not computed again
            kept = compare_drafts(s, rev2, rev3)
        assert kept == fresh
    assert kept.entries[0].ops == (("=", OTHER[0] + "\n¹ Pending consultations in capitals."),)


def test_list_items_turned_into_footnotes_of_their_chapeau_are_merged_into_it(store):
    zero = docx((OTHER[0], []), (CHAPEAU, []), *((item, []) for item in ITEMS), (OTHER[1], []))
    rev1 = docx((OTHER[0], []), (CHAPEAU, ITEMS), (OTHER[1], []))
    add(store, "Zero", zero)
    add(store, "Rev.1", rev1)
    with store.read() as s:
        neg = negotiations.find_negotiation(s, "CBMs")
        zero_d, rev1_d = (negotiations.find_draft(s, neg, label) for label in ("Zero", "Rev.1"))
        result = compare_drafts(s, zero_d, rev1_d)
        assert result == compute_comparison(s, zero_d, rev1_d)
        stored = negotiations.draft_paragraphs(s, rev1_d)
        before = negotiations.draft_paragraphs(s, zero_d)
    merged = [e for e in result.entries if "merged" in e.kinds]
    assert [(e.old, e.new) for e in merged] == [((1, 2, 3, 4), (1,))]
    assert not [e for e in result.entries if "deleted" in e.kinds]
    # The import gave the chapeau the lineage the items merged into.
    assert stored[1].lineage == before[1].lineage
    assert stored[1].footnotes == tuple(ITEMS)


def test_a_draft_without_footnotes_keeps_the_checksum_it_always_had():
    paragraphs = [ParsedParagraph("1", 0, "operative", None, "Each Party shall  take measures.", 0, True),
                  ParsedParagraph(None, 0, "heading", None, "Article 2", 0, True)]
    assert content_checksum(paragraphs) == (
        "2fbc06d34535c1e6d37d3f0f669fddde4251ab14fe5c79de96a474fbdfa6507b")
    assert compared_text("Article 2", ()) == "Article 2"
    assert compared_text("Text", ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"))\
        .splitlines()[-1] == "¹¹ k"


def test_brackets_in_a_footnote_are_not_agreed_text(store):
    # The bracket leaves the text for a bracketed footnote: the paragraph still
    # holds text that is not agreed, so it is not "newly agreed".
    add(store, "Rev.1", docx((OTHER[0] + " [by consensus]", []), (OTHER[1], [])))
    add(store, "Rev.2", docx((OTHER[0], ["[One delegation reserves its position.]"]), (OTHER[1], [])))
    with store.read() as s:
        neg = negotiations.find_negotiation(s, "CBMs")
        rev1, rev2 = (negotiations.find_draft(s, neg, label) for label in ("Rev.1", "Rev.2"))
        result = compare_drafts(s, rev1, rev2)
        first = negotiations.draft_paragraphs(s, rev2)[0]
    assert first.brackets == 1 and first.brackets_balanced
    assert result.summary.newly_agreed == ()
    assert result.summary.brackets_from == result.summary.brackets_to == 1


def test_show_prints_a_paragraph_footnotes_under_its_text(cli, tmp_path):
    blob = docx((OTHER[0], ["Subject to national legislation."]), (OTHER[1], []))
    (tmp_path / "Rev.1.docx").write_bytes(blob)
    cli("new", "CBMs", "--forum", "OSCE PC")
    cli("import", "CBMs", str(tmp_path / "Rev.1.docx"), "--label", "Rev.1")
    lines = cli("show", "CBMs", "Rev.1").out.splitlines()
    at = next(k for k, line in enumerate(lines) if OTHER[0] in line)
    assert lines[at + 1].strip() == "¹ Subject to national legislation."
