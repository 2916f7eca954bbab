"""Sound cues: a soft chime at each step change and a short blip for 3-2-1.

Qt Multimedia is loaded only when a routine first needs a sound.  Where it
cannot load (no libpulse) or there is no audio output, the player stays
silent, says so in one log line, and the visual cues carry on.  No widgets.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLoggingCategory, QObject, QUrl

from reflexmap.player import Cue
from reflexmap.resources import asset_path

__all__ = ["SoundCues"]

logger = logging.getLogger(__name__)

#: Why sound is off, once said: a reason holds for the whole process, however many windows a kiosk rebuilds.
_said: set[str] = set()


def _say_once(reason: str) -> None:
    if reason not in _said:
        _said.add(reason)
        logger.warning("sound is off (%s); the cues stay visual", reason)


class SoundCues(QObject):
    """Plays cue names from :class:`reflexmap.player.RoutinePlayer`'s ``cue`` signal."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.muted = False
        self._effects: dict[str, QObject] | None = None  # None: not tried yet
        self.available = False

    @property
    def ready(self) -> bool:
        """Whether :meth:`prepare` has run (then ``available`` says if the cues can be heard)."""
        return self._effects is not None

    def prepare(self) -> bool:
        """Load the sounds once; True if they can be heard."""
        if self._effects is not None:
            return self.available
        self._effects = {}
        # FFmpeg and PulseAudio chatter is not ours to report
        QLoggingCategory.setFilterRules("qt.multimedia.*=false")
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as e:
            _say_once(f"Qt Multimedia cannot load: {e}")
            return False
        if not QMediaDevices.audioOutputs():
            _say_once("no audio output device")
            return False
        for name in ("chime", "count"):
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(asset_path(f"sounds/{name}.wav"))))
            effect.setVolume(0.6)
            effect.statusChanged.connect(lambda e=effect: self._on_effect_status_changed(e))
            self._effects[name] = effect
        self.available = True
        return True

    def play(self, cue: Cue) -> None:
        """The chime or a 3-2-1 blip; nothing when muted or silent."""
        if self.muted or not self.prepare() or not self._effects:
            return
        effect = self._effects["count" if cue.counting else "chime"]
        effect.play()  # type: ignore[attr-defined]

    def _on_effect_status_changed(self, effect: QObject) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        if isinstance(effect, QSoundEffect) and effect.status() == QSoundEffect.Status.Error and self.available:
            self.available = False
            _say_once("the audio device refused the cue sound")
