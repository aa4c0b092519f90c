"""The Export dialog: the annotated Word brief comparing two drafts, or one
delegation's amendments as tracked changes, written in the background.

The dialog reads the negotiation's drafts and actors once (a quick read on the
GUI thread, like the paragraph list), then hands only ids and plain values to a
task that opens its own session and calls ``negotiator.brief``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTranslator, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from negotiator.export import requests as export_requests
from negotiator.export.requests import AmendmentsRequest, BriefRequest, ExportChoices
from negotiator.storage.store import Store
from ui import settings as cfg
from ui.dialogs import show_exception
from ui.file_names import file_part
from ui.settings import Settings
from ui.tasks import Task, TaskContext, TaskManager

# Markings offered in the classification box (it also takes any other text).
CLASSIFICATIONS = ("RESTRICTED", "EU RESTRICTED", "CONFIDENTIAL")
# Longest suggested file name (Windows paths stay far below their 260-character limit).
MAX_NAME_CHARS = 150
BRIEF_PAGE, AMENDMENTS_PAGE = 0, 1
ACTOR_LIST_HEIGHT = 150


def load_choices(store: Store, negotiation_id: int) -> ExportChoices:
    with store.transaction(read_only=True) as s:
        return export_requests.load_choices(s, negotiation_id)


def run_export(store: Store, request: BriefRequest | AmendmentsRequest, ctx: TaskContext) -> dict[str, Any]:
    """Write the file (in a worker thread, with its own session); only plain values come back."""
    with store.transaction(read_only=True) as s:
        return export_requests.run_request(s, request, ctx.progress, lambda: ctx.cancelled)


def default_classification(settings: Settings | None = None) -> str:
    """The marking a new brief starts with: the delegation's setting, RESTRICTED unless changed."""
    return (settings or Settings()).get(cfg.CLASSIFICATION)


def suggested_file_name(parts: list[str], today: dt.date | None = None) -> str:
    """``Brief - ICT CBMs - Rev.1 to Rev.2 - 2026-03-04.docx``: the parts, then the date."""
    day = (today or dt.date.today()).isoformat()
    stem = " - ".join(p for p in (file_part(part) for part in parts) if p)
    return (stem[:MAX_NAME_CHARS].rstrip(" .-") or "export") + f" - {day}.docx"


def ui_language() -> str:
    """The exported file's default language: French when the window speaks French."""
    app = QCoreApplication.instance()
    for translator in app.findChildren(QTranslator, "negotiator-translator") if app else ():
        if translator.language().startswith("fr"):
            return "fr"
    return "en"



class ExportDialog(QDialog):
    """Options for a brief or an amendments file; writes it with a progress bar.

    Signals:
        exported(str): the path of a file written successfully.
    """

    exported = Signal(str)

    def __init__(self, store: Store, tasks: TaskManager, negotiation_id: int,
                 draft_id: int | None = None, author: str = "", folder: str | None = None,
                 parent: QWidget | None = None, *, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings or Settings()
        self.tasks = tasks
        self.choices = load_choices(store, negotiation_id)
        self.task: Task | None = None
        self.folder = folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        self._path_edited = False
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export – %1").replace("%1", self.choices.title))
        self.resize(560, 480)

        drafts = self.choices.drafts
        ids = [d for d, _ in drafts]
        to_row = ids.index(draft_id) if draft_id in ids else len(ids) - 1
        from_row = max(0, to_row - 1)

        # Brief -----------------------------------------------------------------
        self.from_draft = self._draft_combo(self.tr("From draft"), from_row)
        self.to_draft = self._draft_combo(self.tr("To draft"), to_row)
        self.classification = QComboBox()
        self.classification.setEditable(True)
        self.classification.setAccessibleName(self.tr("Classification"))
        self.classification.addItem("")
        self.classification.addItems(CLASSIFICATIONS)
        line_edit = self.classification.lineEdit()  # there is one: the box is editable
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("none"))
        # The negotiation's marking if it has one, else the delegation's setting.
        self.classification.setCurrentText(self.choices.classification
                                           or default_classification(self.settings))
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Paragraphs"))
        for text, value in ((self.tr("All paragraphs"), "all"),
                            (self.tr("Changed paragraphs only"), "changed"),
                            (self.tr("Paragraphs with our positions"), "with_positions"),
                            (self.tr("Paragraphs needing instructions"), "needing_instructions")):
            self.scope.addItem(text, value)
        self.actors = QListWidget()
        self.actors.setObjectName("exportActors")
        self.actors.setAccessibleName(self.tr("Positions of"))
        for name in self.choices.actors:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.actors.addItem(item)
        # Room for about eight delegations; more scroll.
        self.actors.setMinimumHeight(ACTOR_LIST_HEIGHT)
        self.actors.setMaximumHeight(ACTOR_LIST_HEIGHT)
        self.author = QLineEdit(author)
        self.author.setAccessibleName(self.tr("Prepared by"))
        self.redline = QComboBox()
        self.redline.setAccessibleName(self.tr("Changes shown as"))
        self.redline.addItem(self.tr("Tracked changes (Word's Review pane)"), "tracked")
        self.redline.addItem(self.tr("Formatted for print (struck and underlined)"), "formatted")
        self.reference = QLineEdit()
        self.reference.setObjectName("exportReference")
        self.reference.setAccessibleName(self.tr("Meeting or file"))
        self.reference.setPlaceholderText(self.tr("e.g. Informal Working Group, 12 March 2026"))
        self.language = QComboBox()
        self.language.setObjectName("exportLanguage")
        # The file's own words, brief or amendments (the draft's text stays as written).
        self.language.setAccessibleName(self.tr("Language of the document"))
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.language.setCurrentIndex(self.language.findData(ui_language()))

        brief_page = QWidget()
        brief_form = QFormLayout(brief_page)
        brief_form.addRow(self.tr("&From draft:"), self.from_draft)
        brief_form.addRow(self.tr("&To draft:"), self.to_draft)
        brief_form.addRow(self.tr("C&lassification:"), self.classification)
        brief_form.addRow(self.tr("&Include:"), self.scope)
        brief_form.addRow(self.tr("Positions &of:"), self.actors)
        brief_form.addRow(self.tr("&Prepared by:"), self.author)
        brief_form.addRow(self.tr("&Changes shown as:"), self.redline)
        brief_form.addRow(self.tr("&Meeting or file:"), self.reference)

        # Amendments ------------------------------------------------------------
        self.amend_draft = self._draft_combo(self.tr("Draft"), to_row)
        self.amend_actor = QComboBox()
        self.amend_actor.setAccessibleName(self.tr("Delegation"))
        self.amend_actor.addItems(self.choices.actors)
        if self.choices.delegation and (row := self.amend_actor.findText(self.choices.delegation)) >= 0:
            self.amend_actor.setCurrentIndex(row)
        amend_page = QWidget()
        amend_form = QFormLayout(amend_page)
        amend_form.addRow(self.tr("&Draft:"), self.amend_draft)
        amend_form.addRow(self.tr("De&legation:"), self.amend_actor)
        hint = QLabel(self.tr("The draft's text and numbering, with the amendments this delegation "
                              "proposes as tracked changes in its name: the file to send to the chair. "
                              "Talking points, red lines and fallbacks are never included."))
        hint.setWordWrap(True)
        amend_form.addRow(hint)
        self.amend_as_comment = QCheckBox(self.tr("Send each amendment as a co&mment, the text unchanged"))
        self.amend_as_comment.setObjectName("amendAsComment")
        amend_form.addRow(self.amend_as_comment)

        self.modes = QTabWidget()
        self.modes.setObjectName("exportModes")
        self.modes.addTab(brief_page, self.tr("&Brief"))
        self.modes.addTab(amend_page, self.tr("&Amendments"))

        # Output, progress, buttons ----------------------------------------------
        self.output = QLineEdit()
        self.output.setObjectName("exportOutput")
        self.output.setAccessibleName(self.tr("Output file"))
        self.output.textEdited.connect(self._output_edited)
        self.browse = browse = QPushButton(self.tr("Bro&wse…"))
        browse.clicked.connect(self.choose_output)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(browse)
        output_label = QLabel(self.tr("&Save as:"))
        output_label.setBuddy(self.output)
        output_form = QFormLayout()
        output_form.addRow(self.tr("La&nguage:"), self.language)
        output_form.addRow(output_label, output_row)

        self.problem = QLabel()
        self.problem.setObjectName("exportProblem")
        self.problem.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setTextVisible(True)
        self.progress.setVisible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("&Export"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.modes, 1)
        layout.addLayout(output_form)
        layout.addWidget(self.problem)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

        for combo in (self.from_draft, self.to_draft, self.amend_draft, self.amend_actor):
            combo.currentIndexChanged.connect(self._suggest_output)
        self.modes.currentChanged.connect(self._suggest_output)
        self._suggest_output()

    def _draft_combo(self, name: str, row: int) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for draft_id, label in self.choices.drafts:
            combo.addItem(label, draft_id)
        combo.setCurrentIndex(row)
        return combo

    # Output file -----------------------------------------------------------------
    def suggested_name(self, today: dt.date | None = None) -> str:
        """A file name for the chosen export, such as
        ``Brief - ICT CBMs - Rev.1 to Rev.2 - 2026-03-04.docx``."""
        title = self.choices.title
        if self.modes.currentIndex() == BRIEF_PAGE:
            drafts = self.tr("%1 to %2").replace("%1", self.from_draft.currentText()) \
                .replace("%2", self.to_draft.currentText())
            parts = [self.tr("Brief"), title, drafts]
        else:
            parts = [self.tr("Amendments"), title, self.amend_actor.currentText(), self.amend_draft.currentText()]
        return suggested_file_name(parts, today)

    def _suggest_output(self) -> None:
        if not self._path_edited:
            self.output.setText(str(Path(self.folder) / self.suggested_name()))

    def _output_edited(self, _text: str) -> None:
        self._path_edited = True

    def choose_output(self) -> None:
        current = self.output.text().strip() or str(Path(self.folder) / self.suggested_name())
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to"), current,
                                                    self.tr("Word documents (*.docx)"))
        if path:
            self.set_output(path)

    def set_output(self, path: str | Path) -> None:
        """Write to this file (``.docx`` is added when missing)."""
        text = str(path)
        if not text.lower().endswith(".docx"):
            text += ".docx"
        self._path_edited = True
        self.output.setText(text)

    # Running -----------------------------------------------------------------------
    def request(self) -> BriefRequest | AmendmentsRequest | str:
        """The chosen options, or a sentence saying what is missing."""
        path = self.output.text().strip()
        if not path:
            return self.tr("Choose the file to write.")
        if not path.lower().endswith(".docx"):
            path += ".docx"
        path = str(Path(path).expanduser())
        neg_id = self.choices.negotiation_id
        if self.modes.currentIndex() == AMENDMENTS_PAGE:
            if self.amend_draft.currentData() is None or not self.amend_actor.currentText():
                return self.tr("Choose a draft and the delegation whose amendments to export.")
            return AmendmentsRequest(neg_id, self.amend_draft.currentData(), self.amend_actor.currentText(), path,
                                     classification=self.choices.classification,
                                     as_comment=self.amend_as_comment.isChecked(),
                                     language=self.language.currentData())
        from_id, to_id = self.from_draft.currentData(), self.to_draft.currentData()
        if from_id is None or to_id is None or from_id == to_id:
            return self.tr("A brief compares two different drafts: choose another 'from' or 'to' draft.")
        checked = tuple(self.actors.item(r).text() for r in range(self.actors.count())
                        if self.actors.item(r).checkState() == Qt.CheckState.Checked)
        if self.actors.count() and not checked:
            return self.tr("Tick at least one delegation whose positions the brief shows.")
        return BriefRequest(
            negotiation_id=neg_id, from_id=from_id, to_id=to_id, path=path,
            classification=self.classification.currentText().strip() or None,
            scope=self.scope.currentData(),
            actors=None if len(checked) == self.actors.count() else checked,
            author=self.author.text().strip(), redline=self.redline.currentData(),
            reference=self.reference.text().strip(), language=self.language.currentData(),
        )

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self) -> None:
        """Check the options and write the file in the background."""
        if self.running:
            return
        request = self.request()
        if isinstance(request, str):
            self.problem.setText(request)
            return
        self.problem.clear()
        if isinstance(request, BriefRequest) and request.classification:
            # The delegation's usual marking; a brief left unmarked is a one-off.
            self.settings.set(cfg.CLASSIFICATION, request.classification)
        store = self.store
        label = self.tr("Exporting %1…").replace("%1", Path(request.path).name)
        self.task = self.tasks.run(label, lambda ctx: run_export(store, request, ctx),
                                   on_done=self._done, on_error=self._failed)
        self.task.progressed.connect(self._progressed)
        self.task.ended.connect(self._ended)
        self._set_running(True)

    def cancel_export(self) -> None:
        """Stop the running export; no file is written."""
        if self.task is not None:
            self.task.cancel()

    def _set_running(self, running: bool) -> None:
        self.modes.setEnabled(not running)
        self.output.setEnabled(not running)
        self.browse.setEnabled(not running)
        self.export_button.setEnabled(not running)
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0)  # busy until the first report
            self.progress.setFormat(self.tr("Writing… %p%"))
            self.cancel_button.setText(self.tr("&Stop"))
        else:
            self.cancel_button.setText(self.tr("Cancel"))

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _ended(self) -> None:
        cancelled = self.task is not None and self.task.cancelled
        self.task = None
        self._set_running(False)
        if cancelled:
            self.problem.setText(self.tr("Export stopped; no file was written."))

    def _failed(self, exc: BaseException) -> None:
        show_exception(self, self.tr("Could not export"), exc)

    def _done(self, result: dict[str, Any]) -> None:
        path = result.get("path", self.output.text())
        self.exported.emit(path)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Export finished"),
                          self.tr("%1 was written.").replace("%1", Path(path).name),
                          QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
                          self.parentWidget())
        box.setObjectName("exportDone")
        box.setInformativeText(path)
        box.setDefaultButton(QMessageBox.StandardButton.Open)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.button(QMessageBox.StandardButton.Open).clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(path)))
        box.open()
        self.accept()

    def reject(self) -> None:
        # While writing, Cancel stops the export and keeps the dialog open.
        if self.running:
            self.cancel_export()
            return
        super().reject()
