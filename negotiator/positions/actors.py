"""Actors of a negotiation: found by name as people write it, created on first use."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.domain.actors import EU_NAMES, actor_kind_for
from negotiator.domain.errors import Conflict
from negotiator.storage.models import (
    Actor,
)


def find_actor(session: Session, negotiation_id: int, name: str) -> Actor | None:
    """An actor by name, case-insensitively; "EU" and "European Union" are one actor."""
    name = name.strip()
    actor = session.scalar(select(Actor).where(
        Actor.negotiation_id == negotiation_id, Actor.name == name))
    if actor is None:
        actors = session.scalars(select(Actor).where(Actor.negotiation_id == negotiation_id)
                                 .order_by(Actor.id)).all()
        for a in actors:
            if a.name.lower() == name.lower():
                return a
        if name.lower() in EU_NAMES:
            for a in actors:
                if a.name.lower() in EU_NAMES:
                    return a
    return actor


def ensure_actor(session: Session, negotiation_id: int, name: str,
                 kind: str | None = None) -> Actor:
    """The actor of that name (case-insensitive), created on first use."""
    if not name or not name.strip():
        raise Conflict("an actor needs a name, e.g. 'Belgium' or 'EU'")
    actor = find_actor(session, negotiation_id, name)
    if actor is None:
        actor = Actor(negotiation_id=negotiation_id, name=name.strip(),
                      kind=kind or actor_kind_for(name))
        session.add(actor)
        session.flush()
    return actor


def actors_by_id(session: Session, negotiation_id: int) -> dict[int, Actor]:
    """Every actor of a negotiation, by id."""
    return {a.id: a for a in session.scalars(select(Actor).where(
        Actor.negotiation_id == negotiation_id).order_by(Actor.id))}
