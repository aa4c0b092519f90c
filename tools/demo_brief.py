"""Write the demo negotiation's brief and amendments, and render the brief's pages.

Usage: python tools/demo_brief.py [OUTDIR]   (default /tmp/brief-png)

Loads the demo negotiation (drafts, positions, notes, statuses: exactly what
`negotiator demo` loads) into a throwaway store, writes the Rev.1 -> Rev.2 brief and Belgium's amendments to Rev.2, converts the
brief to PDF with LibreOffice and its pages to PNG (pdftoppm) for a look.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


from negotiator import demo
from negotiator.drafts import negotiations
from negotiator.export.amendments import write_amendments  # noqa: E402
from negotiator.export.brief import write_brief  # noqa: E402
from negotiator.storage.store import Store  # noqa: E402

RESOLUTION_DPI = 70


def build(outdir: Path) -> Path:
    work = Path(tempfile.mkdtemp(prefix="negotiator-demo-brief-"))
    store = Store.open(work / "demo.sqlite")
    try:
        neg_id = demo.load_demo(store).negotiation_id
        outdir.mkdir(parents=True, exist_ok=True)
        brief = outdir / "demo-brief.docx"
        with store.transaction() as s:
            neg = negotiations.find_negotiation(s, neg_id)
            a, b = negotiations.find_draft(s, neg, "Rev.1"), negotiations.find_draft(s, neg, "Rev.2")
            result = write_brief(s, neg, a, b, brief, classification="RESTRICTED",
                                 author="Permanent Representation of Belgium to the OSCE, Vienna")
            print(f"brief: {result['paragraphs']} paragraphs, {result['revisions']} tracked "
                  f"changes, {result['comments']} comments -> {brief}")
            amend = write_amendments(s, neg, negotiations.find_draft(s, neg, "Zero draft"), "Belgium",
                                     outdir / "demo-amendments.docx")
            print(f"amendments: {amend['amended']} tracked, {amend['commented']} as comments "
                  f"-> {amend['path']}")
            for outcome in amend["outcomes"]:
                print(f"  {outcome.line()}")
    finally:
        store.close()
        shutil.rmtree(work, ignore_errors=True)
    return brief


def render(docx_path: Path, outdir: Path) -> list[Path]:
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
                        "--convert-to", "pdf", "--outdir", str(outdir), str(docx_path)],
                       check=True, capture_output=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = outdir / (docx_path.stem + ".pdf")
    if not pdf.exists():
        raise SystemExit(f"LibreOffice did not convert {docx_path}")
    for old in outdir.glob(f"{docx_path.stem}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUTION_DPI), str(pdf),
                    str(outdir / docx_path.stem)], check=True)
    return sorted(outdir.glob(f"{docx_path.stem}-*.png"))


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/brief-png")
    pages = render(build(out), out)
    print("\n".join(str(p) for p in pages))
