"""The Export dialog: a brief and an amendments file written in the background
from the demo negotiation, read back with python-docx; errors as dialogs."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from ui.export_dialog import AMENDMENTS_PAGE, BRIEF_PAGE, ExportDialog

pytestmark = pytest.mark.gui

# Writing the demo brief takes well under a second; the margin is for a busy CI.
TASK_TIMEOUT_MS = 30000


def open_dialog(window, qtbot) -> ExportDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.current_negotiation_id is not None and window.export_action.isEnabled(),
                    timeout=10000)
    window.export_action.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def select(combo, text: str) -> None:  # type: ignore[no-untyped-def]
    row = combo.findText(text)
    assert row >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(row)


def export_and_wait(dialog: ExportDialog, window, qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=TASK_TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportDone") is not None
                    or window.findChild(QMessageBox, "errorDialog") is not None, timeout=TASK_TIMEOUT_MS)
    return window.findChild(QMessageBox, "exportDone") or window.findChild(QMessageBox, "errorDialog")


def revisions(path: Path) -> tuple[int, int]:
    body = docx.Document(str(path)).element.body
    return len(body.findall(".//" + qn("w:ins"))), len(body.findall(".//" + qn("w:del")))


def test_brief_rev1_to_rev2_restricted(make_window, full_demo_store, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(full_demo_store)
    dialog = open_dialog(window, qtbot)
    # Default: the draft before the selected one -> the selected one (the newest).
    assert (dialog.from_draft.currentText(), dialog.to_draft.currentText()) == ("Rev.1", "Rev.2")
    assert dialog.modes.currentIndex() == BRIEF_PAGE
    assert "Belgium" in [dialog.actors.item(r).text() for r in range(dialog.actors.count())]
    select(dialog.from_draft, "Rev.1")
    select(dialog.to_draft, "Rev.2")
    dialog.classification.setCurrentText("RESTRICTED")
    dialog.author.setText("Desk officer, OSCE unit")
    out = tmp_path / "brief"
    dialog.set_output(out)

    box = export_and_wait(dialog, window, qtbot)
    assert box.objectName() == "exportDone"
    assert {box.button(QMessageBox.StandardButton.Open) is not None,
            box.button(QMessageBox.StandardButton.Close) is not None} == {True}
    written = tmp_path / "brief.docx"
    assert written.exists()
    inserted, deleted = revisions(written)
    assert inserted > 0 and deleted > 0
    document = docx.Document(str(written))
    for section in document.sections:
        assert "RESTRICTED" in "\n".join(p.text for p in section.header.paragraphs)
    assert document.core_properties.author == "Desk officer, OSCE unit"
    box.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: window.findChild(ExportDialog) is None or not window.findChild(ExportDialog).isVisible())


def test_amendments_for_belgium(make_window, full_demo_store, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(full_demo_store)
    dialog = open_dialog(window, qtbot)
    dialog.modes.setCurrentIndex(AMENDMENTS_PAGE)
    select(dialog.amend_draft, "Rev.1")
    # Our delegation is offered first.
    assert dialog.amend_actor.currentText() == "Belgium"
    assert dialog.output.text().endswith("Amendments-Belgium-Rev.1.docx")
    out = tmp_path / "amendments.docx"
    dialog.set_output(out)

    box = export_and_wait(dialog, window, qtbot)
    assert box.objectName() == "exportDone"
    assert out.exists()
    inserted, deleted = revisions(out)
    assert inserted + deleted > 0
    body = docx.Document(str(out)).element.body
    authors = {e.get(qn("w:author")) for e in body.iter(qn("w:ins"), qn("w:del"))}
    assert authors == {"Belgium"}
    box.button(QMessageBox.StandardButton.Close).click()


def test_an_unwritable_folder_is_an_error_dialog(make_window, full_demo_store, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(full_demo_store)
    dialog = open_dialog(window, qtbot)
    out = tmp_path / "no-such-folder" / "brief.docx"
    dialog.set_output(out)

    box = export_and_wait(dialog, window, qtbot)
    assert box.objectName() == "errorDialog"
    assert "does not exist" in box.text()
    assert "Traceback" not in box.text()
    assert not out.parent.exists()
    assert list(tmp_path.glob("**/*.docx")) == []
    # The dialog stays open, ready for another try.
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    box.close()


def test_same_draft_twice_is_refused_before_writing(make_window, full_demo_store, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(full_demo_store)
    dialog = open_dialog(window, qtbot)
    select(dialog.from_draft, "Rev.2")
    dialog.set_output(tmp_path / "brief.docx")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.running
    assert "two different drafts" in dialog.problem.text()
    assert not (tmp_path / "brief.docx").exists()


def test_export_needs_a_negotiation(make_window, empty_store) -> None:  # type: ignore[no-untyped-def]
    window = make_window(empty_store)
    assert not window.export_action.isEnabled()
    assert window.export_action.shortcut().toString() == "Ctrl+E"


def test_amendments_sent_as_comments(make_window, full_demo_store, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(full_demo_store)
    dialog = open_dialog(window, qtbot)
    dialog.modes.setCurrentIndex(AMENDMENTS_PAGE)
    select(dialog.amend_draft, "Rev.1")
    dialog.amend_as_comment.setChecked(True)
    out = tmp_path / "amendments-as-comments.docx"
    dialog.set_output(out)

    box = export_and_wait(dialog, window, qtbot)
    assert box.objectName() == "exportDone"
    assert revisions(out) == (0, 0)
    assert len(docx.Document(str(out)).comments) > 0
    box.button(QMessageBox.StandardButton.Close).click()
