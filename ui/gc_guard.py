"""Python's cycle collector, run on the GUI thread only.

A collection is started by whichever thread happens to allocate, and it frees
whatever cyclic garbage it finds, Qt wrappers included: a Qt object freed on a
worker thread crashes PySide (seen as a segfault while a worker read the
store). So the client turns automatic collection off and collects here, on a
timer of the GUI thread, what the collector's thresholds ask for.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Collects on the GUI thread; automatic collection stays off while it lives."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("mainThreadCollector")
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(INTERVAL_MS)

    def collect(self) -> int:
        """Collect the generations whose thresholds are passed, as automatic collection would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return 0
        generation = 2 if counts[2] > thresholds[2] else 1 if counts[1] > thresholds[1] else 0
        return gc.collect(generation)


def install(app: QCoreApplication) -> MainThreadCollector:
    """The application's collector (made once)."""
    found = app.findChild(MainThreadCollector, "mainThreadCollector")
    return found if isinstance(found, MainThreadCollector) else MainThreadCollector(app)
