"""What one edit refreshes equals what the whole draft shows.

The window, after a position is saved, reads that paragraph alone
(``paragraph_ids``: only the lineages that can carry onto it and only their
positions). Whatever it shows for that paragraph must be what reading the whole
draft shows: stances, signals and every carried position, on every draft of the
demo (positions taken on the Zero draft carried through rewording, splits,
merges and deletions).
"""

from __future__ import annotations

from pathlib import Path

from negotiator import positions
from negotiator.demo import load_demo
from negotiator.drafts import negotiations
from negotiator.storage.models import Negotiation
from negotiator.storage.store import Store
from negotiator.views.draft_table import position_summaries


def test_one_paragraph_reads_as_the_whole_draft_shows_it(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "demo.sqlite")
    neg_id = load_demo(store).negotiation_id
    compared = carried = 0
    with store.transaction(read_only=True) as s:
        neg = s.get(Negotiation, neg_id)
        assert neg is not None
        for summary in negotiations.list_drafts(s, neg):
            draft = negotiations.find_draft(s, neg, summary.label)
            whole_rows = {r.index: r for r in positions.draft_positions(s, neg, draft)
                          if r.index is not None}
            whole = position_summaries(s, draft.id)
            for para in negotiations.draft_paragraphs(s, draft):
                one_rows = positions.draft_positions(s, neg, draft, paragraph_ids={para.id})
                assert [r for r in one_rows if r.index == para.index] == (
                    [whole_rows[para.index]] if para.index in whole_rows else []), para.reference
                one = position_summaries(s, draft.id, {para.id})
                assert one.get(para.index) == whole.get(para.index), para.reference
                compared += 1
                carried += len(whole_rows[para.index].positions) if para.index in whole_rows else 0
    store.close()
    assert compared > 50 and carried > 10  # the demo's three drafts and their positions
