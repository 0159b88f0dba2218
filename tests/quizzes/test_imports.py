"""The engine's modules import one another one way: no cycle, and the model knows no kind of quiz."""

from __future__ import annotations

import ast
import re

from .helpers import ROOT

CORE = ROOT / "quizzes" / "core"
PACKAGE = "quizzes.core"
# A comparison with a kind's name, e.g. `quiz.kind == "scale"` or `"checklist" != kind`.
KIND_COMPARISON = re.compile(r"""\bkind\b\s*(==|!=)|(==|!=)\s*\S*\bkind\b|["'](scale|checklist)["']\s*(==|!=)"""
                             r"""|(==|!=)\s*["'](scale|checklist)["']""")


def core_imports() -> dict[str, set[str]]:
    """{module: the modules of quizzes/core it imports}, read from the source of each module.

    Every import statement counts, also those inside functions: an import deferred to run time
    still ties the two modules together.
    """
    modules = {path.stem for path in CORE.glob("*.py") if path.stem != "__init__"}
    graph: dict[str, set[str]] = {}
    for module in sorted(modules):
        tree = ast.parse((CORE / f"{module}.py").read_text(encoding="utf-8"))
        imported: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level == 0:
                    base = node.module or ""
                elif node.level == 1:  # relative to quizzes.core
                    base = f"{PACKAGE}.{node.module}" if node.module else PACKAGE
                else:  # `from .. import …`: the quiz modules' package, not the engine
                    continue
                # `from . import scale` and `from quizzes.core import guide` name modules too.
                names = [base] + [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            imported |= {name.rsplit(".", 1)[1] for name in names
                         if name.startswith(f"{PACKAGE}.") and name.rsplit(".", 1)[1] in modules}
        graph[module] = imported - {module}
    return graph


def cycle_in(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as [a, b, …, a], or [] when there is none (depth-first search)."""
    done: set[str] = set()
    path: list[str] = []

    def visit(module: str) -> list[str]:
        if module in path:
            return path[path.index(module):] + [module]
        if module in done:
            return []
        path.append(module)
        for imported in sorted(graph[module]):
            found = visit(imported)
            if found:
                return found
        path.pop()
        done.add(module)
        return []

    for module in sorted(graph):
        found = visit(module)
        if found:
            return found
    return []


def reachable_from(graph: dict[str, set[str]], module: str) -> set[str]:
    seen: set[str] = set()
    todo = [module]
    while todo:
        for imported in graph[todo.pop()] - seen:
            seen.add(imported)
            todo.append(imported)
    return seen


def test_the_graph_reader_sees_every_kind_of_import_statement() -> None:
    graph = core_imports()
    assert {"model", "answers", "problem", "text"} <= graph["scale"]  # `from .model import …`
    assert {"scale", "checklist"} <= graph["registry"]
    assert "guide" in graph["check"]  # `from .guide import …`
    assert cycle_in({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle_in({"a": {"b"}, "b": set()}) == []


def test_the_kind_comparison_pattern_catches_the_old_branches() -> None:
    for line in ('{%- if quiz.kind == "scale" %}', "if quiz.kind == SCALE:", 'if "checklist" != kind:',
                 'groups = {} if quiz.kind != "scale" else groups'):
        assert KIND_COMPARISON.search(line), line
    assert not KIND_COMPARISON.search('kind: ClassVar[str] = "scale"')


def test_imports_run_one_way() -> None:
    graph = core_imports()
    assert cycle_in(graph) == [], " -> ".join(cycle_in(graph))


def test_the_model_knows_no_kind_of_quiz() -> None:
    graph = core_imports()
    assert reachable_from(graph, "model") <= {"problem", "safety", "links"}
    for kind in ("scale", "checklist"):
        assert "model" in graph[kind]
        assert reachable_from(graph, kind).isdisjoint({"scale", "checklist", "check", "registry", "cli"} - {kind})


def test_no_code_compares_kind_names() -> None:
    # Each kind answers for itself through its type; `kind` only names it (JSON, template files).
    sources = [*sorted((ROOT / "quizzes").rglob("*.py")),
               *sorted((ROOT / "overrides" / "partials" / "quiz").rglob("*.html")),
               ROOT / "overrides" / "pdf" / "quiz.html", *sorted((ROOT / "overrides" / "pdf" / "kinds").glob("*.html"))]
    comparisons = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
                   for path in sources
                   for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                   if KIND_COMPARISON.search(line)]
    assert comparisons == []
