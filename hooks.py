"""MkDocs hooks: thin entry points that hand each build step to the `sitegen` package."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen import brand, clinic, embed, headers, markers, quick_exit, quiz_fences, quiz_site

if TYPE_CHECKING:  # only for the signatures; importing the dev server costs every build
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_startup(*, command: str, dirty: bool) -> None:
    """Teach the dev server the MIME types Pyodide needs."""
    quiz_site.register_mime_types()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the clinic details and the quizzes once, before any page is read."""
    config.extra["clinic"] = clinic.from_extra(config.extra)
    config.extra["brand"] = brand.from_extra(config.extra)
    quick_exit.check(config.extra)
    # Checked before any page is built; embed pages hand the list to their script (embed-frame.js).
    config.extra["embed_origins"] = headers.allowed_origins(config.extra)
    config.extra["quiz_build"] = quiz_site.prepare(config)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the quiz bundle, the self-hosted Pyodide runtime and the embeddable pages."""
    quiz_site.add_site_files(files, config.extra["quiz_build"], config)
    embed.add_embed_pages(files, config, config.extra["quiz_build"].quizzes)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Check the quiz fences of a page and fill in its markers."""
    quiz_fences.check_page(markdown, page, config.extra["quiz_build"].quizzes)
    return markers.expand(markdown, page, config)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fail loudly if a quiz fence could not be rendered."""
    quiz_fences.report_render_failures(html, page)
    return html


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write site/_headers with a CSP that hashes the theme's inline scripts."""
    headers.write_headers_file(Path(config.site_dir), config.extra)


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    """Rebuild when a quiz changes: MkDocs watches docs/ and mkdocs.yml, not quizzes/."""
    server.watch(str(Path(config.config_file_path).resolve().parent / "quizzes"))
    return server
