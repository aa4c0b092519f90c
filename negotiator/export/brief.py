"""The brief a head of delegation reads (the amendments file is in
``negotiator.export.amendments``).

``write_brief`` writes the annotated brief a head of delegation reads on the way
into the room: a title block, an executive summary whose figures are those of
``negotiator diff --json`` and ``negotiator signals --json`` for the same pair,
then every paragraph in the order of draft B with the changes since draft A as
real Word revisions, what moved / split / merged / disappeared said plainly,
our position, the EU line, other delegations' positions, and notes as comments.

It reads the store through a few small functions (``_compare``,
``read_annotations``, ``read_signals``) so the document code does
not depend on how positions are stored.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from docx.shared import Mm
from sqlalchemy.orm import Session

from negotiator.diff.salience import Salient
from negotiator.diff.worddiff import new_text, old_text, word_diff
from negotiator.domain.actors import is_eu, is_our_delegation
from negotiator.domain.changes import is_changed
from negotiator.domain.errors import NegotiatorError
from negotiator.domain.vocabulary import ChangeKind
from negotiator.domain.wording import plural
from negotiator.drafts import negotiations
from negotiator.drafts.comparison import AlignedEntry, Comparison, compare_drafts
from negotiator.drafts.negotiations import ParagraphView
from negotiator.export.docx_writer import (
    DRAFT_TEXT_STYLE,
    LABEL_STYLE,
    REDLINES,
    SMALL_STYLE,
    ExportError,
    Redline,
    WordDocument,
)
from negotiator.positions.board import draft_positions
from negotiator.positions.results import NoteView, PositionView, Signals
from negotiator.positions.signals import signals as positions_signals
from negotiator.storage.models import Draft, Negotiation
from negotiator.text.parse import ADVERBS

Scope = Literal["all", "changed", "with_positions", "needing_instructions"]
SCOPES: tuple[str, ...] = ("all", "changed", "with_positions", "needing_instructions")
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

# Classes of the alignment, in the order the summary lists them.
CLASSES = tuple(str(k) for k in ChangeKind)
STANCE_WORDS = {
    "support": "Support",
    "support_with_amendments": "Support with amendments",
    "oppose": "Oppose",
    "reserve": "Reserve",
    "no_position": "No position",
}
STATE_WORDS = {
    "current": "still current",
    "needs_review": "needs review: the wording changed since it was taken",
    "paragraph_deleted": "the paragraph was deleted",
    "split": "the paragraph was split",
    "merged": "the paragraph was merged",
}
UPTAKE_WORDS = {"adopted": "adopted", "partly": "partly reflected", "not_reflected": "not reflected"}
# Progress is reported this often (entries), so a 10,000-paragraph brief
# does not flood a progress bar.
PROGRESS_EVERY = 10
# The draft-text style's left indent (15 mm) and one step per sub-level.
BASE_INDENT_MM = 15
LEVEL_INDENT_MM = 8
# The footer holds the title, the drafts and "Page X of Y" on one line.
FOOTER_TITLE_CHARS = 48


class Cancelled(NegotiatorError):
    """The user cancelled an export; no file was written."""


# --------------------------------------------------------------------------- reading


def read_annotations(
    session: Session, negotiation: Negotiation, draft: Draft
) -> tuple[dict[int, list[PositionView]], dict[int, list[NoteView]]]:
    """Per paragraph index of a draft, the positions that speak for each actor there
    (the rule every face uses) and the notes on it."""
    positions: dict[int, list[PositionView]] = {}
    notes: dict[int, list[NoteView]] = {}
    for row in draft_positions(session, negotiation, draft):
        if row.index is None:  # positions whose paragraph ended before this draft
            continue
        speaking = sorted(row.speaking(), key=lambda v: v.actor.casefold())
        if speaking:
            positions[row.index] = speaking
        live = [n for n in row.notes if not n.deleted]
        if live:
            notes[row.index] = live
    return positions, notes


# --------------------------------------------------------------------------- model of the brief


@dataclass
class Entry:
    """One line of the alignment, ready to write."""

    statuses: tuple[str, ...]
    old: list[ParagraphView]  # paragraphs of A
    new: list[ParagraphView]  # paragraphs of B
    ops: list[tuple[str, str]]
    salient: list[Salient]
    positions: list[PositionView] = field(default_factory=list)
    notes: list[NoteView] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return is_changed(self.statuses)

    @property
    def is_heading(self) -> bool:
        rows = self.new or self.old
        return bool(rows) and all(r.kind == "heading" for r in rows)


def _printed_number(number: str | None, *, heading: bool = False) -> str:
    """The number as printed before a text: "12." / "12 bis." / "(a)"; a
    heading's "I" or "A" becomes "I." / "A."."""
    if not number:
        return ""
    number = number.strip()
    if number.endswith((".", ")")):
        return number
    if number[0].isdigit() or (heading and number[-1].isalnum()):
        return number + "."
    return number


def _entry_ops(item: AlignedEntry, old: list[ParagraphView], new: list[ParagraphView]) -> list[tuple[str, str]]:
    """Ops from the comparison when they rebuild the paragraphs, else diffed here
    (e.g. for a merge, the joined old texts against the new one)."""
    given = list(item.ops)
    a = " ".join(r.text for r in old)
    b = " ".join(r.text for r in new)
    if given and old_text(given) == a and new_text(given) == b:
        return given
    if not old:
        return [("+", b)] if b else []
    if not new:
        return [("-", a)] if a else []
    return word_diff(a, b)


def _join(labels: Iterable[str]) -> str:
    items = list(labels)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --------------------------------------------------------------------------- the brief


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
    if draft_a.negotiation_id != negotiation.id or draft_b.negotiation_id != negotiation.id:
        raise ExportError("both drafts must belong to the negotiation of the brief")
    if draft_a.id == draft_b.id:
        raise ExportError(f"a brief compares two different drafts; both are '{draft_a.label}'")
    today = today or dt.date.today()
    comparison = compare_drafts(session, draft_a, draft_b)
    rows_a = negotiations.draft_paragraphs(session, draft_a)
    rows_b = negotiations.draft_paragraphs(session, draft_b)
    labels_a = {r.index: r.reference for r in rows_a}
    labels_b = {r.index: r.reference for r in rows_b}
    positions_b, notes_b = read_annotations(session, negotiation, draft_b)
    positions_a, notes_a = read_annotations(session, negotiation, draft_a)
    signals = positions_signals(session, negotiation, draft_b)
    wanted = {a.casefold() for a in actors} if actors else None
    ours = negotiation.delegation

    def keep(views: list[PositionView]) -> list[PositionView]:
        return [v for v in views if wanted is None or v.actor.casefold() in wanted]

    entries: list[Entry] = []
    for item in comparison.entries:
        old = [rows_a[i] for i in item.old]
        new = [rows_b[i] for i in item.new]
        # The new symbol and date are tracked like any text but are not a change to negotiate.
        statuses = ("symbol and date",) if item.top_matter else tuple(str(k) for k in item.kinds)
        entry = Entry(statuses, old, new, _entry_ops(item, old, new), list(item.salient))
        if new:
            for r in new:
                entry.positions += keep(positions_b.get(r.index, []))
                entry.notes += notes_b.get(r.index, [])
        else:
            for r in old:
                entry.positions += keep(positions_a.get(r.index, []))
                entry.notes += notes_a.get(r.index, [])
        entries.append(entry)

    flags = _flags(signals, ours)
    selected = [e for e in entries if _in_scope(e, scope, flags, ours)]

    wd = WordDocument(
        title=f"Brief: {negotiation.title}",
        classification=classification,
        author=author,
        footer_note=f"{_short(negotiation.title)} · {draft_a.label} → {draft_b.label}",
        created=dt.datetime.now(dt.timezone.utc),
    )
    change_author = _draft_author(draft_b)
    change_date = _draft_datetime(draft_b)
    ctx = _Context(wd, labels_a, labels_b, draft_a, draft_b, flags, ours, redline,
                   change_author, change_date)

    _title_block(wd, negotiation, draft_a, draft_b, today, author, scope, actors, redline)
    _executive_summary(ctx, comparison, signals, entries, len(rows_b))
    wd.heading("Paragraph by paragraph", 1)
    if not selected:
        wd.paragraph(f"No paragraph of {draft_b.label} matches the chosen scope "
                     f"({scope.replace('_', ' ')}).", italic=True)
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
        comments += _write_entry(ctx, entry)
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


@dataclass
class _Context:
    wd: WordDocument
    labels_a: dict[int, str]
    labels_b: dict[int, str]
    draft_a: Draft
    draft_b: Draft
    flags: dict[str, set[int]]
    ours: str | None
    redline: Redline
    change_author: str
    change_date: dt.datetime


def _short(title: str) -> str:
    """A title short enough for the footer line."""
    if len(title) <= FOOTER_TITLE_CHARS:
        return title
    return title[: FOOTER_TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _draft_author(draft: Draft) -> str:
    return f"{draft.label} ({draft.symbol})" if draft.symbol else draft.label


def _draft_datetime(draft: Draft) -> dt.datetime:
    if draft.date:
        return dt.datetime(draft.date.year, draft.date.month, draft.date.day, tzinfo=dt.timezone.utc)
    imported = draft.imported_at or dt.datetime.now()
    return imported.replace(tzinfo=dt.timezone.utc)


def _describe_draft(draft: Draft) -> str:
    parts = [draft.label]
    extra = [x for x in (draft.symbol, _long_date(draft.date) if draft.date else None) if x]
    if extra:
        parts.append(f"({', '.join(extra)})")
    return " ".join(parts)


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _flags(signals: Signals, ours: str | None) -> dict[str, set[int]]:
    """Paragraph indices of draft B per signal, for the markers beside each paragraph."""
    out: dict[str, set[int]] = {
        "divergent": set(signals.divergent), "red_lines_touched": set(signals.red_lines_touched),
        "no_instructions": set(signals.no_instructions), "newly_agreed": set(signals.newly_agreed),
        "adopted": set(), "partly": set(), "not_reflected": set()}
    for u in signals.uptake:
        if ours is None or is_our_delegation(u.actor, ours):
            out[str(u.result)].add(u.index)
    return out


def _in_scope(entry: Entry, scope: str, flags: dict[str, set[int]], ours: str | None) -> bool:
    if scope == "all":
        return True
    if entry.is_heading:
        return False
    if scope == "changed":
        return entry.changed
    indices = {r.index for r in entry.new}
    if scope == "needing_instructions":
        return bool(indices & flags["no_instructions"])
    # with_positions: our delegation holds a position (any actor when we have no name)
    return any(ours is None or is_our_delegation(p.actor, ours) for p in entry.positions)


def _title_block(wd: WordDocument, negotiation: Negotiation, draft_a: Draft, draft_b: Draft,
                 today: dt.date, author: str, scope: str, actors: Sequence[str] | None,
                 redline: Redline) -> None:
    who = negotiation.delegation
    wd.paragraph(f"Delegation of {who}" if who else "Briefing note", SMALL_STYLE)
    wd.paragraph("BRIEFING NOTE FOR THE HEAD OF DELEGATION", LABEL_STYLE)
    wd.heading(negotiation.title, 0)
    wd.paragraph(negotiation.forum or "", "Subtitle")
    scope_words = {
        "all": "all paragraphs",
        "changed": "paragraphs changed since the earlier draft",
        "with_positions": "paragraphs on which we hold a position",
        "needing_instructions": "paragraphs needing instructions",
    }[scope]
    rows = [
        ["Drafts compared", f"{_describe_draft(draft_a)}  →  {_describe_draft(draft_b)}"],
        ["Date of this brief", _long_date(today)],
        ["Prepared by", author or "—"],
        ["Covers", scope_words],
        ["Positions shown", ", ".join(actors) if actors else "all delegations"],
    ]
    wd.table(None, rows, widths_mm=[45, 115], first_column_bold=True)
    if redline == "tracked":
        how = ("Changes since the earlier draft appear as tracked changes "
               f"(author “{_draft_author(draft_b)}”)")
    else:
        how = ("Changes since the earlier draft are marked in the text: deleted words struck "
               "through in red, inserted words underlined in blue")
    wd.paragraph(f"{how}; notes appear as comments.", SMALL_STYLE)


def _executive_summary(ctx: _Context, comparison: Comparison, signals: Signals,
                       entries: list[Entry], paragraphs_b: int) -> None:
    wd = ctx.wd
    summary = comparison.summary
    a, b = ctx.draft_a.label, ctx.draft_b.label
    wd.heading("Executive summary", 1)

    count = Counter({str(k): n for k, n in summary.counts.items()})
    changes = [f"{count[k]} {word}" for k, word in (
        ("modified", "modified"), ("added", "added"), ("deleted", "deleted"), ("moved", "moved"),
        ("split", "split"), ("merged", "merged"), ("renumbered", "only renumbered")) if count[k]]
    key_points = [
        f"{b} has {plural(paragraphs_b, 'paragraph')}"
        + (f"; since {a}: {_join(changes)}." if changes else f"; no paragraph changed since {a}."),
        f"Square brackets: {summary.brackets_from} in {a}, {summary.brackets_to} in {b}.",
    ]
    ours = ctx.flags
    if not signals.has_national_positions:
        key_points.append(f"No national positions are recorded for {b}: red lines, divergence "
                          "from the EU line and the uptake of our proposals cannot be assessed.")
    else:
        touched = ours["red_lines_touched"]
        key_points.append(_count_sentence(
            touched, "No paragraph carrying one of our red lines changed in this draft.",
            "paragraph carrying our red line changed", "paragraphs carrying our red lines changed", ctx))
        if signals.has_eu_positions:
            key_points.append(_count_sentence(
                ours["divergent"], "Where both are recorded, the national line and the EU line agree.",
                "paragraph diverges from the EU line", "paragraphs diverge from the EU line", ctx))
        else:
            key_points.append(f"No EU line is recorded for {b}: divergence cannot be assessed.")
        uptake = [f"{len(ours[k])} {word}" for k, word in (
            ("adopted", "adopted"), ("partly", "partly reflected"),
            ("not_reflected", "not reflected")) if ours[k]]
        if uptake:
            key_points.append(f"Our proposals: {_join(uptake)}.")
    key_points.append(_instructions_sentence(ctx, entries))
    for point in key_points:
        wd.paragraph(point, "List Bullet")

    wd.heading("Figures", 2)
    text_rows = [[k.capitalize(), str(count[k])] for k in CLASSES]
    text_rows.append(["Brackets before", str(summary.brackets_from)])
    text_rows.append(["Brackets after", str(summary.brackets_to)])
    uptake_count = Counter(str(u.result) for u in signals.uptake
                           if ctx.ours is None or is_our_delegation(u.actor, ctx.ours))
    # Figures as `signals --json` gives them; "n/a" where no position exists to measure.
    assessed = signals.has_national_positions
    position_rows = [
        ["Red lines touched", str(len(signals.red_lines_touched)) if assessed else "n/a"],
        ["Divergences from the EU line",
         str(len(signals.divergent)) if assessed and signals.has_eu_positions else "n/a"],
        ["Proposals adopted", str(uptake_count["adopted"])],
        ["Proposals partly reflected", str(uptake_count["partly"])],
        ["Proposals not reflected", str(uptake_count["not_reflected"])],
        ["Paragraphs needing instructions", str(len(signals.no_instructions))],
        ["Newly agreed paragraphs", str(len(signals.newly_agreed))],
    ]
    # Two measures per row (the text | our positions) keep the table to half a page.
    rows = []
    for i in range(max(len(text_rows), len(position_rows))):
        left = text_rows[i] if i < len(text_rows) else ["", ""]
        right = position_rows[i] if i < len(position_rows) else ["", ""]
        rows.append(left + right)
    wd.table(["The text", "Number", "Our positions", "Number"], rows,
             widths_mm=[42, 20, 75, 23])

    attention = _attention_rows(ctx, entries)
    if attention:
        wd.heading("Needs your attention", 2)
        wd.table(["Paragraph", "Change", "Why it matters"], attention, widths_mm=[25, 45, 90],
                 first_column_bold=True)


def _instructions_sentence(ctx: _Context, entries: list[Entry]) -> str:
    """Paragraphs without a national position; the changed ones named."""
    missing = ctx.flags["no_instructions"]
    if not missing:
        return "Every paragraph has a national position."
    changed = sorted(r.index for e in entries if e.changed and not e.is_heading
                     for r in e.new if r.index in missing)
    total = f"{len(missing)} paragraph{'s' if len(missing) != 1 else ''} of " \
            f"{ctx.draft_b.label} have no national position"
    if not changed:
        return total + "; none of them changed in this draft."
    return (total + f"; {len(changed)} of them changed and need instructions: "
            + _join(ctx.labels_b[i] for i in changed) + ".")


def _count_sentence(indices: set[int], none: str, one: str, many: str, ctx: _Context) -> str:
    """ "No paragraph ...", or "2 paragraphs ...: 4 and 7." with the paragraphs named."""
    if not indices:
        return none
    where = _join(ctx.labels_b.get(i, str(i)) for i in sorted(indices))
    return f"{len(indices)} {one if len(indices) == 1 else many}: {where}."


def _attention_rows(ctx: _Context, entries: list[Entry]) -> list[list[str]]:
    rows: list[list[str]] = []
    for e in entries:
        if e.is_heading:
            continue
        reasons = _reasons(ctx, e)
        salient = [_salient_text(s) for s in e.salient]
        if not reasons and not salient:
            continue
        label = (ctx.labels_b[e.new[0].index] if e.new
                 else f"{ctx.labels_a[e.old[0].index]} ({ctx.draft_a.label})")
        change = ", ".join(e.statuses)
        if salient:
            change += "; " + "; ".join(salient)
        rows.append([label, change, "; ".join(reasons) or "obligation wording changed"])
    return rows


def _reasons(ctx: _Context, e: Entry) -> list[str]:
    idx = {r.index for r in e.new}
    out = []
    if idx & ctx.flags["red_lines_touched"]:
        out.append("our red line is touched")
    if idx & ctx.flags["divergent"]:
        out.append("national line diverges from the EU line")
    if idx & ctx.flags["not_reflected"]:
        out.append("our proposal is not reflected")
    if idx & ctx.flags["partly"]:
        out.append("our proposal is only partly reflected")
    if idx & ctx.flags["no_instructions"] and e.changed:
        out.append("no instructions")
    if not e.new and any(is_our_delegation(p.actor, ctx.ours) for p in e.positions):
        out.append("we hold a position on this deleted paragraph")
    return out


def _plain_statement(ctx: _Context, e: Entry) -> str | None:
    """Moved / split / merged / added / deleted / renumbered, said in words, with
    every paragraph named by its reference in its own draft."""
    a, b = ctx.draft_a.label, ctx.draft_b.label
    olds = [ctx.labels_a[r.index] for r in e.old]
    news = [ctx.labels_b[r.index] for r in e.new]
    s = set(e.statuses)
    if "deleted" in s:
        return f"Deleted: {olds[0]} of {a} does not appear in {b}."
    if "added" in s:
        return f"New in {b}: no corresponding paragraph in {a}."
    if "split" in s:
        return f"Split: {olds[0]} of {a} is now {_join(news)} in {b}."
    if "merged" in s:
        return f"Merged: {_join(olds)} of {a} are now {news[0]} in {b}."
    if "moved" in s:
        return f"Moved: this was {olds[0]} of {a}; it now stands elsewhere in the order."
    if olds and news and olds[0] != news[0]:
        if "renumbered" in s:
            return f"Renumbered: this was {olds[0]} of {a}."
        return f"This was {olds[0]} of {a}."  # e.g. a sub-paragraph whose parent moved up
    return None


def _write_entry(ctx: _Context, e: Entry) -> int:
    """One paragraph (or heading) with its changes, positions and notes."""
    wd = ctx.wd
    if e.is_heading:
        p = wd.paragraph(style="Heading 2")
        number = (e.new or e.old)[0].number
        if number:
            wd.add_text(p, f"{_printed_number(number, heading=True)} ")
        wd.add_diff(p, e.ops, redline=ctx.redline, author=ctx.change_author, date=ctx.change_date)
        return 0

    rows = e.new or e.old
    label = (ctx.labels_b[rows[0].index] if e.new
             else ctx.labels_a[rows[0].index])
    markers = _markers(ctx, e)
    heading = wd.paragraph(style=LABEL_STYLE)
    name = label
    if not e.new:  # a deleted paragraph is named by its place in the earlier draft
        name = f"{label} of {ctx.draft_a.label}"
    wd.add_text(heading, name)
    wd.add_text(heading, "   " + " · ".join(e.statuses), bold=False, colour="595959")
    for text, colour in markers:
        wd.add_text(heading, "   " + text, colour=colour)

    statement = _plain_statement(ctx, e)
    if statement:
        wd.paragraph(statement, SMALL_STYLE, keep_with_next=True)

    anchor = None
    if "split" in e.statuses and len(e.new) > 1:
        # Each part as it now reads; the old paragraph once, for reference.
        for r in e.new:
            p = wd.paragraph(style=DRAFT_TEXT_STYLE)
            _number_run(wd, p, r)
            _indent_level(p, r)
            _write_text(wd, p, [("=", r.text)], r.kind, redline=ctx.redline,
                        author=ctx.change_author, date=ctx.change_date)
            anchor = anchor or p
        old = wd.paragraph(style=SMALL_STYLE)
        wd.add_text(old, f"{ctx.draft_a.label} read: ", bold=True)
        wd.add_text(old, " ".join(r.text for r in e.old), italic=True)
    else:
        p = wd.paragraph(style=DRAFT_TEXT_STYLE)
        _number_run(wd, p, rows[0])
        _write_text(wd, p, e.ops, rows[0].kind, redline=ctx.redline,
                    author=ctx.change_author, date=ctx.change_date)
        _indent_level(p, rows[0])
        anchor = p
    if e.salient:
        wd.paragraph("Salient: " + "; ".join(_salient_text(s) for s in e.salient), SMALL_STYLE)

    _write_positions(ctx, e)
    comments = 0
    for note in e.notes:
        when = f" ({note.created_at:%d %b %Y})" if note.created_at else ""
        wd.comment(anchor, f"{note.text}{when}", author=note.author or "Delegation note")
        comments += 1
    return comments


def _number_run(wd: WordDocument, p: Any, row: ParagraphView) -> None:
    """The paragraph's number in bold, then a tab to the hanging indent."""
    printed = _printed_number(row.number)
    wd.add_text(p, printed + "\t" if printed else "\t", bold=True)


_OPENING = re.compile(r"^\s*([^\W\d_]+)((?:\s+[^\W\d_]+){0,2})")
# Words that continue an opening verb or participle ("Calls upon", "Bearing in mind").
_OPENING_TAILS = ("upon", "on", "in mind", "note of", "note", "into account", "with")


def _opening_words(text: str, kind: str) -> int:
    """How many leading characters are the opening verb or participle that UN
    and OSCE texts set in italics ("Recalling", "Also encourages", "Calls upon")."""
    if kind not in ("preambular", "operative"):
        return 0
    m = _OPENING.match(text)
    if not m or not m.group(1)[0].isupper():
        return 0
    end = m.end(1)
    rest = m.group(2).split()
    if m.group(1).lower() in ADVERBS and rest:
        nxt = re.match(r"\s+[^\W\d_]+", text[end:])
        end += nxt.end() if nxt else 0
        rest = rest[1:]
    for tail in _OPENING_TAILS:
        t = re.match(rf"\s+{re.escape(tail)}\b", text[end:], re.IGNORECASE)
        if t and " ".join(rest).lower().startswith(tail):
            end += t.end()
            break
    return end


def _write_text(wd: WordDocument, p: Any, ops_: list[tuple[str, str]], kind: str, *,
                redline: Redline, author: str, date: dt.datetime | None,
                break_long_words: bool = True) -> None:
    """A paragraph's words (as diff ops) with its opening words in italics when
    they are unchanged."""
    if ops_ and ops_[0][0] == "=":
        n = _opening_words(ops_[0][1], kind)
        if n:
            wd.add_text(p, ops_[0][1][:n], italic=True, break_long_words=break_long_words)
            ops_ = [("=", ops_[0][1][n:])] + ops_[1:]
    wd.add_diff(p, ops_, redline=redline, author=author, date=date,
                break_long_words=break_long_words)


def _salient_text(item: Salient) -> str:
    return item.description.replace(" -> ", " → ")


def _markers(ctx: _Context, e: Entry) -> list[tuple[str, str]]:
    idx = {r.index for r in e.new}
    out = []
    if idx & ctx.flags["red_lines_touched"]:
        out.append(("RED LINE TOUCHED", "C00000"))
    if idx & ctx.flags["divergent"]:
        out.append(("DIVERGES FROM EU LINE", "C55A11"))
    if idx & ctx.flags["no_instructions"] and e.changed:
        # an unchanged paragraph without a position is listed in the summary only
        out.append(("NEEDS INSTRUCTIONS", "7F6000"))
    if idx & ctx.flags["newly_agreed"]:
        out.append(("NEWLY AGREED", "2E7D32"))
    for key, word in (("adopted", "OUR PROPOSAL ADOPTED"), ("partly", "OUR PROPOSAL PARTLY REFLECTED"),
                      ("not_reflected", "OUR PROPOSAL NOT REFLECTED")):
        if idx & ctx.flags[key]:
            out.append((word, "1F3864"))
    return out


def _write_positions(ctx: _Context, e: Entry) -> None:
    wd = ctx.wd
    if not e.positions:
        return
    ours = [p for p in e.positions if is_our_delegation(p.actor, ctx.ours)]
    eu = [p for p in e.positions if is_eu(p.actor)]
    others = [p for p in e.positions if p not in ours and p not in eu]
    for pos in ours:
        rows = [["Our position", _stance_line(pos)]]
        for title, value in (("Proposed amendment", pos.amendment), ("Talking points", pos.rationale),
                             ("Red line", pos.red_line), ("Fallback", pos.fallback)):
            if value:
                rows.append([title, value])
        if pos.state and pos.state != "current":
            rows.append(["Review", STATE_WORDS.get(pos.state, pos.state)])
        wd.table(None, rows, widths_mm=[38, 122], first_column_bold=True)
        wd.spacer()
    for pos in eu:
        line = _stance_line(pos)
        rows = [["EU line", line]]
        if pos.amendment:
            rows.append(["EU amendment", pos.amendment])
        if pos.rationale:
            rows.append(["EU lines to take", pos.rationale])
        wd.table(None, rows, widths_mm=[38, 122], first_column_bold=True)
        wd.spacer()
    if others:
        rows = []
        for pos in others:
            remark = "\n".join(x for x in (pos.amendment and f"Proposes: {pos.amendment}",
                                            pos.rationale) if x)
            rows.append([pos.actor, STANCE_WORDS.get(pos.stance, pos.stance), remark or "—"])
        wd.table(["Other delegations", "Stance", "Amendment / remarks"], rows,
                 widths_mm=[38, 35, 87])
        wd.spacer()


def _stance_line(pos: PositionView) -> str:
    parts = [STANCE_WORDS.get(pos.stance, pos.stance)]
    if pos.priority:
        parts.append(f"priority {pos.priority}")
    if pos.stage:
        parts.append({"draft": "not yet coordinated", "coordinated": "agreed in coordination",
                      "delivered": "delivered"}.get(pos.stage, pos.stage))
    return " · ".join(parts)


def _indent_level(p: Any, row: ParagraphView) -> None:
    """Sub-paragraphs sit one step further in per level."""
    level = row.level
    if level:
        p.paragraph_format.left_indent = Mm(BASE_INDENT_MM + LEVEL_INDENT_MM * level)
