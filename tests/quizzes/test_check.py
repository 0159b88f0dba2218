"""The author checker, in process: each rule catches its problem at the right file and line."""

from __future__ import annotations

import dataclasses
import inspect
import types
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import pytest

from quizzes import Category, Condition, Quiz, ResponseScale, Result, Rule, ScaleQuiz, get_quiz
from quizzes.core.check import (
    Problem,
    check_module,
    check_package,
    check_paths,
    check_quiz,
    check_scoring,
    invalid_answer_sets,
    valid_answer_sets,
)

from .helpers import TOY_DIR, TOY_FILE


class LaxScaleQuiz(ScaleQuiz):
    """Scores without reading the answers, so it accepts any answers at all."""

    def score(self, answers: Mapping[str, str]) -> Result:
        return super().score({})


class CrashingScaleQuiz(ScaleQuiz):
    def score(self, answers: Mapping[str, str]) -> Result:
        raise ZeroDivisionError("boom")  # the line the checker must point at


@dataclasses.dataclass(frozen=True)
class SurveyQuiz(Quiz):
    """A kind of quiz the engine does not know, complete enough to be created."""

    kind: ClassVar[str] = "survey"
    sections = ()

    def score(self, answers: Mapping[str, str]) -> Result:
        raise NotImplementedError

    def scoring_key(self) -> dict[str, Any]:
        raise NotImplementedError

    def structure_problems(self) -> list[Problem]:
        return []

    def valid_answer_sets(self, rng: Any, count: int) -> list[tuple[str, dict[str, str]]]:
        return []

    def invalid_answer_sets(self) -> list[tuple[str, dict[str, Any]]]:
        return []

    def an_answer(self) -> str:
        return ""


def messages(problems: list[Problem]) -> str:
    return "\n".join(problem.message for problem in problems)


def recast(quiz: Quiz, kind: type[Quiz], **changes: Any) -> Quiz:
    """The same quiz, made with `kind` (e.g. a subclass of its own kind), with `changes`."""
    fields = {field.name: getattr(quiz, field.name) for field in dataclasses.fields(quiz)}
    return kind(**{**fields, **changes})


def test_the_package_quizzes_pass() -> None:
    problems, quizzes = check_package()
    assert problems == []
    assert [quiz.id for quiz in quizzes] == ["attachment-style", "step-by-step-check", "trust-signs", "what-not-to-do-check"]


def test_the_toy_directory_passes() -> None:
    problems, quizzes = check_paths([str(TOY_DIR)])
    assert problems == [] and [quiz.id for quiz in quizzes] == ["toy-rest"]


def test_the_valid_sample_covers_the_corners_and_is_the_same_every_run(attachment: Quiz) -> None:
    sample = valid_answer_sets(attachment)
    labels = [label for label, _ in sample]
    for wanted in ("all answers 1", "all answers 7", "no answers", "all answers blank",
                   "all answers 7 but item 18 skipped"):
        assert wanted in labels
    assert sum(label.startswith("the answer set") for label in labels) >= 20
    assert sample == valid_answer_sets(attachment)


def test_the_invalid_sample_is_refused_by_the_real_quizzes(attachment: Quiz, trust: Quiz) -> None:
    assert invalid_answer_sets(attachment) and invalid_answer_sets(trust)
    assert check_scoring(attachment) == [] and check_scoring(trust) == []


def test_objects_remember_the_line_that_defined_them(toy: Quiz) -> None:
    lines = TOY_FILE.read_text().splitlines()
    for item in toy.items:
        assert Path(item.file) == TOY_FILE
        assert f'"{item.id}"' in lines[item.line - 1]
    assert Path(toy.file) == TOY_FILE and lines[toy.line - 1].startswith("QUIZ = ScaleQuiz(")


@pytest.mark.parametrize("quiz_id", ["attachment-style", "trust-signs", "what-not-to-do-check"])
def test_each_kind_of_quiz_remembers_the_line_that_created_it(quiz_id: str) -> None:
    quiz = get_quiz(quiz_id)
    lines = Path(quiz.file).read_text(encoding="utf-8").splitlines()
    assert lines[quiz.line - 1].startswith(f"QUIZ = {type(quiz).__name__}(")
    # A knowledge check has no categories: its first question's line instead.
    first = quiz.categories[0] if quiz.categories else quiz.items[0]
    assert lines[first.line - 1].strip().startswith(f"{type(first).__name__}(")


@pytest.mark.parametrize(("change", "expected"), [
    ({"cut": 7}, "must lie inside the scale"),
    ({"cut": 1}, "must lie inside the scale"),
    ({"scale": ResponseScale(1, 7, ("Disagree", "Agree"))}, "a label in words for each of its 7 points"),
    ({"scale": ResponseScale(5, 5, ("Only",))}, "must be below its max"),
    ({"near_cut": -1}, "near_cut"),
    ({"plot": ("anxiety", "calm")}, "must name two dimensions"),
    ({"id": "Attachment Style"}, "lowercase words joined by hyphens"),
])
def test_scale_quiz_settings_are_checked(attachment: Quiz, change: dict, expected: str) -> None:
    problems = check_quiz(dataclasses.replace(attachment, **change))
    assert expected in messages(problems)
    assert all(problem.file == attachment.file for problem in problems)


def test_items_are_checked_at_their_own_line(attachment: Quiz) -> None:
    second = dataclasses.replace(attachment.items[1], id="anx1")
    renumbered = dataclasses.replace(attachment.items[2], number=9)
    unknown = dataclasses.replace(attachment.items[3], dimension="calm")
    items = (attachment.items[0], second, renumbered, unknown) + attachment.items[4:]
    problems = check_quiz(dataclasses.replace(attachment, items=items))
    by_message = {problem.message: problem.line for problem in problems}
    assert by_message["item id 'anx1' is already used on line " + str(attachment.items[0].line)] \
        == attachment.items[1].line
    assert any("item number 9 is already used" in message for message in by_message)
    assert by_message["item 'avo2' refers to unknown dimension 'calm'; known dimensions: "
                      "anxiety, avoidance"] == attachment.items[3].line


def test_item_ids_must_work_as_html_input_names(attachment: Quiz) -> None:
    items = (dataclasses.replace(attachment.items[0], id="anx 1"),) + attachment.items[1:]
    assert "cannot be an HTML input name" in messages(check_quiz(dataclasses.replace(attachment, items=items)))


def test_every_high_low_combination_needs_exactly_one_category(attachment: Quiz) -> None:
    problems = check_quiz(dataclasses.replace(attachment, categories=attachment.categories[:3]))
    assert "0 categories match {'anxiety': 'high', 'avoidance': 'high'}" in messages(problems)


def test_category_links_must_be_relative_to_the_site_root(attachment: Quiz) -> None:
    first = attachment.categories[0]
    bad = dataclasses.replace(first, links=(dataclasses.replace(first.links[0], href="/help-now/"),))
    problems = check_quiz(dataclasses.replace(attachment, categories=(bad,) + attachment.categories[1:]))
    assert "must be relative to the site root" in messages(problems)


def test_the_safety_rule_must_come_first(trust: Quiz) -> None:
    rules = trust.rules[1:] + trust.rules[:1]
    problems = check_quiz(dataclasses.replace(trust, rules=rules))
    assert "put the safety rule first" in messages(problems)


def test_rules_must_cover_every_count(trust: Quiz) -> None:
    problems = check_quiz(dataclasses.replace(trust, rules=trust.rules[:-1]))
    assert "no rule matches the counts" in messages(problems)


def test_rules_may_only_name_known_counts_and_categories(trust: Quiz) -> None:
    bad = Rule("hopeless", (Condition("hope", at_least=1),))
    problems = check_quiz(dataclasses.replace(trust, rules=(bad,) + trust.rules))
    assert "unknown category 'hopeless'" in messages(problems)
    assert "unknown 'hope'" in messages(problems)
    assert problems[0].line == bad.line and problems[0].file == __file__


def test_every_category_must_be_reachable(trust: Quiz) -> None:
    extra = Category("unused", "Unused", ("Never shown.",))
    problems = check_quiz(dataclasses.replace(trust, categories=trust.categories + (extra,)))
    assert [problem.message for problem in problems] == ["no rule picks category 'unused'"]


def test_a_score_that_skips_validation_is_caught(attachment: Quiz) -> None:
    lax = recast(attachment, LaxScaleQuiz)
    problems = check_scoring(lax)
    assert "it must raise AnswerError" in messages(problems)
    assert (problems[0].file, problems[0].line) == (attachment.file, attachment.line)


def test_a_score_that_crashes_is_caught_at_the_crashing_line(attachment: Quiz) -> None:
    problems = check_scoring(recast(attachment, CrashingScaleQuiz, file=__file__))
    assert problems[0].line == CrashingScaleQuiz.score.__code__.co_firstlineno + 1
    assert "score() raised ZeroDivisionError: boom for all answers 1" == problems[0].message


def test_a_result_that_breaks_its_own_types_is_caught_at_the_quiz(attachment: Quiz) -> None:
    # check_scoring alone, without the type stage before it: a label that is not text reaches
    # a result, and the result's types are checked as the quiz's are.
    dimensions = (dataclasses.replace(attachment.dimensions[0], label=5),) + attachment.dimensions[1:]
    problems = check_scoring(dataclasses.replace(attachment, dimensions=dimensions))
    assert [(problem.line, problem.message) for problem in problems] == [
        (attachment.line, "score() returned a faulty result for all answers 1: "
                          "result: scores[0].label must be a str (an int was given)")]


def test_the_module_must_define_a_quiz_of_a_known_kind(trust: Quiz) -> None:
    module = types.ModuleType("survey")
    assert [problem.message for problem in check_module(module, "survey.py")] == [
        "the module defines no module-level QUIZ = ScaleQuiz(...) or ChecklistQuiz(...) "
        "or ChoiceQuiz(...)"]
    module.QUIZ = SurveyQuiz(id="survey", title="Survey", intro=(), instructions="", items=(), categories=())
    created_on = inspect.currentframe().f_lineno - 1  # CPython always has a current frame
    [problem] = check_module(module, "survey.py")
    assert problem.message == ("QUIZ is a SurveyQuiz, a kind of quiz the engine does not know; "
                               "use ScaleQuiz(...) or ChecklistQuiz(...) or ChoiceQuiz(...)")
    assert (problem.file, problem.line) == (__file__, created_on)
    module.QUIZ = trust
    assert check_module(module, "survey.py") == []


def test_each_kind_adds_its_own_answer_sets(attachment: Quiz, trust: Quiz) -> None:
    assert [label for label, _ in invalid_answer_sets(attachment)][-2:] == [
        "an answer above 7 for item 1", "the answer 'abc' for item 1"]
    assert [label for label, _ in invalid_answer_sets(trust)][-1] == "'yes' instead of 'on' for item 1"
    assert ("everything ticked", {item.id: "on" for item in trust.items}) in valid_answer_sets(trust)


def test_missing_paths_are_problems_too(tmp_path: Path) -> None:
    problems, _ = check_paths([str(tmp_path / "nope.py"), str(tmp_path)])
    assert [problem.message for problem in problems] == [
        "no such file or directory", "the directory holds no quiz modules"]


def test_a_safety_result_may_link_only_to_crisis_and_safety_help(trust: Quiz) -> None:
    from quizzes.core import guide

    safety_first = trust.category("safety-first")
    for links in ((guide.HELP_NOW, guide.GETTING_SUPPORT), (guide.STEPS[7],)):
        linked = dataclasses.replace(safety_first, links=links)
        categories = tuple(linked if category is safety_first else category for category in trust.categories)
        problems = check_quiz(dataclasses.replace(trust, categories=categories))
        assert [(problem.line, problem.message.split(";")[0]) for problem in problems] == [
            (safety_first.line, "category 'safety-first' shows safety resources, so it may link only "
                                "to crisis and safety help")]
    help_section = dataclasses.replace(safety_first, links=(guide.Link("Browsing safely", "help-now/#browsing-safely"),))
    categories = tuple(help_section if category is safety_first else category for category in trust.categories)
    assert check_quiz(dataclasses.replace(trust, categories=categories)) == []


def test_scale_categories_must_handle_the_middle_and_the_same_answer(attachment: Quiz) -> None:
    corners = tuple(category for category in attachment.categories if category.names_a_style)
    middle = attachment.category("near-the-middle")
    same = attachment.category("same-answer")
    without_middle = check_quiz(dataclasses.replace(attachment, categories=corners + (same,)))
    assert "the middle is unhandled" in messages(without_middle)
    assert all(problem.line == attachment.line for problem in without_middle)
    without_same = check_quiz(dataclasses.replace(attachment, categories=corners + (middle,)))
    assert "exactly one must, so a reader who gives every statement the same answer" in messages(without_same)
    misplaced = dataclasses.replace(same, when={"anxiety": "near", "avoidance": "near"})
    assert "takes no when=" in messages(check_quiz(dataclasses.replace(
        attachment, categories=corners + (middle, misplaced))))
    unknown_level = dataclasses.replace(middle, when={"anxiety": "middle", "avoidance": "near"})
    assert "'high', 'low' or 'near'" in messages(check_quiz(dataclasses.replace(
        attachment, categories=corners + (unknown_level, same))))
