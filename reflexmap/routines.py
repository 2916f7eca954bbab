"""Routine files: schema, loading and validation.  No Qt at all.

A routine is a TOML file (the schema is in the README):

    name = { en = "...", uk = "..." }
    description = { en = "...", uk = "..." }
    needs = [ { en = "A massage ball", uk = "..." } ]        # optional
    indications = [ { en = "...", uk = "..." } ]             # optional
    contraindications = [ { en = "...", uk = "..." } ]       # optional
    then_other_foot = true                                   # optional

    [[steps]]
    zone = "heel"              # or a list: ["metatarsus", "arch"]
    foot = "right"             # left | right | both | none
    duration = 20              # seconds, or "until-done"
    instruction = { en = "...", uk = "..." }

Every problem is reported as one sentence naming the file, the step number
and the field; a bad file is skipped and the others still load.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from reflexmap.content import ZONES, Text
from reflexmap.messages import Message
from reflexmap.record import record
from reflexmap.schema import read_toml

__all__ = [
    "FEET",
    "MAX_ROUTINE_FILES",
    "UNTIL_DONE",
    "Routine",
    "RoutineError",
    "Step",
    "load_routine",
    "load_routines",
]

UNTIL_DONE = "until-done"
FEET = ("left", "right", "both", "none")
MAX_STEP_SECONDS = 3600
MAX_STEPS = 200
MAX_ROUTINE_BYTES = 256 * 1024
#: Routine files read from one folder (the first, by name): more would slow every start and fill the cache.
MAX_ROUTINE_FILES = 200


class RoutineError(ValueError):
    """A routine file cannot be used; the message names file, step and field."""


@record
class Step:
    """One timed step of a routine: which zone(s), which foot, how long, what to do."""

    zone: str | tuple[str, ...]
    foot: str
    duration: float | str
    instruction: Text

    def __post_init__(self) -> None:
        zones = (self.zone,) if isinstance(self.zone, str) else tuple(self.zone)
        if not zones:
            raise ValueError(Message("name at least one zone", at_field="zone"))
        for zone in zones:
            if zone not in ZONES:
                raise ValueError(
                    Message(
                        "{zone!r} is not a zone reflexmap knows ({choices})",
                        at_field="zone",
                        zone=zone,
                        choices=", ".join(ZONES),
                    )
                )
        object.__setattr__(self, "zone", zones)
        if self.foot not in FEET:
            raise ValueError(Message("{foot!r} is not one of left, right, both, none", at_field="foot", foot=self.foot))
        if isinstance(self.duration, str):
            if self.duration != UNTIL_DONE:
                raise ValueError(
                    Message(
                        '{value!r} is neither a number of seconds nor "until-done"',
                        at_field="duration",
                        value=self.duration,
                    )
                )
        elif not math.isfinite(self.duration):
            raise ValueError(Message("is not a number of seconds", at_field="duration"))
        elif self.duration <= 0:
            raise ValueError(
                Message("must be more than 0 seconds (it is {value:g})", at_field="duration", value=self.duration)
            )
        elif self.duration > MAX_STEP_SECONDS:
            raise ValueError(
                Message(
                    "{value:g} seconds is too long; a step lasts at most {limit}",
                    at_field="duration",
                    value=self.duration,
                    limit=MAX_STEP_SECONDS,
                )
            )

    @property
    def zones(self) -> tuple[str, ...]:
        return self.zone if isinstance(self.zone, tuple) else (self.zone,)

    @property
    def seconds(self) -> float | None:
        """The duration in seconds, or None for a step that lasts until the person presses Done."""
        return None if isinstance(self.duration, str) else float(self.duration)

    def on_other_foot(self) -> Step:
        swap = {"left": "right", "right": "left"}
        return replace(self, foot=swap.get(self.foot, self.foot))


@record
class Routine:
    """A routine file: its steps and what to know before starting."""

    name: Text
    description: Text
    steps: tuple[Step, ...]
    needs: tuple[Text, ...] = ()
    indications: tuple[Text, ...] = ()
    contraindications: tuple[Text, ...] = ()
    then_other_foot: bool = False
    #: The file's name without ``.toml``; set by the loader.
    id: str = ""

    def __post_init__(self) -> None:
        if not self.steps:
            raise ValueError(Message("a routine needs at least one step", at_field="steps"))
        if len(self.steps) > MAX_STEPS:
            raise ValueError(
                Message(
                    "{count} steps is too many; at most {limit}",
                    at_field="steps",
                    count=len(self.steps),
                    limit=MAX_STEPS,
                )
            )

    def sequence(self) -> tuple[Step, ...]:
        """The steps as played: with ``then_other_foot``, again on the other foot."""
        if not self.then_other_foot:
            return self.steps
        return self.steps + tuple(s.on_other_foot() for s in self.steps)

    @property
    def total_seconds(self) -> float:
        """Time of the timed steps (steps until done count nothing)."""
        return sum(s.seconds or 0.0 for s in self.sequence())

    @property
    def has_until_done(self) -> bool:
        return any(s.seconds is None for s in self.sequence())


def load_routine(path: str | Path, cache_dir: Path | None = None) -> Routine:
    """The routine in ``path``, or :class:`RoutineError` naming file, step and field."""
    path = Path(path)
    routine = read_toml(path, Routine, RoutineError, max_bytes=MAX_ROUTINE_BYTES, cache_dir=cache_dir)
    return replace(routine, id=path.stem)


def load_routines(
    folders: list[Path], cache_dir: Path | None = None, skip: Callable[[Path], bool] | None = None
) -> tuple[list[Routine], list[str]]:
    """Every ``*.toml`` routine in ``folders``, in order, and one notice per file skipped.

    A later folder's routine with the same file name replaces an earlier one
    (so a salon can adapt a built-in routine without touching it).  At most
    :data:`MAX_ROUTINE_FILES` files are read from each folder; one notice
    names a folder that has more.  ``skip`` is asked before each file is
    read: True leaves it out (the caller says why).
    """
    found: dict[str, Routine] = {}
    notices: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        paths = sorted(folder.glob("*.toml"))
        if len(paths) > MAX_ROUTINE_FILES:
            notices.append(
                Message(
                    "{folder}: {count:,} routine files; reflexmap reads the first {limit} (by name) "
                    "and skips the rest.",
                    folder=str(folder),
                    count=len(paths),
                    limit=MAX_ROUTINE_FILES,
                )
            )
            paths = paths[:MAX_ROUTINE_FILES]
        for path in paths:
            if skip is not None and skip(path):
                continue
            try:
                routine = load_routine(path, cache_dir)
            except RoutineError as e:
                notices.append(e.args[0])
                continue
            found[routine.id] = routine
    return list(found.values()), notices
