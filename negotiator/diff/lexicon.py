"""The word lists of salience, one data file per language, and a cheap guess at
a text's language.

The lists are data (``negotiator/diff/lexicons/<code>.toml``, shipped with the
package): adding a language means adding a file, not code. ``Lexicon`` is the
loaded, checked form that ``negotiator.diff.salience`` matches against.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from negotiator.domain.errors import NegotiatorError

# The lists of a lexicon; a phrase belongs to one of them only.
NEGATION, POLARITY, MODAL, OPERATIVE, IGNORE = "negation", "polarity", "modal", "operative", "ignore"
_LISTS = (IGNORE, NEGATION, POLARITY, MODAL, OPERATIVE)
DEFAULT_LANGUAGE = "en"


class LexiconError(NegotiatorError):
    """A lexicon file is missing or malformed."""


@dataclass(frozen=True)
class Lexicon:
    """The salient words of one language, lower-cased; phrases with single spaces."""

    code: str
    language: str
    stopwords: frozenset[str]
    modals: frozenset[str]
    operative: frozenset[str]
    negations: frozenset[str]
    # Negation words that count only after ``negation_head`` ("ne ... pas").
    negation_partners: frozenset[str]
    negation_head: str
    negation_window: int
    # Whole words standing for several ("cannot" -> can + not) and word endings
    # that are a negation ("n't" -> not).
    contractions: dict[str, tuple[str, ...]]
    negation_suffixes: dict[str, str]
    # Elided prefixes ("n'" -> "ne", "l'" -> nothing).
    elisions: dict[str, str]
    # Polarity word -> its opposites; words in ``needs_opposite`` count only as a swap.
    opposites: dict[str, frozenset[str]]
    needs_opposite: frozenset[str]
    months: frozenset[str]
    number_words: frozenset[str]
    ordinal_suffixes: tuple[str, ...]
    label_words: frozenset[str]
    label_connectors: frozenset[str]
    option_words: frozenset[str]
    noun_markers: frozenset[str]
    ignore: frozenset[str]

    @property
    def polarity(self) -> frozenset[str]:
        return frozenset(self.opposites)

    # Every listed phrase (as a word tuple) and its list; the longest phrase's length.
    index: dict[tuple[str, ...], str]
    longest: int
    starts: frozenset[str]  # first words of the listed phrases


def _index(code: str, lists: dict[str, frozenset[str]]) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for category in _LISTS:
        for phrase in sorted(lists[category]):
            key = tuple(phrase.split())
            if key in out:
                raise LexiconError(f"lexicon {code}: '{phrase}' is listed as {out[key]} "
                                   f"and as {category}")
            out[key] = category
    return out


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise LexiconError(f"'{key}' must be a list of words")
    return frozenset(" ".join(w.lower().replace("\u2019", "'").split()) for w in value)


def _polarity(data: dict[str, Any]) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    opposites: dict[str, set[str]] = {}
    needs: set[str] = set()
    for pair in data.get("pairs", []):
        a, b = (w.lower() for w in pair)
        opposites.setdefault(a, set()).add(b)
        opposites.setdefault(b, set()).add(a)
        needs.update((a, b))
    for base in _words(data, "bases"):
        negatives = {f"{p}{base}" for p in data.get("prefixes", [])}
        opposites.setdefault(base, set()).update(negatives)
        needs.add(base)
        for neg in negatives:
            opposites.setdefault(neg, set()).add(base)
    return {w: frozenset(o) for w, o in opposites.items()}, frozenset(needs)


def parse_lexicon(code: str, data: dict[str, Any]) -> Lexicon:
    """A ``Lexicon`` from the parsed TOML of one language."""
    neg = data.get("negation", {})
    pol = data.get("polarity", {})
    num = data.get("numbers", {})
    lab = data.get("labels", {})
    opposites, needs = _polarity(pol)
    lists = {IGNORE: _words(data, "ignore"),
             NEGATION: _words(neg, "words") | _words(neg, "partners"),
             POLARITY: frozenset(opposites), MODAL: _words(data, "modals"),
             OPERATIVE: _words(data, "operative")}
    index = _index(code, lists)
    return Lexicon(
        code=code,
        language=str(data.get("language", code)),
        stopwords=_words(data, "stopwords"),
        modals=_words(data, "modals"),
        operative=_words(data, "operative"),
        negations=_words(neg, "words"),
        negation_partners=_words(neg, "partners"),
        negation_head=str(neg.get("head", "")).lower(),
        negation_window=int(neg.get("window", 0)),
        contractions={k.lower(): tuple(v) for k, v in neg.get("contractions", {}).items()},
        negation_suffixes={k.lower(): str(v) for k, v in neg.get("suffixes", {}).items()},
        elisions={k.lower(): str(v) for k, v in data.get("elisions", {}).items()},
        opposites=opposites,
        needs_opposite=needs,
        months=_words(num, "months"),
        number_words=_words(num, "words"),
        ordinal_suffixes=tuple(sorted((s.lower() for s in num.get("ordinal_suffixes", [])),
                                      key=lambda s: (-len(s), s))),
        label_words=_words(lab, "words"),
        label_connectors=_words(lab, "connectors"),
        option_words=_words(lab, "options"),
        noun_markers=_words(data, "noun_markers"),
        ignore=_words(data, "ignore"),
        index=index,
        longest=max((len(k) for k in index), default=1),
        starts=frozenset(k[0] for k in index),
    )


def load_lexicons() -> dict[str, Lexicon]:
    """Every lexicon shipped in ``negotiator/diff/lexicons``, by language code, sorted."""
    folder = resources.files("negotiator.diff").joinpath("lexicons")
    out: dict[str, Lexicon] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        code = entry.name.removesuffix(".toml")
        try:
            out[code] = parse_lexicon(code, tomllib.loads(entry.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, TypeError, ValueError, AttributeError, KeyError) as exc:
            raise LexiconError(f"lexicon {entry.name}: {exc}") from exc
    if DEFAULT_LANGUAGE not in out:
        raise LexiconError(f"no {DEFAULT_LANGUAGE}.toml in negotiator/diff/lexicons")
    return out


LEXICONS: dict[str, Lexicon] = load_lexicons()

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
# A stopword weighs more than a salient word: "invite" is a word of two languages.
STOPWORD_WEIGHT = 2


def detect_language(text: str, lexicons: dict[str, Lexicon] | None = None) -> str:
    """The code of the language that ``text`` is most likely written in.

    Each language scores its stopwords (twice) and its single-word modals and
    operative verbs found in the text; the best score wins. English when nothing
    scores or on a tie with English; other ties go to the first code in
    alphabetical order, so the answer never varies.
    """
    lexicons = LEXICONS if lexicons is None else lexicons
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]
    scores: dict[str, int] = {}
    for code, lex in lexicons.items():
        vocabulary = lex.modals | lex.operative
        scores[code] = sum(STOPWORD_WEIGHT if w in lex.stopwords else 1 if w in vocabulary else 0
                           for w in words)
    top = max(scores.values(), default=0)
    if top == 0 or scores.get(DEFAULT_LANGUAGE) == top:
        return DEFAULT_LANGUAGE
    return min(code for code, score in scores.items() if score == top)
