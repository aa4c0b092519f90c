"""Headings as the skeleton of a document (stage 4 of the aligner).

A changed heading links to the heading of the section its section's
paragraphs went to, whatever its number or title ("Article 3 (Scope)" ->
"Article 4"); a chapter (part, section) heading, which heads articles rather
than paragraphs, to the chapter heading whose articles' paragraphs its
articles' paragraphs went to. Two consecutive articles fused into one have
both headings merged into the new one; an article cut in two has its heading
split. A short list item ("(b) observers;") reads like a title but heads
nothing: it is part of the section it stands in.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from negotiator.diff.align_similarity import (
    ALTERNATIVE_WORDS,
    BODY,
    HEADING,
    LABEL,
    LABEL_WORDS,
    SENTENCE_END,
    first_words,
)
from negotiator.text.parse import split_number

if TYPE_CHECKING:
    from negotiator.diff.align import Para, _Aligner

# A heading links to the heading of the section that received at least this
# share of its section's paragraphs.
SECTION_SHARE_MIN = 0.5


def link_headings(al: _Aligner) -> None:
    """Changed headings link through the sections they head."""
    if not any(al.kind[0][i] == HEADING and al.free(0, i) for i in range(len(al.a))):
        return
    section, members = _sections(al)
    partner = al._partners()
    cands: list[tuple[float, int, int]] = []
    for h in sorted(members[0]):
        if al.kind[0][h] != HEADING or not al.free(0, h):
            continue
        votes: dict[int, int] = {}
        for i in members[0][h]:
            for j in partner[0].get(i, ()):
                g = section[1][j]
                if g >= 0 and al.kind[1][g] == HEADING and al.free(1, g):
                    votes[g] = votes.get(g, 0) + 1
        for g, n_votes in votes.items():
            share = n_votes / max(len(members[0][h]), len(members[1][g]))
            if share >= SECTION_SHARE_MIN and _shape(al.a[h]) == _shape(al.b[g]):
                cands.append((share, h, g))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    for _, h, g in cands:
        if al.free(0, h) and al.free(1, g):
            al.pair(h, g)
    _link_units(al, partner)


def _shape(para: Para) -> tuple[bool, bool]:
    """A list item ("(b) observers;") or a short paragraph ending as a sentence
    ("2. The Council may grant observer status to:") links through its section
    only to one of its own shape: to a title ("Article 7. Observers") never."""
    return _list_item(para), _ends_as_sentence(para)


def _list_item(para: Para) -> bool:
    """A block numbered as a list item ("(b)", "ii.", "c)"): never a section's head."""
    number = para.number
    if not number:
        typed = split_number(para.text.strip())
        number = typed.label if typed is not None else ""
    return number.startswith("(") or number[:1].islower()


def _opens_section(al: _Aligner, side: int, k: int) -> bool:
    """A heading or a label ("Article 4"), but no list item, no short
    paragraph that ends as a sentence ("2. The Council may grant observer
    status to:") and no alternative's label ("Option 2:") does: those stand
    in a section, they head none."""
    kind = al.kind[side][k]
    if kind == BODY:
        return False
    para = (al.a, al.b)[side][k]
    if kind == LABEL:
        return not _names_an_alternative(para)
    return not _list_item(para) and not _ends_as_sentence(para)


def _names_an_alternative(para: Para) -> bool:
    """"Option 2:", "Alt B": a label that names one text, not a unit."""
    first = first_words(para.text, 1)
    return bool(first) and first[0] in ALTERNATIVE_WORDS


def _ends_as_sentence(para: Para) -> bool:
    return para.text.rstrip().endswith(SENTENCE_END)


def _unit_word(al: _Aligner, side: int, k: int) -> str | None:
    """"chapter" for the heading "Chapter III / Organs" (a label such as
    "Option 2:" labels one text: it heads no articles)."""
    if al.kind[side][k] != HEADING or not _opens_section(al, side, k):
        return None
    first = first_words((al.a, al.b)[side][k].text, 1)
    return first[0] if first and first[0] in LABEL_WORDS else None


def _link_units(al: _Aligner, partner: tuple[dict[int, list[int]], dict[int, list[int]]]) -> None:
    """Chapter headings (any unit heading that heads other headings) link to the
    chapter heading of the same unit that received most of their paragraphs,
    at least half of them, however the chapters were reordered or retitled."""
    units: tuple[dict[int, str], dict[int, str]] = ({}, {})
    for side, n in ((0, len(al.a)), (1, len(al.b))):
        for k in range(n):
            unit = _unit_word(al, side, k)
            if unit is not None:
                units[side][k] = unit
    # Per side: each unit heading's body paragraphs up to the next heading of
    # the same unit, kept only where it heads another heading; and, per unit
    # word, the heading each paragraph stands under.
    bodies: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})
    under: tuple[dict[tuple[str, int], int], dict[tuple[str, int], int]] = ({}, {})
    for side, n in ((0, len(al.a)), (1, len(al.b))):
        for h, unit in units[side].items():
            body: list[int] = []
            heads_another = False
            for k in range(h + 1, n):
                if units[side].get(k) == unit:
                    break
                if al.kind[side][k] == BODY:
                    body.append(k)
                    under[side][(unit, k)] = h
                elif _opens_section(al, side, k):
                    heads_another = True
            if heads_another and body:
                bodies[side][h] = body
    cands: list[tuple[float, int, int]] = []
    for h, body in sorted(bodies[0].items()):
        if not al.free(0, h):
            continue
        unit = units[0][h]
        votes: dict[int, int] = {}
        for i in body:
            for j in partner[0].get(i, ()):
                g = under[1].get((unit, j), -1)
                if g in bodies[1] and al.free(1, g):
                    votes[g] = votes.get(g, 0) + 1
        for g, n_votes in votes.items():
            share = n_votes / max(len(body), len(bodies[1][g]))
            if share >= SECTION_SHARE_MIN:
                cands.append((share, h, g))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    for _, h, g in cands:
        if al.free(0, h) and al.free(1, g):
            al.pair(h, g)


def _sections(al: _Aligner) -> tuple[tuple[list[int], list[int]],
                                    tuple[dict[int, list[int]], dict[int, list[int]]]]:
    """Per side, the heading each body paragraph stands under (-1: none),
    and each heading's body paragraphs."""
    section = ([-1] * len(al.a), [-1] * len(al.b))
    members: tuple[dict[int, list[int]], dict[int, list[int]]] = (defaultdict(list),
                                                                  defaultdict(list))
    for side, n in ((0, len(al.a)), (1, len(al.b))):
        current = -1
        for k in range(n):
            if al.kind[side][k] != BODY:
                # A label ("Article 4") opens a section too; "Option 2:" stands in one.
                if al.kind[side][k] != LABEL or not _names_an_alternative((al.a, al.b)[side][k]):
                    current = k
            elif current >= 0:
                section[side][k] = current
                members[side][current].append(k)
    return section, members


def heading_groups(al: _Aligner) -> None:
    """Two consecutive articles (sections, chapters) fused into one, or one
    cut in two: a heading left over whose section's paragraphs went (at least half of
    them, more than to any other) to the section of a heading linked 1:1 to the
    heading just before or after it, that section being fed mostly from
    the two, joins that link."""
    free_heading = any(al.kind[side][k] == HEADING for side in (0, 1) for k in al.free_ones(side))
    if not free_heading:
        return
    section, members = _sections(al)
    partner = al._partners()
    for side in (0, 1):
        other = 1 - side
        for h in sorted(members[side]):
            if al.kind[side][h] != HEADING or not al.free(side, h):
                continue
            # The section that received most of this one's paragraphs, at least
            # half of them (a paragraph or two may have moved elsewhere).
            received: dict[int, int] = defaultdict(int)
            for i in members[side][h]:
                for t in {section[other][j] for j in partner[side].get(i, ())}:
                    received[t] += 1
            ranked = sorted(received.items(), key=lambda r: (-r[1], r[0]))
            if not ranked or ranked[0][1] < SECTION_SHARE_MIN * len(members[side][h]) \
                    or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
                continue
            g = ranked[0][0]
            if g < 0 or al.kind[other][g] != HEADING or g in al.anchored[other]:
                continue
            h2 = al.match[other][g]
            # Consecutive sections: no other heading or label between the
            # two (but the label of the second: "Article 12" / "Confidentiality").
            later = max(h, h2)
            if h2 < 0 or al.kind[side][h2] != HEADING or any(
                    al.kind[side][k] != BODY and not (k == later - 1 and al.kind[side][k] == LABEL)
                    for k in range(min(h, h2) + 1, later)):
                continue
            sources = [section[side][i] for j in members[other][g]
                       for i in partner[other].get(j, ())]
            from_two = sum(1 for x in sources if x in (h, h2))
            if h2 not in sources or from_two < SECTION_SHARE_MIN * len(sources) \
                    or not _same_unit(al, side, (h, h2), g):
                continue
            al.match[side][h2] = al.match[other][g] = -1
            both = tuple(sorted((h, h2)))
            al.groups.append(((both, (g,)) if side == 0 else ((g,), both)))
            al.grouped[side].update(both)
            al.grouped[other].add(g)
            al.changes += 1
            partner = al._partners()


def _same_unit(al: _Aligner, side: int, heads: tuple[int, int], g: int) -> bool:
    """Whether the three headings name units of one kind ("Article 11",
    "Article 12" -> "Article 12"): only then are they known to be of one
    level. An untitled level ("Scope" under "The Specification") may be
    a new sub-heading, not half of a split."""
    def first(k_side: int, k: int) -> tuple[str, ...]:
        # A title may stand under its own label block ("Article 12" / "Confidentiality").
        if k > 0 and al.kind[k_side][k - 1] == LABEL:
            k -= 1
        return tuple(first_words((al.a, al.b)[k_side][k].text, 1))

    firsts = {first(side, h) for h in heads}
    firsts.add(first(1 - side, g))
    unit = firsts.pop()
    return not firsts and bool(unit) and unit[0] in LABEL_WORDS
