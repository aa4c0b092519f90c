"""A PDF dropped on the window: the preview shows the page of the selected
paragraph beside the table, rendered in the background."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.gui.test_import import drafts_in_store, wait_dialog
from tests.text import pdf_bytes

pytestmark = pytest.mark.gui

DECIDES = "Decides to remain seized of the matter."


def test_dropped_pdf_previews_paragraphs_beside_their_page(make_window, empty_store, qtbot,
                                                           tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "rev1.pdf"
    path.write_bytes(pdf_bytes.text_and_scan_pdf(["PC.DEL/101/26", "", f"1. {DECIDES}"]))
    window = make_window(empty_store)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    dialog = wait_dialog(qtbot, window)
    assert dialog.preview_model.rowCount() == 2
    assert "page 2 is an image with no text: OCR it first" in dialog.warnings.item(0).text()
    view = dialog.page_view
    assert view is not None and view.caption.text() == "Page 1 of 1"
    qtbot.waitUntil(lambda: view.image.pixmap() is not None and not view.image.pixmap().isNull(),
                    timeout=10000)
    assert view._full is not None and view._full.width() == view.RENDER_WIDTH_PX
    assert 0 < view.image.pixmap().width() <= view.scroll_area.width()  # fitted to the pane
    dialog.grab().save(str(tmp_path / "preview.png"))
    dialog.reject()
    assert drafts_in_store(empty_store) == []


def test_text_import_has_no_page_view(make_window, empty_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(empty_store)
    window.import_file(Path(__file__).with_name("data") / "rev0.txt")
    assert wait_dialog(qtbot, window).page_view is None
