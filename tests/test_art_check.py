"""What check says about custom art: each construct QtSvg draws differently, with its line; zones nobody can touch."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from reflexmap.app.files import builtin_content, load_files
from reflexmap.art_check import warnings
from reflexmap.geometry import load_art
from reflexmap.options import Paths
from reflexmap.resources import asset_path

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="200">'
ZONES = '<rect data-zone="arch" x="100" y="100" width="50" height="50"/>'  # something that is fine


def _check(tmp_path: Path, body: str, head: str = HEAD) -> list[str]:
    path = tmp_path / "art.svg"
    path.write_text(f"{head}\n{body}\n{ZONES}\n</svg>\n", encoding="utf-8")
    return [str(w) for w in warnings(load_art(path), builtin_content().zone_ids)]


def test_the_built_in_feet_need_no_warning(qtbot: QtBot) -> None:
    assert warnings(load_art(asset_path("art/feet.svg")), builtin_content().zone_ids) == []


CONSTRUCTS = {
    "ignored unit": (
        '<rect data-zone="heel" width="50" height="50" rx="1em"/>',
        'art.svg: line 2: Qt\'s SVG engine does not know the unit of rx="1em" on <rect> and reads it as 0',
    ),
    "unreadable for svgelements": (
        '<rect data-zone="heel" width="50" height="50" rx="1em"/>',
        'art.svg: line 2: svgelements could not read this <rect> (zone "heel"): em units were not determined, so '
        "reflexmap cannot double-check where it is drawn.",
    ),
    "em width": (
        '<rect data-zone="heel" width="5em" height="50"/>',
        'art.svg: line 2: Qt\'s SVG engine does not know the unit of width="5em" on <rect> and reads it as 0'
        ' (zone "heel")',
    ),
    "mm": (
        '<rect data-zone="heel" width="10mm" height="50"/>',
        'art.svg: line 2: Qt\'s SVG engine draws width="10mm" on <rect> about 6% smaller than the SVG standard',
    ),
    "pc": (
        '<rect data-zone="heel" width="3pc" height="50"/>',
        'art.svg: line 2: Qt\'s SVG engine ignores the unit of width="3pc" on <rect> and reads it as 3 px, where the '
        "SVG standard says 48 px",
    ),
    "attribute selector": (
        '<style>\nrect[data-zone="heel"] { fill: red }\n</style><rect data-zone="heel" width="50" height="50"/>',
        'art.svg: line 3: Qt\'s SVG engine does not apply an attribute selector ([data-zone="heel"]) in CSS',
    ),
    "var": (
        '<style>rect { fill: var(--skin) }</style><rect data-zone="heel" width="50" height="50"/>',
        "art.svg: line 2: Qt's SVG engine does not apply a custom property (var()) in CSS",
    ),
    "light-dark": (
        '<rect data-zone="heel" width="50" height="50" fill="light-dark(#fff, #000)"/>',
        'art.svg: line 2: Qt\'s SVG engine does not know light-dark() in fill (zone "heel")',
    ),
    "nested svg": (
        '<svg x="0" y="0" width="100" height="100"><rect data-zone="heel" width="50" height="50"/></svg>',
        "art.svg: line 2: Qt's SVG engine skips a nested <svg> (or a <use> of one): nothing inside it is drawn "
        '(zone "heel")',
    ),
    "preserveAspectRatio": (
        '<rect data-zone="heel" width="50" height="50"/>',
        'art.svg: line 1: preserveAspectRatio="none" is ignored',
    ),
    "broken style": (
        '<rect data-zone="heel" width="50" height="50" style="fill:#c96;;stroke:#000"/>',
        "art.svg: line 2: Qt's SVG engine stops reading this style at an empty or broken declaration and ignores"
        ' what follows ("stroke:#000")',
    ),
    "duplicate id": (
        '<defs><rect id="r" width="50" height="50"/><rect id="r" width="20" height="20"/></defs>'
        '<use data-zone="heel" xlink:href="#r"/>',
        'art.svg: line 2: the id "r" is used by 2 elements',
    ),
    "clip outside defs": (
        '<g data-zone="heel"><clipPath id="c"><rect width="30" height="30"/></clipPath>'
        '<rect width="50" height="50" clip-path="url(#c)"/></g>',
        "art.svg: line 2: this <clipPath> is not inside <defs>",
    ),
}


@pytest.mark.parametrize("name", sorted(CONSTRUCTS))
def test_each_construct_is_named_with_its_line(name: str, tmp_path: Path, qtbot: QtBot) -> None:
    body, expected = CONSTRUCTS[name]
    head = HEAD.replace(">", ' preserveAspectRatio="none">') if name == "preserveAspectRatio" else HEAD
    found = _check(tmp_path, body, head)
    assert any(w.startswith(expected) for w in found), found


def test_zones_nobody_can_touch(tmp_path: Path, qtbot: QtBot) -> None:
    found = _check(
        tmp_path,
        '<rect data-zone="heel" width="0" height="50"/>'
        '<rect data-zone="toes" x="10" y="10" width="20" height="20"/>'
        '<rect data-zone="metatarsus" x="0" y="0" width="60" height="60"/>'
        '<defs><rect data-zone="ankle" width="9" height="9"/></defs>',
    )
    assert any(w.startswith('art.svg: line 2: zone "heel" draws nothing, so it cannot be touched') for w in found)
    assert any('zone "toes" is entirely covered by "metatarsus" drawn after it' in w for w in found)
    assert any('zone "ankle" is never drawn' in w for w in found)


def test_where_the_two_readings_disagree_the_zone_and_the_cause_are_named(tmp_path: Path, qtbot: QtBot) -> None:
    found = _check(tmp_path, '<rect data-zone="heel" width="10vw" height="80"/>')  # svgelements: 10 px; QtSvg: 0
    assert any('zone "heel" draws nothing' in w and 'because of width="10vw" on line 2' in w for w in found), found


def test_the_art_is_still_used_and_check_lists_the_findings(tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "salon.svg"
    path.write_text(f'{HEAD}<rect data-zone="heel" width="10mm" height="50"/></svg>', encoding="utf-8")
    loaded = load_files(Paths(art=path))
    assert loaded.art.source == path  # a warning is no reason to fall back
    assert any(p.startswith("salon.svg: line 1: Qt's SVG engine draws width=") for p in loaded.problems)
    again = load_files(Paths(art=path))  # remembered with the file's bytes
    assert again.problems == loaded.problems


def test_art_the_engine_cannot_draw_falls_back_with_a_sentence(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reflexmap import art_check
    from reflexmap.messages import Message

    path = tmp_path / "salon.svg"
    path.write_text(f'{HEAD}<rect data-zone="heel" width="50" height="50"/></svg>', encoding="utf-8")
    refusal = Message("{file}: Qt's SVG engine cannot draw this file ({detail}).", file="salon.svg", detail="x")
    monkeypatch.setattr(art_check, "unusable", lambda art: refusal)
    loaded = load_files(Paths(art=path))
    assert loaded.art.source == asset_path("art/feet.svg")
    assert loaded.problems == [refusal]


#: An element with one length in it, for each attribute whose unit check describes (see constructs.qt_length).
LENGTH_IN = {
    ("rect", "x"): '<rect x="{v}" y="50" width="100" height="60"/>',
    ("rect", "y"): '<rect x="50" y="{v}" width="100" height="60"/>',
    ("rect", "width"): '<rect x="50" y="50" width="{v}" height="60"/>',
    ("rect", "height"): '<rect x="50" y="50" width="60" height="{v}"/>',
    ("rect", "rx"): '<rect x="50" y="50" width="200" height="200" rx="{v}"/>',
    ("rect", "ry"): '<rect x="50" y="50" width="200" height="200" ry="{v}"/>',
    ("circle", "cx"): '<circle cx="{v}" cy="100" r="30"/>',
    ("circle", "r"): '<circle cx="150" cy="150" r="{v}"/>',
    ("ellipse", "rx"): '<ellipse cx="150" cy="150" rx="{v}" ry="30"/>',
    ("line", "x1"): '<line x1="{v}" y1="10" x2="300" y2="200" stroke="#000" stroke-width="5"/>',
    ("line", "y2"): '<line x1="10" y1="10" x2="300" y2="{v}" stroke="#000" stroke-width="5"/>',
    (
        "rect",
        "stroke-width",
    ): '<rect x="50" y="50" width="99" height="99" fill="none" stroke="#000" stroke-width="{v}"/>',
    ("path", "stroke-width"): '<path d="M50 50h99v99z" fill="none" stroke="#000" style="stroke-width:{v}"/>',
    ("use", "x"): '<defs><rect id="r" width="50" height="50"/></defs><use href="#r" x="{v}" y="50"/>',
    ("image", "width"): '<image x="10" y="10" width="{v}" height="99" preserveAspectRatio="none" href="{png}"/>',
}
#: Every unit of CSS, and some spellings QtSvg reads differently.
UNITS = [*"px % mm cm in pt pc q Q em ex rem ch lh rlh vw vh vmin vmax vi vb ic cap MM PX Pt".split()]


def _rendered(body: str) -> QImage:
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">{body}</svg>'
    image = QImage(400, 400, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(svg.encode())).render(painter, QRectF(0, 0, 400, 400))
    painter.end()
    return image


@pytest.mark.qt_log_ignore("image was not greater than 0")  # QtSvg's own word for a width it reads as 0
def test_what_check_says_qtsvg_does_with_each_unit_is_what_it_draws(tmp_path: Path, qtbot: QtBot) -> None:
    import base64

    from reflexmap.art_check.constructs import qt_length

    pixel = QImage(4, 4, QImage.Format.Format_ARGB32)
    pixel.fill(0xFF336699)
    pixel.save(str(tmp_path / "pixel.png"))
    png = "data:image/png;base64," + base64.b64encode((tmp_path / "pixel.png").read_bytes()).decode()
    wrong = []
    for (tag, attribute), element in LENGTH_IN.items():
        for unit in UNITS:
            claim = qt_length(tag, attribute, 20.0, unit)
            assert claim is not None, (tag, attribute)
            drawn = _rendered(element.format(v=f"20{unit}", png=png))
            if drawn != _rendered(element.format(v=f"{claim:.6f}", png=png)):
                wrong.append(f'{attribute}="20{unit}" on <{tag}> is not {claim:g} px')
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("length", "said"),
    [
        ('width="5q"', 'does not know the unit of width="5q" on <rect> and reads it as 0'),
        ('width="5MM"', 'does not know the unit of width="5MM" on <rect> and reads it as 0'),
        ('width="5%"', 'reads width="5%" on <rect> as 5 px, not as a share of the drawing\'s size'),
        (
            'width="5pc"',
            'ignores the unit of width="5pc" on <rect> and reads it as 5 px, where the SVG standard says 80',
        ),
        ('x="5mm" width="5"', 'ignores the unit of x="5mm" on <rect> and reads it as 5 px'),
        ('width="5mm"', 'draws width="5mm" on <rect> about 6% smaller'),
        ('width="5" rx="2em"', 'does not know the unit of rx="2em" on <rect> and reads it as 0'),
    ],
)
def test_check_says_what_qtsvg_does_with_a_unit(length: str, said: str, tmp_path: Path, qtbot: QtBot) -> None:
    found = _check(tmp_path, f'<rect data-zone="heel" {length} height="50"/>')
    assert any(said in w for w in found), found
    assert not any("6% smaller" in w for w in found if said.startswith(("does not know", "reads", "ignores"))), found


def test_a_zone_hidden_is_said_to_be_hidden_not_blamed_on_a_style_sheet(tmp_path: Path, qtbot: QtBot) -> None:
    found = _check(
        tmp_path,
        '<style>\n.hid { visibility: hidden }\nrect[data-zone="toes"] { fill: red }\n</style>\n'
        '<g data-zone="heel"><rect class="hid" width="20" height="20"/>\n'
        '<rect x="30" width="20" height="20" style="display:none"/></g>',
    )
    heel = next(w for w in found if 'zone "heel" draws nothing' in w)
    assert "because it is hidden (visibility: hidden on line 6, display: none on line 7)" in heel, heel
    assert "line 4" not in heel  # the attribute selector styles another zone


def test_a_style_sheet_rule_is_only_a_possible_cause(tmp_path: Path, qtbot: QtBot) -> None:
    found = _check(tmp_path, '<style>\nrect[data-zone="toes"] { fill: red }\n</style>\n<rect data-zone="heel"/>')
    heel = next(w for w in found if 'zone "heel" draws nothing' in w)
    assert heel.endswith(", possibly because of what is on line 3."), heel


def test_markers_and_percentages_are_named_where_the_readings_disagree(tmp_path: Path, qtbot: QtBot) -> None:
    found = _check(
        tmp_path,
        '<defs><marker id="m" markerWidth="40" markerHeight="40"><rect width="40" height="40"/></marker></defs>'
        '<path data-zone="heel" d="M10 10 L 10 90" stroke="#000" stroke-width="4" marker-end="url(#m)"/>\n'
        '<rect data-zone="toes" x="100" y="10" width="40%" height="40"/>',
    )
    heel = next(w for w in found if 'zone "heel": svgelements' in w)
    toes = next(w for w in found if 'zone "toes": svgelements' in w)
    assert heel.endswith('because of marker-end="url(#m)" on line 2.'), heel
    assert toes.endswith('because of width="40%" on line 3.'), toes
    assert not any("cannot name" in w for w in found), found


def test_what_qtsvg_says_is_shown_whole_with_its_line(tmp_path: Path, qtbot: QtBot) -> None:
    found = _check(tmp_path, '<svg x="0" width="9" height="9"><rect width="5" height="5"/></svg>')
    assert (
        "art.svg: Qt's SVG engine says: Skipping a nested svg element, because SVG Document must not contain nested "
        "svg elements in Svg Tiny 1.2" in found
    ), found
    found = _check(tmp_path, '<rect data-zone="heel" width="5" height="5" fill="url(#nowhere)"/>')
    # QtSvg resolves references at the end of the file: the line is where its reader was, said as such
    assert "art.svg: Qt's SVG engine says, reading line 4: Could not resolve property: nowhere" in found, found
