"""Custom art as design tools write it: every zone touchable exactly where it is drawn, and what check says.

``tests/art/`` holds one five-zone foot chart in the idioms of Inkscape,
Illustrator (Save As, and Export As, both with its clipping-mask habit),
Figma, Affinity Designer, CorelDRAW, Sketch and draw.io, a hand-written
``<symbol>`` + ``<use>`` file, one whose symbols are sized by their
``<use>``, and one whose medial edge is a thick open line.  For each, the
map's hit test must agree, pixel by pixel, with QtSvg's rendering of each
zone alone (tests/support/pictures.py), and ``check`` must accept the file
or name exactly what will go wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reflexmap.app.files import builtin_content
from reflexmap.art_check import warnings
from reflexmap.cli import check_command
from reflexmap.geometry import load_art
from reflexmap.i18n import Language
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.foot_map import FootMap
from tests.support.pictures import compare

CORPUS = Path(__file__).resolve().parent.parent / "art"
ORDER = ("toes", "metatarsus", "arch", "heel", "medial-edge")  # the order every chart draws its zones in

#: What check says about each file: every finding matches one of these, and each of these one finding.
CHECK = {
    "inkscape.svg": [],
    "illustrator-save-as.svg": [
        "line 31: this <clipPath> is not inside <defs>, so Qt's SVG engine draws its shapes as part of the picture"
        ' (zone "heel")',
        "line 34: Qt's SVG engine ignores clip-path, so this <rect> is drawn, and touchable, beyond its clipping shape"
        ' (zone "heel")',
        'line 17: zone "toes" is almost entirely covered by "heel" drawn after it',
        'line 23: zone "metatarsus" is almost entirely covered by "heel", "medial-edge" drawn after it',
        'line 24: zone "arch" is almost entirely covered by "heel", "medial-edge" drawn after it',
        'line 25: zone "heel": svgelements (the SVG standard) and Qt\'s SVG engine (the picture) disagree on',
    ],
    "illustrator-export-as.svg": [
        "line 70: Qt's SVG engine ignores clip-path, so this <g> is drawn, and touchable, beyond its clipping shape"
        ' (zone "heel")',
    ],
    "figma.svg": [],  # its clip-path is the artboard's: it cuts nothing, so nothing to say
    "affinity.svg": [],
    "coreldraw.svg": [],
    "sketch.svg": [],
    "drawio.svg": ["line 3: where a browser draws nothing for this <switch>, Qt's SVG engine draws its fallback"],
    "symbol-use.svg": [],
    "symbol-sized.svg": [
        "line 13, 14, 15, 16, 17: Qt's SVG engine draws the <symbol> this <use> shows at the symbol's own size",
    ],
    "stroke-zone.svg": [],
}


def _cases() -> list[str]:
    # Affinity, CorelDRAW and draw.io always write <!DOCTYPE svg PUBLIC ...>: accepted (no internal subset)
    return sorted(CHECK)


def test_the_corpus_is_every_file_in_tests_art() -> None:
    assert sorted(p.name for p in CORPUS.glob("*.svg")) == sorted(CHECK)


@pytest.mark.parametrize("name", _cases())
def test_every_zone_is_touchable_exactly_where_it_is_drawn(name: str, qtbot: QtBot) -> None:
    art = load_art(CORPUS / name)
    fmap = FootMap(art, builtin_content(), Language("en"), TextSize())
    qtbot.addWidget(fmap)
    fmap.resize(260, 480)
    fmap.show()
    qtbot.waitExposed(fmap)
    result = compare(fmap, (CORPUS / name).read_bytes(), ORDER, (art.size.width(), art.size.height()))
    assert result.drawn > 20_000, "too few pixels were sure enough to compare: the case is broken"
    assert not result.mismatches, f"{len(result.mismatches)} of {result.compared} pixels: {result.mismatches[:8]}"


@pytest.mark.parametrize("name", _cases())
def test_check_accepts_it_or_names_what_will_go_wrong(name: str, qtbot: QtBot) -> None:
    found = [str(w) for w in warnings(load_art(CORPUS / name), builtin_content().zone_ids)]
    expected = CHECK[name]
    unexpected = [w for w in found if not any(f"{name}: {e}" in w for e in expected)]
    missing = [e for e in expected if not any(f"{name}: {e}" in w for w in found)]
    assert not unexpected and not missing, f"unexpected: {unexpected}\nmissing: {missing}"
    assert all(w.startswith(f"{name}: ") and "\n" not in w for w in found)


def test_the_check_command_prints_the_findings_and_fails(capsys: pytest.CaptureFixture[str], qtbot: QtBot) -> None:
    assert check_command(["--art", str(CORPUS / "illustrator-export-as.svg")]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    advice = "cut the shapes to the outline instead of clipping them."
    assert out == [f"illustrator-export-as.svg: {CHECK['illustrator-export-as.svg'][0]}; {advice}"]
    assert check_command(["--art", str(CORPUS / "inkscape.svg")]) == 0
    assert "no problems" in capsys.readouterr().out
