"""PDF import benchmark: a 50-page and a 300-page chair's draft printed to PDF
by LibreOffice, read into paragraphs; `pdftotext -layout` on the same files as
the peer (text only: no paragraphs, numbers or footnotes).

Run: python bench/bench_pdf.py   (needs LibreOffice and poppler-utils)
The PDFs are generated once and cached in $TMPDIR/negotiator-bench-pdf.

Each measurement runs in a fresh child process, so that peak memory is that
tool's alone: resident set size (ru_maxrss) of the process and, for
Negotiator, of the PDFium worker it starts.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import table  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "negotiator-bench-pdf"
# chairs_draft fills a page with about 4 numbered paragraphs (and their parts).
PARAGRAPHS_PER_PAGE = 4.2
REPEAT = 3


def make_pdf(pages: int) -> Path:
    from tests.text.pdf_fixtures import chairs_draft

    CACHE.mkdir(exist_ok=True)
    pdf = CACHE / f"draft-{pages}p.pdf"
    if pdf.exists():
        return pdf
    source = CACHE / f"draft-{pages}p.docx"
    source.write_bytes(chairs_draft(int(pages * PARAGRAPHS_PER_PAGE), two_columns=True))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
                        "--convert-to", "pdf", "--outdir", str(CACHE), str(source)],
                       capture_output=True, timeout=600, check=False)
    if not pdf.exists():
        sys.exit(f"LibreOffice did not convert {source}")
    return pdf


def one(tool: str, path: str) -> None:
    """In a child: run one tool REPEAT times, print its best time and peak memory."""
    best = float("inf")
    extra = ""
    for _ in range(REPEAT):
        start = time.perf_counter()
        if tool == "negotiator":
            from negotiator.text.importer import read_file

            parsed = read_file(path)
            extra = (f"{len(parsed.paragraphs)} paragraphs, "
                     f"{sum(len(p.footnotes) for p in parsed.paragraphs)} footnotes")
        else:
            out = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, check=True).stdout
            extra = f"{len(out.splitlines())} lines of text"
        best = min(best, time.perf_counter() - start)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"time": best, "own": own, "child": child, "extra": extra}))


def pages_of(pdf: Path) -> int:
    import pypdfium2

    return len(pypdfium2.PdfDocument(str(pdf)))


def main() -> None:
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        sys.exit("needs LibreOffice (soffice) and poppler-utils (pdftotext)")
    rows = []
    for pages in (50, 300):
        pdf = make_pdf(pages)
        real = pages_of(pdf)
        for tool in ("negotiator", "pdftotext -layout"):
            out = subprocess.run([sys.executable, __file__, "--one", tool.split()[0], str(pdf)],
                                 capture_output=True, text=True, check=True, cwd=ROOT).stdout
            m = json.loads(out)
            rows.append((real, tool, f"{m['time']:.2f}", f"{m['own']:.0f}", f"{m['child']:.0f}", m["extra"]))
    print(table(("pages", "tool", "best s", "peak RSS MB", "child RSS MB", "result"), rows))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        one(sys.argv[2], sys.argv[3])
    else:
        main()
