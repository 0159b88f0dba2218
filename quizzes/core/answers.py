"""Reading what an HTML form submitted: {input name (item id): submitted string}.

Strict on purpose: a value must be exactly one of the strings the form can send ("1" … "7"
for a 7-point scale, "on" for a ticked box, one of its options' ids for a question). Numbers,
None, padded or decimal strings are refused with an `AnswerError` that names the items, so a
bug in the page shows up loudly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from .model import Item, Option, Question, Quiz, ResponseScale
from .text import item_name, plural

TICKED = "on"
UNANSWERED = ""


class AnswerError(ValueError):
    """Answers a form could not have sent. The message says what to fix; `item_ids` says where."""

    def __init__(self, message: str, item_ids: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.item_ids = tuple(item_ids)


def read_scale_answers(quiz: Quiz, scale: ResponseScale, answers: object) -> dict[str, int]:
    """The answered items' raw values (before reverse keying); empty strings count as unanswered."""
    submitted = _submitted(quiz, answers)
    options = {str(point): point for point in scale.points}
    values: dict[str, int] = {}
    problems: list[tuple[Item, str]] = []
    for item in quiz.items:
        value = submitted.get(item.id, UNANSWERED)
        if value == UNANSWERED:
            continue
        if value in options:
            values[item.id] = options[value]
        elif re.fullmatch(r"-?[0-9]+", value):
            problems.append((item, f"has an answer outside {scale.min}\u2013{scale.max}"))
        else:
            problems.append((item, f"has an answer that is not one of the options ({value!r})"))
    _raise_if_any(problems, "; please choose one of the options again.")
    return values


def read_checklist_answers(quiz: Quiz, answers: object) -> set[str]:
    """The ids of ticked items. A ticked box sends exactly "on"; an unticked box sends nothing."""
    submitted = _submitted(quiz, answers)
    problems = [(quiz.item(item_id), f"was sent as {value!r} instead of \"{TICKED}\"")
                for item_id, value in submitted.items() if value != TICKED]
    _raise_if_any(sorted(problems, key=lambda problem: problem[0].number),
                  "; please tick or untick it again.")
    return set(submitted)


def read_choice_answers(quiz: Quiz, questions: Sequence[Question], answers: object) -> dict[str, Option]:
    """{question id: the option chosen} for the answered questions; "" or nothing is unanswered."""
    submitted = _submitted(quiz, answers)
    chosen: dict[str, Option] = {}
    problems: list[tuple[Item, str]] = []
    for question in questions:
        value = submitted.get(question.id, UNANSWERED)
        if value == UNANSWERED:
            continue
        try:
            chosen[question.id] = question.option(value)
        except KeyError:
            problems.append((question, f"has an answer that is not one of its options ({value!r})"))
    _raise_if_any(problems, "; please choose one of the options again.")
    return chosen


def _submitted(quiz: Quiz, answers: object) -> dict[str, str]:
    """Check the shape every quiz shares: a mapping of known item ids to strings."""
    if not isinstance(answers, Mapping):
        raise AnswerError(
            "Answers must be a mapping from item id to the submitted text, such as "
            f'{{"{quiz.items[0].id}": "..."}}; got {type(answers).__name__}.'
        )
    known = {item.id for item in quiz.items}
    unknown = [str(key) for key in answers if key not in known or not isinstance(key, str)]
    if unknown:
        raise AnswerError(
            f"The answers name {plural(len(unknown), 'item')} this quiz does not have "
            f"({', '.join(repr(key) for key in unknown)}); please reload the page and try again.",
            unknown,
        )
    wrong_type = [(quiz.item(key), f"has an answer of type {type(value).__name__}, not text")
                  for key, value in answers.items() if not isinstance(value, str)]
    _raise_if_any(sorted(wrong_type, key=lambda problem: problem[0].number),
                  "; please choose one of the options again.")
    return dict(answers)


def _raise_if_any(problems: Iterable[tuple[Item, str]], advice: str) -> None:
    problems = list(problems)
    if problems:
        sentences = [f"{item_name(item, capital=True)} {problem}{advice}" for item, problem in problems]
        raise AnswerError(" ".join(sentences), [item.id for item, _ in problems])

