"""Which element belongs to which layer: the walk through what the engine draws, in paint order.

Elements the engine does not know, even a ``<clipPath>`` or a ``<pattern>``
outside ``<defs>``, are groups to it; ``<defs>``, symbols, markers, masks and
filters are drawn only through a reference; a nested ``<svg>`` is skipped.
Every ``<use>`` met gets its own copy of what it shows, so each drawn element
has exactly one place in the picture, and the elements that carry a zone are
grouped into *layers*: runs of elements of one zone on one view and foot (a
:class:`Piece`).
"""

from __future__ import annotations

from reflexmap.drawn.tree import DrawingError, Element
from reflexmap.messages import Message
from reflexmap.record import record

#: Elements whose content the engine never draws where it stands: drawn through a reference, or never.
#: (Anything else it does not know, even ``<clipPath>``, ``<pattern>`` or ``<title>``, it walks
#: through as if it were a group: ``tests/test_drawn.py`` pins this down.)
NOT_DRAWN = frozenset({"defs", "symbol", "marker", "mask", "filter"})
#: Drawn elements: each is a leaf of the picture (a text's tspans belong to it).
SHAPES = frozenset({"path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "textArea", "image"})
#: ``<use>`` copies beyond this many elements are refused (a drawing fanned out absurdly).
MAX_COPIED = 100_000
#: Layers times elements: each layer's mask is rendered from a copy of the whole drawing (63 layers of
#: 10,000 elements took 8 s and 900 MB; a foot chart has a few dozen layers of a few hundred elements).
MAX_LAYER_WORK = 50_000
#: ``<use>`` inside ``<use>`` deeper than this is not followed.
MAX_USE_DEPTH = 32
#: An element's role in the layer documents (:attr:`Element.role`): drawn as a group, or hidden.
CONTAINER = -2
HIDDEN = -1


@record
class Piece:
    """One zone on one view and one foot: what a highlight, a focus stop or the guide works on."""

    zone: str
    view: str | None = None
    foot: str | None = None


class Layers:
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
        root.role = CONTAINER
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
                el.role = HIDDEN
                continue
            if piece not in index:
                index[piece] = len(self.pieces)
                self.pieces.append(piece)
                self.lines.append(el.line)
            if not self.layers or self.layers[-1] != index[piece]:
                self.layers.append(index[piece])
            el.role = len(self.layers) - 1
        elements = sum(1 for _ in root.iter())
        if len(self.layers) * elements > MAX_LAYER_WORK:
            raise DrawingError(
                Message(
                    "{file}: its zones are drawn in {layers:,} separate runs among {elements:,} elements, too many "
                    "to draw each alone; draw each zone's shapes one after another, in fewer runs.",
                    file=name,
                    layers=len(self.layers),
                    elements=elements,
                )
            )

    def _walk(self, el: Element, ctx: tuple[str | None, ...], chain: tuple[Element, ...]) -> None:
        tag = el.tag
        if tag in NOT_DRAWN or tag == "svg":  # the engine skips a nested <svg> altogether
            return
        here = _context(el, ctx)
        if tag == "use":
            el.role = CONTAINER
            self._use(el, here, chain)
            return
        if tag in SHAPES:
            self.has_text = self.has_text or tag in ("text", "textArea")
            zone, view, foot = here
            self.leaves.append((el, Piece(zone, view or None, foot or None) if zone else None))
            if tag in ("text", "textArea"):
                return  # its tspans are the text itself
        else:
            el.role = CONTAINER
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
            twin.role = CONTAINER
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
