"""The only code that hands PDF bytes to PDFium; it runs in a child process.

PDFium is a C library fed with files from outside. A crafted PDF can make it
allocate without bound (compression bombs), loop for minutes, or crash. Run in
a child process with its own address-space and CPU limits, the worst such a
file can do is end the child: ``negotiator.text.pdf_reader`` then refuses the file
in one line and the application (and the store) are untouched.

Protocol: the PDF arrives on stdin. ``extract`` writes JSON (pages of positioned
words) to stdout; ``render PAGE WIDTH`` writes one JSON header line and the raw
RGB pixels of that page. An error a user can understand is written as
``{"error": "..."}`` with exit status 3.

Nothing here interprets layout: that is ``negotiator.text.pdf_layout``, pure Python.
"""

from __future__ import annotations

import ctypes
import json
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pypdfium2 as pdfium

ERROR_STATUS = 3
# A draft page holds 2-5,000 characters; a page far beyond that is generated
# junk or an attack, and would only slow down the layout pass.
MAX_PAGE_CHARS = 100_000
# The same budget as a plain-text draft (importer.MAX_TEXT_BYTES).
MAX_TOTAL_CHARS = 10 * 1024 * 1024
# Compilation texts run to 90 pages, treaties with annexes to a few hundred.
MAX_PAGES = 2000
# Style bits of a word (bold, italic).
BOLD, ITALIC = 1, 2
_SPACES = {" ", "\u00a0", "\t", "\u2002", "\u2003", "\u2009"}


class WorkerError(Exception):
    """A problem to report to the user as one line."""


def set_limits(memory_bytes: int, cpu_seconds: int) -> None:
    """Cap this process's address space and CPU time (POSIX; elsewhere the
    parent's wall-clock timeout is the only guard)."""
    try:
        import resource
    except ImportError:  # Windows
        return
    for what, value in ((resource.RLIMIT_AS, memory_bytes), (resource.RLIMIT_CPU, cpu_seconds)):
        try:
            soft, hard = resource.getrlimit(what)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(what, (value, hard))
        except (ValueError, OSError):
            pass


def _open(data: bytes) -> pdfium.PdfDocument:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise WorkerError("is an encrypted (password-protected) PDF: open it, remove the "
                              "password or print it to a new PDF, then import that") from None
        raise WorkerError(f"is a damaged PDF that cannot be opened ({_reason(message)})") from None
    pages = len(pdf)
    if pages > MAX_PAGES:
        raise WorkerError(f"declares {pages} pages (limit {MAX_PAGES}): not a draft")
    if pages == 0:
        raise WorkerError("is a PDF with no pages")
    return pdf


def _reason(message: str) -> str:
    # PDFium's messages read "Failed to load document (PDFium: Data format error)."
    inner = message.split("PDFium:", 1)[-1].strip(" .)")
    return inner.lower() or "unknown error"


def extract(data: bytes) -> dict[str, object]:
    """Every page as positioned words: [text, x0, x1, baseline, size, style, joined].

    Coordinates are PDF points from the page's top-left corner. ``joined`` is 1
    when no space separates the word from the previous one (a style change, a
    superscript footnote mark)."""
    import pypdfium2.raw as raw

    pdf = _open(data)
    pages: list[dict[str, object]] = []
    total = 0
    for index in range(len(pdf)):
        try:
            page = pdf[index]
            width, height = page.get_size()
            textpage = page.get_textpage()
            n = textpage.count_chars()
            if n > MAX_PAGE_CHARS:
                raise WorkerError(f"page {index + 1} holds {n} characters "
                                  f"(limit {MAX_PAGE_CHARS}): not a draft")
            total += n
            if total > MAX_TOTAL_CHARS:
                raise WorkerError(f"holds more than {MAX_TOTAL_CHARS // (1024 * 1024)} million "
                                  "characters of text: too large for a draft")
            images = sum(1 for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2))
            words = _words(raw, textpage.raw, n, height)
            pages.append({"w": width, "h": height, "images": images, "chars": n, "words": words})
            textpage.close()
            page.close()
        except WorkerError:
            raise
        except Exception as exc:  # noqa: BLE001 - one broken page must not lose the others
            pages.append({"w": 0, "h": 0, "images": 0, "chars": 0, "words": [],
                          "error": _reason(str(exc)) or type(exc).__name__})
    return {"pages": pages}


def _words(raw: ModuleType, tp: Any, n: int, height: float) -> list[list[str | float]]:
    """Group characters into words; a new word at a space, a line break, or a
    change of font, size or baseline (so a superscript mark stands alone)."""
    # The text object only tells where a new run (font) starts: its address
    # as a plain int is all we need, and far cheaper than a ctypes cast per character.
    raw.FPDFText_GetTextObject.restype = ctypes.c_void_p
    x, y = ctypes.c_double(), ctypes.c_double()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    words: list[list[str | float]] = []
    chars: list[str] = []
    x0 = x1 = base = size = 0.0
    style = 0
    joined = 0
    last_obj = None
    obj_style = 0
    upright = True

    def flush(next_joined: int) -> None:
        nonlocal chars, joined
        if chars:
            words.append(["".join(chars), round(x0, 2), round(x1, 2), round(base, 2),
                          round(size, 2), style, joined])
        chars = []
        joined = next_joined

    for i in range(n):
        code = raw.FPDFText_GetUnicode(tp, i)
        ch = chr(code) if code < 0x110000 else "\ufffd"
        if ch in ("\r", "\n") or ch in _SPACES:
            flush(0)
            continue
        addr = raw.FPDFText_GetTextObject(tp, i)
        if addr != last_obj:
            last_obj = addr
            raw.FPDFText_GetFontInfo(tp, i, name, len(name), ctypes.byref(flags))
            font = name.value.decode("latin-1").lower()
            weight = raw.FPDFText_GetFontWeight(tp, i)
            obj_style = (BOLD if ("bold" in font or "black" in font or "heavy" in font
                                  or weight >= 600) else 0)
            obj_style |= ITALIC if ("italic" in font or "oblique" in font or flags.value & 64) else 0
            # Text set at an angle (a margin note, a vertical barcode number) is not body text.
            upright = abs(raw.FPDFText_GetCharAngle(tp, i)) < 0.05
        if not upright:
            flush(0)
            continue
        raw.FPDFText_GetCharOrigin(tp, i, x, y)
        raw.FPDFText_GetCharBox(tp, i, left, right, bottom, top)
        s = raw.FPDFText_GetFontSize(tp, i)
        b = height - y.value
        if chars and (obj_style != style or abs(s - size) > 0.3 or abs(b - base) > 0.12 * size
                      or left.value < x0 - 1.0):  # (a ligature's second letter shares its box)
            flush(1)
        if not chars:
            x0, base, size, style = left.value, b, s, obj_style
        x1 = max(right.value, x0)
        chars.append(ch)
    flush(0)
    return words


def render(data: bytes, index: int, width_px: int) -> tuple[dict[str, object], bytes]:
    """One page as RGB pixels ``width_px`` wide."""
    pdf = _open(data)
    if not 0 <= index < len(pdf):
        raise WorkerError(f"has no page {index + 1}")
    page = pdf[index]
    w, _h = page.get_size()
    bitmap = page.render(scale=max(0.05, min(4.0, width_px / max(w, 1.0))), rev_byteorder=True)
    header = {"width": bitmap.width, "height": bitmap.height, "stride": bitmap.stride,
              "format": bitmap.mode}
    return header, bytes(bitmap.buffer)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    memory, cpu = int(argv[0]), int(argv[1])
    command = argv[2:]
    set_limits(memory, cpu)
    data = sys.stdin.buffer.read()
    out = sys.stdout.buffer
    try:
        if command[0] == "extract":
            out.write(json.dumps(extract(data), separators=(",", ":")).encode())
        elif command[0] == "render":
            header, pixels = render(data, int(command[1]), int(command[2]))
            out.write(json.dumps(header).encode() + b"\n" + pixels)
        else:
            raise WorkerError(f"unknown command {command[0]!r}")
    except WorkerError as exc:
        out.write(json.dumps({"error": str(exc)}).encode())
        out.flush()
        return ERROR_STATUS
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
