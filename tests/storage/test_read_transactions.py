"""Two programs on one store: read-only commands take no write lock, so they
neither wait for a writer nor make a writer wait (WAL readers see the last
committed state). Real processes on a real SQLite file."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from negotiator.cli.main import main
from tests.conftest import ROOT

DATA = Path(__file__).parents[1] / "data"
TITLE = "ICT CBMs decision"
# Short, so anything that waits for the lock fails fast instead of passing slowly.
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NEGOTIATOR_BUSY_TIMEOUT_MS": "300"}

HOLD_WRITE_LOCK = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE negotiation SET forum = forum || ' (editing)'")
print("holding", flush=True)
time.sleep(120)
"""


def negotiator(db: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "negotiator", "--db", str(db), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, cwd=ROOT)


def _store(db: Path, paragraphs: tuple[Path, Path] | None = None) -> None:
    rev1, rev2 = paragraphs or (DATA / "positions_rev1.txt", DATA / "positions_rev2.txt")
    for args in (("new", TITLE, "--forum", "OSCE PC", "--delegation", "Belgium"),
                 ("import", TITLE, str(rev1), "--label", "Rev.1"),
                 ("import", TITLE, str(rev2), "--label", "Rev.2"),
                 ("position", TITLE, "Rev.2", "#2", "--actor", "Belgium", "--stance",
                  "support_with_amendments", "--amendment", "Replace 'shall' with 'should'.")):
        assert main(["--db", str(db), *args]) == 0


@pytest.fixture
def writer_holding_the_lock(db_path: Path):
    _store(db_path)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITE_LOCK, str(db_path)],
                              stdout=subprocess.PIPE, env=ENV)
    assert holder.stdout is not None and holder.stdout.readline() == b"holding\n"
    yield db_path
    holder.kill()
    holder.communicate()


def test_read_commands_succeed_while_another_program_writes(writer_holding_the_lock, tmp_path, cli):
    db = writer_holding_the_lock
    # The four the issue names, each in a process of its own, all at once...
    running = {
        "list": negotiator(db, "list"),
        "show": negotiator(db, "show", TITLE, "Rev.2"),
        "diff": negotiator(db, "diff", TITLE, "Rev.1", "Rev.2", "--json"),
        "brief": negotiator(db, "brief", TITLE, "--from", "Rev.1", "--to", "Rev.2",
                            "-o", str(tmp_path / "b.docx")),
    }
    outputs = {}
    for name, proc in running.items():
        outputs[name], err = proc.communicate(timeout=120)
        assert proc.returncode == 0, (name, err.decode())
        assert b"locked" not in err
    # ...they read the last committed state, not the writer's pending change.
    assert b"OSCE PC" in outputs["list"] and b"(editing)" not in outputs["list"]
    # The other read-only commands, from this process (5 s busy timeout: a
    # wait would show as "locked").
    for args in (("list",), ("drafts", TITLE), ("positions", TITLE, "Rev.2"), ("signals", TITLE, "Rev.2"),
                 ("amendments", TITLE, "Rev.2", "--actor", "Belgium", "-o", str(tmp_path / "a.docx")),
                 ("export-positions", TITLE, "-o", str(tmp_path / "p.json"))):
        result = cli(*args)
        assert result.code == 0, (args, result.err)
    assert "(editing)" not in cli("list").out


def test_a_writer_waits_for_the_busy_timeout_then_says_so_in_one_line(writer_holding_the_lock):
    proc = negotiator(writer_holding_the_lock, "position", TITLE, "Rev.1", "#3", "--actor", "EU",
                      "--stance", "support")
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1 and "locked by another program (waited 0.3 s)" in lines[0], lines


def _long_drafts(tmp_path: Path, paragraphs: int) -> tuple[Path, Path]:
    body = "participating States [shall] exchange information on national approaches to"
    rev1 = "\n\n".join(f"{i}. Decides that {body} item {i} in good faith;" for i in range(1, paragraphs))
    rev2 = "\n\n".join(f"{i}. Decides that {body.replace('shall', 'should')} item {i} where possible;"
                       for i in range(1, paragraphs))
    a, b = tmp_path / "rev1.txt", tmp_path / "rev2.txt"
    a.write_text(rev1, encoding="utf-8")
    b.write_text(rev2, encoding="utf-8")
    return a, b


@pytest.mark.slow
def test_a_long_diff_never_makes_a_colleague_s_edit_fail(db_path, tmp_path):
    _store(db_path, _long_drafts(tmp_path, 1500))
    # Import stored this comparison: forget it, so the diff computes (and then
    # stores) it while the edits run.
    with contextlib.closing(sqlite3.connect(db_path)) as con, con:
        con.execute("DELETE FROM comparison_cache")
    with open(tmp_path / "diff.json", "wb") as sink:  # not a pipe: a full pipe would stall it
        diff = subprocess.Popen([sys.executable, "-m", "negotiator", "--db", str(db_path), "diff", TITLE,
                                 "Rev.1", "Rev.2", "--json"], stdout=sink, stderr=subprocess.PIPE,
                                env=ENV, cwd=ROOT)
    edits = 0
    overlapped = False
    while diff.poll() is None or edits == 0:
        stance = ("support", "oppose")[edits % 2]
        edit = negotiator(db_path, "position", TITLE, "Rev.2", f"#{edits % 50 + 1}",
                          "--actor", "Belgium", "--stance", stance)
        _out, err = edit.communicate(timeout=60)
        assert edit.returncode == 0, err.decode()
        assert b"locked" not in err
        edits += 1
        overlapped = overlapped or diff.poll() is None
    _out, err = diff.communicate(timeout=120)
    assert diff.returncode == 0, err.decode()
    assert b'"summary"' in (tmp_path / "diff.json").read_bytes()
    assert overlapped, "the diff ended before any edit ran: make the drafts longer"
