"""Fixtures for the quiz engine tests: the two real quizzes and the toy one."""

from __future__ import annotations

import pytest

import quizzes
from quizzes import Quiz

from .helpers import TOY_FILE


@pytest.fixture(scope="session")
def attachment() -> Quiz:
    return quizzes.get_quiz("attachment-style")


@pytest.fixture(scope="session")
def trust() -> Quiz:
    return quizzes.get_quiz("trust-signs")


@pytest.fixture(scope="session")
def toy() -> Quiz:
    return quizzes.load_quiz_file(str(TOY_FILE))


@pytest.fixture(scope="session", params=["attachment", "trust", "toy"])
def any_quiz(request: pytest.FixtureRequest) -> Quiz:
    """Each quiz in turn: the two real ones and the toy."""
    return request.getfixturevalue(request.param)
