"""Quizzes for the site, scored in Python in the reader's browser (Pyodide) or on the command line.

    import quizzes
    result = quizzes.get_quiz("attachment-style").score({"anx1": "4", ...})
    result.to_dict()  # plain JSON-able data

Answers are what an HTML form submits: {item id: submitted string}. Answers a form cannot
send raise `AnswerError`. Each quiz is one module in this package that defines its data and
`QUIZ`, a quiz of one kind: `ScaleQuiz(...)` or `ChecklistQuiz(...)` (self-checks about the
reader) or `ChoiceQuiz(...)` (a knowledge check about the guide); the kind scores it.
Standard library only, so it runs unchanged in CPython 3.11 and in Pyodide.
"""

from .core.answers import AnswerError
from .core.checklist import ChecklistQuiz
from .core.choice import ChoiceQuiz
from .core.model import (
    Category,
    ChecklistItem,
    Condition,
    Dimension,
    Group,
    Link,
    Option,
    Question,
    Quiz,
    ResponseScale,
    Result,
    Rule,
    ScaleItem,
)
from .core.registry import all_quizzes, get_quiz, load_quiz_dir, load_quiz_file
from .core.scale import ScaleQuiz

__all__ = [
    "AnswerError",
    "Category",
    "ChecklistItem",
    "ChecklistQuiz",
    "ChoiceQuiz",
    "Condition",
    "Dimension",
    "Group",
    "Link",
    "Option",
    "Question",
    "Quiz",
    "ResponseScale",
    "Result",
    "Rule",
    "ScaleItem",
    "ScaleQuiz",
    "all_quizzes",
    "get_quiz",
    "load_quiz_dir",
    "load_quiz_file",
]
