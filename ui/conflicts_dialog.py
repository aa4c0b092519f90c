"""Negotiation > Resolve Conflicts…: a position changed on two laptops since
their last exchange of packages, each version side by side, a button to keep
one (the other stays in the position's history). Opened by
``ui.packages.PackageActions``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
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
from ui.dialogs import show_exception
from ui.models.paragraphs import stance_names
from ui.positions_editor import local_time, priority_names, status_names
from ui.tasks import Task, TaskManager

ID_ROLE = Qt.ItemDataRole.UserRole


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
