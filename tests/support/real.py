"""Fixtures that run reflexmap under real conditions: X and a window manager, cage, sound, AT-SPI, speech.

Every fixture here needs Debian packages (``.ci/debian-packages.txt``, which
``.ci/run`` installs). Without one, the fixture skips the test with one line
naming what is missing and its Debian package, e.g. ``needs Xvfb (Debian
package xvfb)``. A component that is there but fails to start is a failure,
not a skip. Every process a fixture starts runs in its own process group
(``start_new_session``) with its output in ``tmp_path/logs/NAME.log``; at
teardown the group gets SIGTERM, then SIGKILL after a timeout, and every wait
here has a timeout whose message ends with the tail of the relevant log.

Fixtures (``tests/real/conftest.py`` imports them):

- ``x_session``: Xvfb plus openbox; ``launch_app`` starts ``python -m reflexmap``.
  Parametrise indirectly with ``"1366x768"``, ``(800, 1280)`` or
  ``{"size": "1920x1080", "window_manager": False}``; the default is 1280x800
  with openbox.
- ``cage_session``: the cage kiosk compositor nested in its own Xvfb (same
  parametrisation, no window manager); ``launch_app`` starts the app inside cage.
- ``sound_server``: PulseAudio with a null sink ``t`` and a recorder on its monitor.
- ``a11y_bus``: a private session bus, the AT-SPI bus and registry; queries with pyatspi.
- ``speech``: speech-dispatcher with espeak-ng, playing into ``sound_server``.
- ``real_dirs``: the HOME, XDG folders, short runtime folder and log folder they share.

Facts found while building this (Debian 12, PySide6 6.11.3, as root in a container):

Packages and proofs
  - The "fresh" machine already had some of the list (the xcb libraries but
    libxcb-icccm4, libxcb-keysyms1 and libxcb-xinerama0; libegl1, libgl1,
    libfontconfig1, libdbus-1-3, libwayland-client0, libxkbcommon0, x11-utils,
    dbus, at-spi2-core, systemd, appstream); ``apt-get install
    --no-install-recommends`` of the whole list added 124 packages (73 MB,
    1 s to download from the mirror here) and upgraded 10 (systemd's among
    them, without harm to the container) in about 13 s.
  - To prove the skips, hide a component in a private mount namespace:
    ``bwrap --dev-bind / / --ro-bind /dev/null /usr/bin/Xvfb pytest tests/real``
    (the file becomes a non-executable device, so ``shutil.which`` and the
    library checks here no longer find it); for a Python package,
    ``--tmpfs`` over its folder. bwrap takes at most 9,000 arguments, so hiding
    whole packages means hiding their programs and libraries only.
  - The rest of the suite needs none of these packages. Without libpulse0
    (or its dependency libsndfile1) Qt Multimedia and Qt's text to speech
    cannot load: the app says so once and stays silent, and
    ``tests/test_speech.py`` skips with one line naming libpulse0. (The soak
    once failed there: each hot reload logged "sound is off" again and
    pytest's log capture kept every record; it now counts the app's objects
    only.)

X11, Qt's xcb plugin, openbox
  - ``Xvfb -displayfd FD`` picks a free display number itself (it takes the
    first number whose lock file it can create) and writes it to FD once it
    accepts connections; no guessing and no race between parallel tests.
    On a machine shared with other X servers, ``REFLEXMAP_XVFB_DISPLAYS=95-99``
    keeps the tests to those numbers (the first free one; a taken one makes
    Xvfb exit at once, "Server is already active for display").
    ``-noreset`` keeps it up when the last client goes.
  - Qt 6's xcb plugin sets WM_CLASS to (instance, class) = (basename of argv[0],
    application name). For ``python -m reflexmap`` that is ``("__main__.py",
    "reflexmap")``; for the installed ``reflexmap`` script ``("reflexmap",
    "reflexmap")``. So ``xdotool search --class reflexmap`` finds the window
    (``--classname reflexmap`` does not, under ``-m``); the window name is
    ``reflexmap — foot massage map``. The desktop app does not trap SIGTERM:
    stopped, it exits with -15 (the kiosk inside cage exits cleanly). Qt also
    sets ``_NET_WM_PID``, so
    ``xdotool search --all --onlyvisible --pid PID --class reflexmap`` finds
    exactly the window of the process just started (``--all``: xdotool ORs
    conditions by default).
  - openbox is managing once ``wmctrl -m`` exits 0 and prints ``Name: Openbox``
    (a fraction of a second). ``--sm-disable`` keeps it from looking for a
    session manager. Under openbox the 1280x800 window gets a title bar, so on
    a 1280x800 screen its bottom edge is off screen.
  - ``/usr/local/bin/convert`` on these machines is a stand-in, not ImageMagick:
    screenshots use ImageMagick's ``import -window root`` (``/usr/bin/import``)
    and pictures are read with Qt's QImage, never with ``convert``.
  - The art's fill colours (``assets/art/feet.svg``) appear exactly (to +-3 per
    channel) in a screenshot of the window, thousands of pixels each, so
    "the art is on screen" is checked by colour (``art_colours_present``).

cage (the kiosk compositor)
  - Debian's cage 0.1.4 refuses root: after dropping privileges it checks that
    ``setuid(0)`` fails ("Unable to drop root (we shouldn't be able to restore
    it after setuid), refusing to start"). When pytest runs as root, cage runs
    in a user namespace: ``unshare --user --map-user=1000 --map-group=1000 --
    cage ...`` (util-linux). Inside, cage and the app are uid 1000 with no
    capabilities, so cage starts; to the kernel outside they are still root's
    uid, so the owner bits of root's files apply: the venv's interpreter under
    ``/root/.pyenv`` (``/root`` is 0700), the work tree and pytest's tmp_path
    (``/tmp/pytest-of-root`` is 0700) stay readable with no chmod, no copy and
    no new user. Root-owned folders look owned by uid 1000 inside, so Qt's and
    wlroots' checks that XDG_RUNTIME_DIR is the user's own and 0700 pass. A
    D-Bus server outside the namespace would refuse the app (it claims uid
    1000, the kernel says 0): run a bus inside the namespace if a cage test
    needs one. Where user namespaces are not allowed, cage runs under
    ``setpriv --reuid/--regid --clear-groups`` as ``$REFLEXMAP_CAGE_USER``
    (default ``nobody``), with tmp_path made traversable (o+x) and the runtime
    folder and HOME given to that user; if that user cannot read the
    interpreter or the work tree, the test skips with one line naming the path
    (``REFLEXMAP_CAGE_AS=setpriv`` forces this way, ``userns`` the other).
    Here ``nobody`` cannot pass ``/root``, so that way skips; with a
    traversable ``/root`` (``bwrap --dev-bind / / --tmpfs /root --bind
    /root/.pyenv /root/.pyenv``) the kiosk test passed that way too, the app
    writing its files as nobody.
  - cage exits at once without ``Xwayland`` installed (package xwayland).
  - Its headless backend renders nothing here; nested in an X server it does:
    ``WLR_BACKENDS=x11 WLR_RENDERER=pixman cage -d -- APP`` with DISPLAY set.
    Its X11 window opens at 1024x768 (wlroots' default) with no name or
    class (``xwininfo -root -children`` on its Xvfb finds it, the only child);
    ``xdotool windowsize`` to the Xvfb's size resizes cage's output and the
    kiosk follows, so frames are full screen. wlroots logs harmless
    ``X11 error: op 18:0, code 5`` (BadAtom on ChangeProperty) and "Basic
    output test failed for X11-1" lines.
  - ``grim FILE.png`` captures cage's output (needs XDG_RUNTIME_DIR of cage and
    WAYLAND_DISPLAY=wayland-0; root may connect to the user's socket).
  - ``xdotool mousemove --window CAGEWIN X Y click 1`` on the Xvfb reaches the
    app inside cage as a pointer click (xdotool makes no touch events, so a
    "tap" is a click). The kiosk's first click only wakes it from the attract
    loop; the next one chooses a zone.
  - cage passes its environment, NOTIFY_SOCKET included, to the app: the kiosk
    sends ``READY=1`` after showing its window (before its first paint) and
    ``WATCHDOG=1`` every 10 s, which ``CageSession.wait_notify`` reads from a
    datagram socket in cage's runtime folder. cage exits 0 when the app is
    killed.

PulseAudio
  - As root, per-user PulseAudio (no ``--system``) runs: it only warns "This
    program is not intended to be run as root (unless --system is specified)".
    It needs a writable HOME and XDG_RUNTIME_DIR (given in tmp) and, with
    ``-n``, loads only the modules named with ``-L``; ``--realtime=no
    --high-priority=no`` keep it from asking rtkit over D-Bus, and
    ``auth-anonymous=1`` on the native socket lets any client in (even one in
    cage's user namespace) without the cookie. ``--system`` would need a
    ``pulse`` user and system.pa, and is not used. It still warns that it cannot
    reach D-Bus (none in its environment): harmless.
  - Clients find it through ``PULSE_SERVER=unix:SOCKET``.
  - The null sink renders in big blocks while nothing asks for low latency:
    the first ``parec`` on ``t.monitor`` got its first bytes 0.9 to 1.3 s after
    connecting, and a 2 s ``parec`` captured 0.14 s. Once one recorder with
    ``--latency-msec=10`` is connected, data flows in real time and a second
    ``parec`` starts within 7 ms. So the fixture keeps one recorder running
    from the start (it waits for its first bytes) and every recording is a
    slice of that stream: no start-up gap, and sample times are known.
  - The null sink's monitor is digital silence (exact zeros) between sounds,
    so "sound starts" is the first sample whose magnitude reaches a threshold.
    ``Recording.onset_time`` is when the chunk holding that sample reached the
    recorder (``time.monotonic()``): a latency measured with it is an upper
    bound, late by at most the recorder's latency (``--latency-msec=10``).
    Mapping samples to time by their index instead (the earliest chunk arrival
    minus the sample's nominal offset) put the chime's start 3 ms *before*
    paplay was started: the null sink renders ahead of its nominal clock, so
    index time is not play time. ``norewinds=1`` keeps already-delivered
    monitor data from being rewritten when a stream starts. Measured here:
    paplay's chime reaches the recorder 10 ms after paplay is started,
    spd-say's speech 23 to 38 ms after spd-say is started (both include
    starting the client program).

AT-SPI (accessibility)
  - Order: a session bus (``dbus-daemon --session --nofork --print-address``),
    then ``/usr/libexec/at-spi-bus-launcher --launch-immediately --a11y=1``
    (it starts the accessibility bus and owns ``org.a11y.Bus`` on the session
    bus; with DISPLAY set it also publishes AT_SPI_BUS on the X root window),
    then ``/usr/libexec/at-spi2-registryd`` (started here so that it is in a
    process group the fixture ends; otherwise bus activation starts it with
    ``--use-gnome-session``), and only then the app, with
    ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``. Clients are given
    ``AT_SPI_BUS_ADDRESS`` too.
  - The accessibility dbus-daemon warns "Failed to set fd limit to 65536:
    Operation not permitted" in a container: harmless.
  - pyatspi is Debian's (python3-pyatspi, for ``/usr/bin/python3``), not
    importable in the venv: ``atspi_query`` runs a client script with
    ``/usr/bin/python3`` (PYTHONPATH, PYTHONHOME and VIRTUAL_ENV removed) and
    reads JSON. The app is the application ``reflexmap`` (its description is
    the interpreter's path) with one child of role ``frame`` named like the
    window. When a client asks, the app logs "AtSpiAdaptor::applicationInterface
    does not implement GetApplicationBusAddress": harmless, but on its stderr.
  - ``import pyatspi`` alone succeeds on an empty folder in its place (a
    namespace package), so the check is ``import pyatspi; pyatspi.Registry``.

speech-dispatcher
  - 0.11.4 runs as root in the foreground with ``-s -t 0`` (no idle exit),
    ``-S SOCKET``, ``-C CONFDIR`` (a copy of /etc/speech-dispatcher with
    ``AudioOutputMethod "pulse"`` and only the espeak-ng module added, so it
    does not also start the mbrola and dummy modules) and plays audio itself
    ("server audio") through PULSE_SERVER. Clients (``spd-say``, Qt's speechd
    engine through libspeechd2) find it through
    ``SPEECHD_ADDRESS=unix_socket:SOCKET``.
  - ``spd-say -L`` prints fixed-width columns that long names overflow; the
    voice list is read over SSIP instead (``LIST SYNTHESIS_VOICES``, tab
    separated): espeak-ng has 102 voices for ``uk`` here and 816 for ``en``
    and ``en-*`` (13,362 in all). It cannot synthesize to a file: speech is
    recorded from the sound server.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import os
import pwd
import re
import select
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self, TypeVar

import pytest

__all__ = [
    "ASSETS",
    "REPO",
    "SIZES",
    "A11yBus",
    "A11yEvents",
    "CageSession",
    "Processes",
    "RealDirs",
    "Recording",
    "SoundServer",
    "Speech",
    "XSession",
    "a11y_bus",
    "art_colours",
    "art_colours_present",
    "atspi_query",
    "cage_session",
    "colour_count",
    "interior_point",
    "is_blank",
    "load_rgb",
    "need_libraries",
    "need_program",
    "peak",
    "real_dirs",
    "sound_onset",
    "sound_server",
    "speech",
    "wait_until",
    "x_session",
]

T = TypeVar("T")

#: The work tree (``python -m reflexmap`` runs from here, so the checkout's package is the one tested).
REPO = Path(__file__).resolve().parents[2]
ASSETS = REPO / "assets"
#: Screen sizes the tests use: the default window, a common laptop, the portrait wall screen, full HD.
SIZES: tuple[tuple[int, int], ...] = ((1280, 800), (1366, 768), (800, 1280), (1920, 1080))
DEFAULT_SIZE = (1280, 800)

#: Libraries Qt's xcb platform plugin loads (soname, Debian package).
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)
#: Libraries Qt's wayland platform plugin loads (found with ldd on PySide6 6.11.3's libqwayland.so).
WAYLAND_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libwayland-client.so.0", "libwayland-client0"),
    ("libwayland-cursor.so.0", "libwayland-cursor0"),
    ("libwayland-egl.so.1", "libwayland-egl1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libEGL.so.1", "libegl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
)
#: What Qt's speechd text-to-speech engine loads.
SPEECHD_LIBRARIES: tuple[tuple[str, str], ...] = (("libspeechd.so.2", "libspeechd2"),)
#: What Qt Multimedia's PulseAudio backend loads.
PULSE_LIBRARIES: tuple[tuple[str, str], ...] = (("libpulse.so.0", "libpulse0"),)

AT_SPI_BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
AT_SPI_REGISTRYD = Path("/usr/libexec/at-spi2-registryd")
DEBIAN_PYTHON = Path("/usr/bin/python3")
SPEECHD_MODULES = Path("/usr/lib/speech-dispatcher-modules")
SPEECHD_CONFIG = Path("/etc/speech-dispatcher")

#: Variables of the developer's own session that must not leak into a test's processes.
SESSION_VARIABLES = (
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "WAYLAND_SOCKET",
    "XAUTHORITY",
    "DBUS_SESSION_BUS_ADDRESS",
    "AT_SPI_BUS_ADDRESS",
    "PULSE_SERVER",
    "PULSE_RUNTIME_PATH",
    "PULSE_STATE_PATH",
    "PULSE_COOKIE",
    "PULSE_SINK",
    "PULSE_SOURCE",
    "SPEECHD_ADDRESS",
    "QT_QPA_PLATFORM",
    "QT_LINUX_ACCESSIBILITY_ALWAYS_ON",
    "QT_ACCESSIBILITY",
    "NOTIFY_SOCKET",
    "WATCHDOG_USEC",
    "WATCHDOG_PID",
    "XDG_SESSION_TYPE",
    "XDG_CURRENT_DESKTOP",
    "XDG_SESSION_DESKTOP",
    "DESKTOP_SESSION",
    "SESSION_MANAGER",
    "WLR_BACKENDS",
    "WLR_RENDERER",
    "PYTHONPATH",
    "PYTHONHOME",
)


# --- skipping ----------------------------------------------------------------------------


def need_program(program: str, package: str, what: str | None = None) -> str:
    """The path of ``program`` (on PATH, or an absolute path), or skip: ``needs PROGRAM (Debian package PACKAGE)``."""
    if os.sep in program:
        found = program if os.path.isfile(program) and os.access(program, os.X_OK) else None
    else:
        found = shutil.which(program)
    if found is None:
        pytest.skip(f"needs {what or program} (Debian package {package})")
    return found


def _library_paths() -> set[str]:
    """Sonames the dynamic linker can find: ldconfig's cache, kept only where the file is really there."""
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    names: set[str] = set()
    try:
        out = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, timeout=30, check=False).stdout
    except OSError:
        return names
    for line in out.splitlines():
        name, sep, path = line.strip().partition(" => ")
        if sep and os.path.isfile(path.strip()):
            names.add(name.split(" ", 1)[0])
    return names


def need_libraries(libraries: Sequence[tuple[str, str]], purpose: str) -> None:
    """Skip with one line naming the missing libraries and their Debian packages, if any is missing."""
    found = _library_paths()
    missing = [(lib, pkg) for lib, pkg in libraries if lib not in found]
    if missing:
        libs = ", ".join(lib for lib, _ in missing)
        packages = " ".join(dict.fromkeys(pkg for _, pkg in missing))
        plural = "s" if len(missing) > 1 else ""
        pytest.skip(f"needs {libs} for {purpose} (Debian package{plural} {packages})")


def need_pyatspi() -> None:
    """Skip unless Debian's ``/usr/bin/python3`` can import pyatspi."""
    need_program(str(DEBIAN_PYTHON), "python3", "/usr/bin/python3")
    result = subprocess.run(
        [str(DEBIAN_PYTHON), "-c", "import pyatspi; pyatspi.Registry"],
        env=_debian_python_env(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip("needs pyatspi for /usr/bin/python3 (Debian package python3-pyatspi)")


# --- processes ---------------------------------------------------------------------------


def wait_until(
    condition: Callable[[], T | None],
    timeout: float,
    what: str,
    interval: float = 0.05,
    log: Callable[[], str] | None = None,
) -> T:
    """Call ``condition`` until it returns something true, and return that; fail naming ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            tail = f"\n{log()}" if log is not None else ""
            pytest.fail(f"timed out after {timeout:g} s waiting for {what}{tail}", pytrace=False)
        time.sleep(interval)


def _group_members(pgid: int) -> list[int]:
    """Process ids whose process group is ``pgid`` (read from /proc)."""
    members = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                data = f.read()
        except OSError:
            continue
        fields = data[data.rfind(b")") + 2 :].split()
        if len(fields) > 2 and int(fields[2]) == pgid:
            members.append(int(entry.name))
    return members


class Processes:
    """Processes a fixture starts, each in its own process group with its output in a log file.

    ``close()`` (at teardown) ends them in reverse order: SIGTERM to the whole
    group, SIGKILL to what is left after ``timeout`` seconds, then reaps.
    """

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self._started: list[tuple[str, subprocess.Popen[bytes]]] = []
        self._log_of: dict[int, Path] = {}

    def start(
        self,
        name: str,
        argv: Sequence[str],
        env: Mapping[str, str],
        *,
        cwd: Path | None = None,
        pipe_stdout: bool = False,
        pass_fds: Sequence[int] = (),
    ) -> subprocess.Popen[bytes]:
        """Start ``argv`` in a new session; stdout (unless piped) and stderr go to ``logs/NAME.log``."""
        self.logs.mkdir(parents=True, exist_ok=True)
        log = self.logs / f"{name}.log"
        n = 1
        while log.exists():
            n += 1
            log = self.logs / f"{name}-{n}.log"
        with open(log, "wb") as out:
            proc = subprocess.Popen(
                list(argv),
                env=dict(env),
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE if pipe_stdout else out,
                stderr=out,
                start_new_session=True,
                pass_fds=tuple(pass_fds),
            )
        self._started.append((name, proc))
        self._log_of[proc.pid] = log
        return proc

    def log_path(self, proc: subprocess.Popen[bytes]) -> Path:
        """Where ``proc`` writes its output."""
        return self._log_of[proc.pid]

    def log(self, proc: subprocess.Popen[bytes], lines: int = 40) -> str:
        """The last ``lines`` lines of ``proc``'s log, headed by its file name."""
        path = self._log_of[proc.pid]
        try:
            text = path.read_text(errors="replace").splitlines()[-lines:]
        except OSError:
            text = []
        return f"--- {path.name} (last {len(text)} lines) ---\n" + "\n".join(text)

    def exited(self, proc: subprocess.Popen[bytes]) -> bool:
        """Whether ``proc`` has exited, without reaping it (its id stays reserved, and so its group id)."""
        if proc.returncode is not None:
            return True
        try:
            info = os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            return True
        return info is not None

    def stop(self, proc: subprocess.Popen[bytes], timeout: float = 5.0, sig: int = signal.SIGTERM) -> int | None:
        """End ``proc`` and every process left in its group; return its exit status."""
        pgid = proc.pid
        if _group_members(pgid):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pgid, sig)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and not (self.exited(proc) and _group_members(pgid) in ([], [pgid])):
                time.sleep(0.02)
            if _group_members(pgid):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(pgid, signal.SIGKILL)
        try:
            return proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        finally:
            if proc.stdout is not None:
                proc.stdout.close()

    def close(self) -> None:
        """Stop everything started here, the last started first."""
        while self._started:
            _, proc = self._started.pop()
            self.stop(proc)


def _run(
    argv: Sequence[str], env: Mapping[str, str], timeout: float = 30.0, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run a short command; with ``check``, fail (not raise) with its output if it exits non-zero or hangs."""
    try:
        result = subprocess.run(
            list(argv),
            env=dict(env),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(argv)} did not finish within {timeout:g} s", pytrace=False)
    if check and result.returncode != 0:
        pytest.fail(
            f"{' '.join(argv)} exited {result.returncode}: {result.stderr.strip() or result.stdout.strip()}",
            pytrace=False,
        )
    return result


# --- folders and environment -------------------------------------------------------------


@dataclass
class RealDirs:
    """The folders one test's processes share.

    ``home`` is ``tmp_path/home`` with the XDG folders the tests' conftest uses
    (config, data, cache, state); ``runtime`` is a short 0700 folder under the
    system temp folder (Unix socket paths must stay under 108 bytes, which
    tmp_path with a long test name can exceed); ``logs`` holds every process's
    output.
    """

    home: Path
    runtime: Path
    logs: Path
    tmp: Path

    def env(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        """This process's environment without the developer's session, pointed into these folders."""
        env = {k: v for k, v in os.environ.items() if k not in SESSION_VARIABLES}
        env.update(
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_DATA_HOME=str(self.home / ".local/share"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            XDG_STATE_HOME=str(self.home / ".local/state"),
            XDG_RUNTIME_DIR=str(self.runtime),
        )
        env.update(extra or {})
        return env

    def subdir(self, name: str, mode: int = 0o700) -> Path:
        """A new folder ``name`` under ``runtime``."""
        path = self.runtime / name
        path.mkdir(mode=mode)
        path.chmod(mode)
        return path


@pytest.fixture
def real_dirs(tmp_path: Path) -> Iterator[RealDirs]:
    """The HOME, XDG, runtime and log folders of one test (the runtime folder is removed afterwards)."""
    home = tmp_path / "home"
    for sub in (".config", ".local/share", ".cache", ".local/state"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    runtime = Path(tempfile.mkdtemp(prefix="rm-"))
    runtime.chmod(0o700)
    try:
        yield RealDirs(home=home, runtime=runtime, logs=tmp_path / "logs", tmp=tmp_path)
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


def merge_env(*envs: Mapping[str, str]) -> dict[str, str]:
    """Several fixtures' environments in one (later ones win; they share HOME and XDG folders)."""
    merged: dict[str, str] = {}
    for env in envs:
        merged.update(env)
    return merged


def _debian_python_env(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """An environment for Debian's /usr/bin/python3: no venv, no PYTHONPATH."""
    base = dict(os.environ if env is None else env)
    for var in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"):
        base.pop(var, None)
    return base


def _size_of(value: object) -> tuple[int, int]:
    if isinstance(value, str):
        w, _, h = value.lower().partition("x")
        return int(w), int(h)
    if isinstance(value, Sequence) and len(value) == 2:
        return int(value[0]), int(value[1])
    raise ValueError(f"a screen size is 'WxH' or (W, H), not {value!r}")


def _display_options(request: pytest.FixtureRequest, window_manager: bool) -> tuple[tuple[int, int], bool]:
    """Screen size and window manager from an indirect parametrisation (``"WxH"``, ``(W, H)`` or a dict)."""
    param = getattr(request, "param", None)
    if param is None:
        return DEFAULT_SIZE, window_manager
    if isinstance(param, Mapping):
        return _size_of(param.get("size", DEFAULT_SIZE)), bool(param.get("window_manager", window_manager))
    return _size_of(param), window_manager


# --- pictures ----------------------------------------------------------------------------


def load_rgb(path: Path) -> Any:
    """A PNG as a numpy array of shape (height, width, 3), uint8 (read with Qt's QImage)."""
    import numpy as np
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        raise ValueError(f"{path} is not a picture Qt can read")
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = image.width(), image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    return data[:, : w * 3].reshape(h, w, 3).copy()


def _rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def colour_mask(pixels: Any, colour: str, tolerance: int = 3) -> Any:
    """Boolean mask of the pixels within ``tolerance`` (per channel) of ``#rrggbb``."""
    import numpy as np

    target = np.array(_rgb(colour), dtype=np.int16)
    return bool_mask(np.abs(pixels.astype(np.int16) - target).max(axis=2) <= tolerance)


def bool_mask(mask: Any) -> Any:
    """``mask`` as a numpy bool array (keeps mypy's view of numpy out of the callers)."""
    return mask.astype(bool)


def colour_count(pixels: Any, colour: str, tolerance: int = 3) -> int:
    """How many pixels are within ``tolerance`` of ``#rrggbb``."""
    return int(colour_mask(pixels, colour, tolerance).sum())


def is_blank(path: Path, share: float = 0.98) -> bool:
    """Whether one colour covers at least ``share`` of the picture (black, white, any flat fill)."""
    import numpy as np

    pixels = load_rgb(path).reshape(-1, 3)
    packed = (pixels[:, 0].astype(np.uint32) << 16) | (pixels[:, 1].astype(np.uint32) << 8) | pixels[:, 2]
    _, counts = np.unique(packed, return_counts=True)
    return bool(counts.max() >= share * len(packed))


def art_colours(svg: Path = ASSETS / "art" / "feet.svg") -> list[str]:
    """The flat fill colours of the zones in the art (``data-zone`` shapes), in file order."""
    text = svg.read_text(encoding="utf-8")
    colours = re.findall(r'<[^>]*data-zone="[^"]+"[^>]*fill="(#[0-9a-fA-F]{6})"', text)
    colours += re.findall(r'<[^>]*fill="(#[0-9a-fA-F]{6})"[^>]*data-zone="[^"]+"', text)
    return list(dict.fromkeys(c.lower() for c in colours))


def art_colours_present(path: Path, min_pixels: int = 200, tolerance: int = 3) -> list[str]:
    """The art's zone colours that cover at least ``min_pixels`` pixels of the picture."""
    pixels = load_rgb(path)
    return [c for c in art_colours() if colour_count(pixels, c, tolerance) >= min_pixels]


def interior_point(mask: Any, margin: int = 6) -> tuple[int, int] | None:
    """A pixel (x, y) of ``mask`` whose whole (2*margin+1)-square is in the mask, near their centroid."""
    import numpy as np

    m = mask.astype(np.int32)
    integral = np.pad(m.cumsum(0).cumsum(1), ((1, 0), (1, 0)))
    k = 2 * margin + 1
    h, w = m.shape
    if h < k or w < k:
        return None
    sums = integral[k:, k:] - integral[:-k, k:] - integral[k:, :-k] + integral[:-k, :-k]
    ys, xs = np.nonzero(sums == k * k)
    if len(xs) == 0:
        return None
    cx, cy = xs.mean(), ys.mean()
    i = int(((xs - cx) ** 2 + (ys - cy) ** 2).argmin())
    return int(xs[i]) + margin, int(ys[i]) + margin


# --- X11: Xvfb, openbox ------------------------------------------------------------------


def _display_numbers() -> list[int | None]:
    """The display numbers Xvfb may take: any free one, or those of ``$REFLEXMAP_XVFB_DISPLAYS`` (e.g. ``95-99``).

    A machine shared with other X servers can keep the tests to its own numbers.
    """
    wanted = os.environ.get("REFLEXMAP_XVFB_DISPLAYS", "").strip()
    if not wanted:
        return [None]
    first, _, last = wanted.partition("-")
    return list(range(int(first), int(last or first) + 1))


def _exits(processes: Processes, proc: subprocess.Popen[bytes], timeout: float) -> bool:
    """Whether ``proc`` exits within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not processes.exited(proc):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def start_xvfb(
    processes: Processes, env: Mapping[str, str], size: tuple[int, int], name: str = "Xvfb", timeout: float = 20.0
) -> str:
    """Start Xvfb on a free display (``-displayfd``) and return ``:N`` once it accepts connections."""
    xvfb = need_program("Xvfb", "xvfb")
    numbers = _display_numbers()
    for number in numbers:
        display = _try_xvfb(processes, env, size, name, timeout, xvfb, number, last=number == numbers[-1])
        if display is not None:
            return display
    pytest.fail(f"no free X display among {os.environ.get('REFLEXMAP_XVFB_DISPLAYS')}", pytrace=False)


def _try_xvfb(
    processes: Processes,
    env: Mapping[str, str],
    size: tuple[int, int],
    name: str,
    timeout: float,
    xvfb: str,
    number: int | None,
    last: bool,
) -> str | None:
    """Xvfb on display ``number`` (None: the first free one); None if that one is taken and others are left."""
    read_end, write_end = os.pipe()
    try:
        proc = processes.start(
            name,
            [
                xvfb,
                *([] if number is None else [f":{number}"]),
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                f"{size[0]}x{size[1]}x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            env=env,
            pass_fds=(write_end,),
        )
    finally:
        os.close(write_end)
    try:
        reported = b""
        deadline = time.monotonic() + timeout
        while not reported.endswith(b"\n"):
            left = deadline - time.monotonic()
            ready, _, _ = select.select([read_end], [], [], max(0.0, left))
            chunk = os.read(read_end, 16) if ready else b""
            if not chunk:
                if number is not None and not last and _exits(processes, proc, 2.0):
                    return None  # another server has it
                pytest.fail(f"Xvfb did not report a display within {timeout:g} s\n{processes.log(proc)}", pytrace=False)
            reported += chunk
    finally:
        os.close(read_end)
    display = f":{int(reported)}"
    path = f"/tmp/.X11-unix/X{int(reported)}"

    def accepts() -> bool:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            try:
                s.connect(path)
            except OSError:
                return False
            return True

    wait_until(accepts, timeout, f"Xvfb {display} to accept connections", log=lambda: processes.log(proc))
    return display


@dataclass
class XSession:
    """An X server (Xvfb) with, by default, openbox managing it; see ``x_session``."""

    display: str
    size: tuple[int, int]
    env: dict[str, str] = field(repr=False)
    window_manager: str | None
    processes: Processes = field(repr=False)
    dirs: RealDirs = field(repr=False)
    apps: list[subprocess.Popen[bytes]] = field(default_factory=list, repr=False)

    def screenshot(self, path: Path) -> Path:
        """The whole screen as a PNG (ImageMagick's ``import -window root``)."""
        importer = need_program("import", "imagemagick", "import (ImageMagick)")
        _run([importer, "-window", "root", str(path)], self.env, timeout=60)
        return path

    def xdotool(self, *args: str, timeout: float = 30.0, check: bool = True) -> str:
        """Run ``xdotool ARGS`` on this display and return its output."""
        xdotool = need_program("xdotool", "xdotool")
        return _run([xdotool, *args], self.env, timeout=timeout, check=check).stdout

    def wmctrl(self, *args: str, timeout: float = 30.0, check: bool = True) -> str:
        """Run ``wmctrl ARGS`` on this display and return its output."""
        wmctrl = need_program("wmctrl", "wmctrl")
        return _run([wmctrl, *args], self.env, timeout=timeout, check=check).stdout

    def launch_app(
        self, *args: str, env: Mapping[str, str] | None = None, timeout: float = 60.0
    ) -> tuple[subprocess.Popen[bytes], int]:
        """Start ``python -m reflexmap ARGS`` here and return it with its window id, once the window is mapped.

        ``env`` is merged over the session's (e.g. ``a11y_bus.env``,
        ``sound_server.env``). The window is found by ``_NET_WM_PID`` and
        WM_CLASS class ``reflexmap`` among viewable windows; the app having
        exited first is a failure showing its log.
        """
        need_libraries(XCB_LIBRARIES, "Qt's xcb platform plugin")
        need_program("xdotool", "xdotool")
        proc = self.processes.start(
            "reflexmap", [sys.executable, "-m", "reflexmap", *args], env=merge_env(self.env, env or {}), cwd=REPO
        )
        self.apps.append(proc)

        def window() -> int | None:
            if self.processes.exited(proc):
                pytest.fail(f"reflexmap exited before its window was mapped\n{self.processes.log(proc)}", pytrace=False)
            out = self.xdotool(
                "search", "--all", "--onlyvisible", "--pid", str(proc.pid), "--class", "reflexmap", check=False
            )
            ids = [int(line) for line in out.split()]
            return ids[0] if ids else None

        return proc, wait_until(
            window, timeout, "the reflexmap window to be mapped", interval=0.1, log=lambda: self.processes.log(proc)
        )

    def app_log(self, proc: subprocess.Popen[bytes]) -> str:
        """Everything ``proc`` (from ``launch_app``) wrote so far."""
        return self.processes.log_path(proc).read_text(errors="replace")

    def stop_app(self, proc: subprocess.Popen[bytes], timeout: float = 10.0) -> int | None:
        """End an app started by ``launch_app`` (SIGTERM to its group) and return its exit status."""
        return self.processes.stop(proc, timeout=timeout)


def start_openbox(processes: Processes, env: Mapping[str, str], timeout: float = 20.0) -> str:
    """Start openbox and return its name once ``wmctrl -m`` says it manages the screen."""
    openbox = need_program("openbox", "openbox")
    wmctrl = need_program("wmctrl", "wmctrl")
    proc = processes.start("openbox", [openbox, "--sm-disable"], env=env)

    def managing() -> str | None:
        if processes.exited(proc):
            pytest.fail(f"openbox exited\n{processes.log(proc)}", pytrace=False)
        result = _run([wmctrl, "-m"], env, check=False)
        match = re.search(r"^Name: (.+)$", result.stdout, re.MULTILINE) if result.returncode == 0 else None
        return match.group(1).strip() if match else None

    return wait_until(managing, timeout, "openbox to manage the screen", log=lambda: processes.log(proc))


@pytest.fixture
def x_session(request: pytest.FixtureRequest, real_dirs: RealDirs) -> Iterator[XSession]:
    """An Xvfb screen (1280x800 unless parametrised) managed by openbox; env has DISPLAY and QT_QPA_PLATFORM=xcb."""
    size, with_wm = _display_options(request, window_manager=True)
    need_program("Xvfb", "xvfb")
    need_program("xdotool", "xdotool")
    need_program("import", "imagemagick", "import (ImageMagick)")
    if with_wm:
        need_program("openbox", "openbox")
        need_program("wmctrl", "wmctrl")
    processes = Processes(real_dirs.logs)
    try:
        display = start_xvfb(processes, real_dirs.env(), size)
        env = real_dirs.env({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"})
        wm = start_openbox(processes, env) if with_wm else None
        yield XSession(display=display, size=size, env=env, window_manager=wm, processes=processes, dirs=real_dirs)
    finally:
        processes.close()


# --- cage --------------------------------------------------------------------------------


KIOSK_UID = 1000  # the uid cage and the app have inside the user namespace


def _unshare_works(unshare: str) -> str | None:
    """None if ``unshare --user`` can map a non-root uid here, else why not (one line)."""
    try:
        result = subprocess.run(
            [unshare, "--user", f"--map-user={KIOSK_UID}", f"--map-group={KIOSK_UID}", "--", "true"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        return str(e)
    if result.returncode != 0:
        return (result.stderr.strip().splitlines() or [f"exit {result.returncode}"])[-1]
    return None


@dataclass
class _AsUser:
    """How to run cage as someone other than root."""

    prefix: list[str]
    uid: int | None  # a real user to give the runtime folder and HOME to; None in a user namespace


def _unprivileged(dirs: RealDirs) -> _AsUser:
    """The command prefix that runs cage without root, or skip with one line saying why none can be had."""
    if os.geteuid() != 0:
        return _AsUser([], None)
    way = os.environ.get("REFLEXMAP_CAGE_AS", "auto")
    why = "REFLEXMAP_CAGE_AS=setpriv"
    if way in ("auto", "userns"):
        unshare = shutil.which("unshare")
        failure = "no unshare (Debian package util-linux)" if unshare is None else _unshare_works(unshare)
        if failure is None and unshare is not None:
            return _AsUser([unshare, "--user", f"--map-user={KIOSK_UID}", f"--map-group={KIOSK_UID}", "--"], None)
        why = f"unshare --user failed: {failure}"
        if way == "userns":
            pytest.skip(f"needs a user namespace for cage, which refuses root ({why})")
    name = os.environ.get("REFLEXMAP_CAGE_USER", "nobody")
    setpriv = shutil.which("setpriv")
    try:
        user = pwd.getpwnam(name)
    except KeyError:
        pytest.skip(f"needs an unprivileged user for cage, which refuses root ({why}; no user {name})")
    if setpriv is None:
        pytest.skip(f"needs setpriv to run cage as {name}, as cage refuses root ({why}; Debian package util-linux)")
    prefix = [setpriv, f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--"]
    _grant_traverse(dirs.tmp)
    for needed, test in ((Path(sys.executable).resolve(), "-x"), (REPO / "reflexmap" / "__init__.py", "-r")):
        check = subprocess.run([*prefix, "test", test, str(needed)], capture_output=True, timeout=30, check=False)
        if check.returncode != 0:
            pytest.skip(f"needs an unprivileged user for cage, which refuses root ({why}; {name} cannot read {needed})")
    return _AsUser(prefix, user.pw_uid)


def _grant_traverse(path: Path) -> None:
    """Let others pass through ``path`` and its parents inside the system temp folder (o+x), as tmp_path is 0700."""
    top = Path(tempfile.gettempdir()).resolve()
    path = path.resolve()
    for folder in [path, *path.parents]:
        if folder == top or top not in folder.parents:
            break
        mode = folder.stat().st_mode
        if not mode & stat.S_IXOTH:
            folder.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)


def _chown_tree(path: Path, uid: int) -> None:
    for root, dirs, files in os.walk(path):
        for name in [*dirs, *files]:
            os.lchown(os.path.join(root, name), uid, -1)
    os.chown(path, uid, -1)


@dataclass
class CageSession:
    """The cage kiosk compositor drawing into its own Xvfb (``host``); see ``cage_session``."""

    host: str
    size: tuple[int, int]
    host_env: dict[str, str] = field(repr=False)
    runtime: Path
    processes: Processes = field(repr=False)
    dirs: RealDirs = field(repr=False)
    as_user: _AsUser
    notify_path: Path = field(repr=False)
    _notify: socket.socket = field(repr=False)
    notifications: list[str] = field(default_factory=list)
    cage: subprocess.Popen[bytes] | None = None
    window: int | None = None

    @property
    def wayland_display(self) -> str:
        """The name of cage's socket in ``runtime`` (``wayland-0``)."""
        sockets = sorted(p.name for p in self.runtime.glob("wayland-*") if not p.name.endswith(".lock"))
        return sockets[0] if sockets else "wayland-0"

    @property
    def env(self) -> dict[str, str]:
        """An environment for Wayland clients of this cage (grim, wayland-info): its runtime folder and socket."""
        return self.dirs.env({"XDG_RUNTIME_DIR": str(self.runtime), "WAYLAND_DISPLAY": self.wayland_display})

    def app_env(self, env: Mapping[str, str] | None = None) -> dict[str, str]:
        """What cage and the app start with: the host display for wlroots' x11 backend, Wayland for Qt."""
        return merge_env(
            self.dirs.env(),
            env or {},
            {
                "DISPLAY": self.host,
                "XDG_RUNTIME_DIR": str(self.runtime),
                "WLR_BACKENDS": "x11",
                "WLR_RENDERER": "pixman",
                "QT_QPA_PLATFORM": "wayland",
                "NOTIFY_SOCKET": str(self.notify_path),
            },
        )

    def launch_app(
        self, *args: str, env: Mapping[str, str] | None = None, timeout: float = 60.0, wait_frame: bool = True
    ) -> subprocess.Popen[bytes]:
        """Start ``cage -d -- python -m reflexmap ARGS`` and return cage's process once the app is up.

        Up means: cage's X11 window exists (it is then resized to fill the
        Xvfb, so cage's output is full screen) and, with ``wait_frame``,
        ``grim`` captures a full-size frame that is not one flat colour.
        The kiosk also sends READY=1 (``wait_notify``).
        """
        if self.cage is not None:
            raise RuntimeError("this cage session already runs an app")
        cage = need_program("cage", "cage")
        argv = [*self.as_user.prefix, cage, "-d", "--", sys.executable, "-m", "reflexmap", *args]
        self.cage = proc = self.processes.start("cage", argv, env=self.app_env(env), cwd=REPO)

        def log() -> str:
            return self.processes.log(proc)

        def cage_window() -> int | None:
            if self.processes.exited(proc):
                pytest.fail(f"cage exited before its window appeared\n{log()}", pytrace=False)
            return _only_child_window(self.host_env)

        self.window = wait_until(cage_window, timeout, "cage's X11 window", interval=0.1, log=log)
        self.xdotool("windowmove", str(self.window), "0", "0")
        self.xdotool("windowsize", str(self.window), str(self.size[0]), str(self.size[1]))
        if wait_frame:
            self.wait_frame(timeout=timeout)
        return proc

    def wait_frame(self, timeout: float = 60.0, path: Path | None = None) -> Path:
        """Wait until grim captures a full-size frame that is not blank; return that PNG."""
        shot = path or self.dirs.tmp / "cage-frame.png"
        assert self.cage is not None, "launch_app first"
        proc = self.cage

        def frame() -> Path | None:
            if self.processes.exited(proc):
                pytest.fail(f"cage exited\n{self.processes.log(proc)}", pytrace=False)
            if not (self.runtime / self.wayland_display).exists():
                return None
            if _run([need_program("grim", "grim"), str(shot)], self.env, check=False).returncode != 0:
                return None
            h, w = load_rgb(shot).shape[:2]
            return shot if (w, h) == self.size and not is_blank(shot) else None

        return wait_until(
            frame, timeout, "a full-screen frame from cage", interval=0.2, log=lambda: self.processes.log(proc)
        )

    def _read_notifications(self, wait: float) -> None:
        ready, _, _ = select.select([self._notify], [], [], max(0.0, wait))
        while ready:
            self.notifications.append(self._notify.recv(4096).decode(errors="replace"))
            ready, _, _ = select.select([self._notify], [], [], 0)

    def wait_notify(self, message: str = "READY=1", timeout: float = 30.0) -> str:
        """Wait until the app sends ``message`` on NOTIFY_SOCKET (as to systemd) and return it."""
        deadline = time.monotonic() + timeout
        while True:
            for got in self.notifications:
                if message in got.split("\n"):
                    return message
            left = deadline - time.monotonic()
            if left <= 0:
                log = self.processes.log(self.cage) if self.cage else ""
                pytest.fail(
                    f"no {message} on NOTIFY_SOCKET within {timeout:g} s (got {self.notifications})\n{log}",
                    pytrace=False,
                )
            self._read_notifications(min(left, 0.5))

    def screenshot(self, path: Path) -> Path:
        """cage's output as a PNG (grim)."""
        _run([need_program("grim", "grim"), str(path)], self.env, timeout=60)
        return path

    def xdotool(self, *args: str, timeout: float = 30.0, check: bool = True) -> str:
        """Run ``xdotool ARGS`` on cage's host Xvfb."""
        return _run([need_program("xdotool", "xdotool"), *args], self.host_env, timeout=timeout, check=check).stdout

    def click(self, x: int, y: int, button: int = 1) -> None:
        """Click at (x, y) of cage's output: the pointer moves there in cage's X11 window, then clicks."""
        assert self.window is not None, "launch_app first"
        self.xdotool("mousemove", "--window", str(self.window), str(x), str(y), "click", str(button))

    def tap(self, x: int, y: int) -> None:
        """A tap, as the kiosk gets it here: a left click (xdotool makes no touch events)."""
        self.click(x, y)

    def app_pid(self) -> int | None:
        """The app's process id (cage's child), or None once it has gone."""
        if self.cage is None:
            return None
        try:
            children = Path(f"/proc/{self.cage.pid}/task/{self.cage.pid}/children").read_text().split()
        except OSError:
            return None
        return int(children[0]) if children else None

    def kill_app(self, sig: int = signal.SIGTERM) -> None:
        """Send ``sig`` to the app (not to cage)."""
        pid = self.app_pid()
        if pid is not None:
            os.kill(pid, sig)

    def wait(self, timeout: float = 30.0) -> int:
        """Wait for cage to exit and return its status."""
        assert self.cage is not None, "launch_app first"
        try:
            return self.cage.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"cage still running after {timeout:g} s\n{self.processes.log(self.cage)}", pytrace=False)

    def log(self) -> str:
        """The tail of cage's log (its own lines and the app's)."""
        return self.processes.log(self.cage) if self.cage is not None else ""


def _only_child_window(env: Mapping[str, str]) -> int | None:
    """The id of the first child of the root window (on an Xvfb without a window manager: cage's window)."""
    xwininfo = need_program("xwininfo", "x11-utils")
    out = _run([xwininfo, "-root", "-children"], env, check=False).stdout  # "1 child:" or "N children:"
    match = re.search(r"^\s+(0x[0-9a-f]+)\s", out, re.MULTILINE)
    return int(match.group(1), 16) if match else None


@pytest.fixture
def cage_session(request: pytest.FixtureRequest, real_dirs: RealDirs) -> Iterator[CageSession]:
    """cage nested in an Xvfb of its own (1280x800 unless parametrised), run as non-root; the app via launch_app."""
    size, _ = _display_options(request, window_manager=False)
    need_program("cage", "cage")
    need_program("Xwayland", "xwayland", "Xwayland, without which cage exits")
    need_program("grim", "grim")
    need_program("Xvfb", "xvfb")
    need_program("xdotool", "xdotool")
    need_program("xwininfo", "x11-utils")
    need_libraries(WAYLAND_LIBRARIES, "Qt's wayland platform plugin")
    as_user = _unprivileged(real_dirs)
    processes = Processes(real_dirs.logs)
    runtime = real_dirs.subdir("cage")
    notify_path = runtime / "notify"
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        notify.bind(str(notify_path))
        if as_user.uid is not None:
            real_dirs.runtime.chmod(0o711)
            notify_path.chmod(0o777)
            _chown_tree(runtime, as_user.uid)
            _chown_tree(real_dirs.home, as_user.uid)
        display = start_xvfb(processes, real_dirs.env(), size, name="Xvfb-cage")
        yield CageSession(
            host=display,
            size=size,
            host_env=real_dirs.env({"DISPLAY": display}),
            runtime=runtime,
            processes=processes,
            dirs=real_dirs,
            as_user=as_user,
            notify_path=notify_path,
            _notify=notify,
        )
    finally:
        processes.close()
        notify.close()
        if as_user.uid is not None:
            _chown_tree(real_dirs.home, os.geteuid())


# --- sound -------------------------------------------------------------------------------


class _Tap:
    """One ``parec`` on the sink's monitor, read by a thread; keeps every sample with its arrival time."""

    def __init__(self, proc: subprocess.Popen[bytes], rate: int) -> None:
        self.proc = proc
        self.rate = rate
        self._data = bytearray()
        self._lock = threading.Condition()
        self._ends: list[int] = []  # sample count after each chunk
        self._arrivals: list[float] = []  # time.monotonic() when that chunk was read
        self._thread = threading.Thread(target=self._read, name="parec", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                chunk = b""
            now = time.monotonic()
            with self._lock:
                if not chunk:
                    self._lock.notify_all()
                    return
                self._data += chunk
                self._ends.append(len(self._data) // 2)
                self._arrivals.append(now)
                self._lock.notify_all()

    @property
    def samples(self) -> int:
        """Samples received so far."""
        with self._lock:
            return len(self._data) // 2

    def wait_samples(self, count: int, timeout: float) -> bool:
        """Wait until ``count`` samples have arrived."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while len(self._data) // 2 < count:
                left = deadline - time.monotonic()
                if left <= 0 or not self._thread.is_alive():
                    return False
                self._lock.wait(left)
            return True

    def slice(self, start: int, end: int | None = None) -> bytes:
        """Samples ``start`` to ``end`` (s16le bytes)."""
        with self._lock:
            return bytes(self._data[2 * start : None if end is None else 2 * end])

    def arrival_of(self, index: int) -> float:
        """When sample ``index`` reached the recorder, on ``time.monotonic()`` (never before it was played)."""
        with self._lock:
            return self._arrivals[bisect.bisect_right(self._ends, index)]


class Recording:
    """A stretch of the sound server's output, from when it was made until ``stop()``."""

    def __init__(self, tap: _Tap) -> None:
        self._tap = tap
        self.start = tap.samples
        self.started = time.monotonic()
        self.end: int | None = None
        self.rate = tap.rate

    def stop(self) -> bytes:
        """End the recording (at the last sample received) and return it: raw s16le, mono."""
        if self.end is None:
            time.sleep(0.05)  # the recorder's latency: let what was played until now arrive
            self.end = self._tap.samples
        return self.data

    @property
    def data(self) -> bytes:
        """What was recorded so far (or until ``stop()``)."""
        return self._tap.slice(self.start, self.end)

    def onset(self, threshold: int = 500) -> float | None:
        """Seconds from the start of the recording to the first sample of magnitude >= threshold."""
        return sound_onset(self.data, threshold, self.rate)

    def onset_time(self, threshold: int = 500) -> float | None:
        """When sound started, on ``time.monotonic()``, to compare with when it was asked for.

        It is when the recorder received the first loud sample: a latency
        measured with it is an upper bound, late by at most the recorder's
        own latency (about 10 ms), never early.
        """
        index = _first_loud(self.data, threshold)
        return None if index is None else self._tap.arrival_of(self.start + index)

    def onset_times(self, threshold: int = 500, gap: float = 0.3) -> list[float]:
        """When each sound (after at least ``gap`` seconds of quiet) started, on ``time.monotonic()``."""
        import numpy as np

        samples = np.abs(np.frombuffer(self.data, dtype="<i2").astype(np.int32))
        loud = np.flatnonzero(samples >= threshold)
        if not loud.size:
            return []
        starts = [int(loud[0])] + [int(i) for i in loud[np.flatnonzero(np.diff(loud) > gap * self.rate) + 1]]
        return [self._tap.arrival_of(self.start + i) for i in starts]

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _first_loud(data: bytes, threshold: int) -> int | None:
    import numpy as np

    samples = np.frombuffer(data, dtype="<i2").astype(np.int32)
    loud = np.flatnonzero(np.abs(samples) >= threshold)
    return int(loud[0]) if len(loud) else None


def sound_onset(data: bytes, threshold: int = 500, rate: int = 48000) -> float | None:
    """Seconds into ``data`` (raw s16le mono) of the first sample whose magnitude reaches ``threshold``."""
    index = _first_loud(data, threshold)
    return None if index is None else index / rate


def peak(data: bytes) -> int:
    """The largest sample magnitude in ``data`` (raw s16le)."""
    import numpy as np

    samples = np.frombuffer(data, dtype="<i2").astype(np.int32)
    return int(np.abs(samples).max()) if len(samples) else 0


@dataclass
class SoundServer:
    """PulseAudio with one null sink (``t``), recorded from its monitor all along; see ``sound_server``."""

    env: dict[str, str] = field(repr=False)
    socket: Path
    processes: Processes = field(repr=False)
    tap: _Tap = field(repr=False)
    sink: str = "t"
    rate: int = 48000

    @property
    def monitor(self) -> str:
        """The sink's monitor source, where everything played can be recorded."""
        return f"{self.sink}.monitor"

    def recording(self) -> Recording:
        """Start a recording now (a slice of the running recorder: no start-up gap); ``stop()`` returns it."""
        return Recording(self.tap)

    def record(self, seconds: float) -> bytes:
        """Record ``seconds`` from now and return them (raw s16le, mono, ``rate`` Hz)."""
        rec = self.recording()
        count = int(seconds * self.rate)
        if not self.tap.wait_samples(rec.start + count, timeout=seconds + 10):
            pytest.fail(f"the recorder stopped delivering sound\n{self.processes.log(self.tap.proc)}", pytrace=False)
        rec.end = rec.start + count
        return rec.data

    def play(self, path: Path, timeout: float = 60.0) -> None:
        """Play a sound file to the sink with ``paplay`` and wait until it is done."""
        _run(
            [need_program("paplay", "pulseaudio-utils"), f"--device={self.sink}", str(path)], self.env, timeout=timeout
        )

    def pactl(self, *args: str) -> str:
        """Run ``pactl ARGS`` against this server."""
        return _run([need_program("pactl", "pulseaudio-utils"), *args], self.env).stdout


@pytest.fixture
def sound_server(real_dirs: RealDirs) -> Iterator[SoundServer]:
    """PulseAudio in tmp with a null sink ``t``; env has PULSE_SERVER; record() and recording() read its monitor."""
    pulseaudio = need_program("pulseaudio", "pulseaudio")
    pactl = need_program("pactl", "pulseaudio-utils")
    parec = need_program("parec", "pulseaudio-utils")
    need_program("paplay", "pulseaudio-utils")
    processes = Processes(real_dirs.logs)
    runtime = real_dirs.subdir("pulse")
    sock = runtime / "native"
    server_env = real_dirs.env({"PULSE_RUNTIME_PATH": str(runtime), "PULSE_STATE_PATH": str(runtime / "state")})
    env = real_dirs.env({"PULSE_SERVER": f"unix:{sock}"})
    try:
        proc = processes.start(
            "pulseaudio",
            [
                pulseaudio,
                "-n",
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--use-pid-file=no",
                "--realtime=no",
                "--high-priority=no",
                "--log-target=stderr",
                "--log-level=notice",
                "-L",
                "module-null-sink sink_name=t rate=48000 norewinds=1 sink_properties=device.description=reflexmap-test",
                "-L",
                f"module-native-protocol-unix auth-anonymous=1 socket={sock}",
            ],
            env=server_env,
        )

        def up() -> bool:
            if processes.exited(proc):
                pytest.fail(f"pulseaudio exited\n{processes.log(proc)}", pytrace=False)
            return _run([pactl, "list", "short", "sinks"], env, check=False).stdout.split("\t")[1:2] == ["t"]

        wait_until(up, 30, "pulseaudio and its null sink", interval=0.1, log=lambda: processes.log(proc))
        rec = processes.start(
            "parec",
            [
                parec,
                "--device=t.monitor",
                "--format=s16le",
                "--rate=48000",
                "--channels=1",
                "--raw",
                "--latency-msec=10",
            ],
            env=env,
            pipe_stdout=True,
        )
        tap = _Tap(rec, 48000)
        if not tap.wait_samples(480, timeout=15):
            pytest.fail(f"parec delivered nothing from t.monitor\n{processes.log(rec)}", pytrace=False)
        yield SoundServer(env=env, socket=sock, processes=processes, tap=tap)
    finally:
        processes.close()


# --- AT-SPI ------------------------------------------------------------------------------


#: The client run by Debian's python3: helpers, then a function named on the command line or a script's main().
ATSPI_CLIENT = r'''
import json, sys
import pyatspi

def _states(acc):
    try:
        return sorted(pyatspi.stateToString(s) for s in acc.getState().getStates())
    except Exception:
        return []

def _extents(acc):
    try:
        e = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    except Exception:
        return None
    return [e.x, e.y, e.width, e.height]

def node(acc, depth=0, max_children=200):
    """role, name, description, states, extents [x, y, w, h], and children down to depth."""
    d = {"role": acc.getRoleName(), "name": acc.name or "", "description": acc.description or "",
         "states": _states(acc), "extents": _extents(acc), "child_count": acc.childCount}
    if depth > 0:
        kids = [acc.getChildAtIndex(i) for i in range(min(acc.childCount, max_children))]
        d["children"] = [node(k, depth - 1, max_children) for k in kids if k is not None]
    return d

def applications():
    """Every application on the bus: name, pid, and its top-level children (windows)."""
    out = []
    for app in pyatspi.Registry.getDesktop(0):
        if app is None:
            continue
        d = node(app, 1)
        try:
            d["pid"] = app.get_process_id()
        except Exception:
            d["pid"] = None
        out.append(d)
    return out

def application(name="reflexmap"):
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == name:
            return app
    return None

def tree(name="reflexmap", depth=12):
    """The accessible tree of the application called name, or None."""
    app = application(name)
    return None if app is None else node(app, depth)

def find(name="reflexmap", role=None, text=None, limit=500):
    """Flat list of the app's nodes with this role name and/or whose name contains text."""
    app = application(name)
    found, todo = [], [app] if app is not None else []
    while todo and len(found) < limit:
        acc = todo.pop(0)
        if acc is None:
            continue
        if (role is None or acc.getRoleName() == role) and (text is None or text in (acc.name or "")):
            found.append(node(acc, 0))
        todo.extend(acc.getChildAtIndex(i) for i in range(acc.childCount))
    return found

FUNCTIONS = {"applications": applications, "tree": tree, "find": find}

request = json.loads(sys.argv[1])
what, args = request["what"], request["args"]
if what in FUNCTIONS:
    result = FUNCTIONS[what](*args)
else:
    namespace = dict(globals())
    exec(compile(what, "<atspi script>", "exec"), namespace)
    result = namespace["main"](*args)
print(json.dumps(result, ensure_ascii=False))
'''


#: A client that listens: one JSON line per event of the kinds given as arguments, in the file given first.
ATSPI_LISTENER = r"""
import json, sys, time
import pyatspi

out = open(sys.argv[1], "w", buffering=1)

def on(event):
    src = event.source
    try:
        name, role, path = src.name or "", src.getRoleName(), src.path
    except Exception:
        name, role, path = "", "", ""
    out.write(json.dumps({"t": time.monotonic(), "type": event.type, "detail1": event.detail1,
                          "name": name, "role": role, "path": path}) + "\n")

pyatspi.Registry.registerEventListener(on, *sys.argv[2:])
out.write(json.dumps({"ready": True}) + "\n")
pyatspi.Registry.start()
"""


@dataclass
class A11yEvents:
    """What a screen reader hears from the bus: events recorded as they come, with the time they came."""

    path: Path

    def since(self, t: float) -> list[dict[str, Any]]:
        """Every event recorded at or after ``t`` (``time.monotonic()``, the same clock in every process here)."""
        lines = self.path.read_text(encoding="utf-8").splitlines() if self.path.exists() else []
        events = [json.loads(line) for line in lines if line.strip()]
        return [e for e in events if "type" in e and e["t"] >= t]


def atspi_query(env: Mapping[str, str], script_or_function: str, *args: object, timeout: float = 30.0) -> Any:
    """Run an AT-SPI client with Debian's python3 (pyatspi) in ``env`` and return its JSON answer.

    ``script_or_function`` is ``"applications"``, ``"tree"`` (args: app name,
    depth) or ``"find"`` (args: app name, role, text), or Python source (or the
    path of a ``.py`` file) defining ``main(*args)`` that returns something
    JSON can hold; the helpers above (``node``, ``application``, ``tree``,
    ``find``, ``pyatspi``) are in its namespace.
    """
    if script_or_function.endswith(".py") and "\n" not in script_or_function and Path(script_or_function).is_file():
        script_or_function = Path(script_or_function).read_text(encoding="utf-8")
    request = json.dumps({"what": script_or_function, "args": list(args)})
    result = _run([str(DEBIAN_PYTHON), "-c", ATSPI_CLIENT, request], _debian_python_env(env), timeout=timeout)
    return json.loads(result.stdout)


@dataclass
class A11yBus:
    """A private session bus with the AT-SPI bus and registry on it; see ``a11y_bus``."""

    env: dict[str, str] = field(repr=False)
    session_address: str
    a11y_address: str
    processes: Processes = field(repr=False)

    def query(self, script_or_function: str, *args: object, timeout: float = 30.0) -> Any:
        """``atspi_query`` in this bus's environment."""
        return atspi_query(self.env, script_or_function, *args, timeout=timeout)

    def listen(self, *kinds: str, timeout: float = 20.0) -> A11yEvents:
        """Start recording events of ``kinds`` (``"focus:"``, ``"object:state-changed:checked"``...) until teardown."""
        path = self.processes.logs / f"a11y-events-{len(list(self.processes.logs.glob('a11y-events-*')))}.jsonl"
        argv = [str(DEBIAN_PYTHON), "-c", ATSPI_LISTENER, str(path), *kinds]
        proc = self.processes.start("atspi-listener", argv, _debian_python_env(self.env))
        wait_until(
            lambda: path.exists() and '"ready"' in path.read_text(encoding="utf-8"),
            timeout,
            "the AT-SPI listener to register",
            interval=0.1,
            log=lambda: self.processes.log(proc),
        )
        return A11yEvents(path)

    def wait_for_application(self, name: str = "reflexmap", timeout: float = 30.0) -> dict[str, Any]:
        """Wait until an application called ``name`` with at least one child is on the bus; return it."""

        def found() -> dict[str, Any] | None:
            apps = self.query("applications")
            return next((a for a in apps if a["name"] == name and a.get("children")), None)

        return wait_until(found, timeout, f"application {name!r} on the AT-SPI bus", interval=0.25)


def _dbus_send(env: Mapping[str, str], *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    return _run([need_program("dbus-send", "dbus"), "--print-reply", *args], env, check=check)


@pytest.fixture
def a11y_bus(request: pytest.FixtureRequest, real_dirs: RealDirs) -> Iterator[A11yBus]:
    """A session bus, the AT-SPI bus launcher and registry, started before the app; env has the buses and Qt's switch.

    If the test also uses ``x_session``, the launcher gets its DISPLAY (and
    publishes AT_SPI_BUS on that root window, as in a desktop session).
    """
    dbus_daemon = need_program("dbus-daemon", "dbus")
    need_program("dbus-send", "dbus")
    need_program(str(AT_SPI_BUS_LAUNCHER), "at-spi2-core")
    need_program(str(AT_SPI_REGISTRYD), "at-spi2-core")
    need_pyatspi()
    display = request.getfixturevalue("x_session").display if "x_session" in request.fixturenames else None
    processes = Processes(real_dirs.logs)
    runtime = real_dirs.subdir("dbus")
    try:
        bus = processes.start(
            "dbus-session",
            [dbus_daemon, "--session", "--nofork", "--print-address=1", f"--address=unix:path={runtime / 'bus'}"],
            env=real_dirs.env(),
            pipe_stdout=True,
        )
        assert bus.stdout is not None
        ready, _, _ = select.select([bus.stdout], [], [], 20)
        address = bus.stdout.readline().decode().strip() if ready else ""
        if not address:
            pytest.fail(f"dbus-daemon printed no address\n{processes.log(bus)}", pytrace=False)
        env = real_dirs.env({"DBUS_SESSION_BUS_ADDRESS": address})
        launcher_env = merge_env(env, {"DISPLAY": display} if display else {})
        launcher = processes.start(
            "at-spi-bus-launcher", [str(AT_SPI_BUS_LAUNCHER), "--launch-immediately", "--a11y=1"], env=launcher_env
        )

        def a11y_address() -> str | None:
            if processes.exited(launcher):
                pytest.fail(f"at-spi-bus-launcher exited\n{processes.log(launcher)}", pytrace=False)
            reply = _dbus_send(env, "--session", "--dest=org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus.GetAddress")
            match = re.search(r'string "([^"]+)"', reply.stdout) if reply.returncode == 0 else None
            return match.group(1) if match else None

        a11y = wait_until(
            a11y_address,
            30,
            "the AT-SPI bus (org.a11y.Bus.GetAddress)",
            interval=0.1,
            log=lambda: processes.log(launcher),
        )
        env["AT_SPI_BUS_ADDRESS"] = a11y
        registry = processes.start("at-spi2-registryd", [str(AT_SPI_REGISTRYD)], env=launcher_env)

        def registered() -> bool:
            if processes.exited(registry):
                pytest.fail(f"at-spi2-registryd exited\n{processes.log(registry)}", pytrace=False)
            reply = _dbus_send(
                env,
                f"--bus={a11y}",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                "string:org.a11y.atspi.Registry",
            )
            return reply.returncode == 0 and "boolean true" in reply.stdout

        wait_until(
            registered, 30, "at-spi2-registryd on the AT-SPI bus", interval=0.1, log=lambda: processes.log(registry)
        )
        env.update(QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1")
        yield A11yBus(env=env, session_address=address, a11y_address=a11y, processes=processes)
    finally:
        processes.close()


# --- speech ------------------------------------------------------------------------------


@dataclass
class Speech:
    """speech-dispatcher with its espeak-ng module, playing into ``sound_server``; see ``speech``."""

    env: dict[str, str] = field(repr=False)
    socket: Path
    processes: Processes = field(repr=False)
    sound: SoundServer = field(repr=False)

    @property
    def address(self) -> str:
        """For SPEECHD_ADDRESS (libspeechd clients: spd-say, Qt's speechd engine)."""
        return f"unix_socket:{self.socket}"

    def say(
        self, text: str, language: str | None = None, voice: str | None = None, wait: bool = True, timeout: float = 60.0
    ) -> None:
        """Speak ``text`` with ``spd-say`` (espeak-ng), by default waiting until it has been spoken."""
        argv = [need_program("spd-say", "speech-dispatcher"), "-o", "espeak-ng"]
        if language:
            argv += ["-l", language]
        if voice:
            argv += ["-y", voice]
        if wait:
            argv.append("-w")
        _run([*argv, "--", text], self.env, timeout=timeout)

    def ssip(self, *commands: str, timeout: float = 30.0) -> list[list[str]]:
        """Send SSIP commands on one connection and return each reply's lines (e.g. ``LIST SYNTHESIS_VOICES``)."""
        replies = []
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(timeout)
            s.connect(str(self.socket))
            f = s.makefile("rwb")
            for command in ("SET SELF CLIENT_NAME root:reflexmap-tests:main", *commands, "QUIT"):
                f.write(command.encode() + b"\r\n")
                f.flush()
                lines = []
                while True:
                    line = f.readline().decode(errors="replace").rstrip("\r\n")
                    if not line:
                        raise ConnectionError(f"speech-dispatcher closed the connection after {command!r}")
                    lines.append(line)
                    if len(line) >= 4 and line[3] == " ":
                        break
                replies.append(lines)
        return replies[1:-1]

    def voices(self, module: str = "espeak-ng") -> list[tuple[str, str, str]]:
        """The module's voices as (name, language, variant)."""
        _, listing = self.ssip(f"SET SELF OUTPUT_MODULE {module}", "LIST SYNTHESIS_VOICES")
        voices = []
        for line in listing[:-1]:
            parts = line[4:].split("\t")
            if len(parts) >= 3:
                voices.append((parts[0], parts[1], parts[2]))
        return voices


@pytest.fixture
def speech(sound_server: SoundServer, real_dirs: RealDirs) -> Iterator[Speech]:
    """speech-dispatcher (espeak-ng only) playing into sound_server; env has SPEECHD_ADDRESS and PULSE_SERVER."""
    dispatcher = need_program("speech-dispatcher", "speech-dispatcher")
    need_program("spd-say", "speech-dispatcher")
    need_program(
        str(SPEECHD_MODULES / "sd_espeak-ng"), "speech-dispatcher-espeak-ng", "speech-dispatcher's espeak-ng module"
    )
    need_program("espeak-ng", "espeak-ng")
    processes = Processes(real_dirs.logs)
    runtime = real_dirs.subdir("speech")
    config = runtime / "conf"
    shutil.copytree(SPEECHD_CONFIG, config)
    logs = real_dirs.logs / "speech-dispatcher"
    logs.mkdir(parents=True, exist_ok=True)
    with open(config / "speechd.conf", "a", encoding="utf-8") as f:
        f.write(
            f'\n# reflexmap tests\nAudioOutputMethod "pulse"\nAddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\n'
            f'DefaultModule espeak-ng\nLogDir "{logs}"\n'
        )
    sock = runtime / "speechd.sock"
    env = merge_env(sound_server.env, {"SPEECHD_ADDRESS": f"unix_socket:{sock}"})
    try:
        proc = processes.start(
            "speech-dispatcher",
            [
                dispatcher,
                "-s",
                "-t",
                "0",
                "-l",
                "3",
                "-C",
                str(config),
                "-S",
                str(sock),
                "-P",
                str(runtime / "pid"),
                "-L",
                str(logs),
            ],
            env=env,
        )
        result = Speech(env=env, socket=sock, processes=processes, sound=sound_server)

        def up() -> bool:
            if processes.exited(proc):
                pytest.fail(f"speech-dispatcher exited\n{processes.log(proc)}", pytrace=False)
            if not sock.exists():
                return False
            try:
                return bool(result.ssip("LIST OUTPUT_MODULES", timeout=5))
            except OSError:
                return False

        wait_until(up, 30, "speech-dispatcher to answer on its socket", interval=0.1, log=lambda: processes.log(proc))
        yield result
    finally:
        processes.close()
