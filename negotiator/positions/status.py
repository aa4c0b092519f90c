"""Paragraph agreement: agreed ad ref, agreed, or open again; it follows the lineage."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.domain.errors import Conflict, NotFound
from negotiator.domain.stamps import Clock, new_uid, utcnow
from negotiator.domain.vocabulary import SETTABLE_AGREEMENTS, Agreement
from negotiator.positions.carry import CarryForward
from negotiator.positions.results import AgreementView
from negotiator.storage.models import (
    Draft,
    Negotiation,
    Paragraph,
    ParagraphStatus,
)
from negotiator.text.normalise import same_wording


def set_paragraph_status(session: Session, paragraph_id: int, status: str, *,
                         holder: str | None = None, due: dt.date | None = None,
                         author: str | None, clock: Clock = utcnow) -> dict[str, Any]:
    """Mark a paragraph agreed ad ref (with who holds the reservation and when an
    answer is due), agreed, or back to open (the text then decides again).

    Raises:
        Conflict: an unknown status, or a holder/due date on a status other than ad ref.
    """
    if status not in set(SETTABLE_AGREEMENTS):
        raise Conflict(f"status '{status}' cannot be set; use one of "
                       f"{', '.join(SETTABLE_AGREEMENTS)} ('bracketed' follows from the text)")
    if status != Agreement.AGREED_AD_REF and (holder or due):
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


def statuses_in(session: Session, carry: CarryForward) -> list[AgreementView]:
    """Every paragraph's agreement in the carry's draft, in document order. A status
    follows its paragraph as a position does (one part of a split keeps its own)."""
    rows = session.execute(
        select(ParagraphStatus, Paragraph.text, Draft.order, Draft.label)
        .join(Paragraph, Paragraph.id == ParagraphStatus.paragraph_id)
        .join(Draft, Draft.id == ParagraphStatus.draft_id)
        .where(ParagraphStatus.negotiation_id == carry.negotiation_id,
               Draft.order <= carry.draft.order)).all()
    if rows:
        carry.reach_back(min(order for *_, order, _label in rows))
    latest: dict[int, tuple[Any, ...]] = {}  # paragraph id in the draft -> the status that speaks
    for st, text, order, label in rows:
        anchor = carry.paras.get(st.paragraph_id)
        if anchor is None:  # a lineage this carry does not read
            continue
        key = (order, st.set_at, st.uid)
        for target in carry.resolve_anchor(anchor).targets:
            if target not in latest or key > latest[target][0]:
                latest[target] = (key, st, text, label)
    out: list[AgreementView] = []
    for p in carry.by_draft[carry.draft.id]:
        hit = latest.get(p.id)
        if hit is not None and hit[1].status != Agreement.OPEN:
            _, st, text, label = hit
            out.append(AgreementView(
                p.ordinal, p.number, Agreement(st.status), holder=st.holder, due=st.due,
                set_by=st.set_by, set_at=st.set_at, set_on=label,
                changed_since=not same_wording(text, p.text)))
        else:
            out.append(AgreementView(p.ordinal, p.number,
                                     Agreement.BRACKETED if p.brackets else Agreement.OPEN))
    return out


def paragraph_statuses(session: Session, negotiation: Negotiation, draft: Draft
                       ) -> list[AgreementView]:
    """Every paragraph's agreement in a draft. One set on an earlier draft follows
    the lineage; `changed_since` flags a paragraph agreed (ad ref) whose text the
    chair changed after the agreement."""
    return statuses_in(session, CarryForward(session, negotiation.id, draft, actor_id=-1))
