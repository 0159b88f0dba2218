"""Scoring checklist quizzes: count ticked items per group, then take the first matching rule.

Besides one count per group there is `safety_triggers`: the number of ticked items marked
`triggers_safety`, whatever their group. A quiz puts its safety rule first, so any safety
trigger picks the safety-first category, and that result leads with safety resources.
"""

from __future__ import annotations

from typing import Any, Mapping

from .answers import read_checklist_answers
from .model import Category, Condition, Quiz, Result
from .safety import SAFETY_FIRST_NOTICE
from .text import numbers

SAFETY_TRIGGERS = "safety_triggers"


def count_ticked(quiz: Quiz, ticked: set[str]) -> dict[str, int]:
    """{group id: ticked items in it, ..., "safety_triggers": ticked safety-trigger items}."""
    counts = {group.id: sum(1 for item in quiz.items_in(group.id) if item.id in ticked)
              for group in quiz.groups}
    counts[SAFETY_TRIGGERS] = sum(1 for item in quiz.items
                                  if item.triggers_safety and item.id in ticked)
    return counts


def pick_category(quiz: Quiz, counts: Mapping[str, int]) -> Category:
    """The category of the first rule whose conditions all hold."""
    for rule in quiz.rules:
        if rule.matches(counts):
            return quiz.category(rule.category)
    raise LookupError(f"Quiz {quiz.id!r} has no rule for counts {dict(counts)}")


def score_checklist_quiz(quiz: Quiz, answers: Mapping[str, str]) -> Result:
    """Score a checklist from form answers; raises AnswerError on answers a form cannot send."""
    counts = count_ticked(quiz, read_checklist_answers(quiz, answers))
    category = pick_category(quiz, counts)
    return Result(
        quiz_id=quiz.id,
        kind=quiz.kind,
        complete=True,
        headline=category.label,
        paragraphs=category.description,
        category=category,
        counts=counts,
        safety=SAFETY_FIRST_NOTICE if category.safety_first else None,
        links=category.links,
        note=quiz.note,
    )


def scoring_key(quiz: Quiz) -> dict[str, Any]:
    """The paper scoring key: plain `steps` plus the structured fields a hand-scorer needs."""
    triggers = [item.number for item in quiz.items if item.triggers_safety]
    counts = [{"id": group.id, "label": group.label,
               "items": [item.number for item in quiz.items_in(group.id)]}
              for group in quiz.groups]
    counts.append({"id": SAFETY_TRIGGERS, "label": "Safety answers", "items": triggers})
    labels = {count["id"]: count["label"] for count in counts}
    rules = [{"category": rule.category,
              "conditions": [condition.to_dict() for condition in rule.conditions]}
             for rule in quiz.rules]

    steps = [f"{count['label']}: count the ticked items among {numbers(count['items'])}."
             for count in counts]
    if triggers:
        steps.append(f"Safety comes first: if any of items {numbers(triggers)} is ticked, "
                     "the result is about safety, whatever else is ticked.")
    steps.append("Then go through these rules in order and stop at the first one that fits:")
    steps += [f"{index}. {_rule_sentence(rule.conditions, labels)} \u2192 "
              f"{quiz.category(rule.category).label}."
              for index, rule in enumerate(quiz.rules, start=1)]
    return {
        "quiz_id": quiz.id,
        "title": quiz.title,
        "kind": quiz.kind,
        "items": [item.to_dict() for item in quiz.items],
        "counts": counts,
        "safety_trigger_items": triggers,
        "rules": rules,
        "categories": [{"id": category.id, "label": category.label,
                        "safety_first": category.safety_first,
                        "description": list(category.description)}
                       for category in quiz.categories],
        "steps": steps,
    }


def _rule_sentence(conditions: tuple[Condition, ...], labels: Mapping[str, str]) -> str:
    if not conditions:
        return "Otherwise"
    return "If " + " and ".join(_condition_phrase(condition, labels[condition.count])
                                for condition in conditions)


def _condition_phrase(condition: Condition, label: str) -> str:
    low, high = condition.at_least, condition.at_most
    if low is not None and high is not None:
        bound = f"{low}" if low == high else f"{low} to {high}"
    elif low is not None:
        bound = f"{low} or more"
    elif high is not None:
        bound = "no" if high == 0 else f"{high} or fewer"
    else:
        bound = "any number of"
    return f"{bound} {label.lower()} ticked"
