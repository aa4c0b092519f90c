"""Free notes on paragraphs; they follow the lineage and travel as tombstones when deleted."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.domain.errors import Conflict, NotFound
from negotiator.domain.stamps import Clock, new_uid, utcnow
from negotiator.positions.carry import CarryForward, lineages_reaching
from negotiator.positions.results import NoteView
from negotiator.storage.models import (
    Draft,
    Note,
    Paragraph,
)


def add_note(session: Session, paragraph_id: int, text: str, *, author: str | None,
             clock: Clock = utcnow) -> NoteView:
    """A free note on a paragraph; it follows the paragraph's lineage."""
    if not text.strip():
        raise Conflict("a note needs some text")
    paragraph = session.get(Paragraph, paragraph_id)
    if paragraph is None:
        raise NotFound(f"no paragraph {paragraph_id}")
    note = Note(uid=new_uid(), negotiation_id=paragraph.draft.negotiation_id,
                paragraph_id=paragraph.id, text=text.strip(), author=author,
                created_at=clock(), deleted=False)
    session.add(note)
    session.flush()
    return note_view(note)


def delete_note(session: Session, negotiation_id: int, uid: str, *, author: str | None,
                clock: Clock = utcnow) -> NoteView:
    """Delete a note: it is kept as a tombstone so the deletion travels to other laptops."""
    notes = session.scalars(select(Note).where(Note.negotiation_id == negotiation_id,
                                               Note.uid.startswith(uid.strip()))).all()
    if len(notes) != 1 or len(uid.strip()) < 4:
        raise NotFound(f"no note '{uid}'" if not notes else f"'{uid}' names several notes")
    note = notes[0]
    if not note.deleted:
        note.deleted, note.deleted_at, note.deleted_by = True, clock(), author
    return note_view(note)


def note_view(note: Note) -> NoteView:
    return NoteView(note.uid, note.text, note.author, note.created_at, bool(note.deleted))


def notes_by_paragraph(session: Session, carry: CarryForward) -> dict[int, list[NoteView]]:
    """The live notes on each paragraph of the carry's draft: a note follows its
    paragraph as a position does (one part of a split keeps its own)."""
    rows = session.execute(
        select(Note, Draft.order)
        .join(Paragraph, Paragraph.id == Note.paragraph_id)
        .join(Draft, Draft.id == Paragraph.draft_id)
        .where(Note.negotiation_id == carry.negotiation_id, Note.deleted.is_(False),
               Draft.order <= carry.draft.order)
        .order_by(Note.created_at, Note.id)).all()
    if rows:
        carry.reach_back(min(order for _note, order in rows))
    out: dict[int, list[NoteView]] = defaultdict(list)
    for note, _order in rows:
        anchor = carry.paras.get(note.paragraph_id)
        if anchor is None:  # a lineage this carry does not read
            continue
        for target in carry.resolve_anchor(anchor).targets:
            out[target].append(note_view(note))
    return dict(out)


def list_notes(session: Session, paragraph_id: int) -> list[NoteView]:
    """The live notes on a paragraph's lineage, written on this draft or earlier."""
    paragraph = session.get(Paragraph, paragraph_id)
    if paragraph is None:
        raise NotFound(f"no paragraph {paragraph_id}")
    carry = CarryForward(session, paragraph.draft.negotiation_id, paragraph.draft, actor_id=-1,
                         lineages=lineages_reaching(session, [paragraph.id]))
    return notes_by_paragraph(session, carry).get(paragraph.id, [])


def delete_note_on(session: Session, paragraph_id: int, uid: str, *, author: str | None,
                   clock: Clock = utcnow) -> NoteView:
    """Delete a note shown on a paragraph (the window knows the paragraph, not the negotiation)."""
    paragraph = session.get(Paragraph, paragraph_id)
    if paragraph is None:
        raise NotFound(f"no paragraph {paragraph_id}")
    return delete_note(session, paragraph.draft.negotiation_id, uid, author=author, clock=clock)
