"""Constructs read from the file that Qt's SVG engine draws differently from the SVG standard.

Ignored clipping aside (measured in :mod:`.clipping`): a ``<clipPath>`` or
``<pattern>`` outside ``<defs>``, nested ``<svg>``, symbols sized by their
``<use>``, a ``<switch>`` fallback, CSS it does not apply, ``light-dark()``,
units it ignores or sizes differently, a root ``preserveAspectRatio``,
duplicated ids, and proportions it reads differently.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from reflexmap.art_check.finding import URL, Finding, in_zone, style_of, zones_of
from reflexmap.drawn import Element, readable_style, renderer, serialise
from reflexmap.drawn.layers import NOT_DRAWN, SHAPES
from reflexmap.geometry import Art
from reflexmap.messages import Message

#: Pixels a unit is worth where QtSvg converts units, at 90 pixels an inch; spelled exactly so (QtSvg's units
#: are case-sensitive), in the order QtSvg looks for them at the end of a length.
QT_UNITS = {"%": 1.0, "px": 1.0, "pc": 1.0, "pt": 1.25, "mm": 90 / 25.4, "cm": 90 / 2.54, "in": 90.0, "": 1.0}
#: Pixels a unit is worth in the SVG standard (CSS, 96 pixels an inch; units in any case).
STANDARD_UNITS = {"px": 1.0, "pt": 96 / 72, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0, "q": 96 / 101.6}
#: Where QtSvg converts the units it knows and reads any other length as 0.
STRICT = frozenset({("rect", "width"), ("rect", "height")})
#: Where QtSvg converts a length by how its unit ends ("5vmin" as 5 inches) and reads the number of any other.
BY_SUFFIX = frozenset({("image", "width"), ("image", "height"), ("use", "x"), ("use", "y")})
#: Where QtSvg reads the number and ignores the unit (``stroke-width`` on any element, in style or attribute).
PLAIN = frozenset(
    {("rect", a) for a in ("x", "y", "rx", "ry")}
    | {("circle", a) for a in ("cx", "cy", "r")}
    | {("ellipse", a) for a in ("cx", "cy", "rx", "ry")}
    | {("line", a) for a in ("x1", "y1", "x2", "y2")}
)
#: Attributes (and style properties) that hold lengths.
LENGTHS = frozenset(
    {
        "x", "y", "width", "height", "rx", "ry", "cx", "cy", "r", "x1", "y1", "x2", "y2", "dx", "dy", "fx",
        "fy", "stroke-width", "font-size", "stroke-dashoffset", "stroke-dasharray", "letter-spacing",
        "word-spacing", "refX", "refY", "markerWidth", "markerHeight",
    }
)  # fmt: skip
#: Properties that draw markers along a shape.
MARKERS = frozenset({"marker", "marker-start", "marker-mid", "marker-end"})
_LENGTH = re.compile(r"(?<![\w.#-])([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)([a-zA-Z]+\b|%)")


def _drawn_in_place(el: Element) -> bool:
    return not any(node.tag in NOT_DRAWN for node in el.ancestors())


def constructs(root: Element, name: str, art: Art) -> list[Finding]:
    """Everything in the file ``name`` (read into ``root``) that QtSvg draws differently from the standard."""
    found: list[Finding] = []
    ids: dict[str, list[Element]] = {}
    for el in root.iter():
        if el.attrib.get("id"):
            ids.setdefault(el.attrib["id"], []).append(el)
    referenced = {m for el in root.iter() for v in el.attrib.values() for m in URL.findall(v)}
    referenced |= {el.href() for el in root.iter() if el.tag == "use"} - {None}
    for el in root.iter():
        found += _element_constructs(el, root, name, ids)
    for key, elements in ids.items():
        if len(elements) > 1 and key in referenced:
            found.append(
                Finding(
                    elements[1].line,
                    Message(
                        '{file}: line {line}: the id "{id}" is used by {count} elements; Qt\'s SVG engine uses the '
                        "last one, svgelements the first: give each its own id.",
                        file=name,
                        line=elements[1].line,
                        id=key,
                        count=len(elements),
                    ),
                    frozenset().union(*(zones_of(e) for e in elements)),
                )
            )
    found += _size(root, name, art)
    return found


def _element_constructs(el: Element, root: Element, name: str, ids: dict[str, list[Element]]) -> Iterator[Finding]:
    tag, line, zones = el.tag, el.line, zones_of(el)
    where = in_zone(zones)
    style = style_of(el)
    if tag in ("clipPath", "pattern") and _drawn_in_place(el) and any(n.tag in (*SHAPES, "use") for n in el.iter()):
        yield Finding(
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
            yield _nested_svg(name, line, zones | zones_of(target))
        if (
            target is not None
            and target.tag == "symbol"
            and ("viewBox" in target.attrib or "width" in el.attrib or "height" in el.attrib)
        ):
            yield Finding(
                line,
                Message(
                    "{file}: line {line}: Qt's SVG engine draws the <symbol> this <use> shows at the symbol's own "
                    "size, ignoring its viewBox and the <use>'s width and height{where}; draw the symbol at the size "
                    "it is used, or use a <g>.",
                    file=name,
                    line=line,
                    where=in_zone(zones | zones_of(target)),
                ),
                zones | zones_of(target),
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
            yield Finding(
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
        yield Finding(
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
            yield Finding(
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
        if key in MARKERS and zones and URL.search(value):  # QtSvg draws markers, svgelements' reading has none
            yield Finding(line, None, zones, Message('{attribute}="{value}"', attribute=key, value=value))
    if el is root:
        keep = el.attrib.get("preserveAspectRatio", "").strip()
        if keep and keep not in ("xMidYMid", "xMidYMid meet"):
            yield Finding(
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


def _nested_svg(name: str, line: int, zones: frozenset[str]) -> Finding:
    return Finding(
        line,
        Message(
            "{file}: line {line}: Qt's SVG engine skips a nested <svg> (or a <use> of one): nothing inside it is "
            "drawn{where}; use a <g> with a transform instead.",
            file=name,
            line=line,
            where=in_zone(zones),
        ),
        zones,
    )


def qt_length(tag: str, attribute: str, number: float, unit: str) -> float | None:
    """The length in pixels QtSvg draws for ``{number}{unit}`` in ``attribute`` of a ``<tag>``, where measured.

    ``tests/test_art_check.py`` renders every unit in each of these
    attributes and compares: a rect's width and height convert the units
    QtSvg knows (:data:`QT_UNITS`) and read any other as 0; an image's width
    and height and a ``<use>``'s x and y convert by the unit's last two letters and read the number of any other
    unit; coordinates, radii and ``stroke-width`` read the number and ignore
    the unit.  Everywhere ``em`` and ``ex`` read as 0.  None where this is
    not measured.
    """
    if unit[:1] in ("e", "E"):  # QtSvg reads "5em" as a number with a broken exponent
        known = (tag, attribute) in STRICT | BY_SUFFIX | PLAIN or attribute == "stroke-width"
        return 0.0 if known else None
    if (tag, attribute) in STRICT:
        return number * QT_UNITS[unit] if unit in QT_UNITS else 0.0
    if (tag, attribute) in BY_SUFFIX:
        suffix = next((s for s in QT_UNITS if unit.endswith(s)), "")
        return number * QT_UNITS[suffix]
    if (tag, attribute) in PLAIN or attribute == "stroke-width":
        return number
    return None


def _units(el: Element, key: str, value: str, name: str, zones: frozenset[str]) -> Iterator[Finding]:
    for number, unit in _LENGTH.findall(value):
        length = f"{number}{unit}"
        if float(number) == 0:
            continue
        drawn = qt_length(el.tag, key, float(number), unit)
        standard = STANDARD_UNITS.get(unit.lower(), 0.0) * float(number)
        params = {"file": name, "line": el.line, "attribute": key, "length": length, "tag": el.tag}
        where = in_zone(zones)
        if drawn is not None and standard and math.isclose(drawn, standard, rel_tol=1e-6):
            continue
        if drawn is None:
            if unit.lower() == "px" or not zones:  # not measured: said only where it may move a zone
                continue
            message = Message(
                '{file}: line {line}: Qt\'s SVG engine may not read the unit of {attribute}="{length}" on <{tag}> as '
                "the SVG standard does{where}; give it in px.",
                where=where,
                **params,
            )
        elif drawn == 0:
            message = Message(
                '{file}: line {line}: Qt\'s SVG engine does not know the unit of {attribute}="{length}" on '
                "<{tag}> and reads it as 0{where}; give it in px.",
                where=where,
                **params,
            )
        elif unit == "%":
            message = Message(
                '{file}: line {line}: Qt\'s SVG engine reads {attribute}="{length}" on <{tag}> as {number} px, not '
                "as a share of the drawing's size{where}; give it in px.",
                number=number,
                where=where,
                **params,
            )
        elif drawn == float(number) and standard:
            message = Message(
                '{file}: line {line}: Qt\'s SVG engine ignores the unit of {attribute}="{length}" on <{tag}> and '
                "reads it as {number} px, where the SVG standard says {standard:g} px{where}; give it in px.",
                number=number,
                standard=round(standard, 1),
                where=where,
                **params,
            )
        elif drawn == float(number):
            message = Message(
                '{file}: line {line}: Qt\'s SVG engine ignores the unit of {attribute}="{length}" on <{tag}> and '
                "reads it as {number} px{where}; give it in px.",
                number=number,
                where=where,
                **params,
            )
        elif standard and math.isclose(drawn / standard, 90 / 96, rel_tol=1e-6):  # mm, cm, in, pt converted
            message = Message(
                '{file}: line {line}: Qt\'s SVG engine draws {attribute}="{length}" on <{tag}> about 6% smaller '
                "than the SVG standard (it counts 90 pixels an inch, not 96){where}; give it in px.",
                where=where,
                **params,
            )
        else:  # "5vmin" read as 5 inches
            message = Message(
                '{file}: line {line}: Qt\'s SVG engine reads {attribute}="{length}" on <{tag}> as {drawn:g} px{where}; '
                "give it in px.",
                drawn=round(drawn, 1),
                where=where,
                **params,
            )
        yield Finding(el.line, message, zones, Message('{attribute}="{length}"', attribute=key, length=length))


def _stylesheet(el: Element, name: str) -> Iterator[Finding]:
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
        yield Finding(
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


def _size(root: Element, name: str, art: Art) -> Iterator[Finding]:
    """Whether QtSvg reads the drawing's proportions as svgelements does (the map lays it out by the latter)."""
    box = renderer(serialise(root))[0].viewBoxF()
    if box.isEmpty() or art.size.isEmpty():
        return
    theirs, ours = box.width() / box.height(), art.size.width() / art.size.height()
    if abs(theirs / ours - 1) > 0.01:
        yield Finding(
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
