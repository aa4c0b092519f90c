"""What the brief concludes, on small stores built for each case through the
command line: each signal in its own group in order of severity, the changed
paragraphs without instructions in one row, and no conclusion from absence
when no national position exists."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from negotiator.diff.salience import Category, Salient
from negotiator.diff.worddiff import word_diff
from negotiator.export.brief_text import BriefText
from negotiator.export.draft_text import excerpt_ops
from tests.export.brief_helpers import ok, run, table_after, text_of

NEG = "Cyber CBMs"
REV1 = """Draft decision on ICT confidence-building measures

1. Decides that participating States shall nominate a point of contact by 31 December 2026;

2. Calls upon participating States to share their national views on threats;

3. Requests the Secretariat to maintain a database of points of contact;

4. Invites participating States to hold a workshop in 2027;

5. Encourages participating States to consult in order to reduce the risks of escalation;

6. Decides that participating States shall inform the Secretariat of any change;

7. Decides to review this decision at the next meeting of the Council.
"""
REV2 = (REV1.replace("shall nominate", "should nominate")
        .replace("maintain a database", "establish and maintain a database")
        .replace("hold a workshop in 2027", "hold a workshop in 2028")
        .replace("risks of escalation", "risks of misperception and escalation")
        .replace("shall inform", "should inform"))


def _store(tmp_path: Path, *, positions: bool) -> Path:
    db = tmp_path / "store.sqlite"
    (tmp_path / "rev1.txt").write_text(REV1, encoding="utf-8")
    (tmp_path / "rev2.txt").write_text(REV2, encoding="utf-8")
    ok(db, "new", NEG, "--forum", "OSCE Permanent Council", "--delegation", "Belgium")
    ok(db, "import", NEG, str(tmp_path / "rev1.txt"), "--label", "Rev.1", "--date", "2026-02-10")
    if positions:
        # OP 1: our red line, and the chair weakens it
        ok(db, "position", NEG, "Rev.1", "OP 1", "--actor", "Belgium", "--stance", "support",
           "--red-line", "Keep 'shall'.")
        # OP 2: unchanged, but we oppose what the EU supports
        ok(db, "position", NEG, "Rev.1", "OP 2", "--actor", "Belgium", "--stance", "oppose")
        ok(db, "position", NEG, "Rev.1", "OP 2", "--actor", "EU", "--stance", "support")
        # OP 3: taken on the old wording, to review
        ok(db, "position", NEG, "Rev.1", "OP 3", "--actor", "Belgium", "--stance", "support")
        # OP 7: unchanged, current: nothing to say
        ok(db, "position", NEG, "Rev.1", "OP 7", "--actor", "Belgium", "--stance", "support")
    ok(db, "import", NEG, str(tmp_path / "rev2.txt"), "--label", "Rev.2", "--date", "2026-03-03")
    return db


def _brief(db: Path, out: Path, *extra: str) -> Path:
    ok(db, "brief", NEG, "--from", "Rev.1", "--to", "Rev.2", "-o", str(out), *extra)
    return out


def test_attention_red_line_then_divergence_then_review_then_no_instructions(tmp_path: Path) -> None:
    brief = _brief(_store(tmp_path, positions=True), tmp_path / "brief.docx")
    rows = table_after(brief, "Needs your attention")[1:]
    groups = [(r[0], r[1]) for r in rows]
    assert groups == [
        ("Red line touched", "OP 1"),
        ("Diverges from the EU line", "OP 2"),
        ("Our position needs review", "OP 3"),
        ("No instructions", "3 paragraphs"),
        ("Obligation or meaning changed", "OP 4"),
        ("", "OP 6"),
    ]
    assert rows[3][3].replace("\u00a0", " ") == "Changed, and no national position: OP 4, OP 5 and OP 6"
    assert rows[4][3] == "A figure or a date changed"
    assert rows[5][3] == "The wording of an obligation changed"
    glance = table_after(brief, "At a glance")[1:]
    assert [(r[0], r[5]) for r in glance] == [
        ("OP 1", "Defend red line\nReview our position"),
        ("OP 2", "Align with EU or explain"),
        ("OP 3", "Review our position"),
        ("OP 4", "Instructions needed"),
        ("OP 5", "Instructions needed"),
        ("OP 6", "Instructions needed"),
    ]
    assert glance[1][2:4] == ["Oppose", "Support"]


def test_no_conclusions_without_national_positions(tmp_path: Path) -> None:
    brief = _brief(_store(tmp_path, positions=False), tmp_path / "brief.docx")
    text = text_of(brief)
    assert ("No national positions are recorded for Rev.2: red lines, divergence from the EU "
            "line and the uptake of our proposals cannot be assessed.") in text
    for conclusion in ("None of our red lines", "No paragraph carrying one of our red lines",
                       "the national line and the EU line agree", "national line follows"):
        assert conclusion not in text
    groups = [r[0] for r in table_after(brief, "Needs your attention")[1:] if r[0]]
    assert groups == ["No instructions", "Obligation or meaning changed"]
    figures = {r[2]: r[3] for r in table_after(brief, "Figures")[1:]}
    assert figures["Red lines touched"] == "n/a"
    assert figures["Divergences from the EU line"] == "n/a"


def test_many_paragraphs_the_table_keeps_to_a_page_and_says_how_many_more(tmp_path: Path) -> None:
    db = tmp_path / "long.sqlite"
    old = "\n\n".join(f"{n}. Decides that participating States shall act on measure {n};"
                      for n in range(1, 61))
    (tmp_path / "a.txt").write_text("Draft decision\n\n" + old + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Draft decision\n\n" + old.replace("shall", "should") + "\n",
                                    encoding="utf-8")
    ok(db, "new", NEG, "--forum", "OSCE", "--delegation", "Belgium")
    ok(db, "import", NEG, str(tmp_path / "a.txt"), "--label", "A")
    ok(db, "position", NEG, "A", "OP 60", "--actor", "Belgium", "--stance", "support",
       "--red-line", "Keep 'shall'.")
    ok(db, "import", NEG, str(tmp_path / "b.txt"), "--label", "B")
    brief = tmp_path / "long.docx"
    ok(db, "brief", NEG, "--from", "A", "--to", "B", "-o", str(brief))
    rows = table_after(brief, "At a glance")[1:]
    assert 15 <= len(rows) < 60
    assert rows[0][0] == "OP 60"  # the red line first, though it is the last paragraph
    assert f"{60 - len(rows)} more paragraphs are in the body of the brief" in text_of(brief)
    # a body narrowed to our positions does not hold them: the line does not send the reader there
    narrow = tmp_path / "narrow.docx"
    ok(db, "brief", NEG, "--from", "A", "--to", "B", "-o", str(narrow), "--scope", "with_positions")
    said = text_of(narrow)
    assert "in the body" not in said
    assert f"{60 - len(rows)} more paragraphs changed or carry a signal; there is no room" in said


def test_the_language_must_be_one_we_write(tmp_path: Path) -> None:
    db = _store(tmp_path, positions=False)
    code, _, err = run(db, "brief", NEG, "--from", "Rev.1", "--to", "Rev.2",
                       "-o", str(tmp_path / "x.docx"), "--language", "de")
    assert code == 2 and "invalid choice: 'de'" in err
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize(("language", "day", "expected"), [
    ("en", dt.date(2026, 12, 4), "4 December 2026"),
    ("fr", dt.date(2026, 12, 4), "4 décembre 2026"),
    ("fr", dt.date(2026, 3, 1), "1er mars 2026"),
])
def test_dates_as_a_diplomat_writes_them(language: str, day: dt.date, expected: str) -> None:
    assert BriefText(language).date(day) == expected


def test_french_words_and_typography() -> None:
    fr = BriefText("fr")
    assert fr.join(["OP 1", "OP 2", "OP 3"]) == "OP 1, OP 2 et OP 3"
    assert fr.count(1, "paragraph") == "1 paragraphe" and fr.count(3, "paragraph") == "3 paragraphes"
    assert fr("divergent_one", where="OP 8") == "1 paragraphe diverge de la ligne de l’UE\u00a0: OP 8."
    # a delegation's own words are never retouched
    assert fr("proposes", text="Replace 'a' : 'b'") == "Propose\u00a0: Replace 'a' : 'b'"
    negation = Salient(Category.NEGATION, ("ne", "pas"), ())
    assert fr.salient(negation) == "négation supprimée\u00a0: «\u00a0ne pas\u00a0»"
    assert BriefText("en").salient(negation) == negation.describe()


def test_a_short_redline_keeps_the_changes_and_a_few_words_around_them() -> None:
    a = ("Decides that each participating State shall designate national points of contact at "
         "the policy and technical levels and inform the Secretariat of any change without delay;")
    b = a.replace("shall", "should").replace("without delay", "promptly")
    got = excerpt_ops(word_diff(a, b))
    assert [op for op, _ in got] == ["=", "-", "+", "=", "-", "+", "="]
    assert got[1:3] == [("-", "shall"), ("+", "should")]
    assert "…" in got[3][1] and len(got[3][1].split()) <= 11
    assert excerpt_ops(word_diff(a, a)) == []
