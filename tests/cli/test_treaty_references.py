"""A treaty numbers the paragraphs of each article afresh: "1." under Article 3
is cited "Art. 3(1)", as delegates cite it, not "OP 1, 3rd occurrence". The
same label is printed by `show` and `diff` and read back by `position` and
`history`, typed as printed, with "Article" spelled out, or bare ("3(2)(b)")."""

from __future__ import annotations

import json
from pathlib import Path

from negotiator.export.brief_text import BriefText
from tests.conftest import ok_in_process, run_in_process, store_with_drafts

NEG = "Tsunami warning convention"
CRP1 = """A/AC.999/2027/CRP.1
12 March 2027

Ad Hoc Committee on Tsunami Warning
First session

Draft Convention on Regional Tsunami Warning

The States Parties to this Convention,

Recalling the devastation caused by tsunamis in the region,

Convinced that warnings reach coastal communities in time only through cooperation,

Have agreed as follows:

Chapter I
General provisions

Article 1. Purpose

The purpose of this Convention is:

(a) to reduce the loss of life caused by tsunamis;

(b) to strengthen regional early warning.¹

¹ Including warnings of tsunamis caused by landslides and volcanic eruptions.

Article 2
Use of terms

For the purposes of this Convention, "warning centre" means a centre designated under article 3.

Article 3. Warning centres

1. Each State Party shall designate a national warning centre.

2. Each warning centre shall:

(a) receive the alerts issued by the regional centre;

(b) relay them without delay to the authorities concerned.

[Nothing in this Convention shall oblige a State Party to disclose data bearing on its national security.]
"""
# Rev.1 inserts an article on data before the warning centres: Article 3 becomes Article 4.
CRP2 = CRP1.replace("CRP.1\n12 March", "CRP.2\n30 April").replace(
    "Article 3. Warning centres", """Article 3. Sea-level data

States Parties shall share sea-level observations in real time.

Article 4. Warning centres""").replace("designated under article 3", "designated under article 4")


def _store(tmp_path: Path) -> Path:
    return store_with_drafts(tmp_path / "store.sqlite", NEG, {"CRP.1": CRP1, "CRP.2": CRP2})


def _references(db: Path, label: str) -> dict[str, str]:
    rows = json.loads(ok_in_process(db, "show", NEG, label, "--json"))
    return {r["text"].split("\n")[0][:30]: r["reference"] for r in rows}


def test_treaty_paragraphs_are_cited_with_their_article(tmp_path: Path) -> None:
    refs = _references(_store(tmp_path), "CRP.1")
    assert refs["Ad Hoc Committee on Tsunami Wa"] == "¶ 1"
    assert refs["The States Parties to this Con"] == "¶ 2"  # under the title: counted on
    assert refs["Recalling the devastation caus"] == "PP 1"
    assert refs["Chapter I"] == "Chapter I"  # its title on the next line: a heading
    assert refs["Article 1. Purpose"] == "Article 1"
    assert refs["The purpose of this Convention"] == "Art. 1 ¶ 1"
    assert refs["to reduce the loss of life cau"] == "Art. 1(a)"
    assert refs["¹ Including warnings of tsunam"] == "Footnote 1"  # no recital
    assert refs["Article 2"] == "Article 2"
    assert refs["Each State Party shall designa"] == "Art. 3(1)"
    assert refs["relay them without delay to th"] == "Art. 3(2)(b)"
    # After the articles began, a paragraph opening "Nothing ..." is no recital.
    assert refs["[Nothing in this Convention sh"] == "Art. 3 ¶ 1"
    assert not [r for r in refs.values() if "occurrence" in r]


def test_diff_prints_the_labels_show_prints_and_follows_the_renumbered_article(tmp_path: Path) -> None:
    db = _store(tmp_path)
    diff = json.loads(ok_in_process(db, "diff", NEG, "CRP.1", "CRP.2", "--json"))
    shown = {label: set(_references(db, label).values()) for label in ("CRP.1", "CRP.2")}
    for entry in diff["paragraphs"]:
        assert set(entry["from_refs"]) <= shown["CRP.1"]
        assert set(entry["to_refs"]) <= shown["CRP.2"]
    moves = {tuple(e["from_refs"]): tuple(e["to_refs"]) for e in diff["paragraphs"] if e["from_refs"]}
    assert moves[("Art. 3(2)(b)",)] == ("Art. 4(2)(b)",)
    assert moves[("Article 3",)] == ("Article 4",)
    # The new article: its heading and its one unnumbered paragraph.
    assert [e["to_refs"] for e in diff["paragraphs"] if not e["from_refs"]] == [["Article 3"],
                                                                                  ["Art. 3 ¶ 1"]]


def test_a_treaty_paragraph_is_named_as_printed_with_article_spelled_out_or_bare(tmp_path: Path) -> None:
    db = _store(tmp_path)
    ok_in_process(db, "position", NEG, "CRP.1", "Art. 3(2)(b)", "--actor", "Belgium",
                  "--stance", "support_with_amendments", "--amendment", "relay them at once")
    # The last as copied from a brief, which holds a reference on one line.
    for name in ("Art. 3(2)(b)", "Article 3(2)(b)", "art 3 (2) (b)", "3(2)(b)", "Art.\xa03(2)\u2060(b)"):
        assert "support with amendments" in ok_in_process(db, "history", NEG, "CRP.1", name), name
    rows = json.loads(ok_in_process(db, "positions", NEG, "CRP.2", "--json"))
    assert [r["reference"] for r in rows if r["positions"]] == ["Art. 4(2)(b)"]


def test_the_brief_keeps_each_reference_on_one_line_and_breaks_between_them() -> None:
    listed = BriefText("en").refs(["Art. 9(3), Art. 9(3)(a)", "Art. 9(5)"])
    assert listed == "Art.\xa09(3), Art.\xa09(3)\u2060(a) and Art.\xa09(5)"


def test_an_unknown_reference_is_answered_with_the_drafts_own_labels(tmp_path: Path) -> None:
    done = run_in_process(_store(tmp_path), "history", NEG, "CRP.1", "Art. 20(1)(c)")
    assert done.code != 0
    assert "has no paragraph 'Art. 20(1)(c)'" in done.err and "e.g. 'Art. 1 ¶ 1' or 'PP 1'" in done.err, \
        done.err


OPTIONS = """Draft charter of the centre

Article 11. Decision-making

1. Each Member shall have one vote.

2. Alt 1: [The Governing Council shall make every effort to reach decisions by consensus.]

Alt 2: [Decisions of the Governing Council shall be taken by consensus.]

Article 12. Seat

Option 1: [The Centre shall have its seat in the territory of the Member selected by the Council.]

Option 2: [The seat of the Centre shall be decided by the conference adopting this Charter.]
"""


def test_an_alternative_is_cited_with_the_paragraph_it_is_an_alternative_of(tmp_path: Path) -> None:
    db = store_with_drafts(tmp_path / "store.sqlite", NEG, {"CRP.1": OPTIONS})
    refs = _references(db, "CRP.1")
    assert [refs[text] for text in refs if text.startswith(("Alt", "Option"))] == \
        ["Art. 11(2)", "Art. 11(2) Alt 2", "Art. 12 Option 1", "Art. 12 Option 2"]
    ok_in_process(db, "position", NEG, "CRP.1", "Art. 11(2) Alt 2", "--actor", "Belgium", "--stance", "oppose")
    assert "oppose" in ok_in_process(db, "history", NEG, "CRP.1", "Article 11(2), Alt 2")
