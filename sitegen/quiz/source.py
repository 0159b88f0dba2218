"""The quizzes of `quizzes/`, imported afresh and checked at the start of every build."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from sitegen.errors import BuildInputError
from sitegen.quiz.surface import QuizSurface


def load_quizzes(project: Path) -> dict[str, QuizSurface]:
    """Every quiz by id, after `python -m quizzes check` found no problem.

    Imported afresh each time: `mkdocs serve` keeps one process across rebuilds, and an
    edited quiz module must take effect without a restart.
    """
    if str(project) not in sys.path:
        sys.path.insert(0, str(project))
    for name in [name for name in sys.modules if name == "quizzes" or name.startswith("quizzes.")]:
        del sys.modules[name]
    importlib.invalidate_caches()
    # Run every time, never skipped on a remembered verdict: it takes a tenth of a second,
    # and its verdict depends on more than quizzes/ (the Python running it, its standard library).
    try:
        check = importlib.import_module("quizzes.core.check")
    except Exception as error:  # a broken engine must still fail with a readable message
        raise BuildInputError("quizzes/", f"the quiz package cannot be imported: {error!r}",
                              "run `python -m quizzes check` and fix what it reports") from None
    problems, quizzes = check.check_package()
    if problems:
        raise BuildInputError(
            "quizzes/",
            "the quizzes have problems:\n    " + "\n    ".join(map(str, problems)),
            "fix each file:line above; `python -m quizzes check` repeats this check",
        )
    return {quiz.id: quiz for quiz in quizzes}
