"""The one module that owns the store: where it lives, the engine, its pragmas,
schema migrations (Alembic), backups before an upgrade, and transactions.

Everything else asks ``Store.transaction()`` for a session per user action;
no session outlives the action and none crosses threads.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from negotiator.domain.errors import Conflict, StoreError
from negotiator.storage.limits import check_lengths
from negotiator.storage.private_files import (
    atomic_target,
    clean_stale_parts,
    create_private,
    make_private,
    private_dir,
)
from negotiator.storage.server_engine import (
    check_server_access,
    describe_server_error,
    is_refusal,
    make_server_engine,
)

if TYPE_CHECKING:
    from alembic.config import Config

_T = TypeVar("_T")
# The newest migration's revision id, so opening a current store needs one
# query and no Alembic (about 0.2 s of imports); tests/test_store.py keeps it
# equal to the migrations' head.
HEAD_REVISION = "0006"
ENV_VAR = "NEGOTIATOR_DB"
MIGRATIONS = Path(__file__).with_name("migrations")
# How long a writer waits for another program's transaction before giving up;
# long enough for another laptop's import, short enough that a user is told.
BUSY_TIMEOUT_MS = int(os.environ.get("NEGOTIATOR_BUSY_TIMEOUT_MS", "5000"))
# Most ids in one `IN (...)`: SQLite's limit on SQL variables is 32766 (and
# 999 before 3.32); a 250,000-paragraph draft is looked up in parts.
IN_CHUNK = 900


def chunks(values: Sequence[_T], size: int = IN_CHUNK) -> Iterator[Sequence[_T]]:
    """``values`` in consecutive parts of at most ``size``, for ``column.in_(part)``."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def default_db_path() -> Path:
    """The store in the user's data directory (created on first use)."""
    return platformdirs.user_data_path("negotiator", appauthor=False) / "negotiator.sqlite"


def _named(db: str | os.PathLike[str] | None) -> str | None:
    """The store a user named: ``--db`` or else ``$NEGOTIATOR_DB`` (None: the default)."""
    return str(db) if db is not None else os.environ.get(ENV_VAR) or None


def named_path(db: str | os.PathLike[str] | None = None) -> Path | None:
    """The file of a store named by a path (``--db``, ``$NEGOTIATOR_DB``); None
    for the default store or a SQLAlchemy URL."""
    value = _named(db)
    return None if value is None or "://" in value else Path(value).expanduser()


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """Turn ``--db`` (a path or a SQLAlchemy URL), ``$NEGOTIATOR_DB`` or the
    default into a SQLAlchemy URL."""
    value = _named(db)
    if value is not None and "://" in value:
        return value
    path = named_path(db) or default_db_path()
    return f"sqlite:///{path.resolve()}"


def _alembic_config(connection: object | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The migrations' head, asked of Alembic (``HEAD_REVISION`` without it)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy's BEGIN (below) start transactions, so DDL in migrations
    # is transactional too (pysqlite would otherwise commit before it).
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


# Execution option asking for a read-only transaction (plain deferred BEGIN).
READ_ONLY = "negotiator_read_only"


def _on_sqlite_begin(conn: object) -> None:
    # Writers take the write lock up front (BEGIN IMMEDIATE): a deferred
    # transaction that read first and then tries to write after another
    # program committed fails at once with "database is locked" (WAL snapshot
    # conflict), which the busy timeout cannot cure. Waiting at BEGIN can.
    options = conn.get_execution_options()  # type: ignore[attr-defined]
    conn.exec_driver_sql("BEGIN" if options.get(READ_ONLY) else "BEGIN IMMEDIATE")  # type: ignore[attr-defined]


def prepare_sqlite_file(path: Path) -> None:
    """Make a SQLite store's file private before SQLite opens it: a missing
    folder is created 0700 (the default data folder is always kept 0700), a
    missing file created 0600 (SQLite gives its -wal and -shm files the same
    mode), an existing one tightened to 0600; stale temporaries are removed."""
    folder = path.parent
    if not folder.exists() or folder == default_db_path().parent:
        private_dir(folder)
    create_private(path)
    for extra in ("", "-wal", "-shm"):
        make_private(path.with_name(path.name + extra))
    clean_stale_parts(folder, path.name)


def _json_text(value: Any) -> str:
    """What ``json.dumps`` (SQLAlchemy's default) writes, the empty list (most
    paragraphs' footnotes: ten thousand on a long draft's import) without a call."""
    if isinstance(value, list) and not value:
        return "[]"
    return json.dumps(value)


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path and path != ":memory:" and not path.startswith("file:"):
            prepare_sqlite_file(Path(path))
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
                               json_serializer=_json_text)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return make_server_engine(url)


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """Copy a SQLite store next to itself with SQLite's online backup (safe in WAL mode)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{revision or 'unversioned'}-{stamp}.bak")
    with atomic_target(target) as tmp:  # private, and never half a backup
        src = sqlite3.connect(path)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    return target


def describe(exc: BaseException, url: str) -> str:
    """A one-line message for a database error, fit to show to a user."""
    server = describe_server_error(exc, url)
    if server is not None:
        return server
    text = str(getattr(exc, "orig", exc))
    where = make_url(url).database or url
    if "locked" in text or "busy" in text:
        return (f"the store {where} is locked by another program (waited "
                f"{BUSY_TIMEOUT_MS / 1000:g} s); try again when it has finished")
    if "not a database" in text or "malformed" in text:
        return f"the store {where} is damaged or not a Negotiator store ({text})"
    if "readonly" in text or "unable to open" in text:
        return f"the store {where} cannot be written ({text})"
    return f"the store {where} failed: {text}"


class Store:
    """An open negotiation store: engine plus session factory, upgraded to the newest schema."""

    def __init__(self, url: str, *, upgrade: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.backup_path: Path | None = None
        # On a server: the delegation this connection acts for (None: the administrator).
        self.acting_for: str | None = None
        try:
            if upgrade:
                self._upgrade()
        except DBAPIError as exc:
            self.engine.dispose()
            raise StoreError(describe(exc, url)) from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", check_lengths)
        if self.engine.dialect.name == "postgresql":
            self.acting_for = check_server_access(self.engine, url)

    @classmethod
    def open(cls, db: str | os.PathLike[str] | None = None) -> Store:
        return cls(resolve_url(db))

    @property
    def path(self) -> Path | None:
        url = make_url(self.url)
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            return Path(url.database)
        return None

    def revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def _stamped_revision(self) -> str | None:
        """The store's schema revision by one query; None when that cannot say
        (a new or foreign file: Alembic then looks closer)."""
        try:
            with self.engine.connect().execution_options(**{READ_ONLY: True}) as conn:
                rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
        except DBAPIError:
            return None
        return rows[0][0] if len(rows) == 1 else None

    def _upgrade(self) -> None:
        if self._stamped_revision() == HEAD_REVISION:
            return  # the usual start: no Alembic loaded
        from alembic import command
        from alembic.runtime.migration import MigrationContext

        head = head_revision()
        with self.engine.connect().execution_options(**{READ_ONLY: True}) as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            has_tables = bool(inspect(conn).get_table_names())
        if current == head:
            return
        if current is not None and current not in _known_revisions():
            raise StoreError(
                f"the store {self.path or self.url} was written by a newer Negotiator "
                f"(schema {current}); update Negotiator to open it"
            )
        if current is None and has_tables:
            raise StoreError(f"{self.path or self.url} is not a Negotiator store")
        if current is not None and self.path is not None and self.path.exists():
            self.backup_path = backup_sqlite(self.path, current)
        with self.engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")

    @contextmanager
    def transaction(self, *, read_only: bool = False) -> Iterator[Session]:
        """One user action: commits at the end, rolls everything back on any error.

        Args:
            read_only: the action only reads; it then does not wait for writers.
        """
        session = self._sessions()
        try:
            with session.begin():
                if read_only:
                    session.connection(execution_options={READ_ONLY: True})
                yield session
        except OperationalError as exc:
            raise StoreError(describe(exc, self.url)) from exc
        except DBAPIError as exc:
            if not is_refusal(exc):
                raise
            raise StoreError(describe(exc, self.url)) from exc
        except StaleDataError:
            raise Conflict("what you changed was changed by someone else at the same moment; "
                           "reload it and make your change again") from None
        finally:
            session.close()

    def read(self) -> contextlib.AbstractContextManager[Session]:
        """A read-only action: a deferred transaction that takes no write lock,
        so it neither waits for a writer nor makes one wait (WAL readers see
        the last committed state)."""
        return self.transaction(read_only=True)

    def close(self) -> None:
        self.engine.dispose()


# How long a best-effort write (``write_aside``) waits for another writer.
ASIDE_BUSY_TIMEOUT_MS = 100


def write_aside(session: Session, write: Callable[[Any], None]) -> bool:
    """Write something that can always be computed again (a cache), without
    putting the caller's action at risk: inside a writing transaction under a
    savepoint; inside a read-only one on a connection of its own that gives up
    after ``ASIDE_BUSY_TIMEOUT_MS`` rather than make a reader wait for a writer.

    Returns:
        Whether it was written.
    """
    conn = session.connection()
    try:
        if not conn.get_execution_options().get(READ_ONLY):
            with session.begin_nested():
                write(session)
            return True
        engine = conn.engine
        if engine.url.get_backend_name() == "sqlite" and engine.url.database in (None, "", ":memory:"):
            return False  # one connection only: nothing aside to write through
        with engine.connect() as aside:
            raw = aside.connection.driver_connection
            if engine.url.get_backend_name() == "sqlite":
                raw.execute(f"PRAGMA busy_timeout={ASIDE_BUSY_TIMEOUT_MS}")  # type: ignore[union-attr]
            try:
                with aside.begin():
                    write(aside)
            finally:
                if engine.url.get_backend_name() == "sqlite":
                    raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # type: ignore[union-attr]
        return True
    except DBAPIError:
        return False


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}
