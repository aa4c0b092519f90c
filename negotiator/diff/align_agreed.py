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
from negotiator.diff.align_similarity import (
    BODY,
    Features,
    Lazy,
    agreed_text,
    plain_content_words,
)

if TYPE_CHECKING:
    from negotiator.diff.align import _Aligner

# The bar of a move (align.MOVE_MIN): no position backs the link, so most of
# the agreed text's rare wording must match.
AGREED_MIN = 0.5
# Agreed text with fewer content words than this ("Each State Party shall"
# before bracketed alternatives) says nothing of its own.
AGREED_MIN_WORDS = 8


Vector = tuple[dict[str, float], float]
# A paragraph's vectors: whole, and of its agreed text (None: no brackets, or
# too little agreed text to tell anything).
Forms = tuple[Vector, Vector | None]


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
    found: list[tuple[float, int, int]] = []
    for j, near in al._index_candidates(pools[0], pools[1]):
        if forms[1][j][1] is None and not any(forms[0][i][1] for i in near):
            continue
        for i in near:
            score = _score(forms[0][i], forms[1][j])
            if score >= AGREED_MIN:
                found.append((score, i, j))
    if not found:
        return
    # Agreed language repeated in several places does not say which paragraph
    # the new one continues: each side's other paragraphs, linked or not,
    # must not match about as well.
    everywhere = (list(range(len(al.a))), list(range(len(al.b))))
    like_j = dict(al._index_candidates(everywhere[0], sorted({j for _, _, j in found})))
    like_i = dict(al._index_candidates(everywhere[1], sorted({i for _, i, _ in found}),
                                       pool_side=1))
    cands = [(score, i, j) for score, i, j in found
             if not any(k != i and _score(forms[0][k], forms[1][j], True) >= score - RIVAL_MARGIN
                        for k in like_j[j])
             and not any(k != j and _score(forms[0][i], forms[1][k], True) >= score - RIVAL_MARGIN
                         for k in like_i[i])]
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


def _forms(al: _Aligner, side: int, k: int) -> Forms:
    feat = al.features()
    whole = feat.vec[side][k]
    agreed = agreed_text(al.key[side][k])
    if agreed is None:
        return whole, None
    tokens = plain_content_words(agreed, keep_numbers=True)
    return whole, feat.piece_vector(tokens) if len(tokens) >= AGREED_MIN_WORDS else None


def _score(fa: Forms, fb: Forms, wholes: bool = False) -> float:
    """Best cosine of two paragraphs' forms, one agreed text at least unless
    ``wholes`` (the earlier stages weighed the wholes)."""
    best = Features.vector_cosine(fa[0], fb[0]) if wholes else 0.0
    for va, vb in ((fa[1], fb[0]), (fa[0], fb[1]), (fa[1], fb[1])):
        if va is not None and vb is not None:
            best = max(best, Features.vector_cosine(va, vb))
    return best
