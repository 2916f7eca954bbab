"""Hostile inputs through the real entry points: `reflexmap check`, the app itself, and the kiosk's hot reload.

For every case of tests/hostile/corpus.py (small ones are files there; big
ones, pipes, links to devices and awkward names are made here): `check`
says one sentence naming the file (and the field, where there is one), of at
most 300 characters, with no control character and no traceback, within a
generous bound that only catches hangs; Python opens no file outside the
inputs, the package and the app's own folders (an audit hook watches); the
app still starts on its built-in content; and a kiosk running on good files
that are then replaced by the hostile one tells staff the same sentence and
keeps showing what it showed.  How long each takes is measured by
``python -m benchmarks.hostile`` (targets 2 s, 300 MB), never asserted here.
"""

from __future__ import annotations

import faulthandler
import gzip
import logging
import os
import shutil
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import shiboken6
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from reflexmap.app.build import KioskRun, build
from reflexmap.app.files import load_files
from reflexmap.app.reloader import Reloader
from reflexmap.config import ConfigError, load_config
from reflexmap.content import ContentError, load_content
from reflexmap.files import LogoError, read_logo
from reflexmap.geometry import ArtError, load_art
from reflexmap.messages import MAX_MESSAGE, Message
from reflexmap.options import Paths, WindowOptions
from reflexmap.resources import asset_path
from reflexmap.svg_safety import check_svg
from tests.hostile.corpus import AT_LIMITS, CASES, LOGOS, handed
from tests.ui.conftest import FakeClock

MEMORY_LIMIT_MB = 300
#: Not a timing target (benchmarks/hostile.py has those): a run that takes longer has hung.
HANG_SECONDS = 20

#: Run reflexmap under an audit hook that writes down every file Python opens.
WRAPPER = """
import os, sys
seen = []
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        seen.append(os.fsdecode(args[0]))
sys.addaudithook(hook)
from reflexmap.cli import main
try:
    status = main(sys.argv[2:])
finally:
    with open(sys.argv[1], "w", encoding="utf-8", errors="surrogateescape") as out:
        out.write("\\n".join(seen))
sys.exit(status)
"""


def _run(args: list[str], tmp: Path) -> tuple[subprocess.CompletedProcess[str], float, list[str]]:
    """Run reflexmap with ``args``; its result, its own peak RSS in MB, and the files Python opened."""
    opened_log = tmp / "opened.txt"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
    ):
        env[var] = str(tmp / "xdg" / sub)
    with (
        open(tmp / "stdout.txt", "w+", encoding="utf-8") as out,
        open(tmp / "stderr.txt", "w+", encoding="utf-8") as err,
    ):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRAPPER, str(opened_log), *args], env=env, text=True, stdout=out, stderr=err
        )
        deadline = time.monotonic() + HANG_SECONDS
        while True:  # wait4, not wait: the child's own peak memory comes with its status
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                pytest.fail(f"reflexmap {' '.join(args)} hung (killed after {HANG_SECONDS} s)")
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        peak = usage.ru_maxrss / 1024
        out.seek(0)
        err.seek(0)
        result = subprocess.CompletedProcess(args, proc.returncode, out.read(), err.read())
    opened = (
        opened_log.read_text(encoding="utf-8", errors="surrogateescape").splitlines() if opened_log.exists() else []
    )
    return result, peak, opened


def _allowed(path: str, tmp: Path) -> bool:
    """Inside the inputs, the app's own (XDG) folders, Python and the package, or the source checkout."""
    import reflexmap

    real = os.path.realpath(path)
    roots = {
        os.path.realpath(p)
        for p in (
            sys.prefix,
            sys.base_prefix,
            str(tmp),
            str(Path(reflexmap.__file__).parent),
            str(Path(__file__).resolve().parent.parent),
        )
    }
    return any(real == r or real.startswith(r + os.sep) for r in roots)


def _no_control_characters(text: str) -> bool:
    return not any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in text if c not in "\n")


def _inputs(name: str, tmp: Path) -> tuple[str, str]:
    folder = tmp / ("routines" if CASES[name].option == "--routines" else "inputs")
    folder.mkdir()
    return handed(name, folder)


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_says_one_safe_sentence_naming_the_file_and_reads_nothing_else(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    option, argument = _inputs(name, tmp_path)
    result, peak_mb, opened = _run(["check", option, argument], tmp_path)
    assert result.returncode == (0 if case.accepted else 1), result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert any(case.expect in line for line in lines), (case.expect, lines)
    if not case.accepted:
        said = next(line for line in lines if case.expect in line)
        assert said.endswith("."), said  # one sentence
    assert all(len(line) <= MAX_MESSAGE for line in lines), [len(line) for line in lines]
    assert _no_control_characters(result.stdout + result.stderr), repr(result.stdout)
    assert "Traceback" not in result.stderr, result.stderr
    assert peak_mb < MEMORY_LIMIT_MB, f"{peak_mb:.0f} MB"
    outside = [p for p in opened if not _allowed(p, tmp_path)]
    assert not outside, outside


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_app_still_starts_on_its_builtin_content(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    option, argument = _inputs(name, tmp_path)
    shot = tmp_path / "shot.png"
    result, peak_mb, opened = _run(["--screenshot", str(shot), option, argument], tmp_path)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000
    if not case.accepted:  # said in the log (and the window); the file's name as it is shown
        assert case.expect.split(": ")[0] in result.stderr, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert _no_control_characters(result.stderr), repr(result.stderr)
    assert peak_mb < MEMORY_LIMIT_MB
    outside = [p for p in opened if not _allowed(p, tmp_path)]
    assert not outside, outside


# --- the kiosk's hot reload: a good file replaced by the hostile one ---------------------------------------

GOOD_CONFIG = '[kiosk]\nenabled = true\n\n[branding]\nsalon_name = "Seizó"\n'


@contextmanager
def _kiosk_reloading(paths: Paths, qtbot: QtBot) -> Iterator[tuple[Reloader, KioskRun]]:
    """The kiosk for ``paths`` as `reflexmap --kiosk` runs it, with its hot reloader (no poll: the test reloads)."""
    clock = FakeClock()
    options = WindowOptions(kiosk=True)
    kiosk_run = KioskRun.start(clock)
    loaded = load_files(paths)
    assert not loaded.problems, loaded.problems
    first = build(loaded, options, kiosk_run=kiosk_run, clock=clock)
    qtbot.addWidget(first.window)
    assert first.kiosk is not None
    reloader: Reloader | None = None
    try:
        first.kiosk.show()
        reloader = Reloader(
            lambda: load_files(paths),
            lambda new: build(new, options, kiosk_run=kiosk_run, clock=clock),
            first,
            loaded,
            kiosk_run.report,
            poll_seconds=3600,
        )
        yield reloader, kiosk_run
    finally:  # the kiosk filters the application's events and hides the cursor: given back, whatever happened
        for kiosk in {first.kiosk, *([reloader.kiosk] if reloader is not None else [])}:
            if shiboken6.isValid(kiosk):
                kiosk.retire()
        if reloader is not None:
            reloader.deleteLater()  # with its watches and timers: nothing of this case fires in the next
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _good_start(name: str, made: Path, tmp: Path) -> Paths:
    """Good files where the kiosk will find the hostile ``made``: the same art or config file, the same folder."""
    case = CASES[name]
    inputs = tmp / "inputs"
    inputs.mkdir()
    config = inputs / (made.name if case.option == "--config" else "config.toml")
    config.write_text(GOOD_CONFIG, encoding="utf-8")
    if case.option == "--art":
        art = asset_path("art/feet.svg").read_bytes()
        (inputs / made.name).write_bytes(gzip.compress(art) if made.name.endswith(".svgz") else art)
        return Paths(config=config, art=inputs / made.name)
    if case.option == "--routines":  # a good routine where the first of the case's files goes
        folder = tmp / "routines"
        folder.mkdir()
        shutil.copy(asset_path("routines/massage-ball.toml"), folder / min(e.name for e in made.iterdir()))
        return Paths(config=config, routines=folder)
    return Paths(config=config)


def _swap_in(name: str, made: Path, stage: Path, paths: Paths) -> None:
    """Replace the kiosk's good file (or add to its folder) with what the case made, by renaming, as editors do."""
    option = CASES[name].option
    if option == "--config":  # what it names stays where it was made (the config names it by its full path)
        assert paths.config is not None
        os.replace(made, paths.config)
        return
    into = paths.routines if option == "--routines" else paths.config.parent if paths.config else None
    assert into is not None
    for entry in stage.iterdir():
        os.replace(entry, into / entry.name)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_kiosk_hot_reload_tells_staff_and_keeps_what_it_shows(
    name: str, tmp_path: Path, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    case = CASES[name]
    stage = tmp_path / "stage"
    stage.mkdir()
    _, argument = handed(name, stage)
    made = Path(argument) if case.option != "--routines" else stage
    paths = _good_start(name, made, tmp_path)
    with _kiosk_reloading(paths, qtbot) as (reloader, kiosk_run), caplog.at_level(logging.INFO):
        old = reloader.kiosk
        shown = (old.window.header.title, old.window.map.zone_ids(), [r.id for r in reloader.built.session.routines])
        before = kiosk_run.report.notices
        _swap_in(name, made, stage, paths)
        faulthandler.dump_traceback_later(HANG_SECONDS * 3, exit=True)  # a hang ends the run, loudly
        start = time.monotonic()
        try:
            reloader.reload()
        finally:
            faulthandler.cancel_dump_traceback_later()
        assert time.monotonic() - start < HANG_SECONDS
        said = [n for n in kiosk_run.report.notices if n not in before]
        if case.accepted:
            assert not said and reloader.kiosk is not old  # a good file after all: on screen
            session = reloader.built.session
            if case.option == "--art":
                assert session.art.source.name == made.name
            elif case.option == "--routines":
                assert Path(name).stem in [r.id for r in session.routines]
            else:
                assert "Seiz" in reloader.kiosk.window.header.title
        else:
            assert reloader.kiosk is old and not reloader.pending  # what visitors see stays
            now = (old.window.header.title, old.window.map.zone_ids(), [r.id for r in reloader.built.session.routines])
            assert now == shown
            naming = [n for n in said if case.expect in n]
            assert naming, (case.expect, said)
            notice = naming[0]
            assert isinstance(notice, Message) and str(notice.params["problem"]).endswith(".")  # one sentence
            assert notice.endswith(". The previous content stays on screen."), notice
            assert len(notice) <= MAX_MESSAGE and _no_control_characters(notice), repr(notice)
        assert not [r for r in caplog.records if r.exc_info], "a traceback in the log"
        assert "Traceback" not in caplog.text


def test_the_audit_hook_sees_a_file_read_outside_the_inputs(tmp_path: Path) -> None:
    """The hook test above proves something only if it would see a stray read: a config naming /etc/hostname."""
    config = tmp_path / "config.toml"
    config.write_text('content = "/etc/hostname"\n', encoding="utf-8")
    _, _, opened = _run(["check", "--config", str(config)], tmp_path)
    assert "/etc/hostname" in [os.path.realpath(p) for p in opened if not _allowed(p, tmp_path)]


# --- the logo: checked by the model (`check` and the kiosk are wired to it elsewhere) -------------------------


@pytest.mark.parametrize("name", sorted(LOGOS))
def test_a_hostile_logo_is_refused_with_one_sentence(name: str, tmp_path: Path) -> None:
    make, expected = LOGOS[name]
    with pytest.raises(LogoError) as info:
        read_logo(make(tmp_path))
    message = str(info.value)
    assert message.startswith(expected), message
    assert len(message) <= MAX_MESSAGE and _no_control_characters(message)


@pytest.mark.parametrize("name", sorted(LOGOS))
def test_check_validates_the_logo_named_in_the_config_and_the_app_still_starts(name: str, tmp_path: Path) -> None:
    make, expected = LOGOS[name]
    logo = make(tmp_path)
    config = tmp_path / "config.toml"
    config.write_text(f'[branding]\nsalon_name = "S"\nlogo = "{logo.name}"\n', encoding="utf-8")
    result, _, _ = _run(["check", "--config", str(config)], tmp_path)
    assert result.returncode == 1, result.stdout
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("config.toml: line 3, field branding.logo: " + expected), lines
    assert len(lines[0]) <= MAX_MESSAGE and _no_control_characters(lines[0])
    shot = tmp_path / "shot.png"
    kiosk, _, _ = _run(["--kiosk", "--config", str(config), "--screenshot", str(shot)], tmp_path)
    assert kiosk.returncode == 0 and "Traceback" not in kiosk.stderr, kiosk.stderr
    assert shot.stat().st_size > 10_000


# --- files just under the limits still load -----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(AT_LIMITS))
def test_art_just_under_each_limit_passes_the_gate(name: str) -> None:
    check_svg(AT_LIMITS[name]().encode("utf-8"), name, ArtError)


@pytest.mark.parametrize("name", sorted(AT_LIMITS))
def test_art_just_under_each_limit_is_checked_and_drawn_without_a_hang(name: str, tmp_path: Path) -> None:
    """What the gate lets through, check reads and the app draws (a kiosk start on it must not freeze).

    The bound only catches hangs (the pieces case took 70 s when check united
    its pieces one after another); benchmarks/hostile.py has the times.
    """
    path = tmp_path / name
    path.write_text(AT_LIMITS[name](), encoding="utf-8")
    checked, _, _ = _run(["check", "--art", str(path)], tmp_path)
    assert checked.returncode in (0, 1) and "Traceback" not in checked.stderr, checked.stderr
    shot = tmp_path / "shot.png"
    shown, _, _ = _run(["--art", str(path), "--screenshot", str(shot)], tmp_path)
    assert shown.returncode == 0 and shot.stat().st_size > 10_000, shown.stderr


def test_art_just_under_the_limits_loads(tmp_path: Path) -> None:
    path = tmp_path / "limit-elements.svg"
    path.write_text(AT_LIMITS["limit-elements.svg"](), encoding="utf-8")
    assert "heel" in {s.zone for s in load_art(path).shapes}


# --- every loader, arbitrary input: nothing escapes but its documented error --------------------


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


settings_fuzz = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@settings_fuzz
@given(st.binary(max_size=600))
def test_art_loader_raises_only_art_error_on_bytes(tmp_path: Path, data: bytes) -> None:
    try:
        load_art(_write(tmp_path, "fuzz.svg", data))
    except ArtError as e:
        assert str(e).startswith("fuzz.svg: ")


svg_bits = st.sampled_from(
    [
        '<rect data-zone="heel" width="10" height="10"/>',
        '<circle data-zone="toes" cx="5" cy="5" r="{n}"/>',
        '<path data-zone="arch" d="M0 0 L{n} {n} Z"/>',
        '<g transform="rotate({n})">',
        "</g>",
        '<use xlink:href="#a"/>',
        '<g id="a" data-zone="top">',
        '<path d="{t}"/>',
        '<ellipse rx="{n}" ry="-1"/>',
        '<polygon points="{t}"/>',
        '<g transform="matrix({n} 0 0 0 0 0)">',
        '<rect data-zone="heel" rx="{t}em"/>',
        "<style>{t}</style>",
        '<image xlink:href="{t}"/>',
        '<text font="{t}">x</text>',
    ]
)


@settings_fuzz
@given(
    st.lists(st.tuples(svg_bits, st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=10)), max_size=12),
    st.text(max_size=12),
)
def test_art_loader_raises_only_art_error_on_svg_shaped_text(
    tmp_path: Path, parts: list[tuple[str, float, str]], viewbox: str
) -> None:
    body = "".join(
        bit.replace("{n}", repr(n)).replace("{t}", t.replace('"', "").replace("<", "").replace("&", ""))
        for bit, n, t in parts
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="100" height="100" viewBox="{viewbox.replace(chr(34), "")}">{body}</svg>'
    )
    try:
        load_art(_write(tmp_path, "shaped.svg", svg.encode("utf-8", "surrogatepass")))
    except ArtError as e:
        assert str(e).startswith("shaped.svg: ")
        assert len(str(e)) <= MAX_MESSAGE


@settings_fuzz
@given(st.binary(max_size=600))
def test_content_loader_raises_only_content_error(tmp_path: Path, data: bytes) -> None:
    try:
        load_content(_write(tmp_path, "content.toml", data))
    except ContentError as e:
        assert str(e).startswith("content.toml: ")


config_keys = st.sampled_from(
    [
        "language",
        "art",
        "kiosk.enabled",
        "kiosk.idle_seconds",
        "kiosk.pin_hash",
        "kiosk.text_size",
        "kiosk.screen",
        "branding.accent",
        "branding.booking_url",
        "branding.welcome",
        "branding.salon_name",
        "nonsense",
    ]
)
config_values = st.one_of(
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.text(max_size=20),
    st.just("uk"),
    st.just("#c8553d"),
)


@settings_fuzz
@given(st.one_of(st.binary(max_size=400), st.dictionaries(config_keys, config_values, max_size=6)))
def test_config_loader_raises_only_config_error(tmp_path: Path, data: bytes | dict[str, object]) -> None:
    if isinstance(data, dict):
        import json

        tables: dict[str, list[str]] = {"": []}
        for key, value in data.items():
            table, _, name = key.rpartition(".")
            tables.setdefault(table, []).append(f"{name} = {json.dumps(value)}")
        text = (
            "\n".join(tables.pop(""))
            + "\n"
            + "".join(f"[{t}]\n" + "\n".join(lines) + "\n" for t, lines in tables.items())
        )
        data = text.encode("utf-8", "surrogatepass")
    try:
        load_config(_write(tmp_path, "config.toml", data))
    except ConfigError as e:
        assert str(e).startswith("config.toml: ")
        assert len(str(e)) <= MAX_MESSAGE
