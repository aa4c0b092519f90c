"""Correcting a paragraph's link to the previous draft: when the comparison
took a rewritten paragraph for a new one (or linked it to the wrong one), the
delegate says which paragraph it continues. Positions and notes follow the
corrected link, in this draft and every later one."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from ui.operations import LinkChoices

# Characters of each candidate's text shown in the list.
PREVIEW_CHARS = 160


class LinkDialog(QDialog):
    """Choose what a paragraph continues: one of the previous draft, nothing
    (new in this draft), or whatever the comparison finds (automatic)."""

    def __init__(self, choices: LinkChoices, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.setObjectName("linkDialog")
        self.setWindowTitle(self.tr("Correct the Link of %1").replace("%1", number))
        self.resize(720, 520)
        intro = QLabel(self.tr("Which paragraph of %1 does %2 of %3 continue? Positions and notes "
                               "follow the link, in this draft and the later ones.")
                       .replace("%1", choices.previous_label).replace("%2", number)
                       .replace("%3", choices.draft_label))
        intro.setWordWrap(True)
        self.continues = QRadioButton(self.tr("It &continues this paragraph of %1:")
                                      .replace("%1", choices.previous_label))
        self.new = QRadioButton(self.tr("It is &new in %1 (continues nothing)").replace("%1", choices.draft_label))
        self.automatic = QRadioButton(self.tr("&Automatic: as the comparison finds it"))
        self.automatic.setEnabled(choices.corrected)
        self.search = QLineEdit()
        self.search.setObjectName("linkSearch")
        self.search.setPlaceholderText(self.tr("Filter by number or words"))
        self.search.setAccessibleName(self.tr("Filter the paragraphs of the previous draft"))
        self.search.setClearButtonEnabled(True)
        self.model = QStringListModel([self._line(n, text) for _pid, n, text in choices.candidates], self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.list = QListView()
        self.list.setObjectName("linkCandidates")
        self.list.setAccessibleName(self.tr("Paragraphs of %1").replace("%1", choices.previous_label))
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.list.selectionModel().currentChanged.connect(self._candidate_chosen)
        for radio in (self.continues, self.new, self.automatic):
            radio.toggled.connect(self._update)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.continues)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.new)
        layout.addWidget(self.automatic)
        layout.addWidget(self.buttons)

        ids = [pid for pid, _n, _t in choices.candidates]
        if choices.source_id in ids:
            self.select_candidate(choices.source_id)
        else:
            self.new.setChecked(True)
        self._update()

    @staticmethod
    def _line(number: str, text: str) -> str:
        flat = " ".join(text.split())
        preview = flat if len(flat) <= PREVIEW_CHARS else flat[:PREVIEW_CHARS] + "…"
        return f"{number}\t{preview}" if number else preview

    def select_candidate(self, paragraph_id: int) -> None:
        row = [pid for pid, _n, _t in self.choices.candidates].index(paragraph_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index, QListView.ScrollHint.PositionAtCenter)
        self.continues.setChecked(True)

    def _candidate_chosen(self) -> None:
        self.continues.setChecked(True)
        self._update()

    def _chosen_row(self) -> int | None:
        index = self.list.currentIndex()
        return self.proxy.mapToSource(index).row() if index.isValid() else None

    def _update(self) -> None:
        ok = self.new.isChecked() or self.automatic.isChecked() or \
            (self.continues.isChecked() and self._chosen_row() is not None)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def source(self) -> int | None | str:
        """The chosen paragraph's id, None for "new", or "automatic"."""
        if self.automatic.isChecked():
            return "automatic"
        if self.new.isChecked():
            return None
        row = self._chosen_row()
        return self.choices.candidates[row][0] if row is not None else None
