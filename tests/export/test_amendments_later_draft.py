"""The amendments file made on a later draft, against what `negotiator signals`
says of the same store: an amendment the chair took up word for word is not
sent again, and a position a merge superseded (not `primary`) proposes nothing,
neither in the file nor in the uptake `signals` and the brief count."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from tests.conftest import store_with_drafts
from tests.export.brief_helpers import ok

NEG = "Cyber norms"
D1 = """Draft resolution on cyber norms

1. Urges all States to refrain from conducting ICT activity that damages critical infrastructure;

2. Calls upon States to protect the public core of the internet;

3. Encourages States to share [best practices] [lessons learned] on vulnerability disclosure;
"""
# OP 1 and OP 2 merged; OP 3 reads as Belgium proposed.
D2 = """Draft resolution on cyber norms

1. Urges all States to refrain from conducting ICT activity that damages critical infrastructure, and calls upon States to protect the public core of the internet;

2. Encourages States to share best practices on vulnerability disclosure;
"""
ADOPTED = "Encourages States to share best practices on vulnerability disclosure;"
SUPERSEDED = "Urges all States to refrain from any ICT activity that damages critical infrastructure;"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("later-draft")
    db = work / "store.sqlite"
    store_with_drafts(db, NEG, {"D1": D1, "D2": D2})
    ok(db, "position", NEG, "D1", "OP 3", "--actor", "Belgium", "--stance",
       "support_with_amendments", "--amendment", ADOPTED)
    ok(db, "position", NEG, "D1", "OP 1", "--actor", "Belgium", "--stance",
       "support_with_amendments", "--amendment", SUPERSEDED)
    # taken later: this one speaks for Belgium on the merged paragraph
    ok(db, "position", NEG, "D1", "OP 2", "--actor", "Belgium", "--stance", "oppose")
    return db


def comments(path: Path) -> list[str]:
    return [c.text for c in docx.Document(str(path)).comments]


def test_an_amendment_the_chair_took_up_is_not_proposed_again(store: Path, tmp_path: Path) -> None:
    signals = json.loads(ok(store, "signals", NEG, "D2", "--json"))
    assert [(u["reference"], u["result"]) for u in signals["uptake"]] == [("OP 2", "adopted")]
    positions = json.loads(ok(store, "positions", NEG, "D2", "--json"))
    merged = next(r for r in positions if r["reference"] == "OP 1")
    assert sorted((p["stance"], p["primary"]) for p in merged["positions"]) == [
        ("oppose", True), ("support_with_amendments", False)]

    out = tmp_path / "amendments.docx"
    said = ok(store, "amendments", NEG, "D2", "--actor", "Belgium", "-o", str(out))
    assert "OP 2: already in the text" in said, said
    assert "OP 1:" not in said, said  # Belgium now opposes OP 1; the superseded amendment stays home
    written = "\n".join(comments(out))
    assert ADOPTED not in written and SUPERSEDED not in written, written
    assert "0 tracked changes" in said and "as comments" not in said, said
