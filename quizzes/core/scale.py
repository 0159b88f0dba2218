"""Scoring rating-scale quizzes: reverse keying, dimension means, the cut, and the paper key.

Rules (also printed by the scoring key):
- a reverse-keyed answer counts as (min + max) − answer, i.e. 8 − answer on a 1–7 scale;
- a dimension's score is the mean of its answered items;
- each dimension may skip at most `quiz.max_missing` items, otherwise the result is incomplete;
- a score at or above the cut counts as high ("at the cut counts as high");
- a score is near the boundary when |score − cut| ≤ `quiz.near_cut` (inclusive);
- comparisons use the unrounded mean; values are rounded to 2 decimals only for display;
- the same answer to every statement names no style (the quiz's `same_answers` category);
- otherwise each score sits "near", "high" or "low" and the category whose `when` matches is
  picked: a style when every score is clear, the quiz's middle category when every score is near;
- when some scores are near and the others clear, no category matches: the result names the
  styles on either side of the near scores ("between secure and anxious-preoccupied").
"""

from __future__ import annotations

from typing import Any, Mapping

from .answers import read_scale_answers
from .model import HIGH, LOW, NEAR, Category, ItemRef, Plot, Quiz, ResponseScale, Result, ScaleItem, Score
from .text import item_name, joined, number, numbers, plural

AGREE_7 = ResponseScale(1, 7, (
    "Strongly disagree",
    "Disagree",
    "Slightly disagree",
    "Neither agree nor disagree",
    "Slightly agree",
    "Agree",
    "Strongly agree",
))


def level(value: float, cut: float) -> str:
    """Return "high" at or above the cut, else "low"."""
    return HIGH if value >= cut else LOW


def is_near_cut(value: float, cut: float, within: float) -> bool:
    """True when the score is within `within` of the cut, both ends included."""
    return abs(value - cut) <= within


def position(score: Score) -> str:
    """Where a score sits when picking a category: "near" the cut, else "high" or "low"."""
    return NEAR if score.near_cut else score.level


def gave_same_answer(values: Mapping[str, int]) -> bool:
    """True when every answered statement got the same answer (before reverse keying)."""
    return len(values) > 1 and len(set(values.values())) == 1


def score_scale_quiz(quiz: Quiz, answers: Mapping[str, str]) -> Result:
    """Score a scale quiz from form answers; raises AnswerError on answers a form cannot send."""
    values = read_scale_answers(quiz, answers)
    scale, cut = _scale_and_cut(quiz)
    missing = tuple(item for item in quiz.items if item.id not in values)
    still_needed = _still_needed(quiz, missing)
    if still_needed:
        return _incomplete(quiz, still_needed)

    scores = [_score(quiz, dimension.id, dimension.label, values) for dimension in quiz.dimensions]
    paragraphs = [_score_sentence(score, scale, cut) for score in scores]
    paragraphs += [_skipped_sentence(quiz, item) for item in missing]
    if gave_same_answer(values):
        category, between = same_answers_category(quiz), ()
    else:
        category, between = pick_category(quiz, {score.dimension: position(score) for score in scores})

    if category is None:
        paragraphs.append(f"Between two styles: {joined([style.label for style in between])}.")
        paragraphs.append("A score near the boundary means your answers sit between these styles, "
                          "so each description may fit you.")
        paragraphs += [text for style in between for text in style.description]
        links = tuple(dict.fromkeys(link for style in between for link in style.links))
    else:
        if category.names_a_style:
            paragraphs.append(f"Closest to: {category.label}.")
        paragraphs += category.description
        links = category.links
    # The same answer everywhere says nothing about where the reader sits: no point to plot.
    plot = None if category is not None and category.same_answers else _plot(quiz, scores, scale, cut)
    return Result(
        quiz_id=quiz.id,
        kind=quiz.kind,
        complete=True,
        headline="Your results",
        paragraphs=tuple(paragraphs),
        missing=tuple(_ref(item) for item in missing),
        category=category,
        between=between,
        scores=tuple(scores),
        links=links,
        note=quiz.note,
        plot=plot,
    )


def pick_category(quiz: Quiz, positions: Mapping[str, str]) -> tuple[Category | None, tuple[Category, ...]]:
    """The category whose `when` matches where every score sits ({dimension: high|low|near}).

    When none does, some scores are near the cut and the others are clear: the result is
    (None, the styles on either side of the near scores), e.g. secure and anxious-preoccupied.
    """
    for category in quiz.categories:
        if not category.same_answers and dict(category.when) == dict(positions):
            return category, ()
    neighbours = tuple(category for category in quiz.categories if category.names_a_style
                       and all(category.when[dimension] == where
                               for dimension, where in positions.items() if where != NEAR))
    if not neighbours:
        raise LookupError(f"Quiz {quiz.id!r} has no category for {dict(positions)}")
    return None, neighbours


def same_answers_category(quiz: Quiz) -> Category:
    """The category for a reader who gave every statement the same answer."""
    for category in quiz.categories:
        if category.same_answers:
            return category
    raise LookupError(f"Quiz {quiz.id!r} has no category with same_answers=True")


def plot_quadrants(quiz: Quiz) -> tuple[tuple[str, str, str], ...]:
    """(label, x level, y level) for each style's corner of the quiz's plot."""
    if quiz.plot is None:
        return ()
    x_id, y_id = quiz.plot
    return tuple((category.plot_label, category.when[x_id], category.when[y_id])
                 for category in quiz.categories if category.names_a_style)


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
        "same_answers": category.same_answers,
        "names_a_style": category.names_a_style,
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
        "answer enough of them first: there is no score or style until then.",
        f"The cut is {number(cut)}. A score of {number(cut)} or more counts as high; "
        f"below {number(cut)} counts as low.",
        f"A score is near the boundary when it is within {number(quiz.near_cut)} of the cut, "
        f"both ends included ({number(cut - quiz.near_cut)} to {number(cut + quiz.near_cut)}).",
        "Compare the unrounded averages; round to 2 decimals only to write them down.",
        "If you gave the same answer to every statement you answered, your result is "
        f"\u201c{same_answers_category(quiz).label}\u201d: no style is named.",
        "Otherwise call each score near (when it is near the boundary), high or low, and find "
        "the pattern that matches. A style's pattern means your answers are closest to that style:",
    ]
    steps += [f"{category.label}: {_pattern(quiz, category.when)}."
              for category in quiz.categories if category.when]
    steps.append("If no pattern matches, some scores are near the boundary and the others are not. "
                 "Your answers sit between the styles that match your other scores, on either side "
                 "of the near ones: read each of those styles.")
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


def _score(quiz: Quiz, dimension: str, label: str, values: Mapping[str, int]) -> Score:
    scale, cut = _scale_and_cut(quiz)
    items = quiz.items_in(dimension)
    answered = [scale.reverse(values[item.id]) if item.reverse else values[item.id]
                for item in items if item.id in values]
    mean = sum(answered) / len(answered)
    return Score(dimension=dimension, label=label, value=mean, answered=len(answered),
                 items=len(items), level=level(mean, cut), near_cut=is_near_cut(mean, cut, quiz.near_cut))


def _still_needed(quiz: Quiz, missing: tuple[Any, ...]) -> dict[str, tuple[ScaleItem, ...]]:
    """{dimension id: its skipped items}, for each dimension that skipped too many to score."""
    skipped = {dimension.id: tuple(item for item in missing if item.dimension == dimension.id)
               for dimension in quiz.dimensions}
    return {dimension: items for dimension, items in skipped.items() if len(items) > quiz.max_missing}


def _incomplete(quiz: Quiz, still_needed: dict[str, tuple[ScaleItem, ...]]) -> Result:
    requests = []
    for dimension, skipped in still_needed.items():
        count = len(skipped) - quiz.max_missing
        statements = plural(count, f"more {_label_of(quiz, dimension).lower()} statement")
        choice = "" if count == len(skipped) else f"any {count} of "
        items = "item" if len(skipped) == 1 else "items"
        requests.append(f"{statements} ({choice}{items} {numbers(item.number for item in skipped)})")
    return Result(
        quiz_id=quiz.id,
        kind=quiz.kind,
        complete=False,
        headline="A few answers are missing",
        paragraphs=(
            f"Each score can skip at most {plural(quiz.max_missing, 'item')}. To see your result, "
            f"answer {joined(requests)}.",
        ),
        missing=tuple(_ref(item) for item in quiz.items  # in the order the form shows them
                      if any(item in skipped for skipped in still_needed.values())),
        note=quiz.note,
    )


def _score_sentence(score: Score, scale: ResponseScale, cut: float) -> str:
    if not score.near_cut:
        where = score.level
    elif score.value == cut:
        where = f"at the boundary of {number(cut)}"
    else:
        where = f"near the boundary, just {'above' if score.value > cut else 'below'} {number(cut)}"
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
    return Plot(x=x.value, y=y.value, x_label=x.label, y_label=y.label,
                min=scale.min, max=scale.max, cut=cut, quadrants=plot_quadrants(quiz))


def _pattern(quiz: Quiz, when: Mapping[str, str]) -> str:
    """{"anxiety": "high", "avoidance": "near"} -> "anxiety high and avoidance near"."""
    return " and ".join(f"{_label_of(quiz, dimension).lower()} {where}" for dimension, where in when.items())


def _ref(item: Any) -> ItemRef:
    return ItemRef(item.id, item.number, item.text)


def _label_of(quiz: Quiz, dimension_id: str) -> str:
    for dimension in quiz.dimensions:
        if dimension.id == dimension_id:
            return dimension.label
    raise KeyError(f"Quiz {quiz.id!r} has no dimension {dimension_id!r}")
