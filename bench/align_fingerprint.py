"""Guard for speed work on the aligner: one hash of every link per input.

Run from the repository root:  python bench/align_fingerprint.py [--import-pair A B]

A change meant only to make ``align`` faster must leave every line of this
output identical. The inputs: each successive corpus pair that
bench_align_quality.py scores, bench_align.py's synthetic pairs at 1,000 and
10,000 paragraphs for three seeds, four stress shapes (unrelated drafts, every
paragraph edited, shuffled, reversed), and an import workload of two long .txt
drafts (bench_process.py's 10,000-paragraph pair unless ``--import-pair`` names two files).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_align import make_pair  # noqa: E402
from bench.bench_align_quality import corpus_dir, load_labels  # noqa: E402
from negotiator.diff.align import Link, Para, align  # noqa: E402
from negotiator.text.importer import read_file  # noqa: E402

# The stress shapes cost seconds at 5,000 paragraphs; this size reaches the same stages.
STRESS_SIZE = 2000


def fingerprint(links: list[Link]) -> str:
    digest = hashlib.sha256()
    for link in links:
        digest.update(repr((tuple(str(s) for s in link.status), link.old, link.new)).encode())
        digest.update(b"\n")
    return digest.hexdigest()[:16]


def paras(path: Path) -> list[Para]:
    return [Para(p.number, p.text) for p in read_file(path).paragraphs]


def stress_pairs(n: int) -> list[tuple[str, list[Para], list[Para]]]:
    """The worst cases bench/README.md times: stages a lightly edited pair
    barely reaches (full gaps, banded gaps, the index, every floor)."""
    rng = random.Random(5)
    a, b = make_pair(n, 1)
    _, other = make_pair(n, 2)
    edited = []
    for p in a:
        words = p.text.split()
        for k in rng.sample(range(len(words)), len(words) * 3 // 10):
            words[k] = words[rng.randrange(len(words))]
        edited.append(Para(p.number, " ".join(words)))
    shuffled = list(b)
    rng.shuffle(shuffled)
    return [(f"stress n={n} unrelated", a, other),
            (f"stress n={n} every paragraph 30% edited", a, edited),
            (f"stress n={n} shuffled", a, shuffled),
            (f"stress n={n} reversed", a, b[::-1])]


def inputs(import_pair: tuple[Path, Path]) -> list[tuple[str, list[Para], list[Para]]]:
    out = []
    corpus = corpus_dir()
    if corpus is None:
        print("corpus: not here, skipped")
    else:
        for pair in load_labels():
            out.append((f"corpus {pair['old']} -> {pair['new']}",
                        paras(corpus / pair["old"]), paras(corpus / pair["new"])))
    for n in (1000, 10000):
        for seed in (1, 2, 3):
            out.append((f"synthetic n={n} seed={seed}", *make_pair(n, seed)))
    out.extend(stress_pairs(STRESS_SIZE))
    if all(p.is_file() for p in import_pair):
        out.append((f"import {import_pair[0].name} -> {import_pair[1].name}",
                    paras(import_pair[0]), paras(import_pair[1])))
    else:
        print("import pair: not here, skipped")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--import-pair", nargs=2, type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pair = tuple(args.import_pair) if args.import_pair else _import_pair(Path(tmp))
        return _run(inputs(pair))


def _import_pair(folder: Path) -> tuple[Path, Path]:
    """bench_process.py's 10,000-paragraph drafts, as `negotiator import` reads them."""
    from bench.bench_process import make_texts

    a_text, b_text = make_texts(10000)
    a, b = folder / "a10000.txt", folder / "b10000.txt"
    a.write_text(a_text, encoding="utf-8")
    b.write_text(b_text, encoding="utf-8")
    return a, b


def _run(pairs: list[tuple[str, list[Para], list[Para]]]) -> int:
    total = 0.0
    for name, a, b in pairs:
        start = time.process_time()
        links = align(a, b)
        total += time.process_time() - start
        print(f"{fingerprint(links)}  {len(links):>6}  {name}", flush=True)
    print(f"align CPU, all inputs: {total:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
