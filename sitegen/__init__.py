"""The build glue behind hooks.py, one module (or small package) per job:

    address      the site's public address (site_url from SITE_URL), which a build must name
    settings     the schema of every `extra:` key in mkdocs.yml
    errors       the one error type for bad input, and where in a page it is
    navigation   the guide's reading order from the nav
    markers      `{{ clinic.name }}`-style markers in pages
    quiz/        the checked quizzes, the ```quiz fence and its form
    bundle/      what the browser runs: Pyodide, the quiz wheel and lockfile, the widget
    embed        embeddable pages and the staff page
    offline      the service worker that keeps the guide for reading offline
    headers      site/_headers with the Content-Security-Policy; only the theme's inline scripts
    styles       the stylesheets every page carries inline
    material     what the site relies on of Material: its deferred script, its settings kept
                 for the tab, the search words' parameter, its inline scripts
    text         values from settings, page meta and quizzes, escaped for where they land
    pdf/         the offline PDF, a step after the build (`python -m sitegen.pdf`)

`SiteBuild` is what one build checked and made: the later hooks and the templates read it,
and nothing is written back into `config.extra`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from sitegen import address, material, offline, quiz, settings, styles

# The MkDocs command this process runs ("build", "serve", …). hooks.py is loaded afresh for
# every rebuild of `mkdocs serve`, but only the first load hears `on_startup`: kept here.
_command = "build"


def note_command(command: str) -> None:
    """Remember the MkDocs command, told once per process by `on_startup`."""
    global _command
    _command = command


@dataclass(frozen=True)
class SiteBuild:
    """The checked settings and the quizzes' build, made once per build by `prepare`."""

    settings: settings.Settings
    quizzes: quiz.QuizBuild
    serving: bool  # `mkdocs serve`: pages change with every edit, so nothing is kept offline
    inline_styles: str

    @property
    def keeps_offline(self) -> bool:
        """Whether pages register the service worker that keeps them for offline reading."""
        return offline.registers(self.settings.offline, self.serving)

    def template_globals(self) -> dict[str, Any]:
        """What the theme's templates read besides `config` and `page`."""
        return {"settings": self.settings, "quiz_assets": self.quizzes.bundle.path,
                "keeps_offline": self.keeps_offline, "inline_styles": self.inline_styles,
                "material_bundle": material.bundle_path(),
                "search_words_parameter": material.search_words_parameter()}


def prepare(config: MkDocsConfig) -> SiteBuild:
    """Check the site's address, mkdocs.yml's `extra:` settings and the quizzes, before any page is read."""
    address.public_address(config.site_url)
    return SiteBuild(settings=settings.read(config.extra), quizzes=quiz.prepare(config),
                     serving=_command == "serve", inline_styles=styles.inline_styles(material.overrides_dir(config)))
