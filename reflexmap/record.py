"""Frozen dataclasses for the model, with half of their methods written once instead of compiled for each class.

``@dataclass(frozen=True)`` writes six methods for each class as source
text and compiles them, every time the class is defined: every start, for
each of the few dozen model classes.  Three do the same for every class
(equality, the hash, the repr) and only need the class's fields, so
:func:`record` takes them from here, reading each class's fields, and
leaves ``__init__`` and the frozen ``__setattr__`` and ``__delattr__`` to
dataclasses.  A record is a dataclass in every other way (``fields``,
``replace``, ``asdict``, msgspec and the cache read it as one), and
``tests/test_record.py`` holds it to what ``@dataclass(frozen=True)`` makes.
What it saves is measured in the README's Performance section.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform

__all__ = ["record"]

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[_T]) -> type[_T]:
    """``@dataclass(frozen=True)``: equal, hashed and shown as dataclasses make them, from methods shared by all."""
    made = dataclasses.dataclass(frozen=True, eq=False, repr=False)(cls)
    fields = dataclasses.fields(made)  # type: ignore[arg-type]
    compared = [f.name for f in fields if f.compare]
    hashed = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
    shown = [f.name for f in fields if f.repr]
    made._record_compared = staticmethod(_getter(compared))  # type: ignore[attr-defined]
    made._record_hashed = staticmethod(_getter(hashed))  # type: ignore[attr-defined]
    made._record_shown = tuple(shown)  # type: ignore[attr-defined]
    made.__eq__ = _record_eq  # type: ignore[method-assign]
    made.__hash__ = _record_hash  # type: ignore[method-assign]
    made.__repr__ = _record_repr  # type: ignore[method-assign]
    return made


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The values of ``names`` of an object, as one tuple (what dataclasses' methods compare and hash)."""
    if not names:
        return lambda _: ()
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        return lambda obj: (one(obj),)
    return operator.attrgetter(*names)


def _record_eq(self: Any, other: Any) -> bool:
    values: Callable[[Any], tuple[Any, ...]] = self._record_compared
    if other.__class__ is not self.__class__:
        return NotImplemented
    return values(self) == values(other)


def _record_hash(self: Any) -> int:
    return hash(self._record_hashed(self))


def _record_repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._record_shown)
    return f"{self.__class__.__qualname__}({shown})"
