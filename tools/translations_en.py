"""English plural forms of the desktop client: "1 paragraph", "34 paragraphs"
rather than "34 paragraph(s)". Qt's way: the source strings say "%n paragraph(s)"
and an English translation holding only the plural messages gives both forms.

Run after changing UI strings (with tools/translations_fr.py):
    python tools/translations_en.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "negotiator_en.ts"
QM = TS.with_suffix(".qm")

# "paragraph(s)" -> "paragraph" / "paragraphs"; "status(es)" -> "status" / "statuses".
PLURAL = re.compile(r"\((e?s)\)")


def forms(source: str) -> tuple[str, str]:
    """Singular and plural of a "%n thing(s)" message."""
    return PLURAL.sub("", source), PLURAL.sub(r"\1", source)


def main() -> int:
    bin_dir = Path(sys.executable).parent
    sources = [str(p) for p in sorted((ROOT / "ui").rglob("*.py"))]
    subprocess.run([str(bin_dir / "pyside6-lupdate"), *sources, "-ts", str(TS), "-pluralonly",
                    "-no-obsolete", "-target-language", "en", "-silent"], check=True)
    tree = ET.parse(TS)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        for form in forms(source):
            ET.SubElement(translation, "numerusform").text = form
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(bin_dir / "pyside6-lrelease"), str(TS), "-qm", str(QM), "-silent"], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
