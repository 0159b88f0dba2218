"""`python -m quizzes list | check [PATH ...] | score QUIZ_ID [ANSWERS.json|-]`.

Exit status: 0 on success, 1 for problems found or bad answers, 2 for bad usage (argparse).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .answers import AnswerError
from .check import check_package, check_paths
from .registry import all_quizzes, get_quiz
from .text import plural


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "list":
        return _list()
    if args.command == "check":
        return _check(args.paths)
    if args.command == "score":
        return _score(parser, args.quiz_id, args.answers)
    raise AssertionError(f"Unknown command: {args.command}")  # argparse allows only the above


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m quizzes",
                                     description="Author tools for the quizzes.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("list", help="one line per quiz: id, kind, item (or question) count, title")
    check = commands.add_parser("check", help="validate quiz modules; prints file:line: message")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="quiz module files or directories (default: the package's quizzes)")
    score = commands.add_parser("score", help="score a JSON object of answers; prints the result")
    score.add_argument("quiz_id", metavar="QUIZ_ID")
    score.add_argument("answers", nargs="?", default="-", metavar="ANSWERS.json",
                       help='a JSON object {item id: "value"}; "-" or nothing reads stdin')
    return parser


def _list() -> int:
    for quiz in all_quizzes():
        print(f"{quiz.id}\t{quiz.kind}\t{plural(len(quiz.items), quiz.item_type.noun)}\t{quiz.title}")
    return 0


def _check(paths: Sequence[str]) -> int:
    problems, quizzes = check_paths(paths) if paths else check_package()
    for problem in problems:
        print(problem)
    if problems:
        return 1
    ids = ", ".join(quiz.id for quiz in quizzes)
    print(f"OK: {plural(len(quizzes), 'quiz', 'quizzes')} checked ({ids})")
    return 0


def _score(parser: argparse.ArgumentParser, quiz_id: str, source: str) -> int:
    try:
        quiz = get_quiz(quiz_id)
    except KeyError as error:
        parser.error(str(error.args[0]))  # exits with status 2
    try:
        if source == "-":
            answers = json.load(sys.stdin)
        else:
            with open(source, encoding="utf-8") as handle:
                answers = json.load(handle)
    except (OSError, UnicodeDecodeError) as error:
        return _fail(f"cannot read {source}: {error}")
    except json.JSONDecodeError as error:
        return _fail(f"{'stdin' if source == '-' else source} is not valid JSON: {error}")
    try:
        result = quiz.score(answers)
    except AnswerError as error:
        return _fail(str(error))
    print(json.dumps(result.to_dict(), sort_keys=True, indent=2, ensure_ascii=False))
    return 0


def _fail(message: str) -> int:
    print(f"python -m quizzes score: error: {message}", file=sys.stderr)
    return 1
