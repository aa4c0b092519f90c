"""Paragraph alignment of two drafts: which paragraph of B continues which of A.

Pure functions over plain values (no store, no Qt). The approach, in stages:

1. Identical paragraphs (compared on a normalised text: leading numbering and
   whitespace removed) anchor the alignment, patience-style: texts that occur
   once in each draft are paired, the longest run of such pairs in the same
   order becomes a chain of anchors, and the same is repeated inside each gap
   between anchors. Remaining identical texts (repeats, or moved) are paired
   in order.
2. Fuzzy matching runs only for the paragraphs left over: every paragraph's
   in-gap neighbours, plus move candidates found through an inverted index of
   rare words (so the work stays near-linear; there is no all-pairs pass over
   the drafts). Similarity is a word-weighted Dice coefficient where rare words
   weigh more than "the" and "of".
3. Splits (one A paragraph -> several consecutive B paragraphs whose text
   together covers it) and merges (the reverse) are found among paragraphs
   that stayed unmatched or matched only partly.
4. Moves: matched pairs not on the longest increasing subsequence of the
   pairs (in B order, by A position) are "moved".

User anchors (pairs that must link) are applied first and win.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from negotiator.text.parse import split_number

UNCHANGED = "unchanged"
MODIFIED = "modified"
RENUMBERED = "renumbered"
MOVED = "moved"
SPLIT = "split"
MERGED = "merged"
ADDED = "added"
DELETED = "deleted"
STATUSES = (UNCHANGED, MODIFIED, RENUMBERED, MOVED, SPLIT, MERGED, ADDED, DELETED)

# --- Thresholds (similarity is the word-weighted Dice coefficient, 0..1) ---
# Between the same two anchored neighbours, with as many unmatched paragraphs
# on each side, the k-th old and k-th new paragraph sit in the same slot:
# position is strong evidence, so a heavy rewrite in place still links. Unrelated texts on the same subject score about
# 0.05-0.2 with rare-word weighting, so 0.3 keeps "replaced by a different
# paragraph" as deleted + added.
SLOT_MIN = 0.3
# Inside a gap with several candidates on a side, ask for clearly shared wording.
GAP_MIN = 0.5
# Linking across the gap boundaries (a move) has no positional support at all:
# ask for most of the (rare-word weighted) wording to be the same. Chairs move
# paragraphs whole or lightly edited (0.8 and up); templated paragraphs that
# share their boilerplate but not their subject score 0.55-0.7.
MOVE_MIN = 0.65
# Among candidates, prefer the one in the same gap: a nudge worth about a few
# changed words, not enough to beat a clearly better match elsewhere.
GAP_BONUS = 0.1
# Rare-word weighting is unreliable in a short draft, where the words that
# changed are by nature the rare ones: plain word counts also get a say,
# discounted because common words are shared by unrelated paragraphs too, and
# only in a small gap (at most SMALL_GAP unmatched paragraphs a side), where
# position backs the link; in a reorganised section boilerplate ("Field Name:
# ... https://example.com/...") would pair unrelated paragraphs.
PLAIN_DISCOUNT = 0.1
SMALL_GAP = 3
# A paragraph that grew (or was trimmed) keeps most of the smaller version's
# wording inside the larger: the share of the smaller found in the larger,
# discounted so a near-identical candidate still ranks first. Only from this
# many words on: a heading of two words is found inside many paragraphs.
OVERLAP_WEIGHT = 0.85
OVERLAP_MIN_WORDS = 8
# Split/merge: each part must draw most of its wording from the whole
# (containment of the part in the whole)...
PART_MIN = 0.6
# A neighbour that kept only part of its wording (a paragraph trimmed while
# being merged) joins when it still draws this much from the whole and adds
# STEP_GAIN of the whole's wording that the run did not yet cover.
PART_WEAK = 0.25
STEP_GAIN = 0.15
# ...and the parts together must cover most of the whole...
COVER_MIN = 0.6
# ...clearly better than the single best part did alone.
GROUP_GAIN = 0.15
# A pair matched 1:1 this well is not reconsidered for split or merge.
GROUP_SKIP = 0.9
# Inverted index: a word found in more unmatched paragraphs than this is too
# common to suggest a candidate (it would make candidate lookup quadratic).
POSTING_CAP = 50
# How many rare words of a paragraph are looked up, and how many candidates
# from the index are scored exactly per paragraph.
LOOKUP_WORDS = 12
INDEX_CANDIDATES = 8
# Word weights are estimated on the unmatched paragraphs plus an even sample
# of about this many others: enough for stable frequencies of common words.
DF_SAMPLE = 2000
# Gaps up to this size (unmatched paragraphs per side) are compared all-pairs;
# bigger gaps rely on the index, to keep the cost bounded.
GAP_SCAN = 25

_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+", re.UNICODE)


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


def normalise(text: str) -> str:
    """The text compared for identity: leading numbering and whitespace do not count."""
    typed = split_number(text.strip())
    if typed is not None and typed.rest.strip():
        text = typed.rest
    return " ".join(text.split())


def normalise_number(number: str | None) -> str:
    """A displayed number without case, spaces and trailing punctuation ("12 bis." -> "12bis")."""
    if not number:
        return ""
    return re.sub(r"[\s.]+", "", number).lower()


def displayed_number(para: Para) -> str:
    """The number a reader sees: the stored one, else one typed at the text's start."""
    if para.number:
        return normalise_number(para.number)
    typed = split_number(para.text.strip())
    return normalise_number(typed.label) if typed is not None and typed.rest.strip() else ""


# Arabic, for matching only: vowel marks and tatweel dropped, letter variants
# folded, and the article and attached conjunctions/prepositions taken off, so
# "المضايقة" and "مضايقة" count as one word (a light stemmer, not a grammar).
_AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_AR_FOLD = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627",
                          "\u0671": "\u0627", "\u0649": "\u064a", "\u0629": "\u0647"})
_AR_PREFIX = re.compile("^(?:\u0648\u0627\u0644|\u0628\u0627\u0644|\u0643\u0627\u0644|"
                        "\u0641\u0627\u0644|\u0644\u0644|\u0627\u0644|\u0648)(?=\\w{3})")
_ARABIC = re.compile("[\u0600-\u06ff]")


def words(text: str) -> list[str]:
    """Lower-cased word tokens used for similarity (CJK characters count one by one)."""
    if not _ARABIC.search(text):
        return _WORD.findall(text.lower())
    text = _AR_MARKS.sub("", text).translate(_AR_FOLD)
    return [_AR_PREFIX.sub("", w) for w in _WORD.findall(text.lower())]


class _Lazy:
    """A read-only list computed item by item, on first use."""

    def __init__(self, fn: Callable[[int], Any]) -> None:
        self.fn = fn
        self.cache: dict[int, Any] = {}

    def __getitem__(self, k: int) -> Any:
        try:
            return self.cache[k]
        except KeyError:
            value = self.cache[k] = self.fn(k)
            return value


class _Weights(dict[str, float]):
    """Word weights; a word outside the sample counts as rare."""

    def __init__(self, rare: float) -> None:
        super().__init__()
        self.rare = rare

    def __missing__(self, key: str) -> float:
        return self.rare


class _Features:
    """Word counts and weights, computed only for the paragraphs looked at.

    Weights (inverse document frequency) come from the paragraphs still to be
    matched plus an even sample of the rest, so a 10,000-paragraph draft is not
    tokenised whole when nine in ten of its paragraphs matched exactly.
    """

    def __init__(self, a: Sequence[Para], b: Sequence[Para],
                 focus_a: Iterable[int], focus_b: Iterable[int]) -> None:
        self.a_counts = _Lazy(lambda i: Counter(words(a[i].text)))
        self.b_counts = _Lazy(lambda j: Counter(words(b[j].text)))
        sample_a = set(focus_a)
        sample_b = set(focus_b)
        step = max(1, (len(a) + len(b)) // DF_SAMPLE)
        sample_a.update(range(0, len(a), step))
        sample_b.update(range(0, len(b), step))
        df: Counter[str] = Counter()
        for i in sample_a:
            df.update(self.a_counts[i].keys())
        for j in sample_b:
            df.update(self.b_counts[j].keys())
        n = len(sample_a) + len(sample_b) + 1
        # Inverse document frequency: a word in every paragraph weighs ~0.
        self.weight = _Weights(math.log(n) + 0.05)
        self.weight.update((t, math.log(n / d) + 0.05) for t, d in df.items())
        self.a_len = _Lazy(lambda i: sum(self.a_counts[i].values()))
        self.b_len = _Lazy(lambda j: sum(self.b_counts[j].values()))
        self.a_mass = _Lazy(lambda i: self.mass(self.a_counts[i]))
        self.b_mass = _Lazy(lambda j: self.mass(self.b_counts[j]))

    def mass(self, counts: Counter[str]) -> float:
        w = self.weight
        return sum(v * w[t] for t, v in counts.items())

    def shared(self, x: Counter[str], y: Counter[str]) -> float:
        w = self.weight
        return sum(min(x[t], y[t]) * w[t] for t in x.keys() & y.keys())

    def dice(self, i: int, j: int) -> float:
        total = self.a_mass[i] + self.b_mass[j]
        if total <= 0:
            return 1.0 if self.a_counts[i] == self.b_counts[j] else 0.0
        return 2 * self.shared(self.a_counts[i], self.b_counts[j]) / total

    def similarity(self, i: int, j: int, near: bool = True, small_gap: bool = True) -> float:
        """Word-weighted Dice (or plain Dice, discounted), or, when one paragraph
        mostly sits inside the other (it grew or was trimmed), a discounted share
        of the smaller one found in the larger."""
        dice = self.dice(i, j)
        if not near:
            # A move has no position to support it: only rare shared words count
            # (boilerplate such as a URL or "This field MUST NOT appear more than
            # once." is shared by unrelated paragraphs).
            return dice
        size_a, size_b = self.a_len[i], self.b_len[j]
        if size_a and size_b and small_gap:
            x, y = self.a_counts[i], self.b_counts[j]
            plain = 2 * sum(min(x[t], y[t]) for t in x.keys() & y.keys()) / (size_a + size_b)
            dice = max(dice, plain - PLAIN_DISCOUNT)
        if min(size_a, size_b) < OVERLAP_MIN_WORDS:
            return dice
        small = min(self.a_mass[i], self.b_mass[j])
        if small <= 0:
            return dice
        overlap = self.shared(self.a_counts[i], self.b_counts[j]) / small
        return max(dice, OVERLAP_WEIGHT * overlap)


def _lis(seq: Sequence[int]) -> list[int]:
    """Positions (into ``seq``) of one longest strictly increasing subsequence."""
    tails: list[int] = []  # seq value at the end of the best run of each length
    tail_pos: list[int] = []
    prev = [-1] * len(seq)
    for pos, value in enumerate(seq):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_pos.append(pos)
        else:
            tails[k] = value
            tail_pos[k] = pos
        prev[pos] = tail_pos[k - 1] if k > 0 else -1
    out: list[int] = []
    pos = tail_pos[-1] if tail_pos else -1
    while pos >= 0:
        out.append(pos)
        pos = prev[pos]
    out.reverse()
    return out


class _Aligner:
    def __init__(
        self,
        a: Sequence[Para],
        b: Sequence[Para],
        anchors: Sequence[tuple[int, int]],
        unlinked_a: Collection[int],
        unlinked_b: Collection[int],
    ) -> None:
        self.a, self.b = a, b
        self.ka = [normalise(p.text) for p in a]
        self.kb = [normalise(p.text) for p in b]
        self.match_a = [-1] * len(a)
        self.match_b = [-1] * len(b)
        # Paragraphs the user declared new (B) or gone (A): never linked.
        self.blocked_a = set(unlinked_a)
        self.blocked_b = set(unlinked_b)
        self.anchors = list(anchors)
        self.feat: _Features | None = None
        self.groups: list[tuple[tuple[int, ...], tuple[int, ...]]] = []

    # -- helpers --
    def free_a(self, i: int) -> bool:
        return self.match_a[i] < 0 and i not in self.blocked_a

    def free_b(self, j: int) -> bool:
        return self.match_b[j] < 0 and j not in self.blocked_b

    def pair(self, i: int, j: int) -> None:
        self.match_a[i] = j
        self.match_b[j] = i

    def features(self) -> _Features:
        if self.feat is None:
            self.feat = _Features(
                self.a, self.b,
                (i for i in range(len(self.a)) if self.free_a(i)),
                (j for j in range(len(self.b)) if self.free_b(j)),
            )
        return self.feat

    # -- stage 0: user anchors --
    def apply_anchors(self) -> list[tuple[int, int]]:
        """Pair the user's anchors; return those in order, which bound the search."""
        seen_a: set[int] = set()
        seen_b: set[int] = set()
        clean: list[tuple[int, int]] = []
        for i, j in self.anchors:
            if not (0 <= i < len(self.a) and 0 <= j < len(self.b)):
                raise ValueError(f"anchor ({i}, {j}) is outside the drafts")
            if i in seen_a or j in seen_b:
                raise ValueError(f"anchor ({i}, {j}) repeats a paragraph of another anchor")
            seen_a.add(i)
            seen_b.add(j)
            self.blocked_a.discard(i)
            self.blocked_b.discard(j)
            self.pair(i, j)
            clean.append((i, j))
        clean.sort(key=lambda p: p[1])
        chain = [clean[k] for k in _lis([i for i, _ in clean])]
        return chain

    # -- stage 1: identical texts --
    def patience(self, chain: list[tuple[int, int]]) -> None:
        ka, kb = self.ka, self.kb
        bounds = [(-1, -1), *chain, (len(self.a), len(self.b))]
        stack = [(bounds[k][0] + 1, bounds[k + 1][0], bounds[k][1] + 1, bounds[k + 1][1])
                 for k in range(len(bounds) - 1)]
        while stack:
            alo, ahi, blo, bhi = stack.pop()
            # Equal runs at both ends need no uniqueness.
            while alo < ahi and blo < bhi and self.free_a(alo) and self.free_b(blo) \
                    and ka[alo] == kb[blo]:
                self.pair(alo, blo)
                alo += 1
                blo += 1
            while alo < ahi and blo < bhi and self.free_a(ahi - 1) and self.free_b(bhi - 1) \
                    and ka[ahi - 1] == kb[bhi - 1]:
                self.pair(ahi - 1, bhi - 1)
                ahi -= 1
                bhi -= 1
            if alo >= ahi or blo >= bhi:
                continue
            count_a: dict[str, int] = defaultdict(int)
            where_a: dict[str, int] = {}
            for i in range(alo, ahi):
                if self.free_a(i):
                    count_a[ka[i]] += 1
                    where_a[ka[i]] = i
            count_b: dict[str, int] = defaultdict(int)
            where_b: dict[str, int] = {}
            for j in range(blo, bhi):
                if self.free_b(j) and kb[j] in count_a:
                    count_b[kb[j]] += 1
                    where_b[kb[j]] = j
            pairs = sorted(
                ((where_a[k], j) for k, j in where_b.items() if count_a[k] == 1 and count_b[k] == 1),
                key=lambda p: p[1],
            )
            if not pairs:
                continue
            lis = [pairs[k] for k in _lis([i for i, _ in pairs])]
            prev_i, prev_j = alo - 1, blo - 1
            for i, j in lis:
                self.pair(i, j)
                stack.append((prev_i + 1, i, prev_j + 1, j))
                prev_i, prev_j = i, j
            stack.append((prev_i + 1, ahi, prev_j + 1, bhi))

    def leftover_identical(self) -> None:
        """Identical texts not yet paired (repeats, moved paragraphs): pair them in order."""
        left_a: dict[str, list[int]] = defaultdict(list)
        for i in range(len(self.a)):
            if self.free_a(i):
                left_a[self.ka[i]].append(i)
        for j in range(len(self.b)):
            if self.free_b(j):
                queue = left_a.get(self.kb[j])
                if queue:
                    self.pair(queue.pop(0), j)

    # -- stage 2: similar texts --
    def chain_of_matches(self) -> tuple[list[int], list[int]]:
        pairs = sorted(((self.match_b[j], j) for j in range(len(self.b)) if self.match_b[j] >= 0),
                       key=lambda p: p[1])
        chain = [pairs[k] for k in _lis([i for i, _ in pairs])]
        return [i for i, _ in chain], [j for _, j in chain]

    def fuzzy(self) -> None:
        free_a = [i for i in range(len(self.a)) if self.free_a(i)]
        free_b = [j for j in range(len(self.b)) if self.free_b(j)]
        if not free_a or not free_b:
            return
        feat = self.features()
        chain_a, chain_b = self.chain_of_matches()

        def gap_a(i: int) -> int:
            return bisect_right(chain_a, i)

        def gap_b(j: int) -> int:
            return bisect_right(chain_b, j)

        in_gap_a: dict[int, list[int]] = defaultdict(list)
        for i in free_a:
            in_gap_a[gap_a(i)].append(i)
        in_gap_b: dict[int, list[int]] = defaultdict(list)
        for j in free_b:
            in_gap_b[gap_b(j)].append(j)

        # In a gap with as many unmatched paragraphs on each side, the k-th of A
        # and the k-th of B stand in the same slot (a rewrite in place).
        slot_of_a: dict[int, int] = {}
        slot_of_b: dict[int, int] = {}
        for g, members in in_gap_a.items():
            if len(members) == len(in_gap_b.get(g, ())) <= GAP_SCAN:
                for k, (i, j) in enumerate(zip(members, in_gap_b[g], strict=True)):
                    slot_of_a[i] = slot_of_b[j] = k
        # Inverted index of the unmatched A paragraphs' rarer words.
        postings: dict[str, list[int]] = defaultdict(list)
        for i in free_a:
            for t in feat.a_counts[i]:
                postings[t].append(i)
        candidates: list[tuple[float, float, int, int]] = []
        for j in free_b:
            g = gap_b(j)
            pool: set[int] = set()
            gap_list = in_gap_a.get(g, [])
            if len(gap_list) <= GAP_SCAN:
                pool.update(gap_list)
            else:
                # A large gap: scan the ones nearest by position; the index
                # below adds the look-alikes from anywhere.
                k = bisect_left(gap_list, self._expected_a(j, chain_a, chain_b))
                pool.update(gap_list[max(0, k - GAP_SCAN // 2): k + GAP_SCAN // 2])
            hits: Counter[int] = Counter()
            tokens = sorted(feat.b_counts[j], key=lambda t: -feat.weight[t])
            looked = 0
            for t in tokens:
                plist = postings.get(t)
                if not plist or len(plist) > POSTING_CAP:
                    continue
                w = feat.weight[t]
                for i in plist:
                    hits[i] += w  # type: ignore[assignment]
                looked += 1
                if looked >= LOOKUP_WORDS:
                    break
            pool.update(i for i, _ in hits.most_common(INDEX_CANDIDATES))
            for i in pool:
                same_gap = gap_a(i) == g
                small = max(len(in_gap_a[g]), len(in_gap_b[g])) <= SMALL_GAP
                sim = feat.similarity(i, j, near=same_gap, small_gap=small)
                if same_gap and slot_of_a.get(i, -1) == slot_of_b.get(j, -2):
                    floor = SLOT_MIN
                elif same_gap:
                    floor = GAP_MIN
                else:
                    floor = MOVE_MIN
                if sim >= floor:
                    candidates.append((sim + (GAP_BONUS if same_gap else 0.0), sim, i, j))
        candidates.sort(key=lambda c: (-c[0], c[2], c[3]))
        for _score, _sim, i, j in candidates:
            if self.free_a(i) and self.free_b(j):
                self.pair(i, j)

    def _expected_a(self, j: int, chain_a: list[int], chain_b: list[int]) -> int:
        """Where B paragraph ``j`` would sit in A if its gap were unchanged."""
        k = bisect_right(chain_b, j)
        a_start = chain_a[k - 1] + 1 if k > 0 else 0
        b_start = chain_b[k - 1] + 1 if k > 0 else 0
        return a_start + (j - b_start)

    # -- stage 3: splits and merges --
    def groups_stage(self) -> None:
        feat = self.features()
        grouped_a: set[int] = set()
        grouped_b: set[int] = set()
        # Splits: one A, several consecutive B.
        for whole, parts in self._find_groups(
            n_whole=len(self.a), n_part=len(self.b), match_whole=self.match_a,
            match_part=self.match_b, whole_counts=feat.a_counts, part_counts=feat.b_counts,
            whole_mass=feat.a_mass, part_mass=feat.b_mass, free_part=self.free_b,
            free_whole=lambda i: i not in self.blocked_a, part_len=feat.b_len,
            whole_key=self.ka, part_key=self.kb,
        ):
            self.groups.append(((whole,), parts))
            grouped_a.add(whole)
            grouped_b.update(parts)
            for j in parts:
                self.match_b[j] = whole
            self.match_a[whole] = parts[0]
        # Merges: several A (next to each other, or substantial parts from
        # elsewhere), one B.
        for whole, parts in self._find_groups(
            n_whole=len(self.b), n_part=len(self.a), match_whole=self.match_b,
            match_part=self.match_a, whole_counts=feat.b_counts, part_counts=feat.a_counts,
            whole_mass=feat.b_mass, part_mass=feat.a_mass, free_part=self.free_a,
            free_whole=lambda j: j not in self.blocked_b and j not in grouped_b,
            part_len=feat.a_len, whole_key=self.kb, part_key=self.ka,
            skip_part=grouped_a, allow_far=True,
        ):
            self.groups.append((parts, (whole,)))
            for i in parts:
                self.match_a[i] = whole
            self.match_b[whole] = parts[0]

    def _find_groups(
        self, *, n_whole: int, n_part: int, match_whole: list[int], match_part: list[int],
        whole_counts: _Lazy, part_counts: _Lazy, whole_mass: _Lazy, part_mass: _Lazy,
        free_part: Callable[[int], bool], free_whole: Callable[[int], bool], part_len: _Lazy, whole_key: list[str], part_key: list[str],
        skip_part: Collection[int] = (),
        allow_far: bool = False,
    ) -> Iterable[tuple[int, tuple[int, ...]]]:
        feat = self.features()
        is_free_part, is_free_whole = free_part, free_whole

        def coverage(w: int, parts: Sequence[int]) -> float:
            if whole_mass[w] <= 0:
                return 0.0
            total: Counter[str] = Counter()
            for p in parts:
                total.update(part_counts[p])
            return feat.shared(whole_counts[w], total) / whole_mass[w]

        def containment(p: int, w: int) -> float:
            if part_mass[p] <= 0:
                return 0.0
            return feat.shared(part_counts[p], whole_counts[w]) / part_mass[p]

        # Wholes worth a look: unmatched, or matched only partly.
        wholes = []
        for w in range(n_whole):
            if not is_free_whole(w):
                continue
            m = match_whole[w]
            if m >= 0 and whole_key[w] == part_key[m]:
                continue  # identical texts: nothing was split off or merged in
            if m >= 0:
                total = whole_mass[w] + part_mass[m]
                dice = 2 * feat.shared(whole_counts[w], part_counts[m]) / total if total else 1
                if dice >= GROUP_SKIP:
                    continue
            wholes.append(w)
        if not wholes:
            return
        postings: dict[str, list[int]] = defaultdict(list)
        for w in wholes:
            for t in whole_counts[w]:
                postings[t].append(w)
        # For each unmatched part, the whole it is best contained in.
        best_whole: dict[int, int] = {}
        for p in range(n_part):
            if not is_free_part(p) or p in skip_part:
                continue
            hits: Counter[int] = Counter()
            looked = 0
            for t in sorted(part_counts[p], key=lambda t: -feat.weight[t]):
                plist = postings.get(t)
                if not plist or len(plist) > POSTING_CAP:
                    continue
                for w in plist:
                    hits[w] += feat.weight[t]  # type: ignore[assignment]
                looked += 1
                if looked >= LOOKUP_WORDS:
                    break
            best, best_c = -1, PART_MIN
            for w, _ in hits.most_common(INDEX_CANDIDATES):
                c = containment(p, w)
                if c >= best_c:
                    best, best_c = w, c
            if best >= 0:
                best_whole[p] = best
        by_whole: dict[int, list[int]] = defaultdict(list)
        for p, w in best_whole.items():
            by_whole[w].append(p)
        # Wholes whose own 1:1 match leaves much of them uncovered may also have
        # lost text to a neighbour of that match (weak parts, tried below).
        for w in wholes:
            if match_whole[w] >= 0 and w not in by_whole:
                by_whole[w] = []
        taken: set[int] = set()

        def usable(p: int) -> bool:
            return 0 <= p < n_part and p not in taken and p not in skip_part \
                and is_free_part(p)

        for w in sorted(by_whole):
            strong = set(by_whole[w])
            m = match_whole[w]
            seeds = [m] if m >= 0 else sorted(strong, key=lambda p: -containment(p, w))[:1]
            if not seeds or seeds[0] in taken:
                continue
            run = [seeds[0]]
            cov = coverage(w, run)
            grew = True
            while grew:
                grew = False
                for p in (run[0] - 1, run[-1] + 1):
                    if not usable(p):
                        continue
                    new_cov = coverage(w, [*run, p])
                    if p in strong or (
                        containment(p, w) >= PART_WEAK and new_cov - cov >= STEP_GAIN
                    ):
                        run = sorted([*run, p])
                        cov = new_cov
                        grew = True
            if allow_far:
                # A chair consolidates paragraphs from different places: strong
                # parts of some size join even when not next to the others.
                for p in sorted(strong - set(run), key=lambda p: -containment(p, w)):
                    if usable(p) and part_len[p] >= OVERLAP_MIN_WORDS:
                        new_cov = coverage(w, [*run, p])
                        if new_cov - cov >= STEP_GAIN:
                            run = sorted([*run, p])
                            cov = new_cov
            if len(run) < 2 or cov < COVER_MIN:
                continue
            alone = coverage(w, [m]) if m >= 0 else 0.0
            if cov < alone + GROUP_GAIN:
                continue
            taken.update(run)
            yield w, tuple(run)

    # -- stage 4: units, moves, statuses --
    def result(self) -> list[Link]:
        a, b = self.a, self.b
        units: list[tuple[tuple[int, ...], tuple[int, ...], str]] = []
        in_group_a: set[int] = set()
        in_group_b: set[int] = set()
        for olds, news in self.groups:
            kind = SPLIT if len(olds) == 1 else MERGED
            units.append((olds, news, kind))
            in_group_a.update(olds)
            in_group_b.update(news)
        for j in range(len(b)):
            i = self.match_b[j]
            if i >= 0 and j not in in_group_b and i not in in_group_a:
                units.append(((i,), (j,), ""))
        units.sort(key=lambda u: u[1][0])
        on_lis = set(_lis([u[0][0] for u in units]))
        links: dict[int, Link] = {}  # by first B index
        anchor_unit_of_a: dict[int, int] = {}  # A index -> B key of its in-order unit
        for pos, (olds, news, kind) in enumerate(units):
            moved = pos not in on_lis
            if kind:
                status: tuple[str, ...] = (MOVED, kind) if moved else (kind,)
            else:
                i, j = olds[0], news[0]
                same = self.ka[i] == self.kb[j]
                if moved:
                    status = (MOVED,) if same else (MOVED, MODIFIED)
                elif not same:
                    status = (MODIFIED,)
                elif displayed_number(a[i]) != displayed_number(b[j]):
                    status = (RENUMBERED,)
                else:
                    status = (UNCHANGED,)
            links[news[0]] = Link(status, olds, news)
            if not moved:
                for i in olds:
                    anchor_unit_of_a[i] = news[0]
        for j in range(len(b)):
            if j not in links and j not in in_group_b and self.match_b[j] < 0:
                links[j] = Link((ADDED,), (), (j,))
        # Deleted paragraphs go after the link of the nearest earlier A paragraph
        # that kept its place (or first, when there is none).
        matched_a = set(in_group_a) | {i for i in range(len(a)) if self.match_a[i] >= 0}
        after: dict[int, list[Link]] = defaultdict(list)  # B key (-1: start) -> deleted
        last_anchor = -1
        for i in range(len(a)):
            if i in anchor_unit_of_a:
                last_anchor = anchor_unit_of_a[i]
            elif i not in matched_a:
                after[last_anchor].append(Link((DELETED,), (i,), ()))
        out: list[Link] = list(after.get(-1, []))
        for key in sorted(links):
            out.append(links[key])
            out.extend(after.get(key, []))
        return out


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
    aligner = _Aligner(a, b, anchors, unlinked_a, unlinked_b)
    chain = aligner.apply_anchors()
    aligner.patience(chain)
    aligner.leftover_identical()
    aligner.fuzzy()
    aligner.groups_stage()
    # Splits and merges become anchors too: what is left between them is
    # matched again, now with tighter gaps (and slots).
    aligner.fuzzy()
    return aligner.result()
