"""The French translation is complete and is used by the window."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from ui import paths
from ui.application import install_translators, remove_translators

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def test_every_ui_string_has_a_french_translation(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    from translations_fr import FR

    ts = tmp_path / "check.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = [str(p) for p in sorted((ROOT / "ui").rglob("*.py"))]
    subprocess.run([str(lupdate), *sources, "-ts", str(ts)], check=True, capture_output=True)
    found = {m.findtext("source") for m in ET.parse(ts).iter("message")}
    assert found, "lupdate found no strings"
    assert sorted(found - set(FR)) == []


def test_every_plural_message_has_english_forms(tmp_path: Path) -> None:
    ts = tmp_path / "plurals.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = [str(p) for p in sorted((ROOT / "ui").rglob("*.py"))]
    subprocess.run([str(lupdate), *sources, "-ts", str(ts), "-pluralonly"], check=True, capture_output=True)
    found = {m.findtext("source") for m in ET.parse(ts).iter("message")}
    shipped = ET.parse(paths.TRANSLATIONS / "negotiator_en.ts")
    forms = {m.findtext("source"): [f.text for f in m.iter("numerusform")] for m in shipped.iter("message")}
    assert found and sorted(found - set(forms)) == [], "run python tools/translations_en.py"
    assert forms["%n paragraph(s)"] == ["%n paragraph", "%n paragraphs"]


def test_the_compiled_translation_is_shipped() -> None:
    qm = paths.TRANSLATIONS / "negotiator_fr.qm"
    ts = paths.TRANSLATIONS / "negotiator_fr.ts"
    assert qm.stat().st_size > 1000
    assert 'type="unfinished"' not in ts.read_text(encoding="utf-8")


def test_the_window_speaks_french(make_window, demo_store, qapp) -> None:  # type: ignore[no-untyped-def]
    translators = install_translators(qapp, "fr_FR")
    try:
        assert translators, "no French translation found"
        window = make_window(demo_store)
        titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
        assert titles == ["Fichier", "Édition", "Affichage", "Négociation", "Aide"]
        assert window.filter_count.text().endswith("paragraphes")
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)


def test_choosing_french_in_the_language_menu_rebuilds_the_window(make_window, demo_store, settings, qapp,
                                                                  qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui import settings as cfg
    from ui.main_window import MainWindow

    window = make_window(demo_store)
    shown = window.current_draft_id
    names = [a.text() for a in window.language_menu.actions()]
    assert names == ["System Default", "English", "Français"]
    french = next(a for a in window.language_menu.actions() if a.data() == "fr")
    try:
        french.trigger()
        new = next(w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        qtbot.addWidget(new)
        assert new is not window and new.store is demo_store
        assert settings.get(cfg.LANGUAGE) == "fr"
        assert [a.text().replace("&", "") for a in new.menuBar().actions()] == [
            "Fichier", "Édition", "Affichage", "Négociation", "Aide"]
        assert new.current_draft_id == shown
        assert new.windowTitle().startswith("Negotiator")
        checked = [a.data() for a in new.language_menu.actions() if a.isChecked()]
        assert checked == ["fr"]
        # And back: English again, same draft.
        english = next(a for a in new.language_menu.actions() if a.data() == "en")
        english.trigger()
        again = next(w for w in qapp.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible() and w is not new)
        qtbot.addWidget(again)
        assert again.menuBar().actions()[0].text().replace("&", "") == "File"
        assert again.current_draft_id == shown
    finally:
        remove_translators(qapp)


def test_english_says_one_paragraph_and_two_paragraphs(make_window, demo_store, qapp) -> None:  # type: ignore[no-untyped-def]
    translators = install_translators(qapp, "en")
    try:
        assert translators, "no English plural forms found"
        window = make_window(demo_store)
        assert window.filter_count.text() == f"{window.paragraph_model.rowCount()} paragraphs"
        assert window.tr("%n paragraph(s)", "", 1) == "1 paragraph"
        assert QCoreApplication.translate("DetailPane", "%n bracket(s)", "", 2) == "2 brackets"
    finally:
        remove_translators(qapp)


def _mnemonic_clashes(menu_bar) -> list[str]:  # type: ignore[no-untyped-def]
    clashes = []
    menus = [a.menu() for a in menu_bar.actions() if a.menu()]
    while menus:
        menu = menus.pop()
        keys = [a.text().split("&")[1][0].lower() for a in menu.actions()
                if "&" in a.text().replace("&&", "")]
        clashes += [f"{menu.title()}: {k}" for k in set(keys) if keys.count(k) > 1]
        menus += [a.menu() for a in menu.actions() if a.menu()]
    return clashes


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_menu_entry_has_its_own_access_key(make_window, demo_store, qapp, language) -> None:  # type: ignore[no-untyped-def]
    install_translators(qapp, language)
    try:
        window = make_window(demo_store)
        assert _mnemonic_clashes(window.menuBar()) == []
    finally:
        remove_translators(qapp)
