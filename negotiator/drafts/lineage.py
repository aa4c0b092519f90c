"""Paragraph lineages: the same logical paragraph across drafts.

On import a new draft is aligned to the latest earlier draft of its
negotiation and its paragraphs continue their sources' lineages: a split gives
every part the source's lineage (relation "split"); a merge keeps the first
source's lineage (relation "merged") and records the others in LineageMerge;
anything else new starts a lineage. A user's correction (LineageOverride) wins
over the aligner, now and whenever lineages are assigned again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from negotiator.domain.errors import Conflict, NotFound
from negotiator.domain.vocabulary import ChangeKind
from negotiator.drafts.comparison import compared_texts, footnotes_where_present
from negotiator.drafts.references import draft_references, find_by_reference, in_another_draft
from negotiator.storage.models import (
    Draft,
    Lineage,
    LineageMerge,
    LineageOverride,
    Paragraph,
)
from negotiator.storage.store import chunks

if TYPE_CHECKING:
    from negotiator.diff.align import Link


@dataclass(frozen=True)
class LinkChange:
    """What a link correction changed, for the views and for positions to follow."""

    paragraph_id: int
    old_lineage_id: int | None
    new_lineage_id: int | None
    drafts_relinked: tuple[int, ...]


@dataclass(frozen=True)
class LineageRow:
    id: int | None  # None: not stored yet
    number: str | None
    text: str
    lineage_id: int | None
    footnotes: Sequence[str] | None = None  # they are compared too (``compared_text``)


def _rows(session: Session, draft_id: int) -> list[LineageRow]:
    result = session.execute(
        select(Paragraph.id, Paragraph.number, Paragraph.text, Paragraph.lineage_id,
               footnotes_where_present())
        .where(Paragraph.draft_id == draft_id)
        .order_by(Paragraph.ordinal)
    ).all()
    return [LineageRow(*r) for r in result]


def previous_draft(session: Session, draft: Draft) -> Draft | None:
    """The latest draft of the same negotiation that came before ``draft``."""
    return session.scalar(
        select(Draft)
        .where(Draft.negotiation_id == draft.negotiation_id, Draft.order < draft.order)
        .order_by(Draft.order.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class LineagePlan:
    """The lineage of each paragraph of a draft (by place), how it continues it,
    and the further lineages merged paragraphs continue (place, lineage id)."""

    lineage: list[int]
    relation: list[str | None]
    merges: list[tuple[int, int]]
    links: list[Link]  # the alignment to the previous draft it was made from
    # The compared texts (``compared_texts``) that alignment read, previous
    # draft's then this one's: the comparison made from the links reads them too.
    texts: tuple[list[str], list[str]] = ([], [])


def plan_lineages(session: Session, draft: Draft, rows: Sequence[LineageRow],
                  overrides: dict[int, int | None],
                  previous_rows: Sequence[Any] | None = None) -> LineagePlan:
    """Each paragraph's lineage from its alignment to the previous draft, with the
    user's corrections (``overrides``: paragraph id -> source paragraph id or
    None) winning; lineages that start here are allocated now.

    ``rows`` may be paragraphs not stored yet (ids None, no overrides): an
    import then writes each paragraph once, with its lineage.
    ``previous_rows``: the previous draft's paragraphs if the caller read them
    already (anything with ``LineageRow``'s fields, in order).
    """
    lineage: list[int | None] = [None] * len(rows)
    relation: list[str | None] = [None] * len(rows)
    merges: list[tuple[int, int]] = []
    from negotiator.diff.align import Para, align  # commands that only read need no aligning

    links: list[Link] = []
    texts: tuple[list[str], list[str]] = ([], [])
    if previous_rows is not None:
        prev_rows: Sequence[Any] = previous_rows
    else:
        prev = previous_draft(session, draft)
        prev_rows = _rows(session, prev.id) if prev is not None else []
    prev_pos = {r.id: k for k, r in enumerate(prev_rows)}
    if prev_rows:
        anchors = [(prev_pos[src], j) for j, r in enumerate(rows)
                   if r.id is not None and (src := overrides.get(r.id)) is not None and src in prev_pos]
        unlinked = [j for j, r in enumerate(rows)
                    if r.id in overrides and overrides[r.id] not in prev_pos]
        texts = (compared_texts(prev_rows), compared_texts(rows))
        links = align(
            [Para(r.number, t) for r, t in zip(prev_rows, texts[0], strict=True)],
            [Para(r.number, t) for r, t in zip(rows, texts[1], strict=True)],
            anchors,
            unlinked_b=unlinked,
        )
        for link in links:
            if not link.old or not link.new:
                continue
            first = prev_rows[link.old[0]].lineage_id
            if ChangeKind.SPLIT in link.status:
                for j in link.new:
                    lineage[j], relation[j] = first, ChangeKind.SPLIT
            elif ChangeKind.MERGED in link.status:
                j = link.new[0]
                lineage[j], relation[j] = first, ChangeKind.MERGED
                for i in link.old[1:]:
                    other = prev_rows[i].lineage_id
                    if other is not None and other != first:
                        merges.append((j, other))
            else:
                lineage[link.new[0]] = first
    # Corrections pointing further back than the previous draft.
    far = [src for r in rows
           if r.id is not None and (src := overrides.get(r.id)) is not None and src not in prev_pos]
    far_lineage = {
        pid: lid
        for part in chunks(far)
        for pid, lid in session.execute(
            select(Paragraph.id, Paragraph.lineage_id).where(Paragraph.id.in_(part))).all()
    }
    for j, r in enumerate(rows):
        if r.id is not None and r.id in overrides:
            src = overrides[r.id]
            if src is None:
                lineage[j], relation[j] = None, None
            elif src not in prev_pos:
                lineage[j], relation[j] = far_lineage.get(src), None
    # Several paragraphs continuing one lineage (a correction can make that) are parts.
    counts = Counter(x for x in lineage if x is not None)
    for j, x in enumerate(lineage):
        if x is not None and counts[x] > 1 and relation[j] is None:
            relation[j] = ChangeKind.SPLIT
    # New lineages: keep the one a paragraph already started, if nobody else uses it.
    used_before: set[int] = set()
    if any(r.lineage_id is not None for r in rows):
        used_before = {
            lineage_id for lineage_id in session.scalars(
                select(Paragraph.lineage_id)
                .join(Draft, Draft.id == Paragraph.draft_id)
                .where(Draft.negotiation_id == draft.negotiation_id, Draft.order < draft.order,
                       Paragraph.lineage_id.is_not(None))
                .distinct()
            ) if lineage_id is not None
        }
    claimed = set(counts)
    need_new: list[int] = []
    for j, r in enumerate(rows):
        if lineage[j] is None:
            own = r.lineage_id
            if own is not None and own not in used_before and own not in claimed:
                lineage[j] = own
                claimed.add(own)
            else:
                need_new.append(j)
    if need_new:
        new_ids = session.scalars(
            insert(Lineage).returning(Lineage.id, sort_by_parameter_order=True),
            [{"negotiation_id": draft.negotiation_id} for _ in need_new],
        ).all()
        for j, lid in zip(need_new, new_ids, strict=True):
            lineage[j] = lid
    return LineagePlan(lineage, relation, merges, links, texts)  # type: ignore[arg-type]


def store_merges(session: Session, paragraph_ids: list[int], merges: list[tuple[int, int]]) -> None:
    """Record the further lineages of merged paragraphs (``merges``: place, lineage)."""
    if merges:
        session.execute(
            insert(LineageMerge),
            [{"paragraph_id": paragraph_ids[j], "lineage_id": lid}
             for j, lid in dict.fromkeys(merges)],
        )


def assign_lineages(session: Session, draft: Draft) -> None:
    """Set the lineage of every paragraph of ``draft`` from its alignment to the
    previous draft, with the user's corrections winning.

    Safe to run again (after a correction upstream): a paragraph that starts a
    lineage keeps the lineage id it already had, so what hangs on it stays.

    Args:
        session: The caller's transaction.
        draft: A stored draft whose paragraphs are in the store.
    """
    rows = _rows(session, draft.id)
    if not rows:
        return
    ids = [r.id for r in rows if r.id is not None]  # stored rows: every one has an id
    overrides = {
        pid: src
        for part in chunks(ids)
        for pid, src in session.execute(
            select(LineageOverride.paragraph_id, LineageOverride.source_paragraph_id)
            .where(LineageOverride.paragraph_id.in_(part))
        ).all()
    }
    plan = plan_lineages(session, draft, rows, overrides)
    session.execute(update(Paragraph), [
        {"id": r.id, "lineage_id": plan.lineage[j], "lineage_relation": plan.relation[j]}
        for j, r in enumerate(rows)
    ])
    for part in chunks(ids):
        session.execute(delete(LineageMerge).where(LineageMerge.paragraph_id.in_(part)))
    store_merges(session, ids, plan.merges)


def correct_link(
    session: Session,
    paragraph: Paragraph,
    source_paragraph: Paragraph | None,
    author: str | None = None,
) -> LinkChange:
    """Record that ``paragraph`` continues ``source_paragraph`` (or, with None,
    starts a lineage of its own), and re-derive lineages from its draft onward.

    Args:
        session: The caller's transaction.
        paragraph: The paragraph whose link is corrected.
        source_paragraph: A paragraph of an earlier draft of the same
            negotiation, or None to cut the link.
        author: Who made the correction (kept with it).

    Returns:
        The paragraph's lineage before and after, and the drafts re-linked.

    Raises:
        Conflict: the source is not in an earlier draft of the same negotiation.
    """
    draft = paragraph.draft
    if source_paragraph is not None:
        src_draft = source_paragraph.draft
        if src_draft.negotiation_id != draft.negotiation_id:
            raise Conflict("the source paragraph belongs to another negotiation")
        if src_draft.order >= draft.order:
            raise Conflict(
                f"a paragraph of '{draft.label}' can only continue a paragraph of an earlier "
                f"draft ('{src_draft.label}' is not earlier)"
            )
    old_lineage = paragraph.lineage_id
    session.execute(delete(LineageOverride).where(LineageOverride.paragraph_id == paragraph.id))
    session.execute(
        insert(LineageOverride),
        [{
            "paragraph_id": paragraph.id,
            "source_paragraph_id": source_paragraph.id if source_paragraph is not None else None,
            "author": author,
        }],
    )
    return _relink_from(session, paragraph, old_lineage)


def reset_link(session: Session, paragraph: Paragraph) -> LinkChange:
    """Drop the user's correction of ``paragraph``'s link: the aligner decides again."""
    old_lineage = paragraph.lineage_id
    session.execute(delete(LineageOverride).where(LineageOverride.paragraph_id == paragraph.id))
    return _relink_from(session, paragraph, old_lineage)


def _relink_from(session: Session, paragraph: Paragraph, old_lineage: int | None) -> LinkChange:
    """Re-derive lineages of the paragraph's draft and every later one."""
    draft = paragraph.draft
    later = session.scalars(
        select(Draft)
        .where(Draft.negotiation_id == draft.negotiation_id, Draft.order >= draft.order)
        .order_by(Draft.order)
    ).all()
    from negotiator.drafts.comparison_cache import forget  # loaded with corrections only

    for d in later:
        assign_lineages(session, d)
    forget(session, [d.id for d in later])
    session.flush()
    session.expire_all()
    new_lineage = session.scalar(select(Paragraph.lineage_id).where(Paragraph.id == paragraph.id))
    return LinkChange(paragraph.id, old_lineage, new_lineage, tuple(d.id for d in later))


def link_override(session: Session, paragraph_id: int) -> tuple[bool, int | None]:
    """Whether a user corrected this paragraph's link, and the source paragraph it
    was linked to (None: declared new)."""
    row = session.execute(select(LineageOverride.source_paragraph_id)
                          .where(LineageOverride.paragraph_id == paragraph_id)).first()
    return (False, None) if row is None else (True, row[0])


def find_paragraph(session: Session, draft: Draft, ref: str) -> Paragraph:
    """A paragraph of a draft by the reference a user reads anywhere ("OP 12 bis",
    "PP 3", "OP 6 (a)"), by its bare number ("12 bis"), or by "#INDEX"; a
    paragraph deleted since, by the name it is printed with ("PP 2 of Rev.1",
    « PP 2 de Rev.1 »), is the one of the draft named.

    Raises:
        NotFound: no such paragraph, or a number that several paragraphs carry.
    """
    numbers = session.scalars(select(Paragraph.number).where(Paragraph.draft_id == draft.id)
                              .order_by(Paragraph.ordinal)).all()
    try:
        index = find_by_reference(ref, draft_references(session, draft.id), numbers,
                                  f"'{draft.label}'")
    except NotFound:
        # "PP 2 of D1": a deleted paragraph as it is printed, found where it stood.
        named = in_another_draft(ref)
        if named is None:
            raise
        inner, label = named
        other = session.scalar(select(Draft).where(Draft.negotiation_id == draft.negotiation_id,
                                                   Draft.label == label))
        if other is None or other.id == draft.id:
            raise
        return find_paragraph(session, other, inner)
    paragraph = session.scalar(select(Paragraph).where(Paragraph.draft_id == draft.id,
                                                       Paragraph.ordinal == index))
    assert paragraph is not None
    return paragraph


def relink(session: Session, paragraph_id: int, source: int | None | str,
           author: str | None) -> LinkChange | None:
    """A user's link correction by ids: link a paragraph to a paragraph of the
    previous draft (an id), declare it new (None), or hand the decision back to
    the aligner ("automatic"); later drafts follow."""
    paragraph = session.get(Paragraph, paragraph_id)
    if paragraph is None:
        raise NotFound(f"paragraph {paragraph_id} no longer exists")
    if source == "automatic":
        return reset_link(session, paragraph)
    target = session.get(Paragraph, source) if isinstance(source, int) else None
    if isinstance(source, int) and target is None:
        raise NotFound(f"paragraph {source} no longer exists")
    return correct_link(session, paragraph, target, author)
