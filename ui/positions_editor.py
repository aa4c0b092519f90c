"""The positions editor of the detail pane: our delegation's position, the EU
line, other delegations' stances, notes and history for one paragraph.

Widgets here only show values and say what the user changed (signals); the
main window turns each change into an undoable command that is saved at once.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from negotiator.positions.history import FieldChange, HistoryEntry
from negotiator.positions.results import NoteView
from ui.delegates import ops_to_html
from ui.models.paragraphs import stance_names
from ui.operations import ParagraphDetail, PositionValues

# A free-text field is as tall as its text, between these many lines; beyond
# the maximum it scrolls (the pane around it scrolls too).
TEXT_FIELD_MIN_LINES = 2
TEXT_FIELD_MAX_LINES = 12


def status_names() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("PositionForm", "Draft"),
        "coordinated": QCoreApplication.translate("PositionForm", "Agreed in coordination"),
        "delivered": QCoreApplication.translate("PositionForm", "Delivered"),
    }


def priority_names() -> dict[str, str]:
    return {
        "high": QCoreApplication.translate("PositionForm", "High"),
        "medium": QCoreApplication.translate("PositionForm", "Medium"),
        "low": QCoreApplication.translate("PositionForm", "Low"),
    }


def field_names() -> dict[str, str]:
    return {
        "stance": QCoreApplication.translate("History", "Stance"),
        "status": QCoreApplication.translate("History", "Coordination"),
        "priority": QCoreApplication.translate("History", "Priority"),
        "amendment": QCoreApplication.translate("History", "Amendment"),
        "rationale": QCoreApplication.translate("History", "Talking points"),
        "red_line": QCoreApplication.translate("History", "Red line"),
        "fallback": QCoreApplication.translate("History", "Fallback"),
    }


def change_words(change: FieldChange) -> str:
    """One history line in the user's language: "Stance: support → oppose", "Red line set"."""
    name = field_names().get(change.field or "", change.field or "")

    def value(v: object) -> str:
        text = str(v or "")
        if not text:
            return QCoreApplication.translate("History", "none")
        names = {"stance": stance_names(), "status": status_names(),
                 "priority": priority_names()}.get(change.field or "stance", {})
        return names.get(text, text)

    return {
        "taken": QCoreApplication.translate("History", "Position taken: %1").replace("%1", value(change.new)),
        "set": QCoreApplication.translate("History", "%1 set").replace("%1", name),
        "removed": QCoreApplication.translate("History", "%1 removed").replace("%1", name),
        "changed": QCoreApplication.translate("History", "%1 changed").replace("%1", name),
        "value": QCoreApplication.translate("History", "%1: %2 → %3").replace("%1", name).replace("%2", value(change.old))
        .replace("%3", value(change.new)),
        "retaken": QCoreApplication.translate("History", "Re-taken on a new wording of the paragraph"),
        "withdrawn": QCoreApplication.translate("History", "Position withdrawn"),
        "restored": QCoreApplication.translate("History", "Position restored"),
        "resolved": QCoreApplication.translate("History", "Conflict resolved: this version kept"),
    }[change.what]


def local_time(value: dt.datetime | str | None) -> str:
    """A stored UTC time as the user reads it: local zone, day and month name in the locale."""
    if not value:
        return "?"
    when = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    local = when.replace(tzinfo=dt.timezone.utc).astimezone()
    qt = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return QLocale().toString(qt, "d MMM yyyy, HH:mm")  # "16 Jan 2026, 12:00" / "16 janv. 2026, 12:00"


def state_texts() -> dict[str, str]:
    return {
        "needs_review": QCoreApplication.translate("PositionForm", "Needs review: the wording changed since this position was taken on %1."),
        "split": QCoreApplication.translate("PositionForm", "Needs review: the paragraph it was taken on (%1) was split."),
        "merged": QCoreApplication.translate("PositionForm", "Needs review: the paragraph it was taken on (%1) was merged with others."),
        "paragraph_deleted": QCoreApplication.translate("PositionForm", "The paragraph it was taken on (%1) was deleted."),
    }


class CommitTextEdit(QTextEdit):
    """A multi-line plain-text field that grows with its text (up to
    ``TEXT_FIELD_MAX_LINES``) and commits when it loses focus or on Ctrl+Enter.

    Signals:
        committed(): the user finished editing.
    """

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().contentsChanged.connect(self.fit_height)
        self.fit_height()

    def fit_height(self) -> None:
        """As tall as the text at the current width, within the line limits."""
        line = self.fontMetrics().lineSpacing()
        frame = self.frameWidth() * 2 + int(self.document().documentMargin() * 2)
        width = self.viewport().width()
        if width > 0:
            self.document().setTextWidth(width)
        text_height = int(self.document().size().height() - self.document().documentMargin() * 2 + 0.999)
        lines_height = min(max(text_height, line * TEXT_FIELD_MIN_LINES), line * TEXT_FIELD_MAX_LINES)
        self.setFixedHeight(lines_height + frame)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_height()

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.committed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.committed.emit()
            return
        super().keyPressEvent(event)


class PositionForm(QGroupBox):
    """One actor's position; emits ``edited`` with all fields when one changes.

    Signals:
        edited(str, object): actor name and the new fields (a dict), or None to withdraw.
    """

    edited = Signal(str, object)

    def __init__(self, title: str, *, full: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.actor = ""
        self.values: PositionValues | None = None
        self._loading = False
        self.stance = QComboBox()
        self.stance.addItem(self.tr("— no position recorded —"), None)
        for key, name in stance_names().items():
            self.stance.addItem(name, key)
        self.stance.setAccessibleName(self.tr("%1 stance").replace("%1", title))
        self.priority = QComboBox()
        self.priority.addItem(self.tr("—"), None)
        for key, name in priority_names().items():
            self.priority.addItem(name, key)
        self.status = QComboBox()
        for key, name in status_names().items():
            self.status.addItem(name, key)
        self.amendment = CommitTextEdit()
        self.amendment.setPlaceholderText(self.tr("Exact words we propose, or an edit such as "
                                                  "\"Replace 'should' with 'shall'\""))
        self.rationale = CommitTextEdit()
        self.rationale.setPlaceholderText(self.tr("Talking points"))
        self.red_line = CommitTextEdit()
        self.red_line.setPlaceholderText(self.tr("What we cannot accept"))
        self.fallback = CommitTextEdit()
        self.fallback.setPlaceholderText(self.tr("What we could accept instead"))
        self.review = QLabel()
        self.review.setWordWrap(True)
        self.review.setTextFormat(Qt.TextFormat.RichText)
        self.review.setVisible(False)
        self.meta = QLabel()
        self.meta.setObjectName("positionMeta")
        self.meta.setWordWrap(True)
        # Wrapped labels must follow the pane's width, not ask for their own.
        for label in (self.review, self.meta):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        form = QFormLayout(self)
        form.addRow(self.review)
        form.addRow(self.tr("&Stance:"), self.stance)
        if full:
            form.addRow(self.tr("Priority:"), self.priority)
            form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("&Amendment:"), self.amendment)
        if full:
            form.addRow(self.tr("Ra&tionale:"), self.rationale)
        form.addRow(self.tr("&Red line:"), self.red_line)
        if full:
            form.addRow(self.tr("&Fallback:"), self.fallback)
        form.addRow(self.meta)
        for widget in (self.priority, self.status, self.rationale, self.fallback):
            widget.setVisible(full)
        for name, widget in ((self.tr("Priority"), self.priority), (self.tr("Status"), self.status),
                             (self.tr("Amendment"), self.amendment), (self.tr("Rationale"), self.rationale),
                             (self.tr("Red line"), self.red_line), (self.tr("Fallback"), self.fallback)):
            widget.setAccessibleName(f"{title}: {name}")

        for combo in (self.stance, self.priority, self.status):
            combo.activated.connect(self._changed)
            # Narrow panes: let long entries be elided rather than widen the form.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        for text in (self.amendment, self.rationale, self.red_line, self.fallback):
            text.committed.connect(self._changed)

    def load(self, actor: str, values: PositionValues | None, *, same_paragraph: bool = False) -> None:
        """Show a stored position (or none) without emitting ``edited``."""
        self._loading = True
        self.actor = actor
        self.values = values
        v = values or PositionValues(actor)
        self.stance.setCurrentIndex(max(0, self.stance.findData(v.stance)))
        self.priority.setCurrentIndex(max(0, self.priority.findData(v.priority)))
        self.status.setCurrentIndex(max(0, self.status.findData(v.status or "draft")))
        for editor, text in ((self.amendment, v.amendment), (self.rationale, v.rationale),
                             (self.red_line, v.red_line), (self.fallback, v.fallback)):
            # A reload after a save must not wipe what the user is typing elsewhere.
            if not (editor.hasFocus() and same_paragraph):
                editor.setPlainText(text or "")
        has = values is not None
        for widget in (self.priority, self.status, self.amendment, self.rationale, self.red_line,
                       self.fallback):
            widget.setEnabled(has)
        message = state_texts().get(v.state or "")
        if message:
            diff = f"<br/>{ops_to_html(v.diff, palette=self.palette())}" if v.diff else ""
            self.review.setText(f"<b>{html.escape(message.replace('%1', v.taken_on or '?'))}</b>{diff}")
        self.review.setVisible(bool(message))
        if values is not None:
            self.meta.setText(self.tr("Version %1, last changed by %2 on %3").replace("%1", str(v.version))
                              .replace("%2", v.author or "?").replace("%3", local_time(v.updated_at)))
        else:
            self.meta.setText(self.tr("Choose a stance to record a position."))
        self._loading = False

    def fields(self) -> dict[str, Any] | None:
        stance = self.stance.currentData()
        if stance is None:
            return None
        return {
            "stance": stance,
            "priority": self.priority.currentData(),
            "status": self.status.currentData(),
            "amendment": self.amendment.toPlainText().strip(),
            "rationale": self.rationale.toPlainText().strip(),
            "red_line": self.red_line.toPlainText().strip(),
            "fallback": self.fallback.toPlainText().strip(),
        }

    def _changed(self, *_args: object) -> None:
        if self._loading or not self.actor:
            return
        new = self.fields()
        old = self.values.fields() if self.values is not None else None
        if new == old or (new is None and old is None):
            return
        self.edited.emit(self.actor, new)


class PositionsPanel(QScrollArea):
    """Our delegation's position, the EU line and other delegations for one paragraph.

    Signals:
        edited(str, object): forwarded from the forms.
    """

    edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("positionsPanel")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.loaded: ParagraphDetail | None = None
        inner = QWidget()
        self.ours = PositionForm(self.tr("Our delegation"))
        self.ours.setObjectName("ourPosition")
        self.eu = PositionForm(self.tr("EU line (coordinated)"), full=False)
        self.eu.setObjectName("euPosition")
        self.others = QLabel()
        self.others.setObjectName("otherPositions")
        self.others.setWordWrap(True)
        self.others.setTextFormat(Qt.TextFormat.RichText)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        for label in (self.others, self.hint):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.hint)
        layout.addWidget(self.ours)
        layout.addWidget(self.eu)
        layout.addWidget(self.others)
        layout.addStretch()
        self.setWidget(inner)
        self.ours.edited.connect(self.edited)
        self.eu.edited.connect(self.edited)
        self.show_positions(None)

    def show_positions(self, loaded: ParagraphDetail | None) -> None:
        same = loaded is not None and self.loaded is not None and \
            self.loaded.paragraph_id == loaded.paragraph_id
        self.loaded = loaded
        enabled = loaded is not None
        self.ours.setEnabled(enabled and bool(loaded.national_actor if loaded else False))
        self.eu.setEnabled(enabled)
        if loaded is None:
            self.hint.setText(self.tr("Select a paragraph to see and edit positions."))
            self.ours.load("", None)
            self.eu.load("", None)
            self.others.clear()
            return
        self.hint.setText(self.tr("Every change is saved at once; Ctrl+Z undoes it."))
        national = loaded.national_actor or ""
        self.ours.setTitle(self.tr("Our delegation: %1").replace("%1", national) if national
                           else self.tr("Our delegation (not set for this negotiation)"))
        self.ours.load(national, loaded.ours, same_paragraph=same)
        self.eu.load(loaded.eu.actor if loaded.eu else "EU", loaded.eu, same_paragraph=same)
        names = stance_names()
        if loaded.others:
            items = "".join(f"<li><b>{html.escape(p.actor)}</b>: {html.escape(names.get(p.stance or '', p.stance or ''))}"
                            + (f" — {html.escape(p.amendment)}" if p.amendment else "") + "</li>"
                            for p in loaded.others)
            self.others.setText("<p><b>" + self.tr("Other delegations") + f"</b></p><ul>{items}</ul>")
        else:
            self.others.setText("<p><i>" + self.tr("No other delegation has a recorded position here.") + "</i></p>")


class NotesPanel(QWidget):
    """Notes on the paragraph's lineage and a field to add one.

    Signals:
        note_added(str): the text of a new note.
    """

    note_added = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Notes"))
        self.list.setWordWrap(True)
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(self.tr("Write a note and press Enter"))
        self.entry.setAccessibleName(self.tr("New note"))
        self.add_button = QPushButton(self.tr("&Add Note"))
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.entry.returnPressed.connect(self._add)
        self.add_button.clicked.connect(self._add)
        self.show_notes(None)

    def show_notes(self, notes: tuple[NoteView, ...] | None) -> None:
        self.list.clear()
        self.setEnabled(notes is not None)
        for note in notes or ():
            item = QListWidgetItem(f"{note.text}\n— {note.author or '?'}, {local_time(note.created_at)}")
            self.list.addItem(item)

    def _add(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.entry.clear()
            self.note_added.emit(text)


class HistoryPanel(QTextBrowser):
    """Who changed which position, when, from what to what."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.setAccessibleName(self.tr("Position history"))

    def show_history(self, history: tuple[HistoryEntry, ...] | None) -> None:
        if not history:
            self.setHtml("<p><i>" + self.tr("No changes recorded yet.") + "</i></p>")
            return
        rows = []
        for h in reversed(history):
            changes = "<br/>".join(html.escape(change_words(c)) for c in h.field_changes())
            rows.append(f"<p><b>{html.escape(h.actor)}</b> · {html.escape(h.author or '?')} · "
                        f"{html.escape(local_time(h.at))}<br/>{changes}</p>")
        self.setHtml("".join(rows))

