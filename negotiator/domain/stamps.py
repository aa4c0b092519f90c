"""Time and identity stamps shared by everything a delegation writes."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

# Returns the current time; passed in so tests and merges can fix it.
Clock = Callable[[], dt.datetime]


def utcnow() -> dt.datetime:
    """The current UTC time, naive (the store keeps UTC without a zone)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def new_uid() -> str:
    """A new identifier that stays the same on every laptop the row travels to."""
    return str(uuid.uuid4())
