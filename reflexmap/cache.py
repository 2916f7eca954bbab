"""Remembering the checked form of a file between runs, as data that cannot run code.

Parsing and validating the art (svgelements) and the TOML files (tomllib,
msgspec) costs more start-up time than everything else reflexmap adds to
Qt.  A file that passed every check is stored in the user cache folder as
JSON, under a key made of the SHA-256 of the file's bytes and of the source
of the model code that reads it (:func:`code_hash`: change a loader or a
dataclass and every entry is stale, with no number to remember to bump).
The next run reads the entry back through a typed decoder: plain JSON
values, checked against the dataclass's field types and rebuilt through the
dataclass itself (so its ``__post_init__`` checks run again); Qt values go
through codecs registered by the module that owns them.  Nothing in an
entry is ever executed: no pickle.  A missing, stale, damaged, planted or
oddly typed entry is a miss, never an error.

The folder is bounded (:data:`MAX_ENTRIES`, :data:`MAX_BYTES`): the oldest
entries go first.  Entries are written with
:func:`reflexmap.files.write_atomic` and read without following symbolic
links.  No Qt here; a cached start imports no parser.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import os
import sys
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from reflexmap import __version__
from reflexmap.files import read_file, write_atomic

T = TypeVar("T")

logger = logging.getLogger(__name__)

__all__ = [
    "MAX_BYTES",
    "MAX_ENTRIES",
    "MAX_ENTRY_BYTES",
    "NOT_CACHED",
    "code_hash",
    "entry_path",
    "is_kept",
    "keep",
    "recalled",
    "register",
    "remembered",
    "sha256_hex",
]

#: At most this many entries are kept (a salon with 200 routine files in each folder still fits).
MAX_ENTRIES = 500
#: At most this many bytes in all.
MAX_BYTES = 32 * 1024 * 1024
#: An entry bigger than this is not stored (nor read).
MAX_ENTRY_BYTES = 8 * 1024 * 1024
#: Field metadata for a field the cache leaves out (the loader fills it in after a hit).
NOT_CACHED = {"reflexmap.cache": False}
#: The format of an entry's envelope.
FORMAT = 1
#: The modules whose source makes up :func:`code_hash`: the cached types and their loaders (a package: all of it).
MODEL_MODULES = (
    "art_check",
    "cache",
    "config",
    "content",
    "drawn",
    "files",
    "geometry",
    "messages",
    "routines",
    "schema",
    "svg_safety",
    "svg_shapes",
    "ui/qr",  # the booking link's QR modules
)
_SUFFIX = ".json"


class _Miss(ValueError):
    """The entry cannot be used."""


# --- the API ----------------------------------------------------------------------------------


def remembered(cache_dir: Path | None, raw: bytes, kind: type[T], build: Callable[[], T]) -> T:
    """``build()``'s result for a file whose bytes are ``raw``, remembered in ``cache_dir``.

    ``build`` must raise (not return) when the file is bad, so only good
    results are ever stored.  Fields marked :data:`NOT_CACHED` come back with
    their defaults; the caller fills them in.
    """
    found = recalled(cache_dir, raw, kind)
    if found is not None:
        return found
    value = build()
    keep(cache_dir, raw, value)
    return value


def recalled(cache_dir: Path | None, raw: bytes, kind: type[T]) -> T | None:
    """The ``kind`` remembered for bytes ``raw`` (by :func:`keep` or :func:`remembered`); None if there is none.

    A missing, stale, damaged, planted or oddly typed entry is None too.
    """
    if cache_dir is None:
        return None
    digest = sha256_hex(raw)
    try:
        return _load(entry_path(cache_dir, kind, digest), digest, kind)
    except Exception:  # noqa: BLE001 - missing, damaged, planted, stale: just a miss
        return None


def is_kept(cache_dir: Path | None, raw: bytes, kind: type) -> bool:
    """Whether an entry for a ``kind`` made from bytes ``raw`` is there (not read: it may still be a miss)."""
    if cache_dir is None:
        return False
    return os.path.lexists(entry_path(cache_dir, kind, sha256_hex(raw)))


def keep(cache_dir: Path | None, raw: bytes, value: object) -> None:
    """Remember ``value`` (a dataclass this module can store) for bytes ``raw``; a failure only costs speed."""
    if cache_dir is None:
        return
    digest = sha256_hex(raw)
    _store(cache_dir, entry_path(cache_dir, type(value), digest), digest, value)


def entry_path(cache_dir: Path, kind: type, digest: str) -> Path:
    """Where the entry for a ``kind`` built from bytes whose SHA-256 is ``digest`` lives."""
    key = sha256_hex(f"{code_hash()} {kind.__name__} {digest}".encode())[:40]
    return cache_dir / f"{kind.__name__.lower()}-{key}{_SUFFIX}"


def register(kind: type, encode: Callable[[Any], Any], decode: Callable[[Any], Any]) -> None:
    """How to store values of ``kind`` (a Qt type: the module that owns it registers it).

    ``encode`` turns a value into JSON-able data; ``decode`` checks such data
    and rebuilds the value, raising ``ValueError`` (or ``TypeError``) if it
    is not what ``encode`` makes.
    """
    _CODECS[kind] = (encode, decode)
    _decoder.cache_clear()


@functools.cache
def code_hash() -> str:
    """A checksum of reflexmap's version and the source of the model modules (computed once per process).

    CRC-32 and Adler-32 rather than SHA-256: nobody forges our own source,
    and this runs on every start (a quarter of the time).
    """
    import zlib

    folder = os.path.dirname(os.path.abspath(__file__))
    crc, adler = 0, 1
    for part in (__version__, *_model_sources(folder)):
        try:
            with open(os.path.join(folder, f"{part}.py"), "rb") as f:
                data = f.read()
        except OSError:  # the version, or an install without sources: the names have to do
            data = part.encode()
        crc, adler = zlib.crc32(data, crc), zlib.adler32(data, adler)
    return f"{crc:08x}{adler:08x}"


def _model_sources(folder: str) -> list[str]:
    """Each of :data:`MODEL_MODULES` as a path without ``.py``; a package stands for every module in it."""
    parts: list[str] = []
    for name in MODEL_MODULES:
        try:
            inside = sorted(f[:-3] for f in os.listdir(os.path.join(folder, name)) if f.endswith(".py"))
        except OSError:  # a module, not a package
            inside = []
        parts += [f"{name}/{module}" for module in inside] or [name]
    return parts


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in hex."""
    return _sha256()(data).hexdigest()


@functools.cache
def _sha256() -> Callable[[bytes], Any]:
    """Python's own SHA-256 where it has one: hashlib loads OpenSSL, which a cached start otherwise never needs."""
    try:
        if sys.version_info < (3, 12):
            from _sha256 import sha256
        else:
            from _sha2 import sha256  # type: ignore[import-not-found,no-redef]
    except ImportError:
        from hashlib import sha256
    return sha256


# --- reading --------------------------------------------------------------------------------------


def _load(entry: Path, digest: str, kind: type[T]) -> T:
    blob = read_file(entry, _Miss, MAX_ENTRY_BYTES, nofollow=True)
    envelope = json.loads(blob, parse_constant=_no_constant)
    if not (
        isinstance(envelope, dict)
        and envelope.get("format") == FORMAT
        and envelope.get("code") == code_hash()
        and envelope.get("kind") == kind.__name__
        and envelope.get("sha256") == digest
    ):
        raise _Miss("stale")
    value = _decoder(typing.cast(typing.Hashable, kind))(envelope.get("value"))
    if not isinstance(value, kind):
        raise _Miss("wrong type")
    try:
        os.utime(entry, follow_symlinks=False)  # recently used: kept longest
    except OSError:
        pass
    return value


def _no_constant(name: str) -> object:
    raise _Miss(f"{name} is not a number reflexmap stores")


_CODECS: dict[type, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {}
_NONE = type(None)


@functools.cache
def _decoder(kind: Any) -> Callable[[Any], Any]:
    """A function that checks JSON data against the type ``kind`` and builds the value."""
    if kind in _CODECS:
        return _CODECS[kind][1]
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return _dataclass_decoder(kind)
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):
        arms = [_decoder(arm) for arm in args]
        return functools.partial(_union, arms)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return functools.partial(_sequence, _decoder(args[0]))
    if origin is tuple:
        return functools.partial(_fixed, [_decoder(arg) for arg in args])
    if origin is dict and args[0] is str:
        return functools.partial(_mapping, _decoder(args[1]))
    if kind in (str, bool, int, float, _NONE):
        return functools.partial(_scalar, kind)
    raise TypeError(f"the cache cannot store {kind!r}")


def _dataclass_decoder(kind: type) -> Callable[[Any], Any]:
    module = kind.__module__
    fields = {
        f.name: _decoder(_hint(module, typing.cast(typing.Hashable, f.type)))
        for f in dataclasses.fields(kind)
        if f.init and f.metadata.get("reflexmap.cache", True)
    }

    def decode(data: Any) -> Any:
        if type(data) is not dict or not data.keys() <= fields.keys():
            raise _Miss(f"not a {kind.__name__}")
        return kind(**{key: fields[key](value) for key, value in data.items()})

    return decode


@functools.cache
def _hint(module: str, annotation: Any) -> Any:
    """A field's type from its annotation (a string, under ``from __future__ import annotations``).

    (In-function imports are avoided on this path: once PySide6 is loaded, its
    import hook reads the importing module's source on every import statement.)
    Like ``typing.get_type_hints``, but each distinct annotation of a module
    is evaluated once ("Text" and "tuple[Text, ...]" recur across classes).
    """
    if not isinstance(annotation, str):
        return annotation
    return eval(annotation, vars(sys.modules[module]))  # our own modules' annotations, never data from a file


def _union(arms: list[Callable[[Any], Any]], data: Any) -> Any:
    for arm in arms:
        try:
            return arm(data)
        except (_Miss, TypeError, ValueError):
            continue
    raise _Miss("no type of the union fits")


def _sequence(item: Callable[[Any], Any], data: Any) -> tuple[Any, ...]:
    if type(data) is not list:
        raise _Miss("not a list")
    return tuple(item(value) for value in data)


def _fixed(items: list[Callable[[Any], Any]], data: Any) -> tuple[Any, ...]:
    if type(data) is not list or len(data) != len(items):
        raise _Miss("not a list of the right length")
    return tuple(item(value) for item, value in zip(items, data, strict=True))


def _mapping(item: Callable[[Any], Any], data: Any) -> dict[str, Any]:
    if type(data) is not dict:
        raise _Miss("not an object")
    return {key: item(value) for key, value in data.items()}


def _scalar(kind: type, data: Any) -> Any:
    if kind is float and type(data) in (int, float):
        return float(data)
    if type(data) is not kind:
        raise _Miss(f"not a {kind.__name__}")
    return data


# --- writing --------------------------------------------------------------------------------------


def _store(cache_dir: Path, entry: Path, digest: str, value: object) -> None:
    try:
        blob = json.dumps(
            {
                "format": FORMAT,
                "code": code_hash(),
                "kind": type(value).__name__,
                "sha256": digest,
                "value": _encode(value),
            },
            ensure_ascii=False,
            allow_nan=False,
            separators=(",", ":"),
        ).encode("utf-8")
    except (TypeError, ValueError) as e:  # a value the cache cannot store: it only costs speed
        logger.info("not caching %s: %s", entry.name, e)
        return
    if len(blob) > MAX_ENTRY_BYTES:
        logger.info("not caching %s: %d bytes is more than the cache keeps for one file", entry.name, len(blob))
        return
    try:
        write_atomic(entry, blob)
        _evict(cache_dir)
    except OSError as e:  # a read-only or full disk only costs speed
        logger.info("could not write the cache entry %s: %s", entry, e)


def _encode(value: Any) -> Any:
    codec = _CODECS.get(type(value))
    if codec is not None:
        return codec[0](value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _encode(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.init and f.metadata.get("reflexmap.cache", True)
        }
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("only text keys can be stored")
        return {k: _encode(v) for k, v in value.items()}
    if value is None or type(value) in (str, int, float, bool):
        return value
    raise TypeError(f"the cache cannot store a {type(value).__name__}")


def _evict(cache_dir: Path) -> None:
    """Remove the least recently used entries (and any pickle an older reflexmap left) beyond the bounds."""
    found: list[tuple[float, int, str]] = []
    with os.scandir(cache_dir) as listing:
        for item in listing:
            name = item.name
            if name.endswith(".pickle") and "-" in name:  # the old format: never read again
                _remove(cache_dir / name)
            elif name.endswith(_SUFFIX) and "-" in name:
                info = item.stat(follow_symlinks=False)
                found.append((info.st_mtime, info.st_size, name))
    found.sort(reverse=True)  # newest first
    total = 0
    for count, (_, size, name) in enumerate(found, 1):
        total += size
        if count > MAX_ENTRIES or total > MAX_BYTES:
            _remove(cache_dir / name)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
