"""What the window's paragraph table and overview chart show of a draft, and
what the brief's summary table reads: rows, changes against the previous draft,
and per paragraph our stance, the EU line and the signals.

Every rule here is a core rule (references, changed, speaking positions, our
delegation, EU); this module only puts their answers side by side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy.orm import Session

from negotiator.diff.findings import Salient
from negotiator.diff.worddiff import EQUAL
from negotiator.domain.actors import is_eu, is_our_delegation
from negotiator.domain.changes import is_changed
from negotiator.domain.errors import NotFound
from negotiator.domain.vocabulary import REVIEW_STATES, Agreement
from negotiator.drafts import negotiations
from negotiator.drafts.comparison import Comparison, compare_drafts
from negotiator.drafts.comparison_cache import kept_whole
from negotiator.drafts.lineage import previous_draft
from negotiator.drafts.references import draft_references
from negotiator.positions.board import draft_positions
from negotiator.positions.results import ParagraphPositions
from negotiator.positions.signals import signals
from negotiator.storage.models import Draft, Negotiation

Progress = Callable[[int, int], None]


class ParagraphRow(NamedTuple):
    """One paragraph of a draft as the table shows it (a tuple: 10,000 are
    made each time a draft is selected)."""

    # The paragraph index, named as everywhere else; it hides tuple.index(), which nothing calls.
    index: int  # type: ignore[assignment]
    id: int
    number: str | None
    level: int
    kind: str
    section: str | None
    text: str
    brackets: int
    brackets_balanced: bool
    lineage: int | None
    reference: str
    footnotes: tuple[str, ...] = ()  # shown under the text, as a comparison reads them


@dataclass(frozen=True, slots=True)  # one per paragraph of the shown draft
class ParagraphChange:
    """How a paragraph of the newer draft relates to the previous draft."""

    kinds: tuple[str, ...]
    # None: every word kept, so the ops are the paragraph's own text (``ops_of``);
    # a big draft's change column then holds no second copy of its text.
    ops: tuple[tuple[str, str], ...] | None = ()
    salient: tuple[Salient, ...] = ()  # said in the reader's language by Salient.describe
    top_matter: bool = False  # only the document symbol and date changed
    newly_agreed: bool = False

    @property
    def changed(self) -> bool:
        return is_changed(self.kinds, top_matter=self.top_matter)

    def ops_of(self, text: str) -> tuple[tuple[str, str], ...]:
        """The word ops of this change, for the paragraph whose text is ``text``."""
        return ((EQUAL, text),) if self.ops is None else self.ops


@dataclass(frozen=True)
class PositionSummary:
    """Our and the EU's stance on one paragraph, and its signals."""

    national: str | None = None
    eu: str | None = None
    needs_review: bool = False
    red_line: bool = False  # our red line here, touched by this draft's wording (signals)
    red_line_held: bool = False  # our delegation's position here holds a red line
    divergent: bool = False
    no_instructions: bool = False
    others: tuple[tuple[str, str], ...] = ()
    agreement: Agreement | None = None  # set only when agreed ad ref or agreed


@dataclass(frozen=True)
class ChartPoint:
    label: str
    brackets: int
    changed: int | None
    needs_review: int | None


def draft(session: Session, draft_id: int) -> Draft:
    """A draft by id, or a one-line error if it is gone."""
    found = session.get(Draft, draft_id)
    if found is None:
        raise NotFound(f"draft {draft_id} no longer exists")
    return found


def negotiation(session: Session, negotiation_id: int) -> Negotiation:
    """A negotiation by id, or a one-line error if it is gone."""
    found = session.get(Negotiation, negotiation_id)
    if found is None:
        raise NotFound(f"negotiation {negotiation_id} no longer exists")
    return found


def paragraph_rows(session: Session, draft_id: int) -> list[ParagraphRow]:
    """The paragraphs of a draft in document order, with their reference labels."""
    found = draft(session, draft_id)
    # The labels every face reads, computed once per draft and kept by the core: the
    # stance read that follows a draft's selection then finds them made.
    labels = draft_references(session, found.id)
    rows = negotiations.paragraph_rows(session, found.id)
    # Kinds and sections repeat down a draft: one string each, not one per row.
    kinds: dict[str, str] = {}
    sections: dict[str | None, str | None] = {}
    return [ParagraphRow(i, pid, number, level, kinds.setdefault(kind, kind),
                         sections.setdefault(section, section), text, brackets, balanced, lineage,
                         labels[i], tuple(notes) if notes else ())
            for i, pid, number, level, kind, section, text, brackets, balanced, lineage, notes in rows]


def changes_by_paragraph(result: Comparison) -> dict[int, ParagraphChange]:
    """Per paragraph index of the newer draft, its change; deleted ones are left out."""
    out: dict[int, ParagraphChange] = {}
    # Equal changes are one object: most paragraphs of a big draft are kept whole.
    shared: dict[ParagraphChange, ParagraphChange] = {}
    for entry in result.entries:
        # A paragraph with footnotes keeps its ops: they hold the footnotes its text does not.
        own_text = len(entry.new) == 1 and kept_whole(entry) and "\n" not in entry.ops[0][1]
        change = ParagraphChange(
            tuple(entry.kinds), None if own_text else entry.ops,
            entry.salient,
            entry.top_matter, entry.newly_agreed)
        change = shared.setdefault(change, change)
        for index in entry.new:
            out[index] = change
    return out


def draft_changes(session: Session, draft_id: int) -> dict[int, ParagraphChange] | None:
    """Changes of a draft against the previous one; None for a first draft."""
    newer = draft(session, draft_id)
    older = previous_draft(session, newer)
    if older is None:
        return None
    return changes_by_paragraph(compare_drafts(session, older, newer))


def summarise(rows: Iterable[ParagraphPositions], negotiation: Negotiation, *,
              divergent: Iterable[int] = (), touched: Iterable[int] = (),
              no_instructions: Iterable[int] = ()) -> dict[int, PositionSummary]:
    """Per paragraph index, the stances that speak for our delegation and the EU,
    the other delegations', and the signals given."""
    divergent, touched = set(divergent), set(touched)
    no_instructions = set(no_instructions)
    ours_name = negotiation.delegation
    out: dict[int, PositionSummary] = {}
    for row in rows:
        if row.index is None:
            continue
        speaking = row.speaking()
        ours = [p for p in speaking if is_our_delegation(p.actor, ours_name)]
        eu = [p for p in speaking if is_eu(p.actor)]
        others = tuple((p.actor, p.stance) for p in speaking if p not in ours and p not in eu)
        agreed = row.agreement.status if row.agreement and row.agreement.status in (
            Agreement.AGREED, Agreement.AGREED_AD_REF) else None
        summary = PositionSummary(
            national=ours[0].stance if ours else None,
            eu=eu[0].stance if eu else None,
            needs_review=any(p.state in REVIEW_STATES for p in ours + eu),
            red_line=row.index in touched,
            red_line_held=any(p.red_line_flag for p in ours),
            divergent=row.index in divergent,
            no_instructions=row.index in no_instructions,  # the rule: positions.signals
            others=others,
            agreement=agreed,
        )
        if summary != PositionSummary():
            out[row.index] = summary
    return out


def position_summaries(session: Session, draft_id: int,
                       paragraph_ids: set[int] | None = None) -> dict[int, PositionSummary]:
    """Stances and signals per paragraph index of a draft (or of some of its paragraphs)."""
    found = draft(session, draft_id)
    neg = found.negotiation
    # Signals first: each of the two reads the negotiation's paragraphs afresh, and
    # the signals (a few lists of indices) are small to keep while the rows are read.
    sig = signals(session, neg, found, paragraph_ids=paragraph_ids, newly_agreed=False)
    rows = draft_positions(session, neg, found, paragraph_ids=paragraph_ids)
    return summarise(rows, neg, divergent=sig.divergent, touched=sig.red_lines_touched,
                     no_instructions=sig.no_instructions)


def positions_needing_review(rows: Iterable[ParagraphPositions]) -> int | None:
    """Positions (any actor) whose paragraph changed, split, merged or ended since
    they were taken; None when no position exists at all."""
    seen: set[str] = set()
    review: set[str] = set()
    for row in rows:
        for p in row.positions:
            seen.add(p.uid)
            if p.state in REVIEW_STATES:
                review.add(p.uid)  # a position shown on several parts of a split counts once
    return len(review) if seen else None


def chart_points(session: Session, negotiation_id: int,
                 progress: Progress | None = None) -> list[ChartPoint]:
    """Per draft: brackets remaining, paragraphs changed since the previous draft,
    positions needing review."""
    neg = negotiation(session, negotiation_id)
    drafts = sorted(neg.drafts, key=lambda d: d.order)
    summaries = negotiations.list_drafts(session, neg)
    points: list[ChartPoint] = []
    for i, (d, summary) in enumerate(zip(drafts, summaries, strict=True)):
        changed = None
        if i > 0:
            changed = len(compare_drafts(session, drafts[i - 1], d).changed())
        review = positions_needing_review(draft_positions(session, neg, d))
        points.append(ChartPoint(d.label, summary.brackets, changed, review))
        if progress is not None:
            progress(i + 1, len(drafts))
    return points
