"""changes_since: a client learns what colleagues changed, on both backends."""

from __future__ import annotations

from negotiator import positions
from negotiator.drafts import lineage, negotiations
from negotiator.positions import exchange
from negotiator.storage.changes import Changes, ChangeToken, changes_since
from negotiator.storage.store import Store
from negotiator.text.importer import read_bytes


def test_each_kind_of_change_names_its_area(store_url):
    st = Store(store_url)
    with st.transaction(read_only=True) as s:
        first = changes_since(s, None)
    assert not first.any

    def look(token):
        with st.transaction(read_only=True) as s:
            return changes_since(s, token)

    with st.transaction() as s:
        neg = negotiations.create_negotiation(s, "T", "UN")
        negotiations.import_draft(s, neg, read_bytes(b"1. Decides to act.\n", "r.txt"), "Rev.1")
    seen = look(first.token)
    assert seen.areas == {"drafts"}
    assert not look(seen.token).any
    with st.transaction() as s:
        pid = lineage.find_paragraph(s, negotiations.find_draft(s, neg, "Rev.1"), "1").id
        positions.set_position(s, pid, "EU", {"stance": "support"}, author="anna")
    seen = look(seen.token)
    assert seen.areas == {"positions"}
    with st.transaction() as s:
        uid = positions.add_note(s, pid, "Ask capital.", author="anna").uid
    seen = look(seen.token)
    assert seen.areas == {"notes"}
    with st.transaction() as s:
        positions.delete_note(s, neg.id, uid, author="anna")
    assert look(seen.token).areas == {"notes"}
    st.close()


def _store_with_draft(url: str, labels: tuple[str, ...] = ("Rev.1",)) -> Store:
    st = Store(url)
    texts = {"Rev.1": b"1. Decides to act.\n\n2. Requests a report.\n",
             "Rev.2": b"1. Decides to act now.\n\n2. Requests a report.\n"}
    with st.transaction() as s:
        neg = negotiations.create_negotiation(s, "T", "UN")
        for label in labels:
            negotiations.import_draft(s, neg, read_bytes(texts[label], f"{label}.txt"), label)
    return st


def _paragraph_id(st: Store, label: str, ref: str) -> int:
    with st.transaction(read_only=True) as s:
        neg = negotiations.find_negotiation(s, "T")
        return lineage.find_paragraph(s, negotiations.find_draft(s, neg, label), ref).id


def _look(st: Store, token: ChangeToken) -> Changes:
    with st.transaction(read_only=True) as s:
        return changes_since(s, token)


def _token(st: Store) -> ChangeToken:
    with st.transaction(read_only=True) as s:
        return changes_since(s, None).token


def test_a_paragraph_status_is_a_statuses_change(store_url):
    st = _store_with_draft(store_url)
    pid = _paragraph_id(st, "Rev.1", "1")
    token = _token(st)
    with st.transaction() as s:
        positions.set_paragraph_status(s, pid, "agreed_ad_ref", holder="Brazil", author="anna")
    seen = _look(st, token)
    assert seen.areas == {"statuses"}
    with st.transaction() as s:  # back to open: a new row, seen again
        positions.set_paragraph_status(s, pid, "open", author="anna")
    assert _look(st, seen.token).areas == {"statuses"}
    st.close()


def test_a_link_correction_and_its_undoing_are_links_changes(store_url):
    st = _store_with_draft(store_url, ("Rev.1", "Rev.2"))
    new_1, old_2 = _paragraph_id(st, "Rev.2", "1"), _paragraph_id(st, "Rev.1", "2")
    token = _token(st)
    with st.transaction() as s:
        lineage.relink(s, new_1, old_2, author="anna")
    seen = _look(st, token)
    assert seen.areas == {"links"}, seen.areas
    assert not _look(st, seen.token).any
    with st.transaction() as s:  # back to the aligner's link: the correction is gone
        lineage.relink(s, new_1, "automatic", author="anna")
    assert _look(st, seen.token).areas == {"links"}
    st.close()


def test_a_conflict_from_a_package_and_its_resolution_are_positions_changes(store_url, tmp_path):
    # Two laptops take different stances on the same paragraph apart; the merge
    # brings a conflict into the watched store, and settling it is seen too.
    st = _store_with_draft(store_url)
    other = _store_with_draft(f"sqlite:///{tmp_path / 'other.sqlite'}")
    pid, other_pid = _paragraph_id(st, "Rev.1", "1"), _paragraph_id(other, "Rev.1", "1")
    with st.transaction() as s:
        positions.set_position(s, pid, "EU", {"stance": "support"}, author="anna")
    with other.transaction() as s:
        positions.set_position(s, other_pid, "EU", {"stance": "oppose"}, author="ben")
    with other.transaction(read_only=True) as s:
        exported = exchange.export_package(s, negotiations.find_negotiation(s, "T"), "ben")
    exchange.write_package(exported, tmp_path / "ben.json")  # signed as it is written
    token = _token(st)
    with st.transaction() as s:
        exchange.import_package(s, exchange.read_package(tmp_path / "ben.json"))
    seen = _look(st, token)
    assert seen.areas == {"positions"}, seen.areas
    with st.transaction(read_only=True) as s:
        conflict, = positions.list_conflicts(s)
    with st.transaction() as s:
        positions.resolve_conflict(s, str(conflict.id), "a", author="anna")
    assert _look(st, seen.token).areas == {"positions"}
    with st.transaction(read_only=True) as s:
        assert positions.list_conflicts(s) == []
    other.close()
    st.close()
