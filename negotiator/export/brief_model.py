"""What the brief says about each paragraph, before any of it is written.

The comparison's entries with the positions and notes that speak on them, and
per entry the concerns a head of delegation must act on, in one order of
severity. The executive summary, the "at a glance" table, "Needs your
attention" and the markers beside each paragraph all read these concerns, so
they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Literal

from sqlalchemy.orm import Session

from negotiator.diff.findings import Salient
from negotiator.diff.worddiff import new_text, old_text, word_diff
from negotiator.domain.actors import is_eu, is_our_delegation
from negotiator.domain.changes import is_changed
from negotiator.domain.errors import NegotiatorError
from negotiator.drafts.comparison import AlignedEntry, Comparison
from negotiator.drafts.negotiations import ParagraphView
from negotiator.export.brief_text import BriefText
from negotiator.export.docx_writer import Redline, WordDocument
from negotiator.positions.board import draft_positions
from negotiator.positions.results import NoteView, ParagraphPositions, PositionView, Signals
from negotiator.storage.models import Draft, Negotiation
from negotiator.text.parse import compared_text
from negotiator.views.draft_table import PositionSummary, summarise

Scope = Literal["all", "changed", "with_positions", "needing_instructions"]
SCOPES: tuple[str, ...] = ("all", "changed", "with_positions", "needing_instructions")
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
# Progress is reported this often (entries), so a 10,000-paragraph brief
# does not flood a progress bar.
PROGRESS_EVERY = 10


class Cancelled(NegotiatorError):
    """The user cancelled an export; no file was written."""


class Concern(IntEnum):
    """Why a paragraph needs the head of delegation, most severe first."""

    RED_LINE = 1
    DIVERGENT = 2
    REVIEW = 3
    NOT_REFLECTED = 4
    PARTLY = 5
    NO_INSTRUCTIONS = 6
    SALIENT = 7
    NEWLY_AGREED = 8
    CHANGED = 9


# --------------------------------------------------------------------------- reading


def positions_and_notes(rows: Iterable[ParagraphPositions]
                        ) -> tuple[dict[int, list[PositionView]], dict[int, list[NoteView]]]:
    """Per paragraph index, the positions that speak for each actor there (the
    rule every face uses) and the live notes on it."""
    positions: dict[int, list[PositionView]] = {}
    notes: dict[int, list[NoteView]] = {}
    for row in rows:
        if row.index is None:  # positions whose paragraph ended before this draft
            continue
        speaking = sorted(row.speaking(), key=lambda v: v.actor.casefold())
        if speaking:
            positions[row.index] = speaking
        live = [n for n in row.notes if not n.deleted]
        if live:
            notes[row.index] = live
    return positions, notes


def read_annotations(
    session: Session, negotiation: Negotiation, draft: Draft
) -> tuple[dict[int, list[PositionView]], dict[int, list[NoteView]]]:
    """Per paragraph index of a draft, the positions that speak for each actor there
    and the notes on it."""
    return positions_and_notes(draft_positions(session, negotiation, draft))


# --------------------------------------------------------------------------- entries


@dataclass
class Entry:
    """One line of the alignment, ready to write."""

    statuses: tuple[str, ...]
    old: list[ParagraphView]  # paragraphs of A
    new: list[ParagraphView]  # paragraphs of B
    ops: list[tuple[str, str]]
    salient: list[Salient]
    label: str = ""  # how the brief names it: "OP 4", "OP 4, OP 5", "OP 8 bis of Rev.1"
    positions: list[PositionView] = field(default_factory=list)  # those the reader asked for
    ours: list[PositionView] = field(default_factory=list)  # our delegation's, always
    notes: list[NoteView] = field(default_factory=list)
    summary: PositionSummary | None = None
    # brackets gone since draft A (the comparison's rule, as `diff --json` says it)
    newly_agreed: bool = False

    @property
    def changed(self) -> bool:
        return is_changed(self.statuses)

    @property
    def is_heading(self) -> bool:
        rows = self.new or self.old
        return bool(rows) and all(r.kind == "heading" for r in rows)

    @property
    def indices(self) -> set[int]:
        """Its paragraphs' places in draft B."""
        return {r.index for r in self.new}


def entry_ops(item: AlignedEntry, old: list[ParagraphView], new: list[ParagraphView]
              ) -> list[tuple[str, str]]:
    """Ops from the comparison when they rebuild the paragraphs, else diffed here
    (e.g. for a merge, the joined old texts against the new one)."""
    given = list(item.ops)
    a = " ".join(compared_text(r.text, r.footnotes) for r in old)
    b = " ".join(compared_text(r.text, r.footnotes) for r in new)
    if given and old_text(given) == a and new_text(given) == b:
        return given
    if not old:
        return [("+", b)] if b else []
    if not new:
        return [("-", a)] if a else []
    return word_diff(a, b)


@dataclass(frozen=True)
class Side:
    """One draft of the pair as the brief reads it."""

    rows: list[ParagraphView]
    positions: dict[int, list[PositionView]]
    notes: dict[int, list[NoteView]]
    summaries: dict[int, PositionSummary]


def read_side(session: Session, negotiation: Negotiation, draft: Draft,
              rows: list[ParagraphView], signals: Signals | None = None) -> Side:
    """Positions, notes and the window's per-paragraph summary of one draft."""
    board = draft_positions(session, negotiation, draft)
    positions, notes = positions_and_notes(board)
    if signals is None:
        summaries = summarise(board, negotiation)
    else:
        summaries = summarise(board, negotiation, divergent=signals.divergent,
                              touched=signals.red_lines_touched,
                              no_instructions=signals.no_instructions)
    return Side(rows, positions, notes, summaries)


def build_entries(comparison: Comparison, side_a: Side, side_b: Side, ours: str | None,
                  actors: Sequence[str] | None, text: BriefText, label_a: str) -> list[Entry]:
    """The comparison's entries with what speaks on each (positions of B, or of A
    for a deleted paragraph), named as every face names them."""
    wanted = {a.casefold() for a in actors} if actors else None
    entries: list[Entry] = []
    for item in comparison.entries:
        old = [side_a.rows[i] for i in item.old]
        new = [side_b.rows[i] for i in item.new]
        # The new symbol and date are tracked like any text but are not a change to negotiate.
        statuses = ("symbol and date",) if item.top_matter else tuple(str(k) for k in item.kinds)
        entry = Entry(statuses, old, new, entry_ops(item, old, new), list(item.salient),
                      newly_agreed=item.newly_agreed)
        side, rows = (side_b, new) if new else (side_a, old)
        speaking = [v for r in rows for v in side.positions.get(r.index, [])]
        entry.positions = [v for v in speaking if wanted is None or v.actor.casefold() in wanted]
        entry.ours = [v for v in speaking if is_our_delegation(v.actor, ours)]
        entry.notes = [n for r in rows for n in side.notes.get(r.index, [])]
        entry.summary = next((side.summaries[r.index] for r in rows if r.index in side.summaries),
                             None)
        refs = item.new_refs or item.old_refs
        if item.top_matter:
            entry.label = text("top_matter")
        else:
            entry.label = ", ".join(refs) if new else text("of_draft", label=refs[0], draft=label_a)
        entries.append(entry)
    return entries


# --------------------------------------------------------------------------- signals


@dataclass
class Context:
    """What writing any part of the brief needs."""

    wd: WordDocument
    text: BriefText
    draft_a: Draft
    draft_b: Draft
    flags: dict[str, set[int]]
    ours: str | None
    redline: Redline
    change_author: str
    change_date: dt.datetime
    signals: Signals


def signal_flags(signals: Signals, ours: str | None) -> dict[str, set[int]]:
    """Paragraph indices of draft B per signal."""
    out: dict[str, set[int]] = {
        "divergent": set(signals.divergent), "red_lines_touched": set(signals.red_lines_touched),
        "no_instructions": set(signals.no_instructions),
        "adopted": set(), "partly": set(), "not_reflected": set()}
    for u in signals.uptake:
        if ours is None or is_our_delegation(u.actor, ours):
            out[str(u.result)].add(u.index)
    return out


def changed_without_instructions(entries: Iterable[Entry], flags: dict[str, set[int]]) -> list[int]:
    """The paragraphs of draft B, in its order, that changed and have no national
    position (`signals`' no_instructions): the parts of a split are counted as
    the paragraphs they are, as they are named."""
    return [r.index for e in entries if e.changed for r in e.new if r.index in flags["no_instructions"]]


def review_positions(e: Entry) -> list[PositionView]:
    """Our positions on the entry that must be looked at again."""
    return [p for p in e.ours if p.needs_review]


def concerns(ctx: Context, e: Entry) -> tuple[Concern, ...]:
    """Why the entry needs the head of delegation, most severe first (empty: it does not)."""
    if e.is_heading or "symbol and date" in e.statuses:
        return ()
    idx, flags = e.indices, ctx.flags
    found: list[Concern] = []
    if idx & flags["red_lines_touched"]:
        found.append(Concern.RED_LINE)
    if idx & flags["divergent"]:
        found.append(Concern.DIVERGENT)
    if review_positions(e) or (not e.new and e.ours):
        found.append(Concern.REVIEW)
    if idx & flags["not_reflected"]:
        found.append(Concern.NOT_REFLECTED)
    if idx & flags["partly"]:
        found.append(Concern.PARTLY)
    if e.changed and idx & flags["no_instructions"]:  # not agreed, no national position
        found.append(Concern.NO_INSTRUCTIONS)
    if e.salient and e.changed:
        found.append(Concern.SALIENT)
    if e.newly_agreed:
        found.append(Concern.NEWLY_AGREED)
    if e.changed:
        found.append(Concern.CHANGED)
    return tuple(found)


def in_scope(entry: Entry, scope: str, flags: dict[str, set[int]], ours: str | None) -> bool:
    if scope == "all":
        return True
    if entry.is_heading:
        return False
    if scope == "changed":
        return entry.changed
    if scope == "needing_instructions":
        return bool(entry.indices & flags["no_instructions"])
    # with_positions: our delegation holds a position (any actor when we have no name)
    return any(ours is None or is_our_delegation(p.actor, ours) for p in entry.positions)


def split_positions(ctx: Context, e: Entry
                    ) -> tuple[list[PositionView], list[PositionView], list[PositionView]]:
    """The entry's shown positions as ours, the EU's and the others'."""
    ours = [p for p in e.positions if is_our_delegation(p.actor, ctx.ours)]
    eu = [p for p in e.positions if is_eu(p.actor)]
    others = [p for p in e.positions if p not in ours and p not in eu]
    return ours, eu, others
