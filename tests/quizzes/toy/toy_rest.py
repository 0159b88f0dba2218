"""A toy third quiz, to prove that adding a quiz is writing one file like this one.

Three items, one dimension, a 5-point scale and a cut of 3: everything differs from the
real quizzes, so the engine cannot lean on their numbers.
"""

from __future__ import annotations

from quizzes.core.model import HIGH, LOW, NEAR, Category, Dimension, ResponseScale, ScaleItem
from quizzes.core.scale import ScaleQuiz

FIVE_POINTS = ResponseScale(1, 5, ("Never", "Rarely", "Sometimes", "Often", "Always"))

ITEMS = (
    ScaleItem("rest1", 1, "I wake up feeling fresh.", "rest"),
    ScaleItem("rest2", 2, "I lie awake at night.", "rest", reverse=True),
    ScaleItem("rest3", 3, "I get enough sleep.", "rest"),
)

CATEGORIES = (
    Category("tired", "Tired", ("You may need more rest.",), when={"rest": LOW}),
    Category("rested", "Rested", ("You seem to rest well.",), when={"rest": HIGH}),
    Category("in-between", "In between", ("Some nights are better than others.",), when={"rest": NEAR}),
    Category("same", "The same answer", ("Try weighing each statement.",), same_answers=True),
    Category("both-ways", "Both ways", ("Some statements are opposites.",), contradictory_answers=True),
)

QUIZ = ScaleQuiz(
    id="toy-rest",
    title="Toy rest check",
    intro=("A toy quiz used only by the tests.",),
    instructions="Choose how often each statement is true.",
    items=ITEMS,
    categories=CATEGORIES,
    note="A toy.",
    scale=FIVE_POINTS,
    dimensions=(Dimension("rest", "Rest"),),
    cut=3,
    near_cut=0.25,
    max_missing=1,
)
