"""What the window's detail pane shows for one paragraph: our position, the EU
line, other delegations', notes, history and where the room stands on it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from negotiator.domain.actors import is_eu, is_our_delegation, same_actor
from negotiator.domain.errors import NotFound
from negotiator.domain.vocabulary import Agreement, CarryState
from negotiator.positions.board import draft_positions
from negotiator.positions.history import HistoryEntry, position_history
from negotiator.positions.results import AgreementView, NoteView, PositionView
from negotiator.storage.models import Paragraph

# States in which an edit on this paragraph starts a new position rather than
# changing the old one (see positions.history.position_on).
NOT_EDITABLE_STATES = frozenset({CarryState.SPLIT, CarryState.PARAGRAPH_DELETED})


@dataclass(frozen=True)
class PositionValues:
    """One actor's position as loaded for editing."""

    actor: str
    uid: str | None = None
    version: int = 0  # 0: no position yet
    stance: str | None = None
    amendment: str | None = None
    rationale: str | None = None
    red_line: str | None = None
    fallback: str | None = None
    priority: str | None = None
    status: str | None = None  # coordination stage
    state: str | None = None
    taken_on: str | None = None  # "Rev.1, OP 7"
    diff: tuple[tuple[str, str], ...] = ()
    author: str | None = None
    updated_at: str | None = None

    def fields(self) -> dict[str, Any]:
        """The user-set values, as ``set_position`` takes them."""
        return {"stance": self.stance, "amendment": self.amendment or "",
                "rationale": self.rationale or "", "red_line": self.red_line or "",
                "fallback": self.fallback or "", "priority": self.priority,
                "status": self.status or "draft"}


def values_of(p: PositionView) -> PositionValues:
    return PositionValues(
        actor=p.actor, uid=p.uid, version=p.version, stance=p.stance, amendment=p.amendment,
        rationale=p.rationale, red_line=p.red_line, fallback=p.fallback, priority=p.priority,
        status=p.stage, state=str(p.state),
        taken_on=f"{p.taken_on.draft}, {p.taken_on.reference}",
        diff=p.diff or (), author=p.author,
        updated_at=p.updated_at.isoformat(timespec="seconds"))


@dataclass(frozen=True)
class ParagraphDetail:
    paragraph_id: int
    reference: str
    national_actor: str | None
    ours: PositionValues | None
    eu: PositionValues | None
    others: tuple[PositionValues, ...]
    notes: tuple[NoteView, ...]
    history: tuple[HistoryEntry, ...]
    agreement: AgreementView

    @property
    def settable_agreement(self) -> tuple[str, str | None, str | None]:
        """The agreement as ``set_paragraph_status`` takes it (to undo back to it)."""
        a = self.agreement
        if a.status in (Agreement.AGREED, Agreement.AGREED_AD_REF):
            return str(a.status), a.holder, a.due.isoformat() if a.due else None
        return str(Agreement.OPEN), None, None


def _editable_first(views: tuple[PositionView, ...]) -> list[PositionView]:
    """The position that speaks for its actor first, then the others."""
    return sorted(views, key=lambda p: (not p.primary, p.state in NOT_EDITABLE_STATES, p.actor, p.uid))


def paragraph_detail(session: Session, paragraph_id: int) -> ParagraphDetail:
    """Everything the positions editor shows for one paragraph (it reads only
    what touches this paragraph, so it stays cheap on a long draft)."""
    paragraph = session.get(Paragraph, paragraph_id)
    if paragraph is None:
        raise NotFound(f"paragraph {paragraph_id} no longer exists")
    draft = paragraph.draft
    neg = draft.negotiation
    (row,) = draft_positions(session, neg, draft, paragraph_ids={paragraph_id})
    assert row.agreement is not None
    ours = eu = None
    others: list[PositionValues] = []
    for p in _editable_first(row.positions):
        values = values_of(p)
        if is_our_delegation(p.actor, neg.delegation) and ours is None:
            ours = values
        elif is_eu(p.actor) and eu is None:
            eu = values
        elif p.primary:
            others.append(values)
    return ParagraphDetail(paragraph_id, row.reference, neg.delegation, ours, eu, tuple(others),
                           row.notes, tuple(position_history(session, paragraph_id)),
                           row.agreement)


def editable_position(session: Session, paragraph_id: int, actor: str) -> PositionValues | None:
    """The actor's position that an edit on this paragraph would change, if any."""
    detail = paragraph_detail(session, paragraph_id)
    for values in (detail.ours, detail.eu, *detail.others):
        if values is None or values.state in NOT_EDITABLE_STATES:
            continue
        if same_actor(values.actor, actor):
            return values
    return None
