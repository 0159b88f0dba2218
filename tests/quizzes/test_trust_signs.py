"""The trust-signs checklist: counts, every category, and the safety override."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes import AnswerError, Quiz

from .helpers import FAST, all_strings

HOPEFUL = [f"hope{n}" for n in range(1, 8)]
CONCERN = [f"concern{n}" for n in range(1, 7)]
SAFETY = [f"safety{n}" for n in range(1, 6)]
SAFETY_CONCERN = "concern4"  # "Emotional or physical safety is compromised."
TRIGGERS = [SAFETY_CONCERN] + SAFETY

# Wording that would tell someone in danger that the relationship can be repaired. Any mention
# of rebuilding counts, even a doubtful one: a safety-first result should not discuss it at all.
HOPEFUL_WORDING = re.compile(
    r"can be rebuilt|\brebuil(d|t|ding)\b|healing is happening|signs? of healing"
    r"|repair is possible|trust (can|will) (come back|return|grow)",
    re.IGNORECASE,
)


def tick(*item_ids: str) -> dict[str, str]:
    return dict.fromkeys(item_ids, "on")


def sentences(data: object) -> list[str]:
    return [sentence for text in all_strings(data) for sentence in re.split(r"(?<=[.!?])\s+", text)]


def hopeful_sentences(data: object) -> list[str]:
    return [sentence for sentence in sentences(data) if HOPEFUL_WORDING.search(sentence)]


# -----------------------------------------------------------------------------
# The checklist as declared
# -----------------------------------------------------------------------------

def test_groups_hold_the_guides_seven_signs_six_concerns_and_five_safety_items(trust: Quiz) -> None:
    assert [item.id for item in trust.items_in("hopeful")] == HOPEFUL
    assert [item.id for item in trust.items_in("concern")] == CONCERN
    assert [item.id for item in trust.items_in("safety")] == SAFETY
    assert [item.number for item in trust.items] == list(range(1, 19))
    texts = {item.text for item in trust.items}
    for guide_line in ("There is repeated dishonesty.", "Boundaries continue to be violated.",
                       "Emotional or physical safety is compromised.",
                       "Repairing ruptures becomes easier."):
        assert guide_line in texts


def test_safety_triggers_are_the_safety_items_and_the_safety_concern(trust: Quiz) -> None:
    assert [item.id for item in trust.items if item.triggers_safety] == TRIGGERS
    assert trust.item(SAFETY_CONCERN).text == "Emotional or physical safety is compromised."


# -----------------------------------------------------------------------------
# Counts and categories
# -----------------------------------------------------------------------------

def test_counts_are_per_group_plus_safety_triggers(trust: Quiz) -> None:
    result = trust.score(tick("hope1", "hope2", "concern1", SAFETY_CONCERN, "safety3"))
    assert result.to_dict()["counts"] == {"hopeful": 2, "concern": 2, "safety": 1,
                                          "safety_triggers": 2}


@pytest.mark.parametrize(("ticked", "category"), [
    ((), "nothing-ticked"),
    (("hope1",), "first-sign"),
    (("hope1", "hope2"), "healing-signs"),
    (tuple(HOPEFUL), "healing-signs"),
    (("hope1", "concern1"), "mixed"),
    (("hope1", "hope2", "concern1", "concern2"), "mixed"),
    (("concern1",), "concerns-to-name"),
    (("concern1", "concern2"), "concerns-to-name"),
    (("concern1", "concern2", "concern3"), "serious-concerns"),
    (("hope1", "hope2", "concern1", "concern2", "concern3"), "serious-concerns"),
    (("hope1", "hope2", "hope3", "concern1", "concern2", "concern3"), "mixed"),
    (tuple(HOPEFUL) + ("concern1", "concern2", "concern3"), "mixed"),
])
def test_each_category(trust: Quiz, ticked: tuple[str, ...], category: str) -> None:
    result = trust.score(tick(*ticked))
    data = result.to_dict()
    assert data["category"]["id"] == category
    assert data["complete"] is True and data["missing"] == []
    assert data["safety"] is None
    assert data["headline"] == data["category"]["label"]


LETTING_GO = "the most compassionate choice is to let go"
HEALING_IS_HAPPENING = "Healing is happening"


@pytest.mark.parametrize("ticked", [("concern1",), ("concern3",), ("concern1", "concern2"),
                                    ("hope1", "concern5"), tuple(HOPEFUL) + tuple(c for c in CONCERN
                                                                                if c != SAFETY_CONCERN)])
def test_letting_go_is_raised_only_when_concerns_outweigh_healing(trust: Quiz, ticked: tuple[str, ...]) -> None:
    assert LETTING_GO not in " ".join(trust.score(tick(*ticked)).paragraphs)


def test_many_concerns_and_little_healing_raise_letting_go(trust: Quiz) -> None:
    assert LETTING_GO in " ".join(trust.score(tick("concern1", "concern2", "concern3")).paragraphs)
    assert LETTING_GO in " ".join(trust.score(tick("hope1", "concern1", "concern2", "concern3")).paragraphs)


def test_many_healing_signs_with_some_concerns_name_both(trust: Quiz) -> None:
    text = " ".join(trust.score(tick(*HOPEFUL, "concern1", "concern2", "concern3")).paragraphs)
    assert "signs of healing you see are real, and so are the concerns" in text


@pytest.mark.parametrize("hope", HOPEFUL)
def test_one_healing_sign_does_not_announce_that_healing_is_happening(trust: Quiz, hope: str) -> None:
    text = " ".join(trust.score(tick(hope)).paragraphs)
    assert HEALING_IS_HAPPENING not in text and "one sign of healing" in text


def test_healing_signs_echo_the_guide_and_suggest_a_professional(trust: Quiz) -> None:
    data = trust.score(tick("hope1", "hope6")).to_dict()
    assert "Healing is happening \u2014 even if slowly." in data["paragraphs"]
    assert "counselor" in " ".join(data["paragraphs"])
    assert "help page" in data["note"]


@pytest.mark.parametrize("ticked", [(), ("hope1",), ("hope1", "concern1"), ("concern2",)])
def test_every_non_safety_result_suggests_talking_it_over_with_a_professional(
        trust: Quiz, ticked: tuple[str, ...]) -> None:
    text = " ".join(trust.score(tick(*ticked)).paragraphs)
    assert re.search(r"counselor|therap", text)


# -----------------------------------------------------------------------------
# Safety override
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("trigger", TRIGGERS)
@pytest.mark.parametrize("also", [(), tuple(HOPEFUL), tuple(HOPEFUL) + ("concern1",)],
                         ids=["alone", "with-all-hopeful-signs", "with-hope-and-a-concern"])
def test_any_safety_answer_overrides_everything(trust: Quiz, trigger: str,
                                                also: tuple[str, ...]) -> None:
    data = trust.score(tick(trigger, *also)).to_dict()
    assert data["category"]["id"] == "safety-first"
    assert data["headline"] == "Your safety comes first"
    assert data["safety"] is not None
    assert hopeful_sentences(data) == []


def test_safety_first_leads_with_the_resources(trust: Quiz) -> None:
    data = trust.score(tick("safety1")).to_dict()
    safety = data["safety"]
    contacts = " ".join(contact["label"] for resource in safety["resources"]
                        for contact in resource["contacts"])
    for reach in ("1-800-799-7233", "TTY 1-800-787-3224", "Text START to 88788",
                  "Call 988", "Text 988", "Call 911"):
        assert reach in contacts
    names = [resource["name"] for resource in safety["resources"]]
    assert names == ["Emergency services", "National Domestic Violence Hotline",
                     "988 Suicide & Crisis Lifeline"]
    assert "911" in safety["message"]
    assert "history" in safety["browsing_note"]
    assert "safety" in data["paragraphs"][0]


def test_safety_first_recommends_individual_support_not_couples_sessions(trust: Quiz) -> None:
    data = trust.score(tick("safety4")).to_dict()
    text = " ".join(data["paragraphs"])
    assert "individual therapist" in text and "safety plan" in text
    assert "does not recommend couples counseling" in text
    hrefs = [link["href"] for link in data["links"]]
    assert hrefs[0] == "help-now/"
    assert not any(href.startswith(("signs-of-rebuilding/", "step-by-step/")) for href in hrefs)


def test_the_hopeful_wording_check_does_catch_hopeful_results(trust: Quiz) -> None:
    # Without this, an empty match list on safety-first results would prove nothing.
    assert hopeful_sentences(trust.score(tick("hope1")).to_dict())
    assert hopeful_sentences(trust.score(tick("hope1", "concern1")).to_dict())
    assert hopeful_sentences({"text": "We think trust can be rebuilt. Stay safe."}) == [
        "We think trust can be rebuilt."]


@FAST
@given(st.sets(st.sampled_from(HOPEFUL + CONCERN + SAFETY)), st.sampled_from(TRIGGERS))
def test_safety_first_never_says_trust_can_be_rebuilt(trust: Quiz, others: set[str],
                                                      trigger: str) -> None:
    data = trust.score(tick(trigger, *others)).to_dict()
    assert data["category"]["id"] == "safety-first"
    assert hopeful_sentences(data) == []


# -----------------------------------------------------------------------------
# Tampered answers
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["", "off", "true", "1", "ON", "on ", "yes"])
def test_a_ticked_box_must_send_exactly_on(trust: Quiz, value: str) -> None:
    with pytest.raises(AnswerError, match=r'Item 14 \("I am afraid of my partner."\)') as caught:
        trust.score({"hope1": "on", "safety1": value})
    assert caught.value.item_ids == ("safety1",)


@pytest.mark.parametrize("value", [True, 1, None])
def test_non_string_ticks_are_refused(trust: Quiz, value: object) -> None:
    with pytest.raises(AnswerError, match="not text"):
        trust.score({"hope1": value})


def test_unknown_items_are_refused(trust: Quiz) -> None:
    with pytest.raises(AnswerError) as caught:
        trust.score({"hope8": "on"})
    assert caught.value.item_ids == ("hope8",)


@pytest.mark.parametrize("trigger", TRIGGERS)
@pytest.mark.parametrize("also", [(), tuple(HOPEFUL), ("concern1", "concern2", "concern3")],
                         ids=["alone", "with-all-hopeful-signs", "with-concerns"])
def test_the_help_a_page_shows_at_once_is_what_scoring_any_safety_answer_gives(
        trust: Quiz, trigger: str, also: tuple[str, ...]) -> None:
    shown_at_once = trust.safety_result()
    assert shown_at_once is not None
    scored = trust.score(tick(trigger, *also))
    for field in ("headline", "paragraphs", "safety", "links", "category"):
        assert getattr(scored, field) == getattr(shown_at_once, field), field


def test_a_quiz_without_safety_items_has_no_help_to_show_at_once(attachment: Quiz) -> None:
    assert attachment.safety_result() is None
