"""The comparison of two drafts as the window's Compare tab shows it: each aligned
row with both drafts' references and whether our positions touch it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.diff.findings import Salient
from negotiator.domain.changes import is_changed
from negotiator.domain.errors import Conflict
from negotiator.domain.vocabulary import ChangeKind
from negotiator.drafts.comparison import ComparisonSummary, compare_drafts
from negotiator.positions.board import draft_positions
from negotiator.storage.models import Paragraph
from negotiator.storage.store import chunks
from negotiator.views.draft_table import draft, position_summaries, summarise

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DiffEntry:
    """One aligned row of a comparison."""

    status: tuple[str, ...]
    from_indexes: tuple[int, ...]
    to_indexes: tuple[int, ...]
    from_numbers: tuple[str, ...]  # reference labels ("OP 4", "PP 2")
    to_numbers: tuple[str, ...]
    ops: tuple[tuple[str, str], ...]
    salient: tuple[Salient, ...]  # said in the reader's language by Salient.describe
    has_position: bool = False
    red_line: bool = False
    newly_agreed: bool = False
    top_matter: bool = False  # only the document symbol and date changed

    @property
    def changed(self) -> bool:
        return is_changed(self.status, top_matter=self.top_matter)


@dataclass(frozen=True)
class DiffData:
    from_id: int
    to_id: int
    from_label: str
    to_label: str
    summary: ComparisonSummary
    entries: tuple[DiffEntry, ...]

    def counts(self) -> dict[ChangeKind, int]:
        return self.summary.counts


def load_diff(session: Session, from_id: int, to_id: int,
              progress: Progress | None = None) -> DiffData:
    """Compare two drafts and attach references and our positions to each row."""
    a, b = draft(session, from_id), draft(session, to_id)
    if a.negotiation_id != b.negotiation_id:
        raise Conflict("both drafts must belong to the same negotiation")
    if progress is not None:
        progress(1, 3)
    result = compare_drafts(session, a, b)
    if progress is not None:
        progress(2, 3)
    summaries = position_summaries(session, to_id)
    # A deleted paragraph speaks through the positions taken on it in FROM, as
    # the brief reads them (no signals: FROM's own are against another draft);
    # only those paragraphs of FROM are read.
    gone = sorted({i for e in result.entries if not e.new for i in e.old})
    ids = {pid for part in chunks(gone) for pid in session.scalars(
        select(Paragraph.id).where(Paragraph.draft_id == from_id, Paragraph.ordinal.in_(part)))}
    before = summarise(draft_positions(session, a.negotiation, a, paragraph_ids=ids),
                       a.negotiation) if ids else {}
    entries = []
    for e in result.entries:
        marks = [summaries[i] for i in e.new if i in summaries] if e.new \
            else [before[i] for i in e.old if i in before]
        entries.append(DiffEntry(
            tuple(e.kinds), e.old, e.new, e.old_refs, e.new_refs, e.ops,
            e.salient,
            # "Our position": our delegation's, as the brief's with_positions scope;
            # the EU line alone is not ours.
            has_position=any(m.national for m in marks),
            # Our red line touched by this comparison's wording, whichever two drafts
            # are compared (signals say it against the previous draft, the same rule).
            red_line=e.wording_touched and any(m.red_line_held for m in marks),
            newly_agreed=e.newly_agreed,
            top_matter=e.top_matter))
    if progress is not None:
        progress(3, 3)
    return DiffData(from_id, to_id, a.label, b.label, result.summary, tuple(entries))
