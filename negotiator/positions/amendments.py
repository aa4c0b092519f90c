"""How much of a delegation's amendment a later draft took up, and the words
its red lines refuse.

What an amendment says (its form, the text it makes of the paragraph, the
places it changes) is read by `amendment_text`; this module measures it
against the new draft. Pure functions over texts (no store)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

from negotiator.domain.vocabulary import Uptake
from negotiator.positions.amendment_text import (
    Form,
    Region,
    amended_text,
    amendment_form,
    edit_ops,
    edit_sides,
    instruction_regions,
)
from negotiator.text.normalise import collapse_whitespace

# Uptake: at least this share of the proposed inserted and deleted words must be
# found in the chair's change to call it "partly" (below: a stray common word
# such as "the" would otherwise count as uptake).
PARTLY_MIN_SHARE = 0.2
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_QUOTED = re.compile(r"[\"\u201c\u201d'\u2018\u2019]([^\"\u201c\u201d\u2018\u2019']{2,}?)[\"\u201c\u201d'\u2018\u2019]")


def words_of(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


# Words with the square brackets that touch them ("[by", "actors]"), so that
# removing the brackets around a phrase is a change of that phrase.
_TOKEN = re.compile(r"\[*\w+(?:['\u2019]\w+)*\]*")


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in _TOKEN.findall(text)]


def _plain(tokens: Sequence[str]) -> list[str]:
    return [t.strip("[]") for t in tokens]


def _regions(base: str, amendment: str) -> list[Region] | None:
    """Where an amendment changes the paragraph and what it puts there."""
    form = amendment_form(amendment)
    if form is Form.EDIT:
        out: list[Region] = []
        pos, start, plus = 0, None, ""
        for op, t in [*edit_ops(amendment), ("=", "")]:
            if op == "=":
                if start is not None:
                    out.append((start, pos, plus))
                    start, plus = None, ""
                pos += len(t)
            else:
                start = pos if start is None else start
                if op == "-":
                    pos += len(t)
                else:
                    plus += t
        return _placed_in(base, edit_sides(amendment)[0], out)
    if form is Form.INSTRUCTION:
        regions = instruction_regions(base, amendment)
        return None if isinstance(regions, str) else regions
    spans = [m.span() for m in _TOKEN.finditer(base)]
    prop = list(_TOKEN.finditer(amendment))
    out = []
    matcher = SequenceMatcher(None, _tokens(base), [m[0].lower() for m in prop], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start = spans[i1][0] if i1 < len(spans) else len(base)
        end = spans[i2 - 1][1] if i2 > i1 else start
        out.append((start, end, " ".join(m[0] for m in prop[j1:j2])))
    return out


def _placed_in(base: str, written_on: str, regions: list[Region]) -> list[Region]:
    """Regions found in the text an edit was written on, placed in the stored
    paragraph: the same words (``edit_fits``), but not always the same spacing
    (a double space, a line break), so they are placed by word, not by character."""
    if written_on == base:
        return regions
    here = [m.span() for m in _TOKEN.finditer(written_on)]
    there = [m.span() for m in _TOKEN.finditer(base)]
    if len(here) != len(there):  # not written on this wording: nothing to place
        return []

    def place(offset: int, at_end: bool) -> int:
        k = sum(1 for s0, _ in here if s0 < offset)  # words that start before it
        if at_end:
            return there[k - 1][1] if k else 0
        return there[k][0] if k < len(there) else len(base)

    return [(place(start, False), place(end, True) if end > start else place(start, False), put)
            for start, end, put in regions]


def _mapped(ops: Sequence[tuple[str, int, int, int, int]], new: Sequence[str],
            a: int, b: int) -> list[str]:
    """The tokens of the new text that stand where base tokens [a, b) stood."""
    out: list[str] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            lo, hi = max(a, i1), min(b, i2)
            if lo < hi:
                out.extend(new[j1 + lo - i1: j1 + hi - i1])
        elif (a < b and i1 < b and i2 > a) or (i1 == i2 and a < i1 < b) or \
                (a == b and i1 <= a <= i2):
            out.extend(new[j1:j2])
    return out


def uptake(base: str, amendment: str, new_text: str) -> tuple[str, float] | None:
    """Whether a new text took up a proposed amendment.

    Each change the amendment proposes is a region of the paragraph and the
    words it wants there. The new draft takes it up when it has those words in
    that place (a deletion: when those words are gone from that place); a region
    the new draft left as it was counts for nothing.

    Args:
        base: the paragraph as it was when the amendment was proposed.
        amendment: replacement text, an edit in [-..-]/{+..+} notation, or
            drafting instructions ("Replace '[shall][should]' with 'shall'").
        new_text: the paragraph in the new draft.

    Returns:
        (result, share): `adopted`, `partly` with the share of proposed words
        found, or `not_reflected`; None when there is nothing to measure (no
        change proposed, or instructions that name no words of the text).
    """
    proposed = amended_text(base, amendment)
    if proposed is None or collapse_whitespace(proposed) == collapse_whitespace(base):
        return None
    if collapse_whitespace(new_text) == collapse_whitespace(proposed):
        return Uptake.ADOPTED, 1.0
    if collapse_whitespace(new_text) == collapse_whitespace(base):  # the chair left the paragraph as it was
        return Uptake.NOT_REFLECTED, 0.0
    regions = _regions(base, amendment)
    if not regions:
        return None
    spans = [m.span() for m in _TOKEN.finditer(base)]
    base_t, new_t = _tokens(base), _tokens(new_text)
    ops = SequenceMatcher(None, base_t, new_t, autojunk=False).get_opcodes()
    got = total = 0
    for start, end, put in regions:
        a = sum(1 for s0, _ in spans if s0 < start)
        b = sum(1 for s0, _ in spans if s0 < end) if end > start else a
        before, want = base_t[a:b], _tokens(put)
        there = _mapped(ops, new_t, a, b)
        if want:
            total += len(want)
            if there != before:
                got += sum(m.size for m in SequenceMatcher(
                    None, want, there, autojunk=False).get_matching_blocks())
        else:
            total += len(before)
            if there != before:
                left = Counter(_plain(there))
                got += sum(1 for w in _plain(before) if left[w] == 0)
    if total == 0:
        return None
    share = got / total
    if got >= total:
        return Uptake.ADOPTED, 1.0
    if share >= PARTLY_MIN_SHARE:
        return Uptake.PARTLY, round(share, 2)
    return Uptake.NOT_REFLECTED, round(share, 2)


def red_line_phrases(red_line: str | None) -> list[str]:
    """The quoted words of a red line ("cannot accept 'shall'") that a text must not contain."""
    return [m.strip().lower() for m in _QUOTED.findall(red_line or "") if m.strip()]
