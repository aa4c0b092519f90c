"""Undo/redo of position and note edits: each user edit is one ``QUndoCommand``
whose redo/undo call the core through ``ui.operations`` (each in its own
transaction). The commands hold plain values only: ids, actor names, fields.

A command that can no longer be applied (someone else changed the position in
between) reports through ``on_error`` and removes itself from the stack
(``setObsolete``) rather than overwrite their work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from negotiator.store import Store
from ui import operations as op

ErrorHandler = Callable[["PositionEdit | NoteEdit", BaseException], None]
Done = Callable[[int], None]  # called with the paragraph id after every write


def tr(text: str) -> str:
    return QCoreApplication.translate("Undo", text)


class PositionEdit(QUndoCommand):
    """Set (or withdraw) one actor's position on a paragraph."""

    def __init__(self, store: Store, paragraph_id: int, actor: str, before: op.PositionValues | None,
                 after: dict[str, Any] | None, *, author: str | None, label: str,
                 on_done: Done, on_error: ErrorHandler, expected_version: int | None = None) -> None:
        super().__init__(label)
        self.store = store
        self.paragraph_id = paragraph_id
        self.actor = actor
        self.before_fields = before.fields() if before is not None else None
        self.after_fields = after
        self.author = author
        self.on_done = on_done
        self.on_error = on_error
        # The version the next write expects to find.
        self.version = expected_version if expected_version is not None else (before.version if before else 0)
        self.error: BaseException | None = None

    def _write(self, fields: dict[str, Any] | None) -> None:
        try:
            stored = op.save_position(self.store, self.paragraph_id, self.actor, fields,
                                      expected_version=self.version, author=self.author)
        except Exception as exc:  # noqa: BLE001 - reported as a dialog by on_error
            self.error = exc
            self.setObsolete(True)
            self.on_error(self, exc)
            return
        self.version = stored.version if stored is not None else 0
        self.on_done(self.paragraph_id)

    def redo(self) -> None:
        self._write(self.after_fields)

    def undo(self) -> None:
        self._write(self.before_fields)


class NoteEdit(QUndoCommand):
    """Add a note to a paragraph (undo deletes it)."""

    def __init__(self, store: Store, paragraph_id: int, text: str, *, author: str | None,
                 on_done: Done, on_error: ErrorHandler) -> None:
        super().__init__(tr("Add note"))
        self.store = store
        self.paragraph_id = paragraph_id
        self.text = text
        self.author = author
        self.uid: str | None = None
        self.on_done = on_done
        self.on_error = on_error
        self.error: BaseException | None = None

    def redo(self) -> None:
        try:
            self.uid = op.add_note(self.store, self.paragraph_id, self.text, self.author)["uid"]
        except Exception as exc:  # noqa: BLE001
            self.error = exc
            self.setObsolete(True)
            self.on_error(self, exc)
            return
        self.on_done(self.paragraph_id)

    def undo(self) -> None:
        if self.uid is None:
            return
        try:
            op.delete_note(self.store, self.paragraph_id, self.uid, self.author)
        except Exception as exc:  # noqa: BLE001
            self.error = exc
            self.setObsolete(True)
            self.on_error(self, exc)
            return
        self.on_done(self.paragraph_id)
