"""Rating-scale quizzes (`ScaleQuiz`): reverse keying, dimension means, the cut, and the paper key.

Rules (also printed by the scoring key):
- a reverse-keyed answer counts as (min + max) − answer, i.e. 8 − answer on a 1–7 scale;
- a dimension's score is the mean of its answered items;
- each dimension may skip at most `quiz.max_missing` items, otherwise the result is incomplete;
- a score at or above the cut counts as high ("at the cut counts as high");
- a score is near the boundary when |score − cut| ≤ `quiz.near_cut` (inclusive);
- comparisons use the unrounded mean; values are rounded to 2 decimals only for display;
- the same answer to every statement names no style (the quiz's `same_answers` category);
- so do answers that contradict themselves: when, for any dimension, at least three quarters
  of its answered statements and at least three quarters of its answered opposites (its
  reverse-keyed items) sit on the same side of the scale's midpoint, agreeing with both or
  disagreeing with both (the quiz's `contradictory_answers` category). Such answers describe
  how the reader answered, not where they sit: all 7s with one 6 would otherwise land in a corner;
- these two results print the scores without "high" or "low", and no plot;
- otherwise each score sits "near", "high" or "low" and the category whose `when` matches is
  picked: a style when every score is clear, the quiz's middle category when every score is near;
- when some scores are near and the others clear, no category matches: the result names the
  styles on either side of the near scores ("between secure and anxious-preoccupied").
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, cast

from .answers import UNANSWERED, read_scale_answers
from .model import (
    HIGH,
    LOW,
    NEAR,
    Category,
    Dimension,
    Item,
    ItemRef,
    Plot,
    PlotAxes,
    Quiz,
    ResponseScale,
    Result,
    ScaleItem,
    Score,
)
from .problem import Problem, problem_at
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

LEVELS = frozenset({HIGH, LOW, NEAR})


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


AGREED = "agreed"
DISAGREED = "disagreed"
# "Most" of a dimension's statements, and of its opposites: at least this share of those answered.
MOST = (3, 4)


def _most(answers: list[int], on_side: Callable[[int], bool]) -> bool:
    """At least three quarters of `answers` are on the side; whole numbers only, so CPython and
    Pyodide agree to the last answer."""
    share_of, out_of = MOST
    return out_of * sum(1 for answer in answers if on_side(answer)) >= share_of * len(answers)


def contradicted_side(statements: list[int], opposites: list[int], scale: ResponseScale) -> str | None:
    """AGREED when most statements and most of their opposites are answered above the scale's
    midpoint, DISAGREED when both are below it, else None. Raw answers, before reverse keying.

    A reader who agrees both with "Worries fill my mind" and with "I feel calm about us" tells
    us how they answer, not where they sit.
    """
    if not statements or not opposites:
        return None
    middle_twice = scale.min + scale.max  # compare 2 × answer with it: the midpoint may be x.5
    sides = ((AGREED, lambda answer: 2 * answer > middle_twice),
             (DISAGREED, lambda answer: 2 * answer < middle_twice))
    for side, on_side in sides:
        if _most(statements, on_side) and _most(opposites, on_side):
            return side
    return None


@dataclass(frozen=True)
class ScaleQuiz(Quiz):
    """Statements rated on one response scale; each dimension's score is the mean of its items.

    `plot` names the x and y dimensions of the result's chart, when it has one.
    """

    kind: ClassVar[str] = "scale"
    item_type: ClassVar[type[ScaleItem]] = ScaleItem
    section_noun: ClassVar[str] = "dimension"
    items_are_radio_groups: ClassVar[bool] = True
    teaches: ClassVar[bool] = False  # a self-check: it asks about the reader
    has_categories: ClassVar[bool] = True

    scale: ResponseScale | None = None
    dimensions: tuple[Dimension, ...] = ()
    cut: float | None = None
    near_cut: float = 0.5
    max_missing: int = 1
    plot: tuple[str, str] | None = None

    @property
    def sections(self) -> tuple[Dimension, ...]:
        return self.dimensions

    # -------------------------------------------------------------------------
    # Scoring
    # -------------------------------------------------------------------------

    def score(self, answers: Mapping[str, str]) -> Result:
        """Score the answers a form submitted: {item id: "1" … "7"}; blank or absent items are skipped.

        Raises AnswerError on answers the form cannot send.
        """
        scale, cut = self._scale_and_cut()
        values = read_scale_answers(self, scale, answers)
        missing = tuple(item for item in self.items if item.id not in values)
        if not values:
            return self._unanswered()
        still_needed = self._still_needed(missing)
        if still_needed:
            return self._incomplete(still_needed)

        scores = [self._score(dimension.id, dimension.label, values) for dimension in self.dimensions]
        contradicted = self.contradictions(values)
        why: list[str] = []
        category: Category | None
        between: tuple[Category, ...]
        if gave_same_answer(values):
            category, between = self.same_answers_category(), ()
        elif contradicted:
            category, between = self.contradictory_answers_category(), ()
            why = [f"{self._label_of(dimension)}: you {side} with most of the statements and also "
                   "with most of their opposites." for dimension, side in contradicted.items()]
        else:
            category, between = self.pick_category({score.dimension: position(score) for score in scores})
        # A result that reads no pattern gives no level either: "high" would hint at a style.
        plain = category is not None and category.reads_no_pattern
        paragraphs = [_score_sentence(score, scale, cut, plain=plain) for score in scores]
        paragraphs += [self._skipped_sentence(item) for item in missing]
        paragraphs += why

        if category is None:
            paragraphs.append(f"Between two styles: {joined([style.label for style in between])}.")
            paragraphs.append("A score near the boundary means your answers sit between these styles, "
                              "so each description may fit you.")
            # Each description after its style's name: two "People near this corner…" in a row
            # would not say which corner is which.
            paragraphs += [text for style in between
                           for text in (f"{style.label}: {style.description[0]}", *style.description[1:])]
            links = tuple(dict.fromkeys(link for style in between for link in style.links))
        else:
            if category.names_a_style:
                paragraphs.append(f"Closest to: {category.label}.")
            paragraphs += category.description
            links = category.links
        # Such answers say nothing about where the reader sits: no point to plot.
        plot = None if plain else self._plot(scores)
        return Result(
            quiz_id=self.id,
            kind=self.kind,
            complete=True,
            headline="Your results",
            paragraphs=tuple(paragraphs),
            missing=tuple(_ref(item) for item in missing),
            category=category,
            between=between,
            scores=tuple(scores),
            links=links,
            note=self.note,
            plot=plot,
        )

    def pick_category(self, positions: Mapping[str, str]) -> tuple[Category | None, tuple[Category, ...]]:
        """The category whose `when` matches where every score sits ({dimension: high|low|near}).

        When none does, some scores are near the cut and the others are clear: the result is
        (None, the styles on either side of the near scores), e.g. secure and anxious-preoccupied.
        """
        for category in self.categories:
            if not category.reads_no_pattern and dict(category.when) == dict(positions):
                return category, ()
        neighbours = tuple(category for category in self.categories if category.names_a_style
                           and all(category.when[dimension] == where
                                   for dimension, where in positions.items() if where != NEAR))
        if not neighbours:
            raise LookupError(f"Quiz {self.id!r} has no category for {dict(positions)}")
        return None, neighbours

    def same_answers_category(self) -> Category:
        """The category for a reader who gave every statement the same answer."""
        for category in self.categories:
            if category.same_answers:
                return category
        raise LookupError(f"Quiz {self.id!r} has no category with same_answers=True")

    def contradictory_answers_category(self) -> Category:
        """The category for a reader who agreed, or disagreed, with most statements and their opposites."""
        for category in self.categories:
            if category.contradictory_answers:
                return category
        raise LookupError(f"Quiz {self.id!r} has no category with contradictory_answers=True")

    def contradictions(self, values: Mapping[str, int]) -> dict[str, str]:
        """{dimension id: AGREED or DISAGREED} for each dimension whose answers contradict themselves."""
        scale, _ = self._scale_and_cut()
        found = {}
        for dimension in self.dimensions:
            items = [item for item in _scale_items(self.items_in(dimension.id)) if item.id in values]
            side = contradicted_side([values[item.id] for item in items if not item.reverse],
                                     [values[item.id] for item in items if item.reverse], scale)
            if side:
                found[dimension.id] = side
        return found

    def has_opposites(self) -> bool:
        """True when some dimension has both statements and reverse-keyed opposites."""
        return any({item.reverse for item in _scale_items(self.items_in(dimension.id))} == {True, False}
                   for dimension in self.dimensions)

    def plot_quadrants(self) -> tuple[tuple[str, str, str], ...]:
        """(label, x level, y level) for each style's corner of the quiz's plot."""
        if self.plot is None:
            return ()
        x_id, y_id = self.plot
        return tuple((category.plot_label, category.when[x_id], category.when[y_id])
                     for category in self.categories if category.names_a_style)

    def plot_axes(self) -> PlotAxes | None:
        """The chart of the two `plot` dimensions, blank; None when the quiz plots nothing."""
        if not self.plot or self.scale is None or self.cut is None:
            return None
        x_id, y_id = self.plot
        return PlotAxes(x_label=self._label_of(x_id), y_label=self._label_of(y_id), min=self.scale.min,
                        max=self.scale.max, cut=self.cut, quadrants=self.plot_quadrants())

    # -------------------------------------------------------------------------
    # The paper key and the form
    # -------------------------------------------------------------------------

    def scoring_key(self) -> dict[str, Any]:
        """The paper scoring key: plain `steps` plus the structured fields a hand-scorer needs."""
        scale, cut = self._scale_and_cut()
        dimensions: list[dict[str, Any]] = [{
            "id": dimension.id,
            "label": dimension.label,
            "items": [item.number for item in self.items_in(dimension.id)],
            "reversed_items": [item.number for item in _scale_items(self.items_in(dimension.id)) if item.reverse],
            "max_missing": self.max_missing,
        } for dimension in self.dimensions]
        reverse_total = scale.min + scale.max
        categories = [{
            "id": category.id,
            "label": category.label,
            "when": dict(category.when),
            "same_answers": category.same_answers,
            "contradictory_answers": category.contradictory_answers,
            "names_a_style": category.names_a_style,
            "description": list(category.description),
        } for category in self.categories]

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
            f"Each score may skip at most {self.max_missing} of its items. If more are blank, "
            "answer enough of them first: there is no score or style until then.",
            f"The cut is {number(cut)}. A score of {number(cut)} or more counts as high; "
            f"below {number(cut)} counts as low.",
            f"A score is near the boundary when it is within {number(self.near_cut)} of the cut, "
            f"both ends included ({number(cut - self.near_cut)} to {number(cut + self.near_cut)}).",
            "Compare the unrounded averages; round to 2 decimals only to write them down.",
            "If you gave the same answer to every statement you answered, your result is "
            f"\u201c{self.same_answers_category().label}\u201d: no style is named.",
            *self._contradiction_steps(scale),
            "Otherwise call each score near (when it is near the boundary), high or low, and find "
            "the pattern that matches. A style's pattern means your answers are closest to that style:",
        ]
        steps += [f"{category.label}: {self._pattern(category.when)}."
                  for category in self.categories if category.when]
        steps.append("If no pattern matches, some scores are near the boundary and the others are not. "
                     "Your answers sit between the styles that match your other scores, on either side "
                     "of the near ones: read each of those styles.")
        return {
            "quiz_id": self.id,
            "title": self.title,
            "kind": self.kind,
            "scale": scale.to_dict(),
            "items": [item.to_dict() for item in self.items],
            "reverse_total": reverse_total,
            "dimensions": dimensions,
            "average": "mean of the answered items after reverse keying",
            "cut": cut,
            "at_cut": HIGH,
            "near_cut": {"within": self.near_cut, "inclusive": True},
            "rounding": {"decimals": 2, "compare": "unrounded"},
            "contradiction": {"share": list(MOST), "midpoint": (scale.min + scale.max) / 2}
            if self.has_opposites() else None,
            "categories": categories,
            "steps": steps,
        }

    def to_dict(self) -> dict[str, Any]:
        """What a page needs to render the form, with the scale's labelled points."""
        return {**super().to_dict(), "scale": self.scale.to_dict() if self.scale else None}

    def _contradiction_steps(self, scale: ResponseScale) -> list[str]:
        """The consistency rule as a step a person can follow with a pencil."""
        if not self.has_opposites():
            return []
        middle = number((scale.min + scale.max) / 2)
        return [
            "If not, check each score for answers that contradict themselves. Its statements are "
            "the items that are not reverse-keyed; its opposites are the reverse-keyed ones. Use "
            f"the answers as given, before reversing. If at least three quarters of the statements "
            f"you answered and at least three quarters of the opposites you answered are above "
            f"{middle} (you agreed with both), or if both are below {middle} (you disagreed with "
            "both), for any score, your result is "
            f"\u201c{self.contradictory_answers_category().label}\u201d: no style is named.",
        ]

    # -------------------------------------------------------------------------
    # Checks (`python -m quizzes check`)
    # -------------------------------------------------------------------------

    def structure_problems(self) -> list[Problem]:
        """The scale, the cut, near_cut, max_missing, the dimensions, the plot and the categories."""
        scale = self.scale
        if scale is None:
            return [problem_at(self, "a scale quiz needs scale=ResponseScale(...)")]
        if not scale.min < scale.max:
            return [problem_at(self, f"the scale's min ({scale.min}) must be below its max ({scale.max})")]
        problems = []
        if len(scale.labels) != len(scale.points) or not all(label.strip() for label in scale.labels):
            problems.append(problem_at(self, f"the scale needs a label in words for each of its "
                                             f"{len(scale.points)} points, {scale.min} to {scale.max}"))
        cut = self.cut
        if isinstance(cut, bool) or not isinstance(cut, (int, float)) or not scale.min < cut < scale.max:
            problems.append(problem_at(self, f"the cut ({cut!r}) must lie inside the scale, between "
                                             f"{scale.min} and {scale.max}"))
        if not 0 <= self.near_cut < scale.max - scale.min:
            problems.append(problem_at(self, f"near_cut ({self.near_cut!r}) must be 0 or more and smaller "
                                             "than the scale's range"))
        problems += self.section_problems()
        known = [dimension.id for dimension in self.dimensions]
        for dimension in self.dimensions:
            count = len(self.items_in(dimension.id))
            if count <= self.max_missing:
                problems.append(problem_at(dimension, f"dimension {dimension.id!r} has {count} items; it "
                                                      f"needs more than max_missing ({self.max_missing})"))
        if self.max_missing < 0:
            problems.append(problem_at(self, "max_missing must be 0 or more"))
        if self.plot is not None and (len(self.plot) != 2 or not set(self.plot) <= set(known)):
            problems.append(problem_at(self, f"plot {self.plot!r} must name two dimensions: {', '.join(known)}"))
        return problems + self._category_problems(known)

    def valid_answer_sets(self, rng: random.Random, count: int) -> list[tuple[str, dict[str, str]]]:
        """Every answer at the bottom, then the top, of the scale; none; all blank; each item
        skipped in turn; then `count` random sets with some items blank or absent."""
        scale, _ = self._scale_and_cut()
        ids = [item.id for item in self.items]
        points = [str(point) for point in scale.points]
        low, high = points[0], points[-1]
        sets = [
            (f"all answers {low}", dict.fromkeys(ids, low)),
            (f"all answers {high}", dict.fromkeys(ids, high)),
            ("no answers", {}),
            ("all answers blank", dict.fromkeys(ids, UNANSWERED)),
        ]
        sets += [(f"all answers {high} but item {item.number} skipped",
                  {other: high for other in ids if other != item.id}) for item in self.items]
        for _ in range(count):
            answers = {}
            for item_id in ids:
                draw = rng.random()
                if draw >= 0.1:
                    answers[item_id] = rng.choice(points) if draw >= 0.15 else UNANSWERED
            sets.append((f"the answer set {json.dumps(answers)}", answers))
        return sets

    def invalid_answer_sets(self) -> list[tuple[str, dict[str, Any]]]:
        """A whole number above the scale, and a word, for the first item."""
        scale, _ = self._scale_and_cut()
        first = self.items[0]
        return [
            (f"an answer above {scale.max} for item {first.number}", {first.id: str(scale.max + 1)}),
            (f"the answer 'abc' for item {first.number}", {first.id: "abc"}),
        ]

    def an_answer(self) -> str:
        """The bottom of the scale, e.g. "1"."""
        scale, _ = self._scale_and_cut()
        return str(scale.min)

    def _category_problems(self, known: list[str]) -> list[Problem]:
        """Every pattern of scores has one result, and readers in the middle are told no style."""
        problems = [problem_at(category, f"category {category.id!r} needs when={{dimension: 'high', 'low' or "
                                         f"'near'}} for exactly the dimensions {', '.join(known)}")
                    for category in self.categories if not category.reads_no_pattern
                    and (sorted(category.when) != sorted(known) or not set(category.when.values()) <= LEVELS)]
        problems += [problem_at(category, f"category {category.id!r} has {flag}=True, so it takes no when=")
                     for category in self.categories
                     for flag in ("same_answers", "contradictory_answers")
                     if getattr(category, flag) and category.when]
        problems += [problem_at(category, f"category {category.id!r} cannot have both same_answers=True "
                                          "and contradictory_answers=True")
                     for category in self.categories if category.same_answers and category.contradictory_answers]
        if problems:
            return problems
        same = [category for category in self.categories if category.same_answers]
        if len(same) != 1:
            problems.append(problem_at(self, f"{len(same)} categories have same_answers=True; exactly one must, "
                                             "so a reader who gives every statement the same answer is told "
                                             "no style"))
        contradictory = [category for category in self.categories if category.contradictory_answers]
        if self.has_opposites() and len(contradictory) != 1:
            problems.append(problem_at(self, f"{len(contradictory)} categories have contradictory_answers=True; "
                                             "exactly one must, so a reader who agrees (or disagrees) with "
                                             "most statements and also with their reverse-keyed opposites "
                                             "is told no style"))
        elif not self.has_opposites() and contradictory:
            problems.append(problem_at(contradictory[0], f"category {contradictory[0].id!r} has "
                                                         "contradictory_answers=True, but no dimension has "
                                                         "both statements and reverse-keyed opposites, so "
                                                         "nothing can pick it; remove it"))
        patterns = [dict(zip(known, combination, strict=True))
                    for combination in itertools.product((LOW, HIGH), repeat=len(known))]
        patterns.append(dict.fromkeys(known, NEAR))
        for pattern in patterns:
            matches = [category.id for category in self.categories if dict(category.when) == pattern]
            if len(matches) == 1:
                continue
            if all(where == NEAR for where in pattern.values()) and not matches:
                problems.append(problem_at(self, f"no category covers scores near the cut on every dimension "
                                                 f"{pattern}: the middle is unhandled. Add a Category with "
                                                 f"when={pattern} that names no style"))
            else:
                problems.append(problem_at(self, f"{len(matches)} categories match {pattern}; exactly one must"))
        return problems

    # -------------------------------------------------------------------------
    # Helpers
    # -------------------------------------------------------------------------

    def _scale_and_cut(self) -> tuple[ResponseScale, float]:
        if self.scale is None or self.cut is None:
            raise ValueError(f"Scale quiz {self.id!r} needs both a scale and a cut")
        return self.scale, self.cut

    def _score(self, dimension: str, label: str, values: Mapping[str, int]) -> Score:
        scale, cut = self._scale_and_cut()
        items = _scale_items(self.items_in(dimension))
        answered = [scale.reverse(values[item.id]) if item.reverse else values[item.id]
                    for item in items if item.id in values]
        mean = sum(answered) / len(answered)
        return Score(dimension=dimension, label=label, value=mean, answered=len(answered), items=len(items),
                     level=level(mean, cut), near_cut=is_near_cut(mean, cut, self.near_cut))

    def _still_needed(self, missing: tuple[Any, ...]) -> dict[str, tuple[ScaleItem, ...]]:
        """{dimension id: its skipped items}, for each dimension that skipped too many to score."""
        skipped = {dimension.id: tuple(item for item in missing if item.dimension == dimension.id)
                   for dimension in self.dimensions}
        return {dimension: items for dimension, items in skipped.items() if len(items) > self.max_missing}

    def _unanswered(self) -> Result:
        """Nothing answered yet: no list of "missing" items, which would be all of them."""
        return Result(
            quiz_id=self.id,
            kind=self.kind,
            complete=False,
            headline="No answers yet",
            paragraphs=("Choose an answer for each statement you can, then see your result.",),
            note=self.note,
        )

    def _incomplete(self, still_needed: dict[str, tuple[ScaleItem, ...]]) -> Result:
        requests = []
        for dimension, skipped in still_needed.items():
            count = len(skipped) - self.max_missing
            statements = plural(count, f"more {self._label_of(dimension).lower()} statement")
            choice = "" if count == len(skipped) else f"any {count} of "
            items = "item" if len(skipped) == 1 else "items"
            requests.append(f"{statements} ({choice}{items} {numbers(item.number for item in skipped)})")
        return Result(
            quiz_id=self.id,
            kind=self.kind,
            complete=False,
            headline="A few answers are missing",
            paragraphs=(
                f"Each score can skip at most {plural(self.max_missing, 'item')}. To see your result, "
                f"answer {joined(requests)}.",
            ),
            missing=tuple(_ref(item) for item in self.items  # in the order the form shows them
                          if any(item in skipped for skipped in still_needed.values())),
            note=self.note,
        )

    def _skipped_sentence(self, item: Any) -> str:
        label = self._label_of(item.dimension).lower()
        others = len(self.items_in(item.dimension)) - 1
        return (f"You skipped {item_name(item)}, so your {label} score "
                f"is the average of the other {others} items.")

    def _plot(self, scores: list[Score]) -> Plot | None:
        axes = self.plot_axes()
        if axes is None or self.plot is None:
            return None
        by_id = {score.dimension: score for score in scores}
        x, y = by_id[self.plot[0]], by_id[self.plot[1]]
        return Plot(x=x.value, y=y.value, axes=axes)

    def _pattern(self, when: Mapping[str, str]) -> str:
        """{"anxiety": "high", "avoidance": "near"} -> "anxiety high and avoidance near"."""
        return " and ".join(f"{self._label_of(dimension).lower()} {where}" for dimension, where in when.items())

    def _label_of(self, dimension_id: str) -> str:
        for dimension in self.dimensions:
            if dimension.id == dimension_id:
                return dimension.label
        raise KeyError(f"Quiz {self.id!r} has no dimension {dimension_id!r}")


def _score_sentence(score: Score, scale: ResponseScale, cut: float, plain: bool = False) -> str:
    """"Anxiety: 5 on a 1–7 scale (high)."; `plain` leaves out where the score sits."""
    if plain:
        return f"{score.label}: {number(score.value)} on a {scale.min}\u2013{scale.max} scale."
    if not score.near_cut:
        where = score.level
    elif score.value == cut:
        where = f"at the boundary of {number(cut)}"
    else:
        where = f"near the boundary, just {'above' if score.value > cut else 'below'} {number(cut)}"
    return f"{score.label}: {number(score.value)} on a {scale.min}\u2013{scale.max} scale ({where})."


def _ref(item: Any) -> ItemRef:
    return ItemRef(item.id, item.number, item.text)


def _scale_items(items: tuple[Item, ...]) -> tuple[ScaleItem, ...]:
    """A scale quiz's items as what they are: the checker refuses any other item type
    (`item_type`) before a quiz is scored, so no isinstance filter is needed here."""
    return cast("tuple[ScaleItem, ...]", items)
