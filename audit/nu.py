"""The Nu Html Checker (npm `vnu-jar`, pinned in package.json) on every HTML file of the build.

Errors are grouped by message and split by where the flagged element comes from:

Rule: an error is "known upstream" (Material for MkDocs) when the flagged element has a
class that Material's own templates write and that none of this project's sources
(overrides/, docs/, sitegen/, hooks.py) write. E.g. `input.md-toggle` (Material's hidden
drawer/search toggles in base.html) and `label.md-nav__title` (partials/toc.html). Every
other error, elements without a class included, counts as this project's markup.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import material

from devkit.project import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
PROJECT_SOURCES = [ROOT / "overrides", ROOT / "docs", ROOT / "sitegen", ROOT / "hooks.py"]
MARKUP_SUFFIXES = {".html", ".md", ".py", ".js"}
TIMEOUT_S = 300


def check(site_dir: Path) -> list[dict]:
    """vnu's messages for site_dir (vnu writes its JSON to stderr; exit 1 just means errors)."""
    done = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", str(site_dir)],
                          capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    try:
        return json.loads(done.stderr)["messages"]
    except (ValueError, KeyError):
        raise RuntimeError(f"vnu failed (exit {done.returncode}): {done.stderr.strip()[-500:]}") from None


def _texts(paths: list[Path]) -> str:
    """The text of the files under paths that can write markup (stylesheets only select it)."""
    files = [f for p in paths for f in ([p] if p.is_file() else p.rglob("*"))
             if f.is_file() and f.suffix in MARKUP_SUFFIXES]
    return "\n".join(f.read_text(encoding="utf-8", errors="ignore") for f in files)


@functools.cache
def _sources() -> tuple[str, str]:
    return _texts([MATERIAL_TEMPLATES]), _texts(PROJECT_SOURCES)


def flagged_element(message: dict) -> str:
    """The markup vnu highlights (the element's opening tag), or "" without an extract."""
    extract, start = message.get("extract") or "", message.get("hiliteStart", 0)
    return extract[start:start + message.get("hiliteLength", 0)]


def is_upstream(message: dict) -> bool:
    """Apply the rule in the module docstring to one message."""
    match = re.search(r'\bclass="([^"]*)"', flagged_element(message))
    if not match:
        return False
    theme, project = _sources()
    classes = match.group(1).split()
    def writes(text: str, name: str) -> bool:  # whole class names: `md-nav` is not `md-nav__title`
        return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None

    return any(writes(theme, c) for c in classes) and not any(writes(project, c) for c in classes)


def summarize(messages: list[dict], site_dir: Path) -> dict:
    """Error counts by message, split upstream/project, with example element and pages."""
    groups: dict[tuple[str, str], dict] = {}
    for m in messages:
        if m.get("type") != "error":
            continue
        origin = "upstream" if is_upstream(m) else "project"
        group = groups.setdefault((origin, m["message"]), {"origin": origin, "message": m["message"], "count": 0,
                                                           "element": flagged_element(m).strip(), "pages": Counter()})
        group["count"] += 1
        group["pages"][m["url"].removeprefix("file:").removeprefix(str(site_dir.resolve()))] += 1
    out = sorted(groups.values(), key=lambda g: (g["origin"], -g["count"]))
    for g in out:
        g["pages"] = dict(g["pages"])
    warnings = Counter(m["message"] for m in messages if m.get("type") != "error")
    return {"errors": out, "other_messages": dict(warnings)}


def run(site_dir: Path) -> dict:
    print(f"vnu: {site_dir}", flush=True)
    return summarize(check(site_dir), site_dir)


def report(result: dict) -> list[str]:
    """Print the errors by origin and message; return the goal lines."""
    for origin, title in (("project", "this project's markup"), ("upstream", "known upstream (Material)")):
        groups = [g for g in result["errors"] if g["origin"] == origin]
        print(f"\nNu Html Checker errors, {title}: {sum(g['count'] for g in groups)}")
        for g in groups:
            print(f"  {g['count']:>4} × {g['message']}\n         e.g. {g['element']}  on {len(g['pages'])} page(s)")
    for message, count in result["other_messages"].items():
        print(f"  (info/warning) {count} × {message}")
    project = sum(g["count"] for g in result["errors"] if g["origin"] == "project")
    upstream = sum(g["count"] for g in result["errors"] if g["origin"] == "upstream")
    return [f"Nu Html Checker, project markup: {'MET' if not project else 'MISSED'} ({project} errors)",
            f"Nu Html Checker, upstream Material: {upstream} errors (reported, not a goal of this project)"]
