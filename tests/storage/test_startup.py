"""Opening a store pays only for what it needs: a current store is checked by
one query, without loading Alembic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from negotiator.storage.store import HEAD_REVISION, Store, head_revision


def test_the_head_revision_constant_is_the_migrations_head() -> None:
    assert HEAD_REVISION == head_revision()


def test_a_current_store_opens_without_alembic_and_an_old_one_is_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    Store.open(db).close()  # created and migrated: Alembic runs
    probe = ("import sys; from negotiator.storage.store import Store; "
             "Store.open(sys.argv[1]).close(); print('alembic' in sys.modules)")
    opened = subprocess.run([sys.executable, "-c", probe, str(db)],
                            capture_output=True, text=True, check=True)
    assert opened.stdout.strip() == "False"
    old = Store.open(db)
    with old.engine.begin() as conn:  # as if written by the previous release
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0005'")
        conn.exec_driver_sql("DROP TABLE comparison_cache")
    old.close()
    upgraded = Store.open(db)
    assert upgraded.revision() == HEAD_REVISION and upgraded.backup_path is not None
    upgraded.close()
