"""A quiz as a paper form with its scoring key, rendered from the quiz's Python definition.

Not a copy of the web widget's HTML: the template (overrides/pdf/quiz.html) prints the same
definition the widget and `quiz.scoring_key()` come from, laid out for a pen or a PDF reader's
form filling: radio buttons per statement, tick boxes per checklist item, write-in fields for
the scores, then the key, the quiz's note and, where a result can be about safety, the
crisis resources.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizzes.core.links import from_root
from sitegen.contracts import quiz_anchor
from sitegen.pdf.templates import environment
from sitegen.quiz.fence import load_strings
from sitegen.quiz.key import grouped_steps
from sitegen.quiz.source import load_quizzes
from sitegen.quiz.surface import QuizSurface

TEMPLATE = "quiz.html"
ANSWERS_TEMPLATE = "answers.html"


@dataclass(frozen=True)
class PaperQuiz:
    """The rendered form, the question each radio group of it asks (named by field), and for
    a knowledge check its answers, which the PDF prints at its end (empty for other quizzes)."""

    html: str
    radio_groups: dict[str, str] = field(default_factory=dict)
    answers_html: str = ""


@dataclass(frozen=True)
class PlotGuide:
    """A blank chart of the quiz's two scores, for plotting one's own result by hand."""

    x_label: str
    y_label: str
    low: int
    high: int
    cut: float
    quadrants: tuple[tuple[str, str, str], ...]  # (label, x level, y level)
    size: int = 240
    left: int = 46
    top: int = 8

    def x(self, value: float) -> float:
        return round(self.left + (value - self.low) / (self.high - self.low) * self.size, 2)

    def y(self, value: float) -> float:
        return round(self.top + (self.high - value) / (self.high - self.low) * self.size, 2)

    @property
    def ticks(self) -> range:
        return range(self.low, self.high + 1)

    def centre(self, level: str, axis: str) -> float:
        """Middle of the low or high half of an axis, where a corner's label goes."""
        middle = (self.low + self.cut) / 2 if level == "low" else (self.cut + self.high) / 2
        return self.x(middle) if axis == "x" else self.y(middle)

    @property
    def description(self) -> str:
        corners = "; ".join(f"{label} ({self.y_label.lower()} {y}, {self.x_label.lower()} {x})"
                            for label, x, y in self.quadrants)
        return (f"A blank chart to mark your scores by hand. Across: your {self.x_label.lower()} score from "
                f"{self.low} to {self.high}. Up: your {self.y_label.lower()} score from {self.low} to {self.high}. "
                f"Lines at {self.cut:g} divide it into four corners: {corners}.")


class PaperQuizRenderer:
    """Renders quizzes for print with autoescaping: every text a quiz author writes is escaped."""

    def __init__(self, project: Path, overrides: Path) -> None:
        self._quizzes = load_quizzes(project)  # checked, as in the site build
        self._strings = load_strings(overrides)
        self._safety = importlib.import_module("quizzes.core.safety")
        self._env = environment(overrides)

    @property
    def known(self) -> set[str]:
        return set(self._quizzes)

    def render(self, quiz_id: str, root: str) -> PaperQuiz:
        """The paper form of one quiz; `root` is the page's relative path to the site root ("../")."""
        quiz = self._quizzes[quiz_id]
        form = quiz.to_dict()
        key = quiz.scoring_key()
        needs_safety = any(category.safety_first for category in quiz.categories)
        answers = [_answer(entry, root) for entry in key.get("answers", [])]
        answers_anchor = f"{quiz_anchor(quiz.id)}-answers" if answers else ""
        html = self._env.get_template(TEMPLATE).render(
            quiz=form,
            key=key,
            teaches=quiz.teaches,
            answers_anchor=answers_anchor,
            steps=grouped_steps(key["steps"]),
            categories=[_category(quiz, entry, root) for entry in key["categories"]],
            worksheet=_worksheet(quiz.id, key),
            plot=_plot(quiz),
            field_prefix=quiz.id,
            strings=self._strings,
            safety_message=self._safety.SAFETY_FIRST_NOTICE.message if needs_safety else "",
            resources=[resource.to_dict() for resource in self._safety.ALL_RESOURCES] if needs_safety else [],
        )
        groups = {f"{quiz.id}-{item['id']}": f"{item['number']}. {item['text']}"
                  for item in form["items"]} if quiz.items_are_radio_groups else {}
        answers_html = self._env.get_template(ANSWERS_TEMPLATE).render(
            quiz=form, answers=answers, strings=self._strings) if answers else ""
        return PaperQuiz(html=html, radio_groups=groups, answers_html=answers_html)


def _answer(entry: dict[str, Any], root: str) -> dict[str, Any]:
    """A knowledge check's answer from its key, its guide link made page-relative."""
    return {**entry, "link": {**entry["link"], "href": from_root(entry["link"]["href"], root)}}


def _category(quiz: QuizSurface, entry: dict[str, Any], root: str) -> dict[str, Any]:
    """A key category with the guide sections its result links to (made page-relative)."""
    links = [{"text": link.text, "href": from_root(link.href, root)} for link in quiz.category(entry["id"]).links]
    return {"label": entry["label"], "description": entry["description"], "links": links}


def _worksheet(quiz_id: str, key: dict[str, Any]) -> list[dict[str, str]]:
    """Write-in lines for what the key asks the reader to work out: scores or counts, then the
    result; for a knowledge check, how many best answers were chosen."""
    if key.get("answers"):
        return [{"name": f"{quiz_id}-result", "label": "Best answers chosen",
                 "hint": f"out of {len(key['answers'])} questions"}]
    lines = [{"name": f"{quiz_id}-score-{entry['id']}", "label": f"{entry['label']} score",
              "hint": "items " + ", ".join(map(str, entry["items"]))} for entry in key.get("dimensions", [])]
    lines += [{"name": f"{quiz_id}-count-{entry['id']}", "label": f"{entry['label']}: number ticked",
               "hint": "items " + ", ".join(map(str, entry["items"]))} for entry in key.get("counts", [])]
    lines.append({"name": f"{quiz_id}-result", "label": "Your result", "hint": "from the key below"})
    return lines


def _plot(quiz: QuizSurface) -> PlotGuide | None:
    axes = quiz.plot_axes()  # None for a quiz whose result has no chart
    if axes is None:
        return None
    return PlotGuide(x_label=axes.x_label, y_label=axes.y_label, low=axes.min, high=axes.max,
                     cut=axes.cut, quadrants=axes.quadrants)
