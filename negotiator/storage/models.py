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
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from negotiator.domain.stamps import utcnow
from negotiator.domain.vocabulary import (
    ActorKind,
    Agreement,
    ParagraphKind,
    PositionStage,
    Priority,
    Stance,
)

# Stable constraint names, so Alembic batch migrations on SQLite can find them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Paragraph kinds; stored as plain strings so a later kind needs no migration.
KINDS = tuple(ParagraphKind)
# Actor kinds.
ACTOR_KINDS = tuple(ActorKind)




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
    # Marking every export carries unless a user removes it ("RESTRICTED").
    classification: Mapped[str | None] = mapped_column(String(200))
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
    # A draft that arrived in a colleague's package: who signed it (their
    # trusted name and key fingerprint), until a user confirms it against the
    # chair's document (migration 0004).
    brought_by: Mapped[str | None] = mapped_column(String(200))
    brought_key: Mapped[str | None] = mapped_column(String(64))
    confirmed_by: Mapped[str | None] = mapped_column(String(200))
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

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


# --- Positions (migration 0003) ------------------------------------------------
#
# Everything a delegation writes about a paragraph (positions, notes, statuses)
# is anchored on the paragraph it was written on; its lineage is that
# paragraph's lineage, joined at query time, so a user's correction of a
# lineage link carries the positions with it. Every such row has a `uid` so
# two laptops can exchange them (see negotiator/positions/exchange.py).

STANCES = tuple(Stance)
POSITION_STATUSES = tuple(PositionStage)
PRIORITIES = tuple(Priority)
# "open" and "bracketed" are derived from the text; the others a user sets.
PARAGRAPH_STATUSES = tuple(Agreement)


class Position(Base):
    """One actor's position on a paragraph lineage, as last taken on one draft."""

    __tablename__ = "position"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    negotiation_id: Mapped[int] = mapped_column(
        ForeignKey("negotiation.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    # The paragraph (hence draft and lineage) the position was taken on.
    paragraph_id: Mapped[int] = mapped_column(
        ForeignKey("paragraph.id", ondelete="CASCADE"), index=True
    )
    draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id", ondelete="CASCADE"))
    # The exact wording the position was taken on.
    text: Mapped[str] = mapped_column(Text)
    stance: Mapped[str] = mapped_column(String(30))
    amendment: Mapped[str | None] = mapped_column(Text)
    rationale: Mapped[str | None] = mapped_column(Text)
    red_line: Mapped[str | None] = mapped_column(Text)
    red_line_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    fallback: Mapped[str | None] = mapped_column(Text)
    priority: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    author: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Bumped on every change: an edit based on an older version is refused.
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    actor: Mapped[Actor] = relationship()
    paragraph: Mapped[Paragraph] = relationship()

    # Every UPDATE of a position says `WHERE version = <the version read>`, so of
    # two writers who read the same version only the first one's edit lands;
    # the other's flush raises StaleDataError (a stale edit). The code bumps it.
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}


class PositionHistory(Base):
    """One change to a position. The rows of a position form a graph (parents),
    so histories from two laptops can be merged without losing either."""

    __tablename__ = "position_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    position_id: Mapped[int] = mapped_column(
        ForeignKey("position.id", ondelete="CASCADE"), index=True
    )
    # uids of the history rows this change was made on top of (two for a resolution).
    parents: Mapped[list[Any]] = mapped_column(default=list)
    action: Mapped[str] = mapped_column(String(20))
    author: Mapped[str | None] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    old: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    new: Mapped[dict[str, Any]] = mapped_column(JSON)


class Note(Base):
    """A free note on a paragraph lineage. Deleting leaves a tombstone."""

    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    negotiation_id: Mapped[int] = mapped_column(
        ForeignKey("negotiation.id", ondelete="CASCADE"), index=True
    )
    paragraph_id: Mapped[int] = mapped_column(
        ForeignKey("paragraph.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    deleted_by: Mapped[str | None] = mapped_column(String(200))
    # On a server, the delegation whose member wrote it (set by the server,
    # migration 0005); only that delegation sees the note. Empty on a laptop.
    delegation: Mapped[str | None] = mapped_column(String(200))


class ParagraphStatus(Base):
    """A status a user set on a paragraph (agreed ad ref, agreed, back to open).
    Rows are never changed: the newest on a lineage holds from its draft on."""

    __tablename__ = "paragraph_status"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    negotiation_id: Mapped[int] = mapped_column(
        ForeignKey("negotiation.id", ondelete="CASCADE"), index=True
    )
    paragraph_id: Mapped[int] = mapped_column(
        ForeignKey("paragraph.id", ondelete="CASCADE"), index=True
    )
    draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20))
    # Who holds the reservation of an ad ref agreement, and when an answer is due.
    holder: Mapped[str | None] = mapped_column(String(200))
    due: Mapped[dt.date | None] = mapped_column(Date)
    set_by: Mapped[str | None] = mapped_column(String(200))
    set_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class PositionConflict(Base):
    """Two versions of the same position made independently (offline exchange).
    Both are kept; a user picks one with `negotiator resolve`."""

    __tablename__ = "position_conflict"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Derived from what clashes, so both laptops give one conflict the same uid.
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    negotiation_id: Mapped[int] = mapped_column(
        ForeignKey("negotiation.id", ondelete="CASCADE"), index=True
    )
    position_id: Mapped[int] = mapped_column(ForeignKey("position.id", ondelete="CASCADE"))
    # "concurrent_edit" (one position, two histories) or "duplicate" (two
    # positions of one actor on one paragraph, created apart).
    kind: Mapped[str] = mapped_column(String(20))
    # History-row uids (concurrent_edit) or position uids (duplicate), sorted.
    sides: Mapped[list[Any]] = mapped_column(default=list)
    detected_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(200))


# --- Signed packages (migration 0004) -------------------------------------------


class TrustedKey(Base):
    """A colleague's public signing key this store accepts packages from."""

    __tablename__ = "trusted_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Readable by phone: see negotiator.positions.signing.fingerprint.
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    # The raw Ed25519 public key, base64.
    public_key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    added_by: Mapped[str | None] = mapped_column(String(200))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


# --- Comparisons computed once (migration 0006) ----------------------------------


class ComparisonCache(Base):
    """A draft pair's comparison as last computed, valid while ``key`` (the
    drafts' contents, their lineages and link corrections, the comparing code)
    still matches. One row per ordered pair."""

    __tablename__ = "comparison_cache"
    __table_args__ = (UniqueConstraint("from_draft_id", "to_draft_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    from_draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id", ondelete="CASCADE"))
    to_draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    # The typed Comparison as compact JSON, zlib-compressed.
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
