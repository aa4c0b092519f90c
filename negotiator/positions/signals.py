"""What a delegation must look at in a draft: divergence from the EU line, red
lines touched, paragraphs without instructions, newly agreed text, uptake."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy.orm import Session

from negotiator.domain.actors import is_eu, is_our_delegation
from negotiator.domain.vocabulary import Agreement, CarryState, Uptake
from negotiator.drafts.comparison import compare_drafts
from negotiator.drafts.lineage import previous_draft
from negotiator.drafts.negotiations import front_matter_ordinals
from negotiator.drafts.references import draft_references
from negotiator.positions.actors import actors_by_id
from negotiator.positions.amendment_text import amended_text
from negotiator.positions.amendments import red_line_phrases, uptake
from negotiator.positions.carry import CarryForward, lineages_reaching, speaking_positions
from negotiator.positions.results import Divergence, Signals, UptakeResult
from negotiator.positions.status import statuses_in
from negotiator.storage.models import (
    Actor,
    Draft,
    Negotiation,
)
from negotiator.text.normalise import collapse_whitespace
from negotiator.text.parse import is_symbol_or_date


def signals(session: Session, negotiation: Negotiation, draft: Draft,
            national: str | None = None, *, paragraph_ids: set[int] | None = None,
            newly_agreed: bool = True, against: Draft | None = None) -> Signals:
    """What a delegation must look at in a draft.

    Per paragraph and actor the position that speaks for it counts
    (`carry.speaking_positions`), the same one the window and the brief show.

    Args:
        national: the national actor (default: the negotiation's delegation).
        paragraph_ids: only these paragraphs (what one edit in the window
            changes): their positions are read alone, and the comparison with
            the previous draft is read only if one of them carries a national
            red line or is clean text without a national position (newly agreed
            text needs no instructions); ``newly_agreed`` (a fact of the text,
            not of positions) is then left empty.
        newly_agreed: False leaves ``newly_agreed`` empty too (the window's
            stance columns do not show it): the comparison with the previous
            draft is then read only if a national red line or a clean paragraph
            without a national position needs it.
        against: the draft compared with (default: the previous one): red lines
            touched, newly agreed and so no instructions needed are said for that
            comparison, as the Compare tab and the brief show it.
    """
    carry = CarryForward(session, negotiation.id, draft,
                         lineages=None if paragraph_ids is None
                         else lineages_reaching(session, paragraph_ids))
    actors = actors_by_id(session, negotiation.id)
    delegation = national or negotiation.delegation
    national_ids = sorted(a.id for a in actors.values() if is_our_delegation(a.name, delegation))
    eu_ids = sorted(a.id for a in actors.values() if is_eu(a.name))
    speaking = speaking_positions(carry)
    labels = draft_references(session, draft.id)
    computed: list[_Against] = []

    def against_earlier() -> _Against:
        if not computed:
            computed.append(_against(session, against or previous_draft(session, draft), draft))
        return computed[0]

    uptake_rows = _uptake(carry, speaking, labels, actors)
    divergent: list[int] = []
    divergence: list[Divergence] = []
    touched: list[int] = []
    no_instructions: list[int] = []
    # Nothing is left to instruct on an agreed paragraph, nor without a delegation to instruct.
    settled = {a.index for a in statuses_in(session, carry)
               if a.status in (Agreement.AGREED, Agreement.AGREED_AD_REF)} if delegation else set()
    has_national = has_eu = False
    apparatus = front_matter_ordinals(session, draft.id) if delegation else set()
    for p in carry.by_draft[draft.id]:
        if paragraph_ids is not None and p.id not in paragraph_ids:
            continue
        nat = [speaking[(p.id, a)] for a in national_ids if (p.id, a) in speaking]
        eu = [speaking[(p.id, a)] for a in eu_ids if (p.id, a) in speaking]
        has_national, has_eu = has_national or bool(nat), has_eu or bool(eu)
        # Headings, the symbol and date and the other lines above the title are not
        # negotiated; a paragraph whose last brackets this draft removed is agreed
        # text, as every face calls it.
        if (delegation and not nat and p.ordinal not in settled and p.kind != "heading"
                and p.ordinal not in apparatus and not is_symbol_or_date(p.text)
                and not (p.brackets == 0 and p.ordinal in against_earlier().agreed)):
            no_instructions.append(p.ordinal)
        if nat and eu:
            reason = _divergence(nat[0], eu[0], p.text)
            if reason:
                divergent.append(p.ordinal)
                divergence.append(Divergence(p.ordinal, labels[p.ordinal], nat[0].stance,
                                             eu[0].stance, reason))
        if any(n.red_line_flag for n in nat) and p.ordinal in against_earlier().wording_touched:
            touched.append(p.ordinal)
    agreed = against_earlier().newly_agreed if paragraph_ids is None and newly_agreed else ()
    return Signals(tuple(labels), tuple(divergent), tuple(touched), tuple(no_instructions),
                   agreed, uptake_rows, tuple(divergence),
                   has_national_positions=has_national, has_eu_positions=has_eu)


def draft_uptake(session: Session, negotiation: Negotiation, draft: Draft) -> tuple[UptakeResult, ...]:
    """How much of each amendment proposed on an earlier wording the draft took
    up: the uptake `signals` reports, for the amendments file."""
    carry = CarryForward(session, negotiation.id, draft)
    return _uptake(carry, speaking_positions(carry), draft_references(session, draft.id),
                   actors_by_id(session, negotiation.id))


def _uptake(carry: CarryForward, speaking: dict[tuple[int, int], Any], labels: list[str],
            actors: dict[int, Actor]) -> tuple[UptakeResult, ...]:
    """Each speaking amendment taken on an earlier draft, measured against what its
    paragraph became: all the parts of a split together (one row, on the first part)."""
    rows: list[UptakeResult] = []
    for pos, res in carry.resolved():
        if res.state == CarryState.PARAGRAPH_DELETED:
            continue
        # a position a merge superseded no longer proposes anything
        speaks = any(speaking.get((t, pos.actor_id)) is pos for t in res.targets)
        if speaks and pos.amendment and carry.order_of_draft[pos.draft_id] < carry.draft.order:
            now_text = " ".join(carry.paras[t].text for t in res.targets)
            got = uptake(pos.text, pos.amendment, now_text)
            if got is not None:
                index = carry.paras[res.targets[0]].ordinal
                rows.append(UptakeResult(index, labels[index], actors[pos.actor_id].name,
                                         Uptake(got[0]), got[1], pos.uid))
    return tuple(sorted(rows, key=lambda r: (r.index, r.actor, r.uid)))


@dataclass(frozen=True)
class _Against:
    """What the comparison with the previous draft says: the same comparison
    `negotiator diff` and the window show, so every face agrees."""

    newly_agreed: tuple[int, ...] = ()
    wording_touched: frozenset[int] = frozenset()

    @cached_property
    def agreed(self) -> frozenset[int]:
        """``newly_agreed`` to look up, paragraph by paragraph."""
        return frozenset(self.newly_agreed)


def _against(session: Session, before: Draft | None, draft: Draft) -> _Against:
    if before is None:
        return _Against()
    comparison = compare_drafts(session, before, draft)
    touched = frozenset(i for e in comparison.entries if e.wording_touched for i in e.new)
    return _Against(comparison.summary.newly_agreed, touched)


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
