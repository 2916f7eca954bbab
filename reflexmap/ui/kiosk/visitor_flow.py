"""The visitors' side of the kiosk: the attract loop, "Still there?", and a clean start for each visitor.

:class:`VisitorFlow` follows the visitor's routine into the idle watch
(playing on its own is use; waiting for the visitor is not), shows
"Still there?" while the watch asks, and clears what one visitor chose
before the next comes.  The attract loop is built with it (it is the
kiosk's first frame); "Still there?" when the watch first asks.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from reflexmap.config import Config
from reflexmap.content import Content
from reflexmap.i18n import Language
from reflexmap.kiosk.idle import Activity, IdleState, IdleWatch
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.kiosk.attract import AttractOverlay
from reflexmap.ui.main_window import MainWindow

if TYPE_CHECKING:
    from reflexmap.player import RoutinePlayer, State
    from reflexmap.speech import Voice
    from reflexmap.ui.kiosk.still_there import StillThereOverlay

__all__ = ["VisitorFlow"]


def _activity(state: State) -> Activity:
    """What a player state means for idleness: playing on its own is use; waiting for the visitor is not."""
    from reflexmap.player import State  # loaded with the Routines tab, not with the kiosk

    if state in (State.LEAD_IN, State.RUNNING):
        return Activity.PLAYING
    if state in (State.PAUSED, State.WAITING):
        return Activity.WAITING
    return Activity.NONE


class VisitorFlow(QObject):
    """The attract loop and "Still there?" over ``window``, driven by ``idle``; :meth:`clear` for the next visitor."""

    def __init__(
        self,
        window: MainWindow,
        config: Config,
        idle: IdleWatch,
        language: Language,
        content: Content,
        sizes: TextSize,
        cache_dir: Path | None = None,
        logo: tuple[bytes, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._config = config
        self._idle = idle
        self._language = language
        self._sizes = sizes
        self._default_lang = language.code
        self._player: RoutinePlayer | None = None  # the Routines tab's, once a visitor opens it
        self._voice: Voice | None = None  # likewise
        self.attract = AttractOverlay(
            window, window.map, content, config, language, sizes, cache_dir, window.cover_panel, logo=logo
        )
        self.attract.pressed.connect(self.wake)
        self._still: StillThereOverlay | None = None
        window.tabs.currentChanged.connect(self._on_tab_changed)
        idle.state_changed.connect(self._on_idle_state_changed)

    @property
    def still(self) -> StillThereOverlay:
        if self._still is None:
            from reflexmap.ui.kiosk.still_there import StillThereOverlay

            self._still = StillThereOverlay(self._window, self._idle, self._language, self._sizes)
        return self._still

    @property
    def attract_zone(self) -> str | None:
        """The zone the attract loop shows now, if it runs."""
        return self.attract.zone

    def fit(self) -> None:
        """The window changed size: the overlays built so far cover it again."""
        self.attract.fit()
        if self._still is not None:
            self._still.fit()

    def wake(self) -> None:
        """The first touch after the attract loop only wakes the kiosk; it chooses nothing."""
        self.attract.stop()
        self._idle.touch()

    def touch(self, kind: QEvent.Type) -> None:
        """Input of ``kind`` arrived: it is use, except that only a press answers "Still there?"."""
        state = self._idle.state
        if state == IdleState.ACTIVE or (state == IdleState.STILL_THERE and kind == QEvent.Type.MouseButtonPress):
            self._idle.touch()

    def clear(self) -> None:
        """Back to how a new visitor should find the window: the map, nothing chosen, the attract loop."""
        if self._player is not None:
            self._player.stop()
        if self._voice is not None:  # a visitor's choice is not the next one's
            self._voice.set_enabled(self._config.kiosk.voice)
        self._window.map.select_zone(None)
        self._window.show_map()
        if self._language.code != self._default_lang:
            self._language.set(self._default_lang)
        self._sizes.set_step(self._config.kiosk.text_size - 1)
        if self._still is not None:
            self._still.hide()
        self.attract.start()
        if self._idle.state != IdleState.RESTING:
            self._idle.rest()

    def stop(self) -> None:
        """The kiosk steps aside: the attract loop and the visitor's routine stop."""
        self.attract.stop(uncover=False)  # the window is going: nothing is built or shown on it now
        if self._player is not None:
            self._player.stop()

    def _on_tab_changed(self, index: int) -> None:
        if self._player is None and index != 0:  # the Routines tab: built now, with its player
            self._player = self._window.routines.player
            self._voice = self._window.routines.voice
            self._player.state_changed.connect(self._on_player_state_changed)
            self._on_player_state_changed(self._player.state)

    def _on_player_state_changed(self, state: State) -> None:
        self._idle.set_activity(_activity(state))

    def _on_idle_state_changed(self, state: IdleState) -> None:
        if state == IdleState.STILL_THERE:
            self.still  # noqa: B018 - built now, it shows itself while the watch asks
