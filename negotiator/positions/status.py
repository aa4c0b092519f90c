"""Paragraph agreement: agreed ad ref, agreed, or open again; it follows the lineage."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.domain.errors import Conflict, NotFound
from negotiator.domain.stamps import Clock, new_uid, utcnow
from negotiator.positions.carry import CarryForward
from negotiator.storage.models import (
    Draft,
    Negotiation,
    Paragraph,
    ParagraphStatus,
)
from negotiator.text.normalise import collapse_whitespace


def set_paragraph_status(session: Session, paragraph_id: int, status: str, *,
                         holder: str | None = None, due: dt.date | None = None,
                         author: str | None, clock: Clock = utcnow) -> dict[str, Any]:
    """Mark a paragraph agreed ad ref (with who holds the reservation and when an
    answer is due), agreed, or back to open (the text then decides again).

    Raises:
        Conflict: an unknown status, or a holder/due date on a status other than ad ref.
    """
    settable = ("agreed_ad_ref", "agreed", "open")
    if status not in settable:
        raise Conflict(f"status '{status}' cannot be set; use one of {', '.join(settable)} "
                       "('bracketed' follows from the text)")
    if status != "agreed_ad_ref" and (holder or due):
        raise Conflict("a holder and a due date belong to an 'agreed_ad_ref' status")
    paragraph = session.get(Paragraph, paragraph_id)
    if paragraph is None:
        raise NotFound(f"no paragraph {paragraph_id}")
    row = ParagraphStatus(uid=new_uid(), negotiation_id=paragraph.draft.negotiation_id,
                          paragraph_id=paragraph.id, draft_id=paragraph.draft_id, status=status,
                          holder=holder, due=due, set_by=author, set_at=clock())
    session.add(row)
    session.flush()
    return {"uid": row.uid, "index": paragraph.ordinal, "status": status}


def statuses_in(session: Session, carry: CarryForward) -> list[dict[str, Any]]:
    rows = session.execute(
        select(ParagraphStatus, Paragraph.lineage_id, Paragraph.text, Draft.order, Draft.label)
        .join(Paragraph, Paragraph.id == ParagraphStatus.paragraph_id)
        .join(Draft, Draft.id == ParagraphStatus.draft_id)
        .where(ParagraphStatus.negotiation_id == carry.negotiation_id,
               Draft.order <= carry.draft.order)).all()
    latest: dict[int | None, tuple[Any, ...]] = {}
    for st, lineage, text, order, label in rows:
        key = (order, st.set_at, st.uid)
        if lineage not in latest or key > latest[lineage][0]:
            latest[lineage] = (key, st, text, label)
    out: list[dict[str, Any]] = []
    for p in carry.by_draft[carry.draft.id]:
        derived = "bracketed" if p.brackets else "open"
        entry: dict[str, Any] = {"index": p.ordinal, "number": p.number, "status": derived,
                                 "holder": None, "due": None, "set_by": None, "set_at": None,
                                 "set_on": None, "changed_since": False}
        hit = latest.get(p.lineage) if p.lineage is not None else None
        if hit is not None and hit[1].status != "open":
            _, st, text, label = hit
            entry.update(status=st.status, holder=st.holder,
                         due=st.due.isoformat() if st.due else None, set_by=st.set_by,
                         set_at=st.set_at.isoformat(timespec="seconds"), set_on=label,
                         changed_since=collapse_whitespace(text) != collapse_whitespace(p.text))
        out.append(entry)
    return out


def paragraph_statuses(session: Session, negotiation: Negotiation, draft: Draft
                       ) -> list[dict[str, Any]]:
    """Every paragraph's status in a draft. A status set on an earlier draft
    follows the lineage; `changed_since` flags a paragraph agreed (ad ref) whose
    text the chair changed after the agreement."""
    return statuses_in(session, CarryForward(session, negotiation.id, draft, actor_id=-1))
