"""The test suite's duration, as CI runs it: README's test command in a child
process (two workers by default, see pyproject's addopts), wall time, CPU time
of every process it started, peak memory of the largest, and how many tests ran.

Run: python bench/bench_suite.py [--single]   (--single adds a one-process run, -n0, as peer)
Target: under 2 minutes of wall time on CI's two cores.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import table

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 120.0


def run(extra: list[str]) -> tuple[float, float, float, str]:
    """(wall s, CPU s of the children, peak RSS MiB of the largest child, summary line)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra],
                          cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = next((line for line in reversed(done.stdout.splitlines())
                    if re.search(r"\d+ (passed|failed)", line)), "no summary")
    return wall, cpu, after.ru_maxrss / 1024, summary.strip("= ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--single", action="store_true", help="also run in one process (-n0)")
    args = parser.parse_args()
    rows = []
    wall, cpu, peak, summary = run([])
    rows.append(("suite, 2 workers (README's command)", f"{wall:.1f}", f"{cpu:.1f}", f"{peak:.0f}", summary))
    if args.single:
        wall1, cpu1, peak1, summary1 = run(["-n0"])
        rows.append(("peer: one process (-n0)", f"{wall1:.1f}", f"{cpu1:.1f}", f"{peak1:.0f}", summary1))
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    print(table(("run", "wall s", "CPU s", "peak RSS MiB", "result"), rows))
    print(f"target: wall <= {TARGET_S:.0f} s on CI's two cores -> "
          f"{'met' if wall <= TARGET_S else 'NOT met'} here ({wall:.0f} s)")


if __name__ == "__main__":
    main()
