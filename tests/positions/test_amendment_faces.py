"""Every face that reads an amendment reads it the same way: the positions
board (what the window and the brief list), `negotiator positions --json`
(amended_text) and the amendments file the chair opens in Word. One store on
disk with each form of amendment; the .docx is read back with python-docx."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from negotiator import positions
from negotiator.drafts import negotiations
from negotiator.export.docx_writer import DRAFT_TEXT_STYLE
from negotiator.storage.store import Store
from tests.conftest import ok_in_process as ok
from tests.docx_checks import NS, paragraph_text

NEG = "Cyber CBMs"
ACTOR = "Belgium"
# Hard-wrapped, as a chair's text pasted from an e-mail often is.
OP1 = ("Decides that participating States MAY nominate a national point of contact\n"
       "for ICT security incidents and inform the Secretariat of any change\n"
       "without delay;")
OP2 = "Calls upon participating States to share their [national] views on threats to and from ICTs;"
OP3 = "Requests the Secretariat to maintain a database of national points of contact;"
OP4 = "Decides to review the implementation of this decision at the next meeting of the Council."
OP5 = "Encourages participating States to exchange [best practices][lessons learned] on incidents;"
OP6 = "Invites the Chairmanship to report on the implementation of this decision."
OP7 = "Tasks the Informal Working Group to continue its work."
DRAFT = "Draft decision\n\n" + "\n\n".join(f"{n}. {t}" for n, t in enumerate(
    (OP1, OP2, OP3, OP4, OP5, OP6, OP7), 1)) + "\n"

# By paragraph number: each form, applying and not.
AMENDMENTS = {
    "1": "Replace 'MAY' with 'MUST' and insert 'promptly' after 'inform'",    # instructions
    "2": "Calls upon [-participating-]{+all participating+} States to share their "
         "[-[national]-]{+national+} views on threats to and from ICTs;",   # an edit
    "3": "Requests the Secretariat to establish a database of national\npoints of contact;",  # replacement
    "4": "Delete 'of this decision' and merge with OP 6",                    # leftover words: none applies
    "5": "Keep '[lessons learned]' and delete '[best practices]'",            # brackets only
    "6": "Replace 'the Chairman' with 'the Chair'",                          # target not found
    "7": OP7,                                                                  # changes nothing
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("amendment-faces")
    db = work / "store.sqlite"
    (work / "draft.txt").write_text(DRAFT, encoding="utf-8")
    ok(db, "new", NEG, "--forum", "OSCE Permanent Council", "--delegation", ACTOR)
    ok(db, "import", NEG, str(work / "draft.txt"), "--label", "Rev.1")
    for number, amendment in AMENDMENTS.items():
        ok(db, "position", NEG, "Rev.1", number, "--actor", ACTOR,
           "--stance", "support_with_amendments", "--amendment", amendment)
    return db


def _flat(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split())


def _board(db: Path) -> dict[str, str | None]:
    st = Store.open(db)
    try:
        with st.transaction(read_only=True) as s:
            neg = negotiations.find_negotiation(s, NEG)
            rows = positions.draft_positions(s, neg, negotiations.find_draft(s, neg, "Rev.1"))
            return {r.number: p.amended_text for r in rows for p in r.positions if p.actor == ACTOR}
    finally:
        st.close()


def _cli(db: Path) -> dict[str, str | None]:
    rows = json.loads(ok(db, "positions", NEG, "Rev.1", "--json"))
    return {r["number"]: p["amended_text"] for r in rows for p in r["positions"] if p["actor"] == ACTOR}


def _export(db: Path, out: Path) -> dict[str, tuple[str, str, bool]]:
    """By number: the paragraph's text as the chair reads it with the changes
    rejected and accepted, and whether a comment is attached to it."""
    ok(db, "amendments", NEG, "Rev.1", "--actor", ACTOR, "-o", str(out))
    found = {}
    for p in docx.Document(str(out)).paragraphs:
        if p.style is None or p.style.name != DRAFT_TEXT_STYLE:
            continue
        number, _, before = paragraph_text(p._p, accepted=False).partition("\t")
        after = paragraph_text(p._p, accepted=True).partition("\t")[2]
        commented = p._p.find(".//w:commentRangeStart", NS) is not None
        found[number.rstrip(".")] = (before, after, commented)
    return found


def test_board_command_line_and_amendments_file_read_each_amendment_alike(
        store: Path, tmp_path: Path) -> None:
    board, cli, exported = _board(store), _cli(store), _export(store, tmp_path / "amendments.docx")
    assert board == cli
    assert set(exported) == set(AMENDMENTS)
    for number, text in board.items():
        before, after, commented = exported[number]
        assert _flat(before) == _flat((OP1, OP2, OP3, OP4, OP5, OP6, OP7)[int(number) - 1])
        if text is None or _flat(text) == _flat(before):
            # Nothing honest to track: the file carries the words as a comment, the text unchanged.
            assert commented and after == before, number
        else:
            assert not commented and _flat(after) == _flat(text), number
    # What each form made of its paragraph (one reading for all three faces).
    # the chair's own line breaks kept, as in the file
    assert board["1"] == OP1.replace("MAY", "MUST").replace("inform", "inform promptly")
    assert _flat(board["2"]) == ("Calls upon all participating States to share their national views "
                                 "on threats to and from ICTs;")
    assert _flat(board["3"]) == OP3.replace("maintain", "establish")
    assert board["4"] is None and board["6"] is None
    assert board["5"] == OP5.replace("[best practices][lessons learned]", "lessons learned")
    assert board["7"] == OP7

