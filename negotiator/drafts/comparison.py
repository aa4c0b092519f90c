"""Compare two stored drafts: the typed comparison every face reads (`negotiator
diff`, the window's Compare tab and change column, signals, the brief).

The drafts are aligned again from their texts; only the user's link
corrections (LineageOverride) are imposed, as anchors and as paragraphs
declared new.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Text, case, cast, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import Label

from negotiator.diff.findings import Salient
from negotiator.diff.worddiff import DELETE, EQUAL, INSERT, new_text, word_diff
from negotiator.domain.changes import is_changed, is_newly_agreed
from negotiator.domain.vocabulary import ChangeKind
from negotiator.domain.wording import plural
from negotiator.drafts.references import reference_labels
from negotiator.storage.models import Draft, LineageOverride, Paragraph
from negotiator.text.parse import compared_text, front_matter, is_symbol_or_date

if TYPE_CHECKING:
    from negotiator.diff.align import Link

# Parts of a split or merge are joined with a line break in the ops.
PART_SEPARATOR = "\n"


class ComparedRow(NamedTuple):
    """The columns a comparison reads of a paragraph (``comparison_rows`` gives
    the same names as database rows; an import builds these before it stores)."""

    id: int | None
    ordinal: int
    number: str | None
    text: str
    brackets: int
    lineage_id: int | None
    level: int
    kind: str
    section: str | None
    footnotes: Sequence[str] | None = None  # None: none (``footnotes_where_present``)


def footnotes_where_present() -> Label[Any]:
    """The footnotes column as a comparison reads it: NULL for a paragraph without
    any, so a draft without footnotes decodes no JSON (decoding it for every row
    doubles the time a 10,000-paragraph read takes). The column holds JSON text,
    '[]' when empty, on SQLite and PostgreSQL alike."""
    return case((cast(Paragraph.footnotes, Text) != "[]", Paragraph.footnotes)).label("footnotes")


def compared_texts(rows: Sequence[Any]) -> list[str]:
    """``compared_text`` of each row (anything with ``text`` and ``footnotes``)."""
    return [compared_text(r.text, r.footnotes) for r in rows]


def comparison_rows(session: Session, draft: Draft) -> list[Any]:
    """The columns a comparison reads (``ComparedRow``), as plain rows: five times faster than ORM
    objects on a 10,000-paragraph draft, and no long pauses for the GUI thread
    when a comparison runs in the background."""
    return list(
        session.execute(
            select(Paragraph.id, Paragraph.ordinal, Paragraph.number, Paragraph.text,
                   Paragraph.brackets, Paragraph.lineage_id, Paragraph.level, Paragraph.kind,
                   Paragraph.section, footnotes_where_present())
            .where(Paragraph.draft_id == draft.id).order_by(Paragraph.ordinal)
        ).all()
    )


def _corrections(session: Session, draft_id: int) -> dict[int, int | None]:
    """The user's link corrections on a draft's paragraphs: paragraph id -> the
    paragraph it continues, or None where it was declared to start a lineage."""
    return {pid: source for pid, source in session.execute(
        select(LineageOverride.paragraph_id, LineageOverride.source_paragraph_id)
        .join(Paragraph, Paragraph.id == LineageOverride.paragraph_id)
        .where(Paragraph.draft_id == draft_id))}


def _user_anchors(earlier: list[Any], later: list[Any],
                  corrections: dict[int, int | None]) -> list[tuple[int, int]]:
    """(earlier index, later index) pairs a user declared linked.

    Only corrections count: lineages the aligner guessed at import are a
    result, not an input, so a comparison re-aligns from the texts and a
    better aligner (or an earlier mistake) is never frozen in. A corrected
    paragraph links to the paragraph of the earlier draft on the lineage it
    was given (its source, or the source's continuation in this draft).
    """
    if not any(source is not None for source in corrections.values()):
        return []
    count = Counter(p.lineage_id for p in earlier if p.lineage_id is not None)
    where = {p.lineage_id: i for i, p in enumerate(earlier)}
    return sorted(
        (where[p.lineage_id], j) for j, p in enumerate(later)
        if corrections.get(p.id) is not None and p.lineage_id is not None
        and count.get(p.lineage_id) == 1
    )


def _declared_new(paras: list[Any], corrections: dict[int, int | None]) -> set[int]:
    """Indices of paragraphs a user declared to start a lineage of their own."""
    return {k for k, p in enumerate(paras) if p.id in corrections and corrections[p.id] is None}


def pair_ops(link: Link, texts_a: Sequence[str], texts_b: Sequence[str]) -> list[tuple[str, str]]:
    """Word-diff ops of one link over the two drafts' compared texts
    (``compared_texts``: footnotes included); parts of a split or merge are
    joined by a line break."""
    old = _joined(texts_a, link.old)
    new = _joined(texts_b, link.new)
    if not link.old:
        return [(INSERT, new)]
    if not link.new:
        return [(DELETE, old)]
    return word_diff(old, new)  # a paragraph kept word for word costs one comparison


def _joined(texts: Sequence[str], indices: tuple[int, ...]) -> str:
    """The texts of a link's paragraphs joined by ``PART_SEPARATOR``."""
    if len(indices) == 1:
        return texts[indices[0]]  # most links: what the join would give, without a generator
    return PART_SEPARATOR.join([texts[k] for k in indices])


def _unique(items: list[Salient]) -> tuple[Salient, ...]:
    seen: set[tuple[str, str, str]] = set()
    out: list[Salient] = []
    for item in items:
        key = (item.category, item.description, " ".join(item.removed))
        if key not in seen:
            seen.add(key)
            out.append(item)
    return tuple(out)


@dataclass(frozen=True, slots=True)  # tens of thousands per comparison
class AlignedEntry:
    """One line of a comparison: FROM paragraphs ``old`` continue as TO paragraphs ``new``.

    ``old`` and ``new`` are indices (`show --json` places); ``old_refs`` and
    ``new_refs`` are the same paragraphs as a user names them.
    """

    kinds: tuple[ChangeKind, ...]
    old: tuple[int, ...]
    new: tuple[int, ...]
    old_refs: tuple[str, ...]
    new_refs: tuple[str, ...]
    ops: tuple[tuple[str, str], ...]
    salient: tuple[Salient, ...]
    brackets_from: int
    brackets_to: int
    # The symbol and date above the title: tracked, never a change to negotiate.
    top_matter: bool
    newly_agreed: bool

    @property
    def changed(self) -> bool:
        """Whether a delegation must read this entry (words or place changed)."""
        return is_changed(self.kinds, top_matter=self.top_matter)

    @property
    def words_changed(self) -> bool:
        """Whether the wording itself changed (a move or renumbering alone does not)."""
        return any(op != EQUAL and text.strip() for op, text in self.ops) and bool(self.old and self.new)

    @property
    def wording_touched(self) -> bool:
        """Whether a red line held on these paragraphs is touched: their words
        changed, or they were split or merged (the symbol and date are not negotiated)."""
        return bool(self.old and self.new) and not self.top_matter and (
            self.words_changed or any(k in (ChangeKind.SPLIT, ChangeKind.MERGED) for k in self.kinds))


@dataclass(frozen=True)
class ComparisonSummary:
    counts: dict[ChangeKind, int]  # top matter counted apart
    brackets_from: int
    brackets_to: int
    newly_agreed: tuple[int, ...]  # indices in TO
    salient: int  # paragraphs with a high-salience change
    top_matter: int


@dataclass(frozen=True)
class Comparison:
    """Two drafts compared: entries in the order of TO, deleted ones where they stood in FROM."""

    from_label: str
    to_label: str
    summary: ComparisonSummary
    entries: tuple[AlignedEntry, ...]
    from_refs: tuple[str, ...]  # reference label of each FROM paragraph, by index
    to_refs: tuple[str, ...]

    def changed(self) -> tuple[AlignedEntry, ...]:
        return tuple(e for e in self.entries if e.changed)


def compare_drafts(session: Session, draft_a: Draft, draft_b: Draft) -> Comparison:
    """Compare two drafts of a negotiation, in either order: the stored
    comparison while it is still valid, else computed now and stored.

    Args:
        session: An open session.
        draft_a: The FROM draft.
        draft_b: The TO draft.
    """
    # Imported here: the cache module builds on this one's types.
    from negotiator.drafts.comparison_cache import cached

    return cached(session, draft_a, draft_b, compute_comparison)


def compute_comparison(session: Session, draft_a: Draft, draft_b: Draft) -> Comparison:
    """Compare two drafts afresh (``compare_drafts`` without the stored result)."""
    from negotiator.diff.align import Para, align  # not needed to read a stored comparison

    pa = comparison_rows(session, draft_a)
    pb = comparison_rows(session, draft_b)
    later_is_b = draft_b.order > draft_a.order
    corrections = _corrections(session, (draft_b if later_is_b else draft_a).id)
    if later_is_b:
        anchors = _user_anchors(pa, pb, corrections)
    else:
        anchors = [(i, j) for j, i in _user_anchors(pb, pa, corrections)]
    declared = _declared_new(pb if later_is_b else pa, corrections)
    anchored_a = {i for i, _ in anchors}
    anchored_b = {j for _, j in anchors}
    if later_is_b:
        unlinked_b, unlinked_a = declared - anchored_b, set()
    else:
        unlinked_a, unlinked_b = declared - anchored_a, set()
    texts = (compared_texts(pa), compared_texts(pb))
    links = align(
        [Para(p.number, t) for p, t in zip(pa, texts[0], strict=True)],
        [Para(p.number, t) for p, t in zip(pb, texts[1], strict=True)],
        anchors,
        unlinked_a=unlinked_a,
        unlinked_b=unlinked_b,
    )
    return comparison_from_links(draft_a.label, draft_b.label, pa, pb, links, texts)


def comparison_from_links(from_label: str, to_label: str, pa: Sequence[Any], pb: Sequence[Any],
                          links: Sequence[Link],
                          texts: tuple[Sequence[str], Sequence[str]] | None = None) -> Comparison:
    """The comparison of two drafts' rows (``comparison_rows``' columns) once
    aligned: word diffs, salience, brackets and references of every link.

    An import hands over the alignment it made for the lineages, so a new draft
    is aligned once; ``texts``, the ``compared_texts`` of both drafts the
    alignment read, if the caller has them.
    """
    from negotiator.diff.salience import salient_changes  # loads the lexicons: not to read

    refs_a = reference_labels(pa)  # the rows carry the facts the rule reads
    refs_b = reference_labels(pb)
    texts_a, texts_b = texts or (compared_texts(pa), compared_texts(pb))
    # Columns read by index: most links are one paragraph to one.
    brackets_a, brackets_b = [p.brackets for p in pa], [p.brackets for p in pb]
    ordinals_a, ordinals_b = [p.ordinal for p in pa], [p.ordinal for p in pb]
    statuses: Counter[tuple[str, ...]] = Counter()  # counted per status, a few distinct ones
    entries: list[AlignedEntry] = []
    newly_agreed: list[int] = []
    salient_paragraphs = 0
    top_matter_count = 0
    kinds_of: dict[tuple[str, ...], tuple[ChangeKind, ...]] = {}
    # The lines above the title (session, chair's note) are not negotiated: what
    # changed there is shown, but weighed as no change of obligation or meaning.
    apparatus_a, apparatus_b = set(front_matter(pa)), set(front_matter(pb))
    for link in links:
        old, new = link.old, link.new
        ops = pair_ops(link, texts_a, texts_b)
        both = bool(old and new)
        changed = both and any([op != EQUAL for op, _ in ops])
        top_matter = both and all([is_symbol_or_date(pa[i].text) for i in old]) \
            and all([is_symbol_or_date(pb[j].text) for j in new])
        apparatus = both and all([i in apparatus_a for i in old]) \
            and all([j in apparatus_b for j in new])
        salient = _unique(salient_changes(ops)) if changed and not top_matter and not apparatus else ()
        kinds = kinds_of.get(link.status)
        if kinds is None:
            kinds = kinds_of[link.status] = tuple(ChangeKind(k) for k in link.status)
        if top_matter:
            top_matter_count += 1
        else:
            statuses[link.status] += 1
        if salient:
            salient_paragraphs += 1
        before = [brackets_a[i] for i in old] if old else None
        agreed_here = [ordinals_b[j] for j in new if is_newly_agreed(brackets_b[j], before)]
        newly_agreed.extend(agreed_here)
        # Lists, not generators, inside tuple() and sum(): ten thousand entries.
        entries.append(AlignedEntry(
            kinds,
            tuple([ordinals_a[i] for i in old]),
            tuple([ordinals_b[j] for j in new]),
            tuple([refs_a[i] for i in old]),
            tuple([refs_b[j] for j in new]),
            tuple(ops),
            salient,
            sum([brackets_a[i] for i in old]),
            sum([brackets_b[j] for j in new]),
            top_matter,
            bool(agreed_here),
        ))
    counts: Counter[ChangeKind] = Counter()
    for status, n in statuses.items():
        for kind in kinds_of[status]:
            counts[kind] += n
    summary = ComparisonSummary(
        counts={k: counts.get(k, 0) for k in ChangeKind},
        brackets_from=sum(brackets_a),
        brackets_to=sum(brackets_b),
        newly_agreed=tuple(newly_agreed),
        salient=salient_paragraphs,
        top_matter=top_matter_count,
    )
    return Comparison(from_label, to_label, summary, tuple(entries),
                      tuple(refs_a), tuple(refs_b))


_RED, _GREEN, _BOLD, _DIM, _RESET = "\x1b[31;9m", "\x1b[32;4m", "\x1b[1m", "\x1b[2m", "\x1b[0m"
# A moved paragraph without text changes is shown by its opening words only.
PREVIEW_CHARS = 90


def _label(refs: tuple[str, ...]) -> str:
    return "+".join(refs) if refs else "-"


def render_redline(result: Comparison, colour: bool = False) -> str:
    """A terminal redline of a comparison.

    Args:
        result: What ``compare_drafts`` returned.
        colour: ANSI colours (red struck deletions, green insertions); without
            colour, deletions read [-...-] and insertions {+...+}.

    Returns:
        The text to print, ending with a newline.
    """
    s = result.summary
    lines = [
        f"{result.from_label} -> {result.to_label}: "
        + ", ".join(f"{s.counts[k]} {k}" for k in ChangeKind if s.counts[k]),
        f"brackets {s.brackets_from} -> {s.brackets_to}"
        + (f"; newly agreed: {', '.join(result.to_refs[i] for i in s.newly_agreed)}"
           if s.newly_agreed else "")
        + (f"; high-salience changes in {plural(s.salient, 'paragraph')}" if s.salient else ""),
        "",
    ]

    def paint(op: str, text: str) -> str:
        if op == "=":
            return text
        if not text.strip():  # re-spacing or re-wrapping: show the new layout only
            return text if op == "+" else ""
        if colour:
            return f"{_RED if op == '-' else _GREEN}{text}{_RESET}"
        return f"[-{text}-]" if op == "-" else f"{{+{text}+}}"

    indent = " " * 6
    quiet = 0
    for entry in result.entries:
        status = list(entry.kinds)
        if status == ["unchanged"]:
            # The symbol and date lines are no paragraphs: the summary leaves them out too.
            quiet += not entry.top_matter
            continue
        if quiet:
            lines.append(f"{indent}({plural(quiet, 'unchanged paragraph')})")
            quiet = 0
        where = f"{_label(entry.old_refs)} -> {_label(entry.new_refs)}"
        head = f"{' + '.join(status)}  {where}"
        if entry.brackets_from != entry.brackets_to:
            head += f"  (brackets {entry.brackets_from} -> {entry.brackets_to})"
        lines.append(f"{_BOLD}{head}{_RESET}" if colour else head)
        if status == ["renumbered"] or not entry.words_changed:
            if "moved" in status:
                # Its words are all kept: the new text is in the entry itself.
                preview = " ".join(new_text(list(entry.ops)).split())
                if len(preview) > PREVIEW_CHARS:
                    preview = preview[:PREVIEW_CHARS] + "..."
                lines.append(indent + (f"{_DIM}{preview}{_RESET}" if colour else preview))
            continue
        body = "".join(paint(op, text) for op, text in entry.ops)
        lines.append(indent + body.replace("\n", "\n" + indent))
        for sal in entry.salient:
            lines.append(f"{indent}! {sal.category}: {sal.description}")
    if quiet:
        lines.append(f"{indent}({plural(quiet, 'unchanged paragraph')})")
    return "\n".join(lines) + "\n"
