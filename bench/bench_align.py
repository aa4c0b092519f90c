"""Benchmark: align + word diff of two drafts, against difflib and redlines.

Run from the repository root:  python bench/bench_align.py [--sizes 100,1000,10000]

Synthetic drafts of N paragraphs (about 60 words each); the second draft has 10%
of its paragraphs edited (a few words), 2% added, 2% deleted and 1% moved. Each
tool is timed on the same pair in the same run; peak memory is measured with
tracemalloc in a separate run (tracemalloc slows Python down). Peers run in a
child process with a time limit so a quadratic one cannot hang the run.
"""

from __future__ import annotations

import argparse
import difflib
import multiprocessing as mp
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from negotiator.diff.align import Para, align  # noqa: E402
from negotiator.diff.worddiff import word_diff  # noqa: E402

WORDS_PER_PARAGRAPH = 60
EDITED, ADDED, DELETED, MOVED = 0.10, 0.02, 0.02, 0.01
# A peer that has not finished by then is stopped and reported as such: difflib
# on words and redlines grow quadratically (about 3 s and 20 s at 1,000
# paragraphs here), so at 10,000 they would take many minutes.
PEER_TIMEOUT_S = 60.0


def make_pair(n: int, seed: int = 1) -> tuple[list[Para], list[Para]]:
    rng = random.Random(seed)
    # A Zipf-like vocabulary: a few very common words, a long tail of rare ones.
    vocab = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou")
                     for _ in range(rng.randint(1, 4))) for _ in range(20000)]
    weights = [1 / (k + 1) for k in range(len(vocab))]

    def sentence() -> str:
        k = rng.randint(WORDS_PER_PARAGRAPH - 20, WORDS_PER_PARAGRAPH + 20)
        return " ".join(rng.choices(vocab, weights, k=k)) + "."

    a_texts = [sentence() for _ in range(n)]
    b_texts = list(a_texts)
    for k in rng.sample(range(n), int(n * EDITED)):
        words = b_texts[k].split()
        for _ in range(rng.randint(1, 5)):
            words[rng.randrange(len(words))] = rng.choice(vocab)
        b_texts[k] = " ".join(words)
    for k in sorted(rng.sample(range(len(b_texts)), int(n * DELETED)), reverse=True):
        del b_texts[k]
    for _ in range(int(n * MOVED)):
        b_texts.insert(rng.randrange(len(b_texts)), b_texts.pop(rng.randrange(len(b_texts))))
    for _ in range(int(n * ADDED)):
        b_texts.insert(rng.randrange(len(b_texts)), sentence())
    a = [Para(str(k + 1), t) for k, t in enumerate(a_texts)]
    b = [Para(str(k + 1), t) for k, t in enumerate(b_texts)]
    return a, b


def run_ours(a: list[Para], b: list[Para]) -> int:
    """Align, then word-diff every linked pair whose text changed."""
    pairs = 0
    for link in align(a, b):
        if link.old and link.new:
            old = "\n".join(a[i].text for i in link.old)
            new = "\n".join(b[j].text for j in link.new)
            if old != new:
                word_diff(old, new)
                pairs += 1
    return pairs


def run_difflib_words(a: list[Para], b: list[Para]) -> int:
    sm = difflib.SequenceMatcher(None, " ".join(p.text for p in a).split(),
                                 " ".join(p.text for p in b).split())
    return len(sm.get_opcodes())


def run_difflib_lines(a: list[Para], b: list[Para]) -> int:
    sm = difflib.SequenceMatcher(None, [p.text for p in a], [p.text for p in b])
    return len(sm.get_opcodes())


def run_redlines(a: list[Para], b: list[Para]) -> int:
    from redlines import Redlines

    return len(Redlines("\n\n".join(p.text for p in a),
                        "\n\n".join(p.text for p in b)).output_markdown)


def timed(fn: Callable[[list[Para], list[Para]], int], a: list[Para], b: list[Para]) -> float:
    start = time.perf_counter()
    fn(a, b)
    return time.perf_counter() - start


def peak_mb(fn: Callable[[list[Para], list[Para]], int], a: list[Para], b: list[Para]) -> float:
    tracemalloc.start()
    try:
        fn(a, b)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def _child(name: str, n: int, queue: mp.Queue) -> None:  # type: ignore[type-arg]
    a, b = make_pair(n)
    queue.put(timed(PEERS[name], a, b))
    queue.put(peak_mb(PEERS[name], a, b))


def measure_in_child(name: str, n: int) -> tuple[str, str, str]:
    """(time, peak memory, note) of a peer, run in a child process with a time limit."""
    ctx = mp.get_context("fork")
    queue: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
    proc = ctx.Process(target=_child, args=(name, n, queue))
    proc.start()
    results: list[float] = []
    # The memory run (under tracemalloc) is slower than the timed run.
    for limit in (PEER_TIMEOUT_S, PEER_TIMEOUT_S * 3):
        try:
            results.append(queue.get(timeout=limit))
        except Exception:  # noqa: BLE001 - queue.Empty: over the limit, or the child died
            break
    if proc.is_alive():
        proc.kill()
    proc.join()
    if not results:
        return "-", "-", f"stopped: over {PEER_TIMEOUT_S:.0f} s"
    if len(results) == 1:
        return f"{results[0]:.3f}", "-", "memory run stopped (over the time limit)"
    return f"{results[0]:.3f}", f"{results[1]:.1f}", ""


PEERS: dict[str, Callable[[list[Para], list[Para]], int]] = {
    "difflib words": run_difflib_words,
    "difflib lines": run_difflib_lines,
    "redlines": run_redlines,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--no-peers", action="store_true", help="time Negotiator only")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'paragraphs':>10}  {'tool':<24} {'time s':>9} {'peak MB':>9}  notes")
    ours: dict[int, float] = {}
    for n in sizes:
        a, b = make_pair(n)
        seconds = timed(run_ours, a, b)
        peak = peak_mb(run_ours, a, b)
        ours[n] = seconds
        pairs = run_ours(a, b)
        print(f"{n:>10}  {'negotiator align+diff':<24} {seconds:>9.3f} {peak:>9.1f}  "
              f"{len(a)}->{len(b)} paragraphs, {pairs} pairs word-diffed", flush=True)
        if args.no_peers:
            continue
        for name in PEERS:
            t, m, note = measure_in_child(name, n)
            print(f"{n:>10}  {name:<24} {t:>9} {m:>9}  {note}", flush=True)
    if 1000 in ours and 10000 in ours:
        print(f"\ngrowth 1,000 -> 10,000 paragraphs (negotiator): "
              f"{ours[10000] / ours[1000]:.1f}x (target <= ~12x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
