"""Conflicts from offline exchange and how a user settles them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.domain.errors import Conflict, NotFound
from negotiator.domain.stamps import Clock, utcnow
from negotiator.drafts.references import paragraph_reference
from negotiator.positions.history import (
    FIELDS,
    apply_snapshot,
    delete_position,
    heads,
    history_rows,
    record_change,
    refresh_edit_conflict,
    winner,
)
from negotiator.storage.models import (
    Negotiation,
    Position,
    PositionConflict,
    PositionHistory,
)


@dataclass(frozen=True)
class ConflictSide:
    """One version of a position in conflict."""

    side: str  # "a", "b", ...: what resolve_conflict takes
    ref: str  # the history row or position uid
    author: str | None
    at: dt.datetime
    values: Mapping[str, Any]  # the position's fields and "deleted"
    text: str  # the paragraph's wording this version was taken on

    @property
    def withdrawn(self) -> bool:
        return bool(self.values.get("deleted"))


@dataclass(frozen=True)
class ConflictView:
    """A conflict from an exchange: one actor's position on one paragraph."""

    id: int
    uid: str
    kind: str  # "concurrent_edit" or "duplicate"
    position: str
    actor: str
    draft: str
    index: int
    number: str | None
    reference: str
    sides: tuple[ConflictSide, ...]
    detected_at: dt.datetime
    resolved_at: dt.datetime | None
    resolved_by: str | None


def list_conflicts(session: Session, negotiation: Negotiation | None = None,
                   include_resolved: bool = False) -> list[ConflictView]:
    """Conflicts from offline exchange, each with its sides labelled a, b, ..."""
    q = select(PositionConflict).order_by(PositionConflict.id)
    if negotiation is not None:
        q = q.where(PositionConflict.negotiation_id == negotiation.id)
    if not include_resolved:
        q = q.where(PositionConflict.resolved_at.is_(None))
    return [_conflict_view(session, c) for c in session.scalars(q)]


_SIDE_LABELS = "abcdefghij"


def _conflict_view(session: Session, c: PositionConflict) -> ConflictView:
    sides: list[ConflictSide] = []
    if c.kind == "concurrent_edit":
        rows = {r.uid: r for r in session.scalars(select(PositionHistory).where(
            PositionHistory.uid.in_(c.sides)))}
        for i, uid in enumerate(c.sides):
            r = rows[uid]
            sides.append(ConflictSide(_SIDE_LABELS[i], uid, r.author, r.at,
                                      {k: r.new.get(k) for k in (*FIELDS, "deleted")},
                                      r.new["anchor"]["text"]))
    else:
        poss = {p.uid: p for p in session.scalars(select(Position).where(
            Position.uid.in_(c.sides)))}
        for i, uid in enumerate(c.sides):
            p = poss[uid]
            sides.append(ConflictSide(_SIDE_LABELS[i], uid, p.author, p.updated_at,
                                      {k: getattr(p, k) for k in (*FIELDS, "deleted")}, p.text))
    pos = session.get(Position, c.position_id)
    assert pos is not None
    para = pos.paragraph
    return ConflictView(c.id, c.uid, c.kind, pos.uid, pos.actor.name, para.draft.label,
                        para.ordinal, para.number, paragraph_reference(session, para),
                        tuple(sides), c.detected_at, c.resolved_at, c.resolved_by)


def find_conflict(session: Session, ref: str) -> PositionConflict:
    """A conflict by its number in `negotiator conflicts` or a prefix of its uid."""
    ref = ref.strip()
    c = session.get(PositionConflict, int(ref)) if ref.isdigit() else None
    if c is None and len(ref) >= 4:
        hits = session.scalars(select(PositionConflict).where(
            PositionConflict.uid.startswith(ref))).all()
        c = hits[0] if len(hits) == 1 else None
    if c is None:
        raise NotFound(f"no conflict '{ref}' (see `negotiator conflicts`)")
    return c


def resolve_conflict(session: Session, ref: str, take: str, *, author: str | None,
                     clock: Clock = utcnow) -> dict[str, Any]:
    """Settle a conflict by keeping one side (`a`, `b`, ... as listed).

    A concurrent edit gets a new history row made on every side (so the merge
    travels to the other laptops and closes their conflict too); a duplicate
    position keeps the chosen one and withdraws the others.

    Raises:
        Conflict: already resolved, or no such side.
    """
    c = find_conflict(session, ref)
    if c.resolved_at is not None:
        raise Conflict(f"conflict {c.id} was already resolved by {c.resolved_by or 'someone'}")
    labels = "abcdefghij"[: len(c.sides)]
    take = take.strip().lower()
    if take not in labels:
        raise Conflict(f"conflict {c.id} has sides {', '.join(labels)}; choose one with --take")
    chosen = c.sides[labels.index(take)]
    now = clock()
    if c.kind == "concurrent_edit":
        pos = session.get(Position, c.position_id)
        assert pos is not None
        rows = {r.uid: r for r in history_rows(session, pos.id)}
        hs = [r.uid for r in heads(list(rows.values()))]
        old = rows[winner([rows[u] for u in hs]).uid].new
        new = dict(rows[chosen].new)
        row = record_change(session, pos, "resolve", old, new, sorted(hs), author, now)
        session.flush()
        apply_snapshot(session, pos, new)
        pos.version += 1
        pos.updated_at, pos.author = now, author
        refresh_edit_conflict(session, pos, clock, author)
        result = {"conflict": c.id, "kept": take, "history": row.uid}
    else:
        for uid in c.sides:
            if uid != chosen:
                delete_position(session, uid, author=author, clock=clock)
        c.resolved_at, c.resolved_by = now, author
        result = {"conflict": c.id, "kept": take, "position": chosen}
    session.flush()
    return result
