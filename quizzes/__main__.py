"""`python -m quizzes list | check [PATH ...] | score QUIZ_ID [ANSWERS.json|-]`."""

from quizzes.core.cli import main

raise SystemExit(main())
