"""Every sentence and label of the brief and of the amendments file, in English and in French.

One dict per language, keyed by what the text is for; ``BriefText`` fills the
placeholders and knows each language's small rules (plurals, "a, b and c",
dates, quotation marks, the space French puts before a colon). The draft's own
words never pass through here: they stay as the chair wrote them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from negotiator.diff.findings import NBSP, WORD_JOINER, Salient
from negotiator.export.draft_text import long_date

LANGUAGES: tuple[str, ...] = ("en", "fr")
# The language tag Word and LibreOffice use for spelling and hyphenation.
WORD_LANGUAGES = {"en": "en-GB", "fr": "fr-FR"}
# French sets a no-break space before ":" ";" "?" "!" and inside « ».

EN: dict[str, str] = {
    # title block
    "doc_title": "Brief: {title}",
    "delegation": "Delegation of {who}",
    "briefing_note": "Briefing note",
    "kicker": "BRIEFING NOTE FOR THE HEAD OF DELEGATION",
    "row_reference": "Meeting / file",
    "row_drafts": "Drafts compared",
    "row_date": "Date of this brief",
    "row_author": "Prepared by",
    "row_covers": "Covers",
    "row_actors": "Positions shown",
    "all_delegations": "all delegations",
    "scope_all": "all paragraphs",
    "scope_changed": "paragraphs changed since the earlier draft",
    "scope_with_positions": "paragraphs on which we hold a position",
    "scope_needing_instructions": "paragraphs needing instructions",
    "how_tracked": "Changes since the earlier draft appear as tracked changes (author {author})",
    "how_formatted": "Changes since the earlier draft are marked in the text: deleted words "
                     "struck through in red, inserted words underlined in blue",
    "how_notes": "{how}; notes appear as comments.",
    "page": "Page ",
    "page_of": " of ",
    # executive summary
    "summary_heading": "Executive summary",
    "has_paragraphs_changed": "{b} has {paragraphs}; since {a}: {changes}.",
    "has_paragraphs_unchanged": "{b} has {paragraphs}; no paragraph changed since {a}.",
    "brackets": "Square brackets: {before} in {a}, {after} in {b}.",
    "no_national": "No national positions are recorded for {b}: red lines, divergence from the "
                   "EU line and the uptake of our proposals cannot be assessed.",
    "red_lines_none": "No paragraph carrying one of our red lines changed in this draft.",
    "red_lines_one": "1 paragraph carrying our red line changed: {where}.",
    "red_lines_many": "{n} paragraphs carrying our red lines changed: {where}.",
    "red_lines_deleted_one": "1 paragraph carrying our red line was deleted: {where}.",
    "red_lines_deleted_many": "{n} paragraphs carrying our red lines were deleted: {where}.",
    "divergent_none": "Where both are recorded, the national line and the EU line agree.",
    "divergent_one": "1 paragraph diverges from the EU line: {where}.",
    "divergent_many": "{n} paragraphs diverge from the EU line: {where}.",
    "no_eu": "No EU line is recorded for {b}: divergence cannot be assessed.",
    "uptake": "Our proposals: {parts}.",
    "uptake_adopted_one": "{n} adopted",
    "uptake_adopted_many": "{n} adopted",
    "uptake_partly_one": "{n} partly reflected",
    "uptake_partly_many": "{n} partly reflected",
    "uptake_not_reflected_one": "{n} not reflected",
    "uptake_not_reflected_many": "{n} not reflected",
    "instructions_all": "Every paragraph not yet agreed has a national position.",
    "instructions_one": "1 paragraph of {b} not yet agreed has no national position",
    "instructions_many": "{n} paragraphs of {b} not yet agreed have no national position",
    "instructions_unchanged": "{total}; none of them changed in this draft.",
    "instructions_changed": "{total}; {n} of them changed and need instructions: {where}.",
    "instructions_changed_one": "{total}; it changed and needs instructions.",
    # at a glance
    "glance_heading": "At a glance",
    "glance_intro": "Paragraphs that changed or carry a signal, the most pressing first.",
    "glance_more_one": "1 more paragraph is in the body of the brief (“Paragraph by paragraph”).",
    "glance_more_many": "{n} more paragraphs are in the body of the brief "
                        "(“Paragraph by paragraph”).",
    "glance_more_unlisted_one": "1 more paragraph changed or carries a signal; there is no room "
                                "for it on this page.",
    "glance_more_unlisted_many": "{n} more paragraphs changed or carry a signal; there is no "
                                 "room for them on this page.",
    "glance_none": "No paragraph changed or carries a signal.",
    "col_paragraph": "Paragraph",
    "col_change": "Change",
    "col_ours": "Our stance",
    "col_eu": "EU line",
    "col_others": "Others",
    "col_action": "Action requested",
    "col_signal": "Signal",
    "col_why": "Why it matters",
    "action_defend_red_line": "Defend red line",
    "action_align_eu": "Align with EU or explain",
    "action_review": "Review our position",
    "action_not_reflected": "Re-table our proposal or let it go",
    "action_partly": "Press for the rest of our proposal",
    "action_instructions": "Instructions needed",
    "action_newly_agreed": "Take note: newly agreed",
    "action_information": "For information",
    # needs your attention
    "attention_heading": "Needs your attention",
    "group_red_line": "Red line touched",
    "group_divergent": "Diverges from the EU line",
    "group_review": "Our position needs review",
    "group_not_reflected": "Our proposal not reflected",
    "group_partly": "Our proposal partly reflected",
    "group_no_instructions": "No instructions",
    "group_salient": "Obligation or meaning changed",
    "why_red_line": "our red line is touched",
    "why_divergent": "the national line diverges from the EU line",
    "why_review": "our position was taken on {taken}; the wording since:",
    "why_review_deleted": "we hold a position on this paragraph, deleted in {b}",
    "why_review_parts": "our position was taken on {taken}, since {state}",
    "why_not_reflected": "our proposal is not reflected",
    "why_partly": "our proposal is only partly reflected",
    "why_no_instructions": "Changed, and no national position: {where}",
    "why_salient_modal": "the wording of an obligation changed",
    "why_salient_operative": "the operative verb changed",
    "why_salient_negation": "a negation was added or removed",
    "why_salient_polarity": "the meaning was reversed",
    "why_salient_number": "a figure or a date changed",
    "changed_kinds": "changed",
    # figures
    "figures_heading": "Figures",
    "fig_text": "The text",
    "fig_number": "Number",
    "fig_positions": "Our positions",
    "fig_brackets_before": "Brackets before",
    "fig_brackets_after": "Brackets after",
    "fig_red_lines": "Red lines touched",
    "fig_divergent": "Divergences from the EU line",
    "fig_adopted": "Proposals adopted",
    "fig_partly": "Proposals partly reflected",
    "fig_not_reflected": "Proposals not reflected",
    "fig_no_instructions": "Paragraphs needing instructions",
    "fig_newly_agreed": "Newly agreed paragraphs",
    "not_assessed": "n/a",
    # paragraph by paragraph
    "body_heading": "Paragraph by paragraph",
    "no_match": "No paragraph of {b} matches the chosen scope ({scope}).",
    "top_matter": "Symbol and date",
    "of_draft": "{label} of {draft}",
    "deleted": "Deleted: {old} of {a} does not appear in {b}.",
    "added": "New in {b}: no corresponding paragraph in {a}.",
    "split": "Split: {old} of {a} is now {new} in {b}.",
    "merged": "Merged: {old} of {a} are now {new} in {b}.",
    "moved": "Moved: this was {old} of {a}; it now stands elsewhere in the order.",
    "renumbered": "Renumbered: this was {old} of {a}.",
    "was": "This was {old} of {a}.",
    "old_read": "{a} read: ",
    "salient": "Salient: {items}",
    "marker_red_line": "RED LINE TOUCHED",
    "marker_divergent": "DIVERGES FROM EU LINE",
    "marker_instructions": "NEEDS INSTRUCTIONS",
    "marker_newly_agreed": "NEWLY AGREED",
    "marker_adopted": "OUR PROPOSAL ADOPTED",
    "marker_partly": "OUR PROPOSAL PARTLY REFLECTED",
    "marker_not_reflected": "OUR PROPOSAL NOT REFLECTED",
    "our_position": "Our position",
    "proposed_amendment": "Proposed amendment",
    "talking_points": "Talking points",
    "red_line": "Red line",
    "fallback": "Fallback",
    "review": "Review",
    "wording_since": "Taken on {taken}; the wording has changed since:",
    "wording_tracked_above": "Taken on {taken}; the changes since are those tracked above.",
    "eu_line": "EU line",
    "eu_amendment": "EU amendment",
    "eu_lines_to_take": "EU lines to take",
    "other_delegations": "Other delegations",
    "stance": "Stance",
    "remarks": "Amendment / remarks",
    "proposes": "Proposes: {text}",
    "actor_stance": "{actor}: {stance}",
    "priority": "priority {p}",
    "note_author": "Delegation note",
    "none": "—",
    # the amendments file
    "amend_title": "Amendments proposed by {actor} to {draft}",
    "amend_footer": "amendments by {actor}",
    "amend_in_text": "Every amendment proposed is already in the text of {label}",
    "amend_tracked": "The proposed amendments are shown as tracked changes against the text of {label}",
    "amend_comments": "The proposed amendments are attached as comments to the text of {label}",
    "amend_both": "The proposed amendments are shown as tracked changes against the text of "
                  "{label}, and as comments where they cannot apply to it as it stands",
    "amend_numbering": "{shown}; the numbering is that of {label}.",
    "amend_comment": "Amendment proposed by {actor}: {amendment}",
    "amend_split": "Proposed on {taken}, since split into {parts} of {draft}.",
}

FR: dict[str, str] = {
    "doc_title": "Note : {title}",
    "delegation": "Délégation : {who}",
    "briefing_note": "Note d'information",
    "kicker": "NOTE À L'ATTENTION DU CHEF DE DÉLÉGATION",
    "row_reference": "Réunion / dossier",
    "row_drafts": "Projets comparés",
    "row_date": "Date de la présente note",
    "row_author": "Établie par",
    "row_covers": "Portée",
    "row_actors": "Positions présentées",
    "all_delegations": "toutes les délégations",
    "scope_all": "tous les paragraphes",
    "scope_changed": "paragraphes modifiés depuis le projet précédent",
    "scope_with_positions": "paragraphes sur lesquels nous avons une position",
    "scope_needing_instructions": "paragraphes pour lesquels des instructions sont nécessaires",
    "how_tracked": "Les modifications depuis le projet précédent apparaissent en suivi des "
                   "modifications (auteur {author})",
    "how_formatted": "Les modifications depuis le projet précédent sont marquées dans le texte : "
                     "mots supprimés barrés en rouge, mots ajoutés soulignés en bleu",
    "how_notes": "{how} ; les notes figurent en commentaires.",
    "page": "Page ",
    "page_of": " sur ",
    "summary_heading": "Synthèse",
    "has_paragraphs_changed": "{b} compte {paragraphs} ; depuis {a} : {changes}.",
    "has_paragraphs_unchanged": "{b} compte {paragraphs} ; aucun paragraphe n'a changé depuis {a}.",
    "brackets": "Crochets : {before} dans {a}, {after} dans {b}.",
    "no_national": "Aucune position nationale n'est enregistrée pour {b} : les lignes rouges, "
                   "les divergences avec la ligne de l'UE et la prise en compte de nos "
                   "propositions ne peuvent pas être évaluées.",
    "red_lines_none": "Aucun paragraphe portant l'une de nos lignes rouges n'a changé dans ce projet.",
    "red_lines_one": "1 paragraphe portant notre ligne rouge a changé : {where}.",
    "red_lines_many": "{n} paragraphes portant nos lignes rouges ont changé : {where}.",
    "red_lines_deleted_one": "1 paragraphe portant notre ligne rouge a été supprimé : {where}.",
    "red_lines_deleted_many": "{n} paragraphes portant nos lignes rouges ont été supprimés : {where}.",
    "divergent_none": "Là où les deux sont enregistrées, la ligne nationale et la ligne de l'UE "
                      "concordent.",
    "divergent_one": "1 paragraphe diverge de la ligne de l'UE : {where}.",
    "divergent_many": "{n} paragraphes divergent de la ligne de l'UE : {where}.",
    "no_eu": "Aucune ligne de l'UE n'est enregistrée pour {b} : les divergences ne peuvent pas "
             "être évaluées.",
    "uptake": "Nos propositions : {parts}.",
    "uptake_adopted_one": "{n} adoptée",
    "uptake_adopted_many": "{n} adoptées",
    "uptake_partly_one": "{n} partiellement reprise",
    "uptake_partly_many": "{n} partiellement reprises",
    "uptake_not_reflected_one": "{n} non reprise",
    "uptake_not_reflected_many": "{n} non reprises",
    "instructions_all": "Chaque paragraphe non encore agréé fait l'objet d'une position "
                        "nationale.",
    "instructions_one": "1 paragraphe de {b} non encore agréé n'a pas de position nationale",
    "instructions_many": "{n} paragraphes de {b} non encore agréés n'ont pas de position "
                         "nationale",
    "instructions_unchanged": "{total} ; aucun d'entre eux n'a changé dans ce projet.",
    "instructions_changed": "{total} ; {n} d'entre eux ont changé et appellent des "
                            "instructions : {where}.",
    "instructions_changed_one": "{total} ; il a changé et appelle des instructions.",
    "glance_heading": "Vue d'ensemble",
    "glance_intro": "Paragraphes modifiés ou portant un signal, les plus urgents d'abord.",
    "glance_more_one": "1 autre paragraphe figure dans le corps de la note "
                       "(« Paragraphe par paragraphe »).",
    "glance_more_many": "{n} autres paragraphes figurent dans le corps de la note "
                        "(« Paragraphe par paragraphe »).",
    "glance_more_unlisted_one": "1 autre paragraphe a changé ou porte un signal ; la place "
                                "manque sur cette page.",
    "glance_more_unlisted_many": "{n} autres paragraphes ont changé ou portent un signal ; la "
                                 "place manque sur cette page.",
    "glance_none": "Aucun paragraphe n'a changé ni ne porte de signal.",
    "col_paragraph": "Paragraphe",
    "col_change": "Modification",
    "col_ours": "Notre position",
    "col_eu": "Ligne de l'UE",
    "col_others": "Autres",
    "col_action": "Action demandée",
    "col_signal": "Signal",
    "col_why": "Enjeu",
    "action_defend_red_line": "Défendre la ligne rouge",
    "action_align_eu": "S'aligner sur l'UE ou s'en expliquer",
    "action_review": "Réexaminer notre position",
    "action_not_reflected": "Représenter notre proposition ou y renoncer",
    "action_partly": "Obtenir le reste de notre proposition",
    "action_instructions": "Besoin d'instructions",
    "action_newly_agreed": "Pour mémoire : nouvellement agréé",
    "action_information": "Pour information",
    "attention_heading": "Points appelant votre attention",
    "group_red_line": "Ligne rouge touchée",
    "group_divergent": "Diverge de la ligne de l'UE",
    "group_review": "Notre position est à réexaminer",
    "group_not_reflected": "Notre proposition n'est pas reprise",
    "group_partly": "Notre proposition est partiellement reprise",
    "group_no_instructions": "Sans instructions",
    "group_salient": "Obligation ou sens modifié",
    "why_red_line": "notre ligne rouge est touchée",
    "why_divergent": "la ligne nationale diverge de la ligne de l'UE",
    "why_review": "notre position a été prise sur {taken} ; le texte depuis :",
    "why_review_deleted": "nous avons une position sur ce paragraphe, supprimé dans {b}",
    "why_review_parts": "notre position a été prise sur {taken} ; depuis, {state}",
    "why_not_reflected": "notre proposition n'est pas reprise",
    "why_partly": "notre proposition n'est que partiellement reprise",
    "why_no_instructions": "Modifiés, sans position nationale : {where}",
    "why_salient_modal": "la formulation d'une obligation a changé",
    "why_salient_operative": "le verbe du dispositif a changé",
    "why_salient_negation": "une négation a été ajoutée ou supprimée",
    "why_salient_polarity": "le sens a été inversé",
    "why_salient_number": "un chiffre ou une date a changé",
    "changed_kinds": "modifiés",
    "figures_heading": "Chiffres",
    "fig_text": "Le texte",
    "fig_number": "Nombre",
    "fig_positions": "Nos positions",
    "fig_brackets_before": "Crochets avant",
    "fig_brackets_after": "Crochets après",
    "fig_red_lines": "Lignes rouges touchées",
    "fig_divergent": "Divergences avec la ligne de l'UE",
    "fig_adopted": "Propositions adoptées",
    "fig_partly": "Propositions partiellement reprises",
    "fig_not_reflected": "Propositions non reprises",
    "fig_no_instructions": "Paragraphes sans instructions",
    "fig_newly_agreed": "Paragraphes nouvellement agréés",
    "not_assessed": "s.o.",
    "body_heading": "Paragraphe par paragraphe",
    "no_match": "Aucun paragraphe de {b} ne correspond à la portée choisie ({scope}).",
    "top_matter": "Cote et date",
    "of_draft": "{label} de {draft}",
    "deleted": "Supprimé : {old} de {a} ne figure plus dans {b}.",
    "added": "Nouveau dans {b} : aucun paragraphe correspondant dans {a}.",
    "split": "Scindé : {old} de {a} devient {new} dans {b}.",
    "merged": "Fusionnés : {old} de {a} deviennent {new} dans {b}.",
    "moved": "Déplacé : anciennement {old} de {a} ; il figure désormais ailleurs dans le texte.",
    "renumbered": "Renuméroté : anciennement {old} de {a}.",
    "was": "Anciennement {old} de {a}.",
    "old_read": "Texte de {a} : ",
    "salient": "À noter : {items}",
    "marker_red_line": "LIGNE ROUGE TOUCHÉE",
    "marker_divergent": "DIVERGE DE LA LIGNE DE L'UE",
    "marker_instructions": "BESOIN D'INSTRUCTIONS",
    "marker_newly_agreed": "NOUVELLEMENT AGRÉÉ",
    "marker_adopted": "NOTRE PROPOSITION ADOPTÉE",
    "marker_partly": "NOTRE PROPOSITION PARTIELLEMENT REPRISE",
    "marker_not_reflected": "NOTRE PROPOSITION NON REPRISE",
    "our_position": "Notre position",
    "proposed_amendment": "Amendement proposé",
    "talking_points": "Éléments de langage",
    "red_line": "Ligne rouge",
    "fallback": "Position de repli",
    "review": "Réexamen",
    "wording_since": "Prise sur {taken} ; le texte a changé depuis :",
    "wording_tracked_above": "Prise sur {taken} ; les modifications depuis sont celles marquées ci-dessus.",
    "eu_line": "Ligne de l'UE",
    "eu_amendment": "Amendement de l'UE",
    "eu_lines_to_take": "Éléments de langage de l'UE",
    "other_delegations": "Autres délégations",
    "stance": "Position",
    "remarks": "Amendement / observations",
    "proposes": "Propose : {text}",
    "actor_stance": "{actor} : {stance}",
    "priority": "priorité {p}",
    "note_author": "Note de la délégation",
    "none": "—",
    "amend_title": "Amendements proposés par {actor} au projet {draft}",
    "amend_footer": "amendements de {actor}",
    "amend_in_text": "Chacun des amendements proposés figure déjà dans le texte de {label}",
    "amend_tracked": "Les amendements proposés apparaissent en suivi des modifications sur le "
                     "texte de {label}",
    "amend_comments": "Les amendements proposés figurent en commentaires sur le texte de {label}",
    "amend_both": "Les amendements proposés apparaissent en suivi des modifications sur le texte "
                  "de {label}, et en commentaires là où ils ne peuvent s'appliquer au texte tel "
                  "qu'il se présente",
    "amend_numbering": "{shown} ; la numérotation est celle de {label}.",
    "amend_comment": "Amendement proposé par {actor} : {amendment}",
    "amend_split": "Proposé sur {taken}, scindé depuis en {parts} de {draft}.",
}

# Words that change with a count or a member of the vocabulary.
KINDS = {
    "en": {"unchanged": ("unchanged", "unchanged"), "modified": ("modified", "modified"),
           "renumbered": ("only renumbered", "only renumbered"), "moved": ("moved", "moved"),
           "split": ("split", "split"), "merged": ("merged", "merged"),
           "added": ("added", "added"), "deleted": ("deleted", "deleted")},
    "fr": {"unchanged": ("inchangé", "inchangés"), "modified": ("modifié", "modifiés"),
           "renumbered": ("seulement renuméroté", "seulement renumérotés"),
           "moved": ("déplacé", "déplacés"), "split": ("scindé", "scindés"),
           "merged": ("fusionné", "fusionnés"), "added": ("ajouté", "ajoutés"),
           "deleted": ("supprimé", "supprimés")},
}
# The class of an alignment as the label line and the figures table show it.
KIND_LABELS = {
    "en": {"unchanged": "unchanged", "modified": "modified", "renumbered": "renumbered",
           "moved": "moved", "split": "split", "merged": "merged", "added": "added",
           "deleted": "deleted"},
    "fr": {"unchanged": "inchangé", "modified": "modifié", "renumbered": "renuméroté",
           "moved": "déplacé", "split": "scindé", "merged": "fusionné", "added": "ajouté",
           "deleted": "supprimé"},
}
STANCES = {
    "en": {"support": "Support", "support_with_amendments": "Support with amendments",
           "oppose": "Oppose", "reserve": "Reserve", "no_position": "No position"},
    "fr": {"support": "Soutien", "support_with_amendments": "Soutien avec amendements",
           "oppose": "Opposition", "reserve": "Réserve", "no_position": "Pas de position"},
}
STAGES = {
    "en": {"draft": "not yet coordinated", "coordinated": "agreed in coordination",
           "delivered": "delivered"},
    "fr": {"draft": "non encore coordonnée", "coordinated": "agréée en coordination",
           "delivered": "exprimée en séance"},
}
PRIORITIES = {
    "en": {"high": "high", "medium": "medium", "low": "low"},
    "fr": {"high": "haute", "medium": "moyenne", "low": "basse"},
}
STATES = {
    "en": {"current": "still current",
           "needs_review": "needs review: the wording changed since it was taken",
           "paragraph_deleted": "the paragraph was deleted",
           "split": "the paragraph was split", "merged": "the paragraph was merged"},
    "fr": {"current": "toujours d'actualité",
           "needs_review": "à réexaminer : le texte a changé depuis la prise de position",
           "paragraph_deleted": "le paragraphe a été supprimé",
           "split": "le paragraphe a été scindé", "merged": "le paragraphe a été fusionné"},
}
NOUNS = {
    "en": {"paragraph": ("paragraph", "paragraphs")},
    "fr": {"paragraph": ("paragraphe", "paragraphes")},
}
CATALOGUES = {"en": EN, "fr": FR}


@dataclass(frozen=True)
class BriefText:
    """The brief's words in one language."""

    language: str = "en"

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(f"unknown language '{self.language}' (choose {', '.join(LANGUAGES)})")

    def __call__(self, key: str, **values: object) -> str:
        # typeset the message, not the values: a delegation's own words stay as written
        return self._typeset(CATALOGUES[self.language][key]).format(**values)

    def _typeset(self, text: str) -> str:
        if self.language != "fr":
            return text
        # « x », « a : b », « a ; b »: the space before is a no-break space; l’UE.
        text = text.replace("'", "\u2019")
        for mark in (" :", " ;", " ?", " !", " »"):
            text = text.replace(mark, NBSP + mark[1:])
        return text.replace("« ", "«" + NBSP)

    def quote(self, text: str) -> str:
        return f"«{NBSP}{text}{NBSP}»" if self.language == "fr" else f"“{text}”"

    def count(self, n: int, noun: str) -> str:
        """ "3 paragraphs", « 1 paragraphe » (French: 0 and 1 are singular)."""
        one, many = NOUNS[self.language][noun]
        return f"{n} {one if self._singular(n) else many}"

    def _singular(self, n: int) -> bool:
        return n <= 1 if self.language == "fr" else n == 1

    def one_or_many(self, key: str, n: int, **values: object) -> str:
        """The "_one" or "_many" form of a message for a count."""
        return self(f"{key}_{'one' if n == 1 else 'many'}", n=n, **values)

    def series(self, items: Iterable[str]) -> str:
        """Clauses one after another: "a; b" / « a ; b »."""
        return (f"{NBSP}; " if self.language == "fr" else "; ").join(items)

    def refs(self, labels: Iterable[str]) -> str:
        """Paragraph references listed in prose: "PP 5, OP 6 (b) and OP 14", each
        kept on one line (a line may otherwise break between the parts of
        "Art. 9(3)(c)": a word joiner holds them). A label naming several
        paragraphs ("Art. 9(3), Art. 9(3)(a)", a split) may break between them."""
        def one_line(ref: str) -> str:
            return ref.replace(" ", NBSP).replace(")(", f"){WORD_JOINER}(")
        return self.join(", ".join(one_line(ref) for ref in label.split(", ")) for label in labels)

    def join(self, items: Iterable[str]) -> str:
        """ "a, b and c" / « a, b et c »."""
        listed = list(items)
        if len(listed) <= 1:
            return "".join(listed)
        return ", ".join(listed[:-1]) + (" et " if self.language == "fr" else " and ") + listed[-1]

    def date(self, day: dt.date) -> str:
        return long_date(day, self.language)

    def kind_count(self, kind: str, n: int) -> str:
        """ "8 modified", « 8 modifiés »."""
        one, many = KINDS[self.language][kind]
        return f"{n} {one if self._singular(n) else many}"

    def kind(self, kind: str) -> str:
        return KIND_LABELS[self.language].get(kind, kind)

    def stance(self, stance: str) -> str:
        return STANCES[self.language].get(stance, stance)

    def stage(self, stage: str) -> str:
        return STAGES[self.language].get(stage, stage)

    def priority(self, priority: str) -> str:
        return self("priority", p=PRIORITIES[self.language].get(priority, priority))

    def state(self, state: str) -> str:
        return self._typeset(STATES[self.language].get(state, state))

    def salient(self, item: Salient) -> str:
        """A salient change as the reader says it: "shall → should", « négation supprimée : « not » »."""
        return item.describe(self.language)
