"""Errors a user can cause. Their message is fit to show as it is."""

from __future__ import annotations


class NegotiatorError(Exception):
    """Base of every error the command line and the client show to the user."""


class InputError(NegotiatorError):
    """A file or text that cannot be imported: nothing was written."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class NotFound(NegotiatorError):
    """A negotiation, draft or paragraph named by the user does not exist."""


class Conflict(NegotiatorError):
    """The action clashes with what is stored (a duplicate label, a stale edit)."""


class StoreError(NegotiatorError):
    """The store cannot be opened or written: locked, damaged, or too new."""


class StaleEdit(Conflict):
    """Someone changed a position since the user loaded it: nothing was written.

    ``current_version`` is the version stored now (0: there is none any more).
    """

    def __init__(self, message: str, current_version: int = 0) -> None:
        super().__init__(message)
        self.current_version = current_version
