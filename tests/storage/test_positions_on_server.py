"""The positions tests of tests/positions/test_positions.py, run again on a PostgreSQL server."""

import pytest

from tests.positions.test_positions import *  # noqa: F401,F403  (the tests themselves)


@pytest.fixture
def db_path(pg_url: str) -> str:
    """Every `Store.open(db_path)` of those tests opens a fresh server database."""
    return pg_url
