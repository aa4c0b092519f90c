"""The amendments file as the chair reads it: real changes only, instructions
applied to the words or sent as a comment with the reason said, replacement
texts tracked in full, everything as comments on request. Made through the
command line on a real store; the .docx is read back from disk."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from negotiator.positions.amendment_text import (
    Form,
    apply_amendment,
    parse_instructions,
    tracked_ops,
)
from tests.docx_checks import NS, W, body, check_well_formed_revisions, libreoffice_view, paragraph_text
from tests.export.brief_helpers import ok

NEG = "Cyber CBMs"

# Hard-wrapped as a chair's text pasted from an e-mail often is.
OP1 = ("Decides that participating States MAY nominate a national point of contact\n"
       "for ICT security incidents and inform the Secretariat of any change\n"
       "without delay, in accordance with their national legislation and the\n"
       "procedures agreed in the Informal Working Group;")
OP2 = "Calls upon participating States to share their national views on threats to and from ICTs;"
OP3 = "Requests the Secretariat to maintain a database of national points of contact;"
OP4 = "Decides to review the implementation of this decision at the next meeting of the Council."
PP1 = "Recalling the commitment of participating States to refrain from the threat or use of force,"
DRAFT = f"""Draft decision on ICT confidence-building measures

PP1 {PP1}

1. {OP1}

2. {OP2}

3. {OP3}

4. {OP4}
"""
REPLACEMENT_2 = "Invites participating States to exchange views in the Informal Working Group;"
OP3_ONE_LINE = "Requests the Secretariat to establish a database of national points of contact;"
NOT_APPLYING = "Replace 'the Committee' with 'the Council'."




@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("amendments-store")
    db = work / "store.sqlite"
    (work / "draft.txt").write_text(DRAFT, encoding="utf-8")
    ok(db, "new", NEG, "--forum", "OSCE Permanent Council", "--delegation", "Belgium")
    ok(db, "import", NEG, str(work / "draft.txt"), "--label", "Rev.1")
    amend = ("--actor", "Belgium", "--stance", "support_with_amendments", "--amendment")
    ok(db, "position", NEG, "Rev.1", "1", *amend, "Replace 'MAY' with 'MUST'")
    ok(db, "position", NEG, "Rev.1", "2", *amend, REPLACEMENT_2)
    ok(db, "position", NEG, "Rev.1", "3", *amend, OP3_ONE_LINE)
    ok(db, "position", NEG, "Rev.1", "4", *amend, "Replace 'next meeting' with '2027 meeting'")
    ok(db, "position", NEG, "Rev.1", "PP1", *amend, NOT_APPLYING)
    return db


def _paragraphs(path: Path) -> dict[str, object]:
    """The draft's paragraphs in the file, by the number printed before the tab."""
    out = {}
    for p in body(path).findall(".//w:body/w:p", NS):
        if p.find("w:pPr/w:pStyle[@w:val='DraftText']", NS) is None:
            continue
        number = paragraph_text(p, accepted=False).split("\t", 1)[0]
        out[number] = p
    return out


def _changes(p: object) -> tuple[list[str], list[str]]:
    """The texts of the deletions and insertions in one paragraph."""
    deleted = ["".join(t.text or "" for t in d.iter(f"{W}delText")) for d in p.findall(".//w:del", NS)]
    inserted = ["".join(t.text or "" for t in i.iter(f"{W}t")) for i in p.findall(".//w:ins", NS)]
    return deleted, inserted


def _text(p: object, *, accepted: bool) -> str:
    return re.sub(r"^\S*\t", "", paragraph_text(p, accepted=accepted))


@pytest.fixture(scope="module")
def written(store: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("amendments") / "amendments.docx"
    printed = ok(store, "amendments", NEG, "Rev.1", "--actor", "Belgium", "-o", str(out))
    return out, printed


def test_replace_on_a_hard_wrapped_paragraph_gives_only_the_real_change(written) -> None:  # type: ignore[no-untyped-def]
    """The issue's case: 22 tracked changes (2 real, 20 whitespace swaps)."""
    out, _ = written
    p = _paragraphs(out)["1."]
    assert _changes(p) == (["MAY"], ["MUST"])
    # the chair's own line breaks are kept in what did not change
    assert _text(p, accepted=False) == OP1
    assert _text(p, accepted=True) == OP1.replace("MAY", "MUST")


def test_a_replacement_typed_on_one_line_tracks_only_the_changed_word(written) -> None:  # type: ignore[no-untyped-def]
    out, printed = written
    p = _paragraphs(out)["3."]
    assert _changes(p) == (["maintain"], ["establish"])
    assert "OP 3: tracked change (2 words)" in printed


def test_an_instruction_that_applies_is_the_minimal_tracked_change(written) -> None:  # type: ignore[no-untyped-def]
    out, printed = written
    p = _paragraphs(out)["4."]
    assert _changes(p) == (["next"], ["2027"])
    assert _text(p, accepted=True) == OP4.replace("next meeting", "2027 meeting")
    assert "OP 1: tracked change (2 words)" in printed and "OP 4: tracked change (2 words)" in printed


def test_an_instruction_that_does_not_apply_is_a_comment_with_the_reason(written) -> None:  # type: ignore[no-untyped-def]
    out, printed = written
    p = _paragraphs(out)["PP1"]
    assert _changes(p) == ([], [])
    assert _text(p, accepted=True) == PP1
    cid = int(p.find("w:commentRangeStart", NS).get(f"{W}id"))
    comment = {c.comment_id: c for c in docx.Document(str(out)).comments}[cid]
    assert NOT_APPLYING in comment.text and comment.author == "Belgium"
    assert "PP 1: comment (instruction did not apply: 'the Committee' not found)" in printed


def test_a_replacement_text_keeping_little_is_tracked_in_full(written) -> None:  # type: ignore[no-untyped-def]
    out, printed = written
    p = _paragraphs(out)["2."]
    deleted, inserted = _changes(p)
    assert deleted and inserted
    assert _text(p, accepted=True) == REPLACEMENT_2
    assert _text(p, accepted=False) == OP2
    assert re.search(r"^OP 2: tracked change \(\d+ words\)$", printed, re.M)


def test_the_command_says_what_each_amendment_became(written) -> None:  # type: ignore[no-untyped-def]
    out, printed = written
    lines = printed.strip().splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == ["PP 1", "OP 1", "OP 2", "OP 3", "OP 4"]
    counts = check_well_formed_revisions(out)
    assert lines[-1] == (f"wrote {out}: 4 amended paragraphs, {counts['ins'] + counts['del']} "
                         "tracked changes, 1 as a comment")
    authors = {r.get(f"{W}author") for r in body(out).findall(".//w:ins", NS) + body(out).findall(".//w:del", NS)}
    assert authors == {"Belgium"}


def test_as_comment_sends_every_amendment_as_a_comment(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "as-comments.docx"
    printed = ok(store, "amendments", NEG, "Rev.1", "--actor", "Belgium", "-o", str(out), "--as-comment")
    counts = check_well_formed_revisions(out)
    assert counts == {"ins": 0, "del": 0, "comments": 5}
    assert "OP 1: comment (sent as comment)" in printed
    assert printed.strip().splitlines()[-1].endswith("0 amended paragraphs, 0 tracked changes, 5 as comments")
    texts = {c.text for c in docx.Document(str(out)).comments}
    assert any("Replace 'MAY' with 'MUST'" in t for t in texts)
    p = _paragraphs(out)["1."]
    assert _text(p, accepted=True) == OP1


@pytest.mark.soffice
def test_libreoffice_opens_the_file_and_sees_the_same_changes(written, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out, _ = written
    counts = check_well_formed_revisions(out)
    comments, changes = libreoffice_view(out, tmp_path)
    assert changes == counts["ins"] + counts["del"]
    assert len(comments) == 1 and NOT_APPLYING in comments[0]


# ------------------------------------------------------------ the text of an amendment


def test_tracked_ops_ignore_relayout_and_keep_the_base_layout() -> None:
    base = "States MAY\nnominate a  point\nof contact;"
    ops = tracked_ops(base, "States MUST nominate a point of contact;")
    assert [o for o in ops if o[0] != "="] == [("-", "MAY"), ("+", "MUST")]
    assert "".join(t for op, t in ops if op != "+") == base
    assert all(op == "=" for op, _ in tracked_ops(base, " ".join(base.split())))


def test_instructions_parse_and_apply() -> None:
    found, leftover = parse_instructions("Replace 'MAY' with 'MUST' and delete 'without delay'.")
    assert [(i.verb, i.target, i.text) for i in found] == [
        ("replace", "MAY", "MUST"), ("delete", "without delay", None)]
    assert leftover == ""
    base = "States MAY inform the Secretariat without delay of any change."
    applied = apply_amendment(base, "Insert 'promptly' after 'inform' and delete 'without delay'")
    assert applied.form is Form.INSTRUCTION
    assert applied.text == "States MAY inform promptly the Secretariat of any change."
    assert applied.summary() == "3 words"
    kept = apply_amendment("States [shall] act.", "Keep '[shall]'")
    assert kept.text == "States shall act." and kept.summary() == "square brackets only"


def test_instructions_that_cannot_apply_say_why() -> None:
    base = "States shall act and shall report."
    assert apply_amendment(base, "Replace 'shall' with 'should'").reason == "'shall' occurs 2 times"
    assert apply_amendment(base, "Replace 'x' with 'y'").reason == "'x' not found"  # not the x of "next"
    assert apply_amendment(base, "Merge with PP3.").reason == \
        "not a Replace/Delete/Insert/Keep instruction"
    assert apply_amendment(base, "Replace 'act' with 'move' and merge with PP3").reason == \
        "'merge with PP3' is not a Replace/Delete/Insert/Keep instruction"


def test_an_edit_on_another_wording_and_an_empty_change_are_refused() -> None:
    base = "States shall act."
    assert apply_amendment(base, "States [-shall-]{+should+} act.").text == "States should act."
    assert apply_amendment(base, "States [-must-]{+should+} act.").reason == \
        "the edit was written on another wording of the paragraph"
    assert apply_amendment(base, "States  shall\nact.").reason == "it changes nothing in this text"
