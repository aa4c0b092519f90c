"""The positions of a draft, paragraph by paragraph: the read model behind
`negotiator positions`, the window's positions pane and the brief."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.diff.worddiff import word_diff
from negotiator.domain.vocabulary import CarryState
from negotiator.drafts.references import draft_references
from negotiator.positions.actors import actors_by_id
from negotiator.positions.amendment_text import amended_text
from negotiator.positions.carry import (
    CarryForward,
    Para,
    Resolution,
    lineages_reaching,
    speaking_positions,
)
from negotiator.positions.notes import notes_by_paragraph
from negotiator.positions.results import ParagraphPositions, ParagraphRef, PositionView
from negotiator.positions.status import statuses_in
from negotiator.storage.models import Actor, Draft, Negotiation, PositionConflict


class _References:
    """Reference labels of the drafts a board mentions, read once per draft."""

    def __init__(self, session: Session, carry: CarryForward) -> None:
        self._session, self._carry = session, carry
        self._labels: dict[int, list[str]] = {}

    def of(self, p: Para) -> ParagraphRef:
        draft = self._carry.draft_of_order[p.order]
        if draft.id not in self._labels:
            self._labels[draft.id] = draft_references(self._session, draft.id)
        return ParagraphRef(draft.label, p.ordinal, p.number, self._labels[draft.id][p.ordinal])


def _position_view(carry: CarryForward, refs: _References, pos: Any, res: Resolution,
                   actors: Mapping[int, Actor], open_conflicts: set[int], primary: bool,
                   diffs: dict[tuple[str, str], tuple[tuple[str, str], ...]]) -> PositionView:
    anchor = carry.paras[pos.paragraph_id]
    actor = actors[pos.actor_id]
    diff: tuple[tuple[str, str], ...] | None = None
    parts: tuple[int, ...] = ()
    merged_from: tuple[ParagraphRef, ...] = ()
    deleted_in: str | None = None
    if res.state == CarryState.PARAGRAPH_DELETED:
        deleted_in = next(d.label for d in carry.draft_of_order.values() if d.id == res.deleted_in)
    else:
        targets = [carry.paras[t] for t in res.targets]
        if res.state in (CarryState.NEEDS_REVIEW, CarryState.SPLIT, CarryState.MERGED):
            key = (pos.text, " ".join(p.text for p in targets))
            if key not in diffs:  # several actors, one pair of texts
                diffs[key] = tuple(word_diff(*key))
            diff = diffs[key]
        if res.state == CarryState.SPLIT:
            parts = tuple(p.ordinal for p in targets)
        if res.state == CarryState.MERGED:
            merged_from = tuple(refs.of(carry.paras[i]) for i in res.merged_from)
    return PositionView(
        uid=pos.uid, actor=actor.name, actor_kind=actor.kind, stance=pos.stance,
        stage=pos.status, state=CarryState(res.state), amendment=pos.amendment,
        amended_text=amended_text(pos.text, pos.amendment) if pos.amendment else None,
        rationale=pos.rationale, red_line=pos.red_line, red_line_flag=bool(pos.red_line_flag),
        fallback=pos.fallback, priority=pos.priority, author=pos.author,
        updated_at=pos.updated_at, version=pos.version, taken_on=refs.of(anchor),
        taken_on_text=pos.text, diff=diff, parts=parts, merged_from=merged_from,
        deleted_in=deleted_in, conflict=pos.id in open_conflicts, primary=primary)


def open_conflict_positions(session: Session, negotiation_id: int) -> set[int]:
    return set(session.scalars(select(PositionConflict.position_id).where(
        PositionConflict.negotiation_id == negotiation_id,
        PositionConflict.resolved_at.is_(None))))


def draft_positions(session: Session, negotiation: Negotiation, draft: Draft,
                    *, paragraph_ids: set[int] | None = None) -> list[ParagraphPositions]:
    """Each paragraph of a draft with the positions that carry forward onto it,
    then the positions whose paragraph ended (``index`` None, ``was`` set).

    Args:
        paragraph_ids: only these paragraphs of the draft (and no ended ones):
            what one edit in the window needs.
    """
    carry = CarryForward(session, negotiation.id, draft,
                         lineages=None if paragraph_ids is None
                         else lineages_reaching(session, paragraph_ids))
    refs = _References(session, carry)
    actors = actors_by_id(session, negotiation.id)
    conflicts = open_conflict_positions(session, negotiation.id)
    speaking = speaking_positions(carry)
    per_para: dict[int, list[PositionView]] = defaultdict(list)
    gone: dict[int, list[PositionView]] = defaultdict(list)
    diffs: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
    for pos, res in carry.resolved():
        if paragraph_ids is not None and not paragraph_ids & set(res.targets):
            continue
        for t in res.targets or (None,):
            primary = t is not None and speaking.get((t, pos.actor_id)) is pos
            view = _position_view(carry, refs, pos, res, actors, conflicts, primary, diffs)
            if t is None:  # listed under the paragraph as it last stood
                gone[res.last_seen[0] if res.last_seen else pos.paragraph_id].append(view)
            else:
                per_para[t].append(view)
    agreements = {a.index: a for a in statuses_in(session, carry)}
    notes = notes_by_paragraph(session, carry)
    labels = draft_references(session, draft.id)
    out: list[ParagraphPositions] = []
    for p in carry.by_draft[draft.id]:
        if paragraph_ids is not None and p.id not in paragraph_ids:
            continue
        out.append(ParagraphPositions(
            index=p.ordinal, number=p.number, reference=labels[p.ordinal], kind=p.kind,
            text=p.text, agreement=agreements[p.ordinal],
            positions=tuple(sorted(per_para.get(p.id, []), key=lambda v: (v.actor, v.uid))),
            notes=tuple(notes.get(p.id, []))))
    if paragraph_ids is not None:
        return out
    for anchor_id, views in sorted(gone.items(), key=lambda kv: carry.paras[kv[0]].ordinal):
        a = carry.paras[anchor_id]
        was = refs.of(a)
        out.append(ParagraphPositions(
            index=None, number=a.number, reference=f"{was.reference} of {was.draft}", kind=a.kind,
            text=a.text, agreement=None,
            positions=tuple(sorted(views, key=lambda v: (v.actor, v.uid))), notes=(), was=was))
    return out
