"""Clipping QtSvg ignores, measured: each clip-path rendered to see how much it would cut away."""

from __future__ import annotations

import re

from reflexmap.art_check.finding import DECLARATION, URL, Finding, eroded, in_zone, style_of, zone_is, zones_of
from reflexmap.drawn import Drawing, Element, area, parse, serialise
from reflexmap.messages import Message

#: Clipping that would cut away fewer pixels than this does not matter.
CLIP_PIXELS = 12
#: At most this many clip-paths are measured (each is rendered on its own).
MAX_CLIPS = 24


def _url(value: str) -> str | None:
    m = URL.search(value)
    return m.group(1) if m else None


def _clip_refs(root: Element) -> list[tuple[Element, str]]:
    """Every element clipped by a ``clip-path``: in its attribute, its style or a class rule of a ``<style>``."""
    classes: dict[str, str] = {}
    for sheet in (el for el in root.iter() if el.tag == "style"):
        text = re.sub(r"/\*.*?\*/", "", sheet.text, flags=re.S)
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
            ref = _url(dict(DECLARATION.findall(body)).get("clip-path", ""))
            for selector in selectors.split(","):
                m = re.fullmatch(r"\s*\.([-\w]+)\s*", selector)
                if ref and m:
                    classes[m.group(1)] = ref
    found = []
    for el in root.iter():
        ref = _url(el.attrib.get("clip-path", "")) or _url(style_of(el).get("clip-path", ""))
        ref = ref or next((classes[c] for c in el.attrib.get("class", "").split() if c in classes), None)
        if ref and el is not root:
            found.append((el, ref))
    return found


def clipping(root: Element, name: str, width: float, height: float) -> list[Finding]:
    """Each clip-path QtSvg ignores that would cut away part of what it clips (each rendered to see)."""
    found: list[Finding] = []
    for index, (el, ref) in enumerate(_clip_refs(root)[:MAX_CLIPS]):
        outside = _cut_away(root, index, ref, width, height)
        if outside is None or outside < CLIP_PIXELS:
            continue
        zones = zones_of(el)
        found.append(
            Finding(
                el.line,
                Message(
                    "{file}: line {line}: Qt's SVG engine ignores clip-path, so this <{tag}> is drawn, and touchable, "
                    "beyond its clipping shape{where}; cut the shapes to the outline instead of clipping them.",
                    file=name,
                    line=el.line,
                    tag=el.tag,
                    where=in_zone(zones),
                ),
                zones,
            )
        )
    return found


def _cut_away(root: Element, index: int, ref: str, width: float, height: float) -> int | None:
    """How many pixels of the ``index``-th clipped element the clip would cut away, rendered by QtSvg."""
    doc = parse(serialise(root), "clip")  # a fresh copy to change
    target = _clip_refs(doc)[index][0]
    clip = next((el for el in doc.iter() if el.tag == "clipPath" and el.attrib.get("id") == ref), None)
    if clip is None or clip.attrib.get("clipPathUnits", "").strip() == "objectBoundingBox" or target.parent is None:
        return None
    for el in doc.iter():
        for key in ("data-zone", "data-view", "data-foot"):
            el.attrib.pop(key, None)
    target.attrib["data-zone"] = "content"
    shape = Element("g", {"data-zone": "clip"}, clip.line, target.parent)
    if "transform" in target.attrib:
        shape.attrib["transform"] = target.attrib["transform"]
    inner = Element("g", {}, clip.line, shape)
    if "transform" in clip.attrib:
        inner.attrib["transform"] = clip.attrib["transform"]
    inner.children = [child.copy(inner) for child in clip.children]
    shape.children = [inner]
    target.parent.children.insert(target.parent.children.index(target) + 1, shape)
    masks = Drawing(serialise(doc), "clip").masks(width, height)
    content = masks.own_region(zone_is("content"))
    cut = masks.own_region(zone_is("clip"))
    if cut.isEmpty():
        return None
    return area(eroded(content.subtracted(cut)))
