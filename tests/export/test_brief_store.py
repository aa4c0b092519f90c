"""The brief and the amendments file: made through the command line on a store
built from our own OSCE-style drafts, read back with python-docx, lxml and
LibreOffice, and checked against `negotiator diff --json` / `signals --json`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import docx
import pytest

from tests.docx_checks import (
    NS,
    W,
    body,
    check_well_formed_revisions,
    convert_all,
    libreoffice_view,
    paragraph_text,
    pdf_text,
)
from tests.export.brief_helpers import ok, run

NEG = "ICT confidence-building measures"

REV1 = """Draft decision on confidence-building measures to reduce the risks of conflict stemming from the use of ICTs

PP1 Recalling the commitment of participating States to refrain from the threat or use of force in their international relations,

PP2 Noting with concern the [growing] [increasing] number of malicious ICT incidents affecting critical infrastructure,

PP3 Recognizing the role of the Organization as a regional arrangement under Chapter VIII of the Charter of the United Nations,

1. Decides that participating States shall nominate a national point of contact for ICT security incidents by 31 December 2026;

2. Calls upon participating States to share, on a voluntary basis, their national views on existing and potential threats to and from ICTs;

3. Encourages participating States to consult in order to reduce the risks of misperception and possible escalation, and to exchange information on measures taken to protect critical infrastructure;

4. Requests the Secretariat to [maintain] [establish] a database of national points of contact;

5. Invites the participating States to hold a workshop on capacity-building for small delegations in 2027;

6. Decides to review the implementation of this decision at the next meeting of the Ministerial Council.
"""

REV2 = """Draft decision on confidence-building measures to reduce the risks of conflict stemming from the use of ICTs

PP1 Recalling the commitment of participating States to refrain from the threat or use of force in their international relations,

PP2 Noting with concern the growing number of malicious ICT incidents affecting critical infrastructure,

PP3 Recognizing the role of the Organization as a regional arrangement under Chapter VIII of the Charter of the United Nations,

1. Decides that participating States should nominate a national point of contact for ICT security incidents by 30 June 2027;

2. Encourages participating States to consult in order to reduce the risks of misperception and possible escalation;

3. Also encourages participating States to exchange information on measures taken to protect critical infrastructure;

4. Calls upon participating States to share, on a voluntary basis, their national views on existing and potential threats to and from ICTs;

5. Requests the Secretariat to establish and maintain a database of national points of contact, including those nominated under paragraph 1;

6. Decides to review the implementation of this decision at the next meeting of the Ministerial Council.

7. Invites participating States to designate experts for an informal working group on the protection of critical infrastructure.
"""

AMENDMENT_1 = ("Decides that participating States shall nominate a national point of contact "
               "for ICT security incidents by 30 June 2027;")
RED_LINE_1 = "No weakening of 'shall': the nomination must remain an obligation."
INSTRUCTION_6 = "Replace 'next meeting' with '2027 meeting'."
# An instruction that cannot be applied to the words: it reaches the chair as a comment.
INSTRUCTION_PP1 = "Merge this paragraph with PP3 and shorten both."
NOTE_1 = "Capital (Cyber Desk) instructs: hold on 'shall'; we may concede on the date."




@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A negotiation with two drafts, positions of Belgium, the EU and others, and notes."""
    pytest.importorskip("negotiator.drafts.comparison", reason="needs the alignment branch (compare.py)")
    work = tmp_path_factory.mktemp("brief-store")
    db = work / "store.sqlite"
    (work / "rev1.txt").write_text(REV1, encoding="utf-8")
    (work / "rev2.txt").write_text(REV2, encoding="utf-8")
    ok(db, "new", NEG, "--forum", "OSCE Permanent Council", "--delegation", "Belgium")
    ok(db, "import", NEG, str(work / "rev1.txt"), "--label", "Rev.1",
       "--symbol", "PC.DEL/118/26", "--date", "2026-02-10")
    if pytest.importorskip("negotiator.positions", reason="needs the positions branch"):
        ok(db, "position", NEG, "Rev.1", "1", "--actor", "Belgium",
           "--stance", "support_with_amendments", "--amendment", AMENDMENT_1,
           "--rationale", "A binding nomination is the core of this decision.",
           "--red-line", RED_LINE_1, "--fallback", "Accept 'should' only with a 2027 review.",
           "--priority", "high", "--status", "coordinated", "--author", "J. Peeters")
        ok(db, "position", NEG, "Rev.1", "1", "--actor", "EU", "--stance", "support",
           "--status", "coordinated")
        ok(db, "position", NEG, "Rev.1", "4", "--actor", "Belgium",
           "--stance", "support_with_amendments",
           "--amendment", "Requests the Secretariat to establish and maintain a database "
                          "of national points of contact;")
        ok(db, "position", NEG, "Rev.1", "5", "--actor", "Belgium", "--stance", "support",
           "--rationale", "Small delegations need this workshop.")
        ok(db, "position", NEG, "Rev.1", "2", "--actor", "Russian Federation",
           "--stance", "oppose", "--rationale", "Prefers national views to stay confidential.")
        ok(db, "position", NEG, "Rev.1", "PP2", "--actor", "Belgium", "--stance", "support")
        ok(db, "position", NEG, "Rev.1", "6", "--actor", "Belgium", "--stance",
           "support_with_amendments", "--amendment", INSTRUCTION_6)
        ok(db, "position", NEG, "Rev.1", "PP1", "--actor", "Belgium", "--stance",
           "support_with_amendments", "--amendment", INSTRUCTION_PP1)
        ok(db, "note", NEG, "Rev.1", "1", NOTE_1, "--author", "Cyber Desk")
    ok(db, "import", NEG, str(work / "rev2.txt"), "--label", "Rev.2",
       "--symbol", "PC.DEL/118/26/Rev.1", "--date", "2026-03-03")
    return db


def _brief(store: Path, out: Path, *extra: str) -> Path:
    ok(store, "brief", NEG, "--from", "Rev.1", "--to", "Rev.2", "-o", str(out),
       "--classification", "RESTRICTED", "--author", "Delegation of Belgium, Vienna", *extra)
    assert out.exists()
    return out


@pytest.fixture(scope="module")
def brief(store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _brief(store, tmp_path_factory.mktemp("brief") / "brief.docx")


def _draft_paragraphs(path: Path) -> list[Any]:
    """Body paragraphs set in the Draft Text style (the draft's own words)."""
    return [p for p in body(path).findall(".//w:body/w:p", NS)
            if p.find("w:pPr/w:pStyle[@w:val='DraftText']", NS) is not None]


def _strip_number(text: str) -> str:
    return re.sub(r"^\S+\.?\t", "", text)


def _figures(path: Path) -> dict[str, int]:
    """The executive summary's figures table: pairs of (measure, number) cells."""
    d = docx.Document(str(path))
    for table in d.tables:
        if table.rows[0].cells[0].text == "The text":
            out = {}
            for r in table.rows[1:]:
                cells = [c.text for c in r.cells]
                for name, value in zip(cells[::2], cells[1::2]):
                    if name:
                        out[name] = int(value)
            return out
    raise AssertionError("no figures table in the brief")


def test_changes_are_real_tracked_changes_in_the_order_of_the_new_draft(
        store: Path, brief: Path) -> None:
    counts = check_well_formed_revisions(brief)
    assert counts["ins"] > 0 and counts["del"] > 0
    xml = body(brief)
    for rev in xml.findall(".//w:ins", NS) + xml.findall(".//w:del", NS):
        assert rev.get(f"{W}author") == "Rev.2 (PC.DEL/118/26/Rev.1)"
        assert rev.get(f"{W}date") == "2026-03-03T00:00:00Z"
    rev2 = json.loads(ok(store, "show", NEG, "Rev.2", "--json"))
    rev1 = json.loads(ok(store, "show", NEG, "Rev.1", "--json"))
    diff = json.loads(ok(store, "diff", NEG, "Rev.1", "Rev.2", "--json"))
    # accepting every change gives draft B's text, rejecting them draft A's
    accepted = [_strip_number(paragraph_text(p)) for p in _draft_paragraphs(brief)]
    rejected = [_strip_number(paragraph_text(p, accepted=False)) for p in _draft_paragraphs(brief)]
    expected_new, expected_old = [], []
    for item in diff["paragraphs"]:
        rows_b = [rev2[i] for i in item["to"]]
        rows_a = [rev1[i] for i in item["from"]]
        if all(r["kind"] == "heading" for r in rows_b or rows_a):
            continue
        status = item["status"] if isinstance(item["status"], list) else [item["status"]]
        if "split" in status and len(rows_b) > 1:
            expected_new += [r["text"] for r in rows_b]
            expected_old += [r["text"] for r in rows_b]
            continue
        expected_new.append(" ".join(r["text"] for r in rows_b))
        expected_old.append(" ".join(r["text"] for r in rows_a) if rows_a else "")
    assert accepted == expected_new
    for got, want, item_new in zip(rejected, expected_old, expected_new):
        if want and got != item_new:
            assert got.replace("\n", " ") == want.replace("\n", " ")
    # "shall" -> "should" is a real deletion and insertion in paragraph 1
    dels = [t.text for t in xml.findall(".//w:del//w:delText", NS)]
    ins = ["".join(t.text for t in i.findall(".//w:t", NS)) for i in xml.findall(".//w:ins", NS)]
    assert "shall" in dels and "should" in ins


def test_executive_summary_figures_equal_diff_and_signals_json(store: Path, brief: Path) -> None:
    diff = json.loads(ok(store, "diff", NEG, "Rev.1", "Rev.2", "--json"))
    signals = json.loads(ok(store, "signals", NEG, "Rev.2", "--json"))
    figures = _figures(brief)
    for cls in ("unchanged", "modified", "renumbered", "moved", "split", "merged", "added", "deleted"):
        assert figures[cls.capitalize()] == diff["summary"][cls], cls
    assert figures["Brackets before"] == diff["summary"]["brackets_from"]
    assert figures["Brackets after"] == diff["summary"]["brackets_to"]
    ours = [u for u in signals["uptake"] if u["actor"] == "Belgium"]
    assert figures["Red lines touched"] == len(signals["red_lines_touched"])
    assert figures["Divergences from the EU line"] == len(signals["divergent"])
    assert figures["Proposals adopted"] == sum(u["result"] == "adopted" for u in ours)
    assert figures["Proposals partly reflected"] == sum(u["result"] == "partly" for u in ours)
    assert figures["Proposals not reflected"] == sum(u["result"] == "not_reflected" for u in ours)
    assert figures["Paragraphs needing instructions"] == len(signals["no_instructions"])
    # brackets gone since the earlier draft of the pair: the comparison's figure
    assert figures["Newly agreed paragraphs"] == len(diff["summary"]["newly_agreed"])
    # the story of this pair, as the figures must tell it
    assert figures["Red lines touched"] == 1
    assert figures["Brackets before"] == 4 and figures["Brackets after"] == 0


def test_notes_are_comments_anchored_to_their_paragraph(brief: Path) -> None:
    check_well_formed_revisions(brief)
    d = docx.Document(str(brief))
    comments = {c.comment_id: c for c in d.comments}
    assert [c.text for c in comments.values() if NOTE_1 in c.text]
    anchored = [p for p in _draft_paragraphs(brief) if p.find("w:commentRangeStart", NS) is not None]
    assert len(anchored) == 1
    cid = int(anchored[0].find("w:commentRangeStart", NS).get(f"{W}id"))
    assert NOTE_1 in comments[cid].text and comments[cid].author == "Cyber Desk"
    assert "should nominate a national point of contact" in paragraph_text(anchored[0])


def test_classification_and_title_block(brief: Path) -> None:
    d = docx.Document(str(brief))
    for section in d.sections:
        assert "RESTRICTED" in "".join(p.text for p in section.header.paragraphs)
        assert "RESTRICTED" in "".join(p.text for p in section.footer.paragraphs)
    assert d.paragraphs[[p.style.name for p in d.paragraphs].index("Title")].text == NEG
    block = {r.cells[0].text: r.cells[1].text for r in d.tables[0].rows}
    assert "Rev.1 (PC.DEL/118/26, 10 February 2026)" in block["Drafts compared"]
    assert "Rev.2 (PC.DEL/118/26/Rev.1, 3 March 2026)" in block["Drafts compared"]
    assert block["Prepared by"] == "Delegation of Belgium, Vienna"
    assert d.core_properties.author == "Delegation of Belgium, Vienna"


def test_positions_eu_line_and_others_are_written(brief: Path) -> None:
    text = "\n".join(p.text for p in docx.Document(str(brief)).paragraphs)
    cells = "\n".join(c.text for t in docx.Document(str(brief)).tables for r in t.rows for c in r.cells)
    assert "Support with amendments" in cells
    assert RED_LINE_1 in cells
    assert "Accept 'should' only with a 2027 review." in cells
    assert "EU line" in cells
    assert "Russian Federation" in cells
    assert "Deleted: OP 5 of Rev.1 does not appear in Rev.2." in text
    assert "Small delegations need this workshop." in cells  # our position on the deleted one
    assert "RED LINE TOUCHED" in text


def test_scope_and_actor_options_narrow_the_brief(store: Path, tmp_path: Path) -> None:
    full = _draft_paragraphs(_brief(store, tmp_path / "all.docx"))
    changed = _draft_paragraphs(_brief(store, tmp_path / "changed.docx", "--scope", "changed"))
    assert 0 < len(changed) < len(full)
    texts = [paragraph_text(p) for p in changed]
    assert not any(t.startswith("PP1") or "Recalling the commitment" in t for t in texts)
    signals = json.loads(ok(store, "signals", NEG, "Rev.2", "--json"))
    needing = _draft_paragraphs(_brief(store, tmp_path / "instr.docx",
                                       "--scope", "needing_instructions"))
    assert len(needing) == len(signals["no_instructions"])
    mine = _draft_paragraphs(_brief(store, tmp_path / "mine.docx", "--scope", "with_positions"))
    assert len(mine) == 6  # PP1, PP2, 1, 5 (deleted) and the paragraphs that continue 4 and 6
    only_eu = _brief(store, tmp_path / "eu.docx", "--actor", "EU")
    cells = "\n".join(c.text for t in docx.Document(str(only_eu)).tables for r in t.rows
                      for c in r.cells)
    assert "Russian Federation" not in cells and RED_LINE_1 not in cells


def test_formatted_redline_has_no_revisions(store: Path, tmp_path: Path) -> None:
    path = _brief(store, tmp_path / "print.docx", "--redline", "formatted")
    xml = body(path)
    assert not xml.findall(".//w:ins", NS) and not xml.findall(".//w:del", NS)
    struck = [r for r in xml.iter(f"{W}r") if r.find("w:rPr/w:strike", NS) is not None]
    assert any("shall" in "".join(t.text for t in r.findall("w:t", NS)) for r in struck)


@pytest.fixture(scope="module")
def printed(brief: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """The three briefs the LibreOffice tests read, printed to PDF by one LibreOffice
    run (its start-up is most of a conversion's cost): name -> (.docx, PDF)."""
    work = tmp_path_factory.mktemp("printed")
    sources = [brief, _hostile_brief(work / "hostile"), _demo_brief(work / "demo")]
    return {source.stem: (source, pdf) for source, pdf in convert_all(sources, work, "pdf", "pdf").items()}


@pytest.mark.soffice
def test_libreoffice_opens_the_brief_and_shows_numbers_and_positions(
        brief: Path, printed: dict[str, tuple[Path, Path]], tmp_path: Path) -> None:
    text = pdf_text(printed["brief"][1])
    flat = " ".join(text.split())
    assert "RESTRICTED" in text and "Page 1 of" in text
    for label in ("PP 2", "OP 1", "OP 4", "OP 7", "OP 5 of Rev.1"):
        assert label in flat, label  # as the document writes it, not in small capitals
    for number in ("1.", "4.", "7."):
        assert re.search(rf"(^|\s){re.escape(number)}\s", text, re.M), number
    assert "Support with amendments" in flat
    assert "No weakening of 'shall'" in flat
    comments, changes = libreoffice_view(brief, tmp_path)
    assert any(NOTE_1 in c for c in comments)
    assert changes == len(body(brief).findall(".//w:ins", NS)) + len(body(brief).findall(".//w:del", NS))


def test_amendments_file_is_the_draft_with_our_changes_tracked(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "amendments.docx"
    printed = ok(store, "amendments", NEG, "Rev.1", "--actor", "Belgium", "-o", str(out))
    assert "3 amended paragraphs" in printed and "1 as a comment" in printed
    check_well_formed_revisions(out)
    xml = body(out)
    authors = {r.get(f"{W}author") for r in xml.findall(".//w:ins", NS) + xml.findall(".//w:del", NS)}
    assert authors == {"Belgium"}
    rev1 = json.loads(ok(store, "show", NEG, "Rev.1", "--json"))
    paras = _draft_paragraphs(out)
    body_rows = [r for r in rev1 if r["kind"] != "heading"]
    assert len(paras) == len(body_rows)
    comments = {c.comment_id: c for c in docx.Document(str(out)).comments}
    for p, r in zip(paras, body_rows):
        assert _strip_number(paragraph_text(p, accepted=False)) == r["text"]
        if r["number"] == "1":
            assert _strip_number(paragraph_text(p)) == AMENDMENT_1
            assert paragraph_text(p).startswith("1.\t")
        if r["number"] == "6":  # "Replace X with Y", applied to the words
            assert _strip_number(paragraph_text(p)) == r["text"].replace("next meeting",
                                                                         "2027 meeting")
        if r["number"] == "PP1":
            # an instruction that is not wording: the text stays, the chair reads a comment
            assert not p.findall(".//w:ins", NS) and not p.findall(".//w:del", NS)
            cid = int(p.find("w:commentRangeStart", NS).get(f"{W}id"))
            assert INSTRUCTION_PP1 in comments[cid].text and comments[cid].author == "Belgium"
    whole = "\n".join(paragraph_text(p) for p in xml.iter(f"{W}p"))
    assert RED_LINE_1 not in whole and "core of this decision" not in whole  # internal lines stay home


def test_bad_requests_give_one_line_and_write_nothing(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    code, _, err = run(store, "brief", NEG, "--from", "Rev.9", "--to", "Rev.2", "-o", str(out))
    assert code == 1 and "no draft 'Rev.9'" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(store, "brief", NEG, "--from", "Rev.1", "--to", "Rev.2",
                       "-o", str(tmp_path / "missing" / "x.docx"))
    assert code == 1 and "does not exist" in err
    code, _, err = run(store, "brief", NEG, "--from", "Rev.2", "--to", "Rev.2", "-o", str(out))
    assert code == 1 and "two different drafts" in err
    code, _, err = run(store, "amendments", NEG, "Rev.1", "--actor", "Malta", "-o", str(out))
    assert code == 1 and "proposes no amendments" in err
    assert list(tmp_path.iterdir()) == []


def test_progress_and_cancel(store: Path, tmp_path: Path) -> None:
    from negotiator.drafts import negotiations
    from negotiator.export.brief import Cancelled, write_brief
    from negotiator.storage.store import Store

    seen: list[tuple[int, int]] = []
    st = Store.open(store)
    try:
        with st.transaction() as s:
            neg = negotiations.find_negotiation(s, NEG)
            a, b = negotiations.find_draft(s, neg, "Rev.1"), negotiations.find_draft(s, neg, "Rev.2")
            write_brief(s, neg, a, b, tmp_path / "p.docx", progress=lambda d, t: seen.append((d, t)))
            assert seen and seen[-1][0] == seen[-1][1]
            with pytest.raises(Cancelled):
                write_brief(s, neg, a, b, tmp_path / "c.docx", cancel=lambda: True)
    finally:
        st.close()
    assert not (tmp_path / "c.docx").exists()


HOSTILE = (
    "1. Decides\x07 that States shall \u202eact\u202c on "
    + "https://example.org/" + "verylongtoken" * 120
    + " and on يدعو جميع الدول إلى اتخاذ تدابير بناء الثقة and קורא לכל המדינות;\n\n"
    "2. " + ("Encourages cooperation on capacity-building for all delegations. " * 160)[:10_000]
    + "\n"
)


def _hostile_brief(work: Path) -> Path:
    """A brief between two HOSTILE drafts, with a NUL in its classification and an
    escape sequence in its author."""
    work.mkdir()
    db = work / "hostile.sqlite"
    (work / "a.txt").write_text(HOSTILE, encoding="utf-8")
    (work / "b.txt").write_text(HOSTILE.replace("shall", "should").replace("all delegations",
                                                                         "tous les États"),
                                encoding="utf-8")
    ok(db, "new", "Hostile", "--forum", "Test")
    ok(db, "import", "Hostile", str(work / "a.txt"), "--label", "A")
    ok(db, "import", "Hostile", str(work / "b.txt"), "--label", "B")
    out = work / "out" / "hostile.docx"
    out.parent.mkdir()
    ok(db, "brief", "Hostile", "--from", "A", "--to", "B", "-o", str(out),
       "--classification", "SECRET\x00//NOFORN", "--author", "X\x1b[31mY")
    return out


@pytest.mark.soffice
def test_hostile_drafts_export_cleanly(printed: dict[str, tuple[Path, Path]]) -> None:
    out, pdf = printed["hostile"]
    check_well_formed_revisions(out)
    text = pdf_text(pdf)
    assert "SECRET//NOFORN" in text
    assert "يدعو" in text or "تدابير" in text or "\u064a" in text


def _demo_brief(outdir: Path) -> Path:
    """The demo negotiation's brief, as tools/demo_brief.py writes it."""
    import importlib.util

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("demo_brief", ROOT / "tools" / "demo_brief.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return Path(module.build(outdir))


@pytest.mark.soffice
def test_demo_brief_opens_in_libreoffice(printed: dict[str, tuple[Path, Path]]) -> None:
    """The demo negotiation's brief (tools/demo_brief.py): every Rev.2 paragraph
    number and the red lines the chair's Rev.2 touches are on the pages."""
    brief, pdf = printed["demo-brief"]
    check_well_formed_revisions(brief)
    d = docx.Document(str(brief))
    assert len(list(d.comments)) >= 2
    flat = " ".join(pdf_text(pdf).split())
    assert "RED LINE TOUCHED" in flat.upper()
    # Each paragraph's label is its reference as written, not in small capitals ("OP 6 (A)").
    assert "OP 6 (a)" in flat and "OP 6 (A)" not in flat
    assert "OP 13 (B) (III)" not in flat and "OP 8 BIS OF REV.1" not in flat
    for number in ("1.", "5.", "8.", "14."):
        assert f" {number} " in f" {flat} ", number
    assert (brief.parent / "demo-amendments.docx").exists()


def test_the_new_symbol_and_date_are_tracked_but_not_a_change(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    ok(db, "new", NEG, "--forum", "OSCE Permanent Council", "--delegation", "Belgium")
    for label, symbol, month, body_text in (("Rev.1", "PC.DEL/118/26", "February", REV1),
                                            ("Rev.2", "PC.DEL/118/26/Rev.1", "March", REV2)):
        text = tmp_path / f"{label}.txt"
        text.write_text(f"{symbol}\n10 {month} 2026\n\n{body_text}", encoding="utf-8")
        ok(db, "import", NEG, str(text), "--label", label)
    changed = [paragraph_text(p) for p in _draft_paragraphs(_brief(db, tmp_path / "changed.docx",
                                                                    "--scope", "changed"))]
    assert changed and not any("PC.DEL/118/26" in t for t in changed)
    full = _brief(db, tmp_path / "all.docx")
    top = next(p for p in _draft_paragraphs(full) if "PC.DEL/118/26" in paragraph_text(p))
    assert top.findall(".//w:ins", NS) and top.findall(".//w:del", NS)  # still tracked
    text = "\n".join(p.text for p in docx.Document(str(full)).paragraphs)
    assert "symbol and date" in text.lower()
