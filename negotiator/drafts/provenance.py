"""Where a draft came from: a draft that arrived in a colleague's position
package says who brought it until a user confirms it against the chair's
document. Until then it is shown as "from <colleague>'s package, not
confirmed" (``drafts``, the window's tree).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from negotiator.domain.errors import Conflict
from negotiator.domain.stamps import utcnow
from negotiator.storage.models import Draft


def unconfirmed_note(brought_by: str | None, confirmed_at: dt.datetime | None) -> str | None:
    """The mark of a draft a colleague's package brought and nobody confirmed yet."""
    if brought_by is None or confirmed_at is not None:
        return None
    return f"from {brought_by}'s package, not confirmed"


def confirm_draft(session: Session, draft: Draft, author: str | None) -> dict[str, Any]:
    """Record that a user checked a draft brought in a package against the
    chair's document.

    Raises:
        Conflict: the draft was imported here (nothing to confirm) or is confirmed already.
    """
    if draft.brought_by is None:
        raise Conflict(f"draft '{draft.label}' was imported in this store, not brought in a "
                       "package: there is nothing to confirm")
    if draft.confirmed_at is not None:
        raise Conflict(f"draft '{draft.label}' was confirmed already by "
                       f"{draft.confirmed_by or '?'} on {draft.confirmed_at:%Y-%m-%d}")
    draft.confirmed_by, draft.confirmed_at = author, utcnow()
    session.flush()
    return {"draft": draft.label, "brought_by": draft.brought_by, "confirmed_by": author}
