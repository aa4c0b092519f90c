"""A store path that does not exist is a mistyped path: a command that only reads
or changes a negotiation says so in one line and creates nothing; `new` and
`demo` start a store there."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ok_in_process, run_in_process


@pytest.mark.parametrize("args", [("list",), ("drafts", "1"), ("diff", "1", "A", "B"),
                                  ("import", "1", "draft.txt", "--label", "A")])
def test_a_command_on_a_missing_store_says_so_and_creates_nothing(tmp_path: Path,
                                                                   args: tuple[str, ...]) -> None:
    db = tmp_path / "typo" / "store.sqlite"
    done = run_in_process(db, *args)
    assert done.code == 1 and done.err.count("\n") == 1, done.err
    assert f"there is no store at {db}" in done.err
    assert not db.parent.exists()


def test_new_starts_a_store_where_it_is_named(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    ok_in_process(db, "new", "Cyber norms", "--forum", "UNGA First Committee")
    assert "Cyber norms" in ok_in_process(db, "list")
