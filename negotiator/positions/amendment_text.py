"""What a proposed amendment does to a paragraph's words, as the chair should see it.

An amendment is written in one of three forms (README, `negotiator position
--amendment`): the paragraph with ``[-deleted-]`` and ``{+inserted+}`` marks (an
edit), drafting instructions ("Replace 'MAY' with 'MUST'", "Delete '...'",
"Insert '...' after '...'", "Keep '[...]'"), or the replacement text of the
paragraph. This module is the one reading of them: ``amended_text`` says what
the paragraph becomes (the positions board, ``negotiator positions``, signals and
uptake), ``apply_amendment`` turns any of them into the smallest honest tracked
change against the paragraph's own text (the amendments file), or says why it
cannot.
Whitespace and line breaks are never a change: texts are compared on
normalised whitespace and the paragraph keeps its own layout in what is
unchanged. Pure functions; typed results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from negotiator.diff.worddiff import DELETE, EQUAL, INSERT, tokenize, word_diff
from negotiator.domain.errors import Conflict
from negotiator.text.normalise import collapse_whitespace

Ops = list[tuple[str, str]]
Region = tuple[int, int, str]  # characters [start, end) of the base, and what replaces them


class Form(StrEnum):
    EDIT = "edit"
    INSTRUCTION = "instruction"
    REPLACEMENT = "replacement"


@dataclass(frozen=True)
class Instruction:
    """One drafting instruction: ``verb`` 'target' [with 'text'] [after|before 'anchor']."""

    verb: str  # replace, delete, insert, keep
    target: str
    text: str | None = None
    where: str | None = None  # "after" or "before", for insert
    anchor: str | None = None


@dataclass(frozen=True)
class Applied:
    """An amendment applied to a paragraph.

    ``ops`` rebuild the paragraph exactly ("=" and "-") and the amended text
    ("=" and "+"); None when the amendment cannot honestly be shown as a
    tracked change, and then ``reason`` says why in words for the chair's comment.
    """

    form: Form
    ops: Ops | None
    reason: str | None = None

    @property
    def words_changed(self) -> int:
        """Words deleted plus words inserted."""
        return sum(_count_words(t) for op, t in self.ops or [] if op != EQUAL)

    def summary(self) -> str:
        """ "2 words", "square brackets only": how big the tracked change is."""
        n = self.words_changed
        if n:
            return f"{n} word{'s' if n != 1 else ''}"
        changed = "".join(t for op, t in self.ops or [] if op != EQUAL)
        return "square brackets only" if set(changed.strip()) <= set("[] ") else "punctuation only"

    @property
    def text(self) -> str | None:
        """The paragraph as amended."""
        return None if self.ops is None else "".join(t for op, t in self.ops if op != DELETE)


_EDIT_MARK = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.S)
_INSTRUCTION_START = re.compile(
    r"^\s*(replace|delete|remove|keep|retain|insert|add|merge|move|split|combine|shorten)\b", re.I)
_Q = r"['\u2018\u2019\"\u201c\u201d]([^'\u2018\u2019\"\u201c\u201d]+)['\u2018\u2019\"\u201c\u201d]"
_INSTRUCTION = re.compile(
    rf"\b(?P<verb>replace|delete|remove|keep|retain|insert|add)\s+(?:the\s+words?\s+)?{_Q}"
    rf"(?:\s+(?:with|by)\s+{_Q})?(?:\s+(?P<where>after|before)\s+{_Q})?", re.I)
# What may stand between instructions: "Replace 'a' with 'b'; and delete 'c'."
_GLUE = re.compile(r"^[\s,;.:]*(?:(?:and|then|also)\b[\s,;.:]*)*$", re.I)
_SPACE = re.compile(r"\s+")
_WORDS = re.compile(r"\w+")
_CLOSING = frozenset(",;.:!?)]")  # punctuation that takes no space before it
_VERBS = {"remove": "delete", "retain": "keep", "add": "insert"}
# A reason quotes at most this much of the amendment.
QUOTE_CHARS = 50


def _count_words(text: str) -> int:
    return len(_WORDS.findall(text))


def amendment_form(amendment: str) -> Form:
    if _EDIT_MARK.search(amendment):
        return Form.EDIT
    if _INSTRUCTION_START.match(amendment):
        return Form.INSTRUCTION
    return Form.REPLACEMENT


def edit_ops(amendment: str) -> Ops:
    """The ops of an amendment written in [-deleted-] {+inserted+} notation."""
    ops: Ops = []
    pos = 0
    for m in _EDIT_MARK.finditer(amendment):
        if m.start() > pos:
            ops.append((EQUAL, amendment[pos:m.start()]))
        ops.append((DELETE, m[1]) if m[1] is not None else (INSERT, m[2]))
        pos = m.end()
    if pos < len(amendment):
        ops.append((EQUAL, amendment[pos:]))
    return ops


def parse_instructions(amendment: str) -> tuple[list[Instruction], str]:
    """The instructions of an amendment, and what is left that is not one
    (empty when the whole amendment is instructions)."""
    found: list[Instruction] = []
    rest: list[str] = []
    pos = 0
    for m in _INSTRUCTION.finditer(amendment):
        rest.append(amendment[pos:m.start()])
        pos = m.end()
        verb = _VERBS.get(m["verb"].lower(), m["verb"].lower())
        if verb == "insert":
            found.append(Instruction("insert", m[2], where=(m["where"] or "").lower() or None,
                                     anchor=m[5]))
        else:
            found.append(Instruction(verb, m[2], text=m[3]))
    rest.append(amendment[pos:])
    leftover = " ".join(r.strip() for r in rest if not _GLUE.match(r)).strip()
    leftover = re.sub(r"^(?:(?:and|then|also)\b\s*)+", "", leftover, flags=re.I).strip(" ,;.:")
    return found, leftover


def tracked_ops(base: str, proposed: str) -> Ops:
    """Word-diff ops from ``base`` to ``proposed`` compared on normalised
    whitespace: a re-wrapped line is no change, and the equal and deleted runs
    keep ``base``'s own spaces and line breaks."""
    flat_base, flat_new = _SPACE.sub(" ", base), _SPACE.sub(" ", proposed)
    ops = word_diff(flat_base, flat_new)
    # Whitespace runs map one to one between base and its flattened form.
    original, flat = tokenize(base), tokenize(flat_base)
    out: Ops = []
    k = 0
    for op, t in ops:
        if op == INSERT:
            out.append((op, t))
            continue
        need, piece = len(t), []
        while need > 0:
            need -= len(flat[k])
            piece.append(original[k])
            k += 1
        out.append((op, "".join(piece)))
    return out


def _find(base: str, words: str) -> list[tuple[int, int]]:
    """Where ``words`` occur in ``base`` with any whitespace between them (also
    inside square brackets); the exact case first, else ignoring case."""
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    if not pattern:
        return []
    # whole words only: 'x' is not the x of "next"
    pattern = rf"(?<!\w){pattern}(?!\w)" if words.strip()[0].isalnum() and words.strip()[-1].isalnum() \
        else pattern
    for flags in (0, re.I):
        spans = [m.span() for m in re.finditer(rf"\[{pattern}\]|{pattern}", base, flags)]
        if spans:
            return spans
    return []


def _region(base: str, ins: Instruction) -> Region | str:
    """Characters [start, end) of the base and what the instruction puts there,
    or the reason it does not apply."""
    look = ins.anchor if ins.verb == "insert" else ins.target
    if not look:
        return f"'{ins.verb.capitalize()} {ins.target}' says where only with 'after' or 'before'"
    spans = _find(base, look)
    if not spans:
        return f"'{look}' not found"
    if len(spans) > 1:
        return f"'{look}' occurs {len(spans)} times"
    s, e = spans[0]
    found = base[s:e]
    if ins.verb == "insert":
        return (s, s, f"{ins.target} ") if ins.where == "before" else (e, e, f" {ins.target}")
    if ins.verb == "keep":
        if not found.startswith("["):
            return f"'{look}' is not in square brackets"
        return s, e, found[1:-1]
    if ins.verb == "replace":
        if ins.text is None:
            return f"'Replace {look}' says with what only with 'with'"
        return s, e, ins.text
    # delete: take one neighbouring space along, so no double space is left; the
    # space before only when punctuation follows ("[a][b]": deleting "[a]" takes none)
    if e < len(base) and base[e].isspace() and (s == 0 or base[s - 1].isspace()):
        while e < len(base) and base[e].isspace():
            e += 1
    elif s > 0 and base[s - 1].isspace() and (e == len(base) or base[e] in _CLOSING):
        while s > 0 and base[s - 1].isspace():
            s -= 1
    return s, e, ""


def instruction_regions(base: str, amendment: str) -> list[Region] | str:
    """Where drafting instructions change the paragraph and what they put there
    (sorted, not overlapping), or the reason they do not apply (a target not
    found or found twice, words that are not an instruction such as "Merge with
    PP3"): all of them apply or none does."""
    instructions, leftover = parse_instructions(amendment)
    if not instructions:
        return "not a Replace/Delete/Insert/Keep instruction"
    if leftover:
        shown = leftover if len(leftover) <= QUOTE_CHARS else leftover[:QUOTE_CHARS].rsplit(" ", 1)[0] + "…"
        return f"'{shown}' is not a Replace/Delete/Insert/Keep instruction"
    regions = []
    for ins in instructions:
        region = _region(base, ins)
        if isinstance(region, str):
            return region
        regions.append(region)
    regions.sort(key=lambda r: (r[0], r[1]))
    for (_, e1, _), (s2, _, _) in zip(regions, regions[1:]):
        if s2 < e1:
            return "two instructions change the same words"
    return regions


def edit_sides(amendment: str) -> tuple[str, str]:
    """An edit's text before (unchanged and [-deleted-]) and after (unchanged and {+inserted+})."""
    ops = edit_ops(amendment)
    return ("".join(t for op, t in ops if op != INSERT), "".join(t for op, t in ops if op != DELETE))


def edit_fits(base: str, amendment: str) -> bool:
    """Whether an edit was written on this wording of the paragraph (its unchanged
    and deleted words are the paragraph's, whitespace aside); True for the other forms."""
    return amendment_form(amendment) is not Form.EDIT or \
        collapse_whitespace(edit_sides(amendment)[0]) == collapse_whitespace(base)


def check_amendment(base: str, amendment: str) -> None:
    """Refuse an edit whose unchanged and deleted parts are not the paragraph's text."""
    if not edit_fits(base, amendment):
        raise Conflict("the amendment's [-deleted-] and unchanged words do not match the "
                       "paragraph's text; write the whole paragraph with [-...-] and {+...+} "
                       "marks, or give the replacement text")


def amended_text(base: str, amendment: str) -> str | None:
    """The paragraph as the amendment would have it: the replacement text, the
    edit's text after its marks, or the paragraph with the instructions applied.

    None when it cannot be applied (``apply_amendment`` says why): an edit
    written on another wording, instructions that do not all apply. An
    amendment that changes nothing gives the paragraph's words. Equal, whitespace
    aside, to the text of ``apply_amendment``'s ops whenever those exist.
    """
    form = amendment_form(amendment)
    if form is Form.EDIT:
        return edit_sides(amendment)[1] if edit_fits(base, amendment) else None
    if form is Form.INSTRUCTION:
        regions = instruction_regions(base, amendment)
        if isinstance(regions, str):
            return None
        out, pos = [], 0
        for s, e, put in regions:
            out += [base[pos:s], put]
            pos = e
        return "".join(out) + base[pos:]
    return amendment.strip()


def apply_instructions(base: str, amendment: str) -> Applied:
    """Drafting instructions as the minimal tracked change, or the reason they
    do not apply (see ``instruction_regions``)."""
    regions = instruction_regions(base, amendment)
    if isinstance(regions, str):
        return Applied(Form.INSTRUCTION, None, regions)
    ops: Ops = []
    pos = 0
    for s, e, put in regions:
        if s > pos:
            ops.append((EQUAL, base[pos:s]))
        ops.extend(tracked_ops(base[s:e], put) if base[s:e].strip() and put.strip()
                   else [(op, t) for op, t in ((DELETE, base[s:e]), (INSERT, put)) if t])
        pos = e
    if pos < len(base):
        ops.append((EQUAL, base[pos:]))
    return Applied(Form.INSTRUCTION, _merged(ops))


def apply_amendment(base: str, amendment: str) -> Applied:
    """An amendment of any form as tracked-change ops against ``base``.

    Args:
        base: the paragraph's text in the draft the file is made against.
        amendment: an edit, drafting instructions or the replacement text.

    Returns:
        ``Applied`` with the ops (a replacement text is tracked in full, however
        little of the paragraph it keeps), or with the reason it cannot be
        tracked: an edit written on another wording, instructions that do not
        apply, or an amendment that changes nothing.
    """
    form = amendment_form(amendment)
    if form is Form.EDIT:
        if not edit_fits(base, amendment):
            return Applied(form, None, "the edit was written on another wording of the paragraph")
        result = Applied(form, tracked_ops(base, edit_sides(amendment)[1]))
    elif form is Form.INSTRUCTION:
        result = apply_instructions(base, amendment)
    else:
        result = Applied(form, tracked_ops(base, amendment.strip()))
    if result.ops is not None and all(op == EQUAL for op, _ in result.ops):
        return Applied(form, None, "it changes nothing in this text")
    return result


def _merged(ops: Ops) -> Ops:
    out: Ops = []
    for op, t in ops:
        if not t:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + t)
        else:
            out.append((op, t))
    return out


def part_concerned(parts: list[str], amendment: str) -> int:
    """Which part of a split paragraph an amendment taken on the whole is about:
    the one part it applies to (an instruction whose words are there), else the first."""
    fits = [k for k, text in enumerate(parts) if apply_amendment(text, amendment).ops is not None]
    return fits[0] if len(fits) == 1 else 0
