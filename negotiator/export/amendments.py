"""The amendments file: the file a delegation sends to the chair.

``write_amendments`` writes a draft with one delegation's proposed amendments as
tracked changes authored by that delegation (and, where an amendment cannot
honestly be shown as wording, as a comment by it).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from sqlalchemy.orm import Session

from negotiator.diff.worddiff import word_diff
from negotiator.drafts import negotiations
from negotiator.export.brief import (
    PROGRESS_EVERY,
    Cancel,
    Cancelled,
    PositionView,
    Progress,
    _describe_draft,
    _indent_level,
    _number_run,
    _printed_number,
    _short,
    _write_text,
    read_annotations,
)
from negotiator.export.docx_writer import DRAFT_TEXT_STYLE, SMALL_STYLE, ExportError, WordDocument
from negotiator.storage.models import Draft, Negotiation

# A replacement text that keeps less than this share of the paragraph's
# characters is read as an instruction ("Replace X with Y"), not as wording.
REPLACEMENT_MIN_KEPT = 0.5


def write_amendments(
    session: Session,
    negotiation: Negotiation,
    draft: Draft,
    actor: str,
    path: str | os.PathLike[str],
    *,
    classification: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> dict[str, Any]:
    """Write the draft with one actor's proposed amendments as tracked changes.

    The text and numbering are the draft's; each paragraph the actor proposes
    to amend carries the change as revisions authored by that delegation, so
    the chair can accept or reject each one in Word. Talking points, red lines
    and fallbacks are internal and never written.

    Args:
        session: an open session (read only).
        negotiation: the negotiation.
        draft: the base text the amendments are made against.
        actor: the delegation proposing them (as named in its positions).
        path: the .docx to write.
        classification: an optional marking (none by default: the file goes out).
        progress: called with (done, total).
        cancel: polled; returning True stops with ``Cancelled``.

    Returns:
        {"path", "paragraphs", "amended", "revisions"}.

    Raises:
        ExportError: the actor has no amendments on this draft, or a bad path.
    """
    rows = negotiations.draft_paragraphs(session, draft)
    annotations = read_annotations(session, negotiation, draft)
    positions = annotations[0] if annotations else {}
    amendments: dict[int, PositionView] = {}
    for index, views in positions.items():
        for v in views:
            if v.actor.casefold() == actor.casefold() and v.amendment:
                amendments[index] = v
                actor = v.actor
    if not amendments:
        raise ExportError(f"{actor} proposes no amendments to '{draft.label}' of "
                          f"'{negotiation.title}'")
    wd = WordDocument(
        title=f"Amendments proposed by {actor} to {draft.label}",
        classification=classification,
        author=actor,
        footer_note=f"{_short(negotiation.title)} · {draft.label} · amendments by {actor}",
        created=dt.datetime.now(dt.timezone.utc),
    )
    wd.paragraph(negotiation.forum or "", SMALL_STYLE)
    wd.heading(negotiation.title, 0)
    wd.paragraph(f"Amendments proposed by {actor} to {_describe_draft(draft)}", "Subtitle")
    wd.paragraph("The proposed amendments are shown as tracked changes against the text "
                 f"of {draft.label}; the numbering is that of {draft.label}.", SMALL_STYLE)
    total = len(rows)
    tracked = commented = 0
    for n, r in enumerate(rows, 1):
        if cancel is not None and cancel():
            raise Cancelled("export cancelled; no file was written")
        view = amendments.get(r["index"])
        change = _amendment_ops(r["text"], view) if view is not None else None
        if r["kind"] == "heading":
            p = wd.paragraph(style="Heading 2")
            if r.get("number"):
                wd.add_text(p, f"{_printed_number(r['number'], heading=True)} ")
        else:
            p = wd.paragraph(style=DRAFT_TEXT_STYLE)
            _number_run(wd, p, r)
            _indent_level(p, r)
        _write_text(wd, p, change or [("=", r["text"])], r["kind"], redline="tracked",
                    author=actor, date=None, break_long_words=False)
        if view is not None and change is None:
            # Not a wording to track (an instruction such as "Replace X with Y",
            # or written on an earlier wording): the chair gets it as a comment.
            wd.comment(p, f"Amendment proposed by {actor}: {view.amendment}", author=actor)
            commented += 1
        elif change is not None:
            tracked += 1
        if progress is not None and (n % PROGRESS_EVERY == 0 or n == total):
            progress(n, total)
    wd.save(path)
    return {"path": str(path), "paragraphs": total, "amended": tracked,
            "commented": commented, "revisions": wd.revisions}


def _amendment_ops(text: str, view: PositionView) -> list[tuple[str, str]] | None:
    """The amendment as word-diff ops against the paragraph, or None when it
    cannot honestly be shown as tracked changes: the position was taken on
    another wording, or its text is an instruction rather than the paragraph
    as amended (it keeps too little of the paragraph)."""
    if view.state not in (None, "current"):
        return None
    proposed = view.amended_text or view.amendment or ""
    change = word_diff(text, proposed)
    if "[-" in (view.amendment or "") or "{+" in (view.amendment or ""):
        return change  # an edit written against this very wording
    kept = sum(len(t) for op, t in change if op == "=" and t.strip())
    return change if kept >= REPLACEMENT_MIN_KEPT * len(text) else None
