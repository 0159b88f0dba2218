"""What a quiz is made of: a response scale, items, categories, the Quiz, and its Result.

Items, categories, rules and quizzes remember the file and line that created them, so
`python -m quizzes check` can report problems as ``file:line: message``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Optional, Union

from .safety import SafetyNotice

SCALE = "scale"
CHECKLIST = "checklist"
KINDS = (SCALE, CHECKLIST)

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
        caller = sys._getframe(2)
        object.__setattr__(self, "file", caller.f_code.co_filename)
        object.__setattr__(self, "line", caller.f_lineno)


@dataclass(frozen=True)
class Link:
    """A link into the site, relative to the site root, e.g. ``step-by-step/#step-5``."""

    text: str
    href: str

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

    id: str
    number: int
    text: str
    dimension: str
    reverse: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "number": self.number, "text": self.text,
                "dimension": self.dimension, "reverse": self.reverse}


@dataclass(frozen=True)
class ChecklistItem(Defined):
    """A statement the reader ticks or leaves blank.

    `triggers_safety` items send the reader to the safety-first result whatever else is ticked.
    """

    id: str
    number: int
    text: str
    group: str
    triggers_safety: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "number": self.number, "text": self.text,
                "group": self.group, "triggers_safety": self.triggers_safety}


Item = Union[ScaleItem, ChecklistItem]


@dataclass(frozen=True)
class Category(Defined):
    """A possible summary of a result, with the text and guide links it shows.

    Scale quizzes pick the category whose `when` ({dimension id: "high", "low" or "near"})
    matches where the scores sit; a category with `same_answers=True` instead covers a reader
    who gave every statement the same answer. Checklist quizzes pick a category through the
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
    short_label: str = ""  # for tight places such as a plot's quadrant; defaults to `label`

    @property
    def plot_label(self) -> str:
        return self.short_label or self.label

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
    at_least: Optional[int] = None
    at_most: Optional[int] = None

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
class Plot:
    """Where the result sits on a 2-D chart of two dimensions."""

    x: float
    y: float
    x_label: str
    y_label: str
    min: int
    max: int
    cut: float
    quadrants: tuple[tuple[str, str, str], ...] = ()  # (label, x level, y level) per corner

    def to_dict(self) -> dict[str, Any]:
        return {"x": _round(self.x), "y": _round(self.y), "x_label": self.x_label,
                "y_label": self.y_label, "min": self.min, "max": self.max, "cut": self.cut,
                "quadrants": [{"label": label, "x": x, "y": y} for label, x, y in self.quadrants]}


@dataclass(frozen=True)
class Result:
    """A scored quiz. Render `to_dict()` in this order: `safety` (when present) first, then
    `headline`, `paragraphs` (a scale result's paragraphs start with its scores), `links`, `note`.

    `category` is the summary picked; a scale result whose scores sit between styles has none
    and names its neighbouring styles in `between` instead.
    """

    quiz_id: str
    kind: str
    complete: bool
    headline: str
    paragraphs: tuple[str, ...]
    missing: tuple[ItemRef, ...] = ()
    category: Optional[Category] = None
    between: tuple[Category, ...] = ()
    scores: tuple[Score, ...] = ()
    counts: Mapping[str, int] = field(default_factory=dict)
    safety: Optional[SafetyNotice] = None
    links: tuple[Link, ...] = ()
    note: str = ""
    plot: Optional[Plot] = None

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
        }


@dataclass(frozen=True)
class Quiz(Defined):
    """One quiz, declared in one module next to its `score` function (passed as `scorer`).

    Scale quizzes use `scale`, `dimensions`, `cut`, `near_cut`, `max_missing` and `plot`
    (x and y dimension ids); checklist quizzes use `groups` and `rules`.
    """

    id: str
    title: str
    intro: tuple[str, ...]
    instructions: str
    kind: str
    items: tuple[Item, ...]
    categories: tuple[Category, ...]
    scorer: Callable[[Mapping[str, str]], Result] = field(repr=False, compare=False)
    note: str = ""
    scale: Optional[ResponseScale] = None
    dimensions: tuple[Dimension, ...] = ()
    cut: Optional[float] = None
    near_cut: float = 0.5
    max_missing: int = 1
    plot: Optional[tuple[str, str]] = None
    groups: tuple[Group, ...] = ()
    rules: tuple[Rule, ...] = ()

    def score(self, answers: Mapping[str, str]) -> Result:
        """Score the answers a form submitted: {item id: submitted string}."""
        return self.scorer(answers)

    def scoring_key(self) -> dict[str, Any]:
        """How to score this quiz by hand, as plain sentences plus structured fields."""
        # Imported here because the scoring modules import this one.
        from . import checklist, scale

        if self.kind == SCALE:
            return scale.scoring_key(self)
        if self.kind == CHECKLIST:
            return checklist.scoring_key(self)
        raise ValueError(f"Unknown quiz kind {self.kind!r} in quiz {self.id!r}")

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"Quiz {self.id!r} has no item {item_id!r}")

    def items_in(self, key: str) -> tuple[Item, ...]:
        """The items of one dimension (scale quiz) or group (checklist), in display order."""
        return tuple(item for item in self.items if _section(item) == key)

    def category(self, category_id: str) -> Category:
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(f"Quiz {self.id!r} has no category {category_id!r}")

    def to_dict(self) -> dict[str, Any]:
        """What a page needs to render the form."""
        sections = self.dimensions if self.kind == SCALE else self.groups
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "intro": list(self.intro),
            "instructions": self.instructions,
            "scale": self.scale.to_dict() if self.scale else None,
            "sections": [{"id": section.id, "label": section.label} for section in sections],
            "items": [item.to_dict() for item in self.items],
            "note": self.note,
        }


def _section(item: Item) -> str:
    return item.dimension if isinstance(item, ScaleItem) else item.group
