"""Lineages in the store: inherited on import, split and merge marks, user
corrections that win and survive re-assignment."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from negotiator.domain.errors import Conflict, NotFound
from negotiator.drafts import negotiations
from negotiator.drafts.lineage import assign_lineages, correct_link, find_paragraph, link_override, reset_link
from negotiator.storage.models import Draft, Lineage, LineageMerge, LineageOverride, Paragraph
from negotiator.storage.store import Store
from negotiator.text.importer import read_bytes

P1 = ("Welcomes the convening of the informal intersessional consultations on "
      "confidence-building measures in the field of ICT security;")
P2 = ("Encourages participating States to nominate policy and technical points of "
      "contact and to keep the contact list up to date;")
P3 = ("Requests the Secretariat to circulate, within existing resources, a template for "
      "voluntary reporting, and invites participating States to submit their first "
      "reports before the next meeting;")
P4 = ("Decides that the informal working group will review the implementation of the "
      "confidence-building measures annually;")
P5 = ("Tasks the Chairmanship with preparing a consolidated overview of the national "
      "contributions received;")
P6 = "Decides to remain seized of the matter."

ZERO = [P1, P2, P3, P4, P5, P6]


def text(paragraphs: list[str]) -> bytes:
    return "\n\n".join(f"{k + 1}. {p}" for k, p in enumerate(paragraphs)).encode()


@pytest.fixture
def store(db_path: Path):
    s = Store.open(db_path)
    yield s
    s.close()


def add(store: Store, label: str, paragraphs: list[str]) -> None:
    with store.transaction() as s:
        neg = negotiations.find_negotiation(s, "CBMs")
        negotiations.import_draft(s, neg, read_bytes(text(paragraphs), f"{label}.txt"), label)


def rows(store: Store, label: str) -> list[Paragraph]:
    with store.transaction() as s:
        neg = negotiations.find_negotiation(s, "CBMs")
        draft = negotiations.find_draft(s, neg, label)
        return list(s.scalars(select(Paragraph).where(Paragraph.draft_id == draft.id)
                              .order_by(Paragraph.ordinal)).all())


@pytest.fixture
def negotiation(store: Store) -> Store:
    with store.transaction() as s:
        negotiations.create_negotiation(s, "CBMs", "OSCE PC", "Belgium")
    add(store, "Zero", ZERO)
    return store


def test_first_draft_gets_one_new_lineage_per_paragraph(negotiation: Store) -> None:
    zero = rows(negotiation, "Zero")
    assert len({p.lineage_id for p in zero}) == len(ZERO)
    assert all(p.lineage_id is not None and p.lineage_relation is None for p in zero)


def test_lineages_follow_renumbering_moves_and_edits(negotiation: Store) -> None:
    new = ("Invites the OSCE Secretariat to support the informal working group in "
           "organising a tabletop exercise for points of contact;")
    rev1 = [new, P1, P2.replace("Encourages", "Urges"), P5, P4, P6]
    add(negotiation, "Rev.1", rev1)
    zero, r1 = rows(negotiation, "Zero"), rows(negotiation, "Rev.1")
    lin = {p.ordinal: p.lineage_id for p in r1}
    assert lin[1] == zero[0].lineage_id  # renumbered 1 -> 2
    assert lin[2] == zero[1].lineage_id  # modified
    assert lin[3] == zero[4].lineage_id and lin[4] == zero[3].lineage_id  # moved
    assert lin[0] not in {p.lineage_id for p in zero}  # new paragraph, new lineage
    # Paragraph 3 of the zero draft was dropped: its lineage continues nowhere.
    assert zero[2].lineage_id not in lin.values()


def test_split_parts_share_the_source_lineage(negotiation: Store) -> None:
    first, second = P3.split(", and invites ")
    add(negotiation, "Rev.1", [P1, P2, first + ";", "Invites " + second, P4, P5, P6])
    zero, r1 = rows(negotiation, "Zero"), rows(negotiation, "Rev.1")
    assert r1[2].lineage_id == r1[3].lineage_id == zero[2].lineage_id
    assert r1[2].lineage_relation == r1[3].lineage_relation == "split"
    assert r1[4].lineage_relation is None


def test_merge_keeps_the_first_lineage_and_records_the_others(negotiation: Store) -> None:
    merged = ("Decides that the informal working group will review the implementation of "
              "the confidence-building measures annually, and tasks the Chairmanship with "
              "preparing a consolidated overview of the national contributions received;")
    add(negotiation, "Rev.1", [P1, P2, P3, merged, P6])
    zero, r1 = rows(negotiation, "Zero"), rows(negotiation, "Rev.1")
    assert r1[3].lineage_id == zero[3].lineage_id
    assert r1[3].lineage_relation == "merged"
    with negotiation.transaction() as s:
        extra = s.scalars(select(LineageMerge.lineage_id)
                          .where(LineageMerge.paragraph_id == r1[3].id)).all()
    assert extra == [zero[4].lineage_id]


def test_correction_wins_and_later_drafts_follow(negotiation: Store) -> None:
    unrelated = ("Welcomes the offer of one participating State to host the next "
                 "meeting of the informal working group;")
    add(negotiation, "Rev.1", [P1, P2, unrelated, P4, P5, P6])
    add(negotiation, "Rev.2", [P1, P2, unrelated, P4, P5, P6])
    zero, r1 = rows(negotiation, "Zero"), rows(negotiation, "Rev.1")
    assert r1[2].lineage_id != zero[2].lineage_id  # the aligner saw a new paragraph
    with negotiation.transaction() as s:
        para = s.get(Paragraph, r1[2].id)
        source = s.get(Paragraph, zero[2].id)
        change = correct_link(s, para, source, "delegate A")
    assert change.new_lineage_id == zero[2].lineage_id
    assert change.old_lineage_id == r1[2].lineage_id
    assert len(change.drafts_relinked) == 2
    r1, r2 = rows(negotiation, "Rev.1"), rows(negotiation, "Rev.2")
    assert r1[2].lineage_id == zero[2].lineage_id
    assert r2[2].lineage_id == zero[2].lineage_id  # the later draft follows
    # Running the assignment again keeps the correction.
    with negotiation.transaction() as s:
        for label in ("Rev.1", "Rev.2"):
            assign_lineages(s, negotiations.find_draft(s, negotiations.find_negotiation(s, "CBMs"), label))
    assert rows(negotiation, "Rev.1")[2].lineage_id == zero[2].lineage_id
    assert [p.lineage_id for p in rows(negotiation, "Rev.2")] == [p.lineage_id for p in r2]
    # A later import aligns against the corrected draft.
    add(negotiation, "Rev.3", [P1, P2, unrelated, P6])
    assert rows(negotiation, "Rev.3")[2].lineage_id == zero[2].lineage_id


def test_cutting_a_link_starts_a_new_lineage_that_stays(negotiation: Store) -> None:
    add(negotiation, "Rev.1", ZERO)
    zero, r1 = rows(negotiation, "Zero"), rows(negotiation, "Rev.1")
    with negotiation.transaction() as s:
        change = correct_link(s, s.get(Paragraph, r1[1].id), None, "delegate B")
    assert change.new_lineage_id not in {p.lineage_id for p in zero}
    with negotiation.transaction() as s:
        assign_lineages(s, s.get(Draft, r1[1].draft_id))
        override = s.scalar(select(LineageOverride).where(LineageOverride.paragraph_id == r1[1].id))
        assert override is not None and override.author == "delegate B"
    r1_again = rows(negotiation, "Rev.1")
    # Re-running keeps the very same new lineage (what hangs on it stays).
    assert r1_again[1].lineage_id == change.new_lineage_id
    assert [p.lineage_id for p in r1_again if p.ordinal != 1] == \
        [p.lineage_id for p in zero if p.ordinal != 1]


def test_resetting_a_correction_lets_the_aligner_decide_again(negotiation: Store) -> None:
    add(negotiation, "Rev.1", ZERO)
    zero, r1 = rows(negotiation, "Zero"), rows(negotiation, "Rev.1")
    with negotiation.transaction() as s:
        correct_link(s, s.get(Paragraph, r1[1].id), None, "delegate B")
        assert link_override(s, r1[1].id) == (True, None)
        correct_link(s, s.get(Paragraph, r1[1].id), s.get(Paragraph, zero[2].id), "delegate B")
        assert link_override(s, r1[1].id) == (True, zero[2].id)
    assert rows(negotiation, "Rev.1")[1].lineage_id == zero[2].lineage_id
    with negotiation.transaction() as s:
        change = reset_link(s, s.get(Paragraph, r1[1].id))
        assert link_override(s, r1[1].id) == (False, None)
    assert change.new_lineage_id == zero[1].lineage_id
    assert [p.lineage_id for p in rows(negotiation, "Rev.1")] == [p.lineage_id for p in r1]


def test_correction_to_a_later_or_foreign_paragraph_is_refused(negotiation: Store) -> None:
    add(negotiation, "Rev.1", ZERO)
    zero, r1 = rows(negotiation, "Zero"), rows(negotiation, "Rev.1")
    with negotiation.transaction() as s:
        with pytest.raises(Conflict, match="earlier draft"):
            correct_link(s, s.get(Paragraph, zero[0].id), s.get(Paragraph, r1[0].id))
        count = s.scalar(select(LineageOverride.id))
    assert count is None


def test_find_paragraph_by_number_or_index(negotiation: Store) -> None:
    with negotiation.transaction() as s:
        draft = negotiations.find_draft(s, negotiations.find_negotiation(s, "CBMs"), "Zero")
        assert find_paragraph(s, draft, "3").text == P3
        assert find_paragraph(s, draft, "#0").text == P1
        with pytest.raises(NotFound, match="has no paragraph '12 bis'"):
            find_paragraph(s, draft, "12 bis")
        with pytest.raises(NotFound):
            find_paragraph(s, draft, "#99")


def test_import_assigns_lineages_in_bulk(negotiation: Store) -> None:
    # 300 paragraphs: one alignment, a handful of statements, not one flush each.
    from sqlalchemy import event

    big = [f"{P2[:-1]} in region number {k} of the area;" for k in range(300)]
    add(negotiation, "Big", big)
    statements: list[str] = []

    def count(_conn, _cursor, sql, *_rest) -> None:  # type: ignore[no-untyped-def]
        statements.append(sql)

    event.listen(negotiation.engine, "before_cursor_execute", count)
    try:
        with negotiation.transaction() as s:
            neg = negotiations.find_negotiation(s, "CBMs")
            negotiations.import_draft(s, neg, read_bytes(text(big[::-1]), "rev.txt"), "Big.2")
    finally:
        event.remove(negotiation.engine, "before_cursor_execute", count)
    assert len(statements) < 40, len(statements)
    r = rows(negotiation, "Big.2")
    big1 = rows(negotiation, "Big")
    assert {p.lineage_id for p in r} == {p.lineage_id for p in big1}
    with negotiation.transaction() as s:
        # Moving paragraphs around creates no lineage.
        assert s.scalar(select(Lineage.id).order_by(Lineage.id.desc()).limit(1)) == \
            max(p.lineage_id for p in big1)
