"""Positions: history, stale edits, carry-forward into a new draft, paragraph
status, notes and signals, on two handcrafted OSCE-style drafts stored in a
real SQLite file and linked by the real aligner.

Rev.1 -> Rev.2 (tests/data/positions_rev*.txt), by index in `show --json`:
  #1 PP1 unchanged; #2 op 1 "[shall][should]" -> "should"; #3 op 2 split into
  Rev.2 #3 and #4; #4 op 3 (working group) deleted; #5 + #6 (ops 4 and 5)
  merged into Rev.2 #5; #7 op 6 unchanged, renumbered 5.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from negotiator import positions
from negotiator.cli import json_shapes
from negotiator.domain.errors import Conflict
from negotiator.drafts import lineage, negotiations
from negotiator.storage.models import Paragraph, PositionHistory
from negotiator.storage.store import Store
from negotiator.text.importer import read_file

DATA = Path(__file__).resolve().parents[1] / "data"
TITLE = "ICT CBMs decision"


@pytest.fixture
def store(db_path: Path) -> Store:
    st = Store.open(db_path)
    with st.transaction() as s:
        neg = negotiations.create_negotiation(s, TITLE, "OSCE Permanent Council", "Belgium")
        negotiations.import_draft(s, neg, read_file(DATA / "positions_rev1.txt"), "Rev.1")
    yield st
    st.close()


def import_rev2(st: Store) -> None:
    with st.transaction() as s:
        neg = negotiations.find_negotiation(s, TITLE)
        negotiations.import_draft(s, neg, read_file(DATA / "positions_rev2.txt"), "Rev.2")


def pid(s: Any, label: str, index: int) -> int:
    neg = negotiations.find_negotiation(s, TITLE)
    draft = negotiations.find_draft(s, neg, label)
    return lineage.find_paragraph(s, draft, f"#{index}").id


def take(st: Store, label: str, index: int, actor: str, **values: Any) -> positions.PositionChange:
    author = values.pop("author", "anna")
    expected = values.pop("expected_version", None)
    with st.transaction() as s:
        return positions.set_position(s, pid(s, label, index), actor, values, author=author,
                                      expected_version=expected)


def listing(st: Store, label: str) -> list[dict[str, Any]]:
    with st.transaction(read_only=True) as s:
        neg = negotiations.find_negotiation(s, TITLE)
        return json_shapes.paragraph_positions(
            positions.draft_positions(s, neg, negotiations.find_draft(s, neg, label)))


def sigs(st: Store, label: str) -> dict[str, Any]:
    with st.transaction(read_only=True) as s:
        neg = negotiations.find_negotiation(s, TITLE)
        return json_shapes.signals(positions.signals(s, neg, negotiations.find_draft(s, neg, label)))


def by_actor(rows: list[dict[str, Any]], index: int | None, actor: str) -> dict[str, Any]:
    row = next(r for r in rows if r["index"] == index
               and any(p["actor"] == actor for p in r["positions"]))
    return next(p for p in row["positions"] if p["actor"] == actor)


# --- positions and history ----------------------------------------------------------


def test_position_is_stamped_with_draft_and_wording(store: Store) -> None:
    change = take(store, "Rev.1", 2, "Belgium", stance="support_with_amendments",
                  amendment="Replace '[shall][should]' with 'shall'.", priority="high")
    assert change.created and change.version == 1
    p = by_actor(listing(store, "Rev.1"), 2, "Belgium")
    assert p["state"] == "current"
    assert p["taken_on"]["draft"] == "Rev.1" and p["taken_on"]["number"] == "1"
    assert "[shall][should]" in p["taken_on"]["text"]
    assert p["amended_text"].startswith("Decides that participating States shall notify")


def test_every_change_is_kept_in_history(store: Store) -> None:
    take(store, "Rev.1", 2, "Belgium", stance="support", author="anna")
    take(store, "Rev.1", 2, "Belgium", stance="oppose", rationale="Instructions changed",
         author="ben")
    take(store, "Rev.1", 2, "Belgium", red_line="cannot accept 'should'", author="anna")
    with store.transaction(read_only=True) as s:
        rows = positions.position_history(s, pid(s, "Rev.1", 2), "Belgium")
    assert [(r.action, r.author) for r in rows] == [
        ("create", "anna"), ("update", "ben"), ("update", "anna")]
    assert rows[1].old["stance"] == "support" and rows[1].new["stance"] == "oppose"
    assert rows[2].changed == ("red_line", "red_line_flag")
    # Each row is made on the one before: one line of history, no fork.
    assert rows[1].parents == (rows[0].uid,) and rows[2].parents == (rows[1].uid,)
    # Said in words, the same in the window and on the command line.
    assert rows[0].describe() == ["Position taken: support"]
    assert rows[1].describe() == ["Talking points set", "Stance: support → oppose"]
    assert rows[2].describe() == ["Red line set"]


def test_unchanged_values_write_no_history(store: Store) -> None:
    take(store, "Rev.1", 2, "Belgium", stance="support")
    again = take(store, "Rev.1", 2, "Belgium", stance="support")
    assert not again.changed and again.version == 1


def test_stale_edit_is_refused_and_changes_nothing(store: Store) -> None:
    take(store, "Rev.1", 2, "Belgium", stance="support", author="anna")
    loaded = 1
    take(store, "Rev.1", 2, "Belgium", stance="oppose", author="ben", expected_version=loaded)
    with pytest.raises(Conflict, match="changed by ben .* you loaded version 1"):
        take(store, "Rev.1", 2, "Belgium", stance="reserve", author="anna",
             expected_version=loaded)
    with pytest.raises(Conflict, match="already|no position|changed"):
        take(store, "Rev.1", 2, "Belgium", stance="reserve", expected_version=0)
    p = by_actor(listing(store, "Rev.1"), 2, "Belgium")
    assert p["stance"] == "oppose" and p["version"] == 2
    with store.transaction(read_only=True) as s:
        assert s.scalar(select(func.count()).select_from(PositionHistory)) == 2


def test_bad_values_are_refused(store: Store) -> None:
    with pytest.raises(Conflict, match="stance 'maybe'"):
        take(store, "Rev.1", 2, "Belgium", stance="maybe")
    with pytest.raises(Conflict, match="needs a stance"):
        take(store, "Rev.1", 2, "Belgium", rationale="no stance given")
    with pytest.raises(Conflict, match="do not match the paragraph"):
        take(store, "Rev.1", 2, "Belgium", stance="support",
             amendment="Decides that {+all+} States [-must-] notify")
    assert listing(store, "Rev.1")[2]["positions"] == []


def test_eu_names_one_actor(store: Store) -> None:
    take(store, "Rev.1", 2, "EU", stance="support")
    change = take(store, "Rev.1", 2, "European Union", stance="oppose")
    assert not change.created
    p = by_actor(listing(store, "Rev.1"), 2, "EU")
    assert p["actor_kind"] == "group" and p["stance"] == "oppose"


# --- carry forward ---------------------------------------------------------------------


def test_carry_forward_states(store: Store) -> None:
    take(store, "Rev.1", 1, "Belgium", stance="support")
    take(store, "Rev.1", 2, "Belgium", stance="support_with_amendments",
         amendment="Replace '[shall][should]' with 'shall'.")
    take(store, "Rev.1", 3, "Belgium", stance="support")
    take(store, "Rev.1", 4, "Belgium", stance="oppose")
    take(store, "Rev.1", 5, "Belgium", stance="support")
    take(store, "Rev.1", 6, "Switzerland", stance="reserve")
    take(store, "Rev.1", 7, "Belgium", stance="support")
    import_rev2(store)
    rows = listing(store, "Rev.2")

    assert by_actor(rows, 1, "Belgium")["state"] == "current"
    assert by_actor(rows, 6, "Belgium")["state"] == "current"  # renumbered only
    assert rows[6]["number"] == "5"

    review = by_actor(rows, 2, "Belgium")
    assert review["state"] == "needs_review"
    assert any(op == "-" and "shall" in t for op, t in review["diff"])
    # The diff rebuilds the wording taken on and today's.
    assert "".join(t for op, t in review["diff"] if op != "+") == review["taken_on"]["text"]
    assert "".join(t for op, t in review["diff"] if op != "-") == rows[2]["text"]

    for part in (3, 4):
        split = by_actor(rows, part, "Belgium")
        assert split["state"] == "split" and split["parts"] == [3, 4]

    merged_b = by_actor(rows, 5, "Belgium")
    merged_s = by_actor(rows, 5, "Switzerland")
    assert merged_b["state"] == merged_s["state"] == "merged"
    assert [m["number"] for m in merged_b["merged_from"]] == ["4", "5"]

    gone = [r for r in rows if r["index"] is None]
    assert len(gone) == 1 and gone[0]["was"] == {"draft": "Rev.1", "index": 4, "number": "3",
                                                "reference": "OP 3"}
    assert gone[0]["positions"][0]["state"] == "paragraph_deleted"
    assert gone[0]["positions"][0]["deleted_in"] == "Rev.2"


def test_position_retaken_on_new_draft_is_current_again(store: Store) -> None:
    take(store, "Rev.1", 2, "Belgium", stance="support")
    import_rev2(store)
    assert by_actor(listing(store, "Rev.2"), 2, "Belgium")["state"] == "needs_review"
    change = take(store, "Rev.2", 2, "Belgium", stance="support", author="ben")
    assert not change.created and change.version == 2  # the same position, re-taken
    p = by_actor(listing(store, "Rev.2"), 2, "Belgium")
    assert p["state"] == "current" and p["taken_on"]["draft"] == "Rev.2"
    # The older draft no longer shows a position taken on a later one.
    assert listing(store, "Rev.1")[2]["positions"] == []


def test_editing_one_part_of_a_split_starts_a_position_for_that_part(store: Store) -> None:
    take(store, "Rev.1", 3, "Belgium", stance="support")
    import_rev2(store)
    change = take(store, "Rev.2", 4, "Belgium", stance="oppose")
    assert change.created
    rows = listing(store, "Rev.2")
    assert [p["state"] for p in rows[3]["positions"]] == ["split"]
    assert sorted((p["state"], p["stance"]) for p in rows[4]["positions"]) == [
        ("current", "oppose"), ("split", "support")]
    # Signals read the part's own position for that part.
    assert 4 not in sigs(store, "Rev.2")["no_instructions"]


# --- paragraph status ------------------------------------------------------------------


def test_paragraph_status_follows_lineage_and_flags_changes(store: Store) -> None:
    with store.transaction() as s:
        positions.set_paragraph_status(s, pid(s, "Rev.1", 2), "agreed_ad_ref", holder="Capital",
                                       due=dt.date(2026, 3, 1), author="anna")
        positions.set_paragraph_status(s, pid(s, "Rev.1", 7), "agreed_ad_ref", author="anna")
        with pytest.raises(Conflict, match="cannot be set"):
            positions.set_paragraph_status(s, pid(s, "Rev.1", 1), "bracketed", author="anna")
    import_rev2(store)
    with store.transaction(read_only=True) as s:
        neg = negotiations.find_negotiation(s, TITLE)
        rev1 = positions.paragraph_statuses(s, neg, negotiations.find_draft(s, neg, "Rev.1"))
        rev2 = positions.paragraph_statuses(s, neg, negotiations.find_draft(s, neg, "Rev.2"))
    assert rev1[4].status == "bracketed" and rev1[1].status == "open"
    assert rev1[2].status == "agreed_ad_ref" and not rev1[2].changed_since
    # The chair changed the ad ref paragraph anyway: flagged.
    assert rev2[2].status == "agreed_ad_ref" and rev2[2].changed_since
    assert rev2[2].holder == "Capital" and rev2[2].due == dt.date(2026, 3, 1)
    assert rev2[6].status == "agreed_ad_ref" and not rev2[6].changed_since
    with store.transaction() as s:
        positions.set_paragraph_status(s, pid(s, "Rev.2", 2), "agreed", author="ben")
        positions.set_paragraph_status(s, pid(s, "Rev.2", 6), "open", author="ben")
        neg = negotiations.find_negotiation(s, TITLE)
        rev2 = positions.paragraph_statuses(s, neg, negotiations.find_draft(s, neg, "Rev.2"))
    assert rev2[2].status == "agreed" and not rev2[2].changed_since
    assert rev2[6].status == "open"


# --- notes -----------------------------------------------------------------------------


def test_notes_follow_lineage_and_deleted_ones_disappear(store: Store) -> None:
    with store.transaction() as s:
        keep = positions.add_note(s, pid(s, "Rev.1", 2), "Ask capital about 'shall'",
                                  author="anna")
        drop = positions.add_note(s, pid(s, "Rev.1", 2), "Outdated", author="anna")
        neg = negotiations.find_negotiation(s, TITLE)
        positions.delete_note(s, neg.id, drop.uid[:8], author="ben")
    import_rev2(store)
    rows = listing(store, "Rev.2")
    assert [n["uid"] for n in rows[2]["notes"]] == [keep.uid]


# --- signals ---------------------------------------------------------------------------


def test_signals(store: Store) -> None:
    # 1: national and EU agree; 2: different stances, and EU proposes what we
    # cannot accept; 3: national red line; 5: national amendment.
    take(store, "Rev.1", 1, "Belgium", stance="support")
    take(store, "Rev.1", 1, "EU", stance="support")
    take(store, "Rev.1", 2, "Belgium", stance="support_with_amendments",
         amendment="Replace '[shall][should]' with 'shall'.", red_line="cannot accept 'should'")
    take(store, "Rev.1", 2, "EU", stance="support_with_amendments",
         amendment="Replace '[shall][should]' with 'should'.")
    take(store, "Rev.1", 7, "Belgium", stance="oppose", red_line="no review before 2028")
    take(store, "Rev.1", 7, "EU", stance="oppose")
    take(store, "Rev.1", 3, "Belgium", stance="support", red_line="keep 'lessons learned'")
    take(store, "Rev.1", 5, "Belgium", stance="support_with_amendments",
         amendment="Invites participating States to consider voluntary capacity-building "
                   "projects in the region, and tasks the Secretariat to maintain a directory "
                   "of national points of contact;")
    take(store, "Rev.1", 3, "Russian Federation", stance="support_with_amendments",
         amendment="Encourages participating States to {+voluntarily+} share their national "
                   "cyber strategies and to designate points of contact for crisis "
                   "communication, and further encourages regular exchanges among those "
                   "points of contact on lessons learned;")
    take(store, "Rev.1", 4, "Belgium", stance="support_with_amendments",
         amendment="Delete '[at least twice a year]' and replace 'informal' with 'open-ended'.")
    s1 = sigs(store, "Rev.1")
    assert s1["divergent"] == [2]
    assert s1["divergence"][0]["reason"] == "red_line_crossed"
    assert s1["red_lines_touched"] == []  # the first draft changes nothing
    assert s1["no_instructions"] == [6]  # heading #0 needs none
    assert s1["uptake"] == []  # proposals are measured on the next draft

    import_rev2(store)
    s2 = sigs(store, "Rev.2")
    assert s2["divergent"] == [2]
    # #2 was changed by Rev.2, and split #3/#4 too; #6 (was op 6) was not.
    assert s2["red_lines_touched"] == [2, 3, 4]
    assert s2["newly_agreed"] == [2]
    assert s2["no_instructions"] == []
    uptake = {(u["index"], u["actor"]): (u["result"], u["share"]) for u in s2["uptake"]}
    assert uptake[(2, "Belgium")] == ("not_reflected", 0.0)
    assert uptake[(2, "EU")] == ("adopted", 1.0)
    assert uptake[(5, "Belgium")] == ("adopted", 1.0)  # the merged text is ours
    assert uptake[(3, "Russian Federation")] == ("not_reflected", 0.0)
    assert all(u["index"] is not None for u in s2["uptake"])


def test_uptake_partly_states_a_share() -> None:
    base = "Requests the Chairmanship to convene an informal working group [at least twice a year];"
    new = "Requests the Chairmanship to convene an informal working group;"
    amendment = "Delete '[at least twice a year]' and replace 'informal' with 'open-ended'."
    result, share = positions.uptake(base, amendment, new)
    assert result == "partly" and 0.5 < share < 1
    assert positions.uptake(base, amendment, base) == ("not_reflected", 0.0)
    assert positions.uptake(base, "Merge it with paragraph 4.", new) is None


def test_uptake_of_an_edit_typed_with_other_spacing_than_the_stored_text() -> None:
    # Text pasted from a PDF or a .txt keeps double spaces and line breaks; the
    # delegation types its [-..-]{+..+} edit with single spaces. The chair took
    # the change up (and changed another word): that is "adopted", not "not
    # reflected" (the change was placed by character, seven words too early).
    base = ("Calls upon all  States,  in  particular  the  largest  emitters,  to  act\n"
            "quickly  [at once].")
    edit = ("Calls upon all States, in particular the largest emitters, to act quickly "
            "[-[at once]-]{+without delay+}.")
    taken_up = "Calls upon all States, in particular the major emitters, to act quickly without delay."
    assert positions.uptake(base, edit, taken_up) == ("adopted", 1.0)
    left = "Calls upon all States, in particular the major emitters, to act quickly [at once]."
    assert positions.uptake(base, edit, left) == ("not_reflected", 0.0)
    insertion = ("Calls upon all States, in particular the largest emitters, to act {+firmly and+} "
                 "quickly [at once].")
    assert positions.uptake(base, insertion, "Calls upon all States, in particular the major "
                            "emitters, to act firmly and quickly [at once].") == ("adopted", 1.0)


def test_amendment_forms() -> None:
    base = "Calls upon States to act [by State and non-State actors] quickly [at once]."
    assert positions.amended_text(base, "Keep '[by State and non-State actors]'.") == (
        "Calls upon States to act by State and non-State actors quickly [at once].")
    assert positions.amended_text(base, "Delete '[at once]'") == (
        "Calls upon States to act [by State and non-State actors] quickly.")
    assert positions.amended_text(base, "Insert 'firmly' after 'act'") == (
        "Calls upon States to act firmly [by State and non-State actors] quickly [at once].")
    edit = "Calls upon [-States-]{+all States+} to act [by State and non-State actors] quickly [at once]."
    assert positions.amended_text(base, edit).startswith("Calls upon all States to act")
    # Keeping bracketed words is measured on their brackets.
    assert positions.uptake(base, "Keep '[by State and non-State actors]'",
                            base.replace("[by State and non-State actors]",
                                         "by State and non-State actors"))[0] == "adopted"
    assert positions.uptake(base, "Keep '[by State and non-State actors]'",
                            base.replace("[at once]", "at once"))[0] == "not_reflected"


def test_models_match_the_migrations(db_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from negotiator.storage.models import Base

    st = Store.open(db_path)
    with st.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    st.close()
    mine = {"position", "position_history", "note", "paragraph_status", "position_conflict"}
    assert [d for d in diffs if any(getattr(x, "name", None) in mine or
                                    getattr(getattr(x, "table", None), "name", None) in mine
                                    for x in (d if isinstance(d, tuple) else (d,)))] == []


def test_paragraph_lookup_refuses_unknown(store: Store) -> None:
    from negotiator.domain.errors import NotFound

    with store.transaction(read_only=True) as s:
        neg = negotiations.find_negotiation(s, TITLE)
        draft = negotiations.find_draft(s, neg, "Rev.1")
        with pytest.raises(NotFound):
            lineage.find_paragraph(s, draft, "99")
        assert s.scalar(select(func.count()).select_from(Paragraph)) == 8


def test_the_symbol_and_date_line_needs_no_instructions(db_path: Path) -> None:
    from negotiator.text.importer import read_bytes

    st = Store.open(db_path)
    text = ("PC.DEL/45/26/Rev.1\n20 February 2026\n\n"
            "Draft decision on points of contact\n\n"
            "1. Decides to maintain the directory of points of contact;\n\n"
            "2. Tasks the Secretariat to update it [annually][every two years].\n")
    with st.transaction() as s:
        neg = negotiations.create_negotiation(s, TITLE, "OSCE Permanent Council", "Belgium")
        negotiations.import_draft(s, neg, read_bytes(text.encode(), "rev1.txt"), "Rev.1")
    rows = listing(st, "Rev.1")
    assert rows[0]["text"].startswith("PC.DEL/45/26/Rev.1")
    # The symbol/date block and the title need none; both operative paragraphs do.
    assert sigs(st, "Rev.1")["no_instructions"] == [r["index"] for r in rows if r["number"] in ("1", "2")]
    st.close()
