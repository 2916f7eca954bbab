"""Smoke tests of the real-conditions harness (``tests.support.real``) with the current app.

Each proves one fixture works end to end: a real window under openbox, the
kiosk inside cage, recorded sound, the AT-SPI tree, speech. Without the Debian
packages in ``.ci/debian-packages.txt`` each skips with one line.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.support.real import (
    ASSETS,
    REPO,
    SIZES,
    SPEECHD_LIBRARIES,
    A11yBus,
    CageSession,
    SoundServer,
    Speech,
    XSession,
    art_colours,
    art_colours_present,
    colour_mask,
    interior_point,
    is_blank,
    load_rgb,
    merge_env,
    need_libraries,
    peak,
    wait_until,
)

KIOSK_CONFIG = "[kiosk]\nenabled = true\nhide_cursor = false\n"


def _art_on_screen(shoot: object, path: Path, timeout: float = 30.0) -> list[str]:
    """Take screenshots until most of the art's zone colours are on them; return the colours seen."""
    wanted = len(art_colours())

    def seen() -> list[str] | None:
        shoot(path)  # type: ignore[operator]
        found = art_colours_present(path)
        return found if len(found) >= wanted - 1 else None

    return wait_until(seen, timeout, f"the art's colours on {path.name}", interval=0.25)


def test_the_desktop_app_opens_a_window_under_openbox(x_session: XSession, tmp_path: Path) -> None:
    assert x_session.window_manager == "Openbox"
    proc, window = x_session.launch_app()
    assert proc.poll() is None
    assert str(window) in x_session.xdotool("search", "--onlyvisible", "--class", "reflexmap").split()
    assert "reflexmap" in x_session.xdotool("getwindowname", str(window))
    listed = x_session.wmctrl("-l")
    assert "reflexmap" in listed, listed  # openbox manages it (EWMH client list)
    shot = tmp_path / "desktop.png"
    _art_on_screen(x_session.screenshot, shot)
    assert not is_blank(shot)
    assert load_rgb(shot).shape[:2] == (800, 1280)
    # the desktop app does not trap SIGTERM: it ends by the signal, and its whole process group with it
    assert x_session.stop_app(proc) == -signal.SIGTERM


@pytest.mark.parametrize("x_session", [f"{w}x{h}" for w, h in SIZES], indirect=True)
def test_the_screen_has_the_size_asked_for(x_session: XSession) -> None:
    assert x_session.xdotool("getdisplaygeometry").split() == [str(v) for v in x_session.size]


@pytest.mark.parametrize("x_session", [{"size": "800x1280", "window_manager": False}], indirect=True)
def test_a_portrait_window_without_a_window_manager(x_session: XSession, tmp_path: Path) -> None:
    assert x_session.window_manager is None
    _, window = x_session.launch_app("--size", "800x1280")
    geometry = x_session.xdotool("getwindowgeometry", str(window))
    assert "800x1280" in geometry, geometry
    _art_on_screen(x_session.screenshot, tmp_path / "portrait.png")


def test_the_kiosk_runs_inside_cage_and_takes_clicks(cage_session: CageSession, tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(KIOSK_CONFIG, encoding="utf-8")
    cage_session.launch_app("--kiosk", "--config", str(config))
    cage_session.wait_notify("READY=1")
    first = tmp_path / "cage-attract.png"
    _art_on_screen(cage_session.screenshot, first)
    pixels = load_rgb(first)
    assert pixels.shape[:2] == (800, 1280)  # cage's output fills its Xvfb, and the kiosk fills the output

    # the first click only wakes the kiosk from its attract loop: the screen changes
    heel = interior_point(colour_mask(pixels, "#e6c6b6"))
    assert heel is not None, "no heel on screen"
    cage_session.click(*heel)
    awake = tmp_path / "cage-awake.png"

    def changed(before: Path, after: Path) -> bool:
        cage_session.screenshot(after)
        return bool((load_rgb(after) != load_rgb(before)).any())

    wait_until(lambda: changed(first, awake), 20, "the kiosk to wake on a click", interval=0.2)
    time.sleep(0.5)  # let the wake-up settle before choosing
    cage_session.screenshot(awake)
    # the next click chooses the heel: the panel (right third) shows it
    heel = interior_point(colour_mask(load_rgb(awake), "#e6c6b6"))
    assert heel is not None, "no heel on screen after waking"
    cage_session.click(*heel)
    chosen = tmp_path / "cage-heel.png"

    def panel_changed() -> bool:
        cage_session.screenshot(chosen)
        return bool((load_rgb(chosen)[:, 900:] != load_rgb(awake)[:, 900:]).any())

    wait_until(panel_changed, 20, "the zone panel to show the heel", interval=0.2)

    cage_session.kill_app(signal.SIGTERM)
    assert cage_session.wait() == 0  # cage ends with its app, and says all is well


def test_the_sound_server_records_what_is_played(sound_server: SoundServer) -> None:
    silence = sound_server.record(0.3)
    assert len(silence) == 2 * int(0.3 * sound_server.rate)
    assert peak(silence) == 0
    with sound_server.recording() as rec:
        asked = time.monotonic()
        sound_server.play(ASSETS / "sounds" / "chime.wav")
    assert peak(rec.data) > 2000
    onset = rec.onset_time()
    assert onset is not None
    print(f"paplay chime: sound {1000 * (onset - asked):.0f} ms after paplay was started")
    assert 0 <= onset - asked < 2.0


def test_the_app_is_on_the_accessibility_bus(x_session: XSession, a11y_bus: A11yBus) -> None:
    x_session.launch_app(env=a11y_bus.env)
    app = a11y_bus.wait_for_application("reflexmap")
    assert app["role"] == "application"
    frames = [c for c in app["children"] if c["role"] == "frame"]
    assert frames and "reflexmap" in frames[0]["name"], app
    tree = a11y_bus.query("tree", "reflexmap", 4)
    assert tree["children"][0]["extents"][2:] == [1152, 720]  # 90 % of the 1280x800 screen (placement.py)
    tabs = a11y_bus.query("find", "reflexmap", "page tab")
    assert {t["name"] for t in tabs} >= {"Foot map", "Routines"}, tabs


def test_speech_dispatcher_speaks_into_the_sound_server(speech: Speech) -> None:
    voices = speech.voices()
    uk = [v for v in voices if v[1] == "uk"]
    en = [v for v in voices if v[1] == "en" or v[1].startswith("en-")]
    print(f"espeak-ng voices: {len(uk)} uk, {len(en)} en, {len(voices)} in all")
    assert uk and en
    with speech.sound.recording() as rec:
        asked = time.monotonic()
        speech.say("Hello from the test harness", language="en")
    assert peak(rec.data) > 2000
    onset = rec.onset_time()
    assert onset is not None
    print(f"spd-say: speech {1000 * (onset - asked):.0f} ms after spd-say was started")
    with speech.sound.recording() as rec_uk:
        speech.say("Привіт, це перевірка", language="uk")
    assert peak(rec_uk.data) > 2000


def test_qt_speechd_engine_speaks(speech: Speech, tmp_path: Path) -> None:
    """The path later tests take: Qt's QTextToSpeech with the speechd engine (libspeechd2), heard by parec."""
    need_libraries(SPEECHD_LIBRARIES, "Qt's speechd text-to-speech engine")
    script = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QCoreApplication, QLocale, QTimer
        from PySide6.QtTextToSpeech import QTextToSpeech
        app = QCoreApplication(sys.argv)
        tts = QTextToSpeech("speechd")
        seen = []
        def changed(state):
            seen.append(state.name)
            if state == QTextToSpeech.State.Ready and "Speaking" in seen:
                app.quit()
        tts.stateChanged.connect(changed)
        locales = {l.name() for l in tts.availableLocales()}
        print("engine", tts.engine(), "state", tts.state().name, "uk_UA" in locales or "uk" in locales)
        tts.say("Hello from Qt")
        QTimer.singleShot(20000, app.quit)
        app.exec()
        print("states", *seen)
    """)
    env = merge_env(speech.env, {"QT_QPA_PLATFORM": "offscreen"})
    with speech.sound.recording() as rec:
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=REPO, timeout=60, check=False
        )
    assert result.returncode == 0, result.stderr
    assert "engine speechd state Ready" in result.stdout, result.stdout + result.stderr
    assert "Speaking" in result.stdout, result.stdout + result.stderr
    assert peak(rec.data) > 2000
