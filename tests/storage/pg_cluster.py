"""A throwaway PostgreSQL cluster for tests and benchmarks (not shipped).

The superuser `postgres` connects over a private socket (trust); other users
over TCP on 127.0.0.1 with a password (scram), as on a real server. PostgreSQL
refuses to run as root: as root, the cluster runs as the `postgres` user.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

TEMPLATE = "negotiator_template"


class NoPostgres(Exception):
    """No PostgreSQL (or no psycopg) on this machine: server tests skip."""


def find_bindir() -> Path | None:
    """Where initdb and pg_ctl are: `pg_config --bindir`, else Debian's folders."""
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
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgCluster:
    bindir: Path
    root: Path
    port: int
    as_user: list[str] = field(default_factory=list)
    counter: int = 0

    @property
    def sockdir(self) -> Path:
        return self.root / "sock"

    @classmethod
    def start(cls, parent: Path | None = None) -> PgCluster:
        """Initialise and start a cluster in a new folder under ``parent`` (the
        system's temporary folder by default)."""
        bindir = find_bindir()
        if bindir is None:
            raise NoPostgres("no PostgreSQL found (install Debian's `postgresql` package "
                             "to run the server tests)")
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise NoPostgres("psycopg is not installed (pip install 'psycopg[binary]')") from None
        # Not under pytest's tmp folder: as root, that one is closed to the postgres user.
        root = Path(tempfile.mkdtemp(prefix="negotiator-pg-", dir=parent))
        (root / "sock").mkdir()
        as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(root, "postgres")
            shutil.chown(root / "sock", "postgres")
            as_user = ["runuser", "-u", "postgres", "--"]
        subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(root / "data"), "-U", "postgres",
                        "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                        "--locale=C.UTF-8"], check=True, capture_output=True)
        for _attempt in range(5):  # another job may take the free port first
            cluster = cls(bindir, root, _free_port(), as_user)
            options = (f"-p {cluster.port} -k {cluster.sockdir} -c listen_addresses=127.0.0.1 "
                       "-c fsync=off -c max_connections=100")
            started = subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(root / "data"),
                                      "-o", options, "-l", str(root / "log"), "-w", "start"],
                                     capture_output=True)
            if started.returncode == 0:
                break
        else:
            log = (root / "log").read_text(errors="replace")[-2000:]
            shutil.rmtree(root, ignore_errors=True)
            raise RuntimeError(f"PostgreSQL did not start: {log}")
        try:
            cluster.sql(f"CREATE DATABASE {TEMPLATE}")
            from negotiator.storage.store import Store

            Store(cluster.admin_url(TEMPLATE)).close()
        except BaseException:
            cluster.stop()
            raise
        return cluster

    def sql(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(host=str(self.sockdir), port=self.port, user="postgres",
                             dbname=database, autocommit=True) as conn:
            conn.execute(statement)

    def admin_url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.sockdir}&port={self.port}"

    def user_url(self, user: str, password: str, database: str) -> str:
        return f"postgresql+psycopg://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh database at the newest schema, copied from the migrated template."""
        self.counter += 1
        name = f"t{os.getpid()}_{self.counter}"
        self.sql(f'CREATE DATABASE "{name}" TEMPLATE {TEMPLATE}')
        return name

    def stop(self) -> None:
        subprocess.run([*self.as_user, str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"),
                        "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)
