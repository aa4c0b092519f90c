"""Input limits that hold whatever the file claims to be: only regular files,
reads bounded to the limit (standard input too), zip archives bounded per part
and as a whole, one paragraph limit for every format, and drafts far larger
than any negotiation handled without one giant SQL statement."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from negotiator.domain.errors import InputError
from negotiator.text import docx_reader, importer
from tests.conftest import ROOT


@pytest.fixture
def negotiation(cli) -> str:
    assert cli("new", "T", "--forum", "UN").code == 0
    return "T"


def _refused_one_line(result, *fragments: str) -> None:
    assert result.code == 1, result.out
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.err, result.err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_a_symlink_to_dev_zero_is_refused(cli, negotiation, tmp_path):
    link = tmp_path / "draft.txt"
    link.symlink_to("/dev/zero")
    _refused_one_line(cli("import", negotiation, str(link), "--label", "R"), "not a regular file")
    assert cli("drafts", negotiation, "--json").out.strip() == "[]"


def test_a_fifo_is_refused_without_waiting(cli, negotiation, tmp_path):
    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)  # nobody writes: reading it would wait forever
    _refused_one_line(cli("import", negotiation, str(fifo), "--label", "R"), "not a regular file")


def test_a_folder_is_refused(cli, negotiation, tmp_path):
    _refused_one_line(cli("import", negotiation, str(tmp_path), "--label", "R"), "is a folder")


def test_reads_stop_at_the_limit_whatever_stat_says(tmp_path):
    # /proc files report size 0 and a device none at all: the bound is the read itself.
    with pytest.raises(InputError, match="not a regular file"):
        importer.read_limited(Path("/dev/zero"), 1024, "a draft")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2049)
    with pytest.raises(InputError, match="too large for a draft"):
        importer.read_limited(big, 2048, "a draft")
    assert importer.read_stream(io.BytesIO(b"y" * 2048), 2048, "s", "a draft") == b"y" * 2048


def test_stdin_from_dev_zero_is_refused_at_the_limit(negotiation, db_path):
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run([sys.executable, "-m", "negotiator", "--db", str(db_path), "import", "T", "-",
                               "--label", "R"], stdin=zero, capture_output=True, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1
    assert done.stderr.count(b"\n") == 1 and b"MemoryError" not in done.stderr
    assert b"<stdin>: is more than 50 MB, too large for a draft" in done.stderr


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def test_many_parts_each_just_under_the_ratio_check_are_refused(tmp_path):
    just_under = b"\0" * (docx_reader.RATIO_CHECK_MIN_BYTES - 1)
    parts = {f"word/media/part{i}.bin": just_under for i in range(190)}
    parts["word/document.xml"] = b"<w:document/>"
    data = _zip(parts)
    assert len(data) < 1024 * 1024  # about 190 MB from a few hundred KB
    with pytest.raises(InputError, match="possible zip bomb") as refused:
        importer.read_bytes(data, "bomb.docx")
    assert "190 MB" in str(refused.value) or "189 MB" in str(refused.value)


def test_a_part_over_the_part_limit_is_refused(monkeypatch):
    monkeypatch.setattr("negotiator.text.docx_package.MAX_PART_BYTES", 1000)
    data = _zip({"word/document.xml": os.urandom(2000)})
    with pytest.raises(InputError, match="part 'word/document.xml' would unpack to more than"):
        importer.read_bytes(data, "big.docx")


def test_the_paragraph_limit_holds_for_word_files_too(monkeypatch, tmp_path):
    import docx

    monkeypatch.setattr(importer, "MAX_PARAGRAPH_CHARS", 1000)
    document = docx.Document()
    document.add_paragraph("1. A normal paragraph.")
    document.add_paragraph("Decides " + "that " * 300)
    document.save(tmp_path / "long.docx")
    with pytest.raises(InputError, match="has a paragraph of .* \\(limit"):
        importer.read_file(tmp_path / "long.docx")
    (tmp_path / "long.txt").write_text("1. A normal paragraph.\n\nDecides " + "that " * 300)
    with pytest.raises(InputError, match="has a paragraph of"):
        importer.read_file(tmp_path / "long.txt")


def test_hidden_bidi_controls_are_removed_on_import(cli, negotiation, tmp_path):
    source = tmp_path / "d.txt"
    source.write_text("1. Decides that the \u202eretsinim\u202c shall report.\n", encoding="utf-8")
    result = cli("import", negotiation, str(source), "--label", "R")
    assert result.code == 0 and "bidirectional control characters removed" in result.err
    assert "\u202e" not in cli("show", negotiation, "R", "--json").out


def test_large_drafts_are_looked_up_in_parts(db_path, tmp_path):
    """With SQLite allowing only 2,000 variables per statement, two 3,000-paragraph
    drafts still import, link, compare and travel in a package."""
    import sqlite3

    from sqlalchemy import event

    from negotiator.drafts import negotiations
    from negotiator.drafts.comparison import compare_drafts
    from negotiator.positions import exchange
    from negotiator.storage.store import Store

    store = Store.open(db_path)
    event.listen(store.engine, "connect",
                 lambda con, _rec: con.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 2000))
    store.engine.dispose()  # new connections get the limit
    texts = ["\n\n".join(f"{i}. Notes {i} {word}." for i in range(1, 3001)) for word in ("a", "b")]
    try:
        with store.transaction() as s:
            neg = negotiations.create_negotiation(s, "T", "UN")
            for label, text in zip(("R1", "R2"), texts):
                negotiations.import_draft(s, neg, importer.read_bytes(text.encode(), "d.txt"), label)
        with store.read() as s:
            neg = negotiations.find_negotiation(s, "T")
            result = compare_drafts(s, negotiations.find_draft(s, neg, "R1"), negotiations.find_draft(s, neg, "R2"))
            package = exchange.export_package(s, neg)
        assert result.summary.counts["modified"] == 3000
        exchange.write_package(package, tmp_path / "p.json")
        with store.transaction() as s:
            merged = exchange.import_package(s, exchange.read_package(tmp_path / "p.json"), "T")
        assert merged["drafts"] == 0
    finally:
        store.close()


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("NEGOTIATOR_HUGE_TESTS"),
                    reason="about 30 s (parsing and inserting, not the store's limits); "
                           "set NEGOTIATOR_HUGE_TESTS=1 to run it")
def test_a_250k_paragraph_draft_imports_and_shows(cli, negotiation, tmp_path):
    """Far beyond any real draft: no single IN (...) with every paragraph id
    (the test above proves the parts with a lowered SQLite limit, quickly)."""
    count = 250_000
    source = tmp_path / "huge.txt"
    source.write_text("\n\n".join(f"{i}. Notes {i}." for i in range(1, count + 1)), encoding="utf-8")
    result = cli("import", negotiation, str(source), "--label", "Huge")
    assert result.code == 0, result.err
    assert f"{count} paragraphs" in result.out
    listed = cli("drafts", negotiation, "--json")
    assert '"paragraphs": 250000' in listed.out
