"""What the picture engine draws for each zone: the one source of truth for touch.

QtSvg draws the picture.  To know where each zone is, this module asks the
same engine.  The checked SVG is read once more (expat, keeping line numbers
and every name as written, because QtSvg ignores namespaces but finds a
``<use>``'s target by the literal ``xlink:href`` or ``href``) and walked the
way QtSvg walks it: elements it does not know, even a ``<clipPath>`` or a
``<pattern>`` outside ``<defs>``, are groups to it, ``<defs>``, symbols,
markers, masks and filters are drawn only through a reference, a nested
``<svg>`` is skipped.  Every ``<use>`` met gets its own copy of what it shows,
so each drawn element has exactly one place in the picture, and the elements
that carry a zone are grouped, in paint order, into *layers*: runs of
elements of one zone on one view and foot (a :class:`Piece`).

For each layer a copy of the document is written in which only that layer's
elements are shown, filled opaque black whatever their paint (an open line
keeps its own fill), with every opacity forced to 1 and all else as it was:
``<defs>``, ``<use>``, symbols, CSS, masks, filters, transforms, units,
stroke widths.  Each copy is loaded into its own QSvgRenderer once and
rendered, at the picture's resolution and through the same call as the
picture, into a mask; the pixels it covers at least half become a QRegion.
Where zones overlap, the layer drawn later wins: a layer's *visible* region
is its own minus every layer drawn after it.  Elements without a zone
(outlines, shading, labels) never block a touch.

So a zone is everything the engine draws for it: its fill area whatever its
paint or opacity (a closed ``fill="none"`` outline and an ``opacity="0"`` hit
area are touchable inside; an open line drawn with ``fill="none"`` only along
its stroke), plus its stroke as drawn, where the engine lays it out; and
nothing it does not draw (``display="none"``, ``visibility="hidden"``, unused
symbols, ``<defs>`` content).

The parts: :mod:`.tree` reads the file as the engine does (names as written,
with lines); :mod:`.layers` walks what the engine draws and groups the zone
elements into layers; :mod:`.documents` writes each layer's document;
:mod:`.raster` renders documents into pixels and regions; :mod:`.masks` says
which layer is on top where; :mod:`.outline` traces a region's boundary;
:mod:`.drawing` puts them together (:class:`Drawing`, :func:`zone_paths`).

Model package: QtGui and QtSvg, never QtWidgets.  Nothing here names Qt's
namespace, so it may sit on the start path.
"""

from __future__ import annotations

from reflexmap.drawn.documents import is_open, readable_style, serialise
from reflexmap.drawn.drawing import Drawing, zone_paths
from reflexmap.drawn.layers import Piece
from reflexmap.drawn.masks import Masks
from reflexmap.drawn.outline import outline
from reflexmap.drawn.raster import area, path_region, rects, renderer, without_specks
from reflexmap.drawn.tree import DrawingError, Element, parse

__all__ = [
    "Drawing",
    "DrawingError",
    "Element",
    "Masks",
    "Piece",
    "area",
    "is_open",
    "outline",
    "parse",
    "path_region",
    "readable_style",
    "rects",
    "renderer",
    "serialise",
    "without_specks",
    "zone_paths",
]
