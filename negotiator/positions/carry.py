"""Carry-forward: where positions taken on earlier wordings stand in a later draft."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.domain.vocabulary import CarryState
from negotiator.positions.amendments import words_of
from negotiator.storage.models import (
    Draft,
    LineageMerge,
    Paragraph,
    Position,
)
from negotiator.text.normalise import same_wording


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
    # Deleted: the paragraph(s) of the lineage as they last stood, in the draft
    # before ``deleted_in`` (how the deletion is named, as a comparison names it).
    last_seen: tuple[int, ...] = ()
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
    # Only these lineages (see `lineages_reaching`): what one paragraph needs, so a
    # single edit costs what it touches, not the whole draft.
    lineages: frozenset[int] | None = None
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
        if self.lineages is not None:  # the others' paragraphs are not read: they cannot carry here
            q = q.join(Paragraph, Paragraph.id == Position.paragraph_id).where(*self._only_lineages())
        target = self.draft.order
        self.positions = [p for p in s.execute(q.order_by(Position.id))
                          if self.order_of_draft[p.draft_id] <= target]
        # Only the drafts a position was taken on, and those after: a draft of
        # 10,000 paragraphs costs 10 MiB more for each earlier one read.
        low = min((self.order_of_draft[p.draft_id] for p in self.positions), default=target)
        self.load(low)

    def load(self, low: int) -> None:
        """Read the paragraphs of drafts `low`..target and the merge links among them."""
        s = self.session
        self.low = low
        ids = [d.id for o, d in self.draft_of_order.items() if low <= o <= self.draft.order]
        self.paras = {}
        self.by_lineage: dict[tuple[int | None, int], list[Para]] = defaultdict(list)
        self.by_draft: dict[int, list[Para]] = defaultdict(list)
        rows = s.execute(select(
            Paragraph.id, Paragraph.draft_id, Paragraph.ordinal, Paragraph.number,
            Paragraph.kind, Paragraph.text, Paragraph.lineage_id, Paragraph.lineage_relation,
            Paragraph.brackets).where(Paragraph.draft_id.in_(ids), *self._only_lineages())
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
                                  .where(Paragraph.draft_id.in_(ids), *self._only_lineages())):
            p = self.paras[pid]
            self.merged_into[(lin, p.order)] = p
            self.merge_sources[pid].append(lin)

    def reach_back(self, order: int) -> None:
        """Read the paragraphs from draft `order` on too (anchors of statuses, notes)."""
        if order < self.low:
            self.load(order)

    def _only_lineages(self) -> list[Any]:
        if self.lineages is None:
            return []
        return [Paragraph.lineage_id.in_(sorted(self.lineages))]

    def resolve_anchor(self, anchor: Para) -> Resolution:
        """Follow the lineage of a paragraph from its draft to the target draft."""
        o0, target = anchor.order, self.draft.order
        if o0 == target:
            return Resolution(CarryState.CURRENT, (anchor.id,))
        if anchor.lineage is None:  # never linked: it cannot be followed
            later = min(o for o in self.draft_of_order if o > o0)
            return Resolution(CarryState.PARAGRAPH_DELETED, deleted_in=self.draft_of_order[later].id,
                              last_seen=(anchor.id,))
        siblings = self.by_lineage.get((anchor.lineage, o0), [anchor])
        # A position taken on one part of an earlier split follows that part: the
        # parts share a lineage, so the part is followed draft by draft.
        part: Para | None = anchor if len(siblings) > 1 and anchor in siblings else None
        lineage: int | None = anchor.lineage
        merged_from: tuple[int, ...] = ()
        split = False
        seen: tuple[int, ...] = (anchor.id,)
        for order in range(o0 + 1, target + 1):
            if order not in self.draft_of_order:
                continue
            ps = self.by_lineage.get((lineage, order), [])
            if not ps:
                into = self.merged_into.get((lineage, order)) if lineage is not None else None
                if into is None:
                    return Resolution(CarryState.PARAGRAPH_DELETED, deleted_in=self.draft_of_order[order].id,
                                      last_seen=seen)
                merged_from = self._merge_parts(into)
                lineage, part = into.lineage, None
                ps = self.by_lineage.get((lineage, order), [into])
            elif any(p.relation == "merged" and p.id in self.merge_sources for p in ps):
                merged_from = self._merge_parts(next(p for p in ps if p.id in self.merge_sources))
                part = None
            if part is not None:
                followed = _part_continued(part, siblings, ps)
                if followed is None:  # the chair dropped this part; another part goes on
                    return Resolution(CarryState.PARAGRAPH_DELETED, deleted_in=self.draft_of_order[order].id,
                                      last_seen=(part.id,))
                part, siblings = followed, ps
            if part is None and (len(ps) > 1 or any(p.relation == "split" for p in ps)):
                split = True
            seen = tuple(p.id for p in ps)
        finals = self.by_lineage.get((lineage, target), [])
        if merged_from:
            return Resolution(CarryState.MERGED, tuple(p.id for p in finals), merged_from=merged_from)
        if split and len(finals) > 1:
            return Resolution(CarryState.SPLIT, tuple(p.id for p in finals))
        if part is not None:
            finals = [part]
        if len(finals) > 1:
            return Resolution(CarryState.SPLIT, tuple(p.id for p in finals))
        # (Split in between and joined again: the wording decides.)
        unchanged = same_wording(finals[0].text, anchor.text)
        state = CarryState.CURRENT if unchanged else CarryState.NEEDS_REVIEW
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


# A part whose words are mostly in a paragraph of the next draft was joined
# into it; below this share it was dropped.
JOINED_MIN_SHARE = 0.5


def _similarity(a: Para, b: Para) -> float:
    return SequenceMatcher(None, words_of(a.text), words_of(b.text), autojunk=False).ratio()


def _part_continued(part: Para, parts: list[Para], following: list[Para]) -> Para | None:
    """The paragraph of the next draft that continues one part of a split (the
    lineage's paragraphs ``parts``), among that lineage's paragraphs there; None
    when the part was dropped."""
    if len(following) == len(parts):
        return following[parts.index(part)]
    # Each paragraph continues the part it resembles most.
    mine = [p for p in following if max(parts, key=lambda q: _similarity(q, p)) is part]
    if mine:  # rearranged, or split again: the most similar one
        return max(mine, key=lambda p: _similarity(part, p))
    words = set(words_of(part.text))
    share = max((len(words & set(words_of(p.text))) for p in following), default=0) / max(len(words), 1)
    if share >= JOINED_MIN_SHARE:  # joined with another part again
        return max(following, key=lambda p: len(words & set(words_of(p.text))))
    return None


def speaking_key(order: int, updated_at: dt.datetime, uid: str) -> tuple[int, dt.datetime, str]:
    """Which of an actor's positions on a paragraph speaks for it: the one taken on
    the latest draft (a part-specific one wins over one taken before a split), then
    the latest changed, then the larger uid so every store picks the same one."""
    return (order, updated_at, uid)


def speaking_positions(carry: CarryForward) -> dict[tuple[int, int], Any]:
    """(paragraph id, actor id) -> the position row that speaks for that actor there."""
    best: dict[tuple[int, int], tuple[tuple[int, dt.datetime, str], Any]] = {}
    for pos, res in carry.resolved():
        if res.state == CarryState.PARAGRAPH_DELETED:
            continue
        key = speaking_key(carry.order_of_draft[pos.draft_id], pos.updated_at, pos.uid)
        for t in res.targets:
            k = (t, pos.actor_id)
            if k not in best or key > best[k][0]:
                best[k] = (key, pos)
    return {k: pos for k, (_, pos) in best.items()}


def lineages_reaching(session: Session, paragraph_ids: Iterable[int]) -> frozenset[int]:
    """The lineages whose positions can carry onto these paragraphs: their own,
    and every lineage merged into them in any earlier draft, transitively."""
    found = {lin for lin in session.scalars(
        select(Paragraph.lineage_id).where(Paragraph.id.in_(sorted(paragraph_ids))))
        if lin is not None}
    frontier = set(found)
    while frontier:
        merged = set(session.scalars(
            select(LineageMerge.lineage_id).join(Paragraph, Paragraph.id == LineageMerge.paragraph_id)
            .where(Paragraph.lineage_id.in_(sorted(frontier)))))
        frontier = merged - found
        found |= frontier
    return frozenset(found)
