"""Length limits of text columns, checked before anything is written.

SQLite stores an over-long string silently while PostgreSQL refuses it with a
DataError: checking against the columns' own declared lengths gives one
message on both, and one rule in one place (the models).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, inspect
from sqlalchemy.orm import Session

from negotiator.domain.errors import Conflict

# How a user names a limited column; others are named "<table> <column>".
NAMES = {
    ("negotiation", "title"): "a negotiation title",
    ("negotiation", "forum"): "a forum name",
    ("negotiation", "delegation"): "a delegation name",
    ("draft", "label"): "a draft label",
    ("draft", "symbol"): "a document symbol",
    ("draft", "source_name"): "a file name",
    ("actor", "name"): "an actor name",
}


def check_lengths(session: Session, _context: Any, _instances: Any) -> None:
    """Session `before_flush` hook: refuse a value longer than its column allows.

    Raises:
        Conflict: names the field, its limit and the length given.
    """
    for obj in (*session.new, *session.dirty):
        mapper = inspect(obj).mapper
        for column in mapper.columns:
            limit = getattr(column.type, "length", None)
            if not isinstance(column.type, String) or not limit:
                continue
            value = getattr(obj, mapper.get_property_by_column(column).key, None)
            if isinstance(value, str) and len(value) > limit:
                table = column.table.name
                name = NAMES.get((table, column.name), f"a {table} {column.name.replace('_', ' ')}")
                raise Conflict(f"{name} can be at most {limit} characters long "
                               f"(this one has {len(value)})")
