"""Every QSettings key the client uses, declared once with its type and default.

UI state (window geometry, splitters, recent stores) lives here; domain data
lives in the store. Values are stored as plain types, never pickled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from ui import paths

T = TypeVar("T")

# How many stores File > Open Recent remembers.
MAX_RECENT = 8


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One declared setting: its key, Python type and default."""

    key: str
    type: type[T]
    default: T
    doc: str = ""


GEOMETRY: Setting[QByteArray] = Setting("window/geometry", QByteArray, QByteArray(), "main window geometry")
WINDOW_STATE: Setting[QByteArray] = Setting("window/state", QByteArray, QByteArray(), "toolbars and docks")
SPLITTER: Setting[QByteArray] = Setting("window/splitter", QByteArray, QByteArray(), "tree | table | detail")
HEADER: Setting[QByteArray] = Setting("window/paragraph_header", QByteArray, QByteArray(), "column widths")
RECENT_STORES: Setting[list[str]] = Setting("stores/recent", list, [], "recently opened store files")
LAST_STORE: Setting[str] = Setting("stores/last", str, "", "store opened at the last start")
DEMO_OFFERED: Setting[bool] = Setting("first_start/demo_offered", bool, False, "demo offered once")
DIFF_SIDE_BY_SIDE: Setting[bool] = Setting("diff/side_by_side", bool, False, "diff view layout")
LANGUAGE: Setting[str] = Setting("ui/language", str, "", "UI language; empty follows the system")
IMPORT_DIR: Setting[str] = Setting("import/last_dir", str, "", "folder of the last imported file")
PACKAGE_DIR: Setting[str] = Setting("packages/last_dir", str, "", "folder of the last positions package")
AUTHOR: Setting[str] = Setting("user/author", str, "", "name recorded with edits; empty: login name")
SERVER_URL: Setting[str] = Setting("server/url", str, "", "shared store's address, without user or password")
SERVER_USER: Setting[str] = Setting("server/user", str, "", "user name on the shared store's server")

CLASSIFICATION: Setting[str] = Setting("export/classification", str, "RESTRICTED",
                                       "the delegation's marking for briefs (the Export dialog's default)")

ALL: tuple[Setting[Any], ...] = (
    GEOMETRY, WINDOW_STATE, SPLITTER, HEADER, RECENT_STORES, LAST_STORE, DEMO_OFFERED,
    DIFF_SIDE_BY_SIDE, LANGUAGE, IMPORT_DIR, PACKAGE_DIR, AUTHOR, CLASSIFICATION, SERVER_URL, SERVER_USER,
)


class Settings:
    """Typed access to the client's QSettings file (INI, in ``paths.config_dir()``)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        if qsettings is None:
            path = paths.config_dir() / "negotiator.ini"
            qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        self.qsettings = qsettings

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the declared default when missing or of the wrong type."""
        value = self.qsettings.value(setting.key, None)
        if value is None:
            return setting.default
        # mypy cannot narrow T from ``setting.type is bool``: the casts say what the test proved.
        if setting.type is bool:
            if isinstance(value, str):
                return cast(T, value.lower() in ("true", "1", "yes"))
            return cast(T, bool(value))
        if setting.type is list:
            if isinstance(value, str):
                return cast(T, [value])
            return cast(T, list(value)) if isinstance(value, list) else setting.default
        if not isinstance(value, setting.type):
            convert = cast("Callable[[object], T]", setting.type)  # each declared type takes one value
            try:
                return convert(value)
            except (TypeError, ValueError):
                return setting.default
        return value

    def set(self, setting: Setting[T], value: T) -> None:
        self.qsettings.setValue(setting.key, value)

    def add_recent_store(self, path: str) -> list[str]:
        """Put a store first in the recent list; returns the new list."""
        recent = [p for p in self.get(RECENT_STORES) if p != path]
        recent.insert(0, path)
        recent = recent[:MAX_RECENT]
        self.set(RECENT_STORES, recent)
        return recent

    def author(self) -> str:
        """Who is editing: the configured name, else the login name."""
        import getpass

        return self.get(AUTHOR) or getpass.getuser()

    def sync(self) -> None:
        self.qsettings.sync()
