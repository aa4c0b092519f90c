"""Row locks for actions that read, then write on what they read."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.storage.models import Negotiation


def lock_negotiation(session: Session, negotiation_id: int) -> None:
    """Hold the negotiation's row until the transaction ends, so two imports into
    one negotiation take turns (the draft order and label checks then see the
    other's draft). PostgreSQL: SELECT ... FOR UPDATE; SQLite's writers already
    take turns (BEGIN IMMEDIATE) and SQLAlchemy leaves FOR UPDATE out there."""
    session.execute(select(Negotiation.id).where(Negotiation.id == negotiation_id).with_for_update())
