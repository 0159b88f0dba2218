"""Package `quizzes/` as the pure-Python wheel Pyodide loads, with standard PEP 517 tooling."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import BuildInputError

# A fixed timestamp makes the wheel byte-for-byte reproducible, so its sha256 only
# changes when the quiz code does (flit_core honours SOURCE_DATE_EPOCH).
REPRODUCIBLE_EPOCH = "1700000000"
CACHE = Path(tempfile.gettempdir()) / "rebuilding-trust-quiz-wheels"


@dataclass(frozen=True)
class Wheel:
    """A built wheel: where it is, its file name, and the sha256 Pyodide checks it against."""

    path: Path
    sha256: str

    @property
    def file_name(self) -> str:
        return self.path.name


def source_digest(project: Path) -> str:
    """A digest of everything that goes into the wheel: pyproject.toml and quizzes/**.py."""
    digest = hashlib.sha256()
    for path in [project / "pyproject.toml", *sorted((project / "quizzes").rglob("*.py"))]:
        digest.update(path.relative_to(project).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_quiz_wheel(project: Path) -> Wheel:
    """Build (or reuse from the cache) the wheel of the `quizzes` package in `project`."""
    out_dir = CACHE / source_digest(project)[:24]
    wheels = sorted(out_dir.glob("*.whl"))
    if not wheels:
        wheels = [_build(project, out_dir)]
    return Wheel(path=wheels[0], sha256=hashlib.sha256(wheels[0].read_bytes()).hexdigest())


def _reproducible(runner: Callable[..., None]) -> Callable[..., None]:
    """The backend runner, with the fixed timestamp set for the backend's process only.

    Set in this process instead, it would leak into the rest of the build: MkDocs reads
    SOURCE_DATE_EPOCH too, and every <lastmod> of sitemap.xml would carry this date.
    """

    def run(cmd: Sequence[str], cwd: str | None = None, extra_environ: Mapping[str, str] | None = None) -> None:
        runner(cmd, cwd, {**(extra_environ or {}), "SOURCE_DATE_EPOCH": REPRODUCIBLE_EPOCH})

    return run


def _build(project: Path, out_dir: Path) -> Path:
    try:
        from build import BuildException, ProjectBuilder
        from pyproject_hooks import quiet_subprocess_runner
    except ImportError as missing:
        raise BuildInputError("requirements.txt", f"the package {missing.name!r} is missing",
                              "run `make install`") from None
    staging = Path(tempfile.mkdtemp(prefix="quiz-wheel-"))
    try:
        builder = ProjectBuilder(project, runner=_reproducible(quiet_subprocess_runner))
        built = Path(builder.build("wheel", staging))
        out_dir.mkdir(parents=True, exist_ok=True)
        return Path(shutil.move(str(built), out_dir / built.name))
    except BuildException as error:
        raise BuildInputError("pyproject.toml", f"the quiz wheel could not be built: {error}",
                              "check that pyproject.toml and quizzes/ are intact, then run `make install`") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
