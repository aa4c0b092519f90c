"""One store, three faces: the command line, the window and the brief give the
same answers about the demo negotiation (Rev.1 -> Rev.2, with positions).

Each rule (references, changed, newly agreed, our stance, the EU stance, the
counts) is decided once in the core; these tests catch a face that decides it
again its own way.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from negotiator.cli.main import main as cli_main
from negotiator.domain.actors import is_eu
from negotiator.domain.changes import is_changed
from negotiator.export.brief import write_brief
from negotiator.storage.store import Store
from tests.conftest import ok_in_process, run_in_process
from tests.gui.conftest import open_copy
from ui import operations as op
from ui.models.paragraphs import Column, ParagraphModel

pytestmark = pytest.mark.gui

OURS = "Belgium"


@pytest.fixture
def store(full_demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    with open_copy(full_demo_template, tmp_path / "one-truth.sqlite") as st:
        yield st


def cli_json(store: Store, *args: str):  # type: ignore[no-untyped-def]
    return json.loads(ok_in_process(store.url, *args, "--json"))


@pytest.fixture(scope="module")
def faces(full_demo_template: Path, tmp_path_factory: pytest.TempPathFactory, qapp):  # type: ignore[no-untyped-def]
    """What each face says about Rev.2 against Rev.1: read once for the module, from
    its own copy of the demo, which the tests only read (a test that edits uses `store`)."""
    tmp_path = tmp_path_factory.mktemp("faces")
    with open_copy(full_demo_template, tmp_path / "one-truth.sqlite") as store:
        yield _faces(store, tmp_path)


def _faces(store: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    tree = op.load_tree(store)
    neg = tree[0]
    ids = {d.label: d.id for d in neg.drafts}
    title = neg.title
    cli = {
        "show": cli_json(store, "show", title, "Rev.2"),
        "diff": cli_json(store, "diff", title, "Rev.1", "Rev.2"),
        "signals": cli_json(store, "signals", title, "Rev.2"),
        "positions": cli_json(store, "positions", title, "Rev.2"),
    }
    model = ParagraphModel()
    model.set_rows(ids["Rev.2"], op.load_paragraphs(store, ids["Rev.2"]))
    model.set_changes(op.load_changes(store, ids["Rev.2"]))
    model.set_positions(op.load_position_summaries(store, ids["Rev.2"]))
    chart = op.chart_points(store, neg.id)
    diff_view = op.load_diff(store, ids["Rev.1"], ids["Rev.2"])
    path = tmp_path / "brief.docx"
    with store.transaction(read_only=True) as s:
        from negotiator.drafts import negotiations

        n = negotiations.find_negotiation(s, title)
        a, b = negotiations.find_draft(s, n, "Rev.1"), negotiations.find_draft(s, n, "Rev.2")
        written = write_brief(s, n, a, b, path)
        changed_brief = write_brief(s, n, a, b, tmp_path / "changed.docx", scope="changed")
    return {"title": title, "db": store.url, "cli": cli, "model": model, "chart": chart, "diff_view": diff_view,
            "brief": docx.Document(str(path)), "brief_result": written,
            "changed_brief": changed_brief}


def _brief_figures(document: docx.document.Document) -> dict[str, str]:
    """The executive summary's figures table: name -> number, both halves."""
    figures = {}
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if header[:2] == ["The text", "Number"]:
            for row in table.rows[1:]:
                cells = [c.text for c in row.cells]
                figures[cells[0]], figures[cells[2]] = cells[1], cells[3]
    return figures


def test_paragraph_references_are_the_same_everywhere(faces) -> None:  # type: ignore[no-untyped-def]
    shown = [p["reference"] for p in faces["cli"]["show"]]
    model = faces["model"]
    in_table = [model.index(r, Column.NUMBER).data() for r in range(model.rowCount())]
    assert in_table == shown
    in_diff = {ref for e in faces["cli"]["diff"]["paragraphs"] for ref in e["to_refs"]}
    assert in_diff <= set(shown)
    in_window_diff = {ref for e in faces["diff_view"].entries for ref in e.to_numbers}
    assert in_window_diff == in_diff
    # Every paragraph the brief names by its label is named as the table names it.
    brief_text = "\n".join(p.text for p in faces["brief"].paragraphs)
    for ref in ("PP 1", "OP 1", "OP 6 (a)"):
        assert ref in shown and ref in brief_text
    # What every face prints, every command accepts: each label, typed back, names its paragraph.
    title = faces["title"]
    for p in faces["cli"]["show"]:
        listed = run_in_process(faces["db"], "status", title, "Rev.2", p["reference"], "--json")
        assert listed.code == 0, (p["reference"], listed.err)
        assert [row["index"] for row in json.loads(listed.out)] == [p["index"]], p["reference"]


def test_newly_agreed_is_one_answer(faces) -> None:  # type: ignore[no-untyped-def]
    from_diff = sorted(faces["cli"]["diff"]["summary"]["newly_agreed"])
    from_signals = sorted(faces["cli"]["signals"]["newly_agreed"])
    model = faces["model"]
    in_table = sorted(model.row_at(r).index for r in range(model.rowCount())
                      if (c := model.change_at(r)) is not None and c.newly_agreed)
    in_window_diff = sorted(i for e in faces["diff_view"].entries if e.newly_agreed for i in e.to_indexes)
    assert from_diff == from_signals == in_table == in_window_diff
    assert from_diff, "the demo's Rev.2 agrees some bracketed text"
    assert _brief_figures(faces["brief"])["Newly agreed paragraphs"] == str(len(from_diff))


def test_changed_is_one_answer(faces) -> None:  # type: ignore[no-untyped-def]
    entries = faces["cli"]["diff"]["paragraphs"]

    def kinds(e):  # type: ignore[no-untyped-def]
        return [e["status"]] if isinstance(e["status"], str) else e["status"]

    from_diff = [e for e in entries if is_changed(kinds(e), top_matter=e["top_matter"])]
    model = faces["model"]
    in_table = [r for r in range(model.rowCount()) if (c := model.change_at(r)) and c.changed]
    in_window_diff = [e for e in faces["diff_view"].entries if e.changed]
    assert len(in_window_diff) == len(from_diff)
    # The table lists paragraphs of Rev.2: deleted ones are not rows.
    assert len(in_table) == len({i for e in from_diff for i in e["to"]})
    assert faces["chart"][-1].changed == len(from_diff)
    assert faces["changed_brief"]["paragraphs"] == len(from_diff)
    renumbered_only = [e for e in entries if kinds(e) == ["renumbered"]]
    assert renumbered_only, "the demo renumbers paragraphs: a renumbering alone is not a change"


def test_our_stance_and_the_eu_line_are_one_answer(faces) -> None:  # type: ignore[no-untyped-def]
    speaking: dict[int, dict[str, str]] = {}
    for row in faces["cli"]["positions"]:
        if row["index"] is None:
            continue
        for p in row["positions"]:
            if p["primary"]:
                actor = "EU" if is_eu(p["actor"]) else p["actor"]
                speaking.setdefault(row["index"], {})[actor] = p["stance"]
    model = faces["model"]
    for r in range(model.rowCount()):
        index = model.row_at(r).index
        summary = model.summary_at(r)
        assert (summary.national if summary else None) == speaking.get(index, {}).get(OURS), index
        assert (summary.eu if summary else None) == speaking.get(index, {}).get("EU"), index
    assert any(OURS in s for s in speaking.values()) and any("EU" in s for s in speaking.values())


def test_counts_match_between_the_figures_and_the_commands(faces) -> None:  # type: ignore[no-untyped-def]
    figures = _brief_figures(faces["brief"])
    summary = faces["cli"]["diff"]["summary"]
    signals = faces["cli"]["signals"]
    for kind in ("modified", "moved", "split", "merged", "added", "deleted", "renumbered"):
        assert figures[kind.capitalize()] == str(summary[kind]), kind
    assert figures["Brackets before"] == str(summary["brackets_from"])
    assert figures["Brackets after"] == str(summary["brackets_to"])
    assert figures["Red lines touched"] == str(len(signals["red_lines_touched"]))
    assert figures["Divergences from the EU line"] == str(len(signals["divergent"]))
    assert figures["Paragraphs needing instructions"] == str(len(signals["no_instructions"]))
    model = faces["model"]
    flagged = sorted(model.row_at(r).index for r in range(model.rowCount())
                     if (s := model.summary_at(r)) and s.divergent)
    assert flagged == sorted(signals["divergent"])


def test_paragraphs_needing_instructions_are_one_answer(faces) -> None:  # type: ignore[no-untyped-def]
    """The demo's OP 1 is agreed ad ref with no national position: nothing is left to
    instruct on it, and the command line and the brief said otherwise while the
    window's flag did not."""
    signals = faces["cli"]["signals"]
    model = faces["model"]
    flagged = sorted(model.row_at(r).index for r in range(model.rowCount())
                     if (s := model.summary_at(r)) and s.no_instructions)
    assert flagged == sorted(signals["no_instructions"])
    agreed = {model.row_at(r).index for r in range(model.rowCount())
              if (s := model.summary_at(r)) and s.agreement is not None}
    assert agreed, "the demo agrees OP 1 ad ref"
    assert not agreed & set(signals["no_instructions"])
    assert _brief_figures(faces["brief"])["Paragraphs needing instructions"] == str(len(flagged))


def test_our_position_in_the_comparison_is_our_delegations(faces) -> None:  # type: ignore[no-untyped-def]
    """The Compare tab says "Our position" (and its filter keeps the row) where our
    delegation holds one, as the brief's with_positions scope: PP 5, where only
    the EU line speaks, was marked ours."""
    ours = {row["index"] for row in faces["cli"]["positions"] if row["index"] is not None
            and any(p["primary"] and p["actor"] == OURS for p in row["positions"])}
    eu_only = {row["index"] for row in faces["cli"]["positions"] if row["index"] is not None
               and row["index"] not in ours and any(is_eu(p["actor"]) for p in row["positions"])}
    assert eu_only, "the demo has paragraphs where only the EU line speaks"
    marked = {i for e in faces["diff_view"].entries if e.has_position for i in e.to_indexes}
    assert marked == ours


def test_a_deleted_paragraph_with_our_position_is_marked_as_the_brief_lists_it(faces) -> None:  # type: ignore[no-untyped-def]
    """Rev.1's OP 8 bis, which Belgium opposed, is deleted in Rev.2: the brief lists it
    with our position (taken on Rev.1); the Compare tab marked it nowhere, so "with our
    positions" hid it."""
    deleted = [e for e in faces["diff_view"].entries if not e.to_indexes]
    assert deleted, "the demo deletes a paragraph in Rev.2"
    marked = {n for e in deleted if e.has_position for n in e.from_numbers}
    assert marked == {"OP 8 bis"}
    cells = [c.text for t in faces["brief"].tables for row in t.rows for c in row.cells]
    assert any("OP 8 bis of Rev.1" in c for c in cells)  # the brief's overview lists it with ours
    assert not any(e.red_line for e in deleted)  # touched by Rev.2's wording: none is left



def test_a_deleted_paragraph_has_one_name_in_every_face(faces) -> None:  # type: ignore[no-untyped-def]
    """Belgium's position was taken on the Zero draft's OP 7 bis, which Rev.1 renumbered
    OP 8 bis and Rev.2 deleted: `positions` named it where the position was taken
    ("OP 7 bis of Zero draft"), the brief and the Compare tab as it last stood."""
    gone = [r for r in faces["cli"]["positions"] if r["index"] is None]
    assert [(r["was"]["reference"], r["was"]["draft"]) for r in gone] == [("OP 8 bis", "Rev.1")]
    assert {p["taken_on"]["draft"] for p in gone[0]["positions"]} == {"Zero draft"}  # where it was taken
    deleted = [e for e in faces["diff_view"].entries if not e.to_indexes]
    assert [e.from_numbers for e in deleted] == [("OP 8 bis",)]
    cells = [c.text for t in faces["brief"].tables for row in t.rows for c in row.cells]
    assert any("OP 8 bis of Rev.1" in c for c in cells)


def test_red_lines_touched_in_any_comparison_follow_the_signals_rule(  # type: ignore[no-untyped-def]
        faces, store) -> None:
    """The Compare tab's "Red line" is our red line touched by the wording of the
    comparison shown: for Rev.1 -> Rev.2 exactly the signals; for Zero draft -> Rev.2
    (two rounds at once) the paragraphs whose words changed since the Zero draft,
    not what Rev.2 alone changed."""
    # A row is one aligned entry (a split shows its parts on one row).
    signalled = set(faces["cli"]["signals"]["red_lines_touched"])
    assert [e.red_line for e in faces["diff_view"].entries] == [
        bool(signalled & set(e.to_indexes)) for e in faces["diff_view"].entries]
    held = {row["index"] for row in faces["cli"]["positions"] if row["index"] is not None
            and any(p["primary"] and p["actor"] == OURS and p["red_line_flag"] for p in row["positions"])}
    ids = {d.label: d.id for d in op.load_tree(store)[0].drafts}
    two_rounds = op.load_diff(store, ids["Zero draft"], ids["Rev.2"])
    with store.transaction(read_only=True) as s:
        from negotiator.drafts import negotiations
        from negotiator.drafts.comparison import compare_drafts

        n = negotiations.find_negotiation(s, faces["title"])
        comparison = compare_drafts(s, negotiations.find_draft(s, n, "Zero draft"),
                                    negotiations.find_draft(s, n, "Rev.2"))
        touched = {i for e in comparison.entries if e.wording_touched for i in e.new}
    assert [e.red_line for e in two_rounds.entries] == [
        bool(touched & held & set(e.to_indexes)) for e in two_rounds.entries]
    assert any(e.red_line for e in two_rounds.entries), "red lines touched since the Zero draft"
    # A red line on a paragraph the chair reworded in Rev.1 and left alone in Rev.2:
    # touched since the Zero draft, though Rev.2's own signals do not say so.
    with store.transaction(read_only=True) as s:
        n = negotiations.find_negotiation(s, faces["title"])
        zero, rev1, rev2 = (negotiations.find_draft(s, n, x) for x in ("Zero draft", "Rev.1", "Rev.2"))
        first = compare_drafts(s, zero, rev1)
        second = {e.old: e for e in compare_drafts(s, rev1, rev2).entries}
        target = next(e for e in first.entries if e.wording_touched and len(e.old) == len(e.new) == 1
                      and e.new in second and not second[e.new].wording_touched
                      and not second[e.new].top_matter and e.old[0] not in held)
    ref = target.old_refs[0]
    assert cli_main(["--db", str(store.url), "position", faces["title"], "Zero draft", ref,
                     "--actor", OURS, "--stance", "oppose", "--red-line", "not this wording"]) == 0
    marked = {e.from_numbers for e in op.load_diff(store, ids["Zero draft"], ids["Rev.2"]).entries
              if e.red_line}
    assert (ref,) in marked
    assert not any(e.red_line for e in op.load_diff(store, ids["Rev.1"], ids["Rev.2"]).entries
                   if e.to_indexes == second[target.new].new)
