"""Reading a TOML file into typed, validated objects, with messages for people.

Shared by every loader of a user-editable TOML file (content, routines,
config): read with :func:`reflexmap.files.read_file` (regular files only,
size capped while reading), decode UTF-8, refuse nesting deeper than
:data:`MAX_NESTING` before parsing, parse TOML, then let msgspec check and
convert the data into frozen dataclasses (field checks that a type cannot
express live in the dataclasses' ``__post_init__``).  Any failure, whatever
tomllib or msgspec raise (``RecursionError``, ``MemoryError``,
``OverflowError``...), becomes one sentence that names the file and the
field.  No Qt here.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reflexmap.cache import remembered
from reflexmap.files import read_file
from reflexmap.messages import Message

if TYPE_CHECKING:
    import msgspec

T = TypeVar("T")


#: Arrays and inline tables nested deeper than this are refused before parsing (reflexmap's files need 3).
MAX_NESTING = 32


def read_toml(
    path: Path,
    kind: type[T],
    error: type[ValueError],
    *,
    max_bytes: int = 1_000_000,
    cache_dir: Path | None = None,
    check: Callable[[T, Path], None] | None = None,
    strict: bool = False,
    salvage: bool = False,
) -> T:
    """Parse ``path`` into ``kind``; raise ``error`` with a one-line message.

    ``check`` runs after conversion for rules across fields; it raises
    ``error`` itself.  With ``cache_dir`` a checked file is remembered
    (see :mod:`reflexmap.cache`).  ``strict`` refuses keys the schema does not
    know (a typo in a setting must not pass silently) and puts the line number
    in every message.  With ``salvage``, the error raised for a file that
    parses but has bad settings carries, as ``salvaged``, the value read
    with each setting the messages name left out (and those messages), so
    one typo does not set the whole file aside.
    """
    raw = read_file(path, error, max_bytes)

    def build() -> T:
        value = _decode(raw, path.name, kind, error, strict, salvage)
        if check is not None:
            check(value, path)
        return value

    return remembered(cache_dir, raw, kind, build)


def _decode(
    raw: bytes, name: str, kind: type[T], error: type[ValueError], strict: bool = False, salvage: bool = False
) -> T:
    import tomllib

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise error(
            Message("{file}: line {line} is not UTF-8 text; save the file as UTF-8.", file=name, line=line)
        ) from None
    depth, line = nesting(text)
    if depth > MAX_NESTING:
        raise error(
            Message(
                "{file}: line {line}: lists or tables are nested more than {limit} deep.",
                file=name,
                line=line,
                limit=MAX_NESTING,
            )
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise error(Message("{file}: not valid TOML ({detail}).", file=name, detail=str(e))) from None
    except (RecursionError, MemoryError):
        raise error(Message("{file}: the file is nested too deeply to read.", file=name)) from None
    except Exception as e:  # noqa: BLE001 - whatever the parser raises, the person gets one sentence
        raise error(
            Message("{file}: not valid TOML ({detail}).", file=name, detail=str(e) or type(e).__name__)
        ) from None
    try:
        return _convert(data, kind, name, text, error, strict)
    except error as e:
        if salvage and isinstance(data, dict):
            e.salvaged = _salvaged(data, kind, name, text, error, strict, e)  # type: ignore[attr-defined]
        raise


def _convert(data: object, kind: type[T], name: str, text: str, error: type[ValueError], strict: bool) -> T:
    import msgspec

    try:
        if strict:
            unknown = _unknown_key(data, kind, "")
            if unknown:
                raise error(
                    Message(
                        "{file}: line {line}, field {field}: reflexmap has no such setting.",
                        file=name,
                        line=line_of(text, unknown) or "?",
                        field=unknown,
                    )
                )
        return msgspec.convert(data, kind)
    except msgspec.ValidationError as e:
        raise error(describe(e, name, text if strict else None)) from None
    except (RecursionError, MemoryError):
        raise error(Message("{file}: the file is nested too deeply to read.", file=name)) from None
    except error:
        raise
    except Exception as e:  # noqa: BLE001 - e.g. OverflowError from a number too big for its field
        raise error(
            Message("{file}: a value cannot be used ({detail}).", file=name, detail=str(e) or type(e).__name__)
        ) from None


#: At most this many bad settings are left out of one file before it is set aside whole.
MAX_SALVAGED = 20


def _salvaged(
    data: dict[str, object],
    kind: type[T],
    name: str,
    text: str,
    error: type[ValueError],
    strict: bool,
    first: ValueError,
) -> tuple[T, list[str]] | None:
    """``data`` read with each setting a message names left out, and the messages; None if that cannot be done."""
    import copy

    data = copy.deepcopy(data)
    problems: list[str] = []
    failure: ValueError | None = first
    for _ in range(MAX_SALVAGED):
        assert failure is not None
        message = failure.args[0] if failure.args else None
        field = message.params.get("field") if isinstance(message, Message) else None
        if not isinstance(message, Message) or not isinstance(field, str) or not _leave_out(data, field):
            return None
        problems.append(message)
        try:
            return _convert(data, kind, name, text, error, strict), problems
        except error as e:
            failure = e
    return None


def _leave_out(data: dict[str, object], dotted: str) -> bool:
    """Remove the setting ``dotted`` ("kiosk.idle_seconds") from ``data``; whether it was there."""
    *tables, key = dotted.split(".")
    here: object = data
    for table in tables:
        here = here.get(table) if isinstance(here, dict) else None
    if not isinstance(here, dict) or key not in here:
        return False
    del here[key]
    return True


#: Where a TOML string, comment, bracket or line starts.
_TOML_TOKEN = r"""\"\"\"|'''|"|'|#|[\[\]{}]|\n"""
#: The rest of each kind of string or comment, possessive (never backtracking).
_TOML_REST = {
    '"""': r'(?:[^"\\]|\\[\s\S]|"(?!""))*+"""',
    "'''": r"(?:[^']|'(?!''))*+'''",
    '"': r'(?:[^"\\\n]|\\.)*+"',
    "'": r"[^'\n]*+'",
    "#": r"[^\n]*+",
}


def nesting(text: str) -> tuple[int, int]:
    """The deepest nesting of ``[`` and ``{`` in TOML ``text`` (outside strings and comments), and its line.

    Linear in the text, so a file nested 10,000 deep is refused before
    tomllib recurses into it.  Not a validator: an unterminated string ends
    the count, and tomllib reports it.
    """
    token = re.compile(_TOML_TOKEN)
    rests = {start: re.compile(pattern) for start, pattern in _TOML_REST.items()}
    depth = deepest = 0
    line = deepest_line = 1
    pos = 0
    while (found := token.search(text, pos)) is not None:
        kind = found.group()
        pos = found.end()
        if kind in rests:
            rest = rests[kind].match(text, pos)
            if rest is None:
                break
            line += text.count("\n", pos, rest.end())
            pos = rest.end()
        elif kind == "\n":
            line += 1
        elif kind in "[{":
            depth += 1
            if depth > deepest:
                deepest, deepest_line = depth, line
        else:
            depth = max(0, depth - 1)
    return deepest, deepest_line


def describe(e: msgspec.ValidationError, file: str, source: str | None = None) -> Message:
    """One sentence for a failed check: which file, which step (counted from 1), which field, what.

    msgspec says "Expected `int`, got `str` - at `$.steps[2].duration`"; a
    ``__post_init__`` check raises a :class:`Message` with an ``at_field``
    value naming the field it is about.  With the file's ``source`` text, the
    line is named too.
    """
    what, _, where = str(e).partition(" - at `$")
    where = where.rstrip("`").lstrip(".")
    problem = _problem(e, what)
    field = problem.params.get("at_field")  # a __post_init__ check names its field
    if field:
        where = f"{where}.{field}" if where else field
    if where.startswith("steps[") and "]" in where:
        number = int(where[len("steps[") : where.index("]")]) + 1
        inner = where[where.index("]") + 1 :].lstrip(".")
        if inner:
            return Message(
                "{file}: step {step}, field {field}: {problem}.", file=file, step=number, field=inner, problem=problem
            )
        return Message("{file}: step {step}: {problem}.", file=file, step=number, problem=problem)
    if where and source is not None:
        return Message(
            "{file}: line {line}, field {field}: {problem}.",
            file=file,
            line=line_of(source, where) or "?",
            field=where,
            problem=problem,
        )
    if where:
        return Message("{file}: field {field}: {problem}.", file=file, field=where, problem=problem)
    return Message("{file}: {problem}.", file=file, problem=problem)


# compiled by re (and cached) when first used: only a file with a problem needs them
_KEY = r"""\s*(["']?)([A-Za-z0-9_-]+)\1\s*(?:\.|=)"""
_TABLE = r"\s*\[\s*([A-Za-z0-9_.-]+)\s*\]\s*(#.*)?$"


def line_of(text: str, dotted: str) -> int | None:
    """The line (from 1) where the setting ``dotted`` ("kiosk.idle_seconds") is written, if found."""
    wanted = re.sub(r"\[\d+\]", "", dotted)
    table = ""
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(_TABLE, line)
        if header:
            table = header.group(1)
            if wanted == table:
                return number
            continue
        key = re.match(_KEY, line)
        if key:
            full = f"{table}.{key.group(2)}" if table else key.group(2)
            if wanted == full or wanted.startswith(full + "."):
                return number
    return None


def _unknown_key(data: object, kind: object, prefix: str) -> str | None:
    """The first key in ``data`` that the dataclass ``kind`` has no field for ("kiosk.idle_second")."""
    if not (isinstance(data, dict) and dataclasses.is_dataclass(kind)):
        return None
    hints = typing.get_type_hints(kind)
    for key, value in data.items():
        if key not in hints or key == "source":
            return f"{prefix}{key}"
        for candidate in typing.get_args(hints[key]) or (hints[key],):
            if dataclasses.is_dataclass(candidate):
                found = _unknown_key(value, candidate, f"{prefix}{key}.")
                if found:
                    return found
    return None


def _problem(e: msgspec.ValidationError, what: str) -> Message:
    cause = e.__cause__.args[0] if e.__cause__ is not None and e.__cause__.args else None
    if isinstance(cause, Message):
        return cause
    if what.startswith("Expected `") and "`, got `" in what:
        expected, _, got = what[len("Expected `") :].partition("`, got `")
        return Message("expected {expected}, got {got}", expected=expected, got=got.rstrip("`"))
    if what.startswith("Object missing required field `"):
        return Message("missing field {field}", field=what[len("Object missing required field `") :].rstrip("`"))
    detail = what.replace("`", "")
    return Message("{detail}", detail=detail[:1].lower() + detail[1:])
