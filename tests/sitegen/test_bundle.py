"""The quiz wheel, its lockfile and the self-hosted runtime in the built site."""

from __future__ import annotations

import datetime
import hashlib
import importlib
import json
import logging
import os
import re
import shutil
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from sitegen.bundle import wheel as wheel_module
from sitegen.bundle.cache import FOLDER as CACHE_FOLDER
from sitegen.bundle.cache import Cache
from sitegen.bundle.runtime import CORE_FILES
from sitegen.quiz import source
from tests.conftest import ROOT, copy_project, run_mkdocs_build

CACHE_LOG = "mkdocs.plugins.sitegen.cache"


def bundle_dir(site: Path) -> Path:
    (folder,) = (site / "assets" / "quiz").iterdir()
    return folder


def test_the_lockfile_pins_the_wheel_beside_it_by_sha256(built_site: Path) -> None:
    folder = bundle_dir(built_site)
    lock = json.loads((folder / "pyodide-lock.json").read_text())
    runtime_lock = json.loads((ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text())
    assert lock["info"] == runtime_lock["info"]
    entry = lock["packages"]["quizzes"]
    wheel = folder / entry["file_name"]
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert entry["imports"] == ["quizzes"] and entry["install_dir"] == "site"
    names = zipfile.ZipFile(wheel).namelist()
    assert "quizzes/attachment_style.py" in names and "quizzes/core/browser.py" in names
    assert not [name for name in names if "__pycache__" in name or name.startswith(("tests/", "sitegen/"))]


def test_only_the_core_runtime_is_self_hosted(built_site: Path) -> None:
    version = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())["version"]
    runtime = built_site / "assets" / "pyodide" / version
    # npm's python_stdlib.zip is not served: the site's own, named by its content, is.
    served = sorted(path.name for path in runtime.iterdir())
    (stdlib,) = [name for name in served if name not in CORE_FILES]
    assert re.fullmatch(r"stdlib-[0-9a-f]{12}\.zip", stdlib)
    assert sorted(set(served) - {stdlib}) == sorted(CORE_FILES)
    assert not list(built_site.rglob("console*.html"))
    # The unhashed widget sources are not served.
    assert not (built_site / "assets" / "quiz" / "widget.js").exists()


def test_the_wheel_is_reproducible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builds = []
    for attempt in ("first", "second"):  # two caches: no cache hit
        builds.append(wheel_module.build_quiz_wheel(ROOT, Cache(tmp_path / attempt, "quiz wheel")))
    assert builds[0].sha256 == builds[1].sha256
    assert builds[0].path != builds[1].path
    # The fixed timestamp reached the backend …
    stamps = {info.date_time[:3] for info in zipfile.ZipFile(builds[0].path).infolist()}
    assert stamps == {(2023, 11, 14)}
    # … and only the backend: MkDocs reads SOURCE_DATE_EPOCH too, for sitemap.xml's <lastmod>.
    assert os.environ.get("SOURCE_DATE_EPOCH") != wheel_module.REPRODUCIBLE_EPOCH


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A project copied without the cached wheel, as a fresh checkout is, built; then built again
    after an edit to a quiz. Both sites; shared by the two tests below.

    The cached site stdlib is kept: it is keyed by the wheel's digest, and the wheel is
    reproducible, so the first build reuses it instead of running Node (the second, with the
    edited quiz, runs Node)."""
    folder = tmp_path_factory.mktemp("two-builds")
    project = copy_project(folder / "project")
    shutil.rmtree(project / CACHE_FOLDER / "quiz-wheel", ignore_errors=True)
    assert not (project / CACHE_FOLDER / "quiz-wheel").exists()
    with pytest.MonkeyPatch.context() as patched:
        patched.delenv("SOURCE_DATE_EPOCH", raising=False)
        first = run_mkdocs_build(project, folder / "first")
        assert first.returncode == 0, first.stderr
        wheels = list((project / CACHE_FOLDER / "quiz-wheel").glob("*/*.whl"))
        assert len(wheels) == 1, wheels  # built in this build: the copy had no cache
        quiz = project / "quizzes" / "trust_signs.py"
        quiz.write_text(quiz.read_text(encoding="utf-8").replace("Trust signs checklist", "Trust signs check"))
        second = run_mkdocs_build(project, folder / "second")
        assert second.returncode == 0, second.stderr
    return folder / "first", folder / "second"


def test_sitemap_dates_are_the_builds_own(two_builds: tuple[Path, Path]) -> None:
    # The first build made the wheel itself, with the wheel's fixed timestamp: it stays the wheel's.
    first, _ = two_builds
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (first / "sitemap.xml").read_text()))
    assert dates == {datetime.date.today().isoformat()}


def test_editing_a_quiz_renames_the_quiz_bundle_but_not_the_site_wide_files(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    old, new = bundle_dir(first), bundle_dir(second)
    assert old.name != new.name
    page = (second / "signs-of-rebuilding" / "index.html").read_text(encoding="utf-8")
    assert f"assets/quiz/{new.name}/widget.js" in page and "Trust signs check<" in page
    # Quick exit, offline reading and the embed frame's files keep their address (and a reader's copy).
    (quick_exit,) = first.glob("assets/site/*/quick-exit.js")
    assert f"{quick_exit.parent.relative_to(first).as_posix()}/quick-exit.js" in page
    assert [path.name for path in (second / "assets" / "site").iterdir()] == [quick_exit.parent.name]


def test_a_missing_runtime_names_the_make_target(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "node_modules").unlink()
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode != 0
    assert "the Pyodide runtime is missing from node_modules/pyodide" in result.stderr
    assert "run `make install`" in result.stderr


def test_a_broken_quiz_module_fails_the_build_with_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    quiz = project / "quizzes" / "trust_signs.py"
    lines = quiz.read_text(encoding="utf-8").splitlines()
    lines.insert(12, "import requests")
    quiz.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode != 0
    assert "trust_signs.py:13:" in result.stderr and "requests" in result.stderr
    assert "python -m quizzes check" in result.stderr
    shutil.rmtree(project / "site", ignore_errors=True)


def test_a_damaged_cached_wheel_is_found_and_built_again(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    cache = Cache(tmp_path / "cache", "quiz wheel")
    first = wheel_module.build_quiz_wheel(ROOT, cache)
    intact = first.path.read_bytes()
    first.path.write_bytes(intact[: len(intact) // 2])  # truncated, under its old name
    with caplog.at_level(logging.INFO, logger=CACHE_LOG):
        second = wheel_module.build_quiz_wheel(ROOT, cache)
    assert second.sha256 == first.sha256 and second.path.read_bytes() == intact
    assert hashlib.sha256(second.path.read_bytes()).hexdigest() == second.sha256
    (message,) = [record.getMessage() for record in caplog.records]
    assert message.startswith("The cached quiz wheel ") and "is damaged" in message
    assert f"{first.path.name} has {len(intact) // 2} bytes" in message and "building it again" in message


@pytest.mark.parametrize("damage", ["no record", "unreadable record", "missing file", "edited file"])
def test_an_entry_that_does_not_verify_is_never_used(tmp_path: Path, damage: str,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    cache = Cache(tmp_path / "cache", "test entry")
    (tmp_path / "made").mkdir()
    (tmp_path / "made" / "a.txt").write_text("the built file")
    entry = cache.store("key", [tmp_path / "made" / "a.txt"], {"modules": ["json"]})
    assert cache.load("key") == entry and entry.data["modules"] == ["json"]
    if damage == "no record":
        (entry.folder / "entry.json").unlink()
    elif damage == "unreadable record":
        (entry.folder / "entry.json").write_text('{"files": [')
    elif damage == "missing file":
        entry.file("a.txt").unlink()
    else:
        entry.file("a.txt").write_text("the built fil!")  # same size, other bytes
    with caplog.at_level(logging.INFO, logger=CACHE_LOG):
        assert cache.load("key") is None
    assert not entry.folder.exists()  # removed: the next build stores a fresh one
    assert "The cached test entry key is damaged" in caplog.text


def test_only_the_newest_entries_of_a_kind_are_kept(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache", "test entry", keep=3)
    for number in range(6):
        made = tmp_path / f"made-{number}"
        made.mkdir()
        (made / "file").write_text(str(number))
        cache.store(f"key-{number}", [made / "file"])
        os.utime(cache.folder / f"key-{number}", (1_000_000 + number, 1_000_000 + number))
        if number == 3:
            cache.load("key-1")  # used again: counts as new
    assert sorted(path.name for path in cache.folder.iterdir()) == ["key-1", "key-4", "key-5"]


@pytest.mark.usefixtures("quiz_modules_kept")
def test_the_quiz_check_runs_at_every_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No remembered verdict skips it, whatever such a verdict would be keyed by.
    project = copy_project(tmp_path / "project", docs=False)
    checks = []
    real_import = importlib.import_module

    def import_and_count_checks(name: str) -> ModuleType:
        module = real_import(name)
        if name == "quizzes.core.check":  # imported afresh by each load
            check_package = module.check_package
            monkeypatch.setattr(module, "check_package", lambda: checks.append(name) or check_package())
        return module

    monkeypatch.setattr(importlib, "import_module", import_and_count_checks)
    for _ in range(3):
        assert set(source.load_quizzes(project)) == {"attachment-style", "trust-signs", "what-not-to-do-check",
                                                      "step-by-step-check"}
    assert len(checks) == 3
