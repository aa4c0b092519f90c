"""Desktop client benchmark: paragraph model and filters at 10,000 paragraphs,
select-draft-to-painted-table, and cold start to a painted window on the demo store.

    QT_QPA_PLATFORM=offscreen python bench/bench_ui.py [--paragraphs 10000]

Targets (issue 5): a 10,000-paragraph draft painted within 300 ms of selecting
it; cold start to a painted main window on the demo store within 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SELECT_TARGET_MS = 300
COLD_START_TARGET_S = 1.5
COLD_START_RUNS = 3

COLD_START = """
import time
t0 = time.perf_counter()
import sys
sys.path.insert(0, {root!r})
from ui.application import make_app
from ui.main_window import MainWindow
from negotiator.store import Store
app = make_app()
window = MainWindow(Store.open({db!r}))
window.show()
app.processEvents()
window.repaint()
window.table.viewport().repaint()
print(f"painted {{time.perf_counter() - t0:.3f}} rows {{window.paragraph_model.rowCount()}}")
"""


def draft_text(n: int, variant: int) -> str:
    """A long treaty-like text; the variant changes one paragraph in ten and adds brackets."""
    paras = []
    for i in range(1, n + 1):
        modal = "should" if variant and i % 10 == 0 else "shall"
        bracket = " [and in accordance with national legislation]" if i % 7 == 0 else ""
        paras.append(f"{i}. Each State Party {modal} adopt such measures as may be necessary to "
                     f"establish as offences under its domestic law conduct related to system {i}{bracket}, "
                     f"including the preparation and facilitation of incident number {i * 13}.")
    return "\n\n".join(paras)


def build_store(path: Path, n: int) -> tuple[int, int]:
    from negotiator import importer, ops
    from negotiator.store import Store

    store = Store.open(path)
    with store.transaction() as s:
        neg = ops.create_negotiation(s, "Benchmark convention", "Ad hoc committee", "Belgium")
        ids = []
        for label, variant in (("Rev.1", 0), ("Rev.2", 1)):
            parsed = importer.read_bytes(draft_text(n, variant).encode(), f"{label}.txt")
            ids.append(ops.import_draft(s, neg, parsed, label).draft_id)
    store.close()
    return ids[0], ids[1]


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=10_000)
    args = parser.parse_args()
    n = args.paragraphs
    tmp = Path(tempfile.mkdtemp(prefix="negotiator-bench-ui-"))
    os.environ["NEGOTIATOR_HOME"] = str(tmp / "home")

    t = time.perf_counter()
    first, second = build_store(tmp / "big.sqlite", n)
    print(f"setup: two drafts of {n} paragraphs stored in {time.perf_counter() - t:.1f} s")

    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from negotiator.store import Store
    from ui import operations as op
    from ui.application import make_app
    from ui.main_window import MainWindow
    from ui.models.paragraphs import Column, ParagraphFilter, ParagraphModel

    app = make_app()
    store = Store.open(tmp / "big.sqlite")

    # Model alone.
    rows = op.load_paragraphs(store, second)
    changes = op.load_changes(store, second)
    model = ParagraphModel()
    model.set_rows(second, rows)
    model.set_changes(changes)
    cells = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    display = Qt.ItemDataRole.DisplayRole
    seconds = timed(lambda: [model.data(i, display) for i in cells])
    print(f"model data(): {len(cells)} cells in {seconds * 1000:.0f} ms "
          f"({seconds / len(cells) * 1e6:.1f} µs per cell)")
    proxy = ParagraphFilter()
    proxy.setSourceModel(model)
    for name, values in (("text search 'incident number 1300'", {"search": "incident number 1300"}),
                         ("bracketed", {"search": "", "bracketed": True}),
                         ("changed only", {"bracketed": False, "changed_only": True}),
                         ("all filters off", {"changed_only": False})):
        seconds = timed(lambda values=values: proxy.set_filters(**values))
        print(f"filter {name}: {seconds * 1000:.0f} ms -> {proxy.rowCount()} of {model.rowCount()} rows")
    seconds = timed(lambda: proxy.sort(Column.BRACKETS, Qt.SortOrder.DescendingOrder))
    print(f"sort by brackets: {seconds * 1000:.0f} ms")
    del QModelIndex

    # The window: select a draft until the table is painted.
    window = MainWindow(store)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    window.select_draft(first)
    app.processEvents()
    window.tasks.wait()
    app.processEvents()

    def select_and_paint(draft_id: int) -> None:
        window.select_draft(draft_id)
        window.table.viewport().repaint()

    times = []
    for draft_id in (second, first, second):  # best of three, as the other benchmarks
        window.tasks.wait()
        app.processEvents()
        times.append(timed(lambda draft_id=draft_id: select_and_paint(draft_id)))
    seconds = min(times)
    verdict = "ok" if seconds * 1000 < SELECT_TARGET_MS else "OVER TARGET"
    print(f"select draft ({n} paragraphs) to painted table: {seconds * 1000:.0f} ms "
          f"(target {SELECT_TARGET_MS} ms: {verdict})")
    t = time.perf_counter()
    while not window.paragraph_model.changes_known:
        app.processEvents()
        time.sleep(0.005)
    print(f"  change column filled in the background {time.perf_counter() - t:.2f} s later "
          "(the window stays responsive meanwhile)")
    t = time.perf_counter()
    window.table.scrollToBottom()
    window.table.viewport().repaint()
    print(f"scroll to the end and repaint: {(time.perf_counter() - t) * 1000:.0f} ms")
    t = time.perf_counter()
    window.table.sortByColumn(Column.BRACKETS, Qt.SortOrder.DescendingOrder)
    window.table.viewport().repaint()
    print(f"click a column header (sort {n} rows) and repaint: {(time.perf_counter() - t) * 1000:.0f} ms")
    window.tasks.wait()
    window.close()
    store.close()

    # Cold start: a fresh process on the demo store.
    demo_db = tmp / "demo.sqlite"
    demo = Store.open(demo_db)
    op.load_demo(demo)
    demo.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    walls = []
    for _ in range(COLD_START_RUNS):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", COLD_START.format(root=str(ROOT), db=str(demo_db))],
                             capture_output=True, text=True, env=env, check=True)
        walls.append(time.perf_counter() - t)
        inner = out.stdout.strip().splitlines()[-1]
    best = min(walls)
    verdict = "ok" if best < COLD_START_TARGET_S else "OVER TARGET"
    print(f"cold start to painted window on the demo store: best {best:.2f} s of {COLD_START_RUNS} "
          f"(process start to paint; in-process part: {inner}) (target {COLD_START_TARGET_S} s: {verdict})")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
