"""The amendments file on a draft that split the paragraph an amendment was
proposed on, against what `negotiator signals` says of the same store.

A position on a split paragraph stands on each part; the chair should read the
amendment once, on the part it is about, with a note naming the others, and the
file must not call "already in the text" what `signals` (and the brief) count as
not reflected: taken up or not is said of the whole split, not of one part."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from tests.conftest import store_with_drafts
from tests.docx_checks import NS, W, body, paragraph_text
from tests.export.brief_helpers import ok

NEG = "Cyber norms"
D1 = """Draft resolution on cyber norms

1. Urges all States to refrain from conducting ICT activity that damages critical infrastructure;

2. Calls upon States to protect the general availability and integrity of the public core of the internet[, and to share best practices on coordinated vulnerability disclosure with the private sector];

3. Requests the Secretary-General to report on the implementation of this resolution.
"""
# OP 2 split in two: its bracketed words became a paragraph of their own.
D2 = """Draft resolution on cyber norms

1. Urges all States to refrain from conducting ICT activity that damages critical infrastructure;

2. Calls upon States to protect the general availability and integrity of the public core of the internet;

3. Encourages States to share best practices on coordinated vulnerability disclosure with the private sector;

4. Requests the Secretary-General to report on the implementation of this resolution.
"""
# Its words are in D2 still (in OP 3): not taken up, whatever OP 2 alone reads.
DELETE = "Delete '[, and to share best practices on coordinated vulnerability disclosure with the private sector]'"
# Its words are in OP 3 of D2 only.
REPLACE = "Replace 'coordinated vulnerability disclosure' with 'responsible reporting of ICT vulnerabilities'"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("split") / "store.sqlite"
    store_with_drafts(db, NEG, {"D1": D1, "D2": D2})
    for actor, amendment in (("Belgium", DELETE), ("Germany", REPLACE)):
        ok(db, "position", NEG, "D1", "OP 2", "--actor", actor, "--stance",
           "support_with_amendments", "--amendment", amendment)
    return db


def commented(path: Path) -> dict[str, list[str]]:
    """Each comment's text (no-break spaces as spaces) by the number of the draft
    paragraph it is attached to."""
    texts = {c.comment_id: c.text.replace("\u00a0", " ") for c in docx.Document(str(path)).comments}
    out: dict[str, list[str]] = {}
    for p in body(path).iter(f"{W}p"):
        for start in p.findall("w:commentRangeStart", NS):
            number = paragraph_text(p).split()[0]
            out.setdefault(number, []).append(texts[int(start.get(f"{W}id"))])
    return out


def test_uptake_of_a_split_paragraph_is_the_one_signals_reports(store: Path, tmp_path: Path) -> None:
    signals = json.loads(ok(store, "signals", NEG, "D2", "--json"))
    said_by_signals = {u["actor"]: u["result"] for u in signals["uptake"]}
    assert said_by_signals["Belgium"] == "not_reflected"
    out = tmp_path / "belgium.docx"
    said = ok(store, "amendments", NEG, "D2", "--actor", "Belgium", "-o", str(out))
    assert "already in the text" not in said, said
    assert [line.split(":")[0] for line in said.splitlines()[:-1]] == ["OP 2"], said
    # once, on the first part (its words are in neither), naming the other part
    comments = commented(out)
    assert list(comments) == ["2."], comments
    assert DELETE in comments["2."][0] and "OP 2 of D1" in comments["2."][0], comments
    assert "OP 2 and OP 3 of D2" in comments["2."][0], comments


def test_a_split_amendment_is_written_once_on_the_part_it_is_about(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "germany.docx"
    said = ok(store, "amendments", NEG, "D2", "--actor", "Germany", "-o", str(out))
    assert [line.split(":")[0] for line in said.splitlines()[:-1]] == ["OP 3"], said
    assert said.splitlines()[-1].endswith("0 tracked changes, 1 as a comment"), said
    comments = commented(out)
    assert list(comments) == ["3."], comments
    assert REPLACE in comments["3."][0], comments
    assert "OP 2 and OP 3 of D2" in comments["3."][0], comments


def test_the_amendments_file_speaks_the_language_asked_for(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "germany-fr.docx"
    ok(store, "amendments", NEG, "D2", "--actor", "Germany", "-o", str(out), "--language", "fr")
    document = docx.Document(str(out))
    texts = [p.text.replace("\u00a0", " ") for p in document.paragraphs]
    assert "Amendements proposés par Germany au projet D2" in texts, texts
    assert ("Les amendements proposés figurent en commentaires sur le texte de D2 ; "
            "la numérotation est celle de D2.") in texts, texts
    assert document.core_properties.title == "Amendements proposés par Germany au projet D2"
    assert commented(out) == {"3.": [f"Amendement proposé par Germany : {REPLACE}\n"
                                     "Proposé sur OP 2 de D1, scindé depuis en OP 2 et OP 3 de D2."]}
