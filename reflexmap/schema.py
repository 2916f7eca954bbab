"""Reading a TOML file into typed, validated objects, with messages for people.

Shared by every loader of a user-editable TOML file (content, routines,
config): read with a size cap, decode UTF-8, parse TOML, then let msgspec
check and convert the data into frozen dataclasses (field checks that a
type cannot express live in the dataclasses' ``__post_init__``).  Any failure
becomes one sentence that names the file and the field.  No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reflexmap.cache import remembered

if TYPE_CHECKING:
    import msgspec

T = TypeVar("T")


def read_bytes(path: Path, error: type[ValueError], max_bytes: int) -> bytes:
    """The file's bytes, or ``error`` with a one-line reason."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise error(f"{name}: the file is {size:,} bytes; the limit is {max_bytes:,}.")
        return path.read_bytes()
    except FileNotFoundError:
        raise error(f"{name}: no such file ({path}).") from None
    except IsADirectoryError:
        raise error(f"{name}: this is a folder, not a file.") from None
    except OSError as e:
        raise error(f"{name}: cannot be read ({e.strerror or e}).") from None


def read_toml(
    path: Path,
    kind: type[T],
    error: type[ValueError],
    *,
    max_bytes: int = 1_000_000,
    cache_dir: Path | None = None,
    check: Callable[[T, Path], None] | None = None,
) -> T:
    """Parse ``path`` into ``kind``; raise ``error`` with a one-line message.

    ``check`` runs after conversion for rules across fields; it raises
    ``error`` itself.  With ``cache_dir`` a checked file is remembered
    (see :mod:`reflexmap.cache`).
    """
    raw = read_bytes(path, error, max_bytes)

    def build() -> T:
        value = _decode(raw, path.name, kind, error)
        if check is not None:
            check(value, path)
        return value

    return remembered(cache_dir, path, raw, kind, build)


def _decode(raw: bytes, name: str, kind: type[T], error: type[ValueError]) -> T:
    import tomllib

    import msgspec

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise error(f"{name}: line {line} is not UTF-8 text; save the file as UTF-8.") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise error(f"{name}: not valid TOML ({e}).") from None
    try:
        return msgspec.convert(data, kind)
    except msgspec.ValidationError as e:
        raise error(f"{name}: {describe(e)}") from None


def describe(e: msgspec.ValidationError) -> str:
    """Turn msgspec's "Expected `int`, got `str` - at `$.steps[2].duration`" into plain words.

    Lists of steps are counted from 1 for people ("step 3, field duration");
    checks in ``__post_init__`` start their message with the field's name.
    """
    text = str(e)
    what, _, where = text.partition(" - at `$")
    what = what.replace("`", "").strip()
    where = where.rstrip("`").lstrip(".")
    field, sep, rest = what.partition(": ")
    if sep and field.isidentifier():  # "duration: must be ..." from a __post_init__ check
        where = f"{where}.{field}" if where else field
        what = rest
    what = what.replace("Object missing required field", "missing field")
    what = what[:1].lower() + what[1:]
    _, _, inner = where.partition("].")
    if where.startswith("steps[") and (inner or where.endswith("]")):
        number = int(where[len("steps[") :].split("]")[0]) + 1
        inner = inner if inner else ""
        return f"step {number}, field {inner}: {what}." if inner else f"step {number}: {what}."
    if where:
        return f"field {where}: {what}."
    return f"{what}."
