"""What the build reads of a quiz: the one surface `sitegen` may rely on.

The build imports `quizzes/` afresh with importlib on every run (quiz/source.py), so it
cannot name the engine's classes in its own signatures; it names this protocol instead,
and mypy proves below that the engine's `Quiz` provides it. A new use of a quiz in
`sitegen` starts here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from quizzes.core.model import Category, Defined, Link, PlotAxes, Quiz, Result


class QuizSurface(Protocol):
    """A checked quiz as the build uses it: its identity, its form and key, its results' parts."""

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def intro(self) -> tuple[str, ...]: ...

    @property
    def file(self) -> str:
        """The module that defines the quiz (the site stdlib's proof runs it by path)."""
        ...

    @property
    def categories(self) -> tuple[Category, ...]: ...

    @property
    def kind(self) -> str:
        """"scale", "checklist" or "choice": the name of the kind's templates."""
        ...

    @property
    def teaches(self) -> bool:
        """True for a knowledge check, False for a self-check about the reader (the home page
        lists the two apart)."""
        ...

    @property
    def items_are_radio_groups(self) -> bool:
        """True when each item is answered by picking one option (the PDF names its radio groups)."""
        ...

    def category(self, category_id: str) -> Category: ...

    def to_dict(self) -> dict[str, Any]:
        """What a page needs to render the form."""
        ...

    def scoring_key(self) -> dict[str, Any]:
        """The paper key: plain `steps` plus structured fields."""
        ...

    def safety_result(self) -> Result | None:
        """The result any safety answer leads to; None for a quiz without safety items."""
        ...

    def guide_links(self) -> tuple[tuple[Defined, Link], ...]:
        """Every link the quiz shows, each with the category or question that holds it."""
        ...

    def plot_axes(self) -> PlotAxes | None:
        """The blank chart of a result; None for a quiz without one."""
        ...


if TYPE_CHECKING:
    def _every_quiz_offers_the_surface(quiz: Quiz) -> QuizSurface:
        return quiz  # mypy fails here when the engine drops or retypes what the build reads
