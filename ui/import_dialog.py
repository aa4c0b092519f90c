"""The preview shown before a draft is stored: detected paragraphs, numbers,
kinds, brackets and warnings, plus where to file it (negotiation and label).

For a PDF the page the selected paragraph starts on is shown beside the table,
rendered in the background, so that a wrong join or a stray page head can be
seen before anything is stored."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
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
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from negotiator.drafts.references import reference_labels
from negotiator.text.importer import ParsedDraft
from negotiator.text.tracked import TrackedChanges
from ui.icons import icon
from ui.models.paragraphs import CELL_TEXT_CHARS
from ui.operations import NegotiationInfo, NewNegotiation
from ui.tasks import TaskManager

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
        # What the table will call each paragraph once imported ("PP 3", "OP 4 (a)").
        self.references = reference_labels(parsed.paragraphs)
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
            return None  # paragraphs are named by their reference, not by a row count
        titles = [self.tr("No."), self.tr("Kind"), self.tr("Brackets"), self.tr("Text")]
        return titles[section] if 0 <= section < 4 else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.paragraphs):
            return None
        p = self.paragraphs[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return self.references[index.row()]
            if col == 1:
                return self._kinds.get(p.kind, p.kind)
            if col == 2:
                return (str(p.brackets) if p.brackets else "") + ("" if p.brackets_balanced else " !")
            if col == 3:
                text = "    " * p.level + p.text.replace("\n", " ")
                return text if len(text) <= CELL_TEXT_CHARS else text[:CELL_TEXT_CHARS] + "…"
        if role == Qt.ItemDataRole.ToolTipRole and col == 3:
            return p.text
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return self.references[index.row()]  # a long one is elided in its cell
        return None


class TrackedChangesQuestion(QMessageBox):
    """Asked before the preview of a Word file with open revisions: a chair's
    text with tracked changes is a decision, not a default.

    Signals (inherited): ``finished``; ``choice`` then holds the answer, or None (Cancel).
    """

    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trackedChangesQuestion")
        self.setWindowTitle(self.tr("Tracked changes in %1").replace("%1", file_name))
        self.setIconPixmap(icon("warning").pixmap(48, 48))
        self.setText("<b>" + self.tr("%1 contains tracked changes (open revisions).")
                     .replace("%1", file_name) + "</b>")
        self.setInformativeText(self.tr(
            "Import the text with every change accepted (as the chair proposes it), or with every "
            "change rejected (the text before the revisions)?"))
        self.accept_button = self.addButton(self.tr("&Accept All Changes"), QMessageBox.ButtonRole.AcceptRole)
        self.reject_button = self.addButton(self.tr("&Reject All Changes"), QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.accept_button)
        self.setEscapeButton(self.cancel_button)
        self.choice: TrackedChanges | None = None
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: QAbstractButton) -> None:
        choices: dict[QAbstractButton, TrackedChanges] = {self.accept_button: TrackedChanges.ACCEPT,
                                                          self.reject_button: TrackedChanges.REJECT}
        self.choice = choices.get(button)


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
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # References are short; a title's (its opening words) is elided, not given the text's room.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, self.table.fontMetrics().horizontalAdvance("OP 14 (b) (iii) ") + 12)

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
        self.page_view: PageView | None = None
        if parsed.pdf is not None and parsed.pages:
            self.resize(1300, 760)
            self.page_view = PageView(parsed.pdf, max(parsed.pages), self)
            splitter = QSplitter()
            splitter.addWidget(self.table)
            splitter.addWidget(self.page_view)
            splitter.setSizes([760, 540])
            layout.addWidget(splitter, 1)
            self.table.selectionModel().currentRowChanged.connect(self._row_changed)
            self.page_view.show_page(parsed.pages[0])
            self.page_view.setMinimumWidth(320)
        else:
            layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.negotiation.currentIndexChanged.connect(self._negotiation_changed)
        self._negotiation_changed()
        self.label.setFocus()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.page_view is not None and 0 <= current.row() < len(self.parsed.pages):
            self.page_view.show_page(self.parsed.pages[current.row()])

    def done(self, result: int) -> None:  # noqa: N802 - Qt override
        if self.page_view is not None:
            self.page_view.tasks.cancel_all()
        super().done(result)

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
            # PySide6's stub types QDate.toPython() as object; it returns a datetime.date.
            date=self.date.date().toPython() if self.dated.isChecked() else None,  # type: ignore[arg-type]
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


class PageView(QWidget):
    """One page of the PDF, rendered off the GUI thread (newest request wins)."""

    # Wide enough to read a footnote mark; a page is about 1 MB of pixels.
    RENDER_WIDTH_PX = 900

    def __init__(self, pdf: bytes, page_count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pagePreview")
        self.pdf = pdf
        self.page_count = page_count
        self.page = 0
        self.tasks = TaskManager(parent=self)
        self.caption = QLabel()
        self.caption.setObjectName("pageCaption")
        self.image = QLabel()
        self.image.setObjectName("pageImage")
        self.image.setAccessibleName(self.tr("Page of the PDF"))
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._full: QPixmap | None = None
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        self.scroll_area = scroll  # not self.scroll: that is QWidget.scroll()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(scroll, 1)

    def show_page(self, page: int) -> None:
        if page == self.page:
            return
        self.page = page
        self.caption.setText(self.tr("Page %1 of %2").replace("%1", str(page))
                             .replace("%2", str(self.page_count)))
        self.image.setText(self.tr("Rendering page %1…").replace("%1", str(page)))
        pdf, width = self.pdf, self.RENDER_WIDTH_PX
        self.tasks.run(
            self.tr("Rendering page %1…").replace("%1", str(page)),
            lambda ctx: render_page(pdf, page, width),
            on_done=lambda image: self._rendered(page, image),
            on_error=lambda exc: self._failed(exc),
            key="page",
        )

    def _rendered(self, page: int, image: Any) -> None:
        if page != self.page:
            return
        qimage = QImage(image.pixels, image.width, image.height, image.stride, QImage.Format.Format_RGB888)
        self._full = QPixmap.fromImage(qimage.copy())  # the copy owns its pixels
        self._fit()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The whole width of the page in the pane; scroll for the rest."""
        if self._full is not None:
            # Leave room for the vertical scroll bar a tall page brings.
            bar = self.scroll_area.verticalScrollBar().sizeHint().width()
            width = max(100, self.scroll_area.width() - bar - 4)
            self.image.setPixmap(self._full.scaledToWidth(
                min(width, self._full.width()), Qt.TransformationMode.SmoothTransformation))

    def _failed(self, exc: BaseException) -> None:
        self.image.setText(self.tr("This page cannot be shown: %1").replace("%1", str(exc)))


def render_page(pdf: bytes, page: int, width: int) -> Any:
    from negotiator.text.pdf_reader import render_page as render

    return render(pdf, page, width)
