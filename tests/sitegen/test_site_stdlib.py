"""The site's own standard library: only what the quizzes need, precompiled, found and proven under Node."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from quizzes.core.registry import all_quizzes
from sitegen.bundle import stdlib as stdlib_module
from sitegen.bundle.cache import FOLDER as CACHE_FOLDER
from sitegen.bundle.cache import STAGING_PREFIX, Cache
from sitegen.bundle.runtime import STOCK_STDLIB, find_runtime
from sitegen.bundle.wheel import build_quiz_wheel
from sitegen.errors import BuildInputError
from sitegen.quiz.source import load_quizzes
from tests.conftest import ROOT, BuiltSite, copy_project, run_mkdocs_build

Stored = tuple[stdlib_module.SiteStdlib, Path]  # a site stdlib, and the cache folder holding it
NPM_STDLIB = ROOT / "node_modules" / "pyodide" / STOCK_STDLIB
TOY_FILE = ROOT / "tests" / "quizzes" / "toy" / "toy_rest.py"


def build(cache: Path, project: Path = ROOT) -> stdlib_module.SiteStdlib:
    """build_site_stdlib for a project (this one unless told), with its caches (wheel and stdlib)
    in `cache`; another project's quizzes are loaded as the build loads them."""
    quizzes = {quiz.id: quiz for quiz in all_quizzes()} if project == ROOT else load_quizzes(project)
    wheel = build_quiz_wheel(project, Cache(cache / "quiz-wheel", "quiz wheel"))
    return stdlib_module.build_site_stdlib(project, find_runtime(project), wheel, quizzes,
                                           cache=Cache(cache / "site-stdlib", "site stdlib"),
                                           compiled_cache=Cache(cache / "compiled-stdlib", "compiled stdlib"))


def record_node_commands(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The stdlib.mjs commands (`compile`, `trim`) the build runs from now on, in order; each still runs."""
    commands: list[str] = []
    real_run = subprocess.run

    def run(args: list[str], **kwargs: object) -> object:
        if args[1:2] == [str(stdlib_module.SCRIPT)]:
            commands.append(args[2])
        return real_run(args, **kwargs)

    monkeypatch.setattr(subprocess, "run", run)
    return commands


def served_stdlib(site: Path) -> Path:
    (path,) = (site / "assets" / "pyodide").glob("*/stdlib-*.zip")
    return path


def add_toy_quiz(project: Path, imports: str, *, score: str | None = None) -> None:
    """The tests' toy quiz as quizzes/toy.py, with `imports` after its own and, if `score` is
    given, a kind of ScaleQuiz whose score() runs that line first."""
    text = TOY_FILE.read_text(encoding="utf-8")
    text = text.replace("from quizzes.core.scale import ScaleQuiz\n",
                        f"from quizzes.core.scale import ScaleQuiz\n{imports}\n")
    if score:
        text = text.replace("QUIZ = ScaleQuiz(", "class LazyQuiz(ScaleQuiz):\n    def score(self, answers):\n"
                                                 f"        {score}\n        return super().score(answers)\n\n\n"
                                                 "QUIZ = LazyQuiz(")
    (project / "quizzes" / "toy.py").write_text(text, encoding="utf-8")


def test_the_site_serves_a_deflated_zip_of_pyc_smaller_than_npms_stdlib(built_site: Path) -> None:
    path = served_stdlib(built_site)
    entries = zipfile.ZipFile(path).infolist()
    assert {entry.compress_type for entry in entries} == {zipfile.ZIP_DEFLATED}
    names = [entry.filename for entry in entries]
    assert names == sorted(names) and {entry.date_time for entry in entries} == {(1980, 1, 1, 0, 0, 0)}
    assert not [name for name in names if name.endswith(".py")]
    assert {"json/__init__.pyc", "dataclasses.pyc", "traceback.pyc", "_pyodide/__init__.pyc"} <= set(names)
    assert len(names) < len(zipfile.ZipFile(NPM_STDLIB).namelist()) / 3
    # Deflated, it is far smaller than npm's on any host, compressing or not.
    assert path.stat().st_size < 0.7 * NPM_STDLIB.stat().st_size
    assert not list(built_site.rglob(STOCK_STDLIB))


def test_the_pyc_files_are_for_the_browsers_python(built_site: Path) -> None:
    # Magic number of Python 3.14 (importlib.util.MAGIC_NUMBER there); flags 0b01: hash-based, unchecked.
    pyc = zipfile.ZipFile(served_stdlib(built_site)).read("json/__init__.pyc")
    assert int.from_bytes(pyc[:2], "little") in range(3600, 3700) and pyc[2:4] == b"\r\n"
    assert int.from_bytes(pyc[4:8], "little") == 0b01


def test_paths_js_names_the_stdlib_and_the_size_of_every_file_the_worker_fetches(built_site: Path) -> None:
    (folder,) = (built_site / "assets" / "quiz").iterdir()
    paths = (folder / "paths.js").read_text(encoding="utf-8")
    name = served_stdlib(built_site).name
    assert re.search(rf'export const stdLibURL = new URL\("\.\./\.\./\.\./assets/pyodide/[^/"]+/{name}"', paths)
    sizes = json.loads(paths.partition("export const runtimeFiles = ")[2].rstrip().removesuffix(";"))
    assert sorted(Path(url).name for url in sizes) == sorted(
        ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", name, "pyodide-lock.json",
         json.loads((folder / "pyodide-lock.json").read_text())["packages"]["quizzes"]["file_name"]])
    for url, size in sizes.items():
        assert (folder / url).resolve().stat().st_size == size, url


@pytest.fixture(scope="module")
def first_build(site_build: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Stored:
    """The project's build cache as the session's build left it, copied: that build found this
    project's stdlib with Node (or verified the entry an earlier one stored), so reading it here
    is a cache hit. Shared by the tests below, which work on copies of it."""
    cache = tmp_path_factory.mktemp("stdlib") / "cache"
    shutil.copytree(ROOT / CACHE_FOLDER, cache, ignore=shutil.ignore_patterns(STAGING_PREFIX + "*"))
    return build(cache), cache


def test_a_second_build_with_the_same_inputs_runs_no_node(first_build: Stored,
                                                          tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, cache = first_build
    assert set(first.modules) >= {"json", "dataclasses", "enum", "traceback"}
    assert first.file_name == f"stdlib-{first.sha256[:12]}.zip"

    def no_node(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"Node ran on a cache hit: {args}")

    monkeypatch.setenv("PATH", str(tmp_path))  # no node here
    monkeypatch.setattr(subprocess, "run", no_node)
    assert build(cache) == first


def test_truncated_cached_zips_are_found_and_rebuilt_to_the_same_bytes(
        first_build: Stored, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    shared, shared_cache = first_build
    cache = shutil.copytree(shared_cache, tmp_path / "cache")
    first = build(cache)  # the copy's entry, verified: no Node
    assert first.sha256 == shared.sha256 and first.path != shared.path
    intact = first.path.read_bytes()
    # Both the site stdlib and the compiled stdlib it was taken from, as a full disk or a killed
    # build leaves them: the rebuild starts from npm's stdlib, as a fresh checkout's first build.
    for path in [first.path, *(cache / "compiled-stdlib").glob(f"*/{stdlib_module.ZIP_NAME}")]:
        path.write_bytes(path.read_bytes()[:1000])
    commands = record_node_commands(monkeypatch)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.sitegen.cache"):
        second = build(cache)
    assert commands == ["compile", "trim"]  # Node compiled, found and proved it again
    # Reproducible: these Node runs, with nothing of the stored zips left, give the bytes the
    # session's build (or the earlier build whose entry it verified) stored.
    assert second == first and second.path.read_bytes() == intact
    assert hashlib.sha256(second.path.read_bytes()).hexdigest() == second.sha256
    damaged = r"is damaged \(python_stdlib\.zip has 1000 bytes with sha256 [0-9a-f]{12}…, not the \d+ bytes with " \
              r"sha256 [0-9a-f]{12}… it was stored with\): building it again\."
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2, messages
    for kind, message in zip(("site stdlib", "compiled stdlib"), messages, strict=True):
        assert re.fullmatch(rf"The cached {kind} [0-9a-f]{{24}} {damaged}", message), message


def test_without_node_the_build_names_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BuildInputError) as raised:
        build(tmp_path / "cache")
    assert str(raised.value).startswith("package.json: Node.js is not installed")
    assert "Node 20" in str(raised.value) and "make install" in str(raised.value)


def test_a_node_crash_shows_its_last_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    crash = tmp_path / "crash.mjs"
    crash.write_text('console.error("the wasm would not start"); process.exit(3);\n', encoding="utf-8")
    monkeypatch.setattr(stdlib_module, "SCRIPT", crash)
    with pytest.raises(BuildInputError) as raised:
        build(tmp_path / "cache")
    assert "exited with code 3" in str(raised.value) and "the wasm would not start" in str(raised.value)


BROWSER_LACKS = "which the browser's Python (Pyodide "
REMOVE_IT = "use another standard-library module, or remove the import"


@pytest.mark.usefixtures("quiz_modules_kept")
@pytest.mark.parametrize(("imports", "score", "where", "problem"), [
    # Inside score(): found by running the import statements one by one.
    ("", "import dbm", r"quizzes/toy\.py:\d+", r"imports 'dbm', "),
    # Hidden from any import statement: found by scoring the samples.
    ("import importlib", "importlib.import_module('dbm')", r"quizzes/toy\.py", r"scoring .+ imports 'dbm', "),
])
def test_a_quiz_importing_what_the_browser_lacks_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          imports: str, score: str, where: str, problem: str) -> None:
    # In process, through the function the build calls; the end-to-end build below shows the
    # build stops with such a message. dbm is in CPython's standard library, so `python -m
    # quizzes check` passes, but Pyodide leaves it out. (sqlite3, the usual example, is in Pyodide 314's core.)
    project = copy_project(tmp_path / "project", docs=False)
    add_toy_quiz(project, imports, score=score)
    commands = record_node_commands(monkeypatch)
    with pytest.raises(BuildInputError) as raised:
        build(project / CACHE_FOLDER, project)
    assert commands == ["trim"]  # the copied cache's compiled stdlib is used: an edited quiz compiles nothing
    assert re.fullmatch(where, raised.value.where), raised.value.where
    assert re.match(problem, raised.value.problem) and BROWSER_LACKS in raised.value.problem, raised.value.problem
    assert raised.value.fix == REMOVE_IT


def test_a_quiz_importing_what_the_browser_lacks_at_its_top_fails_the_build(tmp_path: Path) -> None:
    # At the top of the module: the quiz cannot even be imported in the browser.
    project = copy_project(tmp_path / "project")
    add_toy_quiz(project, "import dbm")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert re.search(r"quizzes/toy\.py:\d+: imports 'dbm', which the browser's Python \(Pyodide [\d.]+\) does",
                     result.stderr), result.stderr
    assert REMOVE_IT in result.stderr


def test_a_runtime_other_than_the_pinned_one_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")  # node_modules is a link: change the pin instead
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    installed = lock["packages"]["node_modules/pyodide"]["version"]
    lock["packages"]["node_modules/pyodide"]["version"] = "0.29.3"
    (project / "package-lock.json").write_text(json.dumps(lock), encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (f"package-lock.json: node_modules/pyodide is version {installed}, but package-lock.json pins 0.29.3"
            in result.stderr)
    assert "run `make install` (npm ci installs the pinned runtime)" in result.stderr


def node_report(**changes: object) -> dict:
    """A report as stdlib.mjs writes it: one failure of the proof run, then `changes`."""
    failure = {"run": "proof", "step": "sample", "index": 0, "type": "KeyError", "missing": None,
               "message": "KeyError: 'x'"}
    report = {"modules": ["json"], "failures": [failure], "replies": {"discovery": ["{}"], "proof": [None]}}
    return {**report, **changes}


def test_nodes_report_is_read_into_typed_values() -> None:
    report = stdlib_module.read_report(node_report())
    (failure,) = report.failures
    assert (failure.run, failure.step, failure.index) == (stdlib_module.Run.PROOF, stdlib_module.Step.SAMPLE, 0)
    assert report.replies == {stdlib_module.Run.DISCOVERY: ("{}",), stdlib_module.Run.PROOF: (None,)}
    assert report.modules == ("json",)


@pytest.mark.parametrize(("changes", "named"), [
    ({"failures": [{"run": "proof", "step": "samples", "index": 0, "type": "E", "missing": None, "message": ""}]},
     "failures[0].step is 'samples', not one of 'import', 'module', 'sample', 'traceback'"),
    ({"failures": [{"run": "later", "step": "sample", "index": 0, "type": "E", "missing": None, "message": ""}]},
     "failures[0].run is 'later', not one of 'discovery', 'proof'"),
    ({"failures": [{"run": "proof", "step": "sample", "index": -1, "type": "E", "missing": None, "message": ""}]},
     "failures[0].index is -1, not a position in a list"),
    ({"failures": [{"run": "proof", "step": "sample", "index": 0}]},
     "failures[0] lacks ['message', 'missing', 'type']"),
    ({"replies": {"discovery": [], "third": []}}, "replies has unknown fields ['third']"),
    ({"verdict": "ok"}, "the report has unknown fields ['verdict']"),
    ({"modules": "json"}, "modules is str, not a list"),
])
def test_a_report_node_did_not_write_as_agreed_is_named(changes: dict, named: str) -> None:
    with pytest.raises(BuildInputError) as raised:
        stdlib_module.read_report(node_report(**changes))
    assert raised.value.where == "sitegen/bundle/stdlib.mjs"
    assert named in raised.value.problem
