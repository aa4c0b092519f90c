"""The comparison tab from the window: offer the negotiation's drafts, compare
two of them in the background, show the result (the diff view moves between
its changes itself: View > Next / Previous Change).

Strings keep the window's translation context ("MainWindow"): they were
translated there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from ui import operations as op
from ui.operations import DiffData

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class CompareFlow(QObject):
    """The window's comparison tab; the window emits ``diff_loaded`` when it shows a result."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def negotiation_drafts(self) -> list[tuple[int, str]]:
        """(id, label) of the selected negotiation's drafts, oldest first."""
        window = self.window
        if window.current_negotiation_id is None:
            return []
        return window.tree_model.draft_ids(window.current_negotiation_id)

    def offer_drafts(self, from_id: int | None = None, to_id: int | None = None) -> None:
        window = self.window
        drafts = self.negotiation_drafts()
        if to_id is None and window.current_draft_id in [d for d, _ in drafts]:
            to_id = window.current_draft_id
        window.diff_view.set_drafts(drafts, from_id, to_id)

    def show_compare(self, from_id: int | None = None, to_id: int | None = None) -> None:
        """Open the comparison tab and compare (by default the shown draft with the one before)."""
        window = self.window
        window.tabs.blockSignals(True)
        window.tabs.setCurrentIndex(window.compare_tab)
        window.tabs.blockSignals(False)
        self.offer_drafts(from_id, to_id)
        pair = window.diff_view.selected_pair()
        if pair is not None and pair[0] != pair[1]:
            self.compare_drafts(*pair)
        window.diff_view.table.setFocus()

    def compare_drafts(self, from_id: int, to_id: int) -> None:
        window = self.window
        labels = dict(self.negotiation_drafts())
        window.diff_view.show_busy(labels.get(from_id, "?"), labels.get(to_id, "?"))
        store = window.store
        window.tasks.run(
            QCoreApplication.translate("MainWindow", "Comparing drafts…"),
            lambda ctx: op.load_diff(store, from_id, to_id, ctx.progress),
            on_done=self._diff_ready,
            on_error=lambda exc: window._task_failed(
                QCoreApplication.translate("MainWindow", "Could not compare drafts"), exc),
            key="diff",
        )

    def _diff_ready(self, data: DiffData) -> None:
        self.window.diff_view.set_diff(data)
        self.window.diff_loaded.emit()
