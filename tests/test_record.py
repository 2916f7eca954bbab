"""A record is a frozen dataclass: equal, hashed, shown and frozen exactly as ``@dataclass(frozen=True)`` makes it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import msgspec
import pytest

from reflexmap.record import record


@record
class Made:
    """By reflexmap.record."""

    name: str
    size: int = 0
    tags: tuple[str, ...] = ()
    note: str = field(default="", compare=False)
    secret: bytes = field(default=b"", repr=False)
    weight: float = field(default=1.0, hash=False)


@dataclass(frozen=True)
class Reference:
    """By dataclasses, for comparison."""

    name: str
    size: int = 0
    tags: tuple[str, ...] = ()
    note: str = field(default="", compare=False)
    secret: bytes = field(default=b"", repr=False)
    weight: float = field(default=1.0, hash=False)


@record
class One:
    """A single field."""

    value: int


@record
class Empty:
    """No fields at all."""


VALUES = [
    {"name": "heel"},
    {"name": "heel", "size": 3, "tags": ("a", "b")},
    {"name": "heel", "size": 3, "tags": ("a", "b"), "note": "other note"},
    {"name": "heel", "size": 3, "secret": b"x", "weight": 2.5},
    {"name": "arch", "size": 3},
]


@pytest.mark.parametrize("a", VALUES)
@pytest.mark.parametrize("b", VALUES)
def test_records_are_equal_and_hashed_as_dataclasses_make_them(a: dict[str, object], b: dict[str, object]) -> None:
    made_equal = Made(**a) == Made(**b)  # type: ignore[arg-type]
    assert made_equal == (Reference(**a) == Reference(**b))  # type: ignore[arg-type]
    assert (Made(**a) != Made(**b)) == (not made_equal)  # type: ignore[arg-type]
    if made_equal:
        assert hash(Made(**a)) == hash(Made(**b))  # type: ignore[arg-type]
    assert repr(Made(**a)) == repr(Reference(**a)).replace("Reference(", "Made(")  # type: ignore[arg-type]


def test_hash_leaves_out_what_the_field_says_and_a_different_class_is_never_equal() -> None:
    assert hash(Made("heel", weight=1.0)) == hash(Made("heel", weight=9.0))
    assert Made("heel", weight=1.0) != Made("heel", weight=9.0)  # compared, though not hashed
    assert Made("heel") != Reference("heel") and Made("heel") != ("heel", 0, ())
    assert Made("heel").__eq__(Reference("heel")) is NotImplemented
    assert {Made("heel"), Made("heel", note="x")} == {Made("heel")}
    assert One(1) == One(1) and One(1) != One(2) and hash(One(1)) == hash(One(1)) and repr(One(1)) == "One(value=1)"
    assert Empty() == Empty() and hash(Empty()) == hash(Empty()) and repr(Empty()) == "Empty()"


def test_a_record_is_frozen_and_a_dataclass_in_every_other_way() -> None:
    made = Made("heel", 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.size = 4  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del made.size
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.colour = "red"  # type: ignore[attr-defined]  # nor anything that is not a field
    assert made == Made("heel", 3)  # left as it was
    assert dataclasses.is_dataclass(made)
    assert [f.name for f in dataclasses.fields(made)] == [f.name for f in dataclasses.fields(Reference)]
    assert dataclasses.replace(made, size=4) == Made("heel", 4)
    assert dataclasses.asdict(made) == dataclasses.asdict(Reference("heel", 3))
    assert Made.__match_args__ == Reference.__match_args__
    assert msgspec.convert({"name": "heel", "size": 3}, Made) == made
    read = msgspec.convert({"name": "heel"}, Made)  # msgspec leaves the defaults where the class has them
    for name, value in (("size", 9), ("note", "changed"), ("name", "arch")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(read, name, value)
    assert read == Made("heel")
    assert Made.__doc__ == "By reflexmap.record."
