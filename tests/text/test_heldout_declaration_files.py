"""The held-out declaration labels still fit the drafts they label.

The labels index read_file's blocks: if a draft is edited so that its blocks
shift, every later index points at another paragraph and the set silently
measures nothing. The labels themselves are never to be edited (see
tests/data/alignment/DECLARATION.md)."""

import json
import shutil
from pathlib import Path

from negotiator.text.importer import read_file

DATA = Path(__file__).resolve().parents[1] / "data" / "alignment"
LABELS = "declaration_links.json"


def label_problems(folder: Path) -> list[str]:
    """What in the labels no longer fits the files (empty if all fits)."""
    problems: list[str] = []
    pairs = json.loads((folder / LABELS).read_text(encoding="utf-8"))["pairs"]
    for pair in pairs:
        name = f"{pair['old']} -> {pair['new']}"
        sizes = {}
        for side in ("old", "new"):
            count = len(read_file(folder / pair[side]).paragraphs)
            sizes[side] = count
            if count != pair[f"{side}_paragraphs"]:
                problems.append(f"{pair[side]} has {count} paragraphs, "
                                f"the labels say {pair[f'{side}_paragraphs']}")
        for side, at in (("old", 0), ("new", 1)):
            used = [i for link in pair["links"] for i in link[at]]
            if any(not link[at] for link in pair["links"]):
                problems.append(f"{name}: a link with no {side} paragraph")
            if len(used) != len(set(used)):
                problems.append(f"{name}: an {side} paragraph in two links")
            if any(not 0 <= i < sizes[side] for i in used):
                problems.append(f"{name}: an {side} index out of range")
    return problems


def test_the_declaration_labels_fit_the_three_drafts() -> None:
    pairs = json.loads((DATA / LABELS).read_text(encoding="utf-8"))["pairs"]
    assert [(p["old"], p["new"]) for p in pairs] == [
        ("declaration_r1.txt", "declaration_r2.txt"),
        ("declaration_r2.txt", "declaration_r3.txt"),
    ]
    assert label_problems(DATA) == []


def test_a_draft_edited_after_labelling_is_caught(tmp_path: Path) -> None:
    for name in (LABELS, "declaration_r1.txt", "declaration_r2.txt", "declaration_r3.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    draft = tmp_path / "declaration_r2.txt"
    draft.write_text(draft.read_text(encoding="utf-8") + "\n70. We thank the co-facilitators.\n",
                     encoding="utf-8")

    problems = label_problems(tmp_path)

    assert "declaration_r2.txt has 95 paragraphs, the labels say 94" in problems
    assert len(problems) == 2  # the same draft is "new" of one pair and "old" of the next
