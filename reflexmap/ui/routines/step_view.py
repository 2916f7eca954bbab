"""The player page's step, to be read from across the room: which step, which foot, the countdown, the instruction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from reflexmap.i18n import Language
from reflexmap.player import Cue, RoutinePlayer, State
from reflexmap.ui import parts, style
from reflexmap.ui.fit_label import ElidedLabel, FitLabel
from reflexmap.ui.fonts import BASE_PX, TextSize
from reflexmap.ui.routines.format import clock_face, foot_name, format_duration

__all__ = ["COUNTDOWN_MIN_PX", "INSTRUCTION_MAX_PX", "StepView"]

#: The countdown's smallest size at 100 % text (it grows with the page from there).
COUNTDOWN_MIN_PX = 40
#: The instruction grows from twice the body text up to this.
INSTRUCTION_MAX_PX = 64


class StepView(QWidget):
    """The playing step: its place and foot, the countdown (or Done), the instruction, what comes next, the progress.

    The countdown and the instruction are as large as the room allows, never
    smaller than the countdown's base size and twice the body text.  The
    countdown turns the accent colour for the 3-2-1 before a timed step ends.
    """

    def __init__(
        self, player: RoutinePlayer, language: Language, sizes: TextSize, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._player = player
        self._language = language
        info = QVBoxLayout(self)
        info.setContentsMargins(0, 0, 0, 0)
        info.setSpacing(6)
        where = QHBoxLayout()
        self._step_label = parts.label(sizes, "stepLabel", 17, bold=True, colour=style.MUTED, keep_height=True)
        self._foot = parts.label(sizes, "footBanner", 20, bold=True, keep_height=True)
        self._foot.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        where.addWidget(self._step_label, 1)
        where.addWidget(self._foot, 1)
        info.addLayout(where)
        # as big as the page allows: the countdown from its base size, the instruction from twice the body text
        self._countdown = FitLabel("countdown", wrap=False, centred=True, template="8:88")
        sizes.font(self._countdown, COUNTDOWN_MIN_PX, bold=True)
        self._instruction = FitLabel("instruction", wrap=True, centred=False, max_px=INSTRUCTION_MAX_PX)
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
        info.addWidget(self._countdown, 3)
        info.addWidget(self._instruction, 4)
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
        self.refresh()

    def refresh(self) -> None:
        """Show the player's step and time as they are now."""
        self._show_step()
        self._show_time()
        self._show_waiting()

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
