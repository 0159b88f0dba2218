"""Item-writing rules for the attachment-style items: balance, plain opposites, reading level."""

from __future__ import annotations

import json
import re

import pytest

from quizzes import Quiz
from tests.conftest import ROOT

NEGATION = re.compile(r"\b(not|never|no|nothing|nobody|none|neither|nor)\b|n't\b", re.IGNORECASE)
JOINS_TWO_IDEAS = re.compile(r"\b(and|or)\b", re.IGNORECASE)
# Long words a 6th-8th grade reader knows; anything else over 4 syllables fails the test.
LONG_WORD_ALLOWLIST = frozenset({"relationship"})


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z']+", text)


def syllables(word: str) -> int:
    """A crude count: groups of vowels, minus a silent final e; at least 1."""
    word = word.lower().strip("'")
    count = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def flesch_kincaid_grade(texts: list[str]) -> float:
    all_words = [word for text in texts for word in words(text)]
    sentences = sum(max(len(re.findall(r"[.!?]", text)), 1) for text in texts)
    syllable_total = sum(syllables(word) for word in all_words)
    return 0.39 * len(all_words) / sentences + 11.8 * syllable_total / len(all_words) - 15.59


def test_the_syllable_counter_is_sensible() -> None:
    assert [syllables(word) for word in ("I", "partner", "close", "little", "relationship")] == [
        1, 2, 1, 2, 4]


@pytest.mark.parametrize("dimension", ["anxiety", "avoidance"])
def test_each_dimension_has_8_to_12_items(attachment: Quiz, dimension: str) -> None:
    assert 8 <= len(attachment.items_in(dimension)) <= 12


def test_about_a_third_of_the_items_are_reverse_keyed(attachment: Quiz) -> None:
    share = sum(item.reverse for item in attachment.items) / len(attachment.items)
    assert 0.25 <= share <= 0.40
    for dimension in ("anxiety", "avoidance"):
        items = attachment.items_in(dimension)
        assert 0.25 <= sum(item.reverse for item in items) / len(items) <= 0.40


def test_reversed_items_are_plain_opposites_without_negation(attachment: Quiz) -> None:
    negated = [item.text for item in attachment.items if item.reverse and NEGATION.search(item.text)]
    assert negated == []


def test_no_item_uses_a_double_negative(attachment: Quiz) -> None:
    assert [item.text for item in attachment.items if len(NEGATION.findall(item.text)) > 1] == []


def test_one_idea_per_item(attachment: Quiz) -> None:
    assert [item.text for item in attachment.items if JOINS_TWO_IDEAS.search(item.text)] == []


def test_items_are_single_short_sentences(attachment: Quiz) -> None:
    lengths = [len(words(item.text)) for item in attachment.items]
    assert sum(lengths) / len(lengths) <= 14
    assert max(lengths) <= 16
    assert all(item.text.count(".") == 1 and item.text.endswith(".") for item in attachment.items)


def test_no_long_words_beyond_a_tiny_allowlist(attachment: Quiz) -> None:
    long_words = {word for item in attachment.items for word in words(item.text)
                  if syllables(word) > 4 and word.lower() not in LONG_WORD_ALLOWLIST}
    assert long_words == set()


def test_reading_level_is_at_most_eighth_grade(attachment: Quiz) -> None:
    assert flesch_kincaid_grade([item.text for item in attachment.items]) <= 8


def test_items_speak_of_my_partner(attachment: Quiz) -> None:
    mentions = sum("my partner" in item.text for item in attachment.items)
    assert mentions / len(attachment.items) >= 0.75


def test_each_quiz_says_not_a_diagnosis_once_in_its_form(any_quiz: Quiz) -> None:
    """The form's disclaimer (strings.json) says it above the intro; the quiz's own text does not
    say it again in the few lines around it."""
    strings = json.loads((ROOT / "overrides" / "assets" / "quiz" / "strings.json").read_text(encoding="utf-8"))
    assert "not a diagnosis" in strings["disclaimer"]
    own_text = " ".join([*any_quiz.intro, any_quiz.instructions, any_quiz.note])
    assert "diagnosis" not in own_text.lower()
