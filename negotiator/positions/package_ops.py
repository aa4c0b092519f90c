"""Exchanging positions with a colleague's laptop, as a user does it: export the
negotiation to a package file, or merge one in (see `exchange` for the format)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.domain.errors import Conflict, NotFound
from negotiator.positions import exchange
from negotiator.storage.models import Negotiation


@dataclass(frozen=True)
class PackageWritten:
    """What an exported positions package holds."""

    path: str
    negotiation: str
    drafts: int
    positions: int
    notes: int
    statuses: int


@dataclass(frozen=True)
class MergeResult:
    """What a merged package brought in."""

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
        return not (self.drafts or self.positions_added or self.positions_updated
                    or self.history_rows or self.notes_added or self.notes_deleted
                    or self.statuses_added)


def build_package(session: Session, negotiation_id: int, author: str | None) -> dict[str, Any]:
    """Everything recorded on a negotiation, as a package (written by `write_package`)."""
    neg = session.get(Negotiation, negotiation_id)
    if neg is None:
        raise NotFound(f"negotiation {negotiation_id} no longer exists")
    return exchange.export_package(session, neg, exported_by=author)


def write_package(package: dict[str, Any], path: str | Path) -> PackageWritten:
    exchange.write_package(package, path)
    payload = package["payload"]
    return PackageWritten(str(path), package["negotiation"]["title"], len(payload["drafts"]),
                          len(payload["positions"]), len(payload["notes"]),
                          len(payload["statuses"]))


def merge_package(session: Session, package: dict[str, Any], negotiation_id: int | None = None,
                  *, trust: bool = False, author: str | None = None,
                  source: str = "package") -> MergeResult:
    """Merge a checked package into a negotiation (None: the one of the package's title).

    Raises:
        NotFound: no negotiation to merge into.
        Conflict: the package belongs to another negotiation of this store.
    """
    title = package["negotiation"]["title"]
    target: str | None = None
    if negotiation_id is not None:
        neg = session.get(Negotiation, negotiation_id)
        if neg is None:
            raise NotFound(f"negotiation {negotiation_id} no longer exists")
        other = session.scalar(select(Negotiation.id).where(Negotiation.title == title,
                                                            Negotiation.id != neg.id))
        if other is not None:
            raise Conflict(f"the package is for '{title}', another negotiation in this store: "
                           "select that one and merge again; nothing was imported")
        target = str(neg.id)
    result = exchange.import_package(session, package, negotiation=target, trust=trust,
                                     author=author, source=source)
    merged_id = session.scalar(select(Negotiation.id).where(Negotiation.title == result["negotiation"]))
    assert merged_id is not None
    return MergeResult(
        merged_id, result["negotiation"], result["drafts"], result["positions_added"],
        result["positions_updated"], result["history_rows"], result["notes_added"],
        result["notes_deleted"], result["statuses_added"], tuple(result["conflicts"]))
