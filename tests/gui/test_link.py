"""Correcting a paragraph's link to the previous draft from the window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from ui.link_dialog import LinkDialog
from ui.models.paragraphs import Column

pytestmark = pytest.mark.gui


def show_paragraph(window, qtbot, number: str) -> int:  # type: ignore[no-untyped-def]
    proxy = window.paragraph_proxy
    model = window.paragraph_model
    row = next(r for r in range(proxy.rowCount())
               if model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).number == number)
    with qtbot.waitSignal(window.positions_loaded, timeout=10000):
        window.table.setCurrentIndex(proxy.index(row, Column.TEXT))
    return proxy.mapToSource(proxy.index(row, 0)).row()


def change_of(window, number: str) -> str:  # type: ignore[no-untyped-def]
    model = window.paragraph_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).number == number)
    return model.index(row, Column.CHANGE).data()


def choose_in_dialog(window, qtbot, choose) -> None:  # type: ignore[no-untyped-def]
    window.link_action.trigger()
    dialogs = [d for d in window.findChildren(LinkDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    choose(dialog)
    with qtbot.waitSignal(window.link_corrected, timeout=10000):
        dialog.accept()
    qtbot.waitUntil(lambda: window.paragraph_model.changes_known, timeout=10000)


def test_link_a_new_paragraph_to_its_predecessor_then_back_to_automatic(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = demo_window
    qtbot.waitUntil(lambda: w.paragraph_model.changes_known, timeout=10000)
    assert change_of(w, "(iii)") == "New"
    show_paragraph(w, qtbot, "(iii)")
    assert w.link_action.isEnabled()

    def link_to_b(dialog: LinkDialog) -> None:
        assert dialog.new.isChecked()  # the comparison found nothing it continues
        assert not dialog.automatic.isEnabled()  # nobody corrected it yet
        dialog.search.setText("Develop, by the end")
        assert dialog.proxy.rowCount() == 1
        dialog.list.setCurrentIndex(dialog.proxy.index(0, 0))
        assert dialog.continues.isChecked()

    choose_in_dialog(w, qtbot, link_to_b)
    assert change_of(w, "(iii)") != "New"
    assert w.detail.row is not None and w.detail.row.number == "(iii)"

    # The correction is remembered: the dialog offers "automatic" and shows the link.
    w.link_action.trigger()
    dialog = next(d for d in w.findChildren(LinkDialog) if d.isVisible())
    assert dialog.automatic.isEnabled() and dialog.continues.isChecked()
    assert "Develop, by the end" in dialog.list.currentIndex().data()
    dialog.reject()
    qtbot.waitUntil(lambda: not any(d.isVisible() for d in w.findChildren(LinkDialog)))

    choose_in_dialog(w, qtbot, lambda d: d.automatic.setChecked(True))
    assert change_of(w, "(iii)") == "New"


def test_a_paragraph_of_the_first_draft_has_no_link_to_correct(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = demo_window
    first = w.negotiations[0].drafts[0].id
    w.tree.setCurrentIndex(w.tree_model.find_draft(first))
    w.table.setCurrentIndex(w.paragraph_proxy.index(3, Column.TEXT))
    assert not w.link_action.isEnabled()
    w.edits.correct_link()  # even when called directly: a clear message, no dialog
    box = next(b for b in w.findChildren(QMessageBox) if b.isVisible())
    assert "first draft" in box.text()
    box.close()
