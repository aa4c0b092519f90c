"""Thin wrappers between the window and the core: one function per user action.

Each opens its own ``store.transaction()`` (so it may run on a worker thread,
see ``ui.tasks``), calls ``negotiator`` functions, and returns plain values:
ids, strings, frozen dataclasses and dicts. No Qt and no SQL here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from negotiator import importer, ops
from negotiator.importer import ParsedDraft
from negotiator.models import Draft, Negotiation
from negotiator.store import Store

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DraftInfo:
    id: int
    negotiation_id: int
    label: str
    symbol: str | None
    date: str | None
    order: int
    paragraphs: int
    brackets: int


@dataclass(frozen=True)
class NegotiationInfo:
    id: int
    title: str
    forum: str
    delegation: str | None
    drafts: tuple[DraftInfo, ...]


@dataclass(frozen=True)
class ParagraphRow:
    """One paragraph of a draft as the table shows it (from `show --json`)."""

    id: int
    index: int
    number: str | None
    level: int
    kind: str
    section: str | None
    text: str
    brackets: int
    brackets_balanced: bool
    lineage: int | None


@dataclass(frozen=True)
class Change:
    """How a paragraph of the new draft relates to the previous draft."""

    status: tuple[str, ...]
    ops: tuple[tuple[str, str], ...] = ()
    from_indexes: tuple[int, ...] = ()
    salient: tuple[str, ...] = ()


@dataclass(frozen=True)
class PositionSummary:
    """Our and the EU's stance on one paragraph, and its signals."""

    national: str | None = None
    eu: str | None = None
    needs_review: bool = False
    red_line: bool = False
    divergent: bool = False
    no_instructions: bool = False
    others: tuple[tuple[str, str], ...] = field(default=())


@dataclass(frozen=True)
class ChartPoint:
    label: str
    brackets: int
    changed: int | None
    needs_review: int | None


def load_tree(store: Store) -> list[NegotiationInfo]:
    """Every negotiation with its drafts, in order."""
    out: list[NegotiationInfo] = []
    with store.transaction() as s:
        for n in ops.list_negotiations(s):
            neg = s.get(Negotiation, n["id"])
            assert neg is not None
            drafts = tuple(
                DraftInfo(d["id"], n["id"], d["label"], d["symbol"], d["date"], d["order"],
                          d["paragraphs"], d["brackets"])
                for d in ops.list_drafts(s, neg)
            )
            out.append(NegotiationInfo(n["id"], n["title"], n["forum"], n["delegation"], drafts))
    return out


def store_is_empty(store: Store) -> bool:
    with store.transaction() as s:
        return not ops.list_negotiations(s)


def _draft(s: Any, draft_id: int) -> Draft:
    from negotiator.errors import NotFound

    draft = s.get(Draft, draft_id)
    if draft is None:
        raise NotFound(f"draft {draft_id} no longer exists")
    return draft


def load_paragraphs(store: Store, draft_id: int) -> list[ParagraphRow]:
    """The paragraphs of a draft in document order."""
    with store.transaction() as s:
        rows = ops.draft_paragraphs(s, _draft(s, draft_id))
    return [
        ParagraphRow(r["id"], r["index"], r["number"], r["level"], r["kind"], r["section"],
                     r["text"], r["brackets"], r["brackets_balanced"], r["lineage"])
        for r in rows
    ]


def previous_draft_id(store: Store, draft_id: int) -> int | None:
    """The draft just before this one in its negotiation, if any."""
    with store.transaction() as s:
        draft = _draft(s, draft_id)
        drafts = ops.list_drafts(s, draft.negotiation)
    earlier = [d for d in drafts if d["order"] < draft.order]
    return earlier[-1]["id"] if earlier else None


def compare(store: Store, from_id: int, to_id: int) -> dict[str, Any]:
    """The `negotiator diff --json` structure for two drafts of one negotiation."""
    from negotiator.compare import compare_drafts

    with store.transaction() as s:
        return compare_drafts(s, _draft(s, from_id), _draft(s, to_id))


def changes_from_comparison(result: dict[str, Any]) -> dict[int, Change]:
    """Per paragraph index of the newer draft, its change; deleted ones are left out."""
    out: dict[int, Change] = {}
    for entry in result["paragraphs"]:
        status = entry["status"]
        statuses = tuple(status) if isinstance(status, list) else (status,)
        change = Change(
            statuses,
            tuple((op, text) for op, text in entry.get("ops", ())),
            tuple(entry.get("from", ())),
            tuple(salient_text(x) for x in entry.get("salient", ())),
        )
        for index in entry.get("to", ()):
            out[index] = change
    return out


def load_changes(store: Store, draft_id: int) -> dict[int, Change] | None:
    """Changes of a draft against the previous one; None for a first draft."""
    previous = previous_draft_id(store, draft_id)
    if previous is None:
        return None
    return changes_from_comparison(compare(store, previous, draft_id))


def positions_available() -> bool:
    try:
        import negotiator.positions  # noqa: F401
    except ImportError:
        return False
    return True


def load_position_summaries(store: Store, draft_id: int) -> dict[int, PositionSummary]:
    """Stances and signals per paragraph index (empty until positions exist)."""
    if not positions_available():
        return {}
    return {}


def read_file(path: str | Path) -> ParsedDraft:
    """Parse a file for the import preview; nothing is stored."""
    return importer.read_file(path)


def read_text(text: str, name: str = "clipboard.txt") -> ParsedDraft:
    """Parse pasted text for the import preview; nothing is stored."""
    return importer.read_bytes(text.encode("utf-8"), name)


@dataclass(frozen=True)
class NewNegotiation:
    title: str
    forum: str
    delegation: str | None = None


def import_parsed(
    store: Store,
    parsed: ParsedDraft,
    label: str,
    *,
    negotiation_id: int | None = None,
    new_negotiation: NewNegotiation | None = None,
    symbol: str | None = None,
    date: dt.date | None = None,
) -> ops.ImportResult:
    """Store a previewed draft (and, if asked, a new negotiation) in one transaction."""
    from negotiator.errors import NotFound

    with store.transaction() as s:
        if new_negotiation is not None:
            neg = ops.create_negotiation(
                s, new_negotiation.title, new_negotiation.forum, new_negotiation.delegation
            )
        else:
            found = s.get(Negotiation, negotiation_id) if negotiation_id is not None else None
            if found is None:
                raise NotFound("choose the negotiation this draft belongs to")
            neg = found
        return ops.import_draft(s, neg, parsed, label, symbol=symbol or None, date=date)


def suggest_label(store: Store, negotiation_id: int | None) -> str:
    """A label for the next draft: 'Zero draft', then 'Rev.1', 'Rev.2', ..."""
    if negotiation_id is None:
        return "Zero draft"
    with store.transaction() as s:
        neg = s.get(Negotiation, negotiation_id)
        count = len(ops.list_drafts(s, neg)) if neg is not None else 0
    return "Zero draft" if count == 0 else f"Rev.{count}"


def chart_points(store: Store, negotiation_id: int, progress: Progress | None = None) -> list[ChartPoint]:
    """Per draft: brackets remaining, paragraphs changed since the previous draft,
    positions needing review."""
    with store.transaction() as s:
        neg = s.get(Negotiation, negotiation_id)
        drafts = ops.list_drafts(s, neg) if neg is not None else []
    points: list[ChartPoint] = []
    for i, d in enumerate(drafts):
        changed: int | None = None
        if i > 0:
            try:
                result = compare(store, drafts[i - 1]["id"], d["id"])
            except ImportError:
                result = None
            if result is not None:
                changed = sum(
                    1 for e in result["paragraphs"]
                    if set(_statuses(e["status"])) - {"unchanged", "renumbered"}
                )
        review = None
        summaries = load_position_summaries(store, d["id"])
        if summaries:
            review = sum(1 for p in summaries.values() if p.needs_review)
        points.append(ChartPoint(d["label"], d["brackets"], changed, review))
        if progress is not None:
            progress(i + 1, len(drafts))
    return points


def salient_text(item: Any) -> str:
    """A salient change as a reader says it: "shall → should"."""
    if isinstance(item, dict):
        if item.get("from") is not None and item.get("to") is not None:
            return f"{item['from']} → {item['to']}"
        return str(item.get("description", item))
    return str(item).replace(" -> ", " → ")


def _statuses(status: str | list[str]) -> tuple[str, ...]:
    return tuple(status) if isinstance(status, list) else (status,)


def demo_available() -> bool:
    try:
        import negotiator.demo  # noqa: F401
    except ImportError:
        return False
    return True


def load_demo(store: Store) -> None:
    """Load the fictional demo negotiation into a store."""
    from negotiator.demo import load_demo as core_load_demo

    core_load_demo(store)


@dataclass(frozen=True)
class DiffEntry:
    """One aligned row of a comparison, with the paragraph numbers of both drafts."""

    status: tuple[str, ...]
    from_indexes: tuple[int, ...]
    to_indexes: tuple[int, ...]
    from_numbers: tuple[str, ...]
    to_numbers: tuple[str, ...]
    ops: tuple[tuple[str, str], ...]
    salient: tuple[str, ...]
    has_position: bool = False
    red_line: bool = False
    newly_agreed: bool = False

    @property
    def changed(self) -> bool:
        return bool(set(self.status) - {"unchanged"})


@dataclass(frozen=True)
class DiffData:
    from_id: int
    to_id: int
    from_label: str
    to_label: str
    summary: dict[str, Any]
    entries: tuple[DiffEntry, ...]


def spoken_numbers(paragraphs: list[dict[str, Any]]) -> list[str]:
    """Numbers as delegates say them: the printed number, or "PP3" for the third
    (unnumbered) preambular paragraph."""
    out: list[str] = []
    preambular = 0
    for p in paragraphs:
        if p["kind"] == "preambular":
            preambular += 1
        out.append(p["number"] or (f"PP{preambular}" if p["kind"] == "preambular" else ""))
    return out


def load_diff(store: Store, from_id: int, to_id: int, progress: Progress | None = None) -> DiffData:
    """Compare two drafts and attach paragraph numbers and our positions to each row."""
    with store.transaction() as s:
        a, b = _draft(s, from_id), _draft(s, to_id)
        if a.negotiation_id != b.negotiation_id:
            from negotiator.errors import Conflict

            raise Conflict("both drafts must belong to the same negotiation")
        from_label, to_label = a.label, b.label
        numbers_a = spoken_numbers(ops.draft_paragraphs(s, a))
        numbers_b = spoken_numbers(ops.draft_paragraphs(s, b))
    if progress is not None:
        progress(1, 3)
    result = compare(store, from_id, to_id)
    if progress is not None:
        progress(2, 3)
    summaries = load_position_summaries(store, to_id)
    entries = []
    for e in result["paragraphs"]:
        to_idx = tuple(e.get("to", ()))
        from_idx = tuple(e.get("from", ()))
        marks = [summaries[i] for i in to_idx if i in summaries]
        entries.append(
            DiffEntry(
                _statuses(e["status"]),
                from_idx,
                to_idx,
                tuple(numbers_a[i] for i in from_idx if 0 <= i < len(numbers_a)),
                tuple(numbers_b[i] for i in to_idx if 0 <= i < len(numbers_b)),
                tuple((op, text) for op, text in e.get("ops", ())),
                tuple(salient_text(x) for x in e.get("salient", ())),
                has_position=any(m.national or m.eu for m in marks),
                red_line=any(m.red_line for m in marks),
                newly_agreed=e.get("brackets_from", 0) > 0 and e.get("brackets_to", 0) == 0
                and bool(to_idx),
            )
        )
    if progress is not None:
        progress(3, 3)
    return DiffData(from_id, to_id, from_label, to_label, dict(result["summary"]), tuple(entries))
