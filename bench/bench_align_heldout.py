"""Benchmark: paragraph links of each aligner on the held-out drafts.

Run from the repository root:
  python bench/bench_align_heldout.py [--disagreements new|old] [--only PATTERN]

Held-out sets, each labelled link by link before any aligner ran on it, by
someone who had not read the aligner: three drafts of an invented General
Assembly resolution (zero draft, Rev.1, Rev.2; tests/data/alignment/RESOLUTION.md)
three drafts of an invented agreement (a compilation of proposals, the
chair's consolidation, a light revision; tests/data/alignment/AGREEMENT.md),
of an invented charter (CHARTER.md) and of an invented political declaration
(zero draft, a heavy Rev.1, a light Rev.2; DECLARATION.md).
Per successive pair, prints precision/recall/F1 of the links found by the
current aligner, the pre-issue-10 one and difflib, scored as
bench_align_quality.py scores the corpus. ``--disagreements`` then prints each
missed and each wrong link of the chosen aligner, both texts side by side;
``--only`` keeps the pairs whose old file's name contains PATTERN.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import legacy_align  # noqa: E402
from bench.bench_align_quality import aligner_links, difflib_links, edges, scores  # noqa: E402
from bench.common import print_disagreements, table  # noqa: E402
from negotiator.diff import align as new_align  # noqa: E402
from negotiator.text.importer import read_file  # noqa: E402

DATA = ROOT / "tests" / "data" / "alignment"
LABEL_SETS = (DATA / "resolution_links.json", DATA / "agreement_links.json", DATA / "charter_links.json",
              DATA / "declaration_links.json")
ALIGNERS = {"new": aligner_links(new_align), "old": aligner_links(legacy_align)}


def run_difflib(a: list, b: list) -> list[tuple[list[int], list[int]]]:
    return difflib_links([new_align.normalise(p.text) for p in a],
                         [new_align.normalise(p.text) for p in b])


def show_disagreements(pair: dict, a: list, b: list, aligner: str) -> None:
    print_disagreements(f"{aligner}: {pair['old']} -> {pair['new']}", a, b,
                        edges(pair["links"]), edges(ALIGNERS[aligner](a, b)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--disagreements", choices=("new", "old"), default=None)
    parser.add_argument("--only", default="", help="pairs whose old file's name contains this")
    args = parser.parse_args()
    body = []
    pairs = [pair for labels in LABEL_SETS
             for pair in json.loads(labels.read_text(encoding="utf-8"))["pairs"]]
    for pair in pairs:
        if args.only not in pair["old"]:
            continue
        a = read_file(DATA / pair["old"]).paragraphs
        b = read_file(DATA / pair["new"]).paragraphs
        truth = edges(pair["links"])
        row: list[object] = [f"{pair['old']} -> {pair['new']}", len(truth)]
        for tool in (ALIGNERS["new"], ALIGNERS["old"], run_difflib):
            p, r, f = scores(edges(tool(a, b)), truth)
            row.append(f"{p:.3f}/{r:.3f}/{f:.3f}")
        body.append(row)
        if args.disagreements:
            show_disagreements(pair, a, b, args.disagreements)
    print(table(["pair", "links", "new P/R/F1", "old P/R/F1", "difflib P/R/F1"], body))
    return 0


if __name__ == "__main__":
    sys.exit(main())
