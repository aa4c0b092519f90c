"""Filling the window's paragraph table and detail pane: a draft's paragraphs
at once, then its changes against the draft before and its stance and flag
columns in the background, one paragraph's positions when it is selected.

Strings keep the window's translation context ("MainWindow"): they were
translated there."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from ui import operations as op
from ui.dialogs import show_exception
from ui.models.tree import ID_ROLE
from ui.tasks import Task

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


def _reading_positions() -> str:
    return QCoreApplication.translate("MainWindow", "Reading positions…")


def _could_not_read_positions() -> str:
    return QCoreApplication.translate("MainWindow", "Could not read positions")


class DraftLoading(QObject):
    """The window's reads of the shown draft; the window emits ``draft_loaded``,
    ``changes_loaded``, ``summaries_loaded`` and ``positions_loaded`` as they land."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # Changes per (previous draft, draft): drafts never change once stored, so a
        # comparison stays true until the tree is reloaded (import, merge, other store).
        self.changes_cache: dict[tuple[int, int], Any] = {}
        self._reading_all_summaries: Task | None = None

    def select_draft(self, draft_id: int) -> None:
        """Show a draft's paragraphs now, then fill in changes in the background."""
        window = self.window
        rows = op.load_paragraphs(window.store, draft_id)
        window.current_draft_id = draft_id
        window.previous_draft_id = op.previous_draft_id(window.store, draft_id)
        window.paragraph_model.set_rows(draft_id, rows)
        window.filter_bar.update_count()
        window.detail.show_paragraph(None, None, False)
        window.link_action.setEnabled(False)
        if window.tree.currentIndex().data(ID_ROLE) != draft_id:
            # Keeps the tree in step; its handler sees the draft is already shown.
            window.tree.setCurrentIndex(window.tree_model.find_draft(draft_id))
        window.draft_loaded.emit(draft_id)
        previous = window.previous_draft_id
        cached = self.changes_cache.get((previous or 0, draft_id))
        if cached is not None:
            self._changes_ready(previous, draft_id, cached)
        elif previous is not None:
            # The stances are read once the changes are in, not beside them: each read
            # holds a draft's worth of rows for a moment, and one after the other the
            # window never holds both (10,000 paragraphs: some 15 MiB less at the peak).
            store = window.store
            window.tasks.run(
                QCoreApplication.translate("MainWindow", "Comparing with the previous draft…"),
                lambda ctx: op.load_changes(store, draft_id),
                on_done=lambda changes: self._changes_then_summaries(previous, draft_id, changes),
                on_error=lambda exc: self._changes_then_summaries(previous, draft_id, None, exc),
                key="changes",
            )
            return
        else:
            window.paragraph_model.set_changes(None)
        self.load_summaries()

    def _changes_ready(self, previous: int | None, draft_id: int, changes: Any) -> None:
        window = self.window
        if previous is not None and changes is not None:
            self.changes_cache[(previous, draft_id)] = changes
        if draft_id != window.current_draft_id:
            return  # the user moved on; drop the stale result
        window.paragraph_model.set_changes(changes)
        window.filter_bar.update_count()
        detail = window.detail
        if detail.row is not None and (row := window.paragraph_model.row_of_paragraph(detail.row.id)) is not None:
            detail.show_paragraph(detail.row, window.paragraph_model.change_at(row), True, keep_positions=True)
        window.changes_loaded.emit(draft_id)

    def load_summaries(self) -> None:
        """Fill the stance and flag columns of the shown draft in the background."""
        window = self.window
        draft_id, store = window.current_draft_id, window.store
        if draft_id is None:
            return
        self._reading_all_summaries = window.tasks.run(
            _reading_positions(),
            lambda ctx: op.load_position_summaries(store, draft_id),
            on_done=lambda summaries: self._summaries_ready(draft_id, summaries),
            on_error=lambda exc: window._task_failed(_could_not_read_positions(), exc),
            key="summaries",
        )

    def _changes_then_summaries(self, previous: int, draft_id: int, changes: Any,
                                failure: BaseException | None = None) -> None:
        if failure is None:
            self._changes_ready(previous, draft_id, changes)
        else:
            self._changes_failed(draft_id, failure)
        if draft_id == self.window.current_draft_id:  # else the user moved on, and that draft reads its own
            self.load_summaries()

    def load_summary(self, paragraph_id: int, index: int) -> None:
        """One paragraph's stances and flags after an edit: it costs what it touches."""
        window = self.window
        draft_id, store = window.current_draft_id, window.store
        if draft_id is None:  # the draft was closed meanwhile: nothing to refresh
            return
        reading = self._reading_all_summaries
        if reading is not None and not reading.finished and not reading.cancelled:
            # The whole draft's stances, read before this edit was saved, would land
            # after this row and undo it on the screen: read them all again instead.
            self.load_summaries()
            return
        window.tasks.run(
            _reading_positions(),
            lambda ctx: op.load_position_summaries(store, draft_id, {paragraph_id}),
            on_done=lambda summaries: self._summary_ready(draft_id, index, summaries.get(index)),
            on_error=lambda exc: window._task_failed(_could_not_read_positions(), exc),
            key=f"summary-{paragraph_id}",
        )

    def _summary_ready(self, draft_id: int | None, index: int,
                       summary: op.PositionSummary | None) -> None:
        window = self.window
        if draft_id != window.current_draft_id:
            return
        window.paragraph_model.update_position(index, summary)
        window.filter_bar.update_count()
        window.summaries_loaded.emit(draft_id)

    def _summaries_ready(self, draft_id: int, summaries: dict[int, op.PositionSummary]) -> None:
        window = self.window
        if draft_id != window.current_draft_id:
            return
        window.paragraph_model.set_positions(summaries)
        window.filter_bar.update_count()
        window.summaries_loaded.emit(draft_id)

    def _changes_failed(self, draft_id: int, exc: BaseException) -> None:
        if isinstance(exc, ImportError):
            log.info("comparison not available: %s", exc)
            return
        if draft_id == self.window.current_draft_id:
            show_exception(self.window, QCoreApplication.translate("MainWindow", "Could not compare drafts"), exc)

    def load_positions(self, paragraph_id: int) -> None:
        window = self.window
        store = window.store
        window.tasks.run(
            _reading_positions(),
            lambda ctx: op.load_paragraph_positions(store, paragraph_id),
            on_done=lambda loaded: self._positions_ready(paragraph_id, loaded),
            on_error=lambda exc: window._task_failed(_could_not_read_positions(), exc),
            key="detail",
        )

    def _positions_ready(self, paragraph_id: int, loaded: op.ParagraphDetail) -> None:
        window = self.window
        if paragraph_id != window.current_paragraph_id():
            return
        window.detail.show_positions(loaded)
        window.positions_loaded.emit(paragraph_id)
