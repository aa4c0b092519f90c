"""Every item model passes Qt's model tester, with real data from the demo store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from negotiator.text import importer
from ui import operations as op
from ui.import_dialog import PreviewModel
from ui.models.diff import DiffFilter, DiffModel
from ui.models.paragraphs import ParagraphFilter, ParagraphModel
from ui.models.tree import NegotiationTreeModel
from ui.tasks import TaskManager  # noqa: F401  (imports the binding work-around)

pytestmark = pytest.mark.gui


def drafts(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {d.label: d.id for d in op.load_tree(store)[0].drafts}


def test_paragraph_model_and_filter(qtmodeltester, full_demo_store) -> None:  # type: ignore[no-untyped-def]
    rev2 = drafts(full_demo_store)["Rev.2"]
    model = ParagraphModel()
    model.set_rows(rev2, op.load_paragraphs(full_demo_store, rev2))
    model.set_changes(op.load_changes(full_demo_store, rev2))
    model.set_positions(op.load_position_summaries(full_demo_store, rev2))
    qtmodeltester.check(model)
    proxy = ParagraphFilter()
    proxy.setSourceModel(model)
    proxy.set_filters(bracketed=True, search="participating")
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < model.rowCount()


def test_a_search_names_paragraphs_by_reference_and_reads_the_typed_key_once(  # type: ignore[no-untyped-def]
        full_demo_store, monkeypatch) -> None:
    import ui.models.paragraphs as paragraphs

    rev2 = drafts(full_demo_store)["Rev.2"]
    model = ParagraphModel()
    model.set_rows(rev2, op.load_paragraphs(full_demo_store, rev2))
    proxy = ParagraphFilter()
    proxy.setSourceModel(model)
    calls: list[str] = []
    real_keys = paragraphs.typed_keys

    def counted(text: str) -> tuple[str, ...]:
        calls.append(text)
        return real_keys(text)

    monkeypatch.setattr(paragraphs, "typed_keys", counted)
    for typed in ("op 2", "OP2", "Op. 2", "para 2"):
        calls.clear()
        proxy.set_filters(search=typed)
        shown = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
        assert "OP 2" in shown, typed
        assert len(calls) == 1, f"the typed reference was made {len(calls)} times for {model.rowCount()} rows"
    proxy.set_filters(search="")
    assert proxy.rowCount() == model.rowCount()


def test_paragraph_references_are_keyed_once_per_draft_not_per_keystroke(  # type: ignore[no-untyped-def]
        full_demo_store, monkeypatch) -> None:
    import ui.models.paragraphs as paragraphs

    ids = drafts(full_demo_store)
    model = ParagraphModel()
    proxy = ParagraphFilter()
    proxy.setSourceModel(model)
    keyed: list[str] = []
    real_keys = paragraphs.reference_keys

    def counted(label: str, number: str | None) -> tuple[str, ...]:
        keyed.append(label)
        return real_keys(label, number)

    monkeypatch.setattr(paragraphs, "reference_keys", counted)
    model.set_rows(ids["Rev.2"], op.load_paragraphs(full_demo_store, ids["Rev.2"]))
    for typed in ("o", "op", "op ", "op 3"):  # typing, one keystroke at a time
        proxy.set_filters(search=typed)
    assert "OP 3" in [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert sorted(keyed) == sorted(model.row_at(r).reference for r in range(model.rowCount()))
    model.sort(0, paragraphs.Qt.SortOrder.DescendingOrder)  # sorted rows keep their own keys
    assert "OP 3" in [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    model.set_rows(ids["Rev.1"], op.load_paragraphs(full_demo_store, ids["Rev.1"]))
    keyed.clear()
    proxy.set_filters(search="pp 1")
    assert "PP 1" in [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert len(keyed) == model.rowCount()  # another draft: its own keys


def test_diff_model_and_filter(qtmodeltester, full_demo_store) -> None:  # type: ignore[no-untyped-def]
    ids = drafts(full_demo_store)
    model = DiffModel()
    model.set_diff(op.load_diff(full_demo_store, ids["Zero draft"], ids["Rev.2"]))
    qtmodeltester.check(model)
    proxy = DiffFilter()
    proxy.setSourceModel(model)
    proxy.set_filters(changed_only=True, positions_only=True)
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < model.rowCount()


def test_tree_model(qtmodeltester, full_demo_store) -> None:  # type: ignore[no-untyped-def]
    model = NegotiationTreeModel()
    model.populate(op.load_tree(full_demo_store))
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.item(0).rowCount() == 3


def test_preview_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.conftest import DEMO

    model = PreviewModel(importer.read_file(DEMO / "rev1.txt"))
    qtmodeltester.check(model)
    assert model.rowCount() > 20
    # The preview names paragraphs as the table will once they are imported.
    shown = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert {"PP 1", "OP 1", "Section I"} <= set(shown)
    assert model.headerData(0, Qt.Orientation.Vertical) is None  # no row count posing as a number
