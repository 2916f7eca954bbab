"""The staff panel: how the kiosk is doing, problems with the salon's files; reload, restart, exit.

Every fact is a line of its own, and the card takes the height its lines
need at its width, so nothing is cut off in either language at any text
size (``tests/ui/test_kiosk_readability.py`` checks).  The panel closes by
itself after ``staff_panel_seconds`` without a touch.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reflexmap.clock import Clock, monotonic
from reflexmap.fast_start import set_enum
from reflexmap.i18n import Language
from reflexmap.kiosk.idle import Timeout
from reflexmap.kiosk.run_record import Ending, RunRecord
from reflexmap.kiosk.staff_report import StaffReport
from reflexmap.ui import parts, style
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.kiosk.overlay import Overlay
from reflexmap.ui.localize import localize

__all__ = ["StaffPanel"]

# What the panel lists at most: the newest errors and problems (the log has them all).
SHOWN_ERRORS = 3
SHOWN_NOTICES = 3
# A longer error message is cut here (the log has it whole, with its traceback).
ERROR_CHARS = 110
CARD_MARGIN = 24


def _memory_mib() -> float | None:
    try:
        import psutil

        return psutil.Process().memory_info().rss / (1024 * 1024)
    except Exception:  # noqa: BLE001 - a missing number is fine on a staff screen
        return None


def _short(text: str) -> str:
    return text if len(text) <= ERROR_CHARS else text[: ERROR_CHARS - 1].rstrip() + "…"


class StaffPanel(Overlay):
    """Behind the PIN: ``back``, ``reload_requested``, ``restart_requested``, ``exit_requested`` say what staff chose.

    ``timed_out`` when nobody touched it for ``seconds``.
    """

    back = Signal()
    reload_requested = Signal()
    restart_requested = Signal()
    exit_requested = Signal()
    timed_out = Signal()

    card_width = 1100

    def __init__(
        self,
        host: QWidget,
        report: StaffReport,
        record: RunRecord | None,
        language: Language,
        sizes: TextSize,
        clock: Clock = monotonic,
        seconds: float = 120.0,
    ) -> None:
        super().__init__(host, "staffPanel", veil=170)
        self._report = report
        self._record = record
        self._sizes = sizes
        self.timeout = Timeout(seconds, clock, self)
        self.timeout.expired.connect(self.timed_out)
        self._tick = QTimer(self)
        self._tick.setInterval(30_000)  # the uptime is in minutes
        self._tick.timeout.connect(self.refresh)
        self._card, inner = self.card("staffCard", CARD_MARGIN)
        inner.setSpacing(6)
        self._title = parts.label(sizes, "staffTitle", 26, bold=True, colour=style.ACCENT_TEXT, centred=True)
        inner.addWidget(self._title)
        self._uptime = self._line("staffUptime", 18)
        self._memory = self._line("staffMemory", 18)
        self._last_run = self._line("staffLastRun", 18)
        self._error_count = self._line("staffErrors", 18)
        self._errors = [self._line(f"staffError{i}", 15, style.MUTED) for i in range(SHOWN_ERRORS)]
        self._reload_state = self._line("staffReloadWaiting", 16, style.ACCENT_TEXT)
        self._notices = [self._line(f"staffNotice{i}", 16, style.NOTICE_TEXT) for i in range(SHOWN_NOTICES)]
        self._more = self._line("staffMoreNotices", 15, style.MUTED)
        # the run on the left and the salon's files on the right in a landscape window; one below the other in portrait
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.setSpacing(24)
        for lines in (
            (self._uptime, self._memory, self._last_run, self._error_count, *self._errors),
            (self._reload_state, *self._notices, self._more),
        ):
            column = QVBoxLayout()
            column.setSpacing(6)
            for w in lines:
                column.addWidget(w)
            column.addStretch(1)
            self._body.addLayout(column, 1)
        inner.addLayout(self._body)
        inner.addSpacing(8)
        self._buttons = QGridLayout()
        self._buttons.setSpacing(10)
        self._reload = self._button("reloadButton", self.reload_requested)
        self._restart = self._button("restartButton", self.restart_requested)
        self._back = self._button("staffBack", self.back)
        self._exit = self._button("exitButton", self.exit_requested, primary=True)
        self._columns = 0
        self._arrange_buttons(4)
        inner.addLayout(self._buttons)
        report.changed.connect(self.refresh)
        language.changed.connect(self._on_language_changed)
        self._on_language_changed(language.code)

    def _line(self, name: str, px: int, colour: str | None = None) -> QLabel:
        label = parts.label(self._sizes, name, px, colour=colour, keep_height=True)
        set_enum(label, "alignment", "AlignLeft|AlignVCenter")
        return label

    def _button(self, name: str, signal: SignalInstance, primary: bool = False) -> QPushButton:
        button = parts.button(self._sizes, name, primary=primary, px=20, bold=True, height=64, focus=False)
        button.clicked.connect(signal)
        return button

    def _arrange_buttons(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        buttons = (self._reload, self._restart, self._back, self._exit)
        for button in buttons:
            self._buttons.removeWidget(button)
        for i, button in enumerate(buttons):
            self._buttons.addWidget(button, i // columns, i % columns)

    def place_cards(self) -> None:
        # four in a row where their labels fit, else two rows of two (or one column)
        inner = self.card_area(self._card).width() - 2 * CARD_MARGIN
        buttons = (self._reload, self._restart, self._back, self._exit)
        widest = max(b.sizeHint().width() for b in buttons)
        spacing = self._buttons.spacing()
        columns = next((n for n in (4, 2) if n * widest + (n - 1) * spacing <= inner), 1)
        self._arrange_buttons(columns)
        portrait = self.height() > self.width()
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        super().place_cards()

    # --- open, close ---------------------------------------------------------------------

    def open(self) -> None:
        self.refresh()
        self.cover()
        self.timeout.start()
        self._tick.start()

    def close_panel(self) -> None:
        self.timeout.stop()
        self._tick.stop()
        self.hide()

    def touch(self) -> None:
        """Staff touched the panel: its timeout starts again."""
        self.timeout.touch()

    # --- what it says ----------------------------------------------------------------------

    def refresh(self) -> None:
        report = self._report
        hours, rest = divmod(int(report.uptime()), 3600)
        self._uptime.setText(self.tr("Running for {h} h {m} min").format(h=hours, m=rest // 60))
        memory = _memory_mib()
        self._memory.setText(self.tr("Memory in use: {mib} MiB").format(mib=f"{memory:.0f}" if memory else "?"))
        self._last_run.setVisible(self._record is not None)
        if self._record is not None:
            previous = self._record.last_restart()
            if previous is None:
                self._last_run.setText(self.tr("This is the first run on this computer."))
            else:
                when = previous.started
                stamp = datetime.fromtimestamp(when).strftime("%Y-%m-%d %H:%M") if when else "—"
                why = self._ending_text(previous.ending)
                self._last_run.setText(self.tr("Last start: {when}; it ended with: {why}").format(when=stamp, why=why))
        errors = report.errors
        self._error_count.setText(self.tr("Errors since start: {n}").format(n=len(errors)))
        shown = errors[-SHOWN_ERRORS:]
        for i, label in enumerate(self._errors):
            label.setText(_short(shown[i]) if i < len(shown) else "")
            label.setVisible(i < len(shown))
        self._reload_state.setText(self.tr("New content is ready: it shows when you leave this panel."))
        self._reload_state.setVisible(report.reload_waiting)
        notices = report.notices
        newest = notices[-SHOWN_NOTICES:]
        for i, label in enumerate(self._notices):
            label.setText(localize(newest[i]) if i < len(newest) else "")
            label.setVisible(i < len(newest))
        hidden = len(notices) - len(newest)
        self._more.setText(self.tr("%n more in the log and in `reflexmap check`.", "", hidden))
        self._more.setVisible(hidden > 0)

    def _ending_text(self, ending: Ending) -> str:
        return {
            Ending.CLEAN_EXIT: self.tr("a clean stop"),
            Ending.STAFF_EXIT: self.tr("staff exit"),
            Ending.STAFF_RESTART: self.tr("staff restart"),
            Ending.CRASH: self.tr("a crash"),
            Ending.WATCHDOG: self.tr("the watchdog (the window froze)"),
            Ending.POWER_CUT: self.tr("a power cut"),
        }[ending]

    def _on_language_changed(self, lang: str) -> None:
        self._title.setText(self.tr("Staff panel"))
        self._reload.setText(self.tr("Reload content"))
        self._restart.setText(self.tr("Restart reflexmap"))
        self._back.setText(self.tr("Back to visitors"))
        self._exit.setText(self.tr("Exit reflexmap"))
        self.refresh()
