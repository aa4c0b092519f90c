"""Amendments a delegation proposes: edits, replacement texts and drafting
instructions; what they make of a paragraph and how much of them a later draft took up.

Pure functions over texts (no store)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

from negotiator.domain.errors import Conflict
from negotiator.domain.vocabulary import Uptake
from negotiator.text.normalise import collapse_whitespace

# Uptake: at least this share of the proposed inserted and deleted words must be
# found in the chair's change to call it "partly" (below: a stray common word
# such as "the" would otherwise count as uptake).
PARTLY_MIN_SHARE = 0.2
# An amendment written as an edit against the paragraph, in wdiff notation:
# "Calls upon [-all-] States {+strongly+} to ...".
_EDIT_MARK = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.S)
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_QUOTED = re.compile(r"[\"\u201c\u201d'\u2018\u2019]([^\"\u201c\u201d\u2018\u2019']{2,}?)[\"\u201c\u201d'\u2018\u2019]")


def is_edit(amendment: str) -> bool:
    """True when the amendment is written as an edit ([-deleted-] {+inserted+})."""
    return bool(_EDIT_MARK.search(amendment))


def edit_ops(amendment: str) -> list[tuple[str, str]]:
    """The ops of an amendment written in wdiff notation."""
    ops: list[tuple[str, str]] = []
    pos = 0
    for m in _EDIT_MARK.finditer(amendment):
        if m.start() > pos:
            ops.append(("=", amendment[pos:m.start()]))
        ops.append(("-", m[1]) if m[1] is not None else ("+", m[2]))
        pos = m.end()
    if pos < len(amendment):
        ops.append(("=", amendment[pos:]))
    return ops


_INSTRUCTION_START = re.compile(
    r"^\s*(replace|delete|remove|keep|retain|insert|add|merge|move|move|split)\b", re.I)
_Q = r"['\u2018\u2019\"\u201c\u201d]([^'\u2018\u2019\"\u201c\u201d]+)['\u2018\u2019\"\u201c\u201d]"
_INSTRUCTION = re.compile(
    rf"\b(?P<verb>replace|delete|remove|keep|retain|insert|add)\s+(?:the\s+words?\s+)?{_Q}"
    rf"(?:\s+(?:with|by)\s+{_Q})?(?:\s+(?P<where>after|before)\s+{_Q})?", re.I)


def is_instruction(amendment: str) -> bool:
    """True for an amendment written as drafting instructions ("Replace 'x' with 'y'.")."""
    return bool(_INSTRUCTION_START.match(amendment))


def _apply_instructions(base: str, amendment: str) -> str | None:
    """Apply "Replace 'x' with 'y'", "Delete 'x'", "Keep '[x]'" (drop its brackets),
    "Insert 'y' after/before 'x'" to a paragraph; None when none applies."""
    text, applied = base, 0
    for m in _INSTRUCTION.finditer(amendment):
        verb, x, y, where, z = m["verb"].lower(), m[2], m[3], m["where"], m[5]

        def locate(words: str, text: str = text) -> str | None:
            if words in text:
                return words
            if f"[{words}]" in text:
                return f"[{words}]"
            return None

        if verb in ("insert", "add"):
            at = locate(z) if z else None
            if at is None:
                continue
            i = text.index(at)
            text = (text[:i] + x + " " + text[i:] if where and where.lower() == "before"
                    else text[:i + len(at)] + " " + x + text[i + len(at):])
        else:
            found = locate(x)
            if found is None:
                continue
            if verb in ("keep", "retain"):
                new = found.strip("[]") if found.startswith("[") else found
            elif verb == "replace" and y is not None:
                new = y
            elif verb in ("delete", "remove"):
                new = ""
            else:
                continue
            text = text.replace(found, new, 1)
        applied += 1
    return collapse_whitespace(re.sub(r"\s+([,;.:])", r"\1", text)) if applied else None


def amended_text(base: str, amendment: str) -> str | None:
    """The paragraph as the amendment would have it: the replacement text, the
    applied [-..-]/{+..+} edit, or the applied instructions (None when the
    instructions cannot be applied to the text, e.g. "Merge the two options")."""
    if is_edit(amendment):
        return "".join(t for op, t in edit_ops(amendment) if op != "-")
    if is_instruction(amendment):
        return _apply_instructions(base, amendment)
    return amendment


def check_amendment(base: str, amendment: str) -> None:
    """Refuse an edit whose unchanged and deleted parts are not the paragraph's text."""
    if not is_edit(amendment):
        return
    before = "".join(t for op, t in edit_ops(amendment) if op != "+")
    if collapse_whitespace(before) != collapse_whitespace(base):
        raise Conflict("the amendment's [-deleted-] and unchanged words do not match the "
                       "paragraph's text; write the whole paragraph with [-...-] and {+...+} "
                       "marks, or give the replacement text")


def words_of(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


# Words with the square brackets that touch them ("[by", "actors]"), so that
# removing the brackets around a phrase is a change of that phrase.
_TOKEN = re.compile(r"\[*\w+(?:['\u2019]\w+)*\]*")


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in _TOKEN.findall(text)]


def _plain(tokens: Sequence[str]) -> list[str]:
    return [t.strip("[]") for t in tokens]


Region = tuple[int, int, str]  # characters [start, end) of the base, and what replaces them


def _regions(base: str, amendment: str) -> list[Region] | None:
    """Where an amendment changes the paragraph and what it puts there."""
    if is_edit(amendment):
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
        return out
    if is_instruction(amendment):
        out = []
        for m in _INSTRUCTION.finditer(amendment):
            verb, x, y, where, z = m["verb"].lower(), m[2], m[3], m["where"], m[5]
            spot = next((w for w in (z if verb in ("insert", "add") else x,) for w in
                         (w, f"[{w}]") if w and w in base), None)
            if spot is None:
                continue
            i = base.index(spot)
            if verb in ("insert", "add"):
                at = i if where and where.lower() == "before" else i + len(spot)
                out.append((at, at, x))
            elif verb in ("keep", "retain"):
                out.append((i, i + len(spot), spot.strip("[]")))
            elif verb == "replace" and y is not None:
                out.append((i, i + len(spot), y))
            elif verb in ("delete", "remove"):
                out.append((i, i + len(spot), ""))
        return out or None
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
