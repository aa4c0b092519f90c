"""Cell painters. ``DiffDelegate`` draws word-level ops as a redline without a
widget per cell: deletions struck through in red, insertions underlined in
blue (red/blue stays distinguishable for the common colour-vision deficiencies,
and strike-through / underline carry the meaning without colour at all)."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.models.diff import OPS_ROLE, SIDE_ROLE

ModelIndex = QModelIndex | QPersistentModelIndex

# Redline colours for light and dark palettes (text on the base colour).
DELETE_LIGHT, INSERT_LIGHT = "#b3261e", "#1a56b8"
DELETE_DARK, INSERT_DARK = "#ff8a80", "#8ab4ff"
# Text wider than this is cut in a table cell; the detail pane shows it whole.
MAX_CELL_CHARS = 4000


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def redline_colours(palette: QPalette) -> tuple[str, str]:
    """(deletion, insertion) colours readable on the palette's base colour."""
    return (DELETE_DARK, INSERT_DARK) if is_dark(palette) else (DELETE_LIGHT, INSERT_LIGHT)


def ops_to_html(ops: tuple[tuple[str, str], ...] | list[tuple[str, str]], keep: str = "=-+",
                palette: QPalette | None = None, limit: int = MAX_CELL_CHARS) -> str:
    """HTML for a redline: '-' struck through (red), '+' underlined (blue)."""
    palette = palette or QApplication.palette()
    delete, insert = redline_colours(palette)
    parts: list[str] = []
    used = 0
    for op, text in ops:
        if op not in keep:
            continue
        if used >= limit:
            parts.append("…")
            break
        chunk = text[: max(0, limit - used)]
        used += len(chunk)
        escaped = html.escape(chunk).replace("\n", "<br/>")
        if op == "-":
            parts.append(f'<s style="color:{delete}">{escaped}</s>')
        elif op == "+":
            parts.append(f'<u style="color:{insert}">{escaped}</u>')
        else:
            parts.append(escaped)
    return "".join(parts)


class DiffDelegate(QStyledItemDelegate):
    """Paints cells that carry ``OPS_ROLE`` as a redline; other cells as usual."""

    def _document(self, option: QStyleOptionViewItem, index: ModelIndex, width: float) -> QTextDocument | None:
        ops = index.data(OPS_ROLE)
        if ops is None:
            return None
        keep = index.data(SIDE_ROLE) or "=-+"
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(3)
        doc.setHtml(ops_to_html(ops, keep, option.palette))
        doc.setTextWidth(max(width, 40.0))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index, opt.rect.width())
        if doc is None:
            super().paint(painter, option, index)
            return
        style = opt.widget.style() if opt.widget else QApplication.style()
        # Background and selection as the style draws them, without the text.
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        width = option.rect.width()
        view = option.widget
        if width <= 0 and view is not None and hasattr(view, "columnWidth"):
            width = view.columnWidth(index.column())
        doc = self._document(option, index, width if width > 0 else 400)
        if doc is None:
            return super().sizeHint(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)

