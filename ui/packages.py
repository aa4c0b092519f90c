"""Position packages in the desktop client: File > Export Positions Package…,
File > Merge Positions Package… and Negotiation > Resolve Conflicts….

A package carries one negotiation's positions (with their history), notes,
paragraph statuses and drafts to another laptop (``negotiator.exchange``;
README, "Exchange between laptops"). Export and merge run in the background
through the window's ``TaskManager``; the work is in ``ui.operations``. A
position changed on both laptops since their last exchange comes back as a
conflict: ``ConflictsDialog`` shows both versions and keeps the one chosen.

Packages are signed: one from a colleague this store does not trust yet is
merged only after the user compared the key's fingerprint with them and
answered "Trust this colleague". Drafts such a package brings stay marked in
the tree until *Negotiation > Confirm Draft from Package…*.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from negotiator.positions.conflicts import ConflictSide, ConflictView
from negotiator.storage.store import Store
from ui import operations as op
from ui import settings as cfg
from ui.dialogs import show_exception
from ui.models.paragraphs import stance_names
from ui.positions_editor import local_time, priority_names, status_names
from ui.tasks import Task, TaskManager

if TYPE_CHECKING:
    from negotiator.positions.signing import UntrustedSigner
    from ui.main_window import MainWindow

# Characters a file name suggested from a negotiation's title must not contain.
UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\s]+')
PACKAGE_SUFFIX = ".json"
# Longest part of a suggested file name taken from the title.
TITLE_CHARS = 60
ID_ROLE = Qt.ItemDataRole.UserRole


def package_file_name(title: str, day: dt.date) -> str:
    """The suggested name of a package: the negotiation's title and the date,
    e.g. ``ICT-CBMs-decision-positions-2026-03-02.json``."""
    stem = UNSAFE_FILE_CHARS.sub("-", title).strip("-.")[:TITLE_CHARS].strip("-.") or "negotiation"
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


def conflict_kind_text(kind: str) -> str:
    return {
        "concurrent_edit": QCoreApplication.translate("Packages", "Changed on both laptops"),
        "duplicate": QCoreApplication.translate("Packages", "Taken separately on each laptop"),
    }.get(kind, kind)


def side_stance(side: ConflictSide) -> str:
    if side.withdrawn:
        return QCoreApplication.translate("Packages", "Withdrawn")
    stance = side.values.get("stance") or ""
    return stance_names().get(stance, stance or "—")


def side_summary(side: ConflictSide) -> str:
    """One version in a line: "Oppose · anna, 2026-03-02 11:15"."""
    return f"{side_stance(side)} · {side.author or '?'}, {local_time(side.at)}"


# The values of a version, in the order the Conflicts window lists them.
def _side_rows() -> tuple[tuple[str, str], ...]:
    return (
        ("stance", QCoreApplication.translate("Packages", "Stance:")),
        ("amendment", QCoreApplication.translate("Packages", "Amendment:")),
        ("rationale", QCoreApplication.translate("Packages", "Rationale:")),
        ("red_line", QCoreApplication.translate("Packages", "Red line:")),
        ("fallback", QCoreApplication.translate("Packages", "Fallback:")),
        ("priority", QCoreApplication.translate("Packages", "Priority:")),
        ("status", QCoreApplication.translate("Packages", "Status:")),
        ("author", QCoreApplication.translate("Packages", "Changed by:")),
        ("at", QCoreApplication.translate("Packages", "When:")),
    )


def _side_value(side: ConflictSide, key: str) -> str:
    if key == "stance":
        return side_stance(side)
    if key == "priority":
        value = side.values.get("priority") or ""
        return priority_names().get(value, value)
    if key == "status":
        value = side.values.get("status") or ""
        return status_names().get(value, value)
    if key == "at":
        return local_time(side.at)
    if key == "author":
        return side.author or ""
    return str(side.values.get(key) or "")


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


class ConflictsDialog(QDialog):
    """The open conflicts of a negotiation: each version side by side, a button
    to keep it. The other version stays in the position's history.

    Signals:
        loaded(int): the list was (re)read; the number of open conflicts.
        resolved(int): a conflict was settled (its id).
    """

    loaded = Signal(int)
    resolved = Signal(int)

    def __init__(self, store: Store, tasks: TaskManager, negotiation_id: int, title: str,
                 author: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.negotiation_id = negotiation_id
        self.author = author
        self.conflicts: list[ConflictView] = []
        self.busy = False
        self._resolving: int | None = None
        self.keep_buttons: list[QPushButton] = []
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Conflicts – %1").replace("%1", title))
        self.setAccessibleName(self.tr("Conflicts"))
        self.resize(980, 640)

        intro = QLabel(self.tr("These positions were changed on two laptops since they last exchanged "
                               "packages. For each, keep one version; the other stays in the position's "
                               "history. Your choice travels in your next package and settles the "
                               "conflict on the other laptop too."))
        intro.setWordWrap(True)

        self.list = QTreeWidget()
        self.list.setObjectName("conflictList")
        self.list.setAccessibleName(self.tr("Open conflicts"))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels([self.tr("Paragraph"), self.tr("Delegation"), self.tr("What happened"),
                                   self.tr("Version A"), self.tr("Version B")])
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())

        self.empty = QLabel(self.tr("No open conflicts: every position has a single version."))
        self.empty.setObjectName("noConflicts")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setVisible(False)

        # The selected conflict: the paragraph, then one column per version.
        self.heading = QLabel()
        self.heading.setObjectName("conflictHeading")
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.paragraph = QLabel()
        self.paragraph.setObjectName("conflictParagraph")
        self.paragraph.setWordWrap(True)
        self.paragraph.setTextFormat(Qt.TextFormat.PlainText)
        self.paragraph.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.paragraph.setAccessibleName(self.tr("Paragraph text"))
        self.versions = QScrollArea()
        self.versions.setObjectName("conflictVersions")
        self.versions.setAccessibleName(self.tr("Versions"))
        self.versions.setWidgetResizable(True)
        self.versions.setFrameShape(QFrame.Shape.NoFrame)
        self.detail = QWidget()
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.heading)
        detail_layout.addWidget(self.paragraph)
        detail_layout.addWidget(self.versions, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.detail, 2)
        layout.addWidget(self.buttons)
        self.reload()

    # Reading --------------------------------------------------------------------
    def reload(self) -> Task:
        """Read the open conflicts again (in the background)."""
        store, neg_id = self.store, self.negotiation_id
        self._set_busy(True)
        return self.tasks.run(self.tr("Reading conflicts…"), lambda ctx: op.list_conflicts(store, neg_id),
                              on_done=self._loaded, on_error=self._failed, key=f"conflicts-{neg_id}")

    def _loaded(self, conflicts: list[ConflictView]) -> None:
        current = self.current_conflict()
        keep = current.id if current is not None else None
        self.conflicts = conflicts
        self.list.blockSignals(True)  # one _show_selected at the end, not one per row
        self.list.clear()
        bold = QFont(self.list.font())
        bold.setBold(True)
        for c in conflicts:
            label = (self.tr("%1 (%2)").replace("%1", c.reference).replace("%2", c.draft) if c.reference
                     else c.draft)
            columns = [label, c.actor, conflict_kind_text(c.kind)]
            columns += [side_summary(s) for s in c.sides[:2]]
            if len(c.sides) > 2:  # three laptops or more: the others after B
                columns[-1] += "; " + "; ".join(f"{s.side.upper()}: {side_summary(s)}" for s in c.sides[2:])
            item = QTreeWidgetItem(columns)
            item.setData(0, ID_ROLE, c.id)
            item.setToolTip(2, self.tr("Found %1").replace("%1", local_time(c.detected_at)))
            self.list.addTopLevelItem(item)
        has_any = bool(conflicts)
        self.list.setVisible(has_any)
        self.detail.setVisible(has_any)
        self.empty.setVisible(not has_any)
        if has_any:
            row = next((i for i, c in enumerate(conflicts) if c.id == keep), 0)
            to_select = self.list.topLevelItem(row)
            if to_select is not None:
                self.list.setCurrentItem(to_select)
            self.list.setFocus()
        self.list.blockSignals(False)
        self._set_busy(False)
        self._show_selected()
        self.loaded.emit(len(conflicts))

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_exception(self, self.tr("Could not read the conflicts"), exc)

    def current_conflict(self) -> ConflictView | None:
        item = self.list.currentItem()
        if item is None:
            return None
        conflict_id = item.data(0, ID_ROLE)
        return next((c for c in self.conflicts if c.id == conflict_id), None)

    def _show_selected(self) -> None:
        """Both versions of the selected conflict side by side, one row per
        value, the values that differ in bold, a Keep button under each."""
        self.keep_buttons = []
        grid_page = QWidget()
        self.versions.setWidget(grid_page)  # deletes the previous conflict's page
        conflict = self.current_conflict()
        if conflict is None:
            self.heading.clear()
            self.paragraph.clear()
            return
        where = (self.tr("Paragraph %1 of %2").replace("%1", conflict.reference) if conflict.reference
                 else self.tr("A paragraph of %2")).replace("%2", conflict.draft)
        self.heading.setText(self.tr("%1 · %2's position").replace("%1", where).replace("%2", conflict.actor))
        self.paragraph.setText(conflict.sides[0].text)

        grid = QGridLayout(grid_page)
        grid.setHorizontalSpacing(18)
        grid.setColumnStretch(0, 0)
        bold = QFont(grid_page.font())
        bold.setBold(True)
        rows = list(_side_rows())
        if len({s.text for s in conflict.sides}) > 1:  # taken on different wordings
            rows.append(("text", self.tr("Taken on:")))
        for column, side in enumerate(conflict.sides, start=1):
            title = QLabel(self.tr("Version %1").replace("%1", side.side.upper()))
            title.setFont(bold)
            grid.addWidget(title, 0, column)
            grid.setColumnStretch(column, 1)
        for row, (key, label) in enumerate(rows, start=1):
            grid.addWidget(QLabel(label), row, 0, Qt.AlignmentFlag.AlignTop)
            values = [_side_value(side, key) for side in conflict.sides]
            differs = len(set(values)) > 1
            for column, (side, text) in enumerate(zip(conflict.sides, values), start=1):
                value = QLabel(text or "—")
                value.setWordWrap(True)
                value.setTextFormat(Qt.TextFormat.PlainText)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setAccessibleName(self.tr("Version %1, %2").replace("%1", side.side.upper())
                                        .replace("%2", label.rstrip(": ")))
                if differs:
                    value.setFont(bold)
                grid.addWidget(value, row, column, Qt.AlignmentFlag.AlignTop)
        last = len(rows) + 1
        for column, side in enumerate(conflict.sides, start=1):
            letter = side.side.upper()
            keep = QPushButton(self.tr("&Keep Version %1").replace("%1", letter))
            keep.setObjectName(f"keep{letter}")
            keep.setAccessibleName(self.tr("Keep version %1 (%2)").replace("%1", letter)
                                   .replace("%2", side.author or "?"))
            keep.setEnabled(not self.busy)
            keep.clicked.connect(lambda _checked=False, c=conflict.id, s=side.side: self.keep(c, s))
            grid.addWidget(keep, last, column)
            self.keep_buttons.append(keep)
        grid.setRowStretch(last + 1, 1)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in self.keep_buttons:
            button.setEnabled(not busy)

    # Resolving ------------------------------------------------------------------
    def keep(self, conflict_id: int, side: str) -> Task:
        """Settle a conflict by keeping one version (in the background), then re-read the list."""
        store, author = self.store, self.author
        self._set_busy(True)
        self._resolving = conflict_id
        return self.tasks.run(
            self.tr("Keeping version %1…").replace("%1", side.upper()),
            lambda ctx: op.resolve_conflict(store, conflict_id, side, author),
            on_done=self._kept, on_error=self._keep_failed)

    def _kept(self, _result: dict[str, Any]) -> None:
        if self._resolving is not None:
            self.resolved.emit(self._resolving)
        self.reload()

    def _keep_failed(self, exc: BaseException) -> None:
        show_exception(self, self.tr("Could not resolve the conflict"), exc)
        self.reload()  # someone (a merged package) may have settled it already
