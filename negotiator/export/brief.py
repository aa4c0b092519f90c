"""The brief a head of delegation reads (the amendments file is in
``negotiator.export.amendments``).

``write_brief`` writes the annotated brief a head of delegation reads on the way
into the room, in English or French: a title block (with the meeting or file it
is for), an executive summary whose figures are those of ``negotiator diff
--json`` and ``negotiator signals --json`` for the same pair, a one-page table
of what changed and what to do, "Needs your attention" in order of severity,
then every paragraph in the order of draft B with the changes since draft A as
real Word revisions (``brief_paragraphs``).

The parts: ``brief_model`` (entries and their concerns), ``brief_summary``
(the front pages), ``brief_paragraphs`` (the body), ``brief_text`` (every
sentence in each language), ``draft_text`` (the draft's words in Word).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from negotiator.drafts import negotiations
from negotiator.drafts.comparison import compare_drafts
from negotiator.export.brief_model import (
    PROGRESS_EVERY,
    SCOPES,
    Cancel,
    Cancelled,
    Context,
    Progress,
    Scope,
    build_entries,
    in_scope,
    read_annotations,
    read_side,
    signal_flags,
)
from negotiator.export.brief_paragraphs import write_entry
from negotiator.export.brief_summary import at_a_glance, executive_summary, figures, needs_your_attention
from negotiator.export.brief_text import LANGUAGES, WORD_LANGUAGES, BriefText
from negotiator.export.docx_writer import (
    LABEL_STYLE,
    REDLINES,
    SMALL_STYLE,
    ExportError,
    Redline,
    WordDocument,
)
from negotiator.export.draft_text import describe_draft, draft_author, draft_datetime, short
from negotiator.positions.signals import signals as positions_signals
from negotiator.storage.models import Draft, Negotiation

__all__ = ["LANGUAGES", "PROGRESS_EVERY", "SCOPES", "Cancel", "Cancelled", "Progress", "Scope",
           "read_annotations", "write_brief"]


def write_brief(
    session: Session,
    negotiation: Negotiation,
    draft_a: Draft,
    draft_b: Draft,
    path: str | os.PathLike[str],
    *,
    classification: str | None = None,
    scope: Scope = "all",
    actors: Sequence[str] | None = None,
    author: str = "",
    redline: Redline = "tracked",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    today: dt.date | None = None,
    reference: str | None = None,
    language: str = "en",
) -> dict[str, Any]:
    """Write the annotated brief comparing two drafts.

    Args:
        session: an open session (read only; the caller's transaction).
        negotiation: the negotiation both drafts belong to.
        draft_a: the earlier draft (FROM).
        draft_b: the later draft (TO); paragraphs follow its order.
        path: the .docx file to write (replaced atomically).
        classification: marking for every page's header and footer.
        scope: which paragraphs: "all", "changed" (text or place changed),
            "with_positions" (our delegation holds a position), or
            "needing_instructions" (no national position).
        actors: whose positions to show (names); None for all.
        author: "prepared by" (title block, document properties).
        redline: "tracked" (real revisions) or "formatted" (struck / underlined).
        progress: called with (done, total) while writing.
        cancel: polled while writing; returning True stops with ``Cancelled``.
        today: the date printed on the brief (default today).
        reference: the meeting or file the brief is for, printed on the cover.
        language: "en" or "fr": every sentence and label of the brief (the
            draft's own words stay as they are).

    Returns:
        What was written: the summary figures, the number of paragraphs
        written, revisions and comments.

    Raises:
        ExportError: a bad option or an unwritable path.
        Cancelled: ``cancel()`` returned True; nothing was written.
    """
    if scope not in SCOPES:
        raise ExportError(f"unknown scope '{scope}' (choose {', '.join(SCOPES)})")
    if redline not in REDLINES:
        raise ExportError(f"unknown redline style '{redline}' (choose tracked or formatted)")
    if language not in LANGUAGES:
        raise ExportError(f"unknown language '{language}' (choose {', '.join(LANGUAGES)})")
    if draft_a.negotiation_id != negotiation.id or draft_b.negotiation_id != negotiation.id:
        raise ExportError("both drafts must belong to the negotiation of the brief")
    if draft_a.id == draft_b.id:
        raise ExportError(f"a brief compares two different drafts; both are '{draft_a.label}'")
    today = today or dt.date.today()
    text = BriefText(language)
    comparison = compare_drafts(session, draft_a, draft_b)
    # Red lines touched and newly agreed since draft A, the comparison this brief shows.
    signals = positions_signals(session, negotiation, draft_b, against=draft_a)
    side_a = read_side(session, negotiation, draft_a, negotiations.draft_paragraphs(session, draft_a))
    side_b = read_side(session, negotiation, draft_b, negotiations.draft_paragraphs(session, draft_b),
                       signals)
    ours = negotiation.delegation
    entries = build_entries(comparison, side_a, side_b, ours, actors, text, draft_a.label)
    flags = signal_flags(signals, ours)
    selected = [e for e in entries if in_scope(e, scope, flags, ours)]

    wd = WordDocument(
        title=text("doc_title", title=negotiation.title),
        classification=classification,
        author=author,
        footer_note=f"{short(negotiation.title)} · {draft_a.label} → {draft_b.label}",
        created=dt.datetime.now(dt.timezone.utc),
        language=WORD_LANGUAGES[language],
        page_of=(text("page"), text("page_of")),
    )
    if reference:
        wd.document.core_properties.subject = reference[:250]
    ctx = Context(wd, text, draft_a, draft_b, flags, ours, redline, draft_author(draft_b),
                  draft_datetime(draft_b), signals)
    wanted = {a.casefold() for a in actors} if actors else None

    _title_block(ctx, negotiation, today, author, scope, actors, reference)
    executive_summary(ctx, comparison, entries, len(side_b.rows))
    at_a_glance(ctx, entries, wanted, whole_draft=scope == "all")
    needs_your_attention(ctx, entries)
    figures(ctx, comparison)
    wd.page_break()
    wd.heading(text("body_heading"), 1)
    if not selected:
        wd.paragraph(text("no_match", b=draft_b.label, scope=text(f"scope_{scope}")), italic=True)
    total = len(selected)
    comments = 0
    section: str | None = None
    for n, entry in enumerate(selected, 1):
        if cancel is not None and cancel():
            raise Cancelled("export cancelled; no file was written")
        rows = entry.new or entry.old
        if scope != "all" and not entry.is_heading:
            here = rows[0].section
            if here and here != section:
                wd.heading(here, 2)
            section = here
        comments += write_entry(ctx, entry)
        if progress is not None and (n % PROGRESS_EVERY == 0 or n == total):
            progress(n, total)
    if cancel is not None and cancel():
        raise Cancelled("export cancelled; no file was written")
    wd.save(path)
    return {
        "path": str(path),
        "paragraphs": total,
        "revisions": wd.revisions,
        "comments": comments,
        "summary": comparison.summary,
        "signals": signals,
    }


def _title_block(ctx: Context, negotiation: Negotiation, today: dt.date, author: str,
                 scope: str, actors: Sequence[str] | None, reference: str | None) -> None:
    wd, t = ctx.wd, ctx.text
    who = negotiation.delegation
    wd.paragraph(t("delegation", who=who) if who else t("briefing_note"), SMALL_STYLE)
    wd.paragraph(t("kicker"), LABEL_STYLE)
    wd.heading(negotiation.title, 0)
    wd.paragraph(negotiation.forum or "", "Subtitle")
    rows = []
    if reference and reference.strip():
        rows.append([t("row_reference"), reference.strip()])
    rows += [
        [t("row_drafts"), f"{describe_draft(ctx.draft_a, t.language)}  →  "
                          f"{describe_draft(ctx.draft_b, t.language)}"],
        [t("row_date"), t.date(today)],
        [t("row_author"), author or t("none")],
        [t("row_covers"), t(f"scope_{scope}")],
        [t("row_actors"), ", ".join(actors) if actors else t("all_delegations")],
    ]
    wd.table(None, rows, widths_mm=[45, 115], first_column_bold=True)
    if ctx.redline == "tracked":
        how = t("how_tracked", author=t.quote(ctx.change_author))
    else:
        how = t("how_formatted")
    wd.paragraph(t("how_notes", how=how), SMALL_STYLE)
