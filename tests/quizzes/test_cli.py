"""`python -m quizzes list | check | score`: `cli.main` run in process, and once as a subprocess
(the hash-seed test) to prove `python -m quizzes` itself runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quizzes

from .helpers import TOY_DIR, raw_answers, run_cli, run_cli_process

PACKAGE_QUIZZES = "attachment-style, step-by-step-check, trust-signs, what-not-to-do-check"

# A small valid quiz module, the way an author writes one: data, then QUIZ. Each broken
# variant below changes one marked line.
VALID = '''\
from quizzes.core import guide
from quizzes.core.model import HIGH, LOW, NEAR, Category, Dimension, ScaleItem
from quizzes.core.scale import AGREE_7, ScaleQuiz

ITEMS = (
    ScaleItem("q1", 1, "I sleep well.", "rest"),
    ScaleItem("q2", 2, "I feel rested.", "rest"),
    ScaleItem("q3", 3, "I wake up tired.", "rest", reverse=True),
)

QUIZ = ScaleQuiz(
    id="broken-rest", title="Rest", intro=("Toy.",), instructions="Answer.",
    items=ITEMS, scale=AGREE_7, cut=4,
    dimensions=(Dimension("rest", "Rest"),),
    categories=(Category("low", "Low", ("Low.",), (guide.STEPS[5],), when={"rest": LOW}),
                Category("high", "High", ("High.",), when={"rest": HIGH}),
                Category("middle", "Middle", ("Middle.",), when={"rest": NEAR}),
                Category("same", "Same", ("Same.",), same_answers=True),
                Category("both", "Both", ("Both.",), contradictory_answers=True)),
)
'''

# A subclass of the kind that overrides score(): no quiz should, but the checker still tries it.
OVERRIDDEN_SCORE = '''\
class RestQuiz(ScaleQuiz):
    def score(self, answers):
        if answers.get("q2") == "7":
            raise RuntimeError("boom")
        return super().score(answers)


QUIZ = RestQuiz('''

# name: (line to change, its replacement, text of the line the report must point at
# (None: line 1), a fragment of the message)
BROKEN = {
    "syntax-error": ('ScaleItem("q2", 2,', 'ScaleItem("q2" 2,', 'ScaleItem("q2" 2,', "syntax error"),
    "non-stdlib-import": ("ITEMS = (", "import requests\nITEMS = (", "import requests",
                          "imports 'requests', which is not in the standard library"),
    "thread-import": ("ITEMS = (", "import threading\nITEMS = (", "import threading",
                      "cannot run in Pyodide"),
    "duplicate-item-id": ('ScaleItem("q2", 2,', 'ScaleItem("q1", 2,', 'ScaleItem("q1", 2,',
                          "item id 'q1' is already used on line 6"),
    "unknown-dimension": ('"I feel rested.", "rest"', '"I feel rested.", "sleep"', '"sleep"',
                          "refers to unknown dimension 'sleep'"),
    "score-raises-on-valid-answers": ("QUIZ = ScaleQuiz(", OVERRIDDEN_SCORE, 'raise RuntimeError("boom")',
                                      "score() raised RuntimeError: boom for all answers 7"),
    "number-for-a-label": ('Dimension("rest", "Rest")', 'Dimension("rest", 5)', 'Dimension("rest", 5)',
                           "dimension 'rest': label must be a str (an int was given)"),
    "link-in-a-description": ('("Same.",)', '("Same.", guide.STEPS[5])', 'Category("same", "Same"',
                              "category 'same': description[1] must be a str (a Link was given)"),
    "description-without-its-comma": ('("High.",)', '("High.")', 'Category("high", "High"',
                                      "category 'high': description must be a tuple of paragraphs (a str was "
                                      "given: a trailing comma is probably missing after the last paragraph)"),
    "script-link": ("(guide.STEPS[5],)", '(guide.Link("Step 5", "javascript:alert(1)"),)', 'Category("low", "Low"',
                    "category 'low': links[0].href 'javascript:alert(1)' uses javascript:, but a quiz may link "
                    "only to"),
    "failing-import": ("ITEMS = (", "from quizzes.core.model import NoSuchThing\nITEMS = (",
                       "NoSuchThing", "importing the module failed: ImportError"),
    "error-at-import": ("ITEMS = (", "LIMIT = 1 / 0\nITEMS = (", "LIMIT = 1 / 0",
                        "importing the module failed: ZeroDivisionError"),
    "no-quiz": ("QUIZ = ScaleQuiz(", "QUIZZ = ScaleQuiz(", None,
                "defines no module-level QUIZ = ScaleQuiz(...) or ChecklistQuiz(...) or ChoiceQuiz(...)"),
    "no-kind": ("QUIZ = ScaleQuiz(", "from quizzes.core.model import Quiz\nQUIZ = Quiz(", "QUIZ = Quiz(",
                "importing the module failed: TypeError: Can't instantiate abstract class Quiz"),
    "middle-unhandled": ('                Category("middle", "Middle", ("Middle.",), when={"rest": NEAR}),\n',
                         "", "QUIZ = ScaleQuiz(", "the middle is unhandled"),
    "no-same-answer-category": ('                Category("same", "Same", ("Same.",), same_answers=True),\n',
                                "", "QUIZ = ScaleQuiz(",
                                "a reader who gives every statement the same answer is told no style"),
    "no-contradictory-answers-category": (
        '                Category("both", "Both", ("Both.",), contradictory_answers=True)),',
        "                ),", "QUIZ = ScaleQuiz(",
        "agrees (or disagrees) with most statements and also with their reverse-keyed opposites"),
    "contradictory-answers-without-opposites": (
        '"I wake up tired.", "rest", reverse=True)', '"I wake up tired.", "rest")',
        'Category("both", "Both"', "but no dimension has both statements and reverse-keyed opposites"),
    "contradictory-answers-with-when": (
        'contradictory_answers=True)', 'contradictory_answers=True, when={"rest": LOW})',
        'Category("both", "Both"', "has contradictory_answers=True, so it takes no when="),
}


def write_broken(tmp_path: Path, name: str) -> tuple[Path, int, str]:
    """The broken file, the line the report must point at, and a fragment of the message."""
    old, new, point_at, message = BROKEN[name]
    assert old in VALID
    source = VALID.replace(old, new, 1)
    lines = source.splitlines()
    line = 1 if point_at is None else next(
        number for number, text in enumerate(lines, start=1) if point_at in text)
    path = tmp_path / f"{name.replace('-', '_')}.py"
    path.write_text(source)
    return path, line, message


def test_list_prints_one_line_per_quiz() -> None:
    done = run_cli("list")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "attachment-style\tscale\t18 items\tAttachment style self-assessment",
        "step-by-step-check\tchoice\t6 questions\tCheck what you learned: the steps",
        "trust-signs\tchecklist\t18 items\tTrust signs checklist",
        "what-not-to-do-check\tchoice\t5 questions\tCheck what you learned: what not to do",
    ]


def test_check_passes_the_package_quizzes() -> None:
    done = run_cli("check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == f"OK: 4 quizzes checked ({PACKAGE_QUIZZES})\n"


def test_check_passes_the_toy_quiz_and_the_valid_template(tmp_path: Path) -> None:
    (tmp_path / "valid_rest.py").write_text(VALID)
    done = run_cli("check", str(TOY_DIR), str(tmp_path / "valid_rest.py"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OK: 2 quizzes checked (broken-rest, toy-rest)" in done.stdout


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_check_reports_a_broken_quiz_at_its_file_and_line(tmp_path: Path, name: str) -> None:
    path, line, message = write_broken(tmp_path, name)
    done = run_cli("check", str(path))
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert f"{path}:{line}: " in done.stdout, done.stdout
    assert message in done.stdout, done.stdout


def test_check_reports_every_broken_file_of_a_directory(tmp_path: Path) -> None:
    for name in ("syntax-error", "unknown-dimension"):
        write_broken(tmp_path, name)
    (tmp_path / "_helper.py").write_text("import requests\n")  # leading underscore: skipped
    done = run_cli("check", str(tmp_path))
    assert done.returncode == 1
    reported = sorted(Path(line.split(":")[0]).name for line in done.stdout.splitlines())
    assert reported == ["syntax_error.py", "unknown_dimension.py"]


def test_score_from_stdin_matches_score_in_process() -> None:
    quiz = quizzes.get_quiz("attachment-style")
    answers = {**raw_answers(quiz, 6), "anx3": "2", "avo9": ""}
    done = run_cli("score", "attachment-style", stdin=json.dumps(answers))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == quiz.score(answers).to_dict()
    assert done.stdout == json.dumps(quiz.score(answers).to_dict(), sort_keys=True, indent=2,
                                     ensure_ascii=False) + "\n"


def test_score_from_a_file_matches_score_in_process(tmp_path: Path) -> None:
    answers = {"hope1": "on", "concern2": "on"}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers))
    done = run_cli("score", "trust-signs", str(path))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == quizzes.get_quiz("trust-signs").score(answers).to_dict()
    assert run_cli("score", "trust-signs", "-", stdin=json.dumps(answers)).stdout == done.stdout


def test_score_prints_a_knowledge_checks_result_with_every_question() -> None:
    quiz = quizzes.get_quiz("step-by-step-check")
    answers = {"acknowledge": "accountable", "actions": "gesture", "boundaries": ""}
    done = run_cli("score", "step-by-step-check", stdin=json.dumps(answers))
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed == quiz.score(answers).to_dict()
    assert printed["headline"] == "1 of your 2 answers matches the guide."
    assert [question["best_chosen"] for question in printed["questions"]] == [True, False, False, False,
                                                                             False, False]
    assert printed["questions"][2]["chosen"]["id"] == "gesture" and printed["questions"][2]["best"]["id"] == "small"


def test_score_refuses_an_option_a_question_does_not_have() -> None:
    done = run_cli("score", "what-not-to-do-check", stdin='{"instant": "soon"}')
    assert done.returncode == 1
    assert ('Question 3 ("How does the guide say trust comes back?") has an answer that is not one of '
            "its options ('soon')") in done.stderr


def test_score_output_does_not_depend_on_hash_seeds() -> None:
    answers = json.dumps({"hope1": "on", "safety2": "on", "concern1": "on"})
    runs = [run_cli_process("score", "trust-signs", stdin=answers, env={"PYTHONHASHSEED": seed})
            for seed in ("1", "2", "3")]
    assert all(run.returncode == 0 for run in runs), [run.stderr for run in runs]
    assert len({run.stdout for run in runs}) == 1
    assert runs[0].stdout == run_cli("score", "trust-signs", stdin=answers).stdout  # as in process


def test_score_unknown_quiz_exits_2_listing_the_known_ids() -> None:
    done = run_cli("score", "love-languages", stdin="{}")
    assert done.returncode == 2
    assert f"Unknown quiz 'love-languages'; known quizzes: {PACKAGE_QUIZZES}" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("stdin", "expected"), [
    ("{not json", "stdin is not valid JSON"),
    ('{"anx1": "9"}', 'Item 1 ("When my partner is quiet'),
    ('{"anx1": 4}', "not text"),
    ('["4"]', "must be a mapping"),
    ('{"zzz": "4"}', "'zzz'"),
])
def test_score_bad_input_exits_1_with_a_message(stdin: str, expected: str) -> None:
    done = run_cli("score", "attachment-style", stdin=stdin)
    assert done.returncode == 1
    assert expected in done.stderr
    assert done.stdout == "" and "Traceback" not in done.stderr


def test_score_missing_file_exits_1(tmp_path: Path) -> None:
    done = run_cli("score", "trust-signs", str(tmp_path / "missing.json"))
    assert done.returncode == 1 and "cannot read" in done.stderr
