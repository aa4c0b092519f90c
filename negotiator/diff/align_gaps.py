"""Order first, inside the gaps: which unmatched paragraphs between two
in-order links continue each other (stage 2 of the aligner).

Every gap is aligned as one similarity-weighted monotone chain over all its
candidate pairs (best_chain), banded in big gaps. Position lowers the bar: a
lone paragraph between two matched neighbours (a slot), the k-th of as many
on each side, the first or last of a gap on both sides; in a text revised
throughout the slot floors are calibrated on the pair's own in-place links.
Out of step, a pair is refused when one of the two is as similar to a
look-alike nearby (a family of templated blocks). Headings left over are
paired in order. Links made split gaps into smaller ones, so this repeats.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from typing import TYPE_CHECKING

from negotiator.diff.align_order import best_chain
from negotiator.diff.align_similarity import BODY, HEADING, SHORT_WORDS

if TYPE_CHECKING:
    from negotiator.diff.align import _Aligner

# Alone between two matched neighbours, a paragraph almost surely continues
# the one that stood there: only an unrelated replacement (cosine 0.05-0.2 on
# the same subject; a heavy rewrite scores 0.3-0.5) stays deleted + added.
SLOT_MIN = 0.25
# In such a slot, sharing this share of their distinct words settles it
# (besides the words of a frame their neighbours share; this share and more
# settles it even so: records that differ in their name only share less).
SLOT_SURE = 0.6
SURE_ANYWAY = 0.85
# The k-th of as many unmatched paragraphs on each side of a gap, or the
# first (or last) of a gap on both sides: next to the same matched neighbour.
SAME_RANK_MIN = 0.3
# Drafts revised throughout (the median in-place link of the first pass kept
# less than TYPICAL_KEPT, over at least CALIBRATION_LINKS links) lower the two
# floors above in proportion, to at most SLOT_SCALE_MIN of them.
TYPICAL_KEPT = 0.7
SLOT_SCALE_MIN = 0.7
CALIBRATION_LINKS = 8
# Anywhere else in the same gap.
GAP_MIN = 0.4
# A link in a gap, not in step, is refused when either side is about as
# similar (RIVAL_MARGIN; at a gap's edge: as similar) to another paragraph
# this close to the other.
RIVAL_WINDOW = 6
# ...unless they share this much: members of a family of blocks differ in more
# than that (and weighing every neighbour of each edited paragraph of a long
# draft would cost more than the rest of the gap).
RIVAL_BELOW = 0.7
# Fewer shared distinct words than this share of the shorter text's: not a
# look-alike, no need to weigh the words.
ROUGH_OVERLAP = 0.2
# Gaps with more candidate pairs than this are only compared near their
# diagonal (BAND paragraphs either side) and through the rare-word index.
GAP_ALL_PAIRS = 2500
BAND = 6
# How close a look-alike's similarity must come to make a link doubtful
# (the aligner's move stage takes the same margin for a move's rival).
RIVAL_MARGIN = 0.05


def _surely_same(al: _Aligner, i: int, j: int) -> bool:
    """Alone in their slot and sharing most of their distinct words: the
    link is certain without weighing words (most edited paragraphs)."""
    if al.kind[0][i] != BODY or al.kind[1][j] != BODY:
        return False
    rough_a, rough_b = al.rough_words
    sa, sb = rough_a[i], rough_b[j]
    if len(sa) < SHORT_WORDS or len(sb) < SHORT_WORDS \
            or len(sa & sb) < SLOT_SURE * max(len(sa), len(sb)):
        return False
    if len(sa & sb) >= SURE_ANYWAY * max(len(sa), len(sb)):
        return True
    # Words the neighbours on both sides have too are a template's frame
    # ("Field Name: ... Status: current"): they do not make two records one.
    near_a = set().union(*(rough_a[k] for k in (i - 1, i + 1) if 0 <= k < len(al.a)))
    near_b = set().union(*(rough_b[k] for k in (j - 1, j + 1) if 0 <= k < len(al.b)))
    frame = near_a & near_b
    sa, sb = sa - frame, sb - frame
    return len(sa) >= SHORT_WORDS and len(sb) >= SHORT_WORDS \
        and len(sa & sb) >= SLOT_SURE * max(len(sa), len(sb))


def open_gaps(al: _Aligner) -> list[tuple[list[int], list[int]]]:
    """Unmatched, linkable paragraphs between consecutive in-order links."""
    chain = al.links_in_order()
    chain_a = [i for i, _ in chain]
    chain_b = [j for _, j in chain]
    in_a: dict[int, list[int]] = defaultdict(list)
    in_b: dict[int, list[int]] = defaultdict(list)
    for i in al.free_ones(0, labels=False):
        in_a[bisect_right(chain_a, i)].append(i)
    for j in al.free_ones(1, labels=False):
        in_b[bisect_right(chain_b, j)].append(j)
    return [(in_a[g], in_b[g]) for g in sorted(in_a) if g in in_b]


def gap_chains(al: _Aligner, rounds: int = 3) -> None:
    """Align every gap; links made split gaps into smaller ones, where
    position backs a link more, so repeat while that finds new links."""
    for _ in range(rounds):
        found = _gap_chains_once(al)
        _calibrate_slots(al)
        if not found:
            return


def _calibrate_slots(al: _Aligner) -> None:
    """Relax the floors of slots when the drafts are revised throughout.

    In a text retranslated or redrafted everywhere, a paragraph that stayed
    in place shares less wording with its former self than in a lightly
    edited one; a slot between matched neighbours is then judged against
    how much the other in-place links kept (their median similarity), not
    against the wording an ordinary edit keeps.
    """
    if al.slot_scale is not None or len(al.in_place_sims) < CALIBRATION_LINKS:
        return
    sims = sorted(al.in_place_sims)
    median = sims[len(sims) // 2]
    al.slot_scale = max(SLOT_SCALE_MIN, min(1.0, median / TYPICAL_KEPT))


def _gap_chains_once(al: _Aligner) -> bool:
    """One pass; True when a gap of several paragraphs got new links (a
    linked slot of one paragraph a side splits no other gap)."""
    split_a_gap = False
    gaps = open_gaps(al)
    # Certain slots first, so word weights are then estimated (and words
    # weighed) only for the paragraphs still in doubt.
    rest = []
    for gap_a, gap_b in gaps:
        if len(gap_a) == 1 and len(gap_b) == 1 and _surely_same(al, gap_a[0], gap_b[0]):
            al.pair(gap_a[0], gap_b[0])
            al.in_place_sims.append(1.0)
        else:
            rest.append((gap_a, gap_b))
    for gap_a, gap_b in rest:
        rank_a = {i: r for r, i in enumerate(gap_a)}
        rank_b = {j: r for r, j in enumerate(gap_b)}
        cands = []
        sims: dict[tuple[int, int], float] = {}
        for i, j in _gap_candidates(al, gap_a, gap_b):
            if not al.compatible(i, j):
                continue
            ra, rb = rank_a[i], rank_b[j]
            # Slots and equal ranks in gaps of equal size: the order says
            # which is which. Elsewhere a look-alike nearby makes it doubtful.
            in_step = len(gap_a) == len(gap_b) and ra == rb
            if len(gap_a) == 1 and len(gap_b) == 1:
                floor = SLOT_MIN * (al.slot_scale or 1.0)
            elif in_step or ra == rb == 0 or len(gap_a) - ra == len(gap_b) - rb == 1:
                floor = SAME_RANK_MIN * (al.slot_scale or 1.0)
            else:
                floor = GAP_MIN
            sim = al.similarity(i, j, floor)
            if al.kind[0][i] == HEADING and al.kind[1][j] == HEADING and sim < 1.0:
                continue  # headings that changed are placed by their sections
            # At the edge of a gap, only a closer look-alike is a rival.
            margin = RIVAL_MARGIN if floor == GAP_MIN else 0.0
            if sim < floor or (not in_step and sim < RIVAL_BELOW
                               and _has_rival(al, i, j, sim - margin)):
                continue
            cands.append((i, j, sim - floor + 0.01))
            sims[(i, j)] = sim
        chain = best_chain(cands)
        for i, j in chain:
            al.pair(i, j)
            if al.kind[0][i] == BODY:
                al.in_place_sims.append(sims[(i, j)])
        before = al.changes
        _headings_by_order(al, gap_a, gap_b, chain)
        split_a_gap = split_a_gap or bool(chain) or al.changes != before
    return split_a_gap


def _has_rival(al: _Aligner, i: int, j: int, bar: float) -> bool:
    """Whether ``i`` or ``j`` is as similar as ``bar`` to another paragraph
    near the other's place: then what they share is the shape of a family
    of blocks ("<CODE BEGINS> Key: value <CODE ENDS>"), not their content,
    and without positional support that does not make a link."""
    rough_a, rough_b = al.rough_words
    for j2 in range(max(0, j - RIVAL_WINDOW), min(len(al.b), j + RIVAL_WINDOW + 1)):
        if j2 != j and al.compatible(i, j2) and _overlap(rough_a[i], rough_b[j2]) \
                and al.similarity(i, j2, bar) >= bar:
            return True
    for i2 in range(max(0, i - RIVAL_WINDOW), min(len(al.a), i + RIVAL_WINDOW + 1)):
        if i2 != i and al.compatible(i2, j) and _overlap(rough_a[i2], rough_b[j]) \
                and al.similarity(i2, j, bar) >= bar:
            return True
    return False


def _headings_by_order(al: _Aligner, gap_a: list[int], gap_b: list[int],
                       chain: list[tuple[int, int]]) -> None:
    """As many headings left on each side of a gap: the skeleton pairs them in
    order, where they share some wording and that crosses no link of the gap."""
    heads_a = [i for i in gap_a if al.kind[0][i] == HEADING and al.free(0, i)]
    heads_b = [j for j in gap_b if al.kind[1][j] == HEADING and al.free(1, j)]
    if not heads_a or len(heads_a) != len(heads_b):
        return
    feat = al.features()
    for h, g in zip(heads_a, heads_b, strict=True):
        # Some shared wording still ("Guidelines" -> "Enforcement Guidelines"):
        # a section replaced by another stays deleted + added.
        if feat.cosine(h, g) > 0 and all((i < h) == (j < g) for i, j in chain):
            al.pair(h, g)


def _gap_candidates(al: _Aligner, gap_a: list[int], gap_b: list[int]) -> list[tuple[int, int]]:
    if len(gap_a) * len(gap_b) <= GAP_ALL_PAIRS:
        return [(i, j) for i in gap_a for j in gap_b]
    out = set()
    n, m = len(gap_a), len(gap_b)
    for ra, i in enumerate(gap_a):
        centre = ra * m // n
        for rb in range(max(0, centre - BAND), min(m, centre + BAND + 1)):
            out.add((i, gap_b[rb]))
    for j, found in al._index_candidates(gap_a, gap_b):
        out.update((i, j) for i in found)
    return sorted(out)


def _overlap(x: set[str], y: set[str]) -> bool:
    """Whether two texts share enough distinct words to be worth weighing."""
    return len(x & y) >= ROUGH_OVERLAP * min(len(x), len(y))
