"""A problem the author checks found, printed as ``file:line: message``, and the line it is at.

Its own small module because the checker and every kind of quiz report problems, and the
kinds must not import the checker (it imports them). The line is where the quiz module created
the object at fault, or, for one of its fields, where the module wrote that field (read from
the module's source with `ast`).
"""

from __future__ import annotations

import ast
import dataclasses
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple


class Key(NamedTuple):
    """A step into a mapping, in a path such as ("when", Key("anxiety"))."""

    value: Any


# From an object to one of its values: field names, positions in tuples, keys of mappings.
Path = tuple[str | int | Key, ...]


@dataclass(frozen=True)
class Problem:
    """One problem, printed as `file:line: message`."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{shown(self.file)}:{self.line}: {self.message}"


def problem_at(defined: Any, message: str, at: Path = ()) -> Problem:
    """A problem at the file and line where a quiz module created `defined` (an item, a quiz…),
    or, given `at` (a path such as ("links", 0, "href")), where it wrote that value."""
    return Problem(defined.file, field_line(defined, at) if at else defined.line, message)


def reused_id(part: Any, seen: dict[str, Any], label: str) -> list[Problem]:
    """A problem at `part` if an earlier part in `seen` has its id (none otherwise); `part` is
    noted in `seen` if it is the first with its id. `label` names the kind: "item", "category"…"""
    first = seen.setdefault(part.id, part)
    if first is part:
        return []
    return [problem_at(part, f"{label} id {part.id!r} is already used on line {first.line}")]


def field_line(defined: Any, path: Path) -> int:
    """The line where the module that created `defined` wrote the value at `path`.

    The source is followed as far as it shows the value: keyword and positional arguments,
    tuple and dict literals, and names assigned at module level (`items=ITEMS`). Where it no
    longer does (a value built by code, or an object that came from elsewhere), the line of
    the last step it could follow; at worst the object's own line.
    """
    tree = _parsed(defined.file)
    call = _creating_call(tree, defined) if tree else None
    if tree is None or call is None:
        line: int = defined.line
        return line
    assigned = _module_assignments(tree)
    node: ast.expr = call
    value = defined
    for step in path:
        found = _step_into(_dereferenced(node, assigned), value, step)
        if found is None:
            break
        node, value = found
    return node.lineno


def _parsed(path: str) -> ast.Module | None:
    # Read afresh each time: `make serve` checks quizzes again after they are edited.
    try:
        with open(path, encoding="utf-8") as handle:
            return ast.parse(handle.read(), filename=path)
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
        return None


def _creating_call(tree: ast.Module, defined: Any) -> ast.Call | None:
    """The one call on the object's line that names its class, e.g. `Category(`."""
    name = type(defined).__name__
    calls = [node for node in ast.walk(tree)
             if isinstance(node, ast.Call) and node.lineno == defined.line and _called(node) == name]
    return calls[0] if len(calls) == 1 else None


def _called(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def _module_assignments(tree: ast.Module) -> dict[str, ast.expr]:
    """{NAME: its value} for each `NAME = value` at the top of the module assigned only once."""
    assigned: dict[str, list[ast.expr]] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        else:
            continue
        for target in targets:
            if isinstance(target, ast.Name):
                assigned.setdefault(target.id, []).append(value)
    return {name: values[0] for name, values in assigned.items() if len(values) == 1}


def _dereferenced(node: ast.expr, assigned: Mapping[str, ast.expr]) -> ast.expr:
    seen = set()
    while isinstance(node, ast.Name) and node.id in assigned and node.id not in seen:
        seen.add(node.id)
        node = assigned[node.id]
    return node


def _step_into(node: ast.expr, value: Any, step: str | int | Key) -> tuple[ast.expr, Any] | None:
    """The source and the value one step down, or None where the source does not show it."""
    try:
        if isinstance(step, Key) and isinstance(node, ast.Dict):
            return _dict_entry(node, step.value), value[step.value]
        if isinstance(step, int) and isinstance(node, (ast.Tuple, ast.List)):
            return _element(node.elts, step), value[step]
        if isinstance(step, str) and isinstance(node, ast.Call) and _called(node) == type(value).__name__:
            return _argument(node, value, step), getattr(value, step)
    except (LookupError, TypeError):  # the value is not what the source wrote: stop here
        return None
    return None


def _dict_entry(node: ast.Dict, key: Any) -> ast.expr:
    for written, entry in zip(node.keys, node.values, strict=True):
        if isinstance(written, ast.Constant) and written.value == key and type(written.value) is type(key):
            return entry
    raise LookupError(key)


def _element(elements: Sequence[ast.expr], index: int) -> ast.expr:
    if any(isinstance(element, ast.Starred) for element in elements[:index + 1]):
        raise LookupError(index)  # `(*OTHERS, x)`: positions in the source are not the value's
    return elements[index]


def _argument(call: ast.Call, value: Any, name: str) -> ast.expr:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    positional = [field.name for field in dataclasses.fields(value) if field.init and not field.kw_only]
    index = positional.index(name) if name in positional else len(call.args)
    return _element(call.args, index)


def shown(path: str) -> str:
    """Paths under the current directory are shown relative to it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative
