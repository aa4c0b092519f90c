"""The negotiation store's tables, as SQLAlchemy 2 typed declarative classes.

Identity rule (see DOMAIN.md): a paragraph's displayed number belongs to its
draft; what stays the same across drafts is its lineage. Positions, notes and
statuses hang on lineages, never on numbers.

The schema itself is owned by the Alembic migrations in
``negotiator/migrations``; these classes must match the newest migration
(a test compares them).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so Alembic batch migrations on SQLite can find them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Paragraph kinds; stored as plain strings so a later kind needs no migration.
KINDS = ("heading", "preambular", "operative", "sub-paragraph", "other")
# Actor kinds.
ACTOR_KINDS = ("state", "group", "chair", "other")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Negotiation(Base):
    __tablename__ = "negotiation"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500), unique=True)
    forum: Mapped[str] = mapped_column(String(200))
    # The delegation whose positions this store holds ("Belgium").
    delegation: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    drafts: Mapped[list[Draft]] = relationship(
        back_populates="negotiation", order_by="Draft.order", cascade="all, delete-orphan"
    )
    actors: Mapped[list[Actor]] = relationship(
        back_populates="negotiation", cascade="all, delete-orphan"
    )


class Actor(Base):
    """A delegation or group at the table: a state, the EU, G77, the chair."""

    __tablename__ = "actor"
    __table_args__ = (UniqueConstraint("negotiation_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    negotiation_id: Mapped[int] = mapped_column(
        ForeignKey("negotiation.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="state")

    negotiation: Mapped[Negotiation] = relationship(back_populates="actors")


class Draft(Base):
    """One version of the text. Immutable once imported (triggers enforce it)."""

    __tablename__ = "draft"
    __table_args__ = (
        UniqueConstraint("negotiation_id", "label"),
        UniqueConstraint("negotiation_id", "order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    negotiation_id: Mapped[int] = mapped_column(
        ForeignKey("negotiation.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(100))
    symbol: Mapped[str | None] = mapped_column(String(200))
    date: Mapped[dt.date | None] = mapped_column(Date)
    # Position in the negotiation's sequence of drafts, 1-based.
    order: Mapped[int] = mapped_column(Integer)
    source_name: Mapped[str | None] = mapped_column(String(500))
    # sha256 of the file as received.
    source_checksum: Mapped[str | None] = mapped_column(String(64))
    # sha256 of the parsed paragraphs (numbers and texts): the same draft
    # imported from .docx on one laptop and .txt on another has one identity.
    content_checksum: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    warnings: Mapped[list[Any]] = mapped_column(default=list)

    negotiation: Mapped[Negotiation] = relationship(back_populates="drafts")
    paragraphs: Mapped[list[Paragraph]] = relationship(
        back_populates="draft", order_by="Paragraph.ordinal", cascade="all, delete-orphan"
    )


class Lineage(Base):
    """The same logical paragraph across drafts."""

    __tablename__ = "lineage"

    id: Mapped[int] = mapped_column(primary_key=True)
    negotiation_id: Mapped[int] = mapped_column(
        ForeignKey("negotiation.id", ondelete="CASCADE"), index=True
    )


class Paragraph(Base):
    __tablename__ = "paragraph"
    __table_args__ = (UniqueConstraint("draft_id", "ordinal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id", ondelete="CASCADE"), index=True)
    # 0-based place in document order (the `index` of `negotiator show --json`).
    ordinal: Mapped[int] = mapped_column(Integer)
    # Displayed number as the reader sees it: "12", "12 bis", "(b)", "PP3".
    number: Mapped[str | None] = mapped_column(String(50))
    # Nesting level of the number: 0 for "1." / "PP3", 1 for "(a)", 2 for "(i)".
    level: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))
    section: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    brackets: Mapped[int] = mapped_column(Integer, default=0)
    # False when the square brackets do not pair up; kept as written, never repaired.
    brackets_balanced: Mapped[bool] = mapped_column(Boolean, default=True)
    footnotes: Mapped[list[Any]] = mapped_column(default=list)
    lineage_id: Mapped[int | None] = mapped_column(
        ForeignKey("lineage.id", ondelete="SET NULL"), index=True
    )
    # How this paragraph continues its lineage: None (one to one), "split"
    # (one of several parts of an earlier paragraph) or "merged" (the others
    # are in LineageMerge).
    lineage_relation: Mapped[str | None] = mapped_column(String(20))

    draft: Mapped[Draft] = relationship(back_populates="paragraphs")
    lineage: Mapped[Lineage | None] = relationship()


class LineageMerge(Base):
    """Further lineages a merged paragraph continues (its own lineage is the first)."""

    __tablename__ = "lineage_merge"
    __table_args__ = (UniqueConstraint("paragraph_id", "lineage_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    paragraph_id: Mapped[int] = mapped_column(
        ForeignKey("paragraph.id", ondelete="CASCADE"), index=True
    )
    lineage_id: Mapped[int] = mapped_column(ForeignKey("lineage.id", ondelete="CASCADE"))


class LineageOverride(Base):
    """A user's correction: this paragraph continues that earlier paragraph
    (or, with no source, starts a new lineage). It wins over the aligner."""

    __tablename__ = "lineage_override"

    id: Mapped[int] = mapped_column(primary_key=True)
    paragraph_id: Mapped[int] = mapped_column(
        ForeignKey("paragraph.id", ondelete="CASCADE"), unique=True
    )
    source_paragraph_id: Mapped[int | None] = mapped_column(
        ForeignKey("paragraph.id", ondelete="CASCADE")
    )
    author: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
