"""The body of the brief: every paragraph in the order of the later draft, its
changes as real revisions, what moved / split / merged / disappeared said in
words, then our position, the EU line and the others', and notes as comments.

A paragraph's label, statement, text and salient line keep with the position
tables under it, and the tables keep together, so a table never opens a page
cut off from the words it is about.
"""

from __future__ import annotations

from typing import Any

from negotiator.export.brief_model import Concern, Context, Entry, concerns, split_positions
from negotiator.export.docx_writer import (
    DRAFT_TEXT_STYLE,
    LABEL_STYLE,
    SMALL_STYLE,
    keep_with_next,
)
from negotiator.export.draft_text import excerpt_ops, indent_level, number_run, printed_number, write_text
from negotiator.positions.results import PositionView

# Column widths (mm) of the position tables: label | text, and the others' table.
POSITION_WIDTHS_MM = (38, 122)
OTHERS_WIDTHS_MM = (38, 35, 87)
MARKERS = (
    (Concern.RED_LINE, "marker_red_line", "C00000"),
    (Concern.DIVERGENT, "marker_divergent", "C55A11"),
    # an unchanged paragraph without a position is listed in the summary only
    (Concern.NO_INSTRUCTIONS, "marker_instructions", "7F6000"),
    (Concern.NEWLY_AGREED, "marker_newly_agreed", "2E7D32"),
)
UPTAKE_MARKERS = (("adopted", "marker_adopted"), ("partly", "marker_partly"),
                  ("not_reflected", "marker_not_reflected"))


def plain_statement(ctx: Context, e: Entry) -> str | None:
    """Moved / split / merged / added / deleted / renumbered, said in words, with
    every paragraph named by its reference in its own draft."""
    t = ctx.text
    a, b = ctx.draft_a.label, ctx.draft_b.label
    olds = [r.reference for r in e.old]
    news = [r.reference for r in e.new]
    s = set(e.statuses)
    if "deleted" in s:
        return t("deleted", old=olds[0], a=a, b=b)
    if "added" in s:
        return t("added", a=a, b=b)
    if "split" in s:
        return t("split", old=olds[0], a=a, new=t.join(news), b=b)
    if "merged" in s:
        return t("merged", old=t.join(olds), a=a, new=news[0], b=b)
    if "moved" in s:
        return t("moved", old=olds[0], a=a)
    if olds and news and olds[0] != news[0]:
        if "renumbered" in s:
            return t("renumbered", old=olds[0], a=a)
        return t("was", old=olds[0], a=a)  # e.g. a sub-paragraph whose parent moved up
    return None


def write_entry(ctx: Context, e: Entry) -> int:
    """One paragraph (or heading) with its changes, positions and notes.

    Returns:
        The number of comments written.
    """
    wd, t = ctx.wd, ctx.text
    if e.is_heading:
        p = wd.paragraph(style="Heading 2")
        number = (e.new or e.old)[0].number
        if number:
            wd.add_text(p, f"{printed_number(number, heading=True)} ")
        wd.add_diff(p, e.ops, redline=ctx.redline, author=ctx.change_author, date=ctx.change_date)
        return 0

    rows = e.new or e.old
    heading = wd.paragraph(style=LABEL_STYLE, keep_with_next=True)
    # The reference as the document writes it: small capitals would print "OP 6 (a)"
    # as "OP 6 (A)" and "12 bis" as "12 BIS".
    for run in wd.add_text(heading, e.label):
        run.font.small_caps = False
    if "symbol and date" not in e.statuses:  # the label already says it
        wd.add_text(heading, "   " + " · ".join(t.kind(k) for k in e.statuses), bold=False,
                    colour="595959")
    for text, colour in _markers(ctx, e):
        wd.add_text(heading, "   " + text, colour=colour)

    statement = plain_statement(ctx, e)
    if statement:
        wd.paragraph(statement, SMALL_STYLE, keep_with_next=True)

    written: list[Any] = []  # what follows the label and statement, in order
    if "split" in e.statuses and len(e.new) > 1:
        # Each part as it now reads; the old paragraph once, for reference.
        parts = []
        for r in e.new:
            p = wd.paragraph(style=DRAFT_TEXT_STYLE, keep_with_next=True)
            number_run(wd, p, r)
            indent_level(p, r)
            write_text(wd, p, [("=", r.text)], r, redline=ctx.redline,
                       author=ctx.change_author, date=ctx.change_date)
            parts.append(p)
        anchor = parts[0]  # notes are anchored on the first part
        old = wd.paragraph(style=SMALL_STYLE)
        wd.add_text(old, t("old_read", a=ctx.draft_a.label), bold=True)
        wd.add_text(old, " ".join(r.text for r in e.old), italic=True)
        written.append(old)
    else:
        p = wd.paragraph(style=DRAFT_TEXT_STYLE)
        number_run(wd, p, rows[0])
        write_text(wd, p, e.ops, rows[0], redline=ctx.redline,
                   author=ctx.change_author, date=ctx.change_date)
        indent_level(p, rows[0])
        anchor = p
        written.append(p)
    if e.salient:
        written.append(wd.paragraph(t("salient", items=t.series(t.salient(s) for s in e.salient)),
                                    SMALL_STYLE))
    if e.positions:
        written.append(None)  # the first position table
    for p in written[:-1]:  # the text, its salient line and the first table go together
        keep_with_next(p)
    if e.positions:
        _write_positions(ctx, e)

    comments = 0
    for note in e.notes:
        when = f" ({t.date(note.created_at.date())})" if note.created_at else ""
        wd.comment(anchor, f"{note.text}{when}", author=note.author or t("note_author"))
        comments += 1
    return comments


def _markers(ctx: Context, e: Entry) -> list[tuple[str, str]]:
    t, found = ctx.text, concerns(ctx, e)
    out = [(t(key), colour) for concern, key, colour in MARKERS if concern in found]
    out += [(t(key), "1F3864") for flag, key in UPTAKE_MARKERS if e.indices & ctx.flags[flag]]
    return out


def _write_positions(ctx: Context, e: Entry) -> None:
    """Our positions, the EU line and the others', each table kept whole and
    every table but the last kept with the next."""
    wd, t = ctx.wd, ctx.text
    ours, eu, others = split_positions(ctx, e)
    tables: list[tuple[Any, list[tuple[int, tuple[tuple[str, str], ...]]]]] = []
    for pos in ours:
        rows = [[t("our_position"), _stance_line(ctx, pos)]]
        for key, value in (("proposed_amendment", pos.amendment), ("talking_points", pos.rationale),
                           ("red_line", pos.red_line), ("fallback", pos.fallback)):
            if value:
                rows.append([t(key), value])
        redlines = []
        if pos.needs_review:
            excerpt = tuple(excerpt_ops(pos.diff or ()))
            taken = t("of_draft", label=pos.taken_on.reference, draft=pos.taken_on.draft)
            if excerpt and pos.taken_on.draft == ctx.draft_a.label and e.new:
                # taken on the earlier draft of the brief: the text above tracks the change
                rows.append([t("review"), t("wording_tracked_above", taken=taken)])
            elif excerpt:  # what changed since, shown under the sentence
                redlines.append((len(rows), excerpt))
                rows.append([t("review"), t("wording_since", taken=taken)])
            else:
                rows.append([t("review"), t.state(pos.state)])
        tables.append((wd.table(None, rows, widths_mm=POSITION_WIDTHS_MM, first_column_bold=True),
                       redlines))
        tables.append((wd.spacer(), []))
    for pos in eu:
        rows = [[t("eu_line"), _stance_line(ctx, pos)]]
        if pos.amendment:
            rows.append([t("eu_amendment"), pos.amendment])
        if pos.rationale:
            rows.append([t("eu_lines_to_take"), pos.rationale])
        tables.append((wd.table(None, rows, widths_mm=POSITION_WIDTHS_MM, first_column_bold=True), []))
        tables.append((wd.spacer(), []))
    if others:
        rows = []
        for pos in others:
            remark = "\n".join(x for x in (pos.amendment and t("proposes", text=pos.amendment),
                                            pos.rationale) if x)
            rows.append([pos.actor, t.stance(pos.stance), remark or t("none")])
        tables.append((wd.table([t("other_delegations"), t("stance"), t("remarks")], rows,
                                widths_mm=OTHERS_WIDTHS_MM), []))
        tables.append((wd.spacer(), []))
    last_table = max(i for i, (block, _) in enumerate(tables) if hasattr(block, "_tbl"))
    for i, (block, redlines) in enumerate(tables):
        for row, ops in redlines:
            wd.cell_diff(block, row, 1, ops)
        if hasattr(block, "_tbl"):
            wd.keep_table_with_next(block, last_row=i < last_table)
        elif i < last_table:
            keep_with_next(block)


def _stance_line(ctx: Context, pos: PositionView) -> str:
    t = ctx.text
    parts = [t.stance(pos.stance)]
    if pos.priority:
        parts.append(t.priority(pos.priority))
    if pos.stage:
        parts.append(t.stage(pos.stage))
    return " · ".join(parts)
