"""The bar above the paragraph table: the filters (changed, needs review,
bracketed, divergent), the search box, how many paragraphs are shown, and the
legend of the table's icons.

It drives the table's filter proxy (``ui.models.paragraphs.ParagraphFilter``);
whoever else changes the rows shown (a new draft, changes and stances arriving
in the background: ``ui.draft_loading``) calls ``update_count``.

Strings keep the window's translation context ("MainWindow"): they were
translated there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QWidget

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from ui.flags import LegendButton
from ui.models.paragraphs import ParagraphFilter, ParagraphModel

translate = QCoreApplication.translate
# Re-filter while typing, but not on every keystroke of a fast typist.
SEARCH_PAUSE_MS = 150


class ParagraphFilterBar(QWidget):
    """Filter boxes, search and count for one paragraph table."""

    def __init__(self, proxy: ParagraphFilter, model: ParagraphModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy, self.model = proxy, model
        self.filter_changed = QCheckBox(translate("MainWindow", "C&hanged"))
        self.filter_review = QCheckBox(translate("MainWindow", "Needs re&view"))
        self.filter_bracketed = QCheckBox(translate("MainWindow", "&Bracketed"))
        self.filter_divergent = QCheckBox(translate("MainWindow", "Di&vergent"))
        self.search = QLineEdit()
        self.search.setObjectName("paragraphSearch")
        self.search.setPlaceholderText(translate("MainWindow", "Search number or text (Ctrl+F)"))
        self.search.setAccessibleName(translate("MainWindow", "Search paragraphs"))
        self.search.setClearButtonEnabled(True)
        self.filter_count = QLabel()
        self.filter_count.setObjectName("filterCount")
        self.legend_button = LegendButton()
        for box, name in ((self.filter_changed, "changed_only"), (self.filter_review, "needs_review"),
                          (self.filter_bracketed, "bracketed"), (self.filter_divergent, "divergent")):
            box.toggled.connect(lambda on, name=name: self.set_filter(**{name: on}))
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(lambda: self.set_filter(search=self.search.text()))
        self.search.textChanged.connect(lambda _text: self._search_timer.start())

        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel(translate("MainWindow", "Show:")))
        for box in self.filter_boxes():
            bar.addWidget(box)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.filter_count)
        bar.addWidget(self.legend_button)
        self.update_count()

    def filter_boxes(self) -> tuple[QCheckBox, ...]:
        return self.filter_changed, self.filter_review, self.filter_bracketed, self.filter_divergent

    def set_filter(self, **values: Any) -> None:
        """Change filters now, e.g. ``set_filter(bracketed=True, search="cyber")``."""
        self.proxy.set_filters(**values)
        self.update_count()

    def update_count(self) -> None:
        """"12 of 40" while a filter is on, else "40 paragraphs"."""
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.filter_count.setText(
            translate("MainWindow", "%1 of %2").replace("%1", str(shown)).replace("%2", str(total))
            if self.proxy.active else translate("MainWindow", "%n paragraph(s)", "", total))
