"""The limits a salon's files must keep, and loaders that turn whatever the libraries raise into one sentence."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from PySide6.QtGui import QPainterPath

from reflexmap import geometry, schema
from reflexmap.config import MAX_PIN_ITERATIONS, ConfigError, load_config
from reflexmap.geometry import MAX_PIECES, ArtError, load_art
from reflexmap.kiosk.pins import PIN_ITERATIONS, hash_pin, verify_pin
from reflexmap.routines import MAX_ROUTINE_FILES, RoutineError, load_routine, load_routines

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
ROUTINE = (
    'name = { en = "R", uk = "Р" }\ndescription = { en = "d", uk = "о" }\n'
    '[[steps]]\nzone = "heel"\nfoot = "left"\nduration = 10\ninstruction = { en = "a", uk = "б" }\n'
)


def test_at_most_200_routine_files_are_read_from_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "routines"
    folder.mkdir()
    for i in range(MAX_ROUTINE_FILES + 50):
        (folder / f"r{i:03}.toml").write_text(ROUTINE, encoding="utf-8")
    routines, notices = load_routines([folder])
    assert len(routines) == MAX_ROUTINE_FILES == 200
    assert routines[-1].id == "r199"  # the first 200 by name
    assert notices == [f"{folder}: 250 routine files; reflexmap reads the first 200 (by name) and skips the rest."]


# --- the staff PIN -----------------------------------------------------------------------------------------


def _config_with_rounds(tmp_path: Path, rounds: int) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[kiosk]\npin_hash = "{hash_pin("2468", iterations=1000).replace("$1000$", f"${rounds}$")}"\n',
        encoding="utf-8",
    )
    return path


def test_a_pin_hash_may_ask_for_at_most_500000_rounds(tmp_path: Path) -> None:
    assert load_config(_config_with_rounds(tmp_path, MAX_PIN_ITERATIONS)).kiosk.pin_hash
    with pytest.raises(
        ConfigError,
        match=r"config.toml: line 2, field kiosk.pin_hash: asks for 500,001 rounds, more "
        r"than 500,000",
    ):
        load_config(_config_with_rounds(tmp_path, MAX_PIN_ITERATIONS + 1))
    assert PIN_ITERATIONS <= MAX_PIN_ITERATIONS


def test_a_pin_hash_beyond_the_limit_never_matches_and_is_never_computed(monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib

    stored = hash_pin("2468", iterations=1000).replace("$1000$", "$9999999$")

    def forbidden(*args: object) -> bytes:
        raise AssertionError("PBKDF2 ran 9,999,999 rounds")

    monkeypatch.setattr(hashlib, "pbkdf2_hmac", forbidden)
    assert verify_pin("2468", stored) is False
    with pytest.raises(ValueError):
        hash_pin("2468", iterations=MAX_PIN_ITERATIONS + 1)


# --- TOML: nesting, and whatever tomllib or msgspec raise ---------------------------------------------------


@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ("{ a = ", " }")])
def test_toml_nested_deeper_than_32_is_refused_before_parsing(
    opening: str, closing: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tomllib

    def never(text: str) -> object:
        raise AssertionError("tomllib was given it")

    path = tmp_path / "deep.toml"
    path.write_text(f"{ROUTINE}x = {opening * 33}1{closing * 33}\n", encoding="utf-8")
    monkeypatch.setattr(tomllib, "loads", never)
    with pytest.raises(RoutineError, match=r"^deep.toml: line 8: lists or tables are nested more than 32 deep\.$"):
        load_routine(path)
    monkeypatch.undo()
    path.write_text(f"{ROUTINE}x = {opening * 32}1{closing * 32}\n", encoding="utf-8")
    assert load_routine(path).id == "deep"  # 32 is fine (and the unknown key is ignored)


def test_brackets_inside_strings_and_comments_do_not_count(tmp_path: Path) -> None:
    text = 'a = "[[[[" # {{{{\nb = \'\'\'\n[[[[\n\'\'\'\nc = """\\"[[[["""\nd = [[1]]\n'
    assert schema.nesting(text * 20) == (2, 6)


@pytest.mark.parametrize(
    "raised",
    [
        RecursionError("maximum recursion depth exceeded"),
        MemoryError(),
        OverflowError("int too large"),
        KeyError("x"),
        UnicodeError("odd"),
    ],
)
def test_whatever_the_toml_parser_raises_becomes_one_sentence(
    raised: BaseException, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tomllib

    def parse(text: str) -> object:
        raise raised

    path = tmp_path / "r.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    monkeypatch.setattr(tomllib, "loads", parse)
    with pytest.raises(RoutineError) as info:
        load_routine(path)
    assert str(info.value).startswith("r.toml: ") and str(info.value).endswith(".")


@pytest.mark.parametrize("raised", [RecursionError(), MemoryError(), OverflowError("too big"), TypeError("odd")])
def test_whatever_msgspec_raises_becomes_one_sentence(
    raised: BaseException, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import msgspec

    def convert(*args: object, **kwargs: object) -> object:
        raise raised

    path = tmp_path / "r.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    monkeypatch.setattr(msgspec, "convert", convert)
    with pytest.raises(RoutineError, match=r"^r\.toml: "):
        load_routine(path)


# --- art ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raised",
    [
        KeyError("x"),
        ValueError("em units were not determined."),
        MemoryError(),
        RecursionError(),
        IndexError(),
        AttributeError("no"),
        TypeError("odd"),
        __import__("xml.etree.ElementTree", fromlist=["ParseError"]).ParseError("bad"),
    ],
)
def test_whatever_svgelements_raises_becomes_an_art_error(
    raised: BaseException, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import svgelements

    def parse(*args: object, **kwargs: object) -> object:
        raise raised

    path = tmp_path / "art.svg"
    path.write_text(f'{SVG}<rect data-zone="heel" width="1" height="1"/></svg>', encoding="utf-8")
    monkeypatch.setattr(svgelements.SVG, "parse", parse)
    with pytest.raises(ArtError, match=r"^art\.svg: .*\.$"):
        load_art(path)


@pytest.mark.parametrize("length", ['width="40" rx="1em"', 'width="5vh"', 'width="40" ry="2ex"', 'width="3vmax"'])
def test_art_svgelements_cannot_read_loads_and_is_touchable_where_qtsvg_draws_it(length: str, tmp_path: Path) -> None:
    from reflexmap.drawn import Drawing, path_region
    from reflexmap.drawn.raster import area

    path = tmp_path / "em.svg"
    path.write_text(f'{SVG}<rect data-zone="heel" x="10" y="10" {length} height="50"/></svg>', encoding="utf-8")
    art = load_art(path)  # svgelements cannot resolve the unit: QtSvg decides what is drawn
    assert {s.zone for s in art.shapes} == {"heel"}
    zones = geometry.load_zones(path)
    drawn = Drawing(path.read_bytes(), path.name).masks(100, 100).own_region(lambda p: p.zone == "heel")
    assert area(path_region(zones.get("heel", QPainterPath()), 1.0, 100, 100).xored(drawn)) == 0
    if 'width="40"' in length:
        assert area(drawn) == 40 * 50  # QtSvg reads the radius as 0: square corners, all of it touchable


def test_a_zone_of_more_pieces_than_the_map_can_hit_test_is_refused(tmp_path: Path) -> None:
    pieces = "".join(
        f'<rect data-zone="heel" x="{i % 50}" y="{i // 50}" width="0.5" height="0.5"/>' for i in range(MAX_PIECES + 1)
    )
    path = tmp_path / "pieces.svg"
    path.write_text(f"{SVG}{pieces}</svg>", encoding="utf-8")
    with pytest.raises(ArtError, match=r"pieces.svg: zone heel is drawn in more than 2,000 pieces"):
        load_art(path)


def test_the_art_keeps_the_bytes_that_were_checked(tmp_path: Path) -> None:
    text = f'{SVG}<rect data-zone="heel" width="10" height="10"/></svg>'.encode()
    path = tmp_path / "art.svgz"
    path.write_bytes(gzip.compress(text))
    art = load_art(path, tmp_path / "cache")
    assert art.svg == text  # unpacked: draw exactly these
    assert load_art(path, tmp_path / "cache").svg == text  # and from the cache too


def test_loading_art_never_unites_its_zones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt's boolean union can be made arbitrarily slow by a file; the map uses the shapes, only load_zones the union."""
    path = tmp_path / "art.svg"
    path.write_text(
        f'{SVG}<rect data-zone="heel" width="10" height="10"/><circle data-zone="heel" r="8"/></svg>', encoding="utf-8"
    )

    def unite(shapes: object) -> object:
        raise AssertionError("united at load")

    monkeypatch.setattr(geometry, "_unite", unite)
    art = load_art(path)
    monkeypatch.undo()
    assert set(art.zones) == {"heel"}
    assert art.zones["heel"].contains(geometry.QRectF(1, 1, 2, 2).center())


def test_overlapping_pieces_are_united_in_pairs(tmp_path: Path) -> None:
    """2,000 crossing bars took minutes one after another; in pairs of pairs it is a fraction of a second."""
    bars = "".join(
        f'<rect data-zone="heel" x="-40" y="-0.2" width="80" height="0.4" transform="translate(50 50) '
        f'rotate({i * 180 / 2000})"/>'
        for i in range(2_000)
    )
    path = tmp_path / "star.svg"
    path.write_text(f"{SVG}{bars}</svg>", encoding="utf-8")
    heel = load_art(path).zones["heel"]
    assert heel.contains(geometry.QRectF(49, 49, 2, 2).center()) and not heel.contains(
        geometry.QRectF(1, 1, 1, 1).center()
    )
