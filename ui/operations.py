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
from typing import Any, NamedTuple

from negotiator.text import importer
from negotiator.drafts import negotiations
from negotiator.text.importer import ParsedDraft
from negotiator.storage.models import Draft, Negotiation
from negotiator.storage.store import Store

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
    # The colleague whose package brought it, until a user confirms it.
    unconfirmed_from: str | None = None


@dataclass(frozen=True)
class NegotiationInfo:
    id: int
    title: str
    forum: str
    delegation: str | None
    drafts: tuple[DraftInfo, ...]


class ParagraphRow(NamedTuple):
    """One paragraph of a draft as the table shows it (a tuple: 10,000 are
    made each time a draft is selected)."""

    index: int
    id: int
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
    top_matter: bool = False  # only the document symbol and date changed

    @property
    def changed(self) -> bool:
        return is_change(self.status, self.top_matter)


def is_change(status: tuple[str, ...], top_matter: bool = False) -> bool:
    """Words or place changed: renumbering alone, or a new symbol and date, is not a change."""
    return not top_matter and bool(set(status) - {"unchanged", "renumbered"})


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
    agreement: str | None = None  # "agreed_ad_ref" or "agreed"


@dataclass(frozen=True)
class ChartPoint:
    label: str
    brackets: int
    changed: int | None
    needs_review: int | None


def load_tree(store: Store) -> list[NegotiationInfo]:
    """Every negotiation with its drafts, in order."""
    out: list[NegotiationInfo] = []
    with store.transaction(read_only=True) as s:
        for n in negotiations.list_negotiations(s):
            neg = s.get(Negotiation, n["id"])
            assert neg is not None
            drafts = tuple(
                DraftInfo(d["id"], n["id"], d["label"], d["symbol"], d["date"], d["order"],
                          d["paragraphs"], d["brackets"], d["brought_by"] if d["unconfirmed"] else None)
                for d in negotiations.list_drafts(s, neg)
            )
            out.append(NegotiationInfo(n["id"], n["title"], n["forum"], n["delegation"], drafts))
    return out


def store_is_empty(store: Store) -> bool:
    with store.transaction(read_only=True) as s:
        return not negotiations.list_negotiations(s)


def _draft(s: Any, draft_id: int) -> Draft:
    from negotiator.domain.errors import NotFound

    draft = s.get(Draft, draft_id)
    if draft is None:
        raise NotFound(f"draft {draft_id} no longer exists")
    return draft


def load_paragraphs(store: Store, draft_id: int) -> list[ParagraphRow]:
    """The paragraphs of a draft in document order."""
    with store.transaction(read_only=True) as s:
        _draft(s, draft_id)
        return list(map(ParagraphRow._make, negotiations.paragraph_rows(s, draft_id)))


def previous_draft_id(store: Store, draft_id: int) -> int | None:
    """The draft just before this one in its negotiation, if any."""
    from negotiator.drafts.lineage import previous_draft

    with store.transaction(read_only=True) as s:
        previous = previous_draft(s, _draft(s, draft_id))
        return previous.id if previous is not None else None


def compare(store: Store, from_id: int, to_id: int) -> dict[str, Any]:
    """The `negotiator diff --json` structure for two drafts of one negotiation."""
    from negotiator.drafts.comparison import compare_drafts

    with store.transaction(read_only=True) as s:
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
            bool(entry.get("top_matter")),
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
        import negotiator.positions.core  # noqa: F401
    except ImportError:
        return False
    return True


# Carry-forward states that ask the delegation to look at its position again.
REVIEW_STATES = frozenset({"needs_review", "split", "merged", "paragraph_deleted"})


def _is_eu(name: str) -> bool:
    from negotiator.positions.core import EU_NAMES

    return name.strip().lower() in EU_NAMES


def load_position_summaries(store: Store, draft_id: int) -> dict[int, PositionSummary]:
    """Stances and signals per paragraph index of a draft."""
    if not positions_available():
        return {}
    from negotiator.positions import core as positions

    with store.transaction(read_only=True) as s:
        draft = _draft(s, draft_id)
        neg = draft.negotiation
        rows = positions.draft_positions(s, neg, draft)
        sig = positions.signals(s, neg, draft)
        national = (neg.delegation or "").strip().lower()
    divergent, touched = set(sig["divergent"]), set(sig["red_lines_touched"])
    no_instructions = set(sig["no_instructions"])
    # The row's status: open, bracketed, agreed ad ref or agreed.
    agreed = {row["index"]: row["status"] for row in rows if row["status"] in ("agreed", "agreed_ad_ref")}
    out: dict[int, PositionSummary] = {}
    for row in rows:
        index = row["index"]
        if index is None:
            continue
        if index in agreed:
            no_instructions.discard(index)  # nothing left to instruct on
        ours = _primary_first([p for p in row["positions"] if p["actor"].strip().lower() == national])
        eu = _primary_first([p for p in row["positions"] if _is_eu(p["actor"])])
        others = tuple((p["actor"], p["stance"]) for p in _primary_first(row["positions"])
                       if p not in ours and p not in eu)
        summary = PositionSummary(
            national=ours[0]["stance"] if ours else None,
            eu=eu[0]["stance"] if eu else None,
            needs_review=any(p["state"] in REVIEW_STATES for p in ours + eu),
            red_line=index in touched,
            divergent=index in divergent,
            no_instructions=index in no_instructions and bool(national),
            others=others,
            agreement=agreed.get(index),
        )
        if summary != PositionSummary() or others:
            out[index] = summary
    return out


# States in which an edit on this paragraph starts a new position rather than
# changing the old one (see positions.position_on).
NOT_EDITABLE_STATES = frozenset({"split", "paragraph_deleted"})


def _primary_first(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Positions with the one that speaks for its actor first: one an edit here
    changes, then the most recently changed."""
    return sorted(entries, key=lambda p: (p["state"] not in NOT_EDITABLE_STATES, p["updated_at"] or ""),
                  reverse=True)


@dataclass(frozen=True)
class PositionValues:
    """One actor's position as loaded for editing (plain values)."""

    actor: str
    uid: str | None = None
    version: int = 0  # 0: no position yet
    stance: str | None = None
    amendment: str | None = None
    rationale: str | None = None
    red_line: str | None = None
    fallback: str | None = None
    priority: str | None = None
    status: str | None = None
    state: str | None = None
    taken_on: str | None = None  # "Rev.1 7"
    diff: tuple[tuple[str, str], ...] = ()
    author: str | None = None
    updated_at: str | None = None

    def fields(self) -> dict[str, Any]:
        """The user-set values, as ``set_position`` takes them."""
        return {"stance": self.stance, "amendment": self.amendment or "",
                "rationale": self.rationale or "", "red_line": self.red_line or "",
                "fallback": self.fallback or "", "priority": self.priority,
                "status": self.status or "draft"}


@dataclass(frozen=True)
class ParagraphState:
    """Where the room stands on a paragraph: open, bracketed, agreed ad ref, agreed."""

    status: str = "open"
    holder: str | None = None  # who holds an ad ref reservation
    due: str | None = None  # ISO date an answer is due
    set_by: str | None = None
    set_on: str | None = None  # label of the draft it was set on
    changed_since: bool = False  # the text changed after it was agreed

    @property
    def settable(self) -> tuple[str, str | None, str | None]:
        """The status as ``set_paragraph_status`` takes it (to undo back to it)."""
        if self.status in ("agreed", "agreed_ad_ref"):
            return self.status, self.holder, self.due
        return "open", None, None


@dataclass(frozen=True)
class ParagraphPositions:
    paragraph_id: int
    national_actor: str | None
    ours: PositionValues | None
    eu: PositionValues | None
    others: tuple[PositionValues, ...]
    notes: tuple[dict[str, Any], ...]
    history: tuple[dict[str, Any], ...]
    state: ParagraphState = field(default_factory=ParagraphState)


def _values(p: dict[str, Any]) -> PositionValues:
    taken = p.get("taken_on") or {}
    return PositionValues(
        actor=p["actor"], uid=p["uid"], version=p["version"], stance=p["stance"],
        amendment=p.get("amendment"), rationale=p.get("rationale"), red_line=p.get("red_line"),
        fallback=p.get("fallback"), priority=p.get("priority"), status=p.get("status"),
        state=p.get("state"),
        taken_on=" ".join(str(x) for x in (taken.get("draft"), taken.get("number")) if x) or None,
        diff=tuple((op, text) for op, text in (p.get("diff") or ())),
        author=p.get("author"), updated_at=p.get("updated_at"),
    )


def load_paragraph_positions(store: Store, paragraph_id: int) -> ParagraphPositions:
    """Everything the positions editor shows for one paragraph."""
    from negotiator.positions import core as positions
    from negotiator.storage.models import Paragraph

    with store.transaction(read_only=True) as s:
        paragraph = s.get(Paragraph, paragraph_id)
        if paragraph is None:
            from negotiator.domain.errors import NotFound

            raise NotFound(f"paragraph {paragraph_id} no longer exists")
        draft = paragraph.draft
        neg = draft.negotiation
        rows = positions.draft_positions(s, neg, draft)
        history = positions.position_history(s, paragraph_id)
        notes = positions.list_notes(s, paragraph_id)
        national = neg.delegation
        status = next(st for st in positions.paragraph_statuses(s, neg, draft)
                      if st["index"] == paragraph.ordinal)
    row = next((r for r in rows if r["index"] == paragraph.ordinal), {"positions": []})
    ours = eu = None
    others: list[PositionValues] = []
    for p in _primary_first(row["positions"]):
        values = _values(p)
        if national and p["actor"].strip().lower() == national.strip().lower() and ours is None:
            ours = values
        elif _is_eu(p["actor"]) and eu is None:
            eu = values
        else:
            others.append(values)
    state = ParagraphState(status["status"], status["holder"], status["due"], status["set_by"],
                           status["set_on"], bool(status["changed_since"]))
    return ParagraphPositions(paragraph_id, national, ours, eu, tuple(others),
                              tuple(notes), tuple(history), state)


def set_paragraph_status(store: Store, paragraph_id: int, status: str, holder: str | None,
                         due: str | None, author: str | None) -> None:
    """Mark a paragraph agreed ad ref (who holds it, answer due), agreed, or open again."""
    from negotiator.positions import core as positions

    with store.transaction() as s:
        positions.set_paragraph_status(s, paragraph_id, status, holder=holder or None,
                                       due=dt.date.fromisoformat(due) if due else None, author=author)


class StaleEdit(Exception):
    """The position changed since it was loaded; carries what is stored now."""

    def __init__(self, current: PositionValues | None, message: str) -> None:
        super().__init__(message)
        self.current = current


def current_position(store: Store, paragraph_id: int, actor: str) -> PositionValues | None:
    """The actor's position that an edit on this paragraph would change, if any."""
    loaded = load_paragraph_positions(store, paragraph_id)
    for values in (loaded.ours, loaded.eu, *loaded.others):
        if values is None or values.state in NOT_EDITABLE_STATES:
            continue
        if values.actor.strip().lower() == actor.strip().lower() or (_is_eu(actor) and _is_eu(values.actor)):
            return values
    return None


def save_position(store: Store, paragraph_id: int, actor: str, values: dict[str, Any] | None,
                  *, expected_version: int, author: str | None) -> PositionValues | None:
    """Write one actor's position (``values`` None withdraws it), refusing a stale edit.

    Returns:
        The position as stored afterwards (None when withdrawn).

    Raises:
        StaleEdit: someone changed it since ``expected_version`` was loaded.
    """
    from negotiator.positions import core as positions
    from negotiator.domain.errors import Conflict

    current = current_position(store, paragraph_id, actor)
    if (current.version if current else 0) != expected_version:
        who = current.author if current and current.author else "someone"
        raise StaleEdit(current, f"{actor}'s position on this paragraph was changed by {who} "
                                 "since you loaded it")
    with store.transaction() as s:
        if values is None:
            if current is not None and current.uid is not None:
                positions.delete_position(s, current.uid, author=author,
                                          expected_version=expected_version)
        else:
            try:
                positions.set_position(s, paragraph_id, actor, values, author=author,
                                       expected_version=expected_version)
            except Conflict as exc:
                if "changed by" in str(exc) or "no position on this paragraph any more" in str(exc):
                    raise StaleEdit(None, str(exc)) from exc
                raise
    return current_position(store, paragraph_id, actor) if values is not None else None


def add_note(store: Store, paragraph_id: int, text: str, author: str | None) -> dict[str, Any]:
    from negotiator.positions import core as positions

    with store.transaction() as s:
        return positions.add_note(s, paragraph_id, text, author=author)


def delete_note(store: Store, paragraph_id: int, uid: str, author: str | None) -> None:
    from negotiator.positions import core as positions
    from negotiator.storage.models import Paragraph

    with store.transaction() as s:
        paragraph = s.get(Paragraph, paragraph_id)
        assert paragraph is not None
        positions.delete_note(s, paragraph.draft.negotiation_id, uid, author=author)


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
) -> negotiations.ImportResult:
    """Store a previewed draft (and, if asked, a new negotiation) in one transaction."""
    from negotiator.domain.errors import NotFound

    with store.transaction() as s:
        if new_negotiation is not None:
            neg = negotiations.create_negotiation(
                s, new_negotiation.title, new_negotiation.forum, new_negotiation.delegation
            )
        else:
            found = s.get(Negotiation, negotiation_id) if negotiation_id is not None else None
            if found is None:
                raise NotFound("choose the negotiation this draft belongs to")
            neg = found
        return negotiations.import_draft(s, neg, parsed, label, symbol=symbol or None, date=date)


def suggest_label(store: Store, negotiation_id: int | None) -> str:
    """A label for the next draft: 'Zero draft', then 'Rev.1', 'Rev.2', ..."""
    if negotiation_id is None:
        return "Zero draft"
    with store.transaction(read_only=True) as s:
        neg = s.get(Negotiation, negotiation_id)
        count = len(negotiations.list_drafts(s, neg)) if neg is not None else 0
    return "Zero draft" if count == 0 else f"Rev.{count}"


def chart_points(store: Store, negotiation_id: int, progress: Progress | None = None) -> list[ChartPoint]:
    """Per draft: brackets remaining, paragraphs changed since the previous draft,
    positions needing review."""
    with store.transaction(read_only=True) as s:
        neg = s.get(Negotiation, negotiation_id)
        drafts = negotiations.list_drafts(s, neg) if neg is not None else []
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
                    if is_change(_statuses(e["status"]), bool(e.get("top_matter")))
                )
        review = count_positions_needing_review(store, d["id"])
        points.append(ChartPoint(d["label"], d["brackets"], changed, review))
        if progress is not None:
            progress(i + 1, len(drafts))
    return points


def salient_text(item: Any) -> str:
    """A salient change as a reader says it: "shall → should"."""
    if isinstance(item, dict):
        if item.get("from") and item.get("to"):
            return f"{item['from']} → {item['to']}"
        return str(item.get("description", item)).replace(" -> ", " → ")
    return str(item).replace(" -> ", " → ")


def count_positions_needing_review(store: Store, draft_id: int) -> int | None:
    """Positions (any actor) whose paragraph changed, split, merged or ended since
    they were taken; None when no position exists at all."""
    if not positions_available():
        return None
    from negotiator.positions import core as positions

    with store.transaction(read_only=True) as s:
        draft = _draft(s, draft_id)
        rows = positions.draft_positions(s, draft.negotiation, draft)
    states = [p["state"] for row in rows for p in row["positions"]]
    if not states:
        return None
    # A position shown on several parts of a split counts once.
    uids = {p["uid"] for row in rows for p in row["positions"] if p["state"] in REVIEW_STATES}
    return len(uids)


def _statuses(status: str | list[str]) -> tuple[str, ...]:
    return tuple(status) if isinstance(status, list) else (status,)


def demo_available() -> bool:
    try:
        import negotiator.demo  # noqa: F401
    except ImportError:
        return False
    return True


def load_demo(store: Store) -> int:
    """Load the fictional demo negotiation into a store, with the positions its
    metadata lists, so a first look shows stances, reviews and signals."""
    from negotiator.demo import demo_metadata
    from negotiator.demo import load_demo as core_load_demo

    negotiation_id = core_load_demo(store)
    if positions_available():
        from negotiator.positions import core as positions

        with store.transaction() as s:
            neg = s.get(Negotiation, negotiation_id)
            assert neg is not None
            for p in demo_metadata().get("positions", []):
                draft = negotiations.find_draft(s, neg, p["draft"])
                paragraph = positions.find_paragraph(s, draft, f"#{p['index']}")
                values = {k: p[k] for k in ("stance", "amendment", "rationale", "red_line",
                                            "fallback", "priority") if p.get(k) is not None}
                positions.set_position(s, paragraph.id, p["actor"], values, author="demo")
    return negotiation_id


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
    top_matter: bool = False  # only the document symbol and date changed

    @property
    def changed(self) -> bool:
        return not self.top_matter and bool(set(self.status) - {"unchanged"})


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
    with store.transaction(read_only=True) as s:
        a, b = _draft(s, from_id), _draft(s, to_id)
        if a.negotiation_id != b.negotiation_id:
            from negotiator.domain.errors import Conflict

            raise Conflict("both drafts must belong to the same negotiation")
        from_label, to_label = a.label, b.label
        numbers_a = spoken_numbers(negotiations.draft_paragraphs(s, a))
        numbers_b = spoken_numbers(negotiations.draft_paragraphs(s, b))
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
                top_matter=bool(e.get("top_matter")),
            )
        )
    if progress is not None:
        progress(3, 3)
    return DiffData(from_id, to_id, from_label, to_label, dict(result["summary"]), tuple(entries))


# Position packages (offline exchange between laptops) ----------------------------------


@dataclass(frozen=True)
class PackageWritten:
    """What an exported positions package holds."""

    path: str
    negotiation: str
    drafts: int
    positions: int
    notes: int
    statuses: int


def export_positions_package(store: Store, negotiation_id: int, path: str | Path, author: str | None,
                             progress: Progress | None = None) -> PackageWritten:
    """Write everything recorded on a negotiation to a package for another laptop.

    Args:
        path: the file to write (``.json``); written whole or not at all.
        author: recorded as the package's exporter.
        progress: called between reading the store and writing the file; may
            raise to stop before anything is written.

    Raises:
        NotFound: the negotiation no longer exists.
        InputError: the file cannot be written.
    """
    from negotiator.positions import exchange
    from negotiator.domain.errors import NotFound

    with store.transaction(read_only=True) as s:
        neg = s.get(Negotiation, negotiation_id)
        if neg is None:
            raise NotFound(f"negotiation {negotiation_id} no longer exists")
        package = exchange.export_package(s, neg, exported_by=author)
    if progress is not None:
        progress(1, 2)
    exchange.write_package(package, path)
    payload = package["payload"]
    return PackageWritten(str(path), package["negotiation"]["title"], len(payload["drafts"]),
                          len(payload["positions"]), len(payload["notes"]), len(payload["statuses"]))


@dataclass(frozen=True)
class MergeResult:
    """What a merged package brought in (the counts of ``exchange.import_package``)."""

    negotiation_id: int
    negotiation: str
    drafts: int = 0
    positions_added: int = 0
    positions_updated: int = 0
    history_rows: int = 0
    notes_added: int = 0
    notes_deleted: int = 0
    statuses_added: int = 0
    conflicts: tuple[int, ...] = ()  # ids of the negotiation's open conflicts afterwards

    @property
    def nothing_new(self) -> bool:
        return not (self.drafts or self.positions_added or self.positions_updated or self.history_rows
                    or self.notes_added or self.notes_deleted or self.statuses_added)


def merge_positions_package(store: Store, path: str | Path, negotiation_id: int | None = None,
                            progress: Progress | None = None, *, trust: bool = False,
                            author: str | None = None) -> MergeResult:
    """Check a package from another laptop and merge it, in one transaction.

    Args:
        negotiation_id: the local negotiation to merge into; None: the one
            with the package's title.
        progress: called after the file is checked and again just before the
            merge is committed; if it raises, nothing is changed.

    Raises:
        InputError: the file is unreadable, damaged, altered or from a newer Negotiator.
        UntrustedSigner: signed by a colleague this store does not trust and
            no ``trust`` (the user confirms the fingerprint, then merges with it).
        NotFound: no negotiation to merge into.
        Conflict: the package is from another negotiation.
    """
    from negotiator.positions import exchange
    from negotiator.domain.errors import Conflict, NotFound

    package = exchange.read_package(path)
    if progress is not None:
        progress(1, 3)
    title = package["negotiation"]["title"]
    with store.transaction() as s:
        target: str | None = None
        if negotiation_id is not None:
            neg = s.get(Negotiation, negotiation_id)
            if neg is None:
                raise NotFound(f"negotiation {negotiation_id} no longer exists")
            other = next((n for n in negotiations.list_negotiations(s)
                          if n["title"] == title and n["id"] != neg.id), None)
            if other is not None:
                raise Conflict(f"the package is for '{title}', another negotiation in this store: "
                               "select that one and merge again; nothing was imported")
            target = str(neg.id)
        result = exchange.import_package(s, package, negotiation=target, trust=trust, author=author,
                                         source=Path(path).name)
        if progress is not None:
            progress(2, 3)  # last chance to stop: raising here rolls the merge back
        merged = negotiations.find_negotiation(s, result["negotiation"])
        return MergeResult(
            merged.id, result["negotiation"], result["drafts"], result["positions_added"],
            result["positions_updated"], result["history_rows"], result["notes_added"],
            result["notes_deleted"], result["statuses_added"], tuple(result["conflicts"]))


def confirm_draft(store: Store, draft_id: int, author: str | None) -> dict[str, Any]:
    """Confirm a draft brought in a colleague's package against the chair's document."""
    from negotiator.drafts.provenance import confirm_draft as confirm

    with store.transaction() as s:
        return confirm(s, _draft(s, draft_id), author)


@dataclass(frozen=True)
class ConflictSide:
    """One version of a position in conflict."""

    side: str  # "a", "b", ...: what resolve_conflict takes
    author: str | None
    at: str
    stance: str | None
    amendment: str | None
    rationale: str | None
    red_line: str | None
    fallback: str | None
    priority: str | None
    status: str | None
    withdrawn: bool
    text: str  # the paragraph's wording this version was taken on


@dataclass(frozen=True)
class ConflictInfo:
    """An open conflict from an exchange: one actor's position on one paragraph."""

    id: int
    kind: str  # "concurrent_edit" or "duplicate"
    actor: str
    draft: str
    number: str  # as delegates say it: "5", "5 bis", "PP3"; "" if the paragraph has none
    index: int
    detected_at: str
    sides: tuple[ConflictSide, ...]


def list_conflicts(store: Store, negotiation_id: int) -> list[ConflictInfo]:
    """The negotiation's open conflicts, oldest first."""
    from negotiator.positions import core as positions
    from negotiator.domain.errors import NotFound

    with store.transaction(read_only=True) as s:
        neg = s.get(Negotiation, negotiation_id)
        if neg is None:
            raise NotFound(f"negotiation {negotiation_id} no longer exists")
        rows = positions.list_conflicts(s, neg)
        numbers: dict[str, list[str]] = {}
        for label in {c["draft"] for c in rows}:
            numbers[label] = spoken_numbers(negotiations.draft_paragraphs(s, negotiations.find_draft(s, neg, label)))
    out: list[ConflictInfo] = []
    for c in rows:
        sides = tuple(
            ConflictSide(x["side"], x["author"], x["at"], x["values"].get("stance"),
                         x["values"].get("amendment"), x["values"].get("rationale"),
                         x["values"].get("red_line"), x["values"].get("fallback"),
                         x["values"].get("priority"), x["values"].get("status"),
                         bool(x["values"].get("deleted")), x["text"])
            for x in c["sides"])
        spoken = numbers[c["draft"]]
        number = spoken[c["index"]] if 0 <= c["index"] < len(spoken) else (c["number"] or "")
        out.append(ConflictInfo(c["id"], c["kind"], c["actor"], c["draft"], number, c["index"],
                                c["detected_at"], sides))
    return out


def resolve_conflict(store: Store, conflict_ref: int | str, take: str, author: str | None) -> dict[str, Any]:
    """Settle a conflict by keeping one side (``"a"``, ``"b"``, ... as listed).

    Raises:
        NotFound: no such conflict.
        Conflict: already resolved (on this laptop or by a merged package), or no such side.
    """
    from negotiator.positions import core as positions

    with store.transaction() as s:
        return positions.resolve_conflict(s, str(conflict_ref), take, author=author)


@dataclass(frozen=True)
class LinkChoices:
    """What the link-correction dialog offers for one paragraph: the paragraphs
    of the previous draft, which one it continues now, and whether a user set that."""

    paragraph_id: int
    draft_label: str
    previous_label: str
    candidates: tuple[tuple[int, str, str], ...]  # (paragraph id, number as spoken, text)
    source_id: int | None  # the paragraph of the previous draft it continues, if any
    corrected: bool  # a user's correction decides the link (not the aligner)


def link_choices(store: Store, paragraph_id: int) -> LinkChoices | None:
    """None for a paragraph of a first draft (nothing to link to)."""
    from negotiator.drafts.lineage import link_override, previous_draft
    from negotiator.storage.models import Paragraph

    with store.transaction(read_only=True) as s:
        paragraph = s.get(Paragraph, paragraph_id)
        if paragraph is None:
            from negotiator.domain.errors import NotFound

            raise NotFound(f"paragraph {paragraph_id} no longer exists")
        before = previous_draft(s, paragraph.draft)
        if before is None:
            return None
        rows = negotiations.draft_paragraphs(s, before)
        numbers = spoken_numbers(rows)
        corrected, _source = link_override(s, paragraph_id)
        source = next((r["id"] for r in rows if paragraph.lineage_id is not None
                       and r["lineage"] == paragraph.lineage_id), None)
        return LinkChoices(paragraph_id, paragraph.draft.label, before.label,
                           tuple((r["id"], numbers[i], r["text"]) for i, r in enumerate(rows)),
                           source, corrected)


def correct_paragraph_link(store: Store, paragraph_id: int, source: int | None | str,
                           author: str | None) -> None:
    """Link a paragraph to a paragraph of the previous draft (an id), declare it new
    (None), or hand the decision back to the aligner ("automatic"); later drafts follow."""
    from negotiator.drafts.lineage import correct_link, reset_link
    from negotiator.storage.models import Paragraph

    with store.transaction() as s:
        paragraph = s.get(Paragraph, paragraph_id)
        if paragraph is None:
            from negotiator.domain.errors import NotFound

            raise NotFound(f"paragraph {paragraph_id} no longer exists")
        if source == "automatic":
            reset_link(s, paragraph)
        else:
            target = s.get(Paragraph, source) if isinstance(source, int) else None
            correct_link(s, paragraph, target, author)
