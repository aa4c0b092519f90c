"""Salient changes: obligation, commitment, negation, polarity, numbers and dates,
in English and French (and a first Spanish list), and never labels or numbering."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from negotiator.diff.lexicon import LEXICONS, detect_language, parse_lexicon
from negotiator.diff.salience import Category, Salient, salient_changes
from negotiator.diff.worddiff import word_diff

ROOT = Path(__file__).resolve().parents[2]


def described(a: str, b: str, lang: str | None = None) -> list[str]:
    return [s.describe() for s in salient_changes(word_diff(a, b), lang)]


# --------------------------------------------------------------- English


def test_modal_change() -> None:
    assert described("States shall refrain from such activity.",
                     "States should refrain from such activity.") == ["shall → should"]


def test_operative_verb_change_including_phrases() -> None:
    assert described("Calls upon all States to report.", "Encourages all States to report.") \
        == ["calls upon → encourages"]
    assert described("Calls upon all States to report.", "Calls on all States to report.") \
        == ["calls upon → calls on"]
    assert described("Strongly condemns the attack.", "Condemns the attack.") \
        == ["strongly condemns → condemns"]


def test_negation_added() -> None:
    assert described("States should act now.", "States should not act now.") \
        == ["negation added: 'not'"]


def test_removed_not_is_a_reversal() -> None:
    """The issue's first miss: a removed "not" turns the paragraph round."""
    got = salient_changes(word_diff(
        "Reaffirms that participating States will not use ICTs against critical infrastructure;",
        "Reaffirms that participating States will use ICTs against critical infrastructure;"))
    assert [(s.category, s.describe()) for s in got] == [
        (Category.NEGATION, "negation removed: 'not'")]


def test_removed_dont_is_a_reversal() -> None:
    assert described("Delegations don't support the proposed deadline.",
                     "Delegations support the proposed deadline.") == ["negation removed: 'don't'"]


def test_cannot_and_shouldnt_split_into_modal_and_negation() -> None:
    assert described("The Secretariat cannot act without a mandate.",
                     "The Secretariat can act without a mandate.") == ["negation removed: 'cannot'"]
    assert described("States must not share such data.", "States shouldn't share such data.") \
        == ["must → should"]


def test_unlawful_to_lawful_is_a_polarity_change() -> None:
    """The issue's second miss."""
    got = salient_changes(word_diff(
        "Stresses that the use of force against such infrastructure is unlawful;",
        "Stresses that the use of force against such infrastructure is lawful;"))
    assert [(s.category, s.describe()) for s in got] == [(Category.POLARITY, "unlawful → lawful")]


@pytest.mark.parametrize(("before", "after", "expected"), [
    ("illegal", "legal", "illegal → legal"),
    ("binding", "non-binding", "binding → non-binding"),
    ("voluntary", "mandatory", "voluntary → mandatory"),
])
def test_prefix_antonyms_and_opposites(before: str, after: str, expected: str) -> None:
    assert described(f"The measures remain {before} for all participating States.",
                     f"The measures remain {after} for all participating States.") == [expected]


def test_a_base_word_alone_is_not_a_reversal() -> None:
    """ "binding" dropped from a sentence is wording; only its opposite taking its
    place reverses it. A negative form that goes is salient on its own."""
    assert described("These are legally binding commitments.", "These are commitments.") == []
    assert described("These are non-binding commitments.", "These are commitments.") \
        == ["'non-binding' removed"]


def test_numbers_and_dates() -> None:
    got = salient_changes(word_diff("before 31 May 2025, States may report",
                                    "before 30 June 2026, States may report"))
    assert [(s.category, s.describe()) for s in got] == [
        (Category.NUMBER, "31 May 2025 → 30 June 2026")]
    # the whole date is shown even when only the year changed
    assert described("by 31 May 2025", "by 31 May 2026") == ["31 May 2025 → 31 May 2026"]
    assert described("within 48 hours", "within 72 hours") == ["48 → 72"]


def test_may_is_a_month_next_to_a_number_and_a_modal_otherwise() -> None:
    assert described("States may report", "States must report") == ["may → must"]
    assert described("by 1 May", "by 1 June") == ["1 May → 1 June"]
    assert described("Implementations MAY ignore it.", "Implementations MUST ignore it.") \
        == ["may → must"]


def test_plain_wording_is_not_salient() -> None:
    assert described("the report is good", "the report is very good") == []
    assert described("same text", "same text") == []


def test_nouns_are_not_modals_or_verbs() -> None:
    assert described("reflecting the political will of States",
                     "reflecting the strong political will of all States") == []
    assert described("including such requests from States", "including requests from States") == []


def test_no_before_a_number_is_not_a_negation() -> None:
    assert described("Recalling Decision No. 1039 on confidence-building measures,",
                     "Recalling Decision No. 1106 on confidence-building measures,") == []


def test_not_only_and_no_later_than_are_not_negations() -> None:
    assert described("by 30 June", "no later than 30 June") == []
    assert described("States will act", "States will not only act") == []


def test_square_brackets_are_not_words() -> None:
    """Agreeing "[Strongly] encourages" as "Strongly encourages" changes no word."""
    assert described("[Strongly] encourages participating States to share information;",
                     "Strongly encourages participating States to share information;") == []


# --------------------------------------------------------------- false alarms


def test_option_labels_and_dropped_option_are_not_salient() -> None:
    """The issue's false alarm: merging two options gave "'1' removed; 'requests'
    removed" (the demo's last paragraph, Rev.1 -> Rev.2)."""
    rev1 = ("Option 1: [Decides to review the implementation of this decision annually at a "
            "dedicated meeting of the Permanent Council.]\nOption 2: [Requests the Chairmanship "
            "to report to the Permanent Council on the implementation of this decision [every two "
            "years][annually], on the basis of the work of the Informal Working Group.]")
    rev2 = ("Decides to review the implementation of this decision annually at a dedicated "
            "meeting of the Permanent Council, on the basis of a report by the Chairmanship.")
    assert described(rev1, rev2) == []


def test_alt_labels_are_not_numbers() -> None:
    assert described("Alt 1: States shall report.", "Alt 2: States shall report.") == []


def test_a_dropped_bracketed_alternative_is_a_choice_not_a_change() -> None:
    assert described("Develop, by [the end of 2026][the 2026 Ministerial Council], proposals;",
                     "Develop, by the end of 2026, proposals;") == []
    # ... but choosing "shall" over "should" drops "should", and that is salient
    assert described("States [shall][should] notify the Secretariat.",
                     "States shall notify the Secretariat.") == ["'should' removed"]
    # ... and so is what replaces every alternative
    assert described("States [shall][should] notify", "States may notify") \
        == ["shall, should → may"]


@pytest.mark.parametrize(("before", "after"), [
    ("as set out in paragraph 3", "as set out in paragraph 4"),
    ("under paragraphs 3 and 4", "under paragraphs 5 and 6"),
    ("see section 4.2 below", "see section 5.2 below"),
    ("1. Decides to convene a meeting;", "2. Decides to convene a meeting;"),
    ("(a) Review the measures;", "(b) Review the measures;"),
    ("4.2 Scope of the measures", "5.2 Scope of the measures"),
    ("as listed in (3) above", "as listed in (4) above"),
])
def test_paragraph_labels_and_numbering_are_not_salient(before: str, after: str) -> None:
    assert described(before, after) == []


def test_numbers_in_table_cells_are_not_salient() -> None:
    """A Word table row is imported as its cells joined by " | "."""
    assert described("Point of contact | Vienna | 12 | 2026",
                     "Point of contact | Vienna | 14 | 2027") == []


def test_table_of_contents_page_numbers_are_not_salient() -> None:
    assert described("3.1.  Comments . . . . . . . . . . . . . . . . . .   5",
                     "3.1.  Comments . . . . . . . . . . . . . . . . . .   6") == []


@pytest.mark.parametrize(("before", "after"), [
    ("Set `retries = 3` in the file.", "Set `retries = 5` in the file."),
    ("<CODE BEGINS>\nExpires: 2021-12-31T18:37:07z\n<CODE ENDS>",
     "<CODE BEGINS>\nExpires: 2022-12-31T18:37:07z\n<CODE ENDS>"),
    ("served as utf-8 text", "served as utf-16 text"),
    ("see https://example.org/v1/report", "see https://example.org/v2/report"),
])
def test_numbers_inside_code_are_not_salient(before: str, after: str) -> None:
    assert described(before, after) == []


def test_relayout_is_not_salient() -> None:
    assert described("States shall\nnotify the\nSecretariat by 2027.",
                     "States shall notify\nthe Secretariat by 2027.") == []


# --------------------------------------------------------------- French


def test_french_operative_verb_change() -> None:
    """The issue's French miss: "Décide" -> "Invite" never fired."""
    got = salient_changes(word_diff(
        "Décide que les États participants notifient au Secrétariat tout incident grave;",
        "Invite les États participants à notifier au Secrétariat tout incident grave;"))
    assert [s.describe() for s in got] == ["décide → invite"]
    assert got[0].category is Category.OPERATIVE


def test_french_ne_pas_removed() -> None:
    assert described("Décide de ne pas prolonger le mandat de la mission au-delà de 2026;",
                     "Décide de prolonger le mandat de la mission au-delà de 2026;") \
        == ["negation removed: 'ne pas'"]


def test_french_elided_negation() -> None:
    assert described("Cette mesure n'est pas contraignante pour les États participants.",
                     "Cette mesure est contraignante pour les États participants.") \
        == ["negation removed: 'ne pas'"]


def test_french_ne_far_from_its_partner() -> None:
    assert described("Ces mesures ne sont en aucun cas contraignantes pour les États.",
                     "Ces mesures sont en tout cas contraignantes pour les États.") \
        == ["negation removed: 'ne aucun'"]


def test_french_plus_alone_means_more() -> None:
    assert described("Encourage les États à coopérer étroitement.",
                     "Encourage les États à coopérer plus étroitement.") == []


def test_french_modals_and_operative_phrases() -> None:
    assert described("Les États participants doivent désigner un point de contact.",
                     "Les États participants devraient désigner un point de contact.") \
        == ["doivent → devraient"]
    assert described("Prie instamment les États participants de coopérer.",
                     "Engage les États participants à coopérer.") == ["prie instamment → engage"]
    assert described("Note avec satisfaction les efforts des États.",
                     "Se félicite des efforts des États.") == ["note → se félicite"]


def test_french_polarity() -> None:
    assert described("Ces engagements sont contraignants pour les États participants.",
                     "Ces engagements sont non contraignants pour les États participants.") \
        == ["contraignants → non contraignants"]
    assert described("Le recours à la force est licite dans ce cas.",
                     "Le recours à la force est illicite dans ce cas.") == ["licite → illicite"]


def test_french_dates_and_nouns() -> None:
    assert described("au plus tard le 30 juin 2027", "au plus tard le 31 décembre 2027") \
        == ["30 juin 2027 → 31 décembre 2027"]
    # "la demande" is a request (a noun), not the verb "demande"
    assert described("Prend note de la demande des États participants.",
                     "Prend note des États participants.") == []


# --------------------------------------------------------------- Spanish (smoke)


def test_spanish_operative_modal_and_negation() -> None:
    assert described("Decide que los Estados participantes deben informar a la Secretaría.",
                     "Invita a los Estados participantes a informar a la Secretaría.") \
        == ["decide → invita", "'deben' removed"]
    assert described("Insta a los Estados a que no apliquen estas medidas.",
                     "Alienta a los Estados a que apliquen estas medidas.") \
        == ["insta → alienta", "negation removed: 'no'"]
    assert described("Los Estados pueden presentar un informe antes del 1 de mayo.",
                     "Los Estados deberían presentar un informe antes del 1 de mayo.") \
        == ["pueden → deberían"]


# --------------------------------------------------------------- language and data


def test_language_is_guessed_per_paragraph_and_can_be_given() -> None:
    assert detect_language("Décide que les États participants doivent notifier") == "fr"
    assert detect_language("Decides that participating States shall notify") == "en"
    assert detect_language("Decide que los Estados participantes deben notificar") == "es"
    assert detect_language("12345") == "en"
    assert detect_language("Network Working Group  E. Foudil  Y. Shafranovich") == "en"
    # given explicitly, the French words are not looked for in an English list
    assert described("Décide de coopérer.", "Invite à coopérer.", lang="en") == []
    assert described("Décide de coopérer.", "Invite à coopérer.", lang="fr") == ["décide → invite"]


def test_as_dict_shape() -> None:
    (s,) = salient_changes(word_diff("States shall act", "States may act"))
    assert s.as_dict() == {"category": "modal", "from": "shall", "to": "may",
                           "description": "shall → may"}
    assert s.category == "modal" and s.description == s.describe()


def test_describe_one_sided() -> None:
    assert Salient(Category.NUMBER, (), ("31 May 2026",)).describe() == "'31 May 2026' added"
    assert Salient(Category.MODAL, ("shall", "should"), ()).describe() == "'shall', 'should' removed"
    assert Salient(Category.NEGATION, (), ("ne", "jamais")).describe() == "negation added: 'ne jamais'"


def test_word_lists_are_data_one_file_per_language() -> None:
    english, french, spanish = LEXICONS["en"], LEXICONS["fr"], LEXICONS["es"]
    assert {"shall", "should", "may", "will", "must"} <= english.modals
    assert {"decides", "requests", "calls upon", "urges", "encourages", "invites",
            "notes"} <= english.operative
    assert {"décide", "invite", "encourage", "prie instamment", "demande", "engage",
            "note"} <= french.operative
    assert {"doit", "devrait", "peut"} <= french.modals
    assert {"decide", "invita", "alienta", "insta"} <= spanish.operative
    assert {"debe", "debería", "puede"} <= spanish.modals and "no" in spanish.negations
    folder = ROOT / "negotiator" / "diff" / "lexicons"
    assert sorted(p.stem for p in folder.glob("*.toml")) == sorted(LEXICONS)


def test_a_new_language_is_a_new_file() -> None:
    german = parse_lexicon("de", tomllib.loads(
        'stopwords = ["der", "die", "und"]\nmodals = ["soll", "sollte"]\n'
        '[negation]\nwords = ["nicht"]\n'))
    lexicons = {**LEXICONS, "de": german}
    assert detect_language("Die Staaten und der Rat", lexicons) == "de"


def test_lexicons_ship_as_package_data() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = pyproject["tool"]["setuptools"]["package-data"]
    assert "lexicons/*.toml" in data["negotiator.diff"]


def test_the_first_look_never_hides_a_salient_change() -> None:
    """Skipping changes that touch no listed word is only a shortcut: on every
    changed paragraph of the demo's drafts, in English and French wording, the
    full reading finds nothing where the first look says there is nothing."""
    from negotiator.demo import read_demo_drafts
    from negotiator.diff.align import Para, align
    from negotiator.diff.salience import _may_be_salient, read_salience
    from negotiator.diff.worddiff import word_diff

    drafts = [parsed for _info, parsed in read_demo_drafts("txt")]
    pairs = skipped = 0
    for older, newer in zip(drafts, drafts[1:]):
        a = [Para(p.number, p.text) for p in older.paragraphs]
        b = [Para(p.number, p.text) for p in newer.paragraphs]
        for link in align(a, b):
            if not (link.old and link.new):
                continue
            ops = word_diff(" ".join(a[i].text for i in link.old), " ".join(b[j].text for j in link.new))
            french = [(op, t.replace("shall", "doit").replace("Decides", "Décide")) for op, t in ops]
            for case in (ops, french):
                pairs += 1
                if not _may_be_salient(case):
                    skipped += 1
                    assert read_salience(case) == [], case
    assert pairs > 40 and skipped > 0


def test_a_word_gone_from_two_places_is_said_once() -> None:
    from negotiator.diff.findings import Category, Salient

    twice = Salient(Category.OPERATIVE, ("requests", "requests"), ())
    assert twice.describe() == "'requests' removed"
    assert twice.describe("fr") == "«\u00a0requests\u00a0» supprimé"
    assert Salient(Category.MODAL, ("shall", "shall"), ("should",)).describe() == "shall → should"
    # A negation is one phrase: its words stay as written ("ne ... pas").
    assert Salient(Category.NEGATION, ("ne", "pas"), ()).describe("fr") == "négation supprimée\u00a0: «\u00a0ne pas\u00a0»"


def test_bracketed_alternatives_are_separate_figures_and_quoted_without_brackets() -> None:
    """"[seven][nine]" is a choice between two numbers, not the number "seven
    nine"; a description quotes words, not the square brackets around them."""
    chosen = salient_changes(word_diff(
        "The Executive Board shall consist of [seven][nine] Members elected for [two][three] years.",
        "The Executive Board shall consist of nine Members elected for two years."))
    assert [s.description for s in chosen] == ["'seven', 'three' removed"]
    agreed = salient_changes(word_diff("The Assembly [strongly] encourages States to report.",
                                       "The Assembly encourages States to report."))
    assert [s.description for s in agreed] == ["strongly encourages → encourages"]


@pytest.mark.parametrize(("before", "after"), [
    ("operate the platform in accordance with Article 15;", "operate the platform in accordance with Article 9;"),
    ("exploiter la plateforme conformément à l'article 15 ;", "exploiter la plateforme conformément à l'article 9 ;"),
    ("operar la plataforma de conformidad con el artículo 15;", "operar la plataforma de conformidad con el artículo 9;"),
])
def test_a_cross_reference_renumbered_is_no_figure_changed(before: str, after: str) -> None:
    """Articles renumbered in a consolidation update every "Article 15" that cites
    them: an identifier, not a figure a delegation must weigh."""
    assert salient_changes(word_diff(before, after)) == []
