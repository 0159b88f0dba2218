"""Field types: a quiz module with a wrong type gets `file:line: message` from the checker, never a
traceback, and the line is the one where the module wrote the field.

Each case edits the toy quiz in one place, writes it to a temporary folder and checks it
through `check_paths`, the entry point of `python -m quizzes check PATH`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import pytest

from quizzes import Quiz, Result, ScaleQuiz
from quizzes.core.check import check_paths, check_quiz, check_scoring, check_types
from quizzes.core.fieldtypes import misfits
from quizzes.core.safety import SAFETY_FIRST_NOTICE, Contact

from .helpers import line_of, toy_with

MISSING_COMMA = ("category 'tired': description must be a tuple of paragraphs (a str was given: "
                 "a trailing comma is probably missing after the last paragraph)")


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param('("You may need more rest.",)', '("You may need more rest.")', MISSING_COMMA,
                 id="a description without its trailing comma"),
    pytest.param('title="Toy rest check"', "title=5",
                 "quiz 'toy-rest': title must be a str (an int was given)", id="a number for a title"),
    pytest.param('intro=("A toy quiz used only by the tests.",)', 'intro=["A toy quiz used only by the tests."]',
                 "quiz 'toy-rest': intro must be a tuple of paragraphs (a list was given: write ( ) "
                 "instead of [ ])", id="a list instead of a tuple"),
    pytest.param('title="Toy rest check"', 'title="  "',
                 "quiz 'toy-rest': title is empty or only spaces; write it out", id="an empty title"),
    pytest.param('ScaleItem("rest3", 3, "I get enough sleep.", "rest")', '{"id": "rest3", "number": 3}',
                 "quiz 'toy-rest': items[2] must be a ScaleItem(...) or a ChecklistItem(...) or a Question(...) "
                 "(a dict was given)",
                 id="a dict for an item"),
    pytest.param('"rest2", 2, "I lie awake at night."', '"rest2", 2, ""',
                 "item 'rest2': text is empty or only spaces; write it out", id="an empty item text"),
    pytest.param('Dimension("rest", "Rest")', 'Dimension("rest", "\\t")',
                 "dimension 'rest': label is empty or only spaces; write it out", id="an empty label"),
    pytest.param('"Never", "Rarely"', '"Never", 2',
                 "quiz 'toy-rest': scale.labels[1] must be a str (an int was given)", id="a number for a scale label"),
    pytest.param('reverse=True', 'reverse=1',
                 "item 'rest2': reverse must be True or False (an int was given)", id="1 for True"),
    pytest.param('when={"rest": HIGH}', 'when={"rest": 5}',
                 "category 'rested': when['rest'] must be a str (an int was given)", id="a number in a mapping"),
    pytest.param("cut=3,", 'cut="3",',
                 "quiz 'toy-rest': cut must be a number or None (a str was given)", id="text for a number"),
])
def test_a_wrong_type_is_named_at_the_line_that_wrote_it(tmp_path: Path, old: str, new: str, expected: str) -> None:
    path = toy_with(tmp_path, old, new)
    problems, _ = check_paths([str(path)])
    assert [str(problem) for problem in problems] == [f"{path}:{line_of(path, new)}: {expected}"]


def test_a_wrong_type_in_a_multi_line_call_is_named_at_its_own_line(tmp_path: Path) -> None:
    path = toy_with(tmp_path, 'Category("tired", "Tired", ("You may need more rest.",), when={"rest": LOW}),',
                    'Category(\n        "tired",\n        "Tired",\n        ("You may need more rest."),\n'
                    '        when={"rest": LOW},\n    ),')
    problems, _ = check_paths([str(path)])
    assert [(problem.line, problem.message) for problem in problems] == [
        (line_of(path, '("You may need more rest.")'), MISSING_COMMA)]


def test_every_wrong_type_is_reported_at_once(tmp_path: Path) -> None:
    path = toy_with(tmp_path, 'title="Toy rest check"', "title=None")
    path.write_text(path.read_text().replace('note="A toy."', "note=7"))
    problems, _ = check_paths([str(path)])
    assert [problem.message for problem in problems] == [
        "quiz 'toy-rest': title must be a str (None was given)",
        "quiz 'toy-rest': note must be a str (an int was given)"]


def test_text_that_may_be_left_out_may_be_empty(toy: Quiz) -> None:
    assert toy.note and check_quiz(dataclasses.replace(toy, note="")) == []


def test_the_types_are_checked_before_the_structure_that_relies_on_them(toy: Quiz) -> None:
    # The structure stage would call .strip() on the number and .fullmatch() on the id.
    items = (dataclasses.replace(toy.items[0], id=7, text=8),) + toy.items[1:]
    problems = check_quiz(dataclasses.replace(toy, items=items))
    assert [problem.message for problem in problems] == [
        "item 7: id must be a str (an int was given)", "item 7: text must be a str (an int was given)"]


@pytest.mark.parametrize("quiz_name", ["attachment", "trust", "toy"])
def test_every_field_of_every_kind_is_read_and_fits(quiz_name: str, request: pytest.FixtureRequest) -> None:
    assert check_types(request.getfixturevalue(quiz_name)) == []


class HelpByScriptQuiz(ScaleQuiz):
    """Leads every result with a help notice whose contact runs script."""

    def score(self, answers: Mapping[str, str]) -> Result:
        notice = dataclasses.replace(SAFETY_FIRST_NOTICE, resources=(dataclasses.replace(
            SAFETY_FIRST_NOTICE.resources[0], contacts=(Contact("Call", "javascript:call()"),)),))
        return dataclasses.replace(super().score(answers), safety=notice)


def test_a_result_that_shows_a_bad_help_link_is_caught_at_the_quiz(toy: Quiz) -> None:
    fields = {field.name: getattr(toy, field.name) for field in dataclasses.fields(toy)}
    problems = check_scoring(HelpByScriptQuiz(**fields))
    assert [(problem.line, problem.message.split(" uses ")[0]) for problem in problems] == [
        (toy.line, "score() returned a faulty result for all answers 1: "
                   "result: safety.resources[0].contacts[0].href 'javascript:call()'")]


@dataclasses.dataclass(frozen=True)
class Shape:
    """Annotations no quiz field uses yet, which the walker reads all the same."""

    mode: Literal["open", "closed"]
    size: tuple[int, int]
    label: str | None = None


@dataclasses.dataclass(frozen=True)
class Unreadable:
    tags: set[str]


def test_the_walker_reads_literals_fixed_tuples_and_optional_text() -> None:
    assert misfits(Shape("open", (1, 2))) == misfits(Shape("closed", (1, 2), label="Box")) == []
    assert [misfit.message for misfit in misfits(Shape("ajar", (1, 2, 3), label=" "))] == [
        "shape: mode must be 'open' or 'closed' (a str was given)",
        "shape: size must be a tuple (an int, an int) (a tuple of 3 was given)",
        "shape: label is empty or only spaces; write it out"]


def test_an_annotation_the_walker_cannot_read_is_an_engine_error_not_a_pass() -> None:
    with pytest.raises(TypeError, match="cannot read the annotation"):
        misfits(Unreadable({"x"}))


@dataclasses.dataclass(frozen=True)
class TaggedQuiz(ScaleQuiz):
    tags: set[str] = dataclasses.field(default_factory=set)


def test_a_kind_whose_annotations_cannot_be_read_is_a_problem_not_a_traceback(toy: Quiz) -> None:
    fields = {field.name: getattr(toy, field.name) for field in dataclasses.fields(toy)}
    [problem] = check_quiz(TaggedQuiz(**fields))
    assert (problem.line, problem.message) == (toy.line, "the checker cannot read the field types of TaggedQuiz: "
                                                         "the quiz engine's type check cannot read the annotation "
                                                         "set[str]")
