"""Merging a checked positions package into the store (see ``exchange``).

What is new is added, what is known is left alone, both laptops' histories
are kept; a position changed on both sides since their last exchange, or
created apart for the same actor and paragraph, opens a conflict. Drafts the
store lacks are added in the package's order. Everything is refused, before
any write, if the package names rows that belong to another negotiation here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from negotiator.domain.errors import Conflict, InputError, NotFound
from negotiator.domain.vocabulary import CarryState
from negotiator.drafts import negotiations
from negotiator.drafts.lineage import assign_lineages
from negotiator.positions import signing
from negotiator.positions.actors import ensure_actor
from negotiator.positions.carry import CarryForward
from negotiator.positions.history import (
    FIELDS,
    apply_snapshot,
    conflict_uid,
    heads,
    history_rows,
    locate_anchor,
    refresh_edit_conflict,
    winner,
)
from negotiator.positions.package_file import parsed_paragraph
from negotiator.storage.models import (
    Draft,
    Negotiation,
    Note,
    ParagraphStatus,
    Position,
    PositionConflict,
    PositionHistory,
)
from negotiator.storage.store import chunks
from negotiator.text.importer import ParsedDraft

# Default of import_package(own_fingerprint=...): look this user's key up.
OWN_KEY = "<this user's key>"


def _parse_ts(value: Any, what: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise InputError("package", f"{what} has no valid time ({value!r})") from None


def import_package(session: Session, package: Mapping[str, Any],
                   negotiation: str | None = None, *, trust: bool = False,
                   own_fingerprint: str | None = OWN_KEY, author: str | None = None,
                   source: str = "package") -> dict[str, Any]:
    """Merge a checked package into the store, inside the caller's transaction.

    Args:
        package: from `read_package`.
        negotiation: the local negotiation to merge into (default: same title).
        trust: the user confirmed the signer ("trust this colleague"): an
            unknown key is added to the store's trusted keys.
        own_fingerprint: this user's key fingerprint (default: read from the
            keyring or key file); their own packages need no trust and bring no
            unconfirmed drafts.
        author: who merges (recorded with a newly trusted key).
        source: the package's name, for messages.

    Returns:
        Counts of what was added or changed, the open conflicts it caused, and
        who signed it.

    Raises:
        UntrustedSigner: signed by a key this store does not trust, and no ``trust``.
        NotFound: no local negotiation to merge into.
        Conflict: the package is from another negotiation, or names rows that
            belong to another negotiation here.
    """
    payload = package["payload"]
    title = package["negotiation"]["title"]
    if own_fingerprint is OWN_KEY:
        own_fingerprint = signing.own_fingerprint()
    signer = signing.check_signer(session, package["signer"]["public_key"], package.get("exported_by"),
                                  source, trust=trust, own=own_fingerprint, author=author)
    if negotiation is not None:
        neg = negotiations.find_negotiation(session, negotiation)
    else:
        found = session.scalar(select(Negotiation).where(Negotiation.title == title))
        if found is None:
            raise NotFound(f"the package is for the negotiation '{title}', which this store "
                           "does not hold; create it, or name a local one with --negotiation")
        neg = found
    local = {d.content_checksum: d for d in session.scalars(
        select(Draft).where(Draft.negotiation_id == neg.id))}
    theirs = [d["checksum"] for d in payload["drafts"]]
    if local and theirs and not set(local) & set(theirs):
        raise Conflict(f"the package's drafts share none with '{neg.title}': it is from "
                       f"another negotiation ('{title}'); nothing was imported")
    _check_scope(session, neg, payload)
    result: dict[str, Any] = {"negotiation": neg.title, "drafts": 0, "positions_added": 0,
                              "positions_updated": 0, "history_rows": 0, "notes_added": 0,
                              "notes_deleted": 0, "statuses_added": 0, "conflicts": [],
                              "signed_by": signer.name, "fingerprint": signer.fingerprint}
    result["drafts"] = _import_drafts(session, neg, payload["drafts"], local,
                                      None if signer.is_self else signer)
    for a in payload["actors"]:
        if isinstance(a, dict) and a.get("name"):
            ensure_actor(session, neg.id, a["name"], a.get("kind"))

    touched: list[Position] = []
    created: list[Position] = []
    known_rows = set(session.scalars(
        select(PositionHistory.uid).join(Position, Position.id == PositionHistory.position_id)
        .where(Position.negotiation_id == neg.id)))
    for item in payload["positions"]:
        pos = session.scalar(select(Position).where(Position.uid == item["uid"]))
        if pos is not None and pos.negotiation_id != neg.id:
            raise Conflict(f"position {item['uid'][:8]} belongs to another negotiation here")
        new_rows = [r for r in item["history"] if r["uid"] not in known_rows]
        if not new_rows:
            continue
        for r in new_rows:  # every anchor must name a paragraph we now hold
            locate_anchor(session, neg.id, r["new"]["anchor"])
        if pos is None:
            first = min(item["history"], key=lambda r: (r["at"], r["uid"]))
            pos = Position(uid=item["uid"], negotiation_id=neg.id,
                           created_at=_parse_ts(item.get("created_at") or first["at"], "a position"),
                           version=0, stance="no_position", status="draft",
                           red_line_flag=False, deleted=False)
            apply_snapshot(session, pos, first["new"])
            session.add(pos)
            session.flush()
            created.append(pos)
            result["positions_added"] += 1
        elif any(session.scalar(select(func.count()).select_from(PositionHistory).where(
                PositionHistory.uid.in_(part))) for part in chunks([r["uid"] for r in new_rows])):
            raise Conflict("the package's history names rows this store holds for "
                           "another position: it is damaged")
        for r in new_rows:
            session.add(PositionHistory(
                uid=r["uid"], position_id=pos.id, parents=list(r["parents"]),
                action=str(r.get("action") or "update"), author=r.get("author"),
                at=_parse_ts(r["at"], "a history row"), old=r.get("old"), new=r["new"]))
            known_rows.add(r["uid"])
        result["history_rows"] += len(new_rows)
        session.flush()
        touched.append(pos)

    for pos in touched:
        rows = history_rows(session, pos.id)
        top = winner(heads(rows))
        before = _values(pos)
        apply_snapshot(session, pos, top.new)
        pos.author, pos.updated_at = top.author, top.at
        if pos not in created and _values(pos) != before:
            result["positions_updated"] += 1
        if pos in created or _values(pos) != before:
            pos.version += 1
        session.flush()
        refresh_edit_conflict(session, pos)

    for pos in created:
        _detect_duplicates(session, pos)
    _close_settled_duplicates(session, neg.id)

    _import_notes(session, neg, payload["notes"], result)
    _import_statuses(session, neg, payload["statuses"], result)
    session.flush()
    result["conflicts"] = [c.id for c in session.scalars(select(PositionConflict).where(
        PositionConflict.negotiation_id == neg.id, PositionConflict.resolved_at.is_(None))
        .order_by(PositionConflict.id))]
    return result


def _check_scope(session: Session, neg: Negotiation, payload: Mapping[str, Any]) -> None:
    """Refuse, before any write, a package naming positions, history rows,
    notes or statuses this store holds for another negotiation: it must never
    change (or delete) what belongs elsewhere."""
    checks: Sequence[tuple[str, Any, Any, list[str]]] = (
        ("position", Position.uid, Position.negotiation_id, [p["uid"] for p in payload["positions"]]),
        ("note", Note.uid, Note.negotiation_id, [n["uid"] for n in payload["notes"]]),
        ("paragraph status", ParagraphStatus.uid, ParagraphStatus.negotiation_id,
         [x["uid"] for x in payload["statuses"]]),
    )
    for what, uid_col, neg_col, uids in checks:
        for part in chunks(uids):
            other = session.scalar(select(uid_col).where(uid_col.in_(part), neg_col != neg.id).limit(1))
            if other is not None:
                raise Conflict(f"the package names {what} {other[:8]}, which belongs to another "
                               "negotiation in this store; nothing was imported")
    rows = [r["uid"] for p in payload["positions"] for r in p["history"]]
    for part in chunks(rows):
        other = session.scalar(
            select(PositionHistory.uid).join(Position, Position.id == PositionHistory.position_id)
            .where(PositionHistory.uid.in_(part), Position.negotiation_id != neg.id).limit(1))
        if other is not None:
            raise Conflict(f"the package names history row {other[:8]}, which belongs to another "
                           "negotiation in this store; nothing was imported")


def _values(pos: Position) -> tuple[Any, ...]:
    return (*(getattr(pos, f) for f in FIELDS), pos.deleted, pos.paragraph_id, pos.actor_id)


def _import_drafts(session: Session, neg: Negotiation, drafts: list[dict[str, Any]],
                   local: dict[str, Draft], brought_by: signing.Signer | None) -> int:
    """Add the package's drafts this store lacks, in the package's order; each
    records who brought it (unless it is our own package) until a user confirms it."""
    added = 0
    for i, d in enumerate(drafts):
        if d["checksum"] in local:
            continue
        label = d["label"]
        taken = set(session.scalars(select(Draft.label).where(Draft.negotiation_id == neg.id)))
        n = 2
        while label in taken:  # same label, other text: keep both, tell them apart
            label = f"{d['label']} ({n})"
            n += 1
        parsed = ParsedDraft(d.get("source_name") or f"package draft {d['label']}",
                             d.get("source_checksum") or "", [parsed_paragraph(p) for p in d["paragraphs"]],
                             [str(w) for w in d.get("warnings") or []])
        date = dt.date.fromisoformat(d["date"]) if d.get("date") else None
        result = negotiations.import_draft(session, neg, parsed, label, symbol=d.get("symbol"), date=date)
        new = session.get(Draft, result.draft_id)
        assert new is not None
        if brought_by is not None:
            new.brought_by, new.brought_key = brought_by.name, brought_by.fingerprint
        # The drafts that follow it in the package and that we hold: it goes before them.
        later = [local[x["checksum"]] for x in drafts[i + 1:] if x["checksum"] in local]
        if later:
            _move_before(session, neg, new, min(later, key=lambda x: x.order))
        local[d["checksum"]] = new
        added += 1
    return added


def _move_before(session: Session, neg: Negotiation, draft: Draft, before: Draft) -> None:
    """Give `draft` the place of `before` and shift the later drafts by one."""
    slot = before.order
    others = session.scalars(select(Draft).where(
        Draft.negotiation_id == neg.id, Draft.order >= slot, Draft.id != draft.id)
        .order_by(Draft.order)).all()
    orders = [(d.id, d.order) for d in others]
    # Two steps, so the unique (negotiation, order) never clashes on the way.
    for did, order in orders:
        session.execute(update(Draft).where(Draft.id == did).values(order=-order - 1))
    session.execute(update(Draft).where(Draft.id == draft.id).values(order=slot))
    for did, order in orders:
        session.execute(update(Draft).where(Draft.id == did).values(order=order + 1))
    session.flush()
    session.expire_all()
    # Lineages follow the order of drafts: link the moved draft to its new
    # predecessor, and the drafts after it to theirs.
    for d in session.scalars(select(Draft).where(Draft.negotiation_id == neg.id,
                                                 Draft.order >= slot).order_by(Draft.order)):
        assign_lineages(session, d)
    session.flush()
    session.expire_all()


def _detect_duplicates(session: Session, pos: Position) -> None:
    """A position created apart for an actor who already has one on the same
    paragraph here: keep both and open a `duplicate` conflict (unless identical)."""
    if pos.deleted:
        return
    draft = session.get(Draft, pos.draft_id)
    assert draft is not None
    carry = CarryForward(session, pos.negotiation_id, draft, actor_id=pos.actor_id)
    mine = None
    others: list[Any] = []
    resolved = list(carry.resolved())
    for p, res in resolved:
        if p.id == pos.id:
            mine = res
    if mine is None or mine.state in (CarryState.PARAGRAPH_DELETED, CarryState.SPLIT):
        return
    for p, res in resolved:
        gone = res.state in (CarryState.PARAGRAPH_DELETED, CarryState.SPLIT)
        if p.id != pos.id and not gone and res.targets == mine.targets:
            others.append(p)
    for other in others:
        if [getattr(other, f) for f in FIELDS] == [getattr(pos, f) for f in FIELDS]:
            continue
        sides = sorted([pos.uid, other.uid])
        uid = conflict_uid("duplicate", "", sides)
        if session.scalar(select(PositionConflict.id).where(PositionConflict.uid == uid)):
            continue
        first = pos if pos.uid == sides[0] else other
        session.add(PositionConflict(uid=uid, negotiation_id=pos.negotiation_id,
                                     position_id=first.id, kind="duplicate", sides=sides,
                                     detected_at=max(pos.created_at, other.created_at)))
    session.flush()


def _close_settled_duplicates(session: Session, negotiation_id: int) -> None:
    """A duplicate conflict is settled once all but one of its positions are withdrawn."""
    for c in session.scalars(select(PositionConflict).where(
            PositionConflict.negotiation_id == negotiation_id,
            PositionConflict.kind == "duplicate", PositionConflict.resolved_at.is_(None))):
        poss = session.scalars(select(Position).where(Position.uid.in_(c.sides),
                                                      Position.negotiation_id == negotiation_id)).all()
        gone = [p for p in poss if p.deleted]
        if len(poss) - len(gone) <= 1 and gone:
            last = max(gone, key=lambda p: p.updated_at)
            c.resolved_at, c.resolved_by = last.updated_at, last.author


def _import_notes(session: Session, neg: Negotiation, notes: list[dict[str, Any]],
                  result: dict[str, Any]) -> None:
    for n in notes:
        note = session.scalar(select(Note).where(Note.uid == n["uid"], Note.negotiation_id == neg.id))
        if note is None:
            para = locate_anchor(session, neg.id, n["anchor"])
            session.add(Note(
                uid=n["uid"], negotiation_id=neg.id, paragraph_id=para.id,
                text=str(n.get("text") or ""), author=n.get("author"),
                created_at=_parse_ts(n.get("created_at"), "a note"),
                deleted=bool(n.get("deleted")),
                deleted_at=_parse_ts(n["deleted_at"], "a note") if n.get("deleted_at") else None,
                deleted_by=n.get("deleted_by")))
            result["notes_added"] += 1
        elif n.get("deleted"):
            when = _parse_ts(n["deleted_at"], "a note") if n.get("deleted_at") else None
            if not note.deleted:
                note.deleted, note.deleted_at, note.deleted_by = True, when, n.get("deleted_by")
                result["notes_deleted"] += 1
            elif when is not None and note.deleted_at is not None and when < note.deleted_at:
                # Deleted on both laptops: every store keeps the first deletion.
                note.deleted_at, note.deleted_by = when, n.get("deleted_by")


def _import_statuses(session: Session, neg: Negotiation, statuses: list[dict[str, Any]],
                     result: dict[str, Any]) -> None:
    known = set(session.scalars(select(ParagraphStatus.uid).where(
        ParagraphStatus.negotiation_id == neg.id)))
    for s in statuses:
        if s["uid"] in known:
            continue
        para = locate_anchor(session, neg.id, s["anchor"])
        session.add(ParagraphStatus(
            uid=s["uid"], negotiation_id=neg.id, paragraph_id=para.id, draft_id=para.draft_id,
            status=str(s.get("status")), holder=s.get("holder"),
            due=dt.date.fromisoformat(s["due"]) if s.get("due") else None,
            set_by=s.get("set_by"), set_at=_parse_ts(s.get("set_at"), "a status")))
        result["statuses_added"] += 1
