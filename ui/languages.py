"""The languages the client speaks: which are shipped, their names, and the Qt
translators that put them on screen (compiled from the .ts in a checkout)."""

from __future__ import annotations

import functools
import logging
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ui import paths
from ui.translations import compile_translations

log = logging.getLogger(__name__)
_T = TypeVar("_T")
# Moves whenever our translators are installed or removed: texts built once per
# language (``per_language``) are built again after it moves.
_language_generation = 0
# The language our texts are shown in ("en" unless a translation was installed).
_spoken = "en"
# Translation folders whose .ts were compiled (or tried) in this process.
_compiled_folders: set[Path] = set()


def per_language(build: Callable[[], _T]) -> Callable[[], _T]:
    """``build()`` once per language: what it translated is kept until the
    language changes (``install_translators``, ``remove_translators``)."""
    kept: dict[int, _T] = {}

    @functools.wraps(build)
    def built() -> _T:
        if _language_generation not in kept:
            kept.clear()
            kept[_language_generation] = build()
        return kept[_language_generation]

    return built


def _language_changed() -> None:
    global _language_generation
    _language_generation += 1


def spoken_language() -> str:
    """The code of the language the window speaks ("en", "fr"), for the texts the
    core words itself in the reader's language (a salient change)."""
    return _spoken


def available_languages() -> list[str]:
    """Language codes the client speaks: English (the source) and every shipped translation."""
    compile_checkout_translations()
    shipped = {p.stem.removeprefix("negotiator_") for p in paths.TRANSLATIONS.glob("negotiator_*.qm")}
    return ["en"] + sorted(shipped - {"en"})  # negotiator_en.qm only holds English plurals


def language_name(code: str) -> str:
    """A language's name in that language ("English", "français"), as language menus show it."""
    if code == "en":
        return "English"  # Qt's native name for plain "en" is "American English"
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


def compile_checkout_translations() -> None:
    """A source checkout holds only the .ts: compile each one newer than its .qm (an
    installed wheel holds only .qm, so nothing happens there). Once per process and
    folder: start-up both installs a translator and lists the languages, and a
    failed compile is not tried again. On failure the app speaks English."""
    folder = paths.TRANSLATIONS
    if folder in _compiled_folders:
        return
    _compiled_folders.add(folder)
    try:
        compile_translations(folder, only_stale=True)
    except (OSError, subprocess.CalledProcessError) as error:
        log.warning("could not compile the translations: %s %s", error, getattr(error, "stderr", ""))


def install_translators(app: QApplication, language: str = "") -> list[QTranslator]:
    """Our translation (and Qt's own dialogs') for the chosen or system language;
    replaces the ones installed before. A language we do not ship gets English,
    with its plural forms ("1 paragraph", "2 paragraphs")."""
    remove_translators(app)
    compile_checkout_translations()
    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)  # dates and month names in the language the window speaks
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    global _spoken
    if ours.load(locale, "negotiator", "_", str(paths.TRANSLATIONS)):
        _spoken = Path(ours.filePath()).stem.removeprefix("negotiator_").split("_")[0] or "en"
    elif ours.load("negotiator_en", str(paths.TRANSLATIONS)):
        _spoken = "en"
    if not ours.isEmpty():
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    for translator in (ours, qt):
        translator.setObjectName("negotiator-translator")
        if translator not in installed:
            translator.deleteLater()
    _language_changed()
    return installed


def remove_translators(app: QApplication) -> None:
    """Back to the source strings (what ``install_translators`` installed is removed)."""
    for old in app.findChildren(QTranslator, "negotiator-translator"):
        app.removeTranslator(old)
        old.setObjectName("")  # no longer ours at once, though deleted only later
        old.deleteLater()
    global _spoken
    _spoken = "en"
    _language_changed()
