"""What colleagues changed in a shared store since a client last looked.

A `ChangeToken` is a handful of counters read in one query: the newest id and
the row count of each table an edit writes to. Every change a client shows
adds a row there (a position change adds a history row, a deleted note is
counted, a draft import adds a draft), so comparing two tokens says which
parts of the window to read again. Rows a user may not see (another
delegation's, on a server) do not count for that user: the counts are read
through the same access rules as everything else. Portable SQL, same on
SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from negotiator.storage.models import (
    Draft,
    LineageOverride,
    Note,
    ParagraphStatus,
    PositionConflict,
    PositionHistory,
)

# Area of the window -> the columns whose counters move when it changes.
AREAS = {
    "drafts": (func.max(Draft.id), func.count(Draft.id)),
    "positions": (func.max(PositionHistory.id), func.count(PositionHistory.id),
                  func.max(PositionConflict.id), func.count(PositionConflict.resolved_at)),
    "notes": (func.max(Note.id), func.count(Note.deleted_at)),
    "statuses": (func.max(ParagraphStatus.id), func.count(ParagraphStatus.id)),
    "links": (func.max(LineageOverride.id), func.count(LineageOverride.id)),
}


@dataclass(frozen=True)
class ChangeToken:
    """Where a client stands: one tuple of counters per area."""

    marks: tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class Changes:
    """What moved since a token: the areas to read again, and the new token."""

    token: ChangeToken
    areas: frozenset[str]

    @property
    def any(self) -> bool:
        return bool(self.areas)


def change_token(session: Session) -> ChangeToken:
    """The counters as they are now (one scalar subquery per counter)."""
    columns = [select(c).scalar_subquery() for cols in AREAS.values() for c in cols]
    row = session.execute(select(*columns)).one()
    values = [int(v or 0) for v in row]
    marks, i = [], 0
    for cols in AREAS.values():
        marks.append(tuple(values[i:i + len(cols)]))
        i += len(cols)
    return ChangeToken(tuple(marks))


def changes_since(session: Session, token: ChangeToken | None) -> Changes:
    """Which areas changed since `token` (none on the first look, when there is
    no token yet: it only records where the store stands).

    Args:
        session: a read transaction of the client's store.
        token: what the client saw last, or None on the first look.
    """
    now = change_token(session)
    if token is None:
        return Changes(now, frozenset())
    areas = frozenset(name for name, old, new in zip(AREAS, token.marks, now.marks) if old != new)
    return Changes(now, areas)
