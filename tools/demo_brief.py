"""Write the demo negotiation's brief and amendments, and render the brief's pages.

Usage: python tools/demo_brief.py [OUTDIR]   (default /tmp/brief-png)

Loads the demo negotiation into a throwaway store, takes the demo positions
(resources/demo/demo.json) on the drafts they were written on, adds two notes,
writes the Rev.1 -> Rev.2 brief and Belgium's amendments to Rev.2, converts the
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

from sqlalchemy import select  # noqa: E402

from negotiator import demo
from negotiator.drafts import negotiations
from negotiator.positions import core as positions  # noqa: E402
from negotiator.export.amendments import write_amendments  # noqa: E402
from negotiator.export.brief import write_brief  # noqa: E402
from negotiator.storage.models import Paragraph  # noqa: E402
from negotiator.storage.store import Store  # noqa: E402

RESOLUTION_DPI = 70
NOTES = {
    ("Rev.1", 20): ("Capital (Cyber Desk): notification of incidents is our priority; "
                    "coordinate with NL and EE before the next round.", "Cyber Desk"),
    ("Rev.1", 16): ("Talk to the Swiss delegation: they may co-sponsor the reference to "
                    "national doctrines.", "J. Peeters"),
}


def build(outdir: Path) -> Path:
    work = Path(tempfile.mkdtemp(prefix="negotiator-demo-brief-"))
    store = Store.open(work / "demo.sqlite")
    try:
        neg_id = demo.load_demo(store)
        meta = demo.demo_metadata()
        with store.transaction() as s:
            neg = negotiations.find_negotiation(s, neg_id)
            has_positions = bool(positions.draft_positions(s, neg, negotiations.find_draft(s, neg, "Rev.2"))
                                 and any(r["positions"] for r in positions.draft_positions(
                                     s, neg, negotiations.find_draft(s, neg, "Rev.2"))))
            for p in ([] if has_positions else meta["positions"]):
                draft = negotiations.find_draft(s, neg, p["draft"])
                pid = s.scalar(select(Paragraph.id).where(Paragraph.draft_id == draft.id,
                                                          Paragraph.ordinal == p["index"]))
                values = {k: p[k] for k in ("amendment", "rationale", "red_line", "fallback",
                                            "priority") if p.get(k)}
                values["stance"] = p["stance"].replace(" ", "_")
                positions.set_position(s, pid, p["actor"], values, author="demo")
            for (label, index), (text, author) in NOTES.items():
                draft = negotiations.find_draft(s, neg, label)
                pid = s.scalar(select(Paragraph.id).where(Paragraph.draft_id == draft.id,
                                                          Paragraph.ordinal == index))
                positions.add_note(s, pid, text, author=author)
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
