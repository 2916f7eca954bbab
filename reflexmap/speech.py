"""Spoken guidance: each step's instruction read aloud as the step starts.  QtCore only.

Through Qt's text to speech (``QtTextToSpeech``: speech-dispatcher on Linux,
the system's own voices on Windows and macOS).  The engine lives in a thread
of its own: starting one can block (a speech-dispatcher with no sound device
was seen to hang ``QTextToSpeech``'s constructor here), and a window that
waits for it would freeze.  The voice is chosen by the language and by name
(speech-dispatcher's first English voice is "English (Caribbean)"; ours is
British, like the app's spelling); where the language has no voice, that is
said once and the voice stays silent.  Words come after the step's chime,
and stop on pause, skip and stop.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QLoggingCategory, QObject, QThread, QTimer, Signal, Slot

__all__ = ["Voice"]

logger = logging.getLogger(__name__)

#: Half of Qt's scale is speech-dispatcher's own default level; above it espeak-ng clips (measured by
#: tests/real/test_spoken_guidance.py: 0.8 clipped, 0.6 clipped a few samples, 0.5 none).
VOLUME = 0.5
#: Words start after the step's chime has rung out (its sound is 0.9 s long and fades).
AFTER_CHIME_MS = 600
#: Voices by name, best first, for each language; then any voice of the language.
PREFERRED = {
    "en": ("English (Great Britain)", "English (United Kingdom)", "English (America)", "English"),
    "uk": ("Ukrainian",),
}
_LANGUAGES = {"en": QLocale.Language.English, "uk": QLocale.Language.Ukrainian}


#: Engine threads still running: kept referenced so that Python never frees a running QThread.
_threads: set[QThread] = set()


def _finish(thread: QThread) -> None:
    """End an engine's thread: politely, then (an engine stuck in a call) by force."""
    thread.quit()
    if not thread.wait(1000):
        logger.warning("the speech engine did not stop; ending its thread")
        thread.terminate()
        thread.wait(1000)
    _threads.discard(thread)


def default_engine() -> str | None:
    """speech-dispatcher on Linux; the platform's own elsewhere."""
    return "speechd" if sys.platform.startswith("linux") else None


class _Speaker(QObject):
    """The engine, in the voice's thread.  Everything here runs there."""

    started = Signal(list)  # the languages it has a voice for
    spoke = Signal(str, str)  # what it said, and in which voice

    def __init__(self, engine: str | None) -> None:
        super().__init__()
        self._engine_name = engine
        self._tts: object | None = None
        self._voices: dict[str, object] = {}

    @Slot()
    def start(self) -> None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as e:  # Qt's text to speech needs libpulse0 on Linux, for one
            logger.warning("spoken guidance is silent: Qt's text to speech cannot load (%s)", e)
            self.started.emit([])
            return
        tts = QTextToSpeech(self._engine_name, self) if self._engine_name else QTextToSpeech(self)
        tts.setVolume(VOLUME)
        self._tts = tts
        for lang, language in _LANGUAGES.items():
            voices = []
            for locale in tts.availableLocales():
                if locale.language() == language:
                    tts.setLocale(locale)
                    voices += list(tts.availableVoices())
            by_name = {v.name(): v for v in voices}
            chosen = next((by_name[n] for n in PREFERRED[lang] if n in by_name), voices[0] if voices else None)
            if chosen is not None:
                self._voices[lang] = chosen
        self.started.emit(sorted(self._voices))

    @Slot(str, str)
    def say(self, text: str, lang: str) -> None:
        tts, voice = self._tts, self._voices.get(lang)
        if tts is None or voice is None:
            return
        tts.stop()  # type: ignore[attr-defined]
        tts.setLocale(voice.locale())  # type: ignore[attr-defined]
        tts.setVoice(voice)  # type: ignore[attr-defined]
        tts.say(text)  # type: ignore[attr-defined]
        self.spoke.emit(text, voice.name())  # type: ignore[attr-defined]

    @Slot()
    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()  # type: ignore[attr-defined]


class Voice(QObject):
    """Reads instructions aloud while ``enabled``; silent (and saying why, once) where it cannot.

    ``changed`` fires when it is switched on or off or learns which
    languages it can speak; ``said`` carries what was read and the voice's
    name (for tests and the log).
    """

    changed = Signal()
    said = Signal(str, str)
    _say = Signal(str, str)
    _stop = Signal()

    def __init__(
        self,
        engine: str | None = None,
        enabled: bool = False,
        after_chime_ms: int = AFTER_CHIME_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._enabled = False
        self._thread: QThread | None = None
        self._languages: set[str] | None = None  # None: the engine has not answered yet
        self._told: set[str] = set()
        self._pending: tuple[str, str] | None = None
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(after_chime_ms)
        self._delay.timeout.connect(self._on_delay_timeout)
        self.set_enabled(enabled)

    @property
    def enabled(self) -> bool:
        return self._enabled

    def can_speak(self, lang: str) -> bool | None:
        """Whether there is a voice for ``lang`` (None: not known yet)."""
        return None if self._languages is None else lang in self._languages

    def set_enabled(self, on: bool) -> None:
        if on == self._enabled:
            return
        self._enabled = on
        if on:
            self._start()
        else:
            self.stop()
        self.changed.emit()

    def speak(self, text: str, lang: str) -> None:
        """Read ``text`` in ``lang`` once the step's chime has rung (replacing anything still being read)."""
        if not self._enabled:
            return
        self._stop.emit()
        self._pending = (text, lang)
        self._delay.start()

    def stop(self) -> None:
        """Silence now (pause, skip, stop)."""
        self._delay.stop()
        self._pending = None
        self._stop.emit()

    def close(self) -> None:
        """End the engine's thread (also done when the voice is destroyed: a window rebuilt, the app quitting)."""
        self.stop()
        if self._thread is not None:
            thread, self._thread = self._thread, None
            _finish(thread)

    # --- internals ------------------------------------------------------------------------

    def _start(self) -> None:
        if self._thread is not None:
            return
        QLoggingCategory.setFilterRules("qt.multimedia.*=false")  # its back ends' chatter is not ours
        thread = QThread()  # not a child: a running thread must never be deleted with the voice
        thread.setObjectName("reflexmap speech")
        _threads.add(thread)
        self.destroyed.connect(lambda *_: _finish(thread))
        app = QCoreApplication.instance()
        if app is not None:  # and before Python tears the wrappers down at exit
            app.aboutToQuit.connect(lambda: _finish(thread))
        speaker = _Speaker(self._engine)
        speaker.moveToThread(thread)
        thread.started.connect(speaker.start)
        thread.finished.connect(speaker.deleteLater)
        speaker.started.connect(self._on_speaker_started)
        speaker.spoke.connect(self._on_speaker_spoke)
        self._say.connect(speaker.say)
        self._stop.connect(speaker.stop)
        self._speaker = speaker
        self._thread = thread
        thread.start()

    def _on_speaker_started(self, languages: list[str]) -> None:
        self._languages = set(languages)
        self.changed.emit()
        if self._pending is not None and not self._delay.isActive():
            self._on_delay_timeout()

    def _on_delay_timeout(self) -> None:
        if self._pending is None or self._languages is None:
            return  # the engine is still starting: it reads the pending text when it is up
        text, lang = self._pending
        self._pending = None
        if lang not in self._languages:
            if lang not in self._told:
                self._told.add(lang)
                logger.warning("spoken guidance is silent: no voice for %s is installed", lang)
            return
        self._say.emit(text, lang)

    def _on_speaker_spoke(self, text: str, voice: str) -> None:
        self.said.emit(text, voice)
