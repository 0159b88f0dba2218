"""The build glue behind hooks.py, one module (or small package) per job:

    settings     the schema of every `extra:` key in mkdocs.yml
    errors       the one error type for bad input, and where in a page it is
    navigation   the guide's reading order from the nav
    markers      `{{ clinic.name }}`-style markers in pages
    quiz/        the checked quizzes, the ```quiz fence and its form
    bundle/      what the browser runs: Pyodide, the quiz wheel and lockfile, the widget
    embed        embeddable pages and the staff page
    headers      site/_headers with the Content-Security-Policy
    pdf/         the offline PDF, a step after the build (`python -m sitegen.pdf`)

`SiteBuild` is what one build checked and made: the later hooks and the templates read it,
and nothing is written back into `config.extra`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from sitegen import quiz, settings


@dataclass(frozen=True)
class SiteBuild:
    """The checked settings and the quizzes' build, made once per build by `prepare`."""

    settings: settings.Settings
    quizzes: quiz.QuizBuild

    def template_globals(self) -> dict[str, Any]:
        """What the theme's templates read besides `config` and `page`."""
        return {"settings": self.settings, "quiz_assets": self.quizzes.bundle.path}


def prepare(config: MkDocsConfig) -> SiteBuild:
    """Check mkdocs.yml's `extra:` settings and the quizzes, before any page is read."""
    return SiteBuild(settings=settings.read(config.extra), quizzes=quiz.prepare(config))
