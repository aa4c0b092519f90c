"""`negotiator copy-store`: a laptop's store to the server and back, ids,
lineages, history, notes and conflicts kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from negotiator.cli.main import main
from negotiator.storage.models import Base
from negotiator.storage.store import Store
from tests.positions.test_exchange import TITLE, digest, export, import_, make_store, note, take


def rows(st: Store) -> dict[str, list[dict[str, Any]]]:
    with st.engine.connect() as conn:
        return {t.name: [dict(r) for r in conn.execute(select(t).order_by(t.c.id)).mappings()]
                for t in Base.metadata.sorted_tables}


@pytest.fixture
def laptop(tmp_path: Path) -> Path:
    """Anna's laptop, with a conflict from Ben's package, notes and history."""
    a = make_store(tmp_path / "anna.sqlite", ("Rev.1", "Rev.2"))
    b = make_store(tmp_path / "ben.sqlite", ("Rev.1",))
    take(a, "Rev.1", 2, "Belgium", "anna", stance="support")
    import_(b, export(a, tmp_path / "a0.json"))
    take(a, "Rev.1", 2, "Belgium", "anna", stance="oppose")
    take(b, "Rev.1", 2, "Belgium", "ben", stance="reserve")
    take(a, "Rev.2", 5, "EU", "anna", stance="support", rationale="EU line")
    note(a, "Rev.2", 3, "Capital prefers one paragraph", "anna")
    import_(a, export(b, tmp_path / "b0.json"))
    a.close()
    b.close()
    return tmp_path / "anna.sqlite"


def test_laptop_to_server_and_back_keeps_everything(laptop, pg_url, tmp_path, capsys):
    before = Store.open(laptop)
    original, original_digest = rows(before), digest(before)
    before.close()
    assert len(original["position_conflict"]) == 1 and len(original["note"]) == 1

    assert main(["copy-store", str(laptop), pg_url]) == 0
    assert "positions" in capsys.readouterr().out
    server = Store(pg_url)
    on_server = rows(server)
    # The laptop's note now belongs to the laptop's delegation on the server.
    assert on_server["note"][0].pop("delegation") == "Belgium"
    original["note"][0].pop("delegation")
    assert on_server == original
    assert digest(server) == original_digest
    # New rows on the server get new ids after the copied ones.
    take(server, "Rev.2", 1, "EU", "carla", stance="reserve")
    server.close()

    back = tmp_path / "back.sqlite"
    assert main(["copy-store", pg_url, str(back)]) == 0
    returned = Store.open(back)
    again = rows(returned)
    assert len(again["position"]) == len(original["position"]) + 1
    assert again["paragraph"] == original["paragraph"]
    assert again["position_history"][: len(original["position_history"])] == original["position_history"]
    returned.close()


def test_copy_store_refuses_a_store_that_is_not_empty(laptop, tmp_path, capsys):
    other = make_store(tmp_path / "other.sqlite", ("Rev.1",))
    other.close()
    assert main(["copy-store", str(laptop), str(tmp_path / "other.sqlite")]) == 1
    assert "the target store is not empty" in capsys.readouterr().err
    check = Store.open(tmp_path / "other.sqlite")
    with check.transaction(read_only=True) as s:
        from negotiator.drafts import negotiations
        assert [n.title for n in negotiations.list_negotiations(s)] == [TITLE]
        assert len(negotiations.list_drafts(s, negotiations.find_negotiation(s, TITLE))) == 1
    check.close()
