"""load_zones against Qt's own SVG renderer as the reference rasteriser.

Each case draws one zone in solid black; QSvgRenderer rasterises the file and
every pixel well inside or well outside the black area (its 3x3 neighbourhood
all one colour) must agree with ``QPainterPath.contains`` at its centre.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from reflexmap.geometry import ArtError, load_art, load_zones
from reflexmap.resources import asset_path

SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def _svg(body: str, size: tuple[int, int] = (200, 200), viewbox: str | None = None) -> str:
    vb = f' viewBox="{viewbox}"' if viewbox else ""
    return f'{SVG_HEAD} width="{size[0]}" height="{size[1]}"{vb}>{body}</svg>'


def _raster(svg: str, size: tuple[int, int]) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    img = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    renderer.render(painter, QRectF(0, 0, size[0], size[1]))
    painter.end()
    return img


def _compare(svg: str, path: Path, size: tuple[int, int], zone: str = "z") -> tuple[int, int]:
    """Return (pixels that disagree, pixels inside) between reference and path."""
    path.write_text(svg, encoding="utf-8")
    shape = load_zones(path)[zone]
    img = _raster(svg, size)
    dark = [[img.pixelColor(x, y).red() < 128 for x in range(size[0])] for y in range(size[1])]
    bad = inside = 0
    for y in range(1, size[1] - 1):
        for x in range(1, size[0] - 1):
            block = {dark[y + dy][x + dx] for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
            if len(block) > 1:
                continue  # on an edge: antialiasing decides, not geometry
            ref = dark[y][x]
            inside += ref
            bad += ref != shape.contains(QPointF(x + 0.5, y + 0.5))
    return bad, inside


CASES = {
    "nested-transforms-skew-rounded-rect-circle": _svg(
        '<g transform="translate(20,10)"><g data-zone="z" transform="skewX(20) rotate(10)">'
        '<rect x="10" y="10" width="80" height="60" rx="15"/><circle cx="120" cy="120" r="40"/></g></g>'
    ),
    "matrix-use-ellipse-polygon-polyline": _svg(
        '<defs><ellipse id="e" cx="40" cy="40" rx="30" ry="15"/></defs>'
        '<use data-zone="z" xlink:href="#e" transform="matrix(1 0.3 -0.2 1 50 30)"/>'
        '<polygon data-zone="z" points="150,10 190,60 120,60"/>'
        '<polyline data-zone="z" points="10,150 60,190 10,190"/>'
    ),
    "arcs-quads-cubics-relative-viewbox": _svg(
        '<path data-zone="z" d="M10 100 a 60 40 30 1 1 120 20 q 30 60 -40 60 t -50 -30 '
        'c 10 -20 20 -30 5 -40 s -10 -10 -20 -5 z"/>',
        viewbox="0 0 100 100",
    ),
    "evenodd-hole": _svg(
        '<path data-zone="z" fill-rule="evenodd" d="M10,10 h150 v150 h-150 z M40,40 h80 v80 h-80 z"/>'
    ),
    "nonzero-default-no-hole": _svg('<path data-zone="z" d="M10,10 h150 v150 h-150 z M40,40 h80 v80 h-80 z"/>'),
    "evenodd-from-style-and-group": _svg(
        '<g style="fill-rule:evenodd" data-zone="z"><path d="M10,10 h150 v150 h-150 z M40,40 h80 v80 h-80 z"/></g>'
    ),
    "mirrored-arc-in-use-of-group": _svg(
        '<defs><g id="g"><path d="M20,20 A 40 25 20 0 1 100 60 L 20 80 Z"/><circle cx="60" cy="120" r="30"/></g></defs>'
        '<use xlink:href="#g" data-zone="z" transform="translate(190,10) scale(-1,1)"/>'
    ),
    "viewbox-scaled-down-and-offset": _svg(
        '<g data-zone="z"><rect x="110" y="120" width="200" height="100" rx="30" ry="10"/>'
        '<circle cx="300" cy="320" r="60"/></g>',
        size=(200, 150),
        viewbox="100 100 400 300",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_zone_shape_matches_rasterised_reference(name: str, tmp_path: Path) -> None:
    svg = CASES[name]
    size = (200, 150) if "offset" in name else (200, 200)
    bad, inside = _compare(svg, tmp_path / f"{name}.svg", size)
    assert inside > 500, "the reference drew (almost) nothing: the case is broken"
    assert bad == 0, f"{bad} of the pixels away from edges disagree with the reference"


def test_evenodd_hole_is_outside_and_nonzero_hole_is_inside(tmp_path: Path) -> None:
    ring = "M10,10 h150 v150 h-150 z M40,40 h80 v80 h-80 z"
    svg = _svg(f'<path data-zone="odd" fill-rule="evenodd" d="{ring}"/><path data-zone="wind" d="{ring}"/>')
    (tmp_path / "a.svg").write_text(svg)
    zones = load_zones(tmp_path / "a.svg")
    centre = QPointF(80, 80)
    assert not zones["odd"].contains(centre)
    assert zones["wind"].contains(centre)


def test_fill_none_is_still_a_zone_inside(tmp_path: Path) -> None:
    svg = _svg('<circle data-zone="ring" cx="100" cy="100" r="50" fill="none" stroke="black"/>')
    (tmp_path / "a.svg").write_text(svg)
    assert load_zones(tmp_path / "a.svg")["ring"].contains(QPointF(100, 100))


def test_zone_is_union_of_every_element_carrying_it(tmp_path: Path) -> None:
    svg = _svg(
        '<rect data-zone="z" x="0" y="0" width="50" height="50"/>'
        '<g data-zone="z"><rect x="100" y="100" width="50" height="50"/></g>'
        '<defs><rect id="r" x="0" y="150" width="40" height="40"/></defs><use data-zone="z" xlink:href="#r"/>'
    )
    (tmp_path / "a.svg").write_text(svg)
    z = load_zones(tmp_path / "a.svg")["z"]
    for p in (QPointF(25, 25), QPointF(125, 125), QPointF(20, 170)):
        assert z.contains(p)
    assert not z.contains(QPointF(75, 75))


def test_builtin_art_has_every_zone_on_both_soles_and_side() -> None:
    art = load_art(asset_path("art/feet.svg"))
    sole = {"toes", "metatarsus", "arch", "heel", "medial-edge"}
    side = {"medial-edge", "ankle", "achilles", "top"}
    for view in ("sole-left", "sole-right"):
        assert {s.zone for s in art.shapes if s.view == view} == sole
    assert {s.zone for s in art.shapes if s.view == "side"} == side
    assert set(art.views) == {"sole-left", "sole-right", "side"}
    # mirrored: each foot's inner edge faces the other
    left_medial = next(s.path for s in art.shapes if s.view == "sole-left" and s.zone == "medial-edge")
    right_medial = next(s.path for s in art.shapes if s.view == "sole-right" and s.zone == "medial-edge")
    assert left_medial.boundingRect().center().x() > art.views["sole-left"].center().x()
    assert right_medial.boundingRect().center().x() < art.views["sole-right"].center().x()


BAD_ART = {
    "malformed.svg": (f"{SVG_HEAD}><rect", "not well-formed XML"),
    "dtd.svg": ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "x">]>' + f"{SVG_HEAD}/>", "refuses for safety"),
    "notsvg.svg": ("<html/>", "not <svg>"),
    "nozones.svg": (_svg('<rect width="10" height="10"/>'), "no element has a data-zone"),
    "garbage-d.svg": (_svg('<path data-zone="z" d="M0 0 L 10 10 L foo"/>'), 'near "foo"'),
    "zero-viewbox.svg": (_svg('<rect data-zone="z" width="1" height="1"/>', viewbox="0 0 0 0"), "viewBox"),
    "nan.svg": (_svg('<rect data-zone="z" x="1e400" width="1" height="1"/>'), "not a usable number"),
    "deep.svg": (SVG_HEAD + ">" + "<g>" * 200 + "</g>" * 200 + "</svg>", "nested more than"),
    "binary.svg": ("\x00\x01\x02junk", "not well-formed XML"),
}


@pytest.mark.parametrize("filename", sorted(BAD_ART))
def test_bad_art_raises_art_error_naming_file_and_problem(filename: str, tmp_path: Path) -> None:
    text, expected = BAD_ART[filename]
    path = tmp_path / filename
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ArtError) as info:
        load_zones(path)
    message = str(info.value)
    assert message.startswith(f"{filename}:")
    assert expected in message
    assert "\n" not in message
    assert isinstance(info.value, ValueError)


def test_missing_file_is_an_art_error(tmp_path: Path) -> None:
    with pytest.raises(ArtError, match="nope.svg: no such file"):
        load_zones(tmp_path / "nope.svg")


def test_self_referencing_use_is_an_art_error(tmp_path: Path) -> None:
    path = tmp_path / "loop.svg"
    path.write_text(_svg('<g id="a" data-zone="z"><rect width="5" height="5"/><use xlink:href="#a"/></g>'))
    with pytest.raises(ArtError, match="loop.svg: "):
        load_zones(path)
