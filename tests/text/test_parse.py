"""Typed numbers, kinds and brackets read from the words of a paragraph."""

import pytest

from negotiator.text.parse import RawBlock, build_paragraphs, count_brackets, split_number


@pytest.mark.parametrize(
    ("text", "label", "level", "rest"),
    [
        ("1. Decides to establish", "1", 0, "Decides to establish"),
        ("12 bis. Requests the Chair", "12 bis", 0, "Requests the Chair"),
        ("12ter Invites", "12 ter", 0, "Invites"),
        ("(a) the exchange of views", "(a)", 1, "the exchange of views"),
        ("(iv) national points of contact", "(iv)", 2, "national points of contact"),
        ("PP3 Recalling its decision", "PP3", 0, "Recalling its decision"),
        ("OP 4. Urges all States", "OP4", 0, "Urges all States"),
        ("IV. Final provisions", "IV", 0, "Final provisions"),
        ("a) les mesures", "a)", 1, "les mesures"),
        ("2.3 Each State", None, None, None),  # a bare decimal is not numbering
        ("2.3. Each State", "2.3", 1, "Each State"),
        ("2026 was a year of", None, None, None),
        ("Recalling its decision", None, None, None),
    ],
)
def test_typed_numbers(text, label, level, rest):
    found = split_number(text)
    if label is None:
        assert found is None
    else:
        assert (found.label, found.level, found.rest) == (label, level, rest)


def test_brackets_nested_and_unbalanced():
    assert count_brackets("[strongly] condemns [[all] forms]").count == 3
    assert count_brackets("[[nested] alternatives]").depth == 2
    assert count_brackets("[shall][should]").balanced
    assert not count_brackets("report [annually.").balanced
    assert not count_brackets("report] annually").balanced
    assert count_brackets("clean text").count == 0


def kinds(*texts):
    return [(p.number, p.kind) for p in build_paragraphs(RawBlock(t) for t in texts)]


def test_kinds_of_a_resolution():
    assert kinds(
        "Draft resolution",
        "The General Assembly,",
        "Recalling its resolution 75/240 of 31 December 2020,",
        "Deeply concerned by the malicious use of ICTs,",
        "Bearing in mind the role of regional organizations,",
        "1. Decides to convene an open-ended working group;",
        "2. Also requests the Secretary-General to report;",
        "(a) on national views;",
        "(b) on capacity-building;",
        "3. Calls upon Member States to [strengthen] cooperation;",
    ) == [
        (None, "heading"),
        (None, "other"),
        (None, "preambular"),
        (None, "preambular"),
        (None, "preambular"),
        ("1", "operative"),
        ("2", "operative"),
        ("(a)", "sub-paragraph"),
        ("(b)", "sub-paragraph"),
        ("3", "operative"),
    ]


def test_letter_i_after_h_is_a_letter_not_roman_one():
    paras = build_paragraphs(RawBlock(f"({c}) item {c};") for c in "abcdefghij")
    assert [p.level for p in paras] == [1] * 10


def test_roman_sub_sub_paragraphs():
    paras = build_paragraphs(RawBlock(t) for t in ["(a) first;", "(i) one;", "(ii) two;", "(b) second."])
    assert [(p.number, p.level) for p in paras] == [("(a)", 1), ("(i)", 2), ("(ii)", 2), ("(b)", 1)]


def test_sections_follow_headings():
    paras = build_paragraphs(
        [RawBlock("I. General provisions"), RawBlock("1. Decides;"),
         RawBlock("Measures", heading_level=2), RawBlock("2. Urges;"),
         RawBlock("II. Review"), RawBlock("3. Requests;")]
    )
    assert [p.section for p in paras if p.kind != "heading"] == [
        "I. General provisions",
        "I. General provisions / Measures",
        "II. Review",
    ]


def test_a_sentence_in_square_brackets_is_no_heading_and_opens_no_section():
    # A whole paragraph not yet agreed ends in "]", its full stop inside.
    paras = build_paragraphs(
        [RawBlock("Article 4 [Scope]"), RawBlock("[No reservation may be made to this Protocol.]"),
         RawBlock("1. Each Party shall report annually;")]
    )
    assert [p.kind for p in paras] == ["heading", "other", "operative"]
    assert paras[2].section == "Article 4 [Scope]"
    # The same paragraph once agreed reads the same way.
    agreed = build_paragraphs([RawBlock("No reservation may be made to this Protocol.")])
    assert agreed[0].kind == paras[1].kind


def test_treaty_blocks_get_their_kind_from_where_they_stand() -> None:
    paras = build_paragraphs([
        RawBlock("Recalling the devastation caused by tsunamis,"),
        RawBlock("Chapter II\nWarning and response"),
        RawBlock("Article 7\nUse of terms"),
        RawBlock("[Nothing in this Convention shall oblige a State Party to share its data.]"),
        RawBlock("² Including landslides and volcanic eruptions."),
        RawBlock("3. The Parties encourage national meteorological services.²"),
    ])
    # A recital, two headings on two lines, no recital once the articles began, a
    # footnote, and a short paragraph ending before its footnote mark (no title).
    assert [p.kind for p in paras] == ["preambular", "heading", "heading", "other", "other",
                                       "operative"]
