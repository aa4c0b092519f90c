"""Undo/redo of position and note edits: each user edit is one ``QUndoCommand``
whose redo/undo call the core through ``ui.operations`` (each in its own
transaction). The commands hold plain values only: ids, actor names, fields.

Stale-edit protection: every write states the position version it expects.
``VersionBook`` remembers the version this window last wrote for each
(paragraph, actor), so successive commands on one position chain correctly,
while a change made elsewhere in between is detected. A command that can no
longer be applied reports through ``on_error`` (with a plain ``Failure``
record) and drops itself from the stack (``setObsolete``) rather than
overwrite someone else's work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from negotiator.storage.store import Store
from ui import operations as op


@dataclass(frozen=True)
class Failure:
    """What a failed command was doing (plain values: the command itself may be gone)."""

    paragraph_id: int
    actor: str | None
    fields: dict[str, Any] | None
    label: str


ErrorHandler = Callable[[Failure, BaseException], None]
Done = Callable[[int], None]  # called with the paragraph id after every write


class VersionBook:
    """The version of each position as this window last wrote or loaded it."""

    def __init__(self) -> None:
        self._versions: dict[tuple[int, str], int] = {}

    def get(self, paragraph_id: int, actor: str, default: int) -> int:
        return self._versions.get((paragraph_id, actor), default)

    def set(self, paragraph_id: int, actor: str, version: int) -> None:
        self._versions[(paragraph_id, actor)] = version

    def clear(self) -> None:
        self._versions.clear()


class PositionEdit(QUndoCommand):
    """Set (or withdraw) one actor's position on a paragraph."""

    def __init__(self, store: Store, book: VersionBook, paragraph_id: int, actor: str,
                 before: op.PositionValues | None, after: dict[str, Any] | None, *,
                 author: str | None, label: str, on_done: Done, on_error: ErrorHandler,
                 expected_version: int | None = None) -> None:
        super().__init__(label)
        self.store = store
        self.book = book
        self.paragraph_id = paragraph_id
        self.actor = actor
        self.before_fields = before.fields() if before is not None else None
        self.after_fields = after
        self.author = author
        self.on_done = on_done
        self.on_error = on_error
        loaded = expected_version if expected_version is not None else (before.version if before else 0)
        book.set(paragraph_id, actor, loaded)

    def _write(self, fields: dict[str, Any] | None, label: str) -> None:
        expected = self.book.get(self.paragraph_id, self.actor, 0)
        try:
            stored = op.save_position(self.store, self.paragraph_id, self.actor, fields,
                                      expected_version=expected, author=self.author)
        except Exception as exc:  # noqa: BLE001 - reported as a dialog by on_error
            self.setObsolete(True)
            self.on_error(Failure(self.paragraph_id, self.actor, fields, label), exc)
            return
        self.book.set(self.paragraph_id, self.actor, stored.version if stored is not None else 0)
        self.on_done(self.paragraph_id)

    def redo(self) -> None:
        self._write(self.after_fields, self.text())

    def undo(self) -> None:
        self._write(self.before_fields, QCoreApplication.translate("Undo", "Undo %1").replace("%1", self.text()))


class NoteEdit(QUndoCommand):
    """Add a note to a paragraph (undo deletes it)."""

    def __init__(self, store: Store, paragraph_id: int, text: str, *, author: str | None,
                 on_done: Done, on_error: ErrorHandler) -> None:
        super().__init__(QCoreApplication.translate("Undo", "Add note"))
        self.store = store
        self.paragraph_id = paragraph_id
        self.note_text = text
        self.author = author
        self.uid: str | None = None
        self.on_done = on_done
        self.on_error = on_error

    def _fail(self, exc: BaseException) -> None:
        self.setObsolete(True)
        self.on_error(Failure(self.paragraph_id, None, None, self.text()), exc)

    def redo(self) -> None:
        try:
            self.uid = op.add_note(self.store, self.paragraph_id, self.note_text, self.author).uid
        except Exception as exc:  # noqa: BLE001
            self._fail(exc)
            return
        self.on_done(self.paragraph_id)

    def undo(self) -> None:
        if self.uid is None:
            return
        try:
            op.delete_note(self.store, self.paragraph_id, self.uid, self.author)
        except Exception as exc:  # noqa: BLE001
            self._fail(exc)
            return
        self.on_done(self.paragraph_id)


class StatusEdit(QUndoCommand):
    """Set a paragraph's status (agreed ad ref, agreed, open); undo sets the one before."""

    def __init__(self, store: Store, paragraph_id: int, before: tuple[str, str | None, str | None],
                 after: tuple[str, str | None, str | None], *, author: str | None, label: str,
                 on_done: Done, on_error: ErrorHandler) -> None:
        super().__init__(label)
        self.store = store
        self.paragraph_id = paragraph_id
        self.before = before
        self.after = after
        self.author = author
        self.on_done = on_done
        self.on_error = on_error

    def _write(self, values: tuple[str, str | None, str | None]) -> None:
        status, holder, due = values
        try:
            op.set_paragraph_status(self.store, self.paragraph_id, status, holder, due, self.author)
        except Exception as exc:  # noqa: BLE001 - reported as a dialog by on_error
            self.setObsolete(True)
            self.on_error(Failure(self.paragraph_id, None, None, self.text()), exc)
            return
        self.on_done(self.paragraph_id)

    def redo(self) -> None:
        self._write(self.after)

    def undo(self) -> None:
        self._write(self.before)
