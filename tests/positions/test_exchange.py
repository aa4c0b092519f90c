"""Offline exchange between two laptops: two real SQLite stores where the same
drafts were imported independently, edited apart, exchanging packages both ways."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from negotiator import positions
from negotiator.cli import json_shapes
from negotiator.domain.errors import Conflict, InputError, NotFound
from negotiator.drafts import lineage, negotiations
from negotiator.positions import exchange
from negotiator.storage.store import Store
from negotiator.text.importer import read_file

DATA = Path(__file__).resolve().parents[1] / "data"
TITLE = "ICT CBMs decision"


def make_store(path: Path, drafts: tuple[str, ...]) -> Store:
    st = Store.open(path)
    with st.transaction() as s:
        neg = negotiations.create_negotiation(s, TITLE, "OSCE Permanent Council", "Belgium")
        for label in drafts:
            name = "positions_rev1.txt" if label == "Rev.1" else "positions_rev2.txt"
            negotiations.import_draft(s, neg, read_file(DATA / name), label)
    return st


def take(st: Store, label: str, index: int, actor: str, author: str, **values: Any) -> str:
    with st.transaction() as s:
        neg = negotiations.find_negotiation(s, TITLE)
        para = lineage.find_paragraph(s, negotiations.find_draft(s, neg, label), f"#{index}")
        return positions.set_position(s, para.id, actor, values, author=author).uid


def note(st: Store, label: str, index: int, text: str, author: str) -> str:
    with st.transaction() as s:
        neg = negotiations.find_negotiation(s, TITLE)
        para = lineage.find_paragraph(s, negotiations.find_draft(s, neg, label), f"#{index}")
        return positions.add_note(s, para.id, text, author=author).uid


def export(st: Store, path: Path) -> Path:
    with st.transaction(read_only=True) as s:
        package = exchange.export_package(s, negotiations.find_negotiation(s, TITLE), "tester")
    exchange.write_package(package, path)
    return path


def import_(st: Store, path: Path, negotiation: str | None = None) -> dict[str, Any]:
    package = exchange.read_package(path)
    with st.transaction() as s:
        return exchange.import_package(s, package, negotiation)


def digest(st: Store) -> dict[str, Any]:
    with st.transaction(read_only=True) as s:
        return exchange.content_digest(s, negotiations.find_negotiation(s, TITLE))


def conflicts(st: Store) -> list[dict[str, Any]]:
    with st.transaction(read_only=True) as s:
        return positions.list_conflicts(s, negotiations.find_negotiation(s, TITLE))


@pytest.fixture
def laptops(tmp_path: Path):
    # Anna imported both drafts; Ben only Rev.1 (from his own copy).
    a = make_store(tmp_path / "anna.sqlite", ("Rev.1", "Rev.2"))
    b = make_store(tmp_path / "ben.sqlite", ("Rev.1",))
    yield a, b
    a.close()
    b.close()


def test_two_laptops_merge_both_ways(laptops: tuple[Store, Store], tmp_path: Path) -> None:
    a, b = laptops
    # Common point: Anna's first work reaches Ben.
    shared = take(a, "Rev.1", 2, "Belgium", "anna", stance="support")
    shared_note = note(a, "Rev.1", 3, "Capital prefers one paragraph", "anna")
    first = import_(b, export(a, tmp_path / "a0.json"))
    assert first["drafts"] == 1 and first["positions_added"] == 1 and first["notes_added"] == 1

    # Apart: different positions, the same position, a deleted note, and the
    # same actor's position taken on the same paragraph on both laptops.
    only_a = take(a, "Rev.2", 5, "EU", "anna", stance="support")
    only_b = take(b, "Rev.1", 7, "Switzerland", "ben", stance="reserve")
    take(a, "Rev.1", 2, "Belgium", "anna", stance="oppose", rationale="capital: oppose")
    take(b, "Rev.1", 2, "Belgium", "ben", stance="support_with_amendments",
         amendment="Replace '[shall][should]' with 'shall'.")
    with b.transaction() as s:
        positions.delete_note(s, negotiations.find_negotiation(s, TITLE).id, shared_note, author="ben")
    dup_a = take(a, "Rev.1", 1, "Belgium", "anna", stance="support")
    dup_b = take(b, "Rev.1", 1, "Belgium", "ben", stance="reserve")

    import_(b, export(a, tmp_path / "a1.json"))
    import_(a, export(b, tmp_path / "b1.json"))

    # Same content on both laptops: positions (values and history), notes,
    # statuses, drafts, and the same conflicts.
    da, db = digest(a), digest(b)
    assert da == db
    assert {shared, only_a, only_b, dup_a, dup_b} <= set(da["positions"])
    assert da["notes"][shared_note]["deleted"] is True
    # Nothing lost: both sides' versions of the shared position are in its history.
    history = da["positions"][shared]["history"]
    assert len(history) == 3
    with a.transaction(read_only=True) as s:
        rows = [r for r in positions.position_history(
            s, lineage.find_paragraph(s, negotiations.find_draft(s, negotiations.find_negotiation(s, TITLE),
                                                          "Rev.1"), "#2").id, "Belgium")]
    assert {r.new["stance"] for r in rows} == {"support", "oppose", "support_with_amendments"}
    # Conflicts: the shared position changed on both sides; a duplicate.
    ca, cb = conflicts(a), conflicts(b)
    assert sorted(c.kind for c in ca) == ["concurrent_edit", "duplicate"]
    assert sorted(c.uid for c in ca) == sorted(c.uid for c in cb)
    edit = next(c for c in ca if c.kind == "concurrent_edit")
    assert {s.values["stance"] for s in edit.sides} == {"oppose", "support_with_amendments"}
    assert edit.position == shared
    # While open, both laptops show the same version and flag it.
    rows_a = _rows(a, "Rev.1")
    flagged = next(p for p in rows_a[2]["positions"] if p["uid"] == shared)
    assert flagged["conflict"] is True

    # Re-importing is a no-op.
    again = import_(a, tmp_path / "b1.json")
    assert again["positions_added"] == again["positions_updated"] == again["history_rows"] == 0
    assert again["notes_added"] == again["notes_deleted"] == again["drafts"] == 0
    assert digest(a) == da

    # Anna resolves both; the resolution travels to Ben and closes his too.
    with a.transaction() as s:
        keep = next(x.side for x in edit.sides
                    if x.values["stance"] == "support_with_amendments")
        positions.resolve_conflict(s, str(edit.id), keep, author="anna")
        dup = next(c for c in positions.list_conflicts(s) if c.kind == "duplicate")
        keep_dup = next(x.side for x in dup.sides if x.ref == dup_a)
        positions.resolve_conflict(s, dup.uid[:8], keep_dup, author="anna")
    assert conflicts(a) == []
    import_(b, export(a, tmp_path / "a2.json"))
    assert conflicts(b) == []
    assert digest(a) == digest(b)
    final = next(p for p in _rows(b, "Rev.1")[2]["positions"] if p["uid"] == shared)
    assert final["stance"] == "support_with_amendments" and not final["conflict"]
    assert [p["uid"] for p in _rows(b, "Rev.1")[1]["positions"]] == [dup_a]


def _rows(st: Store, label: str) -> list[dict[str, Any]]:
    with st.transaction(read_only=True) as s:
        neg = negotiations.find_negotiation(s, TITLE)
        return json_shapes.paragraph_positions(
            positions.draft_positions(s, neg, negotiations.find_draft(s, neg, label)))


def test_package_carries_missing_draft_and_positions_follow(laptops: tuple[Store, Store],
                                                            tmp_path: Path) -> None:
    a, b = laptops
    take(a, "Rev.1", 2, "Belgium", "anna", stance="support")
    import_(b, export(a, tmp_path / "a.json"))
    rows = _rows(b, "Rev.2")
    # Ben now holds Rev.2 and the position carries forward into it.
    assert rows[2]["positions"][0]["state"] == "needs_review"
    with b.transaction(read_only=True) as s:
        labels = [d.label for d in negotiations.list_drafts(s, negotiations.find_negotiation(s, TITLE))]
    assert labels == ["Rev.1", "Rev.2"]


def test_missing_earlier_draft_goes_before_later_ones(tmp_path: Path) -> None:
    a = make_store(tmp_path / "a.sqlite", ("Rev.1", "Rev.2"))
    b = make_store(tmp_path / "b.sqlite", ("Rev.2",))
    take(a, "Rev.1", 2, "Belgium", "anna", stance="support")
    import_(b, export(a, tmp_path / "a.json"))
    with b.transaction(read_only=True) as s:
        labels = [d.label for d in negotiations.list_drafts(s, negotiations.find_negotiation(s, TITLE))]
    assert labels == ["Rev.1", "Rev.2"]
    # Lineages were re-derived in the new order: the position follows into Rev.2.
    assert _rows(b, "Rev.2")[2]["positions"][0]["state"] == "needs_review"
    a.close()
    b.close()


def _mangle(path: Path, change) -> Path:
    data = json.loads(path.read_text())
    change(data)
    out = path.with_name("bad-" + path.name)
    out.write_text(json.dumps(data))
    return out


def test_bad_packages_are_refused_and_change_nothing(laptops: tuple[Store, Store],
                                                     tmp_path: Path) -> None:
    a, b = laptops
    take(a, "Rev.1", 2, "Belgium", "anna", stance="support")
    good = export(a, tmp_path / "a.json")
    before = digest(b)

    def tamper(d: dict[str, Any]) -> None:
        d["payload"]["positions"][0]["history"][0]["new"]["stance"] = "oppose"

    with pytest.raises(InputError, match="altered"):
        import_(b, _mangle(good, tamper))

    def newer(d: dict[str, Any]) -> None:
        d["format_version"] = 99

    with pytest.raises(InputError, match="newer Negotiator"):
        import_(b, _mangle(good, newer))
    truncated = tmp_path / "cut.json"
    truncated.write_bytes(good.read_bytes()[:500])
    with pytest.raises(InputError, match="damaged"):
        import_(b, truncated)
    not_ours = tmp_path / "other.json"
    not_ours.write_text('{"hello": "world"}')
    with pytest.raises(InputError, match="not a Negotiator positions package"):
        import_(b, not_ours)

    # A package from another negotiation.
    other = make_store(tmp_path / "other.sqlite", ())
    with other.transaction() as s:
        neg = negotiations.create_negotiation(s, "Cybercrime convention", "UN AHC", "Belgium")
        negotiations.import_draft(s, neg, read_file(DATA / "positions_rev2.txt").__class__(
            "x.txt", "", [p.__class__(p.number, p.level, p.kind, p.section, p.text + " (AHC)",
                                      p.brackets, p.brackets_balanced)
                          for p in read_file(DATA / "positions_rev2.txt").paragraphs], []),
            "Zero draft")
        package = exchange.export_package(s, neg)
    other.close()
    exchange.write_package(package, tmp_path / "ahc.json")
    with pytest.raises(NotFound, match="does not hold"):
        import_(b, tmp_path / "ahc.json")
    with pytest.raises(Conflict, match="another negotiation"):
        import_(b, tmp_path / "ahc.json", negotiation=TITLE)
    assert digest(b) == before
    # The good package still imports.
    assert import_(b, good)["positions_added"] == 1
