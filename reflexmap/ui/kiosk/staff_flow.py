"""The staff's way in and out of the kiosk: the staff corner, the PIN pad, the staff panel, what staff ask for.

:class:`StaffFlow` opens the PIN pad when someone holds the staff corner
(``[kiosk] staff_corner``) for :data:`HOLD_SECONDS`, the staff panel behind
the right PIN, and says what staff decided with signals; the kiosk shell
carries the decisions out.  The pad and the panel are built when first
needed: most days nobody opens them.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from reflexmap.clock import Clock, monotonic
from reflexmap.config import KioskSettings
from reflexmap.i18n import Language
from reflexmap.kiosk.idle import IdleState, IdleWatch
from reflexmap.kiosk.pins import PinGate
from reflexmap.kiosk.run_record import Ending, RunRecord
from reflexmap.kiosk.staff_report import StaffReport
from reflexmap.ui.fonts import TextSize

if TYPE_CHECKING:
    from reflexmap.ui.kiosk.pin_pad import PinPad
    from reflexmap.ui.kiosk.staff_panel import StaffPanel

__all__ = ["CORNER_PX", "HOLD_SECONDS", "StaffFlow"]

logger = logging.getLogger(__name__)

#: The corner a member of staff holds to get out, and for how long.
CORNER_PX = 80
HOLD_SECONDS = 3.0


class StaffFlow(QObject):
    """The staff corner, the PIN pad and the staff panel over ``window``.

    ``exit_requested`` (with how the run ends: staff exit or staff restart)
    and ``reload_requested`` are staff decisions; ``staff_left`` says staff
    closed the panel.  While the panel is open, ``idle`` is held: the
    visitors' idle time does not throw staff out.
    """

    exit_requested = Signal(object)  # an Ending
    reload_requested = Signal()
    staff_left = Signal()

    def __init__(
        self,
        window: QWidget,
        settings: KioskSettings,
        pins: PinGate,
        idle: IdleWatch,
        report: StaffReport,
        record: RunRecord | None,
        language: Language,
        sizes: TextSize,
        clock: Clock = monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._settings = settings
        self.pins = pins
        self._idle = idle
        self._report = report
        self._record = record
        self._language = language
        self._sizes = sizes
        self._clock = clock
        self._pad: PinPad | None = None
        self._panel: StaffPanel | None = None
        self._hold_timer = QTimer(self)
        self._hold_timer.setSingleShot(True)
        self._hold_timer.setInterval(round(HOLD_SECONDS * 1000))
        self._hold_timer.timeout.connect(self._on_hold_timeout)

    # --- the overlays, built when first needed ---------------------------------------------

    @property
    def pad(self) -> PinPad:
        if self._pad is None:
            from reflexmap.ui.kiosk.pin_pad import PinPad

            pad = PinPad(self._window, self.pins, self._language, self._sizes, clock=self._clock)
            pad.used.connect(self._on_pad_used)
            pad.accepted.connect(self._on_pad_accepted)
            pad.cancelled.connect(self.close_staff)
            self._pad = pad
        return self._pad

    @property
    def panel(self) -> StaffPanel:
        if self._panel is None:
            from reflexmap.ui.kiosk.staff_panel import StaffPanel

            panel = StaffPanel(
                self._window,
                self._report,
                self._record,
                self._language,
                self._sizes,
                clock=self._clock,
                seconds=self._settings.staff_panel_seconds,
            )
            panel.back.connect(self.close_staff)
            panel.timed_out.connect(self._on_panel_timed_out)
            panel.reload_requested.connect(self.reload_requested)
            panel.restart_requested.connect(self._on_panel_restart)
            panel.exit_requested.connect(self._on_panel_exit)
            self._panel = panel
        return self._panel

    @property
    def busy(self) -> bool:
        """Whether staff are at the PIN pad or in the staff panel."""
        return any(o is not None and o.isVisible() for o in (self._pad, self._panel))

    def fit(self) -> None:
        """The window changed size: the overlays built so far cover it again."""
        for overlay in (self._pad, self._panel):
            if overlay is not None:
                overlay.fit()

    # --- staff in and out -----------------------------------------------------------------

    def open_pin_pad(self) -> None:
        if self._panel is not None and self._panel.isVisible():
            return
        self.pad.open()

    def close_staff(self) -> None:
        """Close the PIN pad and the staff panel: back to visitors."""
        self.close(notify=True)

    def close(self, notify: bool) -> None:
        """Close the PIN pad and the staff panel; ``staff_left`` only if ``notify`` and the panel was open."""
        if self._pad is not None:
            self._pad.close_pad()
        if self._panel is not None and self._panel.isVisible():
            self._panel.close_panel()
            self._idle.hold(False)
            logger.info("staff left the staff panel")
            if notify:
                self.staff_left.emit()

    def stop(self) -> None:
        """The kiosk steps aside: no corner hold opens the pad, and the pad and panel say nothing more."""
        self._hold_timer.stop()
        for overlay in (self._pad, self._panel):
            if overlay is not None:
                overlay.blockSignals(True)

    def _on_pad_used(self) -> None:
        if self._idle.state != IdleState.RESTING:
            self._idle.touch()

    def _on_pad_accepted(self) -> None:
        self._idle.hold(True)  # the visitors' idle time does not throw staff out
        self.panel.open()

    def _on_panel_timed_out(self) -> None:
        logger.info("the staff panel closed after %.0f s without a touch", self._settings.staff_panel_seconds)
        self.close_staff()
        self._idle.rest()  # nobody there for minutes: the attract loop

    def _on_panel_exit(self) -> None:
        logger.info("staff exit")
        self.exit_requested.emit(Ending.STAFF_EXIT)

    def _on_panel_restart(self) -> None:
        logger.info("staff restart")
        self.exit_requested.emit(Ending.STAFF_RESTART)

    # --- input ------------------------------------------------------------------------------

    @property
    def corner_held(self) -> bool:
        """Whether someone is holding the staff corner now (the PIN pad opens after 3 s)."""
        return self._hold_timer.isActive()

    def corner_rect(self) -> QRect:
        """The staff corner, in the window's coordinates."""
        corner = self._settings.staff_corner
        w, h = self._window.width(), self._window.height()
        x = 0 if corner.endswith("left") else w - CORNER_PX
        y = 0 if corner.startswith("top") else h - CORNER_PX
        return QRect(x, y, CORNER_PX, CORNER_PX)

    def touch(self, watched: QObject, event: QEvent) -> None:
        """Input reached ``watched``: staff at work start their timeouts again; the staff corner's hold follows."""
        if self._pad is not None and self._pad.isVisible():
            self._pad.touch()
        if self._panel is not None and self._panel.isVisible():
            self._panel.touch()
        self._watch_corner(watched, event)

    def _watch_corner(self, watched: QObject, event: QEvent) -> None:
        if not isinstance(event, QMouseEvent) or not isinstance(watched, QWidget):
            return
        if event.type() == QEvent.Type.MouseButtonPress:
            pos = (
                watched.mapTo(self._window, event.position().toPoint())
                if watched is not self._window
                else event.position().toPoint()
            )
            if watched.window() is self._window and self.corner_rect().contains(pos):
                self._hold_timer.start()
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self._hold_timer.stop()

    def _on_hold_timeout(self) -> None:
        logger.info("staff corner held for %.0f s", HOLD_SECONDS)
        self.open_pin_pad()
