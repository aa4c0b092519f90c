"""Which word changes shift obligation or commitment.

"Shall" -> "should" matters more than a rewritten sentence. The word lists live
here, one set per language, so a French list can be added by filling in a
``Lexicon`` (see ``LEXICONS``). Pure functions over diff ops.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from negotiator.diff.worddiff import DELETE, EQUAL, INSERT

MODAL = "modal"
OPERATIVE = "operative"
NEGATION = "negation"
NUMBER = "number"
CATEGORIES = (MODAL, OPERATIVE, NEGATION, NUMBER)


@dataclass(frozen=True)
class Lexicon:
    """The salient words of one language. Phrases are written with single spaces."""

    modals: frozenset[str]
    operative: frozenset[str]
    negations: frozenset[str]
    months: frozenset[str]


ENGLISH = Lexicon(
    modals=frozenset({
        "shall", "should", "may", "might", "will", "would", "must", "can", "could",
        "is to", "are to", "is required to", "are required to",
        "is encouraged to", "are encouraged to", "is invited to", "are invited to",
    }),
    operative=frozenset({
        "decides", "requests", "calls upon", "calls on", "urges", "strongly urges",
        "encourages", "strongly encourages", "invites", "notes", "takes note",
        "notes with appreciation", "welcomes", "recommends", "demands", "condemns",
        "strongly condemns", "endorses", "approves", "adopts", "affirms", "reaffirms",
        "recognizes", "recognises", "acknowledges", "supports", "emphasizes",
        "emphasises", "stresses", "underlines", "commits", "agrees", "resolves",
        "authorizes", "authorises", "instructs", "tasks", "expresses", "deplores",
        "regrets", "appeals", "reminds", "considers", "declares",
    }),
    negations=frozenset({
        "not", "no", "never", "neither", "nor", "none", "without", "cannot",
        "non",
    }),
    months=frozenset({
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    }),
)

# Language code -> lexicon. A French lexicon ("décide", "prie", "engage", "doit",
# "devrait", "peut", "ne ... pas") goes here.
LEXICONS: dict[str, Lexicon] = {"en": ENGLISH}

_WORDS = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
# Operative and modal phrases are at most this many words long.
MAX_PHRASE_WORDS = 4


@dataclass(frozen=True)
class Salient:
    """One high-salience change within a paragraph."""

    category: str  # modal, operative, negation, number
    removed: tuple[str, ...]
    added: tuple[str, ...]

    @property
    def description(self) -> str:
        """Readable form: "shall -> should", "'not' added", "'2025' removed"."""
        old = " ".join(self.removed)
        new = " ".join(self.added)
        if old and new:
            return f"{old} -> {new}"
        if new:
            return f"'{new}' added"
        return f"'{old}' removed"

    def as_dict(self) -> dict[str, object]:
        return {
            "category": self.category,
            "from": " ".join(self.removed),
            "to": " ".join(self.added),
            "description": self.description,
        }


def _is_month_may(raw: list[str], k: int) -> bool:
    """ "May" next to a number ("31 May", "May 2025") is the month, not the modal."""
    if raw[k] != "May":
        return False
    near = raw[k - 1:k] + raw[k + 1:k + 2]
    return any(_NUMBER.match(w) for w in near)


def _terms(text: str, lexicon: Lexicon) -> dict[str, list[str]]:
    """Salient terms of a text, per category, longest phrase first, in text order."""
    raw = _WORDS.findall(text)
    tokens = [w.lower() for w in raw]
    found: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    k = 0
    while k < len(tokens):
        matched = False
        if not _is_month_may(raw, k):
            for size in range(min(MAX_PHRASE_WORDS, len(tokens) - k), 0, -1):
                phrase = " ".join(tokens[k:k + size])
                for category, words in (
                    (NEGATION, lexicon.negations), (MODAL, lexicon.modals),
                    (OPERATIVE, lexicon.operative),
                ):
                    if phrase in words:
                        found[category].append(phrase)
                        k += size
                        matched = True
                        break
                if matched:
                    break
        if matched:
            continue
        tok = tokens[k]
        if _NUMBER.match(tok) or tok in lexicon.months:
            found[NUMBER].append(raw[k])
        k += 1
    return found


def _hunks(ops: list[tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    """Changes between equalities as (before, deleted, inserted, after), with a
    few words of context either side so a phrase cut by the diff is still seen."""
    out: list[tuple[str, str, str, str]] = []
    k = 0
    while k < len(ops):
        if ops[k][0] == EQUAL:
            k += 1
            continue
        before = ops[k - 1][1] if k > 0 else ""
        deleted = inserted = ""
        while k < len(ops) and ops[k][0] != EQUAL:
            if ops[k][0] == DELETE:
                deleted += ops[k][1]
            elif ops[k][0] == INSERT:
                inserted += ops[k][1]
            k += 1
        after = ops[k][1] if k < len(ops) else ""
        out.append((before, deleted, inserted, after))
    return out


def _tail(text: str, n: int) -> str:
    return " ".join(_WORDS.findall(text)[-n:]) if n else ""


def _head(text: str, n: int) -> str:
    return " ".join(_WORDS.findall(text)[:n]) if n else ""


def salient_changes(ops: list[tuple[str, str]], lang: str = "en") -> list[Salient]:
    """High-salience changes in a paragraph's word diff.

    Args:
        ops: Word-diff ops of the paragraph ("=", "-", "+").
        lang: Language code of the word lists (see ``LEXICONS``).

    Returns:
        One ``Salient`` per category and change, in text order; empty when the
        change touches no modal, operative verb, negation, number or date.
    """
    lexicon = LEXICONS.get(lang, ENGLISH)
    result: list[Salient] = []
    ctx = MAX_PHRASE_WORDS - 1
    for before, deleted, inserted, after in _hunks(ops):
        # Terms on each side, with context, minus those found in the context alone:
        # "calls upon" -> "calls on" shows even if the diff only changed "upon".
        left, right = _tail(before, ctx), _head(after, ctx)
        base = _terms(f"{left} {right}", lexicon)
        old = _terms(f"{left} {deleted} {right}", lexicon)
        new = _terms(f"{left} {inserted} {right}", lexicon)
        for category in CATEGORIES:
            context = Counter(base[category])
            old_c = Counter(old[category]) - context
            new_c = Counter(new[category]) - context
            removed = _ordered(old[category], old_c - new_c)
            added = _ordered(new[category], new_c - old_c)
            if removed or added:
                result.append(Salient(category, tuple(removed), tuple(added)))
    return result


def _ordered(terms: list[str], wanted: Counter[str]) -> list[str]:
    """The terms of ``wanted`` (a multiset) in the order they occur in ``terms``."""
    left = Counter(wanted)
    out = []
    for t in terms:
        if left[t] > 0:
            out.append(t)
            left[t] -= 1
    return out
