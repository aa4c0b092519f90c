"""File > Connect to Server…: a real PostgreSQL server, a real window, the
password in a keyring (an in-memory one: tests have no keyring daemon)."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy.engine import make_url

from negotiator import positions
from negotiator.drafts import lineage, negotiations
from negotiator.storage import server
from negotiator.storage.store import Store
from negotiator.text.importer import read_bytes
from tests.gui.conftest import fill_demo


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def shared_server(pg_cluster, pg_url):
    """The demo drafts on a server; Alice acts for Belgium, Bruno for France."""
    admin = Store(pg_url)
    fill_demo(admin)
    db = make_url(pg_url).database
    server.add_user(admin, f"{db}_alice", "pw-a", "Belgium")
    server.add_user(admin, f"{db}_bruno", "pw-b", "France")
    admin.close()
    address = f"postgresql://127.0.0.1:{pg_cluster.port}/{db}"
    yield address, f"{db}_alice", f"{db}_bruno", pg_cluster.user_url(f"{db}_bruno", "pw-b", db)


def connect(window, qtbot, address: str, user: str, password: str):
    dialog = window.server.show_dialog()
    dialog.url_edit.setText(address)
    dialog.user_edit.setText(user)
    dialog.password_edit.setText(password)
    dialog.connect_to_server()
    return dialog


def test_connect_shows_the_delegation_and_colleagues_edits(make_window, empty_store, qtbot, settings,
                                                          memory_keyring, shared_server, tmp_path):
    address, alice, _bruno, bruno_url = shared_server
    window = make_window(empty_store)
    assert not window.server.label.isVisible()
    dialog = connect(window, qtbot, address, alice, "pw-a")
    qtbot.waitUntil(lambda: not window.store.url.startswith("sqlite"), timeout=10000)
    assert window.server.label.text().startswith(f"Acting for Belgium as {alice} · 127.0.0.1:")
    assert window.server.label.isVisible()
    assert "pw-a" not in window.windowTitle()
    # Address and user in the settings; the password only in the keyring.
    settings.sync()
    ini = (tmp_path / "settings.ini").read_text()
    assert alice in ini and address in ini and "pw-a" not in ini
    assert dialog.password_kept is True
    assert list(memory_keyring.passwords.values()) == ["pw-a"]
    # Next time the dialog offers the kept password.
    assert window.server.show_dialog().password_edit.text() == "pw-a"
    window.server.dialog.reject()

    # Bruno (France) sets the EU line on a paragraph; Alice's window hears of it.
    qtbot.waitUntil(lambda: window.server.watch.token is not None)
    colleague = Store(bruno_url)
    with colleague.transaction() as s:
        neg = negotiations.find_negotiation(s, "1")
        para = lineage.find_paragraph(s, negotiations.find_draft(s, neg, "Rev.1"), "1")
        positions.set_position(s, para.id, "EU", {"stance": "oppose"}, author="bruno")
    colleague.close()
    with qtbot.waitSignal(window.server.watch.changed, timeout=10000) as seen:
        window.server.watch.check()
    assert seen.args[0] == frozenset({"positions"})
    assert window.statusBar().currentMessage() == "Colleagues' changes arrived"

    # Alice's own write (a draft stored, the tree read again, as after an import)
    # is not a colleague's change, even while a look is under way.
    def settled() -> None:
        qtbot.waitUntil(lambda: not window.server.watch.tasks.running, timeout=10000)
        qtbot.wait(50)  # a quiet second look, if one was queued, has started or is done
        qtbot.waitUntil(lambda: not window.server.watch.tasks.running, timeout=10000)

    settled()
    with qtbot.assertNotEmitted(window.server.watch.changed):
        window.server.watch.check()  # a look under way while Alice saves
        with window.store.transaction() as s:
            neg = negotiations.find_negotiation(s, "1")
            negotiations.import_draft(s, neg, read_bytes(b"1. Decides to act.", "own.txt"), "Own")
        window.refresh_tree()
        settled()
        window.server.watch.check()
        settled()
    window.server.watch.watch(None)
    window.server.watch.tasks.wait()
    window.tasks.wait()
    window.store.close()


def test_a_wrong_password_is_one_line_and_keeps_what_was_typed(make_window, empty_store, qtbot,
                                                              memory_keyring, shared_server):
    address, alice, _bruno, _url = shared_server
    window = make_window(empty_store)
    dialog = connect(window, qtbot, address, alice, "guess")
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10000)
    assert dialog.message.text() == (f"the server 127.0.0.1:{make_url(address).port}/"
                                     f"{make_url(address).database} refused user {alice}: "
                                     "wrong password or unknown user")
    assert dialog.isVisible() and dialog.password_edit.text() == "guess"
    assert window.store is empty_store and memory_keyring.passwords == {}
    dialog.reject()
