"""The export dialog's two brief fields, the meeting or file and the language,
reach the written brief: a real dialog on a real demo store, the file read back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from negotiator import demo
from negotiator.storage.store import Store
from tests.export.brief_helpers import table_after, text_of

pytestmark = pytest.mark.gui
REFERENCE = "Groupe de travail informel, 24 mars 2026"
TIMEOUT_MS = 30_000


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    st = Store.open(tmp_path / "demo.sqlite")
    demo.load_demo(st)
    try:
        yield st
    finally:
        st.close()


def test_the_dialog_writes_a_french_brief_for_a_meeting(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.export_dialog import BriefRequest, ExportDialog
    from ui.tasks import TaskManager

    dialog = ExportDialog(store, TaskManager(), negotiation_id=1, folder=str(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "en"  # the window speaks English here
    dialog.reference.setText(REFERENCE)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.set_output(tmp_path / "note.docx")
    request = dialog.request()
    assert isinstance(request, BriefRequest)
    assert (request.reference, request.language) == (REFERENCE, "fr")
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT_MS):
        dialog.start()
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.objectName() == "exportDone":
            box.close()
    written = tmp_path / "note.docx"
    assert table_after(written, "OSCE Permanent Council")[0] == ["Réunion / dossier", REFERENCE]
    assert "Synthèse" in text_of(written)
