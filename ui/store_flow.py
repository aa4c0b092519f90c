"""Stores from the window: File > Open Store… and Open Recent, switching to
another store (a file, a server, the demo), and the demo negotiation offered
on a first start.

Strings keep the window's translation context ("MainWindow"): they were
translated there."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from negotiator.storage.store import Store
from ui import operations as op
from ui import settings as cfg
from ui.dialogs import show_exception

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class StoreFlow(QObject):
    """The window's store actions; the window stays the shell that shows the store."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def choose_store(self) -> None:
        window = self.window
        path, _filter = QFileDialog.getOpenFileName(
            window, QCoreApplication.translate("MainWindow", "Open Store"),
            str(window.store.path.parent if window.store.path else Path.home()),
            QCoreApplication.translate("MainWindow", "Negotiator stores (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self.open_store(path)

    def open_store(self, path: str) -> None:
        try:
            store = Store.open(path)
        except Exception as exc:  # noqa: BLE001 - shown as a dialog
            show_exception(self.window, QCoreApplication.translate("MainWindow", "Could not open the store"), exc)
            return
        self.switch_store(store)
        self.window.settings.add_recent_store(str(store.path or path))

    def switch_store(self, store: Store, *, demo: bool = False) -> None:
        window = self.window
        window.tasks.cancel_all()
        window.tasks.wait()
        old = window.store
        window.store = store
        window.demo_store = demo
        window.undo_stack.clear()
        window.versions.clear()
        window.current_draft_id = window.current_negotiation_id = None
        window.paragraph_model.set_rows(None, [])
        window.diff_view.set_diff(None)
        if old is not store:
            old.close()
        window.refresh_tree()
        window._update_title()
        window.server.show_store()

    def fill_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        for path in self.window.settings.get(cfg.RECENT_STORES):
            action = menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.window.open_store(p))
        if menu.isEmpty():
            menu.addAction(QCoreApplication.translate("MainWindow", "(none)")).setEnabled(False)

    def open_demo(self) -> None:
        """Load the demo negotiation into the open store (if it is not there yet)."""
        window = self.window
        store = window.store
        window.tasks.run(
            QCoreApplication.translate("MainWindow", "Loading the demo negotiation…"),
            lambda ctx: op.load_demo(store),
            on_done=lambda _result: window.refresh_tree(),
            on_error=lambda exc: window._task_failed(
                QCoreApplication.translate("MainWindow", "Could not load the demo"), exc),
        )

    def offer_demo_if_empty(self) -> None:
        """First start with an empty store: offer the demo negotiation, once.
        Called once the tree is read: its negotiations say whether the store is empty."""
        window = self.window
        if window.settings.get(cfg.DEMO_OFFERED) or window.negotiations:
            return
        window.settings.set(cfg.DEMO_OFFERED, True)
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("MainWindow", "Welcome to Negotiator"),
                          QCoreApplication.translate(
                              "MainWindow",
                              "This store is empty. Open the demo negotiation (a fictional OSCE "
                              "decision in three drafts) to look around? You can import your own "
                              "drafts with File > Import Draft (Ctrl+I) at any time."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
        box.setObjectName("demoOffer")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(window.open_demo)
        box.open()
