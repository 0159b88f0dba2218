"""Checklist quizzes (`ChecklistQuiz`): count ticked items per group, then take the first matching rule.

Besides one count per group there is `safety_triggers`: the number of ticked items marked
`triggers_safety`, whatever their group. A quiz puts its safety rule first, so any safety
trigger picks the safety-first category, and that result leads with safety resources.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, cast

from .answers import TICKED, read_checklist_answers
from .model import Category, ChecklistItem, Condition, Group, Quiz, Result, Rule
from .problem import Problem, problem_at
from .safety import SAFETY_FIRST_NOTICE
from .text import numbers

SAFETY_TRIGGERS = "safety_triggers"


@dataclass(frozen=True)
class ChecklistQuiz(Quiz):
    """Statements the reader ticks or leaves blank, counted per group; ordered `rules` pick the result."""

    kind: ClassVar[str] = "checklist"
    item_type: ClassVar[type[ChecklistItem]] = ChecklistItem
    section_noun: ClassVar[str] = "group"
    items_are_radio_groups: ClassVar[bool] = False
    teaches: ClassVar[bool] = False  # a self-check: it asks about the reader
    has_categories: ClassVar[bool] = True

    groups: tuple[Group, ...] = ()
    rules: tuple[Rule, ...] = ()

    @property
    def sections(self) -> tuple[Group, ...]:
        return self.groups

    # -------------------------------------------------------------------------
    # Scoring
    # -------------------------------------------------------------------------

    def score(self, answers: Mapping[str, str]) -> Result:
        """Score the answers a form submitted: {item id: "on"} for each ticked box.

        Raises AnswerError on answers the form cannot send.
        """
        counts = self.count_ticked(read_checklist_answers(self, answers))
        category = self.pick_category(counts)
        return Result(
            quiz_id=self.id,
            kind=self.kind,
            complete=True,
            headline=category.label,
            paragraphs=category.description,
            category=category,
            counts=counts,
            safety=SAFETY_FIRST_NOTICE if category.safety_first else None,
            links=category.links,
            note=self.note,
        )

    @property
    def checklist_items(self) -> tuple[ChecklistItem, ...]:
        """The items as what they are: the checker refuses any other item type (`item_type`)
        before a quiz is scored."""
        return cast("tuple[ChecklistItem, ...]", self.items)

    def safety_result(self) -> Result | None:
        """`score()` of the first safety item ticked alone. The checker proves that every safety
        answer, with anything else ticked, picks the same safety-first category."""
        triggers = [item for item in self.checklist_items if item.triggers_safety]
        return self.score({triggers[0].id: TICKED}) if triggers else None

    def count_ticked(self, ticked: set[str]) -> dict[str, int]:
        """{group id: ticked items in it, ..., "safety_triggers": ticked safety-trigger items}."""
        counts = {group.id: sum(1 for item in self.items_in(group.id) if item.id in ticked)
                  for group in self.groups}
        counts[SAFETY_TRIGGERS] = sum(1 for item in self.checklist_items
                                      if item.triggers_safety and item.id in ticked)
        return counts

    def pick_category(self, counts: Mapping[str, int]) -> Category:
        """The category of the first rule whose conditions all hold."""
        for rule in self.rules:
            if rule.matches(counts):
                return self.category(rule.category)
        raise LookupError(f"Quiz {self.id!r} has no rule for counts {dict(counts)}")

    # -------------------------------------------------------------------------
    # The paper key
    # -------------------------------------------------------------------------

    def scoring_key(self) -> dict[str, Any]:
        """The paper scoring key: plain `steps` plus the structured fields a hand-scorer needs."""
        triggers = [item.number for item in self.checklist_items if item.triggers_safety]
        counts: list[dict[str, Any]] = [{"id": group.id, "label": group.label,
                   "items": [item.number for item in self.items_in(group.id)]}
                  for group in self.groups]
        counts.append({"id": SAFETY_TRIGGERS, "label": "Safety answers", "items": triggers})
        # Only what some rule looks at: a count no rule uses is work on paper for nothing.
        used = {condition.count for rule in self.rules for condition in rule.conditions}
        counts = [count for count in counts if count["id"] in used]
        labels = {count["id"]: count["label"] for count in counts}
        rules = [{"category": rule.category,
                  "conditions": [condition.to_dict() for condition in rule.conditions]}
                 for rule in self.rules]

        steps = [f"{count['label']}: count the ticked items among {numbers(count['items'])}."
                 for count in counts]
        if triggers:
            steps.append(f"Safety comes first: if any of items {numbers(triggers)} is ticked, "
                         "the result is about safety, whatever else is ticked.")
        steps.append("Then go through these rules in order and stop at the first one that fits:")
        steps += [f"{index}. {_rule_sentence(rule.conditions, labels)} \u2192 "
                  f"{self.category(rule.category).label}."
                  for index, rule in enumerate(self.rules, start=1)]
        return {
            "quiz_id": self.id,
            "title": self.title,
            "kind": self.kind,
            "items": [item.to_dict() for item in self.items],
            "counts": counts,
            "safety_trigger_items": triggers,
            "rules": rules,
            "categories": [{"id": category.id, "label": category.label,
                            "safety_first": category.safety_first,
                            "description": list(category.description)}
                           for category in self.categories],
            "steps": steps,
        }

    # -------------------------------------------------------------------------
    # Checks (`python -m quizzes check`)
    # -------------------------------------------------------------------------

    def structure_problems(self) -> list[Problem]:
        """The groups and the rules: known names, every category reachable, every count covered."""
        problems = self.section_problems()
        counts = [group.id for group in self.groups] + [SAFETY_TRIGGERS]
        categories = {category.id for category in self.categories}
        for rule in self.rules:
            if rule.category not in categories:
                problems.append(problem_at(rule, f"the rule picks unknown category {rule.category!r}; "
                                                 f"known categories: {', '.join(sorted(categories))}"))
            for condition in rule.conditions:
                if condition.count not in counts:
                    problems.append(problem_at(rule, f"the rule counts unknown {condition.count!r}; "
                                                     f"known counts: {', '.join(counts)}"))
                if condition.at_least is None and condition.at_most is None:
                    problems.append(problem_at(rule, "each condition needs at_least or at_most"))
        if not self.rules:
            problems.append(problem_at(self, "a checklist needs rules=(Rule(...), ...)"))
        problems += [problem_at(category, f"category {category.id!r}: {flag}=True is for scale quizzes only")
                     for category in self.categories
                     for flag in ("same_answers", "contradictory_answers") if getattr(category, flag)]
        if problems:
            return problems
        used = {rule.category for rule in self.rules}
        problems += [problem_at(category, f"no rule picks category {category.id!r}")
                     for category in self.categories if category.id not in used]
        return problems + self._rules_are_total(counts)

    def valid_answer_sets(self, rng: random.Random, count: int) -> list[tuple[str, dict[str, str]]]:
        """Nothing ticked, everything ticked, each item alone, then `count` random sets."""
        ids = [item.id for item in self.items]
        sets = [("nothing ticked", {}), ("everything ticked", dict.fromkeys(ids, TICKED))]
        sets += [(f"only item {item.number} ticked", {item.id: TICKED}) for item in self.items]
        for _ in range(count):
            answers = {item_id: TICKED for item_id in ids if rng.random() < 0.3}
            sets.append((f"the answer set {json.dumps(answers)}", answers))
        return sets

    def invalid_answer_sets(self) -> list[tuple[str, dict[str, Any]]]:
        """A tick sent as "yes" instead of "on"."""
        first = self.items[0]
        return [(f"'yes' instead of '{TICKED}' for item {first.number}", {first.id: "yes"})]

    def an_answer(self) -> str:
        """A ticked box: "on"."""
        return TICKED

    def _rules_are_total(self, counts: list[str]) -> list[Problem]:
        """Every combination of counts picks a category, and any safety trigger picks safety first.

        A proof over every combination, without visiting them one by one (100 items in 10 groups
        make over 10^10): see `_failing_boxes`. It reports the combination the
        one-by-one walk would meet first (counts in `counts` order, the last changing fastest).
        """
        limits = {group.id: len(self.items_in(group.id)) for group in self.groups}
        limits[SAFETY_TRIGGERS] = sum(1 for item in self.checklist_items if item.triggers_safety)
        if limits[SAFETY_TRIGGERS] and not any(category.safety_first for category in self.categories):
            return [problem_at(self, "some items trigger safety, but no category has safety_first=True")]
        failures = self._failing_boxes(counts, [limits[count] for count in counts])
        first = min(failures, key=lambda failure: _lowest(failure[0]), default=None)
        if first is None:
            return []
        box, rule = first
        values = dict(zip(counts, _lowest(box), strict=True))
        if rule is None:
            return [problem_at(self, f"no rule matches the counts {values}; end with a rule that "
                                     "always matches")]
        return [problem_at(self, f"the counts {values} include a safety answer but pick "
                                 f"{rule.category!r}; put the safety rule first")]

    def _failing_boxes(self, counts: list[str], limits: list[int]) -> Iterator[tuple[Box, Rule | None]]:
        """The combinations of counts that fail, as boxes: with the rule that wrongly takes them
        (a rule whose category is not safety first, while a safety answer is ticked), or with
        None where no rule takes them.

        A rule's conditions bound each count from below and above, so the combinations it
        matches form a box. Going down the rules, the combinations no earlier rule took stay a
        list of disjoint boxes: each rule takes its overlap with each of them (the combinations
        it picks) and leaves the rest, at most two boxes per count it bounds. The work depends
        on the rules, not on how many items a group holds. (No method is fast for every set of
        rules: with one item per group, rules that cover every combination are a tautology in
        disjunctive normal form. Rules that each bound a few counts, as checklists' do, leave
        few boxes.)
        """
        safety = counts.index(SAFETY_TRIGGERS)
        left: list[Box] = [tuple((0, limit) for limit in limits)]
        for rule in self.rules:
            takes_safety = self.category(rule.category).safety_first
            taken = _rule_box(rule, counts, limits)
            still_left = []
            for box in left:
                picked = _overlap(box, taken) if taken else None
                if picked is None:
                    still_left.append(box)
                    continue
                if not takes_safety and picked[safety][1] > 0:
                    yield _with_bounds(picked, safety, max(picked[safety][0], 1), picked[safety][1]), rule
                still_left += _without(box, picked)
            left = still_left
        yield from ((box, None) for box in left)


# A set of combinations of counts: for each count, in the checker's order, its lowest and
# highest value (both included).
Box = tuple[tuple[int, int], ...]


def _rule_box(rule: Rule, counts: list[str], limits: list[int]) -> Box | None:
    """The combinations the rule matches; None when its conditions contradict each other."""
    box = []
    for count, limit in zip(counts, limits, strict=True):
        low, high = 0, limit
        for condition in rule.conditions:
            if condition.count == count:
                low = max(low, condition.at_least if condition.at_least is not None else low)
                high = min(high, condition.at_most if condition.at_most is not None else high)
        if low > high:
            return None
        box.append((low, high))
    return tuple(box)


def _overlap(first: Box, second: Box) -> Box | None:
    bounds = tuple((max(low, other_low), min(high, other_high))
                   for (low, high), (other_low, other_high) in zip(first, second, strict=True))
    return None if any(low > high for low, high in bounds) else bounds


def _without(box: Box, inner: Box) -> list[Box]:
    """`box` less `inner` (a box inside it), as disjoint boxes: for each count in turn, the
    combinations below and above `inner`'s bounds, the counts before it already within them."""
    pieces = []
    for index, ((low, high), (inner_low, inner_high)) in enumerate(zip(box, inner, strict=True)):
        if low < inner_low:
            pieces.append(_with_bounds(box, index, low, inner_low - 1))
        if inner_high < high:
            pieces.append(_with_bounds(box, index, inner_high + 1, high))
        box = _with_bounds(box, index, inner_low, inner_high)
    return pieces


def _with_bounds(box: Box, index: int, low: int, high: int) -> Box:
    return box[:index] + ((low, high),) + box[index + 1:]


def _lowest(box: Box) -> tuple[int, ...]:
    """The box's first combination in the one-by-one order: each count at its lowest."""
    return tuple(low for low, _ in box)


def _rule_sentence(conditions: tuple[Condition, ...], labels: Mapping[str, str]) -> str:
    if not conditions:
        return "Otherwise"
    return "If " + " and ".join(_condition_phrase(condition, labels[condition.count])
                                for condition in conditions)


def _condition_phrase(condition: Condition, label: str) -> str:
    """"3 or more of the signs of concern ticked": "of the" keeps "exactly 1 of the signs" right."""
    low, high = condition.at_least, condition.at_most
    if low is not None and high is not None:
        bound = f"exactly {low}" if low == high else f"{low} to {high}"
    elif low is not None:
        bound = f"{low} or more"
    elif high is not None:
        bound = "none" if high == 0 else f"{high} or fewer"
    else:
        bound = "any number"
    return f"{bound} of the {label.lower()} ticked"
