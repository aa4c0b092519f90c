"""Read a text PDF into raw blocks, as ``docx_reader.read_docx`` reads a .docx.

PDFium (through pypdfium2) runs in a child process (``negotiator.text.pdf_worker``)
under a memory and CPU limit and a wall-clock timeout: a hostile or broken PDF
ends the child, never this process, and is refused in one line. The words it
returns are laid out into paragraphs by ``negotiator.text.pdf_layout``.

Scanned pages (images and no text) are reported, never guessed at.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from negotiator.domain.errors import InputError
from negotiator.text.parse import RawBlock
from negotiator.text.pdf_layout import layout
from negotiator.text.pdf_page import Page, Word

PDF_MAGIC = b"%PDF-"
# The child's address space: Python with PDFium needs about 30 MB; this
# leaves room for a 300-page document and stops compression bombs.
WORKER_MEMORY_BYTES = 1024 * 1024 * 1024
WORKER_CPU_SECONDS = 60
# A 50-page draft reads in well under a second; a file that takes this long
# is refused rather than left to freeze an import.
WORKER_TIMEOUT_SECONDS = 90
RENDER_WIDTH_PX = 900


@dataclass(frozen=True)
class PdfRead:
    blocks: list[RawBlock]
    pages: list[int]  # the page each block starts on (1-based)
    warnings: list[str]
    page_count: int


@dataclass(frozen=True)
class PageImage:
    """A rendered page: ``height`` rows of ``stride`` bytes, RGB."""

    width: int
    height: int
    stride: int
    pixels: bytes


def _run_worker(data: bytes, name: str, *command: str) -> bytes:
    env = dict(os.environ)
    # The child must import this package even from a source checkout.
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "negotiator.text.pdf_worker", str(WORKER_MEMORY_BYTES),
             str(WORKER_CPU_SECONDS), *command],
            input=data, capture_output=True, timeout=WORKER_TIMEOUT_SECONDS, env=env,
        )
    except subprocess.TimeoutExpired:
        raise InputError(name, f"took more than {WORKER_TIMEOUT_SECONDS} s to read: refused as "
                               "a damaged or hostile PDF") from None
    if proc.returncode == 3:
        try:
            message = json.loads(proc.stdout)["error"]
        except (ValueError, KeyError, TypeError):
            message = "cannot be read as a PDF"
        raise InputError(name, message)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace")
        if proc.returncode < 0 or "MemoryError" in err or "memory" in err.lower():
            raise InputError(name, f"exceeded the PDF reader's limits "
                                   f"({WORKER_MEMORY_BYTES // (1024 * 1024)} MB, "
                                   f"{WORKER_CPU_SECONDS} s): refused as a damaged or hostile PDF")
        if "ModuleNotFoundError" in err and "pypdfium2" in err:
            raise InputError(name, "is a PDF, and the PDF reader (pypdfium2) is not installed")
        last = err.strip().splitlines()[-1:] or ["unknown error"]
        raise InputError(name, f"cannot be read as a PDF ({last[0][:160]})")
    return proc.stdout


def read_pdf(data: bytes, name: str) -> PdfRead:
    """Read a PDF into raw blocks in reading order, with warnings for the user.

    Raises:
        InputError: encrypted, damaged, hostile or over the limits; or no page has text.
    """
    out = _run_worker(data, name, "extract")
    try:
        raw_pages = json.loads(out)["pages"]
    except (ValueError, KeyError, TypeError):
        raise InputError(name, "cannot be read as a PDF (the reader returned nothing)") from None
    warnings: list[str] = []
    pages: list[Page] = []
    scanned: list[int] = []
    for number, p in enumerate(raw_pages, start=1):
        if p.get("error"):
            warnings.append(f"page {number} could not be read ({p['error']}); it is left out")
        words = [Word(t, x0, x1, base, size, style, bool(joined))
                 for t, x0, x1, base, size, style, joined in p["words"]]
        if not words and p["images"]:
            scanned.append(number)
        pages.append(Page(number, p["w"], p["h"], words, p["images"], p["chars"]))
    if scanned:
        warnings.append(f"{_pages(scanned)} {'is an image' if len(scanned) == 1 else 'are images'} "
                        "with no text: OCR it first (nothing was read from "
                        f"{'it' if len(scanned) == 1 else 'them'})")
    if not any(p.words for p in pages):
        if scanned:
            raise InputError(name, "is a scanned PDF (pages are images with no text): "
                                   "OCR it first, then import the result")
        raise InputError(name, "contains no text")
    result = layout(pages)
    return PdfRead(result.blocks, result.pages, warnings, len(pages))


def _pages(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    if len(numbers) > 6:
        return f"pages {', '.join(map(str, numbers[:5]))} and {len(numbers) - 5} more"
    return f"pages {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"


def render_page(data: bytes, page: int, width_px: int = RENDER_WIDTH_PX, name: str = "PDF") -> PageImage:
    """Page ``page`` (1-based) as RGB pixels, for the import preview."""
    out = _run_worker(data, name, "render", str(page - 1), str(width_px))
    header, _, pixels = out.partition(b"\n")
    meta = json.loads(header)
    if meta.get("format") != "RGB":
        raise InputError(name, f"page {page} rendered in an unexpected format ({meta.get('format')})")
    return PageImage(meta["width"], meta["height"], meta["stride"], pixels)
