"""The quiz engine. Quiz modules live one level up, in the `quizzes` package itself.

model      the data types: ResponseScale, items, Category, Rule, Quiz, Result
answers    reading form answers strictly; AnswerError
scale      scoring rating-scale quizzes, and their paper key
checklist  scoring checklists (with the safety override), and their paper key
guide      links into the guide pages
safety     crisis and safety resources, in one place
text       small wording helpers
registry   finding and loading quizzes
check      author checks behind `python -m quizzes check`
cli        `python -m quizzes list | check | score`
"""
