"""Shapes the aligner got wrong on the labelled corpus pairs, each written
again here in our own wording (OSCE/UN-style texts, registry records and
code examples made up for these tests): Arabic morphology, label + text and
records cut or joined word for word, a list cut out of one sentence, template
look-alikes and drafts revised throughout."""

from __future__ import annotations

from collections.abc import Sequence

from negotiator.diff.align import Link, Para, align, words


def paras(texts: Sequence[str]) -> list[Para]:
    return [Para(None, t) for t in texts]


def by_old(links: list[Link]) -> dict[int, Link]:
    return {i: link for link in links for i in link.old}


def by_new(links: list[Link]) -> dict[int, Link]:
    return {j: link for link in links for j in link.new}


# --- Arabic: attached pronouns, plural endings and a doubled "wa-" ---

def test_arabic_endings_and_conjunctions_do_not_hide_a_word() -> None:
    assert words("مسؤولياتنا") == words("مسؤوليات") == words("المسؤولية")
    assert words("ووجهات النظر") == words("وجهات نظر")  # "and" + a word starting with wa-
    assert words("ودولنا") == words("للدول") == words("الدول")
    # Presentation forms a PDF may extract (isolated alef, the lam-alef ligature).
    assert words("\ufe8dلدول \ufefb تقبل") == words("الدول لا تقبل")


def test_arabic_items_reordered_and_reworded_keep_their_links() -> None:
    a = paras(["الفصل الأول: التعاون", "تقرر الدول المشاركة ما يلي:",
               "* تبادل المعلومات بين نقاط الاتصال الوطنية",
               "* تعزيز قدرات الدول في مجال الأمن السيبراني",
               "* احترام حقوق الإنسان والحريات الأساسية",
               "الفصل الثاني: المتابعة"])
    b = paras(["الفصل الأول: التعاون", "تقرر الدول المشاركة ما يلي:",
               "* احترام حقوقهم الإنسانية وحرياتهم الأساسية",
               "* دعوة الأمانة إلى تنظيم حلقة عمل إقليمية",
               "* تبادل معلوماتنا مع نقاط اتصالنا الوطنية",
               "* تعزيز قدراتها في مجالات الأمن السيبراني",
               "الفصل الثاني: المتابعة"])
    links = align(a, b)
    assert by_old(links)[4].new == (2,)
    assert by_new(links)[3].status == ("added",)


# --- word for word: one paragraph cut in two, or two joined ---

# Too short for coverage to tell parts from chance: only the words' order does.
CONTACT = "Ines Moreau"
EMAIL = "Email: ines.moreau@example.org"


def test_a_contact_block_cut_in_two_is_a_split_and_joined_again_a_merge() -> None:
    before = paras(["Contacts for the Chairmanship", f"{CONTACT} {EMAIL}",
                    "Annex II: Timetable"])
    after = paras(["Contacts for the Chairmanship", CONTACT, EMAIL, "Annex II: Timetable"])
    assert by_old(align(before, after))[1].new == (1, 2)
    assert by_new(align(after, before))[1].old == (1, 2)


def test_a_rule_cut_around_an_inserted_line_is_still_one_split() -> None:
    before = paras(["Grammar of the reporting form",
                    "country = ISO 3166\ndate = ISO 8601",
                    "Submissions use UTF-8."])
    after = paras(["Grammar of the reporting form",
                   "country = ISO 3166",
                   "region = OSCE region",
                   "date = ISO 8601",
                   "Submissions use UTF-8."])
    links = align(before, after)
    assert by_old(links)[1].new == (1, 3)
    assert by_new(links)[2].status == ("added",)


# --- a sentence listing examples turned into a bulleted list ---

def test_every_item_cut_from_a_listing_sentence_joins_the_split() -> None:
    sentence = ("Examples of measures the participating States agreed include the exchange of "
                "military information, prior notification of large exercises, hotlines "
                "between capitals, joint inspections, or other voluntary transparency steps.")
    before = paras(["Section 2", sentence, "Section 3"])
    after = paras(["Section 2", "Examples of measures the participating States agreed include:",
                   "* The exchange of military information",
                   "* Hotlines between capitals",
                   "* Prior notification of large exercises",
                   "* Joint inspections",
                   "* Other voluntary transparency steps",
                   "Section 3"])
    assert by_old(align(before, after))[1].new == (1, 2, 3, 4, 5, 6)


# --- templated look-alikes: the frame is not the content ---

def _record(name: str, description: str) -> str:
    return (f"Field Name: {name}\nDescription: {description}\nMultiple Appearances: No\n"
            "Published in: this decision\nStatus: current")


def test_a_registry_record_replaced_by_another_field_is_deleted_and_added() -> None:
    kept = [_record("Contact", "how to reach the national point of contact"),
            _record("Language", "languages in which replies are accepted"),
            _record("Policy", "link to the national reporting policy")]
    dropped = _record("Deadline", "the last day for replies to the questionnaire")
    added = _record("Mandate", "the body that mandated the national reply")
    before = paras(["Initial registry contents:", kept[0], dropped, kept[1], kept[2],
                    "Final provisions"])
    after = paras(["Initial registry contents:", kept[0], added, kept[1], kept[2],
                   "Final provisions"])
    links = align(before, after)
    assert by_old(links)[2].status == ("deleted",)
    assert by_new(links)[2].status == ("added",)


FORM_INTRO = [
    "Reporting form for national replies",
    "This annex describes the fields of the reporting form that participating States use to "
    "send their national replies to the Secretariat.",
    "Each field is one line of text. Fields not described here are ignored by the Secretariat.",
]
LANGUAGE_FIELD = [
    "Language", "The Language field lists the languages in which a reply may be written.",
    "<EXAMPLE BEGINS>\nLanguage: en\n<EXAMPLE ENDS>",
]


def test_a_code_example_is_not_linked_to_another_example_for_its_markers() -> None:
    # A field and its example dropped, another field with two examples added in
    # its place: the examples share only their markers.
    before = paras([*FORM_INTRO,
                    "Retention", "The Retention field says how long the Secretariat keeps a reply.",
                    "<EXAMPLE BEGINS>\nRetention: 5\n<EXAMPLE ENDS>", *LANGUAGE_FIELD])
    after = paras([*FORM_INTRO,
                   "Mandate", "The Mandate field names the decision under which a reply is sent.",
                   "Here is an example naming a decision of the Permanent Council.",
                   "<EXAMPLE BEGINS>\nMandate: 1106\n<EXAMPLE ENDS>",
                   "Here is an example naming a ministerial decision.",
                   "<EXAMPLE BEGINS>\nMandate: 3\n<EXAMPLE ENDS>", *LANGUAGE_FIELD])
    links = align(before, after)
    assert by_old(links)[5].status == ("deleted",)
    assert by_new(links)[6].status == ("added",)
    assert [by_old(links)[i].new for i in (6, 7, 8)] == [(9,), (10,), (11,)]


def test_a_merge_takes_the_record_lines_next_door_not_a_look_alike_tail() -> None:
    # Four lines joined into one record; further down, the tail of another
    # record ("Status: current Change controller: ...") shares more of its
    # words than any single line but belongs with its own record.
    tail = "Status: current Change controller: Permanent Council"
    before = paras([
        "Registry of reporting addresses",
        "The registry of reporting addresses is updated with the following values:",
        "Address suffix: replies", "Change controller: Permanent Council",
        "Specification: this decision", "Status: permanent",
        "Registry of reply fields",
        "The registry of reply fields is created with these initial values:",
        "Field Name: Contact\nDescription: how to reach the national point of contact\n"
        "Multiple Appearances: yes", tail,
        _record("Language", "languages accepted for replies"),
        "Final provisions"])
    after = paras([
        "Registry of reporting addresses",
        "The registry of reporting addresses has been updated with the following values:",
        "Address suffix: replies Change controller: Permanent Council "
        "Specification: Decision 1106 Status: permanent",
        "Registry of reply fields",
        "The registry of reply fields is created with these initial values:",
        "Field Name: Contact\nDescription: how to reach the national contact point\n"
        f"Multiple Appearances: yes\n{tail}",
        _record("Language", "languages accepted for replies"),
        "Final provisions"])
    links = align(before, after)
    assert by_new(links)[2].old == (2, 3, 4, 5)
    assert by_new(links)[5].old == (8, 9)


# --- a text revised throughout: slots judged against the rest of the text ---

REVISED = [
    ("Welcomes the adoption of the annual report of the working group on confidence-building "
     "measures in cyberspace;",
     "Takes note with satisfaction of the yearly report adopted by the working group on "
     "cyber confidence-building measures;"),
    ("Encourages participating States to nominate policy and technical points of contact and "
     "to keep the list of contacts up to date;",
     "Invites participating States to designate contacts at policy and technical level and to "
     "update the directory of contacts regularly;"),
    ("Requests the Secretariat to organise a tabletop exercise for points of contact before "
     "the next meeting;",
     "Asks the Secretariat to hold a communication exercise for the points of contact ahead of "
     "the next plenary;"),
    ("Stresses that capacity-building should be demand-driven and tailored to national needs;",
     "Underlines that capacity-building must respond to requests and be tailored to the needs "
     "of each State;"),
    ("Recognises the value of partnerships with academia and the technical community;",
     "Acknowledges how much partnerships with universities and the technical community "
     "contribute;"),
    ("Calls upon States to protect undersea cables against malicious activity;",
     "Urges States to secure undersea cables from malicious acts and accidents;"),
    ("Invites regional organisations to share their experience of similar exercises;",
     "Encourages regional bodies to report on comparable exercises they have held;"),
    ("Decides to review the implementation of these measures at its next session;",
     "Agrees to assess how these measures are implemented at the following session;"),
    ("Notes the voluntary national surveys submitted by several delegations;",
     "Takes note of the national surveys that a number of delegations chose to submit;"),
    ("Decides to remain seized of the matter.",
     "Decides to stay actively seized of the matter."),
]
# Shares little wording with the paragraph it replaces in place...
REWORDED_SLOT = (
    "Encourages the Chairmanship to convene informal consultations on gender perspectives in "
    "cyber diplomacy;",
    "Asks the Chair to organise talks on the role of women in the diplomacy of cyberspace;")


def test_in_a_text_revised_throughout_a_loosely_reworded_slot_still_links() -> None:
    rows = [*REVISED[:5], REWORDED_SLOT, *REVISED[5:]]
    links = align(paras([old for old, _ in rows]), paras([new for _, new in rows]))
    assert by_old(links)[5].new == (5,)


def test_in_a_lightly_edited_text_the_same_slot_stays_deleted_and_added() -> None:
    rows = [*REVISED[:5], REWORDED_SLOT, *REVISED[5:]]
    before = [old for old, _ in rows]
    after = [*before[:5], REWORDED_SLOT[1], *before[6:]]
    links = align(paras(before), paras(after))
    assert by_old(links)[5].status == ("deleted",)


def test_a_move_between_two_equal_candidates_is_not_guessed() -> None:
    # The edited paragraph now stands twice, in two copies of the same block:
    # both copies score exactly the same, so neither is "the" continuation.
    kept = [
        "Welcomes the convening of the informal consultations on confidence-building measures;",
        "Encourages participating States to nominate points of contact for ICT security;",
        "Requests the Secretariat to circulate a template for voluntary national reporting;",
        "Invites the Chairmanship to prepare an overview of the contributions received;",
    ]
    moved = "Decides that the informal working group shall review the measures every year;"
    edited = "Decides that the informal working group should review the measures every two years;"
    a = [Para(None, t) for t in [*kept, moved]]
    block = [kept[0], kept[1], edited, kept[2], kept[3]]
    b = [Para(None, t) for t in [*block, *block]]
    links = align(a, b)
    x = next(link for link in links if 4 in link.old)
    assert x.new == () and x.status == ("deleted",)


# --- a chair's consolidation (the shapes of tests/data/alignment/treaty_*.txt) ---

DATA = ("[Personal data transferred under this Convention shall be processed in accordance "
        "with the domestic law of the receiving State Party.]")
ADEQUATE = ("[Personal data shall be transferred only where the receiving State Party ensures "
            "an adequate level of protection.]")
INSTRUMENTS = ("[Personal data shall be transferred in accordance with the international "
               "instruments by which both States Parties are bound.]")


def test_a_label_joined_to_its_text_after_the_options_were_renumbered_is_a_merge() -> None:
    a = paras(["Article 13. Protection of personal data", "Option 1:", DATA, "Option 2:", ADEQUATE,
               "Chapter IV. Implementation"])
    b = paras(["Article 13. Protection of personal data", f"Option 1: {INSTRUMENTS}",
               f"Option 2: {DATA}", f"Option 3: {ADEQUATE}", "Chapter IV. Implementation"])
    links = align(a, b)
    assert by_new(links)[2].old == (1, 2)
    assert by_new(links)[3].old == (3, 4)
    assert by_new(links)[1].status == ("added",)


SCOPE = ("This Convention shall apply to the prevention and detection of, and the response to, "
         "ICT incidents affecting critical information infrastructure.")
EXEMPT = ("[This Convention shall not apply to activities of States in the exercise of their "
          "sovereign authority, including activities of their armed forces.]")
IHL = ("[Nothing in this Convention shall affect the rights and obligations of States under "
       "international humanitarian law or their inherent right of self-defence.]")
COMPROMISE = ("This Convention shall not apply to activities undertaken by States in the exercise "
              "of their sovereign authority, and nothing in it shall affect the rights and "
              "obligations of States under international law, including international "
              "humanitarian law.")
OTHER_TREATIES = ("The application of this Convention shall not prejudice the rights of States "
                  "Parties under other international agreements to which they are parties.")
NOT_AFFECT = ("Nothing in this Convention shall affect the rights and obligations of States "
              "Parties under other international agreements to which they are parties.")


def test_options_collapsed_keep_the_alternative_a_reworded_neighbour_borrows_from() -> None:
    # The new "Nothing ... shall affect the rights and obligations" provision
    # opens as Option 2 did, but Option 2 is mostly in the compromise text.
    a = paras(["Article 3. Scope of application", SCOPE, "Option 1:", EXEMPT, "Option 2:", IHL,
               OTHER_TREATIES, "Article 4. Sovereignty"])
    b = paras(["Article 3. Relationship with other agreements", NOT_AFFECT,
               "Article 4. Scope of application", SCOPE, COMPROMISE, "Article 5. Sovereignty"])
    links = align(a, b)
    assert by_new(links)[4].old == (2, 3, 4, 5)
    assert by_new(links)[1].old == (6,)


def test_a_chapeau_fused_with_its_items_joins_the_merge() -> None:
    # Its words ("purposes", "Convention") are everywhere in the text: it adds
    # little wording to the merge, but it introduces the items merged.
    terms = ["Article 2. Use of terms", "For the purposes of this Convention:",
             '(a) "ICT incident" means an event that jeopardizes the availability of '
             "information systems or of the data they process;",
             "Article 3. Scope of application", SCOPE]
    a = paras(["Article 1. Statement of purpose",
               "The purposes of this Convention are:",
               "(a) To promote and strengthen measures to protect critical information "
               "infrastructure against malicious activity;",
               "(b) To facilitate international cooperation in preventing and responding to "
               "incidents that affect such infrastructure;",
               "(c) To promote technical assistance and capacity-building, in particular for "
               "developing countries.",
               *terms])
    b = paras(["Article 1. Purpose",
               "The purpose of this Convention is to strengthen the protection of critical "
               "information infrastructure against malicious activity, to facilitate "
               "international cooperation in preventing and responding to incidents that affect "
               "such infrastructure, and to promote technical assistance and capacity-building, "
               "in particular for developing countries.",
               *terms])
    assert by_new(align(a, b))[1].old == (1, 2, 3, 4)


def test_two_templated_provisions_fused_into_one_are_a_merge() -> None:
    frame = ("Each State Party shall adopt such legislative and other measures as may be "
             "necessary to enable its competent authorities to ")
    a = paras(["Article 9. General principles of cooperation",
               frame + "request assistance from other States Parties.",
               frame + "provide assistance to other States Parties.",
               frame + "share information with other States Parties.",
               "Article 10. Assistance"])
    b = paras(["Article 10. General principles of cooperation",
               frame + "request assistance from, and provide assistance to, other States Parties.",
               frame + "share information with other States Parties in a timely manner.",
               "Article 11. Assistance"])
    links = align(a, b)
    assert by_new(links)[1].old == (1, 2)
    assert by_new(links)[2].old == (3,)


EXCHANGE = ("States Parties shall exchange, through their points of contact, information on "
            "threats and incidents that may affect the critical infrastructure of other States.")
CONFIDENTIAL = ("A State Party receiving information under this Convention shall keep it "
                "confidential if so requested by the State Party that provided it.")
PURPOSE_ONLY = ("Information received under this Convention shall not be used for purposes other "
                "than those for which it was provided without prior consent.")
DEPOSITARY = "The Secretary-General of the United Nations is designated depositary of this Convention."
AUTHENTIC = ("The original of this Convention, of which the Arabic, Chinese, English, French, "
             "Russian and Spanish texts are equally authentic, shall be deposited with the "
             "Secretary-General.")


def test_two_articles_fused_have_both_headings_merged_into_the_new_one() -> None:
    a = paras(["Article 11. Exchange of information", EXCHANGE,
               "Article 12. Confidentiality", CONFIDENTIAL, PURPOSE_ONLY,
               "Article 13. Personal data", DATA])
    b = paras(["Article 12. Exchange and protection of information", EXCHANGE, CONFIDENTIAL,
               PURPOSE_ONLY, "Article 13. Personal data", DATA])
    assert by_new(align(a, b))[0].old == (0, 2)


SEIZED_TEXT = ("A State Party may denounce this Convention by written notification to the "
               "Secretary-General; denunciation takes effect one year after the notification.")


def test_an_article_cut_in_two_has_its_heading_split() -> None:
    a = paras(["Article 21. Denunciation", SEIZED_TEXT,
               "Article 22. Depositary and languages", DEPOSITARY, AUTHENTIC])
    b = paras(["Article 20. Denunciation", SEIZED_TEXT, "Article 21. Depositary", DEPOSITARY,
               "Article 22. Authentic texts", AUTHENTIC])
    assert by_old(align(a, b))[2].new == (2, 4)


def test_a_new_untitled_sub_heading_is_added_not_half_of_a_split() -> None:
    # Without "Article"/"Section" the level is unknown: "Scope" may head a
    # part of the old section as a sub-heading, the old heading still over both.
    a = paras(["The Specification", EXCHANGE, CONFIDENTIAL, PURPOSE_ONLY, "Final Remarks", DATA])
    b = paras(["The Specification", EXCHANGE, "Scope", CONFIDENTIAL, PURPOSE_ONLY,
               "Final Remarks", DATA])
    links = align(a, b)
    assert by_new(links)[2].status == ("added",)
    assert by_old(links)[0].new == (0,)


def test_an_item_between_two_parts_of_a_fused_list_joins_the_merge() -> None:
    # Item (a)'s words ("incident", "infrastructure") are also in items (c)
    # and (d): it adds little coverage, but it stands between two parts.
    a = paras(["Article 11. Assistance",
               "The request shall be made in writing and shall include:",
               "(a) A description of the incident and of the infrastructure affected;",
               "(b) The assistance sought;",
               "(c) Any technical information that may help to identify the source of the "
               "incident affecting the infrastructure;",
               "(d) The time limit within which a reply is desired.",
               "Article 12. Exchange of information", EXCHANGE])
    b = paras(["Article 11. Assistance",
               "The request shall be made in writing and shall describe the incident and the "
               "infrastructure affected, the assistance sought, any technical information that "
               "may help to identify the source of the incident affecting the infrastructure, "
               "and the time limit within which a reply is desired.",
               "Article 12. Exchange of information", EXCHANGE])
    assert by_new(align(a, b))[1].old == (1, 2, 3, 4, 5)


OPT1 = ("[States Parties shall, according to their capacity, provide technical assistance "
        "to developing countries, including through training, the transfer of technology "
        "on voluntary and mutually agreed terms and the exchange of good practices.]")
OPT2 = ("[States Parties are encouraged to provide, upon request, technical assistance and "
        "training to other States Parties, taking into account their specific needs.]")
OPT3 = ("[States Parties shall establish a capacity-building programme financed from "
        "assessed contributions.]")
# Keeps Option 1 nearly whole and takes "upon request" and "other States
# Parties" from Option 2; Option 3 is dropped.
COMPROMISE_CB = ("States Parties shall, according to their capacity and upon request, provide "
                 "technical assistance and training to other States Parties, in particular "
                 "developing countries, including through the exchange of good practices and "
                 "the transfer of technology on voluntary and mutually agreed terms.")


def test_two_labelled_alternatives_collapsed_into_a_compromise_are_a_merge() -> None:
    a = paras(["Article 9. Capacity-building", "Option 1:", OPT1, "Option 2:", OPT2,
               "Option 3:", OPT3, "Article 10. Cooperation", EXCHANGE])
    b = paras(["Article 9. Capacity-building", COMPROMISE_CB, "Article 10. Cooperation", EXCHANGE])
    links = align(a, b)
    assert by_new(links)[1].old == (1, 2, 3, 4)
    assert by_old(links)[6].status == ("deleted",)


def test_alternatives_labelled_in_their_own_text_collapsed_are_a_merge() -> None:
    a = paras(["Article 9. Capacity-building", f"Option 1: {OPT1}", f"Option 2: {OPT2}",
               f"Option 3: {OPT3}", "Article 10. Cooperation", EXCHANGE])
    b = paras(["Article 9. Capacity-building", COMPROMISE_CB, "Article 10. Cooperation", EXCHANGE])
    links = align(a, b)
    assert by_new(links)[1].old == (1, 2)
    assert by_old(links)[3].status == ("deleted",)


def test_fused_articles_merge_their_headings_though_a_paragraph_came_from_elsewhere() -> None:
    testing = ("States Parties shall keep the list of points of contact up to date and "
               "the Secretariat shall test their availability at least once a year.")
    a = paras(["Article 8. Points of contact", testing,
               "Article 14. Conference of the States Parties", EXCHANGE, CONFIDENTIAL,
               "Article 15. Secretariat", PURPOSE_ONLY, DEPOSITARY,
               "Article 16. Settlement of disputes", AUTHENTIC])
    b = paras(["Article 8. Points of contact",
               "States Parties shall keep the list of points of contact up to date.",
               "Article 14. Conference of the States Parties and secretariat", EXCHANGE,
               CONFIDENTIAL, PURPOSE_ONLY, DEPOSITARY,
               "The Secretariat shall test the availability of the points of contact at "
               "least once a year.",
               "Article 15. Settlement of disputes", AUTHENTIC])
    links = align(a, b)
    assert by_new(links)[2].old == (2, 5)
    assert by_old(links)[1].new == (1, 7)


def test_fused_articles_whose_titles_stand_under_their_own_label_blocks() -> None:
    # Word often puts "Article 12" and the title in two paragraphs: the titles
    # merge, the second label joins them, the first continues as the new label.
    a = paras(["Article 11", "Exchange of information", EXCHANGE,
               "Article 12", "Confidentiality", CONFIDENTIAL, PURPOSE_ONLY,
               "Article 13", "Personal data", DATA])
    b = paras(["Article 12", "Exchange and protection of information", EXCHANGE, CONFIDENTIAL,
               PURPOSE_ONLY, "Article 13", "Personal data", DATA])
    links = align(a, b)
    assert by_new(links)[0].old == (0,)
    assert by_new(links)[1].old == (1, 3, 4)


def test_an_article_cut_in_two_whose_titles_stand_under_their_own_label_blocks() -> None:
    a = paras(["Article 21", "Denunciation", SEIZED_TEXT,
               "Article 22", "Depositary and languages", DEPOSITARY, AUTHENTIC])
    b = paras(["Article 20", "Denunciation", SEIZED_TEXT, "Article 21", "Depositary", DEPOSITARY,
               "Article 22", "Authentic texts", AUTHENTIC])
    links = align(a, b)
    assert by_old(links)[3].new == (3,)
    assert by_old(links)[4].new == (4, 6, 7)


POC = ("Encourages participating States to nominate policy and technical points of contact "
       "and to keep the list of contacts up to date;")
EXERCISE_TEXT = ("Requests the Secretariat to organise, within existing resources, a tabletop "
                 "exercise for points of contact before the next meeting;")


def test_a_title_in_capitals_shortened_keeps_its_link() -> None:
    # Nine words before, seven after: a title in capitals stays a title.
    a = paras(["PC.DEC/1450/Draft.2",
               "DECISION No. 1450 ESTABLISHING A FRAMEWORK FOR CONSULTATIONS ON ICT INCIDENTS",
               "The Permanent Council,", POC, EXERCISE_TEXT])
    b = paras(["PC.DEC/1450/Draft.3",
               "DECISION No. 1450 FRAMEWORK FOR CONSULTATIONS ON ICT INCIDENTS",
               "The Permanent Council,", POC, EXERCISE_TEXT])
    assert by_old(align(a, b))[1].new == (1,)


def test_typed_paragraph_numbers_are_no_words_of_fused_provisions_or_option_labels() -> None:
    # Pasted text keeps "3." in the paragraph: renumbering must not hide the
    # fusion of two look-alikes, nor "1. Option 1:" its option label.
    frame = ("Each State Party shall adopt such legislative and other measures as may be "
             "necessary to enable its competent authorities to ")
    a = paras(["Article 9. General principles", "3. " + frame + "request assistance from other "
               "States Parties.", "4. " + frame + "provide assistance to other States Parties.",
               "5. " + frame + "share information with other States Parties.",
               "Article 10. Capacity-building", "1. Option 1:", OPT1, "Option 2:", OPT2,
               "2. " + EXCHANGE])
    b = paras(["Article 10. General principles", "3. " + frame + "request assistance from, and "
               "provide assistance to, other States Parties.", "4. " + frame + "share information "
               "with other States Parties in a timely manner.", "Article 11. Capacity-building",
               "1. " + COMPROMISE_CB, "2. " + EXCHANGE])
    links = align(a, b)
    assert by_new(links)[1].old == (1, 2)
    assert by_new(links)[4].old == (5, 6, 7, 8)


# --- brackets lifted: the commonest edit of a negotiation ---

WORKING_METHODS = ("The Meeting of the Parties shall, at its first session, adopt the following "
                   "decisions:")


def test_a_short_numbered_item_whose_brackets_are_lifted_keeps_its_link() -> None:
    # Numbered as the importer hands them over: "[" made one side a paragraph,
    # the other (short, numbered) a title, and the two kinds never linked.
    a = [Para(None, WORKING_METHODS), Para("(a)", "its rules of procedure;"),
         Para("(b)", "[risks to] navigation safety"),
         Para("(c)", "the budget of the secretariat [for the first biennium]."),
         Para("(d)", "the date and venue of its second session.")]
    b = [Para(None, WORKING_METHODS), Para("(a)", "its rules of procedure;"),
         Para("(b)", "risks to navigation safety"),
         Para("(c)", "the budget of the secretariat for the first biennium."),
         Para("(d)", "the date and venue of its second session.")]
    links = align(a, b)
    for k in (2, 3):
        assert by_old(links)[k].new == (k,)
        # Lifting brackets changes the wording: it is no renumbering.
        assert by_old(links)[k].status == ("modified",)


REVIEW_CONFIDENTIALITY = ("The Conference of the States Parties shall review, at its second "
                          "session, the rules on the confidentiality of information exchanged.")


def test_fused_articles_merge_their_headings_though_a_paragraph_went_elsewhere() -> None:
    # Article 12's last paragraph moved to the final clauses when 11 and 12 were fused.
    a = paras(["Article 11. Exchange of information", EXCHANGE,
               "Article 12. Confidentiality", CONFIDENTIAL, PURPOSE_ONLY, REVIEW_CONFIDENTIALITY,
               "Article 13. Personal data", DATA, "Article 14. Depositary", DEPOSITARY])
    b = paras(["Article 11. Exchange and protection of information", EXCHANGE, CONFIDENTIAL,
               PURPOSE_ONLY, "Article 12. Personal data", DATA, "Article 13. Depositary",
               DEPOSITARY, REVIEW_CONFIDENTIALITY])
    links = align(a, b)
    assert by_new(links)[0].old == (0, 2)
    assert by_old(links)[5].new == (8,)


# --- a paragraph moved while its bracketed text was dropped ---

POINTS_OF_CONTACT = ("Each State Party shall designate a national point of contact for the "
                     "purposes of this Convention and notify the Secretary-General of its "
                     "designation.")
AT_ANY_TIME = ("Each State Party shall ensure that its national point of contact is able to "
               "receive urgent requests at any time and to acknowledge them within twenty-four "
               "hours.")
BRACKETED_AROUND = (
    "[The national point of contact shall form part of the national computer emergency "
    "response team or of another authority with equivalent technical competence.] [The "
    "Conference of the States Parties may adopt guidelines on the functions of national "
    "points of contact.] [Two or more States Parties may designate a joint regional point of "
    "contact, which shall then act on behalf of each of them in relations with other States "
    "Parties.] [Such designation shall be without prejudice to existing bilateral "
    "arrangements between the competent authorities concerned.] ")
ASSISTANCE = [
    "Article 6. Assistance in responding to incidents",
    "States Parties shall afford one another the widest measure of assistance in responding "
    "to incidents affecting critical information infrastructure.",
    "Requests for assistance shall be made in writing or, in urgent cases, by any means "
    "capable of producing a written record.",
]
CAPACITY = ["Article 7. Capacity-building",
            "States Parties shall cooperate in building the capacity of developing countries "
            "to protect critical information infrastructure."]


def test_agreed_text_kept_and_moved_when_its_brackets_were_dropped_keeps_its_link() -> None:
    # The chair drops the four bracketed sentences and moves the agreed one,
    # lightly edited, to the assistance article: the whole old paragraph is
    # mostly bracketed text, the agreed text is the same provision.
    a = paras(["Article 5. National points of contact", POINTS_OF_CONTACT,
               BRACKETED_AROUND + AT_ANY_TIME, *ASSISTANCE, *CAPACITY])
    b = paras(["Article 5. National points of contact", POINTS_OF_CONTACT, *ASSISTANCE,
               "Each State Party shall ensure that its national point of contact can receive "
               "urgent requests for assistance at any time and acknowledges them within "
               "twenty-four hours.", *CAPACITY])
    links = align(a, b)
    assert by_old(links)[2].new == (5,)
    assert by_old(links)[2].status == ("moved", "modified")
    # Read backwards, the bracketed proposals were added around a moved paragraph.
    assert by_old(align(b, a))[5].new == (2,)


def test_agreed_text_found_in_another_paragraph_too_is_no_move() -> None:
    # The agreed text left once the brackets go is the same as a paragraph
    # kept elsewhere: it does not say which paragraph the new one continues.
    dropped = BRACKETED_AROUND + AT_ANY_TIME
    new = ("Each State Party shall ensure that its national point of contact can receive "
           "urgent requests for assistance at any time and acknowledges them within "
           "twenty-four hours.")
    a = paras(["Article 5. National points of contact", POINTS_OF_CONTACT, dropped,
               *ASSISTANCE, *CAPACITY, AT_ANY_TIME])
    b = paras(["Article 5. National points of contact", POINTS_OF_CONTACT, *ASSISTANCE, new,
               *CAPACITY, AT_ANY_TIME])
    links = align(a, b)
    assert by_old(links)[2].status == ("deleted",)
    assert by_new(links)[5].status == ("added",)


# --- a chair's consolidation: chapters reordered and retitled, a list folded away ---

MEMBERS_OPEN = "Membership of the Centre shall be open to all States of the region listed in the annex."
MEMBERS_DEPOSIT = ("A State becomes a Member upon the deposit of its instrument of acceptance with "
                   "the depositary.")
OBSERVERS_INVITED = ("The Governing Council may invite observers to attend its meetings without the "
                     "right to vote.")
COUNCIL_MEETS = ("The Governing Council shall consist of one representative of each Member and shall "
                 "meet once a year.")
COUNCIL_ADOPTS = "The Governing Council shall adopt the programme of work and the budget of the Centre."
DIRECTOR = ("The Director shall be appointed by the Governing Council for a term of four years, "
            "renewable once.")
PLATFORM = ("The Centre shall operate a regional platform for the exchange of early warning "
            "information on hazards.")
FOCAL_POINTS = ("Members shall designate national focal points for the platform and keep their "
                "contact details current.")
TRAINING = ("The Centre shall organise training courses and exchanges of experts for the staff of "
            "national agencies.")


def test_chapters_swapped_and_retitled_keep_their_headings_linked() -> None:
    # A chapter heads articles, not paragraphs: it links through its articles' paragraphs.
    membership = [Para(None, "Chapter II\nMembership"), Para(None, "Article 5. Members"),
                  Para("1", MEMBERS_OPEN), Para("2", MEMBERS_DEPOSIT),
                  Para(None, "Article 6. Observers"), Para(None, OBSERVERS_INVITED)]
    a = membership + [
        Para(None, "Chapter III\nOrgans of the Centre"), Para(None, "Article 7. The Governing Council"),
        Para("1", COUNCIL_MEETS), Para("2", COUNCIL_ADOPTS),
        Para(None, "Article 8. The Director"), Para(None, DIRECTOR),
        Para(None, "Chapter IV\nOperational cooperation"), Para(None, "Article 9. Early warning"),
        Para("1", PLATFORM), Para("2", FOCAL_POINTS), Para(None, "Article 10. Training"),
        Para(None, TRAINING)]
    b = membership + [
        Para(None, "Chapter III\nOperational activities"),
        Para(None, "Article 7. Regional early warning platform"), Para("1", PLATFORM),
        Para("2", FOCAL_POINTS.replace("current", "up to date")),
        Para(None, "Article 8. Training and exchanges"), Para(None, TRAINING),
        Para(None, "Chapter IV\nInstitutional structure"), Para(None, "Article 9. The Governing Council"),
        Para("1", COUNCIL_MEETS), Para("2", COUNCIL_ADOPTS),
        Para(None, "Article 10. The Director"), Para(None, DIRECTOR)]
    links = align(a, b)
    assert by_old(links)[6].new == (12,)  # Organs of the Centre -> Institutional structure
    assert by_old(links)[12].new == (6,)  # Operational cooperation -> Operational activities


OBLIGATIONS = "Each Member shall integrate the methods developed by the Centre into its national planning."


def test_a_short_list_item_never_links_to_an_article_heading() -> None:
    # "(b) ..." reads like a title but heads nothing; its list was folded into
    # a sentence and a footnote, under the article's shortened title.
    a = [Para(None, "Article 7. Associate members and observers"),
         Para("1", "[States outside the region may become associate members of the Centre.]"),
         Para("2", "The Governing Council may grant observer status to:"),
         Para("(a)", "intergovernmental organizations;"),
         Para("(b)", "non-governmental organizations active in the field;"),
         Para("(c)", "[scientific and academic institutions.]"),
         Para(None, "Article 8. Obligations of Members"), Para(None, OBLIGATIONS)]
    b = [Para(None, "Article 7. Observers"),
         Para(None, "The Governing Council may grant observer status to organizations active in "
                    "disaster risk reduction."),
         Para(None, "\u00b9 Including intergovernmental and non-governmental organizations and "
                    "[scientific and academic institutions.]"),
         Para(None, "Article 8. Obligations of Members"), Para(None, OBLIGATIONS)]
    links = align(a, b)
    assert by_new(links)[0].old == (0,)


# --- an alternative's label stands in its article: it heads no section ---

MEETINGS = ("The Assembly shall meet in regular session once every two years at the seat of "
            "the Institute, unless it decides otherwise.")
EXTRAORDINARY = ("An extraordinary session shall be convened at the request of one third of "
                 "the Members or of the Council.")
QUORUM = "A majority of the Members shall constitute a quorum for any meeting of the Assembly."
VOTING_OPTIONS = [
    "Option 1:",
    "[Decisions of the Assembly shall be taken by consensus of the Members present.]",
    "Option 2:",
    "[Decisions of the Assembly on questions of substance shall be taken by a two-thirds "
    "majority of the Members present and voting.]",
]
VOTING_COMPROMISE = ("The Assembly shall make every effort to take its decisions by consensus; "
                     "failing consensus, decisions on questions of substance shall be taken by "
                     "a two-thirds majority of the Members present and voting.")
ACCESSION = ("This Statute shall be open for accession by any State of the region listed in "
             "the annex.")


def test_fused_articles_merge_their_headings_though_the_second_held_labelled_options() -> None:
    # "Option 1:" stands inside Article 9: the article's paragraphs are the
    # options' texts, which went into the fused article's compromise (its
    # quorum rule was dropped).
    a = paras(["Article 8. Meetings", MEETINGS, EXTRAORDINARY,
               "Article 9. Decision-making", QUORUM, *VOTING_OPTIONS,
               "Article 10. Accession", ACCESSION])
    b = paras(["Article 7. Meetings and decision-making", MEETINGS, EXTRAORDINARY,
               VOTING_COMPROMISE, "Article 8. Accession", ACCESSION])
    links = align(a, b)
    assert by_new(links)[0].old == (0, 3)
    assert by_old(links)[9].new == (4,)


# --- items trimmed while a list was fused into one sentence ---

EXCHANGE_VIEWS = ("The participating States will, on a voluntary basis, exchange national views "
                  "on threats to the security of and in the use of ICTs.")
CONSULT = ("The participating States will hold consultations at the request of a participating "
           "State that considers an ICT incident to be of concern to it.")
MEASURES = [
    "The participating States will take the following measures to reduce the risks of "
    "misperception arising from the use of ICTs:",
    "(a) Nominate points of contact that can be reached at any time of day or night;",
    "(b) Publish national doctrines and strategies on cyber security, including annual reports "
    "on their implementation and the bodies responsible for them;",
    "(c) Hold regular consultations between experts of the capitals concerned, alternating "
    "between the capitals and Vienna;",
    "(d) Notify other participating States in advance of large-scale national exercises in "
    "cyberspace;",
    "(e) Share, where appropriate, information on vulnerabilities affecting products in common use.",
]


def fused(middle: str) -> str:
    return ("The participating States will reduce the risks of misperception arising from the use "
            "of ICTs by nominating points of contact that can be reached at any time of day or "
            f"night, publishing national doctrines and strategies on cyber security, {middle}"
            "notifying other participating States in advance of large-scale national exercises "
            "in cyberspace and sharing, where appropriate, information on vulnerabilities "
            "affecting products in common use.")


def test_an_item_trimmed_while_its_list_was_fused_joins_the_merge() -> None:
    # Item (c) keeps a few of its words ("regular consultations between experts").
    b = paras([EXCHANGE_VIEWS, fused("holding regular consultations between experts, "), CONSULT])
    assert by_new(align(paras([EXCHANGE_VIEWS, *MEASURES, CONSULT]), b))[1].old == (1, 2, 3, 4, 5, 6)


def test_an_item_dropped_while_its_list_was_fused_stays_deleted() -> None:
    a = paras([EXCHANGE_VIEWS, *MEASURES[:3], "(c) Raise awareness of cyber security among the "
               "public and in schools;", *MEASURES[4:], CONSULT])
    links = align(a, paras([EXCHANGE_VIEWS, fused(""), CONSULT]))
    assert by_new(links)[1].old == (1, 2, 3, 5, 6)
    assert by_old(links)[4].new == ()
