"""What staff see of the whole process: uptime, errors, problems with files."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reflexmap.clock import Clock, monotonic

__all__ = ["StaffReport"]


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
