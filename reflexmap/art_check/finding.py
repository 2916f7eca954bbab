"""What the parts of the check share: a finding, and what an element says about its zones and style."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import QRegion

from reflexmap.drawn import Element, Piece
from reflexmap.messages import Message
from reflexmap.record import record

DECLARATION = re.compile(r"([\w-]+)\s*:\s*([^;]*)")
URL = re.compile(r"url\(\s*['\"]?#([^'\")\s]+)")


@record
class Finding:
    """One construct the engine draws differently: the sentence, where it is, and the zones it touches.

    ``zones`` holds ``"*"`` for a construct that may touch any zone (a style
    sheet rule).  ``cause`` names the construct in a few words, for a zone it
    may make draw nothing or disagree (``width="5q"``); a finding whose
    ``message`` is None is only such a cause, never said on its own.
    """

    line: int
    message: Message | None
    zones: frozenset[str]
    cause: Message | None = None
    #: Whether the construct changes what is drawn (so may be why a zone draws nothing or disagrees).
    blames: bool = True


def declared(root: Element) -> dict[str, int]:
    """Every zone name in the file and the line it first appears on."""
    zones: dict[str, int] = {}
    for el in root.iter():
        zone = el.attrib.get("data-zone", "").strip()
        if zone and zone not in zones:
            zones[zone] = el.line
    return zones


def zones_of(el: Element) -> frozenset[str]:
    """The zones an element's drawing belongs to: its own or its nearest ancestor's, and those below it."""
    zones = set()
    for node in (el, *el.ancestors()):
        if "data-zone" in node.attrib:
            zones.add(node.attrib["data-zone"].strip())
            break
    zones.update(n.attrib["data-zone"].strip() for n in el.iter() if "data-zone" in n.attrib)
    return frozenset(z for z in zones if z)


def in_zone(zones: frozenset[str]) -> Message | str:
    """`` (zone "heel", "toes")`` for a sentence about what ``zones`` draw; nothing for no zone."""
    if not zones:
        return ""
    return Message(" (zone {zones})", zones=", ".join(f'"{z}"' for z in sorted(zones)))


def style_of(el: Element) -> dict[str, str]:
    """The declarations of an element's ``style`` attribute, by property."""
    return {k.strip(): v.strip() for k, v in DECLARATION.findall(el.attrib.get("style", ""))}


def eroded(region: QRegion) -> QRegion:
    """The region without its outermost pixel all round (differences of anti-aliasing live there)."""
    out = region
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        out = out.intersected(region.translated(dx, dy))
    return out


def zone_is(zone: str) -> Callable[[Piece], bool]:
    """Whether a piece belongs to ``zone`` (for the masks' regions)."""
    return lambda p: p.zone == zone


#: Properties that keep an element from being displayed, and the values that do it.
_HIDING = {"display": ("none",), "visibility": ("hidden", "collapse")}


def hidden_in(zone: str, root: Element) -> list[tuple[str, str, int]]:
    """What keeps elements of ``zone`` from being displayed: each property, its value and the line it is on.

    Read from the attributes, ``style`` and plain class rules (``.name { ... }``)
    of the zone's elements and the groups around them.
    """
    classes: dict[str, dict[str, str]] = {}
    for sheet in (el for el in root.iter() if el.tag == "style"):
        text = re.sub(r"/\*.*?\*/", "", sheet.text, flags=re.S)
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
            declarations = {k.strip(): v.strip() for k, v in DECLARATION.findall(body)}
            for selector in selectors.split(","):
                m = re.fullmatch(r"\s*\.([-\w]+)\s*", selector)
                if m:
                    classes.setdefault(m.group(1), {}).update(declarations)
    found: dict[tuple[str, str, int], None] = {}
    for el in root.iter():
        if el.attrib.get("data-zone", "").strip() != zone:
            continue
        for node in (*el.iter(), *el.ancestors()):
            said = {k: v.strip() for k, v in node.attrib.items()}
            for name in node.attrib.get("class", "").split():
                said.update(classes.get(name, {}))
            said.update(style_of(node))
            for prop, values in _HIDING.items():
                if said.get(prop, "").strip() in values:
                    found[(prop, said[prop].strip(), node.line)] = None
    return list(found)
