"""One helper for work that must not freeze the window: imports, diffs, charts.

A task is a plain function ``fn(ctx) -> result`` run on a ``QThreadPool``. It
reports progress with ``ctx.progress(done, total)`` (which also raises
``Cancelled`` once the user pressed Cancel) and returns plain values. The
result, or the exception, arrives on the GUI thread through queued signals.

Rules for task functions (see STYLE.md 4): open their own session with
``store.transaction()``; take and return ids and plain values only, never ORM
objects or widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class TaskContext:
    """What a running task sees: progress reporting and the cancel flag."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int) -> None:
        """Report progress (thread-safe) and stop here if cancelled."""
        self._task.progressed.emit(done, total)
        self.check()


class Task(QObject):
    """A handle on one background job, living on the GUI thread.

    Signals:
        progressed(int, int): done and total steps, from the worker.
        succeeded(object): the function's return value.
        failed(object): the exception it raised (``Cancelled`` is not reported).
        ended(): after succeeded, failed or a cancellation.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    ended = Signal()
    # No payload: PySide6 6.12 crashes (refcount) on queued signals carrying
    # Python objects from a worker thread, so the worker leaves the outcome
    # on the task and only the wake-up crosses threads.
    _done = Signal()

    def __init__(self, label: str, fn: Callable[[TaskContext], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.fn = fn
        self.ctx = TaskContext(self)
        self.finished = False
        self._outcome: tuple[bool, object] = (False, None)
        # Queued to the GUI thread: the Task lives there.
        self._done.connect(self._deliver)

    def cancel(self) -> None:
        """Ask the task to stop; its result, if it still comes, is dropped."""
        self.ctx._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self.ctx.cancelled

    def run_in_worker(self) -> None:
        try:
            self._outcome = (True, self.fn(self.ctx))
        except Cancelled:
            self._outcome = (False, None)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
            self._outcome = (False, exc)
        try:
            self._done.emit()
        except RuntimeError:
            pass  # the application is shutting down and the task is gone

    @Slot()
    def _deliver(self) -> None:
        ok, value = self._outcome
        self._outcome = (False, None)
        self.finished = True
        if not self.cancelled:
            if ok:
                self.succeeded.emit(value)
            elif value is not None:
                if not isinstance(value, Exception):
                    log.error("task %s: %r", self.label, value)
                self.failed.emit(value)
        self.ended.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task.run_in_worker()


class TaskManager(QObject):
    """Starts tasks and keeps track of the running ones.

    Signals:
        busy_changed(bool): some task started, or the last one ended.
        progress(str, int, int): label, done, total of the most recent task.
    """

    busy_changed = Signal(bool)
    progress = Signal(str, int, int)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._running: list[Task] = []
        self._keyed: dict[str, Task] = {}

    @property
    def running(self) -> list[Task]:
        return list(self._running)

    def run(
        self,
        label: str,
        fn: Callable[[TaskContext], Any],
        *,
        on_done: Callable[[Any], object] | None = None,  # what it returns is not used
        on_error: Callable[[BaseException], None] | None = None,
        key: str | None = None,
    ) -> Task:
        """Run ``fn`` in the pool; ``on_done``/``on_error`` are called on the GUI thread.

        Args:
            label: what the status bar shows while it runs ("Importing Rev.2…").
            fn: the work; gets a ``TaskContext``.
            on_done: called with the result.
            on_error: called with the exception (``Cancelled`` is never passed).
            key: a task started with the same key cancels the previous one, whose
                result is then dropped (stale results never reach the screen).

        Returns:
            The task handle.
        """
        if key is not None and (old := self._keyed.get(key)) is not None:
            old.cancel()
        # No parent: a task must outlive a manager destroyed while it runs.
        task = Task(label, fn)
        if on_done is not None:
            task.succeeded.connect(on_done)
        if on_error is not None:
            task.failed.connect(on_error)
        task.progressed.connect(partial(self._progressed, task.label))
        task.ended.connect(partial(self._ended, task, key))
        if key is not None:
            self._keyed[key] = task
        self._running.append(task)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self.pool.start(_Runnable(task))
        return task

    def cancel_all(self) -> None:
        for task in self._running:
            task.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (used at shutdown only)."""
        return self.pool.waitForDone(msecs)

    def _progressed(self, label: str, done: int, total: int) -> None:
        self.progress.emit(label, done, total)

    def _ended(self, task: Task, key: str | None) -> None:
        if task in self._running:
            self._running.remove(task)
        if key is not None and self._keyed.get(key) is task:
            del self._keyed[key]
        if not self._running:
            self.busy_changed.emit(False)
        task.deleteLater()
