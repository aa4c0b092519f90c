"""Positions on paragraphs: taken, changed, carried forward, exchanged.

The faces call these names; the modules behind them each hold one concern.
"""

from negotiator.positions.actors import actors_by_id, ensure_actor, find_actor
from negotiator.positions.amendment_text import amended_text, check_amendment
from negotiator.positions.amendments import uptake
from negotiator.positions.board import draft_positions
from negotiator.positions.carry import CarryForward
from negotiator.positions.conflicts import (
    find_conflict,
    list_conflicts,
    resolve_conflict,
)
from negotiator.positions.history import (
    FIELDS,
    HistoryEntry,
    PositionChange,
    delete_position,
    find_position,
    position_history,
    position_on,
    set_position,
    withdraw_position,
)
from negotiator.positions.notes import add_note, delete_note, delete_note_on, list_notes
from negotiator.positions.signals import signals
from negotiator.positions.status import paragraph_statuses, set_paragraph_status

__all__ = [
    "FIELDS", "CarryForward", "HistoryEntry", "PositionChange", "actors_by_id", "add_note", "amended_text",
    "check_amendment", "delete_note", "delete_note_on", "delete_position", "draft_positions", "ensure_actor",
    "find_actor", "find_conflict", "find_position", "list_conflicts", "list_notes",
    "paragraph_statuses", "position_history", "position_on", "resolve_conflict",
    "set_paragraph_status", "set_position", "signals", "uptake", "withdraw_position",
]
