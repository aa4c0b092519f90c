"""Shared fixtures. Qt runs offscreen; every test gets its own store and user dirs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# PYTHONDONTWRITEBYTECODE (set on some machines to keep checkouts clean) makes each
# xdist worker and each `python -m negotiator` child compile every module again, and
# pytest rewrite every test's asserts again: ~4 s per worker. Keep the bytecode, out
# of the checkout's folders, in pytest's own (git-ignored) cache folder. Set before
# the workers and children start, so they inherit it.
if sys.dont_write_bytecode and not sys.pycache_prefix:
    sys.pycache_prefix = str(ROOT / ".pytest_cache" / "pycache")
    sys.dont_write_bytecode = False
    os.environ["PYTHONPYCACHEPREFIX"] = sys.pycache_prefix
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

CORPUS = ROOT.parent.parent / "shared" / "corpus"
if not CORPUS.exists():
    CORPUS = Path(os.environ.get("NEGOTIATOR_CORPUS", "/work/shared/corpus"))
DEMO = ROOT / "resources" / "demo"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep tests away from the real data directory and $NEGOTIATOR_DB."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("NEGOTIATOR_DB", raising=False)
    # Never the user's keyring: the signing key falls back to a file in this home.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_in_process(db: str | Path | None, *args: str) -> Result:
    """`negotiator --db DB ARGS...` in this process (no start-up cost), its output captured;
    without `--db` when DB is None."""
    import contextlib
    import io

    from negotiator.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([*(("--db", str(db)) if db is not None else ()), *args])
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
    return Result(code, out.getvalue(), err.getvalue())


def ok_in_process(db: str | Path, *args: str) -> str:
    """The output of a command that must succeed."""
    done = run_in_process(db, *args)
    assert done.code == 0, f"{args}: {done.err}"
    return done.out


def store_with_drafts(db: Path, title: str, drafts: dict[str, str], *,
                      delegation: str | None = "Belgium") -> Path:
    """A store (created at ``db``) holding one negotiation and its drafts, each
    label's text imported from a .txt file beside the store, as a user would."""
    ok_in_process(db, "new", title, "--forum", "UNGA First Committee",
                  *(("--delegation", delegation) if delegation else ()))
    for label, text in drafts.items():
        source = db.with_name(f"{label}.txt")
        source.write_text(text, encoding="utf-8")
        ok_in_process(db, "import", title, str(source), "--label", label)
    return db


@pytest.fixture
def cli(db_path: Path):
    """Run `negotiator --db <tmp store> ARGS...` in-process."""

    def run(*args: str) -> Result:
        return run_in_process(db_path, *args)

    return run


def run_negotiator(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None,
                   timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """Run the real command in a child process (`python -m negotiator`)."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "negotiator", *args],
        input=stdin, capture_output=True, env=full_env, timeout=timeout, cwd=ROOT,
    )


# --- PostgreSQL: a throwaway cluster for the server-mode tests -----------------------
#
# Opt-in per test module: a module that wants both backends uses `store_url`
# (parametrised sqlite/postgresql); one that re-runs SQLite tests on the server
# overrides `db_path` with `pg_url`. The cluster starts once per session, only
# when such a test runs, and stops at the end (tests/storage/pg_cluster.py).


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster (run as the `postgres` user when we are root)."""
    from tests.storage.pg_cluster import NoPostgres, PgCluster

    # In memory when the machine has a tmpfs: each test's database is a copy of the
    # template (~10 MB of files) and the folder is removed at the end; on disk that
    # costs ~0.1 s a test and several seconds at the end of the run.
    shm = Path("/dev/shm")
    parent = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    try:
        cluster = PgCluster.start(parent)
    except NoPostgres as exc:
        pytest.skip(str(exc))
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """The admin URL of a fresh database at the newest schema."""
    return pg_cluster.admin_url(pg_cluster.new_database())


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on a SQLite file and on a PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    return str(request.getfixturevalue("pg_url"))


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection imported (Qt, SQLAlchemy, every test module) lives for the whole
    run: out of the cycle collector's full passes, which then look only at what the
    tests made (the one after each GUI test below took ~0.09 s, now ~0.02 s)."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tests with a QApplication collect garbage on the GUI thread only, as the
    client does (ui/gc_guard.py): a collection on a worker thread would free Qt
    objects there. Afterwards the main thread collects what the test left, and
    the other tests run with the usual automatic collection."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    from ui import gc_guard

    gc_guard.install(request.getfixturevalue("qapp"))
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()
