"""The front of the brief: the executive summary, the one-page "at a glance"
table, "Needs your attention" in order of severity, and the figures.

Every figure is the one `negotiator diff --json` and `negotiator signals --json`
give for the same pair; every verdict comes from ``brief_model.concerns``.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from negotiator.domain.actors import is_eu, is_our_delegation
from negotiator.drafts.comparison import Comparison
from negotiator.export.brief_model import (
    Concern,
    Context,
    Entry,
    changed_without_instructions,
    concerns,
    review_positions,
)
from negotiator.export.draft_text import excerpt_ops
from negotiator.positions.results import PositionView
from negotiator.views.draft_table import PositionSummary

# Classes of the alignment, in the order the figures list them.
CLASSES = ("unchanged", "modified", "renumbered", "moved", "split", "merged", "added", "deleted")
# The order the key points name the changes in.
CHANGE_ORDER = ("modified", "added", "deleted", "moved", "split", "merged", "renumbered")
# The concerns that earn a paragraph a row of its own in "Needs your attention".
OWN_ROW = (Concern.RED_LINE, Concern.DIVERGENT, Concern.REVIEW, Concern.NOT_REFLECTED,
           Concern.PARTLY)
GROUP_KEYS = {Concern.RED_LINE: "group_red_line", Concern.DIVERGENT: "group_divergent",
              Concern.REVIEW: "group_review", Concern.NOT_REFLECTED: "group_not_reflected",
              Concern.PARTLY: "group_partly", Concern.NO_INSTRUCTIONS: "group_no_instructions",
              Concern.SALIENT: "group_salient"}
WHY_KEYS = {Concern.RED_LINE: "why_red_line", Concern.DIVERGENT: "why_divergent",
            Concern.NOT_REFLECTED: "why_not_reflected", Concern.PARTLY: "why_partly"}
ACTION_KEYS = {Concern.RED_LINE: "action_defend_red_line", Concern.DIVERGENT: "action_align_eu",
               Concern.REVIEW: "action_review", Concern.NOT_REFLECTED: "action_not_reflected",
               Concern.PARTLY: "action_partly", Concern.NO_INSTRUCTIONS: "action_instructions"}

# The "at a glance" table must fit one A4 page: column widths (mm), the height
# its rows may take, and how a row's height is estimated from its text (9 pt
# Calibri as LibreOffice sets it: about 0.72 characters per mm of cell, 3.6 mm
# a line, 1.4 mm between two paragraphs of a cell, 3.4 mm of padding a row).
GLANCE_WIDTHS_MM = (19, 31, 24, 22, 30, 34)
GLANCE_ROWS_MM = 200
CHARS_PER_MM = 0.72
CELL_MARGINS_MM = 3.8
LINE_MM = 3.6
PARAGRAPH_GAP_MM = 1.4
ROW_PADDING_MM = 3.4
ATTENTION_WIDTHS_MM = (31, 22, 42, 65)


# --------------------------------------------------------------------------- executive summary


def executive_summary(ctx: Context, comparison: Comparison, entries: list[Entry],
                      paragraphs_b: int) -> None:
    wd, t, signals = ctx.wd, ctx.text, ctx.signals
    summary = comparison.summary
    a, b = ctx.draft_a.label, ctx.draft_b.label
    wd.heading(t("summary_heading"), 1)
    count = Counter({str(k): n for k, n in summary.counts.items()})
    changes = [t.kind_count(k, count[k]) for k in CHANGE_ORDER if count[k]]
    paragraphs = t.count(paragraphs_b, "paragraph")
    points = [
        t("has_paragraphs_changed", b=b, a=a, paragraphs=paragraphs, changes=t.join(changes))
        if changes else t("has_paragraphs_unchanged", b=b, a=a, paragraphs=paragraphs),
        t("brackets", before=summary.brackets_from, after=summary.brackets_to, a=a, b=b),
    ]
    # A deleted paragraph is in neither draft's signals: said apart, never as "none changed".
    gone = [e.label for e in entries if not e.new and any(p.red_line_flag for p in e.ours)]
    deleted = [t.one_or_many("red_lines_deleted", len(gone), where=t.refs(gone))] if gone else []
    if not signals.has_national_positions:
        points += [t("no_national", b=b), *deleted]
    else:
        if ctx.flags["red_lines_touched"] or not deleted:
            points.append(_named(ctx, "red_lines", "red_lines_touched"))
        points += deleted
        if signals.has_eu_positions:
            points.append(_named(ctx, "divergent", "divergent"))
        else:
            points.append(t("no_eu", b=b))
        uptake = [t.one_or_many(f"uptake_{k}", len(ctx.flags[k]))
                  for k in ("adopted", "partly", "not_reflected") if ctx.flags[k]]
        if uptake:
            points.append(t("uptake", parts=t.join(uptake)))
    points.append(_instructions_point(ctx, entries))
    for point in points:
        wd.paragraph(point, "List Bullet")


def _named(ctx: Context, key: str, flag: str) -> str:
    """ "No paragraph ...", or "2 paragraphs ...: OP 4 and OP 7." with the paragraphs
    named as `negotiator signals` names them: one name per paragraph counted (a
    split's other part, not flagged, is not named)."""
    flagged = sorted(ctx.flags[flag])
    if not flagged:
        return ctx.text(f"{key}_none")
    named = [ctx.signals.references[i] for i in flagged]
    return ctx.text.one_or_many(key, len(flagged), where=ctx.text.refs(named))


def _instructions_point(ctx: Context, entries: list[Entry]) -> str:
    """Paragraphs without a national position; the changed ones named."""
    t, b = ctx.text, ctx.draft_b.label
    missing = ctx.flags["no_instructions"]
    if not missing:
        return t("instructions_all")
    total = t.one_or_many("instructions", len(missing), b=b)
    changed = [ctx.signals.references[i] for i in changed_without_instructions(entries, ctx.flags)]
    if not changed:
        return t("instructions_unchanged", total=total)
    if len(missing) == 1:
        return t("instructions_changed_one", total=total)
    return t("instructions_changed", total=total, n=len(changed), where=t.refs(changed))


# --------------------------------------------------------------------------- at a glance


@dataclass(frozen=True)
class GlanceRow:
    """One paragraph in the "at a glance" table."""

    severity: Concern
    order: int  # place in the brief
    cells: tuple[str, ...]


def glance_rows(ctx: Context, entries: list[Entry], wanted: set[str] | None) -> list[GlanceRow]:
    """Every paragraph that changed or carries a signal, the most severe first.

    Args:
        wanted: the actors whose positions the brief shows (casefolded); None for all.
    """
    t = ctx.text
    rows: list[GlanceRow] = []
    for n, e in enumerate(entries):
        found = concerns(ctx, e)
        if not found:
            continue
        summary = e.summary or PositionSummary()
        ours = summary.national if summary.national and _shown(wanted, ctx.ours) else None
        eu = summary.eu if summary.eu and (wanted is None or any(is_eu(w) for w in wanted)) else None
        others = "\n".join(t("actor_stance", actor=actor, stance=t.stance(stance))
                           for actor, stance in summary.others if _shown(wanted, actor))
        rows.append(GlanceRow(found[0], n, (
            e.label, _change_words(ctx, e), t.stance(ours) if ours else "",
            t.stance(eu) if eu else "", others, _actions(ctx, found))))
    rows.sort(key=lambda r: (r.severity, r.order))
    return rows


def _shown(wanted: set[str] | None, name: str | None) -> bool:
    return wanted is None or (name or "").casefold() in wanted


def _actions(ctx: Context, found: tuple[Concern, ...]) -> str:
    """What the delegation is asked to do, from the paragraph's concerns."""
    actions = [ctx.text(ACTION_KEYS[c]) for c in found if c in ACTION_KEYS]
    if not actions:
        actions = [ctx.text("action_newly_agreed" if Concern.NEWLY_AGREED in found
                            else "action_information")]
    return "\n".join(actions)


def _row_height_mm(cells: tuple[str, ...]) -> float:
    """A row's height on the page, estimated by wrapping its words."""
    tallest = 0.0
    for text, width in zip(cells, GLANCE_WIDTHS_MM, strict=True):
        per_line = max(1, int((width - CELL_MARGINS_MM) * CHARS_PER_MM))
        parts = text.split("\n")
        lines = sum(_wrapped_lines(part, per_line) for part in parts)
        tallest = max(tallest, lines * LINE_MM + (len(parts) - 1) * PARAGRAPH_GAP_MM)
    return tallest + ROW_PADDING_MM


def _wrapped_lines(text: str, per_line: int) -> int:
    """How many lines greedy word wrapping gives (a long word takes what it needs)."""
    lines, used = 1, 0
    for word in text.split():
        size = len(word)
        if used and used + 1 + size > per_line:
            lines, used = lines + 1, 0
        if used:
            used += 1
        used += size
        if used > per_line:
            extra = math.ceil(used / per_line) - 1
            lines, used = lines + extra, used - extra * per_line
    return lines


def at_a_glance(ctx: Context, entries: list[Entry], wanted: set[str] | None, *,
                whole_draft: bool = True) -> list[GlanceRow]:
    """The one-page table up front; rows that do not fit are counted in a line
    under it (pointing to the body when the body holds every paragraph).
    Returns the rows written."""
    wd, t = ctx.wd, ctx.text
    wd.page_break()
    wd.heading(t("glance_heading"), 1)
    rows = glance_rows(ctx, entries, wanted)
    if not rows:
        wd.paragraph(t("glance_none"), italic=True)
        return []
    wd.paragraph(t("glance_intro"), "Small Print")
    kept: list[GlanceRow] = []
    used = 0.0
    for row in rows:
        height = _row_height_mm(row.cells)
        if used + height > GLANCE_ROWS_MM:
            break
        kept.append(row)
        used += height
    header = [t(k) for k in ("col_paragraph", "col_change", "col_ours", "col_eu", "col_others",
                             "col_action")]
    wd.table(header, [list(r.cells) for r in kept], widths_mm=GLANCE_WIDTHS_MM,
             first_column_bold=True, size_pt=9)
    more = len(rows) - len(kept)
    if more:
        key = "glance_more" if whole_draft else "glance_more_unlisted"
        wd.paragraph(t.one_or_many(key, more), "Small Print", italic=True)
    return kept


# --------------------------------------------------------------------------- needs your attention


@dataclass(frozen=True)
class AttentionRow:
    """One row of "Needs your attention": a group (shown on its first row), the
    paragraph(s), what changed, why it matters and, for a position to review,
    the wording change since it was taken."""

    concern: Concern
    label: str
    change: str
    why: str
    redline: tuple[tuple[str, str], ...] = ()


def attention_rows(ctx: Context, entries: list[Entry]) -> list[AttentionRow]:
    """Red lines, then divergence, positions to review, proposals not taken up,
    the changed paragraphs without instructions in one row, then changed
    obligations; each paragraph once in the first group it belongs to."""
    t = ctx.text
    own: list[tuple[int, AttentionRow]] = []
    salient: list[AttentionRow] = []
    for e in entries:
        found = concerns(ctx, e)
        change = _change_words(ctx, e)
        first = next((c for c in found if c in OWN_ROW), None)
        if first is not None:
            why, redline = _why(ctx, e, found)
            own.append((first, AttentionRow(first, e.label, change, why, redline)))
        elif Concern.SALIENT in found:
            categories = dict.fromkeys(str(s.category) for s in e.salient)  # first seen, once
            why = t.series(t(f"why_salient_{c}") for c in categories)
            why = why[:1].upper() + why[1:]
            salient.append(AttentionRow(Concern.SALIENT, e.label, change, why))
    rows = [row for _, row in sorted(own, key=lambda pair: pair[0])]  # stable: document order
    no_instructions = [ctx.signals.references[i] for i in changed_without_instructions(entries, ctx.flags)]
    if no_instructions:
        # one row: the references where the text has room for them
        rows.append(AttentionRow(Concern.NO_INSTRUCTIONS, t.count(len(no_instructions), "paragraph"),
                                 t("changed_kinds"),
                                 t("why_no_instructions", where=t.refs(no_instructions))))
    return rows + salient


def _change_words(ctx: Context, e: Entry) -> str:
    t = ctx.text
    kinds = ", ".join(t.kind(k) for k in e.statuses)
    if e.salient and e.changed:
        return t.series([kinds] + [t.salient(s) for s in e.salient])
    return kinds


def _why(ctx: Context, e: Entry, found: tuple[Concern, ...]) -> tuple[str, tuple[tuple[str, str], ...]]:
    t = ctx.text
    reasons = [t(WHY_KEYS[c]) for c in found if c in WHY_KEYS and c != Concern.PARTLY]
    if Concern.PARTLY in found:
        reasons.append(t("why_partly"))
    redline: tuple[tuple[str, str], ...] = ()
    if Concern.REVIEW in found:
        if not e.new:
            reasons.insert(0, t("why_review_deleted", b=ctx.draft_b.label))
        else:
            pos = review_positions(e)[0]
            taken = _taken_on(ctx, pos)
            redline = tuple(excerpt_ops(pos.diff or ()))
            if redline:
                reasons.append(t("why_review", taken=taken))
            else:
                reasons.append(t("why_review_parts", taken=taken, state=t.state(pos.state)))
    # the sentence that announces the redline comes last, right above it
    why = t.series(reasons)
    return why[:1].upper() + why[1:], redline


def _taken_on(ctx: Context, pos: PositionView) -> str:
    return ctx.text("of_draft", label=pos.taken_on.reference, draft=pos.taken_on.draft)


def needs_your_attention(ctx: Context, entries: list[Entry]) -> list[AttentionRow]:
    """The table, grouped by severity; returns its rows."""
    wd, t = ctx.wd, ctx.text
    rows = attention_rows(ctx, entries)
    if not rows:
        return rows
    wd.heading(t("attention_heading"), 2)
    cells: list[list[str]] = []
    last: Concern | None = None
    for row in rows:
        group = t(GROUP_KEYS[row.concern]) if row.concern != last else ""
        last = row.concern
        cells.append([group, row.label, row.change, row.why])
    table = wd.table([t("col_signal"), t("col_paragraph"), t("col_change"), t("col_why")], cells,
                     widths_mm=ATTENTION_WIDTHS_MM, first_column_bold=True)
    for i, row in enumerate(rows, 1):  # row 0 is the header
        if row.redline:
            wd.cell_diff(table, i, 3, row.redline)
    return rows


# --------------------------------------------------------------------------- figures


def figures(ctx: Context, comparison: Comparison) -> None:
    """The figures table: the text's (as `diff --json`) beside our positions' (as `signals --json`)."""
    wd, t, signals = ctx.wd, ctx.text, ctx.signals
    summary = comparison.summary
    wd.heading(t("figures_heading"), 2)
    count = Counter({str(k): n for k, n in summary.counts.items()})
    text_rows = [[t.kind(k).capitalize(), str(count[k])] for k in CLASSES]
    text_rows.append([t("fig_brackets_before"), str(summary.brackets_from)])
    text_rows.append([t("fig_brackets_after"), str(summary.brackets_to)])
    text_rows.append([t("fig_newly_agreed"), str(len(summary.newly_agreed))])
    uptake = Counter(str(u.result) for u in signals.uptake
                     if ctx.ours is None or is_our_delegation(u.actor, ctx.ours))
    # "n/a" where no position exists to measure.
    assessed = signals.has_national_positions
    na = t("not_assessed")
    position_rows = [
        [t("fig_red_lines"), str(len(signals.red_lines_touched)) if assessed else na],
        [t("fig_divergent"),
         str(len(signals.divergent)) if assessed and signals.has_eu_positions else na],
        [t("fig_adopted"), str(uptake["adopted"])],
        [t("fig_partly"), str(uptake["partly"])],
        [t("fig_not_reflected"), str(uptake["not_reflected"])],
        [t("fig_no_instructions"), str(len(signals.no_instructions))],
    ]
    # Two measures per row (the text | our positions) keep the table to half a page.
    rows = []
    for i in range(max(len(text_rows), len(position_rows))):
        left = text_rows[i] if i < len(text_rows) else ["", ""]
        right = position_rows[i] if i < len(position_rows) else ["", ""]
        rows.append(left + right)
    wd.table([t("fig_text"), t("fig_number"), t("fig_positions"), t("fig_number")], rows,
             widths_mm=[42, 20, 75, 23])
