"""Write the demo negotiation's brief and amendments, and render the brief's pages.

Usage: python tools/demo_brief.py [OUTDIR] [--language en|fr] [--reference TEXT]
       (OUTDIR defaults to /tmp/brief-png; the French files are demo-brief-fr.docx and
       demo-amendments-fr.docx)

Loads the demo negotiation (drafts, positions, notes, statuses: exactly what
`negotiator demo` loads) into a throwaway store, writes the Rev.1 -> Rev.2
brief and Belgium's amendments to the zero draft (in the same language), converts the brief to PDF with
LibreOffice and its pages to PNG (pdftoppm) for a look.
"""

from __future__ import annotations

import argparse
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
# What a delegation would put on the cover, per language.
AUTHORS = {"en": "Permanent Representation of Belgium to the OSCE, Vienna",
           "fr": "Représentation permanente de la Belgique auprès de l'OSCE, Vienne"}
REFERENCES = {"en": "Informal Working Group, meeting of 24 March 2026",
              "fr": "Groupe de travail informel, réunion du 24 mars 2026"}


def build(outdir: Path, language: str = "en", reference: str | None = None) -> Path:
    work = Path(tempfile.mkdtemp(prefix="negotiator-demo-brief-"))
    store = Store.open(work / "demo.sqlite")
    try:
        neg_id = demo.load_demo(store).negotiation_id
        outdir.mkdir(parents=True, exist_ok=True)
        brief = outdir / ("demo-brief.docx" if language == "en" else f"demo-brief-{language}.docx")
        with store.transaction() as s:
            neg = negotiations.find_negotiation(s, neg_id)
            a, b = negotiations.find_draft(s, neg, "Rev.1"), negotiations.find_draft(s, neg, "Rev.2")
            result = write_brief(s, neg, a, b, brief, classification="RESTRICTED",
                                 author=AUTHORS[language], language=language,
                                 reference=reference if reference is not None else REFERENCES[language])
            print(f"brief: {result['paragraphs']} paragraphs, {result['revisions']} tracked "
                  f"changes, {result['comments']} comments -> {brief}")
            amendments = outdir / ("demo-amendments.docx" if language == "en"
                                   else f"demo-amendments-{language}.docx")
            amend = write_amendments(s, neg, negotiations.find_draft(s, neg, "Zero draft"), "Belgium",
                                     amendments, language=language)
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
    for old in outdir.glob(f"{docx_path.stem}-[0-9]*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUTION_DPI), str(pdf),
                    str(outdir / docx_path.stem)], check=True)
    return sorted(outdir.glob(f"{docx_path.stem}-[0-9]*.png"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Write and render the demo brief.")
    parser.add_argument("outdir", nargs="?", default="/tmp/brief-png")
    parser.add_argument("--language", choices=("en", "fr"), default="en")
    parser.add_argument("--reference", help="meeting or file printed on the cover")
    args = parser.parse_args()
    out = Path(args.outdir)
    pages = render(build(out, args.language, args.reference), out)
    print("\n".join(str(p) for p in pages))
