"""What the window's table flags, read the way the window reads it, to compare
with what `negotiator signals` says."""

from __future__ import annotations

from pathlib import Path

from negotiator.drafts import negotiations
from negotiator.storage.store import Store
from negotiator.views.draft_table import position_summaries


def flagged_no_instructions(db: Path, negotiation: str, draft: str) -> set[int]:
    """The places the window flags "no instructions" in a draft."""
    st = Store.open(db)
    try:
        with st.transaction(read_only=True) as s:
            neg = negotiations.find_negotiation(s, negotiation)
            summaries = position_summaries(s, negotiations.find_draft(s, neg, draft).id)
    finally:
        st.close()
    return {i for i, summary in summaries.items() if summary.no_instructions}
