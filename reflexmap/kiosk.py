"""Kiosk engines: idle watch, staff PIN, the run record and the staff report.  QtCore only.

Everything timed takes a :data:`~reflexmap.clock.Clock` in its constructor,
like the routine player: a stalled event loop delays what is shown, never
what is decided.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import math
import secrets
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from reflexmap.clock import Clock, monotonic, until_next_whole_second
from reflexmap.fast_start import set_enum
from reflexmap.messages import Message

__all__ = [
    "Ending",
    "IdleState",
    "IdleWatch",
    "PinGate",
    "PinResult",
    "RunRecord",
    "StaffReport",
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


class PinGate:
    """The staff exit's PIN check: five wrong PINs lock it for a minute; every try is logged."""

    MAX_TRIES = 5
    LOCK_SECONDS = 60.0

    def __init__(self, pin_hash: str | None, clock: Clock | None = None) -> None:
        self._hash = pin_hash
        self._clock = clock or monotonic
        self._wrong = 0
        self._locked_until = 0.0

    @property
    def enabled(self) -> bool:
        return self._hash is not None

    def locked_for(self) -> float:
        """Seconds until the pad takes PINs again (0 when it does)."""
        return max(0.0, self._locked_until - self._clock())

    @property
    def tries_left(self) -> int:
        return self.MAX_TRIES - self._wrong

    def attempt(self, pin: str) -> PinResult:
        """Check ``pin``; every attempt is logged (never the PIN itself)."""
        if self._hash is None:
            logger.warning("staff PIN attempt refused: no pin_hash is set in the config")
            return PinResult.DISABLED
        if self.locked_for() > 0:
            logger.warning("staff PIN attempt while locked (%.0f s left)", self.locked_for())
            return PinResult.LOCKED
        if verify_pin(pin, self._hash):
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
    STILL_THERE = "still-there"  # a routine plays, nobody touched: asking before resetting
    RESTING = "resting"  # reset; the attract loop runs


class IdleWatch(QObject):
    """Decides when the kiosk resets: ``idle_seconds`` without input.

    If ``busy()`` (a routine plays) it first asks "Still there?" for
    ``still_there_seconds``; any input answers.  ``touch()`` is every input.
    """

    state_changed = Signal(object)  # the new IdleState
    reset = Signal()  # time to clear everything and start the attract loop
    tick = Signal()  # the "Still there?" countdown moved

    def __init__(
        self,
        idle_seconds: float = 60.0,
        still_there_seconds: float = 10.0,
        clock: Clock | None = None,
        busy: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.idle_seconds = idle_seconds
        self.still_there_seconds = still_there_seconds
        self._clock = clock or monotonic
        self._busy = busy
        self._last = self._clock()
        self._state = IdleState.ACTIVE
        self._ask_deadline = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        set_enum(self._timer, "timerType", "PreciseTimer")
        self._timer.timeout.connect(self.update)
        self._schedule()

    @property
    def state(self) -> IdleState:
        return self._state

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

    def rest(self) -> None:
        """Go to the attract loop now (a staff reset, a reload)."""
        self._set(IdleState.RESTING)
        self.reset.emit()
        self._schedule()

    def update(self) -> None:
        now = self._clock()
        if self._state == IdleState.ACTIVE and now - self._last >= self.idle_seconds:
            if self._busy():
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

    def _set(self, state: IdleState) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    def _schedule(self) -> None:
        now = self._clock()
        if self._state == IdleState.ACTIVE:
            due = self._last + self.idle_seconds
        elif self._state == IdleState.STILL_THERE:
            due = now + until_next_whole_second(self._ask_deadline - now)
        else:
            self._timer.stop()
            return
        self._timer.start(max(0, math.ceil((due - now) * 1000)))


# --- what happened to the last run -----------------------------------------------------


class Ending(Enum):
    """How a run ended, as the run record keeps it."""

    STAFF_EXIT = "staff exit"


class RunRecord:
    """A small JSON file saying when this run started and how the last one ended.

    Made once per process (a hot reload is the same run).
    """

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._clock = clock
        self.previous: dict[str, object] = {}
        from reflexmap.files import read_file
        from reflexmap.messages import shorten, visible

        try:  # a regular file only (a pipe planted here must not hang the start), small, not through a link
            data = json.loads(read_file(path, ValueError, 64 * 1024, nofollow=True))
        except (ValueError, RecursionError):
            data = None
        if isinstance(data, dict):  # only what reflexmap writes: times from 1970 to 2286, a short reason
            for key in ("started", "ended"):
                value = data.get(key)
                if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 1e10:
                    self.previous[key] = float(value)
            why = data.get("why")
            self.previous["why"] = shorten(visible(why), 120) if isinstance(why, str) else None
        self.started = clock()
        self._write({"started": self.started, "ended": None, "why": None})

    def last_restart(self) -> tuple[float | None, str]:
        """When the previous run started and why it ended ("staff exit", an unexpected stop, "first run")."""
        if not self.previous:
            return None, Message("first run")
        started = self.previous.get("started")
        why = self.previous.get("why")
        reason = (
            Message("staff exit")
            if why == Ending.STAFF_EXIT.value
            else (Message("unexpected stop (a crash, a power cut or the watchdog)") if not why else str(why))
        )
        return (float(started) if isinstance(started, (int, float)) else None), reason

    def ended(self, why: Ending) -> None:
        self._write({"started": self.started, "ended": self._clock(), "why": why.value})

    def _write(self, data: dict[str, object]) -> None:
        from reflexmap.files import write_atomic

        try:  # never through a link planted at the file or at a temporary name
            write_atomic(self.path, json.dumps(data).encode("utf-8"))
        except (OSError, ValueError) as e:
            logger.info("cannot write %s: %s", self.path, e)


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

    @property
    def notices(self) -> list[str]:
        """Problems with the salon's files, newest last (Message objects, for translation)."""
        return list(self._notices)

    @property
    def errors(self) -> list[str]:
        """Unhandled errors since the process started, newest last."""
        return list(self._errors)

    def uptime(self) -> float:
        """Seconds since the process started."""
        return max(0.0, self._clock() - self.started)

    def add_notice(self, notice: str) -> None:
        self._notices = [*self._notices, notice][-self.MAX_NOTICES :]
        self.changed.emit()

    def record_error(self, message: str) -> None:
        self._errors = [*self._errors, message][-self.MAX_ERRORS :]
        self.changed.emit()
