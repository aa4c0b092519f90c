"""The aligner of issue 10: one handcrafted case per failure shape seen on real
drafts (OSCE/UN-style paragraphs written for these tests), the same result under
any hash seed, the word diff's fallback for unrelated pairs, and the link
quality on the labelled corpus pairs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import CORPUS

from negotiator.diff.align import Link, Para, align
from negotiator.diff.worddiff import DELETE, INSERT, word_diff

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "tests" / "data" / "alignment" / "corpus_links.json"

POC = ("Encourages participating States to nominate policy and technical points of contact "
       "and to keep the list of contacts up to date;")
EXERCISE = ("Requests the Secretariat to organise, within existing resources, a tabletop "
            "exercise for points of contact before the next meeting;")
REPORT = ("Tasks the Chairmanship with preparing a consolidated overview of the national "
          "replies to the voluntary questionnaire on critical infrastructure protection;")
SEIZED = "Decides to remain seized of the matter."
CABLES = ("Calls upon States to protect undersea cables and satellite links against malicious "
          "activity and to share information on incidents affecting them;")
GENDER = ("Recognises the value of gender-sensitive approaches to capacity-building and the "
          "role of partnerships with academia and the technical community;")


def paras(texts: Sequence[str]) -> list[Para]:
    return [Para(None, t) for t in texts]


def by_new(links: list[Link]) -> dict[int, Link]:
    return {j: link for link in links for j in link.new}


def by_old(links: list[Link]) -> dict[int, Link]:
    return {i: link for link in links for i in link.old}


def pairs(links: list[Link]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(link.old, link.new) for link in links if link.old and link.new}


# --- 1. determinism ---

_PRINT_ALIGNMENT = """
import json, sys
from negotiator.diff.align import Para, align
a, b = json.load(sys.stdin)
for link in align([Para(n, t) for n, t in a], [Para(n, t) for n, t in b]):
    print(link.status, link.old, link.new)
"""


def _deterministic_case() -> tuple[list[tuple[str | None, str]], list[tuple[str | None, str]]]:
    """Duplicates, look-alikes and exact ties: where set order used to leak in."""
    a = [(None, "A. Confidence-building measures"), ("1", POC), ("2", EXERCISE), ("3", SEIZED),
         (None, "B. Capacity-building"), ("4", GENDER), ("5", REPORT), ("6", SEIZED),
         ("7", "Option 1:"), ("8", CABLES), ("9", "Option 2:"),
         ("10", CABLES.replace("Calls upon", "Invites"))]
    b = [(None, "A. Capacity-building"), ("1", GENDER),
         ("2", REPORT.replace("consolidated", "short")),
         ("3", SEIZED), (None, "B. Confidence-building measures"), ("4", EXERCISE), ("5", POC),
         ("6", SEIZED), ("7", "Option 1:"), ("8", CABLES.replace("Calls upon", "Invites")),
         ("9", "Option 2:"), ("10", CABLES)]
    return a, b


def test_same_alignment_under_any_hash_seed() -> None:
    cases = [_deterministic_case()]
    if CORPUS.exists():
        from negotiator.text.importer import read_file
        files = sorted((CORPUS / "securitytxt-rfc9116").glob("v*.txt"))[-2:]
        old, new = ([(p.number, p.text) for p in read_file(f).paragraphs] for f in files)
        cases.append((old, new))
    # Our treaty revision: every restructuring shape (merges, label joins,
    # fused and split articles) in one pair.
    from negotiator.text.importer import read_file as read_own
    treaty = [[(p.number, p.text) for p in read_own(ROOT / "tests" / "data" / "alignment" / name)
               .paragraphs] for name in ("treaty_r1.txt", "treaty_r2.txt")]
    cases.append((treaty[0], treaty[1]))
    for a, b in cases:
        outputs = set()
        for seed in ("0", "1", "2"):
            env = {**os.environ, "PYTHONHASHSEED": seed}
            done = subprocess.run([sys.executable, "-c", _PRINT_ALIGNMENT],
                                  input=json.dumps([a, b]), capture_output=True, text=True,
                                  env=env, cwd=ROOT, check=True)
            outputs.add(done.stdout)
        assert len(outputs) == 1, "the alignment depends on the hash seed"
        assert next(iter(outputs)).count("\n") >= len(b) // 2


# --- 2. headings: numbers are identifiers, sections say who is who ---

def test_renumbered_retitled_heading_follows_its_section() -> None:
    scope = ("This Decision applies to the cooperation of participating States in the "
             "protection of critical infrastructure against ICT incidents.")
    terms = ("For the purposes of this Decision, an ICT incident means an event that "
             "compromises the availability or integrity of a network or service.")
    a = paras(["Article 3 (Scope)", scope, "Article 4 (Definitions)", terms])
    b = paras(["Article 3 (Purpose)", "The purpose of this Decision is to reduce the risks of "
               "misperception arising from the use of ICTs.", "Article 4", scope,
               "Article 5 (Definitions)", terms])
    links = align(a, b)
    # "Article 3" went to the old Article 3, now numbered 4, not to the new Article 3.
    assert by_old(links)[0].new == (2,)
    assert by_old(links)[2].new == (4,) and by_old(links)[2].status == ("renumbered",)
    assert by_new(links)[0].status == ("added",)


# --- 3. a heavy rewrite in place, between two matched neighbours ---

def test_heavy_rewrite_between_matched_neighbours_links() -> None:
    rewritten = ("Invites participating States to designate, where they have not done so, "
                 "national points of contact at the policy and technical levels, and to "
                 "inform the Secretariat of any change;")
    links = align(paras([EXERCISE, POC, REPORT]), paras([EXERCISE, rewritten, REPORT]))
    assert by_new(links)[1] == Link(("modified",), (1,), (1,))


# --- 4. short blocks: word overlap means nothing at that size ---

def test_short_blocks_do_not_link_on_one_shared_word() -> None:
    a = paras(["Welcomes States;", POC, EXERCISE, REPORT])
    b = paras([POC, EXERCISE, REPORT, "Urges States;"])
    links = align(a, b)
    assert by_old(links)[0].status == ("deleted",)
    assert by_new(links)[3].status == ("added",)


# --- 5. moves decided after the order, from what is left ---

def test_move_does_not_displace_its_neighbours() -> None:
    a = paras([POC, EXERCISE, REPORT, CABLES, GENDER, SEIZED])
    lightly = REPORT.replace("consolidated overview", "short overview")
    b = paras([POC, CABLES, EXERCISE, lightly, GENDER, SEIZED])
    links = align(a, b)
    assert by_new(links)[1] == Link(("moved",), (3,), (1,))
    assert by_new(links)[2].status == ("unchanged",)
    assert by_new(links)[3] == Link(("modified",), (2,), (3,))


def test_comparison_does_not_freeze_stored_lineage_guesses(db_path: Path) -> None:
    from sqlalchemy import select, update

    from negotiator.drafts import negotiations as ops
    from negotiator.drafts.comparison import compare_drafts
    from negotiator.storage.models import Paragraph
    from negotiator.storage.store import Store
    from negotiator.text.importer import read_bytes

    def body(texts: list[str]) -> bytes:
        return "\n\n".join(f"{k + 1}. {t}" for k, t in enumerate(texts)).encode()

    store = Store.open(db_path)
    try:
        with store.transaction() as s:
            neg = ops.create_negotiation(s, "CBMs", "OSCE PC", "Belgium")
            ops.import_draft(s, neg, read_bytes(body([POC, EXERCISE, REPORT]), "z.txt"), "Zero")
            ops.import_draft(s, neg, read_bytes(body([POC, EXERCISE, REPORT]), "r.txt"), "Rev.1")
            rev1 = ops.find_draft(s, neg, "Rev.1")
            rows = s.scalars(select(Paragraph).where(Paragraph.draft_id == rev1.id)
                             .order_by(Paragraph.ordinal)).all()
            # A wrong import-time guess: paragraphs 2 and 3 swapped lineages.
            first, second = rows[1].lineage_id, rows[2].lineage_id
            s.execute(update(Paragraph).where(Paragraph.id == rows[1].id).values(lineage_id=second))
            s.execute(update(Paragraph).where(Paragraph.id == rows[2].id).values(lineage_id=first))
        with store.transaction() as s:
            neg = ops.find_negotiation(s, "CBMs")
            result = compare_drafts(s, ops.find_draft(s, neg, "Zero"),
                                    ops.find_draft(s, neg, "Rev.1"))
    finally:
        store.close()
    assert [e.kinds for e in result.entries] == [("unchanged",)] * 3


# --- 6. a label joined to its paragraph ---

def test_label_joined_to_the_paragraph_it_labels_is_a_merge() -> None:
    alt = CABLES.replace("Calls upon", "Invites")
    a = paras([POC, "Option 1:", CABLES, "Option 2:", alt, SEIZED])
    b = paras([POC, f"Option 1: {CABLES}", f"Option 2: {alt}", SEIZED])
    links = align(a, b)
    assert by_new(links)[1] == Link(("merged",), (1, 2), (1,))
    assert by_new(links)[2] == Link(("merged",), (3, 4), (2,))


# --- 7. a substantive split into non-adjacent parts ---

def test_split_into_parts_that_are_not_next_to_each_other() -> None:
    fused = ("Decides that the informal working group shall meet at least twice a year in "
             "Vienna, and shall report annually to the Permanent Council on the implementation "
             "of the confidence-building measures adopted by participating States.")
    meet = "Decides that the informal working group shall meet at least twice a year in Vienna;"
    report = ("Further decides that the informal working group shall report annually to the "
              "Permanent Council on the implementation of the confidence-building measures "
              "adopted by participating States;")
    a = paras([POC, fused, SEIZED])
    b = paras([POC, meet, EXERCISE, report, SEIZED])
    links = align(a, b)
    assert by_old(links)[1] == Link(("split",), (1,), (1, 3))
    assert by_new(links)[2].status == ("added",)


# --- 8. a merge takes its real part, not a dropped sibling alternative ---

def test_merge_skips_a_dropped_alternative_and_finds_the_part_two_blocks_away() -> None:
    alt1 = ("[Participating States shall notify the Secretariat of significant ICT incidents "
            "affecting critical infrastructure within 72 hours;]")
    alt2 = ("[Participating States should notify the Secretariat of significant ICT incidents "
            "affecting critical infrastructure without undue delay;]")
    share = ("Participating States are encouraged to share, on a voluntary basis, lessons "
             "learned from such incidents with the informal working group;")
    merged = ("Participating States should notify the Secretariat of significant ICT incidents "
              "affecting critical infrastructure within 72 hours, and are encouraged to share, "
              "on a voluntary basis, lessons learned from such incidents with the informal "
              "working group;")
    a = paras([POC, alt1, alt2, share, SEIZED])
    b = paras([POC, merged, SEIZED])
    links = align(a, b)
    assert by_new(links)[1].old == (1, 3) and by_new(links)[1].status == ("merged",)
    assert by_old(links)[2].status == ("deleted",)


# --- 9. containment is not similarity ---

def test_short_item_inside_a_long_paragraph_is_not_linked_to_it() -> None:
    long = ("Stresses that cooperation, capacity-building and confidence-building among "
            "participating States, in full respect of human rights and fundamental freedoms, "
            "contribute to reducing the risks of conflict stemming from the use of ICTs;")
    item = "Capacity-building and confidence-building;"
    links = align(paras([POC, long, SEIZED]), paras([POC, long, item, SEIZED]))
    assert by_new(links)[1] == Link(("unchanged",), (1,), (1,))
    assert by_new(links)[2].status == ("added",)


# --- 10. duplicates and look-alikes resolved by their neighbours ---

def test_verbatim_duplicates_follow_their_neighbours() -> None:
    part_one = ["Part I. Confidence-building measures", POC, EXERCISE, SEIZED]
    part_two = ["Part II. Capacity-building", GENDER, REPORT, SEIZED]
    a = paras(part_one + part_two)
    b = paras(part_two + part_one)
    links = align(a, b)
    assert by_old(links)[3].new == (7,)  # the first part's closing line went with it
    assert by_old(links)[7].new == (3,)


def test_templated_look_alikes_follow_their_neighbours() -> None:
    def focal(subject: str) -> str:
        return (f"Each participating State shall designate a national focal point for "
                f"{subject} and notify the Secretariat of its contact details;")
    a = paras([POC, focal("incident response"), EXERCISE, REPORT, focal("critical infrastructure"),
               GENDER])
    b = paras([POC, focal("incident handling"), EXERCISE, REPORT,
               focal("the protection of critical infrastructure"), GENDER])
    links = align(a, b)
    assert by_old(links)[1].new == (1,)
    assert by_old(links)[4].new == (4,)


# --- 11. a new alternative renumbers the options ---

def test_option_labels_follow_what_they_label() -> None:
    new_alt = ("Invites participating States to consider establishing a roster of experts "
               "on ICT incidents, available to other participating States on request;")
    alt = CABLES.replace("Calls upon", "Invites")
    a = paras([POC, "Option 1:", CABLES, "Option 2:", alt, SEIZED])
    b = paras([POC, "Option 1:", new_alt, "Option 2:", CABLES, "Option 3:", alt, SEIZED])
    links = align(a, b)
    assert by_old(links)[1] == Link(("renumbered",), (1,), (3,))
    assert by_old(links)[3] == Link(("renumbered",), (3,), (5,))
    assert by_new(links)[1].status == ("added",)
    assert by_new(links)[2].status == ("added",)


# --- the word diff of an unrelated pair ---

def test_unrelated_linked_pair_is_deleted_and_inserted_whole() -> None:
    old = " ".join([POC, EXERCISE, REPORT])
    new = " ".join([CABLES, GENDER, SEIZED])
    assert word_diff(old, new) == [(DELETE, old), (INSERT, new)]
    edited = old.replace("tabletop", "scenario-based")
    assert len(word_diff(old, edited)) > 2  # a real diff for a related pair


# --- quality on the labelled corpus pairs ---

# Floors a little under today's scores: a change that loses links fails here
# before it reaches a delegation. bench/bench_align_quality.py prints the table.
MEAN_F1_FLOOR = 0.985
PAIR_F1_FLOOR = 0.92


@pytest.mark.skipif(not CORPUS.exists(), reason=f"the shared corpus is not at {CORPUS}")
def test_links_on_the_labelled_corpus_pairs() -> None:
    from negotiator.text.importer import read_file

    scores = []
    for pair in json.loads(LABELS.read_text(encoding="utf-8"))["pairs"]:
        a = [Para(p.number, p.text) for p in read_file(CORPUS / pair["old"]).paragraphs]
        b = [Para(p.number, p.text) for p in read_file(CORPUS / pair["new"]).paragraphs]
        assert (len(a), len(b)) == (pair["old_paragraphs"], pair["new_paragraphs"])
        truth = {(i, j) for old, new in pair["links"] for i in old for j in new}
        found = {(i, j) for link in align(a, b) for i in link.old for j in link.new}
        hit = len(truth & found)
        f1 = 2 * hit / (len(truth) + len(found)) if truth or found else 1.0
        assert f1 >= PAIR_F1_FLOOR, (pair["old"], f1)
        scores.append(f1)
    assert sum(scores) / len(scores) >= MEAN_F1_FLOOR


OWN_LABELS = ROOT / "tests" / "data" / "alignment" / "own_links.json"
# Our own pairs (a chair's heavy revisions of a treaty and of an OSCE
# decision, labelled before any aligner ran on them): the floor is a little
# under today's scores (0.992 and 1.0 both ways), so a regression shows.
OWN_PAIR_F1_FLOOR = 0.98


def test_links_on_our_labelled_revisions_both_ways() -> None:
    from negotiator.text.importer import read_file

    for pair in json.loads(OWN_LABELS.read_text(encoding="utf-8"))["pairs"]:
        a = [Para(p.number, p.text) for p in read_file(OWN_LABELS.parent / pair["old"]).paragraphs]
        b = [Para(p.number, p.text) for p in read_file(OWN_LABELS.parent / pair["new"]).paragraphs]
        assert (len(a), len(b)) == (pair["old_paragraphs"], pair["new_paragraphs"])
        truth = {(i, j) for old, new in pair["links"] for i in old for j in new}
        # Read backwards too: the new draft first, its merges become splits.
        for x, y, labelled in ((a, b, truth), (b, a, {(j, i) for i, j in truth})):
            found = {(i, j) for link in align(x, y) for i in link.old for j in link.new}
            f1 = 2 * len(labelled & found) / (len(labelled) + len(found))
            assert f1 >= OWN_PAIR_F1_FLOOR, (pair["old"], x is b, f1)


# --- user corrections always win ---

def test_a_user_anchor_is_not_regrouped_into_a_split() -> None:
    fused = ("Decides that the informal working group shall meet at least twice a year in "
             "Vienna, and shall report annually to the Permanent Council on the implementation "
             "of the confidence-building measures adopted by participating States.")
    meet = "Decides that the informal working group shall meet at least twice a year in Vienna;"
    report = ("Further decides that the informal working group shall report annually to the "
              "Permanent Council on the implementation of the confidence-building measures "
              "adopted by participating States;")
    a = paras([POC, fused, SEIZED])
    b = paras([POC, meet, report, SEIZED])
    assert by_old(align(a, b))[1].new == (1, 2)
    links = align(a, b, anchors=[(1, 2)], unlinked_b=[1])
    assert by_old(links)[1] == Link(("modified",), (1,), (2,))
    assert by_new(links)[1].status == ("added",)


def test_a_year_changed_in_a_short_numbered_paragraph_is_a_modification() -> None:
    # Short numbered paragraphs read like headings, but a year in their text is
    # content, not an identifier: only "Article 3" -> "Article 4" is a renumbering.
    a = [Para("4", "Invites participating States to hold a workshop in 2027;"),
         Para(None, "Article 3"),
         Para("5", "Decides to review this decision at the next meeting.")]
    b = [Para("4", "Invites participating States to hold a workshop in 2028;"),
         Para(None, "Article 4"),
         Para("5", "Decides to review this decision at the next meeting.")]
    links = align(a, b)
    assert [link.status for link in links] == [("modified",), ("renumbered",), ("unchanged",)]
