"""Knowledge checks (`ChoiceQuiz`): questions about the guide, each with one best answer.

Unlike the self-checks, a knowledge check asks nothing about the reader: it teaches. Rules
(also printed by the scoring key):
- each question has 2 to 5 options, exactly one of them `best` (the guide's own answer), and
  feedback for every option that says why it helps or not, with a link to the guide section;
- the result lists every question in order: the option chosen and its feedback, and, when the
  reader chose another, the best answer and its feedback;
- the summary counts the answers that match the guide ("4 of your 5 answers match the guide")
  and never grades: a skipped question is named, not counted against the reader;
- with nothing answered there is no summary yet, only a request for at least one answer.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, cast

from .answers import UNANSWERED, read_choice_answers
from .model import ITEM_ID, Category, Defined, ItemRef, Link, Option, Question, QuestionResult, Quiz, Result, Section
from .problem import Problem, problem_at, reused_id
from .text import item_name, joined, plural

__all__ = ["MAX_OPTIONS", "MIN_OPTIONS", "ChoiceQuiz", "Option", "Question"]

MIN_OPTIONS = 2
MAX_OPTIONS = 5


@dataclass(frozen=True)
class ChoiceQuiz(Quiz):
    """A knowledge check: questions, each answered by picking one option, with feedback for every
    option and a link to the part of the guide the question tests. No categories, no sections."""

    kind: ClassVar[str] = "choice"
    item_type: ClassVar[type[Question]] = Question
    section_noun: ClassVar[str] = "question"
    items_are_radio_groups: ClassVar[bool] = True
    teaches: ClassVar[bool] = True  # a knowledge check: it asks about the guide, not the reader
    has_categories: ClassVar[bool] = False

    categories: tuple[Category, ...] = ()

    @property
    def sections(self) -> tuple[Section, ...]:
        return ()

    @property
    def questions(self) -> tuple[Question, ...]:
        """The items as what they are: the checker refuses any other item type (`item_type`)
        before a quiz is scored."""
        return cast("tuple[Question, ...]", self.items)

    # -------------------------------------------------------------------------
    # Scoring
    # -------------------------------------------------------------------------

    def score(self, answers: Mapping[str, str]) -> Result:
        """Score the answers a form submitted: {question id: option id}; blank or absent
        questions are skipped, never counted against the reader.

        Raises AnswerError on answers the form cannot send.
        """
        chosen = read_choice_answers(self, self.questions, answers)
        questions = tuple(_question_result(question, chosen.get(question.id)) for question in self.questions)
        skipped = tuple(question for question in self.questions if question.id not in chosen)
        best = sum(1 for question in questions if question.best_chosen)
        counts = {"best": best, "answered": len(chosen), "questions": len(self.questions)}
        missing = tuple(ItemRef(question.id, question.number, question.text) for question in skipped)
        if not chosen:
            return Result(
                quiz_id=self.id,
                kind=self.kind,
                complete=False,
                headline="No answers yet",
                paragraphs=("Choose an answer for at least one question, then see what the guide says "
                            "about each answer.",),
                missing=missing,
                counts=counts,
                note=self.note,
                questions=questions,
            )
        paragraphs = [_explained(best, len(chosen))]
        if skipped:
            paragraphs.append(_skipped_sentence(skipped))
        return Result(
            quiz_id=self.id,
            kind=self.kind,
            complete=True,
            headline=_headline(best, len(chosen)),
            paragraphs=tuple(paragraphs),
            missing=missing,
            counts=counts,
            note=self.note,
            questions=questions,
        )

    # -------------------------------------------------------------------------
    # The paper key
    # -------------------------------------------------------------------------

    def scoring_key(self) -> dict[str, Any]:
        """The paper answer key: plain `steps`, then each question's best answer and the feedback
        for every option."""
        steps = [
            "Compare each answer with the guide's best answer in this key, and read the feedback for the answer "
            "you chose: it says why that answer helps or not, in the guide's words.",
            "Count the answers that match the best answer: that many of your answers match the "
            "guide. A question you skipped is not counted either way.",
            "Each question names the part of the guide it comes from: read it again for any answer "
            "that surprised you.",
        ]
        answers = [{
            "number": question.number,
            "text": question.text,
            "best": _best_of(question).to_ref().to_dict(),
            "others": [option.to_ref().to_dict() for option in question.options if not option.best],
            "link": question.link.to_dict(),
        } for question in self.questions]
        return {
            "quiz_id": self.id,
            "title": self.title,
            "kind": self.kind,
            "items": [question.to_dict() for question in self.questions],
            "categories": [],
            "answers": answers,
            "steps": steps,
        }

    # -------------------------------------------------------------------------
    # Checks (`python -m quizzes check`)
    # -------------------------------------------------------------------------

    def guide_links(self) -> tuple[tuple[Defined, Link], ...]:
        """Each question's link to the section it tests."""
        return super().guide_links() + tuple((question, question.link) for question in self.questions)

    def structure_problems(self) -> list[Problem]:
        """Each question: 2 to 5 options with unique ids, exactly one of them best."""
        # An item that is no Question was reported already, and has no options to check.
        return [problem for question in self.items if isinstance(question, Question)
                for problem in _question_problems(question)]

    def valid_answer_sets(self, rng: random.Random, count: int) -> list[tuple[str, dict[str, str]]]:
        """All best answers; every answer another option; no answers; all blank; each question
        skipped in turn; each option chosen alone; then `count` random sets with some skipped."""
        ids = [question.id for question in self.questions]
        best = {question.id: _best_of(question).id for question in self.questions}
        other = {question.id: _another_than_best(question).id for question in self.questions}
        sets = [
            ("all best answers", best),
            ("every answer another option than the best", other),
            ("no answers", {}),
            ("all answers blank", dict.fromkeys(ids, UNANSWERED)),
        ]
        sets += [(f"all best answers but question {question.number} skipped",
                  {key: value for key, value in best.items() if key != question.id})
                 for question in self.questions]
        sets += [(f"only option {option.id!r} of question {question.number} chosen", {question.id: option.id})
                 for question in self.questions for option in question.options]
        for _ in range(count):
            answers = {}
            for question in self.questions:
                draw = rng.random()
                if draw >= 0.15:
                    answers[question.id] = (rng.choice(question.options).id if draw >= 0.25 else UNANSWERED)
            sets.append((f"the answer set {json.dumps(answers)}", answers))
        return sets

    def invalid_answer_sets(self) -> list[tuple[str, dict[str, Any]]]:
        """An option id the first question does not have."""
        first = self.questions[0]
        unknown = "no-such-option"
        while any(option.id == unknown for option in first.options):
            unknown += "-x"
        return [(f"the unknown option {unknown!r} for question {first.number}", {first.id: unknown})]

    def an_answer(self) -> str:
        """The first question's first option: the checker pairs it only with a wrong question
        id or a wrong container, so that it need not fit every question."""
        return self.questions[0].options[0].id


# -----------------------------------------------------------------------------
# Scoring helpers
# -----------------------------------------------------------------------------

def _question_result(question: Question, chosen: Option | None) -> QuestionResult:
    return QuestionResult(question.id, question.number, question.text,
                          chosen.to_ref() if chosen else None, _best_of(question).to_ref(), question.link)


def _headline(best: int, answered: int) -> str:
    """"4 of your 5 answers match the guide.": a count, never a grade."""
    if answered == 1:
        return "Your answer matches the guide." if best else "Your answer and the guide's, side by side"
    if best == answered:
        return f"All {answered} of your answers match the guide."
    if best == 0:
        return "Your answers and the guide's, side by side"
    verb = "matches" if best == 1 else "match"
    return f"{best} of your {answered} answers {verb} the guide."


def _explained(best: int, answered: int) -> str:
    """What to do with the feedback below the summary."""
    if best == answered:
        return ("Below each question is what the guide says about the answer you chose, and the "
                "part of the guide it comes from.")
    return ("Below each question is what the guide says about the answer you chose and, where the "
            "guide suggests another, that answer and why. Each answer here is one many people would "
            "give: the feedback is there to learn from.")


def _skipped_sentence(skipped: Sequence[Question]) -> str:
    """Names the skipped questions; says they are not counted against the reader."""
    if len(skipped) == 1:
        return (f"You skipped {item_name(skipped[0])}. It is not counted: answer it whenever you "
                "like to read the guide's feedback.")
    named = joined([str(question.number) for question in skipped])
    return (f"You skipped questions {named}. They are not counted: answer them whenever you like "
            "to read the guide's feedback.")


def _best_of(question: Question) -> Option:
    """The question's best option (the checker proves there is exactly one)."""
    return question.best[0]


def _another_than_best(question: Question) -> Option:
    return next(option for option in question.options if not option.best)


# -----------------------------------------------------------------------------
# Check helpers
# -----------------------------------------------------------------------------

def _question_problems(question: Question) -> list[Problem]:
    name = f"question {question.id!r}"
    problems = []
    count = len(question.options)
    if not MIN_OPTIONS <= count <= MAX_OPTIONS:
        problems.append(problem_at(question, f"{name} has {plural(count, 'option')}; give it "
                                             f"{MIN_OPTIONS} to {MAX_OPTIONS}"))
    best = question.best
    if not best:
        problems.append(problem_at(question, f"{name} has no best answer; mark the guide's answer "
                                             "best=True"))
    for extra in best[1:]:
        problems.append(problem_at(extra, f"{name} already has a best answer, option {best[0].id!r} on line "
                                          f"{best[0].line}; mark exactly one option best=True"))
    seen: dict[str, Option] = {}
    for option in question.options:
        problems += reused_id(option, seen, f"{name}: option")
        if not ITEM_ID.fullmatch(option.id):  # it is part of the radio's element id
            problems.append(problem_at(option, f"{name}: option id {option.id!r} cannot be part of an HTML "
                                               "id; use letters, digits, '-' or '_', starting with a letter"))
    return problems

