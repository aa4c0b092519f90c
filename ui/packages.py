"""Position packages in the desktop client: File > Export Positions Package…,
File > Merge Positions Package… and Negotiation > Resolve Conflicts….

A package carries one negotiation's positions (with their history), notes,
paragraph statuses and drafts to another laptop (``negotiator.exchange``;
README, "Exchange between laptops"). Export and merge run in the background
through the window's ``TaskManager``; the work is in ``ui.operations``. A
position changed on both laptops since their last exchange comes back as a
conflict: ``ui.conflicts_dialog.ConflictsDialog`` shows both versions and keeps
the one chosen.

Packages are signed: one from a colleague this store does not trust yet is
merged only after the user compared the key's fingerprint with them and
answered "Trust this colleague". Drafts such a package brings stay marked in
the tree until *Negotiation > Confirm Draft from Package…*.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
)

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from ui import operations as op
from ui import settings as cfg
from ui.conflicts_dialog import ConflictsDialog
from ui.dialogs import show_exception
from ui.file_names import file_part
from ui.tasks import Task

if TYPE_CHECKING:
    from negotiator.positions.signing import UntrustedSigner
    from ui.main_window import MainWindow

PACKAGE_SUFFIX = ".json"
# Longest part of a suggested file name taken from the title.
PACKAGE_TITLE_CHARS = 60


def package_file_name(title: str, day: dt.date) -> str:
    """The suggested name of a package: the negotiation's title and the date,
    e.g. ``ICT-CBMs-decision-positions-2026-03-02.json`` (the export's rule for
    what a name may hold, with hyphens for spaces)."""
    stem = file_part(title, PACKAGE_TITLE_CHARS).replace(" ", "-") or "negotiation"
    return f"{stem}-positions-{day.isoformat()}{PACKAGE_SUFFIX}"


def merge_summary(result: op.MergeResult, file_name: str) -> str:
    """What a merged package brought in, in plain words (one line per kind)."""
    if result.nothing_new:
        lines = [QCoreApplication.translate(
            "Packages", "%1 brought nothing new: this store already holds everything in it.")
            .replace("%1", file_name)]
    else:
        lines = [QCoreApplication.translate("Packages", "Merged %1 into “%2”:")
                 .replace("%1", file_name).replace("%2", result.negotiation)]
        counts = (
            (result.drafts, QCoreApplication.translate(
                "Packages", "%n draft(s) this store did not hold", "", result.drafts)),
            (result.positions_added, QCoreApplication.translate(
                "Packages", "%n new position(s)", "", result.positions_added)),
            (result.positions_updated, QCoreApplication.translate(
                "Packages", "%n position(s) changed", "", result.positions_updated)),
            (result.history_rows, QCoreApplication.translate(
                "Packages", "%n change(s) added to the history of positions", "", result.history_rows)),
            (result.notes_added, QCoreApplication.translate(
                "Packages", "%n new note(s)", "", result.notes_added)),
            (result.notes_deleted, QCoreApplication.translate(
                "Packages", "%n note(s) deleted", "", result.notes_deleted)),
            (result.statuses_added, QCoreApplication.translate(
                "Packages", "%n paragraph status(es) set (agreed, agreed ad ref)", "", result.statuses_added)),
        )
        lines += [f"  • {text}" for n, text in counts if n]
    if result.conflicts:
        lines += ["", QCoreApplication.translate(
            "Packages", "%n conflict(s) to resolve: the same position was changed on both laptops. "
                        "Both versions are kept until you choose one, in the next window.",
            "", len(result.conflicts))]
    return "\n".join(lines)


def export_summary(written: op.PackageWritten) -> str:
    """What an exported package holds, and what to do with it, in plain words."""
    counts = (
        QCoreApplication.translate("Packages", "%n position(s) with their history", "", written.positions),
        QCoreApplication.translate("Packages", "%n note(s)", "", written.notes),
        QCoreApplication.translate("Packages", "%n paragraph status(es)", "", written.statuses),
        QCoreApplication.translate("Packages", "%n draft(s)", "", written.drafts),
    )
    return "\n".join([
        QCoreApplication.translate("Packages", "%1 was saved. It holds what this store records on “%2”:")
        .replace("%1", Path(written.path).name).replace("%2", written.negotiation),
        *(f"  • {text}" for text in counts),
        "",
        QCoreApplication.translate(
            "Packages", "Send it to your colleague, who brings it in with File > Merge Positions Package…"),
    ])


class PackageActions(QObject):
    """The menu actions for position packages, and what they start.

    Signals:
        exported(object): a package was written (``op.PackageWritten``).
        merged(object): a package was merged (``op.MergeResult``); the window is refreshed.
        conflict_resolved(int): a conflict was settled (its id).
    """

    exported = Signal(object)
    merged = Signal(object)
    conflict_resolved = Signal(int)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._running = 0
        self.export_action = self._action(
            self.tr("Export Positions Pac&kage…"), self.export_package,
            self.tr("Save this negotiation's positions, notes and drafts to a file for another laptop"))
        self.merge_action = self._action(
            self.tr("&Merge Positions Package…"), self.merge_package,
            self.tr("Bring in the positions from a colleague's package"))
        self.conflicts_action = self._action(
            self.tr("&Resolve Conflicts…"), self.show_conflicts,
            self.tr("Positions changed on two laptops: choose which version stands"))
        self.confirm_action = self._action(
            self.tr("Con&firm Draft from Package…"), self.confirm_draft,
            self.tr("Confirm that a draft a colleague's package brought matches the chair's document"))
        # After the window's own handler, which sets current_negotiation_id.
        window.tree.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        window.tree_model.rowsRemoved.connect(lambda *_: self.update_actions())
        self.update_actions()

    def _action(self, text: str, slot: Any, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @property
    def file_actions(self) -> list[QAction]:
        return [self.export_action, self.merge_action]

    def update_actions(self) -> None:
        """Enabled when a negotiation is selected and no export or merge is running."""
        selected = self.window.current_negotiation_id is not None
        for action in (self.export_action, self.merge_action):
            action.setEnabled(selected and not self._running)
        self.conflicts_action.setEnabled(selected)
        self.confirm_action.setEnabled(self._unconfirmed_draft() is not None)

    def _unconfirmed_draft(self) -> op.DraftInfo | None:
        """The selected draft, if a colleague's package brought it and nobody confirmed it."""
        draft_id = self.window.current_draft_id
        return next((d for n in self.window.negotiations for d in n.drafts
                     if d.id == draft_id and d.unconfirmed_from is not None), None)

    def _negotiation(self) -> op.NegotiationInfo | None:
        neg_id = self.window.current_negotiation_id
        return next((n for n in self.window.negotiations if n.id == neg_id), None)

    def _folder(self) -> str:
        return (self.window.settings.get(cfg.PACKAGE_DIR)
                or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                or str(Path.home()))

    def _run(self, label: str, fn: Any, on_done: Any, on_error: Any) -> Task:
        self._running += 1
        self.update_actions()
        task = self.window.tasks.run(label, fn, on_done=on_done, on_error=on_error)
        task.ended.connect(self._task_ended)
        return task

    def _task_ended(self) -> None:
        self._running -= 1
        self.update_actions()

    # Export -----------------------------------------------------------------
    def export_package(self) -> None:
        """Ask where to save, then write the selected negotiation's package."""
        neg = self._negotiation()
        if neg is None:
            return
        suggested = Path(self._folder()) / package_file_name(neg.title, dt.date.today())
        path, _filter = QFileDialog.getSaveFileName(
            self.window, self.tr("Export Positions Package"), str(suggested),
            self.tr("Positions packages (*.json);;All files (*)"))
        if not path:
            return
        if not Path(path).suffix:
            path += PACKAGE_SUFFIX
        self.window.settings.set(cfg.PACKAGE_DIR, str(Path(path).parent))
        self.start_export(neg.id, path)

    def start_export(self, negotiation_id: int, path: str) -> Task:
        store, author, name = self.window.store, self.window.settings.author(), Path(path).name
        return self._run(
            self.tr("Writing %1…").replace("%1", name),
            lambda ctx: op.export_positions_package(store, negotiation_id, path, author, ctx.progress),
            self._exported,
            lambda exc: show_exception(self.window, self.tr("Could not export %1").replace("%1", name), exc))

    def _exported(self, written: op.PackageWritten) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Positions Package Saved"),
                          export_summary(written),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("packageExported")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAccessibleName(self.tr("Positions Package Saved"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.window.statusBar().showMessage(self.tr("Saved %1").replace("%1", written.path), 8000)
        self.exported.emit(written)

    # Merge ------------------------------------------------------------------
    def merge_package(self) -> None:
        """Ask for a package, then merge it into the selected negotiation."""
        neg = self._negotiation()
        if neg is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Merge Positions Package into “%1”").replace("%1", neg.title),
            self._folder(),
            self.tr("Positions packages (*.json);;All files (*)"))
        if not path:
            return
        self.window.settings.set(cfg.PACKAGE_DIR, str(Path(path).parent))
        self.start_merge(neg.id, path)

    def start_merge(self, negotiation_id: int, path: str, trust: bool = False) -> Task:
        store, name, author = self.window.store, Path(path).name, self.window.settings.author()
        task = self._run(
            self.tr("Merging %1…").replace("%1", name),
            lambda ctx: op.merge_positions_package(store, path, negotiation_id, ctx.progress,
                                                   trust=trust, author=author),
            lambda result: self._merged(name, result),
            lambda exc: self._merge_failed(negotiation_id, path, exc))
        # Cancel pressed just after the merge was saved: its result is dropped,
        # so show whatever the store now holds.
        task.ended.connect(lambda: self.window.reload_draft() if task.cancelled else None)
        return task

    def _merge_failed(self, negotiation_id: int, path: str, exc: BaseException) -> None:
        # Imported here: signing loads the cryptography library, which start-up does not need.
        from negotiator.positions.signing import UntrustedSigner

        if isinstance(exc, UntrustedSigner):
            self.ask_trust(negotiation_id, path, exc)
        else:
            show_exception(self.window, self.tr("Could not merge %1").replace("%1", Path(path).name), exc)

    def ask_trust(self, negotiation_id: int, path: str, signer: UntrustedSigner) -> QMessageBox:
        """Show an unknown signer's fingerprint; merge only if the user trusts this colleague."""
        text = (self.tr("%1 is signed by %2, a colleague this store does not trust yet. The key's "
                        "fingerprint is:\n\n%3\n\nCall %2 (by phone, not by e-mail) and ask them to read "
                        "out their fingerprint (negotiator keys). Trust this colleague only if it is "
                        "the same; nothing is merged otherwise.")
                .replace("%1", Path(path).name).replace("%2", signer.name).replace("%3", signer.fingerprint))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Trust this colleague?"), text,
                          QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("trustColleague")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAccessibleName(self.tr("Trust this colleague?"))
        trust = box.addButton(self.tr("&Trust This Colleague and Merge"), QMessageBox.ButtonRole.AcceptRole)
        trust.setObjectName("trustButton")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self.start_merge(negotiation_id, path, trust=True) if button is trust else None)
        box.open()
        return box

    # Drafts brought in a package ------------------------------------------------
    def confirm_draft(self) -> QMessageBox | None:
        """Ask, then record that the selected draft matches the chair's document."""
        draft = self._unconfirmed_draft()
        if draft is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Confirm Draft"),
            self.tr("“%1” came in %2's package. Confirm it only after checking it against the chair's "
                    "document.").replace("%1", draft.label).replace("%2", draft.unconfirmed_from or ""),
            QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("confirmDraft")
        box.setTextFormat(Qt.TextFormat.PlainText)
        confirm = box.addButton(self.tr("&Confirm Draft"), QMessageBox.ButtonRole.AcceptRole)
        confirm.setObjectName("confirmButton")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._confirm(draft.id) if button is confirm else None)
        box.open()
        return box

    def _confirm(self, draft_id: int) -> Task:
        store, author = self.window.store, self.window.settings.author()
        return self._run(
            self.tr("Confirming the draft…"), lambda ctx: op.confirm_draft(store, draft_id, author),
            lambda _result: self.window.refresh_tree(select_draft=draft_id),
            lambda exc: show_exception(self.window, self.tr("Could not confirm the draft"), exc))

    def _merged(self, file_name: str, result: op.MergeResult) -> None:
        self.window.reload_draft()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Positions Package Merged"),
                          merge_summary(result, file_name), QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("mergeResult")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAccessibleName(self.tr("Positions Package Merged"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if result.conflicts:
            box.finished.connect(lambda _code: self.show_conflicts(result.negotiation_id))
        box.open()
        self.merged.emit(result)

    # Conflicts ----------------------------------------------------------------
    def show_conflicts(self, negotiation_id: int | None = None) -> ConflictsDialog | None:
        """Open the Conflicts window for a negotiation (default: the selected one)."""
        neg_id = negotiation_id if negotiation_id is not None else self.window.current_negotiation_id
        if neg_id is None:
            return None
        title = next((n.title for n in self.window.negotiations if n.id == neg_id), "")
        dialog = ConflictsDialog(self.window.store, self.window.tasks, neg_id, title,
                                 self.window.settings.author(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resolved.connect(self._resolved)
        dialog.open()
        return dialog

    def _resolved(self, conflict_id: int) -> None:
        self.window.reload_draft()
        self.conflict_resolved.emit(conflict_id)
