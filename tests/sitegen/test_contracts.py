"""One home per contract: each name Python, the templates and the scripts share is written only
in sitegen/contracts.py, and reaches the others as the build hands it on (sitegen/contracts.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitegen import contracts
from sitegen.settings import origin
from tests.conftest import ROOT

HOME = ROOT / "sitegen" / "contracts.py"
# Everything the build reads or serves that a copy could hide in.
SOURCES = [ROOT / "hooks.py", *(ROOT / "sitegen").rglob("*.py"), *(ROOT / "sitegen").rglob("*.mjs"),
           *(path for path in (ROOT / "overrides").rglob("*") if path.suffix in {".js", ".html", ".css", ".json"})]


def _bounded(value: str) -> re.Pattern[str]:
    """`value` as a whole name: not the middle of a longer one (`data-quick-exit` is not found in
    `data-rebuilding-trust-quick-exit`, nor `rebuilding-trust:` in `rebuilding-trust:site-root/`)."""
    return re.compile(rf"(?<![\w-]){re.escape(value)}(?![\w-])")


def _quoted_path(value: str) -> re.Pattern[str]:
    """A file's address as a string in code (not a comment naming the file): quoted whole, or
    with a query after it."""
    return re.compile(rf"""["'`]{re.escape(value)}["'`?]""")


# The quiz anchor is a prefix a copy would glue to an id: "quiz-" ~ id, f"quiz-{id}", `quiz-${id}`.
QUIZ_ANCHOR = re.compile(r"""["'`]quiz-(?:["'`]|\{|\$\{)""")

CONTRACTS = {
    **{name: _bounded(value) for name, value in contracts.for_scripts().items()},
    **{name: _quoted_path(value) for name, value in contracts.for_scripts().items() if value.endswith(("/", ".js"))},
    "HOST_SCRIPT": _quoted_path(contracts.HOST_SCRIPT),
    "quiz_anchor": QUIZ_ANCHOR,
}


@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_each_contract_is_written_in_one_file_only(name: str) -> None:
    found = [path.relative_to(ROOT).as_posix() for path in SOURCES
             if CONTRACTS[name].search(path.read_text(encoding="utf-8"))]
    assert found == ["sitegen/contracts.py"], f"{name} is written in {found}: read it from sitegen/contracts.py"


def test_the_search_finds_a_copy() -> None:
    """The patterns catch the copies this project used to hold (so the test above can fail)."""
    copies = {
        "CACHE_PREFIX": "const PREFIX = `rebuilding-trust:${root.pathname}:`;",
        "EMBED_HEIGHT": 'const HEIGHT = "rebuilding-trust-embed:height";',
        "EMBED_FRAME_ATTRIBUTE": 'querySelectorAll("iframe[data-rebuilding-trust-embed]")',
        "QUICK_EXIT_ATTRIBUTE": '<a class="quick-exit" href="{{ url }}" data-quick-exit rel="noreferrer"',
        "EMBED_ORIGINS_META": """querySelector('meta[name="rebuilding-trust-embed-origins"]')""",
        "SERVICE_WORKER": 'new URL("service-worker.js?chosen", root)',
        "HOST_SCRIPT": """<script src="{{ 'embed/host.js' | url }}" defer></script>""",
        "EMBED_GUIDE_PAGES": 'const embedCopies = new URL("embed/guide/", root).href;',
        "quiz_anchor": '{%- set root_id = "quiz-" ~ quiz.id -%}',
    }
    for name, copy in copies.items():
        assert CONTRACTS[name].search(copy), name
    assert not CONTRACTS["CACHE_PREFIX"].search('SITE_ROOT = "rebuilding-trust:site-root/"')
    assert not QUIZ_ANCHOR.search('const STORAGE_PREFIX = "quiz-answers:";')


def test_the_scripts_module_exports_every_value_and_the_site_root() -> None:
    module = contracts.script_module("../../../")
    exported = dict(re.findall(r"^export const (\w+) = (\".*\");$", module, re.MULTILINE))
    assert {name: json.loads(value) for name, value in exported.items()} == contracts.for_scripts()
    assert 'export const siteRoot = new URL("../../../", import.meta.url).href;' in module


def test_classic_scripts_get_the_same_values() -> None:
    line = contracts.script_constants()
    assert line.startswith("const CONTRACTS = ") and line.endswith(";") and "\n" not in line
    assert json.loads(line.removeprefix("const CONTRACTS = ").removesuffix(";")) == contracts.for_scripts()


def test_the_built_site_hands_every_script_the_values(built_site: Path) -> None:
    (module,) = built_site.glob("assets/site/*/contracts.js")
    assert module.read_text(encoding="utf-8") == contracts.script_module("../../../")
    for classic in ("service-worker.js", "embed/host.js"):
        text = (built_site / classic).read_text(encoding="utf-8")
        assert contracts.script_constants() in text and "const CONTRACTS = null;" not in text, classic


@pytest.mark.parametrize(("written", "fields"), [
    ("https://clinic.example", {"protocol": "https:", "host": "clinic.example", "port": "", "subdomains": False}),
    ("https://clinic.example:443", {"protocol": "https:", "host": "clinic.example", "port": "", "subdomains": False}),
    ("https://*.clinic.example:8443",
     {"protocol": "https:", "host": "clinic.example", "port": "8443", "subdomains": True}),
    ("http://[::1]:8000", {"protocol": "http:", "host": "[::1]", "port": "8000", "subdomains": False}),
])
def test_an_origin_reaches_the_frame_as_the_fields_of_a_url(written: str, fields: dict[str, object]) -> None:
    """embed-frame.js compares these with `new URL(origin)`'s own fields: a default port is ""
    there too, and an IPv6 host keeps its brackets."""
    assert origin(written).for_script() == fields
