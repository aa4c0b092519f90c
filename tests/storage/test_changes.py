"""changes_since: a client learns what colleagues changed, on both backends."""

from __future__ import annotations

from negotiator import positions
from negotiator.drafts import lineage, negotiations
from negotiator.storage.changes import changes_since
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
