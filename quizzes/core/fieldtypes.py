"""Field types: every field of a quiz holds what its annotation says, checked before anything reads it.

One walker, driven by the dataclasses' own annotations (`typing.get_type_hints`), goes through a
quiz, its items, categories, rules and links, so a wrong type is a `file:line` problem instead of
a traceback from a later stage, and a new field is checked the day it is declared. It reads
`str`, `int`, `float`, `bool`, `None`, `tuple[X, ...]`, `tuple[X, Y]`, `Mapping[K, V]`, unions,
`Literal[...]`, nested dataclasses, and `Annotated[X, check]`, where `check(value)` returns why
the value is wrong or None (`links.Href`).

Text must say something: a `str` field, a paragraph, a label or a key that is empty or only
spaces is a problem, except a field whose default is "" (such as a quiz's `note`), which the
author may leave out.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .model import Defined
from .problem import Key, Path

# Fields of `Defined`: where an object was created, set by the engine, not by the author.
PLACE = frozenset(field.name for field in dataclasses.fields(Defined))
# What a tuple field's elements are called in messages, where the field's name is not their plural.
ELEMENT_NOUNS = {"description": "paragraph", "intro": "paragraph"}


@dataclass(frozen=True)
class Misfit:
    """A value that does not fit its annotation.

    `owner` is the nearest enclosing object that remembers where it was created (a `Defined`),
    else the object checked; `path` leads from it to the value, e.g. ("links", 0, "href").
    """

    owner: Any
    path: Path
    message: str


@dataclass(frozen=True)
class _At:
    """Where the walker is: the owner, the path from it, whether empty text is allowed, and the
    dataclass objects walked already ({id: object}, holding them so no id is reused)."""

    owner: Any
    walked: dict[int, Any]
    path: Path = ()
    blank_allowed: bool = False

    def down(self, step: str | int | Key, blank_allowed: bool = False) -> _At:
        return _At(self.owner, self.walked, self.path + (step,), blank_allowed)

    def misfit(self, problem: str) -> Misfit:
        return Misfit(self.owner, self.path, f"{_named(self.owner)}: {_shown(self.path)} {problem}")


def misfits(value: Any, walked: dict[int, Any] | None = None) -> list[Misfit]:
    """Every field of the dataclass `value`, and of the dataclasses in it, against its annotation.

    Pass the same `walked` to check several values that share objects (the results of one quiz
    share its categories): each object is then checked once. The objects are frozen dataclasses.
    """
    return list(_fields(value, _At(value, {} if walked is None else walked)))


# -----------------------------------------------------------------------------
# The walker
# -----------------------------------------------------------------------------

def _fields(value: Any, at: _At) -> Iterator[Misfit]:
    if id(value) in at.walked:
        return
    at.walked[id(value)] = value
    if isinstance(value, Defined):
        at = _At(value, at.walked)  # its own line is nearer than its owner's
    kind: type = type(value)
    hints = _hints(kind)
    for field in dataclasses.fields(value):
        if field.name in PLACE:
            continue
        yield from _value(getattr(value, field.name), hints[field.name],
                          at.down(field.name, blank_allowed=field.default == ""))


def _value(value: Any, hint: Any, at: _At) -> Iterator[Misfit]:
    """The misfits of `value` against `hint`: its own type first, then what it holds."""
    if hint is Any:
        return
    if not _outer_fits(value, hint):
        given = f"{_a_type(value)} was given{_hint_for(value, hint, at.path)}"
        yield at.misfit(f"must be {_expected(hint, at.path)} ({given})")
        return
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        member = next(member for member in arguments if _outer_fits(value, member))
        yield from _value(value, member, at)
    elif origin is typing.Annotated:
        yield from _annotated(value, arguments, at)
    elif origin is tuple:
        yield from _tuple(value, arguments, at)
    elif origin is Mapping or origin is dict:
        for key, item in value.items():
            yield from _value(key, arguments[0], at.down(Key(key)))
            yield from _value(item, arguments[1], at.down(Key(key)))
    elif dataclasses.is_dataclass(hint):
        yield from _fields(value, at)
    elif hint is str and not value.strip() and not at.blank_allowed:
        yield at.misfit("is empty or only spaces; write it out")


def _annotated(value: Any, arguments: tuple[Any, ...], at: _At) -> Iterator[Misfit]:
    found = list(_value(value, arguments[0], at))
    yield from found
    if found:
        return
    for check in arguments[1:]:
        problem = check(value)
        if problem:
            yield at.misfit(f"{value!r} {problem}")


def _tuple(value: tuple[Any, ...], arguments: tuple[Any, ...], at: _At) -> Iterator[Misfit]:
    if len(arguments) == 2 and arguments[1] is Ellipsis:
        for index, item in enumerate(value):
            yield from _value(item, arguments[0], at.down(index))
    elif arguments and len(value) != len(arguments):
        yield at.misfit(f"must be {_expected(types.GenericAlias(tuple, arguments), at.path)} "
                        f"(a tuple of {len(value)} was given)")
    else:
        for index, (item, hint) in enumerate(zip(value, arguments, strict=False)):
            yield from _value(item, hint, at.down(index))


def _outer_fits(value: Any, hint: Any) -> bool:
    """Whether `value` is of the outer type `hint` names: a tuple for tuple[...], and so on."""
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if hint is Any:
        return True
    if hint is None or hint is type(None):
        return value is None
    if origin in (typing.Union, types.UnionType):
        return any(_outer_fits(value, member) for member in arguments)
    if origin is typing.Annotated:
        return _outer_fits(value, arguments[0])
    if origin is typing.Literal:
        return any(value == allowed and type(value) is type(allowed) for allowed in arguments)
    if origin is tuple:
        return isinstance(value, tuple)
    if origin is Mapping or origin is dict:
        return isinstance(value, Mapping)
    if hint is float:  # a whole number is a number too, but True is not
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint in (str, bool) or dataclasses.is_dataclass(hint):
        return isinstance(value, hint)
    raise TypeError(f"the quiz engine's type check cannot read the annotation {hint!r}")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, include_extras=True)


# -----------------------------------------------------------------------------
# Words
# -----------------------------------------------------------------------------

def _expected(hint: Any, path: Path) -> str:
    """What a message says a value must be: "a str", "a tuple of paragraphs", "an int or None"."""
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if hint is None or hint is type(None):
        return "None"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_expected(member, path) for member in arguments)
    if origin is typing.Annotated:
        return _expected(arguments[0], path)
    if origin is typing.Literal:
        return " or ".join(repr(allowed) for allowed in arguments)
    if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        return f"a tuple of {_elements(arguments[0], path)}"
    if origin is tuple:
        return f"a tuple ({', '.join(_expected(argument, path) for argument in arguments)})"
    if origin is Mapping or origin is dict:
        key, value = (_bare(argument) for argument in arguments)
        return f"a dict {{{key}: {value}}}"
    if hint is float:
        return "a number"
    if hint is bool:
        return "True or False"
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _a(f"{hint.__name__}(...)")
    return _a(getattr(hint, "__name__", repr(hint)))


def _hint_for(value: Any, hint: Any, path: Path) -> str:
    """The likely slip behind a wrong type, when there is one a message can name."""
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return next((slip for member in arguments if (slip := _hint_for(value, member, path))), "")
    if origin is not tuple:
        return ""
    if isinstance(value, list):
        return ": write ( ) instead of [ ]"
    if len(arguments) == 2 and arguments[1] is Ellipsis and _outer_fits(value, arguments[0]):
        return f": a trailing comma is probably missing after the last {_element_noun(arguments[0], path)}"
    return ""


def _elements(hint: Any, path: Path) -> str:
    """The plural the elements of a tuple field go by: its name ("links"), or "paragraphs"."""
    name = _field_name(path)
    if name in ELEMENT_NOUNS:
        return ELEMENT_NOUNS[name] + "s"
    if name.endswith("s"):
        return name
    return _bare(hint)


def _element_noun(hint: Any, path: Path) -> str:
    name = _field_name(path)
    if name in ELEMENT_NOUNS:
        return ELEMENT_NOUNS[name]
    if name.endswith("ies"):
        return name[:-3] + "y"
    if name.endswith("s"):
        return name[:-1]
    return _bare(hint)


def _field_name(path: Path) -> str:
    return next((step for step in reversed(path) if isinstance(step, str)), "")


def _named(owner: Any) -> str:
    """How a message names the object a field belongs to: "category 'tired'", "rule"."""
    # The last word of the class name: ScaleItem → item, ChecklistQuiz → quiz.
    kind = type(owner).__name__
    named = (re.findall(r"[A-Z]?[a-z0-9]+", kind) or [kind])[-1].lower()
    identity = getattr(owner, "id", None)
    return f"{named} {identity!r}" if identity is not None and str(identity).strip() else named


def _shown(path: Path) -> str:
    """("links", 0, "href") → "links[0].href"; a mapping's key: "when['anxiety']"."""
    shown = ""
    for step in path:
        if isinstance(step, Key):
            shown += f"[{step.value!r}]"
        elif isinstance(step, int):
            shown += f"[{step}]"
        else:
            shown += f".{step}" if shown else step
    return shown


def _bare(hint: Any) -> str:
    """A type as code writes it: "str", "Link"."""
    return getattr(typing.get_origin(hint) or hint, "__name__", repr(hint))


def _a_type(value: Any) -> str:
    return "None" if value is None else _a(type(value).__name__)


def _a(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"
