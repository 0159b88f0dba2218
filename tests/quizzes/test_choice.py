"""Knowledge checks (`ChoiceQuiz`): scoring to the contract's JSON, the paper key, the answers a
form can send, and the two checks written for the guide."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quizzes
from quizzes import AnswerError, ChecklistQuiz, ChoiceQuiz, ScaleQuiz
from quizzes.core.answers import UNANSWERED
from quizzes.core.check import valid_answer_sets

from .helpers import FAST, all_strings

CHAPTERS = {"what-not-to-do-check": "what-not-to-do/", "step-by-step-check": "step-by-step/"}
# A knowledge check encourages: it counts answers that match the guide and never grades.
GRADING = re.compile(r"\b(score[sd]?|fail\w*|wrong|correct\w*|incorrect|grade[sd]?|mark[sd]?|pass(ed)?)\b",
                     re.IGNORECASE)


@pytest.fixture(scope="module", params=sorted(CHAPTERS))
def check(request: pytest.FixtureRequest) -> ChoiceQuiz:
    quiz = quizzes.get_quiz(request.param)
    assert isinstance(quiz, ChoiceQuiz)
    return quiz


def best_answers(quiz: ChoiceQuiz) -> dict[str, str]:
    return {question.id: option.id for question in quiz.questions for option in question.options if option.best}


def other_answers(quiz: ChoiceQuiz) -> dict[str, str]:
    return {question.id: next(option.id for option in question.options if not option.best)
            for question in quiz.questions}


def choice_answers(quiz: ChoiceQuiz) -> st.SearchStrategy[dict[str, str]]:
    """Any answer set the form can send: each question absent, blank or one of its options."""
    return st.fixed_dictionaries({}, optional={
        question.id: st.sampled_from([UNANSWERED, *(option.id for option in question.options)])
        for question in quiz.questions})


def test_the_kinds_say_whether_they_teach() -> None:
    assert ChoiceQuiz.teaches is True
    assert ScaleQuiz.teaches is False and ChecklistQuiz.teaches is False
    assert [quiz.id for quiz in quizzes.all_quizzes() if quiz.teaches] == sorted(CHAPTERS)


def test_all_best_answers(check: ChoiceQuiz) -> None:
    result = check.score(best_answers(check)).to_dict()
    count = len(check.questions)
    assert result["complete"] is True and result["kind"] == "choice"
    assert result["headline"] == f"All {count} of your answers match the guide."
    assert result["counts"] == {"best": count, "answered": count, "questions": count}
    assert result["missing"] == [] and result["category"] is None and result["links"] == []
    for question, shown in zip(check.questions, result["questions"], strict=True):
        best = question.best[0]
        assert shown == {"id": question.id, "number": question.number, "text": question.text,
                         "answered": True, "best_chosen": True,
                         "chosen": {"id": best.id, "text": best.text, "feedback": best.feedback},
                         "best": {"id": best.id, "text": best.text, "feedback": best.feedback},
                         "link": {"text": question.link.text, "href": question.link.href}}


def test_every_answer_another_option_shows_it_and_the_best_one_with_their_feedback(check: ChoiceQuiz) -> None:
    answers = other_answers(check)
    result = check.score(answers).to_dict()
    assert result["complete"] is True
    assert result["headline"] == "Your answers and the guide's, side by side"
    assert result["counts"]["best"] == 0
    for question, shown in zip(check.questions, result["questions"], strict=True):
        chosen, best = question.option(answers[question.id]), question.best[0]
        assert shown["best_chosen"] is False and shown["answered"] is True
        assert shown["chosen"] == {"id": chosen.id, "text": chosen.text, "feedback": chosen.feedback}
        assert shown["best"] == {"id": best.id, "text": best.text, "feedback": best.feedback}
    assert "where the guide suggests another, that answer and why" in result["paragraphs"][0]


def test_skipped_questions_are_named_and_not_counted(check: ChoiceQuiz) -> None:
    first, second, *rest = check.questions
    answers = {first.id: first.best[0].id, second.id: other_answers(check)[second.id], rest[0].id: UNANSWERED}
    result = check.score(answers).to_dict()
    assert result["complete"] is True
    assert result["headline"] == "1 of your 2 answers matches the guide."
    assert result["counts"] == {"best": 1, "answered": 2, "questions": len(check.questions)}
    assert result["missing"] == [{"id": question.id, "number": question.number, "text": question.text}
                                 for question in rest]
    numbers = " and ".join([", ".join(str(question.number) for question in rest[:-1]), str(rest[-1].number)])
    assert result["paragraphs"][-1] == (f"You skipped questions {numbers}. They are not counted: answer "
                                        "them whenever you like to read the guide's feedback.")
    assert [question["answered"] for question in result["questions"]] == [True, True] + [False] * len(rest)
    assert all(question["chosen"] is None and question["best_chosen"] is False
               for question in result["questions"][2:])


def test_one_skipped_question_is_named_with_its_text(check: ChoiceQuiz) -> None:
    *answered, last = check.questions
    result = check.score({question.id: question.best[0].id for question in answered}).to_dict()
    assert result["paragraphs"][-1].startswith(f'You skipped question {last.number} ("{last.text}"). '
                                               "It is not counted")
    assert result["headline"] == f"All {len(answered)} of your answers match the guide."


def test_nothing_answered_asks_for_an_answer_and_lists_every_question(check: ChoiceQuiz) -> None:
    for answers in ({}, dict.fromkeys(best_answers(check), UNANSWERED)):
        result = check.score(answers).to_dict()
        assert result["complete"] is False and result["headline"] == "No answers yet"
        assert result["paragraphs"] == ["Choose an answer for at least one question, then see what the "
                                         "guide says about each answer."]
        assert [item["id"] for item in result["missing"]] == [question.id for question in check.questions]
        assert [question["answered"] for question in result["questions"]] == [False] * len(check.questions)
        assert result["counts"] == {"best": 0, "answered": 0, "questions": len(check.questions)}


def test_one_answer_alone_reads_as_one() -> None:
    quiz = quizzes.get_quiz("what-not-to-do-check")
    assert quiz.score({"instant": "gradually"}).headline == "Your answer matches the guide."
    assert quiz.score({"instant": "deadline"}).headline == "Your answer and the guide's, side by side"


@pytest.mark.parametrize(("answers", "named", "message"), [
    ({"instant": "soon"}, ["instant"], "Question 3 (\"How does the guide say trust comes back?\") has an "
                                       "answer that is not one of its options ('soon')"),
    ({"instant": "gradually", "pretending": " resurface"}, ["pretending"], "not one of its options (' resurface')"),
    ({"instant": "survival"}, ["instant"], "not one of its options ('survival')"),  # another question's option
    ({"instant": 1}, ["instant"], "has an answer of type int, not text"),
    ({"nine": "gradually"}, ["nine"], "this quiz does not have ('nine')"),
])
def test_answers_no_form_can_send_raise_answer_error_naming_the_question(
        answers: dict[str, Any], named: list[str], message: str) -> None:
    quiz = quizzes.get_quiz("what-not-to-do-check")
    with pytest.raises(AnswerError) as caught:
        quiz.score(answers)
    assert message in str(caught.value)
    assert list(caught.value.item_ids) == named


def test_every_result_encourages_and_never_grades(check: ChoiceQuiz) -> None:
    texts = [text for _, answers in valid_answer_sets(check)
             for text in all_strings(check.score(answers).to_dict())]
    texts += all_strings(check.to_dict()) + all_strings(check.scoring_key())
    graded = sorted({match.group() for text in texts for match in [GRADING.search(text)] if match})
    assert graded == []


def test_the_result_json_has_the_same_keys_for_every_kind() -> None:
    results = [quiz.score({}).to_dict() for quiz in quizzes.all_quizzes()]
    assert len({tuple(sorted(result)) for result in results}) == 1
    assert all(result["questions"] == [] for result in results if result["kind"] != "choice")


def test_the_form_data_follows_the_contract(check: ChoiceQuiz) -> None:
    data = check.to_dict()
    assert (data["kind"], data["scale"], data["sections"]) == ("choice", None, [])
    for question, item in zip(check.questions, data["items"], strict=True):
        assert sorted(item) == ["id", "link", "number", "options", "text"]
        assert item["link"] == {"text": question.link.text, "href": question.link.href}
        assert [option["id"] for option in item["options"]] == [option.id for option in question.options]
        assert all(sorted(option) == ["best", "feedback", "id", "text"] for option in item["options"])
        assert sum(option["best"] for option in item["options"]) == 1


def test_the_paper_key_gives_each_best_answer_and_every_others_feedback(check: ChoiceQuiz) -> None:
    key = check.scoring_key()
    assert key["categories"] == [] and key["steps"]
    assert key["steps"][0].startswith("Compare each answer with the guide's best answer in this key")
    for question, answer in zip(check.questions, key["answers"], strict=True):
        best = question.best[0]
        assert answer["number"] == question.number and answer["text"] == question.text
        assert answer["best"] == {"id": best.id, "text": best.text, "feedback": best.feedback}
        assert [other["id"] for other in answer["others"]] == [option.id for option in question.options
                                                              if not option.best]
        assert answer["link"] == question.link.to_dict()


@FAST
@given(data=st.data())
def test_any_answers_the_form_can_send_score_and_count_consistently(check: ChoiceQuiz, data: st.DataObject) -> None:
    answers = data.draw(choice_answers(check))
    result = json.loads(json.dumps(check.score(answers).to_dict()))
    answered = {key for key, value in answers.items() if value != UNANSWERED}
    # By hand, from the printed key alone: how many answers are the best one.
    key = check.scoring_key()
    best = {question["id"]: answer["best"]["id"] for question, answer in zip(key["items"], key["answers"],
                                                                             strict=True)}
    by_hand = sum(1 for question_id in answered if answers[question_id] == best[question_id])
    assert result["counts"] == {"best": by_hand, "answered": len(answered), "questions": len(check.questions)}
    assert result["complete"] is bool(answered)
    assert {item["id"] for item in result["missing"]} == {question.id for question in check.questions} - answered
    assert [question["id"] for question in result["questions"]] == [question.id for question in check.questions]


def test_the_checks_are_short_and_each_question_links_its_own_chapter(check: ChoiceQuiz) -> None:
    assert 4 <= len(check.questions) <= 6
    chapter = CHAPTERS[check.id]
    for question in check.questions:
        assert 3 <= len(question.options) <= 4, question.id
        assert question.link.href.startswith(chapter + "#"), question.id
    assert len({question.link for question in check.questions}) == len(check.questions)


def test_the_checks_ask_about_the_guide_not_the_readers_own_relationship(check: ChoiceQuiz) -> None:
    own = re.compile(r"\b(your (relationship|partner)|do you|have you|are you)\b", re.IGNORECASE)
    asked = [question.text for question in check.questions]
    asked += [option.text for question in check.questions for option in question.options]
    assert [text for text in asked if own.search(text)] == []
