"""The comparison tab: marks, redline painting, keyboard navigation, filters,
and a window that keeps responding while a large comparison runs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor

from negotiator.drafts import negotiations
from negotiator.text import importer
from ui.delegates import DELETE_LIGHT, INSERT_LIGHT, ops_to_html
from ui.models.diff import DiffColumn

pytestmark = pytest.mark.gui


def ids(window) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {d.label: d.id for d in window.negotiations[0].drafts}


def compare(window, qtbot, old: str, new: str):  # type: ignore[no-untyped-def]
    d = ids(window)
    with qtbot.waitSignal(window.diff_loaded, timeout=20000):
        window.show_compare(d[old], d[new])
    return window.diff_view


def row_by_to(view, numbers: tuple[str, ...]) -> int:  # type: ignore[no-untyped-def]
    for r in range(view.model.rowCount()):
        if view.model.entry_at(r).to_numbers == numbers:
            return r
    raise AssertionError(f"no row for {numbers}")


def test_marks_split_moved_added_deleted_and_renumbered(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = compare(demo_window, qtbot, "Zero draft", "Rev.1")
    model = view.model
    status = lambda r: model.index(r, DiffColumn.STATUS).data()  # noqa: E731

    split = row_by_to(view, ("OP 4", "OP 5"))
    assert status(split).startswith("Split")
    assert model.index(split, DiffColumn.FROM).data() == "OP 5"
    assert model.index(split, DiffColumn.TO).data() == "OP 4, OP 5"

    moved = row_by_to(view, ("OP 7",))
    assert "Moved" in status(moved)
    assert model.index(moved, DiffColumn.FROM).data() == "OP 4"

    assert status(row_by_to(view, ("OP 14",))).startswith("Renumbered")
    added = row_by_to(view, ("PP 5",))
    assert status(added).startswith("New")
    # Every row's mark says what the comparison found.
    names = {"added": "New"}
    for r in range(model.rowCount()):
        if model.entry_at(r).top_matter:
            continue
        for s in model.entry_at(r).status:
            if s != "unchanged":
                assert names.get(s, s.capitalize()) in status(r)

    # The symbol and date above the title change with each revision: said so, not
    # counted as a change, skipped by "changed only" and next/previous change.
    top = next(r for r in range(model.rowCount()) if model.entry_at(r).top_matter)
    assert status(top) == "Symbol and date"
    assert "PC.DEL/112/26" in model.index(top, DiffColumn.INLINE).data()
    assert not model.entry_at(top).changed and not model.entry_at(top).salient

    summary = view.summary.text()
    assert "Zero draft → Rev.1" in summary
    assert "Split: <b>1</b>" in summary and "Brackets:" in summary


def test_marks_merged_and_deleted(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = compare(demo_window, qtbot, "Rev.1", "Rev.2")
    model = view.model
    merged = row_by_to(view, ("OP 11",))
    assert model.index(merged, DiffColumn.STATUS).data().startswith("Merged")
    assert model.index(merged, DiffColumn.FROM).data() == "OP 11, OP 12"
    deleted = next(r for r in range(model.rowCount()) if model.entry_at(r).from_numbers == ("OP 8 bis",))
    assert model.index(deleted, DiffColumn.STATUS).data().startswith("Deleted")
    assert model.index(deleted, DiffColumn.TO).data() == ""


def test_redline_strikes_deletions_red_and_underlines_insertions_blue(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = compare(demo_window, qtbot, "Rev.1", "Rev.2")
    entry = next(view.model.entry_at(r) for r in range(view.model.rowCount())
                 if {"-", "+"} <= {op for op, _ in view.model.entry_at(r).ops})
    html = ops_to_html(entry.ops, "=-+", view.palette())
    assert f'<s style="color:{DELETE_LIGHT}">' in html and f'<u style="color:{INSERT_LIGHT}">' in html
    # Side by side: the old column shows no insertions, the new one no deletions.
    assert "<u " not in ops_to_html(entry.ops, "=-", view.palette())
    assert "<s " not in ops_to_html(entry.ops, "=+", view.palette())

    # The painted table really carries both colours.
    view.changed_only.setChecked(True)
    image = view.table.viewport().grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 1)
               for y in range(0, min(image.height(), 400), 2)}

    def near(target: str) -> bool:
        t = QColor(target)
        return any(abs(QColor(c).red() - t.red()) < 40 and abs(QColor(c).green() - t.green()) < 40
                   and abs(QColor(c).blue() - t.blue()) < 40 for c in colours)

    assert near(DELETE_LIGHT) and near(INSERT_LIGHT)


def test_side_by_side_shows_old_and_new_columns(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = compare(demo_window, qtbot, "Rev.1", "Rev.2")
    view.side_button.click()
    assert not view.table.isColumnHidden(DiffColumn.OLD)
    assert not view.table.isColumnHidden(DiffColumn.NEW)
    assert view.table.isColumnHidden(DiffColumn.INLINE)
    view.inline_button.click()
    assert view.table.isColumnHidden(DiffColumn.OLD)
    assert not view.table.isColumnHidden(DiffColumn.INLINE)


def test_next_and_previous_change_by_keyboard(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = compare(demo_window, qtbot, "Zero draft", "Rev.1")
    changed_rows = [r for r in range(view.model.rowCount()) if view.model.entry_at(r).changed]
    assert view.table.currentIndex().row() == changed_rows[0]
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F8)
    assert view.table.currentIndex().row() == changed_rows[1]
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.table.currentIndex().row() == changed_rows[2]
    qtbot.keyClick(view.table, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.table.currentIndex().row() == changed_rows[1]


def test_changed_only_filter(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = compare(demo_window, qtbot, "Zero draft", "Rev.1")
    total = view.proxy.rowCount()
    view.changed_only.setChecked(True)
    shown = view.proxy.rowCount()
    assert 0 < shown < total
    assert all(view.model.entry_at(view.proxy.mapToSource(view.proxy.index(r, 0)).row()).changed
               for r in range(shown))


def big_draft(n: int, variant: int) -> str:
    paras = []
    for i in range(1, n + 1):
        word = "should" if variant and i % 10 == 0 else "shall"
        paras.append(f"{i}. Participating States {word} exchange, on a voluntary basis, information on "
                     f"measure {i} concerning the security of and in the use of ICTs, including "
                     f"national contact points, doctrines and lessons learned from incident {i * 7}.")
    if variant:
        paras.insert(n // 2, f"{n // 2} bis. Invites the Chairmanship to report on the measures adopted.")
    return "\n\n".join(paras)


def test_window_keeps_responding_while_a_large_diff_runs(make_window, empty_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    from negotiator.drafts.comparison_cache import forget

    with empty_store.transaction() as s:
        neg = negotiations.create_negotiation(s, "Large treaty text", "Ad hoc committee")
        ids = [negotiations.import_draft(s, neg, importer.read_bytes(
            big_draft(3000, variant).encode(), f"{label}.txt"), label).draft_id
            for label, variant in (("Rev.1", 0), ("Rev.2", 1))]
        # Not the comparison stored at import: the window aligns and diffs the pair now.
        forget(s, ids)
    window = make_window(empty_store)
    ticks = []
    timer = QTimer(window, interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(window.diff_loaded, timeout=60000):
        window.show_compare()
        started = len(ticks)
        assert window.progress.isVisible()  # progress and Cancel while it runs
    timer.stop()
    # The event loop kept running: many timer ticks arrived during the comparison.
    assert len(ticks) - started >= 5
    assert window.diff_view.model.rowCount() >= 3000


def test_filter_to_paragraphs_with_our_positions_or_red_lines(make_window, full_demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(full_demo_store)
    view = compare(window, qtbot, "Rev.1", "Rev.2")
    total = view.proxy.rowCount()
    view.positions_only.setChecked(True)
    shown = [view.model.entry_at(view.proxy.mapToSource(view.proxy.index(r, 0)).row())
             for r in range(view.proxy.rowCount())]
    assert 0 < len(shown) < total
    assert all(e.has_position or e.red_line for e in shown)
    assert any(e.red_line for e in shown)
    marks = [view.model.status_text(e) for e in shown]
    assert any("Red line" in m for m in marks) and any("Our position" in m for m in marks)


def test_cancel_stops_a_running_comparison(make_window, empty_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    with empty_store.transaction() as s:
        neg = negotiations.create_negotiation(s, "Large treaty text", "Ad hoc committee")
        for label, variant in (("Rev.1", 0), ("Rev.2", 1)):
            parsed = importer.read_bytes(big_draft(1500, variant).encode(), f"{label}.txt")
            negotiations.import_draft(s, neg, parsed, label)
    window = make_window(empty_store)
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=30000)
    loaded: list[bool] = []
    window.diff_loaded.connect(lambda: loaded.append(True))
    window.show_compare()
    assert window.cancel_button.isVisible()
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=30000)
    assert loaded == [] and window.diff_view.model.rowCount() == 0
    assert not window.cancel_button.isVisible()


def test_redline_colours_follow_a_dark_palette() -> None:
    from PySide6.QtGui import QPalette

    from ui.delegates import DELETE_DARK, INSERT_DARK, redline_colours

    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    assert redline_colours(dark) == (DELETE_DARK, INSERT_DARK)
    light = QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    assert redline_colours(light) == (DELETE_LIGHT, INSERT_LIGHT)


def test_dark_palette_paints_dark_redline_colours(demo_window, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette

    from ui.delegates import DELETE_DARK, INSERT_DARK

    view = compare(demo_window, qtbot, "Rev.1", "Rev.2")
    view.changed_only.setChecked(True)
    original = qapp.palette()
    dark = QPalette(original)
    for role, colour in ((QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Window, "#2b2b2b"),
                         (QPalette.ColorRole.Text, "#eeeeee"), (QPalette.ColorRole.WindowText, "#eeeeee")):
        dark.setColor(role, QColor(colour))
    try:
        qapp.setPalette(dark)
        qtbot.waitUntil(lambda: view.table.palette().color(QPalette.ColorRole.Base).name() == "#1e1e1e")
        view.table.viewport().repaint()
        image = view.table.viewport().grab().toImage()
        colours = {image.pixelColor(x, y).name() for x in range(image.width())
                   for y in range(0, min(image.height(), 400), 2)}
        assert DELETE_DARK in colours or any(
            abs(QColor(c).red() - QColor(DELETE_DARK).red()) < 30 and abs(QColor(c).green() - QColor(DELETE_DARK).green()) < 30
            for c in colours)
        assert any(abs(QColor(c).blue() - QColor(INSERT_DARK).blue()) < 30
                   and abs(QColor(c).red() - QColor(INSERT_DARK).red()) < 30 for c in colours)
    finally:
        qapp.setPalette(original)
