"""The window for reading: the paragraph text has the width and up to three
lines, flags are icons with a legend, empty cells stay empty, a selected
redline stays readable, and the positions editor grows with long rationales."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QStyle, QStyleOptionViewItem, QTableView

from negotiator.views.paragraph_detail import PositionValues
from ui.delegates import DELETE_CHIP, DELETE_LIGHT, MAX_TEXT_LINES, DiffDelegate, FlagsDelegate
from ui.flags import FLAG_KEYS, LegendPopup
from ui.models.paragraphs import FLAGS_ROLE, Column
from ui.positions_editor import TEXT_FIELD_MAX_LINES, TEXT_FIELD_MIN_LINES

pytestmark = pytest.mark.gui


def row_of(window, reference: str) -> int:  # type: ignore[no-untyped-def]
    proxy = window.paragraph_proxy
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, Column.NUMBER).data() == reference)


@pytest.fixture
def window(make_window, full_demo_store, qtbot):  # type: ignore[no-untyped-def]
    w = make_window(full_demo_store)
    w.resize(1440, 900)
    qtbot.waitUntil(lambda: w.paragraph_model.changes_known, timeout=20000)
    qtbot.waitUntil(lambda: w.paragraph_model.summary_at(0) is not None or
                    any(w.paragraph_model.summary_at(r) for r in range(w.paragraph_model.rowCount())),
                    timeout=20000)
    w.table_layout.fit_rows()
    return w


def test_the_text_column_gets_most_of_the_width(window) -> None:  # type: ignore[no-untyped-def]
    table: QTableView = window.table
    widths = {c: table.columnWidth(c) for c in Column}
    others = sum(w for c, w in widths.items() if c != Column.TEXT)
    assert widths[Column.TEXT] > 0.4 * table.viewport().width()
    assert widths[Column.TEXT] > 3.5 * max(w for c, w in widths.items() if c != Column.TEXT)
    # Every reference fits its column ("OP 6 (b)", "Section II"): none is cut.
    metrics = table.fontMetrics()
    references = [window.paragraph_proxy.index(r, Column.NUMBER).data()
                  for r in range(window.paragraph_proxy.rowCount())]
    assert all(metrics.horizontalAdvance(ref) < widths[Column.NUMBER] - 8 for ref in references if len(ref) < 12)
    assert widths[Column.TEXT] + others <= table.viewport().width() + 1  # no horizontal scrolling


def test_rows_wrap_to_three_lines_and_elide_with_the_full_text_on_hover(window) -> None:  # type: ignore[no-untyped-def]
    table, proxy = window.table, window.paragraph_proxy
    line = table.fontMetrics().lineSpacing()
    long_row, short_row = row_of(window, "OP 9"), row_of(window, "¶ 1")
    long_text = window.paragraph_model.row_at(proxy.mapToSource(proxy.index(long_row, 0)).row()).text
    assert len(long_text) > 300
    # A long paragraph: three lines, not one; a short one: one line.
    assert line * MAX_TEXT_LINES <= table.rowHeight(long_row) < line * (MAX_TEXT_LINES + 1)
    assert table.rowHeight(short_row) < line * 2
    delegate = window.table_layout.text_delegate
    shown, cut = delegate.lines(long_text, table.font(), table.columnWidth(Column.TEXT) - 8)
    assert len(shown) == MAX_TEXT_LINES and cut and shown[-1].endswith("…")
    assert " ".join(shown).replace("…", "").split()[:20] == long_text.split()[:20]
    assert proxy.index(long_row, Column.TEXT).data(Qt.ItemDataRole.ToolTipRole) == long_text
    # A narrower column keeps three lines per row (the rows are fitted again).
    window.resize(1280, 800)
    window.table_layout.fit_rows()
    assert line * MAX_TEXT_LINES <= table.rowHeight(long_row) < line * (MAX_TEXT_LINES + 1)


def test_empty_cells_stay_empty_and_flags_are_icons(window) -> None:  # type: ignore[no-untyped-def]
    proxy = window.paragraph_proxy
    texts = [proxy.index(r, c).data() or "" for r in range(proxy.rowCount()) for c in Column]
    assert not any("No instr" in t for t in texts)
    assert all(proxy.index(r, Column.FLAGS).data() == "" for r in range(proxy.rowCount()))
    quiet = row_of(window, "PP 1")  # no position recorded: only the small icon says so
    assert proxy.index(quiet, Column.FLAGS).data(FLAGS_ROLE) == ["no_instructions"]
    assert proxy.index(quiet, Column.FLAGS).data(Qt.ItemDataRole.ToolTipRole) == "No instructions"
    assert proxy.index(quiet, Column.NATIONAL).data() == ""
    flagged = proxy.index(row_of(window, "OP 8"), Column.FLAGS)
    assert {"red_line", "review"} <= set(flagged.data(FLAGS_ROLE))
    assert "Red line touched" in flagged.data(Qt.ItemDataRole.ToolTipRole)
    assert "Red line touched" in flagged.data(Qt.ItemDataRole.AccessibleTextRole)
    # Support with amendments is "Amend" in the cell, in full on hover.
    stance = proxy.index(row_of(window, "OP 4"), Column.NATIONAL)
    assert stance.data() == "Amend"
    assert stance.data(Qt.ItemDataRole.ToolTipRole) == "Support with amendments"


def test_headers_explain_brackets_stances_and_bold_changes(window) -> None:  # type: ignore[no-untyped-def]
    model = window.paragraph_model
    tips = {c: model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) for c in Column}
    assert all(tips.values())
    assert "Square brackets" in tips[Column.BRACKETS]
    assert "support with amendments" in tips[Column.NATIONAL]
    assert "bold" in tips[Column.CHANGE]
    assert "legend" in tips[Column.FLAGS]


def test_the_legend_lists_every_icon_and_mark(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    button = window.legend_button
    assert button.isVisible() and button.toolTip()
    popup = button.show_legend()
    qtbot.waitExposed(popup)
    assert isinstance(popup, LegendPopup)
    for key in FLAG_KEYS:
        picture = popup.findChild(QLabel, f"legend-{key}")
        assert picture is not None and not picture.pixmap().isNull()
    names = [name for name, _meaning in popup.rows]
    assert {"Red line touched", "Divergent from EU", "Needs review", "No instructions", "Agreed ad ref",
            "Agreed", "Unbalanced brackets", "[ ]", "Amend"} <= set(names)
    assert any("Modified" in name for name in names)
    assert all(meaning for _name, meaning in popup.rows)
    popup.close()


def paint_cell(delegate, index, rect: QRect, palette: QPalette, selected: bool) -> QImage:  # type: ignore[no-untyped-def]
    image = QImage(rect.size(), QImage.Format.Format_RGB32)
    image.fill(palette.color(QPalette.ColorRole.Base))
    option = QStyleOptionViewItem()
    option.rect = rect
    option.palette = palette
    option.state = QStyle.StateFlag.State_Enabled | (QStyle.StateFlag.State_Selected if selected else
                                                     QStyle.StateFlag.State_None)
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    return image


def colours(image: QImage) -> list[QColor]:
    return [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]


@pytest.mark.parametrize("highlight", ["#308cc6", "#2f65ca", "#c50ed2"])
def test_a_selected_redline_stays_readable(window, highlight: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    from ui.models.diff import OPS_ROLE

    model = QStandardItemModel(1, 1)
    item = QStandardItem()
    item.setData((("-", "shall shall shall shall"),), OPS_ROLE)
    model.setItem(0, 0, item)
    palette = QPalette(window.palette())
    palette.setColor(QPalette.ColorRole.Highlight, QColor(highlight))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    delegate = DiffDelegate()
    rect = QRect(0, 0, 320, 30)
    selected = paint_cell(delegate, model.index(0, 0), rect, palette, True)
    pixels = colours(selected)
    # The struck words sit on a light chip: red text on it, not red on the highlight.
    chip, red, hl = QColor(DELETE_CHIP), QColor(DELETE_LIGHT), QColor(highlight)

    def near(a: QColor, b: QColor, tolerance: int = 40) -> bool:
        return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < tolerance

    assert sum(near(p, chip) for p in pixels) > 500
    assert sum(near(p, red, 90) for p in pixels) > 30
    # Inside the words' box (from the first to the last red pixel) no highlight colour shows.
    xs = [x for x in range(selected.width()) for y in range(selected.height())
          if near(selected.pixelColor(x, y), red, 90)]
    ys = [y for x in range(selected.width()) for y in range(selected.height())
          if near(selected.pixelColor(x, y), red, 90)]
    inside = [selected.pixelColor(x, y) for x in range(min(xs), max(xs) + 1) for y in range(min(ys), max(ys) + 1)]
    assert sum(near(p, hl) for p in inside) < 0.02 * len(inside)
    # Contrast of the deletion colour on its chip (WCAG AA for normal text: 4.5).
    assert contrast(red, chip) >= 4.5


def contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_flag_icons_are_painted_and_an_empty_cell_is_blank(window) -> None:  # type: ignore[no-untyped-def]
    proxy = window.paragraph_proxy
    delegate = FlagsDelegate()
    palette = window.palette()
    rect = QRect(0, 0, 90, 24)
    base = palette.color(QPalette.ColorRole.Base)
    flagged = paint_cell(delegate, proxy.index(row_of(window, "OP 8"), Column.FLAGS), rect, palette, False)
    assert any(c.red() > 150 and c.green() < 90 and c.blue() < 90 for c in colours(flagged))  # the red flag
    heading = proxy.index(row_of(window, "Section I"), Column.FLAGS)
    assert heading.data(FLAGS_ROLE) == []
    blank = paint_cell(delegate, heading, rect, palette, False)
    assert {c.name() for c in colours(blank)} == {base.name()}


def test_the_positions_editor_grows_with_a_long_rationale(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    form = window.detail.positions.ours
    window.detail.tabs.setCurrentWidget(window.detail.positions)
    window.detail.positions.resize(380, 700)
    line = form.rationale.fontMetrics().lineSpacing()
    form.load("Belgium", PositionValues("Belgium", version=1, stance="support", rationale="Short."))
    short = form.rationale.height()
    assert short < line * (TEXT_FIELD_MIN_LINES + 1) + 12
    rationale = " ".join(["Notification of incidents affecting critical infrastructure is the added value "
                          "of this decision."] * 3)
    form.load("Belgium", PositionValues("Belgium", version=1, stance="support", rationale=rationale))
    qtbot.waitUntil(lambda: form.rationale.height() > short * 2)
    document = form.rationale.document()
    # The whole rationale shows without an inner scroll bar, up to the limit.
    assert form.rationale.height() >= document.size().height()
    assert form.rationale.height() <= line * TEXT_FIELD_MAX_LINES + 20
    form.load("Belgium", PositionValues("Belgium", version=1, stance="support", rationale=rationale * 10))
    qtbot.waitUntil(lambda: form.rationale.height() >= line * TEXT_FIELD_MAX_LINES)
    assert form.rationale.height() <= line * TEXT_FIELD_MAX_LINES + 20
