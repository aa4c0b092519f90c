"""What the aligner compares: paragraph kinds, content tokens and TF-IDF similarity.

Numbers and labels are identifiers, not content: "Article 3 (Scope)" and
"Article 4 (Scope)" have the same content, and "Option 2:" has none. Content
is weighed by rarity (TF-IDF over words and word pairs), so two paragraphs
sharing "the", "States" and "shall" are not similar, and compared
symmetrically (cosine), so a short item is not "similar" to a long paragraph
that happens to contain its words. Containment (the share of one text found
in another) is only used for splits and merges, where the rest must be
explained too.

Every sum runs over dicts built in text order (never over sets), so it adds
the same numbers in the same order in every process, whatever the hash seed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import Any

from negotiator.text.parse import split_number

_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+", re.UNICODE)
# _WORD on a text of ASCII characters only (lower-cased).
_ASCII_WORD = re.compile(r"[a-z0-9]+")

# Arabic, for matching only: vowel marks and tatweel dropped, letter variants
# folded, attached conjunctions, prepositions and the article taken off the
# front and plural, feminine and pronoun endings off the back, so "المضايقة"
# and "مضايقة", "مسؤولياتنا" and "مسؤوليات" count as one word (a light
# stemmer, not a grammar: both drafts must only get the same stem).
_AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_AR_FOLD = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627",
                          "\u0671": "\u0627", "\u0649": "\u064a", "\u0629": "\u0647"})
# Light stemming (after Larkey's light10): leading "wa-" (and), then the
# article with an attached preposition, then plural, feminine and pronoun
# endings, each only while a stem of at least two letters is left. Every
# leading "و" goes, even a root's own: matching needs the same stem on both
# sides, not the right one ("وجهات" and "ووجهات" both become "جه").
_AR_ARTICLES = ("\u0628\u0627\u0644", "\u0643\u0627\u0644",
                "\u0641\u0627\u0644", "\u0644\u0644", "\u0627\u0644")
_AR_SUFFIXES = ("\u0646\u0627", "\u0647\u0645", "\u0643\u0645", "\u0647\u0627",
                "\u0627\u0646", "\u0627\u062a", "\u0648\u0646", "\u064a\u0646",
                "\u064a\u0647", "\u0647", "\u064a")
_ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Words that only name a place in the text. A block made of these, numbers and
# single letters ("Option 2:", "Article 4", "(b)", "PP3") carries no content.
LABEL_WORDS = frozenset({
    "article", "art", "section", "chapter", "part", "annex", "appendix", "paragraph",
    "para", "pp", "op", "option", "alt", "alternative", "bis", "ter", "quater",
    "quinquies", "rule", "title", "clause", "item", "variant", "no",
})
# Label words that name an alternative text ("Option 2:", "Alt B"), not a unit.
ALTERNATIVE_WORDS = frozenset({"option", "alt", "alternative", "variant"})
_ROMAN = re.compile(r"^[ivxlcdm]+$")
# A heading is a short block that does not read as a sentence or a list item.
HEADING_MAX_WORDS = 8
# ...and a title in capitals this long, when this share of its letters are capitals.
CAPS_TITLE_MAX_WORDS = 24
CAPS_SHARE = 0.9
HEADING_MAX_CJK = 14
SENTENCE_END = tuple(".;:,。；：，")
_ITEM_START = tuple("*-•·o")

LABEL, HEADING, BODY = "label", "heading", "body"
# Fewer content words than this: word overlap means nothing; such blocks link
# on equal content only (or as a heading, by their section).
SHORT_WORDS = 4
# Longer than this (in characters), a block is a body paragraph: no need to
# tokenise it to tell (most paragraphs of a long draft).
LONG_TEXT = 200


def words(text: str) -> list[str]:
    """Lower-cased word tokens used for similarity (CJK characters count one by one)."""
    if text.isascii():
        return _ASCII_WORD.findall(text.lower())  # the same tokens, found faster
    if not _ARABIC.search(text):
        return _WORD.findall(text.lower())
    # Presentation forms (glyphs a PDF may hand over instead of letters) and
    # the lam-alef ligature become the letters they show.
    text = _AR_MARKS.sub("", unicodedata.normalize("NFKC", text)).translate(_AR_FOLD)
    return [_arabic_stem(w) for w in _WORD.findall(text.lower())]


def first_words(text: str, n: int) -> list[str]:
    """``words(text)[:n]``, without reading an ASCII text past its n-th word."""
    if text.isascii():
        return [m.group() for m in islice(_ASCII_WORD.finditer(text.lower()), n)]
    return words(text)[:n]


def _arabic_stem(word: str) -> str:
    while word.startswith("\u0648") and len(word) > 3:
        word = word[1:]
    for article in _AR_ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article):]
            break
    for suffix in _AR_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[:-len(suffix)]
    return word


def normalise(text: str) -> str:
    """The text compared for identity: leading numbering and whitespace do not count."""
    typed = split_number(text.strip())
    if typed is not None and typed.rest.strip():
        text = typed.rest
    return squeezed(text)


def squeezed(text: str) -> str:
    """``" ".join(text.split())``, without rebuilding a text already spaced so.

    A printable text holds no whitespace but the ASCII space (every other
    whitespace character is a control or separator character).
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def content_words(text: str, keep_numbers: bool = False) -> list[str]:
    """The words that say something: the leading label dropped, and unless
    ``keep_numbers`` every bare number and label word too (in a body paragraph
    "30 days" is content, in a heading "Article 3" is an identifier)."""
    return plain_content_words(normalise(text), keep_numbers)


def plain_content_words(plain: str, keep_numbers: bool = False) -> list[str]:
    """content_words of a text already normalised."""
    if plain[:2] in _BULLETS:
        plain = plain[2:]  # "o Added ..." and "* Added ...": the same list item
    found = words(plain)
    if keep_numbers:
        return found
    return [w for w in found if not w.isdigit() and w.rstrip("0123456789") not in LABEL_WORDS]


_BRACKET = re.compile(r"([\[\]])")


def agreed_text(text: str) -> str | None:
    """The text outside square brackets (what is agreed), or None when it has
    no brackets or they do not pair up (a typing slip: which part is not
    agreed is unknown)."""
    if "[" not in text and "]" not in text:
        return None
    out: list[str] = []
    depth = 0
    for piece in _BRACKET.split(text):
        if piece == "[":
            depth += 1
        elif piece == "]":
            if depth == 0:
                return None
            depth -= 1
        elif depth == 0:
            out.append(piece)
    return " ".join("".join(out).split()) if depth == 0 else None


def words_beside_identifiers(text: str) -> list[str]:
    """The words of a text with its identifiers dropped: label words and the
    numbers they introduce ("Article 3", "Option 2"), and a number at the start.
    Other numbers stay: "a workshop in 2027" and "in 2028" say different things."""
    out: list[str] = []
    previous = ""
    for k, w in enumerate(content_words(text, keep_numbers=True)):
        label = w.rstrip("0123456789") in LABEL_WORDS
        identifier = w.isdigit() and (k == 0 or previous in LABEL_WORDS)
        if not label and not identifier:
            out.append(w)
        previous = w.rstrip("0123456789")
    return out


_BULLETS = ("o ", "* ", "- ", "• ", "· ")
# "Field Name: Hiring", "Status: current": a record line, not a title.
_RECORD = re.compile(r"^[^:]{1,40}:\s+\S")
# Characters that do not occur in a title: code, URLs, addresses, list marks.
_NOT_TITLE = re.compile(r"[=/@<>#*|\\{}\[\]]")


def kind_of(text: str, number: str | None = None) -> str:
    """LABEL (no content), HEADING (a short title) or BODY.

    A short block with a number of its own ("3.3 Line Separator", "B. Threats")
    is a heading; without one it must read like a title: no sentence
    punctuation at its end, no code or address characters, not a list item.
    """
    if len(text) > LONG_TEXT:
        return BODY
    plain = normalise(text)
    content = plain_content_words(plain)
    if all(len(w) == 1 and not _CJK.match(w) or _ROMAN.match(w) for w in content) \
            and len(words(text)) <= 4:
        return LABEL
    cjk = len(_CJK.findall(plain))
    # A title set in capitals ("DECISION No. 1450 ESTABLISHING A FRAMEWORK
    # ...") is one at any length a title has: a shorter wording must not
    # turn it into a heading of another kind.
    # (Capitals are looked at only where they decide: between the two limits.)
    short = cjk <= HEADING_MAX_CJK if cjk else len(content) <= HEADING_MAX_WORDS or (
        len(content) <= CAPS_TITLE_MAX_WORDS and _in_capitals(plain))
    if not short or _NOT_TITLE.search(plain) or (not number and _RECORD.match(plain)):
        return BODY
    if number or not (plain.endswith(SENTENCE_END) or plain.startswith(_ITEM_START)):
        return HEADING
    return BODY


def _in_capitals(text: str) -> bool:
    """Nearly every letter a capital, and enough of them to be words."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= CAPS_SHARE * len(letters)


class Lazy:
    """A read-only list computed item by item, on first use."""

    def __init__(self, fn: Callable[[int], Any]) -> None:
        self.fn = fn
        self.cache: dict[int, Any] = {}

    def __getitem__(self, k: int) -> Any:
        try:
            return self.cache[k]
        except KeyError:
            value = self.cache[k] = self.fn(k)
            return value


# Word weights are estimated on the paragraphs still to be matched plus an even
# sample of about this many others: enough for stable frequencies.
DF_SAMPLE = 500
# Word pairs (shingles) weigh this much relative to single words: they reward
# kept phrasing over the same words reshuffled.
SHINGLE_WEIGHT = 0.5
# Paragraphs either side of a pair whose shared words are taken as the frame
# of a template (framed_cosine).
FRAME_WINDOW = 2


class _Idf(dict[str, float]):
    """Word -> inverse document frequency, computed on first lookup."""

    def __init__(self, df: Counter[str], n: int) -> None:
        super().__init__()
        self.df, self.n = df, n

    def __missing__(self, term: str) -> float:
        value = self[term] = math.log(self.n / (self.df.get(term, 0) + 0.5)) + 0.05
        return value


class Features:
    """Per paragraph (side 0 = A, 1 = B): content words, TF-IDF vector, masses.

    Computed lazily: a 10,000-paragraph draft where nine in ten paragraphs
    matched exactly is not tokenised whole.
    """

    def __init__(self, texts: tuple[Sequence[str], Sequence[str]],
                 kinds: tuple[Sequence[str], Sequence[str]],
                 focus: tuple[Iterable[int], Iterable[int]]) -> None:
        """``texts``: each paragraph's text normalised (``normalise``)."""
        self.texts = texts
        # A text kept in both drafts is tokenised once (most of a long draft).
        seen: dict[tuple[str, bool], tuple[list[str], Counter[str]]] = {}

        def tokenised(side: int, k: int) -> tuple[list[str], Counter[str]]:
            key = (texts[side][k], kinds[side][k] == BODY)
            found = seen.get(key)
            if found is None:
                tokens = plain_content_words(*key)
                found = seen[key] = (tokens, Counter(tokens))
            return found

        self.tokens = (Lazy(lambda i: tokenised(0, i)[0]), Lazy(lambda j: tokenised(1, j)[0]))
        self.counts = (Lazy(lambda i: tokenised(0, i)[1]), Lazy(lambda j: tokenised(1, j)[1]))
        # Document frequency per draft, and the larger of the two: a paragraph
        # kept in both drafts must not make its own words look common.
        dfs: list[Counter[str]] = [Counter(), Counter()]
        sizes = [0, 0]
        step = max(1, (len(texts[0]) + len(texts[1])) // DF_SAMPLE)
        for side in (0, 1):
            sample = sorted(set(focus[side]) | set(range(0, len(texts[side]), step)))
            sizes[side] = len(sample)
            for k in sample:
                dfs[side].update(self.counts[side][k].keys())  # each distinct word once
        self.n = max(sizes) + 1
        self.w = _Idf(dfs[0] | dfs[1], self.n)
        self.vec = (Lazy(lambda i: self._vector(self.tokens[0][i])),
                    Lazy(lambda j: self._vector(self.tokens[1][j])))
        self.around = (Lazy(lambda i: self._around(0, i)), Lazy(lambda j: self._around(1, j)))
        self.mass = (Lazy(lambda i: self._mass(self.counts[0][i])),
                     Lazy(lambda j: self._mass(self.counts[1][j])))

    def _vector(self, tokens: list[str]) -> tuple[dict[str, float], float]:
        # Words by their text, word pairs by their two words and a space (no
        # word holds one): one dict of strings, which the garbage collector
        # need not follow (tuples it would).
        w = self.w
        vec: dict[str, float] = {t: (1.0 + math.log(v) if v > 1 else 1.0) * w[t]
                                 for t, v in Counter(tokens).items()}
        for (x, y), v in Counter(zip(tokens, tokens[1:])).items():
            tf = v * SHINGLE_WEIGHT
            # A word pair weighs what its two words weigh on average.
            vec[f"{x} {y}"] = (1.0 + math.log(tf) if tf > 1 else tf) * (w[x] + w[y]) / 2
        norm = math.sqrt(sum([v * v for v in vec.values()]))
        return vec, norm

    def _mass(self, counts: Counter[str]) -> float:
        w = self.w
        return sum([v * w[t] for t, v in counts.items()])

    def cosine(self, i: int, j: int) -> float:
        a, b = self.vec[0][i], self.vec[1][j]
        if not a[0] and not b[0]:
            return 1.0  # two paragraphs without content words are alike
        return self.vector_cosine(a, b)

    def _around(self, side: int, k: int) -> tuple[Counter[str], int]:
        """In how many paragraphs of ``k``'s neighbourhood (itself included)
        each word occurs, and how many paragraphs that neighbourhood has."""
        lo, hi = max(0, k - FRAME_WINDOW), min(len(self.texts[side]), k + FRAME_WINDOW + 1)
        found: Counter[str] = Counter()
        for n in range(lo, hi):
            found.update(self.counts[side][n].keys())
        return found, hi - lo

    def framed_cosine(self, i: int, j: int) -> float:
        """Cosine with the words of a shared frame discounted.

        Templated blocks (registry records "Field Name: ... Status: current",
        grammar rules "x-field = ... fs SP uri", example lines
        "Key: https://example.com/...") share their frame with every
        neighbour: a word found in most paragraphs around both ``i`` and ``j``
        says they have the same shape, not the same content, and weighs less
        in both (by the fourth power of that share, so a topic word a few
        neighbours repeat keeps nearly all its weight).
        """
        (va, _), (vb, _) = self.vec[0][i], self.vec[1][j]
        (near_a, size_a), (near_b, size_b) = self.around[0][i], self.around[1][j]
        size = size_a + size_b
        factor: dict[str, float] = {}  # words and word pairs
        for terms in (va, vb):
            # A vector holds its words before its word pairs (_vector).
            for t in terms:
                if t in factor:
                    continue
                if " " in t:  # a word pair: what its two words keep on average
                    x, y = t.split(" ")
                    factor[t] = (factor[x] + factor[y]) / 2
                else:
                    share = (near_a.get(t, 0) + near_b.get(t, 0)) / size
                    factor[t] = 1.0 - share ** 4
        wa = {t: v * factor[t] for t, v in va.items()}
        wb = {t: v * factor[t] for t, v in vb.items()}
        na = math.sqrt(sum([v * v for v in wa.values()]))
        nb = math.sqrt(sum([v * v for v in wb.values()]))
        return self.vector_cosine((wa, na), (wb, nb))

    def piece_vector(self, tokens: list[str]) -> tuple[dict[str, float], float]:
        """The TF-IDF vector and norm of a piece of text (its content words),
        under the same word weights as the paragraphs."""
        return self._vector(tokens)

    @staticmethod
    def vector_cosine(a: tuple[dict[str, float], float], b: tuple[dict[str, float], float]
                      ) -> float:
        (va, na), (vb, nb) = a, b
        if na == 0 or nb == 0:
            return 0.0
        if len(vb) < len(va):
            va, vb = vb, va
        return float(sum([v * vb[t] for t, v in va.items() if t in vb]) / (na * nb))

    def shared(self, x: Counter[str], y: Counter[str]) -> float:
        """Weighted mass of the words two texts have in common."""
        if len(y) < len(x):
            x, y = y, x
        w = self.w
        return sum([min(v, y[t]) * w[t] for t, v in x.items() if t in y])
