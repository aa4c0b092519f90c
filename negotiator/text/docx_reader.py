"""Read a Word .docx draft into raw blocks, refusing unsafe or broken files first.

What a user sees in Word is what we import:

* **Safety before parsing.** The zip is checked (damage, member count, duplicate
  names, declared sizes, compression ratio) and every member is inflated with a
  running count that stops at its declared size; every XML part is refused if it
  declares a DOCTYPE or an ENTITY (external entities, "billion laughs") before
  lxml or python-docx parse it. python-docx then opens a copy of the archive
  rebuilt from exactly the bytes we checked.
* **Body order.** Paragraphs and tables come in the order of ``w:body``; content
  controls (``w:sdt``) and custom XML wrappers are looked through.
* **Tables** are imported row by row: one block per row, the non-empty cells
  joined with ``" | "`` (paragraphs inside a cell joined by a line break),
  vertically merged continuation cells, deleted rows and empty rows skipped; a
  table nested in a cell gives that cell one line per row. Such a block has
  kind "other" so that a short header row is never taken for a section heading.
  One warning says how many tables were imported that way. A row is the unit a
  negotiator quotes ("the third row of the CBM table") and keeps cells that
  belong together in one paragraph for comparison between drafts.
* **Headings** come from the paragraph style (Title -> 0, "heading N" -> N, by the
  style's name, which Word writes in English even when the id is localised, such
  as "berschrift1") or from an outline level in the paragraph or its style chain.
* **Automatic numbering** is rendered as Word and LibreOffice display it: numPr
  on the paragraph or inherited through its style chain, ``num`` ->
  ``abstractNum`` (following numStyleLink), one set of counters per abstract
  definition shared by every ``num`` that points to it, a ``num`` with a
  startOverride restarting on its first use, deeper levels reset when a
  shallower one advances (``lvlRestart`` honoured), a level used before its
  parents making the parents count from their start, ``lvlText`` placeholders
  rendered with each level's own format (``isLgl`` turns the levels above the
  current one into decimals, as in "Section 1.01"). Bullets carry no number.
  Formats we cannot render are shown as decimals, with one warning per format.
  An empty numbered paragraph still advances its counter (Word shows its number).
* **Tracked changes** are read as if all were accepted (inserted and moved-to
  text kept, deleted and moved-from text dropped) or, on request, all rejected
  (the reverse: the text before the revisions). A paragraph whose mark goes
  away (deleted on acceptance, inserted on rejection) is joined to the next
  paragraph exactly as Word joins them (no space added) and keeps its own style
  and numbering; if nothing of it remains, it disappears and the next paragraph
  keeps its own. Table rows and cells follow the same rule. One warning says
  which reading was used, and ``WordRead.has_tracked_changes`` says there were
  any. Formatting changes (w:rPrChange, w:pPrChange) are not revisions of the
  text and are ignored in both readings.
* **Footnotes and endnotes** referenced in a paragraph go to ``RawBlock.footnotes``
  in order; the reference mark is not part of the text. Comments, hidden text,
  field instructions and text boxes are not text of the draft (text boxes with
  text get a warning), nor is a table of contents (skipped with a warning), nor
  are page headers and footers.
"""

from __future__ import annotations

import codecs
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from lxml import etree

from negotiator.domain.errors import InputError
from negotiator.text.parse import RawBlock
from negotiator.text.tracked import TrackedChanges

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

# Drafts are text: even a long treaty with annexes and images unpacks to a few
# tens of MB. Anything larger is refused as a probable zip bomb.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
# The largest single part (document.xml of a very long treaty is tens of MB).
MAX_PART_BYTES = 100 * 1024 * 1024
# XML compresses about 3-20:1 in real documents; deflate tops out near 1030:1.
MAX_COMPRESSION_RATIO = 200
# Below this size a high ratio cannot hurt (a small run of identical bytes).
RATIO_CHECK_MIN_BYTES = 1024 * 1024
# A document has a few dozen parts; thousands mean a crafted archive.
MAX_ZIP_MEMBERS = 5000
READ_CHUNK_BYTES = 64 * 1024
# Encodings in which "<!DOCTYPE" cannot hide from a byte search (after the BOM
# and UTF-16/32 handling below); Word itself writes UTF-8.
SAFE_XML_ENCODINGS = re.compile(
    r"^(utf-?8|utf-?16(le|be)?|utf-?32(le|be)?|us-ascii|ascii|iso-8859-\d+|windows-125\d|cp125\d)$",
    re.IGNORECASE,
)
TABLE_CELL_SEPARATOR = " | "
LEVELS = 9  # w:ilvl 0..8

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_WML_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RT_OFFICE_DOCUMENT = "/officeDocument"
WML_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Macro-enabled documents and templates hold the same WordprocessingML; python-docx
# only opens the plain content type, so theirs is rewritten in our private copy.
WML_VARIANTS = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
RT_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


W_VAL = _w("val")
DEL_TEXT = _w("delText")
P, R, T, TBL, TR, TC, SDT, SDT_CONTENT = (_w(t) for t in ("p", "r", "t", "tbl", "tr", "tc", "sdt", "sdtContent"))
PPR, RPR, TRPR, TCPR, NUMPR, ILVL, NUMID = (_w(t) for t in ("pPr", "rPr", "trPr", "tcPr", "numPr", "ilvl", "numId"))
INS, DEL, MOVE_TO, MOVE_FROM = (_w(t) for t in ("ins", "del", "moveTo", "moveFrom"))
CELL_DEL, CELL_INS, VMERGE = _w("cellDel"), _w("cellIns"), _w("vMerge")
CUSTOM_XML = _w("customXml")
ALT_CHUNK = _w("altChunk")
MC_ALTERNATE, MC_FALLBACK = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Fallback"
M_T = f"{{{M_NS}}}t"
TAB, PTAB, BR, CR = _w("tab"), _w("ptab"), _w("br"), _w("cr")
NO_BREAK_HYPHEN, SOFT_HYPHEN, SYM = _w("noBreakHyphen"), _w("softHyphen"), _w("sym")
FOOTNOTE_REF, ENDNOTE_REF = _w("footnoteReference"), _w("endnoteReference")
DRAWING, PICT, OBJECT, TXBX_CONTENT = _w("drawing"), _w("pict"), _w("object"), _w("txbxContent")
VANISH, PSTYLE, OUTLINE_LVL = _w("vanish"), _w("pStyle"), _w("outlineLvl")
# Children of a paragraph (or of its inline wrappers) that never hold displayed text.
_SKIP_INLINE = {
    PPR, RPR, _w("sdtPr"), _w("sdtEndPr"), _w("commentReference"),
    _w("commentRangeStart"), _w("commentRangeEnd"), _w("bookmarkStart"), _w("bookmarkEnd"),
    _w("proofErr"), _w("permStart"), _w("permEnd"), _w("fldData"), _w("customXmlPr"),
    _w("smartTagPr"), _w("rPrChange"), _w("pPrChange"),
    _w("rt"),  # ruby (phonetic guide) text; the base text is kept
}
_TRACKED = {INS, DEL, MOVE_TO, MOVE_FROM}

_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_TEXT = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
_HEADING_NAME = re.compile(
    r"^(?:heading|berschrift|überschrift|titre|título|titulo|titolo|kop|rubrik|otsikko|"
    r"nagłówek|заголовок|encabezado|naslov|nadpis)\s*(\d)$",
    re.IGNORECASE,
)
_TITLE_NAME = re.compile(r"^(?:title|titel|titre|título|titulo|titolo|название)$", re.IGNORECASE)
_TOC_NAME = re.compile(r"^(?:toc|contents|inhaltsverzeichnis|tdm|índice)\s*\d$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"%([1-9])")

_SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)


@dataclass(frozen=True)
class WordRead:
    """What a Word document holds, read with one of the tracked-changes readings."""

    blocks: list[RawBlock]
    warnings: list[str]
    has_tracked_changes: bool


def read_docx(data: bytes, name: str,
              tracked_changes: TrackedChanges = TrackedChanges.ACCEPT) -> tuple[list[RawBlock], list[str]]:
    """Read a Word document into raw blocks in body order (see ``read_word``).

    Returns:
        The blocks (paragraphs and table rows) and the warnings for the user.
    """
    read = read_word(data, name, tracked_changes)
    return read.blocks, read.warnings


def read_word(data: bytes, name: str, tracked_changes: TrackedChanges = TrackedChanges.ACCEPT) -> WordRead:
    """Read a Word document into raw blocks in body order.

    Args:
        data: the bytes of the .docx (a zip archive).
        name: the file name, used in messages only.
        tracked_changes: import the text with every revision accepted, or rejected.

    Raises:
        InputError: the file is damaged, not a Word document, or unsafe to parse.
    """
    members = _checked_members(data, name)
    main = _main_part_name(members, name)
    for member in _xml_members(members, name):
        _refuse_dtd(member, members[member], name)
    document = _open_with_python_docx(members, name)
    del members  # python-docx holds its own copy; a large file should not stay twice in memory
    try:
        reader = _Reader(document, name, TrackedChanges(tracked_changes))
        blocks, warnings = reader.read()
        return WordRead(blocks, warnings, reader.tracked)
    except InputError:
        raise
    except (ValueError, KeyError, IndexError, TypeError, etree.LxmlError, RecursionError) as exc:
        raise InputError(name, f"cannot be read as a Word document ({main}: {_one_line(exc)})") from None


# --------------------------------------------------------------------- safety


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0][:160] if text else type(exc).__name__) or type(exc).__name__


def _checked_members(data: bytes, name: str) -> dict[str, bytes]:
    """Inflate every member, refusing damage and zip bombs before anything is parsed."""
    damaged = "is a damaged or truncated zip archive, not a readable .docx"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise InputError(name, damaged) from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise InputError(name, f"has {len(infos)} parts (limit {MAX_ZIP_MEMBERS}): not a Word document")
    seen: set[str] = set()
    total = 0
    for info in infos:
        if info.filename in seen:
            raise InputError(name, f"contains the part '{info.filename}' twice: a damaged or crafted archive")
        seen.add(info.filename)
        if info.file_size > MAX_PART_BYTES:
            raise InputError(name, f"part '{info.filename}' would unpack to more than "
                                   f"{MAX_PART_BYTES // (1024 * 1024)} MB: refused as a possible zip bomb")
        total += info.file_size
        if total > MAX_UNCOMPRESSED_BYTES:
            raise InputError(name, f"would unpack to more than {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB: "
                                   "refused as a possible zip bomb")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_CHECK_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise InputError(name, f"part '{info.filename}' is compressed {ratio:.0f}:1 "
                                   f"(limit {MAX_COMPRESSION_RATIO}:1): refused as a possible zip bomb")
    # Many parts each just under the per-part ratio check add up: the archive
    # as a whole must not inflate beyond the ratio either.
    if total > RATIO_CHECK_MIN_BYTES and total / max(len(data), 1) > MAX_COMPRESSION_RATIO:
        raise InputError(name, f"would unpack {len(infos)} parts to {total // (1024 * 1024)} MB from "
                               f"{max(len(data) // 1024, 1)} KB (over {MAX_COMPRESSION_RATIO}:1): "
                               "refused as a possible zip bomb")
    members: dict[str, bytes] = {}
    inflated = 0
    for info in infos:
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            raise InputError(name, "is an encrypted zip archive, not a readable .docx")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            # bzip2 and LZMA inflate a whole chunk at once, unbounded; Word never uses them.
            raise InputError(name, f"part '{info.filename}' uses a zip compression method "
                                   "Word does not write")
        chunks: list[bytes] = []
        size = 0
        try:
            with archive.open(info) as stream:
                # zipfile itself stops at the declared size and then fails the CRC
                # check; the count keeps that promise should it ever change.
                while chunk := stream.read(READ_CHUNK_BYTES):
                    size += len(chunk)
                    inflated += len(chunk)
                    if size > info.file_size or inflated > MAX_UNCOMPRESSED_BYTES:
                        raise InputError(name, f"part '{info.filename}' unpacks beyond its declared size: "
                                               "refused as a possible zip bomb")
                    chunks.append(chunk)
        except NotImplementedError:
            raise InputError(name, f"part '{info.filename}' uses a zip compression method "
                                   "Word does not write") from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, ValueError):
            raise InputError(name, damaged) from None
        members[info.filename] = b"".join(chunks)
    return members


def _main_part_name(members: dict[str, bytes], name: str) -> str:
    """The main document part, from the package relationships (usually word/document.xml)."""
    if "word/document.xml" not in members:
        if "xl/workbook.xml" in members:
            raise InputError(name, "is an Excel workbook, not a Word document")
        if "ppt/presentation.xml" in members:
            raise InputError(name, "is a PowerPoint presentation, not a Word document")
        if members.get("mimetype", b"").startswith(b"application/vnd.oasis.opendocument"):
            raise InputError(name, "is an OpenDocument file; save it as .docx")
    if "[Content_Types].xml" not in members or "_rels/.rels" not in members:
        raise InputError(name, "is a zip archive but not a Word document (no word/document.xml)")
    rels = members["_rels/.rels"]
    _refuse_dtd("_rels/.rels", rels, name)
    target: str | None = None
    try:
        root = etree.fromstring(rels, _SAFE_PARSER)
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("Type", "").endswith(RT_OFFICE_DOCUMENT) and rel.get("TargetMode") != "External":
                target = posixpath.normpath(rel.get("Target", "")).lstrip("/")
                break
    except etree.LxmlError:
        raise InputError(name, "is damaged: its package relationships (_rels/.rels) are not valid XML") from None
    if not target or target not in members:
        raise InputError(name, "is a zip archive but not a Word document (no word/document.xml)")
    if STRICT_WML_NS in members[target][:4096]:
        raise InputError(name, "is saved as Strict Open XML, which is not supported; "
                               "save it in Word as a normal Word Document (.docx)")
    return target


def _looks_like_xml(blob: bytes) -> bool:
    head = blob[:64]
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            head = head[len(bom):]
            break
    return head.replace(b"\0", b"").lstrip().startswith(b"<")


def _xml_members(members: dict[str, bytes], name: str) -> list[str]:
    """The parts python-docx or lxml may parse: every XML part except images (an SVG
    picture may carry a DOCTYPE and is never parsed)."""
    types = members["[Content_Types].xml"]
    _refuse_dtd("[Content_Types].xml", types, name)
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    try:
        root = etree.fromstring(types, _SAFE_PARSER)
    except etree.LxmlError:
        raise InputError(name, "is damaged: its list of content types is not valid XML") from None
    for el in root.iter(f"{{{CT_NS}}}Default"):
        defaults[el.get("Extension", "").lower()] = el.get("ContentType", "")
    for el in root.iter(f"{{{CT_NS}}}Override"):
        overrides[el.get("PartName", "").lstrip("/")] = el.get("ContentType", "")
    checked = []
    for member, blob in members.items():
        ctype = overrides.get(member) or defaults.get(member.rpartition(".")[2].lower(), "")
        if ctype.startswith("image/"):
            continue
        if member.lower().endswith((".xml", ".rels", ".vml")) or "xml" in ctype or _looks_like_xml(blob):
            checked.append(member)
    return checked


def _refuse_dtd(member: str, blob: bytes, name: str) -> None:
    """Refuse a DOCTYPE or ENTITY declaration in an XML part, in any encoding lxml reads."""
    text: str | None = None
    if blob.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) or blob[:4] in (b"<\0\0\0", b"\0\0\0<"):
        text = blob.decode("utf-32-be" if blob[:4] in (b"\0\0\0<", codecs.BOM_UTF32_BE) else "utf-32-le",
                           "replace")
    elif blob.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or blob[:2] in (b"<\0", b"\0<"):
        text = blob.decode("utf-16-be" if blob[:2] in (b"\0<", codecs.BOM_UTF16_BE) else "utf-16-le",
                           "replace")
    found = _DTD_TEXT.search(text) is not None if text is not None else _DTD.search(blob) is not None
    if found:
        raise InputError(name, f"part '{member}' declares a DOCTYPE or ENTITY, which Word never writes: "
                               "refused as unsafe XML")
    m = _XML_ENCODING.match(blob) if text is None else None
    if m and not SAFE_XML_ENCODINGS.match(m[1].decode("ascii", "replace")):
        raise InputError(name, f"part '{member}' uses the XML encoding '{m[1].decode('ascii', 'replace')}', "
                               "which Word never writes: refused as unsafe XML")


def _open_with_python_docx(members: dict[str, bytes], name: str) -> DocxDocument:
    """Open the checked parts with python-docx from a stored (uncompressed) copy."""
    import docx

    copy = io.BytesIO()
    with zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as out:
        for member, blob in members.items():
            if member == "[Content_Types].xml":
                for variant in WML_VARIANTS:
                    blob = blob.replace(variant, WML_MAIN.encode())
            out.writestr(member, blob)
    copy.seek(0)
    try:
        return docx.Document(copy)
    except Exception as exc:  # python-docx raises many types on malformed packages
        raise InputError(name, f"cannot be read as a Word document ({_one_line(exc)})") from None


# ----------------------------------------------------------------- helpers


def _val(el: etree._Element | None, attr: str = W_VAL) -> str | None:
    return None if el is None else el.get(attr)


def _int(value: str | None, default: int | None = None) -> int | None:
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return default


def _on(el: etree._Element | None) -> bool:
    """A Word on/off property: present and not switched off."""
    return el is not None and el.get(W_VAL, "true").lower() not in ("0", "false", "off")


def _part_element(document: DocxDocument, reltype: str) -> etree._Element | None:
    """The root element of a part related to the main document, or None."""
    try:
        part = document.part.part_related_by(reltype)
    except KeyError:
        return None
    element = getattr(part, "element", None)
    if element is not None:
        return element
    return etree.fromstring(part.blob, _SAFE_PARSER)


# ----------------------------------------------------------------- styles


@dataclass
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    num_id: str | None
    ilvl: int | None


class _Styles:
    """Paragraph styles with their chains resolved once per style id."""

    def __init__(self, root: etree._Element | None) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default: str | None = None
        self._heading: dict[str | None, int | None] = {}
        self._numpr: dict[str | None, tuple[str | None, int | None]] = {}
        if root is None:
            return
        for el in root.iterchildren(_w("style")):
            sid = el.get(_w("styleId"))
            if sid is None:
                continue
            ppr = el.find(PPR)
            numpr = ppr.find(NUMPR) if ppr is not None else None
            self.by_id[sid] = _Style(
                name=(_val(el.find(_w("name"))) or sid).strip(),
                based_on=_val(el.find(_w("basedOn"))),
                outline=_int(_val(ppr.find(OUTLINE_LVL))) if ppr is not None else None,
                num_id=_val(numpr.find(NUMID)) if numpr is not None else None,
                ilvl=_int(_val(numpr.find(ILVL))) if numpr is not None else None,
            )
            if el.get(_w("type")) == "paragraph" and el.get(_w("default")) in ("1", "true", "on"):
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
    fmt_el = el.find(_w("numFmt"))
    text_el = el.find(_w("lvlText"))
    return _Level(
        start=_int(_val(el.find(_w("start"))), 1) or 0,
        fmt=_val(fmt_el) or "decimal",
        text=_val(text_el) if text_el is not None else None,
        restart=_int(_val(el.find(_w("lvlRestart")))),
        is_legal=_on(el.find(_w("isLgl"))),
        style=_val(el.find(PSTYLE)),
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


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


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
        return _ordinal(n)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt == "decimalEnclosedCircle":
        return chr(0x2460 + n - 1) if n <= _ENCLOSED_CIRCLE_MAX else f"({n})"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    return None


class _Numbering:
    """numbering.xml with Word's counters: one set per abstract definition."""

    def __init__(self, root: etree._Element | None, styles: _Styles, warnings: list[str]) -> None:
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
        for el in root.iterchildren(_w("abstractNum")):
            aid = el.get(_w("abstractNumId"))
            if aid is None:
                continue
            abstract = _Abstract(num_style_link=_val(el.find(_w("numStyleLink"))))
            for lvl in el.iterchildren(_w("lvl")):
                ilvl = _int(lvl.get(_w("ilvl")))
                if ilvl is not None and 0 <= ilvl < LEVELS:
                    abstract.levels[ilvl] = _parse_level(lvl)
            self.abstracts[aid] = abstract
        for el in root.iterchildren(_w("num")):
            nid = el.get(_w("numId"))
            aid = _val(el.find(_w("abstractNumId")))
            if nid is None or aid is None:
                continue
            num = _Num(aid)
            for override in el.iterchildren(_w("lvlOverride")):
                ilvl = _int(override.get(_w("ilvl")))
                if ilvl is None or not 0 <= ilvl < LEVELS:
                    continue
                start = _int(_val(override.find(_w("startOverride"))))
                if start is not None:
                    num.starts[ilvl] = start
                if (lvl := override.find(_w("lvl"))) is not None:
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


# ------------------------------------------------------------------ reader


@dataclass
class _Para:
    """One paragraph after tracked changes are accepted or rejected, before it is emitted."""

    props: etree._Element  # the w:p whose properties (style, numbering) apply
    text: list[str]
    notes: list[str]


class _Reader:
    def __init__(self, document: DocxDocument, name: str,
                 tracked_changes: TrackedChanges = TrackedChanges.ACCEPT) -> None:
        self.name = name
        self.mode = tracked_changes
        # The revision marks whose content stays in this reading, and those whose content goes.
        accept = tracked_changes == TrackedChanges.ACCEPT
        self.kept, self.dropped = ((INS, MOVE_TO), (DEL, MOVE_FROM)) if accept else ((DEL, MOVE_FROM), (INS, MOVE_TO))
        self.body = document.element.body
        self.warnings: list[str] = []
        self.styles = _Styles(_part_element(document, RT_STYLES))
        self.numbering = _Numbering(_part_element(document, RT_NUMBERING), self.styles, self.warnings)
        self.tracked = False
        self.text_boxes = 0
        self.tables = 0
        self.toc = 0
        self.alt_chunks = 0
        self.footnotes = self._notes(_part_element(document, RT_FOOTNOTES), "footnote")
        self.endnotes = self._notes(_part_element(document, RT_ENDNOTES), "endnote")

    def read(self) -> tuple[list[RawBlock], list[str]]:
        blocks: list[RawBlock] = []
        for _, payload in self._container(self.body):
            if isinstance(payload, _Para):
                block = self._block(payload)
                if block is not None:
                    blocks.append(block)
            else:
                rows = self._table_rows(payload)
                self.tables += 1
                blocks.extend(RawBlock(text, footnotes=tuple(notes), kind="other") for text, notes in rows)
        if self.tracked:
            reading = "accepted" if self.mode == TrackedChanges.ACCEPT else "rejected"
            self.warnings.append(f"the document contains tracked changes; imported as if all were {reading}")
        if self.tables:
            self.warnings.append(f"{self.tables} table(s) imported row by row")
        if self.text_boxes:
            self.warnings.append(f"text in {self.text_boxes} text box(es) or shape(s) was not imported")
        if self.toc:
            self.warnings.append("the table of contents was skipped")
        if self.alt_chunks:
            self.warnings.append(f"{self.alt_chunks} embedded document(s) (altChunk) were not imported")
        return blocks, self.warnings

    # -- structure

    def _container(self, container: etree._Element) -> Iterator[tuple[str, _Para | etree._Element]]:
        """Paragraphs (tracked changes applied, removed marks merged) and tables in order."""
        pending: _Para | None = None
        for el in self._block_elements(container):
            if el.tag == TBL:
                if pending is not None:
                    yield "para", pending
                    pending = None
                yield "table", el
                continue
            text: list[str] = []
            notes: list[str] = []
            self._inline(el, text, notes)
            para = _Para(el, text, notes)
            if pending is not None:
                # Joined as Word joins them; the first keeps its properties unless nothing of it is left.
                props = pending.props if "".join(pending.text).strip() else el
                para = _Para(props, pending.text + text, pending.notes + notes)
                pending = None
            if self._mark_removed(el):
                pending = para
            else:
                yield "para", para
        if pending is not None:
            yield "para", pending

    def _block_elements(self, container: etree._Element) -> Iterator[etree._Element]:
        for el in container:
            tag = el.tag
            if tag == P or tag == TBL:
                yield el
            elif tag == SDT:
                content = el.find(SDT_CONTENT)
                if content is not None:
                    yield from self._block_elements(content)
            elif tag == CUSTOM_XML:
                yield from self._block_elements(el)
            elif tag in _TRACKED:
                self.tracked = True
                if tag in self.kept:
                    yield from self._block_elements(el)
            elif tag == ALT_CHUNK:
                self.alt_chunks += 1

    def _mark_removed(self, p: etree._Element) -> bool:
        """Whether this reading removes the paragraph's mark (it then joins the next)."""
        ppr = p.find(PPR)
        rpr = ppr.find(RPR) if ppr is not None else None
        if rpr is None:
            return False
        removed = False
        for child in rpr:
            if child.tag in _TRACKED:
                self.tracked = True
                removed = removed or child.tag in self.dropped
        return removed

    def _number(self, p: etree._Element, style_id: str | None) -> tuple[str | None, int | None]:
        ppr = p.find(PPR)
        numpr = ppr.find(NUMPR) if ppr is not None else None
        nid = _val(numpr.find(NUMID)) if numpr is not None else None
        ilvl = _int(_val(numpr.find(ILVL))) if numpr is not None else None
        if nid is None or ilvl is None:
            style_nid, style_ilvl = self.styles.numbering(style_id)
            nid = nid if nid is not None else style_nid
            ilvl = ilvl if ilvl is not None else style_ilvl
        if nid is None or nid == "0" or nid not in self.numbering.nums:
            return None, None
        if ilvl is None:
            ilvl = self.numbering.level_for_style(nid, style_id)
        label = self.numbering.label(nid, ilvl)
        return label, (min(max(ilvl, 0), LEVELS - 1) if label else None)

    def _block(self, para: _Para) -> RawBlock | None:
        p = para.props
        ppr = p.find(PPR)
        style_id = _val(ppr.find(PSTYLE)) if ppr is not None else None
        if style_id is None or style_id not in self.styles.by_id:
            style_id = self.styles.default if style_id is None else style_id
        label, level = self._number(p, style_id)
        text = "".join(para.text)
        if not text.strip():
            return None
        if self.styles.is_toc(style_id):
            self.toc += 1
            return None
        heading = None
        outline = _int(_val(ppr.find(OUTLINE_LVL))) if ppr is not None else None
        if outline is not None:
            heading = outline + 1 if 0 <= outline <= 8 else None
        else:
            heading = self.styles.heading_level(style_id)
        return RawBlock(text, list_number=label, list_level=level, heading_level=heading,
                        footnotes=tuple(para.notes))

    def _table_rows(self, tbl: etree._Element) -> list[tuple[str, list[str]]]:
        rows: list[tuple[str, list[str]]] = []
        for tr in self._rows(tbl):
            trpr = tr.find(TRPR)
            if trpr is not None and (trpr.find(INS) is not None or trpr.find(DEL) is not None):
                self.tracked = True
                if trpr.find(self.dropped[0]) is not None:
                    continue
            cells: list[str] = []
            notes: list[str] = []
            for tc in self._cells(tr):
                tcpr = tc.find(TCPR)
                if tcpr is not None:
                    if tcpr.find(CELL_DEL) is not None or tcpr.find(CELL_INS) is not None:
                        self.tracked = True
                    if tcpr.find(CELL_DEL if self.mode == TrackedChanges.ACCEPT else CELL_INS) is not None:
                        continue
                    vmerge = tcpr.find(VMERGE)
                    if vmerge is not None and vmerge.get(W_VAL, "continue") == "continue":
                        continue
                lines: list[str] = []
                for _, payload in self._container(tc):
                    if not isinstance(payload, _Para):  # a nested table
                        self.tables += 1
                        for text, inner_notes in self._table_rows(payload):
                            lines.append(text)
                            notes.extend(inner_notes)
                        continue
                    block = self._block(payload)
                    if block is not None:
                        lines.append(f"{block.list_number} {block.text}" if block.list_number else block.text)
                        notes.extend(block.footnotes)
                cell = "\n".join(line.strip() for line in lines if line.strip())
                if cell:
                    cells.append(cell)
            if cells:
                rows.append((TABLE_CELL_SEPARATOR.join(cells), notes))
        return rows

    def _rows(self, tbl: etree._Element) -> Iterator[etree._Element]:
        for el in tbl:
            if el.tag == TR:
                yield el
            elif el.tag in (SDT, CUSTOM_XML, SDT_CONTENT):
                yield from self._rows(el)

    def _cells(self, tr: etree._Element) -> Iterator[etree._Element]:
        for el in tr:
            if el.tag == TC:
                yield el
            elif el.tag in (SDT, CUSTOM_XML, SDT_CONTENT):
                yield from self._cells(el)

    # -- text

    def _inline(self, el: etree._Element, out: list[str], notes: list[str]) -> None:
        """Displayed text of a paragraph (or of an inline wrapper), changes accepted or rejected."""
        for child in el:
            tag = child.tag
            if tag == R:
                self._run(child, out, notes)
            elif tag in _SKIP_INLINE:
                pass
            elif tag in _TRACKED:
                self.tracked = True
                if tag in self.kept:
                    self._inline(child, out, notes)
            elif tag == MC_ALTERNATE:
                self._alternate(child, out, notes)
            elif tag in (DRAWING, PICT, OBJECT):
                self._count_text_box(child)
            elif tag == M_T:
                out.append(child.text or "")
            elif isinstance(tag, str):
                # Hyperlinks, smart tags, content controls, simple fields, math, bidi wrappers.
                self._inline(child, out, notes)

    def _alternate(self, el: etree._Element, out: list[str], notes: list[str]) -> None:
        fallback = el.find(MC_FALLBACK)
        if fallback is not None:
            self._inline(fallback, out, notes)

    def _run(self, r: etree._Element, out: list[str], notes: list[str]) -> None:
        rpr = r.find(RPR)
        if rpr is not None and _on(rpr.find(VANISH)):
            return  # hidden text is not part of what the reader sees
        for c in r:
            tag = c.tag
            if tag == T or tag == DEL_TEXT:  # deleted text is only reached when rejecting
                out.append(c.text or "")
            elif tag == TAB or tag == PTAB:
                out.append("\t")
            elif tag == BR or tag == CR:
                out.append("\n")
            elif tag == NO_BREAK_HYPHEN:
                out.append("-")
            elif tag == FOOTNOTE_REF:
                notes.append(self.footnotes.get(c.get(_w("id"), ""), ""))
            elif tag == ENDNOTE_REF:
                notes.append(self.endnotes.get(c.get(_w("id"), ""), ""))
            elif tag == SYM:
                char = c.get(_w("char")) or ""
                try:
                    code = int(char, 16)
                except ValueError:
                    continue
                # Symbol-font characters (U+F0xx) are glyph positions, not Unicode text.
                if not 0xE000 <= code <= 0xF8FF and 0 < code < 0x110000:
                    out.append(chr(code))
            elif tag in (DRAWING, PICT, OBJECT, MC_ALTERNATE):
                self._count_text_box(c)
            elif tag == SOFT_HYPHEN:
                pass  # only shown when Word breaks the line there

    def _count_text_box(self, el: etree._Element) -> None:
        """Text boxes and shapes float outside the flow of the text; we only count them."""
        if any((t.text or "").strip() for box in el.iter(TXBX_CONTENT) for t in box.iter(T)):
            self.text_boxes += 1

    def _notes(self, root: etree._Element | None, kind: str) -> dict[str, str]:
        notes: dict[str, str] = {}
        if root is None:
            return notes
        for note in root.iterchildren(_w(kind)):
            nid = note.get(_w("id"))
            if nid is None or note.get(_w("type")) in ("separator", "continuationSeparator",
                                                      "continuationNotice"):
                continue
            lines = []
            for _, para in self._container(note):
                if isinstance(para, _Para):
                    text = "".join(para.text).strip()
                    if text:
                        lines.append(text)
            notes[nid] = "\n".join(lines)
        return notes
