"""What the masks say: zones nobody can touch, and zones where the two readings of the file disagree."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtGui import QPainterPath, QRegion

from reflexmap.art_check.finding import Finding, declared, eroded, hidden_in, zone_is
from reflexmap.drawn import Element, Masks, Piece, area, path_region
from reflexmap.messages import Message

#: The two readings of a zone disagree when more than this share of it differs, beyond a pixel of its edge.
DISAGREEMENT = 0.02
#: ... and at least this many pixels do.
DISAGREEMENT_PIXELS = 30
#: A zone with fewer visible pixels than this is as good as untouchable.
UNTOUCHABLE_PIXELS = 4
#: A zone less of which than this share is on top is said to be almost covered.
MOSTLY_COVERED = 0.1


def untouchable(
    masks: Masks, lines: list[int], zones: set[str], root: Element, name: str, found: list[Finding]
) -> Iterator[Message]:
    """Zones that draw nothing, are never drawn, or are (almost) entirely covered by zones drawn after them."""
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
                because=_because(piece.zone, found, root),
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
    for zone, line in declared(root).items():
        if zone in zones and zone not in present:
            yield Message(
                '{file}: line {line}: zone "{zone}" is never drawn (it is only in <defs>, an unused <symbol>, a '
                "nested <svg> or something not displayed), so it cannot be touched{because}.",
                file=name,
                line=line,
                zone=zone,
                because=_because(zone, found, root),
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


def _because(zone: str, found: list[Finding], root: Element) -> Message | str:
    """Why ``zone`` draws nothing or disagrees: what hides it, and the constructs in its own elements.

    A style sheet rule may touch any zone: it is given as a possible cause
    only when nothing in the zone's own elements explains it.
    """
    hidden: Message | None = None
    for prop, value, line in hidden_in(zone, root):
        said = Message("{property}: {value} on line {line}", property=prop, value=value, line=line)
        hidden = said if hidden is None else Message("{first}, {then}", first=hidden, then=said)
    parts: list[Message] = []
    unnamed: list[int] = []
    for f in sorted((f for f in found if f.blames and zone in f.zones), key=lambda f: f.line):
        if f.cause is None:
            unnamed.append(f.line)
        else:
            parts.append(Message("{construct} on line {line}", construct=f.cause, line=f.line))
    if unnamed:
        lines = ", ".join(str(n) for n in dict.fromkeys(unnamed))
        parts.append(Message("what is on line {lines}", lines=lines))
    causes: Message | None = None
    for part in parts:
        causes = part if causes is None else Message("{first}, {then}", first=causes, then=part)
    if hidden is not None and causes is not None:
        return Message(", because it is hidden ({hidden}) and because of {causes}", hidden=hidden, causes=causes)
    if hidden is not None:
        return Message(", because it is hidden ({hidden})", hidden=hidden)
    if causes is not None:
        return Message(", because of {causes}", causes=causes)
    anywhere = sorted({f.line for f in found if f.blames and "*" in f.zones})
    if anywhere:
        return Message(", possibly because of what is on line {lines}", lines=", ".join(str(n) for n in anywhere))
    return ""


def disagreements(
    masks: Masks,
    standard: dict[str, QPainterPath],
    zones: set[str],
    scale: float,
    name: str,
    found: list[Finding],
    root: Element,
) -> Iterator[Message]:
    """Zones where svgelements' reading and the drawn zone differ by more than anti-aliasing."""
    for zone in sorted(zones):
        drawn = masks.own_region(zone_is(zone))
        if drawn.isEmpty():
            continue  # said already: it draws nothing
        theirs = path_region(standard.get(zone, QPainterPath()), scale, masks.width, masks.height)
        differ = area(eroded(drawn.xored(theirs)))
        total = max(1, area(drawn.united(theirs)))
        if differ < DISAGREEMENT_PIXELS or differ / total < DISAGREEMENT:
            continue
        because = _because(zone, found, root)
        yield Message(
            '{file}: line {line}: zone "{zone}": svgelements (the SVG standard) and Qt\'s SVG engine (the picture) '
            "disagree on {share}% of its area{because}.",
            file=name,
            line=declared(root).get(zone, root.line),
            zone=zone,
            share=max(1, round(100 * differ / total)),
            because=because
            or Message(
                ", because of something reflexmap cannot name: compare the drawing in a browser and in reflexmap"
            ),
        )


def _is(piece: Piece) -> Callable[[Piece], bool]:
    return lambda p: p == piece
