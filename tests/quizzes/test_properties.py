"""Properties over many answer sets, for every quiz: total on valid input, loud on invalid."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes import AnswerError, Quiz, Result, ScaleQuiz

from .helpers import FAST, any_valid_answers

NOT_TEXT = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                     st.lists(st.text(max_size=2), max_size=2))


def valid_values(quiz: Quiz) -> set[str]:
    if isinstance(quiz, ScaleQuiz):
        assert quiz.scale is not None
        return {""} | {str(point) for point in quiz.scale.points}
    return {"on"}


@FAST
@given(data=st.data())
def test_score_never_raises_on_valid_answers_and_round_trips_through_json(
        any_quiz: Quiz, data: st.DataObject) -> None:
    result = any_quiz.score(data.draw(any_valid_answers(any_quiz)))
    assert isinstance(result, Result) and result.quiz_id == any_quiz.id
    as_dict = result.to_dict()
    text = json.dumps(as_dict, sort_keys=True, ensure_ascii=False)
    assert json.loads(text) == as_dict
    assert json.dumps(result.to_dict(), sort_keys=True, ensure_ascii=False) == text  # deterministic


@FAST
@given(data=st.data())
def test_a_bad_value_raises_answer_error_naming_its_item(any_quiz: Quiz, data: st.DataObject) -> None:
    answers = dict(data.draw(any_valid_answers(any_quiz)))
    item = data.draw(st.sampled_from(any_quiz.items))
    allowed = valid_values(any_quiz)
    answers[item.id] = data.draw(st.one_of(NOT_TEXT, st.text(max_size=4).filter(
        lambda value: value not in allowed)))
    with pytest.raises(AnswerError) as caught:
        any_quiz.score(answers)
    assert item.id in caught.value.item_ids
    assert f"Item {item.number} (" in str(caught.value)


@FAST
@given(data=st.data())
def test_an_unknown_item_raises_answer_error_naming_it(any_quiz: Quiz, data: st.DataObject) -> None:
    answers = dict(data.draw(any_valid_answers(any_quiz)))
    known = {item.id for item in any_quiz.items}
    unknown = data.draw(st.text(min_size=1, max_size=8).filter(lambda key: key not in known))
    answers[unknown] = any_quiz.an_answer()
    with pytest.raises(AnswerError) as caught:
        any_quiz.score(answers)
    assert caught.value.item_ids == (unknown,)
    assert repr(unknown) in str(caught.value)


@FAST
@given(answers=st.one_of(NOT_TEXT, st.text(max_size=5), st.tuples(st.text(max_size=3))))
def test_anything_but_a_mapping_raises_answer_error(any_quiz: Quiz, answers: object) -> None:
    with pytest.raises(AnswerError, match="must be a mapping"):
        any_quiz.score(answers)  # not a mapping, on purpose
