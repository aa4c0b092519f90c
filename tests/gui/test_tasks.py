"""The background-task helper: results and errors arrive on the GUI thread,
Cancel drops the result, and a newer task with the same key wins."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from ui.tasks import TaskManager

pytestmark = pytest.mark.gui


@pytest.fixture
def manager(qtbot):  # type: ignore[no-untyped-def]
    """A task manager whose pool is idle and whose results are delivered after the test."""
    tasks = TaskManager()
    yield tasks
    tasks.wait()
    qtbot.waitUntil(lambda: not tasks.running, timeout=5000)


def test_result_arrives_on_the_gui_thread(qtbot, manager) -> None:  # type: ignore[no-untyped-def]
    seen: list[object] = []
    worker_thread: list[int] = []

    def work(ctx):  # type: ignore[no-untyped-def]
        worker_thread.append(threading.get_ident())
        ctx.progress(1, 1)
        return 42

    with qtbot.waitSignal(manager.busy_changed, timeout=5000, check_params_cb=lambda busy: not busy):
        manager.run("answer", work, on_done=lambda r: seen.append((r, QThread.currentThread())))
    assert seen == [(42, QThread.currentThread())]
    assert worker_thread and worker_thread[0] != threading.get_ident()


def test_error_arrives_as_the_exception(qtbot, manager) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def work(ctx):  # type: ignore[no-untyped-def]
        raise ValueError("bad draft")

    with qtbot.waitSignal(manager.busy_changed, timeout=5000, check_params_cb=lambda busy: not busy):
        manager.run("fail", work, on_done=lambda r: errors.append(AssertionError("no result expected")),
                    on_error=errors.append)
    assert len(errors) == 1 and isinstance(errors[0], ValueError) and str(errors[0]) == "bad draft"


def test_cancel_drops_the_result(qtbot, manager) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    results: list[object] = []

    def work(ctx):  # type: ignore[no-untyped-def]
        release.wait(5)
        for i in range(3):
            ctx.progress(i, 3)  # raises Cancelled once cancelled
        return "done"

    task = manager.run("long", work, on_done=results.append, on_error=results.append)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: not manager.running, timeout=5000)
    assert results == []


def test_a_newer_task_with_the_same_key_wins(qtbot, manager) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    results: list[str] = []

    def slow(ctx):  # type: ignore[no-untyped-def]
        release.wait(5)
        return "old"

    manager.run("first", slow, on_done=results.append, key="diff")
    manager.run("second", lambda ctx: "new", on_done=results.append, key="diff")
    release.set()
    qtbot.waitUntil(lambda: not manager.running, timeout=5000)
    assert results == ["new"]


def test_garbage_is_collected_on_the_gui_thread_only(qapp) -> None:  # type: ignore[no-untyped-def]
    """Automatic collection is off while a QApplication runs (a worker thread must
    never free Qt objects); the GUI thread's collector does the collecting."""
    import gc

    from ui import gc_guard

    collector = gc_guard.install(qapp)
    assert not gc.isenabled()
    assert gc_guard.install(qapp) is collector  # one per application
    for _ in range(gc.get_threshold()[0] + 10):
        a: list[object] = []
        a.append(a)  # cyclic garbage
    assert collector.collect() > 0
