"""A reference printed by `show` is taken back by `position` for the very paragraph
it named, and `positions` prints the same reference: "¶" separates an article's
number from an unnumbered paragraph's ("Art. 2 ¶ 1" is not "Article 21"), and
the bare number "1" names the paragraph numbered 1, not the first unnumbered one."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ok_in_process, run_in_process, store_with_drafts

CHARTER = "Charter of the Coastal Observatory"
DECLARATION = "Declaration on coastal resilience"


def _charter() -> str:
    articles = ["Article 1. Establishment\n\nThe Coastal Observatory is hereby established.",
                "Article 2\nUse of terms\n\nFor the purposes of this Charter, \"Member\" means a State "
                "for which this Charter is in force."]
    articles += [f"Article {n}. Provision {n}\n\n1. Each Member shall report on measure {n} every year."
                 for n in range(3, 23)]
    return "Draft Charter of the Coastal Observatory\n\nHave agreed as follows:\n\n" + "\n\n".join(articles) + "\n"


DECLARATION_TEXT = """Zero draft
3 March 2027

Note by the co-facilitators: comments are invited by 20 March 2027.

Political declaration on coastal resilience

1. We recognize that rising seas threaten coastal communities.

2. We commit to protect mangroves and coastal wetlands.
"""


def _shown(db: Path, title: str, label: str) -> dict[str, str]:
    rows = json.loads(ok_in_process(db, "show", title, label, "--json"))
    return {r["reference"]: r["text"] for r in rows}


def _position_lands_on(db: Path, title: str, label: str, typed: str) -> str:
    ok_in_process(db, "position", title, label, typed, "--actor", "Belgium", "--stance", "support")
    rows = json.loads(ok_in_process(db, "positions", title, label, "--json", "--actor", "Belgium"))
    [landed] = [r["reference"] for r in rows if r["positions"]]
    return landed


def test_an_unnumbered_paragraph_of_article_2_is_not_article_21(tmp_path: Path) -> None:
    db = store_with_drafts(tmp_path / "charter.sqlite", CHARTER, {"CRP.1": _charter()})
    shown = _shown(db, CHARTER, "CRP.1")
    assert shown["Art. 2 ¶ 1"].startswith("For the purposes")
    assert shown["Article 21"].startswith("Article 21")
    assert _position_lands_on(db, CHARTER, "CRP.1", "Art. 2 ¶ 1") == "Art. 2 ¶ 1"
    # Typed the other ways a delegate writes it.
    for typed in ("Article 2 ¶ 1", "art 2 para 1"):
        assert "support" in ok_in_process(db, "history", CHARTER, "CRP.1", typed), typed
    assert run_in_process(db, "history", CHARTER, "CRP.1", "Article 21").out.lower().startswith(
        "no positions")


def test_the_bare_number_names_the_numbered_paragraph_not_the_first_unnumbered_one(
        tmp_path: Path) -> None:
    db = store_with_drafts(tmp_path / "declaration.sqlite", DECLARATION, {"Zero": DECLARATION_TEXT})
    shown = _shown(db, DECLARATION, "Zero")
    assert shown["OP 1"].startswith("We recognize")
    assert _position_lands_on(db, DECLARATION, "Zero", "1") == "OP 1"
    # An unnumbered paragraph is still reached as printed.
    unnumbered = next(ref for ref, text in shown.items() if text.startswith("Note by"))
    assert "no positions" in ok_in_process(db, "history", DECLARATION, "Zero", unnumbered).lower()
