"""Read a draft from a file or from bytes: decide the format, refuse bad input
with a one-line reason, and hand raw blocks to ``parse.build_paragraphs``.

Nothing here touches the store; a refused file therefore changes nothing.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from negotiator.domain.errors import InputError
from negotiator.text.parse import (
    ParsedParagraph,
    RawBlock,
    build_paragraphs,
    content_checksum,
)
from negotiator.text.tracked import TrackedChanges

# The longest negotiated texts (a treaty with annexes) are under 2 MB of text;
# 10 MB leaves room and keeps a pasted log file or a dump out of the store.
MAX_TEXT_BYTES = 10 * 1024 * 1024
# One paragraph can be no longer than a whole text draft, whatever the format.
MAX_PARAGRAPH_CHARS = MAX_TEXT_BYTES
# A .docx with images can be large; beyond this it is not a draft.
MAX_DOCX_BYTES = 50 * 1024 * 1024
READ_CHUNK_BYTES = 1024 * 1024

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PDF_MAGIC = b"%PDF-"
TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
# C0 controls other than tab and newline carry no meaning in a draft and are
# invalid in Word's XML; vertical tab and form feed are Word's manual breaks.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Bidirectional embeddings, overrides and isolates change how a line reads
# without showing themselves; Word marks direction in its own properties.
_BIDI_CONTROL = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class ParsedDraft:
    source_name: str
    source_checksum: str
    paragraphs: list[ParsedParagraph]
    warnings: list[str]
    # A PDF keeps its bytes and each paragraph's first page, so that the
    # preview can show the page beside the paragraphs found on it.
    pdf: bytes | None = None
    pages: tuple[int, ...] = ()
    # A Word file with open revisions: read as asked (accepted or rejected), but
    # the user should have been the one to choose.
    has_tracked_changes: bool = False

    @property
    def content_checksum(self) -> str:
        return content_checksum(self.paragraphs)


def read_file(path: str | Path, *, tracked_changes: TrackedChanges = TrackedChanges.ACCEPT) -> ParsedDraft:
    """Read a .docx, .pdf, .txt or .md file from disk (a Word file's tracked
    changes all accepted or all rejected)."""
    path = Path(path)
    return read_bytes(read_limited(path, MAX_DOCX_BYTES, "a draft"), path.name, tracked_changes=tracked_changes)


def _too_large(name: str, what: str, limit: int) -> InputError:
    return InputError(name, f"is more than {limit // (1024 * 1024)} MB, too large for {what}")


def read_stream(stream: BinaryIO, limit: int, name: str, what: str) -> bytes:
    """At most ``limit`` bytes from an open stream (standard input, a file):
    reads limit + 1 bytes at most, so an endless source is refused, not swallowed."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(READ_CHUNK_BYTES, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise _too_large(name, what, limit)
    return b"".join(chunks)


def read_limited(path: Path, limit: int, what: str) -> bytes:
    """A regular file's bytes, or an InputError naming the file when it is
    missing, unreadable, not a regular file (a folder, device, FIFO or socket)
    or larger than ``limit``. Whatever stat() says, no more than limit + 1
    bytes are read, and a FIFO cannot make the read wait (O_NONBLOCK)."""
    name = path.name or str(path)
    try:
        if stat.S_ISDIR(os.stat(path).st_mode):
            raise InputError(name, "is a folder, not a file")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(fd).st_mode  # the file opened, not the name checked before
        if stat.S_ISDIR(mode):
            raise InputError(name, "is a folder, not a file")
        if not stat.S_ISREG(mode):
            raise InputError(name, "is not a regular file (a device, pipe or socket); "
                                   "save the text to a file first")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as f:
            fd = -1
            return read_stream(f, limit, name, what)
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        if fd >= 0:
            os.close(fd)


def read_stdin(stream: BinaryIO, *,
               tracked_changes: TrackedChanges = TrackedChanges.ACCEPT) -> ParsedDraft:
    """A draft from standard input (``import -``), bounded like a file."""
    return read_bytes(read_stream(stream, MAX_DOCX_BYTES, "<stdin>", "a draft"), "<stdin>",
                      tracked_changes=tracked_changes)


def checked_blocks(blocks: list[RawBlock], name: str, warnings: list[str]) -> list[RawBlock]:
    """The limits every format shares: no paragraph and no text longer than a
    text draft may be, and no hidden bidirectional controls (removed, with a warning)."""
    total = 0
    out = []
    stripped = False
    for block in blocks:
        if len(block.text) > MAX_PARAGRAPH_CHARS:
            raise InputError(name, f"has a paragraph of {len(block.text) // (1024 * 1024)} MB "
                                   f"(limit {MAX_PARAGRAPH_CHARS // (1024 * 1024)} MB): not a draft")
        total += len(block.text)
        if total > MAX_TEXT_BYTES:
            raise InputError(name, f"holds more than {MAX_TEXT_BYTES // (1024 * 1024)} MB of text, "
                                   "too large for a draft")
        if _BIDI_CONTROL.search(block.text) or any(_BIDI_CONTROL.search(f) for f in block.footnotes):
            stripped = True
            block = replace(block, text=_BIDI_CONTROL.sub("", block.text),
                            footnotes=tuple(_BIDI_CONTROL.sub("", f) for f in block.footnotes))
        out.append(block)
    if stripped:
        warnings.append("hidden bidirectional control characters removed from the text")
    return out


def read_bytes(data: bytes, name: str, *,
               tracked_changes: TrackedChanges = TrackedChanges.ACCEPT) -> ParsedDraft:
    """Read a draft from its bytes; ``name`` decides nothing but the messages,
    except that a name ending in .docx must hold a Word document."""
    suffix = Path(name).suffix.lower()
    checksum = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError(name, "is empty")
    pdf_pages: list[int] | None = None
    tracked = False
    if data[:1024].lstrip().startswith(PDF_MAGIC):
        from negotiator.text.pdf_reader import read_pdf

        read = read_pdf(data, name)
        blocks, warnings, pdf_pages = read.blocks, read.warnings, read.pages
    elif data.startswith(ZIP_MAGIC):
        from negotiator.text.docx_reader import read_word

        word = read_word(data, name, tracked_changes)
        blocks, warnings, tracked = word.blocks, word.warnings, word.has_tracked_changes
    elif data.startswith(OLE_MAGIC):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in data:
            raise InputError(name, "is a password-protected Word document; "
                                   "remove the password in Word and save it as .docx")
        raise InputError(name, "is an old Word .doc (or other OLE) file; save it as .docx")
    elif suffix == ".pdf":
        raise InputError(name, "is not a PDF file (it does not start with %PDF-)")
    elif suffix in (".docx", ".docm", ".dotx"):
        raise InputError(name, "is not a Word .docx file (it is not a zip archive)")
    elif data.startswith(b"PK"):
        raise InputError(name, "is a damaged zip archive, not a readable .docx")
    else:
        blocks, warnings = read_text_blocks(data, name, markdown=suffix == ".md")
    blocks = checked_blocks(blocks, name, warnings)
    paragraphs = build_paragraphs(blocks)
    if not paragraphs:
        raise InputError(name, "contains no paragraphs of text")
    for p in paragraphs:
        if not p.brackets_balanced:
            where = f"paragraph {p.number}" if p.number else f"paragraph starting '{p.text[:40]}'"
            warnings.append(f"unbalanced square brackets in {where} (kept as written)")
    if pdf_pages is not None:
        # build_paragraphs keeps every non-empty block, so pages line up.
        pages = tuple(pdf_pages) if len(pdf_pages) == len(paragraphs) else ()
        return ParsedDraft(name, checksum, paragraphs, warnings, pdf=data, pages=pages)
    return ParsedDraft(name, checksum, paragraphs, warnings, has_tracked_changes=tracked)


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused."""
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(name, f"is {len(data) // (1024 * 1024)} MB of text, too large for a draft "
                               f"(limit {MAX_TEXT_BYTES // (1024 * 1024)} MB)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(name, f"is not valid UTF-16 text ({exc.reason} at byte {exc.start})") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(name, f"contains NUL bytes (first at byte {nul}): "
                               "it is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            name,
            f"is not valid UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8",
        ) from None


def read_text_blocks(data: bytes, name: str, *, markdown: bool = False) -> tuple[list[RawBlock], list[str]]:
    """Plain text: a paragraph is a block separated by blank lines; single line
    breaks inside a block are kept."""
    text = decode_text(data, name)
    return text_blocks(text, markdown=markdown)


def text_blocks(text: str, *, markdown: bool = False) -> tuple[list[RawBlock], list[str]]:
    warnings: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\f", "\n\n")
    if _CONTROL.search(text):
        warnings.append("control characters removed from the text")
        text = _CONTROL.sub("", text)
    blocks: list[RawBlock] = []
    for chunk in re.split(r"\n[ \t\u00a0]*\n", text):
        if not chunk.strip():
            continue
        heading_level = None
        if markdown:
            m = re.match(r"^\s*(#{1,6})\s+(.*)$", chunk, re.S)
            if m:
                heading_level, chunk = len(m[1]), m[2]
            chunk = re.sub(r"(?<!\w)([*_]{1,2})(\S(?:.*?\S)?)\1(?!\w)", r"\2", chunk)
        blocks.append(RawBlock(chunk, heading_level=heading_level))
    return blocks, warnings
