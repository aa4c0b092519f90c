"""Splits and merges: word for word concatenations, then coverage of a whole.

A paragraph whose words are exactly those of consecutive paragraphs of the
other draft (a name and its address cut apart, a record re-cut) is a split or
merge whatever its size. Two look-alike provisions fused into one are found
by the words the whole's partner lacks. Otherwise, coverage: which parts
together explain a whole.

A whole (a paragraph unmatched, or matched 1:1 only loosely) gathers parts
from the other draft near where it stood, not only next to each other (a
chair consolidates paragraphs from different places of a section). Seeds are
ranked by the mass of their wording found in the whole; a part joins while it
adds wording of the whole that the group did not cover yet, so a dropped
alternative that repeats a kept one adds nothing and stays out. Each part
must be mostly made of the whole's wording, and the group must cover most of
the whole, clearly better than the best single part: a short item whose words
all occur in a long paragraph covers little of it and is not a part. A part
that is clearly more another nearby paragraph's is that one's. Labelled
alternatives collapsed into a compromise need less gain; a chapeau before
the parts and an item between two parts join by their place.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING

from negotiator.diff.align_similarity import ALTERNATIVE_WORDS, BODY, LABEL, Lazy, first_words, words

if TYPE_CHECKING:
    from negotiator.diff.align import Para, _Aligner

# A whole whose 1:1 partner already covers this share of it is not reconsidered.
GROUP_SKIP = 0.85
# ...which it surely does when it has this share of the whole's distinct words
# (a split-off part of any size takes more than the rest).
SURELY_COVERED = 0.9
# The seed part draws this share of its (weighted) wording from the whole,
# every other nearby part at least PART_WEAK (a paragraph trimmed while merged)...
PART_MIN = 0.6
PART_WEAK = 0.3
# ...and adds this share of the whole's wording not covered yet.
STEP_GAIN = 0.1
# ...or, made mostly of the whole's wording, brings this share of it uncovered.
ALL_NEW = 0.9
# An item inside a fused list, trimmed (PART_WEAK), brings this share of it uncovered.
TRIMMED_NEW = 0.5
# The group covers this much of the whole...
COVER_MIN = 0.6
# ...and this much more than the best single part did alone.
GROUP_GAIN = 0.15
# A part drawing within FAMILY_MARGIN as much from another paragraph this
# close to the whole is a look-alike of the family, not a part.
FAMILY_WINDOW = 6
FAMILY_MARGIN = 0.05
# A part drawing PART_MIN of its wording, and this much more than from the
# whole, from another changed paragraph this close to the whole is that
# paragraph's part (an alternative kept in the compromise text two blocks on,
# not in the reworded provision next to it), wherever it stands.
ELSEWHERE_MARGIN = 0.15
# A paragraph sharing this share of its distinct words with a neighbour is
# an alternative of it, not another item of a list.
ALTERNATIVE_OVERLAP = 0.6
_ROMAN = re.compile(r"^[ivxlc]+$")
# How a chapeau introducing a list ends.
CHAPEAU_ENDS = (":", "\uff1a")
# A whole this short is too small to tell its parts from chance overlap.
MIN_WHOLE_WORDS = 8
# At most this many consecutive paragraphs make one whole word for word, of
# at least this many words together ("Edwin Foudil" + "Email: ...").
MAX_JOINED = 6
MAX_SKIPPED = 2
MIN_JOINED_WORDS = 4
# Enough of a text's start to read its first two words.
HEAD_CHARS = 200
# Parts are looked for among this many paragraphs around the whole's place
# (weak parts only there; from elsewhere, through the index, strong ones only).
REGION = 16


def find_groups(al: _Aligner) -> Iterator[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Splits (one A, several B), then merges (several A, one B)."""
    taken: tuple[set[int], set[int]] = (set(), set())
    yield from _concatenations(al, taken)
    yield from _completions(al, taken)
    chain = al.links_in_order()
    for whole_side in (0, 1):
        part_side = 1 - whole_side
        anchors_w = [p[whole_side] for p in chain]
        anchors_p = [p[part_side] for p in chain]
        n_part = len(al.b) if whole_side == 0 else len(al.a)
        wholes = [w for w in _changed(al, whole_side) if _worth_a_look(al, whole_side, w, taken)]
        # Parts may be headings too: a one-line "Status: permanent" merged into a record.
        spare = al.free_ones(part_side, labels=False)
        # Parts may also come from anywhere (a merge of moved paragraphs).
        far = dict(al._index_candidates(spare, wholes, pool_side=part_side)) \
            if wholes and spare else {}
        for w in wholes:
            if w in taken[whole_side]:
                continue
            partner = al.match[whole_side][w]
            # Where the whole's parts may stand: around its partner (it may have
            # moved), else between the partners of the nearest in-order links.
            if partner >= 0:
                lo, hi = max(0, partner - REGION // 2), min(n_part, partner + REGION // 2 + 1)
            else:
                k = bisect_left(anchors_w, w)
                lo = anchors_p[k - 1] + 1 if k > 0 else 0
                hi = anchors_p[k] if k < len(anchors_p) else n_part
                if hi - lo > REGION:
                    centre = lo + (hi - lo) // 2
                    lo, hi = max(lo, centre - REGION // 2), min(hi, centre + REGION // 2)
            pool = [p for p in range(lo, hi)
                    if p == partner or (al.free(part_side, p) and p not in taken[part_side]
                                        and al.kind[part_side][p] != LABEL)]
            if partner >= 0 and partner not in pool:
                pool.append(partner)
            near = set(pool)
            # Parts may also come from elsewhere (a merge of moved paragraphs).
            pool.extend(p for p in far.get(w, ()) if p not in near and al.free(part_side, p)
                        and p not in taken[part_side])
            group = _grow(al, whole_side, w, sorted(pool), partner, near)
            if group:
                taken[whole_side].add(w)
                taken[part_side].update(group)
                whole = (w,)
                yield (whole, group) if whole_side == 0 else (group, whole)


def _concatenations(al: _Aligner, taken: tuple[set[int], set[int]]
                    ) -> Iterator[tuple[tuple[int, ...], tuple[int, ...]]]:
    """A paragraph whose words are, in order, exactly those of consecutive
    paragraphs of the other draft: cut in two (a name and its address lines,
    a record's head and tail) or joined, with nothing reworded. Sure whatever
    their size, where coverage would find too little to weigh."""
    texts = (al.a, al.b)
    for whole_side in (0, 1):
        part_side = 1 - whole_side
        part_texts = texts[part_side]
        words_of = Lazy(partial(_words_at, part_texts))
        # Free paragraphs by their first two words (or their only word).
        starts: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for k in al.free_ones(part_side, labels=False):
            if k not in taken[part_side]:
                head = _head(texts[part_side][k].text)
                if head:
                    starts[head].append(k)
        n_part = len(texts[part_side])
        for w in _changed(al, whole_side):
            partner = al.match[whole_side][w]
            if w in al.blocked[whole_side] or w in al.anchored[whole_side] \
                    or w in al.grouped[whole_side] or w in taken[whole_side]:
                continue
            # Runs start at the partner (when a free paragraph follows it) or
            # at a free paragraph with the same first word: cheap tests first,
            # as most wholes of a long draft are merely edited in place.
            text = texts[whole_side][w].text
            head = _head(text)
            candidates = [*starts.get(head, ()), *starts.get(head[:1], ())]
            if partner >= 0 and any(_may_be_part(al, part_side, k, taken) for k in
                                    range(partner + 1, min(n_part, partner + 2 + MAX_SKIPPED))):
                candidates.insert(0, partner)
            if not candidates:
                continue
            whole = words(text)
            if len(whole) < MIN_JOINED_WORDS:
                continue
            for start in candidates:
                group = _joined_run(al, part_side, start, whole, partner, words_of, taken)
                if group:
                    taken[whole_side].add(w)
                    taken[part_side].update(group)
                    yield ((w,), group) if whole_side == 0 else (group, (w,))
                    break


def _completions(al: _Aligner, taken: tuple[set[int], set[int]]
                 ) -> Iterator[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Two look-alike provisions fused into one ("... to request assistance",
    "... to provide assistance" -> "... to request and provide assistance"):
    the whole's partner covers nearly all of it, so coverage sees no gain, but
    every word the partner lacks comes from a free paragraph next to it, itself
    made only of the whole's words."""
    for whole_side in (0, 1):
        part_side = 1 - whole_side
        rough_w, rough_p = al.rough_words[whole_side], al.rough_words[part_side]
        match_w, match_p = al.match[whole_side], al.match[part_side]
        keys_w, keys_p = al.key[whole_side], al.key[part_side]
        n_part = len(match_p)
        # From the free paragraphs (few) to the wholes whose partner they stand
        # beside, then in the wholes' order.
        wholes: set[int] = set()
        for q in al.free_ones(part_side, labels=False):
            for partner in (q - 1, q + 1):
                if 0 <= partner < n_part and match_p[partner] >= 0 \
                        and keys_w[match_p[partner]] != keys_p[partner]:
                    wholes.add(match_p[partner])
        for w in sorted(wholes):
            partner = match_w[w]
            if partner < 0 or al.kind[whole_side][w] != BODY or w in al.anchored[whole_side] \
                    or w in al.grouped[whole_side] or w in taken[whole_side]:
                continue
            beside = [q for q in (partner - 1, partner + 1) if 0 <= q < n_part
                      and al.kind[part_side][q] == BODY and _may_be_part(al, part_side, q, taken)]
            if not beside:
                continue
            missing = rough_w[w] - rough_p[partner]
            if not missing:
                continue
            for q in beside:
                if missing <= rough_p[q] <= rough_w[w]:
                    group = tuple(sorted((partner, q)))
                    taken[whole_side].add(w)
                    taken[part_side].update(group)
                    yield ((w,), group) if whole_side == 0 else (group, (w,))
                    break


def _changed(al: _Aligner, side: int) -> list[int]:
    """Paragraphs of one side unmatched or matched 1:1 to another text (a
    text kept word for word is neither split nor merged)."""
    keys, other_keys = al.key[side], al.key[1 - side]
    return [k for k, m in enumerate(al.match[side]) if m < 0 or keys[k] != other_keys[m]]


def _words_at(texts: Sequence[Para], k: int) -> list[str]:
    return words(texts[k].text)


def _head(text: str) -> tuple[str, ...]:
    """The first two words of a text (from its start: no need to read it all)."""
    return tuple(first_words(text[:HEAD_CHARS], 2))


def _may_be_part(al: _Aligner, side: int, k: int, taken: tuple[set[int], set[int]]) -> bool:
    return al.free(side, k) and k not in taken[side] and al.kind[side][k] != LABEL


def _joined_run(al: _Aligner, side: int, start: int, whole: list[str], partner: int,
                words_of: Lazy, taken: tuple[set[int], set[int]]) -> tuple[int, ...]:
    """The paragraphs from ``start`` on whose words make ``whole`` exactly (at
    least two; each free, or the whole's own 1:1 partner), in order, with at
    most MAX_SKIPPED others between them (a rule inserted inside a list)."""
    n = len(al.a) if side == 0 else len(al.b)
    at, k, skipped = 0, start, 0
    run: list[int] = []
    while at < len(whole) and k < n and len(run) < MAX_JOINED:
        part = words_of[k] if k == partner or _may_be_part(al, side, k, taken) else []
        if part and whole[at:at + len(part)] == part:
            run.append(k)
            at += len(part)
        elif run and skipped < MAX_SKIPPED:
            skipped += 1
        else:
            return ()
        k += 1
    return tuple(run) if at == len(whole) and len(run) >= 2 else ()


def _alternative(al: _Aligner, side: int, k: int) -> bool:
    """Whether paragraph ``k`` is a labelled alternative: "Option 2:" stands
    before it as a block of its own, or opens its text ("Option B: [...]")."""
    keys = al.key[side]  # typed numbers ("1. Option 1:") left out
    if k > 0 and al.kind[side][k - 1] == LABEL:
        head = _head(keys[k - 1])
        return bool(head) and head[0] in ALTERNATIVE_WORDS
    head = _head(keys[k])
    return len(head) == 2 and head[0] in ALTERNATIVE_WORDS \
        and (head[1].isdigit() or len(head[1]) == 1 or bool(_ROMAN.match(head[1])))


def _worth_a_look(al: _Aligner, whole_side: int, w: int, taken: tuple[set[int], set[int]]) -> bool:
    """Unmatched, or matched 1:1 to a text that leaves much of it uncovered."""
    if al.kind[whole_side][w] != BODY or w in al.blocked[whole_side] \
            or w in al.anchored[whole_side] \
            or w in taken[whole_side] or w in al.grouped[whole_side]:
        return False
    partner = al.match[whole_side][w]
    if partner < 0:
        return True
    part_side = 1 - whole_side
    if al.key[whole_side][w] == al.key[part_side][partner]:
        return False
    # Cheap first: nearly every distinct word of the whole is in its partner
    # (unless the partner is a labelled alternative: its sibling options
    # may bring the few words it lacks).
    words_w = al.rough_words[whole_side][w]
    if len(words_w & al.rough_words[part_side][partner]) >= SURELY_COVERED * len(words_w) \
            and not _alternative(al, part_side, partner):
        return False
    feat = al.features()
    whole_mass = feat.mass[whole_side][w]
    return bool(whole_mass > 0 and feat.shared(feat.counts[whole_side][w],
                                               feat.counts[part_side][partner]) < GROUP_SKIP * whole_mass)


def _family_member(al: _Aligner, whole_side: int, w: int, p: int, drawn: float) -> bool:
    """Whether part ``p`` draws about as much wording from another paragraph
    near the whole: then it shares the frame of a family of blocks
    ("<CODE BEGINS> ... <CODE ENDS>"), not content of its own, with the whole.
    (A part next to the whole's 1:1 partner or to another part is placed by
    its position instead.)"""
    feat = al.features()
    part_side = 1 - whole_side
    counts, mass = feat.counts[part_side][p], feat.mass[part_side][p]
    n = len(al.a) if whole_side == 0 else len(al.b)
    # A weak part must also share a word with the whole that no paragraph
    # around the whole has: else all it brings is the family's vocabulary.
    distinct = drawn >= PART_MIN
    common = counts.keys() & feat.counts[whole_side][w].keys()
    for w2 in range(max(0, w - FAMILY_WINDOW), min(n, w + FAMILY_WINDOW + 1)):
        if w2 == w:
            continue
        other = feat.counts[whole_side][w2]
        if feat.shared(counts, other) >= (drawn - FAMILY_MARGIN) * mass:
            return True
        if not distinct:
            common -= other.keys()
    return not distinct and not common


def _drawn_more_elsewhere(al: _Aligner, whole_side: int, w: int, p: int, drawn: float) -> bool:
    """Whether part ``p`` is clearly more made of another changed paragraph
    near the whole than of the whole: then it is that one's part."""
    feat = al.features()
    part_side = 1 - whole_side
    counts, mass = feat.counts[part_side][p], feat.mass[part_side][p]
    bar = max(PART_MIN, drawn + ELSEWHERE_MARGIN) * mass
    keys, other_keys, match = al.key[whole_side], al.key[part_side], al.match[whole_side]
    n = len(keys)
    for w2 in range(max(0, w - FAMILY_WINDOW), min(n, w + FAMILY_WINDOW + 1)):
        if w2 == w or al.kind[whole_side][w2] != BODY \
                or match[w2] >= 0 and keys[w2] == other_keys[match[w2]]:
            continue
        if feat.shared(counts, feat.counts[whole_side][w2]) >= bar:
            return True
    return False


def _grow(al: _Aligner, whole_side: int, w: int, pool: list[int], partner: int,
          near: set[int]) -> tuple[int, ...]:
    feat = al.features()
    part_side = 1 - whole_side
    whole_counts = feat.counts[whole_side][w]
    whole_mass = feat.mass[whole_side][w]
    if whole_mass <= 0 or len(pool) < 2 or len(feat.tokens[whole_side][w]) < MIN_WHOLE_WORDS:
        return ()

    def contained(p: int) -> float:
        """Mass of the part's wording found in the whole."""
        return feat.shared(feat.counts[part_side][p], whole_counts)

    def coverage(parts: list[int]) -> float:
        total: Counter[str] = Counter()
        for p in parts:
            total.update(feat.counts[part_side][p])
        return float(feat.shared(whole_counts, total) / whole_mass)

    # Cheap first: a part with under a fifth of its distinct words in the whole
    # cannot draw PART_WEAK of its weighted wording from it in practice.
    words_w = whole_counts.keys()
    part_counts = feat.counts[part_side]
    pool = [p for p in pool
            if len(words_w & part_counts[p].keys()) >= 0.2 * len(part_counts[p])]
    if len(pool) < 2:
        return ()
    share = {p: contained(p) for p in pool}
    drawn = {p: share[p] / feat.mass[part_side][p] if feat.mass[part_side][p] > 0 else 0.0
             for p in pool}
    parts_ok = [p for p in pool if drawn[p] >= (PART_WEAK if p in near else PART_MIN)
                and (p == partner or not _drawn_more_elsewhere(al, whole_side, w, p, drawn[p]))]
    seeds = [p for p in parts_ok if drawn[p] >= PART_MIN]
    if len(parts_ok) < 2 or not seeds:
        return ()
    # The seed too comes from nearby when one can: a far paragraph sharing the
    # whole's boilerplate ("Status: ... Change controller: ...") may contain
    # more of it than any real part, and would then crowd a real part out.
    near_seeds = [p for p in seeds if p in near]
    ranked = sorted(near_seeds or seeds, key=lambda p: (-share[p], p))
    seed = next((p for p in ranked if abs(p - partner) == 1 or p == partner
                 or not _family_member(al, whole_side, w, p, drawn[p])), -1)
    if seed < 0:
        return ()
    group = [seed]
    cov = coverage(group)
    # Nearby parts first: a far paragraph that happens to share the same
    # boilerplate must not take the place of the real part next door.
    for tier in ([p for p in parts_ok if p in near], [p for p in parts_ok if p not in near]):
        while True:
            best, best_cov = -1, cov
            for p in tier:
                if p in group:
                    continue
                c = coverage([*group, p])
                # A list item cut from a long sentence adds little of the
                # whole, but all it brings from the whole is new.
                whole_new = drawn[p] >= PART_MIN and (c - cov) * whole_mass >= ALL_NEW * share[p]
                if (c - cov >= STEP_GAIN or whole_new) and c > best_cov:
                    best, best_cov = p, c
            if best < 0:
                break
            # Next to the partner or to a part already taken, position places
            # it; further away it must not be a mere look-alike of the family.
            if all(abs(best - g) != 1 for g in (partner, *group)) \
                    and _family_member(al, whole_side, w, best, drawn[best]):
                tier = [p for p in tier if p != best]
                continue
            group.append(best)
            cov = best_cov
    if len(group) < 2 or cov < COVER_MIN:
        return ()
    alone = max(coverage([p]) for p in ([partner] if partner >= 0 else []) + [seed])
    # Alternatives collapsed into a compromise ("Option 1:" text, "Option 2:"
    # text -> one text): the kept wording of the second adds less than a
    # merge of plain paragraphs must, but each part is a labelled option.
    labelled = all(_alternative(al, part_side, p) for p in group)
    if cov < alone + (STEP_GAIN if labelled else GROUP_GAIN):
        return ()
    # A list item between two parts, mostly made of the whole's wording, is a
    # part too, though the items around it covered its words already; not an
    # alternative of a part beside it (dropped: it repeats what was kept).
    # Further inside a fused list, an item trimmed while fused (PART_WEAK of
    # its wording in the whole) joins when most of what it brings is wording
    # no part brought: not a look-alike of the items kept.
    rough = al.rough_words[part_side]

    def no_alternative(p: int) -> bool:
        return all(len(rough[p] & rough[q]) < ALTERNATIVE_OVERLAP * max(len(rough[p]), len(rough[q]))
                   for q in (p - 1, p + 1))

    inside = [p for p in pool if min(group) < p < max(group) and p not in group]
    sandwiched = [p for p in inside if p - 1 in group and p + 1 in group and drawn[p] >= PART_MIN]
    trimmed = [p for p in inside if p not in sandwiched and drawn[p] >= PART_WEAK
               and (coverage([*group, p]) - cov) * whole_mass >= TRIMMED_NEW * share[p]]
    group += [p for p in sandwiched + trimmed if no_alternative(p)]
    # A chapeau fused with its items ("The purposes of this Convention are:"
    # + (a)-(c) -> one sentence) adds little wording, but it introduces them.
    chapeau = min(group) - 1
    if chapeau in parts_ok and chapeau not in group \
            and (al.a, al.b)[part_side][chapeau].text.rstrip().endswith(CHAPEAU_ENDS):
        group.append(chapeau)
    return tuple(sorted(group))
