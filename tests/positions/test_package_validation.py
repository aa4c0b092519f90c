"""Every field of a package is checked at the edge: a malformed, oversized or
hidden-character field is refused in one line naming the field, and the store
is left exactly as it was. The packages here are properly signed (by the test
user's own key), so only the schema stands between them and the store."""

from __future__ import annotations

import json
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest

from negotiator.drafts import negotiations
from negotiator.positions import exchange
from negotiator.storage.store import Store
from tests.positions.conftest import (
    DATA,
    TITLE,
    assert_refused,
    dump,
    save,
    unsigned_package,
    write_signed,
)


def _row(p: dict[str, Any]) -> dict[str, Any]:
    return p["payload"]["positions"][0]["history"][-1]


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(p: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = p
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is _DELETE:
            del target[last]
        else:
            target[int(last) if last.isdigit() else last] = value
    return change


_DELETE = object()
P = "payload"
ROW = "payload.positions.0.history.1"

MALFORMED = {
    "non-ISO draft date": (_set(f"{P}.drafts.0.date", "03/02/2026"), "payload.drafts[0].date"),
    "non-ISO time": (_set(f"{ROW}.at", "yesterday"), "payload.positions[0].history[1].at"),
    "non-numeric level": (_set(f"{P}.drafts.0.paragraphs.0.level", "2"),
                          "payload.drafts[0].paragraphs[0].level"),
    "missing field": (_set(f"{ROW}.new.stance", _DELETE), "payload.positions[0].history[1].new.stance"),
    "stance nuke": (_set(f"{ROW}.new.stance", "nuke"), "new.stance"),
    "status hacked": (_set(f"{ROW}.new.status", "hacked"), "new.status"),
    "priority urgent!!": (_set(f"{ROW}.new.priority", "urgent!!"), "new.priority"),
    "list as note text": (_set(f"{P}.notes.0.text", ["a", "list"]), "payload.notes[0].text"),
    "paragraph status": (_set(f"{P}.statuses.0.status", "signed_in_blood"), "payload.statuses[0].status"),
    "unknown field": (_set(f"{P}.notes.0.admin", True), "payload.notes[0].admin"),
    "bidi override in a note": (_set(f"{P}.notes.0.text", "Agreed \u202eyltnerappa\u202c."),
                                "U+202E"),
    "control character in an actor": (_set(f"{ROW}.new.actor.name", "Belgium\x1b[2J"), "new.actor.name"),
    "negative bracket count": (_set(f"{P}.drafts.0.paragraphs.0.brackets", -3), "brackets"),
    "bad uid": (_set(f"{P}.notes.0.uid", "../../etc/passwd"), "payload.notes[0].uid"),
    "too long a label": (_set(f"{P}.drafts.0.label", "R" * 101), "payload.drafts[0].label"),
}


def _history(p: dict[str, Any]) -> list[dict[str, Any]]:
    return p["payload"]["positions"][0]["history"]


def _self_parent(p: dict[str, Any]) -> None:
    row = _history(p)[1]
    row["parents"] = [row["uid"]]


def _cycle(p: dict[str, Any]) -> None:
    first, second = _history(p)
    first["parents"] = [second["uid"]]


def _unknown_parent(p: dict[str, Any]) -> None:
    _history(p)[1]["parents"] = ["not-in-this-history"]


MALFORMED.update({
    "self-parent history": (_self_parent, "is its own parent"),
    "history cycle": (_cycle, "cycle"),
    "parent outside the history": (_unknown_parent, "lacks"),
})


@pytest.mark.parametrize("change,where", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_field_is_named_and_changes_nothing(anna, ben, run, tmp_path, change, where):
    package = unsigned_package(anna)
    assert len(_history(package)) == 2
    change(package)
    path = write_signed(package, tmp_path / "bad.json")
    before = dump(ben)
    assert_refused(run(ben, "import-positions", str(path)), where, "nothing was imported")
    assert dump(ben) == before


@pytest.mark.parametrize("version", [-7, 0, "2", None, True])
def test_a_nonsense_format_version_is_refused(anna, ben, run, tmp_path, version):
    package = unsigned_package(anna)
    package["format_version"] = version
    before = dump(ben)
    assert_refused(run(ben, "import-positions", str(save(package, tmp_path / "v.json"))), "format_version")
    assert dump(ben) == before


def test_a_50_mb_rationale_is_refused_without_reading_it_into_the_store(anna, ben, run, tmp_path):
    package = unsigned_package(anna)
    _history(package)[1]["new"]["rationale"] = "talking point " * (50 * 1024 * 1024 // 14)
    path = write_signed(package, tmp_path / "huge.json")
    del package
    before = dump(ben)
    tracemalloc.start()
    started = time.perf_counter()
    result = run(ben, "import-positions", str(path))
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert_refused(result, "payload.positions[0].history[1].new.rationale", "at most 100000 characters")
    assert dump(ben) == before
    # Not a timing target (see bench/): only that refusing does not cost what storing would.
    assert elapsed < 30 and peak < 400 * 1024 * 1024, (elapsed, peak)


def test_text_is_normalised_to_nfc(anna, ben, run, tmp_path):
    package = unsigned_package(anna)
    package["payload"]["notes"][0]["text"] = "Re\u0301sume\u0301 of capital's view"  # e + combining acute
    run(ben, "import-positions", str(write_signed(package, tmp_path / "nfd.json")))
    notes = run(ben, "note", TITLE, "Rev.1", "#3", "--json").out
    assert "R\u00e9sum\u00e9" in notes and "\u0301" not in notes


def test_a_note_of_another_negotiation_cannot_be_deleted(anna, run, tmp_path):
    """The package is for P; the note it names by uid belongs to Q in this store."""
    other = "Another negotiation"
    assert run(anna, "new", other, "--forum", "UN").code == 0
    assert run(anna, "import", other, str(DATA / "positions_rev1.txt"), "--label", "Rev.1").code == 0
    added = run(anna, "note", other, "Rev.1", "#1", "Keep this", "--json")
    victim = json.loads(added.out)["uid"]
    package = unsigned_package(anna)
    note = dict(package["payload"]["notes"][0], uid=victim, deleted=True,
                deleted_at="2026-03-02T10:00:00", deleted_by="mallory")
    package["payload"]["notes"].append(note)
    path = write_signed(package, tmp_path / "cross.json")
    before = dump(anna)
    assert_refused(run(anna, "import-positions", str(path)), "belongs to another negotiation")
    assert dump(anna) == before
    assert "Keep this" in run(anna, "note", other, "Rev.1", "#1").out


def test_a_position_of_another_negotiation_is_refused(anna, run, tmp_path):
    other = "Another negotiation"
    run(anna, "new", other, "--forum", "UN")
    run(anna, "import", other, str(DATA / "positions_rev1.txt"), "--label", "Rev.1")
    taken = run(anna, "position", other, "Rev.1", "#1", "--actor", "EU", "--stance", "support")
    assert taken.code == 0
    package = unsigned_package(anna)
    with_other = unsigned_package(anna)
    store = Store.open(anna)
    with store.read() as s:
        theirs = exchange.export_package(s, negotiations.find_negotiation(s, other))
    store.close()
    stolen = json.loads(json.dumps(theirs["payload"]["positions"][0]))
    stolen["history"][0]["new"]["anchor"] = package["payload"]["positions"][0]["history"][0]["new"]["anchor"]
    with_other["payload"]["positions"].append(stolen)
    path = write_signed(with_other, tmp_path / "cross-position.json")
    before = dump(anna)
    assert_refused(run(anna, "import-positions", str(path)), "belongs to another negotiation")
    assert dump(anna) == before


def test_a_clean_package_still_merges(anna, ben, run, tmp_path):
    path = write_signed(unsigned_package(anna), tmp_path / "ok.json")
    result = run(ben, "import-positions", str(path))
    assert result.code == 0, result.err
    assert "1 drafts" in result.out and "1 positions added" in result.out
