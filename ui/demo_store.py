"""The throwaway folder of ``negotiator --demo``: removed on any exit.

Each run gets its own temporary folder with a marker holding its process id.
A normal exit removes it (``run_gui`` on return, ``atexit`` on any other way
out of Python); a crash or a kill cannot, so every start removes the demo
folders whose process is no longer running.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

PREFIX = "negotiator-demo-"
MARKER = "negotiator-demo.pid"
# A folder without its marker is being created right now, or was left by a
# version without markers: only the latter is old.
UNMARKED_GRACE_SECONDS = 600


def create_demo_folder(root: Path | None = None) -> Path:
    """A new demo folder for this process, removed when Python exits."""
    folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=root))
    (folder / MARKER).write_text(str(os.getpid()), encoding="ascii")
    atexit.register(remove_demo_folder, folder)
    return folder


def remove_demo_folder(folder: Path) -> None:
    """Remove a demo folder (once its store is closed); a missing one is fine."""
    shutil.rmtree(folder, ignore_errors=True)


def remove_stale_demo_folders(root: Path | None = None) -> list[Path]:
    """Remove the demo folders left by runs that crashed or were killed; returns them."""
    base = Path(root) if root is not None else Path(tempfile.gettempdir())
    removed: list[Path] = []
    try:
        candidates = sorted(p for p in base.glob(PREFIX + "*") if p.is_dir())
    except OSError:
        return removed
    for folder in candidates:
        if _is_stale(folder):
            remove_demo_folder(folder)
            if not folder.exists():
                removed.append(folder)
    return removed


def _is_stale(folder: Path) -> bool:
    try:
        pid = int((folder / MARKER).read_text(encoding="ascii").strip())
    except FileNotFoundError:
        try:
            return time.time() - folder.stat().st_mtime > UNMARKED_GRACE_SECONDS
        except OSError:
            return False
    except (OSError, ValueError):
        return False  # unreadable: not ours to judge
    return pid != os.getpid() and not process_running(pid)


def process_running(pid: int) -> bool:
    """Whether a process with this id exists (it may belong to another user)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_running(pid)
    try:
        os.kill(pid, 0)  # signal 0: existence check only
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _windows_process_running(pid: int) -> bool:
    # os.kill would terminate the process on Windows: ask the kernel instead.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    query_limited_information, still_active = 0x1000, 259
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
