"""A paragraph the chair split in two is two paragraphs from then on: a status
or a note set on one part is that part's, and a position on the part the next draft
deletes is shown as deleted there, where `diff` says the part went, not
carried onto the part that stayed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ok_in_process, store_with_drafts

NEG = "Water declaration"
HEAD = """Political declaration on water security

1. We recognize that safe and affordable water is indispensable for life, health and livelihoods.

2. We commit to protect and restore water-related ecosystems, including wetlands, rivers and aquifers.

"""
MEETING = "We decide to convene a high-level meeting on water security in 2031 to review progress."
COHERENCE = "We note the need for greater coherence in the water-related work of the United Nations system"
ENVOY = ("request the Secretary-General to consider the appointment of a Special Envoy on Water "
         "to promote the implementation of the present declaration.")
D1 = HEAD + f"3. {COHERENCE}, and {ENVOY}\n\n4. {MEETING}\n"
# D2 splits OP 3: the envoy becomes OP 4, in brackets.
D2 = HEAD + f"3. {COHERENCE}.\n\n4. [We {ENVOY}]\n\n5. {MEETING}\n"
# D3 drops the envoy; OP 3 stays as it was.
D3 = HEAD + f"3. {COHERENCE}.\n\n4. {MEETING}\n"


def _store(tmp_path: Path) -> Path:
    db = store_with_drafts(tmp_path / "store.sqlite", NEG, {"D1": D1, "D2": D2, "D3": D3})
    split = json.loads(ok_in_process(db, "diff", NEG, "D1", "D2", "--json"))
    assert [e["to_refs"] for e in split["paragraphs"] if e["status"] == "split"] == [["OP 3", "OP 4"]]
    return db


def _statuses(db: Path, draft: str) -> dict[str, str]:
    """Each paragraph's status, by the reference `show` prints."""
    shown = json.loads(ok_in_process(db, "show", NEG, draft, "--json"))
    rows = json.loads(ok_in_process(db, "status", NEG, draft, "--json"))
    return {shown[r["index"]]["reference"]: r["status"] for r in rows}


def test_a_status_or_note_on_one_part_of_a_split_stays_on_that_part(tmp_path: Path) -> None:
    db = _store(tmp_path)
    ok_in_process(db, "status", NEG, "D2", "OP 3", "--set", "agreed")
    ok_in_process(db, "note", NEG, "D2", "OP 3", "Capital welcomes the UN-Water wording.")
    for draft in ("D2", "D3"):
        rows = json.loads(ok_in_process(db, "positions", NEG, draft, "--json"))
        assert [r["reference"] for r in rows if r["notes"]] == ["OP 3"], draft
    assert _statuses(db, "D2")["OP 3"] == "agreed"
    assert _statuses(db, "D2")["OP 4"] == "bracketed"  # the envoy part is not agreed
    assert _statuses(db, "D3")["OP 3"] == "agreed"
    assert 4 in json.loads(ok_in_process(db, "signals", NEG, "D2", "--json"))["no_instructions"]


def test_a_position_on_the_part_deleted_next_is_deleted_where_diff_says_so(tmp_path: Path) -> None:
    db = _store(tmp_path)
    ok_in_process(db, "position", NEG, "D2", "OP 4", "--actor", "Belgium", "--stance", "oppose")
    ok_in_process(db, "position", NEG, "D2", "OP 3", "--actor", "EU", "--stance", "support")
    diff = json.loads(ok_in_process(db, "diff", NEG, "D2", "D3", "--json"))
    assert [e["from_refs"] for e in diff["paragraphs"] if e["status"] == "deleted"] == [["OP 4"]]
    rows = json.loads(ok_in_process(db, "positions", NEG, "D3", "--json"))
    where = {(p["actor"], r["reference"] if r["index"] is not None else None, p["state"])
             for r in rows for p in r["positions"]}
    assert where == {("Belgium", None, "paragraph_deleted"), ("EU", "OP 3", "current")}
    [gone] = [r for r in rows if r["index"] is None]
    assert (gone["was"]["draft"], gone["was"]["number"]) == ("D2", "4")
