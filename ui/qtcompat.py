"""Work-around for a reference-counting bug of the installed Qt binding.

PySide6 6.12.0 on CPython 3.11 drops one reference to ``None`` each time a
Python override of a Qt virtual returns ``None`` (``QAbstractItemModel.data``,
``QRunnable.run``, event handlers...) and one reference to ``True`` on each
``Signal.emit()``. A window calls ``data()`` thousands of times per repaint,
so within seconds the interpreter aborts with "Fatal Python error:
none_dealloc". CPython 3.12 made these singletons immortal, which hides the
bug there; here we do the same by giving them a reference count no program
can exhaust. Applied once at import, only when the leak is measured.
"""

from __future__ import annotations

import ctypes
import platform
import sys

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
