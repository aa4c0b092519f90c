"""Whole-process benchmark: each figure of issue 16 measured the way a user meets
it, as a fresh process timed from outside, several runs, median and spread,
with its peer measured in the same run on the same input.

    python bench/bench_process.py [--sizes 1000,10000,30000] [--runs 5] [--no-gui] [--stages]

- diff: `negotiator diff NEG A B --json` on two stored drafts of N paragraphs;
  peer `git diff --no-index --word-diff` on the same two texts.
- import: `negotiator import NEG FILE.txt` of the second draft (the first is
  stored, so the import aligns against it); peer a process that splits the
  text into paragraphs and stores them with one executemany (the floor).
- start-up: `negotiator --demo` and `negotiator --db STORE` with a 10,000-
  paragraph draft, to a painted window, under Xvfb (a real X server) and
  offscreen; peer a bare PySide6 window with a table. The time runs from
  spawning the process to the monotonic timestamp the process prints after
  its first paint ($NEGOTIATOR_PAINTED=1, see ui/application.py).

Peak memory is the child's own maximum resident set size (`os.wait4`).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import edited_copy, table  # noqa: E402

PY = sys.executable
WORDS_PER_PARAGRAPH = 50
# After the first paint the app with a big draft is left this long (rows shown,
# changes filled in the background) before its peak RSS is read.
BIG_SETTLE_S = 4.0
TARGETS = ("start-up to a painted window (Xvfb) <= 0.6 s median; diff 1,000 <= 0.4 s; "
           "diff 10,000 <= 3x git and <= 70 MiB; import 10,000 <= 0.8 s; app with a 10,000-"
           "paragraph draft <= 150 MiB; growth 1,000 -> 30,000 no worse than linear")

BARE_WINDOW = r"""
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
window = QMainWindow()
model = QStandardItemModel(30, 5)
for r in range(30):
    for c in range(5):
        model.setItem(r, c, QStandardItem(f"cell {r} {c}"))
table = QTableView()
table.setModel(model)
window.setCentralWidget(table)
window.resize(1200, 800)
done = []
def painted():
    if not done:
        done.append(1)
        print(f"NEGOTIATOR_PAINTED {time.monotonic():.6f}", flush=True)
from PySide6.QtCore import QObject, QEvent
class Filter(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not done:
            QTimer.singleShot(0, painted)
        return False
f = Filter()
table.viewport().installEventFilter(f)
window.show()
app.exec()
"""

# The same command with negotiator.domain.memory.paused_gc made a no-op.
GC_RUNNING = r"""
import contextlib, sys
import negotiator.domain.memory as memory
memory.paused_gc = contextlib.nullcontext
from negotiator.cli.main import main
sys.exit(main(sys.argv[1:]))
"""

# Where an import's time goes, timed inside one process (after its imports).
IMPORT_PHASES = r"""
import sys, time
from negotiator.drafts import negotiations, comparison
from negotiator.storage.store import Store
from negotiator.text.importer import read_file
spent = {}
def timed(name, fn):
    def run(*a, **k):
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - t
    return run
negotiations.plan_lineages = timed("lineages (the one alignment to the previous draft)", negotiations.plan_lineages)
comparison.comparison_from_links = timed(
    "comparison from that alignment (word diff, salience, references)", comparison.comparison_from_links)
import gc
gc.disable()  # as `negotiator import` builds (paused_gc)
t0 = time.perf_counter()
parsed = read_file(sys.argv[2])
spent["read and parse"] = time.perf_counter() - t0
store = Store.open(sys.argv[1])
t1 = time.perf_counter()
with store.transaction() as s:
    negotiations.import_draft(s, negotiations.find_negotiation(s, "Bench"), parsed, "B")
total = time.perf_counter() - t1
spent["rest (rows written once, comparison encoded and stored, commit)"] = (
    total - sum(v for k, v in spent.items() if k != "read and parse"))
for name, seconds in spent.items():
    print(f"{seconds:.3f}	{name}")
"""

# Where the window's memory goes (--stages): the same start as ui/application.py
# (imports, QApplication, store, window, first paint, then the last draft read
# after the paint), with the resident set after each stage and its peak during
# the stage (/proc/self/status; VmHWM is reset between stages through clear_refs).
MEMORY_STAGES = r"""
import gc, os, sys, time
def status():
    found = {}
    for line in open("/proc/self/status"):
        key, _, value = line.partition(":")
        found[key] = int(value.split()[0]) / 1024 if key.startswith(("Vm", "Rss")) else 0
    return found
def stage(name):
    s = status()
    print(f"STAGE\t{name}\t{s['VmRSS']:.1f}\t{s['VmHWM']:.1f}\t{s['RssAnon']:.1f}\t{s['RssFile']:.1f}", flush=True)
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # the peak restarts from here
stage("python started")
gc.disable()
from ui.application import make_app, install_translators, Settings, Store, AfterFirstPaint
from ui import settings as cfg
stage("import ui.application (PySide6, SQLAlchemy, store)")
from ui.main_window import MainWindow
gc.freeze(); gc.enable()
stage("import ui.main_window")
from PySide6.QtCore import QEventLoop, QTimer
app = make_app()
settings = Settings()
install_translators(app, settings.get(cfg.LANGUAGE))
stage("QApplication, settings, translators")
store = Store.open(sys.argv[1])
stage("store opened")
window = MainWindow(store, settings, load_later=True)
stage("main window built")
loop = QEventLoop()
AfterFirstPaint(window, loop.quit)
window.show()
loop.exec()
stage("first paint (empty window)")
waiting = {"changes", "stances"}
def arrived(what):
    stage(f"  {what} in the table")
    waiting.discard(what)
    if not waiting:
        loop.quit()
window.draft_loaded.connect(lambda _: stage("  draft rows in the table"))
window.changes_loaded.connect(lambda _: arrived("changes"))
window.summaries_loaded.connect(lambda _: arrived("stances"))
window.refresh_tree()
loop.exec()
QTimer.singleShot(2000, loop.quit)
loop.exec()
stage("2 s later")
"""

FLOOR_IMPORT = r"""
import re, sqlite3, sys
text = open(sys.argv[1], encoding="utf-8").read()
paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
con = sqlite3.connect(sys.argv[2])
con.execute("create table if not exists p (id integer primary key, draft int, ordinal int, "
            "number text, text text, brackets int)")
with con:
    con.executemany("insert into p (draft, ordinal, number, text, brackets) values (2, ?, ?, ?, ?)",
                    [(i, p.split(" ", 1)[0], p, p.count("[")) for i, p in enumerate(paras)])
"""


def make_texts(n: int, seed: int = 1) -> tuple[str, str]:
    """Two drafts of ``n`` numbered paragraphs (about 60 words each); the second
    with 10% of paragraphs edited by a few words, 2% added, 2% deleted, 1% moved,
    and renumbered."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou")
                     for _ in range(rng.randint(1, 4))) for _ in range(20000)]
    weights = [1 / (k + 1) for k in range(len(vocab))]

    def sentence() -> str:
        k = rng.randint(WORDS_PER_PARAGRAPH - 20, WORDS_PER_PARAGRAPH + 20)
        words = rng.choices(vocab, weights, k=k)
        if rng.random() < 0.1:
            words[3] = "[" + words[3] + "]"
        return " ".join(words) + "."

    a = [sentence() for _ in range(n)]
    b = edited_copy(rng, a, vocab, sentence)

    def doc(paras: list[str]) -> str:
        return "\n\n".join(f"{k + 1}. {t}" for k, t in enumerate(paras)) + "\n"

    return doc(a), doc(b)


@dataclass
class Run:
    seconds: float
    rss_mib: float


def spawn(cmd: list[str], env: dict[str, str] | None = None, *, until_painted: bool = False,
          settle: float = 0.3, check: bool = True, timeout: float = 300.0) -> Run:
    """One process, timed from spawn to exit (or to the first-paint timestamp it
    prints), with its own peak RSS."""
    err_file = tempfile.TemporaryFile(mode="w+")
    t0 = time.monotonic()
    # Output goes to /dev/null (the peers' too): a pipe nobody reads would block a big diff.
    proc = subprocess.Popen(cmd, env=env, stderr=err_file, cwd=ROOT, text=True,
                            stdout=subprocess.PIPE if until_painted else subprocess.DEVNULL)
    painted: float | None = None
    if until_painted:
        assert proc.stdout is not None
        deadline = time.monotonic() + timeout
        for line in proc.stdout:
            if line.startswith("NEGOTIATOR_PAINTED"):
                painted = float(line.split()[1])
                break
            if time.monotonic() > deadline:
                break
        time.sleep(settle)  # let it settle, so the RSS includes what the window holds
        with contextlib.suppress(ProcessLookupError):
            os.kill(proc.pid, signal.SIGTERM)
    _, status, usage = os.wait4(proc.pid, 0)
    end = time.monotonic()
    proc.returncode = os.waitstatus_to_exitcode(status)
    err_file.seek(0)
    err = err_file.read()
    if until_painted and painted is None:
        raise RuntimeError(f"{cmd} never painted: {err[-2000:]}")
    if check and not until_painted and status != 0:
        raise RuntimeError(f"{cmd} failed ({status}): {err[-2000:]}")
    return Run((painted or end) - t0, usage.ru_maxrss / 1024)


@dataclass
class Spec:
    """One tool of a comparison: its command and how to run it."""

    tool: str
    cmd: list[str]
    env: dict[str, str]
    until_painted: bool = False
    settle: float = 0.3
    before: Callable[[], None] | None = None
    check: bool = True


def interleaved(specs: list[Spec], runs: int) -> list[tuple[float, str, float]]:
    """Each tool's median seconds, spread ("min-max") and median peak RSS over
    ``runs`` runs, taken in turn (ours, then the peer, then ours...) after one
    warm-up run each, so a busy moment of this shared machine hits all alike."""
    results: list[list[Run]] = [[] for _ in specs]
    for k in range(runs + 1):
        for spec, out in zip(specs, results):
            if spec.before is not None:
                spec.before()
            run = spawn(spec.cmd, spec.env, until_painted=spec.until_painted,
                        settle=spec.settle, check=spec.check)
            if k:  # the first is the warm-up
                out.append(run)
    summary = []
    for out in results:
        times = [r.seconds for r in out]
        summary.append((statistics.median(times), f"{min(times):.3f}-{max(times):.3f}",
                        statistics.median(r.rss_mib for r in out)))
    return summary


def has_paused_gc() -> bool:
    """Whether this checkout stores comparisons and pauses the collector (so the
    bench also runs on an older checkout, for the figures before)."""
    return (ROOT / "negotiator" / "domain" / "memory.py").exists()


def negotiator(*args: str) -> list[str]:
    return [PY, "-m", "ui.app", *args]


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,30000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-gui", action="store_true", help="skip the start-up figures")
    parser.add_argument("--only", choices=("diff", "import", "gui"), action="append")
    parser.add_argument("--stages", action="store_true",
                        help="also the window's memory stage by stage on the largest store (offscreen)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    parts = set(args.only or ("diff", "import", "gui"))
    if args.no_gui:
        parts.discard("gui")
    tmp = Path(tempfile.mkdtemp(prefix="negotiator-bench-process-"))
    env = dict(os.environ, NEGOTIATOR_HOME=str(tmp / "home"))
    env.pop("NEGOTIATOR_DB", None)
    # An installed Negotiator has its bytecode compiled; this machine's default
    # environment forbids writing it, which would time the compiler at every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    rows: list[list[str]] = []
    print(f"load average at start: {load()}", flush=True)

    def row(what: str, n: int | str, tool: str, median: float, spread: str, rss: float | None,
            notes: str = "") -> None:
        rows.append([what, str(n), tool, f"{median:.3f}", spread,
                     "-" if rss is None else f"{rss:.0f}", notes])
        print("  ".join(rows[-1]), flush=True)

    stores: dict[int, Path] = {}
    stages: list[list[str]] = []
    figures: dict[tuple[str, int], tuple[float, float]] = {}
    try:
        for n in sizes:
            a_text, b_text = make_texts(n)
            a, b = tmp / f"a{n}.txt", tmp / f"b{n}.txt"
            a.write_text(a_text, encoding="utf-8")
            b.write_text(b_text, encoding="utf-8")
            db = tmp / f"s{n}.sqlite"
            base = tmp / f"base{n}.sqlite"
            subprocess.run(negotiator("--db", str(base), "new", "Bench", "--forum", "X"),
                           check=True, env=env, cwd=ROOT, capture_output=True)
            subprocess.run(negotiator("--db", str(base), "import", "Bench", str(a), "--label", "A"),
                           check=True, env=env, cwd=ROOT, capture_output=True)
            if "import" in parts:
                floor_db = tmp / "floor.sqlite"

                def fresh(base: Path = base, db: Path = db) -> None:
                    for extra in ("", "-wal", "-shm"):
                        Path(str(db) + extra).unlink(missing_ok=True)
                    shutil.copy(base, db)
                (ours, spread, rss), floor = interleaved([
                    Spec("negotiator import", negotiator("--db", str(db), "import", "Bench", str(b),
                                                         "--label", "B"), env, before=fresh),
                    Spec("floor", [PY, "-c", FLOOR_IMPORT, str(b), str(floor_db)], env,
                         before=lambda: floor_db.unlink(missing_ok=True)),
                ], args.runs)
                row("import .txt 2nd draft", n, "negotiator import", ours, spread, rss,
                    "aligned to the first" + (", comparison stored" if has_paused_gc() else ""))
                row("import .txt 2nd draft", n, "floor: split + executemany", *floor,
                    f"negotiator = {ours / floor[0]:.0f}x the floor")
                figures[("import", n)] = (ours, floor[0])
                if has_paused_gc():
                    fresh()
                    phases = subprocess.run([PY, "-c", IMPORT_PHASES, str(db), str(b)], env=env,
                                            cwd=ROOT, capture_output=True, text=True, check=True)
                    for line in phases.stdout.splitlines():
                        seconds, name = line.split("\t")
                        row("  import phase (one run)", n, name, float(seconds), "-", None)
            if not db.exists() or "import" not in parts:
                shutil.copy(base, db)
                subprocess.run(negotiator("--db", str(db), "import", "Bench", str(b), "--label", "B"),
                               check=True, env=env, cwd=ROOT, capture_output=True)
            stores[n] = db
            if "diff" in parts:
                diff = negotiator("--db", str(db), "diff", "Bench", "A", "B", "--json")
                specs = [Spec("negotiator", diff, env),
                         Spec("git", ["git", "diff", "--no-index", "--word-diff", "--no-color",
                                      str(a), str(b)], env, check=False)]
                if has_paused_gc():  # a version that stores comparisons and pauses the collector
                    def forget(db: Path = db) -> None:
                        with contextlib.closing(sqlite3.connect(db)) as con, con:
                            con.execute("DELETE FROM comparison_cache")
                    specs += [Spec("no gc pause", [PY, "-c", GC_RUNNING, *diff[3:]], env),
                              Spec("cold", diff, env, before=forget)]
                measured = interleaved(specs, args.runs)
                ours, git = measured[0][0], measured[1][0]
                row("diff --json", n, "negotiator", *measured[0])
                row("diff --json", n, "git diff --no-index --word-diff", *measured[1],
                    f"negotiator = {ours / git:.1f}x git")
                figures[("diff", n)] = (ours, git)
                if len(measured) > 2:
                    row("diff --json", n, "negotiator, collector not paused", *measured[2],
                        "what paused_gc() saves")
                    row("diff --json", n, "negotiator, comparison not stored", *measured[3],
                        "aligned, diffed and stored on the spot")
        if "gui" in parts:
            gui_rows(rows, row, stores, tmp, env, args.runs)
        if args.stages and stores:
            stages = memory_stages(stores[max(stores)], env)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print()
    print(table(["what", "size", "tool", "median s", "spread s", "peak RSS MiB", "notes"], rows))
    if stages:
        print(f"\nThe window on the {max(stores):,}-paragraph store, stage by stage (one run, offscreen):")
        print(table(["stage", "RSS MiB", "added", "peak in stage", "anonymous / file-backed MiB"], stages))
    print(f"\nload average at end: {load()}; {args.runs} runs each")
    print(f"targets (issue 16): {TARGETS}")
    small, large = min(sizes), max(sizes)
    for what in ("diff", "import"):
        if (what, small) in figures and (what, large) in figures and large > small:
            growth = figures[(what, large)][0] / figures[(what, small)][0]
            verdict = "linear or better" if growth <= large / small else "WORSE than linear"
            print(f"growth of {what} {small} -> {large} paragraphs: {growth:.1f}x for "
                  f"{large / small:.0f}x the paragraphs ({verdict})")
    return 0


def memory_stages(store: Path, env: dict[str, str]) -> list[list[str]]:
    """The window's resident memory after each stage of its start on ``store``,
    and its peak during the stage (one run, offscreen)."""
    done = subprocess.run([PY, "-c", MEMORY_STAGES, str(store)], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=120,
                          env=dict(env, QT_QPA_PLATFORM="offscreen"))
    out: list[list[str]] = []
    last = 0.0
    for line in done.stdout.splitlines():
        if line.startswith("STAGE\t"):
            _, name, rss, peak, anon, file = line.split("\t")
            out.append([name, f"{float(rss):.1f}", f"{float(rss) - last:+.1f}", f"{float(peak):.1f}",
                        f"{float(anon):.0f} / {float(file):.0f}"])
            last = float(rss)
    return out


def gui_rows(rows: list[list[str]], row: object, stores: dict[int, Path], tmp: Path,
             env: dict[str, str], runs: int) -> None:
    assert callable(row)
    xvfb = shutil.which("Xvfb")
    displays: list[tuple[str, dict[str, str]]] = []
    server = None
    if xvfb:
        display = ":87"
        server = subprocess.Popen([xvfb, display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)
        x_env = dict(env, DISPLAY=display, NEGOTIATOR_PAINTED="1")
        x_env.pop("QT_QPA_PLATFORM", None)
        displays.append(("Xvfb", x_env))
    displays.append(("offscreen", dict(env, QT_QPA_PLATFORM="offscreen", NEGOTIATOR_PAINTED="1")))
    try:
        for where, genv in displays:
            specs = [Spec("bare", [PY, "-c", BARE_WINDOW], genv, until_painted=True),
                     Spec("demo", negotiator("--demo"), genv, until_painted=True)]
            big = (10_000 if 10_000 in stores else max(stores)) if stores else None
            if big is not None:
                specs.append(Spec("big", negotiator("--db", str(stores[big])), genv,
                                  until_painted=True, settle=BIG_SETTLE_S))
            measured = interleaved(specs, runs)
            row(f"start-up painted ({where})", "-", "bare PySide6 table window", *measured[0])
            row(f"start-up painted ({where})", "demo", "negotiator --demo", *measured[1],
                f"{measured[1][0] / measured[0][0]:.1f}x the bare window")
            if big is not None:
                row(f"start-up painted ({where})", big, "negotiator, last draft shown", *measured[2],
                    f"RSS {BIG_SETTLE_S:g} s after the paint: draft and its changes loaded")
    finally:
        if server is not None:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    sys.exit(main())
