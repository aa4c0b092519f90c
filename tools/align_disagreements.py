"""Print where an aligner disagrees with the labelled links of a corpus pair.

Usage: python tools/align_disagreements.py PATTERN [--aligner new|old] [--width N]

For every labelled pair whose old file path contains PATTERN (see
tests/data/alignment/corpus_links.json, and own_links.json for our own
pairs), prints each missed link (labelled, not found) and each wrong link
(found, not labelled) with both texts side by side, so a person can judge
whether the label or the aligner is right.
Read-only: it changes no label.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import legacy_align  # noqa: E402
from bench.bench_align_quality import (
    LABELS,
    OWN_DIR,
    OWN_LABELS,
    aligner_links,
    corpus_dir,
    edges,
    load_labels,
)  # noqa: E402
from bench.common import print_disagreements  # noqa: E402
from negotiator.diff import align as new_align  # noqa: E402
from negotiator.text.importer import read_file  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pattern")
    parser.add_argument("--aligner", choices=("new", "old"), default="new")
    parser.add_argument("--width", type=int, default=70)
    args = parser.parse_args()
    corpus = corpus_dir()
    run = aligner_links(new_align if args.aligner == "new" else legacy_align)
    sources = [(OWN_DIR, pair) for pair in load_labels(OWN_LABELS)]
    if corpus is not None:
        sources += [(corpus, pair) for pair in load_labels(LABELS)]
    for folder, pair in sources:
        if args.pattern not in pair["old"]:
            continue
        a = read_file(folder / pair["old"]).paragraphs
        b = read_file(folder / pair["new"]).paragraphs
        print_disagreements(f"{pair['old']} -> {pair['new']}", a, b,
                            edges(pair["links"]), edges(run(a, b)), args.width)
    return 0


if __name__ == "__main__":
    sys.exit(main())
