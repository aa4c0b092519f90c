"""Setting up a shared store on PostgreSQL: users, delegations, grants.

The rules themselves (who sees which rows) live in the database, created by
migration 0005, so a colleague with a plain SQL client sees no more than the
app shows. These functions are what an administrator runs, through a URL
whose user owns the tables (or is a superuser): `negotiator server ...`.

- A user is a PostgreSQL login role, member of the group role
  `negotiator_member` (the table privileges).
- A user acts for one delegation of the database (`server_member`); a user
  with none sees nothing. Revoking takes effect at the user's next statement.
- A delegation registered on the server owns its national positions: the
  positions whose actor is that delegation (compared as actor names are:
  case and spacing do not count). Everything else is shared.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from negotiator.domain.actors import actor_key, is_eu
from negotiator.domain.errors import Conflict, NotFound, StoreError
from negotiator.storage.store import Store

MEMBER_ROLE = "negotiator_member"


@dataclass(frozen=True)
class Member:
    user: str
    delegation: str


def _require_server(store: Store) -> None:
    if store.engine.dialect.name != "postgresql":
        raise StoreError("server commands need a PostgreSQL store URL "
                         "(postgresql+psycopg://ADMIN@HOST/DATABASE)")


def _ident(conn: Connection, name: str) -> str:
    """A role name quoted by the server itself (CREATE ROLE takes no parameters)."""
    return str(conn.execute(text("SELECT quote_ident(:n)"), {"n": name}).scalar())


def _literal(conn: Connection, value: str) -> str:
    return str(conn.execute(text("SELECT quote_literal(:v)"), {"v": value}).scalar())


def _check_user_name(user: str) -> str:
    user = user.strip()
    if not user or len(user) > 63 or user.startswith("pg_"):
        raise Conflict(f"'{user}' cannot be a user name (1 to 63 characters, not starting with pg_)")
    if user == MEMBER_ROLE:
        raise Conflict(f"'{user}' is the name of the group of all users")
    return user


def _role_exists(conn: Connection, user: str) -> bool:
    return bool(conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :u"), {"u": user}).scalar())


def init(store: Store) -> str:
    """Make a database a shared store: the schema (migrations, incl. roles and
    policies) is in place once the store is open; this checks it and says so."""
    _require_server(store)
    with store.engine.connect() as conn:
        owner = conn.execute(text(
            "SELECT tableowner FROM pg_tables WHERE tablename = 'negotiation' "
            "AND schemaname = current_schema()")).scalar()
        count = conn.execute(text("SELECT count(*) FROM server_member")).scalar()
    return f"shared store ready at schema {store.revision()} (tables owned by {owner}; {count} users)"


def add_user(store: Store, user: str, password: str, delegation: str) -> Member:
    """Create a login role and put it in a delegation.

    Raises:
        Conflict: a bad name, an empty password, or a user that exists already.
    """
    _require_server(store)
    user = _check_user_name(user)
    if not password:
        raise Conflict("a new user needs a password")
    with store.engine.begin() as conn:
        if _role_exists(conn, user):
            raise Conflict(f"user {user} exists already (use `negotiator server grant`)")
        conn.exec_driver_sql(f"CREATE ROLE {_ident(conn, user)} LOGIN PASSWORD "
                             f"{_literal(conn, password)}")
        return _grant(conn, user, delegation)


def grant(store: Store, user: str, delegation: str) -> Member:
    """Put an existing user in a delegation (moving it from its previous one)."""
    _require_server(store)
    with store.engine.begin() as conn:
        if not _role_exists(conn, user):
            raise NotFound(f"no user {user} on this server (use `negotiator server add-user`)")
        return _grant(conn, user, delegation)


def _grant(conn: Connection, user: str, delegation: str) -> Member:
    delegation = " ".join(delegation.split())
    if not delegation or len(delegation) > 200:
        raise Conflict("a delegation needs a name of 1 to 200 characters, e.g. 'Belgium'")
    if is_eu(delegation):
        raise Conflict(f"'{delegation}' is the EU-coordinated line, which every delegation "
                       "shares; give EU staff a delegation of their own, e.g. 'EU Delegation'")
    key = actor_key(delegation)
    conn.execute(text("INSERT INTO server_delegation (key, name) VALUES (:k, :n) "
                      "ON CONFLICT (key) DO NOTHING"), {"k": key, "n": delegation})
    conn.execute(text("INSERT INTO server_member (role_name, delegation) VALUES (:u, :k) "
                      "ON CONFLICT (role_name) DO UPDATE SET delegation = excluded.delegation"),
                 {"u": user, "k": key})
    conn.exec_driver_sql(f"GRANT {MEMBER_ROLE} TO {_ident(conn, user)}")
    name = conn.execute(text("SELECT name FROM server_delegation WHERE key = :k"), {"k": key}).scalar()
    return Member(user, str(name))


def revoke(store: Store, user: str) -> None:
    """Take a user out of its delegation: from its next statement on it sees nothing."""
    _require_server(store)
    with store.engine.begin() as conn:
        gone = conn.execute(text("DELETE FROM server_member WHERE role_name = :u"), {"u": user}).rowcount
        if not gone and not _role_exists(conn, user):
            raise NotFound(f"no user {user} on this server")
        # The group role stays: it is cluster-wide and another store on the
        # same server may still list the user. Every policy of this database
        # asks this database's server_member, which no longer names the user.


def remove_user(store: Store, user: str) -> None:
    """Revoke, then drop the login role (its past edits keep their author names)."""
    revoke(store, user)
    with store.engine.begin() as conn:
        conn.exec_driver_sql(f"DROP ROLE {_ident(conn, user)}")


def members(store: Store) -> list[Member]:
    """Every user of this store and its delegation, by user name."""
    _require_server(store)
    with store.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT m.role_name, d.name FROM server_member m "
            "JOIN server_delegation d ON d.key = m.delegation ORDER BY m.role_name")).all()
    return [Member(str(u), str(d)) for u, d in rows]
