"""What the positions layer answers: typed, immutable values every face reads.

The command line turns them into JSON at its edge (negotiator/cli/json_shapes.py);
the window and the brief read the fields directly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from negotiator.domain.vocabulary import Agreement, CarryState, Uptake


@dataclass(frozen=True)
class ParagraphRef:
    """A paragraph of some draft, as a user names it."""

    draft: str  # the draft's label
    index: int  # 0-based place (`show --json`), for scripts only
    number: str | None
    reference: str  # "OP 4", "PP 2": what every face shows


@dataclass(frozen=True)
class PositionView:
    """One actor's position as it stands on a paragraph of the draft asked about."""

    uid: str
    actor: str
    actor_kind: str
    stance: str
    stage: str  # PositionStage value
    state: CarryState
    amendment: str | None
    amended_text: str | None
    rationale: str | None
    red_line: str | None
    red_line_flag: bool
    fallback: str | None
    priority: str | None
    author: str | None
    updated_at: dt.datetime
    version: int
    taken_on: ParagraphRef
    taken_on_text: str
    # Word ops from the wording the position was taken on to today's (needs review, split, merged).
    diff: tuple[tuple[str, str], ...] | None
    parts: tuple[int, ...]  # indices of the parts of a split
    merged_from: tuple[ParagraphRef, ...]
    deleted_in: str | None  # label of the draft where the paragraph ended
    conflict: bool
    # Whether this position speaks for its actor on this paragraph (see board.speaking_positions).
    primary: bool

    @property
    def needs_review(self) -> bool:
        return self.state != CarryState.CURRENT


@dataclass(frozen=True)
class NoteView:
    uid: str
    text: str
    author: str | None
    created_at: dt.datetime
    deleted: bool


@dataclass(frozen=True)
class AgreementView:
    """Where a paragraph stands: derived from its brackets, or set by a user."""

    index: int
    number: str | None
    status: Agreement
    holder: str | None = None
    due: dt.date | None = None
    set_by: str | None = None
    set_at: dt.datetime | None = None
    set_on: str | None = None  # label of the draft it was set on
    changed_since: bool = False  # agreed, but the chair changed the text since


@dataclass(frozen=True)
class ParagraphPositions:
    """A paragraph of the draft with every position and note that holds on it.

    A paragraph that ended before this draft has ``index`` None and ``was``
    naming it as it last stood.
    """

    index: int | None
    number: str | None
    reference: str
    kind: str
    text: str
    agreement: AgreementView | None
    positions: tuple[PositionView, ...]
    notes: tuple[NoteView, ...]
    was: ParagraphRef | None = None

    def speaking(self) -> tuple[PositionView, ...]:
        """One position per actor: the one that speaks for it here."""
        return tuple(p for p in self.positions if p.primary)


@dataclass(frozen=True)
class UptakeResult:
    index: int
    reference: str
    actor: str
    result: Uptake
    share: float
    uid: str


@dataclass(frozen=True)
class Divergence:
    index: int
    reference: str
    national: str
    eu: str
    reason: str  # "stance", "amendment" or "red_line_crossed"


@dataclass(frozen=True)
class Signals:
    """What a delegation must look at in a draft (indices are `show --json` places)."""

    references: tuple[str, ...]  # the label of every paragraph of the draft, by index
    divergent: tuple[int, ...]
    red_lines_touched: tuple[int, ...]
    no_instructions: tuple[int, ...]
    newly_agreed: tuple[int, ...]
    uptake: tuple[UptakeResult, ...]
    divergence: tuple[Divergence, ...]
    # Whether the national delegation has any position at all in this draft:
    # without one, "no red line touched" would be a conclusion from absence.
    has_national_positions: bool
    has_eu_positions: bool
