"""Position packages in the desktop client: two laptops (two copies of the demo
store) change the same position apart; one exports a package by the File menu,
the other merges it, sees what came in, and settles the conflict by a click.
Damaged or foreign packages give an error dialog and change nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from negotiator import positions
from negotiator.domain.errors import Conflict, InputError
from negotiator.drafts import lineage, negotiations
from negotiator.positions import exchange
from negotiator.storage.models import Negotiation
from negotiator.storage.store import Store
from negotiator.text.importer import read_bytes
from tests.gui.conftest import open_copy
from ui import operations as op
from ui.conflicts_dialog import ConflictsDialog
from ui.packages import package_file_name

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.gui

TASK_TIMEOUT_MS = 30000
# Belgium's position on paragraph 5 of Rev.1 (index 16) is in the demo.
DRAFT, INDEX, ACTOR = "Rev.1", 16, "Belgium"


def _paragraph(s: Any, label: str, index: int) -> Any:
    neg = s.get(Negotiation, negotiations.list_negotiations(s)[0].id)
    return lineage.find_paragraph(s, negotiations.find_draft(s, neg, label), f"#{index}")


def set_stance(store: Store, stance: str, author: str) -> None:
    with store.transaction() as s:
        positions.set_position(s, _paragraph(s, DRAFT, INDEX).id, ACTOR, {"stance": stance}, author=author)


def stance_in(store: Store) -> str | None:
    with store.transaction(read_only=True) as s:
        paragraph_id = _paragraph(s, DRAFT, INDEX).id
    current = op.current_position(store, paragraph_id, ACTOR)
    return current.stance if current else None


def negotiation_id(store: Store) -> int:
    with store.transaction(read_only=True) as s:
        return int(negotiations.list_negotiations(s)[0].id)


def digest(store: Store) -> dict[str, Any]:
    with store.transaction(read_only=True) as s:
        return exchange.content_digest(s, s.get(Negotiation, negotiation_id(store)))


@pytest.fixture
def other_laptop(full_demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    """Ben's laptop: the same demo store, copied before either changed anything."""
    with open_copy(full_demo_template, tmp_path / "ben.sqlite") as store:
        yield store


def write_package(store: Store, path: Path) -> Path:
    op.export_positions_package(store, negotiation_id(store), path, "anna")
    return path


def ready(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.current_negotiation_id is not None
                    and window.packages.merge_action.isEnabled(), timeout=10000)


def wait_box(window, qtbot, *names: str) -> QMessageBox:  # type: ignore[no-untyped-def]
    def found() -> QMessageBox | None:
        return next((b for n in names if (b := window.findChild(QMessageBox, n)) is not None
                     and b.isVisible()), None)

    qtbot.waitUntil(lambda: found() is not None, timeout=TASK_TIMEOUT_MS)
    box = found()
    assert box is not None
    return box


def merge_by_menu(window, qtbot, monkeypatch, path: Path) -> QMessageBox:  # type: ignore[no-untyped-def]
    """File > Merge Positions Package…, the file chosen in Qt's open dialog."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    ready(window, qtbot)
    window.packages.merge_action.trigger()
    return wait_box(window, qtbot, "mergeResult", "errorDialog")


# --- the operations, without a window ----------------------------------------------------


def test_operations_export_merge_list_and_resolve(full_demo_store: Store, other_laptop: Store,
                                                  tmp_path: Path) -> None:
    set_stance(full_demo_store, "oppose", "anna")
    set_stance(other_laptop, "reserve", "ben")
    neg_id = negotiation_id(full_demo_store)

    written = op.export_positions_package(full_demo_store, neg_id, tmp_path / "a.json", "anna")
    assert (written.drafts, written.positions) == (3, 14)
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["exported_by"] == "anna"

    result = op.merge_positions_package(other_laptop, tmp_path / "a.json", negotiation_id(other_laptop))
    assert result.history_rows == 1 and not result.nothing_new and len(result.conflicts) == 1
    (conflict,) = op.list_conflicts(other_laptop, result.negotiation_id)
    assert (conflict.kind, conflict.actor, conflict.draft, conflict.number) == (
        "concurrent_edit", ACTOR, DRAFT, "5")
    by_stance = {s.values["stance"]: s for s in conflict.sides}
    assert by_stance["oppose"].author == "anna" and by_stance["reserve"].author == "ben"

    # Merging the same package again brings nothing; the conflict stays open.
    again = op.merge_positions_package(other_laptop, tmp_path / "a.json")
    assert again.nothing_new and again.conflicts == result.conflicts

    op.resolve_conflict(other_laptop, conflict.id, by_stance["oppose"].side, "ben")
    assert op.list_conflicts(other_laptop, result.negotiation_id) == []
    assert stance_in(other_laptop) == "oppose"
    with pytest.raises(Conflict, match="already resolved"):
        op.resolve_conflict(other_laptop, conflict.id, "a", "ben")


def test_operations_refuse_a_package_for_another_negotiation_here(
        full_demo_store: Store, other_laptop: Store, tmp_path: Path) -> None:
    with other_laptop.transaction() as s:
        other_id = negotiations.create_negotiation(s, "EU Council conclusions on cyber diplomacy", "EU Council").id
    package = write_package(full_demo_store, tmp_path / "a.json")
    before = digest(other_laptop)
    with pytest.raises(Conflict, match="another negotiation in this store"):
        op.merge_positions_package(other_laptop, package, other_id)
    assert digest(other_laptop) == before


def test_a_merge_stopped_before_commit_changes_nothing(full_demo_store: Store, other_laptop: Store,
                                                       tmp_path: Path) -> None:
    # What Cancel does: ctx.progress raises; the last call comes before the commit.
    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        if done == total - 1:
            raise Stop

    set_stance(full_demo_store, "oppose", "anna")
    package = write_package(full_demo_store, tmp_path / "a.json")
    before = digest(other_laptop)
    with pytest.raises(Stop):
        op.merge_positions_package(other_laptop, package, negotiation_id(other_laptop), progress)
    assert digest(other_laptop) == before


def test_suggested_file_name() -> None:
    name = package_file_name('OSCE PC: "ICT CBMs" decision', dt.date(2026, 3, 2))
    assert name == "OSCE-PC-ICT-CBMs-decision-positions-2026-03-02.json"
    # The export's rule: a symbol's slash is a hyphen, a long title is cut after a whole word.
    long = package_file_name("PC.DEC/1202 decision on " + "confidence " * 10, dt.date(2026, 3, 2))
    assert long.startswith("PC.DEC-1202-decision-on-confidence-")
    assert long.endswith("-confidence-positions-2026-03-02.json")
    assert package_file_name(" .. ", dt.date(2026, 3, 2)) == "negotiation-positions-2026-03-02.json"


def test_suggested_names_share_one_rule_without_loading_the_export_dialog() -> None:
    # The window and its package actions load at start; the export dialog (python-docx,
    # lxml) only when opened.
    script = ("import sys, ui.main_window, ui.packages, ui.file_names\n"
              "print(sorted(m for m in ('ui.export_dialog', 'docx', 'lxml') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "[]"


# --- the window ----------------------------------------------------------------------------


def test_export_merge_and_resolve_by_the_menus(make_window, full_demo_store, other_laptop, qtbot,  # type: ignore[no-untyped-def]
                                               monkeypatch, tmp_path: Path) -> None:
    set_stance(full_demo_store, "oppose", "anna")
    set_stance(other_laptop, "reserve", "ben")
    anna = make_window(full_demo_store)
    ready(anna, qtbot)

    # File > Export Positions Package…: the save dialog offers title + date + .json.
    offered: list[str] = []
    out = tmp_path / "outbox" / "from-anna"  # no suffix typed: .json is added
    out.parent.mkdir()

    def save_dialog(*args: Any, **kwargs: Any) -> tuple[str, str]:
        offered.append(args[2])
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    with qtbot.waitSignal(anna.packages.exported, timeout=TASK_TIMEOUT_MS) as exported:
        anna.packages.export_action.trigger()
    assert Path(offered[0]).name == package_file_name(anna.negotiations[0].title, dt.date.today())
    assert offered[0].endswith(f"-positions-{dt.date.today().isoformat()}.json")
    package = out.with_suffix(".json")
    assert exported.args[0].path == str(package) and package.exists()
    saved = wait_box(anna, qtbot, "packageExported")
    assert "from-anna.json was saved" in saved.text() and "14 position(s)" in saved.text()
    saved.close()

    # Ben merges it while looking at Rev.1.
    ben = make_window(other_laptop)
    ready(ben, qtbot)
    rev1 = next(d.id for d in ben.negotiations[0].drafts if d.label == DRAFT)
    ben.select_draft(rev1)
    box = merge_by_menu(ben, qtbot, monkeypatch, package)
    assert box.objectName() == "mergeResult"
    text = box.text()
    assert text.startswith("Merged from-anna.json into “Draft decision on enhancing")
    assert "1 change(s) added to the history of positions" in text
    assert "1 conflict(s) to resolve" in text
    assert "Traceback" not in text

    # Closing the summary opens the Conflicts window.
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: ben.findChild(ConflictsDialog) is not None, timeout=TASK_TIMEOUT_MS)
    dialog = ben.findChild(ConflictsDialog)
    qtbot.waitUntil(lambda: len(dialog.conflicts) == 1 and not dialog.busy, timeout=TASK_TIMEOUT_MS)
    assert dialog.list.topLevelItemCount() == 1
    row = dialog.list.topLevelItem(0)
    assert [row.text(c) for c in range(3)] == ["OP 5 (Rev.1)", "Belgium", "Changed on both laptops"]
    versions = {row.text(3).split(" · ")[0]: row.text(3), row.text(4).split(" · ")[0]: row.text(4)}
    assert set(versions) == {"Oppose", "Reserve"}
    assert " · anna, " in versions["Oppose"] and " · ben, " in versions["Reserve"]
    assert "[Invites participating States to share" in dialog.paragraph.text()

    # Keep Anna's version.
    anna_side = next(s.side for s in dialog.conflicts[0].sides if s.author == "anna").upper()
    button = dialog.findChild(type(dialog.keep_buttons[0]), f"keep{anna_side}")
    assert button.accessibleName() == f"Keep version {anna_side} (anna)"
    with qtbot.waitSignal(dialog.resolved, timeout=TASK_TIMEOUT_MS), \
            qtbot.waitSignal(dialog.loaded, timeout=TASK_TIMEOUT_MS) as reloaded:
        button.click()
    assert reloaded.args == [0]
    assert dialog.empty.isVisible() and not dialog.list.isVisible()
    assert "No open conflicts" in dialog.empty.text()

    # The store holds Anna's stance; the window shows it.
    assert stance_in(other_laptop) == "oppose"
    with ben.store.transaction(read_only=True) as s:
        assert positions.list_conflicts(s) == []
    qtbot.waitUntil(lambda: (ben.paragraph_model.summary_at(INDEX) or op.PositionSummary()).national
                    == "oppose", timeout=TASK_TIMEOUT_MS)
    dialog.close()


def test_merging_own_package_brings_nothing_new(make_window, full_demo_store, qtbot, monkeypatch,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    window = make_window(full_demo_store)
    box = merge_by_menu(window, qtbot, monkeypatch, write_package(full_demo_store, tmp_path / "mine.json"))
    assert box.objectName() == "mergeResult"
    assert box.text() == "mine.json brought nothing new: this store already holds everything in it."
    box.close()
    assert window.findChild(ConflictsDialog) is None


def _tampered(path: Path) -> None:
    package = json.loads(path.read_text(encoding="utf-8"))
    history = package["payload"]["positions"][0]["history"][0]
    history["new"]["stance"] = "oppose" if history["new"]["stance"] != "oppose" else "support"
    path.write_text(json.dumps(package), encoding="utf-8")


def _newer(path: Path) -> None:
    package = json.loads(path.read_text(encoding="utf-8"))
    package["format_version"] = 99
    path.write_text(json.dumps(package), encoding="utf-8")


def _cut_short(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:500])


def _missing(path: Path) -> None:
    path.unlink()


@pytest.mark.parametrize(("spoil", "message"), [
    (_tampered, "altered after export"),
    (_newer, "newer Negotiator"),
    (_cut_short, "not valid JSON"),
    (_missing, "no such file"),
])
def test_a_bad_package_is_an_error_dialog_and_changes_nothing(  # type: ignore[no-untyped-def]
        make_window, full_demo_store, other_laptop, qtbot, monkeypatch, tmp_path: Path,
        spoil: Callable[[Path], None], message: str) -> None:
    set_stance(full_demo_store, "oppose", "anna")
    package = write_package(full_demo_store, tmp_path / "a.json")
    spoil(package)
    before = digest(other_laptop)
    window = make_window(other_laptop)
    box = merge_by_menu(window, qtbot, monkeypatch, package)
    assert box.objectName() == "errorDialog"
    assert box.windowTitle() == "Could not merge a.json"
    assert message in box.text() and "Traceback" not in box.text()
    box.close()
    assert digest(other_laptop) == before
    assert window.findChild(ConflictsDialog) is None
    qtbot.waitUntil(lambda: window.packages.merge_action.isEnabled())


def test_a_package_for_another_negotiation_is_refused(make_window, other_laptop, qtbot,  # type: ignore[no-untyped-def]
                                                      monkeypatch, tmp_path: Path) -> None:
    # A store where someone started a negotiation of the same title on other drafts.
    elsewhere = Store.open(tmp_path / "elsewhere.sqlite")
    with other_laptop.transaction(read_only=True) as s:
        title = s.get(Negotiation, negotiation_id(other_laptop)).title
    with elsewhere.transaction() as s:
        neg = negotiations.create_negotiation(s, title, "EU Council", "Belgium")
        negotiations.import_draft(s, neg, read_bytes(b"1. Something else entirely.\n", "other.txt"), "Zero draft")
    package = write_package(elsewhere, tmp_path / "elsewhere.json")
    elsewhere.close()
    before = digest(other_laptop)

    window = make_window(other_laptop)
    box = merge_by_menu(window, qtbot, monkeypatch, package)
    assert box.objectName() == "errorDialog"
    assert "from another negotiation" in box.text() and "nothing was imported" in box.text()
    box.close()
    assert digest(other_laptop) == before


def test_resolve_conflicts_from_the_negotiation_menu_says_when_there_are_none(  # type: ignore[no-untyped-def]
        make_window, full_demo_store, qtbot) -> None:
    window = make_window(full_demo_store)
    ready(window, qtbot)
    assert window.packages.conflicts_action in window.negotiation_menu.actions()
    window.packages.conflicts_action.trigger()
    dialog = window.findChild(ConflictsDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.empty.isVisible(), timeout=TASK_TIMEOUT_MS)
    assert dialog.list.topLevelItemCount() == 0 and not dialog.detail.isVisible()
    dialog.close()


def test_package_entries_need_a_negotiation(make_window, empty_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(empty_store)
    file_actions = window.file_menu.actions()
    for action in (window.packages.export_action, window.packages.merge_action):
        assert action in file_actions and not action.isEnabled()
    assert not window.packages.conflicts_action.isEnabled()
    # Each entry has its own mnemonic in its menu.
    for menu in (window.file_menu, window.negotiation_menu):
        keys = [a.text().split("&")[1][0].lower() for a in menu.actions() if "&" in a.text()]
        assert len(keys) == len(set(keys)), keys


def test_input_error_names_the_file(empty_store: Store, tmp_path: Path) -> None:
    # What the error dialog shows comes from the core: one line naming the file.
    with pytest.raises(InputError, match=r"^nothing\.json: no such file$"):
        op.merge_positions_package(empty_store, tmp_path / "nothing.json")
