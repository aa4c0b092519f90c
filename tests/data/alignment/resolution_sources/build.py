"""Build the held-out resolution drafts and their labelled links from the tagged sources.

Run from the repository root:  python tests/data/alignment/resolution_sources/build.py

Each ``*.tagged`` file holds one draft, one block per paragraph, each block
opened by a line ``@key [key ...]`` naming the paragraph's lineage as its
author meant it (a merged paragraph carries the keys of all its sources; the
parts of a split carry the same key). The script writes the plain drafts
(``resolution_v*.txt``, the tag lines dropped) and ``resolution_links.json``:
for each successive pair, one link per group of paragraphs connected by a
shared key. A group with several paragraphs on both sides is refused, as the
labels' format cannot hold it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
ROOT = HERE.parents[3]
sys.path.insert(0, str(ROOT))

from negotiator.text.importer import read_file  # noqa: E402

DRAFTS = [("v0_zero", "resolution_v0_zero.txt"), ("v1_rev1", "resolution_v1_rev1.txt"),
          ("v2_rev2", "resolution_v2_rev2.txt")]


def read_tagged(path: Path) -> list[tuple[list[str], str]]:
    blocks = []
    for chunk in re.split(r"\n\s*\n", path.read_text(encoding="utf-8").strip()):
        head, _, body = chunk.partition("\n")
        if not head.startswith("@") or not body.strip():
            raise SystemExit(f"{path.name}: block without tag or text: {chunk[:60]!r}")
        blocks.append((head[1:].split(), body))
    return blocks


def links(old: list[tuple[list[str], str]], new: list[tuple[list[str], str]]) -> list[list[list[int]]]:
    """Connected components of old and new paragraphs sharing a key."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    owner: dict[str, tuple[str, int]] = {}
    for side, blocks in (("a", old), ("b", new)):
        for i, (keys, _) in enumerate(blocks):
            for key in keys:
                node = (side, i)
                if key in owner:
                    parent[find(node)] = find(owner[key])
                else:
                    owner[key] = node
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for side, blocks in (("a", old), ("b", new)):
        for i in range(len(blocks)):
            a, b = groups.setdefault(find((side, i)), ([], []))
            (a if side == "a" else b).append(i)
    out = []
    for a, b in groups.values():
        if a and b:
            if len(a) > 1 and len(b) > 1:
                raise SystemExit(f"several to several: A{a} B{b}")
            out.append([sorted(a), sorted(b)])
    return sorted(out, key=lambda link: (link[1][0], link[0][0]))


def main() -> None:
    drafts = []
    for stem, name in DRAFTS:
        blocks = read_tagged(HERE / f"{stem}.tagged")
        (OUT / name).write_text("\n\n".join(body for _, body in blocks) + "\n", encoding="utf-8")
        count = len(read_file(OUT / name).paragraphs)
        if count != len(blocks):
            raise SystemExit(f"{name}: the importer reads {count} paragraphs, the source has {len(blocks)}")
        drafts.append((name, blocks))
    pairs = []
    for (old_name, old), (new_name, new) in zip(drafts, drafts[1:]):
        pairs.append({"old": old_name, "new": new_name, "old_paragraphs": len(old),
                      "new_paragraphs": len(new), "links": links(old, new)})
    lines = ['{"pairs": [']
    for k, pair in enumerate(pairs):
        head = json.dumps({key: pair[key] for key in ("old", "new", "old_paragraphs", "new_paragraphs")})
        body = ",\n".join("  " + json.dumps(link, separators=(",", ":")) for link in pair["links"])
        lines.append(head[:-1] + ', "links": [\n' + body + "]}" + ("," if k < len(pairs) - 1 else ""))
    lines.append("]}")
    (OUT / "resolution_links.json").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
