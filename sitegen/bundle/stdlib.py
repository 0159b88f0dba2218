"""The site's standard library for Pyodide: only the modules the quizzes need, precompiled.

npm's `python_stdlib.zip` holds the sources of the whole library, so every start in the
reader's browser compiles what it imports. The site serves instead a zip of `.pyc` files of
just the modules that Pyodide's start-up and the quizzes import, found by running them under
Node (stdlib.mjs) and then proven: a second Pyodide started with that zip alone must give,
for every sample answer set of every quiz, the very reply CPython gives here.

Node's work is cached (cache.py: in the project, verified before use) by the digest of its
inputs, so only a changed quiz, runtime or builder pays it. It comes in two steps, cached
apart: the whole stdlib compiled by the runtime's own Python (once per runtime, about 5 s),
then the modules the quizzes need taken from it and proven (at each quiz change, about 1.5 s;
starting Pyodide on compiled modules is what makes it quick).
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sitegen.bundle.cache import Cache
from sitegen.bundle.lockfile import site_lockfile
from sitegen.bundle.runtime import Runtime
from sitegen.bundle.wheel import Wheel
from sitegen.errors import BuildInputError

if TYPE_CHECKING:  # for types only: sitegen.quiz imports this module, so a real import would be a cycle
    from sitegen.quiz.surface import QuizSurface

SCRIPT = Path(__file__).with_name("stdlib.mjs")
ZIP_NAME = "python_stdlib.zip"  # in a cache entry of either kind
NODE_TIMEOUT_S = 300


@dataclass(frozen=True)
class SiteStdlib:
    """The proven zip in the cache, its sha256 and the modules in it."""

    path: Path
    sha256: str
    modules: tuple[str, ...]

    @property
    def file_name(self) -> str:
        """Named by content, so a browser cache can never serve an old one."""
        return f"stdlib-{self.sha256[:12]}.zip"


@dataclass(frozen=True)
class _Sample:
    """One answer set a quiz's form can (or cannot) send, and CPython's reply to it."""

    quiz_id: str
    where: str  # the quiz's file, e.g. "quizzes/trust_signs.py"
    label: str
    answers: str  # JSON, as the worker sends it
    reply: str


@dataclass(frozen=True)
class _Job:
    """What Node runs, and where each item came from, to name it in an error."""

    modules: list[tuple[str, str]]  # (module name, its file)
    imports: list[tuple[str, str]]  # (statement, its file:line)
    samples: list[_Sample]


def build_site_stdlib(project: Path, runtime: Runtime, wheel: Wheel, quizzes: Mapping[str, QuizSurface], *,
                      cache: Cache, compiled_cache: Cache) -> SiteStdlib:
    """The site stdlib for this runtime and wheel: from `cache` if intact, or found and proven now
    (from the runtime's whole stdlib compiled, kept in `compiled_cache`)."""
    key = _digest(runtime, wheel.sha256, sys.version)[:24]
    entry = cache.load(key)
    if entry is None:
        compiled = _compiled_stdlib(runtime, compiled_cache)
        with tempfile.TemporaryDirectory(prefix="site-stdlib-") as staging:
            modules = _build(Path(staging), project, runtime, compiled, wheel, quizzes)
            entry = cache.store(key, [Path(staging) / ZIP_NAME], {"modules": modules})
    return SiteStdlib(path=entry.file(ZIP_NAME), sha256=entry.sha256(ZIP_NAME), modules=tuple(entry.data["modules"]))


def _compiled_stdlib(runtime: Runtime, cache: Cache) -> Path:
    """npm's whole stdlib compiled by the runtime's Python: from `cache` if intact, or compiled now."""
    key = _digest(runtime)[:24]
    entry = cache.load(key)
    if entry is None:
        with tempfile.TemporaryDirectory(prefix="compiled-stdlib-") as staging:
            _run_node("compile", Path(staging), runtime, {"output": str(Path(staging) / ZIP_NAME)})
            entry = cache.store(key, [Path(staging) / ZIP_NAME])
    return entry.file(ZIP_NAME)


def _digest(runtime: Runtime, *inputs: str) -> str:
    """Everything a zip depends on: the runtime's files, this code, and `inputs` (for the site
    stdlib: the quiz code, by the wheel's digest, and the Python whose replies the proof compares with)."""
    digest = hashlib.sha256("\0".join((runtime.version, *inputs, "")).encode())
    for name, sha256 in sorted(runtime.digests().items()):
        digest.update(f"{name}={sha256}\0".encode())
    for path in (SCRIPT, Path(__file__)):
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _build(staging: Path, project: Path, runtime: Runtime, compiled: Path, wheel: Wheel,
           quizzes: Mapping[str, QuizSurface]) -> list[str]:
    """Run Node to write the zip into `staging`, check its report; the modules in the zip."""
    job = _Job(_quiz_modules(project, quizzes), _import_statements(project), _samples(project, quizzes))
    report = read_report(_run_node("trim", staging, runtime, {
        "compiled": str(compiled.resolve()),
        "lockfile": site_lockfile(runtime, wheel),
        "wheel": str(wheel.path),
        "output": str(staging / ZIP_NAME),
        "modules": [name for name, _ in job.modules],
        "imports": [statement for statement, _ in job.imports],
        "samples": [{"quiz": sample.quiz_id, "answers": sample.answers} for sample in job.samples],
    }))
    _check(report, job, runtime)
    return list(report.modules)


# -----------------------------------------------------------------------------
# What Node runs
# -----------------------------------------------------------------------------

def _quiz_modules(project: Path, quizzes: Mapping[str, QuizSurface]) -> list[tuple[str, str]]:
    """Every quiz module by name, as the browser imports it, with its file."""
    files = sorted({_relative(project, quiz.file) for quiz in quizzes.values()})
    return [(file.removesuffix(".py").replace("/", "."), file) for file in files]


def _import_statements(project: Path) -> list[tuple[str, str]]:
    """Every absolute import of quizzes/**.py, one module a statement, with its file:line.

    Run one by one under Node, they also reach imports inside functions no sample calls.
    """
    statements: dict[str, str] = {}
    for path in sorted((project / "quizzes").rglob("*.py")):
        where = path.relative_to(project).as_posix()
        for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
            for statement in _statements(node):
                statements.setdefault(statement, f"{where}:{getattr(node, 'lineno', 1)}")
    return list(statements.items())


def _statements(node: ast.AST) -> list[str]:
    """`import a.b` for each module of an import; `from a import b, c` as written.

    The package's own modules are left out: the wheel holds them, not the standard library.
    """
    if isinstance(node, ast.Import):
        return [f"import {alias.name}" for alias in node.names if alias.name.split(".")[0] != "quizzes"]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] != "quizzes":
        return [f"from {node.module} import {', '.join(alias.name for alias in node.names)}"]
    return []


def _samples(project: Path, quizzes: Mapping[str, QuizSurface]) -> list[_Sample]:
    """`python -m quizzes check`'s sample answer sets, valid and invalid, with CPython's replies.

    Imported at call time: the build imports `quizzes/` afresh each time (see quiz/source.py).
    """
    check = importlib.import_module("quizzes.core.check")
    score_json = importlib.import_module("quizzes.core.browser").score_json
    samples = []
    for quiz_id, quiz in sorted(quizzes.items()):
        for label, answers in [*check.valid_answer_sets(quiz), *check.invalid_answer_sets(quiz)]:
            answers_json = json.dumps(answers)
            samples.append(_Sample(quiz_id, _relative(project, quiz.file), label, answers_json,
                                   score_json(quiz_id, answers_json)))
    return samples


def _relative(project: Path, file: str) -> str:
    return Path(file).resolve().relative_to(project.resolve()).as_posix()


# -----------------------------------------------------------------------------
# Running Node
# -----------------------------------------------------------------------------

def _run_node(command: str, staging: Path, runtime: Runtime, job: dict[str, object]) -> object:
    """stdlib.mjs's `command` run on `job` with the runtime's folder; its report (None if it prints
    none); a BuildInputError if Node is missing, fails or says nothing readable."""
    node = shutil.which("node")
    if node is None:
        raise BuildInputError("package.json", "Node.js is not installed; the build needs it (Node 20) to make "
                                              "and prove the standard library the browser's Python loads",
                              "install Node.js 20, then run `make install`")
    job_file = staging / "job.json"
    job_file.write_text(json.dumps({"runtime": str(runtime.package_dir.resolve()), **job}), encoding="utf-8")
    try:
        done = subprocess.run([node, str(SCRIPT), command, str(job_file)], capture_output=True, text=True,
                              timeout=NODE_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise _node_failed(f"it did not finish within {NODE_TIMEOUT_S} s") from None
    if done.returncode != 0:
        raise _node_failed(f"it exited with code {done.returncode}:\n    {_last_lines(done.stderr)}")
    if not done.stdout:
        return None
    try:
        report: dict[str, Any] = json.loads(done.stdout)
        return report
    except json.JSONDecodeError:
        raise _node_failed(f"its report is not JSON:\n    {_last_lines(done.stdout + done.stderr)}") from None


def _node_failed(problem: str) -> BuildInputError:
    return BuildInputError("sitegen/bundle/stdlib.mjs",
                           f"Node failed while making the browser's standard library: {problem}",
                           "run `make install` (it reinstalls the pinned runtime); if it still fails, "
                           "Node's last lines above say where")


def _last_lines(text: str, count: int = 8) -> str:
    return "\n    ".join(text.strip().splitlines()[-count:]) or "(no output)"


# -----------------------------------------------------------------------------
# Reading Node's report
# -----------------------------------------------------------------------------

class Run(Enum):
    """Which Pyodide of stdlib.mjs: with npm's whole stdlib, or with the site's zip alone."""

    DISCOVERY = "discovery"
    PROOF = "proof"


class Step(Enum):
    """What failed; the order is the order failures are reported in (see `_check`)."""

    IMPORT = "import"  # an import statement of quizzes/: `index` into the job's imports
    MODULE = "module"  # importing a quiz module: into the job's modules
    SAMPLE = "sample"  # scoring a sample answer set: into the job's samples
    TRACEBACK = "traceback"  # a Python error did not reach JS as the worker expects


@dataclass(frozen=True)
class NodeFailure:
    """One failure stdlib.mjs reports."""

    run: Run
    step: Step
    index: int
    type: str
    missing: str | None  # the module a ModuleNotFoundError names
    message: str


@dataclass(frozen=True)
class NodeReport:
    """stdlib.mjs's report: the modules in the zip, the failures, each run's replies to the samples
    (JSON text, or None where scoring failed)."""

    modules: tuple[str, ...]
    failures: tuple[NodeFailure, ...]
    replies: dict[Run, tuple[str | None, ...]]


_E = TypeVar("_E", bound=Enum)


class _Unreadable(Exception):
    """A part of the report that is not what stdlib.mjs writes."""


def read_report(data: object) -> NodeReport:
    """stdlib.mjs's parsed JSON as a NodeReport; a BuildInputError naming anything unknown or missing."""
    try:
        report = _fields(data, "the report", {"modules", "failures", "replies"})
        return NodeReport(
            modules=tuple(_text(name, "modules[]") for name in _list(report["modules"], "modules")),
            failures=tuple(_failure(item, f"failures[{index}]")
                           for index, item in enumerate(_list(report["failures"], "failures"))),
            replies={run: tuple(None if reply is None else _text(reply, f"replies.{run.value}[]")
                                for reply in _list(replies, f"replies.{run.value}"))
                     for run, replies in _by_run(report["replies"], "replies").items()},
        )
    except _Unreadable as unreadable:
        raise BuildInputError("sitegen/bundle/stdlib.mjs", f"Node's report cannot be read: {unreadable}",
                              _report_it()) from None


def _fields(data: object, where: str, allowed: set[str], required: set[str] | None = None) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _Unreadable(f"{where} is {type(data).__name__}, not an object")
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise _Unreadable(f"{where} has unknown fields {unknown}")
    missing = sorted((allowed if required is None else required) - set(data))
    if missing:
        raise _Unreadable(f"{where} lacks {missing}")
    return data


def _list(value: object, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _Unreadable(f"{where} is {type(value).__name__}, not a list")
    return value


def _text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise _Unreadable(f"{where} is {type(value).__name__}, not text")
    return value


def _enum(kind: type[_E], value: object, where: str) -> _E:
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(repr(member.value) for member in kind)
        raise _Unreadable(f"{where} is {value!r}, not one of {known}") from None


def _by_run(value: object, where: str) -> dict[Run, Any]:
    """An object keyed by run; the proof's key is absent when discovery failed."""
    runs = _fields(value, where, {run.value for run in Run}, required=set())
    return {_enum(Run, name, f"{where} key"): item for name, item in runs.items()}


def _failure(value: object, where: str) -> NodeFailure:
    item = _fields(value, where, {"run", "step", "index", "type", "missing", "message"})
    index = item["index"]
    if isinstance(index, bool) or not isinstance(index, int) or index < 0:
        raise _Unreadable(f"{where}.index is {index!r}, not a position in a list")
    missing = item["missing"]
    return NodeFailure(
        run=_enum(Run, item["run"], f"{where}.run"),
        step=_enum(Step, item["step"], f"{where}.step"),
        index=index,
        type=_text(item["type"], f"{where}.type"),
        missing=None if missing is None else _text(missing, f"{where}.missing"),
        message=_text(item["message"], f"{where}.message"),
    )


def _check(report: NodeReport, job: _Job, runtime: Runtime) -> None:
    """The first failure as a BuildInputError naming its file; then every reply against CPython's.

    Failed import statements are reported first: they name the module as the quiz wrote
    it, and a quiz module that cannot be imported makes every later step fail too.
    """
    order = list(Step)
    if report.failures:
        raise _failure_error(min(report.failures, key=lambda failure: order.index(failure.step)), job, runtime)
    for run in Run:
        replies = report.replies.get(run)
        if replies is None:
            raise BuildInputError("sitegen/bundle/stdlib.mjs", f"Node's report has no replies of the {run.value} "
                                  "run, and no failure to say why", _report_it())
        for sample, reply in zip(job.samples, replies, strict=True):
            if reply is None or json.loads(reply) != json.loads(sample.reply):
                raise BuildInputError(
                    sample.where,
                    f"{_browser(runtime, run)} scores {sample.label} differently from this machine's Python "
                    f"{sys.version_info.major}.{sys.version_info.minor}:\n"
                    f"    browser: {reply}\n    here:    {sample.reply}",
                    "make the scoring give the same result on every Python 3 (no reliance on set order, "
                    "float formatting or features of one version)" if run is Run.DISCOVERY else _report_it(),
                )


def _failure_error(failure: NodeFailure, job: _Job, runtime: Runtime) -> BuildInputError:
    """A failure of Node's report as the error to raise, at the file (and line) it came from."""
    browser = _browser(runtime, failure.run)
    if failure.step is Step.TRACEBACK:
        return BuildInputError("sitegen/bundle/stdlib.mjs",
                               f"in {browser}, a Python error did not reach JS as the worker expects: "
                               f"{failure.message}", _report_it())
    where, doing, module = _failed_item(failure, job)
    if failure.run is Run.PROOF:
        return BuildInputError(where, f"{doing} fails in {browser}, though not with the full one: "
                                      f"{failure.message}", _report_it(failure.missing))
    if failure.type == "ModuleNotFoundError" and module:
        when = f"{doing} " if failure.step is Step.SAMPLE else ""  # no import statement shows it: say when
        return BuildInputError(where, f"{when}imports {module!r}, which {browser} does not include",
                               "use another standard-library module, or remove the import")
    python = runtime.lockfile()["info"]["python"]
    return BuildInputError(where, f"{doing} fails in {browser}: {failure.message}",
                           f"make the code work on Python {python} too")


def _failed_item(failure: NodeFailure, job: _Job) -> tuple[str, str, str | None]:
    """Where the failed item is, what was being done, and the module that was missing."""
    step, index, missing = failure.step, failure.index, failure.missing
    try:
        if step is Step.IMPORT:
            statement, where = job.imports[index]
            module = statement.split()[1]
            # `import a.b` where `a` is there and `a.b` is not names `a.b`; `_sqlite3` missing names `sqlite3`.
            return where, f"`{statement}`", missing if missing and missing.startswith(f"{module}.") else module
        if step is Step.MODULE:
            name, where = job.modules[index]
            return where, f"importing {name}", missing
        sample = job.samples[index]
    except IndexError:
        raise BuildInputError("sitegen/bundle/stdlib.mjs", f"Node's report names {step.value} {index}, which "
                              "the job does not have", _report_it()) from None
    return sample.where, f"scoring {sample.label}", missing


def _browser(runtime: Runtime, run: Run) -> str:
    """The Python a run of stdlib.mjs used, as error messages name it."""
    browser = f"the browser's Python (Pyodide {runtime.version})"
    return browser if run is Run.DISCOVERY else f"{browser} with the site's trimmed standard library"


def _report_it(missing: str | None = None) -> str:
    """The fix for a fault of this code, not of the quizzes."""
    keep = f"; meanwhile, `import {missing}` at the top of the quiz module makes the build keep it" if missing else ""
    return f"this is a bug of sitegen/bundle/stdlib.mjs, please report it{keep}"
