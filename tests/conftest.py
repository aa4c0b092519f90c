"""Shared fixtures. Qt runs offscreen; every test gets its own store and user dirs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
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
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str]):
    """Run `negotiator --db <tmp store> ARGS...` in-process."""
    from negotiator.cli.main import main

    def run(*args: str) -> Result:
        capsys.readouterr()
        try:
            code = main(["--db", str(db_path), *args])
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

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
# when such a test runs, and stops at the end.


@dataclass
class PgCluster:
    """A running cluster: the superuser connects over the socket (trust), other
    users over TCP on 127.0.0.1 with a password (scram)."""

    bindir: Path
    datadir: Path
    sockdir: Path
    port: int
    counter: int = 0

    def admin_url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.sockdir}&port={self.port}"

    def user_url(self, user: str, password: str, database: str) -> str:
        return f"postgresql+psycopg://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh database at the newest schema, copied from a migrated template."""
        import psycopg

        self.counter += 1
        name = f"t{os.getpid()}_{self.counter}"
        with psycopg.connect(host=str(self.sockdir), port=self.port, user="postgres",
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE negotiator_template')
        return name


def _pg_bindir() -> Path | None:
    import glob
    import shutil

    found = shutil.which("pg_config")
    if found:
        done = subprocess.run([found, "--bindir"], capture_output=True, text=True)
        path = Path(done.stdout.strip())
        if (path / "initdb").exists():
            return path
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    return None


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def pg_cluster():
    """Start PostgreSQL (as the unprivileged `postgres` user when run as root)."""
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("no PostgreSQL found (install Debian's `postgresql` package to run server tests)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'psycopg[binary]')")
    import shutil
    import tempfile

    # Not under pytest's tmp folder: as root, that one is closed to the postgres user.
    root = Path(tempfile.mkdtemp(prefix="negotiator-pg-"))
    datadir, sockdir = root / "data", root / "sock"
    sockdir.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sockdir, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(datadir), "-U", "postgres",
                    "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                    "--locale=C.UTF-8"], check=True, capture_output=True)
    port = 0
    for _attempt in range(5):
        port = _free_port()
        options = f"-p {port} -k {sockdir} -c listen_addresses=127.0.0.1 -c fsync=off"
        started = subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(datadir), "-o", options,
                                  "-l", str(root / "log"), "-w", "start"], capture_output=True)
        if started.returncode == 0:
            break
    else:
        pytest.fail(f"PostgreSQL did not start: {(root / 'log').read_text()[-2000:]}")
    cluster = PgCluster(bindir, datadir, sockdir, port)
    try:
        from negotiator.storage.store import Store

        import psycopg

        with psycopg.connect(host=str(sockdir), port=port, user="postgres", dbname="postgres",
                             autocommit=True) as conn:
            conn.execute("CREATE DATABASE negotiator_template")
        Store(cluster.admin_url("negotiator_template")).close()
        yield cluster
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "fast", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> str:
    """The admin URL of a fresh database at the newest schema."""
    return pg_cluster.admin_url(pg_cluster.new_database())


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on a SQLite file and on a PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    return str(request.getfixturevalue("pg_url"))
