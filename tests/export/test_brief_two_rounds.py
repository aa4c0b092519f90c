"""A brief over two rounds at once (Zero draft -> Rev.2) says what the Compare
tab shows for the same pair: our red lines touched since the Zero draft, and
the count it gives is the number of paragraphs it names."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from negotiator import demo
from negotiator.drafts import negotiations
from negotiator.storage.store import Store
from negotiator.views.comparison_view import load_diff
from tests.export.brief_helpers import ok

NEG = "1"
OURS = "Belgium"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("two-rounds") / "demo.sqlite"
    st = Store.open(db)
    try:
        demo.load_demo(st)
    finally:
        st.close()
    # PP 3 was reworded in Rev.1 and left alone in Rev.2: touched since the Zero draft only.
    ok(db, "position", NEG, "Zero draft", "PP 3", "--actor", OURS, "--stance", "oppose",
       "--red-line", "not this wording")
    return db


def red_line_sentence(path: Path, language: str) -> str:
    start = {"en": "carrying our red lines", "fr": "portant nos lignes rouges"}[language]
    return next(p.text for p in docx.Document(str(path)).paragraphs if start in p.text)


def compare_tab_red_lines(db: Path, a: str, b: str) -> list[tuple[str, ...]]:
    st = Store.open(db)
    try:
        with st.transaction(read_only=True) as s:
            n = negotiations.find_negotiation(s, NEG)
            ids = [negotiations.find_draft(s, n, x).id for x in (a, b)]
            return [e.to_numbers for e in load_diff(s, *ids).entries if e.red_line]
    finally:
        st.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_brief_over_two_rounds_names_the_red_lines_the_compare_tab_marks(
        store: Path, tmp_path: Path, language: str) -> None:
    out = tmp_path / "brief.docx"
    ok(store, "brief", NEG, "--from", "Zero draft", "--to", "Rev.2", "-o", str(out),
       "--language", language)
    sentence = red_line_sentence(out, language).replace("\xa0", " ")  # references keep together
    count, names = re.match(r"(\d+) .*?: (.*)\.$", sentence).groups()  # type: ignore[union-attr]
    named = re.split(r", | and | et ", names)
    marked = compare_tab_red_lines(store, "Zero draft", "Rev.2")
    assert "PP 3" in named, sentence
    assert int(count) == len(named), sentence
    # every paragraph named is on a row the Compare tab marks, and every marked row is named
    assert all(any(ref in row for row in marked) for ref in named), (sentence, marked)
    assert all(any(ref in named for ref in row) for row in marked), (sentence, marked)
