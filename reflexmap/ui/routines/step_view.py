"""The player page's step, to be read from across the room: which step, which foot, the countdown, the instruction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from reflexmap.i18n import Language
from reflexmap.player import Cue, RoutinePlayer, State
from reflexmap.ui import parts, style
from reflexmap.ui.fit_label import ElidedLabel, FitLabel
from reflexmap.ui.fonts import BASE_PX, SCALES, TextSize
from reflexmap.ui.routines.format import clock_face, foot_name, format_duration

__all__ = ["COUNTDOWN_MIN_PX", "COUNTDOWN_SHARE", "INSTRUCTION_SHARE", "StepView"]

#: The countdown's smallest size at 100 % text (it grows with the page from there).
COUNTDOWN_MIN_PX = 40
#: The countdown's size per pixel of the page's height at 100 % text: its digits a tenth of a full-screen window.
COUNTDOWN_SHARE = 0.16
#: The instruction's size per pixel of the page's height at 100 % text (never below twice the body text).
INSTRUCTION_SHARE = 0.065


class StepView(QWidget):
    """The playing step: its place and foot, the countdown (or Done), the instruction, what comes next, the progress.

    The countdown and the instruction grow with the page's height and with the
    text size (:meth:`set_page_height`), as far as the room allows, and are
    never smaller than the countdown's base size and twice the body text; the
    instruction takes the room the countdown leaves.  Both are sized to what
    they would be at the largest text size first, so a larger text size never
    makes them smaller.  The countdown turns the accent colour for the 3-2-1
    before a timed step ends.
    """

    def __init__(
        self, player: RoutinePlayer, language: Language, sizes: TextSize, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._player = player
        self._language = language
        self._sizes = sizes
        self._page_height = 0
        info = QVBoxLayout(self)
        info.setContentsMargins(0, 0, 0, 0)
        info.setSpacing(6)
        self._spacing = info.spacing()
        where = QHBoxLayout()
        self._step_label = parts.label(sizes, "stepLabel", 17, bold=True, colour=style.MUTED, keep_height=True)
        self._foot = parts.label(sizes, "footBanner", 20, bold=True, keep_height=True)
        self._foot.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        where.addWidget(self._step_label, 1)
        where.addWidget(self._foot, 1)
        info.addLayout(where)
        # as big as the page allows: the countdown from its base size, the instruction from twice the body text
        self._countdown = FitLabel("countdown", wrap=False, centred=True, template="8:88", ink=True)
        self._countdown.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizes.font(self._countdown, COUNTDOWN_MIN_PX, bold=True)
        self._instruction = FitLabel("instruction", wrap=True, centred=False)
        sizes.font(self._instruction, 2 * BASE_PX)
        self._next = ElidedLabel("nextStep")  # one line: the page's room goes to the instruction
        sizes.font(self._next, BASE_PX)
        style.colour(self._next, style.MUTED)
        progress = QHBoxLayout()
        self._progress = QProgressBar()
        self._progress.setObjectName("routineProgress")
        self._progress.setRange(0, 1000)
        self._progress.setTextVisible(False)
        self._progress.setFixedHeight(14)
        self._time_left = parts.label(sizes, "timeLeft", colour=style.MUTED, wrap=False)
        progress.addWidget(self._progress, 1)
        progress.addWidget(self._time_left)
        info.addWidget(self._countdown)  # the room its size needs
        info.addWidget(self._instruction, 1)  # and the rest
        info.addWidget(self._next)
        info.addLayout(progress)
        self._done = parts.button(sizes, "doneButton", primary=True)  # a step that waits: in the countdown's place
        self._done.clicked.connect(player.done)
        info.addWidget(self._done)
        player.state_changed.connect(self._on_player_state_changed)
        player.step_changed.connect(self._on_player_step_changed)
        player.tick.connect(self._show_time)
        player.cue.connect(self._on_player_cue)
        language.changed.connect(self._on_language_changed)
        sizes.changed.connect(self._on_text_size_changed)
        self.refresh()

    def set_page_height(self, height: int) -> None:
        """Size the countdown and the instruction for a page ``height`` pixels tall."""
        self._page_height = height
        self._fit_sizes()

    def _fit_sizes(self) -> None:
        """The countdown's and the instruction's largest sizes: what the page allows at the largest text size.

        Larger text makes the rows around them taller and the countdown bigger, so
        there is less room for the instruction: it is given the size that would
        still fit then (or, on a roomy page, its share of the page).
        """
        if self._page_height <= 0:
            return
        scale = self._sizes.scale
        largest = SCALES[-1]
        countdown = self._countdown
        countdown.max_px = max(countdown.font().pixelSize(), round(COUNTDOWN_SHARE * self._page_height * scale))
        instruction = self._instruction
        share = max(instruction.font().pixelSize(), round(INSTRUCTION_SHARE * self._page_height * scale))
        if not self._countdown.isVisibleTo(self) or self.height() <= 0:
            instruction.max_px = share
            return
        # the rows that are neither (with their spacing), as tall as the largest text makes them
        rows = self.height() - countdown.height() - instruction.height()
        room = self.height() - round(rows * largest / scale)
        countdown_then = round(COUNTDOWN_SHARE * self._page_height * largest)
        width = instruction.contentsRect().width()
        countdown_then = countdown.largest_px(countdown.contentsRect().width(), 1 << 20, countdown_then)
        room -= countdown.ink_height(countdown_then) + self._spacing
        instruction.max_px = max(instruction.font().pixelSize(), min(share, instruction.largest_px(width, room, share)))

    def refresh(self) -> None:
        """Show the player's step and time as they are now."""
        self._show_step()
        self._show_time()
        self._show_waiting()
        self._fit_sizes()  # a new instruction may need another size

    def _show_step(self) -> None:
        player = self._player
        current = player.current()
        if current is None:
            return
        lang = self._language.code
        step = current.step
        index = player.index
        total = len(player.plan())
        if player.phase == State.LEAD_IN:
            self._step_label.setText(self.tr("Get ready — first step"))
        elif player.state == State.PAUSED:
            self._step_label.setText(self.tr("Paused — step {n} of {m}").format(n=index + 1, m=total))
        else:
            self._step_label.setText(self.tr("Step {n} of {m}").format(n=index + 1, m=total))
        self._instruction.setText(step.instruction(lang))
        upcoming = player.upcoming()
        self._next.setText(
            self.tr("Next: {text}").format(text=upcoming.step.instruction(lang)) if upcoming else self.tr("Last step")
        )
        previous = player.plan()[index - 1].step.foot if index > 0 else None
        foot_text = foot_name(step.foot)
        changed = previous in ("left", "right") and step.foot in ("left", "right") and previous != step.foot
        if changed:
            foot_text = self.tr("Now the left foot") if step.foot == "left" else self.tr("Now the right foot")
        self._foot.setText(foot_text)
        style.colour(self._foot, style.ACCENT_FILL if changed else style.TEXT)

    def _show_time(self) -> None:
        player = self._player
        remaining = player.step_remaining()
        if player.state in (State.IDLE, State.SAFETY, State.FINISHED) or player.current() is None:
            self._countdown.setText("")
        elif remaining is None:
            self._countdown.setText(self.tr("Done?"))
        else:
            self._countdown.setText(clock_face(remaining))
        self._progress.setValue(round(player.progress() * 1000))
        self._time_left.setText(
            self.tr("{time} left in the routine").format(
                time=format_duration(player.total_remaining(), self._language.code)
            )
        )

    def _show_waiting(self) -> None:
        self._done.setText(self.tr("Done"))
        waiting = self._player.phase == State.WAITING
        self._done.setVisible(waiting)
        self._countdown.setVisible(not waiting)  # nothing to count: the Done button says it

    def _on_player_state_changed(self, state: State) -> None:
        self.refresh()

    def _on_player_step_changed(self, index: int) -> None:
        self.refresh()

    def _on_player_cue(self, cue: Cue) -> None:
        # the visual cue is always there (with sound or without)
        style.colour(self._countdown, style.ACCENT_FILL if cue.counting else style.TEXT)

    def _on_language_changed(self, lang: str) -> None:
        self.refresh()

    def _on_text_size_changed(self, step: int) -> None:
        self._fit_sizes()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_sizes()
