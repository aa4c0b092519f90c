"""Positions on paragraphs, their history, carry-forward across drafts,
paragraph statuses and the signals a delegation reads on a new draft.

A position is anchored on the paragraph (hence draft and exact wording) it was
taken on; it follows that paragraph's lineage into later drafts. Every change
is a `PositionHistory` row whose `parents` name the row(s) it was made on, so
the rows of one position form a small graph: two laptops that changed the same
position offline both keep their rows, and the graph shows the fork (see
`negotiator.exchange`). The position row itself is the newest head of its
graph, materialised for fast queries.

Functions take a session opened by the caller (`Store.transaction()`) and
plain values, and return plain dataclasses or dicts (the `--json` shapes).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.domain.errors import Conflict, NotFound
from negotiator.drafts.lineage import find_paragraph  # noqa: F401  (re-exported for the CLI)
from negotiator.storage.models import (
    PARAGRAPH_STATUSES,
    POSITION_STATUSES,
    PRIORITIES,
    STANCES,
    Actor,
    Draft,
    LineageMerge,
    Negotiation,
    Note,
    Paragraph,
    ParagraphStatus,
    Position,
    PositionConflict,
    PositionHistory,
    utcnow,
)
from negotiator.text.parse import is_symbol_or_date
from negotiator.diff.worddiff import word_diff

Clock = Callable[[], dt.datetime]

# The actor name that stands for the line agreed in EU coordination, and the
# names that mean the same actor.
EU_ACTOR = "EU"
EU_NAMES = frozenset({"eu", "european union", "eu-coordinated", "eu (coordinated)"})
# Names that are groups of states rather than one state (kind "group").
GROUP_NAMES = frozenset({"eu", "g77", "g-77", "g-77 and china", "nam", "african group",
                         "arab group", "au", "like-minded group", "cannz", "jusscanz"})
CHAIR_NAMES = frozenset({"chair", "the chair", "president", "facilitator", "co-facilitators"})

# Carry-forward states.
CURRENT, NEEDS_REVIEW, DELETED, SPLIT, MERGED = (
    "current", "needs_review", "paragraph_deleted", "split", "merged")
# Uptake results.
ADOPTED, PARTLY, NOT_REFLECTED = "adopted", "partly", "not_reflected"
# Uptake: at least this share of the proposed inserted and deleted words must be
# found in the chair's change to call it "partly" (below: a stray common word
# such as "the" would otherwise count as uptake).
PARTLY_MIN_SHARE = 0.2
# The values of a position that a user sets (and that history records).
FIELDS = ("stance", "amendment", "rationale", "red_line", "red_line_flag", "fallback",
          "priority", "status")
# An amendment written as an edit against the paragraph, in wdiff notation:
# "Calls upon [-all-] States {+strongly+} to ...".
_EDIT_MARK = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.S)
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_QUOTED = re.compile(r"[\"\u201c\u201d'\u2018\u2019]([^\"\u201c\u201d\u2018\u2019']{2,}?)[\"\u201c\u201d'\u2018\u2019]")


def norm(text: str) -> str:
    """Text compared as a reader compares it: runs of whitespace are one space."""
    return " ".join(text.split())


def new_uid() -> str:
    return str(uuid.uuid4())


# --- looking things up -----------------------------------------------------------


def actor_kind_for(name: str) -> str:
    """The kind of an actor met for the first time, guessed from its name."""
    low = name.strip().lower()
    if low in GROUP_NAMES or low in EU_NAMES:
        return "group"
    if low in CHAIR_NAMES:
        return "chair"
    return "state"


def find_actor(session: Session, negotiation_id: int, name: str) -> Actor | None:
    """An actor by name, case-insensitively; "EU" and "European Union" are one actor."""
    name = name.strip()
    actor = session.scalar(select(Actor).where(
        Actor.negotiation_id == negotiation_id, Actor.name == name))
    if actor is None:
        actors = session.scalars(select(Actor).where(Actor.negotiation_id == negotiation_id)
                                 .order_by(Actor.id)).all()
        for a in actors:
            if a.name.lower() == name.lower():
                return a
        if name.lower() in EU_NAMES:
            for a in actors:
                if a.name.lower() in EU_NAMES:
                    return a
    return actor


def ensure_actor(session: Session, negotiation_id: int, name: str,
                 kind: str | None = None) -> Actor:
    """The actor of that name (case-insensitive), created on first use."""
    if not name or not name.strip():
        raise Conflict("an actor needs a name, e.g. 'Belgium' or 'EU'")
    actor = find_actor(session, negotiation_id, name)
    if actor is None:
        actor = Actor(negotiation_id=negotiation_id, name=name.strip(),
                      kind=kind or actor_kind_for(name))
        session.add(actor)
        session.flush()
    return actor


# --- amendments ---------------------------------------------------------------------


def is_edit(amendment: str) -> bool:
    """True when the amendment is written as an edit ([-deleted-] {+inserted+})."""
    return bool(_EDIT_MARK.search(amendment))


def edit_ops(amendment: str) -> list[tuple[str, str]]:
    """The ops of an amendment written in wdiff notation."""
    ops: list[tuple[str, str]] = []
    pos = 0
    for m in _EDIT_MARK.finditer(amendment):
        if m.start() > pos:
            ops.append(("=", amendment[pos:m.start()]))
        ops.append(("-", m[1]) if m[1] is not None else ("+", m[2]))
        pos = m.end()
    if pos < len(amendment):
        ops.append(("=", amendment[pos:]))
    return ops


_INSTRUCTION_START = re.compile(
    r"^\s*(replace|delete|remove|keep|retain|insert|add|merge|move|move|split)\b", re.I)
_Q = r"['\u2018\u2019\"\u201c\u201d]([^'\u2018\u2019\"\u201c\u201d]+)['\u2018\u2019\"\u201c\u201d]"
_INSTRUCTION = re.compile(
    rf"\b(?P<verb>replace|delete|remove|keep|retain|insert|add)\s+(?:the\s+words?\s+)?{_Q}"
    rf"(?:\s+(?:with|by)\s+{_Q})?(?:\s+(?P<where>after|before)\s+{_Q})?", re.I)


def is_instruction(amendment: str) -> bool:
    """True for an amendment written as drafting instructions ("Replace 'x' with 'y'.")."""
    return bool(_INSTRUCTION_START.match(amendment))


def _apply_instructions(base: str, amendment: str) -> str | None:
    """Apply "Replace 'x' with 'y'", "Delete 'x'", "Keep '[x]'" (drop its brackets),
    "Insert 'y' after/before 'x'" to a paragraph; None when none applies."""
    text, applied = base, 0
    for m in _INSTRUCTION.finditer(amendment):
        verb, x, y, where, z = m["verb"].lower(), m[2], m[3], m["where"], m[5]

        def locate(words: str) -> str | None:
            if words in text:
                return words
            if f"[{words}]" in text:
                return f"[{words}]"
            return None

        if verb in ("insert", "add"):
            at = locate(z) if z else None
            if at is None:
                continue
            i = text.index(at)
            text = (text[:i] + x + " " + text[i:] if where and where.lower() == "before"
                    else text[:i + len(at)] + " " + x + text[i + len(at):])
        else:
            found = locate(x)
            if found is None:
                continue
            if verb in ("keep", "retain"):
                new = found.strip("[]") if found.startswith("[") else found
            elif verb == "replace" and y is not None:
                new = y
            elif verb in ("delete", "remove"):
                new = ""
            else:
                continue
            text = text.replace(found, new, 1)
        applied += 1
    return norm(re.sub(r"\s+([,;.:])", r"\1", text)) if applied else None


def amended_text(base: str, amendment: str) -> str | None:
    """The paragraph as the amendment would have it: the replacement text, the
    applied [-..-]/{+..+} edit, or the applied instructions (None when the
    instructions cannot be applied to the text, e.g. "Merge the two options")."""
    if is_edit(amendment):
        return "".join(t for op, t in edit_ops(amendment) if op != "-")
    if is_instruction(amendment):
        return _apply_instructions(base, amendment)
    return amendment


def check_amendment(base: str, amendment: str) -> None:
    """Refuse an edit whose unchanged and deleted parts are not the paragraph's text."""
    if not is_edit(amendment):
        return
    before = "".join(t for op, t in edit_ops(amendment) if op != "+")
    if norm(before) != norm(base):
        raise Conflict("the amendment's [-deleted-] and unchanged words do not match the "
                       "paragraph's text; write the whole paragraph with [-...-] and {+...+} "
                       "marks, or give the replacement text")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


# Words with the square brackets that touch them ("[by", "actors]"), so that
# removing the brackets around a phrase is a change of that phrase.
_TOKEN = re.compile(r"\[*\w+(?:['\u2019]\w+)*\]*")


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in _TOKEN.findall(text)]


def _plain(tokens: Sequence[str]) -> list[str]:
    return [t.strip("[]") for t in tokens]


Region = tuple[int, int, str]  # characters [start, end) of the base, and what replaces them


def _regions(base: str, amendment: str) -> list[Region] | None:
    """Where an amendment changes the paragraph and what it puts there."""
    if is_edit(amendment):
        out: list[Region] = []
        pos, start, plus = 0, None, ""
        for op, t in [*edit_ops(amendment), ("=", "")]:
            if op == "=":
                if start is not None:
                    out.append((start, pos, plus))
                    start, plus = None, ""
                pos += len(t)
            else:
                start = pos if start is None else start
                if op == "-":
                    pos += len(t)
                else:
                    plus += t
        return out
    if is_instruction(amendment):
        out = []
        for m in _INSTRUCTION.finditer(amendment):
            verb, x, y, where, z = m["verb"].lower(), m[2], m[3], m["where"], m[5]
            spot = next((w for w in (z if verb in ("insert", "add") else x,) for w in
                         (w, f"[{w}]") if w and w in base), None)
            if spot is None:
                continue
            i = base.index(spot)
            if verb in ("insert", "add"):
                at = i if where and where.lower() == "before" else i + len(spot)
                out.append((at, at, x))
            elif verb in ("keep", "retain"):
                out.append((i, i + len(spot), spot.strip("[]")))
            elif verb == "replace" and y is not None:
                out.append((i, i + len(spot), y))
            elif verb in ("delete", "remove"):
                out.append((i, i + len(spot), ""))
        return out or None
    spans = [m.span() for m in _TOKEN.finditer(base)]
    prop = list(_TOKEN.finditer(amendment))
    out = []
    matcher = SequenceMatcher(None, _tokens(base), [m[0].lower() for m in prop], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start = spans[i1][0] if i1 < len(spans) else len(base)
        end = spans[i2 - 1][1] if i2 > i1 else start
        out.append((start, end, " ".join(m[0] for m in prop[j1:j2])))
    return out


def _mapped(ops: Sequence[tuple[str, int, int, int, int]], new: Sequence[str],
            a: int, b: int) -> list[str]:
    """The tokens of the new text that stand where base tokens [a, b) stood."""
    out: list[str] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            lo, hi = max(a, i1), min(b, i2)
            if lo < hi:
                out.extend(new[j1 + lo - i1: j1 + hi - i1])
        elif (a < b and i1 < b and i2 > a) or (i1 == i2 and a < i1 < b) or \
                (a == b and i1 <= a <= i2):
            out.extend(new[j1:j2])
    return out


def uptake(base: str, amendment: str, new_text: str) -> tuple[str, float] | None:
    """Whether a new text took up a proposed amendment.

    Each change the amendment proposes is a region of the paragraph and the
    words it wants there. The new draft takes it up when it has those words in
    that place (a deletion: when those words are gone from that place); a region
    the new draft left as it was counts for nothing.

    Args:
        base: the paragraph as it was when the amendment was proposed.
        amendment: replacement text, an edit in [-..-]/{+..+} notation, or
            drafting instructions ("Replace '[shall][should]' with 'shall'").
        new_text: the paragraph in the new draft.

    Returns:
        (result, share): `adopted`, `partly` with the share of proposed words
        found, or `not_reflected`; None when there is nothing to measure (no
        change proposed, or instructions that name no words of the text).
    """
    proposed = amended_text(base, amendment)
    if proposed is None or norm(proposed) == norm(base):
        return None
    if norm(new_text) == norm(proposed):
        return ADOPTED, 1.0
    if norm(new_text) == norm(base):  # the chair left the paragraph as it was
        return NOT_REFLECTED, 0.0
    regions = _regions(base, amendment)
    if not regions:
        return None
    spans = [m.span() for m in _TOKEN.finditer(base)]
    base_t, new_t = _tokens(base), _tokens(new_text)
    ops = SequenceMatcher(None, base_t, new_t, autojunk=False).get_opcodes()
    got = total = 0
    for start, end, put in regions:
        a = sum(1 for s0, _ in spans if s0 < start)
        b = sum(1 for s0, _ in spans if s0 < end) if end > start else a
        before, want = base_t[a:b], _tokens(put)
        there = _mapped(ops, new_t, a, b)
        if want:
            total += len(want)
            if there != before:
                got += sum(m.size for m in SequenceMatcher(
                    None, want, there, autojunk=False).get_matching_blocks())
        else:
            total += len(before)
            if there != before:
                left = Counter(_plain(there))
                got += sum(1 for w in _plain(before) if left[w] == 0)
    if total == 0:
        return None
    share = got / total
    if got >= total:
        return ADOPTED, 1.0
    if share >= PARTLY_MIN_SHARE:
        return PARTLY, round(share, 2)
    return NOT_REFLECTED, round(share, 2)


def red_line_phrases(red_line: str | None) -> list[str]:
    """The quoted words of a red line ("cannot accept 'shall'") that a text must not contain."""
    return [m.strip().lower() for m in _QUOTED.findall(red_line or "") if m.strip()]


# --- snapshots and history ----------------------------------------------------------


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


def _history_rows(session: Session, position_id: int) -> list[PositionHistory]:
    return list(session.scalars(select(PositionHistory).where(
        PositionHistory.position_id == position_id).order_by(PositionHistory.at, PositionHistory.id)))


def _conflict_uid(kind: str, key: str, sides: Iterable[str]) -> str:
    return hashlib.sha256("|".join([kind, key, *sorted(sides)]).encode()).hexdigest()[:32]


def refresh_edit_conflict(session: Session, position: Position, clock: Clock = utcnow,
                          author: str | None = None) -> PositionConflict | None:
    """Open, update or close the concurrent-edit conflict of a position from its
    history graph. Returns the open conflict, if any."""
    rows = _history_rows(session, position.id)
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
    uid = _conflict_uid("concurrent_edit", position.uid, sides)
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


def _record(session: Session, position: Position, action: str, old: dict[str, Any] | None,
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
    if "stance" in values and values["stance"] not in STANCES:
        raise Conflict(f"stance '{values['stance']}' is not one of {', '.join(STANCES)}")
    if "status" in values and values["status"] not in POSITION_STATUSES:
        raise Conflict(f"status '{values['status']}' is not one of {', '.join(POSITION_STATUSES)}")
    if values.get("priority") is not None and values["priority"] not in PRIORITIES:
        raise Conflict(f"priority '{values['priority']}' is not one of {', '.join(PRIORITIES)}")


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
            raise Conflict(f"{act.name} has no position on this paragraph any more "
                           f"(you loaded version {expected_version}); reload and try again")
        if "stance" not in values:
            raise Conflict("a new position needs a stance "
                           f"({', '.join(STANCES)})")
        pos = Position(uid=new_uid(), negotiation_id=draft.negotiation_id, actor_id=act.id,
                       paragraph_id=paragraph.id, draft_id=draft.id, text=paragraph.text,
                       stance=values["stance"], red_line_flag=False, status="draft",
                       author=author, created_at=now, updated_at=now, version=1, deleted=False)
        for key, value in values.items():
            setattr(pos, key, value)
        session.add(pos)
        session.flush()
        _record(session, pos, "create", None, snapshot(pos, act, paragraph, draft), [], author, now)
        session.flush()
        return PositionChange(pos.uid, pos.version, True, True, paragraph.id, act.name)

    pos = existing
    if expected_version is not None and expected_version != pos.version:
        raise Conflict(
            f"{act.name}'s position on this paragraph was changed by {pos.author or 'someone'} "
            f"at {pos.updated_at:%Y-%m-%d %H:%M} (version {pos.version}, you loaded "
            f"version {expected_version}); reload it and make your change again")
    old_para, old_draft = pos.paragraph, session.get(Draft, pos.draft_id)
    assert old_draft is not None
    old = snapshot(pos, act, old_para, old_draft)
    for key, value in values.items():
        setattr(pos, key, value)
    pos.paragraph_id, pos.draft_id, pos.text = paragraph.id, draft.id, paragraph.text
    new = snapshot(pos, act, paragraph, draft)
    if new == old:
        return PositionChange(pos.uid, pos.version, False, False, paragraph.id, act.name)
    hs = heads(_history_rows(session, pos.id))
    parent = [winner(hs).uid] if hs else []
    pos.version += 1
    pos.updated_at = now
    pos.author = author
    _record(session, pos, "update", old, new, parent, author, now)
    session.flush()
    refresh_edit_conflict(session, pos, clock, author)
    return PositionChange(pos.uid, pos.version, False, True, paragraph.id, act.name)


def delete_position(session: Session, uid: str, *, author: str | None,
                    expected_version: int | None = None, clock: Clock = utcnow) -> PositionChange:
    """Withdraw a position. It stays in history (a tombstone), and exchanges as one."""
    pos = find_position(session, uid)
    if expected_version is not None and expected_version != pos.version:
        raise Conflict(f"the position {uid[:8]} changed since you loaded it "
                       f"(version {pos.version}, you loaded {expected_version}); reload it")
    if pos.deleted:
        return PositionChange(pos.uid, pos.version, False, False, pos.paragraph_id, pos.actor.name)
    draft = session.get(Draft, pos.draft_id)
    assert draft is not None
    old = snapshot(pos, pos.actor, pos.paragraph, draft)
    pos.deleted = True
    now = clock()
    hs = heads(_history_rows(session, pos.id))
    pos.version += 1
    pos.updated_at = now
    pos.author = author
    _record(session, pos, "delete", old, snapshot(pos, pos.actor, pos.paragraph, draft),
            [winner(hs).uid] if hs else [], author, now)
    session.flush()
    refresh_edit_conflict(session, pos, clock, author)
    return PositionChange(pos.uid, pos.version, False, True, pos.paragraph_id, pos.actor.name)


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
    carry = CarryForward(session, draft.negotiation_id, draft, actor_id=actor.id)
    best: Any = None
    best_key: tuple[int, dt.datetime] | None = None
    for pos, res in carry.resolved():
        if res.state in (DELETED, SPLIT) or res.targets != (paragraph.id,):
            continue
        key = (carry.order_of_draft[pos.draft_id], pos.updated_at)
        # Prefer the position whose own lineage is this paragraph's (a merge
        # brings in the others' positions too).
        if best_key is None or key > best_key:
            best, best_key = pos, key
    return session.get(Position, best.id) if best is not None else None


def position_history(session: Session, paragraph_id: int, actor: str | None = None
                     ) -> list[dict[str, Any]]:
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
    carry = CarryForward(session, draft.negotiation_id, draft, actor_id=actor_id)
    ids = [pos.id for pos, res in carry.resolved() if paragraph.id in res.targets]
    out: list[dict[str, Any]] = []
    rows = session.scalars(select(PositionHistory).where(PositionHistory.position_id.in_(ids))
                           .order_by(PositionHistory.at, PositionHistory.id)).all()
    uids = {p.id: p.uid for p in session.scalars(select(Position).where(Position.id.in_(ids)))}
    for r in rows:
        changed = sorted(k for k in (*FIELDS, "anchor", "deleted")
                         if (r.old or {}).get(k) != r.new.get(k))
        out.append({
            "uid": r.uid, "position": uids[r.position_id], "action": r.action,
            "author": r.author, "at": r.at.isoformat(timespec="seconds"),
            "actor": r.new["actor"]["name"], "changed": changed,
            "old": r.old, "new": r.new, "parents": list(r.parents or []),
        })
    return out


# --- carry forward ---------------------------------------------------------------------


@dataclass(frozen=True)
class Para:
    """One stored paragraph, as the carry-forward reads it."""

    id: int
    draft_id: int
    order: int
    ordinal: int
    number: str | None
    kind: str
    text: str
    lineage: int | None
    relation: str | None
    brackets: int


@dataclass(frozen=True)
class Resolution:
    """Where a position stands in a draft."""

    state: str
    targets: tuple[int, ...] = ()  # paragraph ids in the draft (several for a split)
    deleted_in: int | None = None  # draft id where the lineage ended
    merged_from: tuple[int, ...] = ()  # paragraph ids of the draft before the merge


@dataclass
class CarryForward:
    """Positions of a negotiation followed along their lineages into one draft.

    Loads, in a handful of queries, the paragraphs of every draft between the
    oldest anchor and the target, then resolves each position in memory.
    """

    session: Session
    negotiation_id: int
    draft: Draft
    actor_id: int | None = None
    include_deleted: bool = False
    positions: list[Any] = field(init=False)  # rows with the columns of Position
    paras: dict[int, Para] = field(init=False)
    order_of_draft: dict[int, int] = field(init=False)
    draft_of_order: dict[int, Draft] = field(init=False)

    def __post_init__(self) -> None:
        s = self.session
        drafts = s.scalars(select(Draft).where(Draft.negotiation_id == self.negotiation_id)
                           .order_by(Draft.order)).all()
        self.order_of_draft = {d.id: d.order for d in drafts}
        self.draft_of_order = {d.order: d for d in drafts}
        # Plain rows, not ORM objects: loading 3,000 of them is three times faster.
        q = select(*Position.__table__.c).where(Position.negotiation_id == self.negotiation_id)
        if self.actor_id is not None:
            q = q.where(Position.actor_id == self.actor_id)
        if not self.include_deleted:
            q = q.where(Position.deleted.is_(False))
        target = self.draft.order
        self.positions = [p for p in s.execute(q.order_by(Position.id))
                          if self.order_of_draft[p.draft_id] <= target]
        low = min([self.order_of_draft[p.draft_id] for p in self.positions] + [max(target - 1, 1)])
        self.load(low)

    def load(self, low: int) -> None:
        """Read the paragraphs of drafts `low`..target and the merge links among them."""
        s = self.session
        ids = [d.id for o, d in self.draft_of_order.items() if low <= o <= self.draft.order]
        self.paras = {}
        self.by_lineage: dict[tuple[int | None, int], list[Para]] = defaultdict(list)
        self.by_draft: dict[int, list[Para]] = defaultdict(list)
        rows = s.execute(select(
            Paragraph.id, Paragraph.draft_id, Paragraph.ordinal, Paragraph.number,
            Paragraph.kind, Paragraph.text, Paragraph.lineage_id, Paragraph.lineage_relation,
            Paragraph.brackets).where(Paragraph.draft_id.in_(ids))
            .order_by(Paragraph.draft_id, Paragraph.ordinal))
        for pid, did, ordinal, number, kind, text, lin, rel, br in rows:
            p = Para(pid, did, self.order_of_draft[did], ordinal, number, kind, text, lin, rel, br)
            self.paras[pid] = p
            if lin is not None:
                self.by_lineage[(lin, p.order)].append(p)
            self.by_draft[did].append(p)
        # (lineage, order) -> the merged paragraph of that draft that continues it.
        self.merged_into: dict[tuple[int, int], Para] = {}
        self.merge_sources: dict[int, list[int]] = defaultdict(list)  # para id -> lineages
        for pid, lin in s.execute(select(LineageMerge.paragraph_id, LineageMerge.lineage_id)
                                  .join(Paragraph, Paragraph.id == LineageMerge.paragraph_id)
                                  .where(Paragraph.draft_id.in_(ids))):
            p = self.paras[pid]
            self.merged_into[(lin, p.order)] = p
            self.merge_sources[pid].append(lin)

    def resolve_anchor(self, anchor: Para) -> Resolution:
        """Follow the lineage of a paragraph from its draft to the target draft."""
        o0, target = anchor.order, self.draft.order
        if o0 == target:
            return Resolution(CURRENT, (anchor.id,))
        if anchor.lineage is None:  # never linked: it cannot be followed
            later = min(o for o in self.draft_of_order if o > o0)
            return Resolution(DELETED, deleted_in=self.draft_of_order[later].id)
        siblings = self.by_lineage.get((anchor.lineage, o0), [anchor])
        # A position taken on one part of an earlier split follows that part.
        part = siblings.index(anchor) if len(siblings) > 1 and anchor in siblings else None
        lineage = anchor.lineage
        merged_from: tuple[int, ...] = ()
        split = False
        for order in range(o0 + 1, target + 1):
            if order not in self.draft_of_order:
                continue
            ps = self.by_lineage.get((lineage, order), [])
            if not ps:
                into = self.merged_into.get((lineage, order)) if lineage is not None else None
                if into is None:
                    return Resolution(DELETED, deleted_in=self.draft_of_order[order].id)
                merged_from = self._merge_parts(into)
                lineage, part = into.lineage, None
                ps = self.by_lineage.get((lineage, order), [into])
            elif any(p.relation == "merged" and p.id in self.merge_sources for p in ps):
                merged_from = self._merge_parts(next(p for p in ps if p.id in self.merge_sources))
                part = None
            if part is None and (len(ps) > 1 or any(p.relation == "split" for p in ps)):
                split = True
        finals = self.by_lineage.get((lineage, target), [])
        if merged_from:
            return Resolution(MERGED, tuple(p.id for p in finals), merged_from=merged_from)
        if split and len(finals) > 1:
            return Resolution(SPLIT, tuple(p.id for p in finals))
        if part is not None and len(finals) > 1:
            if len(finals) == len(siblings):
                chosen = finals[part]
            else:  # the parts were rearranged: follow the most similar one
                chosen = max(finals, key=lambda p: SequenceMatcher(
                    None, _words(anchor.text), _words(p.text), autojunk=False).ratio())
            finals = [chosen]
        if len(finals) > 1:
            return Resolution(SPLIT, tuple(p.id for p in finals))
        # (Split in between and joined again: the wording decides.)
        state = CURRENT if norm(finals[0].text) == norm(anchor.text) else NEEDS_REVIEW
        return Resolution(state, (finals[0].id,))

    def _merge_parts(self, into: Para) -> tuple[int, ...]:
        """The paragraphs of the draft before `into`'s that it merges."""
        prev = max((o for o in self.draft_of_order if o < into.order), default=None)
        if prev is None:
            return ()
        lineages = [into.lineage, *self.merge_sources.get(into.id, [])]
        out: list[int] = []
        for lin in lineages:
            out.extend(p.id for p in self.by_lineage.get((lin, prev), []))
        return tuple(sorted(out, key=lambda pid: self.paras[pid].ordinal))

    def resolved(self) -> Iterable[tuple[Any, Resolution]]:
        """Each position with where it stands in the target draft."""
        cache: dict[int, Resolution] = {}
        for pos in self.positions:
            anchor = self.paras.get(pos.paragraph_id)
            if anchor is None:
                continue
            if anchor.id not in cache:
                cache[anchor.id] = self.resolve_anchor(anchor)
            yield pos, cache[anchor.id]

    def predecessors(self, p: Para) -> list[Para] | None:
        """The paragraphs of the previous draft this one continues (None: first draft)."""
        prev = max((o for o in self.draft_of_order if o < p.order), default=None)
        if prev is None:
            return None
        out = list(self.by_lineage.get((p.lineage, prev), []))
        for lin in self.merge_sources.get(p.id, []):
            out.extend(self.by_lineage.get((lin, prev), []))
        return out

    def changed_in_draft(self, p: Para) -> bool:
        """Whether the target draft changed this paragraph against the draft before it."""
        before = self.predecessors(p)
        if before is None:
            return False
        if len(before) != 1 or p.relation in ("split", "merged"):
            return True
        return norm(before[0].text) != norm(p.text)


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
    if res.state == DELETED:
        out["deleted_in"] = next(d.label for d in carry.draft_of_order.values()
                                 if d.id == res.deleted_in)
        return out
    targets = [carry.paras[t] for t in res.targets]
    if res.state in (NEEDS_REVIEW, SPLIT, MERGED):
        now_text = " ".join(p.text for p in targets)
        key = (pos.text, now_text)
        diffs = {} if diffs is None else diffs  # several actors, one pair of texts
        if key not in diffs:
            diffs[key] = [list(op) for op in word_diff(pos.text, now_text)]
        out["diff"] = diffs[key]
    if res.state == SPLIT:
        out["parts"] = [p.ordinal for p in targets]
    if res.state == MERGED:
        out["merged_from"] = [_para_ref(carry.paras[i], carry.draft_of_order[carry.paras[i].order])
                              for i in res.merged_from]
    return out


def _actors(session: Session, negotiation_id: int) -> dict[int, Actor]:
    return {a.id: a for a in session.scalars(select(Actor).where(
        Actor.negotiation_id == negotiation_id))}


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
    actors = _actors(session, negotiation.id)
    conflicts = _open_conflict_positions(session, negotiation.id)
    per_para: dict[int, list[dict[str, Any]]] = defaultdict(list)
    gone: dict[int, list[dict[str, Any]]] = defaultdict(list)
    diffs: dict[tuple[str, str], list[list[str]]] = {}
    for pos, res in carry.resolved():
        entry = _position_dict(carry, pos, res, actors, conflicts, diffs)
        if res.state == DELETED:
            gone[pos.paragraph_id].append(entry)
        for t in res.targets:
            per_para[t].append(entry)
    statuses = {s["index"]: s for s in _statuses(session, carry)}
    notes = _notes_by_paragraph(session, carry)
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


# --- paragraph status ---------------------------------------------------------------


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


def _statuses(session: Session, carry: CarryForward) -> list[dict[str, Any]]:
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
                         changed_since=norm(text) != norm(p.text))
        out.append(entry)
    return out


def paragraph_statuses(session: Session, negotiation: Negotiation, draft: Draft
                       ) -> list[dict[str, Any]]:
    """Every paragraph's status in a draft. A status set on an earlier draft
    follows the lineage; `changed_since` flags a paragraph agreed (ad ref) whose
    text the chair changed after the agreement."""
    return _statuses(session, CarryForward(session, negotiation.id, draft, actor_id=-1))


# --- notes ---------------------------------------------------------------------------


def add_note(session: Session, paragraph_id: int, text: str, *, author: str | None,
             clock: Clock = utcnow) -> dict[str, Any]:
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
    return _note_dict(note, paragraph)


def delete_note(session: Session, negotiation_id: int, uid: str, *, author: str | None,
                clock: Clock = utcnow) -> dict[str, Any]:
    """Delete a note: it is kept as a tombstone so the deletion travels to other laptops."""
    notes = session.scalars(select(Note).where(Note.negotiation_id == negotiation_id,
                                               Note.uid.startswith(uid.strip()))).all()
    if len(notes) != 1 or len(uid.strip()) < 4:
        raise NotFound(f"no note '{uid}'" if not notes else f"'{uid}' names several notes")
    note = notes[0]
    if not note.deleted:
        note.deleted, note.deleted_at, note.deleted_by = True, clock(), author
    return _note_dict(note, session.get(Paragraph, note.paragraph_id))


def _note_dict(note: Note, paragraph: Paragraph | None) -> dict[str, Any]:
    return {"uid": note.uid, "text": note.text, "author": note.author,
            "created_at": note.created_at.isoformat(timespec="seconds"),
            "deleted": bool(note.deleted)}


def _notes_by_paragraph(session: Session, carry: CarryForward) -> dict[int, list[dict[str, Any]]]:
    rows = session.execute(
        select(Note, Paragraph.lineage_id, Draft.order)
        .join(Paragraph, Paragraph.id == Note.paragraph_id)
        .join(Draft, Draft.id == Paragraph.draft_id)
        .where(Note.negotiation_id == carry.negotiation_id, Note.deleted.is_(False),
               Draft.order <= carry.draft.order)
        .order_by(Note.created_at, Note.id)).all()
    by_lineage: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for note, lineage, _order in rows:
        if lineage is not None:
            by_lineage[lineage].append(_note_dict(note, None))
    return {p.id: by_lineage[p.lineage] for p in carry.by_draft[carry.draft.id]
            if p.lineage in by_lineage}


def list_notes(session: Session, paragraph_id: int) -> list[dict[str, Any]]:
    """The live notes on a paragraph's lineage, written on this draft or earlier."""
    paragraph = session.get(Paragraph, paragraph_id)
    if paragraph is None:
        raise NotFound(f"no paragraph {paragraph_id}")
    carry = CarryForward(session, paragraph.draft.negotiation_id, paragraph.draft, actor_id=-1)
    return _notes_by_paragraph(session, carry).get(paragraph.id, [])


# --- signals -------------------------------------------------------------------------


def signals(session: Session, negotiation: Negotiation, draft: Draft,
            national: str | None = None) -> dict[str, Any]:
    """What a delegation must look at in a draft.

    Args:
        national: the national actor (default: the negotiation's delegation).

    Returns:
        {"divergent": [INDEX], "red_lines_touched": [INDEX], "no_instructions":
        [INDEX], "newly_agreed": [INDEX], "uptake": [{"index", "actor", "result",
        "share", "uid"}], "divergence": [{"index", "national", "eu", "reason"}]};
        INDEX is a paragraph's place in `show --json` of this draft.
    """
    carry = CarryForward(session, negotiation.id, draft)
    actors = _actors(session, negotiation.id)
    national_name = (national or negotiation.delegation or "").strip().lower()
    national_ids = {a.id for a in actors.values() if a.name.lower() == national_name}
    eu_ids = {a.id for a in actors.values() if a.name.lower() in EU_NAMES}

    # Per paragraph and actor, the position that speaks for it: the one taken
    # on the latest draft (a part-specific one wins over one taken before a split).
    primary: dict[tuple[int, int], tuple[tuple[int, dt.datetime], Any]] = {}
    uptake_rows: list[dict[str, Any]] = []
    for pos, res in carry.resolved():
        if res.state == DELETED:
            continue
        key = (carry.order_of_draft[pos.draft_id], pos.updated_at)
        for t in res.targets:
            k = (t, pos.actor_id)
            if k not in primary or key > primary[k][0]:
                primary[k] = (key, pos)
        if pos.amendment and carry.order_of_draft[pos.draft_id] < draft.order:
            now_text = " ".join(carry.paras[t].text for t in res.targets)
            got = uptake(pos.text, pos.amendment, now_text)
            if got is not None:
                uptake_rows.append({"index": carry.paras[res.targets[0]].ordinal,
                                    "actor": actors[pos.actor_id].name, "result": got[0],
                                    "share": got[1], "uid": pos.uid})

    divergent: list[int] = []
    divergence: list[dict[str, Any]] = []
    touched: list[int] = []
    no_instructions: list[int] = []
    newly_agreed: list[int] = []
    for p in carry.by_draft[draft.id]:
        nat = [primary[(p.id, a)][1] for a in national_ids if (p.id, a) in primary]
        eu = [primary[(p.id, a)][1] for a in eu_ids if (p.id, a) in primary]
        # Headings and the symbol/date line above the title are not negotiated.
        if not nat and p.kind != "heading" and not is_symbol_or_date(p.text):
            no_instructions.append(p.ordinal)
        if nat and eu:
            reason = _divergence(nat[0], eu[0], p.text)
            if reason:
                divergent.append(p.ordinal)
                divergence.append({"index": p.ordinal, "national": nat[0].stance,
                                   "eu": eu[0].stance, "reason": reason})
        if any(n.red_line_flag for n in nat) and carry.changed_in_draft(p):
            touched.append(p.ordinal)
        before = carry.predecessors(p)
        if before and p.brackets == 0 and sum(b.brackets for b in before) > 0:
            newly_agreed.append(p.ordinal)
    uptake_rows.sort(key=lambda r: (r["index"], r["actor"], r["uid"]))
    return {"divergent": divergent, "red_lines_touched": touched,
            "no_instructions": no_instructions, "newly_agreed": newly_agreed,
            "uptake": uptake_rows, "divergence": divergence}


def _divergence(nat: Any, eu: Any, paragraph_text: str) -> str | None:
    """Why the EU line and the national line diverge, or None."""
    if nat.red_line_flag:
        if nat.stance == "oppose" and eu.stance in ("support", "support_with_amendments"):
            return "red_line_crossed"
        if eu.amendment:
            eu_text = amended_text(eu.text, eu.amendment) or eu.amendment
        elif eu.stance in ("support", "support_with_amendments"):
            eu_text = paragraph_text
        else:
            eu_text = ""
        low = norm(eu_text).lower()
        if any(phrase in low for phrase in red_line_phrases(nat.red_line)):
            return "red_line_crossed"
    if nat.stance != eu.stance:
        return "stance"
    if nat.amendment and eu.amendment:
        mine, theirs = amended_text(nat.text, nat.amendment), amended_text(eu.text, eu.amendment)
        if mine is not None and theirs is not None and norm(mine) != norm(theirs):
            return "amendment"  # same stance, other words ("shall" against "should")
    return None


# --- conflicts -------------------------------------------------------------------------


def list_conflicts(session: Session, negotiation: Negotiation | None = None,
                   include_resolved: bool = False) -> list[dict[str, Any]]:
    """Conflicts from offline exchange, each with its sides labelled a, b, ..."""
    q = select(PositionConflict).order_by(PositionConflict.id)
    if negotiation is not None:
        q = q.where(PositionConflict.negotiation_id == negotiation.id)
    if not include_resolved:
        q = q.where(PositionConflict.resolved_at.is_(None))
    out: list[dict[str, Any]] = []
    for c in session.scalars(q):
        out.append(_conflict_dict(session, c))
    return out


def _conflict_dict(session: Session, c: PositionConflict) -> dict[str, Any]:
    sides: list[dict[str, Any]] = []
    labels = "abcdefghij"
    if c.kind == "concurrent_edit":
        rows = {r.uid: r for r in session.scalars(select(PositionHistory).where(
            PositionHistory.uid.in_(c.sides)))}
        for i, uid in enumerate(c.sides):
            r = rows[uid]
            sides.append({"side": labels[i], "ref": uid, "author": r.author,
                          "at": r.at.isoformat(timespec="seconds"),
                          "values": {k: r.new.get(k) for k in (*FIELDS, "deleted")},
                          "text": r.new["anchor"]["text"]})
    else:
        poss = {p.uid: p for p in session.scalars(select(Position).where(
            Position.uid.in_(c.sides)))}
        for i, uid in enumerate(c.sides):
            p = poss[uid]
            sides.append({"side": labels[i], "ref": uid, "author": p.author,
                          "at": p.updated_at.isoformat(timespec="seconds"),
                          "values": {k: getattr(p, k) for k in (*FIELDS, "deleted")},
                          "text": p.text})
    pos = session.get(Position, c.position_id)
    assert pos is not None
    para = pos.paragraph
    return {"id": c.id, "uid": c.uid, "kind": c.kind, "position": pos.uid,
            "actor": pos.actor.name, "draft": para.draft.label, "index": para.ordinal,
            "number": para.number, "sides": sides,
            "detected_at": c.detected_at.isoformat(timespec="seconds"),
            "resolved_at": c.resolved_at.isoformat(timespec="seconds") if c.resolved_at else None,
            "resolved_by": c.resolved_by}


def find_conflict(session: Session, ref: str) -> PositionConflict:
    """A conflict by its number in `negotiator conflicts` or a prefix of its uid."""
    ref = ref.strip()
    c = session.get(PositionConflict, int(ref)) if ref.isdigit() else None
    if c is None and len(ref) >= 4:
        hits = session.scalars(select(PositionConflict).where(
            PositionConflict.uid.startswith(ref))).all()
        c = hits[0] if len(hits) == 1 else None
    if c is None:
        raise NotFound(f"no conflict '{ref}' (see `negotiator conflicts`)")
    return c


def resolve_conflict(session: Session, ref: str, take: str, *, author: str | None,
                     clock: Clock = utcnow) -> dict[str, Any]:
    """Settle a conflict by keeping one side (`a`, `b`, ... as listed).

    A concurrent edit gets a new history row made on every side (so the merge
    travels to the other laptops and closes their conflict too); a duplicate
    position keeps the chosen one and withdraws the others.

    Raises:
        Conflict: already resolved, or no such side.
    """
    c = find_conflict(session, ref)
    if c.resolved_at is not None:
        raise Conflict(f"conflict {c.id} was already resolved by {c.resolved_by or 'someone'}")
    labels = "abcdefghij"[: len(c.sides)]
    take = take.strip().lower()
    if take not in labels:
        raise Conflict(f"conflict {c.id} has sides {', '.join(labels)}; choose one with --take")
    chosen = c.sides[labels.index(take)]
    now = clock()
    if c.kind == "concurrent_edit":
        pos = session.get(Position, c.position_id)
        assert pos is not None
        rows = {r.uid: r for r in _history_rows(session, pos.id)}
        hs = [r.uid for r in heads(list(rows.values()))]
        old = rows[winner([rows[u] for u in hs]).uid].new
        new = dict(rows[chosen].new)
        row = _record(session, pos, "resolve", old, new, sorted(hs), author, now)
        session.flush()
        apply_snapshot(session, pos, new)
        pos.version += 1
        pos.updated_at, pos.author = now, author
        refresh_edit_conflict(session, pos, clock, author)
        result = {"conflict": c.id, "kept": take, "history": row.uid}
    else:
        for uid in c.sides:
            if uid != chosen:
                delete_position(session, uid, author=author, clock=clock)
        c.resolved_at, c.resolved_by = now, author
        result = {"conflict": c.id, "kept": take, "position": chosen}
    session.flush()
    return result


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
    if para is None or norm(para.text) != norm(anchor["text"]):
        raise Conflict(f"paragraph {anchor['ordinal']} of draft {anchor['draft'][:12]} "
                       "is not in this store")
    return para
