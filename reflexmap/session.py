"""Everything one window works with, built by the composition root and handed to the window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from reflexmap.clock import Clock, monotonic
from reflexmap.content import Content
from reflexmap.geometry import Art
from reflexmap.routines import Routine

if TYPE_CHECKING:
    from pathlib import Path

    from reflexmap.awake import ScreenAwake
    from reflexmap.player import RoutinePlayer
    from reflexmap.sound import SoundCues
    from reflexmap.speech import Voice


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
    #: Whether the steps are read aloud at start (asked when the voice is first made), and who hears
    #: when a person switches it.
    voice_on: Callable[[], bool] = lambda: False
    on_voice_switched: Callable[[bool], None] | None = None
    #: Where results worth keeping between runs are remembered (the map's masks); None: nowhere.
    cache_dir: Path | None = None

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
    def voice(self) -> Voice:
        from reflexmap.speech import Voice, default_engine

        voice = Voice(default_engine(), enabled=self.voice_on())
        if self.on_voice_switched is not None:
            report = self.on_voice_switched
            voice.changed.connect(lambda: report(voice.enabled))
        return voice

    @cached_property
    def awake(self) -> ScreenAwake:
        from reflexmap.awake import ScreenAwake

        return ScreenAwake()
