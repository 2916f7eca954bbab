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

Model module: QtGui and QtSvg, never QtWidgets.  Nothing here names Qt's
namespace, so it may sit on the start path.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn, cast

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer

from reflexmap.fast_start import set_enum
from reflexmap.messages import Message

if TYPE_CHECKING:  # made when the masks are: PySide6 builds a class's enums the first time it is touched
    from PySide6.QtGui import QImage, QRegion

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
    "zone_paths",
]

#: Elements whose content the engine never draws where it stands: drawn through a reference, or never.
#: (Anything else it does not know, even ``<clipPath>``, ``<pattern>`` or ``<title>``, it walks
#: through as if it were a group: ``tests/test_drawn.py`` pins this down.)
NOT_DRAWN = frozenset({"defs", "symbol", "marker", "mask", "filter"})
#: Content the engine uses to draw something else: left exactly as it is in every layer document.
EFFECTS = frozenset({"marker", "mask", "filter", "pattern"})
#: Drawn elements: each is a leaf of the picture (a text's tspans belong to it).
SHAPES = frozenset({"path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "textArea", "image"})
#: What a zone element gets in its layer's document: its fill area and stroke, opaque.
FORCE = "fill:#000;fill-opacity:1;stroke-opacity:1;opacity:1"
#: ... and an open line (``<line>``, ``<polyline>``, a path not closed): its own fill, if it has one, and stroke.
FORCE_OPEN = "fill-opacity:1;stroke-opacity:1;opacity:1"
HIDE = "display:none"
#: ``<use>`` copies beyond this many elements are refused (a drawing fanned out absurdly).
MAX_COPIED = 100_000
#: ``<use>`` inside ``<use>`` deeper than this is not followed.
MAX_USE_DEPTH = 32
#: The side of the small rendering each layer's extent is first found in.
PROBE = 256
#: Device pixels added around a layer's probed extent before the real rendering.
PAD = 3
#: Reference renderings (load_zones, check) larger than this many pixels are scaled down.
MAX_REFERENCE_PIXELS = 16_000_000

_CONTAINER = -2
_HIDDEN = -1
# patterns as text: re compiles (and caches) each on first use, never at a start that needs none
_PLACEHOLDER = "\x01(\\d+)(o?)\x02"
_SUBPATH = r"(?=[Mm])"


class DrawingError(ValueError):
    """The picture engine cannot draw the art; the message names the file and the problem."""


@dataclass(frozen=True)
class Piece:
    """One zone on one view and one foot: what a highlight, a focus stop or the guide works on."""

    zone: str
    view: str | None = None
    foot: str | None = None


class Element:
    """One XML element as written in the file, with its line.

    ``name`` and the attribute names are kept exactly as written, prefixes
    and ``xmlns`` declarations included, because that is how the engine reads
    them (it finds ``<use>``'s target by the literal ``xlink:href`` or
    ``href``); ``tag`` is the name without its prefix, which is all the
    engine looks at to know an element.
    """

    __slots__ = ("attrib", "children", "line", "name", "parent", "role", "tag", "tail", "text")

    def __init__(self, name: str, attrib: dict[str, str], line: int, parent: Element | None) -> None:
        self.name = name
        self.tag = name.rsplit(":", 1)[-1]
        self.attrib = attrib
        self.line = line
        self.parent = parent
        self.children: list[Element] = []
        self.text = ""
        self.tail = ""
        #: In a layer document: _CONTAINER, _HIDDEN, a layer number, or None (not reached by the walk).
        self.role: int | None = None

    def iter(self) -> Iterator[Element]:
        """This element and every element below it, in document order."""
        stack = [self]
        while stack:
            el = stack.pop()
            yield el
            stack.extend(reversed(el.children))

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def copy(self, parent: Element | None) -> Element:
        twin = Element(self.name, dict(self.attrib), self.line, parent)
        twin.text, twin.tail = self.text, self.tail
        twin.children = [child.copy(twin) for child in self.children]
        return twin

    def href_attribute(self) -> str | None:
        """Which attribute names a ``<use>``'s target: ``xlink:href`` first, as the engine reads it."""
        for attr in ("xlink:href", "href"):
            if attr in self.attrib:
                return attr
        return None

    def href(self) -> str | None:
        """The id a ``<use>`` points to, if it points into this document."""
        attr = self.href_attribute()
        ref = self.attrib[attr].strip() if attr else ""
        return ref[1:] if ref.startswith("#") else None


def parse(data: bytes, name: str) -> Element:
    """The root element of ``data``, with line numbers.  Raises :class:`DrawingError`.

    DTDs with an internal subset, entity declarations and external entities
    are refused, as the safety check before it refuses them.
    """
    import xml.parsers.expat as expat

    parser = expat.ParserCreate()  # no namespace processing: names as written, as the engine reads them
    parser.buffer_text = True
    stack: list[Element] = []
    found: list[Element] = []

    def refuse(*_args: object) -> NoReturn:
        raise DrawingError(
            Message("{file}: the file declares entities, which reflexmap refuses for safety.", file=name)
        )

    def doctype(_name: str, _system: str | None, _public: str | None, internal: bool) -> None:
        if internal:
            refuse()

    def start(tag: str, attrs: dict[str, str]) -> None:
        parent = stack[-1] if stack else None
        el = Element(tag, attrs, parser.CurrentLineNumber, parent)
        if parent is None:
            found.append(el)
        else:
            parent.children.append(el)
        stack.append(el)

    def end(_tag: str) -> None:
        stack.pop()

    def characters(text: str) -> None:
        if stack:
            top = stack[-1]
            if top.children:
                top.children[-1].tail += text
            else:
                top.text += text

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SkippedEntityHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    try:
        parser.Parse(data, True)
    except expat.ExpatError as e:
        detail = str(e)
        raise DrawingError(
            Message("{file}: the file is not well-formed XML ({detail}).", file=name, detail=detail)
        ) from None
    if not found or found[0].tag != "svg":
        raise DrawingError(Message("{file}: the file has no <svg> drawing in it.", file=name))
    return found[0]


# --- which element belongs to which layer -----------------------------------------------------


class _Layers:
    """Walks what the engine draws of ``root`` and groups zone elements into layers.

    Each ``<use>`` met on the way gets its own copy of what it shows.
    """

    def __init__(self, root: Element, name: str) -> None:
        self.root = root
        self.name = name
        # the engine resolves a repeated id to the last element that has it
        self.ids = {el.attrib["id"]: el for el in root.iter() if el.attrib.get("id")}
        self.copied = 0
        self.leaves: list[tuple[Element, Piece | None]] = []
        self.has_text = False
        root.role = _CONTAINER
        for child in root.children:
            self._walk(child, (None, None, None), ())
        self.pieces: list[Piece] = []
        #: The piece (index into pieces) each layer draws, in paint order.
        self.layers: list[int] = []
        #: The line of each piece's first element.
        self.lines: list[int] = []
        index: dict[Piece, int] = {}
        for el, piece in self.leaves:
            if piece is None:
                el.role = _HIDDEN
                continue
            if piece not in index:
                index[piece] = len(self.pieces)
                self.pieces.append(piece)
                self.lines.append(el.line)
            if not self.layers or self.layers[-1] != index[piece]:
                self.layers.append(index[piece])
            el.role = len(self.layers) - 1

    def _walk(self, el: Element, ctx: tuple[str | None, ...], chain: tuple[Element, ...]) -> None:
        tag = el.tag
        if tag in NOT_DRAWN or tag == "svg":  # the engine skips a nested <svg> altogether
            return
        here = _context(el, ctx)
        if tag == "use":
            el.role = _CONTAINER
            self._use(el, here, chain)
            return
        if tag in SHAPES:
            self.has_text = self.has_text or tag in ("text", "textArea")
            zone, view, foot = here
            self.leaves.append((el, Piece(zone, view or None, foot or None) if zone else None))
            if tag in ("text", "textArea"):
                return  # its tspans are the text itself
        else:
            el.role = _CONTAINER
        for child in el.children:  # even a shape's children: the engine draws them
            self._walk(child, here, chain)

    def _use(self, use: Element, ctx: tuple[str | None, ...], chain: tuple[Element, ...]) -> None:
        ref = use.href()
        target = self.ids.get(ref) if ref else None
        if target is None or target in chain or len(chain) >= MAX_USE_DEPTH or target is use:
            return
        if target.parent is None or any(a is target for a in use.ancestors()):  # the root, or a loop
            return
        if target.tag == "svg":  # a nested <svg>: the engine does not draw it
            return
        self.copied += sum(1 for _ in target.iter())
        if self.copied > MAX_COPIED:
            raise DrawingError(
                Message("{file}: its <use> elements copy more than {limit} elements.", file=self.name, limit=MAX_COPIED)
            )
        # beside the original, so CSS that matches by ancestry matches the copy too; out of the picture
        parent = target.parent
        twin = target.copy(None)
        twin.attrib["id"] = f"reflexmap-use-{self.copied}"
        twin.tail = ""
        at = parent.children.index(target) + 1
        if _drawn_in_place(target):
            holder = Element("defs", {}, target.line, parent)
            holder.children.append(twin)
            twin.parent = holder
            parent.children.insert(at, holder)
        else:
            twin.parent = parent
            parent.children.insert(at, twin)
        use.attrib[use.href_attribute() or "xlink:href"] = f"#{twin.attrib['id']}"
        later = (*chain, target)
        if twin.tag == "symbol":
            twin.role = _CONTAINER
            for child in twin.children:
                self._walk(child, ctx, later)
        else:
            self._walk(twin, ctx, later)


def _context(el: Element, ctx: tuple[str | None, ...]) -> tuple[str | None, ...]:
    """The zone, view and foot an element's drawing belongs to: its own, or the nearest above it."""
    zone, view, foot = ctx
    attrib = el.attrib
    if "data-zone" in attrib:
        zone = attrib["data-zone"].strip()
    if "data-view" in attrib:
        view = attrib["data-view"].strip()
    if "data-foot" in attrib:
        foot = attrib["data-foot"].strip()
    return zone, view, foot


def _drawn_in_place(el: Element) -> bool:
    return not any(node.tag in NOT_DRAWN for node in (el, *el.ancestors()))


# --- writing the layer documents ------------------------------------------------------------


def _template(root: Element) -> str:
    """The document with every drawn element marked: containers opaque, zone leaves as placeholders.

    Shapes the walk did not reach (in ``<defs>``, unused symbols...) are
    hidden too, except the content of markers, masks, filters and patterns,
    which shapes the look of what uses them.
    """
    out: list[str] = ['<?xml version="1.0" encoding="UTF-8"?>']
    _write(root, out, None, False)
    return "".join(out)


def serialise(root: Element) -> bytes:
    """The elements below ``root`` written back as a document, as they are (for the check's own renderings)."""
    out: list[str] = ['<?xml version="1.0" encoding="UTF-8"?>']
    _write(root, out, None, True)
    return "".join(out).encode("utf-8")


def _write(el: Element, out: list[str], forced: int | None, plain: bool, effect: bool = False) -> None:
    out.append(f"<{el.name}")
    for key, value in el.attrib.items():
        if key != "style":
            out.append(f' {key}="{_escape(value, True)}"')
    effect = effect or el.tag in EFFECTS
    role = el.role if forced is None else forced
    extra = ""
    if plain:
        pass
    elif role == _CONTAINER:
        extra = "opacity:1"
    elif role == _HIDDEN or (role is None and el.tag in SHAPES and not effect):
        extra = HIDE
    elif role is not None and role >= 0:
        extra = f"\x01{role}{'o' if is_open(el) else ''}\x02"
        if el.tag in ("text", "textArea"):
            forced = role  # its tspans are the same drawn text
    style = el.attrib.get("style", "").strip()
    if extra:
        style = readable_style(style)[0]  # what the engine reads of it: then ours is read too
        style = f"{style};{extra}" if style else extra
    if style or "style" in el.attrib:
        out.append(f' style="{_escape(style, True)}"')
    if not el.children and not el.text:
        out.append("/>")
        return
    out.append(">")
    out.append(_escape(el.text, False))
    for child in el.children:
        _write(child, out, forced, plain, effect)
        out.append(_escape(child.tail, False))
    out.append(f"</{el.name}>")


_DECLARATION = r"(?s)\s*(?:/\*.*?\*/\s*)*[-\w]+\s*:\s*(?:/\*.*?\*/\s*)*[^\s;]"


def readable_style(style: str) -> tuple[str, str]:
    """The part of a ``style`` attribute the engine reads, and the rest it ignores.

    Qt's SVG engine stops at the first declaration it cannot read: an empty
    one (``;;``), one without a colon or without a value.
    """
    kept: list[str] = []
    parts = style.split(";")
    for i, part in enumerate(parts):
        if not part.strip() and i == len(parts) - 1:
            break  # a trailing ";" is fine
        if not re.match(_DECLARATION, part):
            return ";".join(kept), ";".join(parts[i:])
        kept.append(part)
    return ";".join(kept), ""


def is_open(el: Element) -> bool:
    """Whether a shape is an open line, whose fill area does not count unless it is painted.

    A ``<line>``, a ``<polyline>``, or a ``<path>`` with a subpath not closed
    by ``Z``: a designer drawing a thick line as a zone means the line, not
    the area between it and its chord.
    """
    if el.tag in ("line", "polyline"):
        return True
    if el.tag != "path":
        return False
    parts = [p.strip() for p in re.split(_SUBPATH, el.attrib.get("d", "")) if p.strip()]
    return any(not p.endswith(("z", "Z")) for p in parts)


def _escape(text: str, attribute: bool) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;") if attribute else text


def _layer_document(template: str, layer: int) -> bytes:
    def pick(m: re.Match[str]) -> str:
        if int(m.group(1)) != layer:
            return HIDE
        return FORCE_OPEN if m.group(2) else FORCE

    return re.sub(_PLACEHOLDER, pick, template).encode("utf-8")


# --- the engine -----------------------------------------------------------------------------


@contextmanager
def _engine_messages(into: list[str]) -> Iterator[None]:
    """Collect what Qt says while a document loads (QtSvg's warnings), instead of printing it."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode: object, _context: object, message: str) -> None:
        into.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def renderer(data: bytes) -> tuple[QSvgRenderer, list[str]]:
    """A renderer of ``data`` set up as the picture's is, and what the engine said while reading it."""
    messages: list[str] = []
    return _renderer(data, messages), messages


def _renderer(data: bytes, messages: list[str]) -> QSvgRenderer:
    renderer = QSvgRenderer()
    renderer.setAnimationEnabled(False)  # the picture is one still frame; so is every mask
    with _engine_messages(messages):
        renderer.load(QByteArray(data))
    set_enum(renderer, "aspectRatioMode", "KeepAspectRatio")
    return renderer


def _render(renderer: QSvgRenderer, painter: QPainter, width: float, height: float) -> None:
    """The one call that draws a document, for the picture and for every mask alike."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))


class Drawing:
    """The art as the picture engine draws it: the picture, and each zone's layers as masks.

    Made from the checked bytes (cheap: nothing is read until asked).  The
    picture's renderer is made on first use, the layer documents and their
    renderers on the first :meth:`masks`, each parsed once for the life of
    the drawing; later sizes only render again.
    """

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        self._data = data
        self._picture: QSvgRenderer | None = None
        self._messages: list[str] = []
        self._layers: _Layers | None = None
        self._renderers: list[QSvgRenderer] | None = None
        self._aspect = 0.0
        self._extents: dict[int, QRectF | None] = {}

    # --- the picture ------------------------------------------------------------------------

    def picture(self) -> QSvgRenderer:
        """The renderer of the picture itself.  Raises :class:`DrawingError` if the engine cannot read it."""
        if self._picture is None:
            renderer = _renderer(self._data, self._messages)
            if not renderer.isValid():
                detail = "; ".join(self._messages) or "no reason given"
                raise DrawingError(
                    Message("{file}: Qt's SVG engine cannot draw this file ({detail}).", file=self.name, detail=detail)
                )
            self._picture = renderer
        return self._picture

    def paint(self, painter: QPainter, width: float, height: float) -> None:
        """Draw the picture fitted (keeping its proportions) into ``0, 0, width, height``."""
        _render(self.picture(), painter, width, height)

    @property
    def engine_messages(self) -> list[str]:
        """What the engine said while reading the picture (for ``check`` and the log)."""
        self.picture()
        return list(self._messages)

    # --- the zones ---------------------------------------------------------------------------

    def _analysis(self) -> _Layers:
        if self._layers is None:
            self._layers = _Layers(parse(self._data, self.name), self.name)
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
        analysis = self._analysis()
        template = _template(analysis.root)
        return [_layer_document(template, k) for k in range(len(analysis.layers))]

    def _layer_renderers(self) -> list[QSvgRenderer]:
        if self._renderers is None:
            self.picture()  # a file the engine cannot read is refused before any layer is
            if self._analysis().has_text:
                from PySide6.QtGui import QGuiApplication

                if QGuiApplication.instance() is None:
                    raise DrawingError(
                        Message(
                            "{file}: the drawing has text, which needs a running Qt application to lay out.",
                            file=self.name,
                        )
                    )
            ignored: list[str] = []  # the picture's load said it all already
            self._renderers = [_renderer(doc, ignored) for doc in self.layer_documents()]
        return self._renderers

    def masks(self, width: float, height: float, dpr: float = 1.0, zones: Collection[str] | None = None) -> Masks:
        """Every layer's region at the picture's resolution: the picture fitted into ``width`` x ``height``.

        ``dpr`` is the device pixel ratio of the pixmap the picture is drawn
        into; regions are in its device pixels.  Layers of zones not in
        ``zones`` (when given) are left out: they neither count nor cover.
        """
        from PySide6.QtGui import QRegion

        renderers = self._layer_renderers()
        analysis = self._analysis()
        device = QRect(0, 0, max(1, math.ceil(width * dpr)), max(1, math.ceil(height * dpr)))
        own: list[QRegion] = []
        for k, renderer in enumerate(renderers):
            extent = None
            if zones is None or analysis.pieces[analysis.layers[k]].zone in zones:
                extent = self._extent(k, width, height)
            if extent is None:
                own.append(QRegion())
                continue
            crop = QRect(
                math.floor(extent.left() * device.width()) - PAD,
                math.floor(extent.top() * device.height()) - PAD,
                math.ceil(extent.width() * device.width()) + 2 * PAD + 1,
                math.ceil(extent.height() * device.height()) + 2 * PAD + 1,
            ).intersected(device)
            region = _region(renderer, width, height, dpr, crop)
            if _touches_inner_edge(region.boundingRect(), crop, device):
                region = _region(renderer, width, height, dpr, device)  # the probe was too small: all of it
            own.append(region)
        return Masks(own, list(analysis.layers), list(analysis.pieces), dpr, device.width(), device.height())

    def _extent(self, layer: int, width: float, height: float) -> QRectF | None:
        """Where ``layer`` draws, as fractions of the picture, from one small rendering (made once)."""
        aspect = width / height if height else 1.0
        if abs(self._aspect - aspect) > 1e-9:
            self._aspect, self._extents = aspect, {}
        if layer not in self._extents:
            scale = PROBE / max(width, height, 1e-9)
            w, h = max(1.0, width * scale), max(1.0, height * scale)
            image, buffer = _blank(math.ceil(w), math.ceil(h))
            painter = QPainter(image)
            _render(self._layer_renderers()[layer], painter, w, h)
            painter.end()
            box = _inked(image)
            del buffer  # the image's memory: kept until here
            self._extents[layer] = (
                None if box is None else QRectF(box.x() / w, box.y() / h, box.width() / w, box.height() / h)
            )
        return self._extents[layer]


def _region(renderer: QSvgRenderer, width: float, height: float, dpr: float, crop: QRect) -> QRegion:
    """The device pixels of ``crop`` that the renderer covers at least half, drawn as the picture is."""
    image, buffer = _blank(crop.width(), crop.height())
    image.setDevicePixelRatio(dpr)
    painter = QPainter(image)
    painter.translate(-crop.x() / dpr, -crop.y() / dpr)
    _render(renderer, painter, width, height)
    painter.end()
    region = _covered(image).translated(crop.x(), crop.y())
    del buffer  # the image's memory: kept until here
    return region


_HALF = bytes(255 if i >= 128 else 0 for i in range(256))
_RUN = b"\xff+"


def _covered(image: QImage) -> QRegion:
    """The pixels of ``image`` at least half opaque, as a region."""
    from PySide6.QtGui import QBitmap, QGuiApplication, QImage, QRegion

    if QGuiApplication.instance() is not None:  # a QBitmap is a pixmap, which needs the application
        return QRegion(QBitmap.fromImage(image.createAlphaMask()))
    alpha = image.convertToFormat(QImage.Format.Format_Alpha8)  # without one (load_zones in a script): row by row
    stride, cols = alpha.bytesPerLine(), alpha.width()
    data = bytes(alpha.constBits())[: stride * alpha.height()].translate(_HALF)
    rows = [QRegion()]
    for y in range(alpha.height()):
        row = QRegion()
        for run in re.compile(_RUN).finditer(data, y * stride, y * stride + cols):
            row = row.united(QRect(run.start() - y * stride, y, run.end() - run.start(), 1))
        rows.append(row)
    while len(rows) > 1:  # pairwise, so each union stays small
        rows = [rows[i].united(rows[i + 1]) if i + 1 < len(rows) else rows[i] for i in range(0, len(rows), 2)]
    return rows[0]


def path_region(path: QPainterPath, scale: float, width: int, height: int) -> QRegion:
    """The pixels of a ``width`` x ``height`` image that ``path``, scaled by ``scale``, covers at least half.

    The same rule as the masks', for comparing a path with a drawn zone.
    """
    from PySide6.QtGui import QColor

    image, buffer = _blank(width, height)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    painter.fillPath(path, QColor.fromRgba(0xFF000000))
    painter.end()
    region = _covered(image)
    del buffer  # the image's memory: kept until here
    return region


def area(region: QRegion) -> int:
    """How many pixels ``region`` holds."""
    return sum(r.width() * r.height() for r in rects(region))


def _blank(width: int, height: int) -> tuple[QImage, bytearray]:
    """A transparent image and the memory it paints into (keep it while the image is used).

    Made on zeroed memory: ``QImage.fill`` makes PySide6 weigh an overload that
    takes one of Qt's enums, which builds the whole namespace (see fast_start).
    """
    from PySide6.QtGui import QImage

    buffer = bytearray(4 * width * height)
    return QImage(buffer, width, height, 4 * width, QImage.Format.Format_ARGB32_Premultiplied), buffer


def _touches_inner_edge(box: QRect, crop: QRect, device: QRect) -> bool:
    if box.isEmpty():
        return False
    return (
        (box.left() <= crop.left() and crop.left() > device.left())
        or (box.top() <= crop.top() and crop.top() > device.top())
        or (box.right() >= crop.right() and crop.right() < device.right())
        or (box.bottom() >= crop.bottom() and crop.bottom() < device.bottom())
    )


def _inked(image: QImage) -> QRect | None:
    """The bounding box of every pixel with any ink at all (alpha above 0)."""
    from PySide6.QtGui import QImage

    alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
    stride = alpha.bytesPerLine()
    cols = alpha.width()
    data = bytes(alpha.constBits())[: stride * alpha.height()]
    top = bottom = -1
    left, right = cols, -1
    for y in range(alpha.height()):
        row = data[y * stride : y * stride + cols]
        start = cols - len(row.lstrip(b"\x00"))
        if start == cols:
            continue
        if top < 0:
            top = y
        bottom = y
        left = min(left, start)
        right = max(right, len(row.rstrip(b"\x00")) - 1)
    if top < 0:
        return None
    return QRect(left, top, right - left + 1, bottom - top + 1)


# --- the masks -------------------------------------------------------------------------------


class Masks:
    """Each layer's region in device pixels of the picture, and what is on top where.

    ``own[k]`` is everything layer ``k`` draws; ``visible[k]`` is the part no
    later layer covers.  Visible regions never overlap, so the layer under a
    pixel is the one whose visible region holds it.
    """

    def __init__(
        self, own: list[QRegion], layers: list[int], pieces: list[Piece], dpr: float, width: int, height: int
    ) -> None:
        self.own = own
        self.layers = layers
        self.pieces = pieces
        self.dpr = dpr
        self.width = width
        self.height = height
        from PySide6.QtGui import QRegion

        self.visible: list[QRegion] = [QRegion()] * len(own)
        covered = QRegion()
        for k in range(len(own) - 1, -1, -1):
            self.visible[k] = own[k].subtracted(covered)
            covered = covered.united(own[k])
        self._boxes = [_bounds(region) for region in self.visible]

    def layer_at(self, x: int, y: int) -> int | None:
        """The layer on top at device pixel ``x, y``, if any."""
        for k, (left, top, right, bottom) in enumerate(self._boxes):
            if left <= x <= right and top <= y <= bottom and self.visible[k].contains(QPoint(x, y)):
                return k
        return None

    def piece_at(self, x: int, y: int) -> Piece | None:
        """The piece on top at device pixel ``x, y``, if any."""
        k = self.layer_at(x, y)
        return None if k is None else self.pieces[self.layers[k]]

    def visible_region(self, pieces: Callable[[Piece], bool]) -> QRegion:
        """The union of the visible regions of the layers whose piece passes ``pieces``."""
        region = self._empty()
        for k, piece in enumerate(self.layers):
            if pieces(self.pieces[piece]):
                region = region.united(self.visible[k])
        return region

    def own_region(self, pieces: Callable[[Piece], bool]) -> QRegion:
        """The union of everything the layers whose piece passes ``pieces`` draw, covered or not."""
        region = self._empty()
        for k, piece in enumerate(self.layers):
            if pieces(self.pieces[piece]):
                region = region.united(self.own[k])
        return region

    @staticmethod
    def _empty() -> QRegion:
        from PySide6.QtGui import QRegion

        return QRegion()

    def size_in_bytes(self) -> int:
        """Roughly what the regions take in memory (16 bytes a rectangle)."""
        return 16 * sum(r.rectCount() for r in (*self.own, *self.visible))


def _bounds(region: QRegion) -> tuple[int, int, int, int]:
    if region.isEmpty():
        return (1, 1, 0, 0)  # contains nothing
    box = region.boundingRect()
    return box.left(), box.top(), box.right(), box.bottom()


# --- outlines --------------------------------------------------------------------------------


def outline(region: QRegion, chamfer: float = 0.0) -> QPainterPath:
    """The boundary of ``region`` as closed polygons (holes included), in the region's pixel units.

    With ``chamfer`` every corner is cut by up to that many pixels, so the
    staircase of a slanted edge reads as the slant (for rings drawn along a zone).
    """
    path = QPainterPath()  # odd-even, Qt's default: holes stay holes
    for loop in _loops(region):
        points = _chamfered(loop, chamfer) if chamfer > 0 else loop
        x, y = points[0]
        path.moveTo(x, y)
        for x, y in points[1:]:
            path.lineTo(x, y)
        path.closeSubpath()
    return path


_K = 1 << 21  # a point (x, y) is the int x * _K + y while loops are traced


def _loops(region: QRegion) -> list[list[tuple[int, int]]]:
    """The boundary loops of a region, as corner points, with the region on the right of travel."""
    bands: list[tuple[int, int, list[tuple[int, int]]]] = []
    last = None
    for rect in rects(region):  # y-x banded: the rectangles of one band share their top and height
        x0, y0, x1, y1 = cast(tuple[int, int, int, int], rect.getCoords())
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


def rects(region: QRegion) -> Iterator[QRect]:
    """The rectangles ``region`` is made of, top to bottom, left to right (y-x banded)."""
    return iter(region)  # type: ignore[call-overload]  # PySide6 iterates regions; its stubs do not say so


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
    n = len(loop)
    for i, (x, y) in enumerate(loop):
        ax, ay = loop[i - 1]
        bx, by = loop[(i + 1) % n]
        la, lb = abs(x - ax) + abs(y - ay), abs(bx - x) + abs(by - y)  # edges are horizontal or vertical
        ca, cb = min(cut, la / 2) / la, min(cut, lb / 2) / lb
        out.append((x + (ax - x) * ca, y + (ay - y) * ca))
        out.append((x + (bx - x) * cb, y + (by - y) * cb))
    return out


# --- the zones as paths ---------------------------------------------------------------------


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
