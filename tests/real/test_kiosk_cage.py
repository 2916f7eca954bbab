"""The kiosk as the shipped unit runs it: reflexmap the only client of cage, started by the session script.

cage is nested in an Xvfb here (see tests/support/real.py); taps are pointer
clicks into cage's X11 window, and grim captures cage's own output.  The
session script (packaging/reflexmap-cage-session) is the unit's ExecStart=;
the tests play systemd's part: they read NOTIFY_SOCKET, send SIGTERM to the
script alone (KillMode=mixed), and look at its exit status.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from reflexmap.kiosk.pins import hash_pin
from reflexmap.systemd import EXIT_STAFF
from reflexmap.ui.kiosk.pin_pad import KEY_HEIGHT, KEY_SPACING, KEY_WIDTH, KEYS
from reflexmap.ui.style import ACCENT_FILL
from tests.support.real import (
    REPO,
    CageSession,
    art_colours_present,
    colour_mask,
    interior_point,
    load_rgb,
    need_program,
    wait_until,
)

SESSION = REPO / "packaging" / "reflexmap-cage-session"
PIN = "2468"
SHOTS = Path(os.environ.get("REFLEXMAP_SHOTS", "/tmp/reflexmap-shots"))


def _config(folder: Path, **kiosk: str) -> Path:
    lines = ['language = "en"', "[kiosk]", "enabled = true", "hide_cursor = false", "text_size = 1"]
    lines.append(f'pin_hash = "{hash_pin(PIN, iterations=1000)}"')
    lines += [f'{k} = "{v}"' for k, v in kiosk.items()]
    path = folder / "kiosk.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run_reflexmap(folder: Path) -> Path:
    """What the session script starts as REFLEXMAP: this checkout's reflexmap, in this test's Python."""
    wrapper = folder / "run-reflexmap"
    wrapper.write_text(f'#!/bin/sh\ncd "{REPO}"\nexec "{sys.executable}" -m reflexmap "$@"\n')
    wrapper.chmod(0o755)
    return wrapper


def _only_child(cage: CageSession) -> int | None:
    xwininfo = need_program("xwininfo", "x11-utils")
    out = subprocess.run([xwininfo, "-root", "-children"], env=cage.host_env, capture_output=True, text=True).stdout
    ids = [int(line.split()[0], 16) for line in out.splitlines() if line.strip().startswith("0x")]
    return ids[0] if ids else None


def _start_session(cage: CageSession, folder: Path, config: Path) -> subprocess.Popen[bytes]:
    """The unit's ExecStart=: the session script (cage, then reflexmap in it), as the kiosk user."""
    env = cage.app_env(
        {
            "CAGE": need_program("cage", "cage"),
            "REFLEXMAP": str(_run_reflexmap(folder)),
            "REFLEXMAP_CONFIG": str(config),
        }
    )
    proc = cage.processes.start("session", [*cage.as_user.prefix, str(SESSION)], env=env, cwd=REPO)
    cage.cage = proc
    cage.window = wait_until(lambda: _only_child(cage), 60, "cage's X11 window", log=cage.log)
    cage.xdotool("windowmove", str(cage.window), "0", "0")
    cage.xdotool("windowsize", str(cage.window), str(cage.size[0]), str(cage.size[1]))
    cage.wait_frame()
    cage.wait_notify("READY=1", timeout=60)
    return proc


def _shot(cage: CageSession, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = cage.screenshot(SHOTS / name)
    return path


def _changed(cage: CageSession, before: Any, name: str) -> Path | None:
    path = _shot(cage, name)
    return path if bool((load_rgb(path) != before).any()) else None


def _primary_button(pixels: Any) -> tuple[int, int, int, int] | None:
    """The bounding box (x, y, w, h) of the one primary (accent-filled) button on screen, if there is one."""
    import numpy as np

    # Fusion shades a button's fill from light to dark: a strong red-brown, like ACCENT_FILL, not a veiled pink
    r, g, b = (pixels[..., i].astype(np.int32) for i in range(3))
    assert ACCENT_FILL == "#8f3822"
    ys, xs = np.nonzero((r > 130) & (r - g > 55) & (r - b > 55))
    if len(xs) < 500:
        return None
    return int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)


def _hold(cage: CageSession, x: int, y: int, seconds: float) -> None:
    assert cage.window is not None
    cage.xdotool("mousemove", "--window", str(cage.window), str(x), str(y), "mousedown", "1")
    time.sleep(seconds)
    cage.xdotool("mouseup", "1")


def _open_staff_panel(cage: CageSession, name: str) -> tuple[int, int, int, int]:
    """Hold the staff corner (bottom-right) for 3 s, type the PIN: the staff panel's Exit button's box."""
    w, h = cage.size
    before = load_rgb(_shot(cage, f"{name}-before-pad.png"))
    _hold(cage, w - 20, h - 20, 3.6)
    pad = wait_until(lambda: _changed(cage, before, f"{name}-pad.png"), 20, "the PIN pad", interval=0.3)
    ok = wait_until(lambda: _primary_button(load_rgb(_shot(cage, f"{name}-pad.png"))), 20, "the ✓ key")
    del pad
    ok_x, ok_y = ok[0] + ok[2] // 2, ok[1] + ok[3] // 2
    pitch_x, pitch_y = KEY_WIDTH + KEY_SPACING, KEY_HEIGHT + KEY_SPACING
    ok_row, ok_col = divmod(KEYS.index("✓"), 3)
    for key in PIN + "✓":
        row, col = divmod(KEYS.index(key), 3)
        cage.tap(ok_x + (col - ok_col) * pitch_x, ok_y + (row - ok_row) * pitch_y)
        time.sleep(0.15)

    def panel() -> tuple[int, int, int, int] | None:
        box = _primary_button(load_rgb(_shot(cage, f"{name}-staff-panel.png")))
        return box if box is not None and box != ok else None

    return wait_until(panel, 20, "the staff panel", interval=0.3, log=cage.log)


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _app_pid(session: subprocess.Popen[bytes]) -> int | None:
    """reflexmap's process: the session script's child is cage, and cage's child is reflexmap."""
    cages = _children(session.pid)
    apps = _children(cages[0]) if cages else []
    return apps[0] if apps else None


def _record(cage: CageSession) -> dict[str, object]:
    path = cage.dirs.home / ".local" / "state" / "reflexmap" / "last-run.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_cage_shows_the_kiosk_full_screen_a_tap_wakes_it_and_a_second_tap_chooses_a_zone(
    cage_session: CageSession, tmp_path: Path
) -> None:
    _start_session(cage_session, tmp_path, _config(tmp_path))
    first = _shot(cage_session, "cage-attract.png")
    pixels = load_rgb(first)
    assert pixels.shape[:2] == (800, 1280)  # cage's whole output, and the kiosk fills it
    assert len(art_colours_present(first)) >= 6  # the feet
    card = pixels[150:700, 900:1250]
    assert (card == 255).all(axis=2).mean() > 0.5  # the attract card, in the column beside the feet
    heel = interior_point(colour_mask(pixels, "#e6c6b6"))
    assert heel is not None, "no heel on screen"
    cage_session.tap(*heel)
    awake = wait_until(lambda: _changed(cage_session, pixels, "cage-awake.png"), 20, "the kiosk to wake", interval=0.2)
    time.sleep(0.5)
    awake_pixels = load_rgb(_shot(cage_session, "cage-awake.png"))
    assert (awake_pixels[150:700, 900:1250] == 255).all(axis=2).mean() < 0.5  # the card has gone: the panel shows
    heel = interior_point(colour_mask(awake_pixels, "#e6c6b6"))
    assert heel is not None, "no heel on screen after waking"
    cage_session.tap(*heel)

    def panel_changed() -> bool:
        shot = _shot(cage_session, "cage-heel.png")
        return bool((load_rgb(shot)[:, 900:] != awake_pixels[:, 900:]).any())

    wait_until(panel_changed, 20, "the zone panel to show the heel", interval=0.2)
    print(f"screenshots of cage's output: {first}, {awake}, {SHOTS / 'cage-heel.png'}")


def test_staff_exit_in_cage_leaves_status_10_so_the_unit_does_not_restart_it(
    cage_session: CageSession, tmp_path: Path
) -> None:
    _start_session(cage_session, tmp_path, _config(tmp_path))
    cage_session.tap(640, 400)  # wake it
    time.sleep(0.5)
    x, y, w, h = _open_staff_panel(cage_session, "exit")
    cage_session.tap(x + w // 2, y + h // 2)  # Exit reflexmap
    assert cage_session.wait(timeout=30) == EXIT_STAFF  # RestartPreventExitStatus=10: it stays stopped
    assert _record(cage_session)["why"] == "staff exit"


def test_staff_restart_in_cage_starts_reflexmap_again_in_place(cage_session: CageSession, tmp_path: Path) -> None:
    """The same process starts again (os.execv): cage and the session stay, systemd hears READY=1 again."""
    session = _start_session(cage_session, tmp_path, _config(tmp_path))
    app = _app_pid(session)
    assert app is not None and _record(cage_session)["pid"] == app
    cage_session.tap(640, 400)
    time.sleep(0.5)
    x, y, w, h = _open_staff_panel(cage_session, "restart")
    # Restart is beside Exit, two buttons to its left when the four are in one row, else just above it
    restart = (x + w // 2 - 2 * (w + 10), y + h // 2) if w < 300 else (x + w // 2, y + h // 2 - (h + 10))
    cage_session.notifications.clear()
    cage_session.tap(*restart)
    cage_session.wait_notify("READY=1", timeout=60)  # the new program, ready
    assert session.poll() is None and _app_pid(session) == app  # cage still runs, and so does the same process
    cage_session.wait_frame(path=SHOTS / "restart-after.png")
    record = _record(cage_session)
    assert record["why"] is None and record["pid"] == app  # the new program's run has begun
    log = (cage_session.dirs.home / ".local/state/reflexmap/log/reflexmap.log").read_text(encoding="utf-8")
    assert "staff restart" in log and log.count("stopping on") == 0


def test_a_stop_is_a_clean_exit_recorded_by_reflexmap_before_cage_closes(
    cage_session: CageSession, tmp_path: Path
) -> None:
    """systemctl stop with KillMode=mixed: SIGTERM to the session script alone, which asks reflexmap first."""
    session = _start_session(cage_session, tmp_path, _config(tmp_path))
    time.sleep(1)
    os.kill(session.pid, signal.SIGTERM)
    assert cage_session.wait(timeout=30) == 0
    assert _record(cage_session)["why"] == "clean exit"


def test_cage_alone_cannot_say_how_its_app_ended_and_the_session_script_can(
    cage_session: CageSession, tmp_path: Path
) -> None:
    """Debian 12's cage 0.1.4 exits 0 whatever its application did (cage 0.2 passes the status on):
    so the unit runs the session script, which exits with the status reflexmap left for it."""
    cage = need_program("cage", "cage")
    app = tmp_path / "app"
    app.write_text('#!/bin/sh\n[ -n "${REFLEXMAP_STATUS_FILE:-}" ] && echo 10 > "$REFLEXMAP_STATUS_FILE"\nexit 10\n')
    app.chmod(0o755)
    env = cage_session.app_env()
    alone = subprocess.run(
        [*cage_session.as_user.prefix, cage, "-d", "--", str(app)], env=env, capture_output=True, timeout=60
    )
    print(f"cage alone: the app exited 10, cage exited {alone.returncode}")
    assert alone.returncode in (0, 10)
    env = cage_session.app_env({"CAGE": cage, "REFLEXMAP": str(app)})
    through = subprocess.run([*cage_session.as_user.prefix, str(SESSION)], env=env, capture_output=True, timeout=60)
    assert through.returncode == 10, through.stderr
    crash = tmp_path / "crash"
    crash.write_text("#!/bin/sh\nkill -SEGV $$\n")
    crash.chmod(0o755)
    env = cage_session.app_env({"CAGE": cage, "REFLEXMAP": str(crash)})
    crashed = subprocess.run([*cage_session.as_user.prefix, str(SESSION)], env=env, capture_output=True, timeout=60)
    assert crashed.returncode != EXIT_STAFF  # a crash is restarted (Restart=always)
    assert shutil.which("sh")
