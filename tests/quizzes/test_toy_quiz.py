"""A third quiz is one file: the toy quiz is loaded, checked and scored by the same machinery."""

from __future__ import annotations

import pytest

import quizzes
from quizzes import AnswerError, Quiz
from quizzes.core.check import check_paths

from .helpers import TOY_DIR, TOY_FILE, run_cli


def test_the_toy_is_one_file_loaded_by_path(toy: Quiz) -> None:
    assert sorted(path.name for path in TOY_DIR.glob("*.py")) == ["toy_rest.py"]
    assert toy.id == "toy-rest" and len(toy.items) == 3
    assert [quiz.id for quiz in quizzes.load_quiz_dir(str(TOY_DIR))] == ["toy-rest"]


def test_the_toy_is_not_one_of_the_package_quizzes() -> None:
    with pytest.raises(KeyError):
        quizzes.get_quiz("toy-rest")


def test_the_toy_passes_the_checker_in_process_and_on_the_command_line() -> None:
    assert check_paths([str(TOY_FILE)])[0] == []
    done = run_cli("check", str(TOY_FILE))
    assert done.returncode == 0 and done.stdout.startswith("OK: 1 quiz checked"), done.stdout


@pytest.mark.parametrize(("answers", "value", "category", "near"), [
    ({"rest1": "5", "rest2": "1", "rest3": "5"}, 5.0, "rested", False),
    ({"rest1": "1", "rest2": "5", "rest3": "1"}, 1.0, "tired", False),
    ({"rest1": "4", "rest2": "3", "rest3": "2"}, 3.0, "in-between", True),  # at the cut: near
    ({"rest1": "3", "rest2": "3", "rest3": "3"}, 3.0, "same", True),     # the same answer throughout
    ({"rest1": "3", "rest2": "3", "rest3": "2"}, 8 / 3, "tired", False),  # 2.67: 0.33 away
    ({"rest1": "3", "rest2": "", "rest3": "4"}, 3.5, "rested", False),   # one skip allowed
])
def test_the_toy_scores_with_its_own_scale_and_cut(toy: Quiz, answers: dict, value: float,
                                                   category: str, near: bool) -> None:
    result = toy.score(answers)
    assert result.complete
    assert result.scores[0].value == pytest.approx(value)
    assert result.scores[0].near_cut is near
    assert result.category is not None and result.category.id == category
    assert result.plot is None  # one dimension: nothing to plot


def test_the_toy_has_its_own_bounds_and_missing_rule(toy: Quiz) -> None:
    assert not toy.score({"rest1": "4"}).complete
    with pytest.raises(AnswerError, match="outside 1\u20135"):
        toy.score({"rest1": "6"})


def test_the_toy_has_a_scoring_key(toy: Quiz) -> None:
    key = toy.scoring_key()
    assert key["reverse_total"] == 6
    assert key["dimensions"] == [{"id": "rest", "label": "Rest", "items": [1, 2, 3],
                                  "reversed_items": [2], "max_missing": 1}]
    assert "6 \u2212 answer" in " ".join(key["steps"])
