"""Finding quizzes: every module directly in the `quizzes` package with a module-level `QUIZ`.

Engine code lives in `quizzes.core` or in modules whose name starts with "_", so it is never
mistaken for a quiz. `load_quiz_file` loads a one-file quiz module from anywhere else.
`KINDS` lists the kinds of quiz the engine knows.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
import re
from types import ModuleType

from .checklist import ChecklistQuiz
from .choice import ChoiceQuiz
from .model import Quiz
from .scale import ScaleQuiz

PACKAGE = __name__.rsplit(".", 2)[0]  # "quizzes"
KINDS: tuple[type[Quiz], ...] = (ScaleQuiz, ChecklistQuiz, ChoiceQuiz)


def kinds_named() -> str:
    """The known kinds as messages name them: "ScaleQuiz(...) or ChecklistQuiz(...) or …"."""
    return " or ".join(f"{kind.__name__}(...)" for kind in KINDS)


def quiz_module_names() -> list[str]:
    """Full names of the modules directly in the package that may hold a quiz."""
    package = importlib.import_module(PACKAGE)
    return sorted(f"{PACKAGE}.{info.name}" for info in pkgutil.iter_modules(package.__path__)
                  if not info.ispkg and not info.name.startswith("_"))


def all_quizzes() -> list[Quiz]:
    """Every quiz in the package, sorted by id."""
    quizzes = [module.QUIZ for module in map(importlib.import_module, quiz_module_names())
               if isinstance(getattr(module, "QUIZ", None), Quiz)]
    return sorted(_unique(quizzes), key=lambda quiz: quiz.id)


def get_quiz(quiz_id: str) -> Quiz:
    """The package's quiz with this id; KeyError listing the known ids otherwise."""
    quizzes = all_quizzes()
    for quiz in quizzes:
        if quiz.id == quiz_id:
            return quiz
    known = ", ".join(quiz.id for quiz in quizzes)
    raise KeyError(f"Unknown quiz {quiz_id!r}; known quizzes: {known}")


def load_module_file(path: str) -> ModuleType:
    """Import a one-file quiz module from a path, outside the package. Errors propagate."""
    stem = re.sub(r"\W", "_", os.path.splitext(os.path.basename(path))[0])
    spec = importlib.util.spec_from_file_location(f"_quiz_file_{stem}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path}: cannot be loaded as a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_quiz_file(path: str) -> Quiz:
    """The `QUIZ` of a one-file quiz module at `path`."""
    quiz = getattr(load_module_file(path), "QUIZ", None)
    if not isinstance(quiz, Quiz):
        raise ValueError(f"{path}: defines no module-level QUIZ = {kinds_named()}")
    return quiz


def quiz_files(directory: str) -> list[str]:
    """The candidate quiz modules in a directory: `*.py` files not starting with "_"."""
    return sorted(os.path.join(directory, name) for name in os.listdir(directory)
                  if name.endswith(".py") and not name.startswith("_"))


def load_quiz_dir(directory: str) -> list[Quiz]:
    """Every quiz in a directory of one-file quiz modules, sorted by id."""
    return sorted(_unique([load_quiz_file(path) for path in quiz_files(directory)]),
                  key=lambda quiz: quiz.id)


def _unique(quizzes: list[Quiz]) -> list[Quiz]:
    seen: dict[str, Quiz] = {}
    for quiz in quizzes:
        if quiz.id in seen:
            raise RuntimeError(f"{quiz.file}:{quiz.line}: quiz id {quiz.id!r} is already used "
                               f"at {seen[quiz.id].file}:{seen[quiz.id].line}")
        seen[quiz.id] = quiz
    return quizzes
