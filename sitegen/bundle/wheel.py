"""Package `quizzes/` as the pure-Python wheel Pyodide loads, with standard PEP 517 tooling."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from sitegen.bundle.cache import Cache
from sitegen.errors import BuildInputError

# A fixed timestamp makes the wheel byte-for-byte reproducible, so its sha256 only
# changes when the quiz code does (flit_core honours SOURCE_DATE_EPOCH).
REPRODUCIBLE_EPOCH = "1700000000"
BACKEND = "flit_core"  # pyproject.toml's build backend: its version shapes the wheel's bytes


@dataclass(frozen=True)
class Wheel:
    """A built wheel: where it is, its file name, and the sha256 Pyodide checks it against."""

    path: Path
    sha256: str

    @property
    def file_name(self) -> str:
        return self.path.name


def source_digest(project: Path) -> str:
    """A digest of everything that goes into the wheel: pyproject.toml, quizzes/**.py and the
    backend's version."""
    digest = hashlib.sha256(f"{BACKEND} {_backend_version()}\0".encode())
    for path in [project / "pyproject.toml", *sorted((project / "quizzes").rglob("*.py"))]:
        digest.update(path.relative_to(project).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_quiz_wheel(project: Path, cache: Cache) -> Wheel:
    """The wheel of the `quizzes` package in `project`: from the cache if intact, else built now."""
    key = source_digest(project)[:24]
    entry = cache.load(key)
    if entry is None:
        with tempfile.TemporaryDirectory(prefix="quiz-wheel-") as staging:
            entry = cache.store(key, [_build(project, Path(staging))])
    (name,) = entry.data["files"]
    return Wheel(path=entry.file(name), sha256=entry.sha256(name))


def _backend_version() -> str:
    try:
        return metadata.version(BACKEND)
    except metadata.PackageNotFoundError:
        return "missing"  # _build names what to install


def _reproducible(runner: Callable[..., None]) -> Callable[..., None]:
    """The backend runner, with the fixed timestamp set for the backend's process only.

    Set in this process instead, it would leak into the rest of the build: MkDocs reads
    SOURCE_DATE_EPOCH too, and every <lastmod> of sitemap.xml would carry this date.
    """

    def run(cmd: Sequence[str], cwd: str | None = None, extra_environ: Mapping[str, str] | None = None) -> None:
        runner(cmd, cwd, {**(extra_environ or {}), "SOURCE_DATE_EPOCH": REPRODUCIBLE_EPOCH})

    return run


def _build(project: Path, staging: Path) -> Path:
    """Build the wheel into `staging`; the caller moves it into the cache."""
    try:
        from build import BuildException, ProjectBuilder
        from pyproject_hooks import quiet_subprocess_runner
    except ImportError as missing:
        raise BuildInputError("requirements.txt", f"the package {missing.name!r} is missing",
                              "run `make install`") from None
    try:
        builder = ProjectBuilder(project, runner=_reproducible(quiet_subprocess_runner))
        return Path(builder.build("wheel", staging))
    except BuildException as error:
        raise BuildInputError("pyproject.toml", f"the quiz wheel could not be built: {error}",
                              "check that pyproject.toml and quizzes/ are intact, then run `make install`") from None
