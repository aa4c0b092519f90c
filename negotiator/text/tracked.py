"""How to read a Word file's tracked changes (open revisions).

A chair's text with open revisions is a decision for the reader, not a
default: the window asks, the command line wants ``--tracked-changes``.
"""

from __future__ import annotations

from enum import StrEnum


class TrackedChanges(StrEnum):
    """Which text of a document with tracked changes to import."""

    ACCEPT = "accept"  # as after Word's "Accept All": insertions kept, deletions dropped
    REJECT = "reject"  # as after "Reject All": insertions dropped, deletions kept
