"""What the link-correction dialog offers for one paragraph."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from negotiator.domain.errors import NotFound
from negotiator.drafts.lineage import link_override, previous_draft
from negotiator.drafts.negotiations import draft_paragraphs
from negotiator.storage.models import Paragraph


@dataclass(frozen=True)
class LinkChoices:
    """The paragraphs of the previous draft, which one this paragraph continues
    now, and whether a user's correction decides that."""

    paragraph_id: int
    draft_label: str
    previous_label: str
    candidates: tuple[tuple[int, str, str], ...]  # (paragraph id, reference, text)
    source_id: int | None  # the paragraph of the previous draft it continues, if any
    corrected: bool  # a user's correction decides the link (not the aligner)


def link_choices(session: Session, paragraph_id: int) -> LinkChoices | None:
    """None for a paragraph of a first draft (nothing to link to)."""
    paragraph = session.get(Paragraph, paragraph_id)
    if paragraph is None:
        raise NotFound(f"paragraph {paragraph_id} no longer exists")
    before = previous_draft(session, paragraph.draft)
    if before is None:
        return None
    rows = draft_paragraphs(session, before)
    corrected, _source = link_override(session, paragraph_id)
    source = next((r.id for r in rows if paragraph.lineage_id is not None
                   and r.lineage == paragraph.lineage_id), None)
    return LinkChoices(paragraph_id, paragraph.draft.label, before.label,
                       tuple((r.id, r.reference, r.text) for r in rows), source, corrected)
