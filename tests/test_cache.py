"""The cache holds data, not code: planted entries never run, odd ones are misses, the folder stays bounded."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QRectF, Qt
from PySide6.QtGui import QPainterPath

from reflexmap import cache
from reflexmap.content import Content, load_content
from reflexmap.geometry import Art, _decode_path, _encode_path, _path_stream, load_art
from reflexmap.resources import asset_path
from reflexmap.routines import Routine, load_routines

CONTENT = asset_path("content.toml")
ART = asset_path("art/feet.svg")


class Payload:
    """Unpickling this runs a shell command that creates the marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (os.system, (f"touch {self.marker}",))


def _plant_everywhere(cache_dir: Path, marker: Path, sources: dict[str, list[Path]]) -> int:
    """A code-running pickle under every name an entry could have (old and new formats); how many were planted."""
    blob = pickle.dumps(Payload(marker))
    cache_dir.mkdir(parents=True, exist_ok=True)
    planted = 0
    for kind, paths in sources.items():
        for path in paths:
            for spelled in {str(path), os.path.abspath(path), os.path.realpath(path)}:  # the old crc-of-the-path names
                key = zlib.crc32(os.fsencode(spelled))
                for suffix in (".pickle", ".json", ".msgpack", ""):
                    (cache_dir / f"{kind}-{key:08x}{suffix}").write_bytes(blob)
                    planted += 1
            kinds = {"art": Art, "content": Content, "routine": Routine}
            entry = cache.entry_path(cache_dir, kinds[kind], cache.sha256_hex(path.read_bytes()))
            entry.write_bytes(blob)  # the exact name of the new format, with a pickle in it
            planted += 1
    return planted


def _sources() -> dict[str, list[Path]]:
    return {"art": [ART], "content": [CONTENT], "routine": sorted(asset_path("routines").glob("*.toml"))}


def test_a_planted_pickle_never_runs_in_process(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    cache_dir = tmp_path / "cache"
    assert _plant_everywhere(cache_dir, marker, _sources()) > 20
    expected = load_content(CONTENT)
    assert load_content(CONTENT, cache_dir) == expected
    assert {s.zone for s in load_art(ART, cache_dir).shapes} == {s.zone for s in load_art(ART).shapes}
    routines, notices = load_routines([asset_path("routines")], cache_dir)
    assert len(routines) == 3 and not notices
    pickle.loads(pickle.dumps(Payload(tmp_path / "works")))  # the payload itself does run, when unpickled
    assert (tmp_path / "works").exists()
    assert not marker.exists()


def test_a_planted_pickle_never_runs_in_the_app_or_check(tmp_path: Path) -> None:
    from platformdirs import user_cache_path

    marker = tmp_path / "pwned"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path / "xdg-cache")}
    cache_dir = Path(env["XDG_CACHE_HOME"]) / user_cache_path("reflexmap", appauthor=False).name
    _plant_everywhere(cache_dir, marker, _sources())
    for args in (["check"], ["--screenshot", str(tmp_path / "shot.png")]):
        result = subprocess.run(
            [sys.executable, "-m", "reflexmap", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    assert (
        "no problems"
        in subprocess.run(
            [sys.executable, "-m", "reflexmap", "check"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        ).stdout
    )
    assert not marker.exists()
    assert not list(cache_dir.glob("*.pickle")), "the old format's files are cleared out"


def test_an_entry_is_plain_json_keyed_on_content_and_code(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    load_content(CONTENT, cache_dir)
    (entry,) = cache_dir.iterdir()
    envelope = json.loads(entry.read_bytes())
    assert envelope["sha256"] == cache.sha256_hex(CONTENT.read_bytes())
    assert envelope["code"] == cache.code_hash() and envelope["kind"] == "Content"
    assert entry.stat().st_mode & 0o777 == 0o600


def test_the_same_bytes_at_another_path_share_an_entry_and_keep_their_own_path(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    first = tmp_path / "a.svg"
    second = tmp_path / "b.svg"
    for path in (first, second):
        path.write_bytes(ART.read_bytes())
    assert load_art(first, cache_dir).source == first
    art = load_art(second, cache_dir)
    assert art.source == second and art.svg == ART.read_bytes()
    # one entry for the art and one for its shapes (kept apart: a start that shows the feet reads only the art)
    assert sorted(p.name.split("-")[0] for p in cache_dir.iterdir()) == ["art", "artshapes"]


def test_a_cached_start_reads_the_art_without_its_shapes_which_come_when_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_dir = tmp_path / "cache"
    fresh = load_art(ART, cache_dir)  # the first start reads the file with svgelements, and keeps both
    read: list[str] = []
    real = cache.recalled

    def recalled(cache_dir: Path | None, raw: bytes, kind: type) -> object:
        read.append(kind.__name__)
        return real(cache_dir, raw, kind)

    monkeypatch.setattr(cache, "recalled", recalled)
    monkeypatch.setattr("reflexmap.svg_shapes.read_art", lambda *a: pytest.fail("svgelements read the art again"))
    art = load_art(ART, cache_dir)
    assert read == ["Art"] and art == fresh
    assert art.shapes == fresh.shapes and len(art.shapes) > 10  # asked for: recalled, still not read again
    assert read == ["Art", "ArtShapes"]


def test_a_changed_model_makes_every_entry_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / "cache"
    builds: list[int] = []

    def build() -> Content:
        builds.append(1)
        return load_content(CONTENT)

    cache.remembered(cache_dir, CONTENT.read_bytes(), Content, build)
    cache.remembered(cache_dir, CONTENT.read_bytes(), Content, build)
    assert len(builds) == 1
    monkeypatch.setattr(cache, "code_hash", lambda: "another model")
    cache.remembered(cache_dir, CONTENT.read_bytes(), Content, build)
    assert len(builds) == 2


def test_the_code_hash_covers_the_source_of_the_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Edit a loader, or any module of a model package, and the hash changes: no number to remember to bump."""
    package = Path(cache.__file__).parent
    copy = tmp_path / "reflexmap"
    copy.mkdir()
    for name in cache.MODEL_MODULES:  # each a module or a package of the model: a name that is neither fails here
        if (package / name).is_dir():
            (copy / name).mkdir()
            for module in (package / name).glob("*.py"):
                (copy / name / module.name).write_bytes(module.read_bytes())
        else:
            (copy / f"{name}.py").parent.mkdir(exist_ok=True)
            (copy / f"{name}.py").write_bytes((package / f"{name}.py").read_bytes())
    sources = sorted(copy.rglob("*.py"))
    assert copy / "routines.py" in sources and copy / "drawn" / "masks.py" in sources
    assert copy / "ui" / "qr.py" in sources  # the QR modules are remembered too
    monkeypatch.setattr(cache, "__file__", str(copy / "cache.py"))
    cache.code_hash.cache_clear()
    try:
        before = cache.code_hash()
        for source in sources:
            text = source.read_text()
            source.write_text(text + "\n# changed\n")
            cache.code_hash.cache_clear()
            assert cache.code_hash() != before, source
            source.write_text(text)
        cache.code_hash.cache_clear()
        assert cache.code_hash() == before
    finally:
        monkeypatch.undo()
        cache.code_hash.cache_clear()


def _entry_for_content(cache_dir: Path) -> Path:
    load_content(CONTENT, cache_dir)
    (entry,) = cache_dir.iterdir()
    return entry


def _tampered(value: dict[str, object], how: str) -> object:
    general = value["general"]
    assert isinstance(general, dict)
    if how == "wrong type":
        general["pressure"] = 5
    elif how == "extra field":
        general["__class__"] = "os.system"
    elif how == "missing field":
        del general["pressure"]
    elif how == "too long for its check":  # the dataclass's own __post_init__ refuses it
        general["pressure"] = {"en": "x" * 100_000, "uk": "y"}
    elif how == "a bool for a number":
        value["zones"] = True
    elif how == "not content":
        return {"not": "content"}
    return value


@pytest.mark.parametrize(
    "how",
    ["wrong type", "extra field", "missing field", "too long for its check", "a bool for a number", "not content"],
)
def test_an_entry_of_the_right_name_with_the_wrong_data_is_a_miss(how: str, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    entry = _entry_for_content(cache_dir)
    envelope = json.loads(entry.read_bytes())
    envelope["value"] = _tampered(envelope["value"], how)
    entry.write_text(json.dumps(envelope))
    assert load_content(CONTENT, cache_dir) == load_content(CONTENT)


@pytest.mark.parametrize(
    "blob",
    [b"", b"garbage", b"\x80\x04K\x01.", b'{"format": 1}', b"NaN", b"[" * 100_000, b'{"format": 1, "value": Infinity}'],
)
def test_damaged_entries_are_misses(blob: bytes, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    entry = _entry_for_content(cache_dir)
    entry.write_bytes(blob)
    assert load_content(CONTENT, cache_dir) == load_content(CONTENT)


def test_a_link_planted_at_an_entry_is_neither_read_nor_written_through(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    entry = _entry_for_content(cache_dir)
    victim = tmp_path / "victim"
    victim.write_bytes(entry.read_bytes())  # even a valid entry behind a link is not read
    entry.unlink()
    entry.symlink_to(victim)
    before = victim.read_bytes()
    assert load_content(CONTENT, cache_dir) == load_content(CONTENT)
    assert victim.read_bytes() == before
    assert not entry.is_symlink()  # replaced by a real entry


def test_the_cache_folder_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 5)
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / "routine-0000beef.pickle").write_bytes(b"old format")
    (cache_dir / "notes.txt").write_text("not ours")
    for i in range(20):
        raw = f'name = {{ en = "R{i}", uk = "Р" }}\n'.encode()
        cache.remembered(cache_dir, raw, Routine, lambda i=i: _routine(f"r{i}"))  # type: ignore[misc]
        os.utime(next(cache_dir.glob("*.json")), (1000 + i, 1000 + i))  # mtimes a second apart, oldest first
    names = sorted(p.name for p in cache_dir.iterdir())
    assert len([n for n in names if n.endswith(".json")]) == 5
    assert "routine-0000beef.pickle" not in names and "notes.txt" in names
    monkeypatch.setattr(cache, "MAX_BYTES", 3 * max(p.stat().st_size for p in cache_dir.glob("*.json")))
    cache.remembered(cache_dir, b"another", Routine, lambda: _routine("last"))
    assert len(list(cache_dir.glob("*.json"))) <= 3


def _routine(name: str) -> Routine:
    (routine,) = [r for r in load_routines([asset_path("routines")])[0] if r.id == "massage-ball"]
    return replace(routine, id=name)


def test_a_routine_entry_round_trips(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    first, _ = load_routines([asset_path("routines")], cache_dir)
    again, _ = load_routines([asset_path("routines")], cache_dir)
    assert again == first
    assert all(isinstance(step.zone, tuple) for r in again for step in r.steps)


# --- paths ------------------------------------------------------------------------------------------------


def _sample_paths() -> list[QPainterPath]:
    curved = QPainterPath()
    curved.moveTo(1.5, 2.25)
    curved.cubicTo(10, 0, 20, 30, -4.125, 1e5)
    curved.lineTo(3, 3)
    curved.closeSubpath()
    curved.moveTo(50, 50)
    curved.quadTo(60, 70, 80, 50)
    holes = QPainterPath()
    holes.setFillRule(Qt.FillRule.WindingFill)
    holes.addEllipse(QRectF(0, 0, 40, 30))
    holes.addRect(QRectF(10, 10, 5, 5))
    return [curved, holes, QPainterPath()]


@pytest.mark.parametrize("index", range(3))
def test_a_path_is_stored_as_plain_data_and_comes_back_the_same(index: int) -> None:
    path = _sample_paths()[index]
    data = json.loads(json.dumps(_encode_path(path)))
    back = _decode_path(data)
    assert back == path and back.fillRule() == path.fillRule()
    assert [back.elementAt(i).type for i in range(back.elementCount())] == [
        path.elementAt(i).type for i in range(path.elementCount())
    ]


@pytest.mark.parametrize("index", range(2))
def test_the_stream_qt_reads_is_exactly_what_qt_writes(index: int) -> None:
    import binascii

    path = _sample_paths()[index]
    buffer = QByteArray()
    QDataStream(buffer, QIODevice.OpenModeFlag.WriteOnly) << path
    data = _encode_path(path)
    assert _path_stream(data["types"], binascii.a2b_base64(data["xy"]), data["rule"]) == bytes(buffer.data())


@pytest.mark.parametrize(
    "tamper",
    [
        {"types": "1"},
        {"types": "02"},
        {"types": "0233 "},
        {"types": 5},
        {"rule": 2},
        {"rule": True},
        {"xy": "AAAA"},
        {"xy": "not base64!"},
        {"extra": 1},
        {"types": "0" * 11},
    ],
)
def test_a_stored_path_that_is_not_one_is_refused(tamper: dict[str, object]) -> None:
    data = _encode_path(_sample_paths()[0]) | tamper
    with pytest.raises(ValueError):
        _decode_path(data)


def test_a_stored_coordinate_that_is_not_a_number_is_refused() -> None:
    import array
    import base64

    xy = array.array("d", [float("nan"), 0.0])
    xy.byteswap()
    with pytest.raises(ValueError):
        _decode_path({"rule": 0, "types": "0", "xy": base64.b64encode(xy.tobytes()).decode()})


def test_a_cached_start_imports_no_parser_and_no_pickle(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reflexmap.content import load_content\n"
        "from reflexmap.geometry import load_art\n"
        "from reflexmap.routines import load_routines\n"
        "from reflexmap.resources import asset_path\n"
        "cache = Path(sys.argv[1])\n"
        "load_content(asset_path('content.toml'), cache); load_art(asset_path('art/feet.svg'), cache)\n"
        "load_routines([asset_path('routines')], cache)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('svgelements', 'tomllib', 'msgspec', 'pickle',"
        " 'hashlib', 'defusedxml')))\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(tmp_path / "cache")],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        for _ in range(2)
    ]
    assert runs[1].returncode == 0, runs[1].stderr
    assert runs[1].stdout.strip() == "[]"


def _feet_masks() -> tuple[object, object]:
    from reflexmap.drawn import Drawing

    drawing = Drawing(ART.read_bytes(), "feet.svg")
    return drawing, drawing.masks(640, 400, 1.5)


def test_a_region_is_stored_as_its_rectangles_and_comes_back_the_same(qtbot: object) -> None:
    from reflexmap.drawn.masks import _decode_region, _encode_region

    _, masks = _feet_masks()
    for region in masks.own:  # type: ignore[attr-defined]
        data = _encode_region(region)
        assert all(type(v) is int for v in data) and len(data) == 4 * region.rectCount()
        assert _decode_region(json.loads(json.dumps(data))) == region


@pytest.mark.parametrize(
    "data",
    [
        [0, 0, 5],  # not whole rectangles
        [0, 0, 5, 5.0],  # not an int
        [0, 0, 0, 5],  # empty
        [-1, 0, 5, 5],  # outside the picture
        [0, 0, 70000, 5],  # beyond any screen
        [0, 10, 5, 5, 0, 0, 5, 5],  # a band above the one before
        [0, 0, 5, 5, 0, 3, 5, 5],  # overlapping bands: Qt would have to merge them the slow way
        [10, 0, 5, 5, 0, 0, 5, 5],  # right to left in a band
        [0, 0, 5, 5, 8, 0, 5, 6],  # one band of two heights
        {"rects": []},
        [0, 0, 1, 1] * 50_001,  # more rectangles than any mask has
    ],
)
def test_a_stored_region_that_is_not_one_is_refused(data: object) -> None:
    from reflexmap.drawn.masks import _decode_region

    with pytest.raises(ValueError):
        _decode_region(data)


def test_the_masks_are_kept_for_the_next_run_and_a_bad_entry_is_made_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: object
) -> None:
    """What a start kept comes back whole; an entry that does not fit the drawing (planted, stale) is not used."""
    from reflexmap.drawn import Drawing
    from reflexmap.drawn.masks import KeptMasks

    drawing, masks = _feet_masks()
    zones = {p.zone for p in masks.pieces}  # type: ignore[attr-defined]
    assert drawing.kept_masks(tmp_path, 640, 400, 1.5, zones) is None  # type: ignore[attr-defined]
    drawing.keep_masks(tmp_path, 640, 400, zones, masks)  # type: ignore[attr-defined]
    again = Drawing(ART.read_bytes(), "feet.svg")
    kept = again.kept_masks(tmp_path, 640, 400, 1.5, zones)
    assert kept is not None and kept.own == masks.own and kept.visible == masks.visible  # type: ignore[attr-defined]
    assert again.kept_masks(tmp_path, 641, 400, 1.5, zones) is None  # another size
    assert again.kept_masks(tmp_path, 640, 400, 1.5, zones - {"heel"}) is None  # other zones
    (entry,) = tmp_path.glob("keptmasks-*.json")
    envelope = json.loads(entry.read_text())
    for tamper in (
        {"own": envelope["value"]["own"][:-1]},  # a layer short
        {"width": 10},  # the masks of another picture
        {"own": [[0, 0, 2000, 5]] * len(envelope["value"]["own"])},  # wider than the picture
    ):
        entry.write_text(json.dumps({**envelope, "value": envelope["value"] | tamper}))
        assert again.kept_masks(tmp_path, 640, 400, 1.5, zones) is None, tamper
    assert KeptMasks.__name__.lower() in entry.name
