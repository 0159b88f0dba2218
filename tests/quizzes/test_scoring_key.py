"""The paper scoring key: a hand-scorer that reads only the key agrees with score().

The hand-scorers below use nothing but the key's structured fields, the way a person with a
printed key and a calculator would; they never look at the Quiz object.
"""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from quizzes import ChecklistQuiz, Quiz, ScaleQuiz

from .helpers import FAST, any_valid_answers


def hand_score_scale(key: dict[str, Any], answers: dict[str, str]) -> dict[str, Any] | None:
    """Scores and result from a scale key, or None when too much is missing."""
    number_of = {item["id"]: item["number"] for item in key["items"]}
    given_answers = {number_of[item_id]: int(value) for item_id, value in answers.items() if value}
    cut, near = key["cut"], key["near_cut"]
    scores = {}
    for dimension in key["dimensions"]:
        values = [key["reverse_total"] - given_answers[number]
                  if number in dimension["reversed_items"] else given_answers[number]
                  for number in dimension["items"] if number in given_answers]
        if len(dimension["items"]) - len(values) > dimension["max_missing"]:
            return None
        mean = sum(values) / len(values)
        high = mean >= cut if key["at_cut"] == "high" else mean > cut
        distance = abs(mean - cut)
        scores[dimension["id"]] = {
            "value": round(mean, key["rounding"]["decimals"]),
            "level": "high" if high else "low",
            "near_cut": distance <= near["within"] if near["inclusive"] else distance < near["within"],
        }
    if len(set(given_answers.values())) == 1:
        [same] = [category["id"] for category in key["categories"] if category["same_answers"]]
        return {"scores": scores, "category": same, "between": []}
    if key["contradiction"] and any(contradicts_itself(key, dimension, given_answers)
                                    for dimension in key["dimensions"]):
        [both] = [category["id"] for category in key["categories"] if category["contradictory_answers"]]
        return {"scores": scores, "category": both, "between": []}
    pattern = {dimension_id: "near" if score["near_cut"] else score["level"]
               for dimension_id, score in scores.items()}
    matches = [category["id"] for category in key["categories"] if category["when"] == pattern]
    if matches:
        return {"scores": scores, "category": matches[0], "between": []}
    # Between styles: every style whose pattern agrees with the scores that are not near.
    between = [category["id"] for category in key["categories"] if category["names_a_style"]
               and all(category["when"][dimension_id] == where
                       for dimension_id, where in pattern.items() if where != "near")]
    return {"scores": scores, "category": None, "between": between}


def contradicts_itself(key: dict[str, Any], dimension: dict[str, Any], given: dict[int, int]) -> bool:
    """The key's step: three quarters of the answered statements and of the answered opposites on
    one side of the midpoint, raw answers."""
    share, out_of = key["contradiction"]["share"]
    middle = key["contradiction"]["midpoint"]
    opposites = [given[number] for number in dimension["reversed_items"] if number in given]
    statements = [given[number] for number in dimension["items"]
                  if number in given and number not in dimension["reversed_items"]]
    for on_side in (lambda answer: answer > middle, lambda answer: answer < middle):
        if statements and opposites and all(
                sum(map(on_side, answers)) / len(answers) >= share / out_of for answers in (statements, opposites)):
            return True
    return False


def hand_score_checklist(key: dict[str, Any], answers: dict[str, str]) -> dict[str, Any]:
    """Counts and category from a checklist key: count, then the first rule that fits."""
    number_of = {item["id"]: item["number"] for item in key["items"]}
    ticked = {number_of[item_id] for item_id in answers}
    counts = {count["id"]: len(ticked & set(count["items"])) for count in key["counts"]}
    for rule in key["rules"]:
        if all((condition["at_least"] is None or counts[condition["count"]] >= condition["at_least"])
               and (condition["at_most"] is None or counts[condition["count"]] <= condition["at_most"])
               for condition in rule["conditions"]):
            return {"counts": counts, "category": rule["category"]}
    raise AssertionError(f"no rule in the key fits {counts}")


def machine_score(quiz: Quiz, answers: dict[str, str]) -> dict[str, Any] | None:
    data = quiz.score(answers).to_dict()
    if isinstance(quiz, ChecklistQuiz):
        used = {condition.count for rule in quiz.rules for condition in rule.conditions}
        return {"counts": {name: count for name, count in data["counts"].items() if name in used},
                "category": data["category"]["id"]}
    if not data["complete"]:
        return None
    scores = {score["dimension"]: {key: score[key] for key in ("value", "level", "near_cut")}
              for score in data["scores"]}
    category = data["category"]["id"] if data["category"] else None
    return {"scores": scores, "category": category, "between": [style["id"] for style in data["between"]]}


def hand_score(key: dict[str, Any], answers: dict[str, str]) -> dict[str, Any] | None:
    # The printed key says which kind it is; a hand-scorer has nothing else to go on.
    return hand_score_scale(key, answers) if key["kind"] == "scale" else hand_score_checklist(key, answers)


@FAST
@given(data=st.data())
def test_hand_scoring_from_the_key_matches_score(any_quiz: Quiz, data: st.DataObject) -> None:
    key = json.loads(json.dumps(any_quiz.scoring_key()))  # only what a printed key can carry
    answers = data.draw(any_valid_answers(any_quiz))
    assert hand_score(key, answers) == machine_score(any_quiz, answers)


def test_hand_scoring_matches_at_the_edges(any_quiz: Quiz) -> None:
    quiz, key = any_quiz, any_quiz.scoring_key()
    if isinstance(quiz, ScaleQuiz):
        assert quiz.scale is not None
        edge_sets = [{item.id: str(value) for item in quiz.items} for value in quiz.scale.points]
    else:
        edge_sets = [{}, {item.id: "on" for item in quiz.items}]
        edge_sets += [{item.id: "on"} for item in quiz.items]
    for answers in edge_sets:
        assert hand_score(key, answers) == machine_score(quiz, answers)


def test_hand_scoring_finds_answers_that_contradict_themselves(attachment: Quiz) -> None:
    key = json.loads(json.dumps(attachment.scoring_key()))
    ids = [item.id for item in attachment.items]
    contradictory = [{**dict.fromkeys(ids, "7"), "anx1": "6"}, {**dict.fromkeys(ids, "1"), "avo9": "2"},
                     {item_id: "6" if index % 2 else "7" for index, item_id in enumerate(ids)}]
    for answers in contradictory:
        scored = machine_score(attachment, answers)
        assert scored is not None and scored["category"] == "both-ways"
        assert hand_score(key, answers) == scored


def test_scale_key_fields(attachment: Quiz) -> None:
    key = attachment.scoring_key()
    assert json.loads(json.dumps(key)) == key
    assert key["reverse_total"] == 8
    assert key["cut"] == 4 and key["at_cut"] == "high"
    assert key["near_cut"] == {"within": 0.5, "inclusive": True}
    anxiety, avoidance = key["dimensions"]
    assert sorted(anxiety["items"] + avoidance["items"]) == list(range(1, 19))
    assert anxiety["reversed_items"] == [item.number for item in attachment.items
                                         if item.reverse and item.dimension == "anxiety"]
    assert [label["label"] for label in key["scale"]["labels"]][3] == "Neither agree nor disagree"
    assert {category["id"] for category in key["categories"]} == {
        "secure", "anxious-preoccupied", "dismissive-avoidant", "fearful-avoidant",
        "near-the-middle", "same-answer", "both-ways"}
    named = {category["id"] for category in key["categories"] if category["names_a_style"]}
    assert named == {"secure", "anxious-preoccupied", "dismissive-avoidant", "fearful-avoidant"}
    steps = " ".join(key["steps"])
    for phrase in ("8 \u2212 answer", "4 or more counts as high", "3.5 to 4.5",
                   "at most 1 of its items", "closest to", "same answer to every statement",
                   "at least three quarters of the statements you answered", "above 4 (you agreed with both)",
                   "\u201cYour answers point both ways\u201d: no style is named",
                   "Near the middle of both scales: anxiety near and avoidance near",
                   "between the styles"):
        assert phrase in steps
    assert all(isinstance(step, str) and step for step in key["steps"])


def test_checklist_key_puts_safety_first(trust: Quiz) -> None:
    key = trust.scoring_key()
    assert json.loads(json.dumps(key)) == key
    assert key["safety_trigger_items"] == [11, 14, 15, 16, 17, 18]
    assert key["rules"][0] == {"category": "safety-first", "conditions": [
        {"count": "safety_triggers", "at_least": 1, "at_most": None}]}
    groups = {count["id"]: count["items"] for count in key["counts"]}
    assert groups["hopeful"] == list(range(1, 8))
    assert groups["concern"] == list(range(8, 14))
    # "Your safety" (14-18) is no count of its own: no rule uses it; the safety answers are.
    assert list(groups) == ["hopeful", "concern", "safety_triggers"]
    assert groups["safety_triggers"] == [11, 14, 15, 16, 17, 18]
    steps = key["steps"]
    assert any(step.startswith("Safety comes first") for step in steps)
    assert steps.index(next(step for step in steps if step.startswith("1. "))) > steps.index(
        next(step for step in steps if step.startswith("Safety comes first")))
    safety_first = next(category for category in key["categories"] if category["id"] == "safety-first")
    assert safety_first["safety_first"] is True


def test_checklist_rules_read_right_for_any_number(trust: Quiz) -> None:
    rules = [step for step in trust.scoring_key()["steps"] if step[:1].isdigit()]
    assert "If exactly 1 of the signs of healing ticked and none of the signs of concern ticked" in " ".join(rules)
    assert not [rule for rule in rules if re.search(r"\b1 (signs|safety answers)\b", rule)]  # never "1 signs"
