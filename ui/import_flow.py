"""Importing a draft from the window: choose or drop a file, or paste text; read
it in the background; ask how to read tracked changes; preview; store; then
show how the new draft lines up with the one before it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from negotiator.text.importer import ParsedDraft
from negotiator.text.tracked import TrackedChanges
from ui import operations as op
from ui import settings as cfg
from ui.dialogs import show_error
from ui.import_dialog import ImportPreviewDialog, ImportRequest, TrackedChangesQuestion

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# Files the window takes by drag and drop.
IMPORT_SUFFIXES = (".docx", ".pdf", ".txt", ".md")


def droppable(urls: list[QUrl]) -> list[str]:
    """The local draft files among dropped URLs."""
    return [u.toLocalFile() for u in urls
            if u.isLocalFile() and u.toLocalFile().lower().endswith(IMPORT_SUFFIXES)]


class ImportFlow(QObject):
    """The window's import actions; the window stays the shell that shows the result."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def choose_import_file(self) -> None:
        start = self.window.settings.get(cfg.IMPORT_DIR) or str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Import Draft"), start,
            self.tr("Drafts (*.docx *.pdf *.txt *.md);;All files (*)"),
        )
        if path:
            self.window.settings.set(cfg.IMPORT_DIR, str(Path(path).parent))
            self.import_file(path)

    def import_file(self, path: str | Path, tracked_changes: TrackedChanges | None = None) -> None:
        """Parse a file in the background, then show the preview dialog; a Word
        file with tracked changes first asks how to read them."""
        name = Path(path).name
        reading = tracked_changes or TrackedChanges.ACCEPT
        self.window.tasks.run(
            self.tr("Reading %1…").replace("%1", name),
            lambda ctx: op.read_file(path, reading),
            on_done=lambda parsed: self._file_read(path, parsed, asked=tracked_changes is not None),
            on_error=lambda exc: self.window._task_failed(self.tr("Could not import %1").replace("%1", name), exc),
        )

    def _file_read(self, path: str | Path, parsed: ParsedDraft, *, asked: bool) -> None:
        if not parsed.has_tracked_changes or asked:
            self.preview_import(parsed)
            return
        question = TrackedChangesQuestion(parsed.source_name, self.window)
        question.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            if question.choice == TrackedChanges.ACCEPT:
                self.preview_import(parsed)  # already read that way
            elif question.choice == TrackedChanges.REJECT:
                self.import_file(path, TrackedChanges.REJECT)

        question.finished.connect(answered)
        question.open()

    def paste_draft(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            show_error(self.window, self.tr("Paste Draft"), self.tr("The clipboard holds no text to import."))
            return
        self.window.tasks.run(
            self.tr("Reading the clipboard…"),
            lambda ctx: op.read_text(text, "clipboard.txt"),
            on_done=self.preview_import,
            on_error=lambda exc: self.window._task_failed(self.tr("Could not import the clipboard"), exc),
        )

    def preview_import(self, parsed: ParsedDraft) -> ImportPreviewDialog:
        store = self.window.store
        dialog = ImportPreviewDialog(parsed, self.window.negotiations, self.window.current_negotiation_id,
                                     lambda neg_id: op.suggest_label(store, neg_id), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.store_import(parsed, dialog.request()))
        dialog.open()
        return dialog

    def store_import(self, parsed: ParsedDraft, request: ImportRequest) -> None:
        store = self.window.store
        self.window.tasks.run(
            self.tr("Storing %1…").replace("%1", request.label),
            lambda ctx: op.import_parsed(store, parsed, request.label,
                                         negotiation_id=request.negotiation_id,
                                         new_negotiation=request.new_negotiation,
                                         symbol=request.symbol, date=request.date),
            on_done=self._import_done,
            on_error=lambda exc: self.window._task_failed(self.tr("Could not import %1").replace("%1", request.label),
                                                   exc),
        )

    def _import_done(self, result: Any) -> None:
        self.window.current_negotiation_id = result.negotiation_id
        self.window.refresh_tree(select_draft=result.draft_id)
        message = self.tr("Imported %1: %n paragraph(s)", "", result.paragraphs).replace("%1", result.label)
        self.window.statusBar().showMessage(message, 8000)
        self.window.draft_imported.emit(result.draft_id)
        # Show right away how the new draft lines up with the one before it.
        # refresh_tree has just shown the new draft, and with it its previous one.
        shown = self.window.current_draft_id == result.draft_id
        previous = (self.window.previous_draft_id if shown
                    else op.previous_draft_id(self.window.store, result.draft_id))
        if previous is not None:
            self.window.show_compare(to_id=result.draft_id)
