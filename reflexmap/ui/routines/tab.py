"""The Routines tab: four pages, and the player's state says which one shows."""

from __future__ import annotations

from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import QStackedWidget, QWidget

from reflexmap.awake import ScreenAwake
from reflexmap.clock import Clock, monotonic
from reflexmap.content import Content
from reflexmap.geometry import Art
from reflexmap.i18n import Language
from reflexmap.player import PLAYING, RoutinePlayer, State
from reflexmap.routines import Routine
from reflexmap.sound import SoundCues
from reflexmap.speech import Voice
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.foot_map import FootMap
from reflexmap.ui.routines.choose import ChoosePage
from reflexmap.ui.routines.done import DonePage
from reflexmap.ui.routines.play import PlayPage
from reflexmap.ui.routines.safety import SafetyPage

__all__ = ["RoutineTab"]


class RoutineTab(QStackedWidget):
    """Choose, safety check, play, done: the page follows the player's state.

    Everything timed comes from :class:`reflexmap.player.RoutinePlayer`; the
    pages only show its state and forward the person's choices to it.  While a
    routine plays the cue sounds are ready and the screen is kept awake.
    """

    def __init__(
        self,
        routines: list[Routine],
        player: RoutinePlayer,
        art: Art,
        content: Content,
        sounds: SoundCues,
        voice: Voice,
        awake: ScreenAwake,
        language: Language,
        sizes: TextSize,
        notices: list[str] | None = None,
        parent: QWidget | None = None,
        clock: Clock = monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routinePlayer")
        self._player = player
        self._sounds = sounds
        self._voice = voice
        self._awake = awake
        self.choose_page = ChoosePage(routines, player, language, sizes, notices or [])
        self.safety_page = SafetyPage(player, content, language, sizes)
        self.play_page = PlayPage(art, content, player, sounds, voice, language, sizes, clock=clock)
        self.done_page = DonePage(player, content, language, sizes)
        self._pages = {
            "choose": self.choose_page,
            "safety": self.safety_page,
            "play": self.play_page,
            "done": self.done_page,
        }
        for page in self._pages.values():
            self.addWidget(page)
        player.state_changed.connect(self._on_player_state_changed)
        self._on_player_state_changed(player.state)

    @property
    def page(self) -> str:
        """Which page shows: "choose", "safety", "play" or "done"."""
        current = self.currentWidget()
        return next(name for name, page in self._pages.items() if page is current)

    @property
    def player(self) -> RoutinePlayer:
        """The player this tab shows and drives."""
        return self._player

    @property
    def voice(self) -> Voice:
        """The voice that reads the steps (switched by the player's Voice button)."""
        return self._voice

    @property
    def map(self) -> FootMap:
        """The guide map on the player page."""
        return self.play_page.map

    def choose(self, routine_id: str, minutes: int | None = None) -> None:
        """Select a routine and a length, as the person would on the first page."""
        self.choose_page.choose(routine_id, minutes)

    def set_accent(self, colour: QColor) -> None:
        self.play_page.set_accent(colour)

    def set_touch(self, touch: bool) -> None:
        """Touch screens: list rows and buttons at least 48 px tall."""
        self.play_page.set_touch(touch)

    def showEvent(self, event: QShowEvent) -> None:
        # the cues load now, while a routine is chosen: loaded right before the first one plays, it came late
        self._sounds.prepare()
        super().showEvent(event)

    def _on_player_state_changed(self, state: State) -> None:
        page = {State.IDLE: "choose", State.SAFETY: "safety", State.FINISHED: "done"}.get(state, "play")
        self.setCurrentWidget(self._pages[page])
        if state in PLAYING:
            self._sounds.prepare()  # (already done when the tab opened; a kiosk may start one from elsewhere)
            self._awake.hold(self.tr("A massage routine is playing"))
        else:
            self._awake.release()

    def set_portrait(self, portrait: bool) -> None:
        """Lay the pages out for a portrait window (the window decides, for both tabs alike)."""
        self.choose_page.set_portrait(portrait)
        self.play_page.set_portrait(portrait)
