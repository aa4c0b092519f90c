"""Starting the desktop app: QApplication, translations, the store (or a
throwaway demo store), the first-start offer, and the main window."""

from __future__ import annotations

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from negotiator.errors import NegotiatorError
from negotiator.store import Store
from ui import operations as op
from ui import paths
from ui import settings as cfg
from ui.settings import Settings

APP_NAME = "Negotiator"


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("negotiator")
    return app  # type: ignore[return-value]


def install_translators(app: QApplication, language: str = "") -> list[QTranslator]:
    """Our translation (and Qt's own dialogs') for the chosen or system language."""
    locale = QLocale(language) if language else QLocale.system()
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(locale, "negotiator", "_", str(paths.TRANSLATIONS)):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def default_store() -> str | None:
    """The store to open without --db: $NEGOTIATOR_DB, else under $NEGOTIATOR_HOME
    when set, else the core's default (None)."""
    import os

    from negotiator.store import ENV_VAR

    if os.environ.get(ENV_VAR) or not os.environ.get(paths.HOME_ENV):
        return None
    return str(paths.data_dir() / "negotiator.sqlite")


def make_demo_store() -> tuple[Store, Path]:
    """A throwaway store in a temporary folder, holding the demo negotiation."""
    folder = Path(tempfile.mkdtemp(prefix="negotiator-demo-"))
    store = Store.open(folder / "demo.sqlite")
    op.load_demo(store)
    return store, folder


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window; returns the application's exit code."""
    from ui.main_window import MainWindow

    app = make_app()
    settings = Settings()
    install_translators(app, settings.get(cfg.LANGUAGE))
    demo_folder: Path | None = None
    try:
        if args.demo:
            store, demo_folder = make_demo_store()
        else:
            store = Store.open(args.db or default_store())
    except NegotiatorError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    window = MainWindow(store, settings)
    if args.demo:
        window.switch_store(store, demo=True)
    elif store.path is not None:
        settings.add_recent_store(str(store.path))
    window.show()
    if not args.demo:
        QTimer.singleShot(0, window.offer_demo_if_empty)
    try:
        return app.exec()
    finally:
        window.store.close()
        if demo_folder is not None:
            shutil.rmtree(demo_folder, ignore_errors=True)
