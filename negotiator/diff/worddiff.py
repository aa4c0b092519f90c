"""Word-level diff of two paragraph texts, built on diff-match-patch.

Each word, each whitespace run and each punctuation mark or bracket becomes
one token; tokens are mapped to single characters (the trick of
diff-match-patch's ``diff_linesToChars``), diffed, cleaned up semantically and
mapped back. A change therefore never splits a word, and the ops rebuild both
texts exactly, whitespace included. CJK scripts, written without spaces, fall
back to one token per character; right-to-left scripts are words like any other
(Arabic and Hebrew vowel marks stay inside their word).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from typing import Any

EQUAL, DELETE, INSERT = "=", "-", "+"

# Per paragraph, diff-match-patch finishes in milliseconds; the time limit only
# guards against a pathological paragraph (a flattened table of thousands of
# words). When it fires the result is coarser but still exact.
DIFF_TIMEOUT_S = 0.5

_CJK = (
    "\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uac00-\ud7af\uff00-\uffef\U00020000-\U0002fa1f"
)
# Combining marks (Latin accents written separately, Hebrew points, Arabic
# harakat) and zero-width joiners belong to the word they sit in.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u200c\u200d"
)


@cache
def _token_pattern() -> re.Pattern[str]:
    # Compiled on first use (a few milliseconds): reading a stored comparison never tokenizes.
    return re.compile(
        rf"[{_CJK}]"  # one CJK character
        rf"|(?:(?![{_CJK}])[^\W_]|[{_MARKS}])+(?:['\u2019](?:(?![{_CJK}])[^\W_]|[{_MARKS}])+)*"  # a word
        r"|\s+"  # a run of whitespace
        r"|[\s\S]",  # anything else: punctuation, a bracket, a symbol
    )


@cache
def _plain_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # Without CJK characters or separate marks the full pattern is this one
    # (its lookaheads always pass, its mark class never matches), twice as fast.
    return (re.compile(rf"[{_CJK}{_MARKS}]"),
            re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|\s+|[\s\S]"))


def tokenize(text: str) -> list[str]:
    """Split a text into word, whitespace and punctuation tokens that join back to it."""
    special, plain = _plain_patterns()
    if special.search(text) is None:
        return plain.findall(text)
    return _token_pattern().findall(text)


def _code(k: int) -> str:
    # Skip the surrogate block so every code is a valid character.
    k += 1
    return chr(k if k < 0xD800 else k + 0x800)




def _encode(a: str, b: str) -> tuple[str, str, list[str], list[str], dict[str, int]]:
    """Tokens of both texts, their codes, and each code's size in characters.
    Every whitespace run gets one code: a line re-wrapped differently is not a
    change of wording."""
    vocab: dict[str, str] = {}

    def munge(tokens: list[str]) -> str:
        keys = [" " if tok.isspace() else tok for tok in tokens]
        for key in dict.fromkeys(keys):  # codes in order of first appearance
            if key not in vocab:
                vocab[key] = _code(len(vocab))
        return "".join(map(vocab.__getitem__, keys))

    ta, tb = tokenize(a), tokenize(b)
    ca, cb = munge(ta), munge(tb)
    sizes = {code: len(key) for key, code in vocab.items()}
    space = vocab.get(" ")
    if space is not None:
        # The whitespace code weighs what its last run weighs (B's, else A's).
        last = next((t for t in reversed(tb) if t.isspace()), None) \
            or next(t for t in reversed(ta) if t.isspace())
        sizes[space] = len(last)
    return ca, cb, ta, tb, sizes


@cache
def _dmp() -> Any:
    # Imported on first use: reading a stored comparison needs no diffing.
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = DIFF_TIMEOUT_S
    return dmp

_OPS = {0: EQUAL, -1: DELETE, 1: INSERT}


# A linked pair that shares almost no phrasing (a link a user forced, or a
# paragraph replaced in place) is shown as deleted + inserted: a word diff
# would cost quadratic time and show only noise. Measured as the Dice
# coefficient of word pairs (bigrams), which unrelated texts on one subject
# share little of (~0.05) and a lightly edited paragraph mostly (0.8 and up).
UNRELATED_FLOOR = 0.15
# Below this many words a side the diff is cheap and always readable.
UNRELATED_MIN_WORDS = 40
_WORDS = re.compile(r"[^\W_]+")


def _unrelated(a: str, b: str, ca: str, cb: str) -> bool:
    # Cheap first: sharing most distinct tokens (codes) means related.
    sa, sb = set(ca), set(cb)
    if len(sa & sb) >= 0.5 * min(len(sa), len(sb)):
        return False
    wa, wb = _WORDS.findall(a.lower()), _WORDS.findall(b.lower())
    if min(len(wa), len(wb)) < UNRELATED_MIN_WORDS:
        return False
    pa = Counter(zip(wa, wa[1:]))
    pb = Counter(zip(wb, wb[1:]))
    if len(pb) < len(pa):
        pa, pb = pb, pa
    shared = sum(min(n, pb[k]) for k, n in pa.items() if k in pb)
    return 2 * shared / (len(wa) + len(wb) - 2) < UNRELATED_FLOOR


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Word-level differences between two texts.

    Args:
        a: The old text.
        b: The new text.

    Returns:
        A list of (op, text) with op "=" (kept), "-" (deleted) or "+" (inserted).
        Joining the "=" and "-" texts gives ``a`` exactly; "=" and "+" give ``b``.
        Within a change, the deletion comes before the insertion.
    """
    if a == b:
        return [(EQUAL, a)] if a else []
    ca, cb, ta, tb, sizes = _encode(a, b)
    if _unrelated(a, b, ca, cb):
        return [(DELETE, a), (INSERT, b)]
    diffs = _dmp().diff_main(ca, cb, False)
    # On token codes, so a clean-up can never cut inside a word; weighed in
    # characters, so "[strongly]" -> "strongly" stays two bracket deletions.
    _cleanup_semantic(diffs, lambda codes: sum(sizes[c] for c in codes))
    _slide_over_whitespace(diffs, ta, tb)
    out: list[tuple[str, str]] = []

    def emit(tag: str, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] == tag:
            out[-1] = (tag, out[-1][1] + text)
        else:
            out.append((tag, text))

    ia = ib = 0
    for op, chars in diffs:
        n = len(chars)
        if op == -1:
            emit(DELETE, "".join(ta[ia:ia + n]))
            ia += n
        elif op == 1:
            emit(INSERT, "".join(tb[ib:ib + n]))
            ib += n
        elif ta[ia:ia + n] == tb[ib:ib + n]:
            emit(EQUAL, "".join(ta[ia:ia + n]))
            ia += n
            ib += n
        else:
            # Equal codes; only whitespace can differ, kept exact as a tiny change.
            for x, y in zip(ta[ia:ia + n], tb[ib:ib + n], strict=True):
                if x == y:
                    emit(EQUAL, x)
                else:
                    emit(DELETE, x)
                    emit(INSERT, y)
            ia += n
            ib += n
    return out


def _slide_over_whitespace(diffs: list[Any], ta: list[str], tb: list[str]) -> None:
    """Slide an insertion or deletion that sits between two kept runs along the
    codes it shares with them, to where the whitespace kept on both sides is the
    same text: "share;" + "\n³" + ("\n" -> " ") + "report" becomes
    "share;\n" + "³ " + "report" (every whitespace run has one code, so the
    diff may pair a line break with a space). Where nothing is gained, the
    diff stays as it was."""
    ia = ib = 0  # where diffs[k] starts in A's and B's tokens
    for k in range(len(diffs)):
        op, codes = diffs[k]
        if 0 < k < len(diffs) - 1 and op != 0 and diffs[k - 1][0] == 0 and diffs[k + 1][0] == 0:
            before, after = diffs[k - 1][1], diffs[k + 1][1]
            sa, sb = ia - len(before), ib - len(before)  # where the kept run before starts
            best, best_cost = 0, -1
            for shift in _shifts(before, codes, after):
                if best_cost < 0:
                    best_cost = _mismatches(ta, tb, sa, sb, len(before), len(after), op, len(codes), 0)
                cost = _mismatches(ta, tb, sa, sb, len(before), len(after), op, len(codes), shift)
                if cost < best_cost:
                    best, best_cost = shift, cost
            if best:
                joined = before + codes + after
                cut = len(before) + best
                diffs[k - 1] = (0, joined[:cut])
                diffs[k] = (op, joined[cut:cut + len(codes)])
                diffs[k + 1] = (0, joined[cut + len(codes):])
                ia, ib = sa + cut, sb + cut
        n = len(diffs[k][1])
        if op != 1:
            ia += n
        if op != -1:
            ib += n


# Whitespace is misplaced by a code or two; the cost is then counted near the edit only.
_MAX_SHIFT = 3


def _shifts(before: str, codes: str, after: str) -> list[int]:
    """How far an edit can slide (negative: left) and stay the same edit."""
    out = []
    k = 1
    while k <= min(len(codes), len(after), _MAX_SHIFT) and codes[:k] == after[:k]:
        out.append(k)
        k += 1
    k = 1
    while k <= min(len(codes), len(before), _MAX_SHIFT) and codes[-k:] == before[-k:]:
        out.append(-k)
        k += 1
    return out


def _mismatches(ta: list[str], tb: list[str], sa: int, sb: int, kept_before: int, kept_after: int,
                op: int, n: int, shift: int) -> int:
    """Kept tokens near the edit whose two sides differ (only whitespace can) once
    an edit of ``n`` codes, between kept runs starting at ``sa``/``sb``, is slid by
    ``shift``. A kept token's partner does not depend on the shift, so tokens
    further than any shift from the edit count alike for every shift: left out."""
    window = _MAX_SHIFT + 1
    a_edit = n if op == -1 else 0  # an insertion takes B's tokens, a deletion A's
    b_edit = n if op == 1 else 0
    count = 0
    for i in range(max(0, kept_before - window), kept_before + shift):  # kept before the edit
        count += ta[sa + i] != tb[sb + i]
    start = kept_before + shift  # the kept run after the edit, from here
    for i in range(start, min(kept_before + kept_after, kept_before + window)):
        count += ta[sa + i + a_edit] != tb[sb + i + b_edit]
    return count


def _cleanup_semantic(diffs: list[tuple[int, str]], size: Callable[[str], int]) -> None:
    """diff-match-patch's semantic clean-up (its first phase: fold an equality
    into the changes around it when it is no longer than either of them), with
    lengths measured in characters of the tokens rather than in tokens."""
    changes = False
    equalities: list[int] = []
    last_equality: str | None = None
    pointer = 0
    ins1 = del1 = ins2 = del2 = 0
    while pointer < len(diffs):
        op, codes = diffs[pointer]
        if op == 0:
            equalities.append(pointer)
            ins1, del1, ins2, del2 = ins2, del2, 0, 0
            last_equality = codes
        else:
            if op == 1:
                ins2 += size(codes)
            else:
                del2 += size(codes)
            # Every code weighs a character or more: an equality of more codes
            # than the changes around it have characters is longer, unweighed.
            bound = min(max(ins1, del1), max(ins2, del2))
            if last_equality and len(last_equality) <= bound and size(last_equality) <= bound:
                at = equalities[-1]
                diffs.insert(at, (-1, last_equality))
                diffs[at + 1] = (1, diffs[at + 1][1])
                equalities.pop()
                if equalities:
                    equalities.pop()
                pointer = equalities[-1] if equalities else -1
                ins1 = del1 = ins2 = del2 = 0
                last_equality = None
                changes = True
        pointer += 1
    if changes:
        _dmp().diff_cleanupMerge(diffs)


def is_layout_only(deleted: str, inserted: str) -> bool:
    """True when a change only re-spaces or re-wraps the text."""
    return not deleted.strip() and not inserted.strip()


def old_text(ops: list[tuple[str, str]]) -> str:
    """The old text rebuilt from ops ("=" and "-")."""
    return "".join(t for op, t in ops if op != INSERT)


def new_text(ops: list[tuple[str, str]]) -> str:
    """The new text rebuilt from ops ("=" and "+")."""
    return "".join(t for op, t in ops if op != DELETE)
