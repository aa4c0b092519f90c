"""The aligner's shortcuts give what the plain definitions give, on any text:
a speed change must never move a link (bench/align_fingerprint.py checks the
links themselves on the corpus and long drafts)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.diff.align import normalise_number
from negotiator.diff.align_similarity import first_words, squeezed, words

_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+")

# Spaces of every kind, punctuation, digits, ASCII and not (accents, Arabic, CJK).
_TEXT = st.lists(st.sampled_from(
    list(" \t\n\u00a0\u2003.,;:()[]-_'\"0123456789aAbBzZéÉßſ") + ["قال", "مسؤوليات", "安全", "x"]
), max_size=40).map("".join)
# Mostly printable ASCII: where the shortcuts apply.
_PLAIN = st.text(alphabet=" .,(1aZ", max_size=20)


@settings(max_examples=400, deadline=None)
@given(_TEXT | _PLAIN)
def test_shortcuts_give_the_plain_results(text: str) -> None:
    assert squeezed(text) == " ".join(text.split())
    if text.isascii():
        assert words(text) == _WORD.findall(text.lower())
    for n in (1, 2, 5):
        assert first_words(text, n) == words(text)[:n]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" .\t\u00a0aBé1²٣")), max_size=8))
def test_a_displayed_number_loses_only_spaces_dots_and_case(number: str) -> None:
    assert normalise_number(number) == re.sub(r"[\s.]+", "", number).lower()
