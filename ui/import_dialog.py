"""The preview shown before a draft is stored: detected paragraphs, numbers,
kinds, brackets and warnings, plus where to file it (negotiation and label)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from negotiator.text.importer import ParsedDraft
from ui.models.paragraphs import CELL_TEXT_CHARS
from ui.operations import NegotiationInfo, NewNegotiation

ModelIndex = QModelIndex | QPersistentModelIndex
NEW_NEGOTIATION = -1


def kind_names() -> dict[str, str]:
    return {
        "heading": QCoreApplication.translate("PreviewModel", "Heading"),
        "preambular": QCoreApplication.translate("PreviewModel", "Preambular"),
        "operative": QCoreApplication.translate("PreviewModel", "Operative"),
        "sub-paragraph": QCoreApplication.translate("PreviewModel", "Sub-paragraph"),
        "other": QCoreApplication.translate("PreviewModel", "Other"),
    }


class PreviewModel(QAbstractTableModel):
    """Read-only table of the paragraphs a file was parsed into."""

    def __init__(self, parsed: ParsedDraft, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paragraphs = parsed.paragraphs
        self._kinds = kind_names()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.paragraphs)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        titles = [self.tr("No."), self.tr("Kind"), self.tr("Brackets"), self.tr("Text")]
        return titles[section] if 0 <= section < 4 else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.paragraphs):
            return None
        p = self.paragraphs[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return p.number or ""
            if col == 1:
                return self._kinds.get(p.kind, p.kind)
            if col == 2:
                return (str(p.brackets) if p.brackets else "") + ("" if p.brackets_balanced else " !")
            if col == 3:
                text = "    " * p.level + p.text.replace("\n", " ")
                return text if len(text) <= CELL_TEXT_CHARS else text[:CELL_TEXT_CHARS] + "…"
        if role == Qt.ItemDataRole.ToolTipRole and col == 3:
            return p.text
        return None


@dataclass(frozen=True)
class ImportRequest:
    """What the user chose in the preview."""

    label: str
    negotiation_id: int | None
    new_negotiation: NewNegotiation | None
    symbol: str | None
    date: dt.date | None


class ImportPreviewDialog(QDialog):
    """Shows a parsed draft and asks where to store it; stores nothing itself."""

    def __init__(
        self,
        parsed: ParsedDraft,
        negotiations: list[NegotiationInfo],
        current_negotiation: int | None,
        suggest_label: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.parsed = parsed
        self._suggest_label = suggest_label
        self.setObjectName("importPreview")
        self.setWindowTitle(self.tr("Import draft – %1").replace("%1", parsed.source_name))
        self.resize(900, 620)

        total_brackets = sum(p.brackets for p in parsed.paragraphs)
        numbered = sum(1 for p in parsed.paragraphs if p.number)
        summary = QLabel(
            self.tr("%n paragraph(s) detected", "", len(parsed.paragraphs))
            + " · " + self.tr("%n numbered", "", numbered)
            + " · " + self.tr("%n bracket(s)", "", total_brackets)
        )
        summary.setObjectName("previewSummary")

        self.table = QTableView()
        self.table.setObjectName("previewTable")
        self.table.setAccessibleName(self.tr("Detected paragraphs"))
        self.preview_model = PreviewModel(parsed, self)
        self.table.setModel(self.preview_model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.warnings = QListWidget()
        self.warnings.setObjectName("previewWarnings")
        self.warnings.setAccessibleName(self.tr("Warnings"))
        self.warnings.addItems(parsed.warnings)
        self.warnings.setMaximumHeight(90)
        self.warnings.setVisible(bool(parsed.warnings))

        self.negotiation = QComboBox()
        self.negotiation.setAccessibleName(self.tr("Negotiation"))
        for n in negotiations:
            self.negotiation.addItem(n.title, n.id)
        self.negotiation.addItem(self.tr("New negotiation…"), NEW_NEGOTIATION)
        if current_negotiation is not None:
            self.negotiation.setCurrentIndex(max(0, self.negotiation.findData(current_negotiation)))
        self.new_title = QLineEdit()
        self.new_title.setPlaceholderText(self.tr("e.g. OSCE PC decision on ICT CBMs"))
        self.new_forum = QLineEdit()
        self.new_forum.setPlaceholderText(self.tr("e.g. OSCE Permanent Council"))
        self.new_delegation = QLineEdit()
        self.new_delegation.setPlaceholderText(self.tr("e.g. Belgium"))
        self.label = QLineEdit()
        self.label.setAccessibleName(self.tr("Draft label"))
        self.symbol = QLineEdit()
        self.symbol.setPlaceholderText(self.tr("e.g. A/C.1/79/L.12/Rev.1"))
        self.dated = QCheckBox(self.tr("Dated"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setEnabled(False)
        self.dated.toggled.connect(self.date.setEnabled)

        form = QFormLayout()
        form.addRow(self.tr("&Negotiation:"), self.negotiation)
        self._new_rows: list[QWidget] = []
        for text, widget in ((self.tr("&Title:"), self.new_title), (self.tr("&Forum:"), self.new_forum),
                             (self.tr("Our &delegation:"), self.new_delegation)):
            form.addRow(text, widget)
            self._new_rows.append(widget)
        form.addRow(self.tr("&Label:"), self.label)
        form.addRow(self.tr("&Symbol:"), self.symbol)
        date_row = QHBoxLayout()
        date_row.addWidget(self.dated)
        date_row.addWidget(self.date)
        date_row.addStretch()
        form.addRow(self.tr("Date:"), date_row)
        self._form = form

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setObjectName("previewProblem")

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.negotiation.currentIndexChanged.connect(self._negotiation_changed)
        self._negotiation_changed()
        self.label.setFocus()

    def _negotiation_changed(self) -> None:
        new = self.negotiation.currentData() == NEW_NEGOTIATION
        for widget in self._new_rows:
            widget.setVisible(new)
            label = self._form.labelForField(widget)
            if label is not None:
                label.setVisible(new)
        self.label.setText(self._suggest_label(None if new else self.negotiation.currentData()))

    def request(self) -> ImportRequest:
        new = self.negotiation.currentData() == NEW_NEGOTIATION
        return ImportRequest(
            label=self.label.text().strip(),
            negotiation_id=None if new else self.negotiation.currentData(),
            new_negotiation=NewNegotiation(
                self.new_title.text().strip(), self.new_forum.text().strip(),
                self.new_delegation.text().strip() or None,
            ) if new else None,
            symbol=self.symbol.text().strip() or None,
            date=self.date.date().toPython() if self.dated.isChecked() else None,
        )

    def _accept_if_valid(self) -> None:
        req = self.request()
        if not req.label:
            self.problem.setText(self.tr("Give the draft a label, such as 'Rev.1'."))
            self.label.setFocus()
            return
        if req.new_negotiation is not None and not req.new_negotiation.title:
            self.problem.setText(self.tr("Give the new negotiation a title."))
            self.new_title.setFocus()
            return
        self.accept()
