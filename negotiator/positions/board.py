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
from negotiator.positions.actors import actors_by_id
from negotiator.positions.amendments import amended_text
from negotiator.positions.carry import CarryForward, Para, Resolution
from negotiator.positions.notes import notes_by_paragraph
from negotiator.positions.status import statuses_in
from negotiator.storage.models import (
    Actor,
    Draft,
    Negotiation,
    PositionConflict,
)


def _para_ref(p: Para, draft: Draft) -> dict[str, Any]:
    return {"draft": draft.label, "index": p.ordinal, "number": p.number}


def _position_dict(carry: CarryForward, pos: Any, res: Resolution, actors: Mapping[int, Actor],
                   open_conflicts: set[int],
                   diffs: dict[tuple[str, str], list[list[str]]] | None = None) -> dict[str, Any]:
    anchor = carry.paras[pos.paragraph_id]
    anchor_draft = carry.draft_of_order[anchor.order]
    actor = actors[pos.actor_id]
    out: dict[str, Any] = {
        "uid": pos.uid,
        "actor": actor.name,
        "actor_kind": actor.kind,
        "stance": pos.stance,
        "status": pos.status,
        "state": res.state,
        "amendment": pos.amendment,
        "amended_text": amended_text(pos.text, pos.amendment) if pos.amendment else None,
        "rationale": pos.rationale,
        "red_line": pos.red_line,
        "red_line_flag": bool(pos.red_line_flag),
        "fallback": pos.fallback,
        "priority": pos.priority,
        "author": pos.author,
        "updated_at": pos.updated_at.isoformat(timespec="seconds"),
        "version": pos.version,
        "taken_on": {**_para_ref(anchor, anchor_draft), "text": pos.text},
        "diff": None,
        "parts": [],
        "merged_from": [],
        "deleted_in": None,
        "conflict": pos.id in open_conflicts,
    }
    if res.state == CarryState.PARAGRAPH_DELETED:
        out["deleted_in"] = next(d.label for d in carry.draft_of_order.values()
                                 if d.id == res.deleted_in)
        return out
    targets = [carry.paras[t] for t in res.targets]
    if res.state in (CarryState.NEEDS_REVIEW, CarryState.SPLIT, CarryState.MERGED):
        now_text = " ".join(p.text for p in targets)
        key = (pos.text, now_text)
        diffs = {} if diffs is None else diffs  # several actors, one pair of texts
        if key not in diffs:
            diffs[key] = [list(op) for op in word_diff(pos.text, now_text)]
        out["diff"] = diffs[key]
    if res.state == CarryState.SPLIT:
        out["parts"] = [p.ordinal for p in targets]
    if res.state == CarryState.MERGED:
        out["merged_from"] = [_para_ref(carry.paras[i], carry.draft_of_order[carry.paras[i].order])
                              for i in res.merged_from]
    return out


def _open_conflict_positions(session: Session, negotiation_id: int) -> set[int]:
    return set(session.scalars(select(PositionConflict.position_id).where(
        PositionConflict.negotiation_id == negotiation_id,
        PositionConflict.resolved_at.is_(None))))


def draft_positions(session: Session, negotiation: Negotiation, draft: Draft
                    ) -> list[dict[str, Any]]:
    """Each paragraph of a draft with the positions that carry forward onto it
    (the `positions --json` shape), then the positions whose paragraph ended
    (`index` null, the paragraph as it was under `was`).

    Returns:
        A list of {"index", "number", "kind", "text", "status", "positions": [...],
        "notes": [...]}; each position has "actor", "stance", "status",
        "state", "amendment", "red_line", ... (see README, "Positions").
    """
    carry = CarryForward(session, negotiation.id, draft)
    actors = actors_by_id(session, negotiation.id)
    conflicts = _open_conflict_positions(session, negotiation.id)
    per_para: dict[int, list[dict[str, Any]]] = defaultdict(list)
    gone: dict[int, list[dict[str, Any]]] = defaultdict(list)
    diffs: dict[tuple[str, str], list[list[str]]] = {}
    for pos, res in carry.resolved():
        entry = _position_dict(carry, pos, res, actors, conflicts, diffs)
        if res.state == CarryState.PARAGRAPH_DELETED:
            gone[pos.paragraph_id].append(entry)
        for t in res.targets:
            per_para[t].append(entry)
    statuses = {s["index"]: s for s in statuses_in(session, carry)}
    notes = notes_by_paragraph(session, carry)
    out: list[dict[str, Any]] = []
    for p in carry.by_draft[draft.id]:
        out.append({
            "index": p.ordinal, "number": p.number, "kind": p.kind, "text": p.text,
            "status": statuses[p.ordinal]["status"],
            "positions": sorted(per_para.get(p.id, []), key=lambda e: (e["actor"], e["uid"])),
            "notes": notes.get(p.id, []),
        })
    for anchor_id, entries in sorted(gone.items(), key=lambda kv: carry.paras[kv[0]].ordinal):
        a = carry.paras[anchor_id]
        out.append({
            "index": None, "number": a.number, "kind": a.kind, "text": a.text,
            "was": _para_ref(a, carry.draft_of_order[a.order]), "status": None,
            "positions": sorted(entries, key=lambda e: (e["actor"], e["uid"])), "notes": [],
        })
    return out
