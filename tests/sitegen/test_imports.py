"""Imports run one way: hooks.py → the build package (sitegen) → quizzes, with no cycles."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The project modules a file imports (absolute and relative), by full name."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {module for module in found if module.split(".")[0] in {"hooks", "sitegen", "quizzes"}}


def graph() -> dict[str, set[str]]:
    files = [ROOT / "hooks.py", *(ROOT / "sitegen").rglob("*.py"), *(ROOT / "quizzes").rglob("*.py")]
    modules = {module_name(path): path for path in files}
    return {name: {target for target in imports_of(path) if target in modules and target != name}
            for name, path in modules.items()}


def test_imports_run_from_hooks_to_sitegen_to_quizzes() -> None:
    edges = graph()
    layer = {"hooks": 0, "sitegen": 1, "quizzes": 2}
    backwards = [(source, target) for source, targets in edges.items() for target in targets
                 if layer[target.split(".")[0]] < layer[source.split(".")[0]]]
    assert backwards == []
    assert any(target.startswith("sitegen") for target in edges["hooks"])


def test_no_module_imports_itself_through_others() -> None:
    edges = graph()
    cycles: list[list[str]] = []
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        for target in sorted(edges[module]):
            if target in path:
                cycles.append(path[path.index(target):] + [target])
            elif target not in done:
                visit(target, path + [target])
        done.add(module)

    for module in sorted(edges):
        visit(module, [module])
    assert cycles == []
