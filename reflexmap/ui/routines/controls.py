"""The player page's buttons, and the question they ask before a routine stops."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QGridLayout, QHBoxLayout, QWidget

from reflexmap.i18n import Language
from reflexmap.player import PLAYING, RoutinePlayer, State
from reflexmap.sound import SoundCues
from reflexmap.speech import Voice
from reflexmap.ui import parts, style
from reflexmap.ui.focus import FocusRing, focus_shown, move_focus
from reflexmap.ui.fonts import TextSize

__all__ = ["PlayControls", "StopQuestion"]


class StopQuestion(QWidget):
    """The question "Stop the routine?" with Keep going and Stop, hidden until :meth:`ask`.

    The person's hands are on their foot: a stray key must not end the
    routine, so stopping takes this answer.
    """

    def __init__(
        self, player: RoutinePlayer, language: Language, sizes: TextSize, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stopConfirm")
        self._player = player
        style.tint(self, style.NOTICE, style.NOTICE_TEXT)
        ask = QHBoxLayout(self)
        ask.setContentsMargins(10, 6, 10, 6)
        self._text = parts.label(sizes, "stopQuestion", bold=True, colour=style.NOTICE_TEXT)
        self._keep_going = parts.button(sizes, "keepGoingButton")
        self._keep_going.clicked.connect(self.cancel)
        FocusRing(self._keep_going)  # focused by the app: Qt's own frame shows only right after Tab
        self._stop_now = parts.button(sizes, "stopNowButton", primary=True)
        self._stop_now.clicked.connect(self._on_stop_now_clicked)
        ask.addWidget(self._text, 1)
        ask.addWidget(self._keep_going)
        ask.addWidget(self._stop_now)
        self.hide()
        player.state_changed.connect(self._on_player_state_changed)
        language.changed.connect(self._on_language_changed)
        self.refresh()

    def ask(self, by_key: bool = False) -> None:
        """Show the question, "Keep going" focused, if a routine is on (playing or paused).

        Its focus is shown when the question came by a key (Esc), or the person was on the keyboard.
        """
        if self._player.state in PLAYING or self._player.state == State.PAUSED:
            shown = by_key or focus_shown(QApplication.focusWidget())
            self.show()
            move_focus(self._keep_going, shown)

    def cancel(self) -> None:
        """Put the question away: the routine goes on."""
        self.hide()

    def refresh(self) -> None:
        self._text.setText(self.tr("Stop the routine?"))
        self._keep_going.setText(self.tr("Keep going"))
        self._stop_now.setText(self.tr("Stop"))

    def _on_stop_now_clicked(self) -> None:
        self.hide()
        self._player.stop()

    def _on_player_state_changed(self, state: State) -> None:
        if state not in PLAYING and state != State.PAUSED:
            self.hide()  # the routine ended another way: nothing left to ask

    def _on_language_changed(self, lang: str) -> None:
        self.refresh()


class PlayControls(QWidget):
    """Previous, Pause/Resume, Next, Restart, Stop, sound and voice: each but Stop goes straight to the player.

    Stop only says ``stop_requested`` (the page asks first, with
    :class:`StopQuestion`).  Two rows whatever the language: the page's
    height goes to the instruction.
    """

    stop_requested = Signal()

    def __init__(
        self,
        player: RoutinePlayer,
        sounds: SoundCues,
        voice: Voice,
        language: Language,
        sizes: TextSize,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._player = player
        self._sounds = sounds
        self._voice = voice
        self._language = language
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self._prev_button = parts.button(sizes, "prevButton")
        self._pause_button = parts.button(sizes, "pauseButton")
        self._next_button = parts.button(sizes, "nextButton")
        self._restart_button = parts.button(sizes, "restartButton")
        self._stop_button = parts.button(sizes, "stopButton")
        self._mute_button = parts.button(sizes, "muteButton")
        self._mute_button.setCheckable(True)
        self._voice_button = parts.button(sizes, "voiceButton")
        self._voice_button.setCheckable(True)
        self._voice_button.setChecked(voice.enabled)
        self._voice_button.toggled.connect(voice.set_enabled)
        voice.changed.connect(self.refresh)
        self._prev_button.clicked.connect(player.previous)
        self._pause_button.clicked.connect(player.toggle_pause)
        self._next_button.clicked.connect(player.next)
        self._restart_button.clicked.connect(player.restart)
        self._stop_button.clicked.connect(self.stop_requested)
        self._mute_button.toggled.connect(self._on_mute_toggled)
        for i, b in enumerate((self._prev_button, self._pause_button, self._next_button, self._restart_button)):
            grid.addWidget(b, 0, i)
        grid.addWidget(self._stop_button, 1, 0)
        grid.addWidget(self._mute_button, 1, 1)
        grid.addWidget(self._voice_button, 1, 2, 1, 2)
        player.state_changed.connect(self._on_player_state_changed)
        player.step_changed.connect(self._on_player_step_changed)
        language.changed.connect(self._on_language_changed)
        self.refresh()

    def refresh(self) -> None:
        """The buttons' words for the player's state, the sound and the voice as they are now."""
        state = self._player.state
        self._prev_button.setText(self.tr("‹ Previous"))
        self._next_button.setText(self.tr("Next ›"))
        self._pause_button.setText(self.tr("Resume") if state == State.PAUSED else self.tr("Pause"))
        self._restart_button.setText(self.tr("Restart"))
        self._stop_button.setText(self.tr("Stop"))
        voice = self._voice
        lang = self._language.code
        self._voice_button.setChecked(voice.enabled)  # switched elsewhere too (a kiosk's reset)
        if voice.enabled and voice.can_speak(lang) is False:
            self._voice_button.setText(self.tr("No voice for this language"))
        else:
            self._voice_button.setText(self.tr("Voice on") if voice.enabled else self.tr("Voice off"))
        self._voice_button.setToolTip(self.tr("Read each step aloud as it starts"))
        if self._sounds.ready and not self._sounds.available:
            self._mute_button.setText(self.tr("No sound device"))
            self._mute_button.setEnabled(False)  # the cues are visual only: nothing to switch
        else:
            self._mute_button.setText(self.tr("Sound off") if self._sounds.muted else self.tr("Sound on"))

    def _on_mute_toggled(self, muted: bool) -> None:
        self._sounds.muted = muted
        self.refresh()

    def _on_player_state_changed(self, state: State) -> None:
        self.refresh()

    def _on_player_step_changed(self, index: int) -> None:
        self.refresh()

    def _on_language_changed(self, lang: str) -> None:
        self.refresh()
