"""Paragraph styles and list numbering of a Word document, rendered as Word
and LibreOffice display them.

numPr on the paragraph or inherited through its style chain, ``num`` ->
``abstractNum`` (following numStyleLink), one set of counters per abstract
definition shared by every ``num`` that points to it, a ``num`` with a
startOverride restarting on its first use, deeper levels reset when a shallower
one advances (``lvlRestart`` honoured), a level used before its parents making
the parents count from their start, ``lvlText`` placeholders rendered with each
level's own format (``isLgl`` turns the levels above the current one into
decimals, as in "Section 1.01"). Bullets carry no number. Formats we cannot
render are shown as decimals, with one warning per format.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from lxml import etree

from negotiator.domain.wording import ordinal
from negotiator.text.docx_xml import ILVL, NUMID, NUMPR, OUTLINE_LVL, PPR, PSTYLE, is_on, to_int, val, wml

LEVELS = 9  # w:ilvl 0..8

_HEADING_NAME = re.compile(
    r"^(?:heading|berschrift|überschrift|titre|título|titulo|titolo|kop|rubrik|otsikko|"
    r"nagłówek|заголовок|encabezado|naslov|nadpis)\s*(\d)$",
    re.IGNORECASE,
)
_TITLE_NAME = re.compile(r"^(?:title|titel|titre|título|titulo|titolo|название)$", re.IGNORECASE)
_TOC_NAME = re.compile(r"^(?:toc|contents|inhaltsverzeichnis|tdm|índice)\s*\d$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    num_id: str | None
    ilvl: int | None


class Styles:
    """Paragraph styles with their chains resolved once per style id."""

    def __init__(self, root: etree._Element | None) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default: str | None = None
        self._heading: dict[str | None, int | None] = {}
        self._numpr: dict[str | None, tuple[str | None, int | None]] = {}
        if root is None:
            return
        for el in root.iterchildren(wml("style")):
            sid = el.get(wml("styleId"))
            if sid is None:
                continue
            ppr = el.find(PPR)
            numpr = ppr.find(NUMPR) if ppr is not None else None
            self.by_id[sid] = _Style(
                name=(val(el.find(wml("name"))) or sid).strip(),
                based_on=val(el.find(wml("basedOn"))),
                outline=to_int(val(ppr.find(OUTLINE_LVL))) if ppr is not None else None,
                num_id=val(numpr.find(NUMID)) if numpr is not None else None,
                ilvl=to_int(val(numpr.find(ILVL))) if numpr is not None else None,
            )
            if el.get(wml("type")) == "paragraph" and el.get(wml("default")) in ("1", "true", "on"):
                self.default = sid

    def chain(self, sid: str | None) -> Iterator[tuple[str, _Style]]:
        seen: set[str] = set()
        while sid is not None and sid in self.by_id and sid not in seen:
            seen.add(sid)
            style = self.by_id[sid]
            yield sid, style
            sid = style.based_on

    def heading_level(self, sid: str | None) -> int | None:
        """Title -> 0, "heading N" -> N, else the outline level of the style chain."""
        if sid in self._heading:
            return self._heading[sid]
        level: int | None = None
        style = self.by_id.get(sid) if sid else None
        if style is not None:
            for label in (style.name, sid or ""):
                if _TITLE_NAME.match(label):
                    level = 0
                    break
                if m := _HEADING_NAME.match(label):
                    level = int(m[1])
                    break
            if level is None:
                for _, s in self.chain(sid):
                    if s.outline is not None:
                        level = s.outline + 1 if 0 <= s.outline <= 8 else None
                        break
        self._heading[sid] = level
        return level

    def is_toc(self, sid: str | None) -> bool:
        style = self.by_id.get(sid) if sid else None
        return style is not None and bool(_TOC_NAME.match(style.name))

    def numbering(self, sid: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph of this style inherits; the nearest style with numPr wins."""
        if sid in self._numpr:
            return self._numpr[sid]
        found: tuple[str | None, int | None] = (None, None)
        for _, s in self.chain(sid):
            if s.num_id is not None or s.ilvl is not None:
                found = (s.num_id, s.ilvl)
                break
        self._numpr[sid] = found
        return found


# -------------------------------------------------------------- numbering


@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # lvlRestart: None restarts after any shallower level
    is_legal: bool = False
    style: str | None = None  # the paragraph style linked to this level


@dataclass
class _Abstract:
    levels: dict[int, _Level] = field(default_factory=dict)
    num_style_link: str | None = None


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # startOverride per level
    levels: dict[int, _Level] = field(default_factory=dict)  # lvl given inside lvlOverride


def _parse_level(el: etree._Element) -> _Level:
    fmt_el = el.find(wml("numFmt"))
    text_el = el.find(wml("lvlText"))
    return _Level(
        start=to_int(val(el.find(wml("start"))), 1) or 0,
        fmt=val(fmt_el) or "decimal",
        text=val(text_el) if text_el is not None else None,
        restart=to_int(val(el.find(wml("lvlRestart")))),
        is_legal=is_on(el.find(wml("isLgl"))),
        style=val(el.find(PSTYLE)),
    )


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_ENCLOSED_CIRCLE_MAX = 20


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: ..., z, aa, bb, ... (not a, b, ..., z, aa, ab)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str | None:
    """A counter in a Word number format; None when the format is not rendered here."""
    if fmt in ("decimal", "decimalHalfWidth"):
        return str(n)
    if fmt == "none":
        return ""
    if n <= 0 and fmt not in ("decimalZero",):
        return str(n)  # Word shows 0 and negatives in decimals whatever the format
    if fmt == "decimalZero":
        return f"{n:02d}" if 0 <= n < 10 else str(n)
    if fmt == "upperRoman":
        return _roman(n).upper() if n < 4000 else str(n)
    if fmt == "lowerRoman":
        return _roman(n) if n < 4000 else str(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "ordinal":
        return ordinal(n)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt == "decimalEnclosedCircle":
        return chr(0x2460 + n - 1) if n <= _ENCLOSED_CIRCLE_MAX else f"({n})"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    return None


class Numbering:
    """numbering.xml with Word's counters: one set per abstract definition."""

    def __init__(self, root: etree._Element | None, styles: Styles, warnings: list[str]) -> None:
        self.styles = styles
        self.warnings = warnings
        self.abstracts: dict[str, _Abstract] = {}
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.used: set[str] = set()
        self._unrendered: set[str] = set()
        self._resolved: dict[str, str | None] = {}
        if root is None:
            return
        for el in root.iterchildren(wml("abstractNum")):
            aid = el.get(wml("abstractNumId"))
            if aid is None:
                continue
            abstract = _Abstract(num_style_link=val(el.find(wml("numStyleLink"))))
            for lvl in el.iterchildren(wml("lvl")):
                ilvl = to_int(lvl.get(wml("ilvl")))
                if ilvl is not None and 0 <= ilvl < LEVELS:
                    abstract.levels[ilvl] = _parse_level(lvl)
            self.abstracts[aid] = abstract
        for el in root.iterchildren(wml("num")):
            nid = el.get(wml("numId"))
            aid = val(el.find(wml("abstractNumId")))
            if nid is None or aid is None:
                continue
            num = _Num(aid)
            for override in el.iterchildren(wml("lvlOverride")):
                ilvl = to_int(override.get(wml("ilvl")))
                if ilvl is None or not 0 <= ilvl < LEVELS:
                    continue
                start = to_int(val(override.find(wml("startOverride"))))
                if start is not None:
                    num.starts[ilvl] = start
                if (lvl := override.find(wml("lvl"))) is not None:
                    num.levels[ilvl] = _parse_level(lvl)
            self.nums[nid] = num

    def _abstract_id(self, nid: str) -> str | None:
        """The abstract definition a num uses, following numStyleLink to the real one."""
        if nid in self._resolved:
            return self._resolved[nid]
        num = self.nums.get(nid)
        aid = num.abstract if num else None
        seen: set[str] = set()
        while aid is not None and aid in self.abstracts and aid not in seen:
            seen.add(aid)
            link = self.abstracts[aid].num_style_link
            if not link:
                break
            linked_num, _ = self.styles.numbering(link)
            linked = self.nums.get(linked_num) if linked_num else None
            if linked is None:
                break
            aid = linked.abstract
        if aid not in self.abstracts:
            aid = None
        self._resolved[nid] = aid
        return aid

    def _level(self, nid: str, aid: str, ilvl: int) -> _Level | None:
        num = self.nums[nid]
        level = num.levels.get(ilvl) or self.abstracts[aid].levels.get(ilvl)
        if level is not None and ilvl in num.starts:
            level = replace(level, start=num.starts[ilvl])
        return level

    def level_for_style(self, nid: str, style_id: str | None) -> int:
        """The level whose w:pStyle names the paragraph's style (style-linked lists)."""
        aid = self._abstract_id(nid)
        if aid is not None and style_id is not None:
            for sid, _ in self.styles.chain(style_id):
                for ilvl, level in self.abstracts[aid].levels.items():
                    if level.style == sid:
                        return ilvl
        return 0

    def label(self, nid: str, ilvl: int) -> str | None:
        """Advance the counters for one numbered paragraph and render its label."""
        aid = self._abstract_id(nid)
        if aid is None:
            return None
        ilvl = min(max(ilvl, 0), LEVELS - 1)
        level = self._level(nid, aid, ilvl)
        if level is None:
            return None
        state = self.counters.setdefault(aid, [None] * LEVELS)
        if nid not in self.used:
            self.used.add(nid)
            for restarted in self.nums[nid].starts:
                state[restarted] = None
        # A level used before its parents makes them count from their start.
        for k in range(ilvl):
            if state[k] is None:
                parent = self._level(nid, aid, k)
                state[k] = parent.start if parent else 1
        current = state[ilvl]
        state[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            d = self._level(nid, aid, deeper)
            restart = d.restart if d is not None else None
            if restart is None or restart > deeper or (restart != 0 and ilvl < restart):
                state[deeper] = None
        if level.fmt == "bullet" or not level.text:
            return None

        def render(m: re.Match[str]) -> str:
            k = int(m[1]) - 1
            other = level if k == ilvl else self._level(nid, aid, k)
            counted = state[k]
            value = counted if counted is not None else (other.start if other else 1)
            fmt = other.fmt if other else "decimal"
            if level.is_legal and k < ilvl:
                fmt = "decimal"
            if fmt == "bullet":
                return ""
            shown = format_number(value, fmt)
            if shown is None:
                if fmt not in self._unrendered:
                    self._unrendered.add(fmt)
                    self.warnings.append(f"Word numbering format '{fmt}' is shown as decimal numbers")
                shown = str(value)
            return shown

        text = _PLACEHOLDER.sub(render, level.text).strip()
        return text or None
