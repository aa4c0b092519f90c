"""Conflicts from offline exchange and how a user settles them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.domain.errors import Conflict, NotFound
from negotiator.domain.stamps import Clock, utcnow
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


def list_conflicts(session: Session, negotiation: Negotiation | None = None,
                   include_resolved: bool = False) -> list[dict[str, Any]]:
    """Conflicts from offline exchange, each with its sides labelled a, b, ..."""
    q = select(PositionConflict).order_by(PositionConflict.id)
    if negotiation is not None:
        q = q.where(PositionConflict.negotiation_id == negotiation.id)
    if not include_resolved:
        q = q.where(PositionConflict.resolved_at.is_(None))
    out: list[dict[str, Any]] = []
    for c in session.scalars(q):
        out.append(_conflict_dict(session, c))
    return out


def _conflict_dict(session: Session, c: PositionConflict) -> dict[str, Any]:
    sides: list[dict[str, Any]] = []
    labels = "abcdefghij"
    if c.kind == "concurrent_edit":
        rows = {r.uid: r for r in session.scalars(select(PositionHistory).where(
            PositionHistory.uid.in_(c.sides)))}
        for i, uid in enumerate(c.sides):
            r = rows[uid]
            sides.append({"side": labels[i], "ref": uid, "author": r.author,
                          "at": r.at.isoformat(timespec="seconds"),
                          "values": {k: r.new.get(k) for k in (*FIELDS, "deleted")},
                          "text": r.new["anchor"]["text"]})
    else:
        poss = {p.uid: p for p in session.scalars(select(Position).where(
            Position.uid.in_(c.sides)))}
        for i, uid in enumerate(c.sides):
            p = poss[uid]
            sides.append({"side": labels[i], "ref": uid, "author": p.author,
                          "at": p.updated_at.isoformat(timespec="seconds"),
                          "values": {k: getattr(p, k) for k in (*FIELDS, "deleted")},
                          "text": p.text})
    pos = session.get(Position, c.position_id)
    assert pos is not None
    para = pos.paragraph
    return {"id": c.id, "uid": c.uid, "kind": c.kind, "position": pos.uid,
            "actor": pos.actor.name, "draft": para.draft.label, "index": para.ordinal,
            "number": para.number, "sides": sides,
            "detected_at": c.detected_at.isoformat(timespec="seconds"),
            "resolved_at": c.resolved_at.isoformat(timespec="seconds") if c.resolved_at else None,
            "resolved_by": c.resolved_by}


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
