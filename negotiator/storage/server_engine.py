"""Connecting to a database server (PostgreSQL): the engine, one-line messages
for what goes wrong on the way, and who the connection acts for.

SQLite files stay in store.py; this module holds what only a server needs.
"""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from negotiator.domain.errors import StoreError

# The driver we ship and test (README, dependency table).
DEFAULT_DRIVER = "postgresql+psycopg"
# Python module a SQLAlchemy dialect imports -> the package that provides it.
DRIVER_PACKAGES = {
    "psycopg": "psycopg[binary]",
    "psycopg2": "psycopg2-binary",
    "asyncpg": "asyncpg",
    "pg8000": "pg8000",
    "MySQLdb": "mysqlclient",
    "pymysql": "PyMySQL",
    "mysql": "mysql-connector-python",
    "oracledb": "oracledb",
    "cx_Oracle": "cx_Oracle",
    "pyodbc": "pyodbc",
    "pymssql": "pymssql",
}
CONNECT_TIMEOUT_S = 10
# SQLSTATE of "insufficient privilege", which row-level security also raises.
INSUFFICIENT_PRIVILEGE = "42501"


def server_url(url: str) -> str:
    """`postgresql://` and `postgres://` mean our driver, psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return DEFAULT_DRIVER + "://" + url[len(prefix):]
    return url


def user_of(url: str) -> str:
    """The user name a store URL connects as ("" when none is given)."""
    return make_url(url).username or ""


def shown(url: str | URL) -> str:
    """A store URL fit to print: never its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "the store URL"


def where(url: str) -> str:
    """The server and database of a URL, as a user knows it: `host:port/db`."""
    u = make_url(server_url(url))
    host = u.host or u.query.get("host") or "localhost"
    return f"{host}:{u.port or 5432}/{u.database or ''}"


def make_server_engine(url: str) -> Engine:
    """An engine for a server URL; a missing driver is a one-line StoreError.

    Raises:
        StoreError: the URL is not valid, names an unknown database, or its
            driver package is not installed.
    """
    url = server_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"'{url}' is neither a file name nor a valid store URL") from None
    args: dict[str, object] = {}
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() == "psycopg":
        args = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "negotiator"}
    try:
        # pre_ping: after a server restart or a dropped link, the next action
        # reconnects instead of failing on a dead pooled connection.
        return create_engine(parsed, pool_pre_ping=True, connect_args=args)
    except NoSuchModuleError:
        raise StoreError(f"{shown(parsed)}: '{parsed.drivername}' is not a kind of database "
                         "Negotiator can use (use postgresql+psycopg://)") from None
    except ImportError as exc:
        module = (exc.name or "").split(".")[0]
        package = DRIVER_PACKAGES.get(module, module or "the database driver")
        raise StoreError(f"{shown(parsed)} needs the Python package {package}, which is not "
                         f"installed (pip install '{package}')") from None


def is_refusal(exc: DBAPIError) -> bool:
    """Whether a database error is the server refusing this user (not a bug of ours)."""
    return getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE


def describe_server_error(exc: BaseException, url: str) -> str | None:
    """A one-line message for what a server said (None for a SQLite store)."""
    if url.startswith("sqlite"):
        return None
    orig = getattr(exc, "orig", exc)
    text_ = str(orig).strip()
    lowered = text_.lower()
    user = make_url(server_url(url)).username or "(default user)"
    place = where(url)
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return f"the server {place} refused user {user}: wrong password or unknown user"
    if "does not exist" in lowered and ("role" in lowered or "database" in lowered) \
            and "connection" in lowered:
        return f"the server {place} refused the connection: {_last_clause(text_)}"
    if "connection refused" in lowered or "could not connect" in lowered \
            or "no such file or directory" in lowered or "could not translate host" in lowered:
        return f"cannot reach the server {place}: is it running, and is the address right?"
    if "timeout expired" in lowered:
        return f"the server {place} did not answer within {CONNECT_TIMEOUT_S} s"
    if any(k in lowered for k in ("server closed the connection", "terminating connection",
                                  "consuming input failed", "connection is closed",
                                  "connection already closed", "ssl syscall", "the connection is lost")):
        return (f"the connection to {place} was lost during the action; nothing of it was "
                "saved: try again")
    if getattr(orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
        if "row-level security" in lowered:
            return (f"user {user} may not write that: it belongs to another delegation's "
                    "national positions or notes")
        return (f"user {user} has no delegation on {place}; ask the administrator to run "
                f"`negotiator server grant {user} DELEGATION`")
    if "violates" in lowered or "cannot change" in lowered:
        return f"the server {place} refused the change: {text_.splitlines()[0]}"
    return f"the server {place} failed: {text_.splitlines()[0] if text_ else type(orig).__name__}"


def _last_clause(text_: str) -> str:
    first = text_.splitlines()[0]
    return first.rsplit(":", 1)[-1].strip()


def check_server_access(engine: Engine, url: str) -> str | None:
    """The delegation a server connection acts for; None for the administrator
    (the owner of the tables) or a server without delegations (migration 0005).

    Raises:
        StoreError: the user belongs to no delegation of this database.
    """
    try:
        with engine.connect() as conn:
            row = conn.execute(text(
                "SELECT (SELECT name FROM server_delegation d WHERE d.key = negotiator_delegation()),"
                " (SELECT tableowner = current_user FROM pg_tables"
                "   WHERE tablename = 'negotiation' AND schemaname = current_schema()),"
                " (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)")).one()
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(describe_server_error(exc, url) or f"the server {where(url)} failed: "
                         f"{str(getattr(exc, 'orig', exc)).splitlines()[0]}") from exc
    delegation, owner, superuser = row
    if delegation is None and not (owner or superuser):
        engine.dispose()
        user = make_url(server_url(url)).username
        raise StoreError(f"user {user} has no delegation on {where(url)}; ask the administrator "
                         f"to run `negotiator server grant {user} DELEGATION`")
    return str(delegation) if delegation is not None else None


def login_url(url: str, user: str, password: str) -> str:
    """A server URL with this user and password in it (for opening a Store).

    Raises:
        StoreError: `url` is not a valid store URL.
    """
    try:
        parsed = make_url(server_url(url.strip()))
    except ArgumentError:
        raise StoreError(f"'{url}' is not a valid server address "
                         "(e.g. postgresql://db.ministry.example/negotiations)") from None
    return parsed.set(username=user.strip() or None,
                      password=password or None).render_as_string(hide_password=False)


def bare_url(url: str) -> str:
    """A server URL without user and password: what the client keeps in its settings."""
    return make_url(url.strip()).set(username=None, password=None).render_as_string()
