"""A comparison is computed once: what the store keeps equals a fresh
computation, and a link correction makes it stale."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from negotiator.drafts import negotiations
from negotiator.drafts.comparison import compare_drafts, compute_comparison
from negotiator.drafts.comparison_cache import cache_key, decode, encode
from negotiator.drafts.lineage import correct_link, find_paragraph
from negotiator.storage.models import ComparisonCache
from negotiator.storage.store import Store
from negotiator.text.importer import read_bytes

ZERO = [
    "Welcomes the convening of the informal consultations on confidence-building measures;",
    "Encourages participating States to nominate points of contact [and to keep the list current];",
    "Requests the Secretariat to circulate a template for voluntary reporting;",
    "Decides that the informal working group shall review the measures annually;",
    "Decides to remain seized of the matter.",
]
REV1 = [
    "Welcomes the convening of the informal consultations on confidence-building measures;",
    "Requests the Secretariat to circulate a template for voluntary national reporting;",
    "Encourages participating States to nominate points of contact and to keep the list current;",
    "Decides that the informal working group should review the measures every two years;",
    "Invites the Chairmanship to prepare an overview of contributions;",
    "Decides to remain seized of the matter.",
]


def text(paragraphs: list[str]) -> bytes:
    return "\n\n".join(f"{k + 1}. {p}" for k, p in enumerate(paragraphs)).encode()


@pytest.fixture
def store(db_path: Path):
    st = Store.open(db_path)
    with st.transaction() as s:
        neg = negotiations.create_negotiation(s, "CBMs", "OSCE PC")
        for label, paras in (("Zero", ZERO), ("Rev.1", REV1)):
            negotiations.import_draft(s, neg, read_bytes(text(paras), f"{label}.txt"), label)
    yield st
    st.close()


def drafts(s, *labels: str):
    neg = negotiations.find_negotiation(s, "CBMs")
    return [negotiations.find_draft(s, neg, label) for label in labels]


def stored_pairs(store: Store) -> list[tuple[int, int]]:
    with store.read() as s:
        return [tuple(r) for r in s.execute(
            select(ComparisonCache.from_draft_id, ComparisonCache.to_draft_id)).all()]


def no_computing(monkeypatch) -> None:
    """Make a comparison that is not read back from the store fail the test."""
    from negotiator.drafts import comparison

    def computed(*_args: object) -> None:
        raise AssertionError("computed again instead of read from the store")

    monkeypatch.setattr(comparison, "compute_comparison", computed)


def test_import_stores_the_comparison_with_the_previous_draft_and_it_equals_a_fresh_one(
        store, monkeypatch):
    with store.read() as s:
        zero, rev1 = drafts(s, "Zero", "Rev.1")
        assert stored_pairs(store) == [(zero.id, rev1.id)]
        fresh = compute_comparison(s, zero, rev1)
        with monkeypatch.context() as patch:
            no_computing(patch)
            stored = compare_drafts(s, zero, rev1)
    assert stored == fresh  # every typed value: entries, ops, salience, summary, references
    assert any(e.salient for e in stored.entries)  # "shall -> should" came back typed
    assert stored.summary.counts == fresh.summary.counts


def test_another_pair_is_computed_on_demand_in_a_read_and_stored(store, monkeypatch):
    with store.read() as s:
        zero, rev1 = drafts(s, "Zero", "Rev.1")
        backwards = compare_drafts(s, rev1, zero)
    assert (rev1.id, zero.id) in stored_pairs(store)
    with store.read() as s:
        zero, rev1 = drafts(s, "Zero", "Rev.1")
        fresh = compute_comparison(s, rev1, zero)
        with monkeypatch.context() as patch:
            no_computing(patch)
            assert compare_drafts(s, rev1, zero) == backwards == fresh


def test_a_link_correction_invalidates_the_stored_comparison(store):
    with store.read() as s:
        zero, rev1 = drafts(s, "Zero", "Rev.1")
        before = compare_drafts(s, zero, rev1)
        key_before = cache_key(s, zero, rev1)
    with store.transaction() as s:
        zero, rev1 = drafts(s, "Zero", "Rev.1")
        # Rev.1 OP 6 has Zero OP 5's words: say it is a new paragraph all the same.
        correct_link(s, find_paragraph(s, rev1, "6"), None, "test")
    assert stored_pairs(store) == []  # the stale row is gone
    with store.read() as s:
        zero, rev1 = drafts(s, "Zero", "Rev.1")
        assert cache_key(s, zero, rev1) != key_before
        after = compare_drafts(s, zero, rev1)
        assert after == compute_comparison(s, zero, rev1)
    assert after != before
    assert "added" in {str(k) for e in after.entries for k in e.kinds}
    assert stored_pairs(store) == [(zero.id, rev1.id)]  # computed again and kept


def test_a_row_with_an_old_key_is_not_used(store):
    with store.transaction() as s:
        zero, rev1 = drafts(s, "Zero", "Rev.1")
        s.execute(ComparisonCache.__table__.update().values(key="0" * 64))
    with store.read() as s:
        zero, rev1 = drafts(s, "Zero", "Rev.1")
        assert compare_drafts(s, zero, rev1) == compute_comparison(s, zero, rev1)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(ComparisonCache)) == 1
        assert s.scalar(select(ComparisonCache.key)) != "0" * 64


def test_encoding_round_trips(store):
    with store.read() as s:
        zero, rev1 = drafts(s, "Zero", "Rev.1")
        fresh = compute_comparison(s, zero, rev1)
    texts = list(REV1)  # the stored texts: numbers apart
    assert decode(encode(fresh), fresh.from_label, fresh.to_label, lambda: texts) == fresh
