"""Message dialogs. Every error a user sees goes through ``show_error`` so it is
one clear sentence, never a traceback; tests watch this one function."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from negotiator.domain.errors import NegotiatorError

log = logging.getLogger(__name__)



def show_error(parent: QWidget | None, title: str, message: str) -> QMessageBox:
    """Show an error without blocking the caller (window-modal, deleted on close)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAccessibleName(title)
    box.open()
    return box


def show_exception(parent: QWidget | None, title: str, exc: BaseException) -> QMessageBox:
    """An exception from a task: ours carry a message fit to show; anything else
    is logged with its traceback and shown as one line."""
    if isinstance(exc, NegotiatorError):
        message = str(exc)
    elif isinstance(exc, OSError):
        message = exc.strerror or str(exc)
        if exc.filename:
            message = f"{exc.filename}: {message}"
    else:
        log.error("unexpected error", exc_info=exc)
        message = QCoreApplication.translate("Dialogs", "Something went wrong inside Negotiator: %1. Nothing was changed.").replace(
            "%1", f"{type(exc).__name__}: {exc}"
        )
    return show_error(parent, title, message)
