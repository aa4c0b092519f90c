"""What counts as a change and what counts as newly agreed: one definition each."""

from __future__ import annotations

from collections.abc import Iterable

from negotiator.domain.vocabulary import ChangeKind

# A paragraph changed when its words or its place changed. A renumbering alone
# is the chair's housekeeping, not a change a delegation must read.
CHANGED_KINDS = frozenset({ChangeKind.MODIFIED, ChangeKind.MOVED, ChangeKind.SPLIT,
                           ChangeKind.MERGED, ChangeKind.ADDED, ChangeKind.DELETED})


def is_changed(kinds: Iterable[str], *, top_matter: bool = False) -> bool:
    """Whether an alignment entry is a change a delegation must read.

    Args:
        kinds: the entry's classes, e.g. ("moved", "modified").
        top_matter: the symbol and date line above the title: a new symbol is
            not a change to the text.
    """
    return not top_matter and any(k in CHANGED_KINDS for k in kinds)


def is_newly_agreed(brackets_now: int, brackets_before: Iterable[int] | None) -> bool:
    """A paragraph is newly agreed when it has no brackets left and the paragraph(s)
    it continues had some. A new paragraph (no predecessor) is not "newly agreed":
    it was never disputed in an earlier draft."""
    if brackets_before is None:
        return False
    before = list(brackets_before)
    return bool(before) and brackets_now == 0 and sum(before) > 0
