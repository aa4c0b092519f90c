"""Starting the desktop app: QApplication, translations, the store (or a
throwaway demo store), the first-start offer, and the main window."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from negotiator.domain.errors import NegotiatorError
from negotiator.storage.store import Store
from ui import gc_guard, paths
from ui import settings as cfg
from ui.demo_store import create_demo_folder, remove_demo_folder, remove_stale_demo_folders
from ui.languages import install_translators
from ui.settings import Settings

if TYPE_CHECKING:
    from ui.main_window import MainWindow

APP_NAME = "Negotiator"
# Set: print a monotonic timestamp after the first paint (for bench/bench_process.py).
PAINTED_ENV = "NEGOTIATOR_PAINTED"
log = logging.getLogger(__name__)


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):  # None: the first call makes it
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("negotiator")
    gc_guard.install(app)
    return app


def default_store() -> str | None:
    """The store to open without --db: $NEGOTIATOR_DB, else under $NEGOTIATOR_HOME
    when set, else the core's default (None)."""
    import os

    from negotiator.storage.store import ENV_VAR

    if os.environ.get(ENV_VAR) or not os.environ.get(paths.HOME_ENV):
        return None
    return str(paths.data_dir() / "negotiator.sqlite")


def make_demo_store() -> tuple[Store, Path]:
    """A throwaway store in this run's own temporary folder (removed on exit, or at
    the next start after a crash: see ``ui.demo_store``), holding a copy of the
    ready demo store: nothing is imported at start."""
    from negotiator.demo import ready_demo_store

    folder = create_demo_folder()
    target = folder / "demo.sqlite"
    shutil.copyfile(ready_demo_store(paths.cache_dir()), target)
    return Store.open(target), folder


class AfterFirstPaint(QObject):
    """Runs ``then`` once the window's first paint is done (or after
    ``FALLBACK_MS`` if no paint comes: a window started minimised), so start-up
    shows a window before it reads the store. With $NEGOTIATOR_PAINTED set it
    also prints ``NEGOTIATOR_PAINTED <monotonic seconds>``: bench/bench_process.py
    times start-up from outside the process, from spawn to that moment."""

    FALLBACK_MS = 500

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self._run)  # after this paint reached the screen
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is None:
            return
        self.parent().removeEventFilter(self)  # type: ignore[union-attr]
        if os.environ.get(PAINTED_ENV):
            print(f"NEGOTIATOR_PAINTED {time.monotonic():.6f}", flush=True)
        then()


def show_then_fill(window: MainWindow, *, offer_demo: bool) -> None:
    """Show the window empty and read the store only once it is painted: the
    tree first, then (``offer_demo``, a first start) the demo offer, which
    asks the tree just read whether the store is empty instead of the store."""

    def fill() -> None:
        window.refresh_tree()
        if offer_demo:
            window.offer_demo_if_empty()

    AfterFirstPaint(window, fill)
    window.show()


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window; returns the application's exit code."""
    from ui.main_window import MainWindow

    app = make_app()
    settings = Settings()
    install_translators(app, settings.get(cfg.LANGUAGE))
    remove_stale_demo_folders()  # left by a demo run that crashed or was killed
    demo_folder: Path | None = None
    try:
        if args.demo:
            store, demo_folder = make_demo_store()
        else:
            store = Store.open(args.db or default_store())
    except NegotiatorError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    # Painted first, filled right after: the tree and the shown draft are read
    # once the empty window is on the screen.
    window = MainWindow(store, settings, demo=args.demo, load_later=True)
    if not args.demo and store.path is not None:
        settings.add_recent_store(str(store.path))
    show_then_fill(window, offer_demo=not args.demo)
    try:
        return app.exec()
    finally:
        # The window may have been rebuilt (language change) or switched stores.
        for widget in app.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.store.close()
        if demo_folder is not None:
            remove_demo_folder(demo_folder)
