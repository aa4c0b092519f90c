"""First start, the throwaway demo store, and the overview chart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

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


DEMO_DRIVER = """
import argparse, json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui import application

seen = {}

def look_and_quit():
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
    if not window.negotiations:  # painted first, filled right after
        QTimer.singleShot(100, look_and_quit)
        return
    seen.update(title=window.windowTitle(), path=str(window.store.path),
                drafts=[d.label for d in window.negotiations[0].drafts])
    window.close()
    QApplication.quit()

application.make_app()
QTimer.singleShot(500, look_and_quit)
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
