"""The opening verb or participle of a resolution's paragraphs is set in
italics, as UN and OSCE texts print it ("*Recalling*", "*Calls upon*"); a
treaty article's paragraphs and a paragraph opening with an article or a
determiner get none ("The Centre shall ..." is not "*The* Centre shall").
Both files are written through the command line and read back from disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.docx_checks import NS, W, body, paragraph_text
from tests.export.brief_helpers import ok

DECISION = """Draft decision on early warning

Recalling its Decision No. 3/11 on elements of the conflict cycle,

1. Further encourages participating States to share early-warning data;

2. Calls upon the Secretariat to report annually;

3. The Chairmanship shall convene a review meeting in 2027.
"""

CHARTER = """Charter of the Regional Centre for Disaster Risk Reduction

Article 1. Establishment

1. The Centre is hereby established as an intergovernmental organization.

2. Decides nothing: this sentence opens with a verb but is an article's paragraph.

Article 2. Functions

The Centre shall support Members in reducing disaster risk.
"""


def _italic_openings(path: Path) -> dict[str, str]:
    """Each draft paragraph's text, by its first words, with what is in italics."""
    out = {}
    for p in body(path).findall(".//w:body/w:p", NS):
        if p.find("w:pPr/w:pStyle[@w:val='DraftText']", NS) is None:
            continue
        text = paragraph_text(p, accepted=False).split("\t", 1)[-1]
        italic = "".join(t.text or "" for r in p.findall("w:r", NS)
                         if r.find("w:rPr/w:i", NS) is not None for t in r.iter(f"{W}t"))
        out[" ".join(text.split()[:2])] = italic
    return out


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    work = tmp_path_factory.mktemp("italics")
    db = work / "store.sqlite"
    files = {}
    amended = {"Early warning": ("2", "Replace 'annually' with 'every year'"),
               "Charter": ("Art. 1(1)", "Replace 'hereby' with 'thereby'")}
    for name, text in (("Early warning", DECISION), ("Charter", CHARTER)):
        src = work / f"{name}.txt"
        src.write_text(text, encoding="utf-8")
        ok(db, "new", name, "--forum", "OSCE Permanent Council", "--delegation", "Belgium")
        ok(db, "import", name, str(src), "--label", "Rev.1")
        ref, amendment = amended[name]
        ok(db, "position", name, "Rev.1", ref, "--actor", "Belgium",
           "--stance", "support_with_amendments", "--amendment", amendment)
        out = work / f"{name}.docx"
        ok(db, "amendments", name, "Rev.1", "--actor", "Belgium", "-o", str(out))
        files[name] = _italic_openings(out)
    return files


def test_a_resolutions_opening_verbs_and_participles_are_in_italics(written) -> None:  # type: ignore[no-untyped-def]
    decision = written["Early warning"]
    assert decision["Recalling its"] == "Recalling"
    assert decision["Further encourages"] == "Further encourages"
    assert decision["Calls upon"] == "Calls upon"


def test_a_paragraph_opening_with_an_article_has_no_italics(written) -> None:  # type: ignore[no-untyped-def]
    assert written["Early warning"]["The Chairmanship"] == ""


def test_a_treaty_articles_paragraphs_have_no_italics(written) -> None:  # type: ignore[no-untyped-def]
    charter = written["Charter"]
    assert charter["The Centre"] == ""
    assert charter["Decides nothing:"] == ""
    assert set(charter.values()) == {""}
