"""What a quiz is made of: a response scale, items, categories, the `Quiz` base, and its Result.

Each kind of quiz is a subclass of `Quiz` in its own module (`scale.ScaleQuiz`,
`checklist.ChecklistQuiz`, `choice.ChoiceQuiz`) that owns its scoring, its paper key and its
own checks. This module knows no kind, so the kinds import it and never the other way round;
it holds every kind's items, so a quiz's `items` field names one type the checker can read.

Items, categories, rules and quizzes remember the file and line that created them, so
`python -m quizzes check` can report problems as ``file:line: message``.
"""

from __future__ import annotations

import random
import re
import sys
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .links import Href
from .problem import Problem, problem_at, reused_id
from .safety import SafetyNotice

# An item's or an option's id: safe as an HTML input name, in an element id and as a CSS id.
ITEM_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")

HIGH = "high"
LOW = "low"
NEAR = "near"  # a score within the near-boundary band, neither clearly high nor clearly low


def _round(value: float) -> float:
    """Round for output so the JSON is the same in CPython and Pyodide."""
    return round(float(value), 2)


@dataclass(frozen=True)
class Defined:
    """Base for objects that remember where a quiz module created them."""

    file: str = field(default="", kw_only=True, compare=False, repr=False)
    line: int = field(default=0, kw_only=True, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.file:  # given explicitly, e.g. by dataclasses.replace()
            return
        # Frames: 0 this method, 1 the dataclass __init__, 2 the code that wrote `Item(...)`.
        # Subclasses (each kind of quiz) keep this depth as long as none defines __post_init__.
        caller = sys._getframe(2)
        object.__setattr__(self, "file", caller.f_code.co_filename)
        object.__setattr__(self, "line", caller.f_lineno)


@dataclass(frozen=True)
class Link:
    """A link a result shows: a page of the site relative to its root, e.g. ``step-by-step/#step-5``
    (`links.Href` says what else a link may be)."""

    text: str
    href: Href

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "href": self.href}


@dataclass(frozen=True)
class ResponseScale:
    """Whole-number answers from `min` to `max`, each point labelled in words."""

    min: int
    max: int
    labels: tuple[str, ...]

    @property
    def points(self) -> range:
        return range(self.min, self.max + 1)

    def label(self, value: int) -> str:
        return self.labels[value - self.min]

    def reverse(self, value: int) -> int:
        """The reverse-keyed value: on a 1–7 scale, 8 − value."""
        return self.min + self.max - value

    def to_dict(self) -> dict[str, Any]:
        return {
            "min": self.min,
            "max": self.max,
            "labels": [{"value": value, "label": self.label(value)} for value in self.points],
        }


@dataclass(frozen=True)
class Dimension(Defined):
    """A score a scale quiz reports, e.g. anxiety."""

    id: str
    label: str


@dataclass(frozen=True)
class Group(Defined):
    """A set of checklist items that are counted together."""

    id: str
    label: str


@dataclass(frozen=True)
class ScaleItem(Defined):
    """A statement rated on the quiz's response scale."""

    noun: ClassVar[str] = "item"  # how messages and results name one

    id: str
    number: int
    text: str
    dimension: str
    reverse: bool = False

    @property
    def section(self) -> str:
        """The dimension this item counts towards."""
        return self.dimension

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "number": self.number, "text": self.text,
                "dimension": self.dimension, "reverse": self.reverse}


@dataclass(frozen=True)
class ChecklistItem(Defined):
    """A statement the reader ticks or leaves blank.

    `triggers_safety` items send the reader to the safety-first result whatever else is ticked.
    """

    noun: ClassVar[str] = "item"

    id: str
    number: int
    text: str
    group: str
    triggers_safety: bool = False

    @property
    def section(self) -> str:
        """The group this item is counted in."""
        return self.group

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "number": self.number, "text": self.text,
                "group": self.group, "triggers_safety": self.triggers_safety}


@dataclass(frozen=True)
class Option(Defined):
    """One answer to a knowledge-check question, with the feedback the reader gets for it.

    Exactly one option of a question is `best`: the answer the guide itself gives.
    """

    id: str
    text: str
    feedback: str
    best: bool = False

    def to_ref(self) -> OptionRef:
        return OptionRef(self.id, self.text, self.feedback)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "feedback": self.feedback, "best": self.best}


@dataclass(frozen=True)
class Question(Defined):
    """A knowledge-check question: 2 to 5 options, one of them best, and the guide section it tests."""

    noun: ClassVar[str] = "question"

    id: str
    number: int
    text: str
    options: tuple[Option, ...]
    link: Link

    @property
    def section(self) -> str:
        """Questions are sorted into no sections: "" for every one."""
        return ""

    @property
    def best(self) -> tuple[Option, ...]:
        """The options marked best: one, once the checker passed."""
        return tuple(option for option in self.options if option.best)

    def option(self, option_id: str) -> Option:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(f"Question {self.id!r} has no option {option_id!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "number": self.number, "text": self.text,
                "options": [option.to_dict() for option in self.options], "link": self.link.to_dict()}


Item = ScaleItem | ChecklistItem | Question
Section = Dimension | Group


@dataclass(frozen=True)
class Category(Defined):
    """A possible summary of a result, with the text and guide links it shows.

    Scale quizzes pick the category whose `when` ({dimension id: "high", "low" or "near"})
    matches where the scores sit; a category with `same_answers=True` instead covers a reader
    who gave every statement the same answer, and one with `contradictory_answers=True` a
    reader who agreed (or disagreed) with most statements and also with their opposites
    (`scale.contradicted_side`). Checklist quizzes pick a category through the
    quiz's ordered `rules`. A `safety_first` category leads with safety resources and may link
    only to crisis and safety help.
    """

    id: str
    label: str
    description: tuple[str, ...]
    links: tuple[Link, ...] = ()
    when: Mapping[str, str] = field(default_factory=dict)
    safety_first: bool = False
    same_answers: bool = False
    contradictory_answers: bool = False
    short_label: str = ""  # for tight places such as a plot's quadrant; defaults to `label`

    @property
    def plot_label(self) -> str:
        return self.short_label or self.label

    @property
    def reads_no_pattern(self) -> bool:
        """True for a category picked because the answers themselves say nothing about a style."""
        return self.same_answers or self.contradictory_answers

    @property
    def names_a_style(self) -> bool:
        """True for a corner of a scale quiz: every score clearly high or low."""
        return bool(self.when) and all(level in (HIGH, LOW) for level in self.when.values())

    def to_ref(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label}


@dataclass(frozen=True)
class Condition:
    """A bound on one count of a checklist, e.g. at least 1 safety trigger ticked."""

    count: str
    at_least: int | None = None
    at_most: int | None = None

    def holds(self, counts: Mapping[str, int]) -> bool:
        value = counts[self.count]
        if self.at_least is not None and value < self.at_least:
            return False
        return self.at_most is None or value <= self.at_most

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "at_least": self.at_least, "at_most": self.at_most}


@dataclass(frozen=True)
class Rule(Defined):
    """Checklist rule: the first rule whose conditions all hold picks `category`."""

    category: str
    conditions: tuple[Condition, ...] = ()

    def matches(self, counts: Mapping[str, int]) -> bool:
        return all(condition.holds(counts) for condition in self.conditions)


@dataclass(frozen=True)
class ItemRef:
    """An item named in a result, e.g. one the reader still needs to answer."""

    id: str
    number: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "number": self.number, "text": self.text}


@dataclass(frozen=True)
class Score:
    """One dimension's score in a result."""

    dimension: str
    label: str
    value: float
    answered: int
    items: int
    level: str
    near_cut: bool

    def to_dict(self) -> dict[str, Any]:
        return {"dimension": self.dimension, "label": self.label, "value": _round(self.value),
                "answered": self.answered, "items": self.items, "level": self.level,
                "near_cut": self.near_cut}


@dataclass(frozen=True)
class PlotAxes:
    """A 2-D chart of two dimensions without a point: what a blank chart on paper shows."""

    x_label: str
    y_label: str
    min: int
    max: int
    cut: float
    quadrants: tuple[tuple[str, str, str], ...] = ()  # (label, x level, y level) per corner

    def to_dict(self) -> dict[str, Any]:
        return {"x_label": self.x_label, "y_label": self.y_label, "min": self.min, "max": self.max, "cut": self.cut,
                "quadrants": [{"label": label, "x": x, "y": y} for label, x, y in self.quadrants]}


@dataclass(frozen=True)
class Plot:
    """Where the result sits on its quiz's chart."""

    x: float
    y: float
    axes: PlotAxes

    def to_dict(self) -> dict[str, Any]:
        return {"x": _round(self.x), "y": _round(self.y), **self.axes.to_dict()}


@dataclass(frozen=True)
class OptionRef:
    """An option named in a result: what it said and its feedback."""

    id: str
    text: str
    feedback: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "feedback": self.feedback}


@dataclass(frozen=True)
class QuestionResult:
    """One knowledge-check question in a result: what the reader chose (None when skipped),
    the guide's best answer, and the section to read."""

    id: str
    number: int
    text: str
    chosen: OptionRef | None
    best: OptionRef
    link: Link

    @property
    def answered(self) -> bool:
        return self.chosen is not None

    @property
    def best_chosen(self) -> bool:
        return self.chosen is not None and self.chosen.id == self.best.id

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "number": self.number, "text": self.text, "answered": self.answered,
                "best_chosen": self.best_chosen, "chosen": self.chosen.to_dict() if self.chosen else None,
                "best": self.best.to_dict(), "link": self.link.to_dict()}


@dataclass(frozen=True)
class Result:
    """A scored quiz. Render `to_dict()` in this order: `headline`, then `safety` (when present),
    `paragraphs` (a scale result's paragraphs start with its scores), `links`, `note`.

    `category` is the summary picked; a scale result whose scores sit between styles has none
    and names its neighbouring styles in `between` instead. A knowledge check's result has no
    category: `questions` lists every question with the reader's answer and its feedback
    (empty for the other kinds).
    """

    quiz_id: str
    kind: str
    complete: bool
    headline: str
    paragraphs: tuple[str, ...]
    missing: tuple[ItemRef, ...] = ()
    category: Category | None = None
    between: tuple[Category, ...] = ()
    scores: tuple[Score, ...] = ()
    counts: Mapping[str, int] = field(default_factory=dict)
    safety: SafetyNotice | None = None
    links: tuple[Link, ...] = ()
    note: str = ""
    plot: Plot | None = None
    questions: tuple[QuestionResult, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data; the same in CPython and Pyodide."""
        category = self.category
        return {
            "quiz_id": self.quiz_id,
            "kind": self.kind,
            "complete": self.complete,
            "headline": self.headline,
            "missing": [item.to_dict() for item in self.missing],
            "category": category.to_ref() if category else None,
            "between": [neighbour.to_ref() for neighbour in self.between],
            "scores": [score.to_dict() for score in self.scores],
            "counts": dict(self.counts),
            "safety": self.safety.to_dict() if self.safety else None,
            "paragraphs": list(self.paragraphs),
            "links": [link.to_dict() for link in self.links],
            "note": self.note,
            "plot": self.plot.to_dict() if self.plot else None,
            "questions": [question.to_dict() for question in self.questions],
        }


@dataclass(frozen=True)
class Quiz(Defined, ABC):
    """What every kind of quiz shares. A quiz module creates one kind: `QUIZ = ScaleQuiz(...)`.

    A kind adds its own fields, reads and scores the answers its form sends, prints its own
    paper key and checks what it adds; `kind` names it in JSON and picks its templates.
    """

    kind: ClassVar[str]  # "scale", "checklist", "choice": in the JSON, and the name of the kind's templates
    item_type: ClassVar[type[ScaleItem] | type[ChecklistItem] | type[Question]]  # what each item must be
    section_noun: ClassVar[str]  # what it sorts its items into: "dimension", "group" (a choice quiz: none)
    items_are_radio_groups: ClassVar[bool]  # True when each item is answered by picking one option
    # True for a knowledge check (it teaches the guide), False for a self-check about the reader:
    # the home page lists the two apart.
    teaches: ClassVar[bool]
    has_categories: ClassVar[bool]  # False for a kind whose results pick no category

    id: str
    title: str
    intro: tuple[str, ...]
    instructions: str
    items: tuple[Item, ...]
    categories: tuple[Category, ...]
    note: str = ""

    @property
    @abstractmethod
    def sections(self) -> tuple[Section, ...]:
        """The dimensions or groups the items are sorted into, in display order."""

    @abstractmethod
    def score(self, answers: Mapping[str, str]) -> Result:
        """Score the answers a form submitted: {item id: submitted string}.

        Raises AnswerError on answers the form cannot send.
        """

    @abstractmethod
    def scoring_key(self) -> dict[str, Any]:
        """How to score this quiz by hand, as plain sentences (`steps`) plus structured fields."""

    @abstractmethod
    def structure_problems(self) -> list[Problem]:
        """Problems with what this kind adds to the shared fields, e.g. its cut or its rules."""

    @abstractmethod
    def valid_answer_sets(self, rng: random.Random, count: int) -> list[tuple[str, dict[str, str]]]:
        """Labelled answer sets the form can send, for the checker: the edge cases, then
        `count` drawn with `rng`."""

    @abstractmethod
    def invalid_answer_sets(self) -> list[tuple[str, dict[str, Any]]]:
        """Labelled answer sets with a value only this kind's form rules out, e.g. "yes" for a
        tick box; the checker adds the mistakes every kind refuses."""

    @abstractmethod
    def an_answer(self) -> str:
        """An answer the form can send for any item, e.g. "1": the checker's stand-in when it
        builds answer sets that are wrong in some other way."""

    def guide_links(self) -> tuple[tuple[Defined, Link], ...]:
        """Every link the quiz shows, each with what it belongs to (for the line that wrote it):
        here the categories'; a kind with links of its own adds them."""
        return tuple((category, link) for category in self.categories for link in category.links)

    def plot_axes(self) -> PlotAxes | None:
        """The chart a result is plotted on, blank; None for a quiz without one."""
        return None

    def safety_result(self) -> Result | None:
        """The result any one safety answer leads to, known before anyone answers, so that a page
        can show it the moment a safety item is ticked; None for a quiz without safety items."""
        return None

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"Quiz {self.id!r} has no item {item_id!r}")

    def items_in(self, key: str) -> tuple[Item, ...]:
        """The items of one dimension (scale quiz) or group (checklist), in display order."""
        return tuple(item for item in self.items if item.section == key)

    def category(self, category_id: str) -> Category:
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(f"Quiz {self.id!r} has no category {category_id!r}")

    def section_problems(self) -> list[Problem]:
        """Dimensions or groups: unique ids, each used by an item, each item's one known."""
        noun = self.section_noun
        problems = []
        seen: dict[str, Section] = {}
        for section in self.sections:
            problems += reused_id(section, seen, noun)
            if not self.items_in(section.id):
                problems.append(problem_at(section, f"{noun} {section.id!r} has no items"))
        if not self.sections:
            problems.append(problem_at(self, f"the quiz declares no {noun}s"))
        for item in self.items:
            # getattr: an item of the wrong type was reported already, and has no such field.
            named = getattr(item, noun, None)
            if named not in seen:
                problems.append(problem_at(item, f"item {item.id!r} refers to unknown {noun} {named!r}; "
                                                 f"known {noun}s: {', '.join(seen) or 'none'}"))
        return problems

    def to_dict(self) -> dict[str, Any]:
        """What a page needs to render the form."""
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "intro": list(self.intro),
            "instructions": self.instructions,
            "scale": None,  # filled in by the kinds answered on a scale
            "sections": [{"id": section.id, "label": section.label} for section in self.sections],
            "items": [item.to_dict() for item in self.items],
            "note": self.note,
        }
