"""`negotiator diff` says one count: the summary line's unchanged paragraphs are
those the body folds away (the symbol and date lines are no paragraphs in either)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ok_in_process, store_with_drafts

TEXT = """A/C.1/81/L.12

12 October 2026

Draft resolution on cyber norms

Noting with concern the growing number of ransomware attacks against hospitals,

Welcoming the work of the Open-Ended Working Group,

1. Calls upon all States to refrain from attacks on critical infrastructure;
"""


def test_identical_drafts_count_the_same_unchanged_paragraphs_in_summary_and_body(
        tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    store_with_drafts(db, "Cyber norms", {"D1": TEXT, "D2": TEXT}, delegation=None)
    out = ok_in_process(db, "diff", "Cyber norms", "D1", "D2")
    summary = re.search(r"D1 -> D2: (\d+) unchanged", out)
    body = re.search(r"\((\d+) unchanged paragraphs?\)", out)
    assert summary and body, out
    assert summary[1] == body[1] == "4", out
