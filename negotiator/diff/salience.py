"""Which word changes shift obligation, commitment or meaning.

"Shall" -> "should", a removed "not" or "ne ... pas", "lawful" -> "unlawful",
"Décide" -> "Invite" or a changed date matter more than a rewritten sentence.
The words are data, one file per language (``negotiator.diff.lexicon``); the
language of a paragraph pair is guessed from its words unless the caller
gives it. Labels and numbering ("Option 1", "paragraph 3", "4.2", a list
marker, a page number in a table of contents) and numbers inside code or table
cells are never salient. Pure functions over word-diff ops.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from negotiator.diff import lexicon as lx
from negotiator.diff.findings import Category, Salient
from negotiator.diff.lexicon import LEXICONS, Lexicon, detect_language
from negotiator.diff.worddiff import DELETE, EQUAL, is_layout_only, new_text, old_text

MODAL, OPERATIVE, NEGATION, POLARITY, NUMBER = (
    Category.MODAL, Category.OPERATIVE, Category.NEGATION, Category.POLARITY, Category.NUMBER)
CATEGORIES: tuple[Category, ...] = tuple(Category)
ENGLISH = LEXICONS["en"]
__all__ = ["CATEGORIES", "LEXICONS", "Category", "Salient", "detect_language", "salient_changes",
           "terms"]


@dataclass(frozen=True)
class Term:
    """A salient word or phrase found in a text, with its place [start, end)."""

    category: Category
    key: str  # what is compared: "not" for "don't"
    text: str  # what is shown: "don't"
    start: int
    end: int
    needs_opposite: bool = False


# ---------------------------------------------------------------- reading a text

_TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,:/\-]\d+)*)(?P<tail>[^\W\d_]*)"  # 12, 4.2, 2026-01-16, 1,000, 5th
    r"|(?P<word>[^\W\d_]+(?:['\u2019\-\u2010\u2011][^\W\d_]+)*)"  # words, "n'est", "non-binding"
    r"|(?P<other>\S)"
)
# Spans whose numbers (and words) are not the text's own: code, addresses, entities.
_CODE = re.compile(
    r"`[^`\n]*`|<CODE BEGINS>.*?(?:<CODE ENDS>|\Z)|\b(?:https?|ftp|mailto):\S+|\bwww\.\S+"
    r"|\S+@\S+\.\w+|&#?\w+;", re.S)
# Numbers glued to these are identifiers or markup ("#12", "x=3", "utf-8").
_CODE_GLUE = set("#&=_\\<>@{}~^|`*")
# A list marker or section number opening a line: "1.", "(2)", "[3]", "4.2", "1.1.".
_LINE_LABEL = re.compile(r"(?m)^[ \t]*[\[(]?(?:\d+(?:\.\d+)*[.):\]]|\d+(?:\.\d+)+|\d+(?=\t))")
_PAREN_NUMBER = re.compile(r"\(\d{1,3}\)")
# A table of contents line ends in dot leaders and a page number.
_LEADERS = re.compile(r"(?:\.\s?){4,}\s*\d+\s*$")
_SENTENCE_END = set(".;:!?[(\n")
# An alternative whose label and at least this share of its words went is dropped.
DROPPED_SHARE = 0.5


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _table_or_toc_lines(text: str) -> list[tuple[int, int]]:
    """Lines that are table rows (cells joined by " | " on import) or a table of
    contents: their numbers are cells and page numbers."""
    out, pos = [], 0
    for line in text.split("\n"):
        if " | " in line or line.count("|") >= 2 or _LEADERS.search(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


@dataclass(slots=True)
class _Unit:
    """One word of a text after elisions and contractions are undone."""

    key: str
    text: str
    start: int
    end: int
    kind: str  # "word", "num" (a number), "code" (digits inside an identifier)
    joined: bool  # only whitespace since the previous unit


def _units(text: str, lex: Lexicon) -> list[_Unit]:
    units: list[_Unit] = []
    last_end = 0
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        # Square brackets mark text not yet agreed, not words: "[Strongly] encourages"
        # is the phrase "strongly encourages"; but "][" parts alternatives:
        # "[seven][nine]" is two numbers, not "seven nine".
        between = text[last_end:start]
        gap = between.replace("[", "").replace("]", "")
        joined = not gap.strip() and bool(units) and "][" not in between.replace(" ", "")
        if m["other"] in ("[", "]"):
            continue
        last_end = end
        if m["other"]:
            units.append(_Unit(m["other"], m["other"], start, end, "punct", joined))
            continue
        if m["num"]:
            tail = m["tail"].lower()
            before = text[start - 1] if start else " "
            glued = before in _CODE_GLUE or before.isalnum() or (
                before == "-" and start > 1 and text[start - 2].isalpha())
            kind = "num" if not glued and (not tail or tail in lex.ordinal_suffixes) else "code"
            units.append(_Unit(m[0].lower(), m[0], start, end, kind, joined))
            continue
        surface = m["word"]
        low = surface.lower().replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-")
        for key in _expand(low, lex):
            units.append(_Unit(key, surface, start, end, "word", joined))
            joined = True
    return units


def _expand(word: str, lex: Lexicon) -> list[str]:
    """ "cannot" -> can, not; "don't" -> do, not; "n'est" -> ne, est; "l'état" -> le, état."""
    if word in lex.contractions:
        return list(lex.contractions[word])
    if "'" not in word:
        return [word]
    for suffix, meaning in lex.negation_suffixes.items():
        if word.endswith(suffix) and len(word) > len(suffix):
            return [word[: -len(suffix)], meaning]
    for prefix in sorted(lex.elisions, key=len, reverse=True):
        if word.startswith(prefix) and len(word) > len(prefix):
            head = lex.elisions[prefix]
            return ([head] if head else []) + [word[len(prefix):]]
    return [word]


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END


def _is_month(units: list[_Unit], i: int, text: str) -> bool:
    """ "May" next to a number ("31 May", "May 2025"), or capitalised inside a
    sentence, is the month; "MAY" and "may" are the modal."""
    near = [units[j] for j in (i - 1, i + 1) if 0 <= j < len(units)]
    if any(u.kind == "num" for u in near):
        return True
    t = units[i].text
    return t[:1].isupper() and not t.isupper() and not _sentence_start(text, units[i].start)


def _labelled(units: list[_Unit], lex: Lexicon) -> set[int]:
    """Units that are numbers of a label or reference: "Option 1", "paragraphs 3
    and 4", "section 4.2", "No. 1039"."""
    out: set[int] = set()
    labelling = False
    for i, u in enumerate(units):
        if u.kind == "word" and u.key in lex.label_words:
            labelling = True
        elif labelling and u.kind in ("num", "code"):
            out.add(i)
        elif labelling and (u.key in lex.label_connectors or u.key in {".", ",", "-", "\u2013", "(", ")"}
                            or (u.kind == "word" and len(u.key) == 1)):
            continue  # "paras. 3 and 4", "3 (a)", "3-5"
        else:
            labelling = False
    return out


def _shown(text: str, start: int, end: int) -> str:
    """A term as a description quotes it: its words, without the square brackets
    it spans ("[Strongly] encourages" is "Strongly encourages")."""
    return " ".join(text[start:end].replace("][", " ").replace("[", "").replace("]", "").split())


def terms(text: str, lex: Lexicon = ENGLISH) -> list[Term]:
    """Every salient word, phrase, number and date of a text, in text order."""
    units = _units(text, lex)
    code = _spans(_CODE, text)
    cells = _table_or_toc_lines(text)
    line_labels = _spans(_LINE_LABEL, text) + _spans(_PAREN_NUMBER, text)
    labels = _labelled(units, lex)
    index, longest = lex.index, lex.longest
    found: list[Term] = []
    number_run: list[_Unit] = []

    def close_run() -> None:
        if number_run:
            shown = _shown(text, number_run[0].start, number_run[-1].end)
            found.append(Term(NUMBER, shown.lower(), shown, number_run[0].start, number_run[-1].end))
            number_run.clear()

    i = 0
    while i < len(units):
        u = units[i]
        if _inside(u.start, code):
            close_run()
            i += 1
            continue
        if u.kind == "num" or (u.kind == "word" and (u.key in lex.number_words or u.key in lex.months)
                               and not (u.key in lex.modals and not _is_month(units, i, text))):
            is_label = i in labels or _inside(u.start, line_labels) or (
                u.kind == "num" and _inside(u.start, cells))
            if not is_label:
                comma_between = number_run and not u.joined and \
                    text[number_run[-1].end:u.start].strip() == ","
                if number_run and not (u.joined or comma_between):
                    close_run()
                number_run.append(u)
                i += 1
                continue
        if u.key == "," and number_run and i + 1 < len(units) and units[i + 1].kind == "num" \
                and any(r.key in lex.months for r in number_run):
            i += 1  # "October 10, 2019"
            continue
        close_run()
        if u.kind != "word" or u.key not in lex.starts:
            i += 1
            continue
        size, category = _match(units, i, index, longest)
        if category is not None:
            term = _term(units, i, size, category, lex, text)
            if term is not None:
                found.extend(term)
                i += size
                continue
            if category == lx.IGNORE:
                i += size
                continue
        i += 1
    close_run()
    found.sort(key=lambda t: (t.start, t.end))
    return found


def _match(units: list[_Unit], i: int, index: dict[tuple[str, ...], str],
           longest: int) -> tuple[int, str | None]:
    """The longest listed phrase starting at unit i (words separated by spaces only)."""
    for size in range(min(longest, len(units) - i), 0, -1):
        window = units[i:i + size]
        if any(w.kind != "word" for w in window) or not all(w.joined for w in window[1:]):
            continue
        category = index.get(tuple(w.key for w in window))
        if category is not None:
            return size, category
    return 1, None


def _term(units: list[_Unit], i: int, size: int, category: str, lex: Lexicon,
          text: str) -> list[Term] | None:
    """The term(s) for a matched phrase, or None when the context says it is not
    salient (a noun after "the", "No." before a number, "pas" without "ne")."""
    first, last = units[i], units[i + size - 1]
    key = " ".join(u.key for u in units[i:i + size])
    shown = _shown(text, first.start, last.end).lower()
    if size == 1 and first.key != first.text.lower() and category != lx.NEGATION:
        shown = first.key  # the "should" of "shouldn't"
    prev = units[i - 1] if i > 0 else None
    nxt = units[i + size] if i + size < len(units) else None
    if category == lx.IGNORE:
        return None
    if category == lx.NEGATION:
        if nxt is not None and (nxt.kind == "num" or (nxt.key == "." and i + size + 1 < len(units)
                                                      and units[i + size + 1].kind == "num")):
            return None  # "No. 1039"
        if key in lex.negation_partners and key not in lex.negations:
            heads = [j for j in range(max(0, i - lex.negation_window), i)
                     if units[j].key == lex.negation_head]
            if not heads:
                return None
            h = units[heads[-1]]
            return [Term(NEGATION, h.key, h.key, h.start, h.end),
                    Term(NEGATION, key, shown, first.start, last.end)]
        return [Term(NEGATION, key, shown, first.start, last.end)]
    if category in (lx.MODAL, lx.OPERATIVE):
        if prev is not None and first.joined and prev.kind == "word" and prev.key in lex.noun_markers:
            return None  # "the will", "such requests", "la demande"
        if category == lx.MODAL and size == 1 and key in lex.months and _is_month(units, i, text):
            return None
        return [Term(Category(category), key, shown, first.start, last.end)]
    return [Term(POLARITY, key, shown, first.start, last.end,
                 needs_opposite=key in lex.needs_opposite)]


# ---------------------------------------------------------------- comparing two texts


def _option_units(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """The alternatives of a text ("Option 1: ...", "Alt 2 ..."): from each label
    to the next one or the end."""
    if not lex.option_words:
        return []
    words = "|".join(sorted((re.escape(w) for w in lex.option_words), key=len, reverse=True))
    starts = [m.start() for m in re.finditer(
        rf"(?im)^[ \t]*\[?(?:{words})\.?[ \t]+(?:\d+|[A-Z])\b", text)]
    return [(s, e) for s, e in zip(starts, [*starts[1:], len(text)])]


def _dropped(span: tuple[int, int], changed: list[tuple[int, int]], text: str) -> bool:
    """An alternative is dropped (or added) when its label went (or came) with
    most of its words; a few words may survive into the merged text."""
    words = list(re.finditer(r"\w+", text[span[0]:span[1]]))
    if not words or not _inside(span[0] + words[0].start(), changed):
        return False
    gone = sum(1 for w in words if _inside(span[0] + w.start(), changed))
    return gone >= DROPPED_SHARE * len(words)


_ALTERNATIVES = re.compile(r"(?:\[[^\[\]]*\][ \t]*){2,}")
_GROUP = re.compile(r"\[[^\[\]]*\]")


def _dropped_alternatives(text: str, changed: list[tuple[int, int]],
                          found: list[Term]) -> list[tuple[int, int]]:
    """The terms' places in bracketed alternatives that went while another of
    the same set stayed and says the same: "[the end of 2026][the 2026
    Ministerial Council]" -> "the end of 2026" keeps 2026; "[shall][should]" ->
    "shall" does drop "should", and that stays salient."""
    out: list[tuple[int, int]] = []
    for m in _ALTERNATIVES.finditer(text):
        groups = [(m.start() + g.start(), m.start() + g.end()) for g in _GROUP.finditer(m[0])]
        gone = [g for g in groups if all(_inside(k, changed) for k in range(*g) if text[k].isalnum())]
        kept = [g for g in groups if g not in gone]
        if not gone or not kept:
            continue
        still = {t.key for t in found if _inside(t.start, kept)}
        out.extend((t.start, t.end) for t in found if _inside(t.start, gone) and t.key in still)
    return out


def _trigger_words(lexicons: dict[str, Lexicon]) -> frozenset[str]:
    """Every word that can take part in a salient term in any language: a change
    that touches none of them (and no digit) cannot be salient."""
    words: set[str] = set()
    for lex in lexicons.values():
        for phrase in lex.index:
            words.update(phrase)
        words.update(lex.modals, lex.negations, lex.negation_partners, lex.months,
                     lex.number_words, lex.contractions, lex.polarity, {lex.negation_head})
        for opposites in lex.opposites.values():
            words.update(opposites)
    return frozenset(w for word in words for w in _PLAIN_WORD.findall(word.lower()))


_PLAIN_WORD = re.compile(r"[^\W_]+")
_TRIGGERS = _trigger_words(LEXICONS)


def _may_be_salient(ops: list[tuple[str, str]]) -> bool:
    """A cheap first look: whether the changed words could hold a salient term.
    Most changes in a long draft touch none, and skip the full reading."""
    changed = " ".join(t for op, t in ops if op != EQUAL)
    if any(c.isdigit() or c in "'\u2019" for c in changed):
        return True
    return any(w in _TRIGGERS for w in _PLAIN_WORD.findall(changed.lower()))


def salient_changes(ops: list[tuple[str, str]], lang: str | None = None) -> list[Salient]:
    """High-salience changes in a paragraph's word diff.

    Args:
        ops: Word-diff ops of the paragraph ("=", "-", "+"), as ``word_diff`` gives.
        lang: Language code of the word lists (see ``LEXICONS``); None guesses it
            from the paragraph's words (``detect_language``). An unknown code
            falls back to English.

    Returns:
        One ``Salient`` per change and category, in text order and the order of
        ``CATEGORIES``; empty when no modal, operative verb, negation, polarity
        word, number or date came or went. An option dropped or added whole
        ("Option 2: ...") is a choice between options, not a change of wording;
        so is a bracketed alternative dropped for another that says the same
        ("[by 2026][at the 2026 meeting]" -> "by 2026"), but not "[shall][should]"
        -> "shall", where "should" went.
    """
    if not _may_be_salient(ops):
        return []
    return read_salience(ops, lang)


def read_salience(ops: list[tuple[str, str]], lang: str | None = None) -> list[Salient]:
    """The full reading behind ``salient_changes``, without its first look."""
    old, new = old_text(ops), new_text(ops)
    if lang is None:
        lang = detect_language(f"{old}\n{new}")
    lex = LEXICONS.get(lang, ENGLISH)
    old_terms, new_terms = terms(old, lex), terms(new, lex)
    hunks, equal = _hunks(ops)
    changed_old = [(h[0], h[1]) for h in hunks]
    changed_new = [(h[2], h[3]) for h in hunks]
    dropped_old = [u for u in _option_units(old, lex) if _dropped(u, changed_old, old)] \
        + _dropped_alternatives(old, changed_old, old_terms)
    dropped_new = [u for u in _option_units(new, lex) if _dropped(u, changed_new, new)] \
        + _dropped_alternatives(new, changed_new, new_terms)
    used_old: set[int] = set()
    used_new: set[int] = set()
    result: list[Salient] = []
    for os_, oe, ns, ne in hunks:
        if is_layout_only(old[os_:oe], new[ns:ne]):
            continue
        for _ in range(2):  # a term reaching past the change widens it on both sides
            o = _overlapping(old_terms, os_, oe, used_old)
            n = _overlapping(new_terms, ns, ne, used_new)
            os2 = min([os_, *(old_terms[k].start for k in o), *(_map(equal, new_terms[k].start, 1, 0) for k in n)])
            oe2 = max([oe, *(old_terms[k].end for k in o), *(_map(equal, new_terms[k].end, 1, 0) for k in n)])
            ns2 = min([ns, *(new_terms[k].start for k in n), *(_map(equal, old_terms[k].start, 0, 1) for k in o)])
            ne2 = max([ne, *(new_terms[k].end for k in n), *(_map(equal, old_terms[k].end, 0, 1) for k in o)])
            os_, oe, ns, ne = os2, oe2, ns2, ne2
        o = _overlapping(old_terms, os_, oe, used_old)
        n = _overlapping(new_terms, ns, ne, used_new)
        used_old.update(o)
        used_new.update(n)
        removed_side = [old_terms[k] for k in o if not _inside(old_terms[k].start, dropped_old)]
        added_side = [new_terms[k] for k in n if not _inside(new_terms[k].start, dropped_new)]
        result.extend(_compare(removed_side, added_side, lex))
    return _merge_one_sided(result)


def _merge_one_sided(found: list[Salient]) -> list[Salient]:
    """Neighbouring removals (or additions) of one category read as one change:
    "ne" and "aucun" removed in two places are one negation removed."""
    out: list[Salient] = []
    for s in found:
        last = out[-1] if out else None
        if last is not None and last.category is s.category and (
                (not last.added and not s.added) or (not last.removed and not s.removed)):
            out[-1] = Salient(s.category, last.removed + s.removed, last.added + s.added)
        else:
            out.append(s)
    return out


def _compare(old: list[Term], new: list[Term], lex: Lexicon) -> list[Salient]:
    out = []
    for category in CATEGORIES:
        a = [t for t in old if t.category is category]
        b = [t for t in new if t.category is category]
        ca, cb = Counter(t.key for t in a), Counter(t.key for t in b)
        gone = _ordered(a, ca - cb)
        came = _ordered(b, cb - ca)
        if category is POLARITY:  # "binding" counts only when "non-binding" takes its place
            gone_keys, came_keys = {t.key for t in gone}, {t.key for t in came}
            gone = [t for t in gone if not t.needs_opposite or lex.opposites.get(t.key, frozenset()) & came_keys]
            came = [t for t in came if not t.needs_opposite or lex.opposites.get(t.key, frozenset()) & gone_keys]
        if gone or came:
            out.append(Salient(category, tuple(t.text for t in gone), tuple(t.text for t in came)))
    return out


def _overlapping(found: list[Term], start: int, end: int, used: set[int]) -> list[int]:
    """Terms touching [start, end); for an empty range, terms around that point."""
    if start == end:
        return [k for k, t in enumerate(found) if k not in used and t.start < start < t.end]
    return [k for k, t in enumerate(found) if k not in used and t.start < end and t.end > start]


def _hunks(ops: list[tuple[str, str]]) -> tuple[list[tuple[int, int, int, int]], list[tuple[int, int, int]]]:
    """The changes as (old start, old end, new start, new end) and the equal runs
    as (old start, new start, length)."""
    hunks: list[tuple[int, int, int, int]] = []
    equal: list[tuple[int, int, int]] = []
    po = pn = 0
    k = 0
    while k < len(ops):
        op, t = ops[k]
        if op == EQUAL:
            equal.append((po, pn, len(t)))
            po += len(t)
            pn += len(t)
            k += 1
            continue
        os_, ns = po, pn
        while k < len(ops) and ops[k][0] != EQUAL:
            if ops[k][0] == DELETE:
                po += len(ops[k][1])
            else:
                pn += len(ops[k][1])
            k += 1
        hunks.append((os_, po, ns, pn))
    return hunks, equal


def _map(equal: list[tuple[int, int, int]], pos: int, src: int, dst: int) -> int:
    """A position in unchanged text on one side (0 old, 1 new) at the other side;
    a position inside a change maps to the nearest unchanged edge."""
    best = 0
    for seg in equal:
        s, d, n = seg[src], seg[dst], seg[2]
        if s <= pos <= s + n:
            return d + pos - s
        if s + n < pos:
            best = d + n
    return best


def _ordered(found: list[Term], wanted: Counter[str]) -> list[Term]:
    """The terms of ``wanted`` (a multiset of keys) in the order they occur in ``found``."""
    left = Counter(wanted)
    out = []
    for t in found:
        if left[t.key] > 0:
            out.append(t)
            left[t.key] -= 1
    return out
