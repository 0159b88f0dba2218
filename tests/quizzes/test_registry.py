"""Discovery and loading: the package's quizzes, lookups by id, and loading files by path."""

from __future__ import annotations

import dataclasses
import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest

import quizzes

from .helpers import ROOT, TOY_FILE


def test_all_quizzes_are_found_and_sorted_by_id() -> None:
    assert [quiz.id for quiz in quizzes.all_quizzes()] == ["attachment-style", "step-by-step-check", "trust-signs",
                                                           "what-not-to-do-check"]


def test_each_quiz_module_defines_its_data_and_quiz_and_nothing_else() -> None:
    from quizzes import attachment_style, step_by_step_check, trust_signs, what_not_to_do_check

    for module, kind in ((attachment_style, quizzes.ScaleQuiz), (trust_signs, quizzes.ChecklistQuiz),
                         (what_not_to_do_check, quizzes.ChoiceQuiz), (step_by_step_check, quizzes.ChoiceQuiz)):
        assert type(module.QUIZ) is kind
        assert module.QUIZ is quizzes.get_quiz(module.QUIZ.id)
        # Scoring belongs to the kind: a quiz module defines no function or class of its own.
        own = [name for name, value in vars(module).items()
               if (inspect.isroutine(value) or inspect.isclass(value)) and value.__module__ == module.__name__]
        assert own == [], module.__name__


def test_the_base_quiz_is_no_kind_of_quiz(toy: quizzes.Quiz) -> None:
    fields = {field.name: getattr(toy, field.name) for field in dataclasses.fields(quizzes.Quiz)}
    with pytest.raises(TypeError, match="abstract"):
        quizzes.Quiz(**fields)  # abstract on purpose: only a kind can be created
    assert quizzes.ScaleQuiz.kind == "scale" and quizzes.ChecklistQuiz.kind == "checklist"
    assert quizzes.ChoiceQuiz.kind == "choice"


def test_get_quiz_names_the_known_ids_on_an_unknown_id() -> None:
    with pytest.raises(KeyError) as caught:
        quizzes.get_quiz("nope")
    assert caught.value.args[0] == ("Unknown quiz 'nope'; known quizzes: attachment-style, step-by-step-check, "
                                   "trust-signs, what-not-to-do-check")


def test_load_quiz_file_refuses_a_module_without_a_quiz(tmp_path: Path) -> None:
    path = tmp_path / "empty.py"
    path.write_text("X = 1\n")
    with pytest.raises(ValueError, match="defines no module-level QUIZ"):
        quizzes.load_quiz_file(str(path))


def test_loading_a_file_twice_gives_equal_quizzes() -> None:
    assert quizzes.load_quiz_file(str(TOY_FILE)) == quizzes.load_quiz_file(str(TOY_FILE))


def test_quiz_to_dict_describes_the_form(attachment: quizzes.ScaleQuiz, trust: quizzes.ChecklistQuiz) -> None:
    form = attachment.to_dict()
    assert json.loads(json.dumps(form)) == form
    assert form["scale"]["labels"][0] == {"value": 1, "label": "Strongly disagree"}
    assert [section["id"] for section in form["sections"]] == ["anxiety", "avoidance"]
    assert form["items"][0]["id"] == "anx1"
    assert trust.to_dict()["scale"] is None
    assert [section["label"] for section in trust.to_dict()["sections"]] == [
        "Signs of healing", "Signs of concern", "Your safety"]
    assert (form["kind"], trust.to_dict()["kind"]) == ("scale", "checklist")  # the templates' partial names


def test_each_kind_says_how_its_form_is_answered_and_charted(attachment: quizzes.ScaleQuiz,
                                                             trust: quizzes.ChecklistQuiz,
                                                             toy: quizzes.ScaleQuiz) -> None:
    assert attachment.items_are_radio_groups and not trust.items_are_radio_groups
    axes = attachment.plot_axes()
    assert axes is not None
    assert (axes.x_label, axes.y_label, axes.min, axes.max, axes.cut) == ("Avoidance", "Anxiety", 1, 7, 4)
    assert ("Fearful-avoidant", "high", "high") in axes.quadrants
    assert trust.plot_axes() is None and toy.plot_axes() is None  # a checklist, and one dimension


def test_importing_and_scoring_loads_only_the_standard_library() -> None:
    # The same constraint Pyodide imposes: nothing outside the standard library and the package.
    code = (
        "import sys, quizzes\n"
        "for quiz in quizzes.all_quizzes():\n"
        "    quiz.score({}).to_dict(); quiz.scoring_key()\n"
        "outside = sorted(name for name in sys.modules if name.split('.')[0] not in "
        "sys.stdlib_module_names and name.split('.')[0] not in ('quizzes', '__main__'))\n"
        "print(outside)\n"
    )
    done = subprocess.run([sys.executable, "-S", "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_package_sources_parse_as_python_3_11() -> None:
    import ast

    paths = sorted((ROOT / "quizzes").rglob("*.py"))
    refused = []
    for path in paths:
        try:
            ast.parse(path.read_text(encoding="utf-8"), filename=str(path), feature_version=(3, 11))
        except SyntaxError as error:
            refused.append(f"{path}:{error.lineno}: {error.msg}")
    assert (ROOT / "quizzes" / "core" / "cli.py") in paths  # the walk found the package
    assert not refused, refused
