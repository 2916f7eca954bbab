"""No file stops the start: a file a start was reading or drawing when it died is skipped at the next one.

The crash is real: a child process kills itself (SIGKILL, as the kernel's
out-of-memory killer or the watchdog would) while it loads or first draws a
given file; the next start, a process of its own, must succeed on the
built-in content for that part and tell staff which file it skipped.  The
marker itself is hostile input like any file.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reflexmap.messages import MAX_MESSAGE
from reflexmap.start_marker import MAX_MARKER_BYTES, StartMarker

ROOT = Path(__file__).resolve().parents[1]
FEET = ROOT / "assets" / "art" / "feet.svg"
ROUTINE = (ROOT / "assets" / "routines" / "massage-ball.toml").read_text(encoding="utf-8")
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18"/></svg>'
#: Not a timing target: a start that takes longer has hung.
HANG_SECONDS = 60


def _within(seconds: float, work: Callable[[], object]) -> object:
    """``work()``'s result, or a failure if it has not returned within ``seconds`` (it may hang: a thread)."""
    out: list[object] = []
    thread = threading.Thread(target=lambda: out.append(work()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"hung for more than {seconds} s"
    return out[0]


# --- the marker, in one process ---------------------------------------------------------------------------


@pytest.fixture
def marker_path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "loading.json"


@pytest.fixture
def salon_file(tmp_path: Path) -> Path:
    path = tmp_path / "salon-feet.svg"
    path.write_bytes(FEET.read_bytes())
    return path


def test_a_file_a_start_stopped_on_is_skipped_until_it_changes(marker_path: Path, salon_file: Path) -> None:
    assert StartMarker(marker_path).before_loading(salon_file) is None  # read, and then the start dies
    second = StartMarker(marker_path)
    said = second.before_loading(salon_file)
    assert said == "salon-feet.svg was being loaded when a previous start stopped; it is skipped until it changes."
    second.done()  # this start went well without it
    assert StartMarker(marker_path).before_loading(salon_file) is not None  # and it stays skipped
    salon_file.write_bytes(salon_file.read_bytes() + b"\n")  # until it changes
    fourth = StartMarker(marker_path)
    assert fourth.before_loading(salon_file) is None
    fourth.done()
    assert not marker_path.exists()


def test_a_start_that_reaches_its_first_frame_leaves_nothing_behind(marker_path: Path, salon_file: Path) -> None:
    marker = StartMarker(marker_path)
    assert marker.before_loading(salon_file) is None
    marker.before_drawing(salon_file)
    assert marker_path.is_file()  # a start killed now blames the file
    marker.done()
    assert not marker_path.exists()
    assert StartMarker(marker_path).before_loading(salon_file) is None


def test_a_file_being_drawn_is_said_to_have_been_drawn(marker_path: Path, salon_file: Path) -> None:
    marker = StartMarker(marker_path)
    marker.before_loading(salon_file)
    marker.before_drawing(salon_file)  # read and checked; Qt draws it: and the start dies
    said = StartMarker(marker_path).before_loading(salon_file)
    assert said is not None and said.startswith("salon-feet.svg was being drawn when a previous start stopped")


def test_a_start_past_a_file_does_not_blame_it(marker_path: Path, salon_file: Path) -> None:
    """After the files are read, a start that dies drawing none of them (the built-in art) blames none."""
    marker = StartMarker(marker_path)
    marker.before_loading(salon_file)
    marker.before_drawing(None)
    assert StartMarker(marker_path).before_loading(salon_file) is None


def test_two_bad_files_never_take_turns(marker_path: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text("a", encoding="utf-8")
    second.write_text("b", encoding="utf-8")
    StartMarker(marker_path).before_loading(first)  # dies on a
    marker = StartMarker(marker_path)
    assert marker.before_loading(first) is not None
    assert marker.before_loading(second) is None  # dies on b
    third = StartMarker(marker_path)
    assert third.before_loading(first) is not None and third.before_loading(second) is not None
    assert sorted(third.skipped) == [str(first), str(second)]


def _planted_link(path: Path, tmp: Path) -> None:
    """A link to a marker of reflexmap's own making (naming the salon's file), planted where the marker goes."""
    real = tmp / "elsewhere.json"
    StartMarker(real).before_loading(tmp / "salon-feet.svg")
    path.symlink_to(real)


def _huge(path: Path, tmp: Path) -> None:
    with open(path, "wb") as f:  # 1 GiB, sparse
        f.truncate(1 << 30)


def _wrong_shapes(path: Path, tmp: Path) -> None:
    """Entries that name the salon's file as it is on disk, each wrong in one way reflexmap never writes."""
    salon = tmp / "salon-feet.svg"
    info = salon.stat()
    real = [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns]
    entries: list[object] = [
        {"path": str(salon), "id": real, "stage": "eating"},
        {"path": str(salon), "id": [float(n) for n in real], "stage": "loading"},
        {"path": str(salon), "id": [*real, 0], "stage": "loading"},
        {"path": str(salon), "id": [str(n) for n in real], "stage": "loading"},
        {"path": [str(salon)], "id": real, "stage": "loading"},
        {"path": str(salon), "id": real},
        str(salon),
        None,
    ]
    path.write_text(json.dumps({"current": entries[0], "skipped": entries}), encoding="ascii")


HOSTILE: dict[str, Callable[[Path, Path], object]] = {
    "fifo": lambda path, tmp: os.mkfifo(path),
    "dev-zero": lambda path, tmp: path.symlink_to("/dev/zero"),
    "link-to-a-marker": _planted_link,
    "folder": lambda path, tmp: path.mkdir(),
    "huge": _huge,
    "just-over": lambda path, tmp: path.write_bytes(b" " * (MAX_MARKER_BYTES + 1)),
    "garbage": lambda path, tmp: path.write_bytes(os.urandom(4096)),
    "not-utf8": lambda path, tmp: path.write_bytes(b'{"current": "\xff\xfe"}\n'),
    "deep": lambda path, tmp: path.write_text("[" * 30_000 + "]" * 30_000, encoding="ascii"),
    "a-list": lambda path, tmp: path.write_text("[1, 2, 3]\n", encoding="ascii"),
    "wrong-shapes": _wrong_shapes,
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_marker_is_no_marker_and_is_never_followed(
    kind: str, marker_path: Path, salon_file: Path, tmp_path: Path
) -> None:
    """A pipe, a device, a link, a folder, something huge or garbage where the marker goes: read without hanging,
    never through a link, and it names nothing; the start goes on (and marks its files, where it can)."""
    marker_path.parent.mkdir(parents=True)
    HOSTILE[kind](marker_path, tmp_path)
    elsewhere = tmp_path / "elsewhere.json"
    before = elsewhere.read_bytes() if elsewhere.exists() else None
    marker = _within(10, lambda: StartMarker(marker_path))
    assert isinstance(marker, StartMarker)
    assert marker.skipped == [] and marker.before_loading(salon_file) is None
    if kind != "folder":  # replaced by a file of its own (a folder there: no marker, and no harm)
        assert marker_path.is_file() and not marker_path.is_symlink()
        assert StartMarker(marker_path).before_loading(salon_file) is not None  # it works from now on
    assert (elsewhere.read_bytes() if elsewhere.exists() else None) == before  # what the link named: untouched
    marker.done()


def test_the_marker_is_written_in_place_without_syncing_per_file(
    marker_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two hundred routine files cost two hundred small writes into one file: no new file, no fsync, each time."""
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd))
    marker = StartMarker(marker_path)
    inodes = set()
    for i in range(200):
        path = tmp_path / f"r{i:03}.toml"
        path.write_text("x", encoding="utf-8")
        assert marker.before_loading(path) is None
        inodes.add(marker_path.stat().st_ino)
    assert len(inodes) == 1 and synced == []
    assert json.loads(marker_path.read_text(encoding="ascii"))["current"]["path"] == str(tmp_path / "r199.toml")


# --- a real start, killed; the next start ----------------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import json, os, signal, sys
    from pathlib import Path

    crash, victim, *argv = sys.argv[1:]


    def die():
        os.kill(os.getpid(), signal.SIGKILL)  # as a segfault in Qt, the OOM killer or the watchdog would


    if crash == "load-art":
        import reflexmap.app.files as files
        real_art = files.load_art
        def load_art(path, cache=None):
            if Path(path).name == victim:
                die()
            return real_art(path, cache)
        files.load_art = load_art
    elif crash == "load-routine":
        import reflexmap.routines as routines
        real_routine = routines.load_routine
        def load_routine(path, cache_dir=None):
            if Path(path).name == victim:
                die()
            return real_routine(path, cache_dir)
        routines.load_routine = load_routine
    elif crash == "draw-art":
        import reflexmap.drawn as drawn
        real_paint = drawn.Drawing.paint
        def paint(self, painter, width, height):
            if self.name == victim:
                die()
            return real_paint(self, painter, width, height)
        drawn.Drawing.paint = paint
    elif crash == "draw-logo":
        import reflexmap.ui.kiosk.attract as attract
        def logo_pixmap(logo, height):
            die()
        attract.logo_pixmap = logo_pixmap

    import reflexmap.app.build as build_module
    real_build = build_module.build
    seen = {}
    def build(loaded, options, **kw):
        built = real_build(loaded, options, **kw)
        run = kw.get("kiosk_run")
        seen.update(
            art=built.session.art.source.name,
            routines=[r.id for r in built.session.routines],
            logo=loaded.logo is not None,
            notices=[str(n) for n in (run.report.notices if run else built.session.notices)],
        )
        return built
    build_module.build = build

    from reflexmap.cli import main
    status = main(argv)
    print("SEEN " + json.dumps(seen))
    sys.exit(status)
    """
)


@pytest.fixture
def salon(tmp_path: Path) -> Path:
    """A salon's folder: its config (kiosk, logo, art, routines), art and a routine of its own."""
    folder = tmp_path / "salon"
    (folder / "routines").mkdir(parents=True)
    shutil.copy(FEET, folder / "salon-feet.svg")
    (folder / "logo.svg").write_text(LOGO, encoding="utf-8")
    (folder / "routines" / "salon-evening.toml").write_text(ROUTINE, encoding="utf-8")
    (folder / "config.toml").write_text(
        'art = "salon-feet.svg"\nroutines = "routines"\n\n[kiosk]\nenabled = true\n\n'
        '[branding]\nsalon_name = "Seizó"\nlogo = "logo.svg"\n',
        encoding="utf-8",
    )
    return folder


def _env(tmp: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for var, sub in (("CONFIG", "config"), ("CACHE", "cache"), ("DATA", "data"), ("STATE", "state")):
        env[f"XDG_{var}_HOME"] = str(tmp / "xdg" / sub)
    return env


def _start(tmp: Path, salon: Path, crash: str = "none", victim: str = "") -> tuple[int, dict[str, object], str]:
    """A kiosk start (``--kiosk --screenshot``) in a process of its own: its status, what it built, its log."""
    args = ["--config", str(salon / "config.toml"), "--screenshot", str(tmp / "shot.png")]
    result = subprocess.run(
        [sys.executable, "-c", CHILD, crash, victim, *args],
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
        env=_env(tmp),
        cwd=ROOT,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("SEEN ")]
    seen = json.loads(lines[-1][5:]) if lines else {}
    return result.returncode, seen, result.stderr


def _skip_notices(seen: dict[str, object], name: str) -> list[str]:
    notices = seen["notices"]
    assert isinstance(notices, list)
    return [n for n in notices if name in n and "when a previous start stopped" in n]


@pytest.mark.parametrize(
    ("crash", "victim", "stage"),
    [
        ("load-art", "salon-feet.svg", "loaded"),
        ("draw-art", "salon-feet.svg", "drawn"),
        ("load-routine", "salon-evening.toml", "loaded"),
    ],
)
def test_a_file_that_killed_the_start_is_skipped_at_the_next_until_it_changes(
    tmp_path: Path, salon: Path, crash: str, victim: str, stage: str
) -> None:
    status, _, _ = _start(tmp_path, salon, crash, victim)
    assert status == -9  # killed, with no chance to say anything
    status, seen, log = _start(tmp_path, salon)
    assert status == 0 and (tmp_path / "shot.png").stat().st_size > 10_000, log
    said = _skip_notices(seen, victim)  # in the staff panel's notices...
    assert len(said) == 1 and f"{victim} was being {stage} when a previous start stopped" in said[0], seen
    assert len(said[0]) <= MAX_MESSAGE
    assert f"{victim} was being {stage}" in log  # ...and in the log
    routines = seen["routines"]
    assert isinstance(routines, list)
    if victim.endswith(".svg"):
        assert seen["art"] == "feet.svg"  # the built-in feet
        assert "salon-evening" in routines  # and everything else the salon's
    else:
        assert "salon-evening" not in routines and "massage-ball" in routines  # the built-in routines
        assert seen["art"] == "salon-feet.svg"
    assert seen["logo"] is True
    status, seen, _ = _start(tmp_path, salon)  # every start, until...
    assert status == 0 and _skip_notices(seen, victim)
    check = subprocess.run(
        [sys.executable, "-m", "reflexmap", "check", "--config", str(salon / "config.toml")],
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
        env=_env(tmp_path),
        cwd=ROOT,
        check=False,
    )
    assert check.returncode == 0 and "no problems" in check.stdout, check.stdout  # check still reads it
    (salon / ("routines/" if victim.endswith(".toml") else "") / victim).write_text(
        (FEET.read_text(encoding="utf-8") + "\n") if victim.endswith(".svg") else ROUTINE + "\n", encoding="utf-8"
    )
    status, seen, log = _start(tmp_path, salon)  # ...it changes: loaded again
    assert status == 0 and not _skip_notices(seen, victim), seen
    assert seen["art"] == "salon-feet.svg" and "salon-evening" in seen["routines"]  # type: ignore[operator]
    assert "Traceback" not in log


def test_a_logo_that_killed_the_start_as_it_was_drawn_is_skipped_and_the_art_is_not(
    tmp_path: Path, salon: Path
) -> None:
    """The kiosk draws the logo while it is built, the art in the first frame: each is blamed for its own."""
    status, _, _ = _start(tmp_path, salon, "draw-logo")
    assert status == -9
    status, seen, log = _start(tmp_path, salon)
    assert status == 0, log
    said = _skip_notices(seen, "logo.svg")
    assert said and said[0].startswith("config.toml: line 9, field branding.logo: logo.svg was being drawn"), seen
    assert seen["logo"] is False and seen["art"] == "salon-feet.svg"


LONG_RUN = textwrap.dedent(
    """
    import sys
    from reflexmap import start_marker
    real_done = start_marker.StartMarker.done
    def done(self):
        real_done(self)
        print("DONE", flush=True)
    start_marker.StartMarker.done = done
    from reflexmap.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


@pytest.mark.parametrize("mode", ["kiosk", "desktop"])
def test_a_start_that_showed_its_first_frame_blames_no_file_for_a_later_crash(
    tmp_path: Path, salon: Path, mode: str
) -> None:
    """A run killed long after its first frame (the watchdog, hours later) was not stopped by a file."""
    env = _env(tmp_path)
    config = salon / "config.toml"
    if mode == "desktop":
        config.write_text(config.read_text(encoding="utf-8").replace("enabled = true", "enabled = false"), "utf-8")
    args = ["--config", str(config), "--size", "1280x800"]
    child = subprocess.Popen(
        [sys.executable, "-c", LONG_RUN, *args], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        deadline = time.monotonic() + HANG_SECONDS
        line = ""
        while "DONE" not in line and time.monotonic() < deadline:
            if select.select([child.stdout], [], [], 0.1)[0]:  # never blocks on a child that says nothing
                line = child.stdout.readline()
                assert line, "the start ended before its first frame"
        assert "DONE" in line, "the first frame never counted as shown"
    finally:
        child.kill()  # hours later, say
        child.wait(HANG_SECONDS)
    assert not (tmp_path / "xdg" / "state" / "reflexmap" / "loading.json").exists()
    status, seen, _ = _start(tmp_path, salon)
    assert status == 0 and seen["art"] == "salon-feet.svg" and seen["logo"] is True
    assert not [n for n in seen["notices"] if "when a previous start stopped" in n], seen  # type: ignore[attr-defined]
