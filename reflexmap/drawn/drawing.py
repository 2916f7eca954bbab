"""The art as the picture engine draws it: the picture, and each zone's layers rendered into masks.

Each layer's document is loaded into its own QSvgRenderer once and rendered,
at the picture's resolution and through the same call as the picture, into a
mask: first small, to find where the layer draws, then at full resolution
around that.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer

from reflexmap import cache
from reflexmap.drawn.documents import layer_document, template
from reflexmap.drawn.layers import Layers, Piece
from reflexmap.drawn.masks import KeptMasks, Masks
from reflexmap.drawn.outline import outline
from reflexmap.drawn.raster import blank, draw, inked, make_renderer, rendered_region
from reflexmap.drawn.tree import DrawingError, parse
from reflexmap.messages import Message

if TYPE_CHECKING:
    from PySide6.QtGui import QRegion

#: The side of the small rendering each layer's extent is first found in.
PROBE = 256
#: Device pixels added around a layer's probed extent before the real rendering.
PAD = 3
#: Reference renderings (load_zones, check) larger than this many pixels are scaled down.
MAX_REFERENCE_PIXELS = 16_000_000


class Drawing:
    """The art as the picture engine draws it: the picture, and each zone's layers as masks.

    Made from the checked bytes (cheap: nothing is read until asked).  The
    picture's renderer is made on first use, each layer's document and
    renderer when that layer is first drawn, each parsed once for the life
    of the drawing; later sizes only render again.
    """

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        self._data = data
        self._picture: QSvgRenderer | None = None
        self._messages: list[str] = []
        self._layers: Layers | None = None
        self._written: str | None = None
        self._renderers: list[QSvgRenderer | None] = []
        self._aspect = 0.0
        self._extents: dict[int, QRectF | None] = {}

    # --- the picture ------------------------------------------------------------------------

    def picture(self) -> QSvgRenderer:
        """The renderer of the picture itself.  Raises :class:`DrawingError` if the engine cannot read it."""
        if self._picture is None:
            renderer = make_renderer(self._data, self._messages)
            if not renderer.isValid():
                detail = "; ".join(self._messages) or "no reason given"
                raise DrawingError(
                    Message("{file}: Qt's SVG engine cannot draw this file ({detail}).", file=self.name, detail=detail)
                )
            self._picture = renderer
        return self._picture

    def paint(self, painter: QPainter, width: float, height: float) -> None:
        """Draw the picture fitted (keeping its proportions) into ``0, 0, width, height``."""
        draw(self.picture(), painter, width, height)

    @property
    def engine_messages(self) -> list[str]:
        """What the engine said while reading the picture (for ``check`` and the log)."""
        self.picture()
        return list(self._messages)

    # --- the zones ---------------------------------------------------------------------------

    def _analysis(self) -> Layers:
        if self._layers is None:
            self._layers = Layers(parse(self._data, self.name), self.name)
        return self._layers

    @property
    def pieces(self) -> list[Piece]:
        """Each zone on each view and foot, in the order the picture first draws them."""
        return list(self._analysis().pieces)

    @property
    def piece_lines(self) -> list[int]:
        """For each piece, the line of the file where its first element is."""
        return list(self._analysis().lines)

    @property
    def layers(self) -> list[int]:
        """For each layer, in paint order, the index of the piece it draws."""
        return list(self._analysis().layers)

    def layer_documents(self) -> list[bytes]:
        """The document each layer's mask is rendered from (for tests and tools)."""
        return [layer_document(self._template(), k) for k in range(len(self._analysis().layers))]

    def _template(self) -> str:
        """The document every layer's is written from (once)."""
        if self._written is None:
            self._written = template(self._analysis().root)
        return self._written

    def _renderer(self, layer: int) -> QSvgRenderer:
        """The renderer of ``layer``'s document, made the first time the layer is drawn."""
        if not self._renderers:
            self.picture()  # a file the engine cannot read is refused before any layer is
            analysis = self._analysis()
            if analysis.has_text:
                from PySide6.QtGui import QGuiApplication

                if QGuiApplication.instance() is None:
                    raise DrawingError(
                        Message(
                            "{file}: the drawing has text, which needs a running Qt application to lay out.",
                            file=self.name,
                        )
                    )
            self._renderers = [None] * len(analysis.layers)
        renderer = self._renderers[layer]
        if renderer is None:
            ignored: list[str] = []  # the picture's load said it all already
            renderer = self._renderers[layer] = make_renderer(layer_document(self._template(), layer), ignored)
        return renderer

    def masks(self, width: float, height: float, dpr: float = 1.0, zones: Collection[str] | None = None) -> Masks:
        """Every layer's region at the picture's resolution: the picture fitted into ``width`` x ``height``.

        ``dpr`` is the device pixel ratio of the pixmap the picture is drawn
        into; regions are in its device pixels.  Layers of zones not in
        ``zones`` (when given) are left out: they neither count nor cover.
        """
        from PySide6.QtGui import QRegion

        analysis = self._analysis()
        device = _device(width, height, dpr)
        own: list[QRegion] = []
        for k, piece in enumerate(analysis.layers):
            if zones is None or analysis.pieces[piece].zone in zones:
                own.append(self._own(k, width, height, dpr, device))
            else:
                own.append(QRegion())
        return self._masks_of(own, dpr, device)

    def top_masks(self, width: float, height: float, dpr: float, zones: Collection[str]) -> Masks:
        """Masks that are exact where ``zones`` are on top, made with a few renderings instead of all.

        The layers of ``zones`` are rendered as :meth:`masks` renders them;
        each later layer only where those draw (all that can cover them), and
        earlier layers of other zones not at all.  The visible regions of the
        layers of ``zones`` are then those of :meth:`masks`; the other layers'
        are not (for a first frame that highlights ``zones``).
        """
        from PySide6.QtGui import QRegion

        analysis = self._analysis()
        device = _device(width, height, dpr)
        own: list[QRegion] = [QRegion()] * len(analysis.layers)
        theirs = QRect()
        first = len(analysis.layers)
        for k, piece in enumerate(analysis.layers):
            if analysis.pieces[piece].zone in zones:
                own[k] = self._own(k, width, height, dpr, device)
                theirs = theirs.united(own[k].boundingRect())
                first = min(first, k)
        if not theirs.isEmpty():
            for k in range(first + 1, len(analysis.layers)):
                if analysis.pieces[analysis.layers[k]].zone not in zones:
                    own[k] = rendered_region(self._renderer(k), width, height, dpr, theirs)
        return self._masks_of(own, dpr, device)

    def kept_masks(
        self, cache_dir: Path, width: float, height: float, dpr: float, zones: Collection[str]
    ) -> Masks | None:
        """The :meth:`masks` of ``zones`` that :meth:`keep_masks` kept at this size in a run before, if there.

        Kept with the drawing's bytes, the size, the zones and Qt's version
        (see :mod:`reflexmap.cache`); an entry that does not fit this
        drawing's layers and size is not used.
        """
        analysis = self._analysis()
        device = _device(width, height, dpr)
        kept = cache.recalled(cache_dir, self._kept_key(width, height, dpr, zones), KeptMasks)
        if kept is None or (kept.width, kept.height) != (device.width(), device.height()):
            return None
        inside = all(r.isEmpty() or device.contains(r.boundingRect()) for r in kept.own)
        if len(kept.own) != len(analysis.layers) or not inside:
            return None
        return self._masks_of(list(kept.own), dpr, device)

    def has_kept_masks(self, cache_dir: Path, width: float, height: float, dpr: float, zones: Collection[str]) -> bool:
        """Whether :meth:`keep_masks` kept masks for this size (not read: :meth:`kept_masks` may still refuse them)."""
        return cache.is_kept(cache_dir, self._kept_key(width, height, dpr, zones), KeptMasks)

    def keep_masks(self, cache_dir: Path, width: float, height: float, zones: Collection[str], masks: Masks) -> None:
        """Keep ``masks`` (the :meth:`masks` of ``zones`` at ``width`` x ``height``) for a later :meth:`kept_masks`."""
        kept = KeptMasks(masks.width, masks.height, tuple(masks.own))
        cache.keep(cache_dir, self._kept_key(width, height, masks.dpr, zones), kept)

    def _kept_key(self, width: float, height: float, dpr: float, zones: Collection[str]) -> bytes:
        from PySide6.QtCore import qVersion

        about = f"\0masks {width!r} {height!r} {dpr!r} {' '.join(sorted(zones))} Qt {qVersion()}"
        return self._data + about.encode()

    def _masks_of(self, own: list[QRegion], dpr: float, device: QRect) -> Masks:
        analysis = self._analysis()
        return Masks(own, list(analysis.layers), list(analysis.pieces), dpr, device.width(), device.height())

    def _own(self, layer: int, width: float, height: float, dpr: float, device: QRect) -> QRegion:
        """Everything ``layer`` draws, in device pixels: rendered around its probed extent (all, if that fell short)."""
        from PySide6.QtGui import QRegion

        extent = self._extent(layer, width, height)
        if extent is None:
            return QRegion()
        crop = QRect(
            math.floor(extent.left() * device.width()) - PAD,
            math.floor(extent.top() * device.height()) - PAD,
            math.ceil(extent.width() * device.width()) + 2 * PAD + 1,
            math.ceil(extent.height() * device.height()) + 2 * PAD + 1,
        ).intersected(device)
        renderer = self._renderer(layer)
        region = rendered_region(renderer, width, height, dpr, crop)
        if _touches_inner_edge(region.boundingRect(), crop, device):
            region = rendered_region(renderer, width, height, dpr, device)  # the probe was too small: all of it
        return region

    def _extent(self, layer: int, width: float, height: float) -> QRectF | None:
        """Where ``layer`` draws, as fractions of the picture, from one small rendering (made once)."""
        aspect = width / height if height else 1.0
        if abs(self._aspect - aspect) > 1e-9:
            self._aspect, self._extents = aspect, {}
        if layer not in self._extents:
            scale = PROBE / max(width, height, 1e-9)
            w, h = max(1.0, width * scale), max(1.0, height * scale)
            image, buffer = blank(math.ceil(w), math.ceil(h))
            painter = QPainter(image)
            draw(self._renderer(layer), painter, w, h)
            painter.end()
            box = inked(image)
            del buffer  # the image's memory: kept until here
            self._extents[layer] = (
                None if box is None else QRectF(box.x() / w, box.y() / h, box.width() / w, box.height() / h)
            )
        return self._extents[layer]


def _device(width: float, height: float, dpr: float) -> QRect:
    """The device pixels of a ``width`` x ``height`` picture at pixel ratio ``dpr``."""
    return QRect(0, 0, max(1, math.ceil(width * dpr)), max(1, math.ceil(height * dpr)))


def _touches_inner_edge(box: QRect, crop: QRect, device: QRect) -> bool:
    if box.isEmpty():
        return False
    return (
        (box.left() <= crop.left() and crop.left() > device.left())
        or (box.top() <= crop.top() and crop.top() > device.top())
        or (box.right() >= crop.right() and crop.right() < device.right())
        or (box.bottom() >= crop.bottom() and crop.bottom() < device.bottom())
    )


def zone_paths(data: bytes, name: str, width: float, height: float) -> dict[str, QPainterPath]:
    """Each zone's area as drawn, as a path in the units of a ``width`` x ``height`` picture.

    The zone is rendered at that size (one pixel a unit; larger drawings are
    scaled down to stay within :data:`MAX_REFERENCE_PIXELS`), so the path
    follows the drawn zone to within a pixel.  Raises :class:`DrawingError`.
    """
    drawing = Drawing(data, name)
    scale = min(1.0, math.sqrt(MAX_REFERENCE_PIXELS / max(1.0, width * height)))
    masks = drawing.masks(width * scale, height * scale)
    from PySide6.QtGui import QTransform

    back = QTransform.fromScale(1 / scale, 1 / scale)
    zones: dict[str, QPainterPath] = {}
    for zone in dict.fromkeys(p.zone for p in masks.pieces):
        area = outline(masks.own_region(_in_zone(zone)))
        zones[zone] = back.map(area) if scale != 1.0 else area
    return zones


def _in_zone(zone: str) -> Callable[[Piece], bool]:
    return lambda piece: piece.zone == zone
