"""The attachment-style quiz: corners, the cut, reverse keying, missing and tampered answers."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest

import quizzes
from quizzes import AnswerError, Quiz

from .helpers import all_strings, keyed_answers, raw_answers

GUIDE_PAGES = re.compile(
    r"(step-by-step/#step-[1-7]"
    r"|attachment-and-trauma/#(secure|anxious|avoidant|disorganized)-attachment"
    r"|attachment-and-trauma/#trauma-history"
    r"|signs-of-rebuilding/#(signs-that-trust-can-be-rebuilt|when-trust-cannot-be-rebuilt)"
    r"|getting-support/|help-now/)"
)


def scores(result: quizzes.Result) -> dict[str, float]:
    return {score.dimension: score.value for score in result.scores}


# -----------------------------------------------------------------------------
# The quiz as declared
# -----------------------------------------------------------------------------

def test_declares_title_intro_and_the_seven_point_scale(attachment: Quiz) -> None:
    assert attachment.title == "Attachment style self-assessment"
    intro = " ".join(attachment.intro)
    # "Not a diagnosis" is said once, by the form's disclaimer above the intro (strings.json).
    assert "continuum" in intro and "diagnosis" not in intro
    assert attachment.kind == "scale"
    assert attachment.scale is not None
    assert (attachment.scale.min, attachment.scale.max) == (1, 7)
    assert attachment.scale.labels == (
        "Strongly disagree", "Disagree", "Slightly disagree", "Neither agree nor disagree",
        "Slightly agree", "Agree", "Strongly agree",
    )
    assert attachment.cut == 4
    assert [dimension.id for dimension in attachment.dimensions] == ["anxiety", "avoidance"]


def test_items_are_numbered_in_order_and_interleave_the_dimensions(attachment: Quiz) -> None:
    assert [item.number for item in attachment.items] == list(range(1, len(attachment.items) + 1))
    dimensions = [item.dimension for item in attachment.items]
    assert all(first != second for first, second in zip(dimensions, dimensions[1:], strict=False))
    assert all(re.fullmatch(r"(anx|avo)\d+", item.id) for item in attachment.items)


# -----------------------------------------------------------------------------
# Corners and raw extremes
# -----------------------------------------------------------------------------

@pytest.mark.parametrize(("anxiety", "avoidance", "category"), [
    (1, 1, "secure"),
    (7, 1, "anxious-preoccupied"),
    (1, 7, "dismissive-avoidant"),
    (7, 7, "fearful-avoidant"),
])
def test_each_corner_gets_its_style(attachment: Quiz, anxiety: int, avoidance: int,
                                   category: str) -> None:
    result = attachment.score(keyed_answers(attachment, anxiety=[anxiety] * 9,
                                            avoidance=[avoidance] * 9))
    assert result.complete
    assert scores(result) == {"anxiety": anxiety, "avoidance": avoidance}
    assert result.category is not None and result.category.id == category
    plot = result.to_dict()["plot"]
    quadrants = plot.pop("quadrants")
    assert plot == {"x": avoidance, "y": anxiety, "x_label": "Avoidance", "y_label": "Anxiety",
                    "min": 1, "max": 7, "cut": 4}
    # The reader's own corner is labelled with the style the result names.
    corner = {"x": "high" if avoidance >= 4 else "low", "y": "high" if anxiety >= 4 else "low"}
    labels = [quadrant["label"] for quadrant in quadrants if quadrant["x"] == corner["x"]
              and quadrant["y"] == corner["y"]]
    assert len(quadrants) == 4 and len(labels) == 1
    assert result.category.label.startswith(labels[0])


STYLE_WORDS = ("secure", "anxious", "preoccupied", "avoidant", "dismissive", "fearful",
               "disorganized")


def names_a_style(result: quizzes.Result) -> bool:
    """True when the result's text or category names any of the four styles."""
    data = result.to_dict()
    text = " ".join([data["headline"], *data["paragraphs"], *(link["text"] for link in data["links"])])
    if data["category"]:
        text += " " + data["category"]["label"]
    return bool(data["between"]) or any(word in text.lower() for word in STYLE_WORDS)


@pytest.mark.parametrize(("raw", "expected"), [
    # Reverse keying pulls the same raw answer toward the middle: (6 × 1 + 3 × 7) / 9 = 3.
    (1, {"anxiety": 3.0, "avoidance": 3.0}),
    (4, {"anxiety": 4.0, "avoidance": 4.0}),
    (7, {"anxiety": 5.0, "avoidance": 5.0}),
])
def test_the_same_answer_to_every_statement_names_no_style(attachment: Quiz, raw: int,
                                                           expected: dict) -> None:
    result = attachment.score(raw_answers(attachment, raw))
    assert result.complete and scores(result) == expected
    assert result.category is not None and result.category.id == "same-answer"
    assert not names_a_style(result)
    assert any("most useful when each one is weighed on its own" in text for text in result.paragraphs)
    assert result.plot is None  # a point would put the reader in a corner the answers do not show
    hrefs = [link.href for link in result.links]
    assert hrefs == ["attachment-and-trauma/"] and "trauma-history" not in " ".join(hrefs)


def test_the_same_answer_with_a_skip_still_counts_as_the_same_answer(attachment: Quiz) -> None:
    answers = {**raw_answers(attachment, 7), "anx1": ""}
    assert attachment.score(answers).category.id == "same-answer"


def test_the_same_answer_result_prints_its_scores_without_high_or_low(attachment: Quiz) -> None:
    result = attachment.score(raw_answers(attachment, 7))
    assert result.paragraphs[:2] == ("Anxiety: 5 on a 1\u20137 scale.", "Avoidance: 5 on a 1\u20137 scale.")
    assert not any(re.search(r"\((high|low)\)|near the boundary", text) for text in result.paragraphs)


# -----------------------------------------------------------------------------
# Answers that contradict themselves: agreeing (or disagreeing) with statements and opposites
# -----------------------------------------------------------------------------

def alternating(attachment: Quiz, first: int, second: int) -> dict[str, str]:
    return {item.id: str(first if index % 2 else second) for index, item in enumerate(attachment.items)}


@pytest.mark.parametrize(("label", "make", "side"), [
    ("near-all agree: all 7s but one 6", lambda quiz: {**raw_answers(quiz, 7), "anx1": "6"}, "agreed"),
    ("near-all agree: all 7s but one 6 on an opposite", lambda quiz: {**raw_answers(quiz, 7), "anx3": "6"},
     "agreed"),
    ("near-all disagree: all 1s but one 2", lambda quiz: {**raw_answers(quiz, 1), "avo9": "2"}, "disagreed"),
    ("alternating 6 and 7", lambda quiz: alternating(quiz, 6, 7), "agreed"),
    ("alternating 1 and 2", lambda quiz: alternating(quiz, 1, 2), "disagreed"),
    ("alternating 5 and 7, one skipped", lambda quiz: {**alternating(quiz, 5, 7), "avo2": ""}, "agreed"),
])
def test_agreeing_with_statements_and_their_opposites_names_no_style(attachment: Quiz, label: str,
                                                                     make: Callable[[Quiz], dict[str, str]],
                                                                     side: str) -> None:
    result = attachment.score(make(attachment))
    assert result.complete
    assert result.category is not None and result.category.id == "both-ways", label
    assert not names_a_style(result)
    assert result.plot is None and result.between == ()
    assert [link.href for link in result.links] == ["attachment-and-trauma/"]
    text = " ".join(result.paragraphs)
    assert f"Anxiety: you {side} with most of the statements and also with most of their opposites." in text
    assert "most useful when each statement is weighed on its own" in text
    assert not re.search(r"\((high|low)\)|near the boundary", text)


def test_one_contradicted_score_is_enough_to_name_no_style(attachment: Quiz) -> None:
    clear_avoidance = keyed_answers(attachment, anxiety=[4] * 9, avoidance=[1] * 9)
    answers = {**clear_avoidance, **{item.id: "7" for item in attachment.items_in("anxiety")}}
    result = attachment.score(answers)
    assert result.category is not None and result.category.id == "both-ways"
    assert "Anxiety: you agreed" in " ".join(result.paragraphs)
    assert "Avoidance: you" not in " ".join(result.paragraphs)


@pytest.mark.parametrize(("anxiety", "avoidance", "category"), [
    # Every anxiety answer in the anxious direction: statements agreed, opposites disagreed.
    ([7] * 9, [1] * 9, "anxious-preoccupied"),
    ([6, 7, 6, 7, 6, 7, 6, 7, 6], [2, 1, 2, 1, 2, 1, 2, 1, 2], "anxious-preoccupied"),
    ([1] * 9, [7] * 9, "dismissive-avoidant"),
    ([6] * 9, [6] * 9, "fearful-avoidant"),
    ([2] * 9, [1] * 9, "secure"),
])
def test_clear_patterns_still_name_their_style(attachment: Quiz, anxiety: list, avoidance: list,
                                              category: str) -> None:
    result = attachment.score(keyed_answers(attachment, anxiety=anxiety, avoidance=avoidance))
    assert result.category is not None and result.category.id == category
    assert names_a_style(result)


def test_agreeing_with_a_few_opposites_is_not_a_contradiction(attachment: Quiz) -> None:
    # Anxious statements agreed; of the three calm opposites, one agreed too: under three quarters.
    answers = keyed_answers(attachment, anxiety=[7] * 9, avoidance=[1] * 9)
    answers["anx3"] = "6"  # "I feel sure that my partner loves me."
    result = attachment.score(answers)
    assert result.category is not None and result.category.id == "anxious-preoccupied"


def test_fearful_avoidant_is_labelled_as_often_called_disorganized(attachment: Quiz) -> None:
    result = attachment.score(keyed_answers(attachment, anxiety=[6] * 9, avoidance=[6] * 9))
    assert result.to_dict()["category"] == {
        "id": "fearful-avoidant", "label": "Fearful-avoidant (often called disorganized)"}


# -----------------------------------------------------------------------------
# The cut (a score at the cut counts as high) and the boundary (|score - cut| <= 0.5)
# -----------------------------------------------------------------------------

SKIP = None


@pytest.mark.parametrize(("keyed", "value", "level", "near"), [
    ([4] * 9, 4.0, "high", True),                                # exactly at the cut
    ([3, 3, 3, 3, 4, 4, 4, 4, SKIP], 3.5, "low", True),          # 28 / 8: lower edge, included
    ([5, 5, 5, 5, 4, 4, 4, 4, SKIP], 4.5, "high", True),         # 36 / 8: upper edge, included
    ([4, 4, 4, 4, 4, 4, 4, 4, 3], 35 / 9, "low", True),          # 3.89
    ([5, 5, 5, 5, 5, 4, 4, 4, 4], 41 / 9, "high", False),        # 4.56
    ([3, 3, 3, 3, 3, 4, 4, 4, 4], 31 / 9, "low", False),         # 3.44
    ([5, 5, 5, 5, 5, 4, 4, 4, SKIP], 37 / 8, "high", False),     # 4.625
    ([4, 4, 4, 4, 4, 4, 4, 4, 5], 37 / 9, "high", True),         # 4.11
])
def test_levels_and_near_boundary_flags_around_the_cut(attachment: Quiz, keyed: list,
                                                       value: float, level: str,
                                                       near: bool) -> None:
    result = attachment.score(keyed_answers(attachment, anxiety=keyed, avoidance=[1] * 9))
    anxiety = result.scores[0]
    assert anxiety.value == pytest.approx(value)
    assert (anxiety.level, anxiety.near_cut) == (level, near)
    assert result.to_dict()["scores"][0]["value"] == round(value, 2)
    if near:  # clear avoidance, anxiety near the cut: between the two styles beside it
        assert result.category is None
        assert [style.id for style in result.between] == ["secure", "anxious-preoccupied"]
        assert "Between two styles: Secure and Anxious-preoccupied." in result.paragraphs
    else:
        expected = "anxious-preoccupied" if level == "high" else "secure"
        assert result.category is not None and result.category.id == expected
        assert result.between == ()
    mentions_boundary = any("near the boundary" in text for text in result.paragraphs)
    assert mentions_boundary == near


def test_near_boundary_applies_to_avoidance_too(attachment: Quiz) -> None:
    result = attachment.score(keyed_answers(attachment, anxiety=[1] * 9, avoidance=[4] * 9))
    assert [score.near_cut for score in result.scores] == [False, True]
    assert result.category is None
    assert [style.id for style in result.between] == ["secure", "dismissive-avoidant"]
    data = result.to_dict()
    assert data["between"] == [{"id": "secure", "label": "Secure"},
                               {"id": "dismissive-avoidant", "label": "Dismissive-avoidant"}]
    # Both styles' descriptions and guide sections, each link once.
    assert any("believe repair is possible" in text for text in data["paragraphs"])
    assert any("shut down or withdraw" in text for text in data["paragraphs"])
    hrefs = [link["href"] for link in data["links"]]
    assert "attachment-and-trauma/#secure-attachment" in hrefs
    assert "attachment-and-trauma/#avoidant-attachment" in hrefs
    assert len(hrefs) == len(set(hrefs))


@pytest.mark.parametrize(("anxiety", "avoidance"), [
    ([4] * 8 + [5], [4] * 8 + [3]),          # 4.11 and 3.89
    ([3, 3, 3, 3, 4, 4, 4, 4, SKIP], [5, 5, 5, 5, 4, 4, 4, 4, SKIP]),  # both band edges: 3.5, 4.5
])
def test_both_scores_near_the_cut_is_the_middle_and_names_no_style(attachment: Quiz, anxiety: list,
                                                                  avoidance: list) -> None:
    result = attachment.score(keyed_answers(attachment, anxiety=anxiety, avoidance=avoidance))
    assert all(score.near_cut for score in result.scores)
    assert result.category is not None and result.category.id == "near-the-middle"
    assert not names_a_style(result)
    assert "no single style stands out" in " ".join(result.paragraphs)
    data = result.to_dict()
    assert len(data["scores"]) == 2 and data["plot"] is not None  # still shown
    hrefs = [link["href"] for link in data["links"]]
    assert "attachment-and-trauma/" in hrefs
    assert not any("trauma-history" in href for href in hrefs)


# -----------------------------------------------------------------------------
# Reverse keying
# -----------------------------------------------------------------------------

def test_a_reversed_item_moves_the_mean_down_by_the_right_amount(attachment: Quiz) -> None:
    base = keyed_answers(attachment, anxiety=[4] * 9, avoidance=[4] * 9)
    reversed_item = next(item for item in attachment.items_in("anxiety") if item.reverse)
    changed = {**base, reversed_item.id: "7"}  # agreeing with a reversed item counts as 1
    before, after = scores(attachment.score(base)), scores(attachment.score(changed))
    assert after["anxiety"] == pytest.approx(before["anxiety"] - 3 / 9)
    assert after["avoidance"] == before["avoidance"]


def test_a_forward_item_moves_the_mean_up_by_the_right_amount(attachment: Quiz) -> None:
    base = keyed_answers(attachment, anxiety=[4] * 9, avoidance=[4] * 9)
    forward_item = next(item for item in attachment.items_in("avoidance") if not item.reverse)
    changed = {**base, forward_item.id: "7"}
    before, after = scores(attachment.score(base)), scores(attachment.score(changed))
    assert after["avoidance"] == pytest.approx(before["avoidance"] + 3 / 9)
    assert after["anxiety"] == before["anxiety"]


# -----------------------------------------------------------------------------
# Missing answers
# -----------------------------------------------------------------------------

def test_one_missing_item_per_dimension_is_averaged_over_the_rest(attachment: Quiz) -> None:
    answers = keyed_answers(attachment, anxiety=[SKIP] + [6] * 8, avoidance=[2] * 8 + [SKIP])
    result = attachment.score(answers)
    assert result.complete
    assert scores(result) == {"anxiety": 6.0, "avoidance": 2.0}
    assert [score.answered for score in result.scores] == [8, 8]
    assert [(item.id, item.number) for item in result.missing] == [("anx1", 1), ("avo9", 18)]
    assert any("You skipped item 1" in text for text in result.paragraphs)


def test_two_missing_in_one_dimension_makes_an_incomplete_result_naming_them(
        attachment: Quiz) -> None:
    answers = keyed_answers(attachment, anxiety=[SKIP, SKIP] + [5] * 7, avoidance=[5] * 9)
    result = attachment.score(answers)
    data = result.to_dict()
    assert data["complete"] is False
    assert data["missing"] == [
        {"id": "anx1", "number": 1, "text": attachment.item("anx1").text},
        {"id": "anx2", "number": 3, "text": attachment.item("anx2").text},
    ]
    assert data["scores"] == [] and data["category"] is None and data["plot"] is None
    # One more anxiety answer is enough: the reader is told so, not asked for both.
    assert data["paragraphs"] == [
        "Each score can skip at most 1 item. To see your result, answer 1 more anxiety "
        "statement (any 1 of items 1, 3)."]


def test_the_missing_message_counts_what_each_score_still_needs(attachment: Quiz) -> None:
    answers = keyed_answers(attachment, anxiety=[SKIP] * 3 + [5] * 6, avoidance=[SKIP] * 2 + [5] * 7)
    data = attachment.score(answers).to_dict()
    assert data["paragraphs"] == [
        "Each score can skip at most 1 item. To see your result, answer 2 more anxiety "
        "statements (any 2 of items 1, 3, 5) and 1 more avoidance statement (any 1 of items 2, 4)."]
    assert [item["number"] for item in data["missing"]] == [1, 2, 3, 4, 5]  # in form order


def test_a_score_with_only_its_allowed_skip_is_not_asked_for_more(attachment: Quiz) -> None:
    answers = keyed_answers(attachment, anxiety=[SKIP] * 2 + [5] * 7, avoidance=[SKIP] + [5] * 8)
    data = attachment.score(answers).to_dict()
    assert "avoidance" not in data["paragraphs"][0]
    assert [item["number"] for item in data["missing"]] == [1, 3]


def test_empty_strings_count_as_unanswered(attachment: Quiz) -> None:
    absent = keyed_answers(attachment, anxiety=[SKIP] + [6] * 8, avoidance=[SKIP] + [3] * 8)
    blank = {**absent, "anx1": "", "avo1": ""}
    assert attachment.score(blank) == attachment.score(absent)
    everything_blank = {item.id: "" for item in attachment.items}
    assert attachment.score(everything_blank) == attachment.score({})


def test_no_answers_at_all_is_incomplete_not_an_error_and_lists_nothing_as_missing(attachment: Quiz) -> None:
    result = attachment.score({})
    assert not result.complete and result.headline == "No answers yet"
    assert result.missing == () and "missing" not in " ".join(result.paragraphs).lower()


def test_one_answer_is_enough_for_the_missing_list(attachment: Quiz) -> None:
    result = attachment.score({"anx1": "4"})
    assert not result.complete and result.headline == "A few answers are missing"
    assert [item.number for item in result.missing] == list(range(2, 19))


def test_between_two_styles_names_each_style_before_its_description(attachment: Quiz) -> None:
    result = attachment.score(keyed_answers(attachment, anxiety=[4] * 9, avoidance=[1] * 9))
    assert [style.id for style in result.between] == ["secure", "anxious-preoccupied"]
    assert "Secure: People near the secure corner tend to believe repair is possible" in " ".join(result.paragraphs)
    assert any(text.startswith("Anxious-preoccupied: People near this corner") for text in result.paragraphs)


# -----------------------------------------------------------------------------
# Tampered answers: strict strings only
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["8", "0", "-1", "3.5", "abc", " 4", "4 ", "04", "+4", "４"])
def test_strings_that_are_not_an_option_are_refused(attachment: Quiz, value: str) -> None:
    with pytest.raises(AnswerError) as caught:
        attachment.score({**raw_answers(attachment, 4), "anx2": value})
    assert caught.value.item_ids == ("anx2",)
    assert 'Item 3 ("I often ask my partner if we are okay.")' in str(caught.value)
    assert "please choose one of the options again" in str(caught.value)


@pytest.mark.parametrize("value", ["8", "0", "-1"])
def test_whole_numbers_off_the_scale_are_called_out_of_range(attachment: Quiz, value: str) -> None:
    with pytest.raises(AnswerError, match="outside 1\u20137"):
        attachment.score({"anx1": value})


@pytest.mark.parametrize("value", [4, 4.0, None, True, ["4"]])
def test_values_that_are_not_strings_are_refused(attachment: Quiz, value: object) -> None:
    with pytest.raises(AnswerError, match="Item 1 .* not text") as caught:
        attachment.score({"anx1": value})
    assert caught.value.item_ids == ("anx1",)


def test_every_bad_item_is_named_in_order(attachment: Quiz) -> None:
    with pytest.raises(AnswerError) as caught:
        attachment.score({"avo9": "9", "anx1": "x", "anx2": "5"})
    assert caught.value.item_ids == ("anx1", "avo9")
    assert str(caught.value).index("Item 1 ") < str(caught.value).index("Item 18 ")


@pytest.mark.parametrize("key", ["zzz", "ANX1", "anx10", "", 3])
def test_unknown_item_ids_are_refused(attachment: Quiz, key: object) -> None:
    with pytest.raises(AnswerError, match="this quiz does not have") as caught:
        attachment.score({key: "4"})
    assert caught.value.item_ids == (str(key),)


@pytest.mark.parametrize("answers", [None, ["4"], "anx1=4", 4, {("anx1",): "4"}])
def test_answers_that_are_not_a_mapping_of_strings_are_refused(attachment: Quiz,
                                                              answers: object) -> None:
    with pytest.raises(AnswerError):
        attachment.score(answers)  # not a mapping, on purpose


def test_answer_error_is_a_value_error_exported_by_the_package() -> None:
    assert issubclass(quizzes.AnswerError, ValueError)


# -----------------------------------------------------------------------------
# Result text
# -----------------------------------------------------------------------------

def test_text_lists_the_scores_first_then_the_closest_style(attachment: Quiz) -> None:
    result = attachment.score(keyed_answers(attachment, anxiety=[6] * 9, avoidance=[2] * 9))
    paragraphs = result.to_dict()["paragraphs"]
    assert paragraphs[0] == "Anxiety: 6 on a 1\u20137 scale (high)."
    assert paragraphs[1] == "Avoidance: 2 on a 1\u20137 scale (low)."
    assert paragraphs[2] == "Closest to: Anxious-preoccupied."
    assert "fear abandonment, ask many questions, or need extra reassurance" in paragraphs[3]


@pytest.mark.parametrize(("anxiety", "avoidance", "phrase", "anchor"), [
    (2, 2, "believe repair is possible", "#secure-attachment"),
    (6, 2, "need extra reassurance", "#anxious-attachment"),
    (2, 6, "shut down or withdraw when trust breaks", "#avoidant-attachment"),
    (6, 6, "alternate between closeness and avoidance", "#disorganized-attachment"),
])
def test_each_style_draws_on_the_guide_and_links_its_steps(attachment: Quiz, anxiety: int,
                                                           avoidance: int, phrase: str,
                                                           anchor: str) -> None:
    data = attachment.score(keyed_answers(attachment, anxiety=[anxiety] * 9,
                                          avoidance=[avoidance] * 9)).to_dict()
    assert any(phrase in text for text in data["paragraphs"])
    hrefs = [link["href"] for link in data["links"]]
    assert any(href.endswith(anchor) for href in hrefs)
    assert any(href.startswith("step-by-step/#step-") for href in hrefs)
    assert all(GUIDE_PAGES.fullmatch(href) for href in hrefs), hrefs
    assert all(set(link) == {"text", "href"} and link["text"] for link in data["links"])


def test_every_result_carries_the_continuum_note_and_no_norms(attachment: Quiz) -> None:
    for answers in (raw_answers(attachment, 1), raw_answers(attachment, 7), {}):
        data = attachment.score(answers).to_dict()
        assert "how you answered today" in data["note"]
        text = " ".join(all_strings(data)).lower()
        for phrase in ("compared with others", "percentile", "most people", "average person"):
            assert phrase not in text


def test_to_dict_is_plain_json_with_two_decimal_floats(attachment: Quiz) -> None:
    answers = keyed_answers(attachment, anxiety=[4, 4, 4, 4, 4, 4, 4, 4, 5], avoidance=[1] * 9)
    data = attachment.score(answers).to_dict()
    assert json.loads(json.dumps(data, sort_keys=True)) == data
    assert data["scores"][0]["value"] == 4.11
    assert data["plot"]["y"] == 4.11
