"""The projects the build figures compare, made in temporary folders, and a timed `mkdocs build`.

- this site: the project as it is;
- plain Material: the same docs/, theme, markdown extensions and site overrides, with no
  hooks (so quiz fences stay code blocks and `{{ clinic.* }}` markers stay text);
- synthetic: N pages of the guide's own text with quiz fences spread over them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUIZ_IDS = ("attachment-style", "trust-signs")
_HOOKS_BLOCK = re.compile(r"^hooks:\n(?:[ \t]+-.*\n)+", re.MULTILINE)
_NAV_BLOCK = re.compile(r"^nav:\n(?:[ \t]+-.*\n)+", re.MULTILINE)
_QUIZ_FENCE = re.compile(r"^```quiz\n.*?^```[ \t]*\n", re.MULTILINE | re.DOTALL)


class BuildError(RuntimeError):
    """`mkdocs build` failed; the message ends with its last lines of output."""


def build(project: Path, site_dir: Path, site_url: str) -> float:
    """Run `python -m mkdocs build -q` of a project into site_dir; the wall time in seconds."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        tail = " / ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
        raise BuildError(f"mkdocs build of {project} failed: {tail}")
    return elapsed


def copy_project(destination: Path, *, docs: bool = True) -> Path:
    """Copy what a build reads (config, hooks, sitegen, overrides, quizzes); link node_modules."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "hooks.py", "pyproject.toml"):
        shutil.copy2(ROOT / name, destination / name)
    for name in ("overrides", "quizzes", "sitegen", *(("docs",) if docs else ())):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    (destination / "node_modules").symlink_to(ROOT / "node_modules")
    return destination


def plain_project(destination: Path) -> Path:
    """The same docs/ and theme built by plain Material: no `hooks:`, no quiz bundle.

    The overrides stay (site CSS, footer, safety bar): they are the site's look, not hook
    work. Only the quiz folders and the template lines that read the hooks' `quiz_build`
    go, since without hooks that value does not exist.
    """
    destination.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    plain_config, removed = _HOOKS_BLOCK.subn("", config)
    if removed != 1:
        raise BuildError("could not find the `hooks:` block in mkdocs.yml")
    (destination / "mkdocs.yml").write_text(plain_config, encoding="utf-8")
    shutil.copytree(ROOT / "docs", destination / "docs")
    shutil.copytree(ROOT / "overrides", destination / "overrides",
                    ignore=lambda folder, names: [name for name in names if name == "quiz"])
    for template in (destination / "overrides").rglob("*.html"):
        lines = template.read_text(encoding="utf-8").splitlines(keepends=True)
        template.write_text("".join(line for line in lines if "quiz_build" not in line), encoding="utf-8")
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
