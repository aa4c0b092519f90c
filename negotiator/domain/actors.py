"""Who speaks: the EU-coordinated line, our own delegation, and the kind of a new actor.

These rules were once decided in three places with different name lists and
case rules; every face now asks here.
"""

from __future__ import annotations

from negotiator.domain.vocabulary import ActorKind

# The actor name that stands for the line agreed in EU coordination.
EU_ACTOR = "EU"
# Names (compared case-insensitively) that mean the EU-coordinated line.
EU_NAMES = frozenset({"eu", "european union", "eu-coordinated", "eu (coordinated)"})
# Names that are groups of states rather than one state.
GROUP_NAMES = frozenset({"eu", "g77", "g-77", "g-77 and china", "nam", "african group",
                         "arab group", "au", "like-minded group", "cannz", "jusscanz"})
CHAIR_NAMES = frozenset({"chair", "the chair", "president", "facilitator", "co-facilitators"})


def actor_key(name: str | None) -> str:
    """How two actor names are compared: case, surrounding and repeated spaces do not count."""
    return " ".join((name or "").split()).casefold()


def is_eu(name: str | None) -> bool:
    """Whether an actor name means the EU-coordinated line ("EU", "European Union", ...)."""
    return actor_key(name) in EU_NAMES


def same_actor(a: str | None, b: str | None) -> bool:
    """Whether two names mean the same actor ("belgium" is "Belgium"; "EU" is "European Union")."""
    ka, kb = actor_key(a), actor_key(b)
    return bool(ka) and (ka == kb or (ka in EU_NAMES and kb in EU_NAMES))


def is_our_delegation(name: str | None, delegation: str | None) -> bool:
    """Whether an actor is the delegation this store belongs to (the national line)."""
    return bool(delegation) and not is_eu(delegation) and same_actor(name, delegation)


def actor_kind_for(name: str) -> ActorKind:
    """The kind of an actor met for the first time, guessed from its name."""
    key = actor_key(name)
    if key in GROUP_NAMES or key in EU_NAMES:
        return ActorKind.GROUP
    if key in CHAIR_NAMES:
        return ActorKind.CHAIR
    return ActorKind.STATE
