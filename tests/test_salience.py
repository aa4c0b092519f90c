"""Salient changes: obligation, commitment, negation, numbers and dates."""

from __future__ import annotations

from negotiator.diff.salience import LEXICONS, salient_changes
from negotiator.diff.worddiff import word_diff


def described(a: str, b: str) -> list[str]:
    return [s.description for s in salient_changes(word_diff(a, b))]


def test_modal_change() -> None:
    assert described("States shall refrain from such activity.",
                     "States should refrain from such activity.") == ["shall -> should"]


def test_operative_verb_change_including_phrases() -> None:
    assert described("Calls upon all States to report.", "Encourages all States to report.") \
        == ["calls upon -> encourages"]
    assert described("Calls upon all States to report.", "Calls on all States to report.") \
        == ["calls upon -> calls on"]
    assert described("Strongly condemns the attack.", "Condemns the attack.") \
        == ["strongly condemns -> condemns"]


def test_negation_added() -> None:
    assert described("States should act now.", "States should not act now.") == ["'not' added"]


def test_numbers_and_dates() -> None:
    got = salient_changes(word_diff("before 31 May 2025, States may report",
                                    "before 30 June 2026, States may report"))
    assert [(s.category, s.description) for s in got] == [
        ("number", "31 May 2025 -> 30 June 2026")]


def test_plain_wording_is_not_salient() -> None:
    assert described("the report is good", "the report is very good") == []
    assert described("same text", "same text") == []


def test_as_dict_shape() -> None:
    (s,) = salient_changes(word_diff("States shall act", "States may act"))
    assert s.as_dict() == {"category": "modal", "from": "shall", "to": "may",
                           "description": "shall -> may"}


def test_word_lists_live_in_one_place_per_language() -> None:
    english = LEXICONS["en"]
    assert {"shall", "should", "may", "will", "must"} <= english.modals
    assert {"decides", "requests", "calls upon", "urges", "encourages", "invites",
            "notes"} <= english.operative
