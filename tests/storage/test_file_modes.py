"""Restricted material stays restricted: on POSIX the store's folder is 0700
and every file Negotiator writes is 0600 (store, WAL and SHM, upgrade
backups, packages, briefs, amendments, the signing key); a failed write
leaves no temporary behind, and a stale one is cleaned at the next start.
Also: a negotiation's default classification, and names echoed safely."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import docx
import pytest

from negotiator.positions import signing
from negotiator.storage.store import Store, default_db_path
from tests.storage.test_store import _store_at_first_revision

DATA = Path(__file__).resolve().parents[1] / "data"
pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def store_with_drafts(cli) -> str:
    assert cli("new", "T", "--forum", "UN", "--delegation", "Belgium").code == 0
    assert cli("import", "T", str(DATA / "positions_rev1.txt"), "--label", "Rev.1").code == 0
    assert cli("import", "T", str(DATA / "positions_rev2.txt"), "--label", "Rev.2").code == 0
    assert cli("position", "T", "Rev.2", "#2", "--actor", "Belgium", "--stance", "support_with_amendments",
               "--amendment", "Replace 'shall' with 'should'.").code == 0
    return "T"


def test_everything_written_is_private(store_with_drafts, cli, db_path, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert cli("brief", "T", "--from", "Rev.1", "--to", "Rev.2", "-o", str(out / "brief.docx")).code == 0
    assert cli("amendments", "T", "Rev.2", "--actor", "Belgium", "-o", str(out / "am.docx")).code == 0
    assert cli("export-positions", "T", "-o", str(out / "p.json")).code == 0
    st = Store.open(db_path)
    with st.transaction() as s:  # WAL and SHM exist while a connection is open
        s.connection()
        written = [db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")]
        assert all(p.exists() for p in written)
        written += [out / "brief.docx", out / "am.docx", out / "p.json",
                    signing.key_dir() / signing.KEY_FILE]
        assert {str(p): mode(p) for p in written} == {str(p): 0o600 for p in written}
    st.close()
    assert mode(signing.key_dir()) == 0o700
    assert sorted(p.name for p in out.iterdir()) == ["am.docx", "brief.docx", "p.json"]  # no temporaries


def test_the_default_store_folder_is_private(isolated_home):
    st = Store.open()
    st.close()
    assert default_db_path().exists()
    assert str(default_db_path()).startswith(str(isolated_home))
    assert mode(default_db_path().parent) == 0o700
    assert mode(default_db_path()) == 0o600


def test_an_existing_world_readable_store_is_tightened(db_path):
    Store.open(db_path).close()
    os.chmod(db_path, 0o644)
    Store.open(db_path).close()
    assert mode(db_path) == 0o600


def test_upgrade_backups_are_private(db_path):
    _store_at_first_revision(db_path)
    os.chmod(db_path, 0o644)
    st = Store.open(db_path)
    st.close()
    assert st.backup_path is not None and mode(st.backup_path) == 0o600
    assert not list(db_path.parent.glob(".*.part"))


def test_a_failed_export_leaves_no_temporary(store_with_drafts, cli, tmp_path):
    target = tmp_path / "p.json"
    target.mkdir()  # the final rename fails: a folder is in the way
    result = cli("export-positions", "T", "-o", str(target))
    assert result.code == 1 and len(result.err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_stale_temporaries_are_cleaned_at_start(store_with_drafts, cli, db_path, tmp_path):
    stale_package = tmp_path / ".p.json.part"
    stale_package.write_text("half a package")
    stale_backup = db_path.parent / f".{db_path.name}.0003-20260101-000000.bak.part"
    stale_backup.write_text("half a backup")
    assert cli("list").code == 0  # the store opens: its folder's leftovers go
    assert not stale_backup.exists()
    assert cli("export-positions", "T", "-o", str(tmp_path / "p.json")).code == 0
    assert not stale_package.exists()


# --- classification ---------------------------------------------------------------------


def _marking(path: Path) -> str:
    return " ".join(p.text for section in docx.Document(str(path)).sections
                    for p in section.header.paragraphs if p.text)


def test_a_negotiation_s_classification_is_every_export_s_default(cli, tmp_path):
    assert "marked RESTRICTED" in cli("new", "T", "--forum", "UN", "--delegation", "Belgium",
                                      "--classification", "RESTRICTED").out
    cli("import", "T", str(DATA / "positions_rev1.txt"), "--label", "Rev.1")
    cli("import", "T", str(DATA / "positions_rev2.txt"), "--label", "Rev.2")
    cli("position", "T", "Rev.2", "#2", "--actor", "Belgium", "--stance", "support_with_amendments",
        "--amendment", "Replace 'shall' with 'should'.")
    brief = ("brief", "T", "--from", "Rev.1", "--to", "Rev.2", "-o")
    assert cli(*brief, str(tmp_path / "default.docx")).code == 0
    assert "RESTRICTED" in _marking(tmp_path / "default.docx")
    assert cli("amendments", "T", "Rev.2", "--actor", "Belgium", "-o", str(tmp_path / "am.docx")).code == 0
    assert "RESTRICTED" in _marking(tmp_path / "am.docx")
    assert cli(*brief, str(tmp_path / "other.docx"), "--classification", "EU LIMITED").code == 0
    assert "EU LIMITED" in _marking(tmp_path / "other.docx")
    assert cli(*brief, str(tmp_path / "none.docx"), "--classification", "").code == 0
    assert "RESTRICTED" not in _marking(tmp_path / "none.docx")

    assert "marked EU RESTRICTED" in cli("edit", "T", "--classification", "EU RESTRICTED").out
    assert cli(*brief, str(tmp_path / "edited.docx")).code == 0
    assert "EU RESTRICTED" in _marking(tmp_path / "edited.docx")
    assert "no classification" in cli("edit", "T", "--classification", "").out
    assert cli(*brief, str(tmp_path / "cleared.docx")).code == 0
    assert "RESTRICTED" not in _marking(tmp_path / "cleared.docx")


# --- what reaches the terminal ----------------------------------------------------------


def test_names_and_labels_reach_the_terminal_escaped(cli, tmp_path):
    title = "T\x1b[2J\x1b]0;owned\x07"
    assert cli("new", title, "--forum", "UN\nFAKE LINE").code == 0
    source = tmp_path / "evil\x1b[31mname.txt"
    source.write_text("1. Decides.\n")
    imported = cli("import", "T", str(source), "--label", "Rev.1\r\x1b[1A")
    listed = cli("list").out + cli("drafts", "T").out
    for out in (listed, imported.out):
        assert "\x1b" not in out and "\r" not in out and "\x07" not in out
    assert "T\\x1b[2J" in listed and "UN\\x0aFAKE LINE" in listed
    assert "evil\\x1b[31mname.txt" in imported.out
