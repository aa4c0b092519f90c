"""Starting the desktop app: QApplication, translations, the store (or a
throwaway demo store), the first-start offer, and the main window."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from negotiator.domain.errors import NegotiatorError
from negotiator.storage.store import Store
from ui import operations as op
from ui import paths
from ui import settings as cfg
from ui.demo_store import create_demo_folder, remove_demo_folder, remove_stale_demo_folders
from ui.languages import install_translators
from ui.settings import Settings

APP_NAME = "Negotiator"
log = logging.getLogger(__name__)


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):  # None: the first call makes it
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("negotiator")
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
    """A throwaway store in this run's own temporary folder, holding the demo
    negotiation; the folder goes when Python exits (see ``ui.demo_store``)."""
    folder = create_demo_folder()
    store = Store.open(folder / "demo.sqlite")
    op.load_demo(store)
    return store, folder


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
    window = MainWindow(store, settings, demo=args.demo)
    if not args.demo and store.path is not None:
        settings.add_recent_store(str(store.path))
    window.show()
    if not args.demo:
        QTimer.singleShot(0, window.offer_demo_if_empty)
    try:
        return app.exec()
    finally:
        # The window may have been rebuilt (language change) or switched stores.
        for widget in app.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.store.close()
        if demo_folder is not None:
            remove_demo_folder(demo_folder)
