"""The Voice toggle between runs: the desktop remembers it, the kiosk starts as its config says (off unless asked).

Through the window the command line builds, the real toggle and the real
preference file; Qt's mock speech engine stands in for speech-dispatcher.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from reflexmap import speech
from reflexmap.app.build import Built


@pytest.fixture
def start(make_built: Callable[..., Built], monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Built]]:
    """``make_built`` with Qt's mock engine (no speech-dispatcher, no sound); each voice's thread ended after."""
    monkeypatch.setattr(speech, "default_engine", lambda: "mock")
    made: list[Built] = []

    def make(*argv: str) -> Built:
        made.append(make_built(*argv))
        return made[-1]

    yield make
    for built in made:  # the app ends them as it quits; here no quit comes
        built.session.voice.close()


def _voice_button(built: Built) -> QPushButton:
    """The player's Voice toggle, on the Routines tab as a person opens it."""
    built.window.show_routines()
    button = built.window.routines.findChild(QPushButton, "voiceButton")
    assert button is not None
    return button


def _start_again(built: Built, qtbot: QtBot, start: Callable[..., Built], *argv: str) -> Built:
    """Close the window as a person quits, then start the app again."""
    built.window.close()
    qtbot.waitUntil(lambda: not built.window.isVisible())
    return start(*argv)


def test_the_desktop_remembers_the_voice_switched_on(
    start: Callable[..., Built], qtbot: QtBot, user_dirs: Path
) -> None:
    first = start("--size", "1280x800")
    button = _voice_button(first)
    assert not button.isChecked() and button.text() == "Voice off"  # off on a first start
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.isChecked() and button.text() == "Voice on"

    again = _start_again(first, qtbot, start, "--size", "1280x800")
    button = _voice_button(again)
    assert button.isChecked() and button.text() == "Voice on" and again.session.voice.enabled
    assert list(user_dirs.rglob("preferences.json")), "remembered in the user's own folders"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # and off again is remembered too
    assert not _voice_button(_start_again(again, qtbot, start, "--size", "1280x800")).isChecked()


@pytest.mark.parametrize(("setting", "on"), [("", False), ("voice = true", True)], ids=["default", "voice-true"])
def test_the_kiosk_starts_as_its_config_says_whatever_the_desktop_chose(
    start: Callable[..., Built], qtbot: QtBot, tmp_path: Path, setting: str, on: bool
) -> None:
    desktop = start("--size", "1280x800")
    button = _voice_button(desktop)
    if not on:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the owner at home turned it on
        assert button.isChecked()
    config = tmp_path / "kiosk.toml"
    config.write_text(f"[kiosk]\n{setting}\n", encoding="utf-8")
    kiosk = _start_again(desktop, qtbot, start, "--kiosk", "--config", str(config), "--size", "1280x800")
    assert _voice_button(kiosk).isChecked() is on and kiosk.session.voice.enabled is on
