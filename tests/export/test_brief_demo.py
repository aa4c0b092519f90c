"""The demo negotiation's Rev.1 -> Rev.2 brief, as a head of delegation reads it:
the one-page table up front, "Needs your attention" by severity, position
tables kept with their paragraph, the figures and references of `diff --json`
and `signals --json`, and the same brief in French. Made on a real store from
the demo (the one `negotiator demo` loads), read back from the .docx."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from negotiator import demo
from negotiator.storage.store import Store
from tests.docx_checks import NS, W, paragraph_text
from tests.export.brief_helpers import (
    body_blocks,
    keeps_with_next,
    ok,
    ok_json,
    style_of,
    table_after,
    text_of,
)

NEG = "1"
REFERENCE = "Meeting of the Informal Working Group, 24 March 2026"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    db = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    st = Store.open(db)
    try:
        demo.load_demo(st)
    finally:
        st.close()
    yield db


@pytest.fixture(scope="module")
def brief(store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brief") / "brief.docx"
    ok(store, "brief", NEG, "--from", "Rev.1", "--to", "Rev.2", "-o", str(out),
       "--classification", "RESTRICTED", "--reference", REFERENCE)
    return out


@pytest.fixture(scope="module")
def brief_fr(store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brief-fr") / "note.docx"
    ok(store, "brief", NEG, "--from", "Rev.1", "--to", "Rev.2", "-o", str(out),
       "--language", "fr", "--reference", "Groupe de travail informel, 24 mars 2026")
    return out


def test_the_one_page_table_lists_what_changed_or_carries_a_signal_most_severe_first(
        brief: Path) -> None:
    rows = table_after(brief, "At a glance")
    assert rows[0] == ["Paragraph", "Change", "Our stance", "EU line", "Others", "Action requested"]
    by_ref = {r[0]: r for r in rows[1:]}
    assert [r[0] for r in rows[1:]] == [
        "OP 5", "OP 8",  # red lines touched
        "OP 3", "OP 4", "OP 8 bis of Rev.1", "OP 10",  # our position to review
        "PP 6", "OP 13 (b) (iii)",  # changed, no instructions
        # newly agreed: nothing to instruct (the obligation change in OP 11 first)
        "OP 11", "PP 5", "OP 6", "OP 6 (b)", "OP 7", "OP 14",
    ]
    assert by_ref["OP 5"][5].splitlines() == ["Defend red line", "Review our position"]
    assert by_ref["OP 8"][5].splitlines()[:2] == ["Defend red line", "Align with EU or explain"]
    assert by_ref["OP 8"][2:4] == ["Support with amendments", "Support with amendments"]
    assert "shall" in by_ref["OP 8"][1] and "decides → invites" in by_ref["OP 8"][1]
    assert by_ref["OP 3"][1] == "unchanged" and by_ref["OP 3"][2] == "Reserve"
    assert by_ref["OP 14"][4].splitlines() == ["Chairmanship: No position",
                                               "Switzerland: Support with amendments"]
    assert by_ref["PP 6"][5] == "Instructions needed"
    assert by_ref["OP 7"][5] == "Take note: newly agreed"
    # every paragraph fits: no "more in the body" line
    assert "more paragraph" not in text_of(brief)


def test_the_one_page_table_agrees_with_diff_and_signals(store: Path, brief: Path) -> None:
    diff = ok_json(store, "diff", NEG, "Rev.1", "Rev.2")
    signals = ok_json(store, "signals", NEG, "Rev.2")
    listed = " ".join(r[0] for r in table_after(brief, "At a glance")[1:])
    changed = [item for item in diff["paragraphs"] if not item["top_matter"]
               and set(item["status"] if isinstance(item["status"], list) else [item["status"]])
               - {"unchanged", "renumbered"}]
    for item in changed:
        name = item["to_refs"][0] if item["to_refs"] else f"{item['from_refs'][0]} of Rev.1"
        assert name in listed, name
    for index in signals["red_lines_touched"] + signals["divergent"]:
        assert signals["references"][str(index)] in listed


def test_needs_your_attention_is_grouped_by_severity(store: Path, brief: Path) -> None:
    rows = table_after(brief, "Needs your attention")
    assert rows[0] == ["Signal", "Paragraph", "Change", "Why it matters"]
    groups = [r[0] for r in rows[1:] if r[0]]
    assert groups == ["Red line touched", "Our position needs review", "No instructions",
                      "Obligation or meaning changed"]
    assert [r[1] for r in rows[1:3]] == ["OP 5", "OP 8"]
    # the changed paragraphs without instructions: one row, every one named
    (grouped,) = [r for r in rows if r[0] == "No instructions"]
    assert grouped[1] == "2 paragraphs"
    assert grouped[3].replace("\u00a0", " ") == (
        "Changed, and no national position: PP 6 and OP 13 (b) (iii)")
    # OP 8: a red line, the EU line and our proposal, said in one row
    op8 = next(r for r in rows if r[1] == "OP 8")
    assert "our red line is touched" in op8[3].lower() and "diverges from the EU line" in op8[3]


def test_a_position_to_review_shows_the_wording_change_since_it_was_taken(brief: Path) -> None:
    blocks = body_blocks(brief)
    heading = next(i for i, b in enumerate(blocks) if paragraph_text(b) == "Needs your attention")
    table = next(b for b in blocks[heading:] if b.tag == f"{W}tbl")
    op3 = next(tr for tr in table.findall("w:tr", NS)
               if paragraph_text(tr.findall("w:tc", NS)[1].find("w:p", NS)) == "OP 3")
    why = op3.findall("w:tc", NS)[3]
    assert "taken on OP 3 of Zero draft" in paragraph_text(why.find("w:p", NS))
    struck = ["".join(t.text for t in r.findall("w:t", NS)) for r in why.iter(f"{W}r")
              if r.find("w:rPr/w:strike", NS) is not None]
    underlined = ["".join(t.text for t in r.findall("w:t", NS)) for r in why.iter(f"{W}r")
                  if r.find("w:rPr/w:u", NS) is not None]
    assert struck == ["shall"] and underlined == ["should"]
    assert not why.findall(".//w:ins", NS)  # a commentary, never a tracked change


def test_position_tables_keep_with_their_paragraph(brief: Path) -> None:
    blocks = body_blocks(brief)
    start = next(i for i, b in enumerate(blocks) if paragraph_text(b) == "Paragraph by paragraph")
    checked = 0
    for i in range(start, len(blocks)):
        if blocks[i].tag != f"{W}tbl" or blocks[i - 1].tag == f"{W}tbl":
            continue
        before = blocks[i - 1]
        if style_of(before) == "SmallPrint" and not paragraph_text(before).strip():
            continue  # a spacer between two tables of one paragraph
        # the first table of a paragraph: everything from its label down keeps with it
        j = i - 1
        while style_of(blocks[j]) != "Label":
            assert keeps_with_next(blocks[j]), paragraph_text(blocks[j])
            j -= 1
        assert keeps_with_next(blocks[j])
        # the paragraph's tables: every row but the very last keeps with the next
        k = i
        tables = []
        while k < len(blocks) and (blocks[k].tag == f"{W}tbl" or (
                style_of(blocks[k]) == "SmallPrint" and not paragraph_text(blocks[k]).strip())):
            if blocks[k].tag == f"{W}tbl":
                tables.append(blocks[k])
            k += 1
        rows = [tr for t in tables for tr in t.findall("w:tr", NS)]
        for tr in rows[:-1]:
            assert all(keeps_with_next(p) for p in tr.iter(f"{W}p"))
        assert not any(keeps_with_next(p) for p in rows[-1].iter(f"{W}p"))
        checked += 1
    assert checked >= 8


def test_reference_on_the_cover(brief: Path) -> None:
    cover = table_after(brief, "OSCE Permanent Council")
    assert cover[0] == ["Meeting / file", REFERENCE]


def test_the_key_points_name_what_signals_names(store: Path, brief: Path) -> None:
    text = text_of(brief).replace("\u00a0", " ")
    assert "2 paragraphs carrying our red lines changed: OP 5 and OP 8." in text
    assert "1 paragraph diverges from the EU line: OP 8." in text
    assert ("17 paragraphs of Rev.2 not yet agreed have no national position; 2 of them changed and "
            "need instructions: PP 6 and OP 13 (b) (iii).") in text
    assert " 0 " not in text.split("Executive summary")[1].split("At a glance")[0]


def test_the_brief_in_french(brief_fr: Path) -> None:
    text = text_of(brief_fr).replace("\u00a0", " ")
    for label in ("NOTE À L’ATTENTION DU CHEF DE DÉLÉGATION", "Synthèse", "Vue d’ensemble",
                  "Points appelant votre attention", "Ligne rouge touchée",
                  "Notre position est à réexaminer", "Sans instructions",
                  "Paragraphe par paragraphe", "LIGNE ROUGE TOUCHÉE",
                  "DIVERGE DE LA LIGNE DE L’UE", "BESOIN D’INSTRUCTIONS",
                  "NOUVELLEMENT AGRÉÉ", "Défendre la ligne rouge", "Besoin d’instructions",
                  "S’aligner sur l’UE ou s’en expliquer", "Notre position", "Ligne de l’UE"):
        assert label in text, label
    cover = table_after(brief_fr, "OSCE Permanent Council")
    assert cover[0] == ["Réunion / dossier", "Groupe de travail informel, 24 mars 2026"]
    assert "Rev.1 (PC.DEL/112/26/Rev.1, 20 février 2026)" in cover[1][1]
    assert "2 paragraphes portant nos lignes rouges ont changé : OP 5 et OP 8." in text
    # the draft's own words stay as the chair wrote them
    assert "Invites participating States to notify the other participating States" in text
    for english in ("Executive summary", "Needs your attention", "RED LINE TOUCHED",
                    "Our position", "Support with amendments"):
        assert english not in text, english


def test_french_dates_footer_and_language_tag(brief_fr: Path) -> None:
    import docx

    d = docx.Document(str(brief_fr))
    footer = "".join(r.text for p in d.sections[0].footer.paragraphs for r in p.runs)
    assert "Page " in footer and " sur " in footer
    assert d.core_properties.language == "fr-FR"
