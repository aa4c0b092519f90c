"""First start, the throwaway demo store, and the overview chart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import event

from ui import operations as op
from ui import settings as cfg

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def test_first_start_with_an_empty_store_offers_the_demo(make_window, empty_store, settings, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(empty_store)
    window.offer_demo_if_empty()
    box = window.findChild(QMessageBox, "demoOffer")
    assert box is not None and box.isVisible()
    with qtbot.waitSignal(window.tasks.busy_changed, timeout=20000, check_params_cb=lambda busy: not busy):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert window.negotiations and [d.label for d in window.negotiations[0].drafts] == \
        ["Zero draft", "Rev.1", "Rev.2"]
    assert settings.get(cfg.DEMO_OFFERED) is True
    # Offered once only.
    window.offer_demo_if_empty()
    assert window.findChild(QMessageBox, "demoOffer") is None or not window.findChild(
        QMessageBox, "demoOffer").isVisible()


def test_a_store_with_data_is_not_offered_the_demo(make_window, demo_store) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_store)
    window.offer_demo_if_empty()
    assert window.findChild(QMessageBox, "demoOffer") is None


class PaintWatch(QObject):
    """Notes how many statements the store had run when the window was first painted."""

    def __init__(self, statements: list[str]) -> None:
        super().__init__()
        self.statements = statements
        self.at_first_paint: int | None = None

    def eventFilter(self, _watched: QObject, ev: QEvent) -> bool:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.Paint and self.at_first_paint is None:
            self.at_first_paint = len(self.statements)
        return False


def test_start_reads_the_store_after_the_first_paint_and_only_for_the_tree(  # type: ignore[no-untyped-def]
        empty_store, settings, qtbot) -> None:
    """The start-up sequence of `negotiator`: the empty window is painted before any
    read, and the demo offer asks the tree just read, not the store again."""
    from ui.application import show_then_fill
    from ui.main_window import MainWindow

    statements: list[str] = []

    def record(_conn, _cursor, sql, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(sql)

    event.listen(empty_store.engine, "before_cursor_execute", record)
    try:
        window = MainWindow(empty_store, settings, load_later=True)
        qtbot.addWidget(window)
        watch = PaintWatch(statements)
        window.installEventFilter(watch)
        show_then_fill(window, offer_demo=True)
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "demoOffer") is not None, timeout=5000)
        qtbot.wait(50)  # anything queued behind the offer
        at_start = len(statements)
        window.refresh_tree()  # what reading the tree costs alone
        tree_alone = len(statements) - at_start
    finally:
        event.remove(empty_store.engine, "before_cursor_execute", record)
    assert watch.at_first_paint == 0, statements
    assert at_start == tree_alone > 0, statements
    assert window.findChild(QMessageBox, "demoOffer").isVisible()


DEMO_DRIVER = """
import argparse, json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui import application

seen = {}

def look_and_quit():
    window = next((w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"), None)
    if window is None or not window.negotiations:  # painted first, filled right after
        QTimer.singleShot(100, look_and_quit)
        return
    seen.update(title=window.windowTitle(), path=str(window.store.path),
                drafts=[d.label for d in window.negotiations[0].drafts])
    window.close()
    QApplication.quit()

application.make_app()
QTimer.singleShot(0, look_and_quit)
code = application.run_gui(argparse.Namespace(db=None, demo=True))
print(json.dumps({"code": code, **seen}))
"""


def test_negotiator_demo_opens_a_throwaway_store(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`negotiator --demo`: the window opens on a temporary store that is removed on exit.
    Runs in a child process: the app's own event loop and exit are part of the test."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEGOTIATOR_HOME": str(tmp_path / "home"),
           "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", DEMO_DRIVER], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0
    assert seen["title"].startswith("Negotiator") and "demo" in seen["title"]
    assert seen["drafts"] == ["Zero draft", "Rev.1", "Rev.2"]
    assert not Path(seen["path"]).exists()


def test_chart_counts_brackets_changes_and_reviews(make_window, full_demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(full_demo_store)
    with qtbot.waitSignal(window.chart_loaded, timeout=20000):
        window.chart_action.trigger()
    points = window.chart.points
    assert [p.label for p in points] == ["Zero draft", "Rev.1", "Rev.2"]
    drafts = window.negotiations[0].drafts
    assert [p.brackets for p in points] == [d.brackets for d in drafts]
    assert points[0].changed is None and points[1].changed and points[2].changed
    # "Changed" counts what the comparison tab lists as changed minus renumbering
    # alone; the new symbol and date on each revision do not count.
    for before, after, point in zip(drafts, drafts[1:], points[1:]):
        entries = op.load_diff(full_demo_store, before.id, after.id).entries
        assert point.changed == sum(1 for e in entries if e.changed and set(e.status) != {"renumbered"})
        assert any(e.top_matter for e in entries)
    assert points[2].brackets < points[0].brackets
    assert (points[2].needs_review or 0) > 0
    series = window.chart.chart.series()
    assert len(series) == 1 and len(series[0].barSets()) == 3
    assert op.chart_points(full_demo_store, window.negotiations[0].id) == points
