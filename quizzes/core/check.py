"""Author checks behind `python -m quizzes check`: one `file:line: message` per problem.

A quiz module is checked in stages, each only if the one before passed: its source (syntax,
standard-library-only imports), importing it, its `QUIZ` (a quiz of a known kind), the type of
every field (`fieldtypes`: every later stage may trust them), the quiz's structure (the fields
every kind shares here, then what its kind adds, checked by the kind), and finally `score()`
over a fixed sample of valid and invalid answer sets, whose results must hold the types their
fields declare too (so every link a result shows is one a quiz may show).
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.util
import json
import os
import random
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

from .answers import AnswerError
from .fieldtypes import misfits
from .guide import HELP_NOW, SAFETY_HELP_PAGES
from .model import ITEM_ID, Quiz, Result
from .problem import Problem, problem_at, reused_id, shown
from .registry import KINDS, PACKAGE, kinds_named, load_module_file, quiz_files, quiz_module_names

QUIZ_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Standard-library modules a browser worker cannot run: no threads, processes or sockets.
UNAVAILABLE_IN_PYODIDE = frozenset({
    "_thread", "concurrent", "curses", "multiprocessing", "readline", "socket", "subprocess",
    "threading", "tkinter", "turtle",
})
RANDOM_SETS = 40
SEED = 20240601  # a fixed seed: every run checks the same sample


def check_package() -> tuple[list[Problem], list[Quiz]]:
    """Check every quiz module in the `quizzes` package."""
    results = [_check_module(_origin(name), functools.partial(importlib.import_module, name))
               for name in quiz_module_names()]
    return _combine(results)


def check_paths(paths: Sequence[str]) -> tuple[list[Problem], list[Quiz]]:
    """Check quiz module files, and every `*.py` not starting with "_" in the directories."""
    results: list[tuple[list[Problem], Quiz | None]] = []
    for path in paths:
        if os.path.isdir(path):
            files = quiz_files(path)
            if not files:
                results.append(([Problem(path, 1, "the directory holds no quiz modules")], None))
        elif os.path.isfile(path):
            files = [path]
        else:
            results.append(([Problem(path, 1, "no such file or directory")], None))
            files = []
        results += [_check_module(file, functools.partial(load_module_file, file)) for file in files]
    return _combine(results)


def check_source(path: str) -> list[Problem]:
    """Syntax errors, and imports that are neither standard library nor this package."""
    try:
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        return [Problem(path, 1, f"cannot read the file: {error}")]
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as error:
        return [Problem(path, error.lineno or 1, f"syntax error: {error.msg}")]
    return [problem for node in ast.walk(tree) for problem in _import_problems(node, path)]


def check_module(module: ModuleType, path: str) -> list[Problem]:
    """The module must define `QUIZ` as a quiz of a known kind, e.g. `QUIZ = ScaleQuiz(...)`."""
    quiz = getattr(module, "QUIZ", None)
    if not isinstance(quiz, Quiz):
        return [Problem(path, 1, f"the module defines no module-level QUIZ = {kinds_named()}")]
    # The only place that asks which kind a quiz is: from here on, the quiz's methods answer.
    if not isinstance(quiz, KINDS):
        return [problem_at(quiz, f"QUIZ is a {type(quiz).__name__}, a kind of quiz the engine does "
                                 f"not know; use {kinds_named()}")]
    return []


def check_types(quiz: Quiz) -> list[Problem]:
    """Every field of the quiz and of what it holds (items, categories, rules, links) has the type
    its annotation names, text is not blank, and every link is one a reader may be shown."""
    try:
        found = misfits(quiz)
    except (NameError, TypeError) as error:  # an annotation of a subclass the walker cannot read
        return [problem_at(quiz, f"the checker cannot read the field types of {type(quiz).__name__}: {error}")]
    return [problem_at(misfit.owner, misfit.message, at=misfit.path) for misfit in found]


def check_quiz(quiz: Quiz) -> list[Problem]:
    """The field types first, then the quiz's structure: ids, numbering, categories, then what
    its kind adds (scale, rules…). The structure is checked only once the types are right."""
    problems = check_types(quiz)
    if problems:
        return problems
    if not QUIZ_ID.fullmatch(quiz.id):
        problems.append(problem_at(quiz, f"quiz id {quiz.id!r} should be lowercase words joined by "
                                         "hyphens, like 'trust-signs'"))
    if not quiz.items:
        return problems + [problem_at(quiz, "the quiz has no items")]
    return problems + _check_items(quiz) + _check_categories(quiz) + quiz.structure_problems()


def check_scoring(quiz: Quiz) -> list[Problem]:
    """`score()` must handle every valid answer set and refuse invalid ones with AnswerError."""
    walked: dict[int, Any] = {}  # the results share the quiz's categories: check each once
    for label, answers in valid_answer_sets(quiz):
        try:
            result = quiz.score(answers)
        except AnswerError as error:
            return [_scoring_problem(quiz, error, f"score() refused {label}, which is valid: {error}")]
        except Exception as error:  # bad data or a bug: report it, do not crash the checker
            return [_scoring_problem(quiz, error,
                                     f"score() raised {type(error).__name__}: {error} for {label}")]
        if not isinstance(result, Result) or result.quiz_id != quiz.id:
            return [problem_at(quiz, f"score() must return a Result with quiz_id {quiz.id!r} ({label})")]
        wrong = misfits(result, walked)
        if wrong:
            return [problem_at(quiz, f"score() returned a faulty result for {label}: {wrong[0].message}")]
        try:
            json.dumps(result.to_dict(), sort_keys=True)
        except Exception as error:
            return [problem_at(quiz, f"to_dict() is not JSON-serialisable for {label}: {error}")]
    for label, answers in invalid_answer_sets(quiz):
        try:
            quiz.score(answers)
        except AnswerError:
            continue
        except Exception as error:
            return [_scoring_problem(quiz, error, f"score() raised {type(error).__name__} instead "
                                                  f"of AnswerError for {label}")]
        return [_scoring_problem(quiz, None, f"score() accepted {label}; it must raise AnswerError")]
    return []


def valid_answer_sets(quiz: Quiz) -> list[tuple[str, dict[str, str]]]:
    """A fixed sample of answer sets the quiz's form can send: its kind's edge cases, and random."""
    return quiz.valid_answer_sets(random.Random(SEED), RANDOM_SETS)


def invalid_answer_sets(quiz: Quiz) -> list[tuple[str, Any]]:
    """Answer sets no form can send; `score()` must raise AnswerError for each."""
    first = quiz.items[0]
    unknown = "no-such-item"
    while any(item.id == unknown for item in quiz.items):
        unknown += "-x"
    valid = quiz.an_answer()
    sets: list[tuple[str, Any]] = [
        ("a list instead of a mapping", [valid]),
        (f"an answer for the unknown item {unknown!r}", {unknown: valid}),
        (f"the number 1 instead of text for item {first.number}", {first.id: 1}),
    ]
    return sets + quiz.invalid_answer_sets()


# -----------------------------------------------------------------------------
# Structure checks
# -----------------------------------------------------------------------------

def _check_items(quiz: Quiz) -> list[Problem]:
    item_type = quiz.item_type
    problems = []
    by_id: dict[str, Any] = {}
    by_number: dict[int, Any] = {}
    for position, item in enumerate(quiz.items, start=1):
        if not isinstance(item, item_type):
            problems.append(problem_at(quiz, f"item {position} must be a {item_type.__name__} "
                                             f"in a {quiz.kind} quiz"))
            continue
        if not ITEM_ID.fullmatch(item.id):
            problems.append(problem_at(item, f"item id {item.id!r} cannot be an HTML input name; use "
                                             "letters, digits, '-' or '_', starting with a letter"))
        problems += reused_id(item, by_id, "item")
        if item.number in by_number:
            problems.append(problem_at(item, f"item number {item.number} is already used on line "
                                             f"{by_number[item.number].line}"))
        elif item.number != position:
            problems.append(problem_at(item, f"item {item.id!r} has number {item.number} but is in "
                                             f"position {position}; number items 1 to N in display order"))
        by_number.setdefault(item.number, item)
    return problems


def _check_categories(quiz: Quiz) -> list[Problem]:
    problems = []
    if not quiz.has_categories:
        return [problem_at(quiz, f"a {quiz.kind} quiz has no categories; remove categories=", at=("categories",))
                ] if quiz.categories else []
    seen: dict[str, Any] = {}
    for category in quiz.categories:
        problems += reused_id(category, seen, "category")
        if not category.description:
            problems.append(problem_at(category, f"category {category.id!r} has no description"))
        for link in category.links:  # each a link a quiz may show: check_types saw to that
            if category.safety_first and link.href.partition("#")[0] not in SAFETY_HELP_PAGES:
                problems.append(problem_at(category, f"category {category.id!r} shows safety resources, so it "
                                                     f"may link only to crisis and safety help; remove the link "
                                                     f"to {link.href!r} (use guide.HELP_NOW, {HELP_NOW.href!r})"))
    if not quiz.categories:
        problems.append(problem_at(quiz, "the quiz has no categories"))
    return problems


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

def _check_module(path: str, load: Callable[[], ModuleType]) -> tuple[list[Problem], Quiz | None]:
    problems = check_source(path)
    if problems:
        return problems, None
    try:
        module = load()
    except (Exception, SystemExit) as error:  # any failure at import is the module's problem
        return [Problem(path, _line_in(error, path, 1),
                        f"importing the module failed: {type(error).__name__}: {error}")], None
    problems = check_module(module, path)
    if problems:
        return problems, None
    quiz: Quiz = module.QUIZ
    problems = check_quiz(quiz)
    return (problems or check_scoring(quiz)), quiz


def _combine(results: list[tuple[list[Problem], Quiz | None]]) -> tuple[list[Problem], list[Quiz]]:
    problems = [problem for found, _ in results for problem in found]
    quizzes: list[Quiz] = []
    for _, quiz in results:
        if quiz is None:
            continue
        earlier = [other for other in quizzes if other.id == quiz.id]
        if earlier:
            problems.append(problem_at(quiz, f"quiz id {quiz.id!r} is already used at "
                                             f"{shown(earlier[0].file)}:{earlier[0].line}"))
        quizzes.append(quiz)
    return problems, sorted(quizzes, key=lambda quiz: quiz.id)


def _import_problems(node: ast.AST, path: str) -> list[Problem]:
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom) and node.level == 0:  # relative imports are the package's
        names = [node.module or ""]
    else:
        return []
    problems = []
    for name in names:
        top = name.split(".")[0]
        if top == PACKAGE:
            continue
        if top in UNAVAILABLE_IN_PYODIDE:
            problems.append(Problem(path, node.lineno, f"imports {name!r}, which cannot run in "
                                                       "Pyodide (no threads, processes or sockets)"))
        elif top not in sys.stdlib_module_names:
            problems.append(Problem(path, node.lineno, f"imports {name!r}, which is not in the "
                                                       "standard library; quizzes may use only "
                                                       "the standard library and this package"))
    return problems


def _scoring_problem(quiz: Quiz, error: BaseException | None, message: str) -> Problem:
    """At the line that created the quiz, or at the line of its file that `error` came from."""
    return Problem(quiz.file, _line_in(error, quiz.file, quiz.line) if error else quiz.line, message)


def _line_in(error: BaseException, path: str, default: int) -> int:
    """The line of `path` nearest to where `error` was raised, else `default`."""
    if isinstance(error, SyntaxError) and _same_file(error.filename or "", path):
        return error.lineno or default
    line = default
    for frame, lineno in traceback.walk_tb(error.__traceback__):
        if _same_file(frame.f_code.co_filename, path):
            line = lineno
    return line


def _same_file(first: str, second: str) -> bool:
    return os.path.normcase(os.path.abspath(first)) == os.path.normcase(os.path.abspath(second))


def _origin(module_name: str) -> str:
    spec = importlib.util.find_spec(module_name)
    if spec is None or spec.origin is None:
        raise ImportError(f"cannot find the source of {module_name}")
    return spec.origin
