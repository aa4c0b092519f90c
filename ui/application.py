"""Starting the desktop app: QApplication, translations, the store (or a
throwaway demo store), the first-start offer, and the main window."""

from __future__ import annotations

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from negotiator.domain.errors import NegotiatorError
from negotiator.storage.store import Store
from ui import operations as op
from ui import paths
from ui import settings as cfg
from ui.settings import Settings
from ui.translations import compile_translations

if TYPE_CHECKING:
    from ui.main_window import MainWindow

APP_NAME = "Negotiator"
# Set: print a monotonic timestamp after the first paint (for bench/bench_process.py).
PAINTED_ENV = "NEGOTIATOR_PAINTED"
log = logging.getLogger(__name__)


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("negotiator")
    return app  # type: ignore[return-value]


def available_languages() -> list[str]:
    """Language codes the client speaks: English (the source) and every shipped translation."""
    compile_checkout_translations()
    shipped = {p.stem.removeprefix("negotiator_") for p in paths.TRANSLATIONS.glob("negotiator_*.qm")}
    return ["en"] + sorted(shipped - {"en"})  # negotiator_en.qm only holds English plurals


def language_name(code: str) -> str:
    """A language's name in that language ("English", "français"), as language menus show it."""
    if code == "en":
        return "English"  # Qt's native name for plain "en" is "American English"
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


def compile_checkout_translations() -> None:
    """A source checkout holds only the .ts: compile each one newer than its .qm (an
    installed wheel holds only .qm, so nothing happens there). On failure the app
    speaks English."""
    try:
        compile_translations(paths.TRANSLATIONS, only_stale=True)
    except (OSError, subprocess.CalledProcessError) as error:
        log.warning("could not compile the translations: %s %s", error, getattr(error, "stderr", ""))


def install_translators(app: QApplication, language: str = "") -> list[QTranslator]:
    """Our translation (and Qt's own dialogs') for the chosen or system language;
    replaces the ones installed before. A language we do not ship gets English,
    with its plural forms ("1 paragraph", "2 paragraphs")."""
    remove_translators(app)
    compile_checkout_translations()
    locale = QLocale(language) if language else QLocale.system()
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(locale, "negotiator", "_", str(paths.TRANSLATIONS)) \
            or ours.load("negotiator_en", str(paths.TRANSLATIONS)):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    for translator in (ours, qt):
        translator.setObjectName("negotiator-translator")
        if translator not in installed:
            translator.deleteLater()
    return installed


def remove_translators(app: QApplication) -> None:
    """Back to the source strings (what ``install_translators`` installed is removed)."""
    for old in app.findChildren(QTranslator, "negotiator-translator"):
        app.removeTranslator(old)
        old.deleteLater()


def change_language(window: MainWindow, language: str) -> MainWindow:
    """Switch the UI language now: a new main window on the same store, in the
    same place, showing the same draft (every string is set when a widget is
    built, so rebuilding is simpler and surer than retranslating each one)."""
    from ui.main_window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.settings.set(cfg.LANGUAGE, language)
    window.save_window_state()
    window.tasks.cancel_all()
    window.tasks.wait()
    install_translators(app, language)
    new = MainWindow(window.store, window.settings, demo=window.demo_store)
    new.refresh_tree(select_draft=window.current_draft_id)
    new.show()
    window.hide()
    window.deleteLater()
    return new


def default_store() -> str | None:
    """The store to open without --db: $NEGOTIATOR_DB, else under $NEGOTIATOR_HOME
    when set, else the core's default (None)."""
    import os

    from negotiator.storage.store import ENV_VAR

    if os.environ.get(ENV_VAR) or not os.environ.get(paths.HOME_ENV):
        return None
    return str(paths.data_dir() / "negotiator.sqlite")


def make_demo_store() -> tuple[Store, Path]:
    """A throwaway store in a temporary folder, holding the demo negotiation: a
    copy of the ready demo store (nothing is imported at start)."""
    from negotiator.demo import ready_demo_store

    folder = Path(tempfile.mkdtemp(prefix="negotiator-demo-"))
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
    # Painted first, filled right after: the tree and the shown draft are read
    # once the empty window is on the screen.
    window = MainWindow(store, settings, demo=args.demo, load_later=True)
    if not args.demo and store.path is not None:
        settings.add_recent_store(str(store.path))
    AfterFirstPaint(window, window.refresh_tree)
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
            shutil.rmtree(demo_folder, ignore_errors=True)
