"""The art as svgelements reads it: each zone element as a QPainterPath, and the standard's zones.

:func:`read_art` is what :func:`reflexmap.geometry.load_art` does with a file
it does not remember: the safety gate (:func:`reflexmap.svg_safety.check_svg`),
then svgelements, which applies transforms, ``<use>`` and the viewBox; every
element that carries ``data-zone`` (on itself, an ancestor group or a
``<use>``) becomes a path in the document's viewport coordinates, its arcs
converted by our own code.  :func:`standard_zones` is ``reflexmap check``'s
second reading of the same file, fill area plus stroke as the standard says.

svgelements is imported inside the functions that use it.  Model module:
QtGui for QPainterPath, never QtWidgets.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPainterPath

from reflexmap.fast_start import qt
from reflexmap.geometry import MAX_COORD, MAX_PIECES, Art, ArtError, ZoneShape, art_bytes, united
from reflexmap.messages import Message
from reflexmap.record import record

__all__ = ["StandardReading", "Unreadable", "read_art", "standard_zones"]


def read_art(source: Path, data: bytes) -> Art:
    """Check ``data`` (the bytes of ``source``) and read its zones with svgelements.  Raises :class:`ArtError`.

    An element svgelements cannot read (``rx="1em"``) keeps its zone, with
    an empty path: what is touchable is what QtSvg draws (:mod:`reflexmap.drawn`),
    and ``reflexmap check`` names the element.
    """
    from reflexmap.svg_safety import check_svg

    name = source.name
    check_svg(data, name, ArtError)
    try:
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
        views=views,
        read_shapes=tuple(shapes),
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
        except (ValueError, TypeError, ZeroDivisionError):  # e.g. rx="1em": svgelements cannot resolve em
            # QtSvg decides what is drawn and touchable (reflexmap.drawn); check says svgelements could not read it
            path = None
        if view and path is not None:
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
            shapes.append(ZoneShape(zone, QPainterPath() if path is None else path, values.get("data-foot"), view))
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


#: The attribute standard_zones gives every element, to know which element of the file svgelements read.
_ELEMENT = "data-reflexmap-element"


@record
class Unreadable:
    """A zone element svgelements could not read: where it is, and what svgelements said."""

    line: int
    tag: str
    zone: str
    detail: str


@record
class StandardReading:
    """The zones as the SVG standard lays them out (svgelements), and what svgelements could not read."""

    zones: dict[str, QPainterPath]
    unreadable: tuple[Unreadable, ...] = ()
    #: What svgelements said if it could not read the drawing at all.
    failed: str | None = None


def standard_zones(art: Art) -> StandardReading:
    """Each zone as the SVG standard lays it out, read by svgelements: fill area plus stroke.

    ``reflexmap check``'s second, independent reading of the geometry, to
    compare with what the picture engine draws (:func:`drawn_zones`).
    Elements that are not displayed (``display="none"``, ``visibility="hidden"``,
    ``<defs>`` content) are left out, as the standard says.  An element
    svgelements cannot read (``rx="1em"``) is left out and named, with its
    line, in :attr:`StandardReading.unreadable`.  Raises :class:`ArtError`
    only for a coordinate that is not a usable number.
    """
    import svgelements as se
    from PySide6.QtGui import QPainterPathStroker

    from reflexmap.drawn import DrawingError, parse, serialise
    from reflexmap.fast_start import qt

    name = art.source.name
    try:
        root = parse(art_bytes(art), name)
    except DrawingError as e:
        raise ArtError(e.args[0]) from None
    elements = list(root.iter())
    for index, node in enumerate(elements):  # so each shape svgelements reads names its element and line
        node.attrib[_ELEMENT] = str(index)
    try:
        doc = se.SVG.parse(io.BytesIO(serialise(root)), reify=True)
        shapes = [el for el in doc.elements() if isinstance(el, se.Shape)]
    except RecursionError:
        return StandardReading({}, failed="a <use> refers to itself or the nesting is too deep")
    except Exception as e:  # noqa: BLE001 - svgelements raises ParseError, bare ValueErrors, TypeErrors...
        return StandardReading({}, failed=str(e) or type(e).__name__)
    joins = {"round": "RoundJoin", "bevel": "BevelJoin"}
    caps = {"round": "RoundCap", "square": "SquareCap"}
    pieces: dict[str, list[QPainterPath]] = {}
    unreadable: list[Unreadable] = []
    for el in shapes:
        values = el.values
        zone = str(values.get("data-zone") or "").strip()
        if not zone or str(values.get("visibility", "")).strip() in ("hidden", "collapse"):
            continue
        try:
            area = _to_qpath(el, name, se)
        except ArtError:
            raise
        except (ValueError, TypeError, ZeroDivisionError) as e:
            at = str(values.get(_ELEMENT, ""))
            node = elements[int(at)] if at.isdigit() and int(at) < len(elements) else root
            unreadable.append(Unreadable(node.line, node.tag, zone, str(e) or type(e).__name__))
            continue
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
        pieces.setdefault(zone, []).append(area)
    return StandardReading({zone: united(areas) for zone, areas in pieces.items()}, tuple(unreadable))


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
