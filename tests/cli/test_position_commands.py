"""The positions commands as a user and a script see them: exact JSON shapes,
clear refusals, exchange through files, two processes writing at once, and the
demo negotiation carried through its three drafts."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DEMO, ok_in_process, run_in_process, run_negotiator

DATA = Path(__file__).resolve().parents[1] / "data"
T = "ICT CBMs decision"


@pytest.fixture
def two_drafts(cli):
    assert cli("new", T, "--forum", "OSCE PC", "--delegation", "Belgium").code == 0
    assert cli("import", T, str(DATA / "positions_rev1.txt"), "--label", "Rev.1").code == 0
    return cli


def js(result: Any) -> Any:
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_positions_and_signals_json_shapes(two_drafts) -> None:
    cli = two_drafts
    r = cli("position", T, "Rev.1", "1", "--actor", "Belgium", "--stance",
            "support_with_amendments", "--amendment", "Replace '[shall][should]' with 'shall'.",
            "--red-line", "cannot accept 'should'", "--status", "coordinated", "--author", "anna")
    assert r.code == 0 and "position taken (version 1" in r.out
    assert cli("position", T, "Rev.1", "2", "--actor", "EU", "--stance", "oppose").code == 0
    assert cli("position", T, "Rev.1", "#3", "--actor", "Belgium", "--stance", "support").code == 0
    assert cli("import", T, str(DATA / "positions_rev2.txt"), "--label", "Rev.2").code == 0

    rows = js(cli("positions", T, "Rev.2", "--json"))
    show = js(cli("show", T, "Rev.2", "--json"))
    assert [r["index"] for r in rows if r["index"] is not None] == [p["index"] for p in show]
    row = rows[2]
    assert {"index", "number", "positions"} <= set(row)
    p = row["positions"][0]
    assert {"actor", "stance", "status", "state", "amendment", "red_line"} <= set(p)
    assert (p["actor"], p["stance"], p["status"], p["state"]) == (
        "Belgium", "support_with_amendments", "coordinated", "needs_review")
    assert p["red_line"] == "cannot accept 'should'" and p["red_line_flag"] is True
    split = [r for r in rows if r["index"] in (3, 4)]
    assert all(x["positions"][0]["state"] == "split" for x in split)

    sig = js(cli("signals", T, "Rev.2", "--json"))
    assert set(sig) >= {"divergent", "red_lines_touched", "no_instructions", "newly_agreed",
                        "uptake"}
    assert all(isinstance(i, int) for k in ("divergent", "red_lines_touched", "no_instructions",
                                            "newly_agreed") for i in sig[k])
    assert sig["divergent"] == [3, 4] and sig["red_lines_touched"] == [2]
    assert sig["newly_agreed"] == [2]
    assert sig["uptake"] == [{"index": 2, "reference": "OP 1", "actor": "Belgium",
                              "result": "not_reflected", "share": 0.0, "uid": p["uid"]}]
    assert sig["references"]["2"] == "OP 1"
    human = cli("signals", T, "Rev.2")
    # References as the document names them, never internal indices.
    assert "red lines touched    OP 1" in human.out and "#" not in human.out


def test_stale_edit_and_bad_input_from_the_command_line(two_drafts) -> None:
    cli = two_drafts
    assert cli("position", T, "Rev.1", "1", "--actor", "Belgium", "--stance", "support").code == 0
    assert cli("position", T, "Rev.1", "1", "--actor", "Belgium", "--stance", "oppose",
               "--expect-version", "1").code == 0
    stale = cli("position", T, "Rev.1", "1", "--actor", "Belgium", "--stance", "reserve",
                "--expect-version", "1")
    assert stale.code == 1 and "you loaded version 1" in stale.err and "Traceback" not in stale.err
    assert cli("position", T, "Rev.1", "99", "--actor", "Belgium",
               "--stance", "support").code == 1
    assert cli("position", T, "Rev.1", "1", "--actor", "Belgium", "--stance", "maybe").code == 2
    history = js(cli("history", T, "Rev.1", "1", "--json"))
    assert [h["new"]["stance"] for h in history] == ["support", "oppose"]
    assert "oppose" in cli("history", T, "Rev.1", "1").out


def test_notes_and_status_commands(two_drafts) -> None:
    cli = two_drafts
    added = js(cli("note", T, "Rev.1", "3", "Capital wants one paragraph", "--json",
                   "--author", "anna"))
    assert [n["text"] for n in js(cli("note", T, "Rev.1", "3", "--json"))] == [
        "Capital wants one paragraph"]
    assert cli("note", T, "Rev.1", "3", "--delete", added["uid"][:8]).code == 0
    assert js(cli("note", T, "Rev.1", "3", "--json")) == []
    rows = js(cli("status", T, "Rev.1", "1", "--set", "agreed_ad_ref", "--holder", "Belgium",
                  "--due", "2026-04-01", "--json"))
    assert rows == [{**rows[0], "status": "agreed_ad_ref", "holder": "Belgium",
                     "due": "2026-04-01", "changed_since": False}]
    assert cli("import", T, str(DATA / "positions_rev2.txt"), "--label", "Rev.2").code == 0
    out = cli("status", T, "Rev.2")
    assert "CHANGED since agreed on Rev.1" in out.out


def test_exchange_conflicts_and_resolve_from_the_command_line(tmp_path: Path) -> None:
    run = run_in_process
    a, b = str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")
    for db in (a, b):
        assert run(db, "new", T, "--forum", "OSCE PC").code == 0
        assert run(db, "import", T, str(DATA / "positions_rev1.txt"), "--label", "Rev.1").code == 0
    assert run(a, "position", T, "Rev.1", "1", "--actor", "Belgium", "--stance", "support").code == 0
    pkg = tmp_path / "a.json"
    assert run(a, "export-positions", T, "-o", str(pkg)).code == 0
    assert "1 positions added" in run(b, "import-positions", str(pkg)).out
    assert "nothing new" in run(b, "import-positions", str(pkg)).out
    run(a, "position", T, "Rev.1", "1", "--actor", "Belgium", "--stance", "oppose")
    run(b, "position", T, "Rev.1", "1", "--actor", "Belgium", "--stance", "reserve")
    run(a, "export-positions", T, "-o", str(pkg))
    assert "1 conflict(s) to resolve" in run(b, "import-positions", str(pkg)).out
    listed = json.loads(run(b, "conflicts", "--json").out)
    assert len(listed) == 1 and {s["values"]["stance"] for s in listed[0]["sides"]} == {
        "oppose", "reserve"}
    side = next(s["side"] for s in listed[0]["sides"] if s["values"]["stance"] == "reserve")
    assert run(b, "resolve", str(listed[0]["id"]), "--take", side).code == 0
    assert json.loads(run(b, "conflicts", "--json").out) == []
    again = run(b, "resolve", str(listed[0]["id"]), "--take", side)
    assert again.code == 1 and "already resolved" in again.err
    bad = tmp_path / "bad.json"
    bad.write_text(pkg.read_text().replace('"oppose"', '"support"'))
    refused = run(b, "import-positions", str(bad))
    assert refused.code == 1 and "altered" in refused.err and len(refused.err.strip().splitlines()) == 1


@pytest.mark.slow
def test_two_processes_write_positions_at_once(tmp_path: Path) -> None:
    db = str(tmp_path / "shared.sqlite")
    # Only the writers are child processes: setting up and reading back are not what is tested.
    ok_in_process(db, "new", T, "--forum", "OSCE PC")
    ok_in_process(db, "import", T, str(DATA / "positions_rev1.txt"), "--label", "Rev.1")
    results: dict[str, list[Any]] = {"Belgium": [], "EU": []}
    stances = ["support", "oppose", "reserve"]

    def writer(actor: str) -> None:
        # Each process writes its own actor on paragraphs 1-2 and, at the same
        # time as the other, the shared Chair position on paragraph 3.
        for i, stance in enumerate(stances):
            para = str(1 + i % 2)
            results[actor].append(run_negotiator("--db", db, "position", T, "Rev.1", para,
                                                 "--actor", actor, "--stance", stance))
            results[actor].append(run_negotiator("--db", db, "position", T, "Rev.1", "3",
                                                 "--actor", "Chair", "--stance", stance,
                                                 "--rationale", f"{actor} {i}"))

    threads = [threading.Thread(target=writer, args=(a,)) for a in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for done in results["Belgium"] + results["EU"]:
        assert done.returncode == 0, done.stderr.decode()
        assert not done.stderr
    history = json.loads(ok_in_process(db, "history", T, "Rev.1", "3", "--json"))
    # Every write to the shared position is in its history (none lost).
    assert sorted(h["new"]["rationale"] for h in history) == sorted(
        f"{a} {i}" for a in results for i in range(len(stances)))
    assert all(len(h["parents"]) <= 1 for h in history)
    rows = json.loads(ok_in_process(db, "positions", T, "Rev.1", "--json"))
    for index in (2, 3):
        assert {p["actor"] for p in rows[index]["positions"]} >= {"Belgium", "EU"}


def test_demo_positions_carry_through_its_drafts(cli) -> None:
    """The demo's positions set on its zero draft; Rev.1 and Rev.2 imported after."""
    meta = json.loads((DEMO / "demo.json").read_text())
    neg = meta["title"]
    assert cli("new", neg, "--forum", meta["forum"], "--delegation", meta["delegation"]).code == 0
    files = {d["label"]: DEMO / d["text_file"] for d in meta["drafts"]}
    assert cli("import", neg, str(files["Zero draft"]), "--label", "Zero draft").code == 0
    for p in meta["positions"]:
        if p["draft"] != "Zero draft":
            continue
        args = ["position", neg, "Zero draft", f"#{p['index']}", "--actor", p["actor"],
                "--stance", p["stance"].replace(" ", "_")]
        for key in ("amendment", "rationale", "red_line", "fallback", "priority"):
            if p[key]:
                args += [f"--{key.replace('_', '-')}", p[key]]
        assert cli(*args).code == 0, cli(*args).err
    for label in ("Rev.1", "Rev.2"):
        assert cli("import", neg, str(files[label]), "--label", label).code == 0

    def states(label: str) -> dict[tuple[str, str], tuple[str, Any]]:
        rows = js(cli("positions", neg, label, "--json"))
        return {(p["actor"], p["taken_on"]["number"]): (p["state"], r["index"])
                for r in rows for p in r["positions"]}

    rev1 = states("Rev.1")
    assert rev1[("United States", "2")] == ("current", 12)
    assert rev1[("Belgium", "3")][0] == "needs_review"
    assert rev1[("Belgium", "5")][0] == "split"  # op 5 split into Rev.1 4 and 5
    assert rev1[("Russian Federation", "5")][0] == "split"
    assert rev1[("Belgium", "7")] == ("needs_review", 21)
    assert rev1[("Belgium", "7 bis")] == ("current", 22)
    assert rev1[("Switzerland", "14")] == ("current", 34)
    rev2 = states("Rev.2")
    assert rev2[("Belgium", "7 bis")] == ("paragraph_deleted", None)
    assert rev2[("Switzerland", "14")] == ("merged", 33)  # the two options became one
    assert rev2[("Belgium", "7")] == ("needs_review", 21)

    uptake = {(u["actor"], u["index"]): (u["result"], u["share"])
              for u in js(cli("signals", neg, "Rev.2", "--json"))["uptake"]}
    # Rev.2 chose neither 'shall' nor 'should' but "Invites ... to notify".
    assert uptake[("Belgium", 21)][0] == uptake[("European Union", 21)][0] == "not_reflected"
    # The military part of op 5 went, the doctrines stayed: partly.
    assert uptake[("Russian Federation", 15)][0] == "partly"
    assert uptake[("United States", 12)][0] == "not_reflected"  # brackets still there
    zero = js(cli("signals", neg, "Zero draft", "--json"))
    assert 20 in zero["divergent"]  # Belgium 'shall' against the EU line 'should'


def test_the_demo_loaded_by_the_command_line_has_the_windows_positions(cli, tmp_path: Path) -> None:
    """`negotiator demo` then `negotiator positions` lists the demo's positions,
    and the window's demo (another store) holds the very same ones."""
    from negotiator.storage.store import Store
    from ui import operations as op

    meta = json.loads((DEMO / "demo.json").read_text())
    loaded = cli("demo", "--format", "txt")
    assert loaded.code == 0 and f"{len(meta['positions'])} positions" in loaded.out
    rows = js(cli("positions", meta["title"], "Rev.2", "--json"))
    shown = {(p["actor"], p["taken_on"]["draft"], p["taken_on"]["index"], p["stance"])
             for r in rows for p in r["positions"]}
    expected = {(p["actor"], p["draft"], p["index"]) for p in meta["positions"]}
    assert expected == {s[:3] for s in shown}
    assert {n["text"] for r in rows for n in r["notes"]} == {n["text"] for n in meta["notes"]}
    assert any(s["status"] == "agreed_ad_ref" for s in js(cli("status", meta["title"], "Rev.2", "--json")))

    window_store = Store.open(tmp_path / "window.sqlite")
    try:
        op.load_demo(window_store)
    finally:
        window_store.close()
    import contextlib
    import io

    from negotiator.cli.main import main
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--db", str(tmp_path / "window.sqlite"), "positions", meta["title"], "Rev.2",
                     "--json"]) == 0
    in_window = {(p["actor"], p["taken_on"]["draft"], p["taken_on"]["index"], p["stance"])
                 for r in json.loads(out.getvalue()) for p in r["positions"]}
    assert in_window == shown


def test_listings_keep_their_columns_with_long_names_and_say_one_in_the_singular(cli) -> None:
    assert cli("new", T, "--forum", "OSCE PC", "--delegation", "Belgium").code == 0
    assert cli("import", T, str(DATA / "positions_rev1.txt"), "--label", "Rev.1",
               "--symbol", "PC.DEL/1234/26/Corr.1/Rev.3").code == 0
    assert cli("import", T, str(DATA / "positions_rev2.txt"), "--label", "Rev.2 (chair)").code == 0
    lines = cli("drafts", T).out.splitlines()
    assert len(lines) == 2
    assert len({line.index("paragraph") for line in lines}) == 1, lines  # one column
    for actor in ("Belgium", "Russian Federation"):
        assert cli("position", T, "Rev.2 (chair)", "1", "--actor", actor, "--stance", "oppose",
                   "--author", "a colleague with a long name").code == 0
    history = cli("history", T, "Rev.2 (chair)", "1").out.splitlines()
    assert len({line.index("Position taken") for line in history}) == 1, history
    assert "Russian Federation  Position taken" in "\n".join(history)
