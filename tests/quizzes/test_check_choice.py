"""The author checker on knowledge checks (`ChoiceQuiz`), in process: each rule catches a quiz
that breaks exactly that rule, at the file and line of the offending question or option."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizzes.core.check import check_paths

# A small valid knowledge check, written as an author would. Each broken variant below
# changes one thing.
VALID = '''\
from quizzes.core import guide
from quizzes.core.choice import ChoiceQuiz, Option, Question
from quizzes.core.model import Link

QUIZ = ChoiceQuiz(
    id="toy-check",
    title="Toy check",
    intro=("For learning.",),
    instructions="Choose one answer for each question.",
    items=(
        Question("q1", 1, "What helps?", (
            Option("a", "Small steady actions.", "Yes: they rebuild trust.", best=True),
            Option("b", "One big gesture.", "Small actions work better."),
            Option("c", "Waiting.", "Trust grows through action."),
        ), guide.STEPS[3]),
        Question("q2", 2, "What are boundaries?", (
            Option("a", "Punishments.", "They are not punishments."),
            Option("b", "Agreements.", "Yes: agreements that help.", best=True),
        ), guide.STEPS[4]),
    ),
)
'''

# name: (text to change, its replacement, text of the line the report must point at, a
# fragment of the message)
BROKEN = {
    "no-best-answer": ('"Yes: agreements that help.", best=True', '"Yes: agreements that help."',
                       'Question("q2", 2,', "question 'q2' has no best answer"),
    "two-best-answers": ('"Small actions work better.")', '"Small actions work better.", best=True)',
                         'Option("b", "One big gesture."',
                         "question 'q1' already has a best answer, option 'a' on line 13"),
    "one-option": ('            Option("a", "Punishments.", "They are not punishments."),\n', "",
                   'Question("q2", 2,', "question 'q2' has 1 option; give it 2 to 5"),
    "six-options": ('            Option("c", "Waiting.", "Trust grows through action."),\n',
                    "".join(f'            Option("{letter}", "Waiting {letter}.", "Not quite."),\n'
                            for letter in "cdef"),
                    'Question("q1", 1,', "question 'q1' has 6 options; give it 2 to 5"),
    "empty-feedback": ('"Small actions work better."', '""', '"One big gesture."',
                       "option 'b': feedback is empty or only spaces"),
    "blank-option-text": ('"Waiting."', '"   "', 'Option("c", "   "', "option 'c': text is empty or only spaces"),
    "empty-question-text": ('"What are boundaries?"', '""', 'Question("q2", 2, ""',
                            "question 'q2': text is empty or only spaces"),
    "link-missing": ("        ), guide.STEPS[4]),", "        )),", 'Question("q2", 2,',
                     "missing 1 required positional argument: 'link'"),
    "link-none": ("guide.STEPS[4]", "None", "), None),", "question 'q2': link must be a Link(...) (None was given)"),
    "link-refused": ("guide.STEPS[4]", 'Link("Step 4", "/step-by-step/#step-4")', 'Link("Step 4"',
                     "question 'q2': link.href '/step-by-step/#step-4' must be relative to the site root"),
    "link-script": ("guide.STEPS[4]", 'Link("Step 4", "javascript:alert(1)")', 'Link("Step 4"',
                    "uses javascript:, but a quiz may link only to"),
    "duplicate-question-id": ('Question("q2", 2,', 'Question("q1", 2,', 'Question("q1", 2,',
                              "item id 'q1' is already used on line 12"),
    "duplicate-option-id": ('Option("c", "Waiting."', 'Option("a", "Waiting."', 'Option("a", "Waiting."',
                            "question 'q1': option id 'a' is already used on line 13"),
    "option-id-not-an-html-id": ('Option("c", "Waiting."', 'Option("c d", "Waiting."', 'Option("c d",',
                                 "option id 'c d' cannot be part of an HTML id"),
    "numbers-out-of-order": ('Question("q2", 2,', 'Question("q2", 3,', 'Question("q2", 3,',
                             "item 'q2' has number 3 but is in position 2"),
    "number-repeated": ('Question("q2", 2,', 'Question("q2", 1,', 'Question("q2", 1,',
                        "item number 1 is already used on line 12"),
    "categories-given": ('    instructions="Choose one answer for each question.",\n',
                         '    instructions="Choose one answer for each question.",\n'
                         '    categories=(Category("all", "All", ("All.",)),),\n',
                         "categories=(Category(", "a choice quiz has no categories; remove categories="),
    "an-item-of-another-kind": ('        Question("q2", 2, "What are boundaries?", (',
                                '        ChecklistItem("q3", 2, "Boundaries.", "g"),\n'
                                '        Question("q2", 2, "What are boundaries?", (',
                                "QUIZ = ChoiceQuiz(", "item 2 must be a Question in a choice quiz"),
}
IMPORTS = "from quizzes.core.model import Category, ChecklistItem\n"


def write_quiz(folder: Path, source: str, name: str = "toy_check") -> Path:
    path = folder / f"{name}.py"
    path.write_text(IMPORTS + source, encoding="utf-8")
    return path


def test_the_valid_knowledge_check_passes(tmp_path: Path) -> None:
    problems, quizzes = check_paths([str(write_quiz(tmp_path, VALID))])
    assert problems == []
    assert [quiz.id for quiz in quizzes] == ["toy-check"]


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_each_rule_names_the_offending_line(tmp_path: Path, name: str) -> None:
    old, new, point_at, message = BROKEN[name]
    assert VALID.count(old) == 1, old
    path = write_quiz(tmp_path, VALID.replace(old, new))
    lines = path.read_text(encoding="utf-8").splitlines()
    [line] = [number for number, text in enumerate(lines, start=1) if point_at in text]
    problems, _ = check_paths([str(path)])
    assert problems, f"{name} passed the checker"
    found = [problem for problem in problems if message in problem.message]
    assert found, "\n".join(map(str, problems))
    assert (found[0].file, found[0].line) == (str(path), line), "\n".join(map(str, problems))
