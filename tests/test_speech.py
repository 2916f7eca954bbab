"""Spoken guidance through Qt's text to speech, with its mock engine (the real one is in tests/real)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from reflexmap.speech import Voice


@pytest.fixture
def voice(qtbot: QtBot) -> Iterator[Voice]:
    try:
        import PySide6.QtTextToSpeech  # noqa: F401
    except ImportError as e:
        pytest.skip(f"needs libpulse0 (Debian package): Qt's text to speech cannot load ({e})")
    made = Voice(engine="mock", enabled=True, after_chime_ms=5)
    qtbot.waitUntil(lambda: made.can_speak("en") is not None, timeout=5000)  # the engine is up in its thread
    yield made
    made.close()


def test_an_instruction_is_read_in_a_voice_of_its_language_after_the_chime(voice: Voice, qtbot: QtBot) -> None:
    assert voice.can_speak("en")
    with qtbot.waitSignal(voice.said, timeout=5000) as said:
        voice.speak("Massage the top of the foot.", "en")
    text, name = said.args
    assert text == "Massage the top of the foot." and name  # the mock engine's British voice


def test_a_language_without_a_voice_is_said_once_and_stays_silent(
    voice: Voice, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    assert voice.can_speak("uk") is False  # the mock engine has no Ukrainian
    spoken: list[str] = []
    voice.said.connect(lambda text, _: spoken.append(text))
    with caplog.at_level(logging.WARNING, logger="reflexmap.speech"):
        for _ in range(3):
            voice.speak("Масажуйте тильну сторону стопи.", "uk")
            qtbot.wait(30)
    assert spoken == []
    assert [r.getMessage() for r in caplog.records].count(
        "spoken guidance is silent: no voice for uk is installed"
    ) == 1


def test_switched_off_or_stopped_it_says_nothing(voice: Voice, qtbot: QtBot) -> None:
    spoken: list[str] = []
    voice.said.connect(lambda text, _: spoken.append(text))
    voice.speak("One", "en")
    voice.stop()  # paused before the chime rang out
    voice.set_enabled(False)
    voice.speak("Two", "en")
    qtbot.wait(100)
    QCoreApplication.processEvents()
    assert spoken == []
    voice.set_enabled(True)
    with qtbot.waitSignal(voice.said, timeout=5000):
        voice.speak("Three", "en")
    assert spoken == ["Three"]


def test_where_qt_text_to_speech_cannot_load_the_voice_says_so_once_and_stays_silent(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A machine without libpulse0: switching the voice on must not raise in the engine's thread."""
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # import fails as without the library
    with caplog.at_level(logging.WARNING, logger="reflexmap.speech"):
        made = Voice(engine="mock", enabled=True, after_chime_ms=5)
        qtbot.waitUntil(lambda: made.can_speak("en") is not None, timeout=5000)
        spoken: list[str] = []
        made.said.connect(lambda text, _: spoken.append(text))
        made.speak("One", "en")
        qtbot.wait(50)
        made.close()
    assert made.can_speak("en") is False and spoken == []
    messages = [r.getMessage() for r in caplog.records]
    assert sum("Qt's text to speech cannot load" in m for m in messages) == 1
