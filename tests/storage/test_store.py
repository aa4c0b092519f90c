"""The store: where it lives, its pragmas, migrations with backups, transactions,
immutability of drafts, and surviving a kill in the middle of an import."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from negotiator.domain.errors import StoreError
from negotiator.storage import store as store_mod
from negotiator.storage.store import Store, _alembic_config, head_revision, make_engine, resolve_url
from tests.conftest import ROOT, ok_in_process, run_in_process, run_negotiator


def test_default_store_lives_in_the_user_data_directory(isolated_home):
    url = resolve_url(None)
    assert url == f"sqlite:///{isolated_home / 'data' / 'negotiator' / 'negotiator.sqlite'}"


def test_env_variable_and_db_option(monkeypatch, tmp_path):
    monkeypatch.setenv("NEGOTIATOR_DB", str(tmp_path / "env.sqlite"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.sqlite'}"
    assert resolve_url(tmp_path / "opt.sqlite") == f"sqlite:///{tmp_path / 'opt.sqlite'}"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_cli_uses_env_store(monkeypatch, tmp_path):
    monkeypatch.setenv("NEGOTIATOR_DB", str(tmp_path / "env.sqlite"))
    ok_in_process(None, "new", "T", "--forum", "UN")
    assert (tmp_path / "env.sqlite").exists()
    assert json.loads(ok_in_process(None, "list", "--json"))[0]["title"] == "T"


def test_pragmas(db_path):
    st = Store.open(db_path)
    with st.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == store_mod.BUSY_TIMEOUT_MS
    assert st.revision() == head_revision()
    st.close()


def test_failed_action_writes_nothing(db_path):
    from negotiator.drafts import negotiations
    st = Store.open(db_path)
    with pytest.raises(RuntimeError):
        with st.transaction() as s:
            negotiations.create_negotiation(s, "Will vanish", "UN")
            raise RuntimeError("crash in the middle of an action")
    with st.transaction() as s:
        assert negotiations.list_negotiations(s) == []
    st.close()


def test_imported_paragraphs_cannot_be_changed(cli, db_path, tmp_path):
    src = tmp_path / "d.txt"
    src.write_text("1. Decides to act.\n")
    cli("new", "T", "--forum", "UN")
    assert cli("import", "T", str(src), "--label", "Rev.1").code == 0
    con = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="cannot change"):
        con.execute("UPDATE paragraph SET text = 'Invites to act.'")
    con.execute("UPDATE paragraph SET kind = 'other'")  # kind stays overridable
    con.close()


def _store_at_first_revision(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
        conn.execute(text("INSERT INTO negotiation (id, title, forum, created_at) "
                          "VALUES (1, 'Old talks', 'UN', '2026-01-01 10:00:00')"))
        conn.execute(text("INSERT INTO draft (id, negotiation_id, label, \"order\", content_checksum, "
                          "imported_at, warnings) VALUES (1, 1, 'Rev.1', 1, 'abc', "
                          "'2026-01-01 10:00:00', '[]')"))
        conn.execute(text("INSERT INTO lineage (id, negotiation_id) VALUES (1, 1)"))
        conn.execute(text("INSERT INTO paragraph (draft_id, ordinal, number, level, kind, text, "
                          "brackets, brackets_balanced, footnotes, lineage_id) VALUES "
                          "(1, 0, '1', 0, 'operative', 'Decides [to act].', 1, 1, '[]', 1)"))
    engine.dispose()


def test_upgrade_from_first_migration_keeps_data_and_backs_up(db_path):
    _store_at_first_revision(db_path)
    st = Store.open(db_path)
    assert st.revision() == head_revision()
    assert st.backup_path is not None and st.backup_path.exists()
    assert st.backup_path.parent == db_path.parent
    with st.transaction() as s:
        assert s.execute(text("SELECT text, brackets FROM paragraph")).all() == [("Decides [to act].", 1)]
    st.close()
    # The backup is the store as it was before the upgrade.
    old = sqlite3.connect(st.backup_path)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert old.execute("SELECT title FROM negotiation").fetchone() == ("Old talks",)
    old.close()
    # And the upgraded store works from the command line.
    shown = ok_in_process(db_path, "show", "Old talks", "Rev.1", "--json")
    assert json.loads(shown)[0]["text"] == "Decides [to act]."


def test_store_from_a_newer_version_is_refused(db_path):
    Store.open(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer Negotiator"):
        Store.open(db_path)


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_bytes(b"these are my notes, not a database" * 100)
    done = run_in_process(bogus, "list")
    assert done.code == 1
    assert "damaged or not a Negotiator store" in done.err
    assert bogus.read_bytes() == b"these are my notes, not a database" * 100


def test_locked_store_gives_a_clear_message(db_path):
    Store.open(db_path).close()
    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        done = run_negotiator("--db", str(db_path), "new", "T", "--forum", "UN",
                              env={"NEGOTIATOR_BUSY_TIMEOUT_MS": "300"})
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert done.returncode == 1
    assert b"is locked by another program" in done.stderr
    assert b"Traceback" not in done.stderr


def _big_draft(path: Path, paragraphs: int) -> None:
    body = " ".join(["participating States [shall] [should] exchange information on"] * 4)
    path.write_text("\n\n".join(f"{i}. Decides that {body} {i};" for i in range(1, paragraphs + 1)))


@pytest.mark.slow
@pytest.mark.parametrize("attempt", range(3))
def test_sigkill_during_import_leaves_all_or_nothing(db_path, tmp_path, attempt):
    src = tmp_path / "big.txt"
    count = 40_000
    _big_draft(src, count)
    ok_in_process(db_path, "new", "T", "--forum", "UN")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "negotiator", "--db", str(db_path), "import", "T", str(src),
         "--label", "Rev.1"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = Path(f"{db_path}-wal")
    # Kill once the transaction has started spilling pages (attempt 0), or at
    # later moments (attempts 1, 2), so both sides of the commit get exercised.
    deadline = time.monotonic() + 60
    threshold = [256 * 1024, 2 * 1024 * 1024, 4 * 1024 * 1024][attempt]
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if wal.stat().st_size > threshold:
                break
        except FileNotFoundError:  # not made yet, or removed as the child's first connections closed
            pass
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    rows = con.execute("SELECT count(*) FROM paragraph").fetchone()[0]
    drafts = con.execute("SELECT count(*) FROM draft").fetchone()[0]
    con.close()
    assert (drafts, rows) in {(0, 0), (1, count)}
    assert run_in_process(db_path, "drafts", "T", "--json").code == 0
