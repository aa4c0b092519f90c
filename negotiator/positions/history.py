"""Taking and changing positions, and their history.

A position is anchored on the paragraph (hence draft and exact wording) it was
taken on; it follows that paragraph's lineage into later drafts. Every change
is a `PositionHistory` row whose `parents` name the row(s) it was made on, so
the rows of one position form a small graph: two laptops that changed the same
position offline both keep their rows, and the graph shows the fork (see
`negotiator.positions.exchange`). The position row itself is the newest head of
its graph, materialised for fast queries."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from negotiator.domain.errors import Conflict, NotFound, StaleEdit
from negotiator.domain.stamps import Clock, new_uid, utcnow
from negotiator.domain.vocabulary import CarryState, PositionStage, Priority, Stance
from negotiator.positions.actors import ensure_actor, find_actor
from negotiator.positions.amendment_text import check_amendment
from negotiator.positions.carry import CarryForward, lineages_reaching
from negotiator.storage.models import (
    Actor,
    Draft,
    Paragraph,
    Position,
    PositionConflict,
    PositionHistory,
)
from negotiator.text.normalise import collapse_whitespace

# The values of a position that a user sets (and that history records).
FIELDS = ("stance", "amendment", "rationale", "red_line", "red_line_flag", "fallback",
          "priority", "status")


def anchor_of(paragraph: Paragraph, draft: Draft) -> dict[str, Any]:
    """How a paragraph is named outside this store: its draft's content checksum,
    its place and its text (never a database id)."""
    return {"draft": draft.content_checksum, "ordinal": paragraph.ordinal, "text": paragraph.text}


def snapshot(position: Position, actor: Actor, paragraph: Paragraph, draft: Draft) -> dict[str, Any]:
    """A position's values as one portable dict (what history rows record)."""
    snap: dict[str, Any] = {f: getattr(position, f) for f in FIELDS}
    snap["actor"] = {"name": actor.name, "kind": actor.kind}
    snap["anchor"] = anchor_of(paragraph, draft)
    snap["deleted"] = bool(position.deleted)
    return snap


def heads(rows: Sequence[PositionHistory]) -> list[PositionHistory]:
    """History rows no other row was made on: one normally, several after a fork."""
    used = {p for r in rows for p in (r.parents or [])}
    return [r for r in rows if r.uid not in used]


def winner(rows: Sequence[PositionHistory]) -> PositionHistory:
    """Which head a position shows while a conflict is open: the latest change
    (then the larger uid), so every store picks the same one."""
    return max(rows, key=lambda r: (r.at, r.uid))


def history_rows(session: Session, position_id: int) -> list[PositionHistory]:
    return list(session.scalars(select(PositionHistory).where(
        PositionHistory.position_id == position_id).order_by(PositionHistory.at, PositionHistory.id)))


def conflict_uid(kind: str, key: str, sides: Iterable[str]) -> str:
    return hashlib.sha256("|".join([kind, key, *sorted(sides)]).encode()).hexdigest()[:32]


def refresh_edit_conflict(session: Session, position: Position, clock: Clock = utcnow,
                          author: str | None = None) -> PositionConflict | None:
    """Open, update or close the concurrent-edit conflict of a position from its
    history graph. Returns the open conflict, if any."""
    rows = history_rows(session, position.id)
    hs = heads(rows)
    open_ = session.scalar(select(PositionConflict).where(
        PositionConflict.position_id == position.id,
        PositionConflict.kind == "concurrent_edit",
        PositionConflict.resolved_at.is_(None)))
    if len(hs) <= 1:
        if open_ is not None:
            last = hs[0] if hs else None
            open_.resolved_at = last.at if last else clock()
            open_.resolved_by = (last.author if last else None) or author
        return None
    sides = sorted(h.uid for h in hs)
    uid = conflict_uid("concurrent_edit", position.uid, sides)
    if open_ is None:
        open_ = session.scalar(select(PositionConflict).where(PositionConflict.uid == uid))
        if open_ is None:
            open_ = PositionConflict(uid=uid, negotiation_id=position.negotiation_id,
                                     position_id=position.id, kind="concurrent_edit",
                                     sides=sides, detected_at=clock())
            session.add(open_)
        else:
            open_.resolved_at = None
            open_.resolved_by = None
    else:
        open_.uid = uid
        open_.sides = sides
    session.flush()
    return open_


def record_change(session: Session, position: Position, action: str, old: dict[str, Any] | None,
            new: dict[str, Any], parents: list[str], author: str | None,
            at: dt.datetime) -> PositionHistory:
    row = PositionHistory(uid=new_uid(), position_id=position.id, parents=parents,
                          action=action, author=author, at=at, old=old, new=new)
    session.add(row)
    return row


@dataclass(frozen=True)
class PositionChange:
    """What `set_position` did."""

    uid: str
    version: int
    created: bool
    changed: bool
    paragraph_id: int
    actor: str


def _validate(values: Mapping[str, Any]) -> None:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise Conflict(f"unknown position field(s): {', '.join(sorted(unknown))}")
    for key, vocabulary in (("stance", Stance), ("status", PositionStage), ("priority", Priority)):
        value = values.get(key)
        if value is not None and value not in set(vocabulary):
            raise Conflict(f"{key} '{value}' is not one of {', '.join(vocabulary)}")


def set_position(
    session: Session,
    paragraph_id: int,
    actor: str,
    values: Mapping[str, Any],
    *,
    author: str | None,
    expected_version: int | None = None,
    actor_kind: str | None = None,
    clock: Clock = utcnow,
) -> PositionChange:
    """Take or change an actor's position on a paragraph, stamped with that
    paragraph's draft and wording. Fields not in `values` keep their value.

    Args:
        session: inside the caller's transaction.
        paragraph_id: the paragraph the position is taken on.
        actor: delegation or group name; created on first use ("EU" = EU line).
        values: some of FIELDS; `stance` is needed for a new position. Empty
            strings clear a text field; a red line text sets its flag.
        author: who makes the change (kept in history).
        expected_version: the version the user loaded (0: "there was none");
            if the position changed since, nothing is written.
        actor_kind: kind of a new actor (default guessed from its name).
        clock: returns the current UTC time.

    Raises:
        Conflict: a stale edit, an invalid value or amendment.
        NotFound: no such paragraph.
    """
    values = dict(values)
    for key in ("stance", "status"):  # "support with amendments" as people write it
        if isinstance(values.get(key), str):
            values[key] = values[key].strip().lower().replace(" ", "_").replace("-", "_")
    for key in ("amendment", "rationale", "red_line", "fallback", "priority"):
        if key in values and isinstance(values[key], str):
            values[key] = values[key].strip() or None
    if "red_line" in values and "red_line_flag" not in values:
        values["red_line_flag"] = values["red_line"] is not None
    _validate(values)
    paragraph = session.get(Paragraph, paragraph_id)
    if paragraph is None:
        raise NotFound(f"no paragraph {paragraph_id}")
    draft = paragraph.draft
    if values.get("amendment"):
        check_amendment(paragraph.text, values["amendment"])
    act = ensure_actor(session, draft.negotiation_id, actor, actor_kind)
    existing = position_on(session, paragraph, act)
    now = clock()
    if existing is None:
        if expected_version not in (None, 0):
            raise StaleEdit(f"{act.name} has no position on this paragraph any more "
                           f"(you loaded version {expected_version}); reload and try again")
        if "stance" not in values:
            raise Conflict("a new position needs a stance "
                           f"({', '.join(Stance)})")
        pos = Position(uid=new_uid(), negotiation_id=draft.negotiation_id, actor_id=act.id,
                       paragraph_id=paragraph.id, draft_id=draft.id, text=paragraph.text,
                       stance=values["stance"], red_line_flag=False, status="draft",
                       author=author, created_at=now, updated_at=now, version=1, deleted=False)
        for key, value in values.items():
            setattr(pos, key, value)
        session.add(pos)
        session.flush()
        record_change(session, pos, "create", None, snapshot(pos, act, paragraph, draft), [], author, now)
        session.flush()
        return PositionChange(pos.uid, pos.version, True, True, paragraph.id, act.name)

    pos = existing
    if expected_version is not None and expected_version != pos.version:
        raise StaleEdit(
            f"{act.name}'s position on this paragraph was changed by {pos.author or 'someone'} "
            f"at {pos.updated_at:%Y-%m-%d %H:%M} (version {pos.version}, you loaded "
            f"version {expected_version}); reload it and make your change again", pos.version)
    old_para, old_draft = pos.paragraph, session.get(Draft, pos.draft_id)
    assert old_draft is not None
    old = snapshot(pos, act, old_para, old_draft)
    for key, value in values.items():
        setattr(pos, key, value)
    pos.paragraph_id, pos.draft_id, pos.text = paragraph.id, draft.id, paragraph.text
    new = snapshot(pos, act, paragraph, draft)
    if new == old:
        return PositionChange(pos.uid, pos.version, False, False, paragraph.id, act.name)
    hs = heads(history_rows(session, pos.id))
    parent = [winner(hs).uid] if hs else []
    pos.version += 1
    pos.updated_at = now
    pos.author = author
    record_change(session, pos, "update", old, new, parent, author, now)
    _flush_version_checked(session, f"{act.name}'s position on this paragraph", pos.version - 1)
    refresh_edit_conflict(session, pos, clock, author)
    return PositionChange(pos.uid, pos.version, False, True, paragraph.id, act.name)


def delete_position(session: Session, uid: str, *, author: str | None,
                    expected_version: int | None = None, clock: Clock = utcnow) -> PositionChange:
    """Withdraw a position. It stays in history (a tombstone), and exchanges as one."""
    pos = find_position(session, uid)
    if expected_version is not None and expected_version != pos.version:
        raise StaleEdit(f"the position {uid[:8]} changed since you loaded it "
                       f"(version {pos.version}, you loaded {expected_version}); reload it", pos.version)
    if pos.deleted:
        return PositionChange(pos.uid, pos.version, False, False, pos.paragraph_id, pos.actor.name)
    draft = session.get(Draft, pos.draft_id)
    assert draft is not None
    old = snapshot(pos, pos.actor, pos.paragraph, draft)
    pos.deleted = True
    now = clock()
    hs = heads(history_rows(session, pos.id))
    pos.version += 1
    pos.updated_at = now
    pos.author = author
    record_change(session, pos, "delete", old, snapshot(pos, pos.actor, pos.paragraph, draft),
            [winner(hs).uid] if hs else [], author, now)
    _flush_version_checked(session, f"the position {uid[:8]}", pos.version - 1)
    refresh_edit_conflict(session, pos, clock, author)
    return PositionChange(pos.uid, pos.version, False, True, pos.paragraph_id, pos.actor.name)


def _flush_version_checked(session: Session, what: str, loaded: int) -> None:
    """Write a position's change. Its UPDATE says `WHERE version = loaded` (the
    mapper's version_id_col): if a colleague's edit landed since this one read
    the row, nothing is written and the user gets the stale-edit error."""
    try:
        session.flush()
    except StaleDataError:
        raise Conflict(f"{what} was changed by someone else at the same moment (you loaded "
                       f"version {loaded}); reload it and make your change again") from None


def find_position(session: Session, uid: str) -> Position:
    """A position by its uid or an unambiguous prefix of it."""
    uid = uid.strip()
    pos = session.scalar(select(Position).where(Position.uid == uid))
    if pos is None and len(uid) >= 4:
        hits = session.scalars(select(Position).where(Position.uid.startswith(uid))).all()
        if len(hits) == 1:
            pos = hits[0]
    if pos is None:
        raise NotFound(f"no position '{uid}'")
    return pos


def position_on(session: Session, paragraph: Paragraph, actor: Actor) -> Position | None:
    """The actor's position that carries forward one to one onto this paragraph
    (the one an edit on this paragraph changes), or None.

    A position taken before a split covers every part: an edit on one part then
    starts a new position for that part, so the other parts keep the old one.
    """
    draft = paragraph.draft
    carry = CarryForward(session, draft.negotiation_id, draft, actor_id=actor.id,
                         lineages=lineages_reaching(session, [paragraph.id]))
    best: Any = None
    best_key: tuple[int, dt.datetime] | None = None
    for pos, res in carry.resolved():
        if res.state in (CarryState.PARAGRAPH_DELETED, CarryState.SPLIT) or res.targets != (paragraph.id,):
            continue
        key = (carry.order_of_draft[pos.draft_id], pos.updated_at)
        # Prefer the position whose own lineage is this paragraph's (a merge
        # brings in the others' positions too).
        if best_key is None or key > best_key:
            best, best_key = pos, key
    return session.get(Position, best.id) if best is not None else None


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change to a position."""

    uid: str
    position: str  # the position's uid
    action: str  # create, update, delete, resolve
    author: str | None
    at: dt.datetime
    actor: str
    changed: tuple[str, ...]  # the fields that changed ("anchor": re-taken on another wording)
    old: Mapping[str, Any] | None
    new: Mapping[str, Any]
    parents: tuple[str, ...]

    def field_changes(self) -> list[FieldChange]:
        """What changed, one item per field, in the order a reader wants it."""
        if self.action == "delete":
            return [FieldChange("withdrawn")]
        if self.old is None:
            return [FieldChange("taken", "stance", None, self.new.get("stance"))] + [
                FieldChange("set", k, None, self.new.get(k)) for k in _TEXT_FIELDS if self.new.get(k)]
        out = [FieldChange("resolved")] if self.action == "resolve" else []
        for key in self.changed:
            old, new = self.old.get(key), self.new.get(key)
            if key == "anchor":
                out.append(FieldChange("retaken"))
            elif key == "deleted":
                out.append(FieldChange("withdrawn" if new else "restored"))
            elif key == "red_line_flag":
                continue  # said with the red line itself
            elif key in ("stance", "status", "priority"):
                out.append(FieldChange("value", key, old, new))
            else:
                out.append(FieldChange("set" if not old else "removed" if not new else "changed",
                                       key, old, new))
        return out

    def describe(self) -> list[str]:
        """The change in words: "Stance: support → oppose", "Red line set"."""
        return [c.describe() for c in self.field_changes()] or ["No change in substance"]


@dataclass(frozen=True)
class FieldChange:
    """One field of a history entry. ``what`` is taken, set, removed, changed,
    value (a choice such as the stance), retaken (on a new wording), withdrawn,
    restored or resolved."""

    what: str
    field: str | None = None
    old: Any = None
    new: Any = None

    def describe(self) -> str:
        name = FIELD_NAMES.get(self.field or "", self.field or "")
        return {
            "taken": f"Position taken: {_said(self.new)}",
            "set": f"{name} set", "removed": f"{name} removed", "changed": f"{name} changed",
            "value": f"{name}: {_said(self.old)} → {_said(self.new)}",
            "retaken": "Re-taken on a new wording of the paragraph",
            "withdrawn": "Position withdrawn", "restored": "Position restored",
            "resolved": "Conflict resolved: this version kept",
        }[self.what]


# How a field is named to a reader (the window translates these through the same table).
FIELD_NAMES = {"stance": "Stance", "status": "Coordination", "priority": "Priority",
               "amendment": "Amendment", "rationale": "Talking points", "red_line": "Red line",
               "fallback": "Fallback", "red_line_flag": "Red line"}
_TEXT_FIELDS = ("amendment", "rationale", "red_line", "fallback")


def _said(value: Any) -> str:
    return str(value).replace("_", " ") if value else "none"


def position_history(session: Session, paragraph_id: int, actor: str | None = None
                     ) -> list[HistoryEntry]:
    """Every change to the positions shown on a paragraph (all actors, or one),
    oldest first: who, when, what, old and new values."""
    paragraph = session.get(Paragraph, paragraph_id)
    if paragraph is None:
        raise NotFound(f"no paragraph {paragraph_id}")
    draft = paragraph.draft
    actor_id = None
    if actor is not None:
        act = find_actor(session, draft.negotiation_id, actor)
        if act is None:
            raise NotFound(f"no actor '{actor}' in this negotiation")
        actor_id = act.id
    carry = CarryForward(session, draft.negotiation_id, draft, actor_id=actor_id,
                         lineages=lineages_reaching(session, [paragraph.id]))
    ids = [pos.id for pos, res in carry.resolved() if paragraph.id in res.targets]
    rows = session.scalars(select(PositionHistory).where(PositionHistory.position_id.in_(ids))
                           .order_by(PositionHistory.at, PositionHistory.id)).all()
    uids = {p.id: p.uid for p in session.scalars(select(Position).where(Position.id.in_(ids)))}
    return [
        HistoryEntry(
            r.uid, uids[r.position_id], r.action, r.author, r.at, r.new["actor"]["name"],
            tuple(sorted(k for k in (*FIELDS, "anchor", "deleted")
                         if (r.old or {}).get(k) != r.new.get(k))),
            r.old, r.new, tuple(r.parents or ()))
        for r in rows
    ]


def withdraw_position(session: Session, paragraph_id: int, actor: str, *, author: str | None,
                      expected_version: int | None = None, clock: Clock = utcnow
                      ) -> PositionChange | None:
    """Withdraw the actor's position that an edit on this paragraph would change.

    Returns:
        What changed, or None when the actor holds no such position.

    Raises:
        StaleEdit: it changed since ``expected_version`` was loaded.
    """
    paragraph = session.get(Paragraph, paragraph_id)
    if paragraph is None:
        raise NotFound(f"no paragraph {paragraph_id}")
    act = find_actor(session, paragraph.draft.negotiation_id, actor)
    pos = position_on(session, paragraph, act) if act is not None else None
    if pos is None:
        if expected_version not in (None, 0):
            raise StaleEdit(f"{actor} has no position on this paragraph any more "
                            f"(you loaded version {expected_version})")
        return None
    return delete_position(session, pos.uid, author=author, expected_version=expected_version,
                           clock=clock)


def apply_snapshot(session: Session, pos: Position, snap: Mapping[str, Any]) -> None:
    """Set a position's values and anchor from a portable snapshot.

    Raises:
        Conflict: the snapshot's paragraph is not in this store.
    """
    for key in FIELDS:
        setattr(pos, key, snap.get(key))
    pos.red_line_flag = bool(pos.red_line_flag)
    pos.deleted = bool(snap.get("deleted"))
    actor = snap["actor"]
    pos.actor_id = ensure_actor(session, pos.negotiation_id, actor["name"], actor.get("kind")).id
    para = locate_anchor(session, pos.negotiation_id, snap["anchor"])
    pos.paragraph_id, pos.draft_id, pos.text = para.id, para.draft_id, para.text


def locate_anchor(session: Session, negotiation_id: int, anchor: Mapping[str, Any]) -> Paragraph:
    """The local paragraph a portable anchor names (draft checksum, place, text)."""
    para = session.scalar(
        select(Paragraph).join(Draft, Draft.id == Paragraph.draft_id)
        .where(Draft.negotiation_id == negotiation_id,
               Draft.content_checksum == anchor["draft"],
               Paragraph.ordinal == anchor["ordinal"]).limit(1))
    if para is None or collapse_whitespace(para.text) != collapse_whitespace(anchor["text"]):
        raise Conflict(f"paragraph {anchor['ordinal']} of draft {anchor['draft'][:12]} "
                       "is not in this store")
    return para
