"""The projects the build figures compare, made in temporary folders.

- this site: the project as it is;
- plain Material: the same docs/, theme, markdown extensions and site overrides, without
  the build's hooks (so quiz fences stay code blocks and `{{ clinic.* }}` markers stay text);
- synthetic: N pages of the guide's own text with quiz fences spread over them.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from devkit.build import BuildError
from devkit.project import ROOT, copy_project
from sitegen import contracts

QUIZ_IDS = ("attachment-style", "trust-signs")
_HOOKS_BLOCK = re.compile(r"^hooks:\n(?:[ \t]+-.*\n)+", re.MULTILINE)
_WATCH_BLOCK = re.compile(r"^watch:\n(?:[ \t]+-.*\n)+", re.MULTILINE)  # `mkdocs serve` only
_NAV_BLOCK = re.compile(r"^nav:\n(?:[ \t]+-.*\n)+", re.MULTILINE)
_QUIZ_FENCE = re.compile(r"^```quiz\n.*?^```[ \t]*\n", re.MULTILINE | re.DOTALL)


# The one hook plain Material gets: the templates' own inputs, with none of the build's work.
# `settings` is mkdocs.yml's `extra:` unchecked (Jinja reads `settings.clinic.name` from a
# dict too); `site_assets` names a folder that plain Material does not make; `contracts` the
# shared names (sitegen/contracts.py), written in as JSON by `plain_project`.
PLAIN_HOOKS = '''"""The bench's plain-Material build: only what the site's templates read."""


def on_env(env, *, config, files):
    env.globals.update(settings=config.extra, site_assets="assets/site", embed_origins="[]",
                       contracts=CONTRACTS)
    return env
'''


def plain_project(destination: Path) -> Path:
    """The same docs/ and theme built by plain Material: the build's hooks replaced by one
    that only hands the templates their inputs (`PLAIN_HOOKS`), no quiz bundle.

    The overrides stay (site CSS, footer, safety bar): they are the site's look, not hook
    work. Only the quiz folders go, which the hooks would have turned into the bundle.
    """
    destination.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    plain_config, replaced = _HOOKS_BLOCK.subn("hooks:\n  - plain_hooks.py\n", config)
    if replaced != 1:
        raise BuildError("could not find the `hooks:` block in mkdocs.yml")
    (destination / "mkdocs.yml").write_text(_WATCH_BLOCK.sub("", plain_config), encoding="utf-8")
    hooks = PLAIN_HOOKS.replace("CONTRACTS", json.dumps(contracts.for_templates()))
    (destination / "plain_hooks.py").write_text(hooks, encoding="utf-8")
    shutil.copytree(ROOT / "docs", destination / "docs")
    shutil.copytree(ROOT / "overrides", destination / "overrides",
                    ignore=lambda folder, names: [name for name in names if name == "quiz"])
    return destination


def guide_texts() -> list[tuple[str, str]]:
    """(title, Markdown) of each guide page in docs/, without its quiz fences."""
    texts = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        if page.name == "help-now.md":
            continue
        text = _QUIZ_FENCE.sub("", page.read_text(encoding="utf-8"))
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), page.stem)
        texts.append((title, text))
    return texts


def synthetic_project(destination: Path, pages: int, fences: int) -> Path:
    """The project with a generated docs/: `pages` guide-like pages, all in the nav, and
    `fences` quiz fences spread evenly over them (alternating the two quizzes).

    The help page is copied too (outside the nav, as in the real site): the footer links to it.
    """
    copy_project(destination, docs=False)
    docs = destination / "docs"
    docs.mkdir()
    shutil.copy2(ROOT / "docs" / "help-now.md", docs / "help-now.md")
    texts = guide_texts()
    on_page = [fence * pages // fences for fence in range(fences)]
    nav = ["nav:\n"]
    for index in range(pages):
        name = "index.md" if index == 0 else f"page-{index + 1:03d}.md"
        title, text = texts[index % len(texts)]
        quizzes = "".join(f"\n```quiz\n{QUIZ_IDS[fence % 2]}\n```\n"
                          for fence in range(fences) if on_page[fence] == index)
        (docs / name).write_text(text + quizzes, encoding="utf-8")
        nav.append(f"  - {json.dumps(f'{index + 1}. {title}')}: {name}\n")
    config = (destination / "mkdocs.yml").read_text(encoding="utf-8")
    config, replaced = _NAV_BLOCK.subn("".join(nav), config)
    if replaced != 1:
        raise BuildError("could not find the `nav:` block in mkdocs.yml")
    (destination / "mkdocs.yml").write_text(config, encoding="utf-8")
    return destination
