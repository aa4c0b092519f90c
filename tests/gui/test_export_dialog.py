"""The Export dialog: a brief and an amendments file written in the background
from the demo negotiation, read back with python-docx; errors as dialogs."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tests.conftest import ok_in_process
from ui.export_dialog import AMENDMENTS_PAGE, BRIEF_PAGE, ExportDialog

pytestmark = pytest.mark.gui

# Writing the demo brief takes well under a second; the margin is for a busy CI.
TASK_TIMEOUT_MS = 30000


def open_dialog(window, qtbot) -> ExportDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.current_negotiation_id is not None and window.export_action.isEnabled(),
                    timeout=10000)
    window.export_action.trigger()
    # A dialog closed earlier may still be a child until Qt deletes it: take the shown one.
    shown = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


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
    assert Path(dialog.output.text()).name.startswith("Amendments - Draft decision on enhancing ICT-related - "
                                                      "Belgium - Rev.1 - ")
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


def test_amendments_in_french_as_the_command_line_writes_them(  # type: ignore[no-untyped-def]
        make_window, full_demo_store, qtbot, tmp_path: Path) -> None:
    """The language chosen in the dialog is the amendments file's too, and the
    file says what `negotiator amendments --language fr` says of the same store."""
    window = make_window(full_demo_store)
    dialog = open_dialog(window, qtbot)
    dialog.modes.setCurrentIndex(AMENDMENTS_PAGE)
    select(dialog.amend_draft, "Rev.1")
    select(dialog.language, "Français")
    out = tmp_path / "amendements.docx"
    dialog.set_output(out)
    box = export_and_wait(dialog, window, qtbot)
    assert box.objectName() == "exportDone"
    box.button(QMessageBox.StandardButton.Close).click()

    cli_out = tmp_path / "cli.docx"
    ok_in_process(tmp_path / "full-demo.sqlite", "amendments", "1", "Rev.1", "--actor", "Belgium", "-o", str(cli_out),
                  "--language", "fr")
    texts = [[p.text for p in docx.Document(str(path)).paragraphs] for path in (out, cli_out)]
    comments = [[c.text for c in docx.Document(str(path)).comments] for path in (out, cli_out)]
    assert texts[0] == texts[1] and comments[0] == comments[1]
    assert any(t.startswith("Amendements proposés par Belgium au projet Rev.1 (") for t in texts[0]), texts[0]
    assert comments[0] and all(c.startswith("Amendement proposé par Belgium\u00a0: ") for c in comments[0])


def test_classification_defaults_to_restricted_and_follows_the_delegation_setting(
        make_window, full_demo_store, qtbot, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui import settings as cfg
    from ui.export_dialog import default_classification

    window = make_window(full_demo_store)
    dialog = open_dialog(window, qtbot)
    # A brief full of red lines and fallbacks is never unmarked by default.
    assert default_classification(settings) == "RESTRICTED"
    assert dialog.classification.currentText() == "RESTRICTED"
    # The marking chosen for a brief becomes the delegation's default.
    dialog.classification.setCurrentText("EU RESTRICTED")
    dialog.set_output(tmp_path / "brief.docx")
    export_and_wait(dialog, window, qtbot).close()
    assert settings.get(cfg.CLASSIFICATION) == "EU RESTRICTED"
    qtbot.waitUntil(lambda: window.findChild(ExportDialog) is None or not window.findChild(ExportDialog).isVisible())
    assert open_dialog(window, qtbot).classification.currentText() == "EU RESTRICTED"


def test_suggested_file_names_name_the_negotiation_and_drafts(
        make_window, full_demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    window = make_window(full_demo_store)
    dialog = open_dialog(window, qtbot)
    day = dt.date(2026, 3, 4)
    select(dialog.from_draft, "Rev.1")
    select(dialog.to_draft, "Rev.2")
    assert dialog.suggested_name(day) == \
        "Brief - Draft decision on enhancing ICT-related - Rev.1 to Rev.2 - 2026-03-04.docx"
    assert Path(dialog.output.text()).name == dialog.suggested_name()
    dialog.modes.setCurrentIndex(AMENDMENTS_PAGE)
    select(dialog.amend_draft, "Rev.2")
    assert dialog.suggested_name(day) == \
        "Amendments - Draft decision on enhancing ICT-related - Belgium - Rev.2 - 2026-03-04.docx"


def test_file_names_are_safe_on_every_file_system() -> None:
    import datetime as dt

    from ui.export_dialog import suggested_file_name

    day = dt.date(2026, 3, 4)
    assert suggested_file_name(["Brief", "ICT CBMs", "Rev.1 to Rev.2"], day) == \
        "Brief - ICT CBMs - Rev.1 to Rev.2 - 2026-03-04.docx"
    name = suggested_file_name(["Brief", 'A/C.1: "cyber"? <draft> | *x*\t\n', "PC.DEL/112/26 to ..Rev.2."], day)
    assert not set('/\\:*?"<>|\t\n') & set(name)
    assert name == "Brief - A-C.1 cyber draft x - PC.DEL-112-26 to ..Rev.2 - 2026-03-04.docx"
    assert suggested_file_name(["Brief", "x" * 500], day).endswith(" - 2026-03-04.docx")
    assert len(suggested_file_name(["Brief", "word " * 200, "Rev.1"], day)) < 160
