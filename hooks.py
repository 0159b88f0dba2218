"""MkDocs hooks: thin entry points that hand each build step to the `sitegen` package."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sitegen
from sitegen import embed, headers, markers, material, navigation, offline, quiz, site_assets, styles
from sitegen.quiz import fence, targets

if TYPE_CHECKING:  # only for the signatures
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# What this build checked and made: the one object holding a build's state. MkDocs loads this
# module afresh with each configuration, so `mkdocs serve` starts every rebuild without it.
build: sitegen.SiteBuild


def on_startup(*, command: str, dirty: bool) -> None:
    """Note the command (`serve` keeps nothing offline); teach the dev server Pyodide's MIME types."""
    sitegen.note_command(command)
    quiz.register_mime_types()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check the site's address, the `extra:` settings and the quizzes once, before any page is read."""
    global build
    build = sitegen.prepare(config)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the quiz bundle, the Pyodide runtime, the site-wide scripts, the embeddable pages with
    the clinic's host script and the service worker; drop the stylesheets pages carry inline.
    Each quiz's home page is found first: the embed pages link to it."""
    guide = navigation.guide_pages(files, config.nav)
    homes = build.quiz.fences.survey(guide, config)  # found by SuperFences before any page renders
    quiz.add_site_files(files, build.quiz, config)
    site_assets.add_site_assets(files, build.site_assets, config)
    offline.add_service_worker(files, config, build.quiz, build.site_assets, keeping=build.keeps_offline)
    styles.drop_inlined(files)
    embed.add_embed_pages(files, config, guide, build.quiz.by_id, homes, build.settings.embed.allowed_origins)
    embed.add_host_script(files, config, build.settings.quick_exit)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill in a page's markers; note it as the page whose quiz fences SuperFences renders next."""
    site = markers.Site(build.quiz.by_id, build.quiz.fences.homes)
    expanded = markers.expand(markdown, page, build.settings, site)
    build.quiz.fences.reading(page.file, expanded)
    return expanded


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Let MkDocs' link check see the anchors of the quizzes SuperFences rendered in the page,
    which it cannot find in their HTML; point the quiz forms' links and assets at the site's
    root from this page. Note the page's ids, for the quizzes' links."""
    fence.declare_anchors(page, html, build.quiz.fences)
    build.quiz.targets.note(page, html)
    return fence.place_site_root(html, page)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Stop at an inline script the theme does not write, naming the page; name Material's
    colour scheme radios by their scheme, not by the toggle's action."""
    build.page_scripts[page.file.dest_uri] = headers.check_page_scripts(output, page, config.site_url)
    return material.name_scheme_choices(output)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Hand the templates the checked settings, the site-wide files' folder and the shared names
    (sitegen/contracts.py); keep Material's settings (the colour scheme) for the tab only."""
    env.globals.update(build.template_globals())
    material.keep_settings_for_the_tab(env)
    return env


def on_post_build(*, config: MkDocsConfig) -> None:
    """Stop at a quiz link that leads to no page or section of this build; write site/_headers
    with a CSP that hashes the theme's inline scripts, and only those."""
    targets.check_links(build.quiz.by_id, build.quiz.targets)
    headers.write_headers_file(Path(config.site_dir), build.settings.embed.allowed_origins, config.site_url,
                               build.page_scripts)
