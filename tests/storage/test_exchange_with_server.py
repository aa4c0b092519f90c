"""The exchange tests of tests/positions/test_exchange.py with Ben's store on a
PostgreSQL server: a laptop's package merges into the server (and the
server's package into the laptop) like into any store."""

from pathlib import Path

import pytest

from tests.positions.test_exchange import *  # noqa: F401,F403  (the tests themselves)
from tests.positions.test_exchange import make_store


@pytest.fixture
def laptops(tmp_path: Path, pg_url: str):
    a = make_store(tmp_path / "anna.sqlite", ("Rev.1", "Rev.2"))
    b = make_store(pg_url, ("Rev.1",))  # type: ignore[arg-type]
    yield a, b
    a.close()
    b.close()
