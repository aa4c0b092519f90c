"""Qt translation files: the .ts sources (resources/translations/, edited in Qt
Linguist, refreshed by tools/update_translations.py) compiled into the .qm files
QTranslator loads, with Qt's own lrelease.

The .qm are not committed: the wheel build (setup.py) compiles them, and a
source checkout compiles them on first use (``ui.application``). This module
imports no Qt, so setup.py can use it in the build environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# PySide6's entry point for its lrelease binary: found the same way on every platform,
# in a venv, a build environment or a system install.
LRELEASE = "from PySide6.scripts.pyside_tool import lrelease; lrelease()"


def lrelease(ts: Path, qm: Path) -> None:
    """Compile one .ts into a .qm; raises CalledProcessError with lrelease's message."""
    partial = qm.with_name(qm.name + ".part")
    subprocess.run([sys.executable, "-c", LRELEASE, "-silent", str(ts), "-qm", str(partial)],
                   check=True, capture_output=True, text=True)
    os.replace(partial, qm)  # a reader never sees half a file


def compile_translations(sources: Path, into: Path | None = None, *, only_stale: bool = False) -> list[Path]:
    """One .qm per .ts of ``sources``, written to ``into`` (default: beside the .ts);
    with ``only_stale``, a .qm at least as new as its .ts is kept. Returns the .qm written."""
    into = into or sources
    written: list[Path] = []
    for ts in sorted(sources.glob("*.ts")):
        qm = into / ts.with_suffix(".qm").name
        if only_stale and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        into.mkdir(parents=True, exist_ok=True)
        lrelease(ts, qm)
        written.append(qm)
    return written
