"""The desktop window on real screens (Xvfb + openbox + xdotool): it fits, and it comes back where it was left."""

from __future__ import annotations

import pytest

from tests.support.real import XSession, wait_until

SCREENS = ["1366x768", "1280x800", "800x1280", "1920x1080"]


def _geometry(x_session: XSession, window: int) -> tuple[int, int, int, int]:
    """The window's outer position and size as the X server sees them."""
    out = x_session.xdotool("getwindowgeometry", "--shell", str(window))
    values = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


@pytest.mark.parametrize("x_session", SCREENS, indirect=True)
def test_the_first_window_fits_the_screen_centred(x_session: XSession) -> None:
    _, window = x_session.launch_app()
    screen_w, screen_h = x_session.size
    x, y, w, h = _geometry(x_session, window)
    assert w <= min(1280, 0.9 * screen_w) + 1 and h <= min(800, 0.9 * screen_h) + 1, (w, h)
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
