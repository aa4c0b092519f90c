"""The negotiation at a glance: per draft, brackets remaining, paragraphs
changed since the previous draft, and positions needing review (QtCharts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from ui.operations import ChartPoint

if TYPE_CHECKING:
    from PySide6.QtCharts import QChart, QChartView

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
SERIES_COLOURS = ("#0072B2", "#E69F00", "#CC79A7")


class ChartPanel(QWidget):
    """A grouped bar chart, one group per draft.

    The chart itself (QtCharts, a few MiB) is made when it is first shown or
    read: the window starts on another tab.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPanel")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.note)
        self.points: list[ChartPoint] = []
        self.title = ""
        self._chart: QChart | None = None
        self.view: QChartView | None = None

    @property
    def chart(self) -> QChart:
        if self._chart is None:
            from PySide6.QtCharts import QChart, QChartView

            self._chart = QChart()
            self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
            self.view = QChartView(self._chart)
            self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.view.setAccessibleName(self.tr("Progress chart"))
            self._layout.insertWidget(0, self.view, 1)
            self._draw()
        return self._chart

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.chart  # noqa: B018 - made now, at the latest
        super().showEvent(event)

    def redraw(self) -> None:
        """Draw again (the palette changed), if the chart was made."""
        if self._chart is not None:
            self._draw()

    def set_points(self, title: str, points: list[ChartPoint]) -> None:
        self.points = points
        self.title = title
        self.redraw()

    def _draw(self) -> None:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis

        title, points = self.title, self.points
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self._apply_palette()
        chart.setTitle(title or self.tr("Select a negotiation"))
        if not points:
            self.note.setText("")
            return
        series = QBarSeries()
        sets = [
            (self.tr("Brackets remaining"), [p.brackets for p in points]),
            (self.tr("Paragraphs changed since previous draft"), [p.changed or 0 for p in points]),
            (self.tr("Positions needing review"), [p.needs_review or 0 for p in points]),
        ]
        for (name, values), colour in zip(sets, SERIES_COLOURS):
            bar = QBarSet(name)
            bar.setColor(QColor(colour))
            bar.append([float(v) for v in values])
            series.append(bar)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideEnd)
        series.setLabelsFormat("@value")
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([p.label for p in points])
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        top = max([v for _, values in sets for v in values] + [1])
        values_axis = QValueAxis()
        values_axis.setRange(0, top * 1.15)
        values_axis.setLabelFormat("%d")
        values_axis.applyNiceNumbers()
        text = QApplication.palette().color(QPalette.ColorRole.Text)
        for axis in (categories, values_axis):
            axis.setLabelsColor(text)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values_axis)
        notes = []
        if all(p.needs_review is None for p in points):
            notes.append(self.tr("No positions recorded yet, so none need review."))
        self.note.setText(" ".join(notes))

    def _apply_palette(self) -> None:
        # Follow the system palette (light or dark) instead of the chart's own theme.
        palette = QApplication.palette()
        self.chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        self.chart.setTitleBrush(palette.color(QPalette.ColorRole.Text))
        self.chart.legend().setLabelColor(palette.color(QPalette.ColorRole.Text))
