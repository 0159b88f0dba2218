"""Scoring rating-scale quizzes: reverse keying, dimension means, the cut, and the paper key.

Rules (also printed by the scoring key):
- a reverse-keyed answer counts as (min + max) − answer, i.e. 8 − answer on a 1–7 scale;
- a dimension's score is the mean of its answered items;
- each dimension may skip at most `quiz.max_missing` items, otherwise the result is incomplete;
- a score at or above the cut counts as high ("at the cut counts as high");
- a score is near the boundary when |score − cut| ≤ `quiz.near_cut` (inclusive);
- comparisons use the unrounded mean; values are rounded to 2 decimals only for display.
"""

from __future__ import annotations

from typing import Any, Mapping

from .answers import read_scale_answers
from .model import HIGH, LOW, Category, ItemRef, Plot, Quiz, ResponseScale, Result, Score
from .text import item_name, number, numbers, plural

AGREE_7 = ResponseScale(1, 7, (
    "Strongly disagree",
    "Disagree",
    "Slightly disagree",
    "Neither agree nor disagree",
    "Slightly agree",
    "Agree",
    "Strongly agree",
))

# Missing items are listed with their text up to this many; beyond it, by number only.
_MISSING_WITH_TEXT = 3


def level(value: float, cut: float) -> str:
    """Return "high" at or above the cut, else "low"."""
    return HIGH if value >= cut else LOW


def is_near_cut(value: float, cut: float, within: float) -> bool:
    """True when the score is within `within` of the cut, both ends included."""
    return abs(value - cut) <= within


def score_scale_quiz(quiz: Quiz, answers: Mapping[str, str]) -> Result:
    """Score a scale quiz from form answers; raises AnswerError on answers a form cannot send."""
    values = read_scale_answers(quiz, answers)
    scale, cut = _scale_and_cut(quiz)
    missing = tuple(item for item in quiz.items if item.id not in values)
    blocked = [dimension for dimension in quiz.dimensions
               if sum(1 for item in missing if item.dimension == dimension.id) > quiz.max_missing]
    if blocked:
        return _incomplete(quiz, missing)

    scores = []
    for dimension in quiz.dimensions:
        answered = [scale.reverse(values[item.id]) if item.reverse else values[item.id]
                    for item in quiz.items_in(dimension.id) if item.id in values]
        mean = sum(answered) / len(answered)
        scores.append(Score(
            dimension=dimension.id,
            label=dimension.label,
            value=mean,
            answered=len(answered),
            items=len(quiz.items_in(dimension.id)),
            level=level(mean, cut),
            near_cut=is_near_cut(mean, cut, quiz.near_cut),
        ))
    category = pick_category(quiz, {score.dimension: score.level for score in scores})

    paragraphs = [_score_sentence(score, scale, cut) for score in scores]
    paragraphs += [_skipped_sentence(quiz, item) for item in missing]
    paragraphs.append(f"Closest to: {category.label}.")
    if any(score.near_cut for score in scores):
        paragraphs.append(
            "A score near the boundary means your answers sit close to a neighboring style, "
            "so its description may fit you too."
        )
    paragraphs += category.description
    return Result(
        quiz_id=quiz.id,
        kind=quiz.kind,
        complete=True,
        headline="Your results",
        paragraphs=tuple(paragraphs),
        missing=tuple(_ref(item) for item in missing),
        category=category,
        scores=tuple(scores),
        links=category.links,
        note=quiz.note,
        plot=_plot(quiz, scores, scale, cut),
    )


def pick_category(quiz: Quiz, levels: Mapping[str, str]) -> Category:
    """The category whose `when` matches the high/low level of every dimension."""
    for category in quiz.categories:
        if dict(category.when) == dict(levels):
            return category
    raise LookupError(f"Quiz {quiz.id!r} has no category for levels {dict(levels)}")


def scoring_key(quiz: Quiz) -> dict[str, Any]:
    """The paper scoring key: plain `steps` plus the structured fields a hand-scorer needs."""
    scale, cut = _scale_and_cut(quiz)
    dimensions = [{
        "id": dimension.id,
        "label": dimension.label,
        "items": [item.number for item in quiz.items_in(dimension.id)],
        "reversed_items": [item.number for item in quiz.items_in(dimension.id) if item.reverse],
        "max_missing": quiz.max_missing,
    } for dimension in quiz.dimensions]
    reverse_total = scale.min + scale.max
    categories = [{
        "id": category.id,
        "label": category.label,
        "when": dict(category.when),
        "description": list(category.description),
    } for category in quiz.categories]

    steps = [
        "Write down the number chosen for each item: "
        + ", ".join(f"{value} = {scale.label(value)}" for value in scale.points)
        + ". Leave skipped items blank.",
        f"For each reverse-keyed item, replace the answer with {reverse_total} \u2212 answer "
        f"(so {scale.min} becomes {scale.max} and {scale.max} becomes {scale.min}).",
    ]
    for dimension in dimensions:
        reversed_items = numbers(dimension["reversed_items"]) or "none"
        steps.append(
            f"{dimension['label']}: items {numbers(dimension['items'])} "
            f"(reverse-keyed: {reversed_items}). Add up the answered items after reversing "
            "and divide by how many you answered."
        )
    steps += [
        f"Each score may skip at most {quiz.max_missing} of its items. If more are blank, "
        "answer them first: there is no score or style until then.",
        f"The cut is {number(cut)}. A score of {number(cut)} or more counts as high; "
        f"below {number(cut)} counts as low.",
        f"A score is near the boundary when it is within {number(quiz.near_cut)} of the cut, "
        f"both ends included ({number(cut - quiz.near_cut)} to {number(cut + quiz.near_cut)}).",
        "Compare the unrounded averages; round to 2 decimals only to write them down.",
    ]
    steps.append("Find the style whose pattern matches your scores: your answers are closest "
                 "to that style.")
    steps += [f"{category['label']}: " + " and ".join(
        f"{_label_of(quiz, dimension_id).lower()} {dimension_level}"
        for dimension_id, dimension_level in category["when"].items()) + "."
        for category in categories]
    return {
        "quiz_id": quiz.id,
        "title": quiz.title,
        "kind": quiz.kind,
        "scale": scale.to_dict(),
        "items": [item.to_dict() for item in quiz.items],
        "reverse_total": reverse_total,
        "dimensions": dimensions,
        "average": "mean of the answered items after reverse keying",
        "cut": cut,
        "at_cut": HIGH,
        "near_cut": {"within": quiz.near_cut, "inclusive": True},
        "rounding": {"decimals": 2, "compare": "unrounded"},
        "categories": categories,
        "steps": steps,
    }


def _scale_and_cut(quiz: Quiz) -> tuple[ResponseScale, float]:
    if quiz.scale is None or quiz.cut is None:
        raise ValueError(f"Scale quiz {quiz.id!r} needs both a scale and a cut")
    return quiz.scale, quiz.cut


def _incomplete(quiz: Quiz, missing: tuple) -> Result:
    if len(missing) <= _MISSING_WITH_TEXT:
        named = " and ".join(item_name(item) for item in missing)
    else:
        named = "items " + numbers([item.number for item in missing])
    return Result(
        quiz_id=quiz.id,
        kind=quiz.kind,
        complete=False,
        headline="A few answers are missing",
        paragraphs=(
            f"Each score can skip at most {plural(quiz.max_missing, 'item')}. Please answer {named} "
            "to see your result.",
        ),
        missing=tuple(_ref(item) for item in missing),
        note=quiz.note,
    )


def _score_sentence(score: Score, scale: ResponseScale, cut: float) -> str:
    where = f"{score.level}, near the boundary of {number(cut)}" if score.near_cut else score.level
    return f"{score.label}: {number(score.value)} on a {scale.min}\u2013{scale.max} scale ({where})."


def _skipped_sentence(quiz: Quiz, item: Any) -> str:
    label = _label_of(quiz, item.dimension).lower()
    others = len(quiz.items_in(item.dimension)) - 1
    return (f"You skipped {item_name(item)}, so your {label} score "
            f"is the average of the other {others} items.")


def _plot(quiz: Quiz, scores: list[Score], scale: ResponseScale, cut: float) -> Plot | None:
    if quiz.plot is None:
        return None
    by_id = {score.dimension: score for score in scores}
    x, y = by_id[quiz.plot[0]], by_id[quiz.plot[1]]
    quadrants = tuple((category.plot_label, category.when[x.dimension], category.when[y.dimension])
                      for category in quiz.categories)
    return Plot(x=x.value, y=y.value, x_label=x.label, y_label=y.label,
                min=scale.min, max=scale.max, cut=cut, quadrants=quadrants)


def _ref(item: Any) -> ItemRef:
    return ItemRef(item.id, item.number, item.text)


def _label_of(quiz: Quiz, dimension_id: str) -> str:
    for dimension in quiz.dimensions:
        if dimension.id == dimension_id:
            return dimension.label
    raise KeyError(f"Quiz {quiz.id!r} has no dimension {dimension_id!r}")

