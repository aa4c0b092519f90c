"""Core operations, one per user action. Each takes a session that the caller
opened with ``Store.transaction()``, so each action is one transaction, and
returns plain values the command line and the client can show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from negotiator.domain.errors import Conflict, NotFound
from negotiator.drafts.comparison import footnotes_where_present
from negotiator.drafts.lineage import LineageRow, plan_lineages, previous_draft, store_merges
from negotiator.drafts.provenance import unconfirmed_note
from negotiator.drafts.references import ParagraphFacts, reference_labels
from negotiator.storage.locks import lock_negotiation
from negotiator.storage.models import Actor, Draft, Negotiation, Paragraph
from negotiator.text.importer import ParsedDraft
from negotiator.text.parse import front_matter


@dataclass(frozen=True)
class ImportResult:
    negotiation_id: int
    draft_id: int
    label: str
    paragraphs: int
    brackets: int
    warnings: list[str]


def create_negotiation(
    session: Session, title: str, forum: str, delegation: str | None = None
) -> Negotiation:
    """Start a negotiation; our delegation (if given) becomes its first actor."""
    title = title.strip()
    if not title:
        raise Conflict("a negotiation needs a title")
    if session.scalar(select(Negotiation.id).where(Negotiation.title == title)) is not None:
        raise Conflict(f"a negotiation titled '{title}' already exists")
    neg = Negotiation(title=title, forum=forum.strip(), delegation=delegation)
    session.add(neg)
    session.flush()
    if delegation:
        session.add(Actor(negotiation_id=neg.id, name=delegation, kind="state"))
    return neg


def find_negotiation(session: Session, name: str | int) -> Negotiation:
    """A negotiation by exact title, by id, or by a title prefix that names only one."""
    text = str(name).strip()
    neg = session.scalar(select(Negotiation).where(Negotiation.title == text))
    if neg is None and text.isdigit():
        neg = session.get(Negotiation, int(text))
    if neg is None:
        matches = session.scalars(
            select(Negotiation).where(func.lower(Negotiation.title).startswith(text.lower()))
        ).all()
        if len(matches) == 1:
            neg = matches[0]
        elif len(matches) > 1:
            titles = ", ".join(f"'{m.title}'" for m in matches)
            raise NotFound(f"'{text}' names several negotiations: {titles}")
    if neg is None:
        raise NotFound(f"no negotiation titled '{text}' (see `negotiator list`)")
    return neg


def find_draft(session: Session, negotiation: Negotiation, label: str) -> Draft:
    draft = session.scalar(
        select(Draft).where(Draft.negotiation_id == negotiation.id, Draft.label == label)
    )
    if draft is None:
        draft = session.scalar(
            select(Draft).where(
                Draft.negotiation_id == negotiation.id, func.lower(Draft.label) == label.lower()
            )
        )
    if draft is None:
        labels = session.scalars(
            select(Draft.label).where(Draft.negotiation_id == negotiation.id).order_by(Draft.order)
        ).all()
        known = ", ".join(labels) if labels else "none yet"
        raise NotFound(f"no draft '{label}' in '{negotiation.title}' (drafts: {known})")
    return draft


def import_draft(
    session: Session,
    negotiation: Negotiation,
    parsed: ParsedDraft,
    label: str,
    *,
    symbol: str | None = None,
    date: dt.date | None = None,
) -> ImportResult:
    """Store a parsed draft as the newest draft of a negotiation, with its paragraphs,
    link its paragraphs to their lineages, and store its comparison with the
    previous draft (made from the same alignment) for `diff`, the window and the brief.
    """
    label = label.strip()
    if not label:
        raise Conflict("a draft needs a label such as 'Rev.1'")
    lock_negotiation(session, negotiation.id)
    if session.scalar(
        select(Draft.id).where(Draft.negotiation_id == negotiation.id, Draft.label == label)
    ) is not None:
        raise Conflict(f"'{negotiation.title}' already has a draft labelled '{label}'")
    warnings = list(parsed.warnings)
    checksum = parsed.content_checksum
    same = session.scalar(
        select(Draft.label).where(
            Draft.negotiation_id == negotiation.id, Draft.content_checksum == checksum
        )
    )
    if same is not None:
        warnings.append(f"this text is identical to draft '{same}'")
    order = (
        session.scalar(select(func.max(Draft.order)).where(Draft.negotiation_id == negotiation.id))
        or 0
    ) + 1
    draft = Draft(
        negotiation_id=negotiation.id,
        label=label,
        symbol=symbol,
        date=date,
        order=order,
        source_name=parsed.source_name,
        source_checksum=parsed.source_checksum,
        content_checksum=checksum,
        warnings=warnings,
    )
    session.add(draft)
    session.flush()
    # Lineages first, so each paragraph is written once, with its lineage, in one
    # Core executemany (ten times faster than ORM objects on big drafts); the
    # alignment they come from also makes the comparison with the previous draft.
    # Imported here: commands that list need none of it.
    from negotiator.drafts import comparison_cache
    from negotiator.drafts.comparison import ComparedRow, comparison_from_links, comparison_rows

    paras = parsed.paragraphs
    previous = previous_draft(session, draft)
    previous_rows = comparison_rows(session, previous) if previous is not None else []
    plan = plan_lineages(session, draft, [LineageRow(None, p.number, p.text, None, p.footnotes) for p in paras],
                         {}, previous_rows)
    draft_id = draft.id
    # Core, not the ORM's bulk path: the rows are plain values, written once.
    session.connection().execute(
        insert(Paragraph),
        [
            {
                "draft_id": draft_id,
                "ordinal": i,
                "number": p.number,
                "level": p.level,
                "kind": p.kind,
                "section": p.section,
                "text": p.text,
                "brackets": p.brackets,
                "brackets_balanced": p.brackets_balanced,
                "footnotes": list(p.footnotes),
                "lineage_id": lid,
                "lineage_relation": rel,
            }
            for i, (p, lid, rel) in enumerate(zip(paras, plan.lineage, plan.relation, strict=True))
        ],
    )
    if plan.merges:
        ids = dict(session.execute(select(Paragraph.ordinal, Paragraph.id)
                                   .where(Paragraph.draft_id == draft_id)).all())
        store_merges(session, [ids[i] for i in range(len(paras))], plan.merges)
    if previous is not None:
        rows = [ComparedRow(None, i, p.number, p.text, p.brackets, lid, p.level, p.kind, p.section,
                            p.footnotes)
                for i, (p, lid) in enumerate(zip(paras, plan.lineage, strict=True))]
        result = comparison_from_links(previous.label, label, previous_rows, rows, plan.links, plan.texts)
        key = comparison_cache.cache_key(  # the lineages just planned: no second read
            session, previous, draft, ([r.lineage_id for r in previous_rows], plan.lineage))
        comparison_cache.store(session, previous, draft, result, key)  # for `diff`, the window, the brief
    return ImportResult(
        negotiation.id,
        draft.id,
        label,
        len(parsed.paragraphs),
        sum(p.brackets for p in parsed.paragraphs),
        warnings,
    )


@dataclass(frozen=True)
class NegotiationSummary:
    id: int
    title: str
    forum: str
    delegation: str | None
    drafts: int


@dataclass(frozen=True)
class DraftSummary:
    id: int
    label: str
    symbol: str | None
    date: dt.date | None
    order: int
    source: str | None
    checksum: str
    paragraphs: int
    brackets: int
    warnings: tuple[str, ...]
    brought_by: str | None = None  # the colleague whose package brought it
    unconfirmed: str | None = None  # "from anna's package, not confirmed", until a user confirms it


@dataclass(frozen=True, slots=True)  # a brief holds two drafts' worth
class ParagraphView:
    """A stored paragraph as every face shows it; ``reference`` is how a user names it."""

    index: int
    id: int
    number: str | None
    reference: str
    level: int
    kind: str
    section: str | None
    text: str
    brackets: int
    brackets_balanced: bool
    footnotes: tuple[str, ...]
    lineage: int | None


def list_negotiations(session: Session) -> list[NegotiationSummary]:
    rows = session.execute(
        select(Negotiation, func.count(Draft.id))
        .outerjoin(Draft, Draft.negotiation_id == Negotiation.id)
        .group_by(Negotiation.id)
        .order_by(Negotiation.id)
    ).all()
    return [NegotiationSummary(n.id, n.title, n.forum, n.delegation, count) for n, count in rows]


def list_drafts(session: Session, negotiation: Negotiation) -> list[DraftSummary]:
    rows = session.execute(
        select(Draft, func.count(Paragraph.id), func.coalesce(func.sum(Paragraph.brackets), 0))
        .outerjoin(Paragraph, Paragraph.draft_id == Draft.id)
        .where(Draft.negotiation_id == negotiation.id)
        .group_by(Draft.id)
        .order_by(Draft.order)
    ).all()
    return [
        DraftSummary(d.id, d.label, d.symbol, d.date, d.order, d.source_name, d.content_checksum,
                     count, int(brackets), tuple(d.warnings or ()), d.brought_by,
                     unconfirmed_note(d.brought_by, d.confirmed_at))
        for d, count, brackets in rows
    ]


def paragraph_rows(session: Session, draft_id: int, *, footnotes: bool = False) -> list[Any]:
    """A draft's paragraphs as plain rows in document order: (index, id, number,
    level, kind, section, text, brackets, brackets_balanced, lineage, footnotes).

    The desktop table reads 10,000 of these when a draft is selected; decoding
    every row's footnotes (a JSON column) would double the time, so unless
    ``footnotes`` asks for them all, a paragraph without any gets None.
    """
    columns: list[Any] = [
        Paragraph.ordinal, Paragraph.id, Paragraph.number, Paragraph.level, Paragraph.kind,
        Paragraph.section, Paragraph.text, Paragraph.brackets, Paragraph.brackets_balanced,
        Paragraph.lineage_id, Paragraph.footnotes if footnotes else footnotes_where_present(),
    ]
    query = select(*columns).where(Paragraph.draft_id == draft_id).order_by(Paragraph.ordinal)
    return list(session.execute(query).all())


def front_matter_ordinals(session: Session, draft_id: int) -> set[int]:
    """The places of a stored draft's apparatus above its first heading
    (``parse.front_matter``), read without the rest of the draft."""
    first_heading = session.scalar(select(func.min(Paragraph.ordinal)).where(
        Paragraph.draft_id == draft_id, Paragraph.kind == "heading"))
    if first_heading is None:
        return set()
    above = session.execute(select(Paragraph.ordinal, Paragraph.number, Paragraph.kind,
                                   Paragraph.text).where(
        Paragraph.draft_id == draft_id, Paragraph.ordinal <= first_heading)
        .order_by(Paragraph.ordinal)).all()
    return {above[k].ordinal for k in front_matter(above)}


def draft_paragraphs(session: Session, draft: Draft) -> list[ParagraphView]:
    """The paragraphs of a draft in document order, each with its reference label."""
    rows = paragraph_rows(session, draft.id, footnotes=True)
    labels = reference_labels([ParagraphFacts(r.number, r.level, r.kind, r.section, r.text)
                               for r in rows])
    return [
        ParagraphView(index, id_, number, labels[index], level, kind, section, text, brackets,
                      bool(balanced), tuple(notes or ()), lineage)
        for index, id_, number, level, kind, section, text, brackets, balanced, lineage, notes
        in rows
    ]


def next_label(session: Session, negotiation_id: int | None) -> str:
    """A label for the next draft: 'Zero draft', then 'Rev.1', 'Rev.2', ..."""
    neg = session.get(Negotiation, negotiation_id) if negotiation_id is not None else None
    count = len(neg.drafts) if neg is not None else 0
    return "Zero draft" if count == 0 else f"Rev.{count}"


@dataclass(frozen=True)
class NewNegotiation:
    title: str
    forum: str
    delegation: str | None = None


def import_into(session: Session, parsed: ParsedDraft, label: str, *,
                negotiation_id: int | None = None, new_negotiation: NewNegotiation | None = None,
                symbol: str | None = None, date: dt.date | None = None) -> ImportResult:
    """Store a previewed draft in a negotiation, or in a new one created with it."""
    if new_negotiation is not None:
        neg = create_negotiation(session, new_negotiation.title, new_negotiation.forum,
                                 new_negotiation.delegation)
    else:
        found = session.get(Negotiation, negotiation_id) if negotiation_id is not None else None
        if found is None:
            raise NotFound("choose the negotiation this draft belongs to")
        neg = found
    # The window runs this in the background and shows the comparison with the
    # previous draft next: made here from the lineages' alignment, it is read, not redone.
    return import_draft(session, neg, parsed, label, symbol=symbol or None, date=date)


def set_classification(session: Session, negotiation: Negotiation, text: str | None) -> str | None:
    """Set (or with None/'' remove) the marking every export of a negotiation
    carries by default ("RESTRICTED", "EU LIMITED").

    Raises:
        Conflict: longer than 200 characters or holding control characters.
    """
    value = (text or "").strip() or None
    if value is not None and (len(value) > 200 or any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0
                                                      for c in value)):
        raise Conflict("a classification is one line of at most 200 characters")
    negotiation.classification = value
    session.flush()
    return value
