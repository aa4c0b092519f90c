"""The top of an issued text: its symbol and date are not headings, and its title
may be longer than a heading."""

import pytest

from negotiator.text.parse import RawBlock, build_paragraphs, is_symbol_or_date

LONG_TITLE = ("Developments in the field of information and telecommunications "
              "in the context of international security")  # 14 words


@pytest.mark.parametrize("text", [
    "PC.DEL/112/26", "PC.DEL/112/26/Rev.1\n20 February 2026", "A/C.1/79/L.12/Rev.1",
    "16 January 2026", "2026-02-03", "PC.DEC/1202, 10 March 2016", "March 10, 2016",
])
def test_symbols_and_dates(text):
    assert is_symbol_or_date(text)


@pytest.mark.parametrize("text", [
    "I. General provisions", "Annex", "Draft resolution", "12 bis. Requests the Chair",
    "2026 was a year of progress", "Confidence-building measures",
])
def test_not_symbols_or_dates(text):
    assert not is_symbol_or_date(text)


def test_symbol_and_date_lines_are_not_headings():
    paras = build_paragraphs([RawBlock("PC.DEL/112/26"), RawBlock("16 January 2026"),
                              RawBlock("Draft decision"), RawBlock("1. Decides;")])
    assert [(p.kind, p.section) for p in paras] == [
        ("other", None), ("other", None), ("heading", "Draft decision"),
        ("operative", "Draft decision")]


def test_a_long_title_at_the_top_is_a_heading_like_words_title_style():
    texts = ["A/C.1/81/L.5\n12 October 2026", LONG_TITLE, "The General Assembly,",
             "Recalling its resolutions,", "A. Measures", "1. Decides;"]
    from_text = build_paragraphs(RawBlock(t) for t in texts)
    assert [p.kind for p in from_text] == [
        "other", "heading", "other", "preambular", "heading", "operative"]
    # Word's Title style gives the same sections as the title found in plain text.
    from_word = build_paragraphs(
        RawBlock(t, heading_level=0 if t == LONG_TITLE else None) for t in texts)
    assert [p.section for p in from_text] == [p.section for p in from_word]
    assert from_text[-1].section == f"{LONG_TITLE} / A. Measures"


def test_a_long_unpunctuated_line_later_in_the_text_is_not_a_title():
    paras = build_paragraphs(RawBlock(t) for t in ["Short title", "1. Decides;", LONG_TITLE])
    assert [p.kind for p in paras] == ["heading", "operative", "other"]
