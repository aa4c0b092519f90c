"""Reading generated Word files back: XML checks and LibreOffice conversion.

Shared by the docx_writer and brief tests. Everything reads the real file from
disk (python-docx, lxml, zipfile, soffice, pdftotext).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}
W = f"{{{W_NS}}}"
SOFFICE_TIMEOUT_S = 120
# Word refuses a document whose XML holds these (XML 1.0 forbids them).
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def parts(path: Path) -> dict[str, etree._Element]:
    """Every XML part of a .docx, parsed (raises if any part is not well-formed)."""
    out = {}
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                data = zf.read(name)
                assert not _XML_FORBIDDEN.search(data.decode("utf-8")), name
                out[name] = etree.fromstring(data)
    return out


def body(path: Path) -> etree._Element:
    return parts(path)["word/document.xml"]


def paragraph_text(p: etree._Element, *, accepted: bool = True) -> str:
    """A paragraph's text with changes accepted (w:t incl. inside w:ins) or
    rejected (w:t outside w:ins, plus w:delText). Zero-width spaces dropped."""
    pieces = []
    for el in p.iter(f"{W}t", f"{W}delText", f"{W}tab", f"{W}br"):
        in_ins = any(a.tag == f"{W}ins" for a in el.iterancestors())
        if el.tag == f"{W}t":
            if accepted or not in_ins:
                pieces.append(el.text or "")
        elif el.tag == f"{W}delText":
            if not accepted:
                pieces.append(el.text or "")
        elif el.tag == f"{W}tab":
            pieces.append("\t")
        else:
            pieces.append("\n")
    return "".join(pieces).replace("\u200b", "")


def check_well_formed_revisions(path: Path) -> dict[str, int]:
    """What Word checks when it opens tracked changes and comments; returns counts.

    - every w:ins / w:del has w:id, w:author and w:date, ids are unique across
      revisions and comments;
    - w:del holds deleted text only in w:delText, w:ins never holds w:delText;
    - every comment reference has its comment, its range start and range end.
    """
    xml = parts(path)
    doc = xml["word/document.xml"]
    revisions = doc.findall(".//w:ins", NS) + doc.findall(".//w:del", NS)
    ids = []
    for rev in revisions:
        for attr in ("id", "author", "date"):
            assert rev.get(f"{W}{attr}"), f"{rev.tag} lacks w:{attr}"
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", rev.get(f"{W}date"))
        ids.append(rev.get(f"{W}id"))
    for d in doc.findall(".//w:del", NS):
        assert not d.findall(".//w:t", NS), "w:t inside w:del"
    for i in doc.findall(".//w:ins", NS):
        assert not i.findall(".//w:delText", NS), "w:delText inside w:ins"
    refs = [e.get(f"{W}id") for e in doc.findall(".//w:commentReference", NS)]
    starts = {e.get(f"{W}id") for e in doc.findall(".//w:commentRangeStart", NS)}
    ends = {e.get(f"{W}id") for e in doc.findall(".//w:commentRangeEnd", NS)}
    comments = xml.get("word/comments.xml")
    known = {c.get(f"{W}id") for c in comments.findall("w:comment", NS)} if comments is not None else set()
    for ref in refs:
        assert ref in starts and ref in ends and ref in known, f"comment {ref} is dangling"
    duplicates = [k for k, n in Counter(ids + refs).items() if n > 1]
    assert not duplicates, f"annotation ids used twice: {duplicates[:5]}"
    return {"ins": len(doc.findall(".//w:ins", NS)), "del": len(doc.findall(".//w:del", NS)),
            "comments": len(refs)}


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed on this machine; .ci/run installs it")
    return exe


def convert(docx_path: Path, work: Path, target: str, suffix: str) -> Path:
    """Convert with LibreOffice headless in its own profile; fail if nothing came
    out (soffice exits 0 even when it could not load the file)."""
    return convert_all([docx_path], work, target, suffix)[docx_path]


def convert_all(sources: list[Path], work: Path, target: str, suffix: str) -> dict[Path, Path]:
    """``convert`` for several files (distinct names) in one LibreOffice run: its
    start-up (~1.5 s) is most of the cost of a conversion."""
    assert len({source.stem for source in sources}) == len(sources), "one output per name"
    exe = soffice()
    profile = work / "lo-profile"
    outdir = work / f"lo-{suffix}"
    outdir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [exe, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
         "--convert-to", target, "--outdir", str(outdir), *map(str, sources)],
        capture_output=True, timeout=SOFFICE_TIMEOUT_S,
    )
    converted = {}
    for source in sources:
        out = outdir / f"{source.stem}.{suffix}"
        assert out.exists() and out.stat().st_size > 0, (
            f"LibreOffice did not convert {source.name}: {proc.stderr.decode(errors='replace')}"
        )
        converted[source] = out
    return converted


def libreoffice_view(docx_path: Path, work: Path) -> tuple[list[str], int]:
    """What LibreOffice understood: the texts of the comments it loaded and the
    number of tracked changes (read from its own ODF re-save)."""
    odt = convert(docx_path, work, "odt", "odt")
    with zipfile.ZipFile(odt) as zf:
        content = etree.fromstring(zf.read("content.xml"))
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    comments = [
        "\n".join("".join(p.itertext()) for p in a.iter(f"{{{text_ns}}}p"))
        for a in content.iter(f"{{{office}}}annotation")
    ]
    changes = len(list(content.iter(f"{{{text_ns}}}changed-region")))
    return comments, changes


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed on this machine")
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def pdf_pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))  # type: ignore[union-attr]
