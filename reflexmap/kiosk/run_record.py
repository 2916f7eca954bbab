"""What happened to the last run: the record each run keeps of itself, and how the next start reads it."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from reflexmap.fast_start import lazy_module
from reflexmap.record import record

if TYPE_CHECKING:
    import json
else:  # loads when first used: a kiosk's first frame needs no run record
    json = lazy_module("json")

__all__ = ["Ending", "PreviousRun", "RunRecord", "boot_id"]

logger = logging.getLogger(__name__)


class Ending(Enum):
    """How a run ended: the first four the run says itself, the last two the next run infers."""

    CLEAN_EXIT = "clean exit"  # asked to stop (systemctl stop, a shutdown, Ctrl+C)
    STAFF_EXIT = "staff exit"  # Exit in the staff panel: stays stopped for maintenance
    STAFF_RESTART = "staff restart"  # Restart in the staff panel
    CRASH = "crash"  # an error ended the process (or it was killed while its loop ran)
    WATCHDOG = "watchdog"  # its loop froze, so systemd killed it
    POWER_CUT = "power cut"  # the machine went off under it


#: systemd restarts a killed kiosk within seconds; a start much later than this after the kill says nothing more.
RESTART_WINDOW_SECONDS = 60.0
BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


def boot_id() -> str | None:
    """This boot's id (Linux: a new random id every boot), or None where there is none."""
    try:
        return BOOT_ID.read_text(encoding="ascii").strip() or None
    except OSError:
        return None


@record
class PreviousRun:
    """The run before this one: when it started (wall-clock seconds, if known) and how it ended."""

    started: float | None
    ending: Ending


class RunRecord:
    """A small JSON file saying when this run started and how the last one ended.

    Made once per process (a hot reload is the same run); :meth:`begin` when
    the kiosk takes the screen (a ``--screenshot`` is no run).  A run that
    ends on purpose writes how (:meth:`ended`); one that cannot is read by the
    next start: the machine's boot id changed (a power cut), or under the
    systemd watchdog its last sign of life (:meth:`alive`) came at least a
    watchdog period before that start (systemd killed a frozen loop), else
    it crashed.
    """

    def __init__(
        self, path: Path, clock: Callable[[], float] = time.time, boot: Callable[[], str | None] = boot_id
    ) -> None:
        self.path = path
        self._clock = clock
        self._boot_of = boot
        self.started: float | None = None
        self._boot: str | None = None
        self._previous: PreviousRun | None = None
        self._read = False
        self._alive: float | None = None
        self._within: float | None = None

    def begin(self) -> None:
        """This run starts now: remember how the previous one ended, and say this one is running."""
        self.started = self._clock()
        self._boot = self._boot_of()
        self._previous = _previous_run(self._recorded(), self.started, self._boot)
        self._read = True
        self._write(self._data())

    def last_restart(self) -> PreviousRun | None:
        """The run before this one (the last one on record, if this one has not begun), or None if none was."""
        if not self._read:
            self._previous = _previous_run(self._recorded(), self._clock(), self._boot_of())
            self._read = True
        return self._previous

    def _recorded(self) -> dict[str, object]:
        from reflexmap.files import read_file

        try:  # a regular file only (a pipe planted here must not hang the start), small, not through a link
            data = json.loads(read_file(self.path, ValueError, 64 * 1024, nofollow=True))
        except (ValueError, RecursionError):
            return {}
        return data if isinstance(data, dict) else {}

    def alive(self, within: float) -> None:
        """The event loop is alive now, and the watchdog kills it unless it says so again ``within`` seconds."""
        self._alive = self._clock()
        self._within = within
        self._write(self._data())

    def ended(self, why: Ending) -> None:
        self._write(self._data(ended=self._clock(), why=why.value))

    def _data(self, ended: float | None = None, why: str | None = None) -> dict[str, object]:
        if self.started is None:  # ended without having begun (a test, a failed start): a run of no length
            self.started = self._clock()
        return {
            "started": self.started,
            "boot_id": self._boot,
            "pid": os.getpid(),
            "alive": self._alive,
            "watchdog_seconds": self._within,
            "ended": ended,
            "why": why,
        }

    def _write(self, data: dict[str, object]) -> None:
        from reflexmap.files import write_atomic

        try:  # never through a link planted at the file or at a temporary name
            write_atomic(self.path, json.dumps(data).encode("utf-8"))
        except (OSError, ValueError) as e:
            logger.info("cannot write %s: %s", self.path, e)


def _number(value: object) -> float | None:
    """A time or a length reflexmap could have written (1970 to 2286), else None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 1e10:
        return float(value)
    return None


def _previous_run(data: dict[str, object], now: float, boot: str | None) -> PreviousRun | None:
    """How the run recorded in ``data`` ended, as far as this start (at ``now``, on boot ``boot``) can tell."""
    if not data:
        return None
    started = _number(data.get("started"))
    why = data.get("why")
    if why is not None:
        try:
            return PreviousRun(started, Ending(why))
        except ValueError:
            return PreviousRun(started, Ending.CRASH)
    recorded_boot = data.get("boot_id")
    if isinstance(recorded_boot, str) and boot is not None and recorded_boot != boot:
        return PreviousRun(started, Ending.POWER_CUT)
    alive, within = _number(data.get("alive")), _number(data.get("watchdog_seconds"))
    if alive is not None and within is not None and within <= now - alive < within + RESTART_WINDOW_SECONDS:
        return PreviousRun(started, Ending.WATCHDOG)
    return PreviousRun(started, Ending.CRASH)
