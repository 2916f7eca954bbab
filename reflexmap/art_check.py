"""What ``reflexmap check`` tells a designer about custom art, before the salon sees it.

The picture is drawn by Qt's SVG engine (QtSvg), and what a visitor can
touch is what it draws (:mod:`reflexmap.drawn`).  Where QtSvg draws a file
differently from the SVG standard, the designer's drawing tool showed them
something else; :func:`warnings` says so, each finding one sentence naming
the file and, where there is one, the line:

* constructs QtSvg draws differently from the standard (ignored clipping that
  would cut something, a ``<clipPath>`` or ``<pattern>`` outside ``<defs>``,
  nested ``<svg>``, symbols sized by their ``<use>``, CSS it does not apply,
  ``light-dark()``, units it ignores or sizes differently, a root
  ``preserveAspectRatio``, duplicated ids);
* zones that draw nothing, and zones entirely covered by zones drawn after
  them: nobody can touch those;
* zones where the two readings of the file disagree: svgelements' (the
  standard's geometry, :func:`reflexmap.geometry.standard_zones`) and what
  QtSvg draws for the zone, naming the zone and the constructs in it;
* what QtSvg itself said while reading the file.

Model module: it renders (QtGui, QtSvg), never QtWidgets.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

from PySide6.QtGui import QPainterPath, QRegion

from reflexmap import cache
from reflexmap.drawn import (
    MAX_REFERENCE_PIXELS,
    NOT_DRAWN,
    SHAPES,
    Drawing,
    DrawingError,
    Element,
    Masks,
    Piece,
    area,
    parse,
    path_region,
    readable_style,
    renderer,
    serialise,
)
from reflexmap.geometry import Art, ArtError, art_bytes, standard_zones
from reflexmap.messages import Message

__all__ = ["REFERENCE_SIDE", "ArtFindings", "unusable", "warnings"]

#: The check renders the drawing with its longer side at least this many pixels.
REFERENCE_SIDE = 1000
#: The two readings of a zone disagree when more than this share of it differs, beyond a pixel of its edge.
DISAGREEMENT = 0.02
#: ... and at least this many pixels do.
DISAGREEMENT_PIXELS = 30
#: A zone with fewer visible pixels than this is as good as untouchable.
UNTOUCHABLE_PIXELS = 4
#: A zone less of which than this share is on top is said to be almost covered.
MOSTLY_COVERED = 0.1
#: Clipping that would cut away fewer pixels than this does not matter.
CLIP_PIXELS = 12
#: At most this many clip-paths are measured (each is rendered on its own).
MAX_CLIPS = 24

#: Units QtSvg does not know: it reads the length as 0.
IGNORED_UNITS = frozenset({"em", "ex", "rem", "ch", "lh", "rlh", "vw", "vh", "vmin", "vmax", "vi", "vb", "ic", "cap"})
#: Absolute units QtSvg converts at 90 pixels an inch, where the standard says 96.
SMALLER_UNITS = frozenset({"mm", "cm", "in", "pt", "q"})
#: Attributes (and style properties) that hold lengths.
LENGTHS = frozenset(
    {
        "x", "y", "width", "height", "rx", "ry", "cx", "cy", "r", "x1", "y1", "x2", "y2", "dx", "dy", "fx",
        "fy", "stroke-width", "font-size", "stroke-dashoffset", "stroke-dasharray", "letter-spacing",
        "word-spacing", "refX", "refY", "markerWidth", "markerHeight",
    }
)  # fmt: skip
_LENGTH = re.compile(r"(?<![\w.#-])([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)([a-zA-Z]+)\b")
_DECLARATION = re.compile(r"([\w-]+)\s*:\s*([^;]*)")
_URL = re.compile(r"url\(\s*['\"]?#([^'\")\s]+)")


@dataclass(frozen=True)
class _Finding:
    """One construct the engine draws differently: the sentence, where it is, and the zones it touches."""

    line: int
    message: Message
    zones: frozenset[str]


@dataclass(frozen=True)
class ArtFindings:
    """What :func:`warnings` found for one file and set of zone names (remembered between runs)."""

    known: tuple[str, ...]
    messages: tuple[Message, ...]


def _encode_message(message: Message) -> dict[str, object]:
    """A message as data: its template and values (nested messages too), so it can still be translated."""
    values = {k: _encode_message(v) if isinstance(v, Message) else v for k, v in message.params.items()}
    return {"template": message.template, "values": values}


def _decode_message(data: object) -> Message:
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("template"), str)
        or not isinstance(data.get("values"), dict)
    ):
        raise ValueError("not a message")
    values: dict[str, object] = {}
    for key, value in data["values"].items():
        if isinstance(value, dict):
            values[key] = _decode_message(value)
        elif type(value) in (str, int, float, bool) or value is None:
            values[key] = value
        else:
            raise ValueError("not a message value")
    try:
        return Message(data["template"], **values)
    except (KeyError, IndexError, ValueError) as e:  # a template its values do not fill
        raise ValueError(str(e)) from None


cache.register(Message, _encode_message, _decode_message)


def unusable(art: Art) -> Message | None:
    """Why Qt's SVG engine cannot draw ``art`` at all, if it cannot: the map then shows the built-in feet."""
    try:
        drawing = Drawing(art_bytes(art), art.source.name)
        drawing.picture()
        drawing.pieces  # noqa: B018 - reading the zones out of the drawing is the check
    except (ArtError, DrawingError) as e:
        return e.args[0]
    return None


def warnings(art: Art, known: Collection[str] | None = None) -> list[Message]:
    """What will go wrong with ``art`` on screen, one sentence each (empty for art that draws as designed).

    ``known`` are the zone names reflexmap uses (others are ignored by the
    map, so they are not counted here either).  Renders the drawing, so it
    needs a running QGuiApplication when the art has text.
    """
    name = art.source.name
    try:
        data = art_bytes(art)
        root = parse(data, name)
        drawing = Drawing(data, name)
        engine = drawing.engine_messages
    except (ArtError, DrawingError) as e:
        return [e.args[0]]
    out: list[Message] = [Message("{file}: Qt's SVG engine says: {message}", file=name, message=m) for m in engine]
    found = _constructs(root, name, art)
    zones = {z for z in _declared(root) if known is None or z in known}
    scale = _reference_scale(art)
    width, height = art.size.width() * scale, art.size.height() * scale
    try:
        masks = drawing.masks(width, height, 1.0, zones)
        found += _clipping(root, name, width, height)
        standard = standard_zones(art)
    except (ArtError, DrawingError) as e:
        return [*out, *_merged(found), e.args[0]]
    out += _merged(found)
    out += _untouchable(masks, drawing.piece_lines, zones, root, name, found)
    out += _disagreements(masks, standard, zones, scale, name, found, root)
    return out


def _merged(found: list[_Finding]) -> list[Message]:
    """One sentence for the same construct on several lines (five toes from one symbol...)."""
    groups: dict[tuple[object, ...], list[_Finding]] = {}
    for f in sorted(found, key=lambda f: f.line):
        params = f.message.params
        key = (f.message.template, *sorted((k, str(v)) for k, v in params.items() if k != "line"))
        groups.setdefault(key, []).append(f)
    out = []
    for same in groups.values():
        first = same[0].message
        if len(same) == 1 or "line" not in first.params:
            out.append(first)
            continue
        lines = ", ".join(dict.fromkeys(str(f.line) for f in same))
        out.append(Message(first.template, **{**first.params, "line": lines}))
    return out


def _reference_scale(art: Art) -> float:
    side = max(art.size.width(), art.size.height(), 1e-9)
    scale = max(1.0, REFERENCE_SIDE / side)
    return min(scale, math.sqrt(MAX_REFERENCE_PIXELS / max(1.0, art.size.width() * art.size.height())))


# --- constructs, read from the file -------------------------------------------------------


def _declared(root: Element) -> dict[str, int]:
    """Every zone name in the file and the line it first appears on."""
    zones: dict[str, int] = {}
    for el in root.iter():
        zone = el.attrib.get("data-zone", "").strip()
        if zone and zone not in zones:
            zones[zone] = el.line
    return zones


def _zones_of(el: Element) -> frozenset[str]:
    """The zones an element's drawing belongs to: its own or its nearest ancestor's, and those below it."""
    zones = set()
    for node in (el, *el.ancestors()):
        if "data-zone" in node.attrib:
            zones.add(node.attrib["data-zone"].strip())
            break
    zones.update(n.attrib["data-zone"].strip() for n in el.iter() if "data-zone" in n.attrib)
    return frozenset(z for z in zones if z)


def _in_zone(zones: frozenset[str]) -> Message | str:
    if not zones:
        return ""
    return Message(" (zone {zones})", zones=", ".join(f'"{z}"' for z in sorted(zones)))


def _drawn_in_place(el: Element) -> bool:
    return not any(node.tag in NOT_DRAWN for node in el.ancestors())


def _style(el: Element) -> dict[str, str]:
    return {k.strip(): v.strip() for k, v in _DECLARATION.findall(el.attrib.get("style", ""))}


def _constructs(root: Element, name: str, art: Art) -> list[_Finding]:
    found: list[_Finding] = []
    ids: dict[str, list[Element]] = {}
    for el in root.iter():
        if el.attrib.get("id"):
            ids.setdefault(el.attrib["id"], []).append(el)
    referenced = {m for el in root.iter() for v in el.attrib.values() for m in _URL.findall(v)}
    referenced |= {el.href() for el in root.iter() if el.tag == "use"} - {None}
    for el in root.iter():
        found += _element_constructs(el, root, name, ids)
    for key, elements in ids.items():
        if len(elements) > 1 and key in referenced:
            found.append(
                _Finding(
                    elements[1].line,
                    Message(
                        '{file}: line {line}: the id "{id}" is used by {count} elements; Qt\'s SVG engine uses the '
                        "last one, svgelements the first: give each its own id.",
                        file=name,
                        line=elements[1].line,
                        id=key,
                        count=len(elements),
                    ),
                    frozenset().union(*(_zones_of(e) for e in elements)),
                )
            )
    found += _size(root, name, art)
    return found


def _element_constructs(el: Element, root: Element, name: str, ids: dict[str, list[Element]]) -> Iterator[_Finding]:
    tag, line, zones = el.tag, el.line, _zones_of(el)
    where = _in_zone(zones)
    style = _style(el)
    if tag in ("clipPath", "pattern") and _drawn_in_place(el) and any(n.tag in (*SHAPES, "use") for n in el.iter()):
        yield _Finding(
            line,
            Message(
                "{file}: line {line}: this <{tag}> is not inside <defs>, so Qt's SVG engine draws its shapes as part "
                "of the picture{where}; move it into <defs>.",
                file=name,
                line=line,
                tag=tag,
                where=where,
            ),
            zones,
        )
    if tag == "svg" and el is not root and _drawn_in_place(el):
        yield _nested_svg(name, line, zones)
    if tag == "use":
        target = ids.get(el.href() or "", [None])[-1]
        if target is not None and target.tag == "svg":
            yield _nested_svg(name, line, zones | _zones_of(target))
        if (
            target is not None
            and target.tag == "symbol"
            and ("viewBox" in target.attrib or "width" in el.attrib or "height" in el.attrib)
        ):
            yield _Finding(
                line,
                Message(
                    "{file}: line {line}: Qt's SVG engine draws the <symbol> this <use> shows at the symbol's own "
                    "size, ignoring its viewBox and the <use>'s width and height{where}; draw the symbol at the size "
                    "it is used, or use a <g>.",
                    file=name,
                    line=line,
                    where=_in_zone(zones | _zones_of(target)),
                ),
                zones | _zones_of(target),
            )
    if tag == "style":
        yield from _stylesheet(el, name)
    if tag == "switch":
        first = el.children[0] if el.children else None
        rest = el.children[1:]
        if (
            first is not None
            and "requiredFeatures" in first.attrib
            and not any(n.tag in (*SHAPES, "use") for n in first.iter())
            and any(n.tag in (*SHAPES, "use") for c in rest for n in c.iter())
        ):
            yield _Finding(
                line,
                Message(
                    "{file}: line {line}: where a browser draws nothing for this <switch>, Qt's SVG engine draws its "
                    'fallback (such as draw.io\'s "Text is not SVG" note){where}; remove the <switch>.',
                    file=name,
                    line=line,
                    where=where,
                ),
                zones,
            )
    ignored = readable_style(el.attrib.get("style", ""))[1].strip(" ;")
    if ignored:
        yield _Finding(
            line,
            Message(
                "{file}: line {line}: Qt's SVG engine stops reading this style at an empty or broken declaration "
                'and ignores what follows ("{rest}"){where}; remove it.',
                file=name,
                line=line,
                rest=ignored[:40],
                where=where,
            ),
            zones,
        )
    values = [*el.attrib.items(), *style.items()]
    for key, value in values:
        if "light-dark(" in value:
            yield _Finding(
                line,
                Message(
                    "{file}: line {line}: Qt's SVG engine does not know light-dark() in {attribute}{where}: "
                    "it draws something else; give one colour.",
                    file=name,
                    line=line,
                    attribute=key,
                    where=where,
                ),
                zones,
            )
        if key in LENGTHS and el is not root:
            yield from _units(el, key, value, name, zones)
    if el is root:
        keep = el.attrib.get("preserveAspectRatio", "").strip()
        if keep and keep not in ("xMidYMid", "xMidYMid meet"):
            yield _Finding(
                line,
                Message(
                    '{file}: line {line}: preserveAspectRatio="{value}" is ignored: the map always keeps the '
                    "drawing's proportions and centres it.",
                    file=name,
                    line=line,
                    value=keep,
                ),
                frozenset(),
            )


def _url(value: str) -> str | None:
    m = _URL.search(value)
    return m.group(1) if m else None


def _nested_svg(name: str, line: int, zones: frozenset[str]) -> _Finding:
    return _Finding(
        line,
        Message(
            "{file}: line {line}: Qt's SVG engine skips a nested <svg> (or a <use> of one): nothing inside it is "
            "drawn{where}; use a <g> with a transform instead.",
            file=name,
            line=line,
            where=_in_zone(zones),
        ),
        zones,
    )


def _units(el: Element, key: str, value: str, name: str, zones: frozenset[str]) -> Iterator[_Finding]:
    for number, unit in _LENGTH.findall(value):
        low = unit.lower()
        length = f"{number}{unit}"
        if low in IGNORED_UNITS:
            message = Message(
                '{file}: line {line}: Qt\'s SVG engine does not know the unit of {attribute}="{length}" on '
                "<{tag}> and reads it as 0{where}; give it in px.",
                file=name,
                line=el.line,
                attribute=key,
                length=length,
                tag=el.tag,
                where=_in_zone(zones),
            )
        elif low in SMALLER_UNITS:
            message = Message(
                '{file}: line {line}: Qt\'s SVG engine draws {attribute}="{length}" on <{tag}> about 6% smaller '
                "than the SVG standard (it counts 90 pixels an inch, not 96){where}; give it in px.",
                file=name,
                line=el.line,
                attribute=key,
                length=length,
                tag=el.tag,
                where=_in_zone(zones),
            )
        elif low == "pc":
            message = Message(
                '{file}: line {line}: Qt\'s SVG engine reads {attribute}="{length}" on <{tag}> as pixels, 16 times '
                "smaller than the SVG standard{where}; give it in px.",
                file=name,
                line=el.line,
                attribute=key,
                length=length,
                tag=el.tag,
                where=_in_zone(zones),
            )
        else:
            continue
        yield _Finding(el.line, message, zones)


def _stylesheet(el: Element, name: str) -> Iterator[_Finding]:
    """CSS in a ``<style>`` that QtSvg does not apply as a browser does (it may touch any zone)."""
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), el.text, flags=re.S)
    selectors: list[tuple[int, int]] = []  # where the selectors are: outside every brace
    depth = start = 0
    for i, ch in enumerate(text):
        if ch == "{":
            if depth == 0:
                selectors.append((start, i))
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
            start = i + 1 if depth == 0 else start
    hits: list[tuple[int, Message]] = []
    for m in re.finditer(r"\[[^\]]*\]", text):
        if any(a <= m.start() < b for a, b in selectors):
            hits.append((m.start(), Message("an attribute selector ({selector})", selector=m.group(0))))
    for pattern, construct in (
        (r"var\(", Message("a custom property (var())")),
        (r"light-dark\(", Message("light-dark()")),
        (r"@media\b", Message("an @media rule")),
        (r"!important", Message("!important")),
    ):
        hits += [(m.start(), construct) for m in re.finditer(pattern, text)]
    for at, construct in sorted(hits, key=lambda h: h[0]):
        line = el.line + text.count("\n", 0, at)
        yield _Finding(
            line,
            Message(
                "{file}: line {line}: Qt's SVG engine does not apply {construct} in CSS as the SVG standard says, "
                "so the rule may style other elements, or none; style the elements by class.",
                file=name,
                line=line,
                construct=construct,
            ),
            frozenset({"*"}),
        )


def _size(root: Element, name: str, art: Art) -> Iterator[_Finding]:
    """Whether QtSvg reads the drawing's proportions as svgelements does (the map lays it out by the latter)."""
    box = renderer(serialise(root))[0].viewBoxF()
    if box.isEmpty() or art.size.isEmpty():
        return
    theirs, ours = box.width() / box.height(), art.size.width() / art.size.height()
    if abs(theirs / ours - 1) > 0.01:
        yield _Finding(
            root.line,
            Message(
                "{file}: line {line}: Qt's SVG engine reads the drawing as {their_w:g} x {their_h:g}, svgelements "
                "as {our_w:g} x {our_h:g}: captions may not sit under their views; give the <svg> a viewBox and a "
                "width and height in px with the same proportions.",
                file=name,
                line=root.line,
                their_w=round(box.width(), 1),
                their_h=round(box.height(), 1),
                our_w=round(art.size.width(), 1),
                our_h=round(art.size.height(), 1),
            ),
            frozenset(),
        )


# --- clipping, measured -------------------------------------------------------------------


def _clip_refs(root: Element) -> list[tuple[Element, str]]:
    """Every element clipped by a ``clip-path``: in its attribute, its style or a class rule of a ``<style>``."""
    classes: dict[str, str] = {}
    for sheet in (el for el in root.iter() if el.tag == "style"):
        text = re.sub(r"/\*.*?\*/", "", sheet.text, flags=re.S)
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
            ref = _url(dict(_DECLARATION.findall(body)).get("clip-path", ""))
            for selector in selectors.split(","):
                m = re.fullmatch(r"\s*\.([-\w]+)\s*", selector)
                if ref and m:
                    classes[m.group(1)] = ref
    found = []
    for el in root.iter():
        ref = _url(el.attrib.get("clip-path", "")) or _url(_style(el).get("clip-path", ""))
        ref = ref or next((classes[c] for c in el.attrib.get("class", "").split() if c in classes), None)
        if ref and el is not root:
            found.append((el, ref))
    return found


def _clipping(root: Element, name: str, width: float, height: float) -> list[_Finding]:
    """Each clip-path QtSvg ignores that would cut away part of what it clips (each rendered to see)."""
    found: list[_Finding] = []
    for index, (el, ref) in enumerate(_clip_refs(root)[:MAX_CLIPS]):
        outside = _cut_away(root, index, ref, width, height)
        if outside is None or outside < CLIP_PIXELS:
            continue
        zones = _zones_of(el)
        found.append(
            _Finding(
                el.line,
                Message(
                    "{file}: line {line}: Qt's SVG engine ignores clip-path, so this <{tag}> is drawn, and touchable, "
                    "beyond its clipping shape{where}; cut the shapes to the outline instead of clipping them.",
                    file=name,
                    line=el.line,
                    tag=el.tag,
                    where=_in_zone(zones),
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
    content = masks.own_region(_zone_is("content"))
    cut = masks.own_region(_zone_is("clip"))
    if cut.isEmpty():
        return None
    return area(_eroded(content.subtracted(cut)))


# --- what the masks say ---------------------------------------------------------------------


def _untouchable(
    masks: Masks, lines: list[int], zones: set[str], root: Element, name: str, found: list[_Finding]
) -> Iterator[Message]:
    drawn_zones: set[str] = set()
    for index, piece in enumerate(masks.pieces):
        if piece.zone not in zones:
            continue
        own = masks.own_region(_is(piece))
        visible = masks.visible_region(_is(piece))
        line = lines[index]
        on = Message(' on view "{view}"', view=piece.view) if piece.view else ""
        if own.isEmpty():
            yield Message(
                '{file}: line {line}: zone "{zone}"{on} draws nothing, so it cannot be touched{because}.',
                file=name,
                line=line,
                zone=piece.zone,
                on=on,
                because=_because(piece.zone, found),
            )
            continue
        drawn_zones.add(piece.zone)
        if area(visible) < UNTOUCHABLE_PIXELS:
            yield Message(
                '{file}: line {line}: zone "{zone}"{on} is entirely covered by {others} drawn after it, so it cannot '
                "be touched.",
                file=name,
                line=line,
                zone=piece.zone,
                on=on,
                others=_covering(masks, piece, own),
            )
        elif area(visible) < MOSTLY_COVERED * area(own):
            yield Message(
                '{file}: line {line}: zone "{zone}"{on} is almost entirely covered by {others} drawn after it: only '
                "{share}% of it can be touched.",
                file=name,
                line=line,
                zone=piece.zone,
                on=on,
                others=_covering(masks, piece, own),
                share=max(1, round(100 * area(visible) / area(own))),
            )
    present = {p.zone for p in masks.pieces}
    for zone, line in _declared(root).items():
        if zone in zones and zone not in present:
            yield Message(
                '{file}: line {line}: zone "{zone}" is never drawn (it is only in <defs>, an unused <symbol>, a '
                "nested <svg> or something not displayed), so it cannot be touched{because}.",
                file=name,
                line=line,
                zone=zone,
                because=_because(zone, found),
            )


def _covering(masks: Masks, piece: Piece, own: QRegion) -> str:
    """The zones drawn over ``piece``, quoted."""
    first = min(k for k in range(len(masks.layers)) if masks.pieces[masks.layers[k]] == piece)
    least = max(UNTOUCHABLE_PIXELS, 0.05 * area(own))  # more than the seam where two zones meet
    above = {
        masks.pieces[masks.layers[k]].zone
        for k in range(first + 1, len(masks.layers))
        if masks.pieces[masks.layers[k]] != piece and area(masks.own[k].intersected(own)) > least
    }
    return ", ".join(f'"{z}"' for z in sorted(above - {piece.zone}))


def _because(zone: str, found: list[_Finding]) -> Message | str:
    lines = sorted({f.line for f in found if zone in f.zones or "*" in f.zones})
    if not lines:
        return ""
    return Message(", because of what is on line {lines}", lines=", ".join(str(n) for n in lines))


def _disagreements(
    masks: Masks,
    standard: dict[str, QPainterPath],
    zones: set[str],
    scale: float,
    name: str,
    found: list[_Finding],
    root: Element,
) -> Iterator[Message]:
    """Zones where svgelements' reading and the drawn zone differ by more than anti-aliasing."""
    for zone in sorted(zones):
        drawn = masks.own_region(_zone_is(zone))
        if drawn.isEmpty():
            continue  # said already: it draws nothing
        theirs = path_region(standard.get(zone, QPainterPath()), scale, masks.width, masks.height)
        differ = area(_eroded(drawn.xored(theirs)))
        total = max(1, area(drawn.united(theirs)))
        if differ < DISAGREEMENT_PIXELS or differ / total < DISAGREEMENT:
            continue
        because = _because(zone, found)
        yield Message(
            '{file}: line {line}: zone "{zone}": svgelements (the SVG standard) and Qt\'s SVG engine (the picture) '
            "disagree on {share}% of its area{because}.",
            file=name,
            line=_declared(root).get(zone, root.line),
            zone=zone,
            share=max(1, round(100 * differ / total)),
            because=because
            or Message(
                ", because of something reflexmap cannot name: compare the drawing in a browser and in reflexmap"
            ),
        )


def _eroded(region: QRegion) -> QRegion:
    """The region without its outermost pixel all round (differences of anti-aliasing live there)."""
    out = region
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        out = out.intersected(region.translated(dx, dy))
    return out


def _is(piece: Piece) -> Callable[[Piece], bool]:
    return lambda p: p == piece


def _zone_is(zone: str) -> Callable[[Piece], bool]:
    return lambda p: p.zone == zone
