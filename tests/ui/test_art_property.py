"""Generated drawings: the map's hit test agrees with the rendered picture, pixel by pixel.

Random shapes (rectangles, circles, ellipses, polygons with either fill
rule, closed and open paths, lines), random transforms, some shown through
``<use>`` (with offsets and transforms of their own), strokes of any width,
fills painted, "none" or see-through, zones overlapping in paint order and a
decoration over everything.  The reference draws each zone alone as the rule
says it counts (tests/support/pictures.py compares): its fill area opaque
(an open line's only if painted), its stroke opaque, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from reflexmap.app.files import builtin_content
from reflexmap.geometry import load_art
from reflexmap.i18n import Language
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.foot_map import FootMap
from tests.support.pictures import compare_with

SIZE = 160
HEAD = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    f'width="{SIZE}" height="{SIZE}" viewBox="0 0 {SIZE} {SIZE}">'
)
ZONES = ("toes", "metatarsus", "arch", "heel")


@dataclass(frozen=True)
class Shape:
    tag: str
    geometry: str  # attributes that place it
    closed: bool
    transform: str
    fill: str  # a colour or "none"
    stroke: float  # width, 0 for none
    opacity: str
    via_use: bool
    use_offset: tuple[int, int]

    def element(self, reference: bool, key: str) -> tuple[str, str]:
        """The shape as it is drawn (or, for ``reference``, as the rule counts it), and what goes into <defs>."""
        if reference:
            fill = "#000" if self.closed or self.fill != "none" else "none"
            paint = f'fill="{fill}" stroke="{"#000" if self.stroke else "none"}" stroke-width="{self.stroke}"'
        else:
            paint = (
                f'fill="{self.fill}" stroke="{"#468" if self.stroke else "none"}" stroke-width="{self.stroke}" '
                f'opacity="{self.opacity}"'
            )
        where = f' transform="{self.transform}"' if self.transform else ""
        if not self.via_use:
            return f"<{self.tag} {self.geometry} {paint}{where}/>", ""
        x, y = self.use_offset
        shape = f'<{self.tag} id="{key}" {self.geometry}{where}/>'
        return f'<use xlink:href="#{key}" x="{x}" y="{y}" {paint}/>', shape


coordinate = st.integers(10, SIZE - 10)


@st.composite
def shapes(draw: st.DrawFn) -> Shape:
    tag = draw(st.sampled_from(["rect", "circle", "ellipse", "polygon", "path", "line"]))
    closed = True
    if tag == "rect":
        x, y = draw(coordinate), draw(coordinate)
        w, h, r = draw(st.integers(8, 70)), draw(st.integers(8, 70)), draw(st.integers(0, 12))
        geometry = f'x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}"'
    elif tag == "circle":
        geometry = f'cx="{draw(coordinate)}" cy="{draw(coordinate)}" r="{draw(st.integers(6, 40))}"'
    elif tag == "ellipse":
        geometry = (
            f'cx="{draw(coordinate)}" cy="{draw(coordinate)}" rx="{draw(st.integers(6, 45))}" '
            f'ry="{draw(st.integers(6, 45))}"'
        )
    elif tag == "polygon":
        points = " ".join(f"{draw(coordinate)},{draw(coordinate)}" for _ in range(draw(st.integers(3, 6))))
        geometry = f'points="{points}" fill-rule="{draw(st.sampled_from(["nonzero", "evenodd"]))}"'
    elif tag == "path":
        closed = draw(st.booleans())
        segments = " ".join(
            f"C {draw(coordinate)} {draw(coordinate)} {draw(coordinate)} {draw(coordinate)} {draw(coordinate)} "
            f"{draw(coordinate)}"
            for _ in range(draw(st.integers(1, 3)))
        )
        d = f"M {draw(coordinate)} {draw(coordinate)} {segments}{' Z' if closed else ''}"
        geometry = f'd="{d}" fill-rule="{draw(st.sampled_from(["nonzero", "evenodd"]))}"'
    else:
        closed = False
        geometry = f'x1="{draw(coordinate)}" y1="{draw(coordinate)}" x2="{draw(coordinate)}" y2="{draw(coordinate)}"'
    transform = draw(
        st.sampled_from(
            ["", "translate(7 -5)", "rotate(17 80 80)", "scale(0.8)", "skewX(12)", "matrix(0.9 0.2 -0.15 1.05 6 -4)"]
        )
    )
    stroke = draw(st.sampled_from([0, 0, 1.5, 4, 9, 14]))
    if tag == "line" and not stroke:
        stroke = 6  # a line without a stroke draws nothing at all
    return Shape(
        tag,
        geometry,
        closed,
        transform,
        draw(st.sampled_from(["#c86", "#8c6", "none"])),
        stroke,
        draw(st.sampled_from(["1", "1", "0.4", "0"])),
        draw(st.booleans()),
        (draw(st.integers(-15, 15)), draw(st.integers(-15, 15))),
    )


drawings = st.lists(st.lists(shapes(), min_size=1, max_size=3), min_size=1, max_size=len(ZONES))


def _document(zones: list[list[Shape]], only: int | None = None) -> bytes:
    defs, body = [], []
    for z, zone_shapes in enumerate(zones):
        if only is not None and z != only:
            continue
        drawn = []
        for s, shape in enumerate(zone_shapes):
            element, definition = shape.element(only is not None, f"s{z}-{s}")
            drawn.append(element)
            defs.append(definition)
        body.append(f'<g data-zone="{ZONES[z]}">{"".join(drawn)}</g>')
    if only is None:  # a veil over everything: seen, but never in the way of a touch
        body.append('<rect x="0" y="0" width="60" height="160" fill="#fff" opacity="0.5"/>')
    return f"{HEAD}<defs>{''.join(defs)}</defs>{''.join(body)}</svg>".encode()


@settings(
    max_examples=35, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(zones=drawings)
def test_the_hit_test_agrees_with_the_picture_pixel_by_pixel(
    zones: list[list[Shape]], qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "generated.svg"
    path.write_bytes(_document(zones))
    fmap = FootMap(load_art(path), builtin_content(), Language("en"), TextSize())
    qtbot.addWidget(fmap)
    fmap.resize(200, 190)  # a scale of 1.0875 and a picture off the whole pixel: the map snaps it
    fmap.show()
    qtbot.waitExposed(fmap)
    references = [(ZONES[z], _document(zones, z)) for z in range(len(zones))]
    result = compare_with(fmap, references, (SIZE, SIZE))
    fmap.close()
    fmap.deleteLater()
    assert result.compared > 1000
    assert not result.mismatches, f"{len(result.mismatches)} of {result.compared}: {result.mismatches[:6]}"
