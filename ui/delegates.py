"""Cell painters. ``DiffDelegate`` draws word-level ops as a redline without a
widget per cell: deletions struck through in red, insertions underlined in
blue (red/blue stays distinguishable for the common colour-vision deficiencies,
and strike-through / underline carry the meaning without colour at all). On a
selected row the redline sits on light chips, so red and blue stay readable on
the highlight. ``WrappedTextDelegate`` shows a paragraph in up to three lines,
ending in "…"; ``FlagsDelegate`` draws a row's flags as icons."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextDocument,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.flags import FLAG_GAP_PX, FLAG_ICON_PX, flag_pixmap
from ui.models.diff import OPS_ROLE, SIDE_ROLE
from ui.models.paragraphs import FLAGS_ROLE, LEVEL_ROLE

ModelIndex = QModelIndex | QPersistentModelIndex

# Redline colours for light and dark palettes (text on the base colour).
DELETE_LIGHT, INSERT_LIGHT = "#b3261e", "#1a56b8"
DELETE_DARK, INSERT_DARK = "#ff8a80", "#8ab4ff"
# On a selected row: dark redline colours on light chips, whatever the highlight.
DELETE_CHIP, INSERT_CHIP = "#fde4e1", "#e1ebff"
# Lines of paragraph text a table row shows; the tooltip and detail pane have the rest.
MAX_TEXT_LINES = 3
# Indentation of a sub-paragraph per level, in average character widths.
INDENT_CHARS = 3
CELL_MARGIN_PX = 4
# Text wider than this is cut in a table cell; the detail pane shows it whole.
MAX_CELL_CHARS = 4000


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def redline_colours(palette: QPalette) -> tuple[str, str]:
    """(deletion, insertion) colours readable on the palette's base colour."""
    return (DELETE_DARK, INSERT_DARK) if is_dark(palette) else (DELETE_LIGHT, INSERT_LIGHT)


def ops_to_html(ops: tuple[tuple[str, str], ...] | list[tuple[str, str]], keep: str = "=-+",
                palette: QPalette | None = None, limit: int = MAX_CELL_CHARS, *, selected: bool = False) -> str:
    """HTML for a redline: '-' struck through (red), '+' underlined (blue); on a
    selected row on light chips, so they read on the highlight colour."""
    palette = palette or QApplication.palette()
    delete, insert = (DELETE_LIGHT, INSERT_LIGHT) if selected else redline_colours(palette)
    chip_delete = f";background-color:{DELETE_CHIP}" if selected else ""
    chip_insert = f";background-color:{INSERT_CHIP}" if selected else ""
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
            parts.append(f'<s style="color:{delete}{chip_delete}">{escaped}</s>')
        elif op == "+":
            parts.append(f'<u style="color:{insert}{chip_insert}">{escaped}</u>')
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
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(3)
        doc.setHtml(ops_to_html(ops, keep, option.palette, selected=selected))
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



def _text_colour(opt: QStyleOptionViewItem) -> QColor:
    selected = opt.state & QStyle.StateFlag.State_Selected
    return opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)


def _background(opt: QStyleOptionViewItem, painter: QPainter) -> None:
    """Background, alternate row and selection as the style draws them, without the text."""
    style = opt.widget.style() if opt.widget else QApplication.style()
    opt.text = ""
    opt.icon = opt.icon.__class__()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)


class WrappedTextDelegate(QStyledItemDelegate):
    """A paragraph's text wrapped to the column, at most ``max_lines`` lines, the
    last one ending in "…" when there is more; indented by its level."""

    def __init__(self, parent: QObject | None = None, max_lines: int = MAX_TEXT_LINES) -> None:
        super().__init__(parent)
        self.max_lines = max_lines

    def lines(self, text: str, font: QFont, width: float) -> tuple[list[str], bool]:
        """The lines shown in a cell ``width`` wide, and whether text was cut."""
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        shown: list[str] = []
        layout.beginLayout()
        cut = False
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 10.0))
            if len(shown) == self.max_lines - 1:
                rest = text[line.textStart():]
                metrics = QFontMetricsF(font)
                elided = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, max(width, 10.0))
                cut = elided != rest
                shown.append(elided)
                break
            shown.append(text[line.textStart(): line.textStart() + line.textLength()].rstrip())
        layout.endLayout()
        return shown, cut

    def _geometry(self, opt: QStyleOptionViewItem, index: ModelIndex) -> tuple[QRectF, QFont]:
        font = opt.font
        level = index.data(LEVEL_ROLE) or 0
        indent = QFontMetricsF(font).averageCharWidth() * INDENT_CHARS * level
        rect = QRectF(opt.rect).adjusted(CELL_MARGIN_PX + indent, CELL_MARGIN_PX / 2,
                                         -CELL_MARGIN_PX, -CELL_MARGIN_PX / 2)
        return rect, font

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        colour = _text_colour(opt)
        _background(opt, painter)
        rect, font = self._geometry(opt, index)
        shown, _cut = self.lines(text, font, rect.width())
        metrics = QFontMetricsF(font)
        painter.save()
        painter.setClipRect(opt.rect)
        painter.setFont(font)
        painter.setPen(colour)
        y = rect.top() + metrics.ascent()
        for line in shown:
            painter.drawText(QPointF(rect.left(), y), line)
            y += metrics.lineSpacing()
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802 - Qt override
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = opt.widget
        if view is not None and hasattr(view, "columnWidth"):
            opt.rect.setWidth(view.columnWidth(index.column()))
        rect, font = self._geometry(opt, index)
        shown, _cut = self.lines(opt.text, font, rect.width())
        height = QFontMetricsF(font).lineSpacing() * max(1, len(shown)) + CELL_MARGIN_PX * 2
        return QSize(int(opt.rect.width()), int(height + 0.999))


class FlagsDelegate(QStyledItemDelegate):
    """A row's flags (``FLAGS_ROLE``) as small icons side by side; nothing when none."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        _background(opt, painter)
        keys = index.data(FLAGS_ROLE) or []
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        x = opt.rect.left() + CELL_MARGIN_PX
        y = opt.rect.top() + CELL_MARGIN_PX
        painter.save()
        painter.setClipRect(opt.rect)
        for key in keys:
            painter.drawPixmap(x, y, FLAG_ICON_PX, FLAG_ICON_PX, flag_pixmap(key, FLAG_ICON_PX, ratio))
            x += FLAG_ICON_PX + FLAG_GAP_PX
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802 - Qt override
        count = len(index.data(FLAGS_ROLE) or [])
        return QSize(CELL_MARGIN_PX * 2 + count * (FLAG_ICON_PX + FLAG_GAP_PX), FLAG_ICON_PX + CELL_MARGIN_PX * 2)
