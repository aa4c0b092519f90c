"""A Word file's zip package, checked before anything parses it.

The zip is checked (damage, member count, duplicate names, declared sizes,
compression ratio) and every member is inflated with a running count that stops
at its declared size; every XML part is refused if it declares a DOCTYPE or an
ENTITY (external entities, "billion laughs") before lxml or python-docx parse
it. python-docx then opens a copy of the archive rebuilt from exactly the bytes
we checked.
"""

from __future__ import annotations

import codecs
import io
import posixpath
import re
import zipfile
import zlib
from typing import TYPE_CHECKING

from lxml import etree

from negotiator.domain.errors import InputError

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

STRICT_WML_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
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

_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_TEXT = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")

SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)


def open_checked(data: bytes, name: str) -> tuple[DocxDocument, str]:
    """The document opened by python-docx once every check has passed, and the
    name of its main part (for messages).

    Raises:
        InputError: the file is damaged, not a Word document, or unsafe to parse.
    """
    members = checked_members(data, name)
    main = main_part_name(members, name)
    for member in xml_members(members, name):
        refuse_dtd(member, members[member], name)
    return open_with_python_docx(members, name), main


def one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0][:160] if text else type(exc).__name__) or type(exc).__name__


def checked_members(data: bytes, name: str) -> dict[str, bytes]:
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


def main_part_name(members: dict[str, bytes], name: str) -> str:
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
    refuse_dtd("_rels/.rels", rels, name)
    target: str | None = None
    try:
        root = etree.fromstring(rels, SAFE_PARSER)
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


def xml_members(members: dict[str, bytes], name: str) -> list[str]:
    """The parts python-docx or lxml may parse: every XML part except images (an SVG
    picture may carry a DOCTYPE and is never parsed)."""
    types = members["[Content_Types].xml"]
    refuse_dtd("[Content_Types].xml", types, name)
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    try:
        root = etree.fromstring(types, SAFE_PARSER)
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


def refuse_dtd(member: str, blob: bytes, name: str) -> None:
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


def open_with_python_docx(members: dict[str, bytes], name: str) -> DocxDocument:
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
        raise InputError(name, f"cannot be read as a Word document ({one_line(exc)})") from None


# ----------------------------------------------------------- parts, read


def part_element(document: DocxDocument, reltype: str) -> etree._Element | None:
    """The root element of a part related to the main document, or None."""
    try:
        part = document.part.part_related_by(reltype)
    except KeyError:
        return None
    element = getattr(part, "element", None)
    if element is not None:
        return element
    return etree.fromstring(part.blob, SAFE_PARSER)

