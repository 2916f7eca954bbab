"""Pixel-by-pixel comparison of the map's hit test with what the picture engine draws for each zone.

The reference is made here, independently of :mod:`reflexmap.drawn`: each
zone is drawn alone (ElementTree removes every other zone and every shape
drawn outside a zone, and keeps ``<defs>``, symbols, styles and structure),
rendered by QtSvg exactly where the map draws its picture, and the pixel
belongs to the last zone in paint order whose rendering covers it.  Only
pixels every rendering is sure about (nearly transparent or nearly opaque,
and so are their neighbours) are compared: anti-aliasing decides the rest.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from reflexmap.ui.foot_map import FootMap

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
SHAPES = {"path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "image", "use"}
KEPT = {"defs", "symbol", "clipPath", "mask", "marker", "pattern", "linearGradient", "radialGradient", "filter"}
#: Below this alpha a rendering surely does not cover a pixel; above SURE it surely does.
UNSURE, SURE = 26, 229


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def zone_alone(data: bytes, zone: str) -> bytes:
    """The document with only ``zone`` left to draw."""
    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", XLINK)  # QtSvg finds <use> targets by the literal xlink:href
    root = ET.fromstring(data)
    parent = {child: el for el in root.iter() for child in el}

    def chain(el: ET.Element) -> list[ET.Element]:
        out = [el]
        while out[-1] in parent:
            out.append(parent[out[-1]])
        return out

    def zone_of(el: ET.Element) -> str | None:
        for node in chain(el):
            if "data-zone" in node.attrib:
                return node.attrib["data-zone"].strip() or None
        return None

    doomed = []
    for el in root.iter():
        own = el.attrib.get("data-zone", "").strip()
        if own and own != zone:
            doomed.append(el)
        elif _local(el.tag) in SHAPES and zone_of(el) is None and not any(_local(n.tag) in KEPT for n in chain(el)):
            doomed.append(el)  # decoration drawn in place: outlines, shading, labels
    for el in doomed:
        if el in parent and el in list(parent[el]):
            parent[el].remove(el)
    return ET.tostring(root)


def alpha(data: bytes, width: float, height: float) -> tuple[bytes, int, int, int]:
    """QtSvg's rendering of ``data`` fitted into ``width`` x ``height``, as the map fits it.

    Its alpha bytes, their stride, and the image's size.
    """
    renderer = QSvgRenderer(QByteArray(data))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    cols, rows = math.ceil(width), math.ceil(height)
    image = QImage(cols, rows, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    image = image.convertToFormat(QImage.Format.Format_Alpha8)
    return bytes(image.constBits()), image.bytesPerLine(), cols, rows


@dataclass
class Comparison:
    compared: int
    drawn: int
    mismatches: list[tuple[int, int, str | None, str | None]]


def compare(fmap: FootMap, data: bytes, zones: Sequence[str], size: tuple[float, float]) -> Comparison:
    """The map's hit test against each of ``zones`` (in paint order) drawn alone, at every sure pixel.

    ``size`` is the art's size in document units.
    """
    return compare_with(fmap, [(z, zone_alone(data, z)) for z in zones], size)


def compare_with(fmap: FootMap, references: Sequence[tuple[str, bytes]], size: tuple[float, float]) -> Comparison:
    """The map's hit test against each zone's own reference document (in paint order), at every sure pixel."""
    zones = [z for z, _ in references]
    top_left = fmap.map_from_art(QPointF(0, 0))
    bottom_right = fmap.map_from_art(QPointF(*size))
    width, height = bottom_right.x() - top_left.x(), bottom_right.y() - top_left.y()
    ox, oy = round(top_left.x()), round(top_left.y())  # the picture sits on a whole pixel
    layers = [alpha(doc, width, height) for _, doc in references]
    stride, cols, rows = layers[0][1], layers[0][2], layers[0][3]
    labels: list[int | None] = []  # -1: unsure; None: no zone; else index into zones
    for y in range(rows):
        for x in range(cols):
            label: int | None = None
            for i, (pixels, _, _, _) in enumerate(layers):
                a = pixels[y * stride + x]
                if UNSURE < a < SURE:
                    label = -1
                    break
                if a >= SURE:
                    label = i
            labels.append(label)
    result = Comparison(0, 0, [])
    for y in range(1, rows - 1):
        for x in range(1, cols - 1):
            label = labels[y * cols + x]
            if label == -1 or any(labels[(y + dy) * cols + x + dx] != label for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
                continue
            want = None if label is None else zones[label]
            got = fmap.zone_at(QPointF(ox + x + 0.5, oy + y + 0.5))
            result.compared += 1
            result.drawn += want is not None
            if got != want:
                result.mismatches.append((x, y, want, got))
    return result
