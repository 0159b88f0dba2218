"""The browser's entry point: the page's worker sends JSON in and gets JSON back.

JSON both ways keeps the worker's message protocol plain and makes the result the very
same data `python -m quizzes score` prints.
"""

from __future__ import annotations

import json

from .answers import AnswerError
from .registry import get_quiz


def score_json(quiz_id: str, answers_json: str) -> str:
    """Score answers given as a JSON object.

    Returns `{"ok": true, "result": {...}}`, or `{"ok": false, "message": ..., "items": [...]}`
    for answers a form cannot send (the message is meant for the reader).
    """
    try:
        result = get_quiz(quiz_id).score(json.loads(answers_json))
    except AnswerError as error:
        return json.dumps({"ok": False, "message": str(error), "items": list(error.item_ids)})
    return json.dumps({"ok": True, "result": result.to_dict()})
