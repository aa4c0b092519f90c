"""Editing positions and notes in the detail pane: saved at once, undoable,
and a stale edit asks instead of overwriting."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from negotiator.drafts import negotiations
from ui import operations as op
from ui.models.paragraphs import FLAGS_ROLE, Column

pytestmark = pytest.mark.gui


def open_paragraph(window, qtbot, number: str):  # type: ignore[no-untyped-def]
    """Select a paragraph of the shown draft by its number and wait for its positions."""
    proxy = window.paragraph_proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, Column.NUMBER).data() == number)
    with qtbot.waitSignal(window.positions_loaded, timeout=10000):
        window.table.setCurrentIndex(proxy.index(row, Column.TEXT))
    return window.detail.row


def choose(combo, value) -> None:  # type: ignore[no-untyped-def]
    """What a user does with the mouse or keyboard: pick an entry (emits activated)."""
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def stored_stance(store, paragraph_id: int, actor: str) -> str | None:  # type: ignore[no-untyped-def]
    current = op.current_position(store, paragraph_id, actor)
    return current.stance if current else None


def test_edit_a_position_then_undo_and_redo(make_window, full_demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window(full_demo_store)
    qtbot.waitUntil(lambda: w.paragraph_model.rowCount() > 0)
    row = open_paragraph(w, qtbot, "OP 1")
    form = w.detail.positions.ours
    assert form.actor == "Belgium"
    assert stored_stance(full_demo_store, row.id, "Belgium") is None

    def national_column() -> str:
        return w.paragraph_model.index(w.paragraph_model.row_of_paragraph(row.id), Column.NATIONAL).data()

    # Each step waits for what the user sees, not for a signal: a reload started
    # by the step before may still be on its way.
    choose(form.stance, "oppose")
    qtbot.waitUntil(lambda: stored_stance(full_demo_store, row.id, "Belgium") == "oppose", timeout=10000)
    qtbot.waitUntil(lambda: national_column() == "Oppose", timeout=10000)
    assert w.undo_action.isEnabled()
    assert "Belgium" in w.undo_action.text()

    # A text field is saved when the user leaves it.
    qtbot.waitUntil(lambda: form.values is not None, timeout=10000)
    form.red_line.setFocus()
    form.red_line.setPlainText("No obligation to notify within 24 hours.")
    form.red_line.committed.emit()
    qtbot.waitUntil(lambda: (op.current_position(full_demo_store, row.id, "Belgium").red_line or "")
                    .startswith("No obligation"), timeout=10000)
    assert w.undo_stack.count() == 2

    w.undo_action.trigger()
    qtbot.waitUntil(lambda: op.current_position(full_demo_store, row.id, "Belgium").red_line is None,
                    timeout=10000)
    w.undo_action.trigger()
    qtbot.waitUntil(lambda: stored_stance(full_demo_store, row.id, "Belgium") is None, timeout=10000)
    qtbot.waitUntil(lambda: national_column() == "", timeout=10000)
    w.redo_action.trigger()
    qtbot.waitUntil(lambda: stored_stance(full_demo_store, row.id, "Belgium") == "oppose", timeout=10000)
    qtbot.waitUntil(lambda: national_column() == "Oppose", timeout=10000)


def test_history_lists_the_changes(make_window, full_demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window(full_demo_store)
    qtbot.waitUntil(lambda: w.paragraph_model.rowCount() > 0)
    open_paragraph(w, qtbot, "OP 1")
    with qtbot.waitSignal(w.positions_loaded, timeout=10000):
        choose(w.detail.positions.ours.stance, "reserve")
    text = w.detail.history.toPlainText()
    assert "Belgium" in text and "Position taken: Reserve" in text


def test_a_stale_edit_asks_and_keeps_their_version(make_window, full_demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window(full_demo_store)
    qtbot.waitUntil(lambda: w.paragraph_model.rowCount() > 0)
    row = open_paragraph(w, qtbot, "OP 1")
    with qtbot.waitSignal(w.positions_loaded, timeout=10000):
        choose(w.detail.positions.ours.stance, "support")
    # A colleague changes the same position (another program, same store) meanwhile.
    from negotiator import positions

    with full_demo_store.transaction() as s:
        positions.set_position(s, row.id, "Belgium", {"stance": "reserve"}, author="colleague")
    choose(w.detail.positions.ours.stance, "oppose")
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "staleEditDialog") is not None, timeout=5000)
    box = w.findChild(QMessageBox, "staleEditDialog")
    assert "changed by colleague" in box.text()
    keep = next(b for b in box.buttons() if b.text() == "Keep Theirs")
    with qtbot.waitSignal(w.positions_loaded, timeout=10000):
        keep.click()
    assert stored_stance(full_demo_store, row.id, "Belgium") == "reserve"
    assert w.detail.positions.ours.stance.currentData() == "reserve"


def test_a_stale_edit_can_replace_their_version(make_window, full_demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window(full_demo_store)
    qtbot.waitUntil(lambda: w.paragraph_model.rowCount() > 0)
    row = open_paragraph(w, qtbot, "OP 1")
    with qtbot.waitSignal(w.positions_loaded, timeout=10000):
        choose(w.detail.positions.ours.stance, "support")
    from negotiator import positions

    with full_demo_store.transaction() as s:
        positions.set_position(s, row.id, "Belgium", {"stance": "reserve"}, author="colleague")
    choose(w.detail.positions.ours.stance, "oppose")
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "staleEditDialog") is not None, timeout=5000)
    box = w.findChild(QMessageBox, "staleEditDialog")
    mine = next(b for b in box.buttons() if b.text() == "Use Mine")
    with qtbot.waitSignal(w.positions_loaded, timeout=10000):
        mine.click()
    assert stored_stance(full_demo_store, row.id, "Belgium") == "oppose"


def test_add_a_note_and_undo_it(make_window, full_demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window(full_demo_store)
    qtbot.waitUntil(lambda: w.paragraph_model.rowCount() > 0)
    row = open_paragraph(w, qtbot, "OP 1")
    notes = w.detail.notes
    qtbot.keyClicks(notes.entry, "Ask the Chair whether 'without delay' means 48 hours.")
    with qtbot.waitSignal(w.positions_loaded, timeout=10000):
        notes.add_button.click()
    assert notes.list.count() == 1 and "48 hours" in notes.list.item(0).text()
    from negotiator import positions

    with full_demo_store.transaction() as s:
        assert [n.text[:9] for n in positions.list_notes(s, row.id)] == ["Ask the C"]
    with qtbot.waitSignal(w.positions_loaded, timeout=10000):
        w.undo_action.trigger()
    assert notes.list.count() == 0
    with full_demo_store.transaction() as s:
        assert positions.list_notes(s, row.id) == []


def test_flags_and_filters_from_demo_positions(make_window, full_demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window(full_demo_store)
    qtbot.waitUntil(lambda: bool(w.paragraph_model._positions), timeout=10000)
    with full_demo_store.transaction() as s:
        neg = negotiations.find_negotiation(s, w.negotiations[0].id)
        draft = negotiations.find_draft(s, neg, "Rev.2")
        from negotiator import positions

        sig = positions.signals(s, neg, draft)
    review = [r for r in range(w.paragraph_model.rowCount())
              if (sm := w.paragraph_model.summary_at(r)) and sm.needs_review]
    assert review, "the demo's positions taken on earlier drafts need review in Rev.2"
    w.filter_bar.filter_review.setChecked(True)
    assert w.paragraph_proxy.rowCount() == len(review)
    w.filter_bar.filter_review.setChecked(False)
    w.filter_bar.filter_divergent.setChecked(True)
    assert w.paragraph_proxy.rowCount() == len(sig.divergent)


def stored_status(store, window) -> dict:  # type: ignore[no-untyped-def]
    from negotiator import positions
    from negotiator.storage.models import Draft

    with store.transaction(read_only=True) as s:
        draft = s.get(Draft, window.current_draft_id)
        return {st.number: st for st in positions.paragraph_statuses(s, draft.negotiation, draft)}


def test_mark_a_paragraph_agreed_ad_ref_then_undo(make_window, full_demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate, QTimer
    from PySide6.QtWidgets import QApplication

    w = make_window(full_demo_store)
    qtbot.waitUntil(lambda: w.paragraph_model.rowCount() > 0)
    row = open_paragraph(w, qtbot, "OP 9")
    assert w.detail.status_label.text() == "Status: Open"
    assert w.detail.agreed_ad_ref_action.isEnabled() and not w.detail.reopen_action.isEnabled()

    def fill_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "adRefDialog"
        dialog.holder.setText("Türkiye")
        dialog.has_due.setChecked(True)
        dialog.due.setDate(QDate(2026, 12, 4))
        dialog.accept()

    QTimer.singleShot(0, fill_dialog)
    with qtbot.waitSignal(w.positions_loaded, timeout=10000):
        w.detail.agreed_ad_ref_action.trigger()
    st = stored_status(full_demo_store, w)["9"]
    assert (st.status, st.holder, st.due) == ("agreed_ad_ref", "Türkiye", dt.date(2026, 12, 4))
    assert w.detail.status_label.text() == ("Status: Agreed ad ref – held by Türkiye, "
                                            "answer due 4 December 2026, since Rev.2")
    qtbot.waitUntil(lambda: "agreed_ad_ref" in w.paragraph_model.index(
        w.paragraph_model.row_of_paragraph(row.id), Column.FLAGS).data(FLAGS_ROLE), timeout=10000)
    assert w.undo_action.text().replace("&", "") == "Undo Mark OP 9 agreed ad ref"

    with qtbot.waitSignal(w.positions_loaded, timeout=10000):
        w.detail.agreed_action.trigger()
    assert stored_status(full_demo_store, w)["9"].status == "agreed"

    with qtbot.waitSignal(w.positions_loaded, timeout=10000):
        w.undo_stack.undo()
    assert stored_status(full_demo_store, w)["9"].holder == "Türkiye"
    with qtbot.waitSignal(w.positions_loaded, timeout=10000):
        w.undo_stack.undo()
    assert stored_status(full_demo_store, w)["9"].status == "open"
    assert w.detail.status_label.text() == "Status: Open"
