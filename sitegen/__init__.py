"""The build glue behind hooks.py, one module (or small package) per job:

    address      the site's public address (site_url from SITE_URL), which a build must name
    settings     the schema of every `extra:` key in mkdocs.yml
    errors       the one error type for bad input, and where in a page it is
    navigation   the guide's reading order from the nav
    markers      `{{ clinic.name }}`-style markers in pages
    quiz/        the checked quizzes, the ```quiz fence and its form
    bundle/      what the browser runs: Pyodide, the quiz wheel and lockfile, the widget
    site_assets  the site-wide scripts (Quick exit, offline reading, embed frames), hashed apart
    contracts    the names Python, templates and scripts share, each written once
    embed        embeddable pages and the staff page
    offline      the service worker that keeps the guide for reading offline
    headers      site/_headers with the Content-Security-Policy; only the theme's inline scripts
    styles       the stylesheets every page carries inline
    material     what the site relies on of Material: its deferred script, its settings kept
                 for the tab, the search words' parameter, its inline scripts
    text         values from settings, page meta and quizzes, escaped for where they land
    pdf/         the offline PDF, a step after the build (`python -m sitegen.pdf`)

`SiteBuild` is what one build checked and made, the MkDocs command included: the later hooks
and the templates read it, and nothing is written back into `config.extra`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from sitegen import address, contracts, material, offline, quiz, settings, site_assets, styles
from sitegen.site_assets import HashedFolder

# The MkDocs command this process runs ("build", "serve", …). hooks.py is loaded afresh with
# every configuration (each rebuild of `mkdocs serve`), but only its first load hears
# `on_startup`: the command outlives hooks.py here, the one thing that does; each build
# copies it into its SiteBuild.
_command = "build"


def note_command(command: str) -> None:
    """Remember the MkDocs command, told once per process by `on_startup`."""
    global _command
    _command = command


@dataclass(frozen=True)
class SiteBuild:
    """Everything one build checked and made, by `prepare`: the command, the settings, the
    quizzes' build, the site-wide files and the inline styles."""

    command: str
    settings: settings.Settings
    quiz: quiz.QuizBuild
    site_assets: HashedFolder
    inline_styles: str
    # The theme's inline scripts of each page as it was written (on_post_page), by built file:
    # the policy hashes them, and the post-build scan reads only files no page hook saw.
    page_scripts: dict[str, set[str]] = field(default_factory=dict)

    @property
    def serving(self) -> bool:
        """`mkdocs serve`: pages change with every edit, so nothing is kept offline."""
        return self.command == "serve"

    @property
    def keeps_offline(self) -> bool:
        """Whether pages register the service worker that keeps them for offline reading."""
        return offline.registers(self.settings.offline, self.serving)

    def template_globals(self) -> dict[str, Any]:
        """What the theme's templates read besides `config` and `page`."""
        origins = json.dumps([origin.for_script() for origin in self.settings.embed.allowed_origins])
        return {"settings": self.settings, "site_assets": self.site_assets.path, "embed_origins": origins,
                "keeps_offline": self.keeps_offline, "inline_styles": self.inline_styles,
                "material_bundle": material.bundle_path(),
                "search_words_parameter": material.search_words_parameter(),
                **contracts.template_globals()}


def prepare(config: MkDocsConfig) -> SiteBuild:
    """Check the site's address, mkdocs.yml's `extra:` settings and the quizzes, before any page is read."""
    address.public_address(config.site_url)
    overrides = material.overrides_dir(config)
    return SiteBuild(command=_command, settings=settings.read(config.extra), quiz=quiz.prepare(config),
                     site_assets=site_assets.make_site_assets(overrides), inline_styles=styles.inline_styles(overrides))
