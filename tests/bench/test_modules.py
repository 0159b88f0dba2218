"""Every bench module imports (the measuring itself runs with `make bench`, not here)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import bench

MODULES = ["bench.__main__", *(f"bench.{info.name}" for info in pkgutil.iter_modules(bench.__path__))]


@pytest.mark.parametrize("name", MODULES)
def test_the_bench_module_imports(name: str) -> None:
    importlib.import_module(name)
