"""SVG icons from resources/icons, tinted to the palette so they read on light
and dark themes, rendered at several sizes for high-DPI screens."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from ui import paths

SIZES = (16, 22, 24, 32, 48, 64, 96)


@cache
def _svg(name: str) -> str:
    return paths.icon_path(name).read_text(encoding="utf-8")


def icon(name: str) -> QIcon:
    """The named icon; ``currentColor`` in the SVG becomes the palette's text colour."""
    colour = QApplication.palette().color(QPalette.ColorRole.WindowText).name()
    data = QByteArray(_svg(name).replace("currentColor", colour).encode("utf-8"))
    result = QIcon()
    for size in SIZES:
        pixmap = QPixmap(QSize(size, size))
        if pixmap.loadFromData(data, "SVG"):
            result.addPixmap(pixmap.scaled(size, size))
    return result
