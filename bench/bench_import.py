"""Import benchmark: a 1,000-paragraph draft as .txt and .docx, parse and store.

Run: python bench/bench_import.py   (figures on one core: Python is single-threaded here)
Peers in the same run: python-docx reading the same file without any interpretation
(the floor for the .docx reader), and plain str.split for the .txt.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docx  # noqa: E402

from bench.common import measure, table  # noqa: E402
from negotiator.drafts import negotiations  # noqa: E402
from negotiator.storage.store import Store  # noqa: E402
from negotiator.text.importer import read_file  # noqa: E402

SENTENCE = ("participating States [shall][should] voluntarily exchange information on national "
            "policies, points of contact and [[relevant] national] assessments of ICT threats")


def paragraph(i: int) -> str:
    if i % 10 == 0:
        return f"Recalling the commitments of participating States on item {i}, {SENTENCE},"
    return f"{i}. Decides that {SENTENCE}, in accordance with paragraph {i - 1};"


def write_txt(path: Path, n: int) -> None:
    path.write_text("\n\n".join(paragraph(i) for i in range(1, n + 1)), encoding="utf-8")


def write_docx(path: Path, n: int) -> None:
    d = docx.Document()
    for i in range(1, n + 1):
        if i % 50 == 0:
            d.add_heading(f"Section {i // 50}", level=1)
        d.add_paragraph(paragraph(i))
    d.save(str(path))


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        for n in (1_000, 10_000):
            txt, dx = tmpdir / f"d{n}.txt", tmpdir / f"d{n}.docx"
            write_txt(txt, n)
            write_docx(dx, n)
            for src in (txt, dx):
                t, mem, parsed = measure(lambda: read_file(src))
                rows.append((f"{src.suffix} parse", n, len(parsed.paragraphs), f"{t:.3f}", f"{mem:.1f}"))

                def store_it(counter=[0]) -> None:  # noqa: B006 - a fresh label per run
                    counter[0] += 1
                    st = Store.open(tmpdir / f"s-{n}-{src.suffix[1:]}.sqlite")
                    with st.transaction() as s:
                        neg = (negotiations.find_negotiation(s, "B") if counter[0] > 1
                               else negotiations.create_negotiation(s, "B", "UN"))
                        negotiations.import_draft(s, neg, read_file(src), f"R{counter[0]}")
                    st.close()

                t, mem, _ = measure(store_it)
                rows.append((f"{src.suffix} parse+store", n, len(parsed.paragraphs), f"{t:.3f}", f"{mem:.1f}"))
            t, mem, doc = measure(lambda: [p.text for p in docx.Document(str(dx)).paragraphs])
            rows.append(("peer: python-docx raw text", n, len(doc), f"{t:.3f}", f"{mem:.1f}"))
            t, mem, blocks = measure(lambda: txt.read_text().split("\n\n"))
            rows.append(("peer: str.split", n, len(blocks), f"{t:.3f}", f"{mem:.1f}"))
    print(table(("what", "paragraphs in", "paragraphs out", "best s", "peak MiB"), rows))


if __name__ == "__main__":
    main()
