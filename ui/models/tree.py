"""The left-hand tree: negotiations and their drafts (a short list: QStandardItemModel)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from ui.operations import DraftInfo, NegotiationInfo

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "negotiation" or "draft"
NEGOTIATION_ROLE = Qt.ItemDataRole.UserRole + 3
LABEL_ROLE = Qt.ItemDataRole.UserRole + 4



class NegotiationTreeModel(QStandardItemModel):
    """Negotiations (top level) with their drafts as children, oldest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([QCoreApplication.translate("NegotiationTree", "Negotiations")])

    def populate(self, negotiations: list[NegotiationInfo]) -> None:
        self.removeRows(0, self.rowCount())
        bold = QFont()
        bold.setBold(True)
        for neg in negotiations:
            item = QStandardItem(neg.title)
            item.setEditable(False)
            item.setFont(bold)
            item.setData(neg.id, ID_ROLE)
            item.setData("negotiation", KIND_ROLE)
            item.setData(neg.id, NEGOTIATION_ROLE)
            item.setToolTip(QCoreApplication.translate("NegotiationTree", "%1 · %n draft(s)", "", len(neg.drafts)).replace("%1", neg.forum))
            for d in neg.drafts:
                item.appendRow(self._draft_item(d))
            self.appendRow(item)

    @staticmethod
    def _draft_item(d: DraftInfo) -> QStandardItem:
        text = d.label if not d.symbol else f"{d.label}  ({d.symbol})"
        child = QStandardItem(text)
        child.setEditable(False)
        child.setData(d.id, ID_ROLE)
        child.setData("draft", KIND_ROLE)
        child.setData(d.negotiation_id, NEGOTIATION_ROLE)
        child.setData(d.label, LABEL_ROLE)
        tip = QCoreApplication.translate("NegotiationTree", "%n paragraph(s)", "", d.paragraphs) + " · " + QCoreApplication.translate("NegotiationTree", "%n bracket(s)", "", d.brackets)
        if d.date:
            tip = f"{d.date} · {tip}"
        if d.unconfirmed_from is not None:  # brought in a package: not yet checked by anyone here
            mark = QCoreApplication.translate("NegotiationTree", "from %1's package, not confirmed").replace(
                "%1", d.unconfirmed_from)
            child.setText(f"{d.label} — {mark}" + (f"  ({d.symbol})" if d.symbol else ""))
            italic = QFont()
            italic.setItalic(True)
            child.setFont(italic)
            tip = f"{mark} · {tip}"
        child.setToolTip(tip)
        child.setData(tip, Qt.ItemDataRole.AccessibleDescriptionRole)
        return child

    def find_draft(self, draft_id: int) -> QModelIndex:
        for r in range(self.rowCount()):
            neg = self.item(r)
            for c in range(neg.rowCount()):
                child = neg.child(c)
                if child.data(ID_ROLE) == draft_id:
                    return child.index()
        return QModelIndex()

    def find_negotiation(self, negotiation_id: int) -> QModelIndex:
        for r in range(self.rowCount()):
            if self.item(r).data(ID_ROLE) == negotiation_id:
                return self.item(r).index()
        return QModelIndex()

    def draft_ids(self, negotiation_id: int) -> list[tuple[int, str]]:
        """(id, label) of the drafts of a negotiation, in order."""
        idx = self.find_negotiation(negotiation_id)
        if not idx.isValid():
            return []
        neg = self.itemFromIndex(idx)
        return [(neg.child(c).data(ID_ROLE), neg.child(c).data(LABEL_ROLE))
                for c in range(neg.rowCount())]
