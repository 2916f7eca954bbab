"""SVG art -> one QPainterPath per zone.

The art is parsed once with svgelements (which applies transforms, ``<use>``
and the viewBox for us) and every element that carries ``data-zone`` (on
itself, an ancestor group or a ``<use>``) becomes a path in the document's
viewport coordinates.  Paint does not matter: an element drawn with
``fill="none"`` is still a zone inside.  The file is checked for unsafe or
absurd content before svgelements sees it, because svgelements lets
malformed XML through as a raw ``ParseError`` and silently truncates bad path
data.

Model module: QtGui for QPainterPath, never QtWidgets.
"""

from __future__ import annotations

import copyreg
import io
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QRectF, QSizeF
from PySide6.QtGui import QPainterPath

from reflexmap.cache import remembered
from reflexmap.messages import Message
from reflexmap.schema import read_bytes

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

__all__ = ["Art", "ArtError", "ZoneShape", "art_bytes", "drawn_zones", "load_art", "load_zones", "standard_zones"]

#: Larger files are refused before parsing: real foot art is a few hundred kB.
MAX_ART_BYTES = 8 * 1024 * 1024
#: Deeper nesting than this is no drawing a person made.
MAX_DEPTH = 64
MAX_ELEMENTS = 20_000
#: Coordinates beyond this (in viewport units) are treated as broken.
MAX_COORD = 1e6

_SVG_NS = "{http://www.w3.org/2000/svg}"
#: One token of path data; compiled (and cached by re) when art is first parsed, never at a cached start.
_PATH_TOKEN = r"\s*(?:[MmZzLlHhVvCcSsQqTtAa]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|,)"


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
    #: Each zone's area: the union of its shapes.
    zones: dict[str, QPainterPath] = field(default_factory=dict)
    #: Bounding box of each ``data-view`` group (for captions).
    views: dict[str, QRectF] = field(default_factory=dict)


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
    """Read, check and convert the SVG at ``path``.  Raises :class:`ArtError`.

    With ``cache_dir`` the converted geometry of a file that passed every
    check is remembered (see :mod:`reflexmap.cache`), so the next start skips
    svgelements entirely.
    """
    source = Path(path)
    data = read_bytes(source, ArtError, MAX_ART_BYTES)
    return remembered(cache_dir, source, data, Art, lambda: _parse(source, data))


def _parse(source: Path, data: bytes) -> Art:
    import xml.etree.ElementTree as ET

    name = source.name
    _check_xml(data, name)
    try:
        import svgelements as se  # heavy import: only when art is actually parsed

        doc = se.SVG.parse(io.BytesIO(data), reify=True)
    except RecursionError:
        raise ArtError(Message("{file}: a <use> refers to itself or the nesting is too deep.", file=name)) from None
    except (ET.ParseError, ValueError, TypeError, AttributeError, IndexError, KeyError, ZeroDivisionError) as e:
        raise ArtError(Message("{file}: svgelements could not read the drawing ({detail}).", file=name, detail=str(e))) from None
    if doc is None or not isinstance(doc, se.SVG):
        raise ArtError(Message("{file}: the file has no <svg> drawing in it.", file=name))
    width, height = _size(doc, name)
    shapes, views = _collect(doc, name, se)
    if not shapes:
        raise ArtError(Message("{file}: no element has a data-zone attribute, so there is nothing to touch.", file=name))
    return Art(
        source=source,
        size=QSizeF(width, height),
        shapes=tuple(shapes),
        zones=_unite(shapes),
        views=views,
    )


# --- pickling paths for the cache --------------------------------------------------


def _path_from_bytes(blob: bytes) -> QPainterPath:
    path = QPainterPath()
    QDataStream(QByteArray(blob)) >> path
    return path


def _path_to_bytes(path: QPainterPath) -> tuple[Callable[[bytes], QPainterPath], tuple[bytes]]:
    buffer = QByteArray()
    QDataStream(buffer, QIODevice.OpenModeFlag.WriteOnly) << path
    return _path_from_bytes, (bytes(buffer.data()),)


copyreg.pickle(QPainterPath, _path_to_bytes)


# --- checks before parsing ---------------------------------------------------


def _check_xml(data: bytes, name: str) -> None:
    """Refuse DTDs and entities, malformed XML, absurd nesting, bad path data."""
    import xml.etree.ElementTree as ET

    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    try:
        root = DET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as e:
        kind = type(e).__name__
        what = {
            "DTDForbidden": Message("a DTD (<!DOCTYPE ...>)"),
            "EntitiesForbidden": Message("an <!ENTITY> declaration"),
            "ExternalReferenceForbidden": Message("a reference to an external file"),
        }.get(kind, Message("an unsafe XML construct"))
        raise ArtError(Message("{file}: the file contains {what}, which reflexmap refuses for safety; remove it.",
                                file=name, what=what)) from None
    except ET.ParseError as e:
        raise ArtError(Message("{file}: the file is not well-formed XML ({detail}).", file=name, detail=str(e))) from None
    except (RecursionError, MemoryError):
        raise ArtError(Message("{file}: the file is nested too deeply to read.", file=name)) from None
    if root.tag not in (f"{_SVG_NS}svg", "svg"):
        raise ArtError(Message("{file}: the top element is <{tag}>, not <svg>.", file=name, tag=_local(root.tag)))
    count = 0
    stack: list[tuple[ET.Element, int]] = [(root, 1)]
    while stack:
        el, depth = stack.pop()
        count += 1
        if depth > MAX_DEPTH:
            raise ArtError(Message("{file}: elements are nested more than {limit} deep.", file=name, limit=MAX_DEPTH))
        if count > MAX_ELEMENTS:
            raise ArtError(Message("{file}: the drawing has more than {limit} elements.", file=name, limit=MAX_ELEMENTS))
        if _local(el.tag) == "path":
            _check_path_data(el.get("d", ""), name, el)
        stack.extend((child, depth + 1) for child in el)


def _check_path_data(d: str, name: str, el: ET.Element) -> None:
    token = re.compile(_PATH_TOKEN)
    pos = 0
    end = len(d.rstrip())
    while pos < end:
        m = token.match(d, pos)
        if not m or m.end() == pos:
            near = d[pos : pos + 12].strip()
            raise ArtError(Message('{file}: path {element} has unreadable data in its "d" attribute near "{near}".',
                                  file=name, element=_describe(el), near=near))
        pos = m.end()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _describe(el: ET.Element) -> str:
    for attr in ("id", "data-zone"):
        if el.get(attr):
            return f'{attr}="{el.get(attr)}"'
    return "(no id)"


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
            raise ArtError(Message("{file}: svgelements could not read element {element} ({detail}).",
                                   file=name, element=_name_of(el), detail=str(e))) from None
        if view:
            box = path.boundingRect()
            views[view] = views[view].united(box) if view in views else box
        if zone:
            shapes.append(ZoneShape(str(zone).strip(), path, values.get("data-foot"), view))
    return shapes, views


def _to_qpath(el: object, name: str, se: object) -> QPainterPath:
    """Convert one svgelements shape (transform applied) to a QPainterPath."""
    from PySide6.QtCore import Qt  # only when parsing: a cached start never builds PySide6's Qt enums

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
        raise ArtError(Message('{file}: element "{element}" has a coordinate that is not a usable number ({x:g}, {y:g}).',
                              file=name, element=str(zone), x=x, y=y))
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
        boxes = [p.boundingRect() for p in paths]
        disjoint = all(
            not boxes[i].intersects(boxes[j]) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
        )
        if disjoint and all(p.fillRule() == rule for p in paths):
            area = QPainterPath()
            area.setFillRule(rule)
            for p in paths:
                area.addPath(p)
        else:
            area = QPainterPath(paths[0])
            for p in paths[1:]:
                area = area.united(p)
        zones[zone] = area
    return zones


# --- what is drawn (reflexmap.drawn) -------------------------------------------------------


def art_bytes(art: Art) -> bytes:
    """The exact bytes the picture and its zones are drawn from.  Raises :class:`ArtError`.

    The one place the drawing code gets its SVG from, so drawing from the
    checked bytes kept with the art (rather than the file, which may have
    changed since) is a change here only.
    """
    return read_bytes(art.source, ArtError, MAX_ART_BYTES)


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
            raise ArtError(Message("{file}: svgelements could not read element {element} ({detail}).",
                                   file=name, element=_name_of(el), detail=str(e))) from None
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
