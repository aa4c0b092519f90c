"""The brief counts the changed paragraphs that need instructions as paragraphs, the
ones it names: a paragraph the chair split in two is two paragraphs to instruct,
as `signals` lists them, not one "change". The executive summary, "Needs your
attention" and `signals --json` with `diff --json` say the same number."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import store_with_drafts
from tests.export.brief_helpers import ok, ok_json, table_after, text_of

NEG = "Disaster risk charter"
CRP1 = """Draft Charter of the Regional Centre

Article 1. Functions

1. The Centre shall operate a regional early warning platform and shall maintain a roster of experts available for deployment at the request of Members.

2. The Centre shall perform such other functions as the Governing Council may assign to it.

Article 2. Withdrawal

1. A Member may withdraw from the Centre by written notification to the Depositary.

2. Withdrawal shall take effect [one year][two years] after the date of the notification.
"""
# CRP.2 splits Art. 1(1) in two and rewords Art. 2(1); Art. 2(2) carries our position.
CRP2 = """Draft Charter of the Regional Centre

Article 1. Functions

1. The Centre shall operate a regional early warning platform.

2. The Centre shall maintain a roster of experts available for deployment at the request of Members.

3. The Centre shall perform such other functions as the Governing Council may assign to it.

Article 2. Withdrawal

1. A Member may withdraw from the Centre by written notification addressed to the Depositary.

2. Withdrawal shall take effect one year after the date of the notification.
"""


def test_the_changed_paragraphs_needing_instructions_are_counted_as_they_are_named(
        tmp_path: Path) -> None:
    db = store_with_drafts(tmp_path / "store.sqlite", NEG, {"CRP.1": CRP1, "CRP.2": CRP2})
    ok(db, "position", NEG, "CRP.1", "Art. 2(2)", "--actor", "Belgium", "--stance", "support")
    signals = ok_json(db, "signals", NEG, "CRP.2")
    diff = ok_json(db, "diff", NEG, "CRP.1", "CRP.2")
    missing = set(signals["no_instructions"])
    changed = [i for e in diff["paragraphs"] if e["status"] not in ("unchanged", "renumbered")
               for i in e["to"] if i in missing]
    expected = [signals["references"][str(i)] for i in changed]
    assert expected == ["Art. 1(1)", "Art. 1(2)", "Art. 2(1)"]  # the split counts twice

    out = tmp_path / "brief.docx"
    ok(db, "brief", NEG, "--from", "CRP.1", "--to", "CRP.2", "-o", str(out))
    text = text_of(out).replace("\u00a0", " ")
    said = re.search(r"; (\d+) of them changed and need instructions: (.+)\.", text)
    assert said is not None, text
    assert int(said[1]) == len(expected)
    assert said[2] == "Art. 1(1), Art. 1(2) and Art. 2(1)"
    [row] = [r for r in table_after(out, "Needs your attention") if r[0] == "No instructions"]
    assert row[1].replace("\u00a0", " ") == f"{len(expected)} paragraphs"
