"""Desktop client benchmark: the paragraph table at 10,000 paragraphs (load,
data(), filters, sort), select-draft-to-painted-table, scrolling, and cold
start to a painted window on the demo store.

    QT_QPA_PLATFORM=offscreen python bench/bench_ui.py [--paragraphs 10000]

Peers, measured in the same run on the same rows: Qt's stock
QStandardItemModel (every cell an item, the usual first choice in Qt code)
and the stock QSortFilterProxyModel filtering and sorting in C++.

Targets (issue 5): a 10,000-paragraph draft painted within 300 ms of selecting
it; cold start to a painted main window on the demo store within 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import measure, table  # noqa: E402

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
from negotiator.storage.store import Store
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
    from negotiator.drafts import negotiations
    from negotiator.storage.store import Store
    from negotiator.text import importer

    store = Store.open(path)
    with store.transaction() as s:
        neg = negotiations.create_negotiation(s, "Benchmark convention", "Ad hoc committee", "Belgium")
        ids = []
        for label, variant in (("Rev.1", 0), ("Rev.2", 1)):
            parsed = importer.read_bytes(draft_text(n, variant).encode(), f"{label}.txt")
            ids.append(negotiations.import_draft(s, neg, parsed, label).draft_id)
    store.close()
    return ids[0], ids[1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def mib(peak: float | None) -> str:
    return "-" if peak is None else f"{peak:.1f}"


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def best_of(fn: Callable[[], Any], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=10_000)
    args = parser.parse_args()
    n = args.paragraphs
    tmp = Path(tempfile.mkdtemp(prefix="negotiator-bench-ui-"))
    os.environ["NEGOTIATOR_HOME"] = str(tmp / "home")

    t = time.perf_counter()
    first, second = build_store(tmp / "big.sqlite", n)
    print(f"setup: two drafts of {n} paragraphs stored in {time.perf_counter() - t:.1f} s\n")

    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication

    from negotiator.storage.store import Store
    from ui import operations as op
    from ui.application import make_app
    from ui.main_window import MainWindow
    from ui.models.paragraphs import Column, ParagraphFilter, ParagraphModel

    app = make_app()
    store = Store.open(tmp / "big.sqlite")
    rows_out: list[list[str]] = []

    def row(what: str, tool: str, seconds: float, peak: float | None = None, notes: str = "") -> None:
        rows_out.append([what, str(n), tool, ms(seconds), mib(peak), notes])

    # Reading the rows and filling the model --------------------------------
    seconds, peak, rows = measure(lambda: op.load_paragraphs(store, second))
    row("read draft rows", "negotiator", seconds, peak, "negotiations.paragraph_rows -> ParagraphRow tuples")
    changes = op.load_changes(store, second)
    model = ParagraphModel()
    seconds, peak, _ = measure(lambda: model.set_rows(second, rows))
    row("fill table model", "ParagraphModel", seconds, peak, "holds the rows; cells computed on demand")
    model.set_changes(changes)

    def fill_items() -> QStandardItemModel:
        items = QStandardItemModel(len(rows), len(Column))
        for r in range(len(rows)):
            for c in range(len(Column)):
                items.setItem(r, c, QStandardItem(model.data(model.index(r, c))))
        return items

    seconds, peak, items = measure(fill_items, repeat=1)
    row("fill table model", "QStandardItemModel (peer)", seconds, peak, "one item per cell, same texts")

    cells = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    display = Qt.ItemDataRole.DisplayRole
    seconds = best_of(lambda: [model.data(i, display) for i in cells])
    row("data() every cell", "ParagraphModel", seconds, None, f"{len(cells)} cells, "
        f"{seconds / len(cells) * 1e6:.1f} µs each")
    item_cells = [items.index(r, c) for r in range(items.rowCount()) for c in range(items.columnCount())]
    seconds = best_of(lambda: [items.data(i, display) for i in item_cells])
    row("data() every cell", "QStandardItemModel (peer)", seconds, None, f"{len(item_cells)} cells")

    # Filters and sort --------------------------------------------------------
    proxy = ParagraphFilter()
    proxy.setSourceModel(model)
    stock = QSortFilterProxyModel()
    stock.setSourceModel(model)
    stock.setFilterKeyColumn(Column.TEXT)
    stock.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    for name, values in (("filter: text search", {"search": "incident number 1300"}),
                         ("filter: bracketed", {"search": "", "bracketed": True}),
                         ("filter: changed only", {"bracketed": False, "changed_only": True}),
                         ("filter: all off", {"changed_only": False})):
        seconds = best_of(lambda values=values: (proxy.set_filters(**values), proxy.rowCount()), repeat=1)
        row(name, "ParagraphFilter", seconds, None, f"{proxy.rowCount()} rows shown")
    # rowCount() and index(): the stock proxy may build its mapping lazily.
    seconds = best_of(lambda: (stock.setFilterFixedString("incident number 1300"), stock.rowCount(),
                               stock.index(0, 0)), repeat=1)
    row("filter: text search", "QSortFilterProxyModel (peer)", seconds, None,
        f"{stock.rowCount()} rows shown (text column only)")
    stock.setFilterFixedString("")
    seconds = best_of(lambda: (proxy.sort(Column.BRACKETS, Qt.SortOrder.DescendingOrder), proxy.index(0, 0)))
    row("sort by brackets", "ParagraphModel.sort", seconds, None, "sorts its own rows")
    proxy.sort(Column.NUMBER, Qt.SortOrder.AscendingOrder)
    seconds = best_of(lambda: (QSortFilterProxyModel.sort(stock, Column.BRACKETS, Qt.SortOrder.DescendingOrder),
                               stock.rowCount(), stock.index(0, 0)), repeat=1)
    row("sort by brackets", "QSortFilterProxyModel (peer)", seconds, None, "compares via data()")

    # The window: select a draft until the table is painted ------------------
    window = MainWindow(store)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    window.select_draft(first)
    app.processEvents()
    window.tasks.wait()
    app.processEvents()

    def select_and_paint(draft_id: int) -> float:
        window.tasks.wait()
        app.processEvents()
        t = time.perf_counter()
        window.select_draft(draft_id)
        window.table.viewport().repaint()
        return time.perf_counter() - t

    gaps: list[float] = []

    def wait_for_changes() -> float:
        """Spin the event loop as the app would, noting the longest wait between turns."""
        t = last = time.perf_counter()
        while not window.paragraph_model.changes_known:
            app.processEvents()
            now = time.perf_counter()
            gaps.append(now - last)
            last = now
            time.sleep(0.002)
        return time.perf_counter() - t

    # First visits: the table is painted at once, the change column follows.
    window.tasks.wait()
    window.refresh_tree()  # forgets the comparisons made while the window opened
    times = [select_and_paint(second)]
    filled = wait_for_changes()
    times.append(select_and_paint(first))
    select_s = min(times)
    verdict = "ok" if select_s * 1000 < SELECT_TARGET_MS else "OVER TARGET"
    row("select draft -> painted table", "MainWindow", select_s, None,
        f"best of 2 first visits, worst {ms(max(times))} ms; target {SELECT_TARGET_MS} ms: {verdict}")
    row("change column filled", "MainWindow (background)", filled, None,
        "after the table is painted, on a worker thread")
    row("event loop turn while it runs", "MainWindow", max(gaps), None,
        f"worst of {len(gaps)} turns (the worker shares the GIL); median {ms(sorted(gaps)[len(gaps) // 2])} ms")
    # Back to a draft seen before: its comparison is kept, so the changes come with the rows.
    again = select_and_paint(second)
    assert window.paragraph_model.changes_known
    row("select a draft seen before", "MainWindow", again, None, "rows and change column painted together")
    window.tasks.wait()
    app.processEvents()
    bar = window.table.verticalScrollBar()
    steps = []
    for value in range(0, bar.maximum() + 1, max(1, bar.maximum() // 40)):
        t = time.perf_counter()
        bar.setValue(value)
        window.table.viewport().repaint()
        steps.append(time.perf_counter() - t)
    row("scroll jump + repaint", "MainWindow", sum(steps) / len(steps), None,
        f"mean of {len(steps)} jumps, worst {ms(max(steps))} ms")
    t = time.perf_counter()
    window.table.sortByColumn(Column.BRACKETS, Qt.SortOrder.DescendingOrder)
    window.table.viewport().repaint()
    row("header click (sort) + repaint", "MainWindow", time.perf_counter() - t)
    t = time.perf_counter()
    window.search.setText("incident number 1300")
    window._set_filter(search=window.search.text())
    window.table.viewport().repaint()
    row("type a search + repaint", "MainWindow", time.perf_counter() - t, None,
        f"{window.paragraph_proxy.rowCount()} rows shown")
    window.tasks.wait()
    window.close()
    store.close()
    window_rss = rss_mib()

    # Cold start: a fresh process on the demo store ---------------------------
    demo_db = tmp / "demo.sqlite"
    demo = Store.open(demo_db)
    op.load_demo(demo)
    demo.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    walls = []
    inner = ""
    for _ in range(COLD_START_RUNS):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", COLD_START.format(root=str(ROOT), db=str(demo_db))],
                             capture_output=True, text=True, env=env, check=True)
        walls.append(time.perf_counter() - t)
        inner = out.stdout.strip().splitlines()[-1]
    best = min(walls)
    verdict = "ok" if best < COLD_START_TARGET_S else "OVER TARGET"
    rows_out.append(["cold start -> painted window", "demo", "new process", ms(best), "-",
                     f"best of {COLD_START_RUNS} (in-process: {inner.split()[1]} s); "
                     f"target {COLD_START_TARGET_S * 1000:.0f} ms: {verdict}"])

    print(table(["operation", "paragraphs", "tool", "time ms", "peak MiB", "notes"], rows_out))
    print(f"\npeak MiB: Python allocations (tracemalloc) of one run; '-' where not measured. "
          f"Whole benchmark process, peak RSS: {window_rss:.0f} MiB.")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
