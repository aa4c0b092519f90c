"""Shared-store benchmark: 20 clients (processes) each make 500 position edits
on one PostgreSQL server over loopback, all on the same 10 positions.

Run: python bench/bench_server.py [--clients N] [--edits N] [--url ADMIN_URL]
Without --url it starts a throwaway cluster (Debian's `postgresql` package).
Each edit is what the desktop editor does: read the position (its version),
then save with that version expected; a stale edit (a colleague was faster) is
reloaded and made again. Checked after the run: no error, no lost update (each
position's version is 1 + the edits that landed on it, and every landed edit
is in history exactly once). Printed: edits per second and p50/p95 latency.
"""

from __future__ import annotations

import argparse
import signal
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select  # noqa: E402

from bench.common import table  # noqa: E402
from negotiator import positions  # noqa: E402
from negotiator.domain.errors import Conflict  # noqa: E402
from negotiator.drafts import lineage, negotiations  # noqa: E402
from negotiator.storage.models import Position, PositionHistory  # noqa: E402
from negotiator.storage.store import Store  # noqa: E402
from negotiator.text.importer import read_bytes  # noqa: E402

TITLE = "Shared store benchmark"
TARGETS = 10
ACTOR = "EU"


@dataclass(frozen=True)
class ClientResult:
    client: int
    landed: list[tuple[int, str]]  # (paragraph id, rationale written)
    latencies: list[float]
    retries: int
    errors: list[str]


def prepare(url: str, targets: int = TARGETS) -> list[int]:
    """A negotiation with one draft and an EU position on `targets` paragraphs."""
    text = "\n\n".join(f"{i}. Decides that participating States [shall][should] act {i};"
                       for i in range(1, targets + 1))
    st = Store(url)
    try:
        with st.transaction() as s:
            neg = negotiations.create_negotiation(s, TITLE, "OSCE")
            negotiations.import_draft(s, neg, read_bytes(text.encode(), "bench.txt"), "Rev.1")
        with st.transaction() as s:
            neg = negotiations.find_negotiation(s, TITLE)
            draft = negotiations.find_draft(s, neg, "Rev.1")
            ids = [lineage.find_paragraph(s, draft, f"#{i}").id for i in range(targets)]
            for pid in ids:
                positions.set_position(s, pid, ACTOR, {"stance": "support"}, author="setup")
        return ids
    finally:
        st.close()


def client(url: str, number: int, edits: int, paragraph_ids: list[int]) -> ClientResult:
    """One colleague at work: `edits` saves, each retried until it lands."""
    st = Store(url)
    landed: list[tuple[int, str]] = []
    latencies: list[float] = []
    errors: list[str] = []
    retries = 0
    try:
        for i in range(edits):
            pid = paragraph_ids[(number + i) % len(paragraph_ids)]
            rationale = f"client {number} edit {i}"
            t0 = time.perf_counter()
            try:
                while True:
                    try:
                        with st.transaction(read_only=True) as s:
                            version = s.scalar(select(Position.version)
                                               .where(Position.paragraph_id == pid))
                        with st.transaction() as s:
                            positions.set_position(s, pid, ACTOR, {"rationale": rationale},
                                                   author=f"client {number}",
                                                   expected_version=version)
                        break
                    except Conflict:
                        retries += 1
            except Exception as exc:  # noqa: BLE001 - reported: the run fails
                errors.append(f"{type(exc).__name__}: {exc}")
                continue
            latencies.append(time.perf_counter() - t0)
            landed.append((pid, rationale))
    finally:
        st.close()
    return ClientResult(number, landed, latencies, retries, errors)


def lost_updates(url: str, results: list[ClientResult]) -> list[str]:
    """What the store lacks of the edits the clients saw land (empty: nothing lost)."""
    problems: list[str] = []
    st = Store(url)
    try:
        with st.transaction(read_only=True) as s:
            versions = dict(s.execute(select(Position.paragraph_id, Position.version)).all())
            written = s.scalars(select(PositionHistory.new).where(
                PositionHistory.action == "update")).all()
            total = s.scalar(select(func.count()).select_from(PositionHistory))
    finally:
        st.close()
    in_history = sorted(w["rationale"] for w in written)
    expected = sorted(r for res in results for _, r in res.landed)
    if in_history != expected:
        problems.append(f"history holds {len(in_history)} edits, clients landed {len(expected)}")
    per_para: dict[int, int] = {}
    for res in results:
        for pid, _ in res.landed:
            per_para[pid] = per_para.get(pid, 0) + 1
    for pid, count in per_para.items():
        if versions.get(pid) != 1 + count:
            problems.append(f"paragraph {pid}: version {versions.get(pid)}, expected {1 + count}")
    if total != len(expected) + len(versions):
        problems.append(f"{total} history rows, expected {len(expected) + len(versions)}")
    return problems


def run(url: str, clients: int, edits: int, *, processes: bool = True,
        targets: int = TARGETS) -> tuple[list[ClientResult], float]:
    ids = prepare(url, targets)
    t0 = time.perf_counter()
    if processes:
        with ProcessPoolExecutor(max_workers=clients) as pool:
            futures = [pool.submit(client, url, n, edits, ids) for n in range(clients)]
            results = [f.result() for f in futures]
    else:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=clients) as pool:
            results = list(pool.map(lambda n: client(url, n, edits, ids), range(clients)))
    return results, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--url", help="admin URL of an empty database (default: a throwaway cluster)")
    args = parser.parse_args(argv)
    cluster = None
    url = args.url
    if url is None:
        from tests.storage.pg_cluster import NoPostgres, PgCluster

        try:
            cluster = PgCluster.start()
        except NoPostgres as exc:
            print(f"skipped: {exc}")
            return 0
        # Stopped (below) on Ctrl+C and on kill too, never left running.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
        url = cluster.admin_url(cluster.new_database())
    try:
        results, elapsed = run(url, args.clients, args.edits)
        problems = lost_updates(url, results)
    finally:
        if cluster is not None:
            cluster.stop()
    latencies = sorted(t for r in results for t in r.latencies)
    errors = [e for r in results for e in r.errors]
    edits = len(latencies)
    p95 = latencies[int(0.95 * (edits - 1))] if latencies else 0.0
    print(table(
        ["clients", "edits", "s", "edits/s", "p50 ms", "p95 ms", "stale retries", "errors", "lost"],
        [[args.clients, edits, f"{elapsed:.1f}", f"{edits / elapsed:.0f}",
          f"{statistics.median(latencies) * 1000:.0f}", f"{p95 * 1000:.0f}",
          sum(r.retries for r in results), len(errors), len(problems)]]))
    for line in (errors[:5] + problems[:5]):
        print("  ", line)
    return 1 if errors or problems else 0


if __name__ == "__main__":
    sys.exit(main())
