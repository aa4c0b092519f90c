"""The right-hand pane: everything about the selected paragraph."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from ui.delegates import ops_to_html
from ui.positions_editor import HistoryPanel, NotesPanel, PositionsPanel
from ui.models.paragraphs import change_text, status_names
from ui.operations import Change, ParagraphPositions, ParagraphRow


class DetailPane(QWidget):
    """Full text, change against the previous draft, and (when the positions
    module is present) the positions editor, notes and history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.row: ParagraphRow | None = None
        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.tabs = QTabWidget()
        self.text_view = QTextBrowser()
        self.text_view.setObjectName("detailText")
        self.text_view.setAccessibleName(self.tr("Paragraph text"))
        self.diff_view = QTextBrowser()
        self.diff_view.setObjectName("detailDiff")
        self.diff_view.setAccessibleName(self.tr("Changes against the previous draft"))
        self.positions = PositionsPanel()
        self.notes = NotesPanel()
        self.history = HistoryPanel()
        self.tabs.addTab(self.text_view, self.tr("&Text"))
        self.tabs.addTab(self.diff_view, self.tr("C&hanges"))
        self.tabs.addTab(self.positions, self.tr("&Positions"))
        self.tabs.addTab(self.notes, self.tr("&Notes"))
        self.tabs.addTab(self.history, self.tr("Histor&y"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.show_paragraph(None, None, False)

    def show_positions(self, loaded: ParagraphPositions | None) -> None:
        self.positions.show_positions(loaded)
        self.notes.show_notes(loaded.notes if loaded else None)
        self.history.show_history(loaded.history if loaded else None)

    def show_paragraph(self, row: ParagraphRow | None, change: Change | None, has_previous: bool,
                       *, keep_positions: bool = False) -> None:
        """Show a paragraph (or a hint when nothing is selected); its positions
        arrive later through ``show_positions``."""
        self.row = row
        if row is not None and not keep_positions:
            self.show_positions(None)
        if row is None:
            self.heading.setText(self.tr("Select a paragraph to see its text, changes and positions."))
            self.text_view.clear()
            self.diff_view.clear()
            self.show_positions(None)
            return
        number = row.number or self.tr("(unnumbered)")
        facts = [self.tr("%n bracket(s)", "", row.brackets)] if row.brackets else []
        if not row.brackets_balanced:
            facts.append(self.tr("unbalanced brackets"))
        # The nearest heading is enough here; the full path is in the tooltip.
        section = (row.section or "").split(" / ")[-1]
        self.heading.setText(f"<b>{html.escape(number)}</b> · {html.escape(section)}"
                             + (" · " + " · ".join(facts) if facts else ""))
        self.heading.setToolTip(row.section or "")
        self.text_view.setHtml(self._text_html(row.text))
        if not has_previous:
            self.diff_view.setHtml(f"<p><i>{self.tr('This is the first draft: nothing to compare with.')}</i></p>")
        elif change is None:
            self.diff_view.setHtml(f"<p><i>{self.tr('Comparing with the previous draft…')}</i></p>")
        else:
            status = change_text(change) or status_names()["unchanged"]
            parts = [f"<p><b>{html.escape(status)}</b></p>"]
            if change.salient:
                items = "".join(f"<li>{html.escape(s)}</li>" for s in change.salient)
                parts.append(f"<p>{self.tr('Significant wording changes:')}</p><ul>{items}</ul>")
            parts.append(f"<p>{ops_to_html(change.ops, limit=10**7)}</p>")
            self.diff_view.setHtml("".join(parts))

    @staticmethod
    def _text_html(text: str) -> str:
        # Brackets (non-agreed text) in bold so they catch the eye.
        escaped = html.escape(text).replace("[", "<b>[").replace("]", "]</b>").replace("\n", "<br/>")
        return f"<p>{escaped}</p>"
