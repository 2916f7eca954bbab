"""Kiosk engines: idle watch, staff PIN, timeouts, the run record and the staff report.  QtCore only.

Everything timed takes a :data:`~reflexmap.clock.Clock` in its constructor,
like the routine player: a stalled event loop delays what is shown, never
what is decided.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reflexmap.clock import Clock, monotonic, until_next_whole_second
from reflexmap.fast_start import lazy_module, set_enum

if TYPE_CHECKING:
    import base64
    import hashlib
    import hmac
    import json
    import secrets
else:  # the PIN's and the run record's modules load when first used: a kiosk's first frame needs neither
    base64, hashlib, hmac, json, secrets = map(lazy_module, ("base64", "hashlib", "hmac", "json", "secrets"))

__all__ = [
    "Activity",
    "Ending",
    "IdleState",
    "IdleWatch",
    "PinGate",
    "PinResult",
    "PreviousRun",
    "RunRecord",
    "StaffReport",
    "Timeout",
    "boot_id",
    "hash_pin",
    "verify_pin",
]

logger = logging.getLogger(__name__)

#: PBKDF2 rounds of a new PIN hash: a check takes about a third of the 100 ms a check may take
#: (MAX_PIN_ITERATIONS, in config.py, bounds what a config may ask for).
PIN_ITERATIONS = 200_000


# --- the staff PIN -------------------------------------------------------------------


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = PIN_ITERATIONS) -> str:
    """A salted PBKDF2-SHA256 hash of ``pin``, for the config's ``pin_hash``."""
    from reflexmap.config import MAX_PIN_ITERATIONS

    if not 1000 <= iterations <= MAX_PIN_ITERATIONS:
        raise ValueError(f"iterations must be between 1000 and {MAX_PIN_ITERATIONS:,}")
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored`` (compared in constant time).

    A hash asking for more than MAX_PIN_ITERATIONS rounds never matches:
    checking it would block the caller for too long.
    """
    from reflexmap.config import MAX_PIN_ITERATIONS

    try:
        scheme, iterations, salt, digest = stored.split("$")
        if scheme != "pbkdf2_sha256" or not 0 < int(iterations) <= MAX_PIN_ITERATIONS:
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), base64.b64decode(salt), int(iterations))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(expected, actual)


class PinResult(Enum):
    """What a PIN attempt came to."""

    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"  # too many wrong PINs: the pad waits
    DISABLED = "disabled"  # no pin_hash in the config: the staff exit stays shut


class PinGate(QObject):
    """The staff exit's PIN check: five wrong PINs lock it for a minute; every try is logged.

    :meth:`check` hashes the PIN on a worker thread (PBKDF2 takes a noticeable
    moment, and hashlib lets other threads run meanwhile) and says what it came
    to with ``checked``; :meth:`attempt` is the same check, waited for.
    """

    checked = Signal(object)  # the PinResult of check()
    _verified = Signal(bool)  # from the worker thread: whether the PIN matched

    MAX_TRIES = 5
    LOCK_SECONDS = 60.0

    def __init__(self, pin_hash: str | None, clock: Clock | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hash = pin_hash
        self._clock = clock or monotonic
        self._wrong = 0
        self._locked_until = 0.0
        self._checking = False
        self._verified.connect(self._on_verified)

    @property
    def enabled(self) -> bool:
        return self._hash is not None

    @property
    def checking(self) -> bool:
        """Whether a :meth:`check` is under way (the pad takes no keys meanwhile)."""
        return self._checking

    def locked_for(self) -> float:
        """Seconds until the pad takes PINs again (0 when it does)."""
        return max(0.0, self._locked_until - self._clock())

    @property
    def tries_left(self) -> int:
        return self.MAX_TRIES - self._wrong

    def attempt(self, pin: str) -> PinResult:
        """Check ``pin`` now; every attempt is logged (never the PIN itself)."""
        refused = self._refusal()
        if refused is not None:
            return refused
        assert self._hash is not None
        return self._count(verify_pin(pin, self._hash))

    def check(self, pin: str) -> None:
        """Check ``pin`` off the GUI thread; ``checked`` carries the result (at once if refused)."""
        if self._checking:
            return
        refused = self._refusal()
        if refused is not None:
            self.checked.emit(refused)
            return
        self._checking = True
        threading.Thread(target=self._verify, args=(pin, self._hash), name="pin-check", daemon=True).start()

    def _verify(self, pin: str, stored: str | None) -> None:
        matched = stored is not None and verify_pin(pin, stored)
        try:
            self._verified.emit(matched)
        except RuntimeError:  # the kiosk was replaced meanwhile: nobody is waiting
            pass

    def _on_verified(self, matched: bool) -> None:
        self._checking = False
        self.checked.emit(self._count(matched))

    def _refusal(self) -> PinResult | None:
        if self._hash is None:
            logger.warning("staff PIN attempt refused: no pin_hash is set in the config")
            return PinResult.DISABLED
        if self.locked_for() > 0:
            logger.warning("staff PIN attempt while locked (%.0f s left)", self.locked_for())
            return PinResult.LOCKED
        return None

    def _count(self, matched: bool) -> PinResult:
        if matched:
            logger.info("staff PIN accepted")
            self._wrong = 0
            return PinResult.OK
        self._wrong += 1
        if self._wrong >= self.MAX_TRIES:
            self._wrong = 0
            self._locked_until = self._clock() + self.LOCK_SECONDS
            logger.warning(
                "wrong staff PIN (%d in a row): the pad is locked for %.0f s", self.MAX_TRIES, self.LOCK_SECONDS
            )
            return PinResult.LOCKED
        logger.warning("wrong staff PIN (%d of %d)", self._wrong, self.MAX_TRIES)
        return PinResult.WRONG


# --- idle ------------------------------------------------------------------------------


class IdleState(Enum):
    """Whether someone uses the kiosk; ``IdleWatch.state_changed`` carries one of these."""

    ACTIVE = "active"  # someone is using it
    STILL_THERE = "still-there"  # a routine waits and nobody touched: asking before resetting
    RESTING = "resting"  # reset; the attract loop runs


class Activity(Enum):
    """What the visitor's routine is doing, as far as idleness goes (``IdleWatch.set_activity``)."""

    NONE = "none"  # no routine under way (or it finished): reset after the idle time
    PLAYING = "playing"  # a routine plays on its own: that is use, hands on a foot need no taps
    WAITING = "waiting"  # it waits for the visitor (paused, or a step until Done): ask "Still there?" first


class IdleWatch(QObject):
    """Decides when the kiosk resets: ``idle_seconds`` without input and without a routine playing.

    A routine playing on its own counts as use.  One that waits for the
    visitor asks "Still there?" for ``still_there_seconds`` first; any input
    answers.  The idle time counts from the last input or from when the
    routine stopped playing, whichever came last.  ``touch()`` is every input;
    ``hold()`` keeps the kiosk from resetting while staff work in it.
    """

    state_changed = Signal(object)  # the new IdleState
    reset = Signal()  # time to clear everything and start the attract loop
    tick = Signal()  # the "Still there?" countdown moved

    def __init__(
        self,
        idle_seconds: float = 60.0,
        still_there_seconds: float = 10.0,
        clock: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.idle_seconds = idle_seconds
        self.still_there_seconds = still_there_seconds
        self._clock = clock or monotonic
        self._last = self._clock()
        self._state = IdleState.ACTIVE
        self._activity = Activity.NONE
        self._held = False
        self._ask_deadline = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        set_enum(self._timer, "timerType", "PreciseTimer")
        self._timer.timeout.connect(self.update)
        self._schedule()

    @property
    def state(self) -> IdleState:
        return self._state

    @property
    def activity(self) -> Activity:
        return self._activity

    @property
    def held(self) -> bool:
        return self._held

    def remaining(self) -> float:
        """Seconds left on the "Still there?" countdown (0 outside it)."""
        if self._state != IdleState.STILL_THERE:
            return 0.0
        return max(0.0, self._ask_deadline - self._clock())

    def touch(self) -> None:
        """Someone used the kiosk."""
        self._last = self._clock()
        if self._state != IdleState.ACTIVE:
            self._set(IdleState.ACTIVE)
        self._schedule()

    def set_activity(self, activity: Activity) -> None:
        """The visitor's routine changed what it does (the kiosk follows the player's state)."""
        was_in_use = self._in_use()
        self._activity = activity
        self._after_use_changed(was_in_use)

    def hold(self, held: bool) -> None:
        """Staff are at work (the staff panel): no reset until they are done."""
        was_in_use = self._in_use()
        self._held = held
        self._after_use_changed(was_in_use)

    def rest(self) -> None:
        """Go to the attract loop now (a staff reset, a reload)."""
        self._set(IdleState.RESTING)
        self._schedule()
        self.reset.emit()  # last: a reload landing at the reset may retire this watch's kiosk

    def update(self) -> None:
        """Look at the clock and decide (the timer calls this; a test or the soak may too)."""
        now = self._clock()
        if self._state == IdleState.ACTIVE and not self._in_use() and now - self._last >= self.idle_seconds:
            if self._activity == Activity.WAITING:
                self._ask_deadline = self._last + self.idle_seconds + self.still_there_seconds
                self._set(IdleState.STILL_THERE)
            else:
                self.rest()
                return
        if self._state == IdleState.STILL_THERE:
            if now >= self._ask_deadline:
                self.rest()
                return
            self.tick.emit()
        self._schedule()

    def _in_use(self) -> bool:
        return self._held or self._activity == Activity.PLAYING

    def _after_use_changed(self, was_in_use: bool) -> None:
        if self._in_use():
            if self._state == IdleState.STILL_THERE:
                self._set(IdleState.ACTIVE)
        elif was_in_use:
            self._last = self._clock()  # the idle time starts now, not at the last touch
        self._schedule()

    def _set(self, state: IdleState) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    def _schedule(self) -> None:
        now = self._clock()
        if self._state == IdleState.ACTIVE and not self._in_use():
            due = self._last + self.idle_seconds
        elif self._state == IdleState.STILL_THERE:
            due = now + until_next_whole_second(self._ask_deadline - now)
        else:
            self._timer.stop()
            return
        self._timer.start(max(0, math.ceil((due - now) * 1000)))


class Timeout(QObject):
    """Closes something after ``seconds`` without use (the PIN pad, the staff panel): ``expired``.

    ``start()`` when it opens, ``touch()`` on every use, ``stop()`` when it
    closes.  While it runs it looks at the clock every second (open things
    are rare and short: the wake-ups cost nothing).
    """

    expired = Signal()

    def __init__(self, seconds: float, clock: Clock | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self._clock = clock or monotonic
        self._deadline: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.update)

    @property
    def running(self) -> bool:
        return self._deadline is not None

    def remaining(self) -> float:
        """Seconds until it expires (0 when it is not running)."""
        return 0.0 if self._deadline is None else max(0.0, self._deadline - self._clock())

    def start(self) -> None:
        self._deadline = self._clock() + self.seconds
        self._schedule()

    def touch(self) -> None:
        """Used now: the time starts again (if it runs)."""
        if self._deadline is not None:
            self.start()

    def stop(self) -> None:
        self._deadline = None
        self._timer.stop()

    def update(self) -> None:
        """Look at the clock: past the deadline, stop and say so."""
        if self._deadline is None:
            return
        if self._clock() >= self._deadline:
            self.stop()
            self.expired.emit()
            return
        self._schedule()

    def _schedule(self) -> None:
        if self._deadline is not None:
            left = min(1.0, self._deadline - self._clock())
            self._timer.start(max(0, math.ceil(left * 1000)))


# --- what happened to the last run -----------------------------------------------------


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


@dataclass(frozen=True)
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


# --- what staff see ------------------------------------------------------------------------


class StaffReport(QObject):
    """What the staff panel reports for the whole process: uptime, errors, problems with files.

    Made once per process and handed to every kiosk a hot reload builds, so
    nothing is forgotten or reset by a reload.  Staff matters only: never shown
    to visitors.
    """

    changed = Signal()

    MAX_NOTICES = 8
    MAX_ERRORS = 50

    def __init__(self, clock: Clock | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock or monotonic
        self.started = self._clock()
        self._notices: list[str] = []
        self._errors: list[str] = []
        self._reload_waiting = False

    @property
    def notices(self) -> list[str]:
        """Problems with the salon's files, newest last (Message objects, for translation)."""
        return list(self._notices)

    @property
    def errors(self) -> list[str]:
        """Unhandled errors since the process started, newest last."""
        return list(self._errors)

    @property
    def reload_waiting(self) -> bool:
        """Whether checked new content waits for staff to leave the panel."""
        return self._reload_waiting

    def set_reload_waiting(self, waiting: bool) -> None:
        if waiting != self._reload_waiting:
            self._reload_waiting = waiting
            self.changed.emit()

    def uptime(self) -> float:
        """Seconds since the process started."""
        return max(0.0, self._clock() - self.started)

    def add_notice(self, notice: str) -> None:
        """A problem with a file; one already listed moves to the newest place instead of filling another."""
        self._notices = [*(n for n in self._notices if n != notice), notice][-self.MAX_NOTICES :]
        self.changed.emit()

    def record_error(self, message: str) -> None:
        self._errors = [*self._errors, message][-self.MAX_ERRORS :]
        self.changed.emit()
