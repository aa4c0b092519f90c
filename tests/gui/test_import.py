"""Importing drafts: the preview dialog, drag and drop, the clipboard, and errors as dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from negotiator.drafts import negotiations
from ui.import_dialog import NEW_NEGOTIATION, ImportPreviewDialog

pytestmark = pytest.mark.gui

DATA = Path(__file__).with_name("data")


def wait_dialog(qtbot, window) -> ImportPreviewDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.findChild(ImportPreviewDialog) is not None, timeout=10000)
    return window.findChild(ImportPreviewDialog)


def wait_error(qtbot, window) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorDialog") is not None, timeout=10000)
    return window.findChild(QMessageBox, "errorDialog")


def drafts_in_store(store) -> list[str]:  # type: ignore[no-untyped-def]
    with store.transaction() as s:
        return [d.label for n in negotiations.list_negotiations(s)
                for d in negotiations.list_drafts(s, negotiations.find_negotiation(s, n.id))]


def test_import_by_dialog_into_a_new_negotiation(make_window, empty_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(empty_store)
    window.import_file(DATA / "rev0.txt")
    dialog = wait_dialog(qtbot, window)
    # The preview shows what was detected before anything is stored.
    assert dialog.preview_model.rowCount() == 8
    numbers = [dialog.preview_model.index(r, 0).data() for r in range(dialog.preview_model.rowCount())]
    assert numbers[-4:] == ["OP 1", "OP 2", "OP 3", "OP 4"]  # as the table will name them
    kinds = [dialog.preview_model.index(r, 1).data() for r in range(dialog.preview_model.rowCount())]
    assert "Preambular" in kinds and "Operative" in kinds
    assert "2 bracket(s)" in dialog.findChild(type(dialog.problem), "previewSummary").text()
    assert drafts_in_store(empty_store) == []

    assert dialog.negotiation.currentData() == NEW_NEGOTIATION
    assert dialog.label.text() == "Zero draft"
    dialog.new_title.setText("OSCE ICT CBMs")
    dialog.new_forum.setText("OSCE Permanent Council")
    dialog.symbol.setText("PC.DEL/9/26")
    with qtbot.waitSignal(window.draft_imported, timeout=10000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert drafts_in_store(empty_store) == ["Zero draft"]
    assert window.negotiations[0].title == "OSCE ICT CBMs"
    assert window.paragraph_model.rowCount() == 8
    # The table names each paragraph as its preview did.
    assert [window.paragraph_model.row_at(r).reference for r in range(8)] == numbers


def test_second_draft_imported_shows_its_alignment(make_window, empty_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(empty_store)
    with empty_store.transaction() as s:
        neg = negotiations.create_negotiation(s, "OSCE ICT CBMs", "OSCE PC")
        from negotiator.text import importer

        negotiations.import_draft(s, neg, importer.read_file(DATA / "rev0.txt"), "Zero draft")
    window.refresh_tree()
    window.import_file(DATA / "rev1.txt")
    dialog = wait_dialog(qtbot, window)
    assert dialog.label.text() == "Rev.1"
    with qtbot.waitSignal(window.diff_loaded, timeout=20000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.tabs.currentIndex() == window.compare_tab
    statuses = {s for r in range(window.diff_view.model.rowCount())
                for s in window.diff_view.model.entry_at(r).status}
    assert "moved" in statuses and "added" in statuses


def test_a_label_is_required(make_window, empty_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(empty_store)
    window.import_file(DATA / "rev0.txt")
    dialog = wait_dialog(qtbot, window)
    dialog.new_title.setText("Some negotiation")
    dialog.label.clear()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "label" in dialog.problem.text()
    dialog.reject()
    assert drafts_in_store(empty_store) == []


def drag_and_drop(window, mime: QMimeData) -> tuple[bool, bool]:  # type: ignore[no-untyped-def]
    """A real drag-enter then drop on the window; returns whether each was accepted.

    QApplication only routes a Drop to a widget during a drag the platform
    started, so the drop is handed to the window's handler directly."""
    enter = QDragEnterEvent(QPoint(50, 50).toPointF(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(QPoint(50, 50).toPointF(), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    drop.setAccepted(False)
    window.dropEvent(drop)
    return enter.isAccepted(), drop.isAccepted()


def test_drop_of_a_file_opens_the_preview(make_window, empty_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(empty_store)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(DATA / "rev1.txt"))])
    assert drag_and_drop(window, mime) == (True, True)
    dialog = wait_dialog(qtbot, window)
    assert dialog.parsed.source_name == "rev1.txt"
    assert dialog.preview_model.rowCount() == 9


def test_drop_of_other_files_is_refused(make_window, empty_store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(empty_store)
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(picture))])
    assert drag_and_drop(window, mime) == (False, False)
    assert window.tasks.running == []


def test_paste_from_the_clipboard(make_window, empty_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(empty_store)
    QGuiApplication.clipboard().setText((DATA / "rev0.txt").read_text(encoding="utf-8"))
    window.paste_action.trigger()
    dialog = wait_dialog(qtbot, window)
    assert dialog.preview_model.rowCount() == 8


def test_a_bad_file_is_shown_as_a_clear_dialog_and_stores_nothing(make_window, empty_store, qtbot,
                                                                   tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(empty_store)
    bad = tmp_path / "draft.docx"
    bad.write_text("this is not a Word file", encoding="utf-8")
    window.import_file(bad)
    box = wait_error(qtbot, window)
    assert "draft.docx" in box.text() and "not a Word .docx file" in box.text()
    assert "Traceback" not in box.text()
    assert window.findChild(ImportPreviewDialog) is None
    box.accept()
    assert drafts_in_store(empty_store) == []


def test_a_duplicate_label_is_refused_with_a_dialog(make_window, demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_store)
    window.import_file(DATA / "rev0.txt")
    dialog = wait_dialog(qtbot, window)
    assert dialog.negotiation.currentData() == window.negotiations[0].id
    dialog.label.setText("Rev.1")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    box = wait_error(qtbot, window)
    assert "already has a draft labelled 'Rev.1'" in box.text()
    assert drafts_in_store(demo_store) == ["Zero draft", "Rev.1", "Rev.2"]


def test_drop_of_a_word_file_with_automatic_numbering(make_window, empty_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.conftest import DEMO

    window = make_window(empty_store)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(DEMO / "rev1.docx"))])
    assert drag_and_drop(window, mime) == (True, True)
    dialog = wait_dialog(qtbot, window)
    numbers = [dialog.preview_model.index(r, 0).data() for r in range(dialog.preview_model.rowCount())]
    # Word's automatic numbers are read, as Word shows them, and named as the table will.
    assert {"OP 1", "OP 2", "OP 6 (a)", "OP 8 bis", "OP 14 (b) (ii)"} <= set(numbers)


def tracked_word_file(tmp_path: Path) -> Path:
    """Rev.1 as the chair circulated it, with open revisions (python-docx + lxml)."""
    from tests.text.test_docx_tracked_changes import chair_revision

    path = tmp_path / "rev1-tracked.docx"
    path.write_bytes(chair_revision())
    return path


def wait_question(qtbot, window):  # type: ignore[no-untyped-def]
    from ui.import_dialog import TrackedChangesQuestion

    qtbot.waitUntil(lambda: window.findChild(TrackedChangesQuestion) is not None, timeout=10000)
    return window.findChild(TrackedChangesQuestion)


@pytest.mark.parametrize(("answer", "first_text"), [
    ("accept", "Decides to establish a working group;"),
    ("reject", "Decides to consider a working group;"),
])
def test_tracked_changes_are_a_choice_before_the_preview(make_window, empty_store, qtbot, tmp_path: Path,
                                                         answer: str, first_text: str) -> None:  # type: ignore[no-untyped-def]
    window = make_window(empty_store)
    window.import_file(tracked_word_file(tmp_path))
    question = wait_question(qtbot, window)
    # A warning, the three choices, and no preview until the user has chosen.
    assert question.iconPixmap().isNull() is False
    assert {b.text().replace("&", "") for b in question.buttons()} == {
        "Accept All Changes", "Reject All Changes", "Cancel"}
    assert window.findChild(ImportPreviewDialog) is None
    (question.accept_button if answer == "accept" else question.reject_button).click()
    dialog = wait_dialog(qtbot, window)
    assert dialog.preview_model.index(0, 3).data() == first_text
    reading = "accepted" if answer == "accept" else "rejected"
    warnings = [dialog.warnings.item(r).text() for r in range(dialog.warnings.count())]
    assert f"the document contains tracked changes; imported as if all were {reading}" in warnings


def test_cancel_at_the_tracked_changes_question_imports_nothing(make_window, empty_store, qtbot,
                                                                tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(empty_store)
    window.import_file(tracked_word_file(tmp_path))
    question = wait_question(qtbot, window)
    question.cancel_button.click()
    qtbot.wait(200)
    assert window.findChild(ImportPreviewDialog) is None
    assert not window.tasks.running
    assert drafts_in_store(empty_store) == []


def test_a_word_file_without_tracked_changes_goes_straight_to_the_preview(make_window, empty_store, qtbot,
                                                                         tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.import_dialog import TrackedChangesQuestion

    window = make_window(empty_store)
    window.import_file(Path(__file__).resolve().parents[2] / "resources" / "demo" / "rev1.docx")
    wait_dialog(qtbot, window)
    assert window.findChild(TrackedChangesQuestion) is None
