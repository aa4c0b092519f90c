"""A deleted paragraph is printed as "PP 1 of D1" (`positions`, the brief; « PP 1
de D1 » in French). Given back with the later draft, it names that paragraph
of D1; a draft that does not exist still gets a one-line error."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ok_in_process, run_in_process, store_with_drafts

NEG = "Cyber norms"
D1 = """Draft resolution on cyber norms

Noting with concern the growing number of ransomware attacks against hospitals,

Welcoming the work of the Open-Ended Working Group,
"""
D2 = """Draft resolution on cyber norms

Welcoming the work of the Open-Ended Working Group,
"""


def test_a_deleted_paragraphs_printed_name_leads_to_it(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    store_with_drafts(db, NEG, {"D1": D1, "D2": D2})
    ok_in_process(db, "position", NEG, "D1", "PP 1", "--actor", "Belgium", "--stance", "oppose")
    rows = json.loads(ok_in_process(db, "positions", NEG, "D2", "--json"))
    printed = next(r["reference"] for r in rows if r["index"] is None)
    assert printed == "PP 1 of D1"
    for name in (printed, "PP 1 de D1", "pp1 of D1"):
        assert "Position taken: oppose" in ok_in_process(db, "history", NEG, "D2", name)
    wrong = run_in_process(db, "history", NEG, "D2", "PP 1 of D7")
    assert wrong.code == 1 and wrong.err.count("\n") == 1, wrong.err
    assert "has no paragraph 'PP 1 of D7'" in wrong.err
