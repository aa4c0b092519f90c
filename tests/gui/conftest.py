"""Fixtures for the desktop client tests: a real store holding the demo
negotiation's three drafts (built once, copied per test) and a main window."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from negotiator.drafts import negotiations
from negotiator.storage.store import Store
from negotiator.text import importer

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo"
DATA = Path(__file__).with_name("data")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.gui)


def fill_demo(store: Store) -> None:
    """The demo negotiation's drafts, imported from their .txt files as a user would."""
    meta = json.loads((DEMO / "demo.json").read_text(encoding="utf-8"))
    with store.transaction() as s:
        neg = negotiations.create_negotiation(s, meta["title"], meta["forum"], meta["delegation"])
        for d in meta["drafts"]:
            negotiations.import_draft(s, neg, importer.read_file(DEMO / d["text_file"]), d["label"],
                             symbol=d["symbol"])


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.sqlite"
    store = Store.open(path)
    fill_demo(store)
    store.close()
    return path


@contextmanager
def open_copy(template: Path, path: Path) -> Iterator[Store]:
    """A store copied from a template (its own file: tests never share one)."""
    shutil.copy(template, path)
    store = Store.open(path)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def demo_store(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    with open_copy(demo_template, tmp_path / "demo.sqlite") as store:
        yield store


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "empty.sqlite")
    yield store
    store.close()


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from ui.settings import Settings

    monkeypatch.setenv("NEGOTIATOR_HOME", str(tmp_path / "home"))
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, settings):  # type: ignore[no-untyped-def]
    """Build a main window on a store; closed (and its tasks finished) after the test."""
    from ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def make(store: Store) -> MainWindow:
        window = MainWindow(store, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.tasks.cancel_all()
        window.tasks.wait()


@pytest.fixture
def demo_window(make_window, demo_store):  # type: ignore[no-untyped-def]
    return make_window(demo_store)


@pytest.fixture(scope="session")
def full_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo as `negotiator --demo` opens it: drafts, actors and positions."""
    from ui import operations as op

    path = tmp_path_factory.mktemp("full") / "demo.sqlite"
    store = Store.open(path)
    op.load_demo(store)
    store.close()
    return path


@pytest.fixture
def full_demo_store(full_demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    with open_copy(full_demo_template, tmp_path / "full-demo.sqlite") as store:
        yield store
