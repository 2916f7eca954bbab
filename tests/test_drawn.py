"""What counts as a zone (reflexmap.drawn), and the QtSvg behaviour the layer documents rely on.

The rule: a zone is everything the picture engine draws for it, where it
lays it out: its fill area whatever its paint or opacity (an open line drawn
with ``fill="none"`` by its stroke only), plus its stroke as drawn; nothing
that is not displayed.  Where zones overlap the one drawn later wins;
elements without a zone never block a touch.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtGui import QImage, QPainter, QPainterPath, QRegion
from pytestqt.qtbot import QtBot

from reflexmap.drawn import Drawing, DrawingError, Piece, outline, parse, readable_style, rects, without_specks
from reflexmap.drawn import renderer as quiet
from tests.support.pictures import alpha, zone_alone

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="200">'


def _svg(body: str) -> bytes:
    return f"{HEAD}{body}</svg>".encode()


def _at(body: str, *points: tuple[int, int], dpr: float = 1.0) -> list[str | None]:
    """The zone on top at each device pixel of a 200 x 200 picture."""
    masks = Drawing(_svg(body), "t.svg").masks(200, 200, dpr)
    return [None if (p := masks.piece_at(x, y)) is None else p.zone for x, y in points]


def _drawn(svg: bytes, x: int, y: int) -> int:
    """QtSvg's own alpha at pixel ``x, y`` of the whole picture (what it says meanwhile kept out of the log)."""
    renderer = quiet(svg)[0]
    image = QImage(200, 200, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 200, 200))
    painter.end()
    return image.pixelColor(x, y).alpha()


# --- the engine, as the layer documents expect it ----------------------------------------------


@pytest.mark.parametrize("wrapper", ["g", "a", "switch", "clipPath", "pattern", "title", "metadata", "foo", "x:foo"])
def test_the_engine_walks_through_elements_it_does_not_draw_as_groups(wrapper: str) -> None:
    svg = _svg(f'<{wrapper} xmlns:x="urn:x"><rect width="50" height="50"/></{wrapper}>')
    assert _drawn(svg, 20, 20) == 255, f"QtSvg no longer draws inside <{wrapper}>: update drawn.layers.NOT_DRAWN"


@pytest.mark.parametrize("wrapper", ["defs", "symbol", "marker", "mask", "filter"])
def test_the_engine_draws_nothing_of_what_it_only_draws_through_a_reference(wrapper: str) -> None:
    assert _drawn(_svg(f'<{wrapper}><rect width="50" height="50"/></{wrapper}>'), 20, 20) == 0


def test_the_engine_skips_a_nested_svg_and_ignores_clip_path() -> None:
    nested = _svg('<svg x="0" y="0" width="100" height="100"><rect width="50" height="50"/></svg>')
    said = quiet(nested)[1]
    assert said and "nested svg" in said[0]
    assert _drawn(nested, 20, 20) == 0
    clipped = _svg(
        '<defs><clipPath id="c"><rect width="10" height="10"/></clipPath></defs>'
        '<rect width="50" height="50" clip-path="url(#c)"/>'
    )
    assert _drawn(clipped, 30, 30) == 255  # if QtSvg learns clip-path, check's clip finding must change


def test_the_engine_prefers_xlink_href_and_the_last_of_two_ids() -> None:
    defs = '<defs><rect id="a" width="50" height="50"/><rect id="b" x="100" width="50" height="50"/></defs>'
    assert _drawn(_svg(defs + '<use href="#a" xlink:href="#b"/>'), 120, 20) == 255
    twice = '<defs><rect id="a" width="50" height="50"/><rect id="a" x="100" width="50" height="50"/></defs>'
    assert _drawn(_svg(twice + '<use href="#a"/>'), 120, 20) == 255


def test_a_style_is_read_up_to_its_first_broken_declaration() -> None:
    assert _drawn(_svg('<rect width="50" height="50" style="fill:red;;display:none"/>'), 20, 20) == 255
    assert readable_style("fill:red;;display:none") == ("fill:red", ";display:none")
    assert readable_style("fill:red;stroke:blue;") == ("fill:red;stroke:blue", "")
    assert readable_style("fill:red;foo;x:1") == ("fill:red", "foo;x:1")
    # the layer documents add their own declarations where the engine still reads them
    masks = Drawing(_svg('<rect data-zone="heel" width="50" height="50" style="fill:none;;"/>'), "t").masks(200, 200)
    assert masks.piece_at(20, 20) == Piece("heel")


# --- what counts as the zone -------------------------------------------------------------------


def test_a_closed_outline_with_no_fill_and_an_invisible_hit_area_are_touchable_inside() -> None:
    body = (
        '<circle data-zone="heel" cx="60" cy="60" r="40" fill="none" stroke="black"/>'
        '<rect data-zone="arch" x="120" y="20" width="60" height="60" opacity="0"/>'
        '<g opacity="0"><rect data-zone="toes" x="20" y="120" width="60" height="60" fill-opacity="0"/></g>'
    )
    assert _at(body, (60, 60), (150, 50), (50, 150), (150, 150)) == ["heel", "arch", "toes", None]


def test_what_is_not_displayed_is_not_touchable() -> None:
    body = (
        '<rect data-zone="heel" width="50" height="50" display="none"/>'
        '<g visibility="hidden"><rect data-zone="arch" x="60" width="50" height="50"/></g>'
        '<defs><rect id="d" data-zone="toes" x="120" width="50" height="50"/></defs>'
        '<symbol id="s"><rect data-zone="ankle" y="60" width="50" height="50"/></symbol>'
        '<style>.gone{display:none}</style><rect class="gone" data-zone="top" x="60" y="60" width="50" height="50"/>'
    )
    assert _at(body, (20, 20), (80, 20), (140, 20), (20, 80), (80, 80)) == [None] * 5
    shown = _svg('<g visibility="hidden"><rect data-zone="arch" width="50" height="50" visibility="visible"/></g>')
    assert Drawing(shown, "t").masks(200, 200).piece_at(20, 20) == Piece("arch")  # as the engine draws it


def test_a_stroke_counts_as_drawn_and_an_open_line_only_by_its_stroke() -> None:
    body = (
        '<rect data-zone="heel" x="40" y="40" width="40" height="40" stroke="black" stroke-width="20"/>'
        '<path data-zone="arch" d="M 120 20 C 180 20 180 100 120 100" fill="none" stroke="red" stroke-width="8"/>'
        '<polyline data-zone="toes" points="20,150 100,150 100,190" fill="#fc8" stroke="none"/>'
    )
    # the stroke outside the fill; the middle of the open curve (between it and its chord) is not the arch
    assert _at(body, (35, 60), (60, 60), (161, 60), (140, 60), (90, 160)) == ["heel", "heel", "arch", None, "toes"]


def test_fill_rule_and_transforms_are_the_engines() -> None:
    ring = "M10,10 h150 v150 h-150 z M50,50 h70 v70 h-70 z"
    body = f'<g transform="translate(10 10) scale(0.5)"><path data-zone="heel" fill-rule="evenodd" d="{ring}"/></g>'
    assert _at(body, (20, 20), (52, 52)) == ["heel", None]
    assert _at(body.replace('fill-rule="evenodd" ', ""), (52, 52)) == ["heel"]


def test_the_zone_drawn_later_wins_and_decorations_never_block() -> None:
    body = (
        '<rect data-zone="arch" width="100" height="100"/>'
        '<rect data-zone="heel" x="50" y="50" width="100" height="100"/>'
        '<rect x="0" y="0" width="200" height="200" fill="white" opacity="0.9"/>'  # a veil over everything
    )
    assert _at(body, (25, 25), (75, 75), (125, 125), (190, 190)) == ["arch", "heel", "heel", None]


def test_each_use_of_shared_drawing_is_its_own_piece() -> None:
    body = (
        '<defs><g id="sole"><rect data-zone="heel" width="40" height="40"/>'
        '<rect data-zone="toes" y="50" width="40" height="40"/></g></defs>'
        '<use xlink:href="#sole" data-view="sole-left" data-foot="left" x="10" y="10"/>'
        '<use href="#sole" data-view="sole-right" data-foot="right" x="110" y="10"/>'
    )
    masks = Drawing(_svg(body), "t").masks(200, 200)
    assert masks.piece_at(30, 30) == Piece("heel", "sole-left", "left")
    assert masks.piece_at(130, 30) == Piece("heel", "sole-right", "right")
    assert masks.piece_at(130, 80) == Piece("toes", "sole-right", "right")
    assert masks.piece_at(80, 30) is None


def test_masks_follow_the_pixel_ratio(qtbot: QtBot) -> None:
    body = '<circle data-zone="heel" cx="100" cy="100" r="57.3" stroke="black" stroke-width="5"/>'
    svg = _svg(body)
    for dpr in (1.0, 1.5, 2.0):
        masks = Drawing(svg, "t").masks(200, 200, dpr)
        pixels, stride, cols, rows = alpha(zone_alone(svg, "heel"), 200 * dpr, 200 * dpr)
        wrong = [
            (x, y)
            for y in range(rows)
            for x in range(cols)
            if (a := pixels[y * stride + x]) not in range(26, 230) and (a >= 128) != (masks.piece_at(x, y) is not None)
        ]
        assert not wrong, (dpr, wrong[:5])


@pytest.mark.parametrize("name", ["feet", "inkscape.svg", "illustrator-save-as.svg", "stroke-zone.svg"])
def test_a_first_frames_masks_put_each_zone_on_top_exactly_where_all_the_masks_do(name: str, qtbot: QtBot) -> None:
    """What a first frame highlights (top_masks: the zone, later layers only where it draws) is what a touch finds."""
    from pathlib import Path

    from reflexmap.resources import asset_path

    path = asset_path("art/feet.svg") if name == "feet" else Path(__file__).parent / "art" / name
    data = path.read_bytes()
    full = Drawing(data, name).masks(640, 400, 1.5)
    zones = {p.zone for p in full.pieces}
    assert len(zones) >= 3
    for zone in sorted(zones):
        first = Drawing(data, name).top_masks(640, 400, 1.5, {zone})
        on_top = first.visible_region(lambda p, z=zone: p.zone == z)  # type: ignore[misc]
        assert not on_top.isEmpty(), zone
        assert on_top == full.visible_region(lambda p, z=zone: p.zone == z), (name, zone)  # type: ignore[misc]


def test_a_first_frame_that_highlights_the_topmost_zone_renders_that_layer_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Layers under the zone cannot cover it: they are neither loaded nor rendered."""
    from reflexmap.resources import asset_path
    from tests.support.renderers import renderer_loads

    loaded = renderer_loads(monkeypatch)
    drawing = Drawing(asset_path("art/feet.svg").read_bytes(), "feet.svg")
    last = drawing.pieces[drawing.layers[-1]].zone
    assert sum(drawing.pieces[k].zone == last for k in drawing.layers) == 1
    first = drawing.top_masks(640, 400, 1.0, {last})
    assert len(loaded) == 2  # the picture's renderer (the file is read), and the top layer's
    assert [k for k, region in enumerate(first.own) if not region.isEmpty()] == [len(drawing.layers) - 1]
    drawing.masks(640, 400, 1.0)
    assert len(loaded) == 1 + len(drawing.layers)  # all the masks: each layer's renderer made once


def test_outline_traces_a_region_with_its_holes() -> None:
    region = QRegion(0, 0, 10, 10).subtracted(QRegion(3, 3, 4, 4)).united(QRegion(10, 10, 5, 5))
    path = outline(region)
    pixels = [(x, y) for x in range(-1, 16) for y in range(-1, 16)]
    assert all(path.contains(QPointF(x + 0.5, y + 0.5)) == region.contains(QPoint(x, y)) for x, y in pixels)


@pytest.mark.parametrize("dpr", [1.0, 2.0])
def test_regions_and_rings_read_through_qts_stream_bytes_are_what_qts_own_calls_make(dpr: float) -> None:
    """A region's rectangles, and a ring's path, pass through QDataStream's bytes: as if made call by call."""
    from reflexmap.drawn.raster import rect_corners
    from reflexmap.resources import asset_path

    masks = Drawing(asset_path("art/feet.svg").read_bytes(), "feet.svg").masks(640, 400, dpr)
    for region in [*masks.visible, QRegion(), QRegion(3, 4, 5, 6)]:
        assert rect_corners(region) == [r.getCoords() for r in rects(region)]
        for chamfer in (0.0, 1.0):
            ring = outline(region, chamfer)
            made = QPainterPath()
            for polygon in ring.toSubpathPolygons():
                made.addPolygon(polygon)
                made.closeSubpath()
            assert ring == made and ring.elementCount() == made.elementCount()
            assert ring.fillRule() == made.fillRule()
            if not chamfer:  # the ring runs along the region's outer pixel edges
                assert ring.boundingRect() == QRectF(region.boundingRect())
            assert ring.isEmpty() == region.isEmpty()


def test_specks_apart_from_a_zone_are_dropped_and_its_parts_kept() -> None:
    """A pixel or two left over beside a zone is not highlighted; a corner-touching part or a big island is."""
    body = QRegion(10, 10, 50, 50)
    speck = QRegion(80, 20, 1, 2)
    corner = QRegion(60, 60, 3, 3)  # touches the body's last pixel diagonally: the same piece
    island = QRegion(100, 100, 10, 10)
    kept = without_specks(body.united(speck).united(corner).united(island), 6)
    assert kept == body.united(corner).united(island)
    assert without_specks(speck, 6) == speck  # a zone that is all speck stays as it is


def test_a_drawing_the_engine_cannot_read_is_one_sentence() -> None:
    with pytest.raises(DrawingError, match=r"^t\.svg: the file is not well-formed XML"):
        parse(b"<svg><rect", "t.svg")
    with pytest.raises(DrawingError, match="refuses for safety"):
        parse(b'<!DOCTYPE svg [<!ENTITY a "b">]><svg/>', "t.svg")
    assert parse(b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "svg11.dtd"><svg/>', "t.svg").tag == "svg"
    looped = _svg('<g id="a"><rect width="5" height="5"/><use href="#a"/></g>')
    with pytest.raises(DrawingError, match=r"^t\.svg: Qt's SVG engine cannot draw this file"):
        Drawing(looped, "t.svg").picture()


@pytest.mark.parametrize("name", ["inkscape.svg", "illustrator-export-as.svg", "symbol-use.svg", "stroke-zone.svg"])
def test_load_zones_is_each_zone_as_drawn_within_a_pixel(name: str) -> None:
    from pathlib import Path

    from reflexmap.geometry import load_zones

    path = Path(__file__).parent / "art" / name
    zones = load_zones(path)
    assert set(zones) == {"toes", "metatarsus", "arch", "heel", "medial-edge"}
    for zone, area in zones.items():
        pixels, stride, cols, rows = alpha(zone_alone(path.read_bytes(), zone), 200, 400)
        wrong = [
            (x, y)
            for y in range(rows)
            for x in range(cols)
            if (a := pixels[y * stride + x]) not in range(26, 230)
            and (a >= 230) != area.contains(QPointF(x + 0.5, y + 0.5))
        ]
        assert not wrong, (zone, wrong[:5])
