"""SVG art -> one QPainterPath per zone.

The art is parsed once with svgelements (which applies transforms, ``<use>``
and the viewBox for us) and every element that carries ``data-zone`` (on
itself, an ancestor group or a ``<use>``) becomes a path in the document's
viewport coordinates.  Paint does not matter: an element drawn with
``fill="none"`` is still a zone inside.  Before svgelements sees the file it
passes :func:`reflexmap.svg_safety.check_svg`, which refuses unsafe or
absurd content (svgelements lets malformed XML through as a raw
``ParseError``, silently truncates bad path data, and takes quadratic time
or worse on some inputs); anything svgelements still raises becomes an
:class:`ArtError` naming the file.

The :class:`Art` keeps the exact bytes that were checked (``Art.svg``):
draw the art from those, never from the path again.

This module holds the art as data, its loading (remembered between runs
through the cache, with the codecs for its Qt values) and each zone's area;
the reading with svgelements is :mod:`reflexmap.svg_shapes`, imported only
when a file is not remembered.

Model module: QtGui for QPainterPath, never QtWidgets.
"""

from __future__ import annotations

import binascii
import functools
import math
import struct
from collections.abc import Iterable
from dataclasses import InitVar, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPainterPath

from reflexmap import cache
from reflexmap.files import read_file
from reflexmap.record import record

__all__ = [
    "MAX_ART_BYTES",
    "MAX_PIECES",
    "Art",
    "ArtError",
    "ArtShapes",
    "ZoneShape",
    "art_bytes",
    "drawn_zones",
    "load_art",
    "load_zones",
]

#: Larger files (or .svgz files that unpack to more) are refused before parsing: real foot art is a few hundred kB.
MAX_ART_BYTES = 8 * 1024 * 1024
#: Coordinates beyond this (in viewport units) are treated as broken.
MAX_COORD = 1e6
#: Pieces (drawn elements) one zone may have: the map hit-tests and paints each piece.
MAX_PIECES = 2_000


class ArtError(ValueError):
    """The art file cannot be used; the message names the file and the problem."""


@record
class ZoneShape:
    """One drawn element that belongs to a zone, in paint order."""

    zone: str
    path: QPainterPath
    foot: str | None = None
    view: str | None = None


@record
class ArtShapes:
    """An art file's zone shapes, remembered apart from the art (see :attr:`Art.shapes`)."""

    shapes: tuple[ZoneShape, ...]


@record
class Art:
    """Everything the map needs to know about one art file."""

    source: Path
    size: QSizeF
    #: Bounding box of each ``data-view`` group (for captions).
    views: dict[str, QRectF] = field(default_factory=dict)
    #: The exact bytes that passed the checks (unpacked, for .svgz): what to draw.
    svg: bytes = field(default=b"", repr=False, metadata=cache.NOT_CACHED)
    #: Where the shapes are remembered (None: read again when first asked for).
    cache_dir: Path | None = field(default=None, compare=False, repr=False, metadata=cache.NOT_CACHED)
    #: The shapes, when the reading that made this art has them at hand.
    read_shapes: InitVar[tuple[ZoneShape, ...] | None] = None

    def __post_init__(self, read_shapes: tuple[ZoneShape, ...] | None) -> None:
        if read_shapes is not None:
            self.__dict__["shapes"] = read_shapes  # what the shapes property would work out

    @functools.cached_property
    def shapes(self) -> tuple[ZoneShape, ...]:
        """Each drawn element of a zone, in paint order, as svgelements reads them.

        Worked out (or recalled from the cache) when first asked for: the
        map draws and touches what QtSvg draws, so a start that shows the
        feet never needs them; custom art's checks and ``check`` do.
        """
        remembered = cache.remembered(
            self.cache_dir, self.svg, ArtShapes, lambda: ArtShapes(_parse(self.source, self.svg).shapes)
        )
        return remembered.shapes

    @functools.cached_property
    def zones(self) -> dict[str, QPainterPath]:
        """Each zone's area: the union of its shapes, computed when first asked for.

        The map hit-tests and paints the shapes themselves; only
        :func:`load_zones` needs the union, so loading art never pays for
        Qt's boolean union (which the geometry of a hostile file can make
        arbitrarily slow).
        """
        return _unite(self.shapes)


def load_zones(path: str | Path) -> dict[str, QPainterPath]:
    """Map each zone name in the SVG at ``path`` to its area as drawn.

    The area is everything the picture engine (QtSvg) draws for the elements
    carrying that ``data-zone`` (see :mod:`reflexmap.drawn` for the rule), in
    the document's viewport coordinates: rendered at the document's own size
    and traced, so it follows the drawn zone to within a pixel there.  Zones
    may overlap (each is its own area).  Raises :class:`ArtError`.
    """
    art = load_art(path)
    return drawn_zones(art)


def load_art(path: str | Path, cache_dir: Path | None = None) -> Art:
    """Read, check and convert the SVG (or .svgz) at ``path``.  Raises :class:`ArtError`.

    With ``cache_dir`` the converted geometry of a file that passed every
    check is remembered (see :mod:`reflexmap.cache`), so the next start skips
    svgelements entirely.  ``Art.svg`` holds the bytes that were checked.
    """
    source = Path(path)
    data = read_file(source, ArtError, MAX_ART_BYTES, compressed=True)
    parsed: list[Art] = []

    def parse() -> Art:
        art = _parse(source, data)
        cache.keep(cache_dir, data, ArtShapes(art.shapes))  # apart: a cached start reads only the art
        parsed.append(art)
        return art

    art = cache.remembered(cache_dir, data, Art, parse)
    shapes = parsed[0].shapes if parsed else None  # read just now: not again
    return replace(art, source=source, svg=data, cache_dir=cache_dir, read_shapes=shapes)


def _parse(source: Path, data: bytes) -> Art:
    from reflexmap.svg_shapes import read_art  # svgelements and its reading: only for art not remembered

    return read_art(source, data)


def _unite(shapes: Iterable[ZoneShape]) -> dict[str, QPainterPath]:
    """Each zone's area as one path.

    Shapes that do not touch and share a fill rule are simply added (exact,
    curves kept); only overlapping ones, or a mix of fill rules, go through
    Qt's boolean union, which flattens curves.
    """
    groups: dict[str, list[QPainterPath]] = {}
    for shape in shapes:
        groups.setdefault(shape.zone, []).append(shape.path)
    zones: dict[str, QPainterPath] = {}
    for zone, paths in groups.items():
        rule = paths[0].fillRule()
        if all(p.fillRule() == rule for p in paths) and _disjoint([p.boundingRect() for p in paths]):
            area = QPainterPath()
            area.setFillRule(rule)
            for p in paths:
                area.addPath(p)
        else:
            area = united(paths)
        zones[zone] = area
    return zones


def united(paths: list[QPainterPath]) -> QPainterPath:
    """The union of ``paths``, in pairs, then pairs of pairs: each step stays small (one by one is quadratic)."""
    if not paths:
        return QPainterPath()
    while len(paths) > 1:
        paths = [paths[i].united(paths[i + 1]) if i + 1 < len(paths) else paths[i] for i in range(0, len(paths), 2)]
    return paths[0]


def _disjoint(boxes: list[QRectF]) -> bool:
    """Whether no two boxes intersect: a sweep from left to right, so n log n for pieces side by side."""
    spans = sorted((b.left(), b.right(), b.top(), b.bottom()) for b in boxes)
    active: list[tuple[float, float, float]] = []  # (right, top, bottom) of boxes the sweep line still crosses
    for left, right, top, bottom in spans:
        active = [a for a in active if a[0] > left]
        if any(a_top < bottom and top < a_bottom for _, a_top, a_bottom in active):
            return False
        active.append((right, top, bottom))
    return True


# --- the cache's codecs for Qt values -----------------------------------------------------------------

#: Element types of a QPainterPath as digits: MoveTo 0, LineTo 1, CurveTo 2 and its two CurveToData 3.
_TYPE_BYTES = bytes.maketrans(b"0123", b"\x00\x01\x02\x03")
#: Deletes the digits of a valid element sequence once each curve ("233") is one "4".
_VALID_TYPES = str.maketrans("", "", "014")


def _encode_path(path: QPainterPath) -> dict[str, Any]:
    """A path as plain data: its fill rule, its element types as digits, its coordinates as base64 doubles."""
    import array
    import base64

    kinds = []
    xy = array.array("d")
    for i in range(path.elementCount()):
        e = path.elementAt(i)
        kinds.append(str(e.type.value))
        xy.append(e.x)
        xy.append(e.y)
    xy.byteswap()  # big-endian, as QDataStream writes doubles
    return {"rule": path.fillRule().value, "types": "".join(kinds), "xy": base64.b64encode(xy.tobytes()).decode()}


def _decode_path(data: Any) -> QPainterPath:
    """The path :func:`_encode_path` stored; ValueError unless the data is exactly such a path.

    The element types must form a valid path (each curve followed by its two
    control points); from them and the coordinates this builds the bytes Qt's
    own ``QDataStream << QPainterPath`` writes, so Qt reads only a well-formed
    stream of known length (``tests/test_cache.py`` compares the two).
    """
    if type(data) is not dict or data.keys() != {"rule", "types", "xy"} or type(data["rule"]) is not int:
        raise ValueError("not a stored path")
    kinds, rule = data["types"], data["rule"]
    if rule not in (0, 1) or type(kinds) is not str or type(data["xy"]) is not str or not _valid_elements(kinds):
        raise ValueError("not a stored path")
    xy = binascii.a2b_base64(data["xy"], strict_mode=True)
    if len(xy) != 16 * len(kinds):
        raise ValueError("not a stored path")
    path = QPainterPath()
    if not kinds:  # Qt writes an empty path as its count alone
        return path
    from PySide6.QtCore import QByteArray, QDataStream  # PySide6 builds their enums when first touched

    QDataStream(QByteArray(_path_stream(kinds, xy, rule))) >> path
    if path.elementCount() != len(kinds):  # Qt drops a path with a coordinate that is not a usable number
        raise ValueError("not a stored path")
    return path


def _path_stream(kinds: str, xy: bytes, rule: int) -> bytes:
    """What ``QDataStream << QPainterPath`` writes for these elements (checked by :func:`_valid_elements`).

    The element count, then each element's type (int32) and x, y (big-endian
    doubles, as ``xy`` holds them already), then the start of the last
    subpath and the fill rule.
    """
    count = len(kinds)
    end = 4 + 20 * count
    blob = bytearray(end + 8)
    struct.pack_into(">i", blob, 0, count)
    blob[7:end:20] = kinds.encode("ascii").translate(_TYPE_BYTES)  # each type's low byte; the others stay 0
    for k in range(16):
        blob[8 + k : end : 20] = xy[k::16]
    struct.pack_into(">ii", blob, end, kinds.rfind("0"), rule)
    return bytes(blob)


def _valid_elements(kinds: str) -> bool:
    """Whether ``kinds`` (element types as digits) is a path: a move first, each curve followed by its data."""
    return (not kinds or kinds[0] == "0") and not kinds.replace("233", "4").translate(_VALID_TYPES)


def _decode_size(data: Any) -> QSizeF:
    width, height = _numbers(data, 2)
    return QSizeF(width, height)


def _decode_rect(data: Any) -> QRectF:
    return QRectF(*_numbers(data, 4))


def _numbers(data: Any, count: int) -> list[float]:
    if type(data) is not list or len(data) != count or not all(type(v) in (int, float) for v in data):
        raise ValueError("not a list of numbers")
    values = [float(v) for v in data]
    if not all(math.isfinite(v) and abs(v) <= MAX_COORD for v in values):
        raise ValueError("not a usable number")
    return values


def _decode_source(data: Any) -> Path:
    if type(data) is not str:
        raise ValueError("not a path")
    return Path(data)


cache.register(QPainterPath, _encode_path, _decode_path)
cache.register(QSizeF, lambda size: [size.width(), size.height()], _decode_size)
cache.register(QRectF, lambda rect: [rect.x(), rect.y(), rect.width(), rect.height()], _decode_rect)
cache.register(Path, str, _decode_source)
cache.register(type(Path()), str, _decode_source)


# --- what is drawn (reflexmap.drawn) -------------------------------------------------------


def art_bytes(art: Art) -> bytes:
    """The exact bytes the picture and its zones are drawn from.  Raises :class:`ArtError`.

    The one place the drawing code gets its SVG from, so drawing from the
    checked bytes kept with the art (rather than the file, which may have
    changed since) is a change here only.
    """
    return art.svg


def drawn_zones(art: Art) -> dict[str, QPainterPath]:
    """Each zone of ``art`` as QtSvg draws it, in document units (see :func:`load_zones`)."""
    from reflexmap.drawn import DrawingError, zone_paths

    try:
        return zone_paths(art_bytes(art), art.source.name, art.size.width(), art.size.height())
    except DrawingError as e:
        raise ArtError(e.args[0]) from None
