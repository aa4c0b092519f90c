"""The paragraph flags as small icons: one place for each flag's icon, its name
and what it means, used by the table cell, its tooltip and the legend.

The flags themselves are decided in the core (``negotiator.views.draft_table``
gives each row its ``PositionSummary``); here they only get a face.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QToolButton, QWidget

from negotiator.views.draft_table import ParagraphRow, PositionSummary
from ui.languages import per_language

# Size of a flag icon in a table cell and the gap between two of them (pixels).
FLAG_ICON_PX = 16
FLAG_GAP_PX = 3
# Every flag a paragraph can carry and its icon, in the order the cell shows them (most urgent first).
FLAG_ICONS = {"red_line": "flag-red-line", "divergent": "flag-divergent", "review": "flag-review",
              "unbalanced": "flag-unbalanced", "agreed_ad_ref": "flag-ad-ref", "agreed": "flag-agreed",
              "no_instructions": "flag-no-instructions"}
FLAG_KEYS = tuple(FLAG_ICONS)


@dataclass(frozen=True)
class Flag:
    key: str
    icon_name: str
    name: str  # the tooltip's words
    meaning: str  # the legend's explanation


@per_language  # painted and sorted per row: translated once, not on every call
def flags() -> Mapping[str, Flag]:
    """Every flag in the user's language, in ``FLAG_KEYS`` order."""
    words = {
        "red_line": (QCoreApplication.translate("Flags", "Red line touched"),
                     QCoreApplication.translate("Flags", "The wording changes a text our delegation marked as a red line.")),
        "divergent": (QCoreApplication.translate("Flags", "Divergent from EU"),
                      QCoreApplication.translate("Flags", "Our stance differs from the coordinated EU line.")),
        "review": (QCoreApplication.translate("Flags", "Needs review"),
                   QCoreApplication.translate("Flags", "The wording changed since a position was taken on it.")),
        "unbalanced": (QCoreApplication.translate("Flags", "Unbalanced brackets"),
                       QCoreApplication.translate("Flags", "The square brackets in the paragraph do not pair up.")),
        "agreed_ad_ref": (QCoreApplication.translate("Flags", "Agreed ad ref"),
                          QCoreApplication.translate("Flags", "Agreed, subject to confirmation by a capital.")),
        "agreed": (QCoreApplication.translate("Flags", "Agreed"),
                   QCoreApplication.translate("Flags", "Agreed: the paragraph is closed.")),
        "no_instructions": (QCoreApplication.translate("Flags", "No instructions"),
                            QCoreApplication.translate("Flags", "Our delegation has recorded no position on this paragraph.")),
    }
    return MappingProxyType({key: Flag(key, icon_name, *words[key]) for key, icon_name in FLAG_ICONS.items()})


def flag_keys(summary: PositionSummary | None, row: ParagraphRow) -> list[str]:
    """The flags a paragraph carries, in ``FLAG_KEYS`` order."""
    on: set[str] = set()
    if summary is not None:
        if summary.agreement in ("agreed", "agreed_ad_ref"):
            on.add(summary.agreement)
        on |= {key for key, value in (("review", summary.needs_review), ("red_line", summary.red_line),
                                      ("divergent", summary.divergent),
                                      ("no_instructions", summary.no_instructions)) if value}
    if not row.brackets_balanced:
        on.add("unbalanced")
    return [key for key in FLAG_KEYS if key in on]


@cache
def _pixmap(icon_name: str, size: int, ratio: float) -> QPixmap:
    from ui.icons import icon

    pixmap = icon(icon_name).pixmap(QSize(size, size), ratio)
    return pixmap


def flag_pixmap(key: str, size: int = FLAG_ICON_PX, ratio: float = 1.0) -> QPixmap:
    """A flag's icon (its colours are its own: they read on light and dark rows)."""
    return _pixmap(FLAG_ICONS[key], size, ratio)


def flags_width(count: int) -> int:
    """Pixels a cell needs to show ``count`` flags side by side."""
    return count * FLAG_ICON_PX + max(0, count - 1) * FLAG_GAP_PX


def column_notes() -> list[tuple[str, str]]:
    """What the table's other marks mean: (mark, explanation), for the legend."""
    return [
        (QCoreApplication.translate("Flags", "[ ]"), QCoreApplication.translate("Flags", "Square brackets in the paragraph: text not yet agreed "
                                         "(\"!\" when they do not pair up).")),
        (QCoreApplication.translate("Flags", "Amend"), QCoreApplication.translate("Flags", "Stance: support with amendments.")),
        ("<b>" + QCoreApplication.translate("Flags", "Modified") + "</b>",
         QCoreApplication.translate("Flags", "Change in bold: a significant wording change (shall → should, a number, "
                     "a negation); point at it to see which.")),
    ]


class LegendPopup(QFrame):
    """Every flag icon and table mark with its meaning (opened by the "?" button)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("flagLegend")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        title = QLabel("<b>" + self.tr("What the marks in the table mean") + "</b>")
        grid.addWidget(title, 0, 0, 1, 3)
        self.rows: list[tuple[str, str]] = []
        for r, flag in enumerate(flags().values(), start=1):
            picture = QLabel()
            picture.setPixmap(flag_pixmap(flag.key, FLAG_ICON_PX, self.devicePixelRatioF()))
            picture.setObjectName(f"legend-{flag.key}")
            grid.addWidget(picture, r, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(QLabel("<b>" + flag.name + "</b>"), r, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self._wrapped(flag.meaning), r, 2)
            self.rows.append((flag.name, flag.meaning))
        first = len(self.rows) + 1
        for r, (mark, meaning) in enumerate(column_notes(), start=first):
            grid.addWidget(QLabel(mark), r, 0, 1, 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self._wrapped(meaning), r, 2)
            self.rows.append((mark, meaning))

    @staticmethod
    def _wrapped(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setMinimumWidth(300)
        return label


class LegendButton(QToolButton):
    """The "?" next to the table's filters: shows the legend below itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.icons import icon

        self.setObjectName("legendButton")
        self.setIcon(icon("legend"))
        self.setText(self.tr("Legend"))
        self.setToolTip(self.tr("What the icons and marks in the table mean"))
        self.setAccessibleName(self.tr("Legend of the table's icons"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.popup: LegendPopup | None = None
        self.clicked.connect(self.show_legend)

    def show_legend(self) -> LegendPopup:
        self.popup = LegendPopup(self)
        self.popup.adjustSize()
        below = self.mapToGlobal(QPoint(self.width() - self.popup.width(), self.height()))
        self.popup.move(below)
        self.popup.show()
        return self.popup
