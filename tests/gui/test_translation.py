"""The French translation is complete and is used by the window."""

from __future__ import annotations

import ast
import os
import re
import shutil
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from ui import paths
from ui.languages import install_translators, remove_translators
from ui.translations import compile_translations

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source text) -> <translation> of each message of a .ts."""
    return {(context.findtext("name") or "", message.findtext("source") or ""): message.find("translation")
            for context in ET.parse(ts).iter("context") for message in context.iter("message")}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_ui_string_has_a_finished_translation(language: str, tmp_path: Path) -> None:
    # lupdate over ui/ into a copy of the shipped .ts: it must find nothing new (the file is
    # refreshed) and leave nothing unfinished (every message is translated). English keeps
    # only the "%n thing(s)" messages, for their plural forms.
    sys.path.insert(0, str(ROOT / "tools"))
    from update_translations import refresh

    shipped = paths.TRANSLATIONS / f"negotiator_{language}.ts"
    copy = tmp_path / shipped.name
    shutil.copy(shipped, copy)
    refresh(copy)
    found = _messages(copy)
    assert found, "lupdate found no strings"
    assert sorted(found.keys() - _messages(shipped).keys()) == [], "run python tools/update_translations.py"
    unfinished = [key for key, translation in found.items() if translation.get("type")]
    assert unfinished == [], f"translate them: pyside6-linguist {shipped.relative_to(ROOT)}"


def test_english_plural_forms_are_in_the_source() -> None:
    forms = {source: [f.text for f in translation.iter("numerusform")]
             for (_, source), translation in _messages(paths.TRANSLATIONS / "negotiator_en.ts").items()}
    assert forms["%n paragraph(s)"] == ["%n paragraph", "%n paragraphs"]


def test_lupdate_sees_every_string_given_to_tr() -> None:
    # lupdate does not look inside f-strings: a tr() there is never offered to a translator.
    hidden = []
    for module in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [f"{module.relative_to(ROOT)}:{call.lineno}" for call in ast.walk(node)
                           if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                           and call.func.attr in ("tr", "translate")]
    assert hidden == []


def test_a_checkout_compiles_a_new_or_edited_translation_on_first_use(tmp_path: Path) -> None:
    # The .qm are not committed: what a translator saves in Linguist is what the app loads next.
    ts = tmp_path / "negotiator_fr.ts"
    shutil.copy(paths.TRANSLATIONS / "negotiator_fr.ts", ts)
    assert compile_translations(tmp_path, only_stale=True) == [tmp_path / "negotiator_fr.qm"]
    assert compile_translations(tmp_path, only_stale=True) == []
    translator = QTranslator()
    assert translator.load(str(tmp_path / "negotiator_fr.qm"))
    assert translator.translate("MainWindow", "&File") == "&Fichier"

    ts.write_text(ts.read_text(encoding="utf-8").replace("&amp;Fichier", "&amp;Dossier"), encoding="utf-8")
    os.utime(ts, (time.time() + 10, time.time() + 10))
    assert compile_translations(tmp_path, only_stale=True) == [tmp_path / "negotiator_fr.qm"]
    assert translator.load(str(tmp_path / "negotiator_fr.qm"))
    assert translator.translate("MainWindow", "&File") == "&Dossier"


def test_start_up_compiles_the_checkout_translations_once(tmp_path: Path, qapp, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    # Start-up installs a translator and lists the languages for the menu; the .ts are
    # compiled (here: tried, and failing, on a broken one) once, not by each.
    from ui import languages

    (tmp_path / "negotiator_xx.ts").write_text("<TS><context><name>Broken", encoding="utf-8")
    monkeypatch.setattr(paths, "TRANSLATIONS", tmp_path)
    with caplog.at_level("WARNING", logger="ui.languages"):
        install_translators(qapp, "en")
        try:
            assert languages.available_languages() == ["en"]
        finally:
            remove_translators(qapp)
    tried = [r for r in caplog.records if "could not compile the translations" in r.getMessage()]
    assert len(tried) == 1, [r.getMessage() for r in tried]


def test_the_window_speaks_french(make_window, demo_store, qapp) -> None:  # type: ignore[no-untyped-def]
    translators = install_translators(qapp, "fr_FR")
    try:
        assert translators, "no French translation found"
        window = make_window(demo_store)
        titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
        assert titles == ["Fichier", "Édition", "Affichage", "Négociation", "Aide"]
        assert window.filter_bar.filter_count.text().endswith("paragraphes")
    finally:
        remove_translators(qapp)


def test_the_french_window_says_a_salient_change_as_the_french_brief_does(  # type: ignore[no-untyped-def]
        demo_store, qapp) -> None:
    # Two faces on one store: the Compare tab's "⚠" line, its tooltip and the brief's
    # sentence come from one rule (Salient.describe), in the language each speaks.
    from negotiator.export.brief_text import BriefText
    from ui import operations as op
    from ui.languages import spoken_language
    from ui.models.diff import DiffModel

    ids = {d.label: d.id for n in op.load_tree(demo_store) for d in n.drafts}
    diff = op.load_diff(demo_store, ids["Rev.1"], ids["Rev.2"])
    salient = [e for e in diff.entries if e.salient]
    assert salient, "the demo's Rev.1 -> Rev.2 has salient changes"
    install_translators(qapp, "fr_FR")
    try:
        assert spoken_language() == "fr"
        for entry in salient:
            said = [BriefText("fr").salient(s) for s in entry.salient]
            assert "⚠ " + "; ".join(said[:3]) in DiffModel.status_text(entry)
        assert any("supprimé" in line for e in salient for line in DiffModel.status_text(e).split("\n"))
        assert not any(" removed" in DiffModel.status_text(e) for e in salient)
    finally:
        remove_translators(qapp)
    assert spoken_language() == "en"
    assert all("⚠ " + "; ".join(BriefText("en").salient(s) for s in e.salient[:3])
               in DiffModel.status_text(e) for e in salient)


def test_flag_words_are_translated_once_per_language(qapp) -> None:  # type: ignore[no-untyped-def]
    # The flags column paints and sorts them per row: built once, again after a language change.
    from ui.flags import flags

    english = flags()
    assert flags() is english and english["agreed"].name == "Agreed"
    install_translators(qapp, "fr_FR")
    try:
        french = flags()
        assert french["agreed"].name == "Agréé" and french["red_line"].name == "Ligne rouge touchée"
        assert flags() is french
    finally:
        remove_translators(qapp)
    assert flags()["agreed"].name == "Agreed"


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
        assert window.filter_bar.filter_count.text() == f"{window.paragraph_model.rowCount()} paragraphs"
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


def test_the_french_compare_header_spaces_every_colon_alike(make_window, demo_store, qapp) -> None:  # type: ignore[no-untyped-def]
    # "Inchangé: 20" beside "Crochets : 24 → 3" read as a slip in a French window.
    from ui import operations as op

    ids = {d.label: d.id for n in op.load_tree(demo_store) for d in n.drafts}
    data = op.load_diff(demo_store, ids["Rev.1"], ids["Rev.2"])
    install_translators(qapp, "fr_FR")
    try:
        window = make_window(demo_store)
        summary = window.diff_view.summary_html(data)
        assert "Inchangé : <b>" in summary and "Crochets : " in summary, summary
        assert not re.search(r"\w: ", summary.replace("&nbsp;", " ")), summary
    finally:
        remove_translators(qapp)
