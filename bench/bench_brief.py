"""Brief benchmark: the Word brief of a 1,000-paragraph pair with positions and notes.

Run: python bench/bench_brief.py   (one core; Python is single-threaded here)
Target: under 5 s for 1,000 paragraphs. Peers in the same run: python-docx
writing the same 1,000 paragraphs as plain text (the floor for any Word output),
and the comparison alone (`compare_drafts`, what `negotiator diff` costs).
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docx  # noqa: E402
from sqlalchemy import select  # noqa: E402

from bench.common import measure, table  # noqa: E402
from negotiator import positions  # noqa: E402
from negotiator.drafts import negotiations
from negotiator.drafts.comparison import compare_drafts  # noqa: E402
from negotiator.export.amendments import write_amendments  # noqa: E402
from negotiator.export.brief import write_brief  # noqa: E402
from negotiator.storage.models import Paragraph  # noqa: E402
from negotiator.storage.store import Store  # noqa: E402
from negotiator.text.importer import read_bytes  # noqa: E402

TARGET_S = 5.0
WORDS = ("participating States shall voluntarily exchange information on national policies "
         "points of contact relevant assessments of ICT threats critical infrastructure "
         "confidence-building measures consultations capacity-building cooperation regional "
         "organizations transparency incidents notification mechanisms good practices").split()


def paragraph(rng: random.Random, i: int) -> str:
    words = [rng.choice(WORDS) for _ in range(58)]
    return f"{i}. Decides that " + " ".join(words) + ";"


def drafts(n: int, seed: int = 7) -> tuple[str, str]:
    """Draft A and B: 10% of paragraphs edited, 2% deleted, 2% added, a few moved."""
    rng = random.Random(seed)
    a = [paragraph(rng, i) for i in range(1, n + 1)]
    b: list[str] = []
    for text in a:
        r = rng.random()
        if r < 0.02:
            continue  # deleted
        if r < 0.12:
            words = text.split()
            k = rng.randrange(3, len(words) - 1)
            words[k] = rng.choice(("should", "may", "[shall]", "strongly", "not"))
            text = " ".join(words)
        b.append(text)
        if rng.random() < 0.02:
            b.append(paragraph(rng, 9999))  # added
    for _ in range(n // 100):  # moved
        i, j = rng.randrange(len(b)), rng.randrange(len(b))
        b.insert(j, b.pop(i))
    return "\n\n".join(a), "\n\n".join(b)


def build_store(path: Path, n: int) -> int:
    text_a, text_b = drafts(n)
    st = Store.open(path)
    with st.transaction() as s:
        neg = negotiations.create_negotiation(s, "Bench", "OSCE Permanent Council", "Belgium")
        negotiations.import_draft(s, neg, read_bytes(text_a.encode(), "a.txt"), "Rev.1")
        draft = negotiations.find_draft(s, neg, "Rev.1")
        ids = s.scalars(select(Paragraph.id).where(Paragraph.draft_id == draft.id)
                        .order_by(Paragraph.ordinal)).all()
        texts = s.scalars(select(Paragraph.text).where(Paragraph.draft_id == draft.id)
                          .order_by(Paragraph.ordinal)).all()
        for k, (pid, text) in enumerate(zip(ids, texts)):
            if k % 2 == 0:
                values = {"stance": "support_with_amendments" if k % 10 == 0 else "support",
                          "rationale": "Our line: keep the obligation and the review clause.",
                          "fallback": "Accept 'should' with a review in 2027."}
                if k % 10 == 0:
                    values["amendment"] = text.replace("shall", "must", 1) + " as appropriate"
                if k % 20 == 0:
                    values["red_line"] = "No weakening of 'shall'."
                positions.set_position(s, pid, "Belgium", values, author="bench")
            if k % 3 == 0:
                positions.set_position(s, pid, "EU", {"stance": "support"}, author="bench")
            if k % 5 == 0:
                positions.set_position(s, pid, "Russian Federation",
                                       {"stance": "oppose", "rationale": "Too prescriptive."},
                                       author="bench")
            if k % 20 == 0:
                positions.add_note(s, pid, "Capital: check with the Nordic group.", author="desk")
        negotiations.import_draft(s, neg, read_bytes(text_b.encode(), "b.txt"), "Rev.2")
        neg_id = neg.id
    st.close()
    return neg_id


def main() -> None:
    rows = []
    n = 1_000
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        db = tmpdir / "bench.sqlite"
        neg_id = build_store(db, n)
        st = Store.open(db)
        with st.transaction() as s:
            neg = negotiations.find_negotiation(s, neg_id)
            a, b = negotiations.find_draft(s, neg, "Rev.1"), negotiations.find_draft(s, neg, "Rev.2")
            n_pos = sum(len(r.positions) for r in positions.draft_positions(s, neg, b))
            out = tmpdir / "brief.docx"
            t, mem, result = measure(lambda: write_brief(
                s, neg, a, b, out, classification="RESTRICTED", author="bench"))
            rows.append(("brief, tracked", n, n_pos, result["revisions"], result["comments"],
                         f"{t:.2f}", f"{mem:.0f}", "yes" if t < TARGET_S else "NO"))
            t, mem, result = measure(lambda: write_brief(
                s, neg, a, b, out, redline="formatted", author="bench"))
            rows.append(("brief, formatted", n, n_pos, 0, result["comments"],
                         f"{t:.2f}", f"{mem:.0f}", "yes" if t < TARGET_S else "NO"))
            t, mem, result = measure(lambda: write_amendments(
                s, neg, a, "Belgium", tmpdir / "amend.docx"))
            rows.append(("amendments (Rev.1, Belgium)", n, n_pos, result["revisions"], 0,
                         f"{t:.2f}", f"{mem:.0f}", ""))
            t, mem, _ = measure(lambda: compare_drafts(s, a, b))
            rows.append(("peer: compare_drafts alone", n, "", "", "", f"{t:.2f}", f"{mem:.0f}", ""))
            texts = [r.text for r in negotiations.draft_paragraphs(s, b)]

        def plain() -> None:
            d = docx.Document()
            for text in texts:
                d.add_paragraph(text)
            d.save(str(tmpdir / "plain.docx"))

        t, mem, _ = measure(plain)
        rows.append(("peer: python-docx plain paragraphs", n, "", "", "", f"{t:.2f}",
                     f"{mem:.0f}", ""))
        st.close()
    print(table(("what", "paragraphs", "positions", "revisions", "comments", "best s",
                 "peak MiB", f"< {TARGET_S:.0f} s"), rows))


if __name__ == "__main__":
    main()
