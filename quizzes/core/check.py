"""Author checks behind `python -m quizzes check`: one `file:line: message` per problem.

A quiz module is checked in stages, each only if the one before passed: its source (syntax,
standard-library-only imports), importing it, its `QUIZ` and `score`, the quiz's structure,
and finally `score()` over a fixed sample of valid and invalid answer sets.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import itertools
import json
import os
import random
import re
import sys
import traceback
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Callable, Sequence

from .answers import TICKED, UNANSWERED, AnswerError
from .checklist import SAFETY_TRIGGERS
from .checklist import pick_category as pick_checklist_category
from .guide import HELP_NOW, SAFETY_HELP_PAGES
from .model import HIGH, KINDS, LOW, NEAR, SCALE, ChecklistItem, Quiz, Result, ScaleItem
from .registry import PACKAGE, load_module_file, quiz_files, quiz_module_names

QUIZ_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ITEM_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")  # safe as an HTML input name and a CSS id
# Standard-library modules a browser worker cannot run: no threads, processes or sockets.
UNAVAILABLE_IN_PYODIDE = frozenset({
    "_thread", "concurrent", "curses", "multiprocessing", "readline", "socket", "subprocess",
    "threading", "tkinter", "turtle",
})
LEVELS = frozenset({HIGH, LOW, NEAR})
RANDOM_SETS = 40
SEED = 20240601  # a fixed seed: every run checks the same sample


@dataclass(frozen=True)
class Problem:
    """One problem, printed as `file:line: message`."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{_shown(self.file)}:{self.line}: {self.message}"


def check_package() -> tuple[list[Problem], list[Quiz]]:
    """Check every quiz module in the `quizzes` package."""
    results = [_check_module(_origin(name), lambda name=name: importlib.import_module(name))
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
        results += [_check_module(file, lambda file=file: load_module_file(file)) for file in files]
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
    """The module must define `QUIZ = Quiz(...)` and `score(answers)`, with QUIZ.scorer = score."""
    quiz = getattr(module, "QUIZ", None)
    score = getattr(module, "score", None)
    problems = []
    if not isinstance(quiz, Quiz):
        problems.append(Problem(path, 1, "the module defines no module-level QUIZ = Quiz(...)"))
    if not callable(score):
        problems.append(Problem(path, 1, "the module defines no module-level score(answers) function"))
    elif isinstance(quiz, Quiz) and quiz.scorer is not score:
        problems.append(Problem(quiz.file, quiz.line,
                                "QUIZ.scorer is not this module's score function; pass scorer=score"))
    return problems


def check_quiz(quiz: Quiz) -> list[Problem]:
    """The quiz's structure: ids, numbering, references, scale, cut, categories and rules."""
    problems = []
    if not QUIZ_ID.fullmatch(quiz.id):
        problems.append(_at(quiz, f"quiz id {quiz.id!r} should be lowercase words joined by "
                                  "hyphens, like 'trust-signs'"))
    if quiz.kind not in KINDS:
        return problems + [_at(quiz, f"unknown kind {quiz.kind!r}; use one of: {', '.join(KINDS)}")]
    if not quiz.items:
        return problems + [_at(quiz, "the quiz has no items")]
    problems += _check_items(quiz) + _check_categories(quiz)
    if quiz.kind == SCALE:
        return problems + _check_scale_parts(quiz)
    return problems + _check_checklist_parts(quiz)


def check_scoring(quiz: Quiz) -> list[Problem]:
    """`score()` must handle every valid answer set and refuse invalid ones with AnswerError."""
    for label, answers in valid_answer_sets(quiz):
        try:
            result = quiz.score(answers)
        except AnswerError as error:
            return [_scorer_problem(quiz, error, f"score() refused {label}, which is valid: {error}")]
        except Exception as error:  # a quiz module's bug: report it, do not crash the checker
            return [_scorer_problem(quiz, error,
                                    f"score() raised {type(error).__name__}: {error} for {label}")]
        if not isinstance(result, Result) or result.quiz_id != quiz.id:
            return [_at(quiz, f"score() must return a Result with quiz_id {quiz.id!r} ({label})")]
        try:
            json.dumps(result.to_dict(), sort_keys=True)
        except Exception as error:
            return [_at(quiz, f"to_dict() is not JSON-serialisable for {label}: {error}")]
    for label, answers in invalid_answer_sets(quiz):
        try:
            quiz.score(answers)
        except AnswerError:
            continue
        except Exception as error:
            return [_scorer_problem(quiz, error, f"score() raised {type(error).__name__} instead "
                                                 f"of AnswerError for {label}")]
        return [_scorer_problem(quiz, None, f"score() accepted {label}; it must raise AnswerError")]
    return []


def valid_answer_sets(quiz: Quiz) -> list[tuple[str, dict[str, str]]]:
    """A fixed sample of answer sets a form can send: the corners, one-missing, and random."""
    ids = [item.id for item in quiz.items]
    rng = random.Random(SEED)
    if quiz.kind == SCALE and quiz.scale is not None:
        points = [str(point) for point in quiz.scale.points]
        low, high = points[0], points[-1]
        sets = [
            (f"all answers {low}", dict.fromkeys(ids, low)),
            (f"all answers {high}", dict.fromkeys(ids, high)),
            ("no answers", {}),
            ("all answers blank", dict.fromkeys(ids, UNANSWERED)),
        ]
        sets += [(f"all answers {high} but item {item.number} skipped",
                  {other: high for other in ids if other != item.id}) for item in quiz.items]
        for _ in range(RANDOM_SETS):
            answers = {}
            for item_id in ids:
                draw = rng.random()
                if draw >= 0.1:
                    answers[item_id] = rng.choice(points) if draw >= 0.15 else UNANSWERED
            sets.append((f"the answer set {json.dumps(answers)}", answers))
        return sets
    sets = [("nothing ticked", {}), ("everything ticked", dict.fromkeys(ids, TICKED))]
    sets += [(f"only item {item.number} ticked", {item.id: TICKED}) for item in quiz.items]
    for _ in range(RANDOM_SETS):
        answers = {item_id: TICKED for item_id in ids if rng.random() < 0.3}
        sets.append((f"the answer set {json.dumps(answers)}", answers))
    return sets


def invalid_answer_sets(quiz: Quiz) -> list[tuple[str, Any]]:
    """Answer sets no form can send; `score()` must raise AnswerError for each."""
    first = quiz.items[0]
    unknown = "no-such-item"
    while any(item.id == unknown for item in quiz.items):
        unknown += "-x"
    valid = str(quiz.scale.min) if quiz.kind == SCALE and quiz.scale else TICKED
    sets: list[tuple[str, Any]] = [
        ("a list instead of a mapping", [valid]),
        (f"an answer for the unknown item {unknown!r}", {unknown: valid}),
        (f"the number 1 instead of text for item {first.number}", {first.id: 1}),
    ]
    if quiz.kind == SCALE and quiz.scale:
        sets += [
            (f"an answer above {quiz.scale.max} for item {first.number}",
             {first.id: str(quiz.scale.max + 1)}),
            (f"the answer 'abc' for item {first.number}", {first.id: "abc"}),
        ]
    else:
        sets.append((f"'yes' instead of '{TICKED}' for item {first.number}", {first.id: "yes"}))
    return sets


# -----------------------------------------------------------------------------
# Structure checks
# -----------------------------------------------------------------------------

def _check_items(quiz: Quiz) -> list[Problem]:
    item_type = ScaleItem if quiz.kind == SCALE else ChecklistItem
    problems = []
    by_id: dict[str, Any] = {}
    by_number: dict[int, Any] = {}
    for position, item in enumerate(quiz.items, start=1):
        if not isinstance(item, item_type):
            problems.append(_at(quiz, f"item {position} must be a {item_type.__name__} "
                                      f"in a {quiz.kind} quiz"))
            continue
        if not ITEM_ID.fullmatch(item.id):
            problems.append(_at(item, f"item id {item.id!r} cannot be an HTML input name; use "
                                      "letters, digits, '-' or '_', starting with a letter"))
        if item.id in by_id:
            problems.append(_at(item, f"item id {item.id!r} is already used on line "
                                      f"{by_id[item.id].line}"))
        if item.number in by_number:
            problems.append(_at(item, f"item number {item.number} is already used on line "
                                      f"{by_number[item.number].line}"))
        elif item.number != position:
            problems.append(_at(item, f"item {item.id!r} has number {item.number} but is in "
                                      f"position {position}; number items 1 to N in display order"))
        if not item.text.strip():
            problems.append(_at(item, f"item {item.id!r} has no text"))
        by_id.setdefault(item.id, item)
        by_number.setdefault(item.number, item)
    return problems


def _check_categories(quiz: Quiz) -> list[Problem]:
    problems = []
    seen: dict[str, Any] = {}
    for category in quiz.categories:
        if category.id in seen:
            problems.append(_at(category, f"category id {category.id!r} is already used on line "
                                          f"{seen[category.id].line}"))
        seen.setdefault(category.id, category)
        if not category.description:
            problems.append(_at(category, f"category {category.id!r} has no description"))
        for link in category.links:
            if link.href.startswith("/") or "://" in link.href:
                problems.append(_at(category, f"link {link.href!r} must be relative to the site "
                                              "root, like 'step-by-step/#step-1'"))
            elif category.safety_first and link.href.partition("#")[0] not in SAFETY_HELP_PAGES:
                problems.append(_at(category, f"category {category.id!r} shows safety resources, so it "
                                              f"may link only to crisis and safety help; remove the link "
                                              f"to {link.href!r} (use guide.HELP_NOW, {HELP_NOW.href!r})"))
    if not quiz.categories:
        problems.append(_at(quiz, "the quiz has no categories"))
    return problems


def _check_scale_parts(quiz: Quiz) -> list[Problem]:
    scale = quiz.scale
    if scale is None:
        return [_at(quiz, "a scale quiz needs scale=ResponseScale(...)")]
    if not scale.min < scale.max:
        return [_at(quiz, f"the scale's min ({scale.min}) must be below its max ({scale.max})")]
    problems = []
    if len(scale.labels) != len(scale.points) or not all(label.strip() for label in scale.labels):
        problems.append(_at(quiz, f"the scale needs a label in words for each of its "
                                  f"{len(scale.points)} points, {scale.min} to {scale.max}"))
    cut = quiz.cut
    if isinstance(cut, bool) or not isinstance(cut, (int, float)) or not scale.min < cut < scale.max:
        problems.append(_at(quiz, f"the cut ({cut!r}) must lie inside the scale, between "
                                  f"{scale.min} and {scale.max}"))
    if not 0 <= quiz.near_cut < scale.max - scale.min:
        problems.append(_at(quiz, f"near_cut ({quiz.near_cut!r}) must be 0 or more and smaller "
                                  "than the scale's range"))
    problems += _check_sections(quiz, quiz.dimensions, "dimension")
    known = [dimension.id for dimension in quiz.dimensions]
    for dimension in quiz.dimensions:
        count = len(quiz.items_in(dimension.id))
        if count <= quiz.max_missing:
            problems.append(_at(dimension, f"dimension {dimension.id!r} has {count} items; it "
                                           f"needs more than max_missing ({quiz.max_missing})"))
    if quiz.max_missing < 0:
        problems.append(_at(quiz, "max_missing must be 0 or more"))
    if quiz.plot is not None and (len(quiz.plot) != 2 or not set(quiz.plot) <= set(known)):
        problems.append(_at(quiz, f"plot {quiz.plot!r} must name two dimensions: {', '.join(known)}"))
    return problems + _check_scale_categories(quiz, known)


def _check_scale_categories(quiz: Quiz, known: list[str]) -> list[Problem]:
    """Every pattern of scores has one result, and readers in the middle are told no style."""
    problems = [_at(category, f"category {category.id!r} needs when={{dimension: 'high', 'low' or "
                              f"'near'}} for exactly the dimensions {', '.join(known)}")
                for category in quiz.categories if not category.same_answers
                and (sorted(category.when) != sorted(known) or not set(category.when.values()) <= LEVELS)]
    problems += [_at(category, f"category {category.id!r} has same_answers=True, so it takes no when=")
                 for category in quiz.categories if category.same_answers and category.when]
    if problems:
        return problems
    same = [category for category in quiz.categories if category.same_answers]
    if len(same) != 1:
        problems.append(_at(quiz, f"{len(same)} categories have same_answers=True; exactly one must, so "
                                  "a reader who gives every statement the same answer is told no style"))
    patterns = [dict(zip(known, combination)) for combination in itertools.product((LOW, HIGH), repeat=len(known))]
    patterns.append(dict.fromkeys(known, NEAR))
    for pattern in patterns:
        matches = [category.id for category in quiz.categories if dict(category.when) == pattern]
        if len(matches) == 1:
            continue
        if all(level == NEAR for level in pattern.values()) and not matches:
            problems.append(_at(quiz, f"no category covers scores near the cut on every dimension "
                                      f"{pattern}: the middle is unhandled. Add a Category with "
                                      f"when={pattern} that names no style"))
        else:
            problems.append(_at(quiz, f"{len(matches)} categories match {pattern}; exactly one must"))
    return problems


def _check_checklist_parts(quiz: Quiz) -> list[Problem]:
    problems = _check_sections(quiz, quiz.groups, "group")
    counts = [group.id for group in quiz.groups] + [SAFETY_TRIGGERS]
    categories = {category.id for category in quiz.categories}
    for rule in quiz.rules:
        if rule.category not in categories:
            problems.append(_at(rule, f"the rule picks unknown category {rule.category!r}; "
                                      f"known categories: {', '.join(sorted(categories))}"))
        for condition in rule.conditions:
            if condition.count not in counts:
                problems.append(_at(rule, f"the rule counts unknown {condition.count!r}; "
                                          f"known counts: {', '.join(counts)}"))
            if condition.at_least is None and condition.at_most is None:
                problems.append(_at(rule, "each condition needs at_least or at_most"))
    if not quiz.rules:
        problems.append(_at(quiz, "a checklist needs rules=(Rule(...), ...)"))
    problems += [_at(category, f"category {category.id!r}: same_answers=True is for scale quizzes only")
                 for category in quiz.categories if category.same_answers]
    if problems:
        return problems
    used = {rule.category for rule in quiz.rules}
    problems += [_at(category, f"no rule picks category {category.id!r}")
                 for category in quiz.categories if category.id not in used]
    return problems + _check_rules_are_total(quiz, counts)


def _check_rules_are_total(quiz: Quiz, counts: list[str]) -> list[Problem]:
    """Every combination of counts picks a category, and any safety trigger picks safety first."""
    limits = {group.id: len(quiz.items_in(group.id)) for group in quiz.groups}
    limits[SAFETY_TRIGGERS] = sum(1 for item in quiz.items if item.triggers_safety)
    if limits[SAFETY_TRIGGERS] and not any(category.safety_first for category in quiz.categories):
        return [_at(quiz, "some items trigger safety, but no category has safety_first=True")]
    for combination in itertools.product(*(range(limits[count] + 1) for count in counts)):
        values = dict(zip(counts, combination))
        try:
            category = pick_checklist_category(quiz, values)
        except LookupError:
            return [_at(quiz, f"no rule matches the counts {values}; end with a rule that "
                              "always matches")]
        if values[SAFETY_TRIGGERS] and not category.safety_first:
            return [_at(quiz, f"the counts {values} include a safety answer but pick "
                              f"{category.id!r}; put the safety rule first")]
    return []


def _check_sections(quiz: Quiz, sections: tuple, kind: str) -> list[Problem]:
    """Dimensions or groups: unique ids, each used by an item, each item's one known."""
    problems = []
    seen: dict[str, Any] = {}
    for section in sections:
        if section.id in seen:
            problems.append(_at(section, f"{kind} id {section.id!r} is already used on line "
                                         f"{seen[section.id].line}"))
        seen.setdefault(section.id, section)
        if not quiz.items_in(section.id):
            problems.append(_at(section, f"{kind} {section.id!r} has no items"))
    if not sections:
        problems.append(_at(quiz, f"the quiz declares no {kind}s"))
    for item in quiz.items:
        section = getattr(item, kind, None)
        if section not in seen:
            problems.append(_at(item, f"item {item.id!r} refers to unknown {kind} {section!r}; "
                                      f"known {kind}s: {', '.join(seen) or 'none'}"))
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
    quiz = module.QUIZ
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
            problems.append(_at(quiz, f"quiz id {quiz.id!r} is already used at "
                                      f"{_shown(earlier[0].file)}:{earlier[0].line}"))
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


def _scorer_problem(quiz: Quiz, error: BaseException | None, message: str) -> Problem:
    code = getattr(quiz.scorer, "__code__", None)
    default = code.co_firstlineno if code else quiz.line
    return Problem(quiz.file, _line_in(error, quiz.file, default) if error else default, message)


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


def _at(defined: Any, message: str) -> Problem:
    return Problem(defined.file, defined.line, message)


def _shown(path: str) -> str:
    """Paths under the current directory are shown relative to it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative
