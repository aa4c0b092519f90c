"""The main window on the demo negotiation: tree, paragraph table, detail pane, filters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui.models.paragraphs import Column
from ui.models.tree import ID_ROLE, KIND_ROLE

pytestmark = pytest.mark.gui


def draft_id(window, label: str) -> int:  # type: ignore[no-untyped-def]
    neg = window.negotiations[0]
    return next(d.id for d in neg.drafts if d.label == label)


def row_of_number(window, number: str) -> int:  # type: ignore[no-untyped-def]
    """Row in the (filtered, sorted) table of the paragraph with that number."""
    proxy = window.paragraph_proxy
    for r in range(proxy.rowCount()):
        if proxy.index(r, Column.NUMBER).data() == number:
            return r
    raise AssertionError(f"paragraph {number} not shown")


def test_opens_the_store_with_its_negotiation_and_drafts(demo_window) -> None:  # type: ignore[no-untyped-def]
    w = demo_window
    assert w.windowTitle().startswith("Negotiator")
    top = w.tree_model.index(0, 0)
    assert top.data(KIND_ROLE) == "negotiation"
    assert "confidence-building" in top.data()
    labels = [w.tree_model.index(r, 0, top).data() for r in range(w.tree_model.rowCount(top))]
    assert [label.split("  ")[0] for label in labels] == ["Zero draft", "Rev.1", "Rev.2"]
    # The newest draft is shown at start.
    assert w.current_draft_id == draft_id(w, "Rev.2")
    assert w.paragraph_model.rowCount() > 20


def test_selecting_a_draft_and_a_paragraph_shows_its_text_and_change(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = demo_window
    rev1 = draft_id(w, "Rev.1")
    with qtbot.waitSignal(w.changes_loaded, timeout=10000):
        w.tree.setCurrentIndex(w.tree_model.find_draft(rev1))
    assert w.current_draft_id == rev1
    assert w.tree.currentIndex().data(ID_ROLE) == rev1
    # Choose paragraph 2 with the keyboard-free API a user triggers by clicking.
    row = row_of_number(w, "OP 2")
    w.table.setCurrentIndex(w.paragraph_proxy.index(row, Column.TEXT))
    shown = w.paragraph_model.row_at(w.paragraph_proxy.mapToSource(w.table.currentIndex()).row())
    assert shown.number == "2"
    assert shown.text[:40] in w.detail.text_view.toPlainText()
    assert w.detail.heading.text().startswith("<b>OP 2</b>")
    # Rev.1 against the zero draft: the change column and the detail's diff are filled.
    changes = [w.paragraph_proxy.index(r, Column.CHANGE).data() for r in range(w.paragraph_proxy.rowCount())]
    assert any(changes), "no change marked against the zero draft"
    assert w.detail.diff_view.toPlainText().strip()


def test_first_draft_has_nothing_to_compare(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = demo_window
    w.tree.setCurrentIndex(w.tree_model.find_draft(draft_id(w, "Zero draft")))
    assert w.previous_draft_id is None
    w.table.setCurrentIndex(w.paragraph_proxy.index(3, Column.TEXT))
    assert "first draft" in w.detail.diff_view.toPlainText()


def test_filters_bracketed_changed_and_search(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = demo_window
    model, proxy = w.paragraph_model, w.paragraph_proxy
    qtbot.waitUntil(lambda: model.changes_known, timeout=10000)
    total = proxy.rowCount()
    bracketed = sum(1 for r in range(model.rowCount()) if model.row_at(r).brackets)
    assert 0 < bracketed < total

    w.filter_bar.filter_bracketed.setChecked(True)
    assert proxy.rowCount() == bracketed
    assert all(proxy.index(r, Column.BRACKETS).data() for r in range(proxy.rowCount()))
    assert w.filter_bar.filter_count.text() == f"{bracketed} of {total}"
    w.filter_bar.filter_bracketed.setChecked(False)

    w.filter_bar.filter_changed.setChecked(True)
    changed = proxy.rowCount()
    assert 0 < changed < total
    for r in range(changed):
        assert proxy.index(r, Column.CHANGE).data() not in ("", "Renumbered")
    w.filter_bar.filter_changed.setChecked(False)

    qtbot.keyClicks(w.search, "Secretariat")
    qtbot.waitUntil(lambda: 0 < proxy.rowCount() < total, timeout=3000)
    for r in range(proxy.rowCount()):
        source = proxy.mapToSource(proxy.index(r, 0)).row()
        assert "secretariat" in model.row_at(source).text.lower()
    w.search.clear()
    qtbot.waitUntil(lambda: proxy.rowCount() == total, timeout=3000)


def test_a_filter_left_on_applies_to_the_next_draft_when_its_changes_arrive(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = demo_window
    model, proxy = w.paragraph_model, w.paragraph_proxy
    w.filter_bar.filter_changed.setChecked(True)
    with qtbot.waitSignal(w.changes_loaded, timeout=10000):
        w.tree.setCurrentIndex(w.tree_model.find_draft(draft_id(w, "Rev.1")))
    changed = [r for r in range(model.rowCount())
               if (c := model.change_at(r)) is not None and not c.top_matter
               and set(c.kinds) - {"unchanged", "renumbered"}]
    assert 0 < proxy.rowCount() == len(changed) < model.rowCount()
    assert w.filter_bar.filter_count.text() == f"{len(changed)} of {model.rowCount()}"


def test_rows_fit_their_text_through_searches_measuring_only_rows_brought_back(  # type: ignore[no-untyped-def]
        demo_window, qtbot) -> None:
    from ui.delegates import WrappedTextDelegate

    w = demo_window
    table, proxy = w.table, w.paragraph_proxy
    # A scroll bar that comes and goes would change the text column's width, which
    # rightly measures every row again: keep it, to see what the search alone costs.
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    qtbot.wait(50)
    measured: list[int] = []

    class MeasuringDelegate(WrappedTextDelegate):
        """The table's text delegate, noting each row it measures."""

        def sizeHint(self, option, index):  # type: ignore[no-untyped-def]  # noqa: N802 - Qt override
            measured.append(index.row())
            return super().sizeHint(option, index)

    table.setItemDelegateForColumn(Column.TEXT, MeasuringDelegate(table))
    table.resizeRowsToContents()
    measured.clear()

    def fitted() -> bool:
        heights = [table.rowHeight(r) for r in range(proxy.rowCount())]
        fits = [table.sizeHintForRow(r) for r in range(proxy.rowCount())]
        measured.clear()
        return heights == fits

    total = proxy.rowCount()
    for typed in ("the", "the s"):  # typing narrows: the rows left keep their height
        proxy.set_filters(search=typed)
        qtbot.wait(20)
        assert measured == [], typed
        assert 0 < proxy.rowCount() < total and fitted()
    narrowed = proxy.rowCount()
    proxy.set_filters(search="")  # cleared: only the rows brought back are measured
    qtbot.wait(20)
    assert len(measured) == total - narrowed
    assert proxy.rowCount() == total and fitted()


def test_table_sorts_by_brackets_and_back_to_document_order(demo_window) -> None:  # type: ignore[no-untyped-def]
    w = demo_window
    w.table.sortByColumn(Column.BRACKETS, Qt.SortOrder.DescendingOrder)
    counts = [w.paragraph_model.row_at(w.paragraph_proxy.mapToSource(w.paragraph_proxy.index(r, 0)).row()).brackets
              for r in range(w.paragraph_proxy.rowCount())]
    assert counts == sorted(counts, reverse=True)
    w.table.sortByColumn(Column.NUMBER, Qt.SortOrder.AscendingOrder)
    indexes = [w.paragraph_model.row_at(w.paragraph_proxy.mapToSource(w.paragraph_proxy.index(r, 0)).row()).index
               for r in range(w.paragraph_proxy.rowCount())]
    assert indexes == sorted(indexes)


def test_table_sorts_by_flags_in_words_then_document_order(make_window, full_demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window(full_demo_store)
    qtbot.waitUntil(lambda: any(w.paragraph_proxy.index(r, Column.FLAGS).data(Qt.ItemDataRole.ToolTipRole)
                                for r in range(w.paragraph_proxy.rowCount())), timeout=10000)
    w.table.sortByColumn(Column.FLAGS, Qt.SortOrder.AscendingOrder)
    proxy = w.paragraph_proxy
    shown = [(proxy.index(r, Column.FLAGS).data(Qt.ItemDataRole.AccessibleTextRole).casefold(),
              w.paragraph_model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).index)
             for r in range(proxy.rowCount())]
    assert shown == sorted(shown)
    assert len({words for words, _ in shown}) > 3  # several flag sets, not one block
    assert shown[0][0] == ""  # rows without a flag first


def test_window_state_is_saved_in_settings(demo_window, settings) -> None:  # type: ignore[no-untyped-def]
    from ui import settings as cfg

    demo_window.diff_view.set_side_by_side(True)
    demo_window.close()
    assert not settings.get(cfg.GEOMETRY).isEmpty()
    assert settings.get(cfg.DIFF_SIDE_BY_SIDE) is True


def test_menus_and_standard_shortcuts(demo_window) -> None:  # type: ignore[no-untyped-def]
    w = demo_window
    titles = [a.text().replace("&", "") for a in w.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Negotiation", "Help"]
    assert w.import_action.shortcut().toString() == "Ctrl+I"
    assert w.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [k.toString() for k in w.redo_action.shortcuts()]
    assert "F8" in [k.toString() for k in w.next_change_action.shortcuts()]


def test_open_another_store_and_remember_it(demo_window, tmp_path, settings, demo_template) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from ui import settings as cfg

    other = tmp_path / "other.sqlite"
    shutil.copy(demo_template, other)
    demo_window.open_store(str(other))
    assert demo_window.store.path == other.resolve()
    assert str(other.resolve()) in demo_window.windowTitle()
    assert settings.get(cfg.RECENT_STORES)[0] == str(other.resolve())
    assert demo_window.paragraph_model.rowCount() > 0


def test_a_file_that_is_not_a_store_is_refused_with_a_dialog(demo_window, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("minutes of the informal consultations", encoding="utf-8")
    before = demo_window.store
    demo_window.open_store(str(bogus))
    box = demo_window.findChild(QMessageBox, "errorDialog")
    assert box is not None and "notes.sqlite" in box.text()
    assert demo_window.store is before


def test_a_paragraph_shows_its_footnotes_under_its_text(make_window, empty_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    from negotiator.drafts import negotiations
    from negotiator.text.importer import read_bytes
    from tests.drafts.test_footnotes import OTHER, docx

    with empty_store.transaction() as s:
        neg = negotiations.create_negotiation(s, "CBMs", "OSCE PC")
        blob = docx((OTHER[0], ["[One delegation reserves its position.]"]), (OTHER[1], []))
        negotiations.import_draft(s, neg, read_bytes(blob, "Rev.1.docx"), "Rev.1")
    w = make_window(empty_store)
    qtbot.waitUntil(lambda: w.paragraph_model.rowCount() == 2, timeout=10000)
    w.table.setCurrentIndex(w.paragraph_proxy.index(row_of_number(w, "OP 1"), Column.TEXT))
    shown = w.detail.text_view.toPlainText()
    assert OTHER[0] in shown and "¹ [One delegation reserves its position.]" in shown
    # Its bracket is the paragraph's: the table counts it.
    assert w.paragraph_proxy.index(row_of_number(w, "OP 1"), Column.BRACKETS).data() == "1"
