"""Everything one run of the app works with, built once by app.py and handed to the window."""

from __future__ import annotations

from dataclasses import dataclass, field

from reflexmap.awake import ScreenAwake
from reflexmap.content import Content
from reflexmap.geometry import Art
from reflexmap.player import RoutinePlayer
from reflexmap.routines import Routine
from reflexmap.sound import SoundCues


@dataclass
class Session:
    art: Art
    content: Content
    routines: list[Routine]
    player: RoutinePlayer
    sounds: SoundCues
    awake: ScreenAwake
    #: Problems with the art, shown in the window's banner.
    notices: list[str] = field(default_factory=list)
    #: Routine files that were skipped, shown on the Routines tab.
    routine_notices: list[str] = field(default_factory=list)
