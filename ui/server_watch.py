"""Colleagues' edits as they arrive: polls the core's `changes_since` every few
seconds on a worker thread while the window shows a shared store.

Polling rather than LISTEN/NOTIFY: one small read per interval, through the
same access rules as everything else (a change a user may not see does not
count), and the same code for a SQLite file on a shared drive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from negotiator.storage.changes import Changes, ChangeToken, changes_since
from negotiator.storage.store import Store
from ui.tasks import TaskManager

if TYPE_CHECKING:
    from ui.connect_dialog import ConnectDialog
    from ui.main_window import MainWindow

POLL_MS = 3000


def look(store: Store, token: ChangeToken | None) -> Changes:
    with store.transaction(read_only=True) as s:
        return changes_since(s, token)


class ServerWatch(QObject):
    """Signals:
        changed(object): a frozenset of areas ("drafts", "positions", "notes",
            "statuses", "links") that colleagues changed.
        failed(object): the exception of a look that failed (the watch goes on).
    """

    changed = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.token: ChangeToken | None = None
        self._own_saves = 0  # own saves noted, so a look under way does not report them
        # Its own task manager: a look every few seconds must not flash the
        # window's busy indicator.
        self.tasks = TaskManager(parent=self)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def watch(self, store: Store | None) -> None:
        """Start watching a store (None: stop)."""
        self.timer.stop()
        self.tasks.cancel_all()
        self.store, self.token = store, None
        if store is not None:
            self.check()
            self.timer.start()

    def note_own_change(self) -> None:
        """Our own save: take it into the token without reporting it."""
        self._own_saves += 1
        self.check(report=False)

    def check(self, *, report: bool = True) -> None:
        store, token = self.store, self.token
        if store is None or self.tasks.running:
            return  # the look under way answers; an own save noted meanwhile makes it look again
        own_saves = self._own_saves
        self.tasks.run("", lambda ctx: look(store, token),
                       on_done=lambda changes: self._seen(store, changes, report, own_saves),
                       on_error=self.failed.emit)

    def _seen(self, store: Store, changes: Changes, report: bool, own_saves: int) -> None:
        if store is not self.store:
            return
        self.token = changes.token
        if own_saves != self._own_saves:
            # Our own save landed while this look ran, before or after its read:
            # what it saw is not only colleagues'. Look again, quietly, once this
            # look has ended (it still counts as running while its result arrives).
            QTimer.singleShot(0, self, lambda: self.check(report=False))
        elif report and changes.any:
            self.changed.emit(changes.areas)


class ServerMode(QObject):
    """The window's face of a shared store: File > Connect to Server…, who the
    window acts for (status bar), and colleagues' edits as they arrive."""

    def __init__(self, window: MainWindow) -> None:
        from PySide6.QtGui import QAction
        from PySide6.QtWidgets import QLabel

        super().__init__(window)
        self.window = window
        self.dialog: ConnectDialog | None = None
        self.action = QAction(self.tr("Connect to &Server…"), window)
        self.action.setObjectName("connectAction")
        self.action.setStatusTip(self.tr("Open your delegation's shared store on a PostgreSQL server"))
        self.action.triggered.connect(self.show_dialog)
        window.file_menu.insertAction(window.recent_menu.menuAction(), self.action)
        self.label = QLabel()
        self.label.setObjectName("actingFor")
        window.statusBar().addPermanentWidget(self.label)
        self.watch = ServerWatch(self)
        self.watch.changed.connect(self.colleagues_changed)
        self.show_store()

    def show_dialog(self) -> ConnectDialog:
        from ui.connect_dialog import ConnectDialog

        self.dialog = ConnectDialog(self.window.settings, self.window.tasks, self.window)
        self.dialog.connected.connect(self.window.switch_store)
        self.dialog.open()
        return self.dialog

    def show_store(self) -> None:
        """After the window switched stores: the label, and the watch on a server."""
        from negotiator.storage.server_engine import user_of, where

        store = self.window.store
        server = not store.url.startswith("sqlite")
        self.label.setVisible(server)
        if server:
            user = user_of(store.url)
            who = (self.tr("Acting for %1 as %2").replace("%1", store.acting_for).replace("%2", user)
                   if store.acting_for else self.tr("Administrator %1").replace("%1", user))
            self.label.setText(f"{who} · {where(store.url)}")
        self.watch.watch(store if server else None)

    def own_change(self) -> None:
        if self.watch.store is not None:
            self.watch.note_own_change()

    def colleagues_changed(self, areas: frozenset[str]) -> None:
        window = self.window
        if areas & {"drafts", "links"}:
            window.reload_draft()
        else:
            window.load_summaries()
            paragraph_id = window.current_paragraph_id()
            if paragraph_id is not None:
                window.load_positions(paragraph_id)
        window.statusBar().showMessage(self.tr("Colleagues' changes arrived"), 5000)
