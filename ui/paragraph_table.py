"""The paragraph table's face: the text wrapped in up to three lines and given
most of the width, flags as icons, and rows as tall as their text.

The model (``ui.models.paragraphs``) says what a cell holds; this module only
decides how the table shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QObject, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.delegates import MAX_TEXT_LINES, FlagsDelegate, WrappedTextDelegate
from ui.flags import flags_width
from ui.models.paragraphs import Column

# Columns other than the text, at their narrowest (pixels); a header wider than
# this in the user's language widens its column.
DEFAULT_WIDTHS = {Column.NUMBER: 64, Column.CHANGE: 84, Column.NATIONAL: 70,
                  Column.EU: 70, Column.BRACKETS: 28, Column.FLAGS: flags_width(4) + 8}
# Above this many rows every row is three lines high: measuring each wrapped
# paragraph would stall the window on very long drafts.
AUTO_ROW_HEIGHT_MAX_ROWS = 1500
# The reference column fits the longest reference ("OP 13 (b) (iii)") up to this
# width; longer labels (a title's) are cut and shown whole on hover.
MAX_NUMBER_WIDTH = 110
MAX_REFERENCE_CHARS = 16
# References measured per draft (each costs a data() call on the GUI thread).
REFERENCES_MEASURED = 500


class ParagraphTableLayout(QObject):
    """Sets up a paragraph table and keeps its rows as tall as their text
    (one to three lines) when the rows or the text column's width change.

    Measuring wrapped text is what costs: all rows are measured when the draft,
    the order or the text width changes; a filter that shows fewer rows
    measures none (the rows left keep their height), one that shows more
    measures only the rows it brings back."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.text_delegate = WrappedTextDelegate(table)
        self.flags_delegate = FlagsDelegate(table)
        table.setItemDelegateForColumn(Column.TEXT, self.text_delegate)
        table.setItemDelegateForColumn(Column.FLAGS, self.flags_delegate)
        table.setWordWrap(False)  # the text delegate wraps; the short columns never need to
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.verticalHeader().setMinimumSectionSize(table.fontMetrics().lineSpacing() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.fit_rows)
        self._measured = False  # the last fit measured every row (not too many for that)
        header.sectionResized.connect(self._text_width_changed)
        self.fit_columns()

    def fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column, width in DEFAULT_WIDTHS.items():
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))

    def watch(self, model: QAbstractItemModel) -> None:
        """Keep the rows fitted as the (proxy) model's rows change."""
        model.modelReset.connect(self.schedule)
        model.layoutChanged.connect(self.schedule)
        model.rowsInserted.connect(self._rows_shown)
        model.rowsRemoved.connect(self._rows_hidden)
        model.modelReset.connect(self.fit_number_column)

    def fit_number_column(self) -> None:
        """Wide enough for this draft's references, so none is cut ("Section II", "OP 6 (b)")."""
        model = self.table.model()
        if model is None:
            return
        bold = QFont(self.table.font())
        bold.setBold(True)  # headings' references are bold
        metrics = QFontMetrics(bold)
        rows = min(model.rowCount(), REFERENCES_MEASURED)
        references = (model.index(r, Column.NUMBER).data() or "" for r in range(rows))
        widest = max((metrics.horizontalAdvance(ref) for ref in references if _is_short_reference(ref)),
                     default=0)
        header = self.table.horizontalHeader().sectionSizeHint(Column.NUMBER)
        self.table.setColumnWidth(Column.NUMBER, min(MAX_NUMBER_WIDTH, max(DEFAULT_WIDTHS[Column.NUMBER],
                                                                          header, widest + 14)))

    def schedule(self, *_args: object) -> None:
        self._timer.start()

    def _text_width_changed(self, column: int, _old: int, _new: int) -> None:
        if column == Column.TEXT:
            self.schedule()

    def _rows_shown(self, _parent: object, first: int, last: int) -> None:
        if self._timer.isActive():
            return  # every row is fitted in a moment
        if self.table.model().rowCount() > AUTO_ROW_HEIGHT_MAX_ROWS:
            if self._measured:
                self.schedule()  # now too many to measure: all three lines high
        elif self._measured:
            for row in range(first, last + 1):  # the view already holds them
                self.table.resizeRowToContents(row)
        else:
            self.schedule()

    def _rows_hidden(self, *_args: object) -> None:
        if not self._measured and self.table.model().rowCount() <= AUTO_ROW_HEIGHT_MAX_ROWS:
            self.schedule()  # few enough now to be measured

    def fit_rows(self) -> None:
        table = self.table
        model = table.model()
        if model is None:
            return
        line = table.fontMetrics().lineSpacing()
        self._measured = model.rowCount() <= AUTO_ROW_HEIGHT_MAX_ROWS
        if self._measured:
            table.resizeRowsToContents()
        else:
            table.verticalHeader().setDefaultSectionSize(line * MAX_TEXT_LINES + 8)


def _is_short_reference(reference: str) -> bool:
    """A paragraph reference ("OP 13 (b) (iii)", "Section II"), not a label in
    words standing in for one ("Symbol and date", a title)."""
    return len(reference) <= MAX_REFERENCE_CHARS and \
        (any(c.isdigit() for c in reference) or len(reference.split()) <= 2)
