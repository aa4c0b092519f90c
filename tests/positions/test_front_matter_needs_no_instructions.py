"""The lines an issued text carries above its title (symbol and date, the
committee and session, the chair's note) are not negotiated: no face asks for
instructions on them, even when the new draft rewrote them, and what changed
there is no change of obligation or meaning. `negotiator signals`, `diff`, the
window's flags and the brief, on one store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from negotiator.text.importer import read_bytes
from negotiator.text.parse import front_matter
from tests.conftest import store_with_drafts
from tests.docx_checks import W, body, paragraph_text
from tests.export.brief_helpers import ok, table_after
from tests.positions.window_flags import flagged_no_instructions

NEG = "Centre charter"
HEAD = """PREPCOM/DRR/2027/CRP.{n}
{date}

Preparatory Committee on the Regional Centre for Disaster Risk Reduction
{session} session

Note by the Chair: {note}

Draft Charter of the Regional Centre for Disaster Risk Reduction

Article 1. Functions
"""
D1 = HEAD.format(n=1, date="14 January 2027", session="Second",
                 note="This compilation brings together the proposals received by 15 December 2026.") + """
1. The Centre shall support Members in reducing disaster risk.

2. The Centre shall [maintain][establish] a regional early-warning platform.
"""
D2 = HEAD.format(n=2, date="9 April 2027", session="Third",
                 note="The present text draws on the consultations held in February and March 2027.") + """
1. The Centre may support Members in reducing disaster risk and in recovering from disasters.

2. The Centre shall [maintain][establish] a regional early-warning platform.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("front-matter") / "store.sqlite"
    store_with_drafts(db, NEG, {"CRP.1": D1, "CRP.2": D2})
    ok(db, "position", NEG, "CRP.1", "Art. 1(2)", "--actor", "Belgium", "--stance", "support")
    return db


def test_signals_ask_instructions_for_the_changed_article_only(store: Path) -> None:
    said = json.loads(ok(store, "signals", NEG, "CRP.2", "--json"))
    named = said["references"]
    assert [named[str(i)] for i in said["no_instructions"]] == ["Art. 1(1)"], said


def test_the_window_flags_what_signals_say(store: Path) -> None:
    said = json.loads(ok(store, "signals", NEG, "CRP.2", "--json"))
    assert flagged_no_instructions(store, NEG, "CRP.2") == set(said["no_instructions"])


def test_the_brief_asks_instructions_for_the_article_only(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.docx"
    ok(store, "brief", NEG, "--from", "CRP.1", "--to", "CRP.2", "-o", str(out))
    asking = [t.split("   ")[0] for t in (paragraph_text(p) for p in body(out).iter(f"{W}p"))
              if "NEEDS INSTRUCTIONS" in t]
    assert asking == ["Art. 1(1)"], asking


def test_without_a_heading_nothing_is_taken_for_front_matter() -> None:
    with_title = read_bytes(D1.encode(), "d1.txt").paragraphs
    assert [with_title[k].text.split()[0] for k in front_matter(with_title)] == \
        ["PREPCOM/DRR/2027/CRP.1", "Preparatory", "Note"]
    no_heading = read_bytes(b"The Permanent Council,\n\n1. Decides to meet in 2027.\n", "d.txt").paragraphs
    assert front_matter(no_heading) == []


def test_a_rewritten_chairs_note_is_shown_but_weighs_nothing(store: Path, tmp_path: Path) -> None:
    said = json.loads(ok(store, "diff", NEG, "CRP.1", "CRP.2", "--json"))
    note = next(e for e in said["paragraphs"] if e["to_refs"] == ["¶ 2"])
    assert note["status"] == "modified" and note["salient"] == [], note
    article = next(e for e in said["paragraphs"] if e["to_refs"] == ["Art. 1(1)"])
    assert article["salient"], article  # "shall" -> "may": weighed as usual
    out = tmp_path / "brief.docx"
    ok(store, "brief", NEG, "--from", "CRP.1", "--to", "CRP.2", "-o", str(out))
    attention = table_after(out, "Needs your attention")
    assert all(row[1] != "¶ 2" for row in attention), attention
