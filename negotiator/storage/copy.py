"""Moving a whole store between a laptop and a server: `negotiator copy-store SRC DST`.

Every row of every table is copied with its id, so lineages, positions,
history graphs, notes and conflicts arrive exactly as they were, and the copy
can go back the other way. The destination must be an empty store; it is
written in one transaction (all or nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select, text

from negotiator.domain.errors import Conflict
from negotiator.storage.models import Base, Negotiation, Note
from negotiator.storage.store import Store

BATCH = 2000


@dataclass(frozen=True)
class CopyResult:
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def copy_store(source: Store, target: Store,
               progress: Callable[[str, int], None] | None = None) -> CopyResult:
    """Copy every row of `source` into the empty store `target`, keeping ids.

    A laptop's notes carry no delegation; on the way they take the delegation
    their negotiation belongs to, so on a server they stay that delegation's.

    Raises:
        Conflict: the target already holds a negotiation.
    """
    tables = Base.metadata.sorted_tables
    counts: dict[str, int] = {}
    with target.engine.begin() as dst:
        if dst.scalar(select(func.count()).select_from(Negotiation.__table__)):
            raise Conflict("the target store is not empty: copy-store only fills a new store")
        with source.engine.connect() as src:
            owners = dict(src.execute(select(Negotiation.id, Negotiation.delegation)).all())
            for table in tables:
                counts[table.name] = 0
                result = src.execute(select(table).order_by(*table.primary_key.columns))
                while batch := result.mappings().fetchmany(BATCH):
                    rows = [dict(r) for r in batch]
                    if table is Note.__table__:
                        for row in rows:
                            row["delegation"] = row["delegation"] or owners.get(row["negotiation_id"])
                    dst.execute(table.insert(), rows)
                    counts[table.name] += len(rows)
                    if progress is not None:
                        progress(table.name, counts[table.name])
        if dst.dialect.name == "postgresql":
            # Ids were given explicitly: move each id sequence past them.
            for table in tables:
                if counts[table.name]:
                    dst.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                     f"(SELECT max(id) FROM {table.name}))"))
    return CopyResult(counts)
