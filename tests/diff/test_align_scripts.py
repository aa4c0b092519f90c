"""Paragraph alignment: handcrafted drafts for every class, property tests over
random edit scripts, and successive versions of real documents."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest
from conftest import CORPUS
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.diff.align import Link, Para, align, normalise

# A small OEWG-style draft, written for these tests.
BASE = [
    ("1", "Welcomes the adoption by consensus of the annual progress report of the "
          "open-ended working group on security of and in the use of information and "
          "communications technologies;"),
    ("2", "Calls upon States to refrain from conducting or knowingly supporting ICT "
          "activity contrary to their obligations under international law that "
          "intentionally damages critical infrastructure;"),
    ("3", "Encourages States to nominate national points of contact for the global "
          "intergovernmental directory and to keep their details up to date;"),
    ("4", "Requests the Secretariat to organise, within existing resources, a "
          "simulation exercise for points of contact in 2026, and invites regional "
          "organisations to share their experience of similar exercises with the group;"),
    ("5", "Stresses that capacity-building should be demand-driven, tailored to "
          "national needs and respectful of human rights and fundamental freedoms;"),
    ("6", "Recognises the value of gender-sensitive approaches to capacity-building "
          "and the role of partnerships with academia and the technical community;"),
    ("7", "Decides to convene a dedicated thematic session on the protection of "
          "undersea cables and satellite links from malicious activity;"),
    ("8", "Decides to remain seized of the matter."),
]


def paras(rows: Sequence[tuple[str | None, str]]) -> list[Para]:
    return [Para(n, t) for n, t in rows]


def renumber(texts: Sequence[str]) -> list[Para]:
    return [Para(str(k + 1), t) for k, t in enumerate(texts)]


def by_new(links: list[Link]) -> dict[int, Link]:
    return {j: link for link in links for j in link.new}


def by_old(links: list[Link]) -> dict[int, Link]:
    return {i: link for link in links for i in link.old}


def assert_partition(links: list[Link], n_a: int, n_b: int) -> None:
    olds = sorted(i for link in links for i in link.old)
    news = sorted(j for link in links for j in link.new)
    assert olds == list(range(n_a))
    assert news == list(range(n_b))


BASE_TEXTS = [t for _, t in BASE]


def test_identical_drafts_are_all_unchanged() -> None:
    a = paras(BASE)
    links = align(a, a)
    assert [link.status for link in links] == [("unchanged",)] * len(a)
    assert [(link.old, link.new) for link in links] == [((k,), (k,)) for k in range(len(a))]


def test_renumbered_text_with_one_real_change() -> None:
    new_first = ("Reaffirms that international law, and in particular the Charter of the "
                 "United Nations, is applicable to the use of ICTs by States;")
    changed = BASE_TEXTS[1].replace("Calls upon", "Urges")
    b = renumber([new_first, BASE_TEXTS[0], changed, *BASE_TEXTS[2:]])
    links = align(paras(BASE), b)
    assert_partition(links, len(BASE), len(b))
    nb = by_new(links)
    assert nb[0].status == ("added",)
    assert nb[2].status == ("modified",) and nb[2].old == (1,)
    for j in (1, 3, 4, 5, 6, 7, 8):
        assert nb[j].status == ("renumbered",), (j, nb[j])
        assert nb[j].old == (j - 1,)


def test_leading_numbering_and_whitespace_are_not_changes() -> None:
    a = [Para(None, "3.  Encourages  States to share\nnational views;")]
    b = [Para(None, "4. Encourages States to share national views;")]
    assert normalise(a[0].text) == normalise(b[0].text)
    assert align(a, b)[0].status == ("renumbered",)
    assert align(a, [Para(None, "3. Encourages States to share national views;")])[0].status \
        == ("unchanged",)


def test_moved_and_modified() -> None:
    moved = BASE_TEXTS[2].replace("Encourages", "Strongly encourages")
    texts = [BASE_TEXTS[0], BASE_TEXTS[1], *BASE_TEXTS[3:7], moved, BASE_TEXTS[7]]
    links = align(paras(BASE), renumber(texts))
    nb = by_new(links)
    assert nb[6].old == (2,)
    assert nb[6].status == ("moved", "modified")
    assert sum("moved" in link.status for link in links) == 1


def test_moved_unchanged_text() -> None:
    texts = [BASE_TEXTS[6], *BASE_TEXTS[:6], BASE_TEXTS[7]]
    links = align(paras(BASE), [Para(n, t) for (n, _), t in zip(BASE, texts, strict=True)])
    nb = by_new(links)
    assert nb[0].status == ("moved",) and nb[0].old == (6,)


def test_split() -> None:
    first, second = BASE_TEXTS[3].split(", and invites ")
    texts = [*BASE_TEXTS[:3], first + ";", "Invites " + second, *BASE_TEXTS[4:]]
    links = align(paras(BASE), renumber(texts))
    assert_partition(links, len(BASE), len(texts))
    split = by_old(links)[3]
    assert split.status == ("split",)
    assert split.new == (3, 4)
    assert by_new(links)[5].status == ("renumbered",)


def test_merge() -> None:
    merged = ("Stresses that capacity-building should be demand-driven, tailored to national "
              "needs, gender-sensitive and respectful of human rights, and recognises the "
              "role of partnerships with academia and the technical community;")
    texts = [*BASE_TEXTS[:4], merged, *BASE_TEXTS[6:]]
    links = align(paras(BASE), renumber(texts))
    assert_partition(links, len(BASE), len(texts))
    merge = by_new(links)[4]
    assert merge.status == ("merged",)
    assert merge.old == (4, 5)


def test_brackets_only_change_is_modified() -> None:
    a = paras([("1", "Condemns [strongly] any ICT activity against [the public core of] "
                     "the Internet;")])
    b = paras([("1", "Condemns strongly any ICT activity against the public core of "
                     "the Internet;")])
    links = align(a, b)
    assert links == [Link(("modified",), (0,), (0,))]


def test_deleted_placed_where_it_stood_and_added_in_b_order() -> None:
    new = ("Invites the Chair to prepare a non-paper on the modalities of a future "
           "regular institutional dialogue;")
    texts = [*BASE_TEXTS[:2], *BASE_TEXTS[3:5], new, *BASE_TEXTS[5:]]
    links = align(paras(BASE), renumber(texts))
    kinds = [(link.status[0], link.old, link.new) for link in links]
    assert kinds[2] == ("deleted", (2,), ())
    assert kinds[1][1:] == ((1,), (1,))
    assert kinds[5] == ("added", (), (4,))


def test_rewrite_in_place_links_but_replacement_does_not() -> None:
    rewritten = ("Encourages all States to designate national points of contact to the "
                 "intergovernmental directory, and to update their contact details regularly;")
    unrelated = ("Takes note with appreciation of the voluntary national surveys of "
                 "implementation submitted by several delegations;")
    for text, expected in ((rewritten, ("modified",)), (unrelated, ("added",))):
        texts = [*BASE_TEXTS[:2], text, *BASE_TEXTS[3:]]
        links = align(paras(BASE), renumber(texts))
        assert by_new(links)[2].status == expected


def test_user_anchor_wins() -> None:
    texts = [*BASE_TEXTS[:7], "Decides to include in the provisional agenda of its next "
             "session an item on ICTs in the context of international security."]
    a, b = paras(BASE), renumber(texts)
    assert by_new(align(a, b))[7].status == ("added",)
    links = align(a, b, anchors=[(7, 7)])
    assert by_new(links)[7] == Link(("modified",), (7,), (7,))
    # An anchor across the order is kept (the rest aligns around it).
    links = align(a, a, anchors=[(0, 3)])
    assert 0 in by_new(links)[3].old
    assert_partition(links, len(a), len(a))


def test_unlinked_paragraph_stays_new() -> None:
    a = paras(BASE)
    links = align(a, a, unlinked_b=[4])
    assert by_new(links)[4].status == ("added",)
    assert by_old(links)[4].status == ("deleted",)


def test_bad_anchor_is_refused() -> None:
    with pytest.raises(ValueError):
        align(paras(BASE), paras(BASE), anchors=[(99, 0)])
    with pytest.raises(ValueError):
        align(paras(BASE), paras(BASE), anchors=[(0, 0), (0, 1)])


def test_empty_drafts() -> None:
    assert align([], []) == []
    assert align([], paras(BASE[:1])) == [Link(("added",), (), (0,))]
    assert align(paras(BASE[:1]), []) == [Link(("deleted",), (0,), ())]


# --- property tests over random drafts and edit scripts ---

def _word(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))


def _sentence(rng: random.Random, vocab: list[str], n: int) -> list[str]:
    return [rng.choice(vocab) for _ in range(n)]


def make_case(seed: int, size: int) -> tuple[list[Para], list[Para], list[tuple]]:
    """A random draft, an edited copy, and where each paragraph of the copy came from."""
    rng = random.Random(seed)
    vocab = [_word(rng) for _ in range(4000)]
    a_words = [_sentence(rng, vocab, rng.randint(30, 60)) for _ in range(size)]
    records: list[tuple[list[str], tuple]] = [(w, ("same", i)) for i, w in enumerate(a_words)]
    for _ in range(rng.randint(0, max(1, size // 2))):
        op = rng.choice(["edit", "delete", "insert", "move", "split", "merge", "move_edit"])
        same = [k for k, (_, o) in enumerate(records) if o[0] == "same"]
        if op == "insert":
            records.insert(rng.randint(0, len(records)),
                           (_sentence(rng, vocab, rng.randint(20, 50)), ("new",)))
            continue
        if not same:
            continue
        k = rng.choice(same)
        w, origin = records[k]
        i = origin[1]
        if op in ("edit", "move_edit"):
            w = list(w)
            for _ in range(rng.randint(1, 3)):
                pos = rng.randrange(len(w))
                w[pos] = rng.choice([v for v in vocab[:50] if v != w[pos]])
            records[k] = (w, ("edit", i))
            if op == "move_edit":
                rec = records.pop(k)
                records.insert(rng.randint(0, len(records)), rec)
        elif op == "delete":
            records.pop(k)
        elif op == "move":
            rec = records.pop(k)
            records.insert(rng.randint(0, len(records)), rec)
        elif op == "split" and len(w) >= 36:
            cut = rng.randint(15, len(w) - 15)
            records[k:k + 1] = [(w[:cut], ("split", i)), (w[cut:], ("split", i))]
        elif op == "merge" and k + 1 < len(records) and records[k + 1][1][0] == "same":
            w2, (_, i2) = records[k + 1]
            records[k:k + 2] = [(w + w2, ("merge", i, i2))]
    a = [Para(str(n + 1), " ".join(w) + ".") for n, w in enumerate(a_words)]
    b = [Para(str(n + 1), " ".join(w) + ".") for n, (w, _) in enumerate(records)]
    return a, b, [o for _, o in records]


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 25))
def test_random_edit_scripts_are_recovered(seed: int, size: int) -> None:
    a, b, origins = make_case(seed, size)
    links = align(a, b)
    assert_partition(links, len(a), len(b))
    nb = by_new(links)
    touched: set[int] = set()
    # A split whose parts ended up apart (something inserted between) is not a
    # split by definition (consecutive parts): ambiguous, not checked.
    parts: dict[int, list[int]] = {}
    for j, origin in enumerate(origins):
        if origin[0] == "split":
            parts.setdefault(origin[1], []).append(j)
    apart = {i for i, js in parts.items() if js[-1] - js[0] != len(js) - 1}
    for j, origin in enumerate(origins):
        link = nb[j]
        kind = origin[0]
        if kind == "split" and origin[1] in apart:
            touched.add(origin[1])
            continue
        if kind == "same":
            assert link.old == (origin[1],)
            assert set(link.status) <= {"unchanged", "renumbered", "moved"}
        elif kind == "edit":
            assert link.old == (origin[1],)
            assert "modified" in link.status
        elif kind == "split":
            assert link.old == (origin[1],) and "split" in link.status
        elif kind == "merge":
            assert link.old == tuple(sorted(origin[1:])) and "merged" in link.status
        else:
            assert link.status == ("added",)
        touched.update(origin[1:] if kind != "new" else ())
    for i in set(range(len(a))) - touched:
        assert by_old(links)[i].status == ("deleted",)
    # Output order: B order, and A order among the deleted.
    firsts = [link.new[0] for link in links if link.new]
    assert firsts == sorted(firsts)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(0, 30))
def test_diff_with_itself_is_all_unchanged(seed: int, size: int) -> None:
    a, _, _ = make_case(seed, size)
    links = align(a, a)
    assert all(link.status == ("unchanged",) and link.old == link.new for link in links)
    assert len(links) == len(a)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["1", "2", None]),
                          st.sampled_from(["", "x", "Decides.", "[a] b", "x y z", "1. x"])),
                max_size=8),
       st.lists(st.tuples(st.sampled_from(["1", "2", None]),
                          st.sampled_from(["", "x", "Decides.", "[a] b", "x y z", "2. x"])),
                max_size=8))
def test_partition_holds_on_tiny_repetitive_drafts(a: list, b: list) -> None:
    pa, pb = paras(a), paras(b)
    assert_partition(align(pa, pb), len(pa), len(pb))


# --- real drafts (read from the shared corpus, never copied) ---

def _read(path) -> list[Para]:  # type: ignore[no-untyped-def]
    from negotiator.text.importer import read_file

    return [Para(p.number, p.text) for p in read_file(path).paragraphs]


def _versions(folder: str) -> list:  # type: ignore[type-arg]
    path = CORPUS / folder
    if not path.exists():
        pytest.skip(f"the shared corpus is not here ({path}); it lives outside the repository")
    return sorted(path.glob("v*.txt"))


def test_real_ietf_drafts_align_sanely() -> None:
    files = _versions("securitytxt-rfc9116")
    drafts = [_read(f) for f in files]
    for a, b in zip(drafts, drafts[1:]):
        links = align(a, b)
        assert_partition(links, len(a), len(b))
        kept = sum(1 for link in links if link.old and link.new)
        # Successive versions keep most of their paragraphs.
        assert kept >= 0.5 * min(len(a), len(b))
    # Links read and judged by hand.
    v09, v10 = drafts[8], drafts[9]
    links = align(v09, v10)
    # "In this document, we define ..." absorbed the next paragraph.
    merged = by_new(links)[20]
    assert merged.status == ("merged",) and merged.old == (20, 21)
    v13, rfc = drafts[12], drafts[13]
    links = align(v13, rfc)
    # The three registry status bullets became one paragraph in the RFC.
    j = next(j for j, p in enumerate(rfc) if p.text.startswith("current:  The field is in"))
    assert by_new(links)[j].status == ("merged",)
    assert [v13[i].text.split(":")[0].split()[-1] for i in by_new(links)[j].old] == \
        ["current", "deprecated", "historic"]
    # Section "Contact" renumbered from 3.5.3 to 2.5.3, same text.
    j = next(j for j, p in enumerate(rfc) if p.number == "2.5.3")
    i = by_new(links)[j].old[0]
    assert v13[i].number == "3.5.3" and by_new(links)[j].status == ("renumbered",)


def test_real_covenant_versions_align_sanely() -> None:
    files = _versions("contributor-covenant")
    drafts = [_read(f) for f in files]
    for a, b in zip(drafts, drafts[1:]):
        assert_partition(align(a, b), len(a), len(b))
    v2, v3 = drafts[1], drafts[2]
    # 1.1 -> 1.2: the sentence listing unacceptable behaviour became a bullet list.
    split = by_old(align(v2, v3))[3]
    assert split.status == ("split",) and split.new[0] == 3 and len(split.new) >= 3
    v3, v4 = drafts[2], drafts[3]
    # 1.2 -> 1.3: the reporting paragraph grew; it is the same paragraph.
    link = by_old(align(v3, v4))[12]
    assert link.status == ("modified",) and v4[link.new[0]].text.startswith("Instances of")
    v4, v5 = drafts[3], drafts[4]
    links = align(v4, v5)
    # 1.3 -> 1.4: "Personal attacks" and "Trolling ..." merged into one bullet.
    j = next(j for j, p in enumerate(v5) if p.text.startswith("* Trolling"))
    assert by_new(links)[j].status == ("merged",) and by_new(links)[j].old == (5, 6)


def test_real_translations_align_sanely() -> None:
    files = _versions("contributor-covenant")
    folder = files[0].parent
    for lang in ("zh-cn", "ar"):
        versions = sorted((folder / lang).glob("v*.txt"))
        drafts = [_read(f) for f in versions]
        for a, b in zip(drafts, drafts[1:]):
            links = align(a, b)
            assert_partition(links, len(a), len(b))
            assert any(link.status == ("unchanged",) or link.status == ("modified",)
                       for link in links)
            # Successive versions keep most of their paragraphs, in any script.
            kept = sum(1 for link in links if link.old and link.new)
            assert kept >= 0.5 * min(len(a), len(b))


def test_arabic_article_and_vowel_marks_do_not_hide_a_match() -> None:
    from negotiator.diff.align import words

    assert words("* مضايقات عامة أو خاصة")[1:] == words("* المضايقة العامة أو الخاصة")[1:]
    assert words("وَالدولُ") == words("الدول")


def test_preamble_reordered_bis_agreed_and_consolidation() -> None:
    pp = [
        "Recalling its resolutions on developments in the field of information and "
        "telecommunications in the context of international security,",
        "Noting with concern that a number of States are developing ICT capabilities for "
        "military purposes,",
        "Reaffirming that international law, and in particular the Charter, is applicable,",
        "Welcoming the successful conclusion of the work of the Group of Governmental Experts,",
    ]
    a = [Para(None, t) for t in pp] + paras([
        ("1", "Calls upon Member States to be guided in their use of ICTs by the cumulative "
              "and evolving framework;"),
        ("2", "Decides to establish a dedicated programme of action, with a view to [advancing] "
              "responsible State behaviour;"),
        ("2 bis", "[Requests the Secretary-General to submit a report on the modalities of the "
                  "programme of action;]"),
        ("3", "Invites all States to continue to inform the Secretary-General of their views;"),
        ("4", "Encourages States to support capacity-building for developing countries in the "
              "field of ICT security;"),
        ("5", "Encourages regional organisations to share experience of confidence-building "
              "measures;"),
        ("6", "Decides to include in the provisional agenda of its next session the item."),
    ])
    b = [Para(None, pp[k]) for k in (2, 0, 1, 3)] + paras([
        ("1", a[4].text),
        ("2", a[5].text.replace("[advancing]", "advancing")),
        ("3", a[6].text.strip("[]")),
        ("4", a[7].text),
        ("5", "Encourages States and regional organisations to support capacity-building for "
              "developing countries in the field of ICT security and to share experience of "
              "confidence-building measures;"),
        ("6", a[10].text),
    ])
    links = align(a, b)
    assert [(link.status, link.old, link.new) for link in links] == [
        (("moved",), (2,), (0,)),
        (("unchanged",), (0,), (1,)),
        (("unchanged",), (1,), (2,)),
        (("unchanged",), (3,), (3,)),
        (("unchanged",), (4,), (4,)),
        (("modified",), (5,), (5,)),
        (("modified",), (6,), (6,)),  # "2 bis", agreed and renumbered 3
        (("renumbered",), (7,), (7,)),
        (("merged",), (8, 9), (8,)),  # the chair consolidated 4 and 5
        (("unchanged",), (10,), (9,)),
    ]
