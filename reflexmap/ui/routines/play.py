"""The player page: the guide map and the step list beside (or above) the step, the stop question and the controls.

The page lays its parts out and wires what belongs to none of them: the
guide on the map, the spoken instruction, the cue sounds and the keys.  Its
parts follow the player themselves: :class:`~reflexmap.ui.routines.step_list.StepList`,
:class:`~reflexmap.ui.routines.step_view.StepView` (the countdown and the
instruction), and from :mod:`~reflexmap.ui.routines.controls` the buttons
(``PlayControls``) and "Stop the routine?" (``StopQuestion``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from reflexmap.clock import Clock, monotonic
from reflexmap.content import Content
from reflexmap.geometry import Art
from reflexmap.i18n import Language
from reflexmap.player import Cue, RoutinePlayer, State
from reflexmap.sound import SoundCues
from reflexmap.speech import Voice
from reflexmap.ui import parts, style
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.foot_map import FootMap
from reflexmap.ui.routines.controls import PlayControls, StopQuestion
from reflexmap.ui.routines.step_list import StepList
from reflexmap.ui.routines.step_view import StepView

__all__ = ["PlayPage"]

#: A portrait page shorter than this shows no step list.
PORTRAIT_LIST_MIN_HEIGHT = 1400


class PlayPage(QWidget):
    """Shows the player's state; every button and key goes straight to the player.

    Made to be read from across the room: the countdown and the instruction
    are as large as the page allows (never smaller than the countdown's base
    size and twice the body text), and a person with their hands on a foot
    can stop only by answering "Stop the routine?" (Esc or the Stop button
    ask first; Esc again or "Keep going" goes on).
    """

    def __init__(
        self,
        art: Art,
        content: Content,
        player: RoutinePlayer,
        sounds: SoundCues,
        voice: Voice,
        language: Language,
        sizes: TextSize,
        parent: QWidget | None = None,
        clock: Clock = monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("playPage")
        self._player = player
        self._sounds = sounds
        self._voice = voice
        self._spoken: int | None = None  # the step whose instruction was read
        self._language = language
        self._content = content
        self._portrait = False
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._body.setContentsMargins(12, 12, 12, 12)
        self._body.setSpacing(16)
        self.map = FootMap(art, content, language, sizes, interactive=False, clock=clock)
        self.map.setMinimumSize(200, 110)  # it may give way to the instruction on a short page
        left = QVBoxLayout()
        left.addWidget(self.map, 3)
        self._steps = StepList(player, language)
        left.addWidget(self._steps, 2)
        # massage supports well-being and does not replace treatment: said on this page too
        self._safety_note = parts.label(sizes, "playSafetyNote", italic=True, colour=style.MUTED, keep_height=True)
        self._safety_note.setText(content.general.disclaimer(language.code))
        left.addWidget(self._safety_note)
        self._body.addLayout(left, 4)

        info = QVBoxLayout()
        info.setSpacing(6)
        self._step = StepView(player, language, sizes)
        info.addWidget(self._step, 1)
        # in the page's own column, not in the controls: showing or hiding it resizes the step at once
        self._question = StopQuestion(player, language, sizes)
        info.addWidget(self._question)
        self._controls = PlayControls(player, sounds, voice, language, sizes)
        self._controls.stop_requested.connect(self.ask_stop)
        info.addWidget(self._controls)
        self._body.addLayout(info, 7)

        for key, slot in (
            (Qt.Key.Key_Space, player.toggle_pause),
            (Qt.Key.Key_Left, player.previous),
            (Qt.Key.Key_Right, player.next),
            (Qt.Key.Key_Escape, self._on_escape),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        player.state_changed.connect(self._on_player_state_changed)
        player.step_changed.connect(self._on_player_step_changed)
        player.cue.connect(self._on_player_cue)
        language.changed.connect(self._on_language_changed)
        self._show_guide()

    # --- public ---------------------------------------------------------------------

    def set_portrait(self, portrait: bool) -> None:
        """The map and steps above the countdown in a portrait window, beside it otherwise."""
        self._portrait = portrait
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self._body.setStretch(0, 4)
        self._body.setStretch(1, 7)
        self._fit_step_list()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._step.set_page_height(self.height())
        self._fit_step_list()

    def _fit_step_list(self) -> None:
        # a short portrait page keeps its height for the map and the instruction; the step
        # list comes back on a tall one (a wall screen)
        self._steps.setVisible(not (self._portrait and self.height() < PORTRAIT_LIST_MIN_HEIGHT))

    def set_touch(self, touch: bool) -> None:
        """Touch screens: step rows a finger can hit."""
        self._steps.set_touch(touch)

    def set_accent(self, colour: QColor) -> None:
        self.map.set_accent(colour)

    @property
    def asking_to_stop(self) -> bool:
        """Whether "Stop the routine?" waits for an answer."""
        return self._question.isVisibleTo(self)

    def ask_stop(self, by_key: bool = False) -> None:
        """Ask before the routine ends (the person's hands are on their foot: a stray key must not end it)."""
        self._question.ask(by_key)

    def cancel_stop(self) -> None:
        self._question.cancel()

    # --- slots ----------------------------------------------------------------------

    def _on_escape(self) -> None:
        if self.asking_to_stop:
            self.cancel_stop()
        else:
            self.ask_stop(by_key=True)

    def _on_player_state_changed(self, state: State) -> None:
        if state in (State.RUNNING, State.WAITING):
            self._read_step_aloud()
        else:
            self._voice.stop()  # paused, stopped, finished (or getting ready): no words
            if state != State.PAUSED:
                self._spoken = None
        self._show_guide()

    def _read_step_aloud(self) -> None:
        """The current step's instruction, once per step (a resume does not read it again)."""
        current = self._player.current()
        if current is None or self._spoken == self._player.index:
            return
        self._spoken = self._player.index
        self._voice.speak(current.step.instruction(self._language.code), self._language.code)

    def _on_player_step_changed(self, index: int) -> None:
        if self._player.state in (State.RUNNING, State.WAITING):
            self._read_step_aloud()
        elif self._player.state == State.PAUSED:
            self._voice.stop()  # skipped while paused: the new step is read on resume
        self._show_guide()

    def _on_player_cue(self, cue: Cue) -> None:
        self._sounds.play(cue)  # the countdown shows the cue too, sound or not (StepView)

    def _on_language_changed(self, lang: str) -> None:
        self._safety_note.setText(self._content.general.disclaimer(lang))

    def _show_guide(self) -> None:
        """The step's zones on the map, on its foot, breathing unless paused."""
        current = self._player.current()
        if current is None:
            self.map.set_guide(())
            return
        step = current.step
        foot = step.foot if step.foot in ("left", "right") else None
        self.map.set_guide(step.zones, foot, pulsing=self._player.state != State.PAUSED)
