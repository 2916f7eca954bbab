"""The desktop window on real screens (Xvfb + openbox + xdotool): it fits, and it comes back where it was left."""

from __future__ import annotations

import subprocess

import pytest

from tests.support.real import XSession, need_program, wait_until

#: Screen sizes in device pixels, with Qt's scale factor (the 4K screen at 200 %: 1920x1080 logical pixels).
SCREENS = [
    pytest.param("1366x768", 1, id="1366x768"),
    pytest.param("1280x800", 1, id="1280x800"),
    pytest.param("800x1280", 1, id="800x1280"),
    pytest.param("1920x1080", 1, id="1920x1080"),
    pytest.param("3840x2160", 2, id="3840x2160@2"),
]


def _geometry(x_session: XSession, window: int) -> tuple[int, int, int, int]:
    """The window's outer position and size as the X server sees them (device pixels)."""
    out = x_session.xdotool("getwindowgeometry", "--shell", str(window))
    values = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def _on_screen(x_session: XSession, window: int) -> tuple[int, int, int, int]:
    """Where the window's contents really are on the screen (xwininfo; xdotool counts the title bar twice)."""
    xwininfo = need_program("xwininfo", "x11-utils")
    out = subprocess.run(
        [xwininfo, "-id", str(window)], env=x_session.env, capture_output=True, text=True, timeout=30
    ).stdout
    values = dict(line.strip().split(":", 1) for line in out.splitlines() if ":" in line)
    keys = ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
    x, y, w, h = (int(values[key]) for key in keys)
    return x, y, w, h


def _wm_state(x_session: XSession, window: int) -> str:
    """The window's ``_NET_WM_STATE`` as the window manager set it."""
    xprop = need_program("xprop", "x11-utils")
    return subprocess.run(
        [xprop, "-id", str(window), "_NET_WM_STATE"], env=x_session.env, capture_output=True, text=True, timeout=30
    ).stdout


def _maximized(x_session: XSession, window: int) -> bool:
    state = _wm_state(x_session, window)
    return "_NET_WM_STATE_MAXIMIZED_VERT" in state and "_NET_WM_STATE_MAXIMIZED_HORZ" in state


@pytest.mark.parametrize(("x_session", "scale"), SCREENS, indirect=["x_session"])
def test_the_first_window_fits_the_screen_centred(x_session: XSession, scale: int) -> None:
    _, window = x_session.launch_app(env={"QT_SCALE_FACTOR": str(scale)} if scale != 1 else None)
    screen_w, screen_h = x_session.size
    x, y, w, h = _geometry(x_session, window)
    # in logical pixels: the size the app chose, on the screen as Qt sees it
    lw, lh, sw, sh = w / scale, h / scale, screen_w / scale, screen_h / scale
    assert lw <= min(1280, 0.9 * sw) + 1 and lh <= min(800, 0.9 * sh) + 1, (lw, lh)
    if scale != 1:
        assert lw >= min(1280, 0.9 * sw) - 1, (lw, lh)  # the preferred size in logical pixels, not a quarter of it
    assert 0 <= x and 0 <= y and x + w <= screen_w and y + h <= screen_h, (x, y, w, h)  # nothing off-screen
    assert abs(x - (screen_w - x - w)) <= 40 and abs(y - (screen_h - y - h)) <= 60  # centred (decorations aside)


@pytest.mark.parametrize("x_session", ["1920x1080"], indirect=True)
def test_size_and_position_are_remembered_between_runs(x_session: XSession) -> None:
    proc, window = x_session.launch_app()
    x_session.xdotool("windowsize", str(window), "1000", "700")
    x_session.xdotool("windowmove", str(window), "100", "120")
    wait_until(lambda: _geometry(x_session, window)[2:] == (1000, 700), 10, "the window to be resized")
    left = _geometry(x_session, window)
    x_session.wmctrl("-i", "-c", hex(window))  # closed the way a person closes it
    assert wait_until(lambda: proc.poll() is not None, 20, "the app to quit")
    _, again = x_session.launch_app()
    assert _geometry(x_session, again) == left


@pytest.mark.parametrize("x_session", ["1366x768"], indirect=True)
def test_a_maximized_window_comes_back_maximized(x_session: XSession) -> None:
    proc, window = x_session.launch_app()
    assert not _maximized(x_session, window)
    x_session.wmctrl("-i", "-r", hex(window), "-b", "add,maximized_vert,maximized_horz")  # the title bar's button
    wait_until(lambda: _maximized(x_session, window), 10, "openbox to maximize the window")
    x_session.wmctrl("-i", "-c", hex(window))
    assert wait_until(lambda: proc.poll() is not None, 20, "the app to quit")
    _, again = x_session.launch_app()
    wait_until(
        lambda: _maximized(x_session, again), 10, "the window maximized again", log=lambda: _wm_state(x_session, again)
    )
    x, y, w, h = _on_screen(x_session, again)
    screen_w, screen_h = x_session.size
    assert (x, w) == (0, screen_w) and y + h == screen_h and y < 40, (x, y, w, h)  # all of the screen, none beyond
