"""What the window's Export dialog asks of the core: the choices it offers for a
negotiation, and the brief or amendments file it requests (ids and plain values
only, so a request can cross to a worker thread)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.domain.errors import NotFound
from negotiator.export.amendments import write_amendments
from negotiator.export.brief import Scope, write_brief
from negotiator.export.docx_writer import Redline
from negotiator.storage.models import Actor, Draft, Negotiation


@dataclass(frozen=True)
class ExportChoices:
    """What the dialog offers for one negotiation (plain values)."""

    negotiation_id: int
    title: str
    delegation: str | None
    drafts: tuple[tuple[int, str], ...]  # (id, label) in order
    actors: tuple[str, ...]
    classification: str | None = None  # the negotiation's default marking


def load_choices(session: Session, negotiation_id: int) -> ExportChoices:
    """The drafts and actors of a negotiation, for the dialog's lists."""
    neg = session.get(Negotiation, negotiation_id)
    if neg is None:
        raise NotFound(f"negotiation {negotiation_id} no longer exists")
    drafts = session.execute(select(Draft.id, Draft.label).where(Draft.negotiation_id == neg.id)
                             .order_by(Draft.order)).all()
    actors = session.scalars(select(Actor.name).where(Actor.negotiation_id == neg.id)
                             .order_by(Actor.name)).all()
    return ExportChoices(neg.id, neg.title, neg.delegation,
                         tuple((d.id, d.label) for d in drafts), tuple(actors), neg.classification)
@dataclass(frozen=True)
class BriefRequest:
    """The options of a brief, as chosen in the dialog."""

    negotiation_id: int
    from_id: int
    to_id: int
    path: str
    classification: str | None
    scope: Scope
    actors: tuple[str, ...] | None  # None: every delegation
    author: str
    redline: Redline
    reference: str = ""  # the meeting or file, printed on the cover
    language: str = "en"


@dataclass(frozen=True)
class AmendmentsRequest:
    """The options of an amendments file, as chosen in the dialog."""

    negotiation_id: int
    draft_id: int
    actor: str
    path: str
    as_comment: bool = False
    classification: str | None = None
    language: str = "en"


def _found(session: Session, model: Any, key: int) -> Any:
    row = session.get(model, key)
    if row is None:
        raise NotFound(f"{model.__tablename__} {key} no longer exists")
    return row


def run_request(session: Session, request: BriefRequest | AmendmentsRequest,
                progress: Callable[[int, int], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> dict[str, Any]:
    """Write the requested file; the writer's plain summary (path, paragraphs, revisions...)."""
    neg = _found(session, Negotiation, request.negotiation_id)
    if isinstance(request, BriefRequest):
        result = write_brief(
            session, neg, _found(session, Draft, request.from_id), _found(session, Draft, request.to_id),
            request.path, classification=request.classification, scope=request.scope,
            actors=list(request.actors) if request.actors is not None else None,
            author=request.author, redline=request.redline,
            reference=request.reference or None, language=request.language,
            progress=progress, cancel=cancel)
    else:
        result = write_amendments(session, neg, _found(session, Draft, request.draft_id), request.actor,
                                  request.path, as_comment=request.as_comment,
                                  classification=request.classification, language=request.language,
                                  progress=progress, cancel=cancel)
    return {k: v for k, v in result.items() if isinstance(v, (str, int))}
