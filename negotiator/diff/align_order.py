"""Order helpers of the aligner: increasing subsequences and in-order chains.

- ``longest_increasing``: which links keep their place (the rest moved).
- ``unique_anchors``: patience-style anchors on identical texts.
- ``best_chain``: among weighted candidate pairs, the in-order (monotone)
  chain of largest total weight, in O(P log P) for P candidates, so a gap is
  aligned jointly rather than by greedy picks.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence


def longest_increasing(seq: Sequence[int]) -> list[int]:
    """Positions (into ``seq``) of one longest strictly increasing subsequence."""
    tails: list[int] = []  # seq value at the end of the best run of each length
    tail_pos: list[int] = []
    prev = [-1] * len(seq)
    for pos, value in enumerate(seq):
        # Most links keep their place: a value above every tail extends the run.
        if not tails or value > tails[-1]:
            if tail_pos:
                prev[pos] = tail_pos[-1]
            tails.append(value)
            tail_pos.append(pos)
            continue
        k = bisect_left(tails, value)
        tails[k] = value
        tail_pos[k] = pos
        if k > 0:
            prev[pos] = tail_pos[k - 1]
    out: list[int] = []
    pos = tail_pos[-1] if tail_pos else -1
    while pos >= 0:
        out.append(pos)
        pos = prev[pos]
    out.reverse()
    return out


def unique_anchors(
    key_a: Sequence[str], key_b: Sequence[str], usable_a: Sequence[bool],
    usable_b: Sequence[bool], bounds: Sequence[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Pairs of identical texts found once in each draft, kept in order.

    Patience diff: inside each region between ``bounds`` (in-order pairs),
    texts unique on both sides are paired along their longest in-order run,
    and the same is repeated between them. A repeated text ("Decides to remain
    seized of the matter.") is left to the later stages, where its
    neighbours say which copy is which.
    """
    out: list[tuple[int, int]] = []
    marks = [(-1, -1), *bounds, (len(key_a), len(key_b))]
    stack = [(marks[k][0] + 1, marks[k + 1][0], marks[k][1] + 1, marks[k + 1][1])
             for k in range(len(marks) - 1)]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        if alo >= ahi or blo >= bhi:
            continue
        count_a: dict[str, int] = {}
        where_a: dict[str, int] = {}
        for i in range(alo, ahi):
            if usable_a[i]:
                key = key_a[i]
                count_a[key] = count_a.get(key, 0) + 1
                where_a[key] = i
        count_b: dict[str, int] = {}
        where_b: dict[str, int] = {}
        for j in range(blo, bhi):
            if usable_b[j]:
                key = key_b[j]
                if key in count_a:
                    count_b[key] = count_b.get(key, 0) + 1
                    where_b[key] = j
        # In the order of B (each j once: no tie to break).
        pairs = [(where_a[k], j) for k, j in where_b.items()
                 if count_a[k] == 1 and count_b[k] == 1]
        pairs.sort(key=lambda p: p[1])
        if not pairs:
            continue
        chain = [pairs[k] for k in longest_increasing([i for i, _ in pairs])]
        prev_i, prev_j = alo - 1, blo - 1
        out.extend(chain)
        for i, j in chain:
            if prev_i + 1 < i and prev_j + 1 < j:  # else nothing lies between
                stack.append((prev_i + 1, i, prev_j + 1, j))
            prev_i, prev_j = i, j
        stack.append((prev_i + 1, ahi, prev_j + 1, bhi))
    return sorted(out)


class _PrefixMax:
    """Fenwick tree: best (value, tie-break, id) over positions < k."""

    def __init__(self, n: int) -> None:
        self.tree: list[tuple[float, int, int]] = [(0.0, 0, -1)] * (n + 1)

    def update(self, k: int, item: tuple[float, int, int]) -> None:
        k += 1
        while k < len(self.tree):
            if item > self.tree[k]:
                self.tree[k] = item
            k += k & -k

    def best_before(self, k: int) -> tuple[float, int, int]:
        best = (0.0, 0, -1)
        while k > 0:
            if self.tree[k] > best:
                best = self.tree[k]
            k -= k & -k
        return best


def best_chain(candidates: Sequence[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The strictly increasing (in both indices) chain of candidates with the
    largest total gain; gains must be positive. Ties go to the chain that
    pairs earlier paragraphs (a fixed order, whatever the input order)."""
    if not candidates:
        return []
    cands = sorted(candidates, key=lambda c: (c[0], c[1]))
    js = sorted({c[1] for c in cands})
    rank = {j: r for r, j in enumerate(js)}
    tree = _PrefixMax(len(js))
    total: list[float] = [0.0] * len(cands)
    back: list[int] = [-1] * len(cands)
    k = 0
    best: tuple[float, int, int] = (0.0, 0, -1)
    while k < len(cands):
        # All candidates of one A paragraph are scored before any is stored, so
        # a chain never uses the same A paragraph twice.
        end = k
        while end < len(cands) and cands[end][0] == cands[k][0]:
            end += 1
        for c in range(k, end):
            value, _, prev = tree.best_before(rank[cands[c][1]])
            total[c] = value + cands[c][2]
            back[c] = prev
        for c in range(k, end):
            item = (total[c], -c, c)
            tree.update(rank[cands[c][1]], item)
            if item > best:
                best = item
        k = end
    out: list[tuple[int, int]] = []
    c = best[2]
    while c >= 0:
        out.append((cands[c][0], cands[c][1]))
        c = back[c]
    out.reverse()
    return out
