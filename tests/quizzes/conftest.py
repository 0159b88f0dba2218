"""Fixtures for the quiz engine tests: the two real quizzes and the toy one."""

from __future__ import annotations

import pytest

import quizzes
from quizzes import ChecklistQuiz, Quiz, ScaleQuiz

from .helpers import TOY_FILE


@pytest.fixture(scope="session")
def attachment() -> ScaleQuiz:
    quiz = quizzes.get_quiz("attachment-style")
    assert isinstance(quiz, ScaleQuiz)
    return quiz


@pytest.fixture(scope="session")
def trust() -> ChecklistQuiz:
    quiz = quizzes.get_quiz("trust-signs")
    assert isinstance(quiz, ChecklistQuiz)
    return quiz


@pytest.fixture(scope="session")
def toy() -> ScaleQuiz:
    quiz = quizzes.load_quiz_file(str(TOY_FILE))
    assert isinstance(quiz, ScaleQuiz)
    return quiz


@pytest.fixture(scope="session", params=["attachment", "trust", "toy"])
def any_quiz(request: pytest.FixtureRequest) -> Quiz:
    """Each quiz in turn: the two real ones and the toy."""
    return request.getfixturevalue(request.param)
