"""The negotiation at a glance: per draft, brackets remaining, paragraphs
changed since the previous draft, and positions needing review (QtCharts)."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from ui.operations import ChartPoint

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
SERIES_COLOURS = ("#0072B2", "#E69F00", "#CC79A7")


class ChartPanel(QWidget):
    """A grouped bar chart, one group per draft."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPanel")
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(self.tr("Progress chart"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        self.points: list[ChartPoint] = []
        self.set_points("", [])

    def set_points(self, title: str, points: list[ChartPoint]) -> None:
        self.points = points
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
