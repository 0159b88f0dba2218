"""Everything quizzes add to a build: the checked quizzes, their fence and the browser bundle.

One job per module: source (import `quizzes/` afresh and check it), fence (the ```quiz fence:
parse, check, note where SuperFences placed it, render as a form), targets (every quiz link
leads to a page and section of the build). Here: prepare them once per
build, find each quiz's home and add the files.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from sitegen.bundle import SOURCE_FOLDER, make_bundle
from sitegen.bundle.cache import project_cache
from sitegen.bundle.runtime import CORE_FILES, Runtime, find_runtime
from sitegen.bundle.stdlib import SiteStdlib, build_site_stdlib
from sitegen.bundle.wheel import build_quiz_wheel
from sitegen.material import overrides_dir
from sitegen.quiz import fence
from sitegen.quiz.source import load_quizzes
from sitegen.quiz.surface import QuizSurface
from sitegen.quiz.targets import PageTargets
from sitegen.site_assets import HashedFolder


@dataclass(frozen=True)
class QuizBuild:
    """The checked quizzes by id, the vendored runtime, its site stdlib and the hashed browser bundle."""

    by_id: dict[str, QuizSurface]
    runtime: Runtime
    stdlib: SiteStdlib
    bundle: HashedFolder
    fences: fence.FenceLog  # the quiz fences SuperFences rendered, and each quiz's home
    # The ids of each page as it renders, for the quizzes' links (checked after the build).
    targets: PageTargets = field(default_factory=PageTargets)


def prepare(config: MkDocsConfig) -> QuizBuild:
    """Check the quizzes and the runtime, build the wheel and the site stdlib, plug the quiz fence in."""
    project = Path(config.config_file_path).resolve().parent
    overrides = overrides_dir(config)
    runtime = find_runtime(project)
    quizzes = load_quizzes(project)
    strings = fence.load_strings(overrides)
    wheel = build_quiz_wheel(project, project_cache(project, "quiz wheel", "quiz-wheel"))
    stdlib = build_site_stdlib(project, runtime, wheel, quizzes,
                               cache=project_cache(project, "site stdlib", "site-stdlib"),
                               compiled_cache=project_cache(project, "compiled stdlib", "compiled-stdlib"))
    bundle = make_bundle(overrides, runtime, wheel, stdlib, strings)
    fences = fence.FenceLog(quizzes)
    fence.plug_in(config, fence.FormRenderer(overrides, quizzes, strings, bundle.path), fences)
    return QuizBuild(by_id=quizzes, runtime=runtime, stdlib=stdlib, bundle=bundle, fences=fences)


def add_site_files(files: Files, build: QuizBuild, config: MkDocsConfig) -> None:
    """Serve the hashed bundle, the runtime and the site stdlib; drop the bundle's unhashed sources."""
    for file in [file for file in files if file.src_uri.startswith(f"{SOURCE_FOLDER}/")]:
        files.remove(file)
    for name, content in build.bundle.files.items():
        files.append(File.generated(config, f"{build.bundle.path}/{name}", content=content))
    for name in CORE_FILES:
        files.append(File.generated(config, f"{build.runtime.site_path}/{name}",
                                    abs_src_path=str(build.runtime.package_dir / name)))
    files.append(File.generated(config, f"{build.runtime.site_path}/{build.stdlib.file_name}",
                                abs_src_path=str(build.stdlib.path)))


def register_mime_types() -> None:
    """`mkdocs serve` must send wasm and module scripts with the types browsers insist on."""
    mimetypes.add_type("application/wasm", ".wasm")
    mimetypes.add_type("text/javascript", ".mjs")
    mimetypes.add_type("text/javascript", ".js")
