"""Colleagues writing at once, on a SQLite file and on a PostgreSQL server:
no lost update, no error from two imports into one negotiation."""

from __future__ import annotations

import threading
from pathlib import Path

from bench.bench_server import lost_updates, run
from negotiator.drafts import negotiations
from negotiator.storage.store import Store
from negotiator.text.importer import read_file

DATA = Path(__file__).parents[1] / "data"


def test_racing_editors_lose_no_update(store_url):
    # 4 colleagues, 25 saves each, on 2 positions: many saves race for one version.
    results, _elapsed = run(store_url, clients=4, edits=25, processes=False, targets=2)
    assert [e for r in results for e in r.errors] == []
    assert sum(len(r.landed) for r in results) == 100
    assert lost_updates(store_url, results) == []


def test_two_imports_into_one_negotiation_at_once(store_url):
    st = Store(store_url)
    with st.transaction() as s:
        negotiations.create_negotiation(s, "T", "UN")
    st.close()
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def import_(label: str, name: str) -> None:
        mine = Store(store_url)
        try:
            start.wait()
            with mine.transaction() as s:
                neg = negotiations.find_negotiation(s, "T")
                negotiations.import_draft(s, neg, read_file(DATA / name), label)
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)
        finally:
            mine.close()

    for round_ in range(3):
        threads = [threading.Thread(target=import_, args=(f"R{round_}a", "positions_rev1.txt")),
                   threading.Thread(target=import_, args=(f"R{round_}b", "positions_rev2.txt"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
    st = Store(store_url)
    with st.transaction(read_only=True) as s:
        drafts = negotiations.list_drafts(s, negotiations.find_negotiation(s, "T"))
    st.close()
    assert [d.order for d in drafts] == [1, 2, 3, 4, 5, 6]
