"""Everything one window works with, built by the composition root and handed to the window."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from reflexmap.clock import Clock, monotonic
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
    #: Problems with the art, shown in the window's banner (desktop only).
    notices: list[str] = field(default_factory=list)
    #: Routine files that were skipped, shown on the Routines tab (desktop only).
    routine_notices: list[str] = field(default_factory=list)
    #: The clock every timed engine of this window reads.
    clock: Clock = monotonic

    # The routine engine and its helpers are made the first time they are
    # needed (the Routines tab, or a kiosk that watches the player): the
    # desktop's first frame shows only the map.

    @cached_property
    def player(self) -> RoutinePlayer:
        from reflexmap.player import RoutinePlayer

        return RoutinePlayer(clock=self.clock)

    @cached_property
    def sounds(self) -> SoundCues:
        from reflexmap.sound import SoundCues

        return SoundCues()

    @cached_property
    def awake(self) -> ScreenAwake:
        from reflexmap.awake import ScreenAwake

        return ScreenAwake()
