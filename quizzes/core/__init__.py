"""The quiz engine. Quiz modules live one level up, in the `quizzes` package itself.

model      the data types: ResponseScale, items, Category, Rule, Result, and the Quiz base class
problem    Problem: one `file:line: message` from the author checks
answers    reading form answers strictly; AnswerError
scale      ScaleQuiz, a kind of quiz: rating scales scored by dimension means, its key and checks
checklist  ChecklistQuiz, a kind of quiz: ticked items counted (safety first), its key and checks
choice     ChoiceQuiz, a kind of quiz: a knowledge check, one best answer per question, feedback
guide      links into the guide pages
safety     crisis and safety resources, in one place
text       small wording helpers
registry   finding and loading quizzes; the kinds the engine knows
check      author checks behind `python -m quizzes check`
fieldtypes the checker's first stage: every field against its annotation
links      the links a quiz may show (`Href`)
browser    the entry point the browser's worker calls
cli        `python -m quizzes list | check | score`

Imports run one way: model knows no kind; each kind imports model; registry, check, browser
and cli import the kinds; links and problem import nothing of the engine.
"""
