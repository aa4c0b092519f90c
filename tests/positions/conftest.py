"""Two laptops' stores (real SQLite files) and packages between them, for the
signing and validation tests. Every attack is checked against a dump of the
store taken before it: a refusal must change nothing."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from negotiator.cli.main import main
from negotiator.drafts import negotiations
from negotiator.positions import exchange
from negotiator.storage.store import Store

DATA = Path(__file__).parents[1] / "data"
TITLE = "ICT CBMs decision"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """`negotiator --db DB ARGS...` in-process."""
    def run_(db: Path, *args: str) -> Result:
        capsys.readouterr()
        try:
            code = main(["--db", str(db), *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out = capsys.readouterr()
        return Result(code, out.out, out.err)
    return run_


def dump(db: Path) -> str:
    """Everything a store holds, as SQL text."""
    con = sqlite3.connect(db)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


def _build(db: Path, *commands: tuple[str, ...]) -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        for args in commands:
            assert main(["--db", str(db), *args]) == 0, args


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both stores built once; each test gets fresh copies."""
    folder = tmp_path_factory.mktemp("laptops")
    start = ("new", TITLE, "--forum", "OSCE PC", "--delegation", "Belgium")
    rev1 = ("import", TITLE, str(DATA / "positions_rev1.txt"), "--label", "Rev.1")
    _build(folder / "anna.sqlite", start, rev1,
           ("import", TITLE, str(DATA / "positions_rev2.txt"), "--label", "Rev.2"),
           ("position", TITLE, "Rev.1", "#2", "--actor", "Belgium", "--stance", "support",
            "--author", "anna"),
           ("position", TITLE, "Rev.1", "#2", "--actor", "Belgium", "--stance", "oppose",
            "--rationale", "capital says no", "--priority", "high", "--author", "anna"),
           ("note", TITLE, "Rev.1", "#3", "Capital prefers one paragraph", "--author", "anna"),
           ("status", TITLE, "Rev.1", "#1", "--set", "agreed", "--author", "anna"))
    _build(folder / "ben.sqlite", start, rev1)
    return {"anna": folder / "anna.sqlite", "ben": folder / "ben.sqlite"}


@pytest.fixture
def anna(_templates: dict[str, Path], tmp_path: Path) -> Path:
    """Anna's store: Rev.1 and Rev.2, a position with two history rows, a note, a status."""
    return Path(shutil.copy(_templates["anna"], tmp_path / "anna.sqlite"))


@pytest.fixture
def ben(_templates: dict[str, Path], tmp_path: Path) -> Path:
    """Ben's store: the same negotiation with Rev.1 only."""
    return Path(shutil.copy(_templates["ben"], tmp_path / "ben.sqlite"))


@pytest.fixture
def anna_key() -> Ed25519PrivateKey:
    """Anna's signing key (her laptop; not the key of the user running the test)."""
    return Ed25519PrivateKey.generate()


def unsigned_package(db: Path, exported_by: str = "anna") -> dict[str, Any]:
    st = Store.open(db)
    try:
        with st.read() as s:
            package = exchange.export_package(s, negotiations.find_negotiation(s, TITLE), exported_by)
            return json.loads(json.dumps(package))  # as a file holds it: no shared parts
    finally:
        st.close()


def write_signed(package: dict[str, Any], path: Path, key: Ed25519PrivateKey | None = None) -> Path:
    """Sign (with ``key``, default the test user's own key) and save, as an
    attacker holding that key would: with a fresh payload checksum."""
    package = dict(package, payload_sha256=exchange.payload_checksum(package["payload"]))
    exchange.write_package(package, path, key)
    return path


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def save(package: dict[str, Any], path: Path) -> Path:
    path.write_text(json.dumps(package), encoding="utf-8")
    return path


def assert_refused(result: Result, *fragments: str) -> None:
    """Exit 1 with one line on stderr that says why."""
    assert result.code == 1, (result.out, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
