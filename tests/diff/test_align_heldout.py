"""The aligner on the held-out drafts: the resolution (tests/data/alignment/RESOLUTION.md),
the agreement (AGREEMENT.md), the charter (CHARTER.md) and the declaration
(DECLARATION.md), each labelled by someone who never saw the aligner's rules.
A floor, not a target: a change that loses links a delegation relies on fails here."""

from __future__ import annotations

import json
from pathlib import Path

from negotiator.diff.align import Para, align
from negotiator.text.importer import read_file

DATA = Path(__file__).resolve().parents[1] / "data" / "alignment"
# Issue 10's goal on every pair (today 0.994 and 0.981).
PAIR_F1_FLOOR = 0.97
# Measured when the agreement set was first scored: 0.978 on the chair's
# consolidation (6 links missed, none wrong), 0.987 on the light revision
# (3 missed, none wrong); after numbered items whose brackets are lifted
# kept their link and fused articles their headings (AGREEMENT.md), 0.985
# and 0.992. The floors leave about one link of margin.
AGREEMENT_F1_FLOOR = {"agreement_r1.txt": 0.975, "agreement_r2.txt": 0.985}
# The heavy rounds of the charter and the declaration are below issue 10's goal
# (0.952 and 0.960 at stop 14; what is left is in bench/README.md); the light
# rounds are at 1.000. About one link of margin.
LATER_SETS_F1_FLOOR = {"charter_r1.txt": 0.945, "charter_r2.txt": 0.99,
                       "declaration_r1.txt": 0.95, "declaration_r2.txt": 0.99}


def pair_links(pair: dict) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """The labelled (old, new) paragraph pairs of a pair of drafts and those the aligner finds."""
    a = [Para(p.number, p.text) for p in read_file(DATA / pair["old"]).paragraphs]
    b = [Para(p.number, p.text) for p in read_file(DATA / pair["new"]).paragraphs]
    truth = {(i, j) for old, new in pair["links"] for i in old for j in new}
    found = {(i, j) for link in align(a, b) for i in link.old for j in link.new}
    return truth, found


def f1(truth: set[tuple[int, int]], found: set[tuple[int, int]]) -> float:
    return 2 * len(truth & found) / (len(truth) + len(found))


def test_links_on_the_held_out_resolution_drafts() -> None:
    pairs = json.loads((DATA / "resolution_links.json").read_text(encoding="utf-8"))["pairs"]
    assert len(pairs) == 2
    for pair in pairs:
        truth, found = pair_links(pair)
        assert f1(truth, found) >= PAIR_F1_FLOOR, (pair["old"], f1(truth, found))
        assert found - truth == set(), (pair["old"], sorted(found - truth))  # no wrong link today


def test_links_on_the_held_out_agreement_drafts() -> None:
    pairs = json.loads((DATA / "agreement_links.json").read_text(encoding="utf-8"))["pairs"]
    assert [pair["old"] for pair in pairs] == sorted(AGREEMENT_F1_FLOOR)
    for pair in pairs:
        truth, found = pair_links(pair)
        assert f1(truth, found) >= AGREEMENT_F1_FLOOR[pair["old"]], (pair["old"], f1(truth, found))
        assert found - truth == set(), (pair["old"], sorted(found - truth))  # no wrong link today


def test_links_on_the_held_out_charter_and_declaration_drafts() -> None:
    pairs = [pair for name in ("charter_links.json", "declaration_links.json")
             for pair in json.loads((DATA / name).read_text(encoding="utf-8"))["pairs"]]
    assert sorted(pair["old"] for pair in pairs) == sorted(LATER_SETS_F1_FLOOR)
    for pair in pairs:
        truth, found = pair_links(pair)
        assert f1(truth, found) >= LATER_SETS_F1_FLOOR[pair["old"]], (pair["old"], f1(truth, found))
