"""The staff PIN: its salted hash for the config, and the gate that checks a PIN and locks after wrong ones."""

from __future__ import annotations

import logging
import threading
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reflexmap.clock import Clock, monotonic
from reflexmap.fast_start import lazy_module

if TYPE_CHECKING:
    import base64
    import hashlib
    import hmac
    import secrets
else:  # the PIN's modules load when first used: a kiosk's first frame needs none of them
    base64, hashlib, hmac, secrets = map(lazy_module, ("base64", "hashlib", "hmac", "secrets"))

__all__ = ["PIN_ITERATIONS", "PinGate", "PinResult", "hash_pin", "verify_pin"]

logger = logging.getLogger(__name__)

#: PBKDF2 rounds of a new PIN hash: a check takes about a third of the 100 ms a check may take
#: (MAX_PIN_ITERATIONS, in config.py, bounds what a config may ask for).
PIN_ITERATIONS = 200_000


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
