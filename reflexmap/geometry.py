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

Model module: QtGui for QPainterPath, never QtWidgets.
"""

from __future__ import annotations

import binascii
import functools
import io
import math
import struct
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QDataStream, QRectF, QSizeF
from PySide6.QtGui import QPainterPath

from reflexmap import cache
from reflexmap.fast_start import qt
from reflexmap.files import read_file
from reflexmap.messages import Message

__all__ = [
    "MAX_ART_BYTES",
    "MAX_PIECES",
    "Art",
    "ArtError",
    "ZoneShape",
    "art_bytes",
    "drawn_zones",
    "load_art",
    "load_zones",
    "standard_zones",
]

#: Larger files (or .svgz files that unpack to more) are refused before parsing: real foot art is a few hundred kB.
MAX_ART_BYTES = 8 * 1024 * 1024
#: Coordinates beyond this (in viewport units) are treated as broken.
MAX_COORD = 1e6
#: Pieces (drawn elements) one zone may have: the map hit-tests and paints each piece.
MAX_PIECES = 2_000


class ArtError(ValueError):
    """The art file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class ZoneShape:
    """One drawn element that belongs to a zone, in paint order."""

    zone: str
    path: QPainterPath
    foot: str | None = None
    view: str | None = None


@dataclass(frozen=True)
class Art:
    """Everything the map needs to know about one art file."""

    source: Path
    size: QSizeF
    shapes: tuple[ZoneShape, ...]
    #: Bounding box of each ``data-view`` group (for captions).
    views: dict[str, QRectF] = field(default_factory=dict)
    #: The exact bytes that passed the checks (unpacked, for .svgz): what to draw.
    svg: bytes = field(default=b"", repr=False, metadata=cache.NOT_CACHED)

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
    art = cache.remembered(cache_dir, data, Art, lambda: _parse(source, data))
    return replace(art, source=source, svg=data)


def _parse(source: Path, data: bytes) -> Art:
    from reflexmap.svg_safety import check_svg

    name = source.name
    check_svg(data, name, ArtError)
    try:
        import io

        import svgelements as se  # heavy import: only when art is actually parsed

        doc = se.SVG.parse(io.BytesIO(data), reify=True)
        if doc is None or not isinstance(doc, se.SVG):
            raise ArtError(Message("{file}: the file has no <svg> drawing in it.", file=name))
        width, height = _size(doc, name)
        shapes, views = _collect(doc, name, se)
    except ArtError:
        raise
    except RecursionError:
        raise ArtError(Message("{file}: a <use> refers to itself or the nesting is too deep.", file=name)) from None
    except MemoryError:
        raise ArtError(Message("{file}: the drawing needs more memory than reflexmap allows.", file=name)) from None
    except Exception as e:  # noqa: BLE001 - svgelements raises ParseError, bare ValueErrors ("1em"), TypeErrors...
        detail = str(e) or type(e).__name__
        raise ArtError(
            Message("{file}: svgelements could not read the drawing ({detail}).", file=name, detail=detail)
        ) from None
    if not shapes:
        raise ArtError(
            Message("{file}: no element has a data-zone attribute, so there is nothing to touch.", file=name)
        )
    return Art(
        source=source,
        size=QSizeF(width, height),
        shapes=tuple(shapes),
        views=views,
        svg=data,
    )


# --- conversion --------------------------------------------------------------


def _size(doc: object, name: str) -> tuple[float, float]:
    width = float(getattr(doc, "width", 0) or 0)
    height = float(getattr(doc, "height", 0) or 0)
    viewbox = getattr(doc, "viewbox", None)
    if viewbox is not None and (not viewbox.width or not viewbox.height):
        raise ArtError(Message("{file}: the viewBox has zero width or height.", file=name))
    if not (math.isfinite(width) and math.isfinite(height)) or width <= 0 or height <= 0:
        raise ArtError(Message("{file}: the drawing has no usable width and height.", file=name))
    if width > MAX_COORD or height > MAX_COORD:
        raise ArtError(Message("{file}: the drawing's width or height is absurdly large.", file=name))
    return width, height


def _collect(doc: object, name: str, se: object) -> tuple[list[ZoneShape], dict[str, QRectF]]:
    shapes: list[ZoneShape] = []
    views: dict[str, QRectF] = {}
    pieces: dict[str, int] = {}
    for el in doc.elements():  # type: ignore[attr-defined]
        if not isinstance(el, se.Shape):  # type: ignore[attr-defined]
            continue
        values = el.values
        zone = values.get("data-zone")
        view = values.get("data-view")
        if zone is None and view is None:
            continue
        try:
            path = _to_qpath(el, name, se)
        except ArtError:
            raise
        except (ValueError, TypeError, ZeroDivisionError) as e:  # e.g. rx="1em": svgelements cannot resolve em
            raise ArtError(
                Message(
                    "{file}: svgelements could not read element {element} ({detail}).",
                    file=name,
                    element=_name_of(el),
                    detail=str(e),
                )
            ) from None
        if view:
            box = path.boundingRect()
            views[view] = views[view].united(box) if view in views else box
        if zone:
            zone = str(zone).strip()
            pieces[zone] = pieces.get(zone, 0) + 1
            if pieces[zone] > MAX_PIECES:
                raise ArtError(
                    Message(
                        "{file}: zone {zone} is drawn in more than {limit:,} pieces; join them into fewer shapes.",
                        file=name,
                        zone=zone,
                        limit=MAX_PIECES,
                    )
                )
            shapes.append(ZoneShape(zone, path, values.get("data-foot"), view))
    return shapes, views


def _to_qpath(el: object, name: str, se: object) -> QPainterPath:
    """Convert one svgelements shape (transform applied) to a QPainterPath."""
    Qt = qt()  # only when parsing: a cached start never builds PySide6's Qt enums

    qp = QPainterPath()
    rule = str(el.values.get("fill-rule", "nonzero")).strip()  # type: ignore[attr-defined]
    qp.setFillRule(Qt.FillRule.OddEvenFill if rule == "evenodd" else Qt.FillRule.WindingFill)
    geometry = abs(se.Path(el))  # type: ignore[attr-defined]
    for seg in geometry:
        if isinstance(seg, se.Move):  # type: ignore[attr-defined]
            qp.moveTo(*_pt(seg.end, el, name))
        elif isinstance(seg, se.Close):  # type: ignore[attr-defined]
            qp.closeSubpath()
        elif isinstance(seg, se.Line):  # type: ignore[attr-defined]
            qp.lineTo(*_pt(seg.end, el, name))
        elif isinstance(seg, se.QuadraticBezier):  # type: ignore[attr-defined]
            qp.quadTo(*_pt(seg.control, el, name), *_pt(seg.end, el, name))
        elif isinstance(seg, se.CubicBezier):  # type: ignore[attr-defined]
            qp.cubicTo(*_pt(seg.control1, el, name), *_pt(seg.control2, el, name), *_pt(seg.end, el, name))
        elif isinstance(seg, se.Arc):  # type: ignore[attr-defined]
            for cubic in _arc_cubics(seg, el, name):
                qp.cubicTo(*cubic)
    return qp


def _arc_cubics(seg: object, el: object, name: str) -> Iterable[tuple[float, ...]]:
    """Cubic Beziers for an elliptical arc, exact under any affine transform.

    svgelements keeps a transformed arc as its centre and the images of two
    conjugate radii (``prx``, ``pry``), so the arc is ``c + cos t u + sin t v``
    over the original parameter range (svgelements reports the sweep in screen
    orientation, so a mirroring transform flips its sign).  Approximating the unit-circle arc by
    cubics and mapping the control points through ``[u v]`` stays exact under
    skew, where svgelements' own ``as_cubic_curves`` drifts.
    """
    end = _pt(seg.end, el, name)  # type: ignore[attr-defined]
    c, prx, pry = seg.center, seg.prx, seg.pry  # type: ignore[attr-defined]
    sweep = float(seg.sweep or 0.0)  # type: ignore[attr-defined]
    if c is None or prx is None or pry is None or not math.isfinite(sweep) or sweep == 0.0:
        return [(*end, *end, *end)]  # a degenerate arc is a straight line
    cx, cy = _pt(c, el, name)
    ux, uy = prx.x - cx, prx.y - cy
    vx, vy = pry.x - cx, pry.y - cy
    det = ux * vy - uy * vx
    if abs(det) < 1e-12:
        return [(*end, *end, *end)]
    sx, sy = _pt(seg.start, el, name)  # type: ignore[attr-defined]
    dx, dy = sx - cx, sy - cy
    t0 = math.atan2((ux * dy - uy * dx) / det, (vy * dx - vx * dy) / det)
    if det < 0:  # svgelements flips the sweep's sign when a transform mirrors the arc
        sweep = -sweep
    count = max(1, math.ceil(abs(sweep) / (math.pi / 2) - 1e-9))
    step = sweep / count
    k = 4.0 / 3.0 * math.tan(step / 4.0)

    def at(t: float) -> tuple[float, float]:
        return cx + math.cos(t) * ux + math.sin(t) * vx, cy + math.cos(t) * uy + math.sin(t) * vy

    def tangent(t: float) -> tuple[float, float]:
        return -math.sin(t) * ux + math.cos(t) * vx, -math.sin(t) * uy + math.cos(t) * vy

    curves = []
    for i in range(count):
        ta, tb = t0 + i * step, t0 + (i + 1) * step
        (ax, ay), (bx, by) = at(ta), (end if i == count - 1 else at(tb))
        (tax, tay), (tbx, tby) = tangent(ta), tangent(tb)
        curves.append((ax + k * tax, ay + k * tay, bx - k * tbx, by - k * tby, bx, by))
    return curves


def _pt(p: object, el: object, name: str) -> tuple[float, float]:
    x, y = float(p.x), float(p.y)  # type: ignore[attr-defined]
    if not (math.isfinite(x) and math.isfinite(y)) or abs(x) > MAX_COORD or abs(y) > MAX_COORD:
        zone = el.values.get("data-zone") or el.values.get("id") or type(el).__name__  # type: ignore[attr-defined]
        raise ArtError(
            Message(
                '{file}: element "{element}" has a coordinate that is not a usable number ({x:g}, {y:g}).',
                file=name,
                element=str(zone),
                x=x,
                y=y,
            )
        )
    return x, y


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
        else:  # in pairs, then pairs of pairs: each union step stays small (one after another is quadratic)
            while len(paths) > 1:
                paths = [
                    paths[i].united(paths[i + 1]) if i + 1 < len(paths) else paths[i] for i in range(0, len(paths), 2)
                ]
            area = paths[0]
        zones[zone] = area
    return zones


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


def _name_of(el: object) -> str:
    values = getattr(el, "values", {})
    for attr in ("id", "data-zone"):
        if values.get(attr):
            return f'{attr}="{values.get(attr)}"'
    return f"<{type(el).__name__.lower()}>"


def standard_zones(art: Art) -> dict[str, QPainterPath]:
    """Each zone as the SVG standard lays it out, read by svgelements: fill area plus stroke.

    ``reflexmap check``'s second, independent reading of the geometry, to
    compare with what the picture engine draws (:func:`drawn_zones`).
    Elements that are not displayed (``display="none"``, ``visibility="hidden"``,
    ``<defs>`` content) are left out, as the standard says.  Raises :class:`ArtError`.
    """
    import svgelements as se
    from PySide6.QtGui import QPainterPathStroker

    from reflexmap.fast_start import qt

    data = art_bytes(art)
    name = art.source.name
    try:
        doc = se.SVG.parse(io.BytesIO(data), reify=True)
    except RecursionError:
        raise ArtError(Message("{file}: a <use> refers to itself or the nesting is too deep.", file=name)) from None
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, ZeroDivisionError) as e:
        message = Message("{file}: svgelements could not read the drawing ({detail}).", file=name, detail=str(e))
        raise ArtError(message) from None
    joins = {"round": "RoundJoin", "bevel": "BevelJoin"}
    caps = {"round": "RoundCap", "square": "SquareCap"}
    zones: dict[str, QPainterPath] = {}
    for el in doc.elements():
        if not isinstance(el, se.Shape):
            continue
        values = el.values
        zone = str(values.get("data-zone") or "").strip()
        if not zone or str(values.get("visibility", "")).strip() in ("hidden", "collapse"):
            continue
        try:
            area = _to_qpath(el, name, se)
        except ArtError:
            raise
        except (ValueError, TypeError, ZeroDivisionError) as e:
            raise ArtError(
                Message(
                    "{file}: svgelements could not read element {element} ({detail}).",
                    file=name,
                    element=_name_of(el),
                    detail=str(e),
                )
            ) from None
        geometry = area
        if _is_open(el, se) and getattr(el.fill, "value", None) is None:
            area = QPainterPath()  # an open line drawn with fill="none": only its stroke counts
        stroke = el.stroke
        width = float(el.stroke_width or 0)
        if stroke is not None and getattr(stroke, "value", None) is not None and width > 0:
            Qt = qt()  # check only: never on the start path
            stroker = QPainterPathStroker()
            stroker.setWidth(width)
            join = joins.get(str(values.get("stroke-linejoin", "")).strip(), "MiterJoin")
            cap = caps.get(str(values.get("stroke-linecap", "")).strip(), "FlatCap")
            stroker.setJoinStyle(getattr(Qt.PenJoinStyle, join))
            stroker.setCapStyle(getattr(Qt.PenCapStyle, cap))
            stroker.setMiterLimit(float(values.get("stroke-miterlimit", 4) or 4))
            area = area.united(stroker.createStroke(geometry))
        zones[zone] = zones[zone].united(area) if zone in zones else area
    return zones


def _is_open(el: object, se: object) -> bool:
    """Whether svgelements' shape is an open line (a subpath not closed), as reflexmap.drawn.is_open reads it."""
    if isinstance(el, (se.SimpleLine, se.Polyline)):  # type: ignore[attr-defined]
        return True
    if not isinstance(el, se.Path):  # type: ignore[attr-defined]
        return False
    drawn = closed = False
    for seg in el:
        if isinstance(seg, se.Move):  # type: ignore[attr-defined]
            if drawn and not closed:
                return True
            drawn = closed = False
        elif isinstance(seg, se.Close):  # type: ignore[attr-defined]
            closed = True
        else:
            drawn, closed = True, False
    return drawn and not closed
