"""Work-around for a reference-counting bug of the installed Qt binding.

PySide6 6.12.0 on CPython 3.11 drops one reference to ``None`` each time a
Python override of a Qt virtual returns ``None`` (``QAbstractItemModel.data``,
``QRunnable.run``, event handlers...) and one reference to ``True`` on each
``Signal.emit()``. A window calls ``data()`` thousands of times per repaint,
so within seconds the interpreter aborts with "Fatal Python error:
none_dealloc". CPython 3.12 made these singletons immortal, which hides the
bug there; here we do the same by giving them a reference count no program
can exhaust. Applied once at import, only when the leak is measured.

Also: after PySide6 is loaded, it asks of every module imported whether its
source mentions "PySide6" (for ``from __feature__ import ...``), through
``inspect.getsource``, which keeps each module's source in ``linecache`` for
the life of the process: about 650 files and 22 MiB of heap for this app. The
same question is answered here from the file's bytes, and nothing is kept.
"""

from __future__ import annotations

import ctypes
import platform
import sys
from collections.abc import Callable
from types import ModuleType

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

# References added to None, True and False: 2**40 leaked references would take
# years of continuous repainting.
PIN = 1 << 40


class _Probe(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> None:
        return None


class _Emitter(QObject):
    ping = Signal()


def _leaks() -> bool:
    probe, emitter = _Probe(), _Emitter()
    index = probe.index(0, 0)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(8):
        index.data(Qt.ItemDataRole.DisplayRole)
        emitter.ping.emit()
    after = sys.getrefcount(None), sys.getrefcount(True)
    return after[0] < before[0] - 4 or after[1] < before[1] - 4


def _pin(obj: object) -> None:
    # ob_refcnt is the first field of every CPython object.
    ctypes.c_ssize_t.from_address(id(obj)).value += PIN


def _uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)  # a builtin, an extension, a zip: PySide's own answer
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


def scan_without_linecache() -> bool:
    """Answer PySide6's "does this module use PySide6?" without filling
    ``linecache``; False if this binding asks no such question."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "reads_bytes", False):
        return False

    def uses_pyside(module: ModuleType) -> bool:
        return _uses_pyside(module, original)

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    return True


def apply() -> bool:
    """Pin None/True/False if the binding leaks references to them; True if applied."""
    if platform.python_implementation() != "CPython" or sys.version_info >= (3, 12):
        return False
    if not _leaks():
        return False
    for obj in (None, True, False):
        _pin(obj)
    return True


APPLIED = apply()
SCANS_BYTES = scan_without_linecache()
