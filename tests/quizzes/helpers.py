"""Helpers shared by the quiz tests (fixtures live in conftest.py)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st

from quizzes import Quiz, ScaleQuiz
from quizzes.core import cli
from quizzes.core.answers import TICKED, UNANSWERED

ROOT = Path(__file__).resolve().parents[2]
TOY_DIR = ROOT / "tests" / "quizzes" / "toy"
TOY_FILE = TOY_DIR / "toy_rest.py"

# Moderate and without an example database, so the run stays fast and writes nothing.
FAST = settings(max_examples=120, deadline=None, database=None)


def toy_with(folder: Path, old: str, new: str, imports: str = "") -> Path:
    """A copy of the toy quiz module in `folder`, with `old` (found exactly once) replaced by
    `new`, and `imports` added after the toy's own."""
    source = TOY_FILE.read_text(encoding="utf-8")
    assert source.count(old) == 1, f"{old!r} is not in the toy quiz exactly once"
    anchor = "from quizzes.core.scale import ScaleQuiz\n"
    path = folder / "toy_edited.py"
    path.write_text(source.replace(old, new).replace(anchor, anchor + imports), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The number of the one line of `path` that contains `text`."""
    [number] = [number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                if text in line]
    return number


@dataclass(frozen=True)
class CliRun:
    """What one run of the quiz command line printed, and its exit status."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, stdin: str | None = None) -> CliRun:
    """`python -m quizzes ARGS`, run in this process: `quizzes.core.cli.main` with its own
    stdin, stdout and stderr (argparse's exit for bad usage becomes the status).

    One test (test_cli.py) proves `python -m quizzes` itself runs, in a subprocess."""
    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin or "")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = cli.main(list(args))
            except SystemExit as exit_:
                status = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        sys.stdin = saved_stdin
    return CliRun(status, out.getvalue(), err.getvalue())


def run_cli_process(*args: str, stdin: str | None = None,
                    env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m quizzes ARGS` as a subprocess from the project root."""
    return subprocess.run(
        [sys.executable, "-m", "quizzes", *args],
        cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})},
    )


def keyed_answers(quiz: ScaleQuiz, **keyed: Sequence[int | None]) -> dict[str, str]:
    """Form answers that give these keyed values (after reversing), item by item per dimension.

    keyed_answers(quiz, anxiety=[4] * 9, avoidance=[1] * 9); None leaves an item unanswered.
    """
    scale = quiz.scale
    assert scale is not None
    answers = {}
    for dimension, values in keyed.items():
        items = quiz.items_in(dimension)
        assert len(values) == len(items), f"{dimension} has {len(items)} items"
        for item, value in zip(items, values, strict=True):
            if value is not None:
                answers[item.id] = str(scale.reverse(value) if item.reverse else value)
    return answers


def raw_answers(quiz: Quiz, value: int) -> dict[str, str]:
    """Every item answered with the same raw value."""
    return {item.id: str(value) for item in quiz.items}


def all_strings(data: Any) -> list[str]:
    """Every string anywhere in a to_dict() tree."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, Mapping):
        return [text for value in data.values() for text in all_strings(value)]
    if isinstance(data, (list, tuple)):
        return [text for value in data for text in all_strings(value)]
    return []


def valid_answers(quiz: Quiz) -> st.SearchStrategy[dict[str, str]]:
    """Any answer set the quiz's form can send."""
    if isinstance(quiz, ScaleQuiz):
        assert quiz.scale is not None
        options = [UNANSWERED] + [str(point) for point in quiz.scale.points]
        return st.fixed_dictionaries({}, optional={item.id: st.sampled_from(options)
                                                   for item in quiz.items})
    return st.fixed_dictionaries({}, optional={item.id: st.just(TICKED) for item in quiz.items})


def mostly_answered(quiz: Quiz) -> st.SearchStrategy[dict[str, str]]:
    """Valid answer sets with at most 3 items skipped (absent or blank), so most are complete."""
    if not isinstance(quiz, ScaleQuiz):
        return valid_answers(quiz)
    assert quiz.scale is not None
    options = [str(point) for point in quiz.scale.points]
    full = st.fixed_dictionaries({item.id: st.sampled_from(options) for item in quiz.items})
    skipped = st.sets(st.sampled_from([item.id for item in quiz.items]), max_size=3)

    def skip(answers: dict[str, str], skipped_ids: set[str], blank: bool) -> dict[str, str]:
        if blank:
            return {item_id: UNANSWERED if item_id in skipped_ids else value
                    for item_id, value in answers.items()}
        return {item_id: value for item_id, value in answers.items() if item_id not in skipped_ids}

    return st.builds(skip, full, skipped, st.booleans())


def any_valid_answers(quiz: Quiz) -> st.SearchStrategy[dict[str, str]]:
    """Sparse and nearly complete answer sets alike."""
    return st.one_of(valid_answers(quiz), mostly_answered(quiz))
