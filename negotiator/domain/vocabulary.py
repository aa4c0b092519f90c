"""One vocabulary for the whole program.

Each enum is a ``StrEnum`` whose values are what the store holds and what the
command line prints, so a value read from the database or from JSON compares
equal to its member. "Status" used to mean four things; each now has its name:
``ChangeKind`` (what the chair did to a paragraph between two drafts),
``Stance`` and ``PositionStage`` (a position), ``Agreement`` (where a paragraph
stands in the negotiation) and ``CarryState`` (where a position stands on a
later draft).
"""

from __future__ import annotations

from enum import StrEnum


class ChangeKind(StrEnum):
    """What happened to a paragraph between two drafts (an alignment class)."""

    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    RENUMBERED = "renumbered"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    ADDED = "added"
    DELETED = "deleted"


class Stance(StrEnum):
    SUPPORT = "support"
    SUPPORT_WITH_AMENDMENTS = "support_with_amendments"
    OPPOSE = "oppose"
    RESERVE = "reserve"
    NO_POSITION = "no_position"


class PositionStage(StrEnum):
    """How far a position has travelled: written, agreed in coordination, said in the room."""

    DRAFT = "draft"
    COORDINATED = "coordinated"
    DELIVERED = "delivered"


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Agreement(StrEnum):
    """A paragraph's standing: open and bracketed follow from its text, the others a user sets."""

    OPEN = "open"
    BRACKETED = "bracketed"
    AGREED_AD_REF = "agreed_ad_ref"
    AGREED = "agreed"


class CarryState(StrEnum):
    """Where a position taken on an earlier wording stands on a later draft."""

    CURRENT = "current"
    NEEDS_REVIEW = "needs_review"
    PARAGRAPH_DELETED = "paragraph_deleted"
    SPLIT = "split"
    MERGED = "merged"


class Uptake(StrEnum):
    """How much of a proposed amendment a later draft took up."""

    ADOPTED = "adopted"
    PARTLY = "partly"
    NOT_REFLECTED = "not_reflected"


class ParagraphKind(StrEnum):
    HEADING = "heading"
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    SUB_PARAGRAPH = "sub-paragraph"
    OTHER = "other"


class ActorKind(StrEnum):
    STATE = "state"
    GROUP = "group"
    CHAIR = "chair"
    OTHER = "other"


# Carry states after which a position must be looked at again.
REVIEW_STATES = frozenset({CarryState.NEEDS_REVIEW, CarryState.SPLIT, CarryState.MERGED,
                           CarryState.PARAGRAPH_DELETED})
# Agreement values a user may set ("bracketed" follows from the text).
SETTABLE_AGREEMENTS = (Agreement.AGREED_AD_REF, Agreement.AGREED, Agreement.OPEN)
