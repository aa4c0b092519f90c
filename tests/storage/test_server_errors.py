"""Bad input on the way to a store, on both backends: one line, nothing written."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import text

from negotiator import positions
from negotiator.cli.main import main
from negotiator.domain.errors import Conflict, StoreError
from negotiator.drafts import lineage, negotiations
from negotiator.storage.store import Store
from negotiator.text.importer import read_bytes
from tests.conftest import ROOT


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(args))
    return code, capsys.readouterr().err


@pytest.mark.parametrize(("what", "args"), [
    ("a negotiation title can be at most 500", ("new", "T" * 501, "--forum", "UN")),
    ("a draft label can be at most 100", ("import", "T", "REV2", "--label", "R" * 101)),
    ("an actor name can be at most 200", ("position", "T", "Rev.1", "1", "--actor", "A" * 201,
                                          "--stance", "support")),
])
def test_over_long_names_are_one_line_on_both_backends(store_url, capsys, what, args):
    st = Store(store_url)
    with st.transaction() as s:
        neg = negotiations.create_negotiation(s, "T", "UN")
        negotiations.import_draft(s, neg, read_bytes(b"1. Decides to act.\n", "r.txt"), "Rev.1")
    st.close()
    rev2 = str(ROOT / "tests" / "data" / "positions_rev2.txt")
    code, err = run_cli(capsys, "--db", store_url, *(rev2 if a == "REV2" else a for a in args))
    assert code == 1
    assert err.count("\n") == 1 and what in err and "Traceback" not in err
    st = Store(store_url)
    with st.transaction(read_only=True) as s:
        assert [n.drafts for n in negotiations.list_negotiations(s)] == [1]
        assert s.execute(text("SELECT count(*) FROM actor")).scalar() == 0
    st.close()


def test_a_refused_connection_is_one_line(capsys):
    code, err = run_cli(capsys, "--db", "postgresql+psycopg://anna:secret@127.0.0.1:9/talks", "list")
    assert code == 1
    assert err == ("negotiator: error: cannot reach the server 127.0.0.1:9/talks: "
                   "is it running, and is the address right?\n")


@pytest.mark.parametrize(("url", "package"), [
    ("mysql://anna@db.example/talks", "mysqlclient"),
    ("postgresql+psycopg://anna@db.example/talks", "psycopg[binary]"),
])
def test_a_missing_driver_names_its_package(url, package):
    # A Python where psycopg is not installed (blocked from importing).
    code = ("import sys; sys.modules['psycopg'] = None; sys.modules['MySQLdb'] = None; "
            "from negotiator.cli.main import main; sys.exit(main(sys.argv[1:]))")
    done = subprocess.run([sys.executable, "-c", code, "--db", url, "list"], capture_output=True,
                          text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert f"needs the Python package {package}, which is not installed" in done.stderr


def test_server_gone_mid_edit_keeps_nothing_then_the_resent_edit_lands(pg_url):
    st = Store(pg_url)
    with st.transaction() as s:
        neg = negotiations.create_negotiation(s, "T", "UN")
        negotiations.import_draft(s, neg, read_bytes(b"1. Decides to act.\n", "r.txt"), "Rev.1")
        pid = lineage.find_paragraph(s, negotiations.find_draft(s, neg, "Rev.1"), "1").id
    admin = Store(pg_url)
    with pytest.raises(StoreError) as caught:
        with st.transaction() as s:
            positions.set_position(s, pid, "Belgium", {"stance": "oppose"}, author="anna")
            mine = s.execute(text("SELECT pg_backend_pid()")).scalar()
            with admin.engine.connect() as conn:  # the server drops this connection
                conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": mine})
    assert "was lost during the action; nothing of it was saved: try again" in str(caught.value)
    assert "\n" not in str(caught.value)
    # Nothing half-written; the same store reconnects and the resent edit lands.
    with st.transaction() as s:
        assert positions.set_position(s, pid, "Belgium", {"stance": "oppose"}, author="anna").created
    admin.close()
    st.close()


def test_stale_edit_message_is_the_same_on_both(store_url):
    st = Store(store_url)
    with st.transaction() as s:
        neg = negotiations.create_negotiation(s, "T", "UN")
        negotiations.import_draft(s, neg, read_bytes(b"1. Decides to act.\n", "r.txt"), "Rev.1")
        pid = lineage.find_paragraph(s, negotiations.find_draft(s, neg, "Rev.1"), "1").id
        positions.set_position(s, pid, "EU", {"stance": "support"}, author="anna")
    with st.transaction() as s:
        positions.set_position(s, pid, "EU", {"stance": "oppose"}, author="ben", expected_version=1)
    with pytest.raises(Conflict, match="reload it and make your change again"):
        with st.transaction() as s:
            positions.set_position(s, pid, "EU", {"stance": "reserve"}, author="anna",
                                   expected_version=1)
    st.close()
