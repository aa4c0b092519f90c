"""The amendments file: the file a delegation sends to the chair.

``write_amendments`` writes a draft with one delegation's proposed amendments as
tracked changes authored by that delegation: the smallest real change (a
re-wrapped line is not one), an instruction applied to the words, a
replacement text tracked in full. What cannot honestly be shown as a tracked
change (an instruction that does not apply, a position taken on an earlier
wording), or everything when the delegation asks for it, goes as a comment.
An amendment the draft has already taken up word for word (the uptake rule
`negotiator signals` reports as adopted) is not proposed again.
Each paragraph's outcome is returned so the command line can say it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from negotiator.domain.actors import same_actor
from negotiator.domain.vocabulary import Uptake
from negotiator.drafts import negotiations
from negotiator.export.brief_model import PROGRESS_EVERY, Cancel, Cancelled, Progress, read_annotations
from negotiator.export.brief_text import LANGUAGES, WORD_LANGUAGES, BriefText
from negotiator.export.docx_writer import (
    DRAFT_TEXT_STYLE,
    SMALL_STYLE,
    ExportError,
    WordDocument,
)
from negotiator.export.draft_text import (
    describe_draft,
    indent_level,
    number_run,
    printed_number,
    short,
    write_text,
)
from negotiator.positions.amendment_text import (
    Applied,
    Form,
    amendment_form,
    apply_amendment,
    part_concerned,
)
from negotiator.positions.results import PositionView
from negotiator.positions.signals import draft_uptake
from negotiator.storage.models import Draft, Negotiation

TRACKED, COMMENT, IN_TEXT = "tracked change", "comment", "already in the text"


@dataclass(frozen=True)
class Outcome:
    """What one paragraph's amendment became in the file."""

    label: str  # the paragraph as the draft numbers it: "OP 3", "PP 2", "(a)"
    result: str  # TRACKED, COMMENT or IN_TEXT
    detail: str  # "2 words"; for a comment, why ("sent as comment", "'x' not found")

    def line(self) -> str:
        """ "OP 3: tracked change (2 words)", "PP 2: comment (instruction did not apply: ...)"."""
        return f"{self.label}: {self.result} ({self.detail})"


def write_amendments(
    session: Session,
    negotiation: Negotiation,
    draft: Draft,
    actor: str,
    path: str | os.PathLike[str],
    *,
    classification: str | None = None,
    as_comment: bool = False,
    language: str = "en",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> dict[str, Any]:
    """Write the draft with one actor's proposed amendments as tracked changes.

    The text and numbering are the draft's; each paragraph the actor proposes
    to amend carries the change as revisions authored by that delegation, so
    the chair can accept or reject each one in Word. Talking points, red lines
    and fallbacks are internal and never written. An amendment proposed on a
    paragraph the draft has split is written once, on the part it is about,
    with a note naming the parts.

    Args:
        session: an open session (read only).
        negotiation: the negotiation.
        draft: the base text the amendments are made against.
        actor: the delegation proposing them (as named in its positions).
        path: the .docx to write.
        classification: an optional marking (none by default: the file goes out).
        as_comment: send every amendment as a comment on an unchanged text.
        language: "en" or "fr": the file's own words (as the brief's); the
            draft's text and the amendments stay as written.
        progress: called with (done, total).
        cancel: polled; returning True stops with ``Cancelled``.

    Returns:
        {"path", "paragraphs", "amended" (tracked), "commented", "revisions",
        "outcomes" (an ``Outcome`` per amendment, in document order)}.

    Raises:
        ExportError: the actor has no amendments on this draft, an unknown
            language, or a bad path.
    """
    if language not in LANGUAGES:
        raise ExportError(f"unknown language '{language}' (choose {', '.join(LANGUAGES)})")
    t = BriefText(language)
    rows = negotiations.draft_paragraphs(session, draft)
    positions, _notes = read_annotations(session, negotiation, draft)
    # Each position at the paragraphs it speaks on (the parts of a split: several).
    spoken: dict[str, list[int]] = {}
    views: dict[str, PositionView] = {}
    for index in sorted(positions):
        for v in positions[index]:
            if same_actor(v.actor, actor) and v.amendment:
                spoken.setdefault(v.uid, []).append(index)
                views[v.uid] = v
                actor = v.actor
    if not spoken:
        raise ExportError(f"{actor} proposes no amendments to '{draft.label}' of "
                          f"'{negotiation.title}'")
    text_at = {r.index: r.text for r in rows}
    reference_at = {r.index: r.reference for r in rows}
    # One amendment, one place: on a split, the part it is about.
    amendments: dict[int, PositionView] = {}
    for uid, indices in spoken.items():
        at = indices[part_concerned([text_at[i] for i in indices], views[uid].amendment or "")]
        amendments[at] = views[uid]
    split_note = {at: _split_note(t, v, [reference_at[i] for i in spoken[v.uid]], draft.label)
                  for at, v in amendments.items() if len(spoken[v.uid]) > 1}
    # Taken up word for word: what `negotiator signals` says, of the whole split.
    taken_up = {u.uid for u in draft_uptake(session, negotiation, draft) if u.result == Uptake.ADOPTED}
    wd = WordDocument(
        title=t("amend_title", actor=actor, draft=draft.label),
        classification=classification,
        author=actor,
        footer_note=f"{short(negotiation.title)} · {draft.label} · {t('amend_footer', actor=actor)}",
        created=dt.datetime.now(dt.timezone.utc),
        language=WORD_LANGUAGES[language],
        page_of=(t("page"), t("page_of")),
    )
    wd.paragraph(negotiation.forum or "", SMALL_STYLE)
    wd.heading(negotiation.title, 0)
    wd.paragraph(t("amend_title", actor=actor, draft=describe_draft(draft, language)), "Subtitle")
    # Each amendment's form first: the opening sentence says what the reader will find.
    adopted = {index for index, view in amendments.items() if view.uid in taken_up}
    applying = {index: _applied(text_at[index], view, as_comment)
                for index, view in amendments.items() if index not in adopted}
    wd.paragraph(_how_shown(t, applying.values(), draft.label), SMALL_STYLE)
    total = len(rows)
    outcomes: list[Outcome] = []
    for n, r in enumerate(rows, 1):
        if cancel is not None and cancel():
            raise Cancelled("export cancelled; no file was written")
        if r.index in adopted:
            outcomes.append(Outcome(r.reference, IN_TEXT, f"adopted in {draft.label}; not proposed again"))
        view, applied = amendments.get(r.index), applying.get(r.index)
        if r.kind == "heading":
            p = wd.paragraph(style="Heading 2")
            if r.number:
                wd.add_text(p, f"{printed_number(r.number, heading=True)} ")
        else:
            p = wd.paragraph(style=DRAFT_TEXT_STYLE)
            number_run(wd, p, r)
            indent_level(p, r)
        ops = applied.ops if applied is not None and applied.ops is not None else [("=", r.text)]
        write_text(wd, p, ops, r, redline="tracked", author=actor, date=None,
                    break_long_words=False)
        if view is not None and applied is not None:
            if applied.ops is None:
                note = f"\n{split_note[r.index]}" if r.index in split_note else ""
                wd.comment(p, t("amend_comment", actor=actor, amendment=view.amendment) + note,
                           author=actor)
                outcomes.append(Outcome(r.reference, COMMENT, _with_parts(applied.reason or "", view,
                                                                          spoken[view.uid], reference_at)))
            else:
                outcomes.append(Outcome(r.reference, TRACKED, applied.summary()))
        if progress is not None and (n % PROGRESS_EVERY == 0 or n == total):
            progress(n, total)
    wd.save(path)
    tracked = sum(1 for o in outcomes if o.result == TRACKED)
    return {"path": str(path), "paragraphs": total, "amended": tracked,
            "commented": sum(1 for o in outcomes if o.result == COMMENT), "revisions": wd.revisions,
            "outcomes": outcomes}


def _split_note(t: BriefText, view: PositionView, parts: list[str], label: str) -> str:
    """ "Proposed on OP 2 of D1, since split into OP 2 and OP 3 of D2." """
    taken = t("of_draft", label=view.taken_on.reference, draft=view.taken_on.draft)
    return t("amend_split", taken=taken, parts=t.refs(parts), draft=label)


def _with_parts(reason: str, view: PositionView, indices: list[int], reference_at: dict[int, str]) -> str:
    """The command line's reason, naming the parts of a split the amendment was written once for."""
    if len(indices) < 2:
        return reason
    parts = ", ".join(reference_at[i] for i in indices)
    return f"{reason}; {view.taken_on.reference} of {view.taken_on.draft}, split into {parts}"


def _how_shown(t: BriefText, applying: Iterable[Applied], label: str) -> str:
    """The sentence saying how the amendments are shown, as they were written."""
    tracked = {a.ops is not None for a in applying}
    if not tracked:
        shown = t("amend_in_text", label=label)
    elif tracked == {True}:
        shown = t("amend_tracked", label=label)
    elif tracked == {False}:
        shown = t("amend_comments", label=label)
    else:
        shown = t("amend_both", label=label)
    return t("amend_numbering", shown=shown, label=label)


def _applied(text: str, view: PositionView, as_comment: bool) -> Applied:
    """The amendment against the paragraph; no ops (a comment) when the
    delegation sends it as a comment or the position was taken on another wording."""
    form = amendment_form(view.amendment or "")
    if as_comment:
        return Applied(form, None, "sent as comment")
    if view.state not in (None, "current"):
        return Applied(form, None, "taken on an earlier wording; review it first")
    applied = apply_amendment(text, view.amendment or "")
    if applied.ops is None and form is Form.INSTRUCTION:
        return Applied(form, None, f"instruction did not apply: {applied.reason}")
    return applied
