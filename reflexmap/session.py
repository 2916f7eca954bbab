"""Everything one run of the app works with, built once by app.py and handed to the window."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
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
    """What one window shows (art, content, routines, notices) and, made on first use, its routine engine."""

    art: Art
    content: Content
    routines: list[Routine]
    #: Problems with the art, shown in the window's banner.
    notices: list[str] = field(default_factory=list)
    #: Routine files that were skipped, shown on the Routines tab.
    routine_notices: list[str] = field(default_factory=list)

    # The routine engine and its helpers are made the first time the Routines
    # tab is needed: the first frame shows only the map.

    @cached_property
    def player(self) -> RoutinePlayer:
        from reflexmap.player import RoutinePlayer

        return RoutinePlayer()

    @cached_property
    def sounds(self) -> SoundCues:
        from reflexmap.sound import SoundCues

        return SoundCues()

    @cached_property
    def awake(self) -> ScreenAwake:
        from reflexmap.awake import ScreenAwake

        return ScreenAwake()
