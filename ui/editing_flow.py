"""Editing from the window: positions, notes, paragraph status and link
corrections, each saved at once as one undo step; a stale edit asks whether to
keep the colleague's version or use yours."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from negotiator.domain.errors import StaleEdit
from negotiator.views.paragraph_detail import NOT_EDITABLE_STATES
from ui import operations as op
from ui.dialogs import show_error, show_exception
from ui.link_dialog import LinkDialog
from ui.undo import Failure, NoteEdit, PositionEdit, StatusEdit

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class EditingFlow(QObject):
    """The window's edits; the window stays the shell that shows their result."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def correct_link(self) -> None:
        """Ask which paragraph of the previous draft the selected one continues."""
        row = self.window.detail.row
        if row is None:
            show_error(self.window, self.tr("Correct Paragraph Link"), self.tr("Select a paragraph first."))
            return
        choices = op.link_choices(self.window.store, row.id)
        if choices is None:
            show_error(self.window, self.tr("Correct Paragraph Link"),
                       self.tr("This is the first draft: its paragraphs continue nothing."))
            return
        dialog = LinkDialog(choices, row.reference, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._store_link(row.id, row.reference, dialog.source()))
        dialog.open()

    def _store_link(self, paragraph_id: int, number: str, source: int | None | str) -> None:
        store, author = self.window.store, self.window.settings.author()
        self.window.tasks.run(
            self.tr("Re-linking paragraphs…"),
            lambda ctx: op.correct_paragraph_link(store, paragraph_id, source, author),
            on_done=lambda _result: self._link_stored(paragraph_id, number),
            on_error=lambda exc: self.window._task_failed(self.tr("Could not correct the link"), exc),
        )

    def _link_stored(self, paragraph_id: int, number: str) -> None:
        # Lineages changed from this draft on: comparisons, stances and positions too.
        self.window.reload_draft()
        self.window.statusBar().showMessage(self.tr("Link of %1 corrected").replace("%1", number), 5000)
        self.window.link_corrected.emit(paragraph_id)

    def edit_position(self, actor: str, fields: dict[str, Any] | None) -> None:
        """One edit in the positions editor: saved now, as one undo step."""
        loaded = self.window.detail.positions.loaded
        if loaded is None:
            return
        before = next((v for v in (loaded.ours, loaded.eu, *loaded.others)
                       if v is not None and v.actor == actor), None)
        if before is not None and before.state in NOT_EDITABLE_STATES:
            # A position taken before a split: an edit here starts one for this part.
            before = None
        number = self.window.detail.row.reference if self.window.detail.row else ""
        label = (self.tr("Withdraw %1's position on %2") if fields is None
                 else self.tr("Change %1's position on %2")).replace("%1", actor).replace("%2", number)
        self.window.undo_stack.push(PositionEdit(
            self.window.store, self.window.versions, loaded.paragraph_id, actor, before, fields,
            author=self.window.settings.author(), label=label, on_done=self._written, on_error=self._edit_failed))

    def add_note(self, text: str) -> None:
        paragraph_id = self.window.current_paragraph_id()
        if paragraph_id is not None:
            self.window.undo_stack.push(NoteEdit(self.window.store, paragraph_id, text, author=self.window.settings.author(),
                                          on_done=self._written, on_error=self._edit_failed))

    def set_status(self, status: str, holder: str | None, due: str | None) -> None:
        """Mark the selected paragraph agreed ad ref, agreed, or open again: saved now, one undo step."""
        loaded = self.window.detail.positions.loaded
        if loaded is None or self.window.detail.row is None:
            return
        number = self.window.detail.row.reference
        label = {"agreed_ad_ref": self.tr("Mark %1 agreed ad ref"), "agreed": self.tr("Mark %1 agreed"),
                 "open": self.tr("Open %1 again")}[status].replace("%1", number)
        self.window.undo_stack.push(StatusEdit(
            self.window.store, loaded.paragraph_id, loaded.settable_agreement, (status, holder, due),
            author=self.window.settings.author(), label=label, on_done=self._written, on_error=self._edit_failed))

    def _written(self, paragraph_id: int) -> None:
        # Undo may touch a paragraph of another draft; show it where it is.
        if paragraph_id == self.window.current_paragraph_id():
            self.window.load_positions(paragraph_id)
        index = self.window.paragraph_model.index_of_paragraph(paragraph_id)
        if index is None:  # a paragraph of another draft: its positions carry into this one
            self.window.load_summaries()
        else:
            self.window.load_summary(paragraph_id, index)
        self.window.server.own_change()
        self.window.statusBar().showMessage(self.tr("Saved"), 3000)

    def _edit_failed(self, failure: Failure, exc: BaseException) -> None:
        if isinstance(exc, StaleEdit) and failure.actor is not None:
            self._ask_about_stale_edit(failure, exc)
        else:
            show_exception(self.window, self.tr("Could not save"), exc)
            if failure.paragraph_id == self.window.current_paragraph_id():
                self.window.load_positions(failure.paragraph_id)

    def _ask_about_stale_edit(self, command: Failure, exc: StaleEdit) -> None:
        """Someone changed the position since it was loaded: ask, never overwrite silently."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Position changed elsewhere"),
                          str(exc) + ".\n\n" + self.tr("Keep their version, or replace it with yours?"),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("staleEditDialog")
        keep = box.addButton(self.tr("Keep Theirs"), QMessageBox.ButtonRole.RejectRole)
        mine = box.addButton(self.tr("Use Mine"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: Any) -> None:
            if button is mine:
                assert command.actor is not None
                current = op.current_position(self.window.store, command.paragraph_id, command.actor)
                self.window.undo_stack.push(PositionEdit(
                    self.window.store, self.window.versions, command.paragraph_id, command.actor, current,
                    command.fields, author=self.window.settings.author(), label=command.label,
                    on_done=self._written, on_error=self._edit_failed,
                    expected_version=current.version if current else 0))
            elif command.paragraph_id == self.window.current_paragraph_id():
                self.window.load_positions(command.paragraph_id)

        box.buttonClicked.connect(answered)
        box.open()
