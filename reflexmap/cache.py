"""Remembering the checked form of a file between runs.

Parsing and validating the art (svgelements) and the TOML files (tomllib,
msgspec) costs more start-up time than everything else reflexmap adds to
Qt.  A file that passed every check is stored in the user cache folder with
its exact bytes; the next run compares the bytes and, if they match, uses
the stored object without importing any parser.  A missing, stale or damaged
entry is a cache miss, never an error.  No Qt here.
"""

from __future__ import annotations

import logging
import os
import pickle
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from reflexmap import __version__

T = TypeVar("T")

logger = logging.getLogger(__name__)

#: Bump when the shape of a cached object changes without a version bump.
CACHE_FORMAT = 2


def remembered(cache_dir: Path | None, path: Path, raw: bytes, kind: type[T], build: Callable[[], T]) -> T:
    """``build()``'s result for the file ``path`` whose bytes are ``raw``, cached in ``cache_dir``.

    ``build`` must raise (not return) when the file is bad, so only good
    results are ever stored.
    """
    if cache_dir is None:
        return build()
    entry = _entry(cache_dir, path, kind.__name__)
    value = _load(entry, raw)
    if isinstance(value, kind):
        return value
    value = build()
    _store(entry, raw, value)
    return value


def _entry(cache_dir: Path, path: Path, kind: str) -> Path:
    key = zlib.crc32(os.fsencode(os.path.abspath(path)))
    return cache_dir / f"{kind.lower()}-{key:08x}.pickle"


def _load(entry: Path, raw: bytes) -> object:

    try:
        stamp, source, value = pickle.loads(entry.read_bytes())
    except Exception:  # noqa: BLE001 - missing or damaged: just a miss
        return None
    if stamp != (CACHE_FORMAT, __version__) or source != raw:
        return None
    return value


def _store(entry: Path, raw: bytes, value: object) -> None:

    try:
        blob = pickle.dumps(((CACHE_FORMAT, __version__), raw, value), protocol=pickle.HIGHEST_PROTOCOL)
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
        tmp.write_bytes(blob)
        os.replace(tmp, entry)
    except (OSError, pickle.PicklingError, TypeError) as e:  # a read-only or full disk only costs speed
        logger.info("could not write the cache entry %s: %s", entry, e)
