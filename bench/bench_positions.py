"""Positions benchmark: carry forward and signals for a 1,000-paragraph draft
with 3,000 positions (national, EU and one other delegation on every paragraph),
and the cost of one position edit in the window at 3,000 paragraphs with 300
positions (target: under 50 ms; it must cost what it touches, not the draft).

Run: python bench/bench_positions.py   (one core; Python is single-threaded here)
Setup (not timed): Rev.1 of 1,000 paragraphs of about 60 words; Rev.2 with 10% of
paragraphs edited, 2% deleted, 1% split, 1% merged, linked by the real aligner on
import; a third of the positions carry an amendment, a tenth a red line.
Timed: `positions.draft_positions` (what `negotiator positions --json` prints) and
`positions.signals` on Rev.2, each in its own read transaction. Target: well under 1 s.
"""

from __future__ import annotations

import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select  # noqa: E402

from bench.common import measure, table  # noqa: E402
from negotiator import positions  # noqa: E402
from negotiator.domain.stamps import utcnow  # noqa: E402
from negotiator.drafts import negotiations
from negotiator.storage.models import Actor, Paragraph, Position  # noqa: E402
from negotiator.storage.store import Store  # noqa: E402
from negotiator.text.importer import read_bytes  # noqa: E402
from negotiator.views import draft_table, paragraph_detail  # noqa: E402

PARAGRAPHS = 1000
ACTORS = ("Belgium", "EU", "Russian Federation")
WORDS = ("participating States [shall][should] exchange information on national policies points "
         "of contact and relevant assessments of ICT threats through the Communications Network "
         "in accordance with their national legislation and with due regard to the voluntary "
         "nature of the confidence-building measures adopted by the Permanent Council").split()


def texts(seed: int) -> tuple[list[str], list[str]]:
    rnd = random.Random(seed)
    rev1 = []
    for i in range(1, PARAGRAPHS + 1):
        body = " ".join(rnd.choice(WORDS) for _ in range(58))
        rev1.append(f"{i}. Decides that {body} {i};")
    rev2: list[str] = []
    n = 0
    for t in rev1:
        r = rnd.random()
        if r < 0.02:
            continue  # deleted
        body = t.split(". ", 1)[1]
        if r < 0.03 and len(rev2) > 0:  # split into two
            words = body.split()
            for part in (words[: len(words) // 2], words[len(words) // 2:]):
                n += 1
                rev2.append(f"{n}. " + " ".join(part))
            continue
        if r < 0.04 and rev2:  # merged into the one before
            rev2[-1] = rev2[-1] + " " + body
            continue
        if r < 0.14:  # edited
            words = body.split()
            words[rnd.randrange(len(words))] = rnd.choice(("strongly", "voluntarily", "may"))
            body = " ".join(words)
        n += 1
        rev2.append(f"{n}. {body}")
    return rev1, rev2


def build(folder: Path, paragraphs: int = PARAGRAPHS, every: int = 1) -> tuple[Store, str]:
    """Two drafts of `paragraphs` paragraphs; positions of each actor on every
    `every`-th paragraph of Rev.1."""
    global PARAGRAPHS
    PARAGRAPHS = paragraphs
    store = Store.open(folder / f"bench-{paragraphs}.sqlite")
    rev1, rev2 = texts(7)
    with store.transaction() as s:
        neg = negotiations.create_negotiation(s, "Bench", "OSCE PC", "Belgium")
        for label, paras in (("Rev.1", rev1), ("Rev.2", rev2)):
            parsed = read_bytes("\n\n".join(paras).encode(), f"{label}.txt")
            negotiations.import_draft(s, neg, parsed, label)
        actor_ids = []
        for name in ACTORS:
            actor = positions.ensure_actor(s, neg.id, name)
            actor_ids.append(actor.id)
        draft = negotiations.find_draft(s, neg, "Rev.1")
        rows = s.execute(select(Paragraph.id, Paragraph.text).where(
            Paragraph.draft_id == draft.id).order_by(Paragraph.ordinal)).all()
        now = utcnow()
        batch = []
        k = 0
        for pid, text in rows[::every]:
            for a, actor_id in enumerate(actor_ids):
                k += 1
                words = text.split()
                batch.append({
                    "uid": f"bench-{k}", "negotiation_id": neg.id, "actor_id": actor_id,
                    "paragraph_id": pid, "draft_id": draft.id, "text": text,
                    "stance": ("support", "oppose", "support_with_amendments")[(k + a) % 3],
                    "amendment": (" ".join(words[:5] + ["firmly"] + words[5:])
                                  if k % 3 == 0 else None),
                    "red_line": "cannot accept 'may'" if k % 10 == 0 else None,
                    "red_line_flag": k % 10 == 0, "status": "draft", "author": "bench",
                    "created_at": now, "updated_at": now, "version": 1, "deleted": False,
                })
        s.execute(insert(Position), batch)
        assert s.query(Actor).count() >= 3
    return store, "Bench"


def one_edit(store: Store, title: str) -> Callable[[], int]:
    """What saving one position costs in the window: the write (one transaction)
    and the refresh of that paragraph's stances, flags and detail pane."""
    with store.transaction(read_only=True) as s:
        neg = negotiations.find_negotiation(s, title)
        draft = negotiations.find_draft(s, neg, "Rev.2")
        rows = negotiations.draft_paragraphs(s, draft)
        target = rows[len(rows) // 2]
        draft_id = draft.id
    stances = iter(["support", "oppose"] * 1000)

    def edit() -> int:
        with store.transaction() as s:
            positions.set_position(s, target.id, "Belgium", {"stance": next(stances)},
                                   author="bench")
        with store.transaction(read_only=True) as s:
            summary = draft_table.position_summaries(s, draft_id, {target.id})
            detail = paragraph_detail.paragraph_detail(s, target.id)
        return len(summary) + len(detail.history)

    return edit


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store, title = build(Path(tmp), 3000, every=30)  # 100 paragraphs x 3 actors = 300
        t_edit, m_edit, _ = measure(one_edit(store, title))
        store.close()
        store, title = build(Path(tmp))

        def carry() -> int:
            with store.transaction(read_only=True) as s:
                neg = negotiations.find_negotiation(s, title)
                rows = positions.draft_positions(s, neg, negotiations.find_draft(s, neg, "Rev.2"))
            return sum(len(r.positions) for r in rows)

        def signal() -> int:
            with store.transaction(read_only=True) as s:
                neg = negotiations.find_negotiation(s, title)
                result = positions.signals(s, neg, negotiations.find_draft(s, neg, "Rev.2"))
            return len(result.uptake)

        def both() -> None:
            carry()
            signal()

        t_carry, m_carry, shown = measure(carry)
        t_sig, m_sig, uptakes = measure(signal)
        t_both, m_both, _ = measure(both)
        with store.transaction(read_only=True) as s:
            neg = negotiations.find_negotiation(s, title)
            rows = positions.draft_positions(s, neg, negotiations.find_draft(s, neg, "Rev.2"))
        states: dict[str, int] = {}
        for r in rows:
            for p in r.positions:
                states[str(p.state)] = states.get(str(p.state), 0) + 1
        store.close()
    print(f"{PARAGRAPHS} paragraphs, {PARAGRAPHS * len(ACTORS)} positions; states in Rev.2 "
          f"(a split position counts once per part): {states}")
    print(table(
        ("step", "time (s)", "peak memory (MiB)", "result"),
        [("carry forward (positions --json)", f"{t_carry:.3f}", f"{m_carry:.1f}",
          f"{shown} position rows"),
         ("signals (incl. the comparison with Rev.1)", f"{t_sig:.3f}", f"{m_sig:.1f}",
          f"{uptakes} uptake results"),
         ("both", f"{t_both:.3f}", f"{m_both:.1f}", "target: well under 1 s"),
         ("one position edit, 3,000 paragraphs, 300 positions: save + that paragraph's "
          "flags and detail", f"{t_edit:.3f}", f"{m_edit:.1f}", "target: under 0.050 s")]))


if __name__ == "__main__":
    main()
