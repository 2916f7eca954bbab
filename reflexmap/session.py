"""Everything one run of the app works with, built once by app.py and handed to the window."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reflexmap.content import Content
from reflexmap.geometry import Art
from reflexmap.routines import Routine

if TYPE_CHECKING:
    from reflexmap.awake import ScreenAwake
    from reflexmap.player import RoutinePlayer
    from reflexmap.sound import SoundCues


@dataclass
class Session:
    art: Art
    content: Content
    routines: list[Routine]
    #: Problems with the art, shown in the window's banner.
    notices: list[str] = field(default_factory=list)
    #: Routine files that were skipped, shown on the Routines tab.
    routine_notices: list[str] = field(default_factory=list)
    _player: RoutinePlayer | None = field(default=None, repr=False)
    _sounds: SoundCues | None = field(default=None, repr=False)
    _awake: ScreenAwake | None = field(default=None, repr=False)

    # The routine engine and its helpers are made the first time the Routines
    # tab is needed: the first frame shows only the map.

    @property
    def player(self) -> RoutinePlayer:
        if self._player is None:
            from reflexmap.player import RoutinePlayer

            self._player = RoutinePlayer()
        return self._player

    @property
    def sounds(self) -> SoundCues:
        if self._sounds is None:
            from reflexmap.sound import SoundCues

            self._sounds = SoundCues()
        return self._sounds

    @property
    def awake(self) -> ScreenAwake:
        if self._awake is None:
            from reflexmap.awake import ScreenAwake

            self._awake = ScreenAwake()
        return self._awake
