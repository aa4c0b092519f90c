"""The right-hand pane: everything about the selected paragraph."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from negotiator.positions.results import AgreementView
from negotiator.text.parse import compared_text
from ui.delegates import ops_to_html
from ui.languages import spoken_language
from ui.models.paragraphs import change_text, status_names
from ui.operations import ParagraphChange, ParagraphDetail, ParagraphRow
from ui.positions_editor import HistoryPanel, NotesPanel, PositionsPanel


def paragraph_status_names() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("DetailPane", "Open"),
        "bracketed": QCoreApplication.translate("DetailPane", "Bracketed"),
        "agreed_ad_ref": QCoreApplication.translate("DetailPane", "Agreed ad ref"),
        "agreed": QCoreApplication.translate("DetailPane", "Agreed"),
    }


def state_text(state: AgreementView) -> str:
    """One line a diplomat reads: "Agreed ad ref – held by Türkiye, answer due 3 April 2026"."""
    text = paragraph_status_names().get(state.status, state.status)
    details = []
    if state.holder:
        details.append(QCoreApplication.translate("DetailPane", "held by %1").replace("%1", state.holder))
    if state.due:
        day = QDate(state.due.year, state.due.month, state.due.day)
        details.append(QCoreApplication.translate("DetailPane", "answer due %1")
                       .replace("%1", QLocale().toString(day, "d MMMM yyyy")))
    if state.set_on and state.status in ("agreed", "agreed_ad_ref"):
        details.append(QCoreApplication.translate("DetailPane", "since %1").replace("%1", state.set_on))
    if details:
        text += " – " + ", ".join(details)
    if state.changed_since:
        text += " – " + QCoreApplication.translate("DetailPane", "the text changed since!")
    return text


class AdRefDialog(QDialog):
    """Who holds the ad ref reservation, and by when an answer is due."""

    def __init__(self, number: str, state: AgreementView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adRefDialog")
        self.setWindowTitle(self.tr("Agreed ad ref: %1").replace("%1", number))
        self.holder = QLineEdit(state.holder or "")
        self.holder.setPlaceholderText(self.tr("Delegation holding the reservation"))
        self.holder.setAccessibleName(self.tr("Reservation held by"))
        self.has_due = QCheckBox(self.tr("Answer &due by"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d MMMM yyyy")
        self.due.setAccessibleName(self.tr("Answer due date"))
        due = QDate(state.due.year, state.due.month, state.due.day) if state.due else QDate()
        self.has_due.setChecked(due.isValid())
        self.due.setDate(due if due.isValid() else QDate.currentDate().addDays(7))
        self.due.setEnabled(due.isValid())
        self.has_due.toggled.connect(self.due.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("Reservation &held by:"), self.holder)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form.addRow(due_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The paragraph is agreed, subject to confirmation by a capital.")))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str | None, str | None]:
        holder = self.holder.text().strip() or None
        due = self.due.date().toString("yyyy-MM-dd") if self.has_due.isChecked() else None
        return holder, due


class DetailPane(QWidget):
    """Full text, change against the previous draft, the paragraph's status,
    and the positions editor, notes and history.

    Signals:
        status_requested(str, object, object): the user set the status
            ("open", "agreed_ad_ref" or "agreed") with holder and due date (or None).
    """

    status_requested = Signal(str, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.row: ParagraphRow | None = None
        self.state: AgreementView | None = None
        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("paragraphStatus")
        self.status_label.setWordWrap(True)
        # A push button: its size counts the menu arrow, which a tool button draws over the text.
        self.status_button = QPushButton(self.tr("&Status"))
        self.status_button.setObjectName("statusButton")
        self.status_button.setAccessibleName(self.tr("Set the paragraph's status"))
        menu = QMenu(self.status_button)
        self.agreed_ad_ref_action = QAction(self.tr("Agreed &ad ref…"), self)
        self.agreed_action = QAction(self.tr("A&greed"), self)
        self.reopen_action = QAction(self.tr("&Open again (not agreed)"), self)
        self.agreed_ad_ref_action.triggered.connect(self.ask_ad_ref)
        self.agreed_action.triggered.connect(lambda: self.status_requested.emit("agreed", None, None))
        self.reopen_action.triggered.connect(lambda: self.status_requested.emit("open", None, None))
        for action in (self.agreed_ad_ref_action, self.agreed_action, self.reopen_action):
            menu.addAction(action)
        self.status_button.setMenu(menu)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.status_button)
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
        # The text and what changed in it on one tab: read together, and five
        # tabs do not fit a narrow pane in French.
        text_page = QWidget()
        text_layout = QVBoxLayout(text_page)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.addWidget(self.text_view, 1)
        self.diff_caption = QLabel("<b>" + self.tr("Change since the previous draft") + "</b>")
        text_layout.addWidget(self.diff_caption)
        text_layout.addWidget(self.diff_view, 1)
        self.tabs.addTab(text_page, self.tr("&Text"))
        self.tabs.addTab(self.positions, self.tr("&Positions"))
        self.tabs.addTab(self.notes, self.tr("&Notes"))
        self.tabs.addTab(self.history, self.tr("Histor&y"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(status_row)
        layout.addWidget(self.tabs, 1)
        self.show_paragraph(None, None, False)

    def ask_ad_ref(self) -> None:
        if self.row is None or self.state is None:
            return
        dialog = AdRefDialog(self.row.reference, self.state, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status_requested.emit("agreed_ad_ref", *dialog.values())

    def show_state(self, state: AgreementView | None) -> None:
        self.state = state
        self.status_label.setText(self.tr("Status: %1").replace("%1", state_text(state)) if state else "")
        self.status_button.setEnabled(state is not None)
        self.agreed_ad_ref_action.setEnabled(state is not None)
        self.agreed_action.setEnabled(state is not None and state.status != "agreed")
        self.reopen_action.setEnabled(state is not None and state.status in ("agreed", "agreed_ad_ref"))

    def show_positions(self, loaded: ParagraphDetail | None) -> None:
        self.show_state(loaded.agreement if loaded else None)
        self.positions.show_positions(loaded)
        self.notes.show_notes(loaded.notes if loaded else None)
        self.history.show_history(loaded.history if loaded else None)

    def show_paragraph(self, row: ParagraphRow | None, change: ParagraphChange | None, has_previous: bool,
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
        number = row.reference
        facts = [self.tr("%n bracket(s)", "", row.brackets)] if row.brackets else []
        if not row.brackets_balanced:
            facts.append(self.tr("unbalanced brackets"))
        # The nearest heading is enough here; the full path is in the tooltip.
        section = (row.section or "").split(" / ")[-1]
        parts = [html.escape(part) for part in (section, *facts) if part]  # none empty: no stray dots
        self.heading.setText(f"<b>{html.escape(number)}</b>" + "".join(f" · {p}" for p in parts))
        self.heading.setToolTip(row.section or "")
        # Footnotes under the text, each after its superscript number, as comparisons read them.
        self.text_view.setHtml(self._text_html(compared_text(row.text, row.footnotes)))
        if not has_previous:
            self.diff_view.setHtml("<p><i>" + self.tr("This is the first draft: nothing to compare with.") + "</i></p>")
        elif change is None:
            self.diff_view.setHtml("<p><i>" + self.tr("Comparing with the previous draft…") + "</i></p>")
        else:
            status = change_text(change) or status_names()["unchanged"]
            parts = [f"<p><b>{html.escape(status)}</b></p>"]
            if change.salient:
                items = "".join(f"<li>{html.escape(s.describe(spoken_language()))}</li>"
                                for s in change.salient)
                parts.append("<p>" + self.tr("Significant wording changes:") + f"</p><ul>{items}</ul>")
            parts.append(f"<p>{ops_to_html(change.ops_of(row.text), limit=10**7)}</p>")
            self.diff_view.setHtml("".join(parts))

    @staticmethod
    def _text_html(text: str) -> str:
        # Brackets (non-agreed text) in bold so they catch the eye.
        escaped = html.escape(text).replace("[", "<b>[").replace("]", "]</b>").replace("\n", "<br/>")
        return f"<p>{escaped}</p>"
