"""One error type for bad input, with its parts as fields, raised by the site build and the PDF
export alike; broken invariants are InternalError."""

from __future__ import annotations

from pathlib import Path

import pytest

from devkit.project import copy_project
from sitegen import settings
from sitegen.errors import BuildInputError, BuildInputErrors, InternalError
from sitegen.pdf.guide import load_guide


def test_a_bad_input_carries_where_what_and_the_fix() -> None:
    error = BuildInputError("docs/index.md:3", "a quiz fence names no quiz", "write the quiz id")
    assert (error.where, error.problem, error.fix) == ("docs/index.md:3", "a quiz fence names no quiz", "write the quiz id")
    assert str(error) == "docs/index.md:3: a quiz fence names no quiz\n  How to fix: write the quiz id"


def test_several_bad_inputs_are_told_one_after_another() -> None:
    first, second = BuildInputError("a", "b", "c"), BuildInputError("d", "e", "f")
    errors = BuildInputErrors([first, second])
    assert errors.errors == (first, second) and str(errors) == f"{first}\n{second}"
    with pytest.raises(InternalError):
        BuildInputErrors([])


def test_the_pdf_export_raises_the_settings_error_itself(tmp_path: Path) -> None:
    # The export reads mkdocs.yml with the build's own check, and hands on its error unchanged
    # (it once split the message back into parts).
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  generator: false", "  generator: maybe"), encoding="utf-8")
    with pytest.raises(BuildInputError) as exported:
        load_guide(config)
    with pytest.raises(BuildInputError) as built:
        settings.read({"generator": "maybe"})
    assert (exported.value.where, exported.value.problem, exported.value.fix) == (
        built.value.where, built.value.problem, built.value.fix)
    assert "extra.generator" in str(exported.value)
