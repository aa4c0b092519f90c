"""The window's actions, each a short call into the core inside one transaction.

Every rule (what changed, which position speaks for an actor, references, our
delegation, EU) is decided in ``negotiator``; this module only opens the
transaction, calls the core and hands back its typed answer. The window runs
these through ``ui.tasks`` so the GUI thread never waits on them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from negotiator import demo, positions
from negotiator.drafts import lineage, negotiations, provenance
from negotiator.drafts.negotiations import ImportResult, NewNegotiation
from negotiator.positions.conflicts import ConflictView
from negotiator.positions.results import NoteView
from negotiator.storage.store import Store
from negotiator.text import importer
from negotiator.text.importer import ParsedDraft
from negotiator.text.tracked import TrackedChanges
from negotiator.views import comparison_view, draft_table, links, paragraph_detail
from negotiator.views.comparison_view import DiffData
from negotiator.views.draft_table import ChartPoint, ParagraphChange, ParagraphRow, PositionSummary
from negotiator.views.links import LinkChoices
from negotiator.views.paragraph_detail import ParagraphDetail, PositionValues

if TYPE_CHECKING:
    from negotiator.positions.package_ops import MergeResult, PackageWritten

Progress = Callable[[int, int], None]

__all__ = [
    "ChartPoint", "ConflictView", "DiffData", "DraftInfo", "ImportResult", "LinkChoices",
    "MergeResult", "NegotiationInfo", "NewNegotiation", "PackageWritten", "ParagraphChange",
    "ParagraphDetail", "ParagraphRow", "PositionSummary", "PositionValues",
]


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


def load_tree(store: Store) -> list[NegotiationInfo]:
    """Every negotiation with its drafts, in order."""
    out: list[NegotiationInfo] = []
    with store.transaction(read_only=True) as s:
        for n in negotiations.list_negotiations(s):
            drafts = tuple(
                DraftInfo(d.id, n.id, d.label, d.symbol, d.date.isoformat() if d.date else None,
                          d.order, d.paragraphs, d.brackets, d.brought_by if d.unconfirmed else None)
                for d in negotiations.list_drafts(s, negotiations.find_negotiation(s, n.id)))
            out.append(NegotiationInfo(n.id, n.title, n.forum, n.delegation, drafts))
    return out


def load_paragraphs(store: Store, draft_id: int) -> list[ParagraphRow]:
    with store.transaction(read_only=True) as s:
        return draft_table.paragraph_rows(s, draft_id)


def previous_draft_id(store: Store, draft_id: int) -> int | None:
    with store.transaction(read_only=True) as s:
        previous = lineage.previous_draft(s, draft_table.draft(s, draft_id))
        return previous.id if previous is not None else None


def load_changes(store: Store, draft_id: int) -> dict[int, ParagraphChange] | None:
    with store.transaction(read_only=True) as s:
        return draft_table.draft_changes(s, draft_id)


def load_position_summaries(store: Store, draft_id: int,
                            paragraph_ids: set[int] | None = None) -> dict[int, PositionSummary]:
    with store.transaction(read_only=True) as s:
        return draft_table.position_summaries(s, draft_id, paragraph_ids)


def load_paragraph_positions(store: Store, paragraph_id: int) -> ParagraphDetail:
    with store.transaction(read_only=True) as s:
        return paragraph_detail.paragraph_detail(s, paragraph_id)


def set_paragraph_status(store: Store, paragraph_id: int, status: str, holder: str | None,
                         due: str | None, author: str | None) -> None:
    with store.transaction() as s:
        positions.set_paragraph_status(s, paragraph_id, status, holder=holder or None,
                                       due=dt.date.fromisoformat(due) if due else None,
                                       author=author)


def current_position(store: Store, paragraph_id: int, actor: str) -> PositionValues | None:
    with store.transaction(read_only=True) as s:
        return paragraph_detail.editable_position(s, paragraph_id, actor)


def save_position(store: Store, paragraph_id: int, actor: str, values: dict[str, Any] | None,
                  *, expected_version: int, author: str | None) -> PositionValues | None:
    """Write one actor's position (``values`` None withdraws it).

    Raises:
        StaleEdit: someone changed it since ``expected_version`` was loaded;
            nothing was written.
    """
    with store.transaction() as s:
        if values is None:
            positions.withdraw_position(s, paragraph_id, actor, author=author,
                                        expected_version=expected_version)
            return None
        positions.set_position(s, paragraph_id, actor, values, author=author,
                               expected_version=expected_version)
        return paragraph_detail.editable_position(s, paragraph_id, actor)


def add_note(store: Store, paragraph_id: int, text: str, author: str | None) -> NoteView:
    with store.transaction() as s:
        return positions.add_note(s, paragraph_id, text, author=author)


def delete_note(store: Store, paragraph_id: int, uid: str, author: str | None) -> None:
    with store.transaction() as s:
        positions.delete_note_on(s, paragraph_id, uid, author=author)


def read_file(path: str | Path, tracked_changes: TrackedChanges = TrackedChanges.ACCEPT) -> ParsedDraft:
    """Parse a file for the import preview (a Word file's tracked changes all
    accepted or all rejected); nothing is stored."""
    return importer.read_file(path, tracked_changes=tracked_changes)


def read_text(text: str, name: str = "clipboard.txt") -> ParsedDraft:
    """Parse pasted text for the import preview; nothing is stored."""
    return importer.read_bytes(text.encode("utf-8"), name)


def import_parsed(store: Store, parsed: ParsedDraft, label: str, *,
                  negotiation_id: int | None = None,
                  new_negotiation: NewNegotiation | None = None,
                  symbol: str | None = None, date: dt.date | None = None) -> ImportResult:
    """Store a previewed draft (and, if asked, a new negotiation) in one transaction."""
    with store.transaction() as s:
        return negotiations.import_into(s, parsed, label, negotiation_id=negotiation_id,
                                        new_negotiation=new_negotiation, symbol=symbol, date=date)


def suggest_label(store: Store, negotiation_id: int | None) -> str:
    with store.transaction(read_only=True) as s:
        return negotiations.next_label(s, negotiation_id)


def chart_points(store: Store, negotiation_id: int,
                 progress: Progress | None = None) -> list[ChartPoint]:
    with store.transaction(read_only=True) as s:
        return draft_table.chart_points(s, negotiation_id, progress)


def load_demo(store: Store) -> int:
    """The demo negotiation, exactly as `negotiator demo` loads it."""
    return demo.load_demo(store).negotiation_id


def load_diff(store: Store, from_id: int, to_id: int, progress: Progress | None = None) -> DiffData:
    with store.transaction(read_only=True) as s:
        return comparison_view.load_diff(s, from_id, to_id, progress)


def export_positions_package(store: Store, negotiation_id: int, path: str | Path,
                             author: str | None, progress: Progress | None = None
                             ) -> PackageWritten:
    """Write everything recorded on a negotiation to a package for another laptop.

    ``progress`` is called between reading the store and writing the file; it may
    raise to stop before anything is written.
    """
    from negotiator.positions import package_ops  # with its schema: loaded on first use

    with store.transaction(read_only=True) as s:
        package = package_ops.build_package(s, negotiation_id, author)
    if progress is not None:
        progress(1, 2)
    return package_ops.write_package(package, path)


def merge_positions_package(store: Store, path: str | Path, negotiation_id: int | None = None,
                            progress: Progress | None = None, *, trust: bool = False,
                            author: str | None = None) -> MergeResult:
    """Check a package from another laptop and merge it, in one transaction;
    ``progress`` raising just before the commit rolls the merge back.

    Raises:
        UntrustedSigner: signed by a colleague this store does not trust and no
            ``trust`` (the user compares the fingerprint, then merges with it).
    """
    from negotiator.positions import exchange, package_ops  # loaded on first use

    package = exchange.read_package(path)
    if progress is not None:
        progress(1, 3)
    with store.transaction() as s:
        result = package_ops.merge_package(s, package, negotiation_id, trust=trust,
                                           author=author, source=Path(path).name)
        if progress is not None:
            progress(2, 3)  # last chance to stop: raising here rolls the merge back
        return result


def confirm_draft(store: Store, draft_id: int, author: str | None) -> None:
    """Confirm a draft brought in a colleague's package against the chair's document."""
    with store.transaction() as s:
        provenance.confirm_draft(s, draft_table.draft(s, draft_id), author)


def list_conflicts(store: Store, negotiation_id: int) -> list[ConflictView]:
    with store.transaction(read_only=True) as s:
        return positions.list_conflicts(s, negotiations.find_negotiation(s, negotiation_id))


def resolve_conflict(store: Store, conflict_ref: int | str, take: str, author: str | None) -> None:
    with store.transaction() as s:
        positions.resolve_conflict(s, str(conflict_ref), take, author=author)


def link_choices(store: Store, paragraph_id: int) -> LinkChoices | None:
    with store.transaction(read_only=True) as s:
        return links.link_choices(s, paragraph_id)


def correct_paragraph_link(store: Store, paragraph_id: int, source: int | None | str,
                           author: str | None) -> None:
    with store.transaction() as s:
        lineage.relink(s, paragraph_id, source, author)


def __getattr__(name: str) -> Any:
    # The package types come with the package code (pydantic schema, about
    # 0.15 s to import), which start-up does not need.
    if name in ("MergeResult", "PackageWritten"):
        from negotiator.positions import package_ops

        return getattr(package_ops, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
