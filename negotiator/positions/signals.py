"""What a delegation must look at in a draft: divergence from the EU line, red
lines touched, paragraphs without instructions, newly agreed text, uptake."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from negotiator.domain.actors import EU_NAMES
from negotiator.domain.vocabulary import CarryState
from negotiator.positions.actors import actors_by_id
from negotiator.positions.amendments import amended_text, red_line_phrases, uptake
from negotiator.positions.carry import CarryForward
from negotiator.storage.models import (
    Draft,
    Negotiation,
)
from negotiator.text.normalise import collapse_whitespace
from negotiator.text.parse import is_symbol_or_date


def signals(session: Session, negotiation: Negotiation, draft: Draft,
            national: str | None = None) -> dict[str, Any]:
    """What a delegation must look at in a draft.

    Args:
        national: the national actor (default: the negotiation's delegation).

    Returns:
        {"divergent": [INDEX], "red_lines_touched": [INDEX], "no_instructions":
        [INDEX], "newly_agreed": [INDEX], "uptake": [{"index", "actor", "result",
        "share", "uid"}], "divergence": [{"index", "national", "eu", "reason"}]};
        INDEX is a paragraph's place in `show --json` of this draft.
    """
    carry = CarryForward(session, negotiation.id, draft)
    actors = actors_by_id(session, negotiation.id)
    national_name = (national or negotiation.delegation or "").strip().lower()
    national_ids = {a.id for a in actors.values() if a.name.lower() == national_name}
    eu_ids = {a.id for a in actors.values() if a.name.lower() in EU_NAMES}

    # Per paragraph and actor, the position that speaks for it: the one taken
    # on the latest draft (a part-specific one wins over one taken before a split).
    primary: dict[tuple[int, int], tuple[tuple[int, dt.datetime], Any]] = {}
    uptake_rows: list[dict[str, Any]] = []
    for pos, res in carry.resolved():
        if res.state == CarryState.PARAGRAPH_DELETED:
            continue
        key = (carry.order_of_draft[pos.draft_id], pos.updated_at)
        for t in res.targets:
            k = (t, pos.actor_id)
            if k not in primary or key > primary[k][0]:
                primary[k] = (key, pos)
        if pos.amendment and carry.order_of_draft[pos.draft_id] < draft.order:
            now_text = " ".join(carry.paras[t].text for t in res.targets)
            got = uptake(pos.text, pos.amendment, now_text)
            if got is not None:
                uptake_rows.append({"index": carry.paras[res.targets[0]].ordinal,
                                    "actor": actors[pos.actor_id].name, "result": got[0],
                                    "share": got[1], "uid": pos.uid})

    divergent: list[int] = []
    divergence: list[dict[str, Any]] = []
    touched: list[int] = []
    no_instructions: list[int] = []
    newly_agreed: list[int] = []
    for p in carry.by_draft[draft.id]:
        nat = [primary[(p.id, a)][1] for a in national_ids if (p.id, a) in primary]
        eu = [primary[(p.id, a)][1] for a in eu_ids if (p.id, a) in primary]
        # Headings and the symbol/date line above the title are not negotiated.
        if not nat and p.kind != "heading" and not is_symbol_or_date(p.text):
            no_instructions.append(p.ordinal)
        if nat and eu:
            reason = _divergence(nat[0], eu[0], p.text)
            if reason:
                divergent.append(p.ordinal)
                divergence.append({"index": p.ordinal, "national": nat[0].stance,
                                   "eu": eu[0].stance, "reason": reason})
        if any(n.red_line_flag for n in nat) and carry.changed_in_draft(p):
            touched.append(p.ordinal)
        before = carry.predecessors(p)
        if before and p.brackets == 0 and sum(b.brackets for b in before) > 0:
            newly_agreed.append(p.ordinal)
    uptake_rows.sort(key=lambda r: (r["index"], r["actor"], r["uid"]))
    return {"divergent": divergent, "red_lines_touched": touched,
            "no_instructions": no_instructions, "newly_agreed": newly_agreed,
            "uptake": uptake_rows, "divergence": divergence}


def _divergence(nat: Any, eu: Any, paragraph_text: str) -> str | None:
    """Why the EU line and the national line diverge, or None."""
    if nat.red_line_flag:
        if nat.stance == "oppose" and eu.stance in ("support", "support_with_amendments"):
            return "red_line_crossed"
        if eu.amendment:
            eu_text = amended_text(eu.text, eu.amendment) or eu.amendment
        elif eu.stance in ("support", "support_with_amendments"):
            eu_text = paragraph_text
        else:
            eu_text = ""
        low = collapse_whitespace(eu_text).lower()
        if any(phrase in low for phrase in red_line_phrases(nat.red_line)):
            return "red_line_crossed"
    if nat.stance != eu.stance:
        return "stance"
    if nat.amendment and eu.amendment:
        mine, theirs = amended_text(nat.text, nat.amendment), amended_text(eu.text, eu.amendment)
        if mine is not None and theirs is not None and collapse_whitespace(mine) != collapse_whitespace(theirs):
            return "amendment"  # same stance, other words ("shall" against "should")
    return None
