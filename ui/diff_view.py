"""Compare any two drafts of a negotiation: inline redline or side by side,
aligned by paragraph, with a summary header and keyboard navigation between
changes. The comparison runs in the background (``ui.tasks``)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from negotiator.views.comparison_view import DiffData
from ui.delegates import DiffDelegate
from ui.models.diff import DiffColumn, DiffFilter, DiffModel
from ui.models.paragraphs import status_names

# Above this many rows, rows keep a fixed height: measuring every wrapped
# redline would stall the GUI thread.
AUTO_ROW_HEIGHT_MAX_ROWS = 1500
FIXED_ROW_LINES = 4


class DiffView(QWidget):
    """The comparison screen.

    Signals:
        compare_requested(int, int): the user picked two drafts (from id, to id).
    """

    compare_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diffView")
        self.from_box = QComboBox()
        self.from_box.setAccessibleName(self.tr("Compare from draft"))
        self.to_box = QComboBox()
        self.to_box.setAccessibleName(self.tr("Compare to draft"))
        self.compare_button = QPushButton(self.tr("&Compare"))
        self.inline_button = QRadioButton(self.tr("&Inline"))
        self.side_button = QRadioButton(self.tr("Side by si&de"))
        self.inline_button.setChecked(True)
        self.changed_only = QCheckBox(self.tr("Changed paragraphs only"))
        self.positions_only = QCheckBox(self.tr("With our positions or red lines only"))
        self.summary = QLabel()
        self.summary.setObjectName("diffSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        self.model = DiffModel(self)
        self.proxy = DiffFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("diffTable")
        self.table.setAccessibleName(self.tr("Aligned paragraphs"))
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(DiffDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (DiffColumn.OLD, DiffColumn.NEW, DiffColumn.INLINE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.sectionResized.connect(lambda *_: self._fit_rows())

        top = QHBoxLayout()
        for caption, box in ((self.tr("&From:"), self.from_box), (self.tr("&To:"), self.to_box)):
            label = QLabel(caption)
            label.setBuddy(box)
            top.addWidget(label)
            top.addWidget(box)
        top.addWidget(self.compare_button)
        top.addSpacing(16)
        top.addWidget(self.inline_button)
        top.addWidget(self.side_button)
        top.addStretch()
        filters = QHBoxLayout()
        filters.addWidget(self.changed_only)
        filters.addWidget(self.positions_only)
        filters.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self.next_action = QAction(self.tr("&Next Change"), self)
        self.next_action.setShortcuts([QKeySequence(Qt.Key.Key_F8), QKeySequence("Alt+Down")])
        self.next_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.next_action.triggered.connect(lambda: self.go_to_change(+1))
        self.previous_action = QAction(self.tr("&Previous Change"), self)
        self.previous_action.setShortcuts([QKeySequence("Shift+F8"), QKeySequence("Alt+Up")])
        self.previous_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.previous_action.triggered.connect(lambda: self.go_to_change(-1))
        self.addAction(self.next_action)
        self.addAction(self.previous_action)

        self.compare_button.clicked.connect(self._request)
        self.inline_button.toggled.connect(lambda on: self.set_side_by_side(not on))
        self.changed_only.toggled.connect(lambda on: self._filter(changed_only=on))
        self.positions_only.toggled.connect(lambda on: self._filter(positions_only=on))
        self.set_side_by_side(False)
        self.set_diff(None)

    # Drafts ---------------------------------------------------------------
    def set_drafts(self, drafts: list[tuple[int, str]], from_id: int | None = None,
                   to_id: int | None = None) -> None:
        """Offer these (id, label) drafts; preselect a pair (default: last two)."""
        for box in (self.from_box, self.to_box):
            box.blockSignals(True)
            box.clear()
            for draft_id, label in drafts:
                box.addItem(label, draft_id)
            box.blockSignals(False)
        if drafts:
            if to_id is None:
                to_id = drafts[-1][0]
            if from_id is None:
                ids = [d for d, _ in drafts]
                pos = ids.index(to_id) if to_id in ids else len(ids) - 1
                from_id = ids[max(0, pos - 1)]
            self.from_box.setCurrentIndex(max(0, self.from_box.findData(from_id)))
            self.to_box.setCurrentIndex(max(0, self.to_box.findData(to_id)))
        self.compare_button.setEnabled(len(drafts) >= 2)

    def selected_pair(self) -> tuple[int, int] | None:
        a, b = self.from_box.currentData(), self.to_box.currentData()
        return (a, b) if a is not None and b is not None else None

    def _request(self) -> None:
        pair = self.selected_pair()
        if pair is not None:
            self.compare_requested.emit(*pair)

    # Result ---------------------------------------------------------------
    def show_busy(self, from_label: str, to_label: str) -> None:
        self.summary.setText(html.escape(self.tr("Comparing %1 with %2…").replace("%1", from_label)
                                         .replace("%2", to_label)))

    def set_diff(self, data: DiffData | None) -> None:
        self.model.set_diff(data)
        if data is None:
            self.summary.setText(self.tr("Choose two drafts and press Compare."))
            return
        self.summary.setText(self.summary_html(data))
        self._fit_columns()
        self._fit_rows()
        self.go_to_change(+1, from_top=True)

    def summary_html(self, data: DiffData) -> str:
        s = data.summary
        names = status_names()
        # "Unchanged: 20", « Inchangé : 20 » as the labels beside it
        counts = [self.tr("%1: %2").replace("%2", f"<b>{v}</b>").replace("%1", html.escape(names.get(k, k)))
                  for k, v in s.counts.items() if k in names and v]
        parts = [f"<b>{html.escape(data.from_label)} → {html.escape(data.to_label)}</b>",
                 " · ".join(counts)]
        parts.append(self.tr("Brackets: %1 → %2").replace("%1", str(s.brackets_from))
                     .replace("%2", str(s.brackets_to)))
        if s.newly_agreed:
            parts.append(self.tr("Newly agreed: %1").replace("%1", str(len(s.newly_agreed))))
        if s.salient:
            parts.append(self.tr("Significant wording changes: %1").replace("%1", str(s.salient)))
        return " &nbsp;|&nbsp; ".join(p for p in parts if p)

    # Layout ---------------------------------------------------------------
    @property
    def side_by_side(self) -> bool:
        return self.side_button.isChecked()

    def set_side_by_side(self, on: bool) -> None:
        if self.side_button.isChecked() != on:
            self.side_button.setChecked(on)
        self.inline_button.setChecked(not on)
        self.table.setColumnHidden(DiffColumn.OLD, not on)
        self.table.setColumnHidden(DiffColumn.NEW, not on)
        self.table.setColumnHidden(DiffColumn.INLINE, on)
        self._fit_columns()
        self._fit_rows()

    def _fit_columns(self) -> None:
        # The text columns stretch; these keep a readable fixed width.
        self.table.setColumnWidth(DiffColumn.STATUS, 190)
        self.table.setColumnWidth(DiffColumn.FROM, 64)
        self.table.setColumnWidth(DiffColumn.TO, 64)

    def _fit_rows(self) -> None:
        if self.proxy.rowCount() <= AUTO_ROW_HEIGHT_MAX_ROWS:
            self.table.resizeRowsToContents()
        else:
            self.table.verticalHeader().setDefaultSectionSize(
                self.table.fontMetrics().lineSpacing() * FIXED_ROW_LINES + 6)

    def _filter(self, **values: bool) -> None:
        self.proxy.set_filters(**values)
        self._fit_rows()

    # Navigation -------------------------------------------------------------
    def go_to_change(self, step: int, *, from_top: bool = False) -> bool:
        """Select the next (step=+1) or previous (-1) changed row; False at the end."""
        rows = self.proxy.rowCount()
        if rows == 0:
            return False
        current = -1 if from_top else self.table.currentIndex().row()
        if current < 0 and step < 0:
            current = rows
        r = current + step
        while 0 <= r < rows:
            source = self.proxy.mapToSource(self.proxy.index(r, 0))
            if self.model.entry_at(source.row()).changed:
                index = self.proxy.index(r, DiffColumn.STATUS)
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
                return True
            r += step
        return False

