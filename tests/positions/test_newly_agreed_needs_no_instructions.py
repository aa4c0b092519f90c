"""A paragraph whose last brackets a draft removed is newly agreed: no face
also says it is "not yet agreed" and needs instructions. `negotiator signals`,
the window's flags (the read model its table shows) and the brief, on one store."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from tests.conftest import store_with_drafts
from tests.docx_checks import W, body, paragraph_text
from tests.export.brief_helpers import ok
from tests.positions.window_flags import flagged_no_instructions

NEG = "Cyber norms"
D1 = """Draft resolution on cyber norms

1. Urges all States to refrain from conducting ICT activity that damages critical infrastructure;

2. Calls upon States to [protect][respect] the public core of the internet;

3. Requests the Secretary-General to report on the implementation of this resolution.
"""
# OP 2 agreed: its brackets are gone; OP 3 changed, and is not agreed.
D2 = """Draft resolution on cyber norms

1. Urges all States to refrain from conducting ICT activity that damages critical infrastructure;

2. Calls upon States to protect the public core of the internet;

3. Requests the Secretary-General to report [annually] on the implementation of this resolution.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("agreed") / "store.sqlite"
    store_with_drafts(db, NEG, {"D1": D1, "D2": D2})
    ok(db, "position", NEG, "D1", "OP 1", "--actor", "Belgium", "--stance", "support")
    return db


def test_signals_do_not_ask_instructions_for_newly_agreed_text(store: Path) -> None:
    said = json.loads(ok(store, "signals", NEG, "D2", "--json"))
    named = said["references"]
    assert [named[str(i)] for i in said["newly_agreed"]] == ["OP 2"]
    assert [named[str(i)] for i in said["no_instructions"]] == ["OP 3"], said


def test_the_window_flags_what_signals_say(store: Path) -> None:
    said = json.loads(ok(store, "signals", NEG, "D2", "--json"))
    assert flagged_no_instructions(store, NEG, "D2") == set(said["no_instructions"])


def test_the_brief_never_marks_a_paragraph_both_agreed_and_needing_instructions(
        store: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.docx"
    ok(store, "brief", NEG, "--from", "D1", "--to", "D2", "-o", str(out))
    # each paragraph's label line: "OP 2   modified   NEWLY AGREED"
    labels = {" ".join(t.split()[:2]): t for t in (paragraph_text(p) for p in body(out).iter(f"{W}p"))
              if "modified" in t.split("   ")[1:2]}
    assert "NEWLY AGREED" in labels["OP 2"] and "NEEDS INSTRUCTIONS" not in labels["OP 2"], labels
    assert "NEEDS INSTRUCTIONS" in labels["OP 3"], labels
    summary = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "1 paragraph of D2 not yet agreed has no national position; it changed and needs " \
           "instructions." in summary, summary
