"""Signed packages in the window: a colleague this store does not trust is
shown with the key's fingerprint and merged only after "Trust this
colleague"; the drafts their package brings are marked in the tree until a
user confirms them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtWidgets import QMessageBox

from negotiator.drafts import negotiations
from negotiator.positions import exchange, signing
from negotiator.storage.models import Negotiation
from negotiator.storage.store import Store
from tests.gui.test_packages import wait_box
from ui.models.tree import ID_ROLE

pytestmark = pytest.mark.gui


@pytest.fixture
def anna_package(full_demo_store: Store, tmp_path: Path) -> tuple[Path, str, str]:
    """The demo negotiation's package, signed on Anna's laptop."""
    key = Ed25519PrivateKey.generate()
    with full_demo_store.read() as s:
        neg = s.get(Negotiation, negotiations.list_negotiations(s)[0].id)
        title = neg.title
        package = exchange.export_package(s, neg, "anna")
    exchange.write_package(package, tmp_path / "anna.json", key)
    return tmp_path / "anna.json", title, signing.fingerprint(signing.public_key_text(key))


@pytest.fixture
def ben_store(anna_package, tmp_path: Path) -> Iterator[Store]:
    """Ben's laptop: the negotiation started, no drafts yet."""
    store = Store.open(tmp_path / "ben.sqlite")
    with store.transaction() as s:
        negotiations.create_negotiation(s, anna_package[1], "OSCE Permanent Council", "Belgium")
    yield store
    store.close()


def _dump(store: Store) -> str:
    import sqlite3

    con = sqlite3.connect(store.path)  # type: ignore[arg-type]
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


def _draft_items(window) -> list:  # type: ignore[no-untyped-def]
    neg = window.tree_model.item(0)
    return [neg.child(r) for r in range(neg.rowCount())]


def test_an_unknown_colleague_is_trusted_only_when_the_user_says_so(
        make_window, ben_store, anna_package, qtbot, monkeypatch):
    path, _title, fingerprint = anna_package
    window = make_window(ben_store)
    before = _dump(ben_store)

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    window.tree.setCurrentIndex(window.tree_model.item(0).index())
    qtbot.waitUntil(lambda: window.packages.merge_action.isEnabled(), timeout=10000)
    window.packages.merge_action.trigger()
    box = wait_box(window, qtbot, "trustColleague")
    assert fingerprint in box.text() and "anna" in box.text()
    if os.environ.get("NEGOTIATOR_SHOTS"):
        box.grab().save(os.path.join(os.environ["NEGOTIATOR_SHOTS"], "trust.png"))
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert _dump(ben_store) == before  # nothing merged, nobody trusted

    window.packages.merge_action.trigger()
    box = wait_box(window, qtbot, "trustColleague")
    box.findChild(type(box.button(QMessageBox.StandardButton.Cancel)), "trustButton").click()
    merged = wait_box(window, qtbot, "mergeResult")
    assert "3 drafts" in merged.text() or "3 draft" in merged.text()
    merged.close()
    with ben_store.read() as s:
        assert [k["fingerprint"] for k in signing.trusted_keys(s)] == [fingerprint]

    # The drafts her package brought are marked until someone confirms them.
    qtbot.waitUntil(lambda: len(_draft_items(window)) == 3, timeout=10000)
    items = _draft_items(window)
    assert all("from anna's package, not confirmed" in item.text() for item in items)
    window.tree.setCurrentIndex(items[0].index())
    qtbot.waitUntil(lambda: window.packages.confirm_action.isEnabled(), timeout=10000)
    window.packages.confirm_action.trigger()
    confirm = wait_box(window, qtbot, "confirmDraft")
    confirm.findChild(type(confirm.button(QMessageBox.StandardButton.Cancel)), "confirmButton").click()
    first_id = items[0].data(ID_ROLE)
    qtbot.waitUntil(lambda: "not confirmed" not in window.tree_model.itemFromIndex(
        window.tree_model.find_draft(first_id)).text(), timeout=10000)
    assert all("not confirmed" in item.text() for item in _draft_items(window)[1:])
    if os.environ.get("NEGOTIATOR_SHOTS"):
        window.grab().save(os.path.join(os.environ["NEGOTIATOR_SHOTS"], "tree-unconfirmed.png"))
