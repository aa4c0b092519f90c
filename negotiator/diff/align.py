"""Paragraph alignment of two drafts: which paragraph of B continues which of A.

Pure functions over plain values (no store, no Qt); same input, same output,
whatever the process's hash seed. The stages, in order:

1. User corrections: anchors (pairs that must link) and paragraphs declared
   new or gone. They always win.
2. Order first. Identical texts that occur once in each draft anchor the
   alignment (patience diff). Inside every gap between anchors, one
   similarity-weighted monotone chain is chosen over all candidate pairs at
   once (banded in big gaps); a pair needs less similarity the more its
   position backs it (a rewrite in place between two matched neighbours),
   less still in a text revised throughout (calibrated on the pair's own
   in-place links), and, out of step, must not be as similar to a look-alike
   nearby. Words a template's members all share (its frame) weigh less.
3. Moves, afterwards, from what is left: candidates from an inverted index of
   rare words, picked best first over all candidates at once (a greedy
   assignment, not an optimal one) with a margin test, neighbours breaking
   ties between look-alikes.
4. Headings as a skeleton (align_headings): a heading links to the heading
   of the section its section's paragraphs went to, whatever its number or
   title; two consecutive articles fused (or one cut in two) merge (split)
   their headings.
5. Splits and merges (align_groups): first a paragraph made word for word
   of others, then two look-alike provisions fused, then coverage of the
   whole (a chapeau and labelled alternatives included); then gaps aligned
   again with the groups as anchors.
6. A paragraph moved while its bracketed text was dropped (or added),
   from what is still left: compared on its agreed text (align_agreed).
7. Labels ("Option 2:", "Article 4", "(b)") carry no content: each takes the
   link of the block it labels, whatever number it has on the other side.

Modules: align_similarity (tokens, kinds, TF-IDF), align_order (chains),
align_gaps (stage 2 inside the gaps), align_headings (stage 4),
align_groups (splits and merges), align_agreed (stage 6).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from negotiator.diff.align_agreed import agreed_moves
from negotiator.diff.align_gaps import RIVAL_MARGIN, gap_chains
from negotiator.diff.align_groups import find_groups
from negotiator.diff.align_headings import heading_groups, link_headings
from negotiator.diff.align_order import longest_increasing, unique_anchors
from negotiator.diff.align_similarity import (
    BODY,
    HEADING,
    LABEL,
    LONG_TEXT,
    SHORT_WORDS,
    Features,
    Lazy,
    kind_of,
    normalise,
    words,
    words_beside_identifiers,
)
from negotiator.domain.vocabulary import ChangeKind
from negotiator.text.parse import split_number

__all__ = ["ADDED", "DELETED", "MERGED", "MODIFIED", "MOVED", "RENUMBERED", "SPLIT",
           "STATUSES", "UNCHANGED", "Link", "Para", "align", "displayed_number",
           "normalise", "normalise_number", "words"]

# The classes of a link: the domain's change kinds (one vocabulary for every layer).
UNCHANGED = ChangeKind.UNCHANGED
MODIFIED = ChangeKind.MODIFIED
RENUMBERED = ChangeKind.RENUMBERED
MOVED = ChangeKind.MOVED
SPLIT = ChangeKind.SPLIT
MERGED = ChangeKind.MERGED
ADDED = ChangeKind.ADDED
DELETED = ChangeKind.DELETED
STATUSES = tuple(ChangeKind)
# Statuses made once: a long draft's links share them (fewer objects to collect).
_ONLY: dict[ChangeKind, tuple[str, ...]] = {kind: (kind,) for kind in ChangeKind}
_MOVED_MODIFIED: tuple[str, ...] = (MOVED, MODIFIED)

# --- Thresholds (similarity: TF-IDF cosine over words and word pairs, 0..1) ---
# Across gaps (a move): no positional support, so most rare wording must match.
MOVE_MIN = 0.5
# A template's frame is weighed only from this similarity up (below, no
# decision is taken on it) and under NEAR_IDENTICAL (the pair is sure anyway).
FRAME_FROM = 0.15
# A move candidate this close to a rival for the same paragraph is ambiguous;
# it is taken only when its neighbours moved with it or it is near-identical.
# The same margin makes a link in a gap doubtful (align_gaps).
MOVE_MARGIN = RIVAL_MARGIN
NEAR_IDENTICAL = 0.9
# A candidate whose neighbour on either side links to the neighbour of its
# partner: look-alikes and duplicates are told apart by their context.
NEIGHBOUR_BONUS = 0.1
# Inverted index: a word in more unmatched paragraphs than this is too common
# to suggest a candidate; per paragraph, this many rare words are looked up
# and this many candidates scored exactly.
POSTING_CAP = 50
LOOKUP_WORDS = 12
INDEX_CANDIDATES = 8


@dataclass(frozen=True)
class Para:
    """A paragraph as the aligner sees it: its displayed number and its text."""

    number: str | None
    text: str


@dataclass(frozen=True)
class Link:
    """One entry of an alignment: A paragraphs ``old`` continue as B paragraphs ``new``.

    ``status`` holds one class, or two for a combination such as
    ("moved", "modified"). ``old`` is empty for an added paragraph, ``new`` for a
    deleted one.
    """

    status: tuple[str, ...]
    old: tuple[int, ...]
    new: tuple[int, ...]


def normalise_number(number: str | None) -> str:
    """A displayed number without case, spaces and trailing punctuation ("12 bis." -> "12bis")."""
    if not number:
        return ""
    if number.isalnum():
        return number.lower()  # nothing to take out (most numbers)
    return re.sub(r"[\s.]+", "", number).lower()


def displayed_number(para: Para) -> str:
    """The number a reader sees: the stored one, else one typed at the text's start."""
    if para.number:
        return normalise_number(para.number)
    typed = split_number(para.text.strip())
    return normalise_number(typed.label) if typed is not None and typed.rest.strip() else ""


_ROMAN = re.compile(r"^[ivxlc]+$")
_PUNCTUATION = str.maketrans({c: " " for c in ".,;:!?()[]{}\"'"})


def _rough_words(text: str) -> set[str]:
    return set(text.lower().translate(_PUNCTUATION).split())


def _keys(paras: Sequence[Para], seen: dict[str, str]) -> list[str]:
    """Each paragraph's text normalised, each distinct text once."""
    out = []
    for p in paras:
        key = seen.get(p.text)
        if key is None:
            key = seen[p.text] = normalise(p.text)
        out.append(key)
    return out


def _kinds(paras: Sequence[Para], seen: dict[tuple[str, bool], str]) -> list[str]:
    """Each paragraph's kind; a text with or without a number of its own is
    classed once (kind_of only asks whether there is one)."""
    out = []
    for p in paras:
        if len(p.text) > LONG_TEXT:
            out.append(BODY)  # kind_of's first answer, without hashing the text
            continue
        key = (p.text, bool(p.number))
        kind = seen.get(key)
        if kind is None:
            kind = seen[key] = kind_of(p.text, p.number)
        out.append(kind)
    return out


def _bracket_marks(text: str) -> str:
    return "".join(c for c in text if c in "[]")


def _most_hit(hits: dict[int, float]) -> list[int]:
    """The INDEX_CANDIDATES paragraphs with most hits, ties by index."""
    if len(hits) > INDEX_CANDIDATES:
        # Only what reaches the n-th best score can be among the n best:
        # fewer pairs to order by a key.
        cutoff = sorted(hits.values(), reverse=True)[INDEX_CANDIDATES - 1]
        top = [h for h in hits.items() if h[1] >= cutoff]
    else:
        top = list(hits.items())
    top.sort(key=lambda h: (-h[1], h[0]))
    return [i for i, _ in top[:INDEX_CANDIDATES]]


def _same_label(label: list[str], head: list[str]) -> bool:
    """Whether ``head`` is ``label`` up to its identifiers ("Option 1" and
    "Option 2", "(b)" and "(c)"): what labels a text, not which one it is."""
    return len(label) == len(head) and all(
        x == y or (x.isdigit() or _ROMAN.match(x) or len(x) == 1)
        and (y.isdigit() or _ROMAN.match(y) or len(y) == 1)
        for x, y in zip(label, head, strict=True))


class _Aligner:
    def __init__(self, a: Sequence[Para], b: Sequence[Para], unlinked_a: Collection[int],
                 unlinked_b: Collection[int]) -> None:
        self.a, self.b = a, b
        # Each distinct text is normalised and classed once (a long draft keeps
        # most of its texts).
        plain: dict[str, str] = {}
        kinds: dict[tuple[str, bool], str] = {}
        self.key = (_keys(a, plain), _keys(b, plain))
        self.match = ([-1] * len(a), [-1] * len(b))
        self.blocked = (set(unlinked_a), set(unlinked_b))
        self.kind = (_kinds(a, kinds), _kinds(b, kinds))
        self.groups: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
        self.grouped: tuple[set[int], set[int]] = (set(), set())
        self.feat: Features | None = None
        # Distinct lower-cased words split at spaces and punctuation: enough to
        # see that two paragraphs are nearly the same, for a fraction of the
        # cost of weighing their words.
        # Of the normalised text: a typed number ("3.") is no word of it.
        self.rough_words = (Lazy(lambda i: _rough_words(self.key[0][i])),
                            Lazy(lambda j: _rough_words(self.key[1][j])))
        # Bumped by every change of the links, so the in-order chain is
        # recomputed only when something changed.
        self.changes = 0
        self._in_order: tuple[int, list[tuple[int, int]]] = (-1, [])
        # Similarity of the in-place links of the first gap pass, and the
        # factor on slot floors they give (None: not calibrated yet).
        self.in_place_sims: list[float] = []
        self.slot_scale: float | None = None
        # User anchors: exactly these 1:1 links, never regrouped.
        self.anchored: tuple[set[int], set[int]] = (set(), set())

    # -- helpers --
    def free(self, side: int, k: int) -> bool:
        return self.match[side][k] < 0 and k not in self.blocked[side] \
            and k not in self.grouped[side]

    def free_ones(self, side: int, labels: bool = True) -> list[int]:
        """The free paragraphs of one side in order (``labels``: labels too)."""
        blocked, grouped, kind = self.blocked[side], self.grouped[side], self.kind[side]
        return [k for k, m in enumerate(self.match[side])
                if m < 0 and k not in blocked and k not in grouped
                and (labels or kind[k] != LABEL)]

    def pair(self, i: int, j: int) -> None:
        self.match[0][i] = j
        self.match[1][j] = i
        self.changes += 1

    def features(self) -> Features:
        if self.feat is None:
            self.feat = Features(
                self.key, self.kind,
                (self.free_ones(0), self.free_ones(1)))
        return self.feat

    def similarity(self, i: int, j: int, floor: float = 0.0) -> float:
        """Cosine of content, a shared template's frame discounted; short blocks
        only count when their content is equal. The frame is weighed only when
        the plain cosine reaches ``floor``: it serves to refuse a link."""
        feat = self.features()
        ta, tb = feat.tokens[0][i], feat.tokens[1][j]
        if min(len(ta), len(tb)) < SHORT_WORDS or ta == tb:
            return 1.0 if ta == tb else 0.0
        sim = feat.cosine(i, j)
        if max(FRAME_FROM, floor) <= sim < NEAR_IDENTICAL:
            sim = feat.framed_cosine(i, j)
        # Rounded: two equal texts must tie exactly, not by float noise.
        return round(min(1.0, sim), 9)

    def compatible(self, i: int, j: int) -> bool:
        """Headings link to headings, paragraphs to paragraphs; a numbered item
        ("(b) ...") to a numbered item of either kind: a short item edited
        (brackets lifted, a word added) can cross the line between the two."""
        if (self.kind[0][i] == HEADING) == (self.kind[1][j] == HEADING):
            return True
        return bool(self.a[i].number) and bool(self.b[j].number) \
            and LABEL not in (self.kind[0][i], self.kind[1][j])

    def links_in_order(self) -> list[tuple[int, int]]:
        """Every link (groups by their first paragraphs) on the longest in-order run."""
        if self._in_order[0] == self.changes:
            return self._in_order[1]
        pairs = [(i, j) for j, i in enumerate(self.match[1]) if i >= 0]
        if self.groups:
            pairs.extend((olds[0], news[0]) for olds, news in self.groups)
            pairs.sort(key=lambda p: (p[1], p[0]))
        chain = [pairs[k] for k in longest_increasing([i for i, _ in pairs])]
        self._in_order = (self.changes, chain)
        return chain

    # -- stage 1 --
    def apply_anchors(self, anchors: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """Pair the user's anchors; return those in order, which bound the search."""
        seen_a: set[int] = set()
        seen_b: set[int] = set()
        clean: list[tuple[int, int]] = []
        for i, j in anchors:
            if not (0 <= i < len(self.a) and 0 <= j < len(self.b)):
                raise ValueError(f"anchor ({i}, {j}) is outside the drafts")
            if i in seen_a or j in seen_b:
                raise ValueError(f"anchor ({i}, {j}) repeats a paragraph of another anchor")
            seen_a.add(i)
            seen_b.add(j)
            self.blocked[0].discard(i)
            self.blocked[1].discard(j)
            self.pair(i, j)
            self.anchored[0].add(i)
            self.anchored[1].add(j)
            clean.append((i, j))
        clean.sort(key=lambda p: p[1])
        return [clean[k] for k in longest_increasing([i for i, _ in clean])]

    # -- stage 2 --
    def identical(self, chain: list[tuple[int, int]]) -> None:
        # Labels are left out: "Option 2:" in both drafts may label different texts.
        usable = ([False] * len(self.a), [False] * len(self.b))
        for side in (0, 1):
            for k in self.free_ones(side, labels=False):
                usable[side][k] = True
        for i, j in unique_anchors(self.key[0], self.key[1], usable[0], usable[1], chain):
            self.pair(i, j)
        # A text found once in each draft, out of order, moved: as sure a link
        # as any (short ones excepted: "Example:" may head another example).
        count: tuple[dict[str, int], dict[str, int]] = ({}, {})
        where: tuple[dict[str, int], dict[str, int]] = ({}, {})
        for side in (0, 1):
            keys, kinds, counted, found = self.key[side], self.kind[side], count[side], where[side]
            for key in keys:
                counted[key] = counted.get(key, 0) + 1
            for k in self.free_ones(side):
                if kinds[k] == BODY and len(keys[k].split()) >= SHORT_WORDS:
                    found[keys[k]] = k
        for key, i in where[0].items():
            j = where[1].get(key, -1)
            if j >= 0 and count[0][key] == 1 and count[1].get(key) == 1:
                self.pair(i, j)

    def _index_candidates(self, pool_a: list[int], pool_b: list[int],
                          pool_side: int = 0) -> list[tuple[int, list[int]]]:
        """For each paragraph of ``pool_b``, the paragraphs of ``pool_a`` (on side
        ``pool_side``; the queries are on the other) sharing most of its rare words."""
        feat = self.features()
        weight = feat.w
        postings: dict[str, list[int]] = defaultdict(list)
        for i in pool_a:
            for t in feat.counts[pool_side][i]:
                postings[t].append(i)
        rare = {t: plist for t, plist in postings.items() if len(plist) <= POSTING_CAP}

        def rarest_first(t: str) -> tuple[float, str]:
            return -weight[t], t

        out = []
        for j in pool_b:
            hits: dict[int, float] = {}
            looked_up = sorted([t for t in feat.counts[1 - pool_side][j] if t in rare],
                               key=rarest_first)[:LOOKUP_WORDS]
            for t in looked_up:
                w = weight[t]
                for i in rare[t]:
                    hits[i] = hits.get(i, 0.0) + w
            out.append((j, _most_hit(hits)))
        return out

    # -- stage 3 --
    def moves(self) -> None:
        pool_a, pool_b = self.free_ones(0, labels=False), self.free_ones(1, labels=False)
        if not pool_a or not pool_b:
            return
        by_key: dict[str, list[int]] = defaultdict(list)
        for i in pool_a:
            by_key[self.key[0][i]].append(i)
        cands: list[tuple[float, float, int, int]] = []
        for j, found in self._index_candidates(pool_a, pool_b):
            for i in dict.fromkeys([*by_key.get(self.key[1][j], []), *found]):
                if not self.compatible(i, j):
                    continue
                sim = self.similarity(i, j, MOVE_MIN)
                if sim < MOVE_MIN:
                    continue
                cands.append((sim + NEIGHBOUR_BONUS * self._neighbours(i, j), sim, i, j))
        cands.sort(key=lambda c: (-c[0], c[2], c[3]))
        # Each paragraph's candidates as (score, the paragraph on the other side).
        best_of: tuple[dict[int, list[tuple[float, int]]], dict[int, list[tuple[float, int]]]] = (
            defaultdict(list), defaultdict(list))
        for score, _, i, j in cands:
            best_of[0][i].append((score, j))
            best_of[1][j].append((score, i))
        for score, sim, i, j in cands:
            if not (self.free(0, i) and self.free(1, j)):
                continue
            # Every other candidate of either side is a rival, an exact tie most of all.
            rivals = [s for s, other in best_of[0][i] if other != j] + [
                s for s, other in best_of[1][j] if other != i]
            if sim < NEAR_IDENTICAL and any(abs(s - score) < MOVE_MARGIN for s in rivals):
                continue
            self.pair(i, j)

    def _neighbours(self, i: int, j: int) -> int:
        ma, mb = self.match
        before = i > 0 and j > 0 and ma[i - 1] == j - 1
        after = i + 1 < len(ma) and j + 1 < len(mb) and ma[i + 1] == j + 1
        return int(before) + int(after)

    def _partners(self) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
        out: tuple[dict[int, list[int]], dict[int, list[int]]] = (defaultdict(list),
                                                                  defaultdict(list))
        for i, j in enumerate(self.match[0]):
            if j >= 0:
                out[0][i].append(j)
                out[1][j].append(i)
        for olds, news in self.groups:
            for i in olds:
                out[0][i].extend(news)
            for j in news:
                out[1][j].extend(olds)
        return out

    # -- stage 4 is align_headings --

    # -- stage 5 --
    def splits_and_merges(self) -> None:
        for olds, news in find_groups(self):
            for i in olds:
                if self.match[0][i] >= 0:
                    self.match[1][self.match[0][i]] = -1
                    self.match[0][i] = -1
            for j in news:
                if self.match[1][j] >= 0:
                    self.match[0][self.match[1][j]] = -1
                    self.match[1][j] = -1
            self.groups.append((olds, news))
            self.changes += 1
            self.grouped[0].update(olds)
            self.grouped[1].update(news)

    # -- stage 6 --
    def labels(self) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        """Units (olds, news) with every label attached to what it labels."""
        if LABEL not in self.kind[0] and LABEL not in self.kind[1]:
            # No label to attach (most long drafts): the links as they stand.
            plain: list[tuple[tuple[int, ...], tuple[int, ...]]] = [
                ((i,), (j,)) for j, i in enumerate(self.match[1]) if i >= 0]
            if self.groups:
                plain.extend(self.groups)
                plain.sort(key=lambda u: (u[1][0], u[0][0]))
            return plain
        units: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
        unit_of: tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int]]] = ({}, {})
        for olds, news in self.groups:
            units[(olds[0], news[0])] = (list(olds), list(news))
        for i, j in enumerate(self.match[0]):
            if j >= 0:
                units[(i, j)] = ([i], [j])
        for key, (unit_olds, unit_news) in units.items():
            for i in unit_olds:
                unit_of[0][i] = key
            for j in unit_news:
                unit_of[1][j] = key
        for side in (0, 1):
            other = 1 - side
            texts = (self.a, self.b)
            n = len(texts[side])
            # Last label first, so a run of labels follows the block after it.
            for k in range(n - 1, -1, -1):
                if self.kind[side][k] != LABEL or k in unit_of[side] or k in self.blocked[side]:
                    continue
                nxt = k + 1
                if nxt >= n or nxt not in unit_of[side]:
                    continue
                key = unit_of[side][nxt]
                olds_news = units[key]
                first_other = min(olds_news[other])
                before = first_other - 1
                # The block before the partner is a free label or title: the two
                # label the same text ("Article 3 (Scope)" -> "Article 4"); of a
                # merge's labels, the first block's ("Article 11" of Articles 11
                # and 12 fused into "Article 12 / Exchange and protection ...").
                if before >= 0 and self.kind[other][before] != BODY \
                        and nxt == min(olds_news[side]) \
                        and before not in unit_of[other] and before not in self.blocked[other]:
                    pair_key = (k, before) if side == 0 else (before, k)
                    units[pair_key] = ([pair_key[0]], [pair_key[1]])
                    unit_of[0][pair_key[0]] = unit_of[1][pair_key[1]] = pair_key
                    continue
                # Label + text concatenated on the other side ("Option 1:" +
                # text -> "Option 2: text" once an alternative came first), or
                # the labelled text merged with others (options collapsed into
                # one text): the label joins.
                label = words(texts[side][k].text)
                joined = words(texts[other][first_other].text)
                if label and (_same_label(label, joined[:len(label)])
                              or len(olds_news[side]) > 1 and len(olds_news[other]) == 1):
                    olds_news[side].append(k)
                    olds_news[side].sort()
                    unit_of[side][k] = key
        return sorted(((tuple(o), tuple(n)) for o, n in units.values()),
                      key=lambda u: (u[1][0], u[0][0]))

    # -- result --
    def result(self, units: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> list[Link]:
        a, b = self.a, self.b
        on_lis = set(longest_increasing([u[0][0] for u in units]))
        links: dict[int, Link] = {}
        in_order_unit_of_a: dict[int, int] = {}
        linked_a: set[int] = set()
        linked_b: set[int] = set()
        for pos, (olds, news) in enumerate(units):
            moved = pos not in on_lis
            linked_a.update(olds)
            linked_b.update(news)
            if len(olds) > 1 or len(news) > 1:
                kind = SPLIT if len(olds) == 1 else MERGED
                status: tuple[str, ...] = (MOVED, kind) if moved else _ONLY[kind]
            else:
                status = self._pair_status(olds[0], news[0], moved)
            links[news[0]] = Link(status, olds, news)
            if not moved:
                for i in olds:
                    in_order_unit_of_a[i] = news[0]
        for j in range(len(b)):
            if j not in linked_b:
                links[j] = Link(_ONLY[ADDED], (), (j,))
        # Deleted paragraphs go after the link of the nearest earlier A paragraph
        # that kept its place (or first, when there is none).
        after: dict[int, list[Link]] = defaultdict(list)
        last = -1
        for i in range(len(a)):
            if i in in_order_unit_of_a:
                last = in_order_unit_of_a[i]
            elif i not in linked_a:
                after[last].append(Link(_ONLY[DELETED], (i,), ()))
        out: list[Link] = list(after.get(-1, []))
        for key in sorted(links):
            out.append(links[key])
            out.extend(after.get(key, []))
        return out

    def _pair_status(self, i: int, j: int, moved: bool) -> tuple[str, ...]:
        same = self.key[0][i] == self.key[1][j]
        ta, tb = self.a[i].text, self.b[j].text
        if not same and self.kind[0][i] != BODY and self.kind[1][j] != BODY \
                and _bracket_marks(ta) == _bracket_marks(tb) \
                and words_beside_identifiers(ta) == words_beside_identifiers(tb):
            # A label or heading whose only change is its number (brackets
            # lifted or added change its wording).
            return _ONLY[MOVED] if moved else _ONLY[RENUMBERED]
        if moved:
            return _ONLY[MOVED] if same else _MOVED_MODIFIED
        if not same:
            return _ONLY[MODIFIED]
        if displayed_number(self.a[i]) != displayed_number(self.b[j]):
            return _ONLY[RENUMBERED]
        return _ONLY[UNCHANGED]


def align(
    a: Sequence[Para],
    b: Sequence[Para],
    anchors: Sequence[tuple[int, int]] = (),
    *,
    unlinked_a: Collection[int] = (),
    unlinked_b: Collection[int] = (),
) -> list[Link]:
    """Align draft ``a`` to draft ``b`` and classify every paragraph.

    Args:
        a: The earlier (FROM) draft's paragraphs in document order.
        b: The later (TO) draft's paragraphs in document order.
        anchors: (index in a, index in b) pairs that must link, e.g. a user's
            correction; they win over the algorithm.
        unlinked_a: Indices in ``a`` that must not link (declared deleted).
        unlinked_b: Indices in ``b`` that must not link (declared new).

    Returns:
        Links in the order of ``b``, deleted paragraphs where they stood in ``a``.
        Every paragraph of ``a`` and of ``b`` appears in exactly one link.

    Raises:
        ValueError: an anchor is out of range or repeats a paragraph.
    """
    aligner = _Aligner(a, b, unlinked_a, unlinked_b)
    chain = aligner.apply_anchors(anchors)
    aligner.identical(chain)
    gap_chains(aligner)
    aligner.moves()
    link_headings(aligner)
    aligner.splits_and_merges()
    # Groups and headings are anchors now: what is left between them is
    # aligned again, in tighter gaps.
    gap_chains(aligner)
    link_headings(aligner)
    heading_groups(aligner)
    agreed_moves(aligner)
    return aligner.result(aligner.labels())
