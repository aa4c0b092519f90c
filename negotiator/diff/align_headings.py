"""Headings as the skeleton of a document (stage 4 of the aligner).

A changed heading links to the heading of the section its section's
paragraphs went to, whatever its number or title ("Article 3 (Scope)" ->
"Article 4"). Two consecutive articles fused into one have both headings
merged into the new one; an article cut in two has its heading split.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from negotiator.diff.align_similarity import BODY, HEADING, LABEL, LABEL_WORDS, first_words

if TYPE_CHECKING:
    from negotiator.diff.align import _Aligner

# A heading links to the heading of the section that received at least this
# share of its section's paragraphs.
SECTION_SHARE_MIN = 0.5


def link_headings(al: _Aligner) -> None:
    """Changed headings link through the sections they head."""
    if not any(al.kind[0][i] == HEADING and al.free(0, i) for i in range(len(al.a))):
        return
    section, members = _sections(al)
    partner = al._partners()
    cands: list[tuple[float, int, int]] = []
    for h in sorted(members[0]):
        if al.kind[0][h] != HEADING or not al.free(0, h):
            continue
        votes: dict[int, int] = {}
        for i in members[0][h]:
            for j in partner[0].get(i, ()):
                g = section[1][j]
                if g >= 0 and al.kind[1][g] == HEADING and al.free(1, g):
                    votes[g] = votes.get(g, 0) + 1
        for g, n_votes in votes.items():
            share = n_votes / max(len(members[0][h]), len(members[1][g]))
            if share >= SECTION_SHARE_MIN:
                cands.append((share, h, g))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    for _, h, g in cands:
        if al.free(0, h) and al.free(1, g):
            al.pair(h, g)


def _sections(al: _Aligner) -> tuple[tuple[list[int], list[int]],
                                    tuple[dict[int, list[int]], dict[int, list[int]]]]:
    """Per side, the heading each body paragraph stands under (-1: none),
    and each heading's body paragraphs."""
    section = ([-1] * len(al.a), [-1] * len(al.b))
    members: tuple[dict[int, list[int]], dict[int, list[int]]] = (defaultdict(list),
                                                                  defaultdict(list))
    for side, n in ((0, len(al.a)), (1, len(al.b))):
        current = -1
        for k in range(n):
            if al.kind[side][k] != BODY:  # a label ("Article 4") opens a section too
                current = k
            elif current >= 0:
                section[side][k] = current
                members[side][current].append(k)
    return section, members


def heading_groups(al: _Aligner) -> None:
    """Two consecutive articles (sections, chapters) fused into one, or one
    cut in two: a heading left over whose section's paragraphs went (at least half of
    them, more than to any other) to the section of a heading linked 1:1 to the
    heading just before or after it, that section being fed mostly from
    the two, joins that link."""
    free_heading = any(al.kind[side][k] == HEADING for side in (0, 1) for k in al.free_ones(side))
    if not free_heading:
        return
    section, members = _sections(al)
    partner = al._partners()
    for side in (0, 1):
        other = 1 - side
        for h in sorted(members[side]):
            if al.kind[side][h] != HEADING or not al.free(side, h):
                continue
            # The section that received most of this one's paragraphs, at least
            # half of them (a paragraph or two may have moved elsewhere).
            received: dict[int, int] = defaultdict(int)
            for i in members[side][h]:
                for t in {section[other][j] for j in partner[side].get(i, ())}:
                    received[t] += 1
            ranked = sorted(received.items(), key=lambda r: (-r[1], r[0]))
            if not ranked or ranked[0][1] < SECTION_SHARE_MIN * len(members[side][h]) \
                    or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
                continue
            g = ranked[0][0]
            if g < 0 or al.kind[other][g] != HEADING or g in al.anchored[other]:
                continue
            h2 = al.match[other][g]
            # Consecutive sections: no other heading or label between the
            # two (but the label of the second: "Article 12" / "Confidentiality").
            later = max(h, h2)
            if h2 < 0 or al.kind[side][h2] != HEADING or any(
                    al.kind[side][k] != BODY and not (k == later - 1 and al.kind[side][k] == LABEL)
                    for k in range(min(h, h2) + 1, later)):
                continue
            sources = [section[side][i] for j in members[other][g]
                       for i in partner[other].get(j, ())]
            from_two = sum(1 for x in sources if x in (h, h2))
            if h2 not in sources or from_two < SECTION_SHARE_MIN * len(sources) \
                    or not _same_unit(al, side, (h, h2), g):
                continue
            al.match[side][h2] = al.match[other][g] = -1
            both = tuple(sorted((h, h2)))
            al.groups.append(((both, (g,)) if side == 0 else ((g,), both)))
            al.grouped[side].update(both)
            al.grouped[other].add(g)
            al.changes += 1
            partner = al._partners()


def _same_unit(al: _Aligner, side: int, heads: tuple[int, int], g: int) -> bool:
    """Whether the three headings name units of one kind ("Article 11",
    "Article 12" -> "Article 12"): only then are they known to be of one
    level. An untitled level ("Scope" under "The Specification") may be
    a new sub-heading, not half of a split."""
    def first(k_side: int, k: int) -> tuple[str, ...]:
        # A title may stand under its own label block ("Article 12" / "Confidentiality").
        if k > 0 and al.kind[k_side][k - 1] == LABEL:
            k -= 1
        return tuple(first_words((al.a, al.b)[k_side][k].text, 1))

    firsts = {first(side, h) for h in heads}
    firsts.add(first(1 - side, g))
    unit = firsts.pop()
    return not firsts and bool(unit) and unit[0] in LABEL_WORDS
