"""Every item model passes Qt's model tester, with real data from the demo store."""

from __future__ import annotations

import pytest

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
