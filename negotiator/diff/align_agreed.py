"""A paragraph moved while its bracketed text was dropped or added (stage 6
of the aligner, on what is left).

Square brackets mark text not agreed. Between rounds a chair drops the
bracketed sentences and alternatives of a paragraph, keeps its agreed text
and moves it to the article it now belongs to; delegations add bracketed
proposals around a paragraph that moved. Against the whole paragraph the kept
text scores below a move's bar (the bracketed passages weigh in the cosine),
against the agreed text of the old one well above it. Only paragraphs left
unlinked by every other stage are compared, and a link is taken, as a move,
only when neither has another candidate close to it and the agreed text is
not found in another paragraph too.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from negotiator.diff.align_gaps import RIVAL_MARGIN
from negotiator.diff.align_similarity import BODY, Lazy, agreed_text, plain_content_words

if TYPE_CHECKING:
    from negotiator.diff.align import _Aligner

# The bar of a move (align.MOVE_MIN): no position backs the link, so most of
# the agreed text's rare wording must match.
AGREED_MIN = 0.5
# Agreed text with fewer content words than this ("Each State Party shall"
# before bracketed alternatives) says nothing of its own.
AGREED_MIN_WORDS = 8


def agreed_moves(al: _Aligner) -> None:
    """Link free paragraphs whose agreed texts (or an agreed text and the
    other's whole) match as a move must."""
    if not any("[" in p.text for p in al.a) and not any("[" in p.text for p in al.b):
        return
    pools = ([i for i in al.free_ones(0, labels=False) if al.kind[0][i] == BODY],
             [j for j in al.free_ones(1, labels=False) if al.kind[1][j] == BODY])
    if not pools[0] or not pools[1]:
        return
    forms = (Lazy(lambda i: _forms(al, 0, i)), Lazy(lambda j: _forms(al, 1, j)))
    cands: list[tuple[float, int, int]] = []
    for j, found in al._index_candidates(pools[0], pools[1]):
        for i in found:
            score = _agreed_score(al, forms, i, j)
            if score >= AGREED_MIN and not _found_elsewhere(al, forms, i, j,
                                                            score - RIVAL_MARGIN):
                cands.append((score, i, j))
    if not cands:
        return
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    rivals_of: tuple[dict[int, list[tuple[float, int]]], dict[int, list[tuple[float, int]]]] = (
        defaultdict(list), defaultdict(list))
    for score, i, j in cands:
        rivals_of[0][i].append((score, j))
        rivals_of[1][j].append((score, i))
    for score, i, j in cands:
        if not (al.free(0, i) and al.free(1, j)):
            continue
        rivals = [s for s, other in rivals_of[0][i] if other != j] + [
            s for s, other in rivals_of[1][j] if other != i]
        if any(abs(s - score) < RIVAL_MARGIN for s in rivals):
            continue
        al.pair(i, j)


def _forms(al: _Aligner, side: int, k: int) -> tuple[list[str], list[str] | None]:
    """A paragraph's content words, whole and outside its brackets (None:
    no brackets, or too little agreed text to tell anything)."""
    whole = al.features().tokens[side][k]
    agreed = agreed_text(al.key[side][k])
    if agreed is None:
        return whole, None
    tokens = plain_content_words(agreed, keep_numbers=True)
    return whole, tokens if len(tokens) >= AGREED_MIN_WORDS else None


def _pair_score(al: _Aligner, fa: tuple[list[str], list[str] | None],
                fb: tuple[list[str], list[str] | None], wholes: bool = False) -> float:
    """Best cosine of two paragraphs' forms, one agreed text at least unless
    ``wholes`` (the earlier stages weighed the wholes)."""
    feat = al.features()
    best = 0.0
    for ta in (fa[0], fa[1]):
        for tb in (fb[0], fb[1]):
            if ta is None or tb is None or (ta is fa[0] and tb is fb[0] and not wholes):
                continue
            best = max(best, feat.tokens_cosine(ta, tb))
    return best


def _agreed_score(al: _Aligner, forms: tuple[Lazy, Lazy], i: int, j: int) -> float:
    if forms[0][i][1] is None and forms[1][j][1] is None:
        return 0.0
    return _pair_score(al, forms[0][i], forms[1][j])


def _found_elsewhere(al: _Aligner, forms: tuple[Lazy, Lazy], i: int, j: int,
                     bar: float) -> bool:
    """Whether either paragraph matches another paragraph of the other draft
    about as well, linked or not: agreed language repeated in several places
    does not say which paragraph it came from."""
    everywhere = (list(range(len(al.a))), list(range(len(al.b))))
    for _, found in al._index_candidates(everywhere[0], [j]):
        if any(k != i and _pair_score(al, forms[0][k], forms[1][j], True) >= bar for k in found):
            return True
    for _, found in al._index_candidates(everywhere[1], [i], pool_side=1):
        if any(k != j and _pair_score(al, forms[0][i], forms[1][k], True) >= bar for k in found):
            return True
    return False
