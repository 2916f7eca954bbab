"""A region's boundary as closed polygons: the rings drawn along a zone, and a zone's area as a path."""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from PySide6.QtGui import QPainterPath

from reflexmap.drawn.raster import rect_corners

if TYPE_CHECKING:
    from PySide6.QtGui import QRegion


def outline(region: QRegion, chamfer: float = 0.0) -> QPainterPath:
    """The boundary of ``region`` as closed polygons (holes included), in the region's pixel units.

    With ``chamfer`` every corner is cut by up to that many pixels, so the
    staircase of a slanted edge reads as the slant (for rings drawn along a zone).
    The path is odd-even filled, Qt's default: holes stay holes.
    """
    # the elements moveTo, lineTo... and closeSubpath would make: a move, the lines, a line back to the start
    elements: list[float] = []
    count = start = 0
    for loop in _loops(region):
        points = _chamfered(loop, chamfer) if chamfer > 0 else loop
        fx, fy = lx, ly = points[0]
        start = count
        elements += (_MOVE_TO, fx, fy)
        count += 1
        for x, y in points:
            if x != lx or y != ly:  # lineTo drops a point the path is already at
                elements += (_LINE_TO, x, y)
                count += 1
                lx, ly = x, y
        if lx != fx or ly != fy:
            elements += (_LINE_TO, fx, fy)
            count += 1
    return _path(count, elements, start)


#: QPainterPath.ElementType's MoveToElement and LineToElement, as Qt streams them.
_MOVE_TO, _LINE_TO = 0, 1


def _path(count: int, elements: list[float], start: int) -> QPainterPath:
    """The path of ``count`` elements (type, x, y each) whose last subpath starts at element ``start``.

    Read from the bytes Qt's ``QDataStream << QPainterPath`` writes (the
    count; each element's type and its x, y as doubles; where the last
    subpath starts; the fill rule, odd-even): one call into Qt, not one for
    each of a ring's thousands of points.
    """
    from PySide6.QtCore import QByteArray, QDataStream

    path = QPainterPath()
    if count:
        data = struct.pack(f">i{'idd' * count}ii", count, *elements, start, 0)
        QDataStream(QByteArray(data)) >> path
    return path


_K = 1 << 21  # a point (x, y) is the int x * _K + y while loops are traced


def _loops(region: QRegion) -> list[list[tuple[int, int]]]:
    """The boundary loops of a region, as corner points, with the region on the right of travel."""
    bands: list[tuple[int, int, list[tuple[int, int]]]] = []
    last = None
    for x0, y0, x1, y1 in rect_corners(region):  # y-x banded: the rectangles of one band share their top and height
        if y0 == last:
            bands[-1][2].append((x0, x1 + 1))
        else:
            bands.append((y0, y1 + 1, [(x0, x1 + 1)]))
            last = y0
    after: dict[int, int] = {}  # each corner point to the next along the boundary
    pinched: dict[int, list[int]] = {}  # where two loops touch at a corner: both ways on

    def edge(a: int, b: int) -> None:
        if a in pinched:
            pinched[a].append(b)
        elif a in after:
            pinched[a] = [after.pop(a), b]
        else:
            after[a] = b

    count = len(bands)
    for i, (top, bottom, spans) in enumerate(bands):
        above = bands[i - 1][2] if i and bands[i - 1][1] == top else []
        below = bands[i + 1][2] if i + 1 < count and bands[i + 1][0] == bottom else []
        for x0, x1 in spans:
            edge(x0 * _K + bottom, x0 * _K + top)  # left side, going up
            edge(x1 * _K + top, x1 * _K + bottom)  # right side, going down
        for x0, x1 in _minus(spans, above) if above else spans:
            edge(x0 * _K + top, x1 * _K + top)  # top, going right
        for x0, x1 in _minus(spans, below) if below else spans:
            edge(x1 * _K + bottom, x0 * _K + bottom)  # bottom, going left
    loops: list[list[tuple[int, int]]] = []
    while after or pinched:
        start = next(iter(after)) if after else next(iter(pinched))
        here, (hx, hy) = start, divmod(start, _K)
        heading = (0, 0)
        corners: list[tuple[int, int]] = []
        while True:
            step = after.pop(here, None)
            if step is None:
                ways = pinched.get(here)
                if not ways:
                    break
                step = _keep_right(hx, hy, heading, ways)
                ways.remove(step)
                if not ways:
                    del pinched[here]
            sx, sy = divmod(step, _K)
            way = ((sx > hx) - (sx < hx), (sy > hy) - (sy < hy))
            if way != heading:
                corners.append((hx, hy))
                heading = way
            here, hx, hy = step, sx, sy
            if here == start:
                break
        if len(corners) >= 4:
            loops.append(corners)
    return loops


def _minus(spans: list[tuple[int, int]], cut: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of the x intervals ``spans`` not covered by ``cut`` (both sorted, disjoint)."""
    out: list[tuple[int, int]] = []
    j, n = 0, len(cut)
    for x0, x1 in spans:
        x = x0
        while j < n and cut[j][1] <= x:
            j += 1
        k = j
        while k < n and cut[k][0] < x1:
            c0, c1 = cut[k]
            if c0 > x:
                out.append((x, c0))
            x = max(x, c1)
            k += 1
        if x < x1:
            out.append((x, x1))
    return out


def _keep_right(hx: int, hy: int, heading: tuple[int, int], ways: list[int]) -> int:
    """At a corner where two loops touch, turn right, so each loop stays a simple polygon."""
    right = (-heading[1], heading[0])  # a right turn on screen (y down)

    def rank(p: int) -> int:
        px, py = divmod(p, _K)
        d = ((px > hx) - (px < hx), (py > hy) - (py < hy))
        return 0 if d == right else 1 if d == heading else 2

    return min(ways, key=rank)


def _chamfered(loop: list[tuple[int, int]], cut: float) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    ax, ay = loop[-1]
    x, y = loop[0]
    for bx, by in (*loop[1:], loop[0]):
        la, lb = abs(x - ax) + abs(y - ay), abs(bx - x) + abs(by - y)  # edges are horizontal or vertical
        ca, cb = min(cut, la / 2) / la, min(cut, lb / 2) / lb
        out += ((x + (ax - x) * ca, y + (ay - y) * ca), (x + (bx - x) * cb, y + (by - y) * cb))
        ax, ay, x, y = x, y, bx, by
    return out
