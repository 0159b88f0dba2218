"""Search finds the guide's words, not the quiz forms: statements, safety questions, buttons and
keys stay out of Material's index, and the chapter text around a quiz stays in it."""

from __future__ import annotations

import json
from pathlib import Path

import quizzes


def indexed_text(built_site: Path) -> str:
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return " ".join(f"{doc['title']} {doc['text']}" for doc in docs if not doc["location"].startswith("privacy/"))


def test_quiz_forms_and_keys_stay_out_of_the_search_index(built_site: Path) -> None:
    text = indexed_text(built_site)
    # The checklist's signs are the guide's own sentences, in its text too; these are the quizzes' own.
    statements = [item["text"] for item in quizzes.get_quiz("attachment-style").to_dict()["items"]]
    statements += [item["text"] for item in quizzes.get_quiz("trust-signs").to_dict()["items"] if item["group"] == "safety"]
    assert len(statements) == 23
    for statement in statements:
        assert statement not in text, statement
    for words in ("See my result", "Clear my answers", "Scoring key", "Your safety comes first"):
        assert words not in text, words


def test_knowledge_checks_stay_out_of_the_search_index(built_site: Path) -> None:
    # Questions and feedback only: an option may be the guide's own sentence, in its text too.
    text = indexed_text(built_site)
    checks = [quiz for quiz in quizzes.all_quizzes() if quiz.teaches]
    assert len(checks) == 2
    for check in checks:
        for question in check.to_dict()["items"]:
            assert question["text"] not in text, question["text"]
            for option in question["options"]:
                assert option["feedback"] not in text, option["feedback"]
    for words in ("Check your answer", "The guide's best answer", "Scoring key: the guide"):
        assert words not in text, words


def test_the_chapter_around_a_quiz_stays_searchable(built_site: Path) -> None:
    text = indexed_text(built_site)
    assert "Healing is happening" in text and "Choosing yourself is also an act of courage." in text
