"""Refresh the translation sources from the code, then compile them.

    python tools/update_translations.py            # after changing UI strings
    python tools/update_translations.py --new de   # start negotiator_de.ts

Runs Qt's lupdate over every module of ui/ into each
resources/translations/negotiator_*.ts (new strings come in unfinished,
strings gone from the code are dropped), then lrelease into the .qm beside
them. negotiator_en.ts holds only the "%n thing(s)" messages: English needs
its plural forms, nothing else. Translate in Qt Linguist:

    pyside6-linguist resources/translations/negotiator_fr.ts
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ui.translations import compile_translations  # noqa: E402

TRANSLATIONS = ROOT / "resources" / "translations"
LUPDATE = "from PySide6.scripts.pyside_tool import lupdate; lupdate()"
# -no-obsolete: a .ts holds what the code says, no more (git keeps the old wording; lupdate's
# same-text and similar-text heuristics still offer an old translation for a changed string).
# -locations relative: a line added to a module moves one location in the .ts, not all below.
OPTIONS = ["-no-obsolete", "-locations", "relative", "-silent"]


def ui_sources() -> list[str]:
    return [str(p) for p in sorted((ROOT / "ui").rglob("*.py"))]


def language(ts: Path) -> str:
    return ts.stem.removeprefix("negotiator_")


def refresh(ts: Path) -> None:
    """lupdate one .ts from ui/ (English keeps only the plural messages)."""
    extra = ["-pluralonly"] if language(ts) == "en" else []
    if not ts.exists():
        extra += ["-target-language", language(ts)]
    subprocess.run([sys.executable, "-c", LUPDATE, *ui_sources(), "-ts", str(ts), *OPTIONS, *extra], check=True)


def unfinished(ts: Path) -> list[str]:
    """Source texts of the messages still waiting for a translator."""
    return [m.findtext("source") or "" for m in ET.parse(ts).iter("message")
            if m.find("translation[@type='unfinished']") is not None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--new", metavar="LANG", help="start a translation, e.g. de or pt_BR")
    args = parser.parse_args(argv)
    files = sorted(TRANSLATIONS.glob("negotiator_*.ts"))
    if args.new:
        files.append(TRANSLATIONS / f"negotiator_{args.new}.ts")
    for ts in files:
        refresh(ts)
        waiting = unfinished(ts)
        print(f"{ts.relative_to(ROOT)}: {len(waiting)} unfinished" + "".join(f"\n    {s!r}" for s in waiting[:20]))
    compile_translations(TRANSLATIONS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
