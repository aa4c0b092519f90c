"""A paragraph carrying our red line that the chair deleted: `negotiator positions`
lists it as deleted with its red line, and the brief's summary says so, in
English and French, instead of "No paragraph carrying one of our red lines
changed"."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from tests.conftest import store_with_drafts
from tests.export.brief_helpers import ok

NEG = "Cyber norms"
KEPT = "Welcoming the work of the Open-Ended Working Group,"
GONE = "Noting with concern the growing number of ransomware attacks against hospitals,"
D1 = f"""Draft resolution on cyber norms

{GONE}

{KEPT}

1. Decides to remain seized of the matter.
"""
D2 = f"""Draft resolution on cyber norms

{KEPT}

1. Decides to remain seized of the matter.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("deleted-red-line")
    db = work / "store.sqlite"
    store_with_drafts(db, NEG, {"D1": D1, "D2": D2})
    ok(db, "position", NEG, "D1", "PP 1", "--actor", "Belgium", "--stance", "support",
       "--red-line", "'ransomware'")
    return db


def summary(path: Path) -> list[str]:
    return [p.text.replace("\xa0", " ") for p in docx.Document(str(path)).paragraphs
            if p.style is not None and p.style.name == "List Bullet"]


@pytest.mark.parametrize(("language", "said", "not_said"), [
    ("en", "1 paragraph carrying our red line was deleted: PP 1 of D1.", "No paragraph carrying"),
    ("fr", "1 paragraphe portant notre ligne rouge a été supprimé : PP 1 de D1.", "Aucun paragraphe"),
])
def test_the_brief_says_a_paragraph_with_our_red_line_was_deleted(
        store: Path, tmp_path: Path, language: str, said: str, not_said: str) -> None:
    rows = json.loads(ok(store, "positions", NEG, "D2", "--json"))
    deleted = [r for r in rows if r["index"] is None]
    assert [p["state"] for r in deleted for p in r["positions"] if p["red_line_flag"]] == [
        "paragraph_deleted"]
    out = tmp_path / "brief.docx"
    ok(store, "brief", NEG, "--from", "D1", "--to", "D2", "-o", str(out), "--language", language)
    points = summary(out)
    assert said in points, points
    assert not any(p.startswith(not_said) for p in points), points
