"""Word-level diff: exact rebuild, whole words, scripts without spaces, RTL."""

from __future__ import annotations

from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.diff.worddiff import new_text, old_text, tokenize, word_diff


def boundaries(text: str) -> set[int]:
    return {0, *accumulate(len(t) for t in tokenize(text))}


def cut_points(ops: list[tuple[str, str]], side: str) -> set[int]:
    """Where ops start and end in the old ("-") or new ("+") text."""
    pos, cuts = 0, {0}
    for op, text in ops:
        if op in ("=", side):
            pos += len(text)
            cuts.add(pos)
    return cuts


def test_removed_adverb_reads_as_one_word() -> None:
    ops = word_diff("The Council strongly condemns the attacks.", "The Council condemns the attacks.")
    assert ops == [("=", "The Council "), ("-", "strongly "), ("=", "condemns the attacks.")]


def test_changed_word_is_never_cut() -> None:
    ops = word_diff("States shall refrain", "States should refrain")
    assert ("-", "shall") in ops and ("+", "should") in ops


def test_brackets_are_their_own_tokens() -> None:
    ops = word_diff("Condemns [strongly] the attacks", "Condemns strongly the attacks")
    assert [op for op in ops if op[0] != "="] == [("-", "["), ("-", "]")]


def test_rewrapped_lines_are_layout_not_words() -> None:
    a = "to help assist in this process by making it easier\nfor companies"
    b = "to help assist in this process by making\nit easier for companies"
    ops = word_diff(a, b)
    assert all(not text.strip() for op, text in ops if op != "=")
    assert old_text(ops) == a and new_text(ops) == b


def test_semantic_cleanup_gives_phrases_not_confetti() -> None:
    ops = word_diff("the quick brown fox jumps", "a slow red fox jumps")
    assert ops == [("-", "the quick brown"), ("+", "a slow red"), ("=", " fox jumps")]


def test_chinese_falls_back_to_characters() -> None:
    a, b = "国家应当加强合作", "国家应该加强国际合作"
    ops = word_diff(a, b)
    assert ("-", "当") in ops and ("+", "国际") in ops
    assert old_text(ops) == a and new_text(ops) == b


def test_arabic_words_keep_their_vowel_marks() -> None:
    assert tokenize("تُشجِّع الدول") == ["تُشجِّع", " ", "الدول"]
    a, b = "تُشجِّع الدول على التعاون", "تحث الدول على التعاون الوثيق"
    ops = word_diff(a, b)
    assert ops[0] == ("-", "تُشجِّع")
    assert old_text(ops) == a and new_text(ops) == b


def test_identical_and_empty() -> None:
    assert word_diff("", "") == []
    assert word_diff("same", "same") == [("=", "same")]
    assert word_diff("", "new") == [("+", "new")]
    assert word_diff("old", "") == [("-", "old")]


PIECES = list("ab cd.,;[]()\n\t'") + ["shall", "should", " ", "国", "家", "الدول", "é",
                                      "\u0301"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT)
def test_ops_rebuild_both_texts_and_never_split_a_token(a: str, b: str) -> None:
    ops = word_diff(a, b)
    assert old_text(ops) == a
    assert new_text(ops) == b
    assert all(op in "=-+" and text for op, text in ops)
    assert cut_points(ops, "-") <= boundaries(a)
    assert cut_points(ops, "+") <= boundaries(b)


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_diff_with_itself_is_one_equality(a: str) -> None:
    assert word_diff(a, a) == ([("=", a)] if a else [])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40) | TEXT)
def test_the_quick_path_for_plain_text_tokenizes_as_the_full_rule(a: str) -> None:
    # Texts without CJK or separate marks take a shorter pattern: same tokens.
    from negotiator.diff.worddiff import _token_pattern

    assert tokenize(a) == _token_pattern().findall(a)
    assert "".join(tokenize(a)) == a


def test_a_line_break_kept_is_not_paired_with_a_space() -> None:
    # Items that became footnotes: each gains its mark after the line break it
    # already had, instead of a deleted line break and an inserted space.
    a = "Requests States to:\nnominate contact points;\nshare assessments;\nreport every year;"
    b = "Requests States to:\n¹ nominate contact points;\n² share assessments;\n³ report every year;"
    ops = word_diff(a, b)
    assert [op for op in ops if op[0] != "="] == [("+", "¹ "), ("+", "² "), ("+", "³ ")]
    assert old_text(ops) == a and new_text(ops) == b
