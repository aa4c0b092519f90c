"""The demo negotiation: its files read as designed, in Word and in plain text alike,
and `negotiator demo` loads it into a store once."""

from __future__ import annotations

import importlib.util
import io
import json
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree

from negotiator.storage.store import Store
from negotiator.text.importer import read_file
from tests.conftest import DEMO, ROOT

HAS_DOCX_READER = importlib.util.find_spec("negotiator.text.docx_reader") is not None
NEEDS_DOCX_READER = pytest.mark.skipif(
    not HAS_DOCX_READER,
    reason="negotiator.text.docx_reader (Word numbering resolution) is not in this tree yet",
)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LABELS = ("Zero draft", "Rev.1", "Rev.2")


@pytest.fixture(scope="module")
def make_demo() -> ModuleType:
    """tools/make_demo.py, the single source of the demo texts."""
    spec = importlib.util.spec_from_file_location("make_demo", ROOT / "tools" / "make_demo.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_demo"] = module  # dataclasses look their module up
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop("make_demo", None)
    return module


@pytest.fixture(scope="module")
def meta() -> dict:
    return json.loads((DEMO / "demo.json").read_text(encoding="utf-8"))


def files(meta: dict, key: str) -> dict[str, Path]:
    return {d["label"]: DEMO / d[key] for d in meta["drafts"]}


def summary(path: Path) -> list[tuple[str | None, str, int, str]]:
    return [(p.number, p.kind, p.level, p.text) for p in read_file(path).paragraphs]


def strip_brackets(text: str) -> str:
    return " ".join(text.replace("[", "").replace("]", "").split())


# --- the files -------------------------------------------------------------


def unzipped(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_shipped_files_are_what_make_demo_writes(make_demo):
    rendered = make_demo.render()
    assert set(rendered) == {p.name for p in DEMO.iterdir() if p.is_file()}
    # Word files are compared part by part: another zlib may compress differently.
    stale = [
        name for name, data in rendered.items()
        if (unzipped(data) != unzipped((DEMO / name).read_bytes()) if name.endswith(".docx")
            else data != (DEMO / name).read_bytes())
    ]
    assert stale == [], "run `python tools/make_demo.py` and commit resources/demo/"
    # Deterministic: a second run gives the same bytes.
    assert make_demo.render() == rendered


def test_text_drafts_read_as_designed(make_demo, meta):
    for label, path in files(meta, "text_file").items():
        designed = [(b.number, b.kind, b.level, b.text) for b in make_demo.blocks(label)]
        assert summary(path) == designed, label


def test_kinds_numbers_and_sections_of_the_zero_draft(meta):
    paras = read_file(DEMO / "zero-draft.txt").paragraphs
    kinds = Counter(p.kind for p in paras)
    assert kinds == {"other": 3, "heading": 4, "preambular": 7, "operative": 15,
                     "sub-paragraph": 6}
    assert [p.kind for p in paras[:4]] == ["other", "heading", "other", "preambular"]
    assert paras[0].text == "PC.DEL/112/26\n16 January 2026"
    numbers = [p.number for p in paras if p.kind == "operative"]
    assert numbers[:8] == ["1", "2", "3", "4", "5", "6", "7", "7 bis"]
    assert [p.number for p in paras if p.kind == "sub-paragraph"] == [
        "(a)", "(b)", "(a)", "(b)", "(i)", "(ii)"]
    assert [p.level for p in paras if p.kind == "sub-paragraph"] == [1, 1, 1, 1, 2, 2]
    assert [(p.number, p.text) for p in paras if p.kind == "heading"][1:] == [
        ("I", "General provisions"), ("II", "Confidence-building measures"),
        ("III", "Implementation and review")]
    by_number = {p.number: p for p in paras}
    assert by_number["12"].section.endswith("III. Implementation and review")
    assert by_number["12"].text.startswith("Requests the Secretariat")
    option_2 = paras[-1]
    assert (option_2.number, option_2.kind) == (None, "other")
    assert option_2.text.startswith("Option 2: [Requests")
    expected = meta["expected"]["paragraphs"]["Zero draft"]
    assert [(p.number, p.kind) for p in paras] == [(e["number"], e["kind"]) for e in expected]


def test_brackets_fall_draft_by_draft_and_all_pair_up(meta):
    totals = []
    for label, path in files(meta, "text_file").items():
        parsed = read_file(path)
        assert parsed.warnings == [], label
        assert all(p.brackets_balanced for p in parsed.paragraphs), label
        totals.append(sum(p.brackets for p in parsed.paragraphs))
    assert totals == [d["brackets"] for d in meta["drafts"]] == [32, 24, 3]
    # The nested alternative and the option text are in the zero draft.
    zero = (DEMO / "zero-draft.txt").read_text(encoding="utf-8")
    assert "[[may] have]" in zero and "[shall][should]" in zero and "Option 1: [" in zero


def test_word_drafts_use_real_automatic_numbering(meta):
    for label, path in files(meta, "file").items():
        with zipfile.ZipFile(path) as z:
            body = etree.fromstring(z.read("word/document.xml"))
            numbering = etree.fromstring(z.read("word/numbering.xml"))
        paras = body.iter(f"{W}p")
        numbered = []
        for p in paras:
            text = "".join(t.text or "" for t in p.iter(f"{W}t"))
            ilvl = p.find(f"{W}pPr/{W}numPr/{W}ilvl")
            if ilvl is not None:
                numbered.append((int(ilvl.get(f"{W}val")), text))
        assert numbered, label
        # The visible number comes from Word, not from the text.
        assert not any(re.match(r"\(?[0-9a-z]{1,3}[.)]\s", t) for _, t in numbered), label
        assert {lvl for lvl, _ in numbered} == {0, 1, 2}
        formats = {
            int(lvl.get(f"{W}ilvl")): (lvl.find(f"{W}numFmt").get(f"{W}val"),
                                       lvl.find(f"{W}lvlText").get(f"{W}val"))
            for lvl in numbering.iter(f"{W}lvl")
            if lvl.getparent().get(f"{W}abstractNumId") == "20"
        }
        assert formats == {0: ("decimal", "%1."), 1: ("lowerLetter", "(%2)"),
                           2: ("lowerRoman", "(%3)")}
    # "7 bis" is typed by the delegation, outside Word's list.
    with zipfile.ZipFile(DEMO / "zero-draft.docx") as z:
        xml = z.read("word/document.xml").decode()
    assert "7 bis." in xml


@NEEDS_DOCX_READER
def test_word_and_text_drafts_give_the_same_paragraphs(meta):
    for label in LABELS:
        docx = files(meta, "file")[label]
        txt = files(meta, "text_file")[label]
        from_word, from_text = read_file(docx), read_file(txt)
        assert summary(docx) == summary(txt), label
        # Sections, bracket counts and footnotes too: the very same paragraphs.
        assert from_word.paragraphs == from_text.paragraphs, label
        assert from_word.content_checksum == from_text.content_checksum, label
        assert from_word.warnings == [], label


# --- the designed changes -------------------------------------------------------


def transition(meta: dict, old: str) -> list[dict]:
    return next(t["links"] for t in meta["expected"]["transitions"] if t["old"] == old)


def test_expected_links_cover_every_paragraph_once(meta):
    sizes = {d["label"]: d["paragraphs"] for d in meta["drafts"]}
    allowed = {"unchanged", "modified", "renumbered", "moved", "split", "merged",
               "added", "deleted"}
    for t in meta["expected"]["transitions"]:
        olds = [i for link in t["links"] for i in link["old"]]
        news = [j for link in t["links"] for j in link["new"]]
        assert sorted(olds) == list(range(sizes[t["old"]]))
        assert news == list(range(sizes[t["new"]]))  # in the order of the new draft
        assert all(set(link["status"]) <= allowed for link in t["links"])


def test_expected_links_agree_with_the_texts(meta):
    texts = {label: [(p.number, p.text) for p in read_file(path).paragraphs]
             for label, path in files(meta, "text_file").items()}
    for t in meta["expected"]["transitions"]:
        a, b = texts[t["old"]], texts[t["new"]]
        for link in t["links"]:
            status = link["status"]
            if status in (["unchanged"], ["renumbered"]):
                (i,), (j,) = link["old"], link["new"]
                assert a[i][1] == b[j][1]
                assert (a[i][0] == b[j][0]) == (status == ["unchanged"])
            if "modified" in status:
                (i,), (j,) = link["old"], link["new"]
                assert a[i][1] != b[j][1]


def test_the_demo_shows_each_kind_of_change(meta):
    first, second = transition(meta, "Zero draft"), transition(meta, "Rev.1")
    classes = Counter(s for link in first + second for s in link["status"])
    for name in ("unchanged", "modified", "renumbered", "moved", "split", "merged",
                 "added", "deleted"):
        assert classes[name] >= 1, name
    # Most paragraphs keep their words from one draft to the next.
    for links in (first, second):
        same = sum(1 for link in links if link["status"] in (["unchanged"], ["renumbered"]))
        assert same > len(links) / 2

    def link_of(links: list[dict], key: str) -> dict:
        return next(link for link in links if key in link["keys"])

    # Paragraph 12 of the zero draft is 13 in Rev.1 and 12 again in Rev.2.
    assert link_of(first, "op_secretariat")["old_numbers"] == ["12"]
    assert link_of(first, "op_secretariat")["new_numbers"] == ["13"]
    assert link_of(second, "op_secretariat")["new_numbers"] == ["12"]
    assert link_of(first, "op_network")["status"] == ["moved"]
    assert link_of(first, "op_network")["new_numbers"] == ["7"]
    assert link_of(first, "op_share")["status"] == ["split"]
    assert len(link_of(first, "op_share")["new"]) == 2
    assert link_of(second, "op_capacity")["status"] == ["merged"]
    assert len(link_of(second, "op_capacity")["old"]) == 2
    # The chair's compromise takes from both options of the review paragraph.
    assert link_of(second, "option_report")["status"] == ["merged"]
    assert link_of(first, "bis_inform")["status"] == ["renumbered"]
    assert link_of(second, "bis_inform")["status"] == ["deleted"]


def test_the_aligner_finds_the_true_links(meta):
    align = pytest.importorskip("negotiator.diff.align", reason="negotiator.diff.align is not in this tree")
    paras = {label: [align.Para(p.number, p.text) for p in read_file(path).paragraphs]
             for label, path in files(meta, "text_file").items()}
    for t in meta["expected"]["transitions"]:
        found = [(list(x.status), list(x.old), list(x.new))
                 for x in align.align(paras[t["old"]], paras[t["new"]])]
        assert found == [(x["status"], x["old"], x["new"]) for x in t["links"]], t["new"]


def test_one_word_changes_and_bracket_only_changes(meta):
    texts = {label: read_file(path).paragraphs for label, path in files(meta, "text_file").items()}

    def pair(old: str, new: str, key: str) -> tuple[str, str]:
        link = next(x for x in transition(meta, old) if key in x["keys"])
        return texts[old][link["old"][0]].text, texts[new][link["new"][0]].text

    a, b = pair("Zero draft", "Rev.1", "op_critical")
    assert len(a.split()) >= 115
    changed = [(x, y) for x, y in zip(a.split(), b.split()) if x != y]
    assert len(a.split()) == len(b.split()) and changed == [("appropriate", "reasonable")]

    a, b = pair("Zero draft", "Rev.1", "op_contacts")
    assert " shall designate " in a and " should designate " in b
    a, b = pair("Rev.1", "Rev.2", "op_notify")
    assert a.startswith("Decides that") and b.startswith("Invites participating States to")

    # Same words, brackets moved: a change of brackets alone.
    for old, new, key in (("Zero draft", "Rev.1", "pp_concerned"),
                          ("Rev.1", "Rev.2", "sub_inform")):
        a, b = pair(old, new, key)
        assert a != b and strip_brackets(a) == strip_brackets(b)


def test_positions_name_real_paragraphs_and_actors(meta):
    actors = {a["name"] for a in meta["actors"]}
    assert meta["delegation"] in actors
    paragraphs = meta["expected"]["paragraphs"]
    stances = {"support", "support with amendments", "oppose", "reserve", "no position"}
    assert len(meta["positions"]) >= 12
    for pos in meta["positions"]:
        assert pos["actor"] in actors
        assert pos["stance"] in stances
        target = paragraphs[pos["draft"]][pos["index"]]
        assert target["key"] == pos["key"]
        assert pos["paragraph"] == target["number"] or pos["paragraph"].startswith("PP")


# --- loading the demo -----------------------------------------------------------


def test_demo_files_are_found_through_the_package():
    from negotiator.demo import demo_files

    folder = demo_files()
    assert (folder / "demo.json").is_file()
    assert folder.resolve() == DEMO.resolve()


def test_negotiator_demo_loads_once_and_then_refuses(cli, meta):
    result = cli("demo", "--format", "txt")
    assert result.code == 0, result.err
    assert "loaded the demo negotiation 1" in result.out
    assert "Rev.2" in result.out and "PC.DEL/112/26/Rev.1" in result.out

    drafts = json.loads(cli("drafts", "1", "--json").out)
    assert [(d["label"], d["symbol"], d["date"]) for d in drafts] == [
        (d["label"], d["symbol"], d["date"]) for d in meta["drafts"]]
    assert [d["brackets"] for d in drafts] == [32, 24, 3]
    for label in LABELS:
        shown = json.loads(cli("show", "1", label, "--json").out)
        expected = meta["expected"]["paragraphs"][label]
        assert [(p["index"], p["number"], p["kind"], p["level"]) for p in shown] == [
            (e["index"], e["number"], e["kind"], e["level"]) for e in expected]

    again = cli("demo", "--format", "txt")
    assert again.code == 1
    assert again.err.startswith("negotiator: error: the demo negotiation is already in this store")
    assert len(json.loads(cli("list", "--json").out)) == 1
    assert len(json.loads(cli("drafts", "1", "--json").out)) == 3


def test_load_demo_adds_the_actors(db_path, meta):
    from negotiator.demo import find_demo, load_demo
    from negotiator.storage.models import Negotiation

    store = Store.open(db_path)
    try:
        assert find_demo(store) is None
        loaded = load_demo(store, "txt")
        neg_id = loaded.negotiation_id
        assert find_demo(store) == neg_id
        with store.transaction() as s:
            neg = s.get(Negotiation, neg_id)
            assert neg is not None
            assert (neg.forum, neg.delegation) == ("OSCE Permanent Council", "Belgium")
            actors = {a.name: a.kind for a in neg.actors}
    finally:
        store.close()
    assert actors == {a["name"]: a["kind"] for a in meta["actors"]}
    assert actors["Chairmanship"] == "chair" and actors["European Union"] == "group"


@NEEDS_DOCX_READER
def test_negotiator_demo_from_word_matches_the_text_demo(cli, meta):
    result = cli("demo", "--format", "docx")
    assert result.code == 0, result.err
    assert "from zero-draft.docx" in result.out
    drafts = json.loads(cli("drafts", "1", "--json").out)
    assert [d["brackets"] for d in drafts] == [32, 24, 3]
    assert [d["warnings"] for d in drafts] == [[], [], []]


# --- the ready demo store ---------------------------------------------------------


def test_a_ready_demo_store_is_one_private_file_written_whole(tmp_path, meta):
    from negotiator.demo import build_demo_store, find_demo
    from negotiator.domain.errors import InputError

    target = tmp_path / "demo.sqlite"
    # What a killed build leaves: its temporary, with a write-ahead log beside it.
    (tmp_path / ".demo.sqlite.part").write_bytes(b"half a store")
    (tmp_path / ".demo.sqlite.part-wal").write_bytes(b"\0" * 64)
    build_demo_store(target, "txt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite"]
    if sys.platform != "win32":
        assert target.stat().st_mode & 0o777 == 0o600
    store = Store.open(target)
    try:
        assert find_demo(store) is not None
    finally:
        store.close()

    # A build that fails leaves the store that was there, and nothing beside it.
    before = target.read_bytes()
    with pytest.raises(InputError):
        build_demo_store(target, "pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite"]
    assert target.read_bytes() == before
