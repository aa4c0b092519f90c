"""Benchmark: align + word diff + salience of two drafts, against difflib and redlines.

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

from bench.common import edited_copy  # noqa: E402
from negotiator.diff.align import Para, align  # noqa: E402
from negotiator.diff.salience import salient_changes  # noqa: E402
from negotiator.diff.worddiff import word_diff  # noqa: E402

WORDS_PER_PARAGRAPH = 60
# A peer that has not finished by then is stopped and reported as such: difflib
# on words and redlines grow quadratically (about 3 s and 20 s at 1,000
# paragraphs here), so at 10,000 they would take many minutes.
PEER_TIMEOUT_S = 60.0
# Issue 10: align + word diff + salience of two 10,000-paragraph drafts, in process.
TARGET_10K_S = 0.6
TARGET_GROWTH = 11


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
    b_texts = edited_copy(rng, a_texts, vocab, sentence)
    a = [Para(str(k + 1), t) for k, t in enumerate(a_texts)]
    b = [Para(str(k + 1), t) for k, t in enumerate(b_texts)]
    return a, b


def run_ours(a: list[Para], b: list[Para], stages: dict[str, float] | None = None,
             aligner: Callable[[list[Para], list[Para]], list] = align) -> int:
    """Align, then word-diff every linked pair whose text changed, then look
    for high-salience changes in each diff (what `negotiator diff` computes)."""
    t0 = time.perf_counter()
    links = aligner(a, b)
    t1 = time.perf_counter()
    diffs = []
    for link in links:
        if link.old and link.new:
            old = "\n".join(a[i].text for i in link.old)
            new = "\n".join(b[j].text for j in link.new)
            if old != new:
                diffs.append(word_diff(old, new))
    t2 = time.perf_counter()
    for ops in diffs:
        salient_changes(ops)
    t3 = time.perf_counter()
    if stages is not None:
        stages.update(align=t1 - t0, word_diff=t2 - t1, salience=t3 - t2)
    return len(diffs)


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
    try:
        queue.put(timed(PEERS[name], a, b))
        queue.put(peak_mb(PEERS[name], a, b))
    except Exception as exc:  # noqa: BLE001 - a peer that cannot run is reported, not timed out
        queue.put(f"not run: {type(exc).__name__}: {exc}")


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
            got = queue.get(timeout=limit)
        except Exception:  # noqa: BLE001 - queue.Empty: over the limit, or the child died
            break
        if isinstance(got, str):
            proc.join()
            return "-", "-", got
        results.append(got)
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
        seconds, stages = best_of(3, a, b)
        peak = peak_mb(run_ours, a, b)
        ours[n] = seconds
        pairs = run_ours(a, b)
        split = ", ".join(f"{k} {v:.3f}" for k, v in stages.items())
        print(f"{n:>10}  {'negotiator align+diff+sal':<24} {seconds:>9.3f} {peak:>9.1f}  "
              f"{len(a)}->{len(b)} paragraphs, {pairs} pairs word-diffed ({split})", flush=True)
        old_seconds, old_stages = best_of(3, a, b, run_legacy)
        split = ", ".join(f"{k} {v:.3f}" for k, v in old_stages.items())
        print(f"{n:>10}  {'same, aligner before #10':<24} {old_seconds:>9.3f} {'':>9}  ({split})",
              flush=True)
        if args.no_peers:
            continue
        for name in PEERS:
            t, m, note = measure_in_child(name, n)
            print(f"{n:>10}  {name:<24} {t:>9} {m:>9}  {note}", flush=True)
    if 10000 in ours:
        print(f"\n10,000 paragraphs: {ours[10000]:.3f} s (target <= {TARGET_10K_S} s)")
    if 1000 in ours and 10000 in ours:
        print(f"growth 1,000 -> 10,000 paragraphs (negotiator): "
              f"{ours[10000] / ours[1000]:.1f}x (target <= {TARGET_GROWTH}x)")
    unrelated_a, unrelated_b = unrelated_pair()
    start = time.perf_counter()
    word_diff(unrelated_a, unrelated_b)
    print(f"word diff of one linked but unrelated pair of 480-word paragraphs: "
          f"{(time.perf_counter() - start) * 1000:.1f} ms (falls back to delete + insert)")
    return 0


def run_legacy(a: list[Para], b: list[Para], stages: dict[str, float] | None = None) -> int:
    """The same with the aligner of before issue 10 (bench/legacy_align.py)."""
    from bench import legacy_align

    def old_align(x: list[Para], y: list[Para]) -> list:
        return legacy_align.align([legacy_align.Para(p.number, p.text) for p in x],
                                  [legacy_align.Para(p.number, p.text) for p in y])
    return run_ours(a, b, stages, old_align)


def best_of(repeat: int, a: list[Para], b: list[Para],
            fn: Callable[..., int] = run_ours) -> tuple[float, dict[str, float]]:
    """Best wall time of ``repeat`` runs (the machine is shared), with its stages."""
    best, best_stages = float("inf"), {}
    for _ in range(repeat):
        stages: dict[str, float] = {}
        seconds = timed(lambda x, y: fn(x, y, stages), a, b)
        if seconds < best:
            best, best_stages = seconds, stages
    return best, best_stages


def unrelated_pair() -> tuple[str, str]:
    rng = random.Random(7)
    vocab = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))
             for _ in range(3000)]
    return (" ".join(rng.choice(vocab) for _ in range(480)),
            " ".join(rng.choice(vocab) for _ in range(480)))


if __name__ == "__main__":
    sys.exit(main())
