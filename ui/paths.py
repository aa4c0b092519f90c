"""Where the client finds its resources and keeps its user files.

The one module that decides directories for ``ui/``; the core gets paths as
arguments. ``NEGOTIATOR_HOME`` overrides the user directories (tests, portable
installs).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

import resources

HOME_ENV = "NEGOTIATOR_HOME"
RESOURCES = Path(resources.__file__).resolve().parent
ICONS = RESOURCES / "icons"
TRANSLATIONS = RESOURCES / "translations"
DEMO = RESOURCES / "demo"


def config_dir() -> Path:
    """Directory for settings (QSettings INI file when NEGOTIATOR_HOME is set)."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "config"
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation))


def data_dir() -> Path:
    """Directory for the user's default store and other data."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "data"
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def cache_dir() -> Path:
    """Directory for files the client can always make again (the checkout's demo store)."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "cache"
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation))


def icon_path(name: str) -> Path:
    """Path of an SVG icon in resources/icons by its base name."""
    return ICONS / f"{name}.svg"
