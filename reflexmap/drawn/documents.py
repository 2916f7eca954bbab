"""The layer documents: the art written again with one layer shown, filled opaque black, and all else as it was.

Only that layer's elements are shown, filled opaque black whatever their
paint (an open line keeps its own fill), with every opacity forced to 1 and
all else as it was: ``<defs>``, ``<use>``, symbols, CSS, masks, filters,
transforms, units, stroke widths.  The document is written once as a
template with a placeholder per zone element; each layer's document replaces
the placeholders.
"""

from __future__ import annotations

import re

from reflexmap.drawn.layers import CONTAINER, HIDDEN, SHAPES
from reflexmap.drawn.tree import Element

#: Content the engine uses to draw something else: left exactly as it is in every layer document.
EFFECTS = frozenset({"marker", "mask", "filter", "pattern"})
#: What a zone element gets in its layer's document: its fill area and stroke, opaque.
FORCE = "fill:#000;fill-opacity:1;stroke-opacity:1;opacity:1"
#: ... and an open line (``<line>``, ``<polyline>``, a path not closed): its own fill, if it has one, and stroke.
FORCE_OPEN = "fill-opacity:1;stroke-opacity:1;opacity:1"
HIDE = "display:none"
# patterns as text: re compiles (and caches) each on first use, never at a start that needs none
_PLACEHOLDER = "\x01(\\d+)(o?)\x02"
_SUBPATH = r"(?=[Mm])"


def template(root: Element) -> str:
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
    elif role == CONTAINER:
        extra = "opacity:1"
    elif role == HIDDEN or (role is None and el.tag in SHAPES and not effect):
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


def layer_document(template: str, layer: int) -> bytes:
    """The document of ``layer``: its elements forced opaque, every other zone element hidden."""

    def pick(m: re.Match[str]) -> str:
        if int(m.group(1)) != layer:
            return HIDE
        return FORCE_OPEN if m.group(2) else FORCE

    return re.sub(_PLACEHOLDER, pick, template).encode("utf-8")
