"""`negotiator diff` and `negotiator link` through the real command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ok_in_process

ZERO = """\
1. Welcomes the convening of the informal consultations on confidence-building measures in the field of ICT security;

2. Encourages participating States to nominate policy and technical points of contact and to keep the list up to date;

3. Requests the Secretariat to circulate a template for voluntary reporting, and invites participating States to submit their first reports before the next meeting;

4. Participating States shall [strongly] consider the review of the implementation of the measures [annually];

5. Decides to remain seized of the matter.
"""

REV1 = """\
1. Recalling its earlier decisions on confidence-building measures;

2. Welcomes the convening of the informal consultations on confidence-building measures in the field of ICT security;

3. Encourages participating States to nominate policy and technical points of contact and to keep the list up to date;

4. Requests the Secretariat to circulate a template for voluntary reporting;

5. Invites participating States to submit their first reports before the next meeting;

6. Participating States should consider the review of the implementation of the measures by 31 May 2026;

7. Decides to remain seized of the matter.
"""


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two drafts imported once; each test gets its own copy of the store."""
    work = tmp_path_factory.mktemp("diff-template")
    (work / "zero.txt").write_text(ZERO)
    (work / "rev1.txt").write_text(REV1)
    db = work / "store.sqlite"
    ok_in_process(db, "new", "CBMs", "--forum", "OSCE PC")
    ok_in_process(db, "import", "CBMs", str(work / "zero.txt"), "--label", "Zero")
    ok_in_process(db, "import", "CBMs", str(work / "rev1.txt"), "--label", "Rev.1")
    return db


@pytest.fixture
def negotiation(cli, db_path: Path, template: Path):  # type: ignore[no-untyped-def]
    shutil.copy(template, db_path)
    return cli


def test_diff_json_structure(negotiation) -> None:  # type: ignore[no-untyped-def]
    result = negotiation("diff", "CBMs", "Zero", "Rev.1", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["from"] == "Zero" and data["to"] == "Rev.1"
    summary = data["summary"]
    assert summary["added"] == 1 and summary["split"] == 1 and summary["modified"] == 1
    assert summary["renumbered"] == 3 and summary["deleted"] == 0
    assert summary["brackets_from"] == 2 and summary["brackets_to"] == 0
    assert summary["newly_agreed"] == [5] and summary["salient"] == 1
    entries = data["paragraphs"]
    assert [e["status"] for e in entries] == [
        "added", "renumbered", "renumbered", "split", "modified", "renumbered"]
    split = entries[3]
    assert split["from"] == [2] and split["to"] == [3, 4]
    modified = entries[4]
    assert modified["from"] == [3] and modified["to"] == [5]
    assert ["-", "shall [strongly]"] in modified["ops"]
    assert [s["description"] for s in modified["salient"]] == [
        "shall → should", "annually → 31 May 2026"]
    assert modified["brackets_from"] == 2 and modified["brackets_to"] == 0
    # INDEX is the index of `show --json`; ops rebuild both texts.
    shown_a = json.loads(negotiation("show", "CBMs", "Zero", "--json").out)
    shown_b = json.loads(negotiation("show", "CBMs", "Rev.1", "--json").out)
    for e in entries:
        old = "\n".join(shown_a[i]["text"] for i in e["from"])
        new = "\n".join(shown_b[j]["text"] for j in e["to"])
        assert "".join(t for op, t in e["ops"] if op != "+") == old
        assert "".join(t for op, t in e["ops"] if op != "-") == new


def test_diff_either_order(negotiation) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(negotiation("diff", "CBMs", "Rev.1", "Zero", "--json").out)
    assert data["from"] == "Rev.1"
    statuses = [e["status"] for e in data["paragraphs"]]
    assert statuses == ["deleted", "renumbered", "renumbered", "merged", "modified",
                        "renumbered"]
    assert data["paragraphs"][3]["from"] == [3, 4]


def test_diff_human_redline(negotiation) -> None:  # type: ignore[no-untyped-def]
    result = negotiation("diff", "CBMs", "Zero", "Rev.1")
    assert result.code == 0
    out = result.out
    assert out.splitlines()[0] == "Zero -> Rev.1: 1 modified, 3 renumbered, 1 split, 1 added"
    assert "newly agreed: OP 6" in out
    assert "modified  OP 4 -> OP 6  (brackets 2 -> 0)" in out
    assert "[-shall [strongly]-]{+should+}" in out
    assert "! modal: shall → should" in out
    assert "split  OP 3 -> OP 4+OP 5" in out
    assert "\x1b[" not in out  # no colour when not on a terminal


def test_diff_of_a_draft_with_itself(negotiation) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(negotiation("diff", "CBMs", "Zero", "Zero", "--json").out)
    assert {e["status"] for e in data["paragraphs"]} == {"unchanged"}


def test_diff_unknown_draft_is_one_line(negotiation) -> None:  # type: ignore[no-untyped-def]
    result = negotiation("diff", "CBMs", "Zero", "Rev.9")
    assert result.code == 1
    assert result.err.count("\n") == 1 and "no draft 'Rev.9'" in result.err


def test_link_corrects_and_diff_follows(negotiation) -> None:  # type: ignore[no-untyped-def]
    # Say the new opening paragraph 1 of Rev.1 really continues paragraph 4 of Zero...
    result = negotiation("link", "CBMs", "Rev.1", "1", "--to", "Zero", "4", "--author", "me")
    assert result.code == 0, result.err
    assert result.out.startswith("Rev.1 1 now continues Zero 4")
    data = json.loads(negotiation("diff", "CBMs", "Zero", "Rev.1", "--json").out)
    first = data["paragraphs"][0]
    assert first["from"] == [3] and first["to"] == [0]
    assert first["status"] == ["moved", "modified"]
    shown = json.loads(negotiation("show", "CBMs", "Rev.1", "--json").out)
    zero = json.loads(negotiation("show", "CBMs", "Zero", "--json").out)
    assert shown[0]["lineage"] == zero[3]["lineage"]
    assert shown[5]["lineage"] != zero[3]["lineage"]
    # ... then cut it again: the aligner's view comes back.
    result = negotiation("link", "CBMs", "Rev.1", "#0", "--new")
    assert result.code == 0 and "lineage of its own" in result.out
    data = json.loads(negotiation("diff", "CBMs", "Zero", "Rev.1", "--json").out)
    assert data["paragraphs"][0]["status"] == "added"
    assert data["paragraphs"][4]["from"] == [3] and data["paragraphs"][4]["to"] == [5]
    shown = json.loads(negotiation("show", "CBMs", "Rev.1", "--json").out)
    assert shown[5]["lineage"] == zero[3]["lineage"]


def test_link_errors_are_one_line_and_change_nothing(negotiation) -> None:  # type: ignore[no-untyped-def]
    before = negotiation("show", "CBMs", "Rev.1", "--json").out
    for args in (("Rev.1", "12 bis", "--new"), ("Rev.1", "#40", "--new"),
                 ("Zero", "1", "--to", "Rev.1", "1")):
        result = negotiation("link", "CBMs", *args)
        assert result.code == 1, args
        assert result.err.startswith("negotiator: error: ") and result.err.count("\n") == 1
    assert negotiation("show", "CBMs", "Rev.1", "--json").out == before
    usage = negotiation("link", "CBMs", "Rev.1", "1")
    assert usage.code == 2  # --to or --new is required


def test_redline_colour_on_a_terminal(negotiation, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    from negotiator.drafts import negotiations
    from negotiator.drafts.comparison import compare_drafts, render_redline
    from negotiator.storage.store import Store

    store = Store.open(db_path)
    try:
        with store.transaction() as s:
            neg = negotiations.find_negotiation(s, "CBMs")
            a, b = negotiations.find_draft(s, neg, "Zero"), negotiations.find_draft(s, neg, "Rev.1")
            out = render_redline(compare_drafts(s, a, b), colour=True)
    finally:
        store.close()
    assert "\x1b[31;9mshall [strongly]\x1b[0m\x1b[32;4mshould\x1b[0m" in out
    assert "[-" not in out and "{+" not in out


def test_json_is_compact_by_default_and_indented_with_pretty(negotiation) -> None:  # type: ignore[no-untyped-def]
    compact = negotiation("diff", "CBMs", "Zero", "Rev.1", "--json")
    pretty = negotiation("diff", "CBMs", "Zero", "Rev.1", "--json", "--pretty")
    assert compact.out.count("\n") == 1 and '{"from":"Zero","to":"Rev.1",' in compact.out
    assert pretty.out.startswith('{\n  "from": "Zero",\n  "to": "Rev.1",')
    assert json.loads(compact.out) == json.loads(pretty.out)
    listed = negotiation("list", "--json", "--pretty").out
    assert listed.startswith("[\n  {\n") and json.loads(listed) == json.loads(negotiation("list", "--json").out)
