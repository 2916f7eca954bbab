"""What check says about custom art: each construct QtSvg draws differently, with its line; zones nobody can touch."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reflexmap.app.files import builtin_content, load_files
from reflexmap.art_check import warnings
from reflexmap.geometry import ArtError, load_art
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
        None,  # svgelements refuses this one (see below); QtSvg alone would draw it with square corners
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
        'art.svg: line 2: Qt\'s SVG engine reads width="3pc" on <rect> as pixels',
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
    if expected is None:
        with pytest.raises(ArtError, match=r"^art\.svg: svgelements could not read element"):
            _check(tmp_path, body, head)
        return
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
    assert any('zone "heel" draws nothing' in w and "because of what is on line 2" in w for w in found), found


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
