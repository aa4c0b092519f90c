"""The amendments file's opening sentence says how the amendments are shown,
as they were written: tracked changes, comments, or both."""

from __future__ import annotations

from pathlib import Path

import docx

from tests.export.brief_helpers import ok
from tests.export.test_amendments import NEG, store, written  # noqa: F401  (fixtures)


def _intro(path: Path) -> str:
    return next(p.text for p in docx.Document(str(path)).paragraphs
                if p.text.startswith("The proposed amendments") or p.text.startswith("Every amendment"))


def test_the_opening_says_tracked_changes_and_comments_when_both_are_sent(written) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    out, printed = written
    assert "1 as a comment" in printed  # four tracked, one a comment
    assert _intro(out) == ("The proposed amendments are shown as tracked changes against the text "
                           "of Rev.1, and as comments where they cannot apply to it as it stands; "
                           "the numbering is that of Rev.1.")


def test_the_opening_says_comments_when_every_amendment_is_one(store: Path, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "as-comments.docx"
    ok(store, "amendments", NEG, "Rev.1", "--actor", "Belgium", "-o", str(out), "--as-comment")
    assert _intro(out) == ("The proposed amendments are attached as comments to the text of Rev.1; "
                           "the numbering is that of Rev.1.")
