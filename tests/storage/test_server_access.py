"""Who sees what on a shared store, enforced by PostgreSQL itself: users of two
delegations connect with plain SQL (psycopg, not the app) and through the app."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from negotiator import positions
from negotiator.cli.main import main
from negotiator.domain.errors import Conflict, StoreError
from negotiator.drafts import lineage, negotiations
from negotiator.storage import server
from negotiator.storage.store import Store
from negotiator.text.importer import read_file

DATA = Path(__file__).parents[1] / "data"
TITLE = "ICT CBMs decision"


@pytest.fixture
def shared(pg_cluster, pg_url):
    """A server store with Rev.1, Alice (Belgium) and Bruno (France)."""
    db = make_url(pg_url).database
    admin = Store(pg_url)
    with admin.transaction() as s:
        neg = negotiations.create_negotiation(s, TITLE, "OSCE Permanent Council")
        negotiations.import_draft(s, neg, read_file(DATA / "positions_rev1.txt"), "Rev.1")
    users = {}
    for name, delegation in (("alice", "Belgium"), ("bruno", "France")):
        role = f"{db}_{name}"
        server.add_user(admin, role, f"pw-{name}", delegation)
        users[name] = pg_cluster.user_url(role, f"pw-{name}", db)
    yield admin, users
    admin.close()


def take(url: str, index: int, actor: str, stance: str) -> None:
    st = Store(url)
    try:
        with st.transaction() as s:
            neg = negotiations.find_negotiation(s, TITLE)
            para = lineage.find_paragraph(s, negotiations.find_draft(s, neg, "Rev.1"), f"#{index}")
            positions.set_position(s, para.id, actor, {"stance": stance}, author=actor)
    finally:
        st.close()


def plain(url: str) -> psycopg.Connection:
    """A user's own SQL client: psycopg with the user's name and password."""
    return psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), autocommit=True)


def actors_seen(conn: psycopg.Connection) -> set[str]:
    return {r[0] for r in conn.execute(
        "SELECT a.name FROM position p JOIN actor a ON a.id = p.actor_id")}


def test_a_delegation_sees_its_national_line_and_the_shared_ones_only(shared):
    admin, users = shared
    take(users["alice"], 2, "Belgium", "oppose")
    take(users["alice"], 2, "EU", "support")
    take(users["bruno"], 2, "France", "reserve")
    take(users["bruno"], 3, "Russia", "oppose")  # noted by France: a public position
    with plain(users["alice"]) as a, plain(users["bruno"]) as b:
        assert actors_seen(a) == {"Belgium", "EU", "Russia"}
        assert actors_seen(b) == {"France", "EU", "Russia"}
        # Bruno can neither change nor delete Belgium's position, nor see its history.
        assert b.execute("UPDATE position SET stance = 'support' WHERE actor_id IN "
                         "(SELECT id FROM actor WHERE name = 'Belgium')").rowcount == 0
        assert b.execute("DELETE FROM position WHERE actor_id IN "
                         "(SELECT id FROM actor WHERE name = 'Belgium')").rowcount == 0
        history = {r[0] for r in b.execute("SELECT new->'actor'->>'name' FROM position_history")}
        assert history == {"France", "EU", "Russia"}
        # Nor slip a position in under Belgium's name.
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            b.execute("UPDATE position SET actor_id = (SELECT id FROM actor WHERE name = 'Belgium') "
                      "WHERE actor_id = (SELECT id FROM actor WHERE name = 'France')")
        # Both read the EU line; both drafts' paragraphs are shared.
        for conn in (a, b):
            assert conn.execute("SELECT count(*) FROM paragraph").fetchone()[0] == 8
    # The administrator (the tables' owner) sees everything.
    with admin.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM position").scalar() == 4
    # Through the app, Bruno writing Belgium's line gets one line, not a traceback.
    with pytest.raises(StoreError, match="another delegation's national positions"):
        take(users["bruno"], 4, "Belgium", "support")


def test_notes_stay_with_the_delegation_that_wrote_them(shared):
    _admin, users = shared
    st = Store(users["alice"])
    with st.transaction() as s:
        neg = negotiations.find_negotiation(s, TITLE)
        para = lineage.find_paragraph(s, negotiations.find_draft(s, neg, "Rev.1"), "#2")
        positions.add_note(s, para.id, "Capital wants 'should'.", author="alice")
    st.close()
    with plain(users["alice"]) as a, plain(users["bruno"]) as b:
        assert a.execute("SELECT text, delegation FROM note").fetchall() == [
            ("Capital wants 'should'.", "Belgium")]
        assert b.execute("SELECT count(*) FROM note").fetchone()[0] == 0
        # A member cannot pass a note off as another delegation's.
        b.execute("INSERT INTO note (uid, negotiation_id, paragraph_id, text, created_at, deleted, "
                  "delegation) SELECT 'n-bruno', d.negotiation_id, p.id, 'x', now(), false, "
                  "'Belgium' FROM paragraph p JOIN draft d ON d.id = p.draft_id LIMIT 1")
        assert a.execute("SELECT count(*) FROM note WHERE uid = 'n-bruno'").fetchone()[0] == 0
        assert b.execute("SELECT delegation FROM note").fetchone()[0] == "France"


def test_a_user_taken_out_of_a_delegation_loses_access_at_once(shared):
    admin, users = shared
    take(users["alice"], 2, "Belgium", "oppose")
    with plain(users["alice"]) as a:
        assert a.execute("SELECT count(*) FROM position").fetchone()[0] == 1
        db = make_url(users["alice"]).database
        server.revoke(admin, f"{db}_alice")
        # The same open connection, the very next statement.
        assert a.execute("SELECT count(*) FROM position").fetchone()[0] == 0
        assert a.execute("SELECT count(*) FROM paragraph").fetchone()[0] == 0
    with pytest.raises(StoreError, match="has no delegation on .*server grant"):
        Store(users["alice"])


def test_wrong_password_is_one_line(shared):
    _admin, users = shared
    with pytest.raises(StoreError) as caught:
        Store(users["alice"].replace("pw-alice", "guess"))
    assert "wrong password" in str(caught.value) and "\n" not in str(caught.value)
    assert "guess" not in str(caught.value)


def test_server_commands_refuse_bad_names(shared):
    admin, _users = shared
    with pytest.raises(Conflict, match="EU-coordinated line"):
        server.add_user(admin, "eu_staff_x", "pw", "European Union")
    with pytest.raises(Conflict, match="exists already"):
        server.add_user(admin, "postgres", "pw", "Belgium")


def test_drafts_cannot_change_on_the_server_either(shared):
    admin, _users = shared
    with admin.engine.connect() as conn, pytest.raises(Exception, match="cannot change"):
        conn.exec_driver_sql("UPDATE paragraph SET text = 'Invites to act.'")
    with admin.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE paragraph SET kind = 'other'")  # kind stays overridable


def test_server_commands_from_the_command_line(pg_cluster, pg_url, monkeypatch, capsys):
    import io

    db = make_url(pg_url).database
    user = f"{db}_carla"

    def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main(["--db", pg_url, "server", *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    assert run("init")[0] == 0
    assert run("add-user", user, "--delegation", "Belgium", "--password-stdin",
               stdin="s3cret\n")[1] == f"added user {user} to the delegation of Belgium\n"
    assert run("members")[1] == f"{user}\tBelgium\n"
    carla = Store(pg_cluster.user_url(user, "s3cret", db))
    assert carla.acting_for == "Belgium"
    carla.close()
    assert run("grant", user, "France")[1] == f"{user} now acts for France\n"
    assert run("revoke", user)[0] == 0
    assert run("members")[1] == ""
    code, _out, err = run("grant", "nobody_here", "France")
    assert code == 1 and "no user nobody_here" in err
    assert run("remove-user", user)[0] == 0
