"""The checklist's proof that its rules pick exactly one category for every combination of counts,
and safety first for any safety answer: the same verdict as trying every combination, without
trying them one by one."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes import ChecklistQuiz, Condition, Rule
from quizzes.core.check import check_quiz
from quizzes.core.checklist import SAFETY_TRIGGERS
from quizzes.core.model import Category, ChecklistItem, Group
from quizzes.core.problem import Problem, problem_at

from .helpers import FAST

SAFE = "safe"  # the safety-first category of the generated checklists
# More than the exhaustive walk needs for a small checklist, far fewer than for a 100-item one.
CONDITIONS_BUDGET = 10_000


def exhaustive(quiz: ChecklistQuiz) -> list[Problem]:
    """The check as it used to be: every combination of counts, one by one, in order."""
    counts = [group.id for group in quiz.groups] + [SAFETY_TRIGGERS]
    limits = {group.id: len(quiz.items_in(group.id)) for group in quiz.groups}
    limits[SAFETY_TRIGGERS] = sum(1 for item in quiz.items if item.triggers_safety)
    if limits[SAFETY_TRIGGERS] and not any(category.safety_first for category in quiz.categories):
        return [problem_at(quiz, "some items trigger safety, but no category has safety_first=True")]
    for combination in itertools.product(*(range(limits[count] + 1) for count in counts)):
        values = dict(zip(counts, combination, strict=True))
        try:
            category = quiz.pick_category(values)
        except LookupError:
            return [problem_at(quiz, f"no rule matches the counts {values}; end with a rule that "
                                     "always matches")]
        if values[SAFETY_TRIGGERS] and not category.safety_first:
            return [problem_at(quiz, f"the counts {values} include a safety answer but pick "
                                     f"{category.id!r}; put the safety rule first")]
    return []


def checklist(group_sizes: list[int], safety_items: set[int], rules: tuple[Rule, ...]) -> ChecklistQuiz:
    """A checklist of groups g0, g1… of these sizes, its items numbered across them; the items
    numbered in `safety_items` trigger safety. Its categories are those the rules pick."""
    items = []
    for group, size in enumerate(group_sizes):
        for _ in range(size):
            number = len(items) + 1
            items.append(ChecklistItem(f"i{number}", number, f"Statement {number}.", f"g{group}",
                                       triggers_safety=number in safety_items))
    picked = dict.fromkeys(rule.category for rule in rules)
    return ChecklistQuiz(
        id="generated", title="Generated", intro=("A checklist made by a test.",),
        instructions="Tick what is true.", items=tuple(items),
        categories=tuple(Category(category, category.title(), (f"The {category} result.",),
                                  safety_first=category == SAFE) for category in picked),
        groups=tuple(Group(f"g{group}", f"Group {group}") for group in range(len(group_sizes))),
        rules=rules,
    )


@st.composite
def small_checklists(draw: Any) -> ChecklistQuiz:
    """Up to 3 groups of up to 3 items, and up to 5 rules of up to 3 conditions each."""
    sizes = draw(st.lists(st.integers(1, 3), min_size=1, max_size=3))
    safety_items = draw(st.sets(st.integers(1, sum(sizes)), max_size=2))
    counts = [f"g{group}" for group in range(len(sizes))] + [SAFETY_TRIGGERS]
    bound = st.none() | st.integers(0, 4)
    condition = st.builds(Condition, st.sampled_from(counts), bound, bound).filter(
        lambda condition: condition.at_least is not None or condition.at_most is not None)
    rule = st.builds(Rule, st.sampled_from([SAFE, "plain", "other"]),
                     st.lists(condition, max_size=3).map(tuple))
    return checklist(sizes, safety_items, tuple(draw(st.lists(rule, min_size=1, max_size=5))))


@FAST
@given(quiz=small_checklists())
def test_the_proof_gives_the_verdict_and_the_counts_of_trying_every_combination(quiz: ChecklistQuiz) -> None:
    assert [(problem.line, problem.message) for problem in quiz.structure_problems()] == \
        [(problem.line, problem.message) for problem in exhaustive(quiz)]


@pytest.mark.parametrize(("rules", "expected"), [
    pytest.param((Rule(SAFE, (Condition(SAFETY_TRIGGERS, at_least=1),)), Rule("plain")), "",
                 id="total and safe"),
    pytest.param((Rule("plain", (Condition("g0", at_most=1),)), Rule(SAFE)),
                 "the counts {'g0': 0, 'g1': 0, 'safety_triggers': 1} include a safety answer but pick "
                 "'plain'; put the safety rule first", id="safety second"),
    pytest.param((Rule(SAFE, (Condition(SAFETY_TRIGGERS, at_least=1),)),
                  Rule("plain", (Condition("g0", at_most=1),)),
                  Rule("other", (Condition("g1", at_least=1),))),
                 "no rule matches the counts {'g0': 2, 'g1': 0, 'safety_triggers': 0}; end with a rule "
                 "that always matches", id="a gap"),
])
def test_the_first_failing_combination_is_named(rules: tuple[Rule, ...], expected: str) -> None:
    quiz = checklist([2, 2], {4}, rules)
    assert [problem.message for problem in quiz.structure_problems()] == ([expected] if expected else [])
    assert quiz.structure_problems() == exhaustive(quiz)


def hundred_item_checklist(catch_all: bool) -> ChecklistQuiz:
    """10 groups of 10 items, the last group about safety; rules that each weigh two groups
    against each other, and, when `catch_all`, one last rule that always matches."""
    groups = 10
    rules = [Rule(SAFE, (Condition(SAFETY_TRIGGERS, at_least=1),))]
    rules += [Rule(f"leaning-{group}", (Condition(f"g{group}", at_least=3), Condition(f"g{group + 1}", at_most=2)))
              for group in range(groups - 2)]
    rules.append(Rule("quiet", (Condition("g0", at_most=0), Condition("g1", at_most=0))))
    if catch_all:
        rules.append(Rule("mixed"))
    safety_items = set(range(91, 101))
    return checklist([10] * groups, safety_items, tuple(rules))


@pytest.fixture
def conditions_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail at once if a check tests conditions combination by combination: 11^11 of them here."""
    tested = 0
    holds = Condition.holds

    def counted(condition: Condition, counts: Any) -> bool:
        nonlocal tested
        tested += 1
        if tested > CONDITIONS_BUDGET:
            pytest.fail(f"the check tested more than {CONDITIONS_BUDGET} conditions one by one")
        return holds(condition, counts)

    monkeypatch.setattr(Condition, "holds", counted)


@pytest.mark.usefixtures("conditions_budget")
def test_a_100_item_checklist_is_checked_without_trying_each_combination() -> None:
    assert check_quiz(hundred_item_checklist(catch_all=True)) == []
    [problem] = check_quiz(hundred_item_checklist(catch_all=False))
    quiet_breaks = {f"g{group}": 0 for group in range(10)} | {"g1": 1, SAFETY_TRIGGERS: 0}
    assert problem.message == (f"no rule matches the counts {quiet_breaks}; end with a rule that "
                               "always matches")
