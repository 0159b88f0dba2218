"""`quizzes.core.browser.score_json`: what the worker calls in Pyodide, checked in CPython."""

from __future__ import annotations

import json

import quizzes
from quizzes.core.browser import score_json


def test_a_valid_answer_set_gives_the_result_dict() -> None:
    answers = {"hope1": "on", "concern2": "on"}
    reply = json.loads(score_json("trust-signs", json.dumps(answers)))
    assert reply == {"ok": True, "result": quizzes.get_quiz("trust-signs").score(answers).to_dict()}


def test_a_tampered_answer_gives_the_readers_message_and_the_item() -> None:
    reply = json.loads(score_json("attachment-style", json.dumps({"anx1": "9"})))
    assert reply["ok"] is False and reply["items"] == ["anx1"]
    assert "item 1" in reply["message"].lower()
