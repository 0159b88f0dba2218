"""What the PDF is made of, read from mkdocs.yml: title, clinic, language, pages in order, edition."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.structure.files import File, get_files

from sitegen import settings
from sitegen.errors import BuildInputError
from sitegen.navigation import nav_pages

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Chapter:
    """One built page of the guide: a nav page, or an appendix (a page outside the nav)."""

    title: str  # the nav title, or '' for a page without one (the page's h1 is used then)
    src_uri: str  # e.g. "why-trust-matters.md"
    dest_uri: str  # e.g. "why-trust-matters/index.html"
    url: str  # e.g. "why-trust-matters/"; "" for the home page
    appendix: bool = False

    @property
    def slug(self) -> str:
        """A name for the chapter's anchors, unique in the document: "index", "why-trust-matters"."""
        stem = self.dest_uri.removesuffix("index.html").strip("/") or "index"
        return re.sub(r"[^A-Za-z0-9_-]+", "-", stem)

    @property
    def where(self) -> str:
        """How error messages name the page: source and built file."""
        return f"docs/{self.src_uri} (built as {self.dest_uri})"


@dataclass(frozen=True)
class Guide:
    """Everything the PDF needs from the configuration."""

    project: Path
    overrides: Path
    title: str
    subtitle: str
    clinic_name: str
    language: str
    chapters: tuple[Chapter, ...]
    version: str | None
    date: datetime | None


def load_guide(config_file: Path) -> Guide:
    """Read mkdocs.yml (with its !ENV tags) the way `mkdocs build` does, without building."""
    try:
        config = load_config(str(config_file))
    except (ConfigurationError, PluginError, OSError) as error:
        raise BuildInputError(str(config_file), f"cannot be read: {error}",
                              "run `mkdocs build --strict` to see the problem") from None
    project = config_file.resolve().parent
    # The same check as the site build's on_config (load_config does not run hooks): its
    # BuildInputError is the export's own.
    checked = settings.read(config.extra)
    return Guide(
        project=project,
        overrides=Path(config.theme.custom_dir or project / "overrides"),
        title=config.site_name,
        subtitle=" ".join((config.site_description or "").split()),
        clinic_name=checked.clinic.name,
        language=config.theme["language"] or "en",
        chapters=_chapters(config),
        version=checked.pdf.version,
        date=edition_date(project),
    )


def edition_date(project: Path) -> datetime | None:
    """The date printed on the cover: SOURCE_DATE_EPOCH if set, else the last commit's date.

    Never the time of the export, so the same sources give the same PDF. None outside git.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        try:
            result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project,
                                    capture_output=True, text=True, timeout=10, check=False)
        except OSError:  # no git on this machine
            return None
        epoch = result.stdout.strip() if result.returncode == 0 else ""
    if not epoch:
        return None
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    except (ValueError, OverflowError):
        raise BuildInputError("SOURCE_DATE_EPOCH", f"must be a number of seconds, got {epoch!r}",
                             "unset it, or set it to e.g. `git log -1 --format=%ct`") from None


def _chapters(config: MkDocsConfig) -> tuple[Chapter, ...]:
    """The nav's pages in order, then the pages outside the nav (such as help-now) as appendices."""
    files = get_files(config)
    pages = {file.src_uri: file for file in files.documentation_pages()}
    chapters = []
    for title, src_uri in nav_pages(config.nav or [{"": file.src_uri} for file in pages.values()]):
        file = pages.get(src_uri)
        if file is None:
            raise BuildInputError(CONFIG_FILE, f"the nav names {src_uri!r}, which is not a page in docs/",
                                 "fix the nav in mkdocs.yml; `mkdocs build --strict` reports it too")
        chapters.append(_chapter(file, title))
    in_nav = {chapter.src_uri for chapter in chapters}
    chapters += [_chapter(file, "", appendix=True) for uri, file in sorted(pages.items()) if uri not in in_nav]
    return tuple(chapters)


def _chapter(file: File, title: str, *, appendix: bool = False) -> Chapter:
    return Chapter(title=title, src_uri=file.src_uri, dest_uri=file.dest_uri, url=file.url, appendix=appendix)

