"""Shared by the benchmarks: timing with peak memory, and a plain table."""

from __future__ import annotations

import textwrap
import time
import tracemalloc
from collections.abc import Callable, Sequence
from typing import Any


def measure(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, float, Any]:
    """Best wall time of `repeat` runs (s) and peak Python memory of one run (MiB)."""
    best = float("inf")
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return best, peak / (1024 * 1024), result


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[str(h) for h in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, widths)) for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# The synthetic second draft: 10% of paragraphs edited by a few words, 2% added,
# 2% deleted, 1% moved (what the align and whole-process benchmarks both measure).
EDITED, ADDED, DELETED, MOVED = 0.10, 0.02, 0.02, 0.01


def edited_copy(rng: Any, first: list[str], vocab: Sequence[str],
                sentence: Callable[[], str]) -> list[str]:
    """A second draft made from ``first`` by the edit rates above."""
    second = list(first)
    for k in rng.sample(range(len(first)), int(len(first) * EDITED)):
        words = second[k].split()
        for _ in range(rng.randint(1, 5)):
            words[rng.randrange(len(words))] = rng.choice(vocab)
        second[k] = " ".join(words)
    for k in sorted(rng.sample(range(len(second)), int(len(first) * DELETED)), reverse=True):
        del second[k]
    for _ in range(int(len(first) * MOVED)):
        second.insert(rng.randrange(len(second)), second.pop(rng.randrange(len(second))))
    for _ in range(int(len(first) * ADDED)):
        second.insert(rng.randrange(len(second)), sentence())
    return second


def side_by_side(left: str, right: str, width: int = 60) -> str:
    """Two texts wrapped in two columns, for reading an aligner's disagreements."""
    ls = textwrap.wrap(left, width) or [""]
    rs = textwrap.wrap(right, width) or [""]
    rows = max(len(ls), len(rs))
    ls += [""] * (rows - len(ls))
    rs += [""] * (rows - len(rs))
    return "\n".join(f"  {x:<{width}} | {y}" for x, y in zip(ls, rs, strict=True))


def print_disagreements(heading: str, a: Sequence[Any], b: Sequence[Any],
                        truth: set[tuple[int, int]], found: set[tuple[int, int]],
                        width: int = 60) -> None:
    """Each labelled link an aligner missed and each link it made that no label
    has, both paragraphs side by side, so a person can judge which is right."""
    print(f"=== {heading}: {len(truth & found)} agreed, {len(truth - found)} missed, "
          f"{len(found - truth)} wrong")
    for title, diff in (("MISSED", truth - found), ("WRONG", found - truth)):
        for i, j in sorted(diff):
            print(f"-- {title} A{i} -> B{j}  (A{i} labelled to {sorted(y for x, y in truth if x == i)},"
                  f" B{j} labelled from {sorted(x for x, y in truth if y == j)};"
                  f" found A{i} -> {sorted(y for x, y in found if x == i)},"
                  f" B{j} <- {sorted(x for x, y in found if y == j)})")
            print(side_by_side(a[i].text, b[j].text, width))
