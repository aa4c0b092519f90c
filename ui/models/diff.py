"""The comparison table: one row per aligned paragraph pair of two drafts."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from negotiator.views.comparison_view import DiffData, DiffEntry
from ui.languages import spoken_language
from ui.models.paragraphs import _begin_filter_change, _end_filter_change, status_names

OPS_ROLE = Qt.ItemDataRole.UserRole + 10  # tuple of (op, text)
SIDE_ROLE = Qt.ItemDataRole.UserRole + 11  # which ops a cell shows: "=-", "=+" or "=-+"
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 12

ModelIndex = QModelIndex | QPersistentModelIndex


class DiffColumn(IntEnum):
    STATUS = 0
    FROM = 1
    OLD = 2
    TO = 3
    NEW = 4
    INLINE = 5



def plain_text(ops: tuple[tuple[str, str], ...], keep: str) -> str:
    return "".join(text for op, text in ops if op in keep)


def numbers_text(numbers: tuple[str, ...]) -> str:
    """'11, 12'; an unnumbered part of a split or merge shows as '–'."""
    if not any(numbers):
        return ""
    return ", ".join(n or "–" for n in numbers)


class DiffModel(QAbstractTableModel):
    """Aligned paragraphs of two drafts with their word-level ops."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_set: DiffData | None = None
        self._entries: tuple[DiffEntry, ...] = ()

    def set_diff(self, data: DiffData | None) -> None:
        self.beginResetModel()
        self.data_set = data
        self._entries = data.entries if data is not None else ()
        self.endResetModel()

    def entry_at(self, row: int) -> DiffEntry:
        return self._entries[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DiffColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        from_label = self.data_set.from_label if self.data_set else QCoreApplication.translate("DiffModel", "From")
        to_label = self.data_set.to_label if self.data_set else QCoreApplication.translate("DiffModel", "To")
        titles = {
            DiffColumn.STATUS: QCoreApplication.translate("DiffModel", "Change"),
            DiffColumn.FROM: from_label,
            DiffColumn.OLD: from_label,
            DiffColumn.TO: to_label,
            DiffColumn.NEW: to_label,
            DiffColumn.INLINE: QCoreApplication.translate("DiffModel", "Text (%1 → %2)").replace("%1", from_label).replace("%2", to_label),
        }
        return titles.get(DiffColumn(section)) if 0 <= section < len(DiffColumn) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        col = index.column()
        text_cols = (DiffColumn.OLD, DiffColumn.NEW, DiffColumn.INLINE)
        if role == ENTRY_ROLE:
            return e
        if role == OPS_ROLE and col in text_cols:
            return e.ops
        if role == SIDE_ROLE and col in text_cols:
            return {DiffColumn.OLD: "=-", DiffColumn.NEW: "=+", DiffColumn.INLINE: "=-+"}[DiffColumn(col)]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == DiffColumn.STATUS:
                return self.status_text(e)
            if col == DiffColumn.FROM:
                return numbers_text(e.from_numbers)
            if col == DiffColumn.TO:
                return numbers_text(e.to_numbers)
            if col == DiffColumn.OLD:
                return plain_text(e.ops, "=-")
            if col == DiffColumn.NEW:
                return plain_text(e.ops, "=+")
            if col == DiffColumn.INLINE:
                # Plain text for screen readers and copying; the delegate paints the marks.
                if role != Qt.ItemDataRole.AccessibleTextRole:
                    return plain_text(e.ops, "=+")
                deleted = QCoreApplication.translate("DiffModel", "deleted")
                inserted = QCoreApplication.translate("DiffModel", "inserted")
                return "".join(text if op == "=" else f"[{deleted}: {text}]" if op == "-"
                               else f"[{inserted}: {text}]" for op, text in e.ops)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and col == DiffColumn.STATUS and e.salient:
            return QCoreApplication.translate("DiffModel", "Significant wording changes:") + "\n" + "\n".join(
                s.describe(spoken_language()) for s in e.salient)
        if role == Qt.ItemDataRole.FontRole and col == DiffColumn.STATUS and (e.salient or e.red_line):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    @staticmethod
    def status_text(e: DiffEntry) -> str:
        if e.top_matter:
            return QCoreApplication.translate("DiffModel", "Symbol and date")
        names = status_names()
        # Unchanged rows stay quiet so the changes stand out.
        lines = [", ".join(names.get(s, s) for s in e.status if s != "unchanged")]
        if e.salient:
            lines.append("⚠ " + "; ".join(s.describe(spoken_language()) for s in e.salient[:3]))
        if e.newly_agreed:
            lines.append(QCoreApplication.translate("DiffModel", "Newly agreed (brackets gone)"))
        if e.red_line:
            lines.append(QCoreApplication.translate("DiffModel", "Red line"))
        elif e.has_position:
            lines.append(QCoreApplication.translate("DiffModel", "Our position"))
        return "\n".join(line for line in lines if line)


class DiffFilter(QSortFilterProxyModel):
    """Show only changed rows, and/or only rows carrying our positions or red lines."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changed_only = False
        self.positions_only = False

    def set_filters(self, *, changed_only: bool | None = None, positions_only: bool | None = None) -> None:
        _begin_filter_change(self)
        if changed_only is not None:
            self.changed_only = changed_only
        if positions_only is not None:
            self.positions_only = positions_only
        _end_filter_change(self)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, DiffModel):
            return True
        e = model.entry_at(source_row)
        if self.changed_only and not e.changed:
            return False
        if self.positions_only and not (e.has_position or e.red_line):
            return False
        return True
