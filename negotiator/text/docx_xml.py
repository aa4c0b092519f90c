"""WordprocessingML names and the small readers of its attributes, shared by
the Word reader and its styles and numbering."""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def wml(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


W_VAL = wml("val")
DEL_TEXT = wml("delText")
P, R, T, TBL, TR, TC, SDT, SDT_CONTENT = (wml(t) for t in ("p", "r", "t", "tbl", "tr", "tc", "sdt", "sdtContent"))
PPR, RPR, TRPR, TCPR, NUMPR, ILVL, NUMID = (wml(t) for t in ("pPr", "rPr", "trPr", "tcPr", "numPr", "ilvl", "numId"))
INS, DEL, MOVE_TO, MOVE_FROM = (wml(t) for t in ("ins", "del", "moveTo", "moveFrom"))
CELL_DEL, CELL_INS, VMERGE = wml("cellDel"), wml("cellIns"), wml("vMerge")
CUSTOM_XML = wml("customXml")
ALT_CHUNK = wml("altChunk")
MC_ALTERNATE, MC_FALLBACK = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Fallback"
M_T = f"{{{M_NS}}}t"
TAB, PTAB, BR, CR = wml("tab"), wml("ptab"), wml("br"), wml("cr")
NO_BREAK_HYPHEN, SOFT_HYPHEN, SYM = wml("noBreakHyphen"), wml("softHyphen"), wml("sym")
FOOTNOTE_REF, ENDNOTE_REF = wml("footnoteReference"), wml("endnoteReference")
DRAWING, PICT, OBJECT, TXBX_CONTENT = wml("drawing"), wml("pict"), wml("object"), wml("txbxContent")
VANISH, PSTYLE, OUTLINE_LVL = wml("vanish"), wml("pStyle"), wml("outlineLvl")


def val(el: etree._Element | None, attr: str = W_VAL) -> str | None:
    return None if el is None else el.get(attr)


def to_int(value: str | None, default: int | None = None) -> int | None:
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return default


def is_on(el: etree._Element | None) -> bool:
    """A Word on/off property: present and not switched off."""
    return el is not None and el.get(W_VAL, "true").lower() not in ("0", "false", "off")
