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

The parts: :mod:`.constructs` reads the file for what QtSvg draws
differently; :mod:`.clipping` renders each ignored clip-path to see what it
would cut; :mod:`.coverage` reads the masks for zones nobody can touch and
zones the two readings disagree on; :mod:`.finding` holds what they share.

Model package: it renders (QtGui, QtSvg), never QtWidgets.
"""

from __future__ import annotations

import math
from collections.abc import Collection

from reflexmap import cache
from reflexmap.art_check.clipping import clipping
from reflexmap.art_check.constructs import constructs
from reflexmap.art_check.coverage import disagreements, untouchable
from reflexmap.art_check.finding import Finding, declared, in_zone
from reflexmap.drawn import Drawing, DrawingError, parse
from reflexmap.drawn.drawing import MAX_REFERENCE_PIXELS
from reflexmap.geometry import Art, ArtError, art_bytes
from reflexmap.messages import Message
from reflexmap.record import record
from reflexmap.svg_shapes import StandardReading, standard_zones

__all__ = ["REFERENCE_SIDE", "ArtFindings", "unusable", "warnings"]

#: The check renders the drawing with its longer side at least this many pixels.
REFERENCE_SIDE = 1000


@record
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
    out: list[Message] = [_engine_said(name, m) for m in engine]
    found = constructs(root, name, art)
    zones = {z for z in declared(root) if known is None or z in known}
    scale = _reference_scale(art)
    width, height = art.size.width() * scale, art.size.height() * scale
    try:
        masks = drawing.masks(width, height, 1.0, zones)
        found += clipping(root, name, width, height)
        standard = standard_zones(art)
    except (ArtError, DrawingError) as e:
        return [*out, *_merged(found), e.args[0]]
    found += _unread(standard, name, root.line)
    out += _merged(found)
    out += untouchable(masks, drawing.piece_lines, zones, root, name, found)
    if standard.failed is None:
        unsure = {u.zone for u in standard.unreadable}
        out += disagreements(masks, standard.zones, zones - unsure, scale, name, found, root)
    return out


#: "<input>:12:5: " before what QtSvg says about a place in the file: its line and column.
_AT_LINE = r"<input>:(\d+):\d+:\s*"


def _engine_said(name: str, said: str) -> Message:
    """What QtSvg said, whole, with the line its reader was on when it gives one.

    That is where QtSvg noticed, not always where the cause is: it resolves
    references (``url(#...)``) at the end of the file.
    """
    import re

    at = re.match(_AT_LINE, said)
    if at is None:
        return Message("{file}: Qt's SVG engine says: {detail}", file=name, detail=said.strip())
    detail = said[at.end() :].strip()
    return Message(
        "{file}: Qt's SVG engine says, reading line {line}: {detail}", file=name, line=int(at.group(1)), detail=detail
    )


def _unread(standard: StandardReading, name: str, root_line: int) -> list[Finding]:
    """What svgelements could not read: reflexmap cannot double-check there where QtSvg draws."""
    if standard.failed is not None:
        message = Message(
            "{file}: svgelements could not read the drawing ({detail}), so reflexmap cannot double-check where any "
            "zone is drawn.",
            file=name,
            detail=standard.failed,
        )
        return [Finding(root_line, message, frozenset(), blames=False)]
    return [
        Finding(
            u.line,
            Message(
                "{file}: line {line}: svgelements could not read this <{tag}>{where}: {detail}, so reflexmap cannot "
                "double-check where it is drawn.",
                file=name,
                line=u.line,
                tag=u.tag,
                where=in_zone(frozenset({u.zone})),
                detail=u.detail.rstrip("."),
            ),
            frozenset({u.zone}),
            blames=False,
        )
        for u in standard.unreadable
    ]


def _merged(found: list[Finding]) -> list[Message]:
    """One sentence for the same construct on several lines (five toes from one symbol...)."""
    groups: dict[tuple[object, ...], list[tuple[int, Message]]] = {}
    for f in sorted(found, key=lambda f: f.line):
        if f.message is None:
            continue  # only a cause, said where it causes something
        params = f.message.params
        key = (f.message.template, *sorted((k, str(v)) for k, v in params.items() if k != "line"))
        groups.setdefault(key, []).append((f.line, f.message))
    out = []
    for same in groups.values():
        first = same[0][1]
        if len(same) == 1 or "line" not in first.params:
            out.append(first)
            continue
        lines = ", ".join(dict.fromkeys(str(line) for line, _ in same))
        out.append(Message(first.template, **{**first.params, "line": lines}))
    return out


def _reference_scale(art: Art) -> float:
    side = max(art.size.width(), art.size.height(), 1e-9)
    scale = max(1.0, REFERENCE_SIDE / side)
    return min(scale, math.sqrt(MAX_REFERENCE_PIXELS / max(1.0, art.size.width() * art.size.height())))
