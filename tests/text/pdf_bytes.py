"""PDFs written byte by byte: the smallest files that exercise one behaviour
(a text page, an image-only page, a page tree or form that loops, a bomb)."""

from __future__ import annotations

import zlib

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def make_pdf(objects: list[bytes], *, root: int = 1, broken_xref: bool = False) -> bytes:
    """Objects numbered from 1 in order; a correct xref table unless asked otherwise."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % (off + 7 if broken_xref else off)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref + (13 if broken_xref else 0))
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", *, deflate: bool = False) -> bytes:
    if deflate:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_page_content(lines: list[str]) -> bytes:
    ops = [b"BT /F1 12 Tf 14 TL 72 760 Td"]
    for line in lines:
        ops.append(b"(" + line.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def text_pdf(lines: list[str], *, broken_xref: bool = False) -> bytes:
    """One page of Helvetica text, one line per string."""
    return make_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(text_page_content(lines)),
        FONT,
    ], broken_xref=broken_xref)


def image_page_objects(first: int) -> tuple[bytes, list[bytes]]:
    """A page that only draws a grey 8x8 image (a scan), as objects numbered from ``first``."""
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /XObject << /Im1 %d 0 R >> >> >>" % (first + 1, first + 2))
    content = stream(b"q 500 0 0 700 40 70 cm /Im1 Do Q")
    image = stream(bytes([128]) * 64, b" /Type /XObject /Subtype /Image /Width 8 /Height 8 "
                                      b"/ColorSpace /DeviceGray /BitsPerComponent 8")
    return page, [page, content, image]


def text_and_scan_pdf(lines: list[str]) -> bytes:
    """Page 1 text, page 2 an image only."""
    _page, image_objs = image_page_objects(6)
    return make_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(text_page_content(lines)),
        FONT,
        *image_objs,
    ])


def scan_only_pdf() -> bytes:
    _page, image_objs = image_page_objects(3)
    return make_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        *image_objs,
    ])


def many_pages_pdf(pages: int) -> bytes:
    """``pages`` page entries, all the same tiny page object: a few KB on disk."""
    kids = b" ".join(b"3 0 R" for _ in range(pages))
    return make_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(text_page_content(["Decides to remain seized of the matter."])),
        FONT,
    ])


def page_tree_loop_pdf() -> bytes:
    """A page tree whose node lists itself among its kids."""
    return make_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 2 0 R] /Count 2 >>",
    ])


def form_recursion_pdf() -> bytes:
    """A form XObject that draws itself (and text, so a reader that recursed
    without a limit would never finish)."""
    form = stream(b"BT /F1 12 Tf 72 700 Td (Loop) Tj ET /X1 Do",
                  b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                  b"/Resources << /XObject << /X1 6 0 R >> /Font << /F1 5 0 R >> >>")
    return make_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /X1 6 0 R >> /Font << /F1 5 0 R >> >> >>",
        stream(b"/X1 Do"),
        FONT,
        form,
    ])


def text_bomb_pdf(repeats: int = 3000) -> bytes:
    """A page whose (compressed, small) content shows far more text than any draft page."""
    line = b"(" + b"[shall] " * 60 + b") Tj T* "
    content = b"BT /F1 1 Tf 1 TL 0 800 Td " + line * repeats + b"ET"
    return make_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content, deflate=True),
        FONT,
    ])


def flate_bomb_pdf(megabytes: int) -> bytes:
    """A content stream that inflates to ``megabytes`` MB of zeros from about
    ``megabytes`` KB (nested: Flate over Flate, so it stays small on disk)."""
    inner = zlib.compressobj(1)
    chunk = bytes(1024 * 1024)
    parts = [inner.compress(chunk) for _ in range(megabytes)]
    parts.append(inner.flush())
    once = b"".join(parts)
    twice = zlib.compress(once, 9)
    content = b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(twice) + twice + \
        b"\nendstream"
    return make_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        content,
        FONT,
    ])
